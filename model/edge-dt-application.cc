/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-dt-application.h"

#include "dt-agent-header.h"
#include "dt-load-report-header.h"
#include "dt-model-update-header.h"

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
            .AddAttribute("DataModule",
                          "The data module.",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_data),
                          MakePointerChecker<EdgeDtDataModule>())
            .AddAttribute("ServiceModule",
                          "The service module.",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtApplication::m_service),
                          MakePointerChecker<EdgeDtServiceModule>());
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
        SendLoadReport(terminal);
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
        {
            const auto& join = msg.GetPayloadAs<DtAgentJoinHeader>();
            m_data->Join(join.GetTerminal(), join.GetServingCell(), join.GetModelVersion());
            SendLoadReport(join.GetTerminal());
            break;
        }
        case DtMessageType::AGENT_LEAVE:
            m_data->Leave(msg.GetPayloadAs<DtAgentLeaveHeader>().GetTerminal());
            break;
        case DtMessageType::STATUS_UPDATE:
            m_data->ApplyStatus(
                h.GetSource(), msg.GetPayloadAs<DtStatusUpdateHeader>(), h.GetTimestamp());
            m_service->SubmitTwinUpdate(h.GetSource());
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
EdgeDtApplication::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    if (m_service)
    {
        m_service->HandleSendFailure(dst, header);
    }
}

} // namespace ns3
