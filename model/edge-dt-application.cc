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
            .AddAttribute("MigrationManager",
                          "The migration protocol's per-terminal records (read only).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_migrations),
                          MakePointerChecker<DtMigrationManager>())
            .AddTraceSource("MigrationStateChanged",
                            "A terminal's migration state at this edge changed "
                            "(DtMigrationState: old, new).",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationState),
                            "ns3::DtMigrationManager::StateTracedCallback")
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
    // The migration protocol runs in its own object; its traces are also this DT's.
    m_migrations = CreateObject<DtMigrationManager>();
    m_migrations->TraceConnectWithoutContext(
        "MigrationStateChanged",
        MakeCallback(&TracedCallback<uint32_t, DtMigrationState, DtMigrationState>::operator(),
                     &m_migrationState));
    m_migrations->TraceConnectWithoutContext(
        "MigrationStarted",
        MakeCallback(
            &TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>::operator(),
            &m_migrationStarted));
    using Ended = TracedCallback<uint64_t, uint32_t, uint32_t, Time>;
    m_migrations->TraceConnectWithoutContext(
        "MigrationCompleted", MakeCallback(&Ended::operator(), &m_migrationCompleted));
    m_migrations->TraceConnectWithoutContext("MigrationFailed",
                                             MakeCallback(&Ended::operator(), &m_migrationFailed));
    m_migrations->TraceConnectWithoutContext("PreCopyDiscarded",
                                             MakeCallback(&Ended::operator(), &m_preCopyDiscarded));
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
    m_interactEvent.Cancel();
    m_migrations->Dispose();
    m_migrations = nullptr;
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
    DtMigrationManager::Timing timing;
    timing.migrationTimeout = m_migrationTimeout;
    timing.joinWait = m_joinWait;
    timing.preCopyLifetime = m_preCopyLifetime;
    m_migrations->Setup(m_dtId,
                        m_data,
                        m_book,
                        m_migration,
                        timing,
                        MakeCallback(&EdgeDtApplication::SendMigrationMessage, this),
                        MakeCallback(&EdgeDtApplication::DeliverHeld, this));
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
    m_migrations->Start();
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
    m_interactEvent.Cancel();
    m_migrations->Stop();
}

void
EdgeDtApplication::DoFailDt()
{
    NS_LOG_FUNCTION(this);
    m_migrations->Reset();
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
        if (it == m_peers.end() || m_migrations->IsDeparted(terminal))
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
        m_migrations->ForgetNextEdge(m.GetFrom());
    }
    if (m_data->GetAgentPool()->GetAgent(to) && !m_migrations->IsDeparted(to))
    {
        DeliverAgentMessage(m, local ? AGENT_MESSAGE_IN_POOL : AGENT_MESSAGE_DELIVERED);
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
    m_agentMessageTrace(
        m.GetFrom(), m.GetTo(), AGENT_MESSAGE_UNREACHABLE, Simulator::Now() - m.GetSentAt());
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
        if (!m_migrations->IsDeparted(terminal))
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
        {
            const auto& join = msg.GetPayloadAs<DtAgentJoinHeader>();
            m_migrations->HandleJoin(join);
            SendLoadReport(join.GetTerminal());
            break;
        }
        case DtMessageType::AGENT_LEAVE:
            m_migrations->HandleLeave(msg.GetPayloadAs<DtAgentLeaveHeader>());
            break;
        case DtMessageType::STATUS_UPDATE:
        {
            const auto& update = msg.GetPayloadAs<DtStatusUpdateHeader>();
            if (m_migrations->HasLeft(h.GetSource()))
            {
                // Sent before the terminal left: its agent (and newer state)
                // is elsewhere now, so this must not create a stale one here.
                NS_LOG_LOGIC("edge DT " << m_dtId << " drops a late status update of DT "
                                        << h.GetSource());
            }
            else if (m_migrations->HoldStatus(h.GetSource(), update, h.GetTimestamp()))
            {
                // The agent is on its way: the update waits for it.
            }
            else
            {
                m_data->ApplyStatus(h.GetSource(), update, h.GetTimestamp());
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
            if (m_migrations->IsPulling(req.GetTerminal()))
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
            m_migrations->HandleRequest(h.GetSource(),
                                        msg.GetPayloadAs<DtMigrationRequestHeader>());
            break;
        case DtMessageType::AGENT_MESSAGE:
            HandleAgentMessage(msg.GetPayloadAs<DtAgentMessageHeader>());
            break;
        case DtMessageType::MIGRATION_STATE:
            m_migrations->HandleState(h.GetSource(), msg.GetPayloadAs<DtMigrationStateHeader>());
            break;
        case DtMessageType::MIGRATION_ACK:
            m_migrations->HandleAck(msg.GetPayloadAs<DtMigrationAckHeader>());
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
EdgeDtApplication::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    m_migrations->HandleSendFailure(dst, header);
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

uint32_t
EdgeDtApplication::SendMigrationMessage(uint32_t dst, const DtPayload& payload)
{
    return m_comm->Send(dst, payload, true);
}

Ptr<DtMigrationManager>
EdgeDtApplication::GetMigrationManager() const
{
    return m_migrations;
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

} // namespace ns3
