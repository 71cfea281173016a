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
#include "dt-sync-header.h"

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
            .AddAttribute(
                "MigrationPolicy",
                "What happens to an agent whose terminal is handed over to another "
                "edge DT's cell: Reactive (the new edge pulls its state) or None "
                "(it stays here).",
                EnumValue(DT_MIGRATION_REACTIVE),
                MakeEnumAccessor(&EdgeDtApplication::m_policy),
                MakeEnumChecker(DT_MIGRATION_REACTIVE, "Reactive", DT_MIGRATION_NONE, "None"))
            .AddAttribute("MigrationTimeout",
                          "Longest wait for a migration to complete (the new edge then hosts "
                          "a fresh agent; the old edge drops an agent nobody asked for).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&EdgeDtApplication::m_migrationTimeout),
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
                            "This edge asked the previous edge for a terminal's agent.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationStarted),
                            "ns3::EdgeDtApplication::MigrationStartedTracedCallback")
            .AddTraceSource("MigrationCompleted",
                            "A migrated agent's state arrived and runs here.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationCompleted),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback")
            .AddTraceSource("MigrationFailed",
                            "A migration to this edge failed; a fresh agent runs here.",
                            MakeTraceSourceAccessor(&EdgeDtApplication::m_migrationFailed),
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
    for (auto& [terminal, inc] : m_incoming)
    {
        inc.timeout.Cancel();
    }
    for (auto& [terminal, ev] : m_departed)
    {
        ev.Cancel();
    }
    m_incoming.clear();
    m_departed.clear();
    m_outgoing.clear();
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
}

void
EdgeDtApplication::DoStopDt()
{
    m_loadEvent.Cancel();
    m_summaryEvent.Cancel();
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
    for (const auto& [terminal, agent] : m_data->GetAgents())
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
    m_comm->Send(m_cloudDtId, summary, true);
    m_summaryEvent = Simulator::Schedule(m_summaryInterval, &EdgeDtApplication::Summarize, this);
}

void
EdgeDtApplication::HandleMessage(const DtMessage& msg, Ipv4Address from)
{
    if (m_architecture == DtArchitecture::CENTRALIZED)
    {
        return;
    }
    const DtHeader& h = msg.GetHeader();
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
            if (leave.GetReason() == DtLeaveReason::HANDOVER && m_policy == DT_MIGRATION_REACTIVE
                && m_data->GetAgent(terminal))
            {
                // Keep the agent for the new edge's request, for a while.
                m_departed[terminal].Cancel();
                const Time leftAt = Simulator::Now();
                m_departed[terminal] = Simulator::Schedule(m_migrationTimeout,
                                                           [this, terminal, leftAt]()
                                                           {
                                                               m_departed.erase(terminal);
                                                               m_data->Leave(terminal, leftAt);
                                                           });
            }
            else
            {
                m_data->Leave(terminal);
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
            else if (m_data->Synchronize(req.GetTerminal(), req.GetGenerated()))
            {
                ack.SetStatus(DtSyncStatus::OK);
                ack.SetTwinUpdated(Simulator::Now());
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
                    for (const auto& [terminal, agent] : m_data->GetAgents())
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
    const bool fromAnotherEdge =
        previous != m_dtId && m_book->Has(previous) && m_book->Get(previous).layer == DtLayer::EDGE;
    if (m_policy == DT_MIGRATION_REACTIVE && fromAnotherEdge && !m_data->GetAgent(terminal)
        && m_incoming.count(terminal) == 0)
    {
        Incoming& inc = m_incoming[terminal];
        inc.id = (static_cast<uint64_t>(m_dtId) << 32) | m_nextMigration++;
        inc.source = previous;
        inc.servingCell = join.GetServingCell();
        inc.modelVersion = join.GetModelVersion();
        inc.start = Simulator::Now();
        inc.timeout = Simulator::Schedule(
            m_migrationTimeout, &EdgeDtApplication::FailIncoming, this, terminal);
        DtMigrationRequestHeader req;
        req.SetMigrationId(inc.id);
        req.SetTerminal(terminal);
        req.SetEdges(previous, m_dtId);
        req.SetTrigger(DtMigrationTrigger::REACTIVE);
        NS_LOG_INFO("edge DT " << m_dtId << " pulls the agent of DT " << terminal
                               << " from edge DT " << previous);
        m_migrationStarted(inc.id, terminal, previous, m_dtId);
        m_comm->Send(previous, req, true);
    }
    else if (m_incoming.count(terminal) == 0)
    {
        m_data->Join(terminal, join.GetServingCell(), join.GetModelVersion());
    }
    SendLoadReport(terminal);
}

void
EdgeDtApplication::HandleMigrationRequest(const DtHeader& h, const DtMigrationRequestHeader& req)
{
    const uint32_t terminal = req.GetTerminal();
    const DtDigitalAgent* agent = m_data->GetAgent(terminal);
    if (!agent || req.GetSourceEdge() != m_dtId)
    {
        DtMigrationAckHeader nack;
        nack.SetMigrationId(req.GetMigrationId());
        nack.SetTerminal(terminal);
        nack.SetStatus(DtMigrationStatus::REJECTED);
        m_comm->Send(h.GetSource(), nack, true);
        return;
    }
    auto dep = m_departed.find(terminal);
    if (dep != m_departed.end())
    {
        dep->second.Cancel();
        m_departed.erase(dep);
    }
    std::vector<uint8_t> bytes = agent->Serialize();
    DtDigitalAgent copy = *agent;
    m_data->Release(terminal);
    m_gone.insert(terminal);
    DtMigrationStateHeader state;
    state.SetMigrationId(req.GetMigrationId());
    state.SetTerminal(terminal);
    const auto total = static_cast<uint32_t>(bytes.size());
    state.SetSegment(0, 1, total, std::move(bytes));
    NS_LOG_INFO("edge DT " << m_dtId << " sends the agent of DT " << terminal << " (" << total
                           << " bytes) to edge DT " << h.GetSource());
    const uint32_t seq = m_comm->Send(h.GetSource(), state, true);
    m_outgoing[req.GetMigrationId()] = {seq, std::move(copy)};
}

void
EdgeDtApplication::HandleMigrationState(const DtHeader& h, const DtMigrationStateHeader& state)
{
    const uint32_t terminal = state.GetTerminal();
    auto it = m_incoming.find(terminal);
    if (it == m_incoming.end() || it->second.id != state.GetMigrationId())
    {
        return; // late or unknown: the migration already ended here
    }
    DtDigitalAgent agent;
    const bool ok = state.GetSegmentCount() == 1
                    && DtDigitalAgent::Deserialize(state.GetData(), agent)
                    && agent.terminal == terminal;
    DtMigrationAckHeader ack;
    ack.SetMigrationId(state.GetMigrationId());
    ack.SetTerminal(terminal);
    ack.SetStatus(ok ? DtMigrationStatus::COMPLETED : DtMigrationStatus::REJECTED);
    ack.SetBytesReceived(static_cast<uint32_t>(state.GetData().size()));
    m_comm->Send(h.GetSource(), ack, true);
    if (!ok)
    {
        FailIncoming(terminal);
        return;
    }
    Incoming inc = std::move(it->second);
    m_incoming.erase(it);
    inc.timeout.Cancel();
    agent.servingCell = inc.servingCell;
    agent.modelVersion = inc.modelVersion;
    agent.joined = Simulator::Now();
    m_data->Adopt(std::move(agent));
    for (const auto& [update, sentAt] : inc.held)
    {
        m_data->ApplyStatus(terminal, update, sentAt);
    }
    const auto bytes = static_cast<uint32_t>(state.GetData().size());
    NS_LOG_INFO("edge DT " << m_dtId << " runs the agent of DT " << terminal << " after "
                           << (Simulator::Now() - inc.start).As(Time::MS));
    m_migrationCompleted(inc.id, terminal, bytes, Simulator::Now() - inc.start);
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
    m_data->Join(terminal, inc.servingCell, inc.modelVersion);
    for (const auto& [update, sentAt] : inc.held)
    {
        m_data->ApplyStatus(terminal, update, sentAt);
    }
    m_migrationFailed(inc.id, terminal, 0, Simulator::Now() - inc.start);
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
                m_data->Adopt(std::move(it->second.second));
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
    if (m_service)
    {
        m_service->HandleSendFailure(dst, header);
    }
}

} // namespace ns3
