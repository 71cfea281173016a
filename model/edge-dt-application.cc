/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-dt-application.h"

#include "dt-agent-header.h"
#include "dt-load-report-header.h"
#include "dt-migration-header.h"
#include "dt-model-update-header.h"
#include "dt-ns3-version.h"
#include "dt-sync-header.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

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
            .AddAttribute("Relay",
                          "Pass datagrams addressed to another DT on towards it: the edge "
                          "DT of a terminal's cell relays the terminal's synchronizations to "
                          "the edge DT that hosts its twin, and the answers back (a MEC host "
                          "in a metro network; set by MultiLayerDtHelper's Backhaul=Ring). "
                          "Datagrams only (a synchronization over MaxDatagramBytes is not "
                          "relayed), once (not one another relay passed on); a relay that "
                          "fails takes its cell's relayed synchronizations with it.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EdgeDtApplication::m_relay),
                          MakeBooleanChecker())
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
    // So do agent-to-agent messages.
    m_interaction = CreateObject<DtAgentInteraction>();
    m_interaction->TraceConnectWithoutContext(
        "AgentMessage",
        MakeCallback(&TracedCallback<uint32_t, uint32_t, AgentMessageOutcome, Time>::operator(),
                     &m_agentMessageTrace));
    m_interaction->TraceConnectWithoutContext(
        "ProximityAlert",
        MakeCallback(&TracedCallback<uint32_t, uint32_t, double>::operator(), &m_proximityTrace));
}

EdgeDtApplication::~EdgeDtApplication()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeDtApplication::DoDispose()
{
    m_syncDeadlines.Clear();
    m_loadEvent.Cancel();
    m_summaryEvent.Cancel();
    m_migrations->Dispose();
    m_migrations = nullptr;
    m_interaction->Dispose();
    m_interaction = nullptr;
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
                        MakeCallback(&DtAgentInteraction::DeliverHeld, PeekPointer(m_interaction)));
    DtAgentInteraction::Parameters interaction;
    interaction.interval = m_interactionInterval;
    interaction.bytes = m_interactionBytes;
    interaction.radius = m_proximityRadius;
    m_interaction->Setup(m_dtId,
                         m_data->GetAgentPool(),
                         m_migrations,
                         interaction,
                         MakeCallback(&EdgeDtApplication::SendAgentMessage, this));
    if (m_architecture == DtArchitecture::CENTRALIZED)
    {
        return;
    }
    m_service->SetSummaryQueueLimit(m_summaryQueueLimit);
    m_service->Start(this, m_cloudDtId, m_data);
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
    m_interaction->Start();
    if (m_relay)
    {
        m_comm->SetForwardCallback(MakeCallback(&EdgeDtApplication::RelayDatagram, this));
    }
}

void
EdgeDtApplication::DoStopDt()
{
    m_syncDeadlines.Clear();
    m_loadEvent.Cancel();
    m_summaryEvent.Cancel();
    m_migrations->Stop();
    m_interaction->Stop();
}

void
EdgeDtApplication::DoFailDt()
{
    NS_LOG_FUNCTION(this);
    m_syncDeadlines.Clear(); // the requests die with the server: the terminals find them lost
    m_migrations->Reset();
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
    m_interaction->SetPlan(std::move(peers), std::move(home));
}

uint64_t
EdgeDtApplication::GetAgentMessagesSent() const
{
    return m_interaction->GetSent();
}

uint64_t
EdgeDtApplication::GetAgentMessagesForwarded() const
{
    return m_interaction->GetForwarded();
}

uint64_t
EdgeDtApplication::GetSummariesDropped() const
{
    return m_service->GetSummariesDropped();
}

uint32_t
EdgeDtApplication::GetQueuedSummaries() const
{
    return m_service->GetQueuedSummaries();
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
    m_service->ReportRegion(m_data->BuildRegionSummary());
    m_summaryEvent = Simulator::Schedule(m_summaryInterval, &EdgeDtApplication::Summarize, this);
}

void
EdgeDtApplication::HandleSyncRequest(uint32_t from,
                                     const DtSyncRequestHeader& req,
                                     Ipv4Address relay)
{
    const DtSyncStatus status = SyncStatus(req);
    if (status != DtSyncStatus::OK)
    {
        AnswerSync(from, req, status, relay);
        return;
    }
    // The twin is updated when the edge has done the work (SyncGflop): the
    // request waits on the compute queue like any other job, and is aborted
    // (late) if its deadline comes first.
    m_syncDeadlines.Track(req,
                          [this, from, req, relay]()
                          {
                              AnswerSync(from, req, DtSyncStatus::LATE, relay);
                          });
    if (!m_service->SubmitSync(req.GetTerminal(),
                               [this, from, req, relay]()
                               {
                                   ApplySync(from, req, relay);
                               }))
    {
        m_syncDeadlines.Take(req);
        // The compute queue is full: given up.
        AnswerSync(from, req, DtSyncStatus::LATE, relay);
    }
}

DtSyncStatus
EdgeDtApplication::SyncStatus(const DtSyncRequestHeader& req) const
{
    if (m_migrations->IsPulling(req.GetTerminal()))
    {
        return DtSyncStatus::MIGRATING;
    }
    if (!m_data->GetAgentPool()->GetAgent(req.GetTerminal()))
    {
        return DtSyncStatus::UNKNOWN_AGENT;
    }
    if (Simulator::Now() >= req.GetDeadline())
    {
        return DtSyncStatus::LATE; // aborted: the requirement has passed
    }
    return DtSyncStatus::OK;
}

void
EdgeDtApplication::ApplySync(uint32_t from, const DtSyncRequestHeader& req, Ipv4Address relay)
{
    if (!m_syncDeadlines.Take(req))
    {
        return; // aborted at its deadline, or the edge stopped
    }
    // The twin may have started migrating, or left, while the work queued.
    const DtSyncStatus status = SyncStatus(req);
    if (status == DtSyncStatus::OK)
    {
        m_data->GetAgentPool()->Synchronize(req.GetTerminal(), req.GetGenerated(), req.GetState());
        if (m_placement == DT_TWIN_EDGE_CLOUD)
        {
            m_comm->Send(m_cloudDtId, req, false, DtHeader::FLAG_RELAYED);
        }
    }
    AnswerSync(from, req, status, relay);
}

void
EdgeDtApplication::AnswerSync(uint32_t to,
                              const DtSyncRequestHeader& req,
                              DtSyncStatus status,
                              Ipv4Address relay)
{
    if (relay == Ipv4Address())
    {
        m_comm->Send(to, DtSyncAckHeader::Answer(req, status), false);
    }
    else
    {
        m_comm->SendTo(relay, to, DtSyncAckHeader::Answer(req, status), false);
    }
}

void
EdgeDtApplication::RelayDatagram(Ptr<const Packet> message, const DtHeader& header, Ipv4Address)
{
    const uint32_t dst = header.GetDestination();
    // Once only: a datagram another relay passed on is not passed on again.
    if (header.HasFlag(DtHeader::FLAG_RELAYED) || !m_book || !m_book->Has(dst))
    {
        ++m_relayDropped;
        NS_LOG_LOGIC("edge DT " << m_dtId << " cannot relay to unknown DT " << dst);
        return;
    }
    ++m_relayed;
    m_comm->Forward(message, m_book->Get(dst).address);
}

uint64_t
EdgeDtApplication::GetRelayed() const
{
    return m_relayed;
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
        m_service->CloudHeard();
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
            // A relayed request is answered through its relay, the edge of
            // the terminal's cell.
            HandleSyncRequest(h.GetSource(),
                              msg.GetPayloadAs<DtSyncRequestHeader>(),
                              h.HasFlag(DtHeader::FLAG_RELAYED) ? from : Ipv4Address());
            break;
        case DtMessageType::MIGRATION_REQUEST:
            m_migrations->HandleRequest(h.GetSource(),
                                        msg.GetPayloadAs<DtMigrationRequestHeader>());
            break;
        case DtMessageType::AGENT_MESSAGE:
            m_interaction->HandleMessage(msg.GetPayloadAs<DtAgentMessageHeader>());
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
    if (m_service)
    {
        m_service->HandleSendFailure(dst, header);
    }
}

uint32_t
EdgeDtApplication::SendAgentMessage(uint32_t dst, const DtPayload& payload)
{
    return m_comm->Send(dst, payload, false);
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

} // namespace ns3
