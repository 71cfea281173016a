/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cloud-dt-service-module.h"

#include "dt-load-report-header.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CloudDtServiceModule");

NS_OBJECT_ENSURE_REGISTERED(CloudDtServiceModule);

TypeId
CloudDtServiceModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CloudDtServiceModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<CloudDtServiceModule>()
            .AddAttribute("RequireService",
                          "Fail demands whose class has no registered service "
                          "(reason unknown-service) instead of running their own workload.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&CloudDtServiceModule::m_requireService),
                          MakeBooleanChecker())
            .AddAttribute("SampleProcessingGflop",
                          "Work of turning one raw terminal sample into twin state "
                          "(centralized twins at the cloud).",
                          DoubleValue(0.002),
                          MakeDoubleAccessor(&CloudDtServiceModule::m_sampleGflop),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SyncGflop",
                          "Work of applying one synchronization to a twin the cloud holds; "
                          "the twin is updated when it is done (0: at once). Default: "
                          "EdgeDtServiceModule's, the same work wherever the twin is.",
                          DoubleValue(0.001),
                          MakeDoubleAccessor(&CloudDtServiceModule::m_syncGflop),
                          MakeDoubleChecker<double>(0))
            .AddTraceSource("DemandServed",
                            "A demand finished on the cloud's compute resource.",
                            MakeTraceSourceAccessor(&CloudDtServiceModule::m_served),
                            "ns3::CloudDtServiceModule::DemandRequestTracedCallback");
    return tid;
}

CloudDtServiceModule::CloudDtServiceModule()
{
    NS_LOG_FUNCTION(this);
}

CloudDtServiceModule::~CloudDtServiceModule()
{
    NS_LOG_FUNCTION(this);
}

void
CloudDtServiceModule::DoDispose()
{
    m_app = nullptr;
    m_services.clear();
    m_jobs.clear();
    Object::DoDispose();
}

void
CloudDtServiceModule::RegisterService(uint8_t demandClass,
                                      const std::string& name,
                                      ServiceCallback service)
{
    NS_ABORT_MSG_IF(service.IsNull(), "cloud service '" << name << "' has no callback");
    m_services[demandClass] = Service{name, service};
    m_invoked.emplace(name, 0);
}

uint64_t
CloudDtServiceModule::GetInvocations(const std::string& name) const
{
    auto it = m_invoked.find(name);
    return it == m_invoked.end() ? 0 : it->second;
}

void
CloudDtServiceModule::Start(Ptr<DtApplication> app)
{
    m_app = app;
    m_app->GetCompute()->SetJobDoneCallback(MakeCallback(&CloudDtServiceModule::JobDone, this));
}

void
CloudDtServiceModule::HandleRequest(const DtHeader& header, const DtDemandRequestHeader& req)
{
    Job job;
    job.req = req;
    job.replyTo = header.GetSource();
    job.outputBytes = req.GetOutputBytes();
    job.arrived = Simulator::Now();
    double work = req.GetWorkloadGflop();
    auto service = m_services.find(req.GetDemandClass());
    if (service != m_services.end())
    {
        ++m_invoked[service->second.name];
        DtServiceResult r = service->second.callback(req);
        if (!r.accept || !(std::isfinite(r.workloadGflop) && r.workloadGflop > 0))
        {
            NS_LOG_LOGIC("service " << service->second.name << " refused demand "
                                    << req.GetDemandId());
            Respond(job, DtFailureReason::UNKNOWN_SERVICE);
            return;
        }
        work = r.workloadGflop;
        job.outputBytes = r.outputBytes;
    }
    else if (m_requireService)
    {
        Respond(job, DtFailureReason::UNKNOWN_SERVICE);
        return;
    }
    m_arrived[header.GetSource()] += work;
    const uint64_t id = m_nextJob++;
    DtComputeJob cj;
    cj.id = id;
    cj.workloadGflop = work;
    cj.priority = req.GetPriority();
    cj.owner = header.GetSource();
    cj.demandId = req.GetDemandId();
    cj.origin = req.GetOrigin();
    m_jobs[id] = job;
    if (!m_app->GetCompute()->Submit(cj))
    {
        m_jobs.erase(id);
        Respond(job, DtFailureReason::QUEUE_FULL);
    }
}

void
CloudDtServiceModule::SubmitSampleProcessing(uint32_t terminal, uint32_t samples)
{
    if (m_sampleGflop <= 0 || samples == 0)
    {
        return;
    }
    const uint64_t id = m_nextJob++;
    DtComputeJob cj;
    cj.id = id;
    cj.workloadGflop = m_sampleGflop * samples;
    cj.priority = 0;
    cj.owner = terminal;
    Job job;
    job.processing = true;
    m_jobs[id] = job;
    if (!m_app->GetCompute()->Submit(cj))
    {
        m_jobs.erase(id);
    }
}

bool
CloudDtServiceModule::SubmitSync(uint32_t terminal, std::function<void()> applied)
{
    if (m_syncGflop <= 0)
    {
        applied();
        return true;
    }
    const uint64_t id = m_nextJob++;
    DtComputeJob cj;
    cj.id = id;
    cj.workloadGflop = m_syncGflop;
    cj.priority = DT_SYNC_JOB_PRIORITY;
    cj.owner = terminal;
    Job job;
    job.processing = true;
    job.applied = std::move(applied);
    m_jobs[id] = std::move(job);
    if (!m_app->GetCompute()->Submit(cj))
    {
        m_jobs.erase(id);
        return false;
    }
    return true;
}

void
CloudDtServiceModule::JobDone(const DtComputeJob& cj)
{
    auto it = m_jobs.find(cj.id);
    if (it == m_jobs.end())
    {
        return;
    }
    Job job = it->second;
    m_jobs.erase(it);
    if (job.processing)
    {
        if (job.applied)
        {
            job.applied();
        }
        return;
    }
    m_served(job.req);
    if (m_servedSamples.size() < 100000)
    {
        m_servedSamples.emplace_back(cj.workloadGflop,
                                     (Simulator::Now() - job.arrived).GetSeconds());
    }
    Respond(job, DtFailureReason::NONE);
}

void
CloudDtServiceModule::Respond(const Job& job, DtFailureReason reason)
{
    if (m_app->GetAddressBook()->Has(job.replyTo))
    {
        m_app->GetCommModule()->Send(
            job.replyTo,
            DtDemandResponseHeader::Answer(job.req, DtTier::CLOUD, reason, job.outputBytes),
            true);
    }
}

std::vector<std::pair<double, double>>
CloudDtServiceModule::TakeServedSamples()
{
    std::vector<std::pair<double, double>> out;
    out.swap(m_servedSamples);
    return out;
}

std::map<uint32_t, double>
CloudDtServiceModule::TakeArrivedWork()
{
    std::map<uint32_t, double> out;
    out.swap(m_arrived);
    return out;
}

void
CloudDtServiceModule::FillLoadReport(DtLoadReportHeader& report) const
{
    Ptr<ComputeResource> cpu = m_app->GetCompute();
    report.SetLoad(cpu->GetCapacityGflops() / cpu->GetCores(),
                   cpu->GetBacklogGflop() / cpu->GetCores());
}

} // namespace ns3
