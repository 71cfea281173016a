/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-agent-pool.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtAgentPool");

NS_OBJECT_ENSURE_REGISTERED(DtAgentPool);

TypeId
DtAgentPool::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtAgentPool")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtAgentPool>()
            .AddAttribute("AgentHistory",
                          "How much status update history an agent keeps (and a migration "
                          "transfers).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DtAgentPool::m_history),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TwinStateBytes",
                          "Size of each new twin's model and state beyond the agent's own "
                          "record (metadata, latest state, status history), bytes: what a "
                          "full migration or a pre-copy carries after the record (its "
                          "content is not simulated). 0 (default): the twin is the record "
                          "alone, as the module computes it (about 8-18 KB with 10 s of "
                          "history in S2).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&DtAgentPool::m_twinStateBytes),
                          MakeUintegerChecker<uint32_t>(0, 4000000000u));
    return tid;
}

DtAgentPool::DtAgentPool()
{
}

DtAgentPool::~DtAgentPool()
{
}

bool
DtAgentPool::Join(uint32_t terminal, uint32_t servingCell, uint32_t modelVersion)
{
    auto [it, inserted] = m_agents.try_emplace(terminal);
    DtDigitalAgent& a = it->second;
    a.terminal = terminal;
    a.servingCell = servingCell;
    a.modelVersion = modelVersion;
    if (inserted)
    {
        a.joined = Simulator::Now();
        a.modelBytes = m_twinStateBytes;
        NS_LOG_LOGIC("agent of DT " << terminal << " joined (" << m_agents.size() << " agents)");
    }
    return inserted;
}

void
DtAgentPool::Adopt(DtDigitalAgent agent)
{
    const uint32_t terminal = agent.terminal;
    m_agents[terminal] = std::move(agent);
    NS_LOG_LOGIC("agent of DT " << terminal << " migrated in (" << m_agents.size() << " agents)");
}

bool
DtAgentPool::Synchronize(uint32_t terminal, Time generated, const std::vector<uint8_t>& state)
{
    auto it = m_agents.find(terminal);
    if (it == m_agents.end())
    {
        return false;
    }
    DtDigitalAgent& a = it->second;
    if (!state.empty() && generated >= a.freshest)
    {
        // The RAW streams of the state, up to the padding (a source 0).
        uint32_t count = 0;
        std::size_t end = 0;
        bool truncated = false;
        while (end + DtSampleCodec::STREAM_HEAD_BYTES <= state.size() && state[end] != 0)
        {
            const uint32_t channels = state[end + 1];
            const uint32_t samples = (static_cast<uint32_t>(state[end + 2]) << 8) | state[end + 3];
            const std::size_t next = end + DtSampleCodec::STREAM_HEAD_BYTES
                                     + sizeof(double) * channels * samples; // binary64 values
            if (next > state.size())
            {
                truncated = true;
                break;
            }
            count += samples;
            end = next;
        }
        std::vector<DtSampleStream> decoded;
        const std::vector<uint8_t> block(state.begin(), state.begin() + end);
        if (!truncated && count > 0 && DtSampleCodec::DecodeRaw(block, count, decoded))
        {
            for (const auto& st : decoded)
            {
                a.mirror[static_cast<uint8_t>(st.source) - 1].assign(st.values.end() - st.channels,
                                                                     st.values.end());
            }
        }
        else if (state[0] != 0)
        {
            ++m_undecodable; // not a RAW block
        }
    }
    a.Refresh(generated);
    return true;
}

void
DtAgentPool::GetAgeOfInformation(double& integral, double& duration)
{
    integral = m_closedAoi;
    duration = m_closedAoiDuration;
    for (auto& [terminal, a] : m_agents)
    {
        if (a.aoiSince.IsNegative())
        {
            continue;
        }
        a.IntegrateAge(Simulator::Now());
        integral += a.aoiIntegral;
        duration += (a.aoiLast - a.aoiSince).GetSeconds();
    }
}

void
DtAgentPool::Release(uint32_t terminal)
{
    m_agents.erase(terminal);
}

bool
DtAgentPool::Leave(uint32_t terminal, Time leftAt)
{
    auto it = m_agents.find(terminal);
    if (it == m_agents.end())
    {
        return false;
    }
    DtDigitalAgent& a = it->second;
    if (!a.aoiSince.IsNegative())
    {
        a.IntegrateAge(leftAt.IsNegative() ? Simulator::Now() : leftAt);
        m_closedAoi += a.aoiIntegral;
        m_closedAoiDuration += (a.aoiLast - a.aoiSince).GetSeconds();
    }
    m_agents.erase(it);
    return true;
}

const DtDigitalAgent*
DtAgentPool::GetAgent(uint32_t terminal) const
{
    auto it = m_agents.find(terminal);
    return it == m_agents.end() ? nullptr : &it->second;
}

const std::map<uint32_t, DtDigitalAgent>&
DtAgentPool::GetAgents() const
{
    return m_agents;
}

bool
DtAgentPool::ApplyStatus(uint32_t terminal,
                         const DtStatusUpdateHeader& update,
                         Time sentAt,
                         std::vector<DtSampleStream>* streams)
{
    auto [it, inserted] = m_agents.try_emplace(terminal);
    DtDigitalAgent& a = it->second;
    if (inserted)
    {
        a.terminal = terminal;
        a.joined = Simulator::Now();
    }
    if (sentAt < a.lastSampleTime)
    {
        return false; // reordered: an older state must not overwrite a newer one
    }
    std::vector<DtSampleStream> decoded;
    if (update.GetSampleCount() > 0)
    {
        const bool ok =
            update.GetEncoding() == DtSampleEncoding::DELTA_QUANTIZED
                ? DtSampleCodec::DecodeCompressed(
                    update.GetSamples(), update.GetSampleCount(), decoded)
                : DtSampleCodec::DecodeRaw(update.GetSamples(), update.GetSampleCount(), decoded);
        if (!ok)
        {
            ++m_undecodable;
        }
        for (const auto& st : decoded)
        {
            const auto first = st.values.end() - st.channels;
            a.mirror[static_cast<uint8_t>(st.source) - 1].assign(first, st.values.end());
        }
    }
    a.servingCell = update.GetServingCell();
    a.state = update;
    a.Remember(update, sentAt, m_history);
    a.Refresh(sentAt);
    a.lastSampleTime = sentAt;
    a.lastUpdate = Simulator::Now();
    ++a.updates;
    if (streams)
    {
        *streams = std::move(decoded);
    }
    return true;
}

uint64_t
DtAgentPool::GetUndecodableBlocks() const
{
    return m_undecodable;
}

} // namespace ns3
