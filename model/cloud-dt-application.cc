/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cloud-dt-application.h"

#include "dt-load-report-header.h"
#include "dt-model-update-header.h"
#include "dt-sync-header.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CloudDtApplication");

NS_OBJECT_ENSURE_REGISTERED(CloudDtApplication);

TypeId
CloudDtApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CloudDtApplication")
            .SetParent<DtApplication>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<CloudDtApplication>()
            .AddAttribute("LoadReportInterval",
                          "Period of the load reports sent to the edge DTs (0: none).",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&CloudDtApplication::m_loadReportInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ForecastInterval",
                          "Window of the per-sender load forecasts that set the senders' "
                          "shares of the cloud (0: equal shares, no forecasts).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&CloudDtApplication::m_forecastInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ModelInterval",
                          "Period at which the cloud retrains its delay model and pushes a new "
                          "version to the edge DTs, which relay it to their terminals "
                          "(multi-layer; 0: no models).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&CloudDtApplication::m_modelInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("ModelUpdated",
                            "A new version of the delay model was pushed.",
                            MakeTraceSourceAccessor(&CloudDtApplication::m_modelTrace),
                            "ns3::CloudDtApplication::ModelTracedCallback")
            .AddAttribute("DataModule",
                          "The data module.",
                          PointerValue(),
                          MakePointerAccessor(&CloudDtApplication::m_data),
                          MakePointerChecker<CloudDtDataModule>())
            .AddAttribute("ServiceModule",
                          "The service module.",
                          PointerValue(),
                          MakePointerAccessor(&CloudDtApplication::m_service),
                          MakePointerChecker<CloudDtServiceModule>());
    return tid;
}

CloudDtApplication::CloudDtApplication()
{
    NS_LOG_FUNCTION(this);
    // Allocation across edges: each sender (an edge DT, or a terminal when
    // centralized) gets its weighted share of the cloud when it is saturated.
    m_compute->SetAttribute("Scheduler", EnumValue(ComputeResource::DRR));
}

CloudDtApplication::~CloudDtApplication()
{
    NS_LOG_FUNCTION(this);
}

void
CloudDtApplication::DoDispose()
{
    m_syncDeadlines.Clear();
    m_loadEvent.Cancel();
    m_forecastEvent.Cancel();
    m_modelEvent.Cancel();
    DtModularApplication::DoDispose();
}

DtLayer
CloudDtApplication::GetLayer() const
{
    return DtLayer::CLOUD;
}

void
CloudDtApplication::DoStartDt()
{
    m_service->Start(this);
    if (m_architecture == DtArchitecture::MULTI_LAYER && m_loadReportInterval.IsStrictlyPositive())
    {
        // The first report goes out at once so that edges can estimate from the start.
        m_loadEvent = Simulator::ScheduleNow(&CloudDtApplication::ReportLoad, this);
    }
    // Forecast-driven shares across edges (multi-layer); a centralized cloud
    // serves the terminals themselves, in equal shares.
    if (m_architecture == DtArchitecture::MULTI_LAYER && m_modelInterval.IsStrictlyPositive())
    {
        m_modelEvent =
            Simulator::Schedule(m_modelInterval, &CloudDtApplication::PublishModel, this);
    }
    if (m_architecture == DtArchitecture::MULTI_LAYER && m_forecastInterval.IsStrictlyPositive())
    {
        m_forecastEvent =
            Simulator::Schedule(m_forecastInterval, &CloudDtApplication::Forecast, this);
    }
}

uint32_t
CloudDtApplication::GetModelVersion() const
{
    return m_modelVersion;
}

void
CloudDtApplication::PublishModel()
{
    std::vector<double> parameters;
    if (m_data->TrainDelayModel(m_service->TakeServedSamples(), parameters))
    {
        DtModelUpdateHeader update;
        update.SetModelId(DELAY_MODEL_ID);
        update.SetVersion(++m_modelVersion);
        update.SetTrainedAt(Simulator::Now());
        update.SetTrainingSamples(m_data->GetTrainingSamples());
        update.SetParameters(parameters);
        m_modelTrace(m_modelVersion, m_data->GetTrainingSamples());
        for (const auto& [id, entry] : m_book->GetAll())
        {
            if (entry.layer == DtLayer::EDGE)
            {
                m_comm->Send(id, update, true);
            }
        }
    }
    m_modelEvent = Simulator::Schedule(m_modelInterval, &CloudDtApplication::PublishModel, this);
}

void
CloudDtApplication::Forecast()
{
    // Shares follow the forecasts; a floor keeps a quiet sender served.
    for (const auto& [sender, gflop] : m_data->ForecastLoad(m_service->TakeArrivedWork()))
    {
        m_compute->SetOwnerWeight(
            sender,
            std::max(gflop,
                     0.01 * m_compute->GetCapacityGflops() * m_forecastInterval.GetSeconds()));
    }
    m_forecastEvent = Simulator::Schedule(m_forecastInterval, &CloudDtApplication::Forecast, this);
}

void
CloudDtApplication::DoStopDt()
{
    m_syncDeadlines.Clear();
    m_loadEvent.Cancel();
    m_forecastEvent.Cancel();
    m_modelEvent.Cancel();
}

void
CloudDtApplication::ReportLoad()
{
    DtLoadReportHeader report;
    m_service->FillLoadReport(report);
    for (const auto& [id, entry] : m_book->GetAll())
    {
        if (entry.layer == DtLayer::EDGE)
        {
            m_comm->Send(id, report, false);
        }
    }
    m_loadEvent = Simulator::Schedule(m_loadReportInterval, &CloudDtApplication::ReportLoad, this);
}

void
CloudDtApplication::HandleSyncRequest(const DtHeader& h, const DtSyncRequestHeader& req)
{
    // A copy of an edge twin's synchronization (FLAG_RELAYED): the edge DT
    // already answered the terminal.
    const bool relayed = h.GetFlags() & DtHeader::FLAG_RELAYED;
    const uint32_t from = h.GetSource();
    if (!relayed && Simulator::Now() >= req.GetDeadline())
    {
        AnswerSync(from, req, DtSyncStatus::LATE); // aborted: the requirement has passed
        return;
    }
    if (!relayed)
    {
        m_syncDeadlines.Track(req,
                              [this, from, req]()
                              {
                                  AnswerSync(from, req, DtSyncStatus::LATE);
                              });
    }
    const bool queued = m_service->SubmitSync(req.GetTerminal(),
                                              [this, from, req, relayed]()
                                              {
                                                  ApplySync(from, req, relayed);
                                              });
    if (!queued && !relayed)
    {
        m_syncDeadlines.Take(req);
        AnswerSync(from, req, DtSyncStatus::LATE); // the compute queue is full: given up
    }
}

void
CloudDtApplication::ApplySync(uint32_t from, const DtSyncRequestHeader& req, bool relayed)
{
    if (!relayed && !m_syncDeadlines.Take(req))
    {
        return; // aborted at its deadline, or the cloud stopped
    }
    if (m_architecture == DtArchitecture::MULTI_LAYER)
    {
        // A twin placed in the cloud, or an edge twin's copy.
        Ptr<DtAgentPool> pool = m_data->GetAgentPool();
        if (!pool->GetAgent(req.GetTerminal()))
        {
            pool->Join(req.GetTerminal(), 0, 0);
        }
        pool->Synchronize(req.GetTerminal(), req.GetGenerated(), req.GetState());
    }
    // Centralized: the cloud holds every twin; they never migrate.
    if (!relayed)
    {
        AnswerSync(from, req, DtSyncStatus::OK);
    }
}

void
CloudDtApplication::AnswerSync(uint32_t to, const DtSyncRequestHeader& req, DtSyncStatus status)
{
    m_comm->Send(to, DtSyncAckHeader::Answer(req, status), false);
}

void
CloudDtApplication::HandleMessage(const DtMessage& msg, Ipv4Address from)
{
    const DtHeader& h = msg.GetHeader();
    switch (msg.GetMessageType())
    {
        case DtMessageType::DEMAND_REQUEST:
            m_service->HandleRequest(h, msg.GetPayloadAs<DtDemandRequestHeader>());
            break;
        case DtMessageType::REGION_SUMMARY:
            m_data->ApplySummary(h.GetSource(), msg.GetPayloadAs<DtRegionSummaryHeader>());
            break;
        case DtMessageType::SYNC_REQUEST:
            HandleSyncRequest(h, msg.GetPayloadAs<DtSyncRequestHeader>());
            break;
        case DtMessageType::STATUS_UPDATE:
        {
            const auto& su = msg.GetPayloadAs<DtStatusUpdateHeader>();
            if (m_architecture == DtArchitecture::MULTI_LAYER)
            {
                // A twin placed in the cloud: the local DT processed its samples.
                m_data->GetAgentPool()->ApplyStatus(h.GetSource(), su, h.GetTimestamp());
                break;
            }
            m_data->ApplyRawStatus(h.GetSource(), su);
            m_service->SubmitSampleProcessing(h.GetSource(), su.GetSampleCount());
            break;
        }
        default:
            NS_LOG_LOGIC("cloud DT " << m_dtId << " ignores " << msg.GetMessageType());
            break;
    }
}

void
CloudDtApplication::HandleSendFailure(uint32_t, const DtHeader&)
{
}

} // namespace ns3
