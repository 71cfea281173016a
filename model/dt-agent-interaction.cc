/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-agent-interaction.h"

#include "dt-agent-pool.h"
#include "dt-byte-vector.h"
#include "dt-migration-manager.h"
#include "dt-sample-codec.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtAgentInteraction");

NS_OBJECT_ENSURE_REGISTERED(DtAgentInteraction);

TypeId
DtAgentInteraction::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtAgentInteraction")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtAgentInteraction>()
            .AddTraceSource("AgentMessage",
                            "An agent's message to another agent ended: delivered in the "
                            "pool, delivered by another edge DT, or unreachable.",
                            MakeTraceSourceAccessor(&DtAgentInteraction::m_messageTrace),
                            "ns3::EdgeDtApplication::AgentMessageTracedCallback")
            .AddTraceSource("ProximityAlert",
                            "An agent heard from a peer whose terminal is within the "
                            "proximity radius of its own.",
                            MakeTraceSourceAccessor(&DtAgentInteraction::m_proximityTrace),
                            "ns3::EdgeDtApplication::ProximityTracedCallback");
    return tid;
}

DtAgentInteraction::DtAgentInteraction()
{
    NS_LOG_FUNCTION(this);
}

DtAgentInteraction::~DtAgentInteraction()
{
    NS_LOG_FUNCTION(this);
}

void
DtAgentInteraction::DoDispose()
{
    m_event.Cancel();
    m_pool = nullptr;
    m_migrations = nullptr;
    m_send = SendCallback();
    Object::DoDispose();
}

void
DtAgentInteraction::Setup(uint32_t dtId,
                          Ptr<DtAgentPool> pool,
                          Ptr<DtMigrationManager> migrations,
                          const Parameters& parameters,
                          SendCallback send)
{
    m_dtId = dtId;
    m_pool = pool;
    m_migrations = migrations;
    m_parameters = parameters;
    m_send = send;
}

void
DtAgentInteraction::SetPlan(std::map<uint32_t, std::vector<uint32_t>> peers,
                            std::map<uint32_t, uint32_t> home)
{
    m_peers = std::move(peers);
    m_location = std::move(home);
}

void
DtAgentInteraction::Start()
{
    if (m_parameters.interval.IsStrictlyPositive() && !m_peers.empty())
    {
        m_event = Simulator::Schedule(m_parameters.interval, &DtAgentInteraction::Interact, this);
    }
}

void
DtAgentInteraction::Stop()
{
    m_event.Cancel();
}

uint64_t
DtAgentInteraction::GetSent() const
{
    return m_sent;
}

uint64_t
DtAgentInteraction::GetForwarded() const
{
    return m_forwarded;
}

void
DtAgentInteraction::Interact()
{
    m_event = Simulator::Schedule(m_parameters.interval, &DtAgentInteraction::Interact, this);
    for (const auto& [terminal, agent] : m_pool->GetAgents())
    {
        auto it = m_peers.find(terminal);
        if (it == m_peers.end() || m_migrations->IsDeparted(terminal))
        {
            continue;
        }
        for (uint32_t peer : it->second)
        {
            Send(agent, peer);
        }
    }
}

void
DtAgentInteraction::Send(const DtDigitalAgent& from, uint32_t to)
{
    // The body: the sender's position and velocity, then the rest of what it says.
    std::vector<uint8_t> body;
    const std::vector<double>& p = from.mirror[static_cast<uint8_t>(DtSource::POSITION) - 1];
    for (uint32_t i = 0; i < 4; ++i)
    {
        const double v = i < p.size() ? p[i] : std::numeric_limits<double>::quiet_NaN();
        uint64_t bits;
        std::memcpy(&bits, &v, 8);
        DtPutUint(body, bits, 8);
    }
    body.resize(std::max<std::size_t>(body.size(), m_parameters.bytes), 0);
    DtAgentMessageHeader m;
    m.SetAgents(from.terminal, to);
    m.SetFromEdge(m_dtId);
    m.SetSentAt(Simulator::Now());
    m.SetBody(std::move(body));
    ++m_sent;
    HandleMessage(std::move(m));
}

void
DtAgentInteraction::HandleMessage(DtAgentMessageHeader m)
{
    const uint32_t to = m.GetTo();
    const bool local = m.GetFromEdge() == m_dtId && m.GetHops() == 0;
    if (!local)
    {
        // Straight from the sender's edge: fresher than any forwarding pointer.
        m_location[m.GetFrom()] = m.GetFromEdge();
        m_migrations->ForgetNextEdge(m.GetFrom());
    }
    if (m_pool->GetAgent(to) && !m_migrations->IsDeparted(to))
    {
        Deliver(m, local ? AGENT_MESSAGE_IN_POOL : AGENT_MESSAGE_DELIVERED);
        return;
    }
    if (m_migrations->HoldAgentMessage(m))
    {
        return; // the agent is on its way here
    }
    // Where it went from here, else where it was last heard from.
    uint32_t next = m_dtId;
    bool forward = false;
    if (m_migrations->GetNextEdge(to, next))
    {
        forward = true;
    }
    else if (auto loc = m_location.find(to); loc != m_location.end())
    {
        next = loc->second;
        forward = !local;
    }
    if (next == m_dtId || (next == m.GetFromEdge() && !local)
        || m.GetHops() >= DtAgentMessageHeader::MAX_HOPS)
    {
        Drop(m);
        return;
    }
    if (forward)
    {
        m.SetHops(m.GetHops() + 1);
        ++m_forwarded;
    }
    NS_LOG_LOGIC("edge DT " << m_dtId << " sends the message of agent " << m.GetFrom() << " to "
                            << to << " via edge DT " << next << (forward ? " (forward)" : ""));
    m_send(next, m);
}

void
DtAgentInteraction::DeliverHeld(const std::vector<DtAgentMessageHeader>& messages)
{
    for (const auto& m : messages)
    {
        const bool local = m.GetFromEdge() == m_dtId && m.GetHops() == 0;
        Deliver(m, local ? AGENT_MESSAGE_IN_POOL : AGENT_MESSAGE_DELIVERED);
    }
}

void
DtAgentInteraction::Deliver(const DtAgentMessageHeader& m, AgentMessageOutcome outcome)
{
    m_messageTrace(m.GetFrom(), m.GetTo(), outcome, Simulator::Now() - m.GetSentAt());
    // Cooperative awareness: how close is the peer?
    const DtDigitalAgent* agent = m_pool->GetAgent(m.GetTo());
    const std::vector<double>& own = agent->mirror[static_cast<uint8_t>(DtSource::POSITION) - 1];
    const std::vector<uint8_t>& body = m.GetBody();
    std::size_t pos = 0;
    uint64_t xb = 0;
    uint64_t yb = 0;
    if (own.size() < 2 || !DtGetUint(body, pos, 8, xb) || !DtGetUint(body, pos, 8, yb))
    {
        return;
    }
    double x;
    double y;
    std::memcpy(&x, &xb, 8);
    std::memcpy(&y, &yb, 8);
    const double d = std::hypot(x - own[0], y - own[1]);
    if (d < m_parameters.radius) // false for NaN: no position known
    {
        m_proximityTrace(m.GetFrom(), m.GetTo(), d);
    }
}

void
DtAgentInteraction::Drop(const DtAgentMessageHeader& m)
{
    NS_LOG_LOGIC("edge DT " << m_dtId << " cannot reach the agent of DT " << m.GetTo());
    m_messageTrace(
        m.GetFrom(), m.GetTo(), AGENT_MESSAGE_UNREACHABLE, Simulator::Now() - m.GetSentAt());
}

} // namespace ns3
