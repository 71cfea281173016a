/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "compute-resource.h"

#include "dt-ns3-version.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ComputeResource");

NS_OBJECT_ENSURE_REGISTERED(ComputeResource);

TypeId
ComputeResource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ComputeResource")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<ComputeResource>()
            .AddAttribute("CapacityGflops",
                          "Total compute capacity in GFLOPS, shared equally by the cores.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ComputeResource::m_capacityGflops),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("Cores",
                          "Number of jobs that run in parallel.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ComputeResource::m_cores),
                          MakeUintegerChecker<uint32_t>(1, 4096))
            .AddAttribute("MaxQueueLength",
                          "Waiting jobs beyond which a submission is rejected.",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&ComputeResource::m_maxQueueLength),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "Scheduler",
                "Order of waiting jobs: strict priority, or deficit round robin "
                "across owners (fairness) with strict priority within an owner.",
                EnumValue(ComputeResource::PRIORITY),
                DtMakeEnumAccessor<ComputeResource::Scheduler>(&ComputeResource::m_scheduler),
                MakeEnumChecker(ComputeResource::PRIORITY, "Priority", ComputeResource::DRR, "Drr"))
            .AddAttribute("DrrQuantumGflop",
                          "DRR credit per round for an owner of weight 1.",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&ComputeResource::m_drrQuantumGflop),
                          MakeDoubleChecker<double>(1e-3))
            .AddTraceSource("JobStarted",
                            "A job started on a core; the time is how long it waited.",
                            MakeTraceSourceAccessor(&ComputeResource::m_jobStarted),
                            "ns3::ComputeResource::JobTracedCallback")
            .AddTraceSource("JobFinished",
                            "A job finished; the time is its service time.",
                            MakeTraceSourceAccessor(&ComputeResource::m_jobFinished),
                            "ns3::ComputeResource::JobTracedCallback")
            .AddTraceSource("BusyCores",
                            "Number of busy cores (drives DtComputeEnergyModel).",
                            MakeTraceSourceAccessor(&ComputeResource::m_busyCount),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("JobRejected",
                            "A job was rejected because the queue was full.",
                            MakeTraceSourceAccessor(&ComputeResource::m_jobRejected),
                            "ns3::ComputeResource::JobRejectedTracedCallback");
    return tid;
}

ComputeResource::ComputeResource()
{
    NS_LOG_FUNCTION(this);
}

ComputeResource::~ComputeResource()
{
    NS_LOG_FUNCTION(this);
}

void
ComputeResource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Stop();
    Object::DoDispose();
}

void
ComputeResource::Stop()
{
    NS_LOG_FUNCTION(this);
    for (auto& r : m_running)
    {
        r.event.Cancel();
    }
    m_running.clear();
    for (uint32_t core = 0; core < m_busy.size(); ++core)
    {
        SetBusy(core, false);
    }
    m_busy.clear();
    m_queue.reset();
    m_waitingSince.clear();
    m_done = Callback<void, const DtComputeJob&>();
}

void
ComputeResource::EnsureQueue()
{
    if (m_queue)
    {
        return;
    }
    if (m_scheduler == DRR)
    {
        auto drr = std::make_unique<DtDrrJobQueue>(m_drrQuantumGflop);
        for (const auto& [owner, weight] : m_pendingWeights)
        {
            drr->SetWeight(owner, weight);
        }
        m_queue = std::move(drr);
    }
    else
    {
        m_queue = std::make_unique<DtPriorityJobQueue>();
    }
    m_pendingWeights.clear();
    m_busy.assign(m_cores, false);
    m_running.assign(m_cores, Running());
}

void
ComputeResource::SetOwnerWeight(uint32_t owner, double weight)
{
    NS_ABORT_MSG_IF(!(std::isfinite(weight) && weight > 0),
                    "ComputeResource: weight of owner " << owner << " must be positive, got "
                                                        << weight);
    if (!m_queue)
    {
        m_pendingWeights.emplace_back(owner, weight);
        return;
    }
    if (auto drr = dynamic_cast<DtDrrJobQueue*>(m_queue.get()))
    {
        drr->SetWeight(owner, weight);
    }
}

void
ComputeResource::SetJobDoneCallback(Callback<void, const DtComputeJob&> cb)
{
    m_done = cb;
}

bool
ComputeResource::Submit(const DtComputeJob& job)
{
    NS_LOG_FUNCTION(this << job.id << job.workloadGflop << +job.priority << job.owner);
    NS_ABORT_MSG_IF(!(std::isfinite(job.workloadGflop) && job.workloadGflop > 0),
                    "ComputeResource: job workload must be positive, got " << job.workloadGflop);
    EnsureQueue();
    if (m_queue->GetLength() >= m_maxQueueLength && GetBusyCores() == m_cores)
    {
        NS_LOG_LOGIC("queue full, job " << job.id << " rejected");
        m_jobRejected(job);
        return false;
    }
    m_queue->Enqueue(job);
    m_waitingSince[job.id] = Simulator::Now();
    StartJobs();
    return true;
}

void
ComputeResource::StartJobs()
{
    for (uint32_t core = 0; core < m_cores && m_queue->GetLength() > 0; ++core)
    {
        if (m_busy[core])
        {
            continue;
        }
        DtComputeJob job = m_queue->Dequeue();
        Time wait = Seconds(0);
        auto it = m_waitingSince.find(job.id);
        if (it != m_waitingSince.end())
        {
            wait = Simulator::Now() - it->second;
            m_waitingSince.erase(it);
        }
        Time service = GetServiceTime(job.workloadGflop);
        SetBusy(core, true);
        m_running[core] = {job,
                           Simulator::Now(),
                           Simulator::Now() + service,
                           Simulator::Schedule(service, &ComputeResource::Finish, this, core)};
        NS_LOG_LOGIC("core " << core << " starts job " << job.id << " for " << service.As(Time::MS)
                             << " after waiting " << wait.As(Time::MS));
        m_jobStarted(job, wait);
    }
}

void
ComputeResource::Finish(uint32_t core)
{
    Running done = m_running[core];
    SetBusy(core, false);
    m_completedGflop += done.job.workloadGflop;
    NS_LOG_LOGIC("core " << core << " finished job " << done.job.id);
    m_jobFinished(done.job, done.end - done.start);
    StartJobs();
    if (!m_done.IsNull())
    {
        m_done(done.job);
    }
}

double
ComputeResource::GetCapacityGflops() const
{
    return m_capacityGflops;
}

uint32_t
ComputeResource::GetCores() const
{
    return m_cores;
}

double
ComputeResource::GetBacklogGflop() const
{
    if (!m_queue)
    {
        return 0;
    }
    double backlog = m_queue->GetBacklogGflop();
    const double perCore = m_capacityGflops / m_cores;
    for (uint32_t core = 0; core < m_cores; ++core)
    {
        if (m_busy[core])
        {
            backlog +=
                std::max(0.0, (m_running[core].end - Simulator::Now()).GetSeconds()) * perCore;
        }
    }
    return backlog;
}

uint32_t
ComputeResource::GetQueueLength() const
{
    return m_queue ? m_queue->GetLength() : 0;
}

void
ComputeResource::SetBusy(uint32_t core, bool busy)
{
    if (m_busy[core] == busy)
    {
        return;
    }
    // The clock restarts at zero after Simulator::Destroy (a resource disposed
    // afterwards): nothing was busy in between.
    const Time now = std::max(Simulator::Now(), m_busySince);
    m_busyCoreSeconds += m_busyCount * (now - m_busySince).GetSeconds();
    m_busySince = now;
    m_busy[core] = busy;
    m_busyCount = m_busyCount + (busy ? 1 : -1);
}

double
ComputeResource::GetBusyCoreSeconds() const
{
    return m_busyCoreSeconds
           + m_busyCount * (std::max(Simulator::Now(), m_busySince) - m_busySince).GetSeconds();
}

uint32_t
ComputeResource::GetBusyCores() const
{
    return static_cast<uint32_t>(std::count(m_busy.begin(), m_busy.end(), true));
}

Time
ComputeResource::GetServiceTime(double workloadGflop) const
{
    return Seconds(workloadGflop / (m_capacityGflops / m_cores));
}

Time
ComputeResource::EstimateCompletionDelay(double workloadGflop) const
{
    return Seconds((GetBacklogGflop() / m_cores + workloadGflop) / (m_capacityGflops / m_cores));
}

double
ComputeResource::GetCompletedGflop() const
{
    return m_completedGflop;
}

} // namespace ns3
