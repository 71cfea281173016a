/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-edge-link.h"

#include "dt-address-book.h"
#include "dt-header.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtEdgeLink");

NS_OBJECT_ENSURE_REGISTERED(DtEdgeLink);

const char*
DtEdgeLinkStateName(DtEdgeLinkState state)
{
    switch (state)
    {
        case DtEdgeLinkState::ATTACHED:
            return "ATTACHED";
        case DtEdgeLinkState::JOINING:
            return "JOINING";
        case DtEdgeLinkState::UNREACHABLE:
            return "UNREACHABLE";
        case DtEdgeLinkState::REJOINING:
            return "REJOINING";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, DtEdgeLinkState state)
{
    return os << DtEdgeLinkStateName(state);
}

TypeId
DtEdgeLink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtEdgeLink")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtEdgeLink>()
            .AddTraceSource("StateChanged",
                            "The local DT's relation to its edge DT changed (DtEdgeLinkState: "
                            "old, new).",
                            MakeTraceSourceAccessor(&DtEdgeLink::m_stateTrace),
                            "ns3::DtEdgeLink::StateTracedCallback")
            .AddTraceSource("Probe",
                            "A join was sent to the serving edge DT to find out whether it "
                            "answers (it fell silent, or a message to it went unacknowledged).",
                            MakeTraceSourceAccessor(&DtEdgeLink::m_probeTrace),
                            "ns3::DtEdgeLink::ProbeTracedCallback")
            .AddTraceSource("Failover",
                            "The edge DT did not answer a join; the next one is tried.",
                            MakeTraceSourceAccessor(&DtEdgeLink::m_failoverTrace),
                            "ns3::LocalDtApplication::FailoverTracedCallback");
    return tid;
}

DtEdgeLink::DtEdgeLink()
{
    NS_LOG_FUNCTION(this);
}

DtEdgeLink::~DtEdgeLink()
{
    NS_LOG_FUNCTION(this);
}

void
DtEdgeLink::DoDispose()
{
    m_joinEvent.Cancel();
    m_watchEvent.Cancel();
    m_book = nullptr;
    m_join = Callback<void>();
    m_edgeChanged = Callback<void>();
    Object::DoDispose();
}

void
DtEdgeLink::Setup(Ptr<DtAddressBook> book,
                  const Parameters& parameters,
                  Callback<void> join,
                  Callback<void> edgeChanged)
{
    m_book = book;
    m_parameters = parameters;
    m_join = join;
    m_edgeChanged = edgeChanged;
}

void
DtEdgeLink::SetEdge(uint32_t edge)
{
    m_edge = edge;
}

void
DtEdgeLink::Start()
{
    m_previous = m_edge;
}

void
DtEdgeLink::Stop()
{
    m_joinEvent.Cancel();
    m_watchEvent.Cancel();
}

uint32_t
DtEdgeLink::GetEdge() const
{
    return m_edge;
}

uint32_t
DtEdgeLink::GetPreviousEdge() const
{
    return m_previous;
}

DtEdgeLinkState
DtEdgeLink::GetState() const
{
    return m_state;
}

bool
DtEdgeLink::IsReachable() const
{
    return m_state == DtEdgeLinkState::ATTACHED || m_state == DtEdgeLinkState::JOINING;
}

bool
DtEdgeLink::IsJoining() const
{
    return m_state == DtEdgeLinkState::JOINING || m_state == DtEdgeLinkState::REJOINING;
}

bool
DtEdgeLink::IsAccessUp() const
{
    return m_accessUp;
}

void
DtEdgeLink::SwitchTo(bool reachable, bool joining)
{
    const DtEdgeLinkState state =
        reachable ? (joining ? DtEdgeLinkState::JOINING : DtEdgeLinkState::ATTACHED)
                  : (joining ? DtEdgeLinkState::REJOINING : DtEdgeLinkState::UNREACHABLE);
    if (state == m_state)
    {
        return;
    }
    if (reachable != IsReachable())
    {
        NS_LOG_LOGIC("edge DT " << m_edge << (reachable ? " reachable again" : " unreachable"));
    }
    const DtEdgeLinkState old = m_state;
    m_state = state;
    m_stateTrace(old, state);
}

void
DtEdgeLink::Heard()
{
    SwitchTo(true, false);
    m_joinEvent.Cancel();
    m_probing = false;
    m_lastHeard = Simulator::Now();
    if (m_watchEvent.IsExpired() && m_parameters.edgeTimeout.IsStrictlyPositive())
    {
        m_watchEvent = Simulator::Schedule(m_parameters.edgeTimeout, &DtEdgeLink::Watch, this);
    }
}

void
DtEdgeLink::HandOver(uint32_t edge)
{
    m_previous = m_edge;
    m_edge = edge;
    m_probing = false;              // a probe of the previous edge says nothing of this one
    m_joinOwed = false;             // the handover's join goes to the new edge
    m_lastHeard = Simulator::Now(); // the new edge DT gets a whole EdgeTimeout to answer
}

void
DtEdgeLink::Joined()
{
    m_lastJoinAt = Simulator::Now();
    SwitchTo(IsReachable(), true);
}

void
DtEdgeLink::SetAccessLink(bool up)
{
    m_accessUp = up;
    if (!up)
    {
        // No access link: until it is back, new demands run here or at neighbours.
        if (m_parameters.multiLayer)
        {
            SwitchTo(false, IsJoining());
        }
        return;
    }
    m_lastHeard = Simulator::Now(); // the silence while disassociated was the radio's
    m_accessUpSince = Simulator::Now();
}

void
DtEdgeLink::RejoinIfLost()
{
    if (m_parameters.multiLayer && m_joinOwed)
    {
        // A join failed while the access link was down: ask again now.
        m_joinOwed = false;
        m_joinEvent.Cancel();
        SendJoin();
        return;
    }
    if (m_parameters.multiLayer && !IsReachable() && !IsJoining() && m_joinEvent.IsExpired())
    {
        SendJoin(); // back in the same cell: ask the edge DT (it may have restarted)
    }
}

bool
DtEdgeLink::SendFailed(const DtHeader& header)
{
    if (header.GetMessageType() != DtMessageType::AGENT_JOIN)
    {
        // One message went unacknowledged through its retransmissions: a
        // congested path does that as well as a failed edge. Only a join
        // that goes unanswered too shows the edge lost.
        if (m_parameters.multiLayer && m_accessUp)
        {
            Probe();
        }
        return false;
    }
    m_probing = false;
    if (!m_accessUp || m_accessUpSince > header.GetTimestamp())
    {
        // The access link was down for some of the time the join was on its
        // way: no evidence about the edge. Ask again once the link is back.
        if (m_accessUp)
        {
            m_joinEvent.Cancel();
            SendProbe();
        }
        else
        {
            m_joinOwed = true;
        }
        return false;
    }
    const bool lost = IsReachable();
    SwitchTo(false, false); // the join failed: nothing is joining any more
    if (m_parameters.failover)
    {
        FailOver();
    }
    if (m_joinEvent.IsExpired())
    {
        // Probe until an edge DT answers; new demands run here or at neighbours meanwhile.
        m_joinEvent = Simulator::Schedule(m_parameters.joinRetryInterval, &DtEdgeLink::Join, this);
    }
    return lost;
}

void
DtEdgeLink::Join()
{
    m_joinEvent.Cancel();
    SendJoin();
}

void
DtEdgeLink::Watch()
{
    const Time timeout = m_parameters.edgeTimeout;
    if (!m_accessUp)
    {
        // Without an access link (Wi-Fi between two associations) silence says
        // nothing about the edge DT: wait for the link.
        m_watchEvent = Simulator::Schedule(timeout, &DtEdgeLink::Watch, this);
        return;
    }
    const Time silent = Simulator::Now() - m_lastHeard;
    if (silent < timeout)
    {
        m_watchEvent = Simulator::Schedule(timeout - silent, &DtEdgeLink::Watch, this);
        return;
    }
    if (!m_parameters.multiLayer)
    {
        return;
    }
    NS_LOG_INFO("edge DT " << m_edge << " silent for " << silent.As(Time::MS));
    // Silence alone does not show a failure (a slow edge, a congested cell):
    // ask the edge directly. If this join goes unanswered too, the edge is
    // lost and failover moves on (SendFailed).
    Probe();
    // Watch it (or the next edge DT) again from now on.
    m_lastHeard = Simulator::Now();
    m_watchEvent = Simulator::Schedule(timeout, &DtEdgeLink::Watch, this);
}

void
DtEdgeLink::Probe()
{
    // A join answered only by its acknowledgement leaves no trace here: after
    // a while without news, ask again.
    const Time stale = std::max(m_parameters.edgeTimeout, m_parameters.joinRetryInterval);
    const bool recent = Simulator::Now() - m_lastJoinAt < stale;
    if (((m_probing || IsJoining()) && recent) || !m_joinEvent.IsExpired())
    {
        return; // a join is already on its way, or due
    }
    NS_LOG_LOGIC("edge DT " << m_edge << " probed with a join");
    SendProbe();
}

void
DtEdgeLink::SendProbe()
{
    m_probing = true;
    m_probeTrace(m_edge);
    SendJoin();
}

void
DtEdgeLink::SendJoin()
{
    m_lastJoinAt = Simulator::Now();
    m_join();
}

void
DtEdgeLink::FailOver()
{
    std::vector<uint32_t> edges;
    for (const auto& [id, entry] : m_book->GetAll())
    {
        if (entry.layer == DtLayer::EDGE)
        {
            edges.push_back(id);
        }
    }
    if (edges.size() < 2)
    {
        return;
    }
    auto next = std::upper_bound(edges.begin(), edges.end(), m_edge);
    const uint32_t to = next == edges.end() ? edges.front() : *next;
    NS_LOG_INFO("edge DT " << m_edge << " does not answer, trying edge DT " << to);
    m_failoverTrace(m_edge, to);
    m_previous = m_edge;
    m_edge = to;
    m_probing = false;
    m_joinOwed = false;
    m_edgeChanged();
    SwitchTo(IsReachable(), true);
}

} // namespace ns3
