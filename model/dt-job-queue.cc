/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-job-queue.h"

#include "ns3/abort.h"

#include <cmath>

namespace ns3
{

void
DtPriorityJobQueue::Enqueue(const DtComputeJob& job)
{
    m_jobs.emplace(Key(-static_cast<int>(job.priority), m_arrivals++), job);
    m_backlog += job.workloadGflop;
}

const DtComputeJob&
DtPriorityJobQueue::Peek() const
{
    NS_ABORT_MSG_IF(m_jobs.empty(), "Peek on an empty job queue");
    return m_jobs.begin()->second;
}

DtComputeJob
DtPriorityJobQueue::Dequeue()
{
    NS_ABORT_MSG_IF(m_jobs.empty(), "Dequeue on an empty job queue");
    auto it = m_jobs.begin();
    DtComputeJob job = it->second;
    m_jobs.erase(it);
    m_backlog = m_jobs.empty() ? 0.0 : m_backlog - job.workloadGflop;
    return job;
}

uint32_t
DtPriorityJobQueue::GetLength() const
{
    return static_cast<uint32_t>(m_jobs.size());
}

DtDrrJobQueue::DtDrrJobQueue(double quantumGflop)
    : m_quantum(quantumGflop)
{
    NS_ABORT_MSG_IF(!(std::isfinite(quantumGflop) && quantumGflop > 0),
                    "DRR quantum must be positive, got " << quantumGflop);
}

void
DtDrrJobQueue::SetWeight(uint32_t owner, double weight)
{
    NS_ABORT_MSG_IF(!(std::isfinite(weight) && weight > 0),
                    "DRR weight of owner " << owner << " must be positive, got " << weight);
    m_weight[owner] = weight;
}

void
DtDrrJobQueue::Enqueue(const DtComputeJob& job)
{
    auto [it, inserted] = m_flows.try_emplace(job.owner);
    if (inserted)
    {
        m_active.push_back(job.owner);
    }
    it->second.jobs.Enqueue(job);
    m_backlog += job.workloadGflop;
    ++m_length;
}

DtComputeJob
DtDrrJobQueue::Dequeue()
{
    NS_ABORT_MSG_IF(m_active.empty(), "Dequeue on an empty job queue");
    // Visit owners in round-robin order, crediting each a quantum per visit,
    // until one can afford its head job. Terminates: credit grows every visit.
    while (true)
    {
        uint32_t owner = m_active.front();
        Flow& flow = m_flows.at(owner);
        if (flow.jobs.Peek().workloadGflop <= flow.deficit)
        {
            DtComputeJob head = flow.jobs.Dequeue();
            flow.deficit -= head.workloadGflop;
            --m_length;
            m_backlog = m_length == 0 ? 0.0 : m_backlog - head.workloadGflop;
            if (flow.jobs.GetLength() == 0)
            {
                m_flows.erase(owner); // an idle owner keeps no credit
                m_active.pop_front();
            }
            return head;
        }
        auto w = m_weight.find(owner);
        flow.deficit += m_quantum * (w == m_weight.end() ? 1.0 : w->second);
        m_active.pop_front();
        m_active.push_back(owner);
    }
}

uint32_t
DtDrrJobQueue::GetLength() const
{
    return m_length;
}

} // namespace ns3
