/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-dt-application.h"

#include "dt-agent-header.h"
#include "dt-app-usage-model.h"
#include "dt-load-report-header.h"
#include "dt-model-update-header.h"
#include "dt-ns3-version.h"
#include "dt-peer-hello-header.h"
#include "dt-radio-probe.h"
#include "dt-sync-header.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalDtApplication");

NS_OBJECT_ENSURE_REGISTERED(LocalDtApplication);

/// Job ids of sample processing are kept apart from demand ids.
static constexpr uint64_t PROCESSING_JOB_BIT = 1ULL << 63;

TypeId
LocalDtApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocalDtApplication")
            .SetParent<DtApplication>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<LocalDtApplication>()
            .AddAttribute("EdgeDtId",
                          "DT id of the serving edge DT.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LocalDtApplication::SetEdgeDtId,
                                               &LocalDtApplication::GetEdgeDtId),
                          MakeUintegerChecker<uint32_t>(0, 0xFFFFFFFE))
            .AddAttribute("CloudDtId",
                          "DT id of the cloud DT.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LocalDtApplication::m_cloudDtId),
                          MakeUintegerChecker<uint32_t>(0, 0xFFFFFFFE))
            .AddAttribute("ServingCell",
                          "Id of the serving cell / access point reported in status updates.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LocalDtApplication::m_servingCell),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("SampleProcessingGflop",
                          "Work of processing one raw sample on the terminal (multi-layer: the "
                          "local DT processes its own samples).",
                          DoubleValue(0.002),
                          MakeDoubleAccessor(&LocalDtApplication::m_sampleGflop),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("PeerBroadcast",
                          "Broadcast address of the ad hoc network shared with neighbouring "
                          "terminals; 0.0.0.0 disables peer-to-peer operation.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&LocalDtApplication::m_peerBroadcast),
                          MakeIpv4AddressChecker())
            .AddAttribute("PeerHelloInterval",
                          "Period of the PEER_HELLO broadcasts.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LocalDtApplication::m_peerHelloInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("JoinRetryInterval",
                          "Period of join attempts while the edge DT is unreachable.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&LocalDtApplication::m_joinRetryInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("EdgeTimeout",
                          "Multi-layer: when nothing came from the edge DT for this long "
                          "after it answered once (it sends load reports periodically) while "
                          "the access link is up, a join asks it whether it is still there; "
                          "only if that join goes unanswered through its retransmissions is "
                          "the edge lost (its demands retried, failover). 0: no watchdog, "
                          "only unacknowledged messages start such a probe.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&LocalDtApplication::m_edgeTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("EdgeFailover",
                          "When a join to the edge DT fails while the access link is up, try "
                          "the next edge DT of the address book (by id, in turn); false: keep "
                          "trying the same edge DT. Only useful where the access network "
                          "reaches other edges (LTE).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LocalDtApplication::m_edgeFailover),
                          MakeBooleanChecker())
            .AddAttribute("MigrationPolicy",
                          "What happens to this terminal's agent when it is handed over to a "
                          "cell of another edge DT: Reactive or Proactive (join the new edge, "
                          "which takes the agent over) or None (keep the agent where it is).",
                          EnumValue(DT_MIGRATION_REACTIVE),
                          DtMakeEnumAccessor<DtMigrationMode>(&LocalDtApplication::m_policy),
                          MakeEnumChecker(DT_MIGRATION_REACTIVE,
                                          "Reactive",
                                          DT_MIGRATION_PROACTIVE,
                                          "Proactive",
                                          DT_MIGRATION_NONE,
                                          "None"))
            .AddAttribute("MigrationPolicyObject",
                          "The migration policy (a DtMigrationPolicy; give the edge DTs the "
                          "same one). When unset, MigrationPolicy picks the built-in one.",
                          PointerValue(),
                          MakePointerAccessor(&LocalDtApplication::m_migration),
                          MakePointerChecker<DtMigrationPolicy>())
            .AddAttribute(
                "TwinPlacement",
                "Where this terminal's twin lives (multi-layer architecture): Edge "
                "and EdgeCloud (status updates and synchronizations go to the edge "
                "DT), or Cloud (they go to the cloud DT).",
                EnumValue(DT_TWIN_EDGE),
                DtMakeEnumAccessor<DtTwinPlacement>(&LocalDtApplication::m_placement),
                MakeEnumChecker(
                    DT_TWIN_EDGE, "Edge", DT_TWIN_CLOUD, "Cloud", DT_TWIN_EDGE_CLOUD, "EdgeCloud"))
            .AddAttribute("SyncProbability",
                          "Probability that the terminal sends a synchronization request to "
                          "its twin in a slot (Bernoulli; 0: no synchronization).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&LocalDtApplication::m_syncProbability),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("SyncSlot",
                          "Length of a synchronization slot.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LocalDtApplication::m_syncSlot),
                          MakeTimeChecker(MicroSeconds(100)))
            .AddAttribute("SyncViaServingEdge",
                          "Send each synchronization to the edge DT of the serving cell, "
                          "which relays it to the edge DT hosting the twin when that is "
                          "another one (a twin left behind, reached across the metro "
                          "network; the edge DTs' Relay must be on). Only for a twin at an "
                          "edge DT; a twin in the cloud is reached straight. False: straight "
                          "to the twin's host.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LocalDtApplication::m_syncViaServingEdge),
                          MakeBooleanChecker())
            .AddAttribute("SyncDeadline",
                          "Latency requirement of a synchronization: from the state's "
                          "generation at the terminal to the twin updated at its host. The "
                          "host aborts a request it cannot apply within it (late).",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&LocalDtApplication::m_syncDeadline),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("SyncTimeout",
                          "How long the terminal waits for the twin's answer before it counts "
                          "the request lost (at least SyncDeadline). Default: the minimum "
                          "retransmission timeout of RFC 6298, the point at which a reliable "
                          "transport would declare a segment lost.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LocalDtApplication::m_syncTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("StatusUpdates",
                          "Send status updates to the twin (false: the twin learns the "
                          "terminal's state from synchronizations only).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LocalDtApplication::m_statusUpdates),
                          MakeBooleanChecker())
            .AddAttribute("SyncExtraBytes",
                          "Model state a synchronization carries besides the latest sample of "
                          "every source, bytes.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LocalDtApplication::m_syncExtraBytes),
                          MakeUintegerChecker<uint32_t>(0, 1 << 20))
            .AddAttribute("DataModule",
                          "The data module.",
                          PointerValue(),
                          MakePointerAccessor(&LocalDtApplication::m_data),
                          MakePointerChecker<LocalDtDataModule>())
            .AddAttribute("ServiceModule",
                          "The service module.",
                          PointerValue(),
                          MakePointerAccessor(&LocalDtApplication::m_service),
                          MakePointerChecker<LocalDtServiceModule>())
            .AddTraceSource("HandoverDetected",
                            "The radio's serving cell changed (from and to cell, from and to "
                            "edge DT).",
                            MakeTraceSourceAccessor(&LocalDtApplication::m_handoverTrace),
                            "ns3::LocalDtApplication::HandoverTracedCallback")
            .AddTraceSource("SyncEnded",
                            "A synchronization request ended (id, outcome, synchronization "
                            "time: generation to twin updated, round trip to the answer; "
                            "negative where there is none).",
                            MakeTraceSourceAccessor(&LocalDtApplication::m_syncTrace),
                            "ns3::LocalDtApplication::SyncTracedCallback")
            .AddTraceSource("EdgeFailover",
                            "The edge DT did not answer a join; the next join goes to another "
                            "edge DT (from and to edge DT).",
                            MakeTraceSourceAccessor(&LocalDtApplication::m_failoverTrace),
                            "ns3::LocalDtApplication::FailoverTracedCallback");
    return tid;
}

LocalDtApplication::LocalDtApplication()
    : m_link(CreateObject<DtEdgeLink>())
    , m_jitter(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
    m_link->TraceConnectWithoutContext(
        "Failover",
        MakeCallback(&TracedCallback<uint32_t, uint32_t>::operator(), &m_failoverTrace));
}

LocalDtApplication::~LocalDtApplication()
{
    NS_LOG_FUNCTION(this);
}

void
LocalDtApplication::DoDispose()
{
    m_statusEvent.Cancel();
    m_helloEvent.Cancel();
    m_link->Dispose();
    m_link = nullptr;
    m_syncEvent.Cancel();
    for (auto& [id, pending] : m_syncs)
    {
        pending.second.Cancel();
    }
    m_syncs.clear();
    m_jitter = nullptr;
    m_migration = nullptr;
    DtModularApplication::DoDispose();
}

DtLayer
LocalDtApplication::GetLayer() const
{
    return DtLayer::LOCAL;
}

uint32_t
LocalDtApplication::GetEdgeDtId() const
{
    return m_link->GetEdge();
}

void
LocalDtApplication::SetEdgeDtId(uint32_t edgeDtId)
{
    m_link->SetEdge(edgeDtId);
}

Ptr<DtEdgeLink>
LocalDtApplication::GetEdgeLink() const
{
    return m_link;
}

uint32_t
LocalDtApplication::GetTwinDtId() const
{
    const bool cloud =
        m_architecture == DtArchitecture::CENTRALIZED || m_placement == DT_TWIN_CLOUD;
    return cloud ? m_cloudDtId : m_link->GetEdge();
}

uint32_t
LocalDtApplication::GetServingCell() const
{
    return m_servingCell;
}

uint32_t
LocalDtApplication::GetHandoverCount() const
{
    return m_handovers;
}

void
LocalDtApplication::WifiAssociation(bool associated, Mac48Address bssid)
{
    m_link->SetAccessLink(associated);
    if (!associated)
    {
        return;
    }
    uint32_t cell = 0;
    if (m_book && m_book->GetCellOfAccessPoint(bssid, cell))
    {
        ServingCellChanged(cell);
    }
    m_link->RejoinIfLost();
}

void
LocalDtApplication::LteCellChanged(uint16_t cellId)
{
    ServingCellChanged(cellId);
}

void
LocalDtApplication::ServingCellChanged(uint32_t cell)
{
    if (cell == m_servingCell)
    {
        return;
    }
    const uint32_t fromCell = m_servingCell;
    const uint32_t fromEdge = m_link->GetEdge();
    uint32_t toEdge = fromEdge;
    if (m_book)
    {
        m_book->GetEdgeOfCell(cell, toEdge); // unknown cell: keep the edge DT
    }
    if (!m_migration)
    {
        m_migration = DtMigrationPolicyFor(m_policy);
    }
    if (!m_migration->MovesOnHandover(m_dtId, fromEdge, toEdge))
    {
        toEdge = fromEdge; // the agent stays; the new cell's backhaul reaches it
    }
    m_servingCell = cell;
    ++m_handovers;
    NS_LOG_INFO("local DT " << m_dtId << " cell " << fromCell << " -> " << cell << ", edge DT "
                            << fromEdge << " -> " << toEdge);
    m_handoverTrace(fromCell, cell, fromEdge, toEdge);
    if (toEdge == fromEdge)
    {
        return;
    }
    m_link->HandOver(toEdge);
    if (m_architecture == DtArchitecture::MULTI_LAYER)
    {
        m_service->EdgeChanged();
        DtAgentLeaveHeader leave;
        leave.SetTerminal(m_dtId);
        leave.SetNextEdge(toEdge);
        leave.SetReason(DtLeaveReason::HANDOVER);
        m_comm->Send(fromEdge, leave, true);
        m_link->Joined();
        Join();
    }
}

int64_t
LocalDtApplication::AssignStreams(int64_t stream)
{
    m_jitter->SetStream(stream);
    int64_t used = 1;
    used += m_data->AssignStreams(stream + used);
    used += m_service->AssignStreams(stream + used);
    return used;
}

void
LocalDtApplication::DoStartDt()
{
    NS_LOG_FUNCTION(this);
    if (Ptr<DtAppUsageModel> usage = m_service->GetAppUsage())
    {
        usage->Start(); // before the data module samples its state
    }
    m_data->SetInternalSources(m_compute,
                               MakeCallback(&LocalDtServiceModule::GetPendingBytes, m_service),
                               m_service->GetAppUsage());
    m_data->Start(GetNode());
    DtEdgeLink::Parameters link;
    link.multiLayer = m_architecture == DtArchitecture::MULTI_LAYER;
    link.edgeTimeout = m_edgeTimeout;
    link.joinRetryInterval = m_joinRetryInterval;
    link.failover = m_edgeFailover;
    m_link->Setup(m_book,
                  link,
                  MakeCallback(&LocalDtApplication::Join, this),
                  MakeCallback(&LocalDtServiceModule::EdgeChanged, PeekPointer(m_service)));
    m_link->Start();
    Ptr<DtRadioProbe> radio = m_data->GetRadioProbe();
    radio->TraceConnectWithoutContext("Association",
                                      MakeCallback(&LocalDtApplication::WifiAssociation, this));
    radio->TraceConnectWithoutContext("CellChanged",
                                      MakeCallback(&LocalDtApplication::LteCellChanged, this));
    if (radio->GetServingCellId() != 0)
    {
        m_servingCell = radio->GetServingCellId(); // LTE: the cell the UE camps on
    }
    m_service->Start(this, m_link, m_cloudDtId);
    if (m_architecture == DtArchitecture::MULTI_LAYER)
    {
        Join();
        if (m_peerBroadcast != Ipv4Address::GetAny())
        {
            // Neighbours that start together must not broadcast together:
            // broadcast frames are not acknowledged, collisions go unnoticed.
            m_helloEvent = Simulator::Schedule(
                Seconds(m_jitter->GetValue(0, m_peerHelloInterval.GetSeconds())),
                &LocalDtApplication::SendPeerHello,
                this);
        }
    }
    m_statusEvent =
        Simulator::Schedule(m_data->GetStatusInterval(), &LocalDtApplication::SendStatus, this);
    if (m_syncProbability > 0)
    {
        m_syncEvent = Simulator::Schedule(m_syncSlot, &LocalDtApplication::SyncSlot, this);
    }
}

const char*
LocalDtApplication::SyncOutcomeName(SyncOutcome outcome)
{
    switch (outcome)
    {
        case SYNC_OK:
            return "ok";
        case SYNC_LATE:
            return "late";
        case SYNC_MIGRATING:
            return "migrating";
        case SYNC_UNKNOWN_AGENT:
            return "unknown-agent";
        case SYNC_STOPPED:
            return "simulation-end";
        case SYNC_LOST:
            return "lost";
    }
    return "unknown";
}

uint64_t
LocalDtApplication::GetSyncRequests() const
{
    return m_syncRequests;
}

void
LocalDtApplication::SyncSlot()
{
    m_syncEvent = Simulator::Schedule(m_syncSlot, &LocalDtApplication::SyncSlot, this);
    if (m_jitter->GetValue(0, 1) >= m_syncProbability)
    {
        return;
    }
    const uint64_t id = m_nextSync++;
    ++m_syncRequests;
    DtSyncRequestHeader req;
    req.SetSyncId(id);
    req.SetTerminal(m_dtId);
    req.SetTimes(Simulator::Now(), Simulator::Now() + m_syncDeadline);
    std::vector<uint8_t> state = m_data->GetCurrentState();
    state.resize(state.size() + m_syncExtraBytes, 0);
    req.SetState(std::move(state));
    m_syncs[id] = {
        Simulator::Now(),
        Simulator::Schedule(
            std::max(m_syncTimeout, m_syncDeadline), &LocalDtApplication::SyncTimedOut, this, id)};
    const uint32_t twin = GetTwinDtId();
    uint32_t cellEdge = twin;
    if (m_syncViaServingEdge && m_book && m_book->Has(twin)
        && m_book->Get(twin).layer == DtLayer::EDGE
        && m_book->GetEdgeOfCell(m_servingCell, cellEdge) && cellEdge != twin
        && m_book->Has(cellEdge))
    {
        // Through the edge of the serving cell, which relays it to the twin.
        m_comm->SendTo(m_book->Get(cellEdge).address, twin, req, false);
        return;
    }
    m_comm->Send(twin, req, false);
}

void
LocalDtApplication::SyncTimedOut(uint64_t id)
{
    EndSync(id, SYNC_LOST, Time(-1), false);
}

void
LocalDtApplication::HandleSyncAck(const DtSyncAckHeader& ack)
{
    auto it = m_syncs.find(ack.GetSyncId());
    if (it == m_syncs.end())
    {
        return; // already ended (an answer after SyncTimeout)
    }
    switch (ack.GetStatus())
    {
        case DtSyncStatus::OK:
        {
            // The paper's synchronization time: generation to twin updated.
            const Time twinUpdated = ack.GetTwinUpdated();
            const bool inTime = twinUpdated - it->second.first <= m_syncDeadline;
            EndSync(ack.GetSyncId(), inTime ? SYNC_OK : SYNC_LATE, twinUpdated, true);
            break;
        }
        case DtSyncStatus::LATE:
            EndSync(ack.GetSyncId(), SYNC_LATE, Time(-1), true);
            break;
        case DtSyncStatus::MIGRATING:
            EndSync(ack.GetSyncId(), SYNC_MIGRATING, Time(-1), true);
            break;
        case DtSyncStatus::UNKNOWN_AGENT:
            EndSync(ack.GetSyncId(), SYNC_UNKNOWN_AGENT, Time(-1), true);
            break;
    }
}

void
LocalDtApplication::EndSync(uint64_t id, SyncOutcome outcome, Time twinUpdated, bool answered)
{
    auto it = m_syncs.find(id);
    if (it == m_syncs.end())
    {
        return;
    }
    const Time generated = it->second.first;
    it->second.second.Cancel();
    m_syncs.erase(it);
    m_syncTrace(id,
                outcome,
                twinUpdated.IsNegative() ? Time(-1) : twinUpdated - generated,
                answered ? Simulator::Now() - generated : Time(-1));
}

void
LocalDtApplication::Join()
{
    DtAgentJoinHeader join;
    join.SetTerminal(m_dtId);
    join.SetServingCell(m_servingCell);
    join.SetPreviousEdge(m_link->GetPreviousEdge());
    join.SetModelVersion(m_service->GetModelVersion());
    m_comm->Send(m_link->GetEdge(), join, true);
}

void
LocalDtApplication::SendPeerHello()
{
    m_comm->Broadcast(m_peerBroadcast, m_service->BuildPeerHello());
    // Period with +-10 % jitter, as routing protocols do for their hellos.
    const double period = m_peerHelloInterval.GetSeconds();
    m_helloEvent = Simulator::Schedule(Seconds(m_jitter->GetValue(0.9 * period, 1.1 * period)),
                                       &LocalDtApplication::SendPeerHello,
                                       this);
}

void
LocalDtApplication::DoStopDt()
{
    NS_LOG_FUNCTION(this);
    m_statusEvent.Cancel();
    m_helloEvent.Cancel();
    m_syncEvent.Cancel();
    m_link->Stop();
    std::vector<uint64_t> pending;
    for (const auto& [id, p] : m_syncs)
    {
        pending.push_back(id);
    }
    for (uint64_t id : pending)
    {
        EndSync(id, SYNC_STOPPED, Time(-1), false);
    }
    m_service->Stop();
    m_data->Stop();
}

void
LocalDtApplication::SendStatus()
{
    const bool centralized = m_architecture == DtArchitecture::CENTRALIZED;
    const uint32_t queue = m_compute->GetQueueLength() + m_compute->GetBusyCores();
    if (centralized)
    {
        // Raw samples go to the cloud twin, which processes them.
        m_comm->Send(m_cloudDtId, m_data->BuildStatusUpdate(true, queue, m_servingCell), false);
    }
    else
    {
        // The local DT processes its own samples: that work runs on the terminal.
        const uint32_t samples = m_data->TakeUnprocessedSamples();
        if (m_sampleGflop > 0 && samples > 0)
        {
            DtComputeJob job;
            job.id = PROCESSING_JOB_BIT | m_processingJobs++;
            job.workloadGflop = m_sampleGflop * samples;
            job.owner = m_dtId;
            m_compute->Submit(job);
        }
        // After a handover, status updates wait until the new edge DT has
        // answered the join: an update arriving first would make it create a
        // fresh agent instead of pulling the migrating one.
        const bool inCloud = m_placement == DT_TWIN_CLOUD;
        if (m_statusUpdates && (inCloud || !m_link->IsJoining()) && m_data->IsUpdateDue())
        {
            m_comm->Send(
                GetTwinDtId(), m_data->BuildStatusUpdate(false, queue, m_servingCell), false);
        }
    }
    m_statusEvent =
        Simulator::Schedule(m_data->GetStatusInterval(), &LocalDtApplication::SendStatus, this);
}

void
LocalDtApplication::HandleMessage(const DtMessage& msg, Ipv4Address from)
{
    if (msg.GetHeader().GetSource() == m_link->GetEdge())
    {
        m_link->Heard();
    }
    switch (msg.GetMessageType())
    {
        case DtMessageType::PEER_HELLO:
            m_service->HandlePeerHello(msg.GetPayloadAs<DtPeerHelloHeader>(), from);
            break;
        case DtMessageType::PEER_DEMAND:
            m_service->HandlePeerDemand(msg.GetPayloadAs<DtPeerDemandHeader>(), from);
            break;
        case DtMessageType::DEMAND_RESPONSE:
            m_service->HandleResponse(msg.GetPayloadAs<DtDemandResponseHeader>());
            break;
        case DtMessageType::MODEL_UPDATE:
        {
            m_service->AdoptCloudModel(msg.GetPayloadAs<DtModelUpdateHeader>());
            break;
        }
        case DtMessageType::SYNC_ACK:
            HandleSyncAck(msg.GetPayloadAs<DtSyncAckHeader>());
            break;
        case DtMessageType::LOAD_REPORT:
            if (msg.GetHeader().GetSource() == m_link->GetEdge())
            {
                m_service->HandleLoadReport(msg.GetPayloadAs<DtLoadReportHeader>());
            }
            break;
        default:
            NS_LOG_LOGIC("local DT " << m_dtId << " ignores " << msg.GetMessageType());
            break;
    }
}

void
LocalDtApplication::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    if (dst != m_link->GetEdge() || m_architecture != DtArchitecture::MULTI_LAYER)
    {
        m_service->HandleSendFailure(header);
        return;
    }
    const bool lost = m_link->SendFailed(header);
    m_service->HandleSendFailure(header);
    if (lost)
    {
        m_service->EdgeLost();
    }
}

} // namespace ns3
