/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-dt-service-module.h"

#include "dt-load-report-header.h"
#include "dt-tier-classifier.h"
#include "edge-dt-data-module.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeDtServiceModule");

NS_OBJECT_ENSURE_REGISTERED(EdgeDtServiceModule);

TypeId
EdgeDtServiceModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeDtServiceModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<EdgeDtServiceModule>()
            .AddAttribute("EscalationMargin",
                          "An edge demand whose estimated completion at the edge exceeds this "
                          "fraction of the time left is escalated to the cloud if the cloud is "
                          "estimated to finish it sooner.",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&EdgeDtServiceModule::m_margin),
                          MakeDoubleChecker<double>(1e-3, 1.0))
            .AddAttribute("DownlinkRate",
                          "Access downlink rate assumed when estimating result transfers.",
                          DataRateValue(DataRate("200Mbps")),
                          MakeDataRateAccessor(&EdgeDtServiceModule::m_downlinkRate),
                          MakeDataRateChecker())
            .AddAttribute("BackhaulRate",
                          "Edge-cloud link rate, used in estimates and load reports.",
                          DataRateValue(DataRate("1Gbps")),
                          MakeDataRateAccessor(&EdgeDtServiceModule::m_backhaulRate),
                          MakeDataRateChecker())
            .AddAttribute("ReducedInput",
                          "Multi-layer: a demand this edge sends up to the cloud DT "
                          "(escalated, or placed in the cloud by its terminal) carries the "
                          "terminal's input as this edge's data module holds it, reduced by "
                          "the ratio measured on the terminals' status updates "
                          "(EdgeDtDataModule::GetReduction), not the raw bytes. The "
                          "centralized DT's requests always carry the raw input.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&EdgeDtServiceModule::m_reducedInput),
                          MakeBooleanChecker())
            .AddAttribute("TwinUpdateGflop",
                          "Work of applying one status update to a terminal's twin.",
                          DoubleValue(0.001),
                          MakeDoubleAccessor(&EdgeDtServiceModule::m_twinUpdateGflop),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SyncGflop",
                          "Work of applying one synchronization to a terminal's twin; the "
                          "twin is updated when it is done (0: at once). Default: the work "
                          "of a status update (TwinUpdateGflop's default), which carries the "
                          "same samples.",
                          DoubleValue(0.001),
                          MakeDoubleAccessor(&EdgeDtServiceModule::m_syncGflop),
                          MakeDoubleChecker<double>(0))
            .AddTraceSource("DemandEscalated",
                            "An edge demand was escalated to the cloud DT.",
                            MakeTraceSourceAccessor(&EdgeDtServiceModule::m_escalated),
                            "ns3::EdgeDtServiceModule::DemandRequestTracedCallback")
            .AddTraceSource("DemandRelayed",
                            "A cloud demand was passed up to the cloud DT.",
                            MakeTraceSourceAccessor(&EdgeDtServiceModule::m_relayed),
                            "ns3::EdgeDtServiceModule::DemandRequestTracedCallback")
            .AddTraceSource("DemandServed",
                            "A demand finished on the edge's compute resource.",
                            MakeTraceSourceAccessor(&EdgeDtServiceModule::m_served),
                            "ns3::EdgeDtServiceModule::DemandRequestTracedCallback");
    return tid;
}

EdgeDtServiceModule::EdgeDtServiceModule()
{
    NS_LOG_FUNCTION(this);
}

EdgeDtServiceModule::~EdgeDtServiceModule()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeDtServiceModule::DoDispose()
{
    m_app = nullptr;
    m_data = nullptr;
    m_jobs.clear();
    m_upSeq.clear();
    m_upKey.clear();
    Object::DoDispose();
}

void
EdgeDtServiceModule::Start(Ptr<DtApplication> app, uint32_t cloudDtId, Ptr<EdgeDtDataModule> data)
{
    m_app = app;
    m_data = data;
    m_cloudDtId = cloudDtId;
    m_app->GetCompute()->SetJobDoneCallback(MakeCallback(&EdgeDtServiceModule::JobDone, this));
}

Time
EdgeDtServiceModule::EstimateCloud(const DtDemandRequestHeader& req) const
{
    DtTierView cloud;
    cloud.available = m_cloudCapacity > 0;
    cloud.capacityGflops = m_cloudCapacity;
    cloud.backlogGflop = m_cloudBacklog;
    const double backhaul = static_cast<double>(m_backhaulRate.GetBitRate());
    cloud.uplinkBps = {backhaul};
    cloud.downlinkBps = {backhaul, static_cast<double>(m_downlinkRate.GetBitRate())};
    cloud.rtt = m_app->GetCommModule()->GetRtt(m_cloudDtId);
    cloud.delayModel = m_cloudModel.parameters;
    return DtTierClassifier::Estimate(
        cloud, req.GetWorkloadGflop(), UpInputBytes(req), req.GetOutputBytes());
}

void
EdgeDtServiceModule::HandleRequest(const DtHeader& header, const DtDemandRequestHeader& req)
{
    NS_LOG_FUNCTION(this << req.GetOrigin() << req.GetDemandId());
    if (req.GetTier() == DtTier::CLOUD)
    {
        if (!m_cloudReachable)
        {
            NS_LOG_LOGIC("edge DT " << m_app->GetDtId() << " runs cloud demand "
                                    << req.GetDemandId() << ": the cloud DT is unreachable");
            RunHere(req);
            return;
        }
        m_relayed(req);
        SendUp(req, false);
        return;
    }
    Ptr<ComputeResource> cpu = m_app->GetCompute();
    DtTierView edge;
    edge.available = true;
    edge.capacityGflops = cpu->GetCapacityGflops() / cpu->GetCores();
    edge.backlogGflop = cpu->GetBacklogGflop() / cpu->GetCores();
    edge.downlinkBps = {static_cast<double>(m_downlinkRate.GetBitRate())};
    const Time here =
        DtTierClassifier::Estimate(edge, req.GetWorkloadGflop(), 0, req.GetOutputBytes());
    const Time left = req.GetDeadline() - Simulator::Now();
    DtTierClassifier margin(m_margin);
    if (!margin.Fits(here, left) && m_cloudReachable)
    {
        const Time there = EstimateCloud(req);
        if (there < here)
        {
            NS_LOG_LOGIC("edge DT " << m_app->GetDtId() << " escalates demand " << req.GetDemandId()
                                    << ": edge " << here.As(Time::MS) << " vs cloud "
                                    << there.As(Time::MS) << ", left " << left.As(Time::MS));
            m_escalated(req);
            SendUp(req, true);
            return;
        }
    }
    if (!SubmitHere(req))
    {
        if (m_cloudCapacity > 0 && m_cloudReachable)
        {
            m_escalated(req);
            SendUp(req, true);
        }
        else
        {
            Respond(req, DtFailureReason::QUEUE_FULL);
        }
    }
}

void
EdgeDtServiceModule::SendUp(DtDemandRequestHeader req, bool escalated)
{
    req.SetTier(DtTier::CLOUD);
    req.SetHops(req.GetHops() + 1);
    req.SetInputBytes(UpInputBytes(req));
    uint32_t seq = m_app->GetCommModule()->Send(
        m_cloudDtId, req, true, escalated ? 0 : DtHeader::FLAG_RELAYED);
    m_upSeq[seq] = req;
    m_upKey[{req.GetOrigin(), req.GetDemandId()}] = seq;
    m_cloudBacklog += req.GetWorkloadGflop();
}

uint32_t
EdgeDtServiceModule::UpInputBytes(const DtDemandRequestHeader& req) const
{
    if (!m_reducedInput || m_app->GetArchitecture() != DtArchitecture::MULTI_LAYER)
    {
        return req.GetInputBytes();
    }
    return m_data->Reduce(req.GetInputBytes());
}

void
EdgeDtServiceModule::Respond(const DtDemandRequestHeader& req, DtFailureReason reason)
{
    if (m_app->GetAddressBook()->Has(req.GetOrigin()))
    {
        m_app->GetCommModule()->Send(
            req.GetOrigin(),
            DtDemandResponseHeader::Answer(req, DtTier::EDGE, reason, req.GetOutputBytes()),
            true);
    }
}

bool
EdgeDtServiceModule::SubmitHere(const DtDemandRequestHeader& req)
{
    const uint64_t id = m_nextJob++;
    DtComputeJob job;
    job.id = id;
    job.workloadGflop = req.GetWorkloadGflop();
    job.priority = req.GetPriority();
    job.owner = req.GetOrigin();
    job.demandId = req.GetDemandId();
    job.origin = req.GetOrigin();
    m_jobs[id] = Job{req, false, nullptr};
    if (!m_app->GetCompute()->Submit(job))
    {
        m_jobs.erase(id);
        return false;
    }
    return true;
}

void
EdgeDtServiceModule::RunHere(const DtDemandRequestHeader& req)
{
    if (!SubmitHere(req))
    {
        Respond(req, DtFailureReason::QUEUE_FULL);
    }
}

void
EdgeDtServiceModule::SetCloudReachable(bool reachable)
{
    if (reachable != m_cloudReachable)
    {
        NS_LOG_LOGIC("edge DT " << m_app->GetDtId() << ": cloud DT "
                                << (reachable ? "reachable again" : "unreachable"));
    }
    m_cloudReachable = reachable;
}

bool
EdgeDtServiceModule::IsCloudReachable() const
{
    return m_cloudReachable;
}

void
EdgeDtServiceModule::Reset()
{
    m_jobs.clear();
    m_upSeq.clear();
    m_upKey.clear();
    m_cloudBacklog = 0;
    m_cloudReachable = true;
    m_summariesSent.clear();
    m_summaryQueue.clear();
}

void
EdgeDtServiceModule::SetSummaryQueueLimit(uint32_t limit)
{
    m_summaryQueueLimit = limit;
}

uint64_t
EdgeDtServiceModule::GetSummariesDropped() const
{
    return m_summariesDropped;
}

uint32_t
EdgeDtServiceModule::GetQueuedSummaries() const
{
    return static_cast<uint32_t>(m_summaryQueue.size());
}

void
EdgeDtServiceModule::ReportRegion(const DtRegionSummaryHeader& summary)
{
    if (!m_cloudReachable)
    {
        QueueSummary(summary);
    }
    else
    {
        SendSummary(summary);
    }
}

void
EdgeDtServiceModule::QueueSummary(const DtRegionSummaryHeader& summary)
{
    m_summaryQueue.push_back(summary);
    while (m_summaryQueue.size() > m_summaryQueueLimit)
    {
        m_summaryQueue.pop_front();
        ++m_summariesDropped;
    }
}

void
EdgeDtServiceModule::CloudHeard()
{
    if (!m_cloudReachable)
    {
        NS_LOG_INFO("edge DT " << m_app->GetDtId() << ": cloud DT reachable again, sending "
                               << m_summaryQueue.size() << " queued summaries");
    }
    SetCloudReachable(true);
    while (!m_summaryQueue.empty())
    {
        const DtRegionSummaryHeader summary = m_summaryQueue.front();
        m_summaryQueue.pop_front();
        SendSummary(summary);
    }
}

void
EdgeDtServiceModule::SendSummary(const DtRegionSummaryHeader& summary)
{
    m_summariesSent[m_app->GetCommModule()->Send(m_cloudDtId, summary, true)] = summary;
    while (m_summariesSent.size() > m_summaryQueueLimit)
    {
        m_summariesSent.erase(m_summariesSent.begin());
    }
}

void
EdgeDtServiceModule::JobDone(const DtComputeJob& job)
{
    auto it = m_jobs.find(job.id);
    if (it == m_jobs.end())
    {
        return;
    }
    Job done = it->second;
    m_jobs.erase(it);
    if (done.twinUpdate)
    {
        if (done.applied)
        {
            done.applied();
        }
        return;
    }
    m_served(done.req);
    Respond(done.req, DtFailureReason::NONE);
}

void
EdgeDtServiceModule::HandleCloudResponse(const DtDemandResponseHeader& rsp)
{
    auto key = m_upKey.find({rsp.GetOrigin(), rsp.GetDemandId()});
    if (key != m_upKey.end())
    {
        m_upSeq.erase(key->second);
        m_upKey.erase(key);
    }
    if (m_app->GetAddressBook()->Has(rsp.GetOrigin()))
    {
        m_app->GetCommModule()->Send(rsp.GetOrigin(), rsp, true, DtHeader::FLAG_RELAYED);
    }
}

void
EdgeDtServiceModule::HandleCloudLoad(const DtLoadReportHeader& report)
{
    m_cloudCapacity = report.GetCapacityGflops();
    m_cloudBacklog = report.GetBacklogGflop();
}

void
EdgeDtServiceModule::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    if (dst == m_cloudDtId && header.GetMessageType() == DtMessageType::REGION_SUMMARY)
    {
        auto summary = m_summariesSent.find(header.GetSequence());
        if (summary != m_summariesSent.end())
        {
            QueueSummary(summary->second);
            m_summariesSent.erase(summary);
        }
    }
    auto it = m_upSeq.find(header.GetSequence());
    if (dst == m_cloudDtId)
    {
        SetCloudReachable(false);
    }
    if (dst == m_cloudDtId && it != m_upSeq.end())
    {
        DtDemandRequestHeader req = it->second;
        m_upSeq.erase(it);
        m_upKey.erase({req.GetOrigin(), req.GetDemandId()});
        m_cloudBacklog = std::max(0.0, m_cloudBacklog - req.GetWorkloadGflop());
        if (req.GetDeadline() > Simulator::Now())
        {
            // The edge serves what it can while the cloud is out of reach.
            RunHere(req);
        }
        else
        {
            Respond(req, DtFailureReason::UNREACHABLE);
        }
    }
}

void
EdgeDtServiceModule::SubmitTwinUpdate(uint32_t terminal)
{
    if (m_twinUpdateGflop <= 0)
    {
        return;
    }
    const uint64_t id = m_nextJob++;
    DtComputeJob job;
    job.id = id;
    job.workloadGflop = m_twinUpdateGflop;
    job.priority = 0;
    job.owner = terminal;
    Job j;
    j.twinUpdate = true;
    m_jobs[id] = j;
    if (!m_app->GetCompute()->Submit(job))
    {
        m_jobs.erase(id);
    }
}

bool
EdgeDtServiceModule::SubmitSync(uint32_t terminal, std::function<void()> applied)
{
    if (m_syncGflop <= 0)
    {
        applied();
        return true;
    }
    const uint64_t id = m_nextJob++;
    DtComputeJob job;
    job.id = id;
    job.workloadGflop = m_syncGflop;
    job.priority = DT_SYNC_JOB_PRIORITY;
    job.owner = terminal;
    Job j;
    j.twinUpdate = true;
    j.applied = std::move(applied);
    m_jobs[id] = std::move(j);
    if (!m_app->GetCompute()->Submit(job))
    {
        m_jobs.erase(id);
        return false;
    }
    return true;
}

void
EdgeDtServiceModule::FillLoadReport(DtLoadReportHeader& report) const
{
    Ptr<ComputeResource> cpu = m_app->GetCompute();
    report.SetLoad(cpu->GetCapacityGflops() / cpu->GetCores(),
                   cpu->GetBacklogGflop() / cpu->GetCores());
    report.SetUpstream(m_cloudCapacity,
                       m_cloudBacklog,
                       static_cast<double>(m_backhaulRate.GetBitRate()),
                       m_app->GetCommModule()->GetRtt(m_cloudDtId));
}

bool
EdgeDtServiceModule::AdoptCloudModel(const DtModelUpdateHeader& update)
{
    return m_cloudModel.Adopt(update);
}

uint32_t
EdgeDtServiceModule::GetModelVersion() const
{
    return m_cloudModel.version;
}

} // namespace ns3
