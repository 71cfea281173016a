/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-dt-application.h"

#include "dt-agent-header.h"
#include "dt-byte-vector.h"
#include "dt-load-report-header.h"
#include "dt-migration-header.h"
#include "dt-model-update-header.h"
#include "dt-ns3-version.h"
#include "dt-sample-codec.h"
#include "dt-sync-header.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeDtApplication");

NS_OBJECT_ENSURE_REGISTERED(EdgeDtApplication);

TypeId
EdgeDtApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeDtApplication")
            .SetParent<DtApplication>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<EdgeDtApplication>()
            .AddAttribute("CloudDtId",
                          "DT id of the cloud DT.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&EdgeDtApplication::m_cloudDtId),
                          MakeUintegerChecker<uint32_t>(0, 0xFFFFFFFE))
            .AddAttribute("LoadReportInterval",
                          "Period of the load reports sent to the attached terminals "
                          "(0: only in answer to a join).",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&EdgeDtApplication::m_loadReportInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SummaryInterval",
                          "Period of the region summaries sent to the cloud DT (0: none).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&EdgeDtApplication::m_summaryInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SummaryQueueLimit",
                          "Region summaries kept while the cloud DT is unreachable (the "
                          "oldest are dropped beyond it); also how many sent summaries are "
                          "kept until their delivery can no longer fail.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&EdgeDtApplication::m_summaryQueueLimit),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("MigrationPolicy",
                          "What happens to an agent whose terminal is handed over to another "
                          "edge DT's cell: Reactive (the new edge pulls its state), Proactive "
                          "(pre-copy to the edge of the predicted cell, delta at the handover) "
                          "or None (it stays here).",
                          EnumValue(DT_MIGRATION_REACTIVE),
                          DtMakeEnumAccessor<DtMigrationMode>(&EdgeDtApplication::m_policy),
                          MakeEnumChecker(DT_MIGRATION_REACTIVE,
                                          "Reactive",
                                          DT_MIGRATION_PROACTIVE,
                                          "Proactive",
                                          DT_MIGRATION_NONE,
                                          "None"))
            .AddAttribute("MigrationPolicyObject",
                          "The migration policy (a DtMigrationPolicy: DtReactiveMigration, "
                          "DtProactiveMigration, DtNoMigration or a subclass of your own). "
                          "When unset, MigrationPolicy picks the built-in one (Proactive "
                          "with this DT's PredictionInterval and PredictionHorizon).",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_migration),
                          MakePointerChecker<DtMigrationPolicy>())
            .AddAttribute("MigrationTimeout",
                          "Longest wait for a migration to complete (the new edge then hosts "
                          "a fresh agent; the old edge drops an agent nobody asked for).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&EdgeDtApplication::m_migrationTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute(
                "TwinPlacement",
                "Where the twins of the terminals live: Edge (here), Cloud (the "
                "cloud DT; this edge only keeps their attachment), or EdgeCloud "
                "(here, and every synchronized state is forwarded to the cloud "
                "DT's copy).",
                EnumValue(DT_TWIN_EDGE),
                DtMakeEnumAccessor<DtTwinPlacement>(&EdgeDtApplication::m_placement),
                MakeEnumChecker(
                    DT_TWIN_EDGE, "Edge", DT_TWIN_CLOUD, "Cloud", DT_TWIN_EDGE_CLOUD, "EdgeCloud"))
            .AddAttribute("InteractionInterval",
                          "Period of the agent-to-agent rounds: each hosted agent sends a "
                          "message to each of its peers (SetInteractionPlan); 0: none.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&EdgeDtApplication::m_interactionInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("InteractionBytes",
                          "Size of an agent message's body (the sender's position and "
                          "velocity, then the rest of what it says), bytes.",
                          UintegerValue(256),
                          MakeUintegerAccessor(&EdgeDtApplication::m_interactionBytes),
                          MakeUintegerChecker<uint32_t>(32, 65536))
            .AddAttribute("ProximityRadius",
                          "Interacting agents whose terminals are closer than this are "
                          "traced (ProximityAlert), m.",
                          DoubleValue(20),
                          MakeDoubleAccessor(&EdgeDtApplication::m_proximityRadius),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("JoinWait",
                          "How long an edge holds a migration request for a terminal that "
                          "has not joined it yet (its join may be late), before refusing.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&EdgeDtApplication::m_joinWait),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PredictionInterval",
                          "Proactive migration: period of the next-cell predictions.",
                          TimeValue(MilliSeconds(250)),
                          MakeTimeAccessor(&EdgeDtApplication::m_predictionInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("PredictionHorizon",
                          "Proactive migration: how far ahead a terminal's position is "
                          "extrapolated from its twin's position and velocity.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&EdgeDtApplication::m_predictionHorizon),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("PreCopyLifetime",
                          "Proactive migration: how long a pre-copied agent waits for its "
                          "terminal (the source sends a fresh one after this).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&EdgeDtApplication::m_preCopyLifetime),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("DataModule",
                          "The data module.",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_data),
                          MakePointerChecker<EdgeDtDataModule>())
            .AddAttribute("ServiceModule",
                          "The service module.",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_service),
                          MakePointerChecker<EdgeDtServiceModule>())
            .AddTraceSource("MigrationStarted",
                            "This edge asked the previous edge for a terminal's agent "
                            "(reactive), or pre-copied an agent to the edge of its "
                            "terminal's predicted cell (proactive).",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationStarted),
                            "ns3::EdgeDtApplication::MigrationStartedTracedCallback")
            .AddTraceSource("MigrationCompleted",
                            "A migrated agent's state arrived and runs here.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationCompleted),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback")
            .AddTraceSource("MigrationFailed",
                            "A migration to this edge failed; the pre-copy, if any, or a "
                            "fresh agent runs here.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationFailed),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback")
            .AddTraceSource("AgentMessage",
                            "An agent's message to another agent ended: delivered in the "
                            "pool, delivered by another edge DT, or unreachable.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_agentMessageTrace),
                            "ns3::EdgeDtApplication::AgentMessageTracedCallback")
            .AddTraceSource("ProximityAlert",
                            "An agent heard from a peer whose terminal is within "
                            "ProximityRadius of its own.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_proximityTrace),
                            "ns3::EdgeDtApplication::ProximityTracedCallback")
            .AddTraceSource("PreCopyDiscarded",
                            "A pre-copied agent was dropped unused (its terminal went "
                            "elsewhere, or a newer copy replaced it).",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_preCopyDiscarded),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback");
    return tid;
}

EdgeDtApplication::EdgeDtApplication()
{
    NS_LOG_FUNCTION(this);
    m_compute->SetAttribute("Scheduler", EnumValue(ComputeResource::DRR));
}

EdgeDtApplication::~EdgeDtApplication()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeDtApplication::DoDispose()
{
    m_loadEvent.Cancel();
    m_summaryEvent.Cancel();
    m_predictEvent.Cancel();
    m_interactEvent.Cancel();
    DropMigrations();
    m_migration = nullptr;
    DtModularApplication::DoDispose();
}

DtLayer
EdgeDtApplication::GetLayer() const
{
    return DtLayer::EDGE;
}

void
EdgeDtApplication::DoStartDt()
{
    NS_LOG_FUNCTION(this);
    if (!m_migration)
    {
        m_migration = DtMigrationPolicyFor(m_policy, m_predictionInterval, m_predictionHorizon);
    }
    if (m_architecture == DtArchitecture::CENTRALIZED)
    {
        return;
    }
    m_service->Start(this, m_cloudDtId);
    if (m_loadReportInterval.IsStrictlyPositive())
    {
        m_loadEvent =
            Simulator::Schedule(m_loadReportInterval, &EdgeDtApplication::ReportLoad, this);
    }
    if (m_summaryInterval.IsStrictlyPositive())
    {
        m_summaryEvent =
            Simulator::Schedule(m_summaryInterval, &EdgeDtApplication::Summarize, this);
    }
    if (m_migration->GetPredictionInterval().IsStrictlyPositive())
    {
        m_predictEvent = Simulator::Schedule(
            m_migration->GetPredictionInterval(), &EdgeDtApplication::Predict, this);
    }
    if (m_interactionInterval.IsStrictlyPositive() && !m_peers.empty())
    {
        m_interactEvent =
            Simulator::Schedule(m_interactionInterval, &EdgeDtApplication::Interact, this);
    }
}

void
EdgeDtApplication::DoStopDt()
{
    m_loadEvent.Cancel();
    m_summaryEvent.Cancel();
    m_predictEvent.Cancel();
    m_interactEvent.Cancel();
}

void
EdgeDtApplication::DropMigrations()
{
    for (auto& [terminal, inc] : m_incoming)
    {
        inc.timeout.Cancel();
    }
    for (auto& [terminal, ev] : m_departed)
    {
        ev.Cancel();
    }
    for (auto& [terminal, replica] : m_replicas)
    {
        replica.expiry.Cancel();
    }
    for (auto& [terminal, pending] : m_pending)
    {
        pending.first.Cancel();
    }
    m_incoming.clear();
    m_departed.clear();
    m_replicas.clear();
    m_preCopies.clear();
    m_pending.clear();
    m_outgoing.clear();
}

void
EdgeDtApplication::DoFailDt()
{
    NS_LOG_FUNCTION(this);
    DropMigrations();
    m_gone.clear();
    m_forward.clear();
    m_summariesSent.clear();
    m_summaryQueue.clear();
    // The hosted twins are lost with the server: their accounts close now.
    Ptr<DtAgentPool> pool = m_data->GetAgentPool();
    std::vector<uint32_t> hosted;
    for (const auto& [terminal, agent] : pool->GetAgents())
    {
        hosted.push_back(terminal);
    }
    for (uint32_t terminal : hosted)
    {
        pool->Leave(terminal);
    }
    m_service->Reset();
}

void
EdgeDtApplication::SetInteractionPlan(std::map<uint32_t, std::vector<uint32_t>> peers,
                                      std::map<uint32_t, uint32_t> home)
{
    m_peers = std::move(peers);
    m_location = std::move(home);
}

uint64_t
EdgeDtApplication::GetAgentMessagesSent() const
{
    return m_agentSent;
}

uint64_t
EdgeDtApplication::GetAgentMessagesForwarded() const
{
    return m_agentForwarded;
}

uint64_t
EdgeDtApplication::GetSummariesDropped() const
{
    return m_summariesDropped;
}

uint32_t
EdgeDtApplication::GetQueuedSummaries() const
{
    return static_cast<uint32_t>(m_summaryQueue.size());
}

void
EdgeDtApplication::Interact()
{
    m_interactEvent =
        Simulator::Schedule(m_interactionInterval, &EdgeDtApplication::Interact, this);
    for (const auto& [terminal, agent] : m_data->GetAgentPool()->GetAgents())
    {
        auto it = m_peers.find(terminal);
        if (it == m_peers.end() || m_departed.count(terminal) > 0)
        {
            continue;
        }
        for (uint32_t peer : it->second)
        {
            SendAgentMessage(agent, peer);
        }
    }
}

void
EdgeDtApplication::SendAgentMessage(const DtDigitalAgent& from, uint32_t to)
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
    body.resize(std::max<std::size_t>(body.size(), m_interactionBytes), 0);
    DtAgentMessageHeader m;
    m.SetAgents(from.terminal, to);
    m.SetFromEdge(m_dtId);
    m.SetSentAt(Simulator::Now());
    m.SetBody(std::move(body));
    ++m_agentSent;
    HandleAgentMessage(std::move(m));
}

void
EdgeDtApplication::HandleAgentMessage(DtAgentMessageHeader m)
{
    const uint32_t to = m.GetTo();
    const bool local = m.GetFromEdge() == m_dtId && m.GetHops() == 0;
    if (!local)
    {
        // Straight from the sender's edge: fresher than any forwarding pointer.
        m_location[m.GetFrom()] = m.GetFromEdge();
        m_forward.erase(m.GetFrom());
    }
    if (m_data->GetAgentPool()->GetAgent(to) && m_departed.count(to) == 0)
    {
        DeliverAgentMessage(m, local ? AGENT_MESSAGE_IN_POOL : AGENT_MESSAGE_DELIVERED);
        return;
    }
    auto inc = m_incoming.find(to);
    if (inc != m_incoming.end())
    {
        inc->second.messages.push_back(std::move(m)); // the agent is on its way here
        return;
    }
    // Where it went from here, else where it was last heard from.
    uint32_t next = m_dtId;
    bool forward = false;
    if (auto fw = m_forward.find(to); fw != m_forward.end())
    {
        next = fw->second;
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
        DropAgentMessage(m);
        return;
    }
    if (forward)
    {
        m.SetHops(m.GetHops() + 1);
        ++m_agentForwarded;
    }
    NS_LOG_LOGIC("edge DT " << m_dtId << " sends the message of agent " << m.GetFrom() << " to "
                            << to << " via edge DT " << next << (forward ? " (forward)" : ""));
    m_comm->Send(next, m, false);
}

void
EdgeDtApplication::DeliverAgentMessage(const DtAgentMessageHeader& m, AgentMessageOutcome outcome)
{
    m_agentMessageTrace(m.GetFrom(), m.GetTo(), outcome, Simulator::Now() - m.GetSentAt());
    // Cooperative awareness: how close is the peer?
    const DtDigitalAgent* agent = m_data->GetAgentPool()->GetAgent(m.GetTo());
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
    if (d < m_proximityRadius) // false for NaN: no position known
    {
        m_proximityTrace(m.GetFrom(), m.GetTo(), d);
    }
}

void
EdgeDtApplication::DropAgentMessage(const DtAgentMessageHeader& m)
{
    NS_LOG_LOGIC("edge DT " << m_dtId << " cannot reach the agent of DT " << m.GetTo());
    m_agentMessageTrace(m.GetFrom(),
                        m.GetTo(),
                        AGENT_MESSAGE_UNREACHABLE,
                        Simulator::Now() - m.GetSentAt());
}

void
EdgeDtApplication::Predict()
{
    m_predictEvent = Simulator::Schedule(
        m_migration->GetPredictionInterval(), &EdgeDtApplication::Predict, this);
    for (const auto& [terminal, agent] : m_data->GetAgentPool()->GetAgents())
    {
        uint32_t edge = m_dtId;
        if (m_departed.count(terminal) > 0
            || !m_migration->ChoosePreCopyTarget(agent, *m_book, m_dtId, edge) || edge == m_dtId)
        {
            continue;
        }
        auto it = m_preCopies.find(terminal);
        if (it != m_preCopies.end() && it->second.target == edge
            && Simulator::Now() - it->second.at < m_preCopyLifetime)
        {
            continue; // that edge already holds a copy
        }
        SendPreCopy(agent, edge);
    }
}

void
EdgeDtApplication::SendPreCopy(const DtDigitalAgent& agent, uint32_t target)
{
    PreCopy pc;
    pc.target = target;
    pc.id = (static_cast<uint64_t>(m_dtId) << 32) | m_nextMigration++;
    pc.at = Simulator::Now();
    pc.historyEnd = agent.history.empty() ? Time::Min() : agent.history.back().first;
    std::vector<uint8_t> bytes = agent.Serialize();
    const auto total = static_cast<uint32_t>(bytes.size());
    DtMigrationStateHeader state;
    state.SetMigrationId(pc.id);
    state.SetTerminal(agent.terminal);
    state.SetPhase(DtMigrationPhase::PRECOPY);
    state.SetSegment(0, 1, total, std::move(bytes));
    NS_LOG_INFO("edge DT " << m_dtId << " pre-copies the agent of DT " << agent.terminal << " ("
                           << total << " bytes) to edge DT " << target);
    m_preCopies[agent.terminal] = pc;
    m_migrationStarted(pc.id, agent.terminal, m_dtId, target, DtMigrationTrigger::PROACTIVE);
    m_comm->Send(target, state, true);
}

void
EdgeDtApplication::SendLoadReport(uint32_t terminal)
{
    if (!m_book->Has(terminal))
    {
        return;
    }
    DtLoadReportHeader report;
    m_service->FillLoadReport(report);
    m_comm->Send(terminal, report, false);
}

void
EdgeDtApplication::ReportLoad()
{
    for (const auto& [terminal, agent] : m_data->GetAgentPool()->GetAgents())
    {
        if (m_departed.count(terminal) == 0)
        {
            SendLoadReport(terminal);
        }
    }
    m_loadEvent = Simulator::Schedule(m_loadReportInterval, &EdgeDtApplication::ReportLoad, this);
}

void
EdgeDtApplication::Summarize()
{
    DtRegionSummaryHeader summary = m_data->BuildRegionSummary();
    if (!m_service->IsCloudReachable())
    {
        QueueSummary(summary);
    }
    else
    {
        SendSummary(summary);
    }
    m_summaryEvent = Simulator::Schedule(m_summaryInterval, &EdgeDtApplication::Summarize, this);
}

void
EdgeDtApplication::QueueSummary(const DtRegionSummaryHeader& summary)
{
    m_summaryQueue.push_back(summary);
    while (m_summaryQueue.size() > m_summaryQueueLimit)
    {
        m_summaryQueue.pop_front();
        ++m_summariesDropped;
    }
}

void
EdgeDtApplication::CloudReachable()
{
    if (!m_service->IsCloudReachable())
    {
        NS_LOG_INFO("edge DT " << m_dtId << ": cloud DT reachable again, sending "
                               << m_summaryQueue.size() << " queued summaries");
    }
    m_service->SetCloudReachable(true);
    while (!m_summaryQueue.empty())
    {
        const DtRegionSummaryHeader summary = m_summaryQueue.front();
        m_summaryQueue.pop_front();
        SendSummary(summary);
    }
}

void
EdgeDtApplication::SendSummary(const DtRegionSummaryHeader& summary)
{
    m_summariesSent[m_comm->Send(m_cloudDtId, summary, true)] = summary;
    while (m_summariesSent.size() > m_summaryQueueLimit)
    {
        m_summariesSent.erase(m_summariesSent.begin());
    }
}

void
EdgeDtApplication::HandleMessage(const DtMessage& msg, Ipv4Address from)
{
    if (m_architecture == DtArchitecture::CENTRALIZED)
    {
        return;
    }
    const DtHeader& h = msg.GetHeader();
    if (h.GetSource() == m_cloudDtId)
    {
        CloudReachable();
    }
    switch (msg.GetMessageType())
    {
        case DtMessageType::AGENT_JOIN:
            HandleJoin(msg.GetPayloadAs<DtAgentJoinHeader>());
            break;
        case DtMessageType::AGENT_LEAVE:
        {
            const auto& leave = msg.GetPayloadAs<DtAgentLeaveHeader>();
            const uint32_t terminal = leave.GetTerminal();
            m_gone.insert(terminal);
            if (leave.GetReason() == DtLeaveReason::HANDOVER && leave.GetNextEdge() != m_dtId)
            {
                m_forward[terminal] = leave.GetNextEdge(); // agent messages follow it
            }
            auto pc = m_preCopies.find(terminal);
            const bool handover =
                leave.GetReason() == DtLeaveReason::HANDOVER
                && m_migration->MovesOnHandover(terminal, m_dtId, leave.GetNextEdge())
                                  && m_data->GetAgentPool()->GetAgent(terminal);
            if (handover && pc != m_preCopies.end() && pc->second.target == leave.GetNextEdge())
            {
                // Predicted right: the new edge holds a copy; send what changed.
                SendAgent(terminal,
                          pc->second.target,
                          pc->second.id,
                          DtMigrationPhase::DELTA,
                          pc->second.historyEnd);
            }
            else if (handover)
            {
                // Keep the agent for the new edge's request, for a while.
                m_departed[terminal].Cancel();
                const Time leftAt = Simulator::Now();
                m_departed[terminal] =
                    Simulator::Schedule(m_migrationTimeout,
                                        [this, terminal, leftAt]()
                                        {
                                            m_departed.erase(terminal);
                                            m_data->GetAgentPool()->Leave(terminal, leftAt);
                                        });
            }
            else
            {
                m_data->GetAgentPool()->Leave(terminal);
            }
            if (pc != m_preCopies.end())
            {
                m_preCopies.erase(pc);
            }
            break;
        }
        case DtMessageType::STATUS_UPDATE:
        {
            auto it = m_incoming.find(h.GetSource());
            if (m_gone.count(h.GetSource()) > 0)
            {
                // Sent before the terminal left: its agent (and newer state)
                // is elsewhere now, so this must not create a stale one here.
                NS_LOG_LOGIC("edge DT " << m_dtId << " drops a late status update of DT "
                                        << h.GetSource());
            }
            else if (it != m_incoming.end())
            {
                // The agent is on its way: the update waits for it.
                it->second.held.emplace_back(msg.GetPayloadAs<DtStatusUpdateHeader>(),
                                             h.GetTimestamp());
            }
            else
            {
                m_data->ApplyStatus(
                    h.GetSource(), msg.GetPayloadAs<DtStatusUpdateHeader>(), h.GetTimestamp());
                m_service->SubmitTwinUpdate(h.GetSource());
            }
            break;
        }
        case DtMessageType::SYNC_REQUEST:
        {
            const auto& req = msg.GetPayloadAs<DtSyncRequestHeader>();
            DtSyncAckHeader ack;
            ack.SetSyncId(req.GetSyncId());
            ack.SetTerminal(req.GetTerminal());
            if (m_incoming.count(req.GetTerminal()) > 0)
            {
                ack.SetStatus(DtSyncStatus::MIGRATING);
            }
            else if (m_data->GetAgentPool()->Synchronize(req.GetTerminal(), req.GetGenerated()))
            {
                ack.SetStatus(DtSyncStatus::OK);
                ack.SetTwinUpdated(Simulator::Now());
                if (m_placement == DT_TWIN_EDGE_CLOUD)
                {
                    m_comm->Send(m_cloudDtId, req, false, DtHeader::FLAG_RELAYED);
                }
            }
            else
            {
                ack.SetStatus(DtSyncStatus::UNKNOWN_AGENT);
            }
            m_comm->Send(h.GetSource(), ack, false);
            break;
        }
        case DtMessageType::MIGRATION_REQUEST:
            HandleMigrationRequest(h, msg.GetPayloadAs<DtMigrationRequestHeader>());
            break;
        case DtMessageType::AGENT_MESSAGE:
            HandleAgentMessage(msg.GetPayloadAs<DtAgentMessageHeader>());
            break;
        case DtMessageType::MIGRATION_STATE:
            HandleMigrationState(h, msg.GetPayloadAs<DtMigrationStateHeader>());
            break;
        case DtMessageType::MIGRATION_ACK:
            HandleMigrationAck(msg.GetPayloadAs<DtMigrationAckHeader>());
            break;
        case DtMessageType::DEMAND_REQUEST:
            m_service->HandleRequest(h, msg.GetPayloadAs<DtDemandRequestHeader>());
            break;
        case DtMessageType::DEMAND_RESPONSE:
            m_service->HandleCloudResponse(msg.GetPayloadAs<DtDemandResponseHeader>());
            break;
        case DtMessageType::MODEL_UPDATE:
            if (h.GetSource() == m_cloudDtId)
            {
                const auto& update = msg.GetPayloadAs<DtModelUpdateHeader>();
                if (m_service->AdoptCloudModel(update))
                {
                    // Pass the model down to the terminals this edge serves.
                    for (const auto& [terminal, agent] : m_data->GetAgentPool()->GetAgents())
                    {
                        if (m_book->Has(terminal))
                        {
                            m_comm->Send(terminal, update, true, DtHeader::FLAG_RELAYED);
                        }
                    }
                }
            }
            break;
        case DtMessageType::LOAD_REPORT:
            if (h.GetSource() == m_cloudDtId)
            {
                m_service->HandleCloudLoad(msg.GetPayloadAs<DtLoadReportHeader>());
            }
            break;
        default:
            NS_LOG_LOGIC("edge DT " << m_dtId << " ignores " << msg.GetMessageType());
            break;
    }
}

void
EdgeDtApplication::HandleJoin(const DtAgentJoinHeader& join)
{
    const uint32_t terminal = join.GetTerminal();
    const uint32_t previous = join.GetPreviousEdge();
    m_gone.erase(terminal);
    m_forward.erase(terminal);
    // Another edge already asked for this terminal's agent: the join is late
    // and the terminal has moved on; the agent goes there once it is here.
    std::vector<std::pair<uint32_t, uint64_t>> onward;
    if (auto p = m_pending.find(terminal); p != m_pending.end())
    {
        p->second.first.Cancel();
        onward.push_back(p->second.second);
        m_pending.erase(p);
    }
    const bool fromAnotherEdge =
        previous != m_dtId && m_book->Has(previous) && m_book->Get(previous).layer == DtLayer::EDGE;
    auto replica = m_replicas.find(terminal);
    if (replica != m_replicas.end() && (!fromAnotherEdge || replica->second.source != previous))
    {
        DiscardReplica(terminal); // a copy from where the terminal did not come from
        replica = m_replicas.end();
    }
    if (fromAnotherEdge && m_migration->MovesOnHandover(terminal, previous, m_dtId)
        && !m_data->GetAgentPool()->GetAgent(terminal) && m_incoming.count(terminal) == 0)
    {
        if (replica != m_replicas.end() && replica->second.complete)
        {
            // Pre-copy and delta are both here already.
            Replica r = std::move(replica->second);
            m_replicas.erase(replica);
            r.expiry.Cancel();
            Restore(std::move(r.agent), join.GetServingCell(), join.GetModelVersion(), {});
            m_migrationCompleted(r.id, terminal, r.bytes, Seconds(0));
            Incoming done;
            done.onward = std::move(onward);
            FinishIncoming(terminal, done);
            SendLoadReport(terminal);
            return;
        }
        Incoming& inc = m_incoming[terminal];
        inc.onward = std::move(onward);
        inc.source = previous;
        inc.servingCell = join.GetServingCell();
        inc.modelVersion = join.GetModelVersion();
        inc.start = Simulator::Now();
        inc.timeout = Simulator::Schedule(
            m_migrationTimeout, &EdgeDtApplication::FailIncoming, this, terminal);
        DtMigrationRequestHeader req;
        req.SetTerminal(terminal);
        req.SetEdges(previous, m_dtId);
        if (replica != m_replicas.end())
        {
            // Pre-copied: the previous edge sends the delta as soon as the
            // terminal leaves it. Ask for it all the same, naming the copy:
            // if the previous edge pre-copied elsewhere since, it sends the
            // whole agent instead.
            inc.id = replica->second.id;
            inc.trigger = DtMigrationTrigger::PROACTIVE;
            req.SetTrigger(DtMigrationTrigger::PROACTIVE);
        }
        else
        {
            inc.id = (static_cast<uint64_t>(m_dtId) << 32) | m_nextMigration++;
            req.SetTrigger(DtMigrationTrigger::REACTIVE);
            NS_LOG_INFO("edge DT " << m_dtId << " pulls the agent of DT " << terminal
                                   << " from edge DT " << previous);
            m_migrationStarted(inc.id, terminal, previous, m_dtId, DtMigrationTrigger::REACTIVE);
        }
        req.SetMigrationId(inc.id);
        m_comm->Send(previous, req, true);
    }
    else if (auto inc = m_incoming.find(terminal); inc != m_incoming.end())
    {
        inc->second.onward.insert(inc->second.onward.end(), onward.begin(), onward.end());
    }
    else
    {
        m_data->GetAgentPool()->Join(terminal, join.GetServingCell(), join.GetModelVersion());
        Incoming done;
        done.onward = std::move(onward);
        FinishIncoming(terminal, done);
    }
    SendLoadReport(terminal);
}

void
EdgeDtApplication::HandleMigrationRequest(const DtHeader& h, const DtMigrationRequestHeader& req)
{
    const uint32_t terminal = req.GetTerminal();
    if (m_outgoing.count(req.GetMigrationId()) > 0)
    {
        return; // the delta is on its way already
    }
    auto incoming = m_incoming.find(terminal);
    if (incoming != m_incoming.end() && req.GetSourceEdge() == m_dtId)
    {
        // The terminal moved on before its agent got here: pass it on then.
        incoming->second.onward.emplace_back(h.GetSource(), req.GetMigrationId());
        return;
    }
    if (req.GetSourceEdge() == m_dtId && !m_data->GetAgentPool()->GetAgent(terminal))
    {
        // The terminal's join has not arrived yet (it moved on quickly):
        // wait for it, then pass the agent on; refuse if it does not come.
        const uint32_t requester = h.GetSource();
        const uint64_t id = req.GetMigrationId();
        auto& pending = m_pending[terminal];
        pending.first.Cancel();
        pending.second = {requester, id};
        pending.first = Simulator::Schedule(m_joinWait,
                                            [this, terminal, requester, id]()
                                            {
                                                m_pending.erase(terminal);
                                                RejectRequest(requester, terminal, id);
                                            });
        return;
    }
    if (!m_data->GetAgentPool()->GetAgent(terminal) || req.GetSourceEdge() != m_dtId)
    {
        RejectRequest(h.GetSource(), terminal, req.GetMigrationId());
        return;
    }
    auto dep = m_departed.find(terminal);
    if (dep != m_departed.end())
    {
        dep->second.Cancel();
        m_departed.erase(dep);
    }
    auto pc = m_preCopies.find(terminal);
    if (pc != m_preCopies.end() && pc->second.id == req.GetMigrationId())
    {
        SendAgent(terminal,
                  h.GetSource(),
                  req.GetMigrationId(),
                  DtMigrationPhase::DELTA,
                  pc->second.historyEnd);
    }
    else
    {
        SendAgent(
            terminal, h.GetSource(), req.GetMigrationId(), DtMigrationPhase::FULL, Time::Min());
    }
    if (pc != m_preCopies.end())
    {
        m_preCopies.erase(pc);
    }
}

void
EdgeDtApplication::SendAgent(
    uint32_t terminal, uint32_t target, uint64_t id, DtMigrationPhase phase, Time historyAfter)
{
    const DtDigitalAgent* agent = m_data->GetAgentPool()->GetAgent(terminal);
    std::vector<uint8_t> bytes = agent->Serialize(historyAfter);
    DtDigitalAgent copy = *agent;
    m_data->GetAgentPool()->Release(terminal);
    m_gone.insert(terminal);
    DtMigrationStateHeader state;
    state.SetMigrationId(id);
    state.SetTerminal(terminal);
    state.SetPhase(phase);
    const auto total = static_cast<uint32_t>(bytes.size());
    state.SetSegment(0, 1, total, std::move(bytes));
    NS_LOG_INFO("edge DT " << m_dtId << " sends the agent of DT " << terminal << " (" << total
                           << " bytes" << (phase == DtMigrationPhase::DELTA ? ", delta" : "")
                           << ") to edge DT " << target);
    const uint32_t seq = m_comm->Send(target, state, true);
    m_outgoing[id] = {seq, std::move(copy)};
}

void
EdgeDtApplication::HandleMigrationState(const DtHeader& h, const DtMigrationStateHeader& state)
{
    const uint32_t terminal = state.GetTerminal();
    const auto bytes = static_cast<uint32_t>(state.GetData().size());
    DtMigrationAckHeader ack;
    ack.SetMigrationId(state.GetMigrationId());
    ack.SetTerminal(terminal);
    ack.SetBytesReceived(bytes);
    DtDigitalAgent agent;
    const bool valid = state.GetSegmentCount() == 1
                       && DtDigitalAgent::Deserialize(state.GetData(), agent)
                       && agent.terminal == terminal;
    auto it = m_incoming.find(terminal);
    const bool expected = it != m_incoming.end() && it->second.id == state.GetMigrationId();
    if (state.GetPhase() == DtMigrationPhase::PRECOPY)
    {
        const bool usable =
            valid && m_incoming.count(terminal) == 0 && !m_data->GetAgentPool()->GetAgent(terminal);
        ack.SetStatus(usable ? DtMigrationStatus::ACCEPTED : DtMigrationStatus::REJECTED);
        m_comm->Send(h.GetSource(), ack, true);
        if (usable)
        {
            DiscardReplica(terminal); // an older copy
            Replica& r = m_replicas[terminal];
            r.id = state.GetMigrationId();
            r.source = h.GetSource();
            r.agent = std::move(agent);
            r.bytes = bytes;
            r.expiry = Simulator::Schedule(
                m_preCopyLifetime, &EdgeDtApplication::DiscardReplica, this, terminal);
        }
        return;
    }
    auto replica = m_replicas.find(terminal);
    uint32_t total = bytes;
    if (state.GetPhase() == DtMigrationPhase::DELTA && valid && replica != m_replicas.end()
        && replica->second.id == state.GetMigrationId())
    {
        agent.PrependHistory(replica->second.agent);
        total += replica->second.bytes;
        if (!expected)
        {
            // Ahead of the terminal's join: keep it ready.
            replica->second.agent = std::move(agent);
            replica->second.bytes = total;
            replica->second.complete = true;
            ack.SetStatus(DtMigrationStatus::COMPLETED);
            m_comm->Send(h.GetSource(), ack, true);
            return;
        }
        replica->second.expiry.Cancel();
        m_replicas.erase(replica);
        replica = m_replicas.end();
    }
    if (!expected)
    {
        return; // late or unknown: the migration already ended here
    }
    if (replica != m_replicas.end() && replica->second.id == state.GetMigrationId())
    {
        // The whole agent came instead of a delta: the copy is superseded.
        total += replica->second.bytes;
        replica->second.expiry.Cancel();
        m_replicas.erase(replica);
    }
    ack.SetStatus(valid ? DtMigrationStatus::COMPLETED : DtMigrationStatus::REJECTED);
    m_comm->Send(h.GetSource(), ack, true);
    if (!valid)
    {
        FailIncoming(terminal);
        return;
    }
    Incoming inc = std::move(it->second);
    m_incoming.erase(it);
    inc.timeout.Cancel();
    Restore(std::move(agent), inc.servingCell, inc.modelVersion, inc.held);
    NS_LOG_INFO("edge DT " << m_dtId << " runs the agent of DT " << terminal << " after "
                           << (Simulator::Now() - inc.start).As(Time::MS));
    m_migrationCompleted(inc.id, terminal, total, Simulator::Now() - inc.start);
    FinishIncoming(terminal, inc);
}

void
EdgeDtApplication::RejectRequest(uint32_t edge, uint32_t terminal, uint64_t id)
{
    DtMigrationAckHeader nack;
    nack.SetMigrationId(id);
    nack.SetTerminal(terminal);
    nack.SetStatus(DtMigrationStatus::REJECTED);
    m_comm->Send(edge, nack, true);
}

void
EdgeDtApplication::FinishIncoming(uint32_t terminal, const Incoming& inc)
{
    DeliverHeld(inc.messages);
    if (inc.onward.empty() || !m_data->GetAgentPool()->GetAgent(terminal))
    {
        return;
    }
    // The terminal moved on meanwhile: its agent follows to the edge that
    // asked last; edges that asked before are refused (the terminal left them).
    for (std::size_t i = 0; i + 1 < inc.onward.size(); ++i)
    {
        RejectRequest(inc.onward[i].first, terminal, inc.onward[i].second);
    }
    const auto& [edge, id] = inc.onward.back();
    SendAgent(terminal, edge, id, DtMigrationPhase::FULL, Time::Min());
}

void
EdgeDtApplication::DeliverHeld(const std::vector<DtAgentMessageHeader>& messages)
{
    for (const auto& m : messages)
    {
        const bool local = m.GetFromEdge() == m_dtId && m.GetHops() == 0;
        DeliverAgentMessage(m, local ? AGENT_MESSAGE_IN_POOL : AGENT_MESSAGE_DELIVERED);
    }
}

void
EdgeDtApplication::Restore(DtDigitalAgent agent,
                           uint32_t servingCell,
                           uint32_t modelVersion,
                           const std::vector<std::pair<DtStatusUpdateHeader, Time>>& held)
{
    const uint32_t terminal = agent.terminal;
    agent.servingCell = servingCell;
    agent.modelVersion = modelVersion;
    agent.joined = Simulator::Now();
    m_data->GetAgentPool()->Adopt(std::move(agent));
    for (const auto& [update, sentAt] : held)
    {
        m_data->ApplyStatus(terminal, update, sentAt);
    }
}

void
EdgeDtApplication::HandleMigrationAck(const DtMigrationAckHeader& ack)
{
    if (m_outgoing.erase(ack.GetMigrationId()) > 0)
    {
        return; // the target has it (or could not use it; the terminal is there)
    }
    auto it = m_incoming.find(ack.GetTerminal());
    if (it != m_incoming.end() && it->second.id == ack.GetMigrationId()
        && ack.GetStatus() == DtMigrationStatus::REJECTED)
    {
        FailIncoming(ack.GetTerminal()); // the previous edge had no agent to give
    }
}

void
EdgeDtApplication::FailIncoming(uint32_t terminal)
{
    auto it = m_incoming.find(terminal);
    if (it == m_incoming.end())
    {
        return;
    }
    Incoming inc = std::move(it->second);
    m_incoming.erase(it);
    inc.timeout.Cancel();
    auto replica = m_replicas.find(terminal);
    if (replica != m_replicas.end())
    {
        // The delta never came: the pre-copy is the best state there is.
        Replica r = std::move(replica->second);
        m_replicas.erase(replica);
        r.expiry.Cancel();
        Restore(std::move(r.agent), inc.servingCell, inc.modelVersion, inc.held);
    }
    else
    {
        m_data->GetAgentPool()->Join(terminal, inc.servingCell, inc.modelVersion);
        for (const auto& [update, sentAt] : inc.held)
        {
            m_data->ApplyStatus(terminal, update, sentAt);
        }
    }
    m_migrationFailed(inc.id, terminal, 0, Simulator::Now() - inc.start);
    FinishIncoming(terminal, inc);
}

void
EdgeDtApplication::DiscardReplica(uint32_t terminal)
{
    auto it = m_replicas.find(terminal);
    if (it == m_replicas.end() || m_incoming.count(terminal) > 0)
    {
        return; // none, or its terminal arrived and waits for the delta
    }
    it->second.expiry.Cancel();
    NS_LOG_LOGIC("edge DT " << m_dtId << " drops the pre-copy of DT " << terminal);
    m_preCopyDiscarded(it->second.id, terminal, it->second.bytes, Seconds(0));
    m_replicas.erase(it);
}

void
EdgeDtApplication::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    if (header.GetMessageType() == DtMessageType::MIGRATION_STATE)
    {
        // The state did not reach the new edge: the agent stays here.
        for (auto it = m_outgoing.begin(); it != m_outgoing.end(); ++it)
        {
            if (it->second.first == header.GetSequence())
            {
                m_data->GetAgentPool()->Adopt(std::move(it->second.second));
                m_outgoing.erase(it);
                break;
            }
        }
    }
    if (header.GetMessageType() == DtMessageType::MIGRATION_REQUEST)
    {
        for (auto& [terminal, inc] : m_incoming)
        {
            if (inc.source == dst)
            {
                Simulator::ScheduleNow(&EdgeDtApplication::FailIncoming, this, terminal);
            }
        }
    }
    if (dst == m_cloudDtId && header.GetMessageType() == DtMessageType::REGION_SUMMARY)
    {
        auto it = m_summariesSent.find(header.GetSequence());
        if (it != m_summariesSent.end())
        {
            QueueSummary(it->second);
            m_summariesSent.erase(it);
        }
    }
    if (m_service)
    {
        m_service->HandleSendFailure(dst, header);
    }
}

} // namespace ns3
