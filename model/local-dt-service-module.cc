/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-dt-service-module.h"

#include "dt-app-usage-model.h"
#include "dt-load-report-header.h"
#include "dt-peer-hello-header.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalDtServiceModule");

NS_OBJECT_ENSURE_REGISTERED(LocalDtServiceModule);

/// Job ids of neighbours' demands are kept apart from this terminal's demand ids.
static constexpr uint64_t PEER_JOB_BIT = 1ULL << 62;

TypeId
LocalDtServiceModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocalDtServiceModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<LocalDtServiceModule>()
            .AddAttribute("DemandRate",
                          "Mean demands per second (Poisson arrivals); 0 generates none.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalDtServiceModule::m_demandRate),
                          MakeDoubleChecker<double>(0, 1e6))
            .AddAttribute("GenerationStopTime",
                          "No demand is created from this time on (0: until the DT stops). "
                          "Leave time after it for the last demands to finish.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&LocalDtServiceModule::m_stopGeneratingAt),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("GiveUpTime",
                          "How long after its deadline a demand without a result is failed "
                          "(reason timeout).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&LocalDtServiceModule::m_giveUpTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ClassifierMargin",
                          "Fraction of the time left to the deadline that an estimated "
                          "completion time may use for a tier to be chosen, in (0, 1].",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&LocalDtServiceModule::m_margin),
                          MakeDoubleChecker<double>(1e-3, 1.0))
            .AddAttribute("PlacementPolicy",
                          "Where a new demand runs in the multi-layer architecture (terminal, "
                          "edge DT or cloud DT): a DtPlacementPolicy, for instance "
                          "DtLowestFeasiblePlacement (the default) or DtMinLatencyPlacement, "
                          "or a subclass of your own.",
                          PointerValue(),
                          MakePointerAccessor(&LocalDtServiceModule::m_placement),
                          MakePointerChecker<DtPlacementPolicy>())
            .AddAttribute("UplinkRate",
                          "Access uplink rate assumed when estimating transfer times.",
                          DataRateValue(DataRate("50Mbps")),
                          MakeDataRateAccessor(&LocalDtServiceModule::m_uplinkRate),
                          MakeDataRateChecker())
            .AddAttribute("DownlinkRate",
                          "Access downlink rate assumed when estimating transfer times.",
                          DataRateValue(DataRate("200Mbps")),
                          MakeDataRateAccessor(&LocalDtServiceModule::m_downlinkRate),
                          MakeDataRateChecker())
            .AddAttribute("PeerTimeout",
                          "A neighbour is forgotten when not heard from for this long.",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&LocalDtServiceModule::m_peerTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("AppUsage",
                          "App-usage Markov chain scaling the demand rate and the class "
                          "weights by its state (null: constant rate and weights).",
                          PointerValue(),
                          MakePointerAccessor(&LocalDtServiceModule::m_usage),
                          MakePointerChecker<DtAppUsageModel>())
            .AddAttribute("PeerRate",
                          "Rate of the link to neighbours assumed when estimating transfers.",
                          DataRateValue(DataRate("24Mbps")),
                          MakeDataRateAccessor(&LocalDtServiceModule::m_peerRate),
                          MakeDataRateChecker())
            .AddAttribute("MaxRetries",
                          "How many times a demand whose DT became unreachable (its request "
                          "undeliverable, or its edge DT lost) is run again on this terminal or "
                          "a neighbour before the deadline; 0: it fails at once.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&LocalDtServiceModule::m_maxRetries),
                          MakeUintegerChecker<uint32_t>(0, 100))
            .AddAttribute("HoldForEdge",
                          "Multi-layer: a demand created while the edge DT is out of reach "
                          "only for a moment (access link down, a join after a handover or "
                          "failover unanswered, no load report from a new edge yet) that "
                          "this terminal cannot finish within its deadline (and, when the "
                          "edge is unreachable, no neighbour takes) waits for the edge DT "
                          "and is then placed as usual; if its deadline comes first it "
                          "fails (unreachable). Else it runs here.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LocalDtServiceModule::m_holdForEdge),
                          MakeBooleanChecker())
            .AddTraceSource("DemandCreated",
                            "A demand was created.",
                            MakeTraceSourceAccessor(&LocalDtServiceModule::m_created),
                            "ns3::LocalDtServiceModule::DemandTracedCallback")
            .AddTraceSource("DemandCompleted",
                            "A demand's result is back (state says in deadline or late).",
                            MakeTraceSourceAccessor(&LocalDtServiceModule::m_completed),
                            "ns3::LocalDtServiceModule::DemandTracedCallback")
            .AddTraceSource("DemandFailed",
                            "A demand failed (reason says why).",
                            MakeTraceSourceAccessor(&LocalDtServiceModule::m_failed),
                            "ns3::LocalDtServiceModule::DemandTracedCallback")
            .AddTraceSource("DemandHeld",
                            "A new demand waits for the edge DT to answer again (HoldForEdge).",
                            MakeTraceSourceAccessor(&LocalDtServiceModule::m_heldTrace),
                            "ns3::LocalDtServiceModule::DemandTracedCallback")
            .AddTraceSource("DemandRetried",
                            "A demand whose DT became unreachable is run again here or at a "
                            "neighbour (tier says where).",
                            MakeTraceSourceAccessor(&LocalDtServiceModule::m_retried),
                            "ns3::LocalDtServiceModule::DemandTracedCallback");
    return tid;
}

LocalDtServiceModule::LocalDtServiceModule()
    : m_placement(CreateObject<DtLowestFeasiblePlacement>())
    , m_interArrival(CreateObject<ExponentialRandomVariable>())
    , m_classPick(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

LocalDtServiceModule::~LocalDtServiceModule()
{
    NS_LOG_FUNCTION(this);
}

void
LocalDtServiceModule::DoDispose()
{
    m_nextDemand.Cancel();
    for (auto& [id, ev] : m_giveUp)
    {
        ev.Cancel();
    }
    m_giveUp.clear();
    m_held.clear();
    m_classes.clear();
    m_app = nullptr;
    m_link = nullptr;
    m_usage = nullptr;
    m_placement = nullptr;
    Object::DoDispose();
}

void
LocalDtServiceModule::AddDemandClass(Ptr<DtDemandClass> c)
{
    NS_ABORT_MSG_IF(!c, "null demand class");
    NS_ABORT_MSG_IF(m_classes.size() >= 256, "at most 256 demand classes");
    m_classes.push_back(c);
}

const std::vector<Ptr<DtDemandClass>>&
LocalDtServiceModule::GetDemandClasses() const
{
    return m_classes;
}

int64_t
LocalDtServiceModule::AssignStreams(int64_t stream)
{
    m_interArrival->SetStream(stream);
    m_classPick->SetStream(stream + 1);
    int64_t used = 2;
    for (auto& c : m_classes)
    {
        used += c->AssignStreams(stream + used);
    }
    if (m_usage)
    {
        used += m_usage->AssignStreams(stream + used);
    }
    return used;
}

void
LocalDtServiceModule::Start(Ptr<DtApplication> app, Ptr<DtEdgeLink> link, uint32_t cloudDtId)
{
    NS_LOG_FUNCTION(this << app << link << cloudDtId);
    m_app = app;
    m_link = link;
    m_cloudDtId = cloudDtId;
    m_app->GetCompute()->SetJobDoneCallback(
        MakeCallback(&LocalDtServiceModule::LocalJobDone, this));
    m_link->TraceConnectWithoutContext("StateChanged",
                                       MakeCallback(&LocalDtServiceModule::LinkStateChanged, this));
    if (m_usage)
    {
        m_usage->TraceConnectWithoutContext(
            "StateChanged", MakeCallback(&LocalDtServiceModule::AppStateChanged, this));
        m_usage->Start();
    }
    ScheduleNext();
}

void
LocalDtServiceModule::ScheduleNext()
{
    m_nextDemand.Cancel();
    const double rate = m_demandRate * (m_usage ? m_usage->GetRateFactor() : 1.0);
    if (rate > 0 && !m_classes.empty())
    {
        m_nextDemand = Simulator::Schedule(Seconds(m_interArrival->GetValue(1.0 / rate, 0)),
                                           &LocalDtServiceModule::GenerateNext,
                                           this);
    }
}

void
LocalDtServiceModule::AppStateChanged(uint32_t from, uint32_t to)
{
    NS_LOG_LOGIC("DT app usage " << m_usage->GetStateName(from) << " -> "
                                 << m_usage->GetStateName(to));
    ScheduleNext();
}

void
LocalDtServiceModule::EdgeChanged()
{
    NS_LOG_FUNCTION(this << m_link->GetEdge());
    m_haveLoadReport = false;
}

void
LocalDtServiceModule::Stop()
{
    NS_LOG_FUNCTION(this);
    m_nextDemand.Cancel();
    if (m_usage)
    {
        m_usage->Stop();
    }
    std::vector<uint64_t> ids;
    for (const auto& [id, d] : m_pending)
    {
        ids.push_back(id);
    }
    for (uint64_t id : ids)
    {
        Finish(id, DtDemandState::FAILED, DtFailureReason::SIMULATION_END, m_pending[id].tier);
    }
}

void
LocalDtServiceModule::GenerateNext()
{
    if (!m_stopGeneratingAt.IsZero() && Simulator::Now() >= m_stopGeneratingAt)
    {
        return;
    }
    std::vector<double> weights;
    double total = 0;
    for (uint32_t k = 0; k < m_classes.size(); ++k)
    {
        weights.push_back(m_classes[k]->GetWeight() * (m_usage ? m_usage->GetClassFactor(k) : 1.0));
        total += weights.back();
    }
    if (total > 0)
    {
        double pick = m_classPick->GetValue(0, total);
        uint32_t k = 0;
        while (k + 1 < weights.size() && (weights[k] <= 0 || pick >= weights[k]))
        {
            pick -= weights[k];
            ++k;
        }
        while (k > 0 && weights[k] <= 0)
        {
            --k; // rounding ran past the last positive weight
        }
        CreateDemand(k);
    }
    ScheduleNext();
}

std::array<DtTierView, 3>
LocalDtServiceModule::GetTierViews() const
{
    std::array<DtTierView, 3> v;
    Ptr<ComputeResource> cpu = m_app->GetCompute();
    v[0].available = true;
    v[0].capacityGflops = cpu->GetCapacityGflops() / cpu->GetCores();
    v[0].backlogGflop = cpu->GetBacklogGflop() / cpu->GetCores();
    v[0].rtt = Seconds(0);

    const double up = static_cast<double>(m_uplinkRate.GetBitRate());
    const double down = static_cast<double>(m_downlinkRate.GetBitRate());
    const Time edgeRtt = m_app->GetCommModule()->GetRtt(m_link->GetEdge());
    v[1].available = m_haveLoadReport;
    v[1].capacityGflops = m_edgeCapacity;
    v[1].backlogGflop = m_edgeBacklog;
    v[1].uplinkBps = {up};
    v[1].downlinkBps = {down};
    v[1].rtt = edgeRtt;

    v[2].available = m_haveLoadReport && m_cloudCapacity > 0;
    v[2].capacityGflops = m_cloudCapacity;
    v[2].backlogGflop = m_cloudBacklog;
    v[2].uplinkBps = {up, m_backhaulRateBps};
    v[2].downlinkBps = {m_backhaulRateBps, down};
    v[2].rtt = edgeRtt + m_backhaulRtt;
    v[2].delayModel = m_cloudModel.parameters;
    return v;
}

uint64_t
LocalDtServiceModule::CreateDemand(uint32_t demandClass)
{
    NS_ABORT_MSG_IF(demandClass >= m_classes.size(),
                    "demand class " << demandClass << " does not exist (" << m_classes.size()
                                    << " classes)");
    Ptr<DtDemandClass> c = m_classes[demandClass];
    DtDemand d;
    d.id = m_nextId++;
    d.origin = m_app->GetDtId();
    d.demandClass = static_cast<uint8_t>(demandClass);
    d.priority = c->GetPriority();
    d.workloadGflop = c->DrawWorkloadGflop();
    d.inputBytes = c->DrawInputBytes();
    d.outputBytes = c->DrawOutputBytes();
    d.created = Simulator::Now();
    d.deadline = d.created + c->DrawDeadline();

    const bool centralized = m_app->GetArchitecture() == DtArchitecture::CENTRALIZED;
    uint32_t peerId = 0;
    Ipv4Address peerAddress;
    if (centralized)
    {
        d.tier = DtTier::CLOUD;
    }
    else if (!m_link->IsReachable() && ChoosePeer(d, peerId, peerAddress))
    {
        // Without the edge the choice is between this terminal and a neighbour.
        d.tier = DtTier::PEER;
    }
    else if (m_holdForEdge && IsEdgeComingBack() && !LocalFits(d))
    {
        d.tier = DtTier::EDGE; // where it waits to go
        m_pending[d.id] = d;
        m_created(d);
        Hold(m_pending[d.id]);
        return d.id;
    }
    else if (!m_link->IsReachable())
    {
        d.tier = DtTier::LOCAL;
    }
    else
    {
        d.tier = PlaceByPolicy(d);
    }
    NS_LOG_LOGIC("DT " << d.origin << " demand " << d.id << " class " << c->GetName() << " "
                       << d.workloadGflop << " GFLOP, " << d.inputBytes << "/" << d.outputBytes
                       << " B, deadline +" << (d.deadline - d.created).As(Time::MS) << " -> "
                       << DtTierName(d.tier));
    m_pending[d.id] = d;
    m_created(d);
    Dispatch(m_pending[d.id], peerId, peerAddress);
    return d.id;
}

DtTier
LocalDtServiceModule::PlaceByPolicy(const DtDemand& d) const
{
    NS_ABORT_MSG_IF(!m_placement, "LocalDtServiceModule: PlacementPolicy is null");
    DtPlacementRequest request;
    request.views = GetTierViews();
    request.workloadGflop = d.workloadGflop;
    request.inputBytes = d.inputBytes;
    request.outputBytes = d.outputBytes;
    request.demandClass = d.demandClass;
    request.priority = d.priority;
    request.timeLeft = d.deadline - Simulator::Now();
    request.margin = m_margin;
    const DtTier tier = m_placement->Place(request);
    NS_ABORT_MSG_IF(tier != DtTier::LOCAL && tier != DtTier::EDGE && tier != DtTier::CLOUD,
                    "placement policy " << m_placement->GetInstanceTypeId().GetName()
                                        << " chose tier " << DtTierName(tier)
                                        << "; expected LOCAL, EDGE or CLOUD");
    return tier;
}

bool
LocalDtServiceModule::IsEdgeComingBack() const
{
    if (m_app->GetArchitecture() != DtArchitecture::MULTI_LAYER)
    {
        return false;
    }
    return !m_link->IsAccessUp() || m_link->IsJoining()
           || (m_link->IsReachable() && !m_haveLoadReport);
}

bool
LocalDtServiceModule::LocalFits(const DtDemand& d) const
{
    const std::array<DtTierView, 3> views = GetTierViews();
    const Time local = DtTierClassifier::Estimate(views[0], d.workloadGflop, 0, 0);
    return DtTierClassifier(m_margin).Fits(local, d.deadline - Simulator::Now());
}

void
LocalDtServiceModule::Hold(DtDemand& d)
{
    NS_LOG_LOGIC("DT " << d.origin << " holds demand " << d.id << " for edge DT "
                       << m_link->GetEdge() << " (" << m_link->GetState() << ")");
    m_held.insert(d.id);
    m_heldTrace(d);
    m_giveUp[d.id] = Simulator::Schedule(d.deadline - Simulator::Now(),
                                         &LocalDtServiceModule::Finish,
                                         this,
                                         d.id,
                                         DtDemandState::FAILED,
                                         DtFailureReason::UNREACHABLE,
                                         DtTier::EDGE);
}

void
LocalDtServiceModule::ReleaseHeld()
{
    if (m_held.empty() || m_link->GetState() != DtEdgeLinkState::ATTACHED || !m_haveLoadReport)
    {
        return;
    }
    const std::set<uint64_t> held = std::move(m_held);
    m_held.clear();
    for (uint64_t id : held)
    {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
        {
            continue;
        }
        ForgetRequest(id);
        DtDemand& d = it->second;
        d.tier = PlaceByPolicy(d);
        NS_LOG_LOGIC("DT " << d.origin << " releases demand " << id << " -> "
                           << DtTierName(d.tier));
        Dispatch(d, 0, Ipv4Address());
    }
}

void
LocalDtServiceModule::LinkStateChanged(DtEdgeLinkState from, DtEdgeLinkState to)
{
    if (to == DtEdgeLinkState::ATTACHED)
    {
        ReleaseHeld();
    }
}

void
LocalDtServiceModule::Dispatch(DtDemand& d, uint32_t peerId, Ipv4Address peerAddress)
{
    const uint64_t id = d.id;
    if (d.tier == DtTier::LOCAL)
    {
        DtComputeJob job;
        job.id = d.id;
        job.workloadGflop = d.workloadGflop;
        job.priority = d.priority;
        job.owner = d.origin;
        job.demandId = d.id;
        job.origin = d.origin;
        if (!m_app->GetCompute()->Submit(job))
        {
            Finish(id, DtDemandState::FAILED, DtFailureReason::QUEUE_FULL, DtTier::LOCAL);
        }
        return;
    }

    const bool centralized = m_app->GetArchitecture() == DtArchitecture::CENTRALIZED;
    DtDemandRequestHeader req;
    req.SetDemandId(d.id);
    req.SetOrigin(d.origin);
    req.SetDemandClass(d.demandClass);
    req.SetPriority(d.priority);
    req.SetTier(d.tier);
    req.SetHops(1);
    req.SetWorkloadGflop(d.workloadGflop);
    req.SetInputBytes(d.inputBytes);
    req.SetOutputBytes(d.outputBytes);
    req.SetCreated(d.created);
    req.SetDeadline(d.deadline);
    uint32_t seq = 0;
    if (d.tier == DtTier::PEER)
    {
        DtPeerDemandHeader peerReq;
        static_cast<DtDemandRequestHeader&>(peerReq) = req;
        seq = m_app->GetCommModule()->SendTo(peerAddress, peerId, peerReq, true);
    }
    else
    {
        seq =
            m_app->GetCommModule()->Send(centralized ? m_cloudDtId : m_link->GetEdge(), req, true);
        (d.tier == DtTier::EDGE ? m_edgeBacklog : m_cloudBacklog) += d.workloadGflop;
    }
    m_seqToDemand[seq] = id;
    m_demandToSeq[id] = seq;
    m_giveUp[id] = Simulator::Schedule(d.deadline - Simulator::Now() + m_giveUpTime,
                                       &LocalDtServiceModule::Finish,
                                       this,
                                       id,
                                       DtDemandState::FAILED,
                                       DtFailureReason::TIMEOUT,
                                       d.tier);
}

void
LocalDtServiceModule::ForgetRequest(uint64_t id)
{
    m_held.erase(id);
    auto timer = m_giveUp.find(id);
    if (timer != m_giveUp.end())
    {
        timer->second.Cancel();
        m_giveUp.erase(timer);
    }
    auto seq = m_demandToSeq.find(id);
    if (seq != m_demandToSeq.end())
    {
        m_seqToDemand.erase(seq->second);
        m_demandToSeq.erase(seq);
    }
}

void
LocalDtServiceModule::Retry(uint64_t id, DtFailureReason reason)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        return;
    }
    DtDemand& d = it->second;
    ForgetRequest(id);
    if (d.retries >= m_maxRetries || Simulator::Now() >= d.deadline)
    {
        Finish(id, DtDemandState::FAILED, reason, d.tier);
        return;
    }
    // Without the DT it was sent to, the choice is between this terminal and a neighbour.
    uint32_t peerId = 0;
    Ipv4Address peerAddress;
    const DtTier from = d.tier;
    d.tier = ChoosePeer(d, peerId, peerAddress) ? DtTier::PEER : DtTier::LOCAL;
    ++d.retries;
    NS_LOG_LOGIC("DT " << d.origin << " retries demand " << id << " ("
                       << DtFailureReasonName(reason) << " at " << DtTierName(from) << ") -> "
                       << DtTierName(d.tier));
    m_retried(d);
    Dispatch(d, peerId, peerAddress);
}

void
LocalDtServiceModule::EdgeLost()
{
    if (m_app->GetArchitecture() == DtArchitecture::CENTRALIZED)
    {
        return;
    }
    std::vector<uint64_t> held;
    for (const auto& [id, d] : m_pending)
    {
        // Demands held for an edge were never sent: they keep waiting (for
        // the edge a failover tries next) until their deadline.
        if ((d.tier == DtTier::EDGE || d.tier == DtTier::CLOUD) && m_held.count(id) == 0)
        {
            held.push_back(id);
        }
    }
    for (uint64_t id : held)
    {
        Retry(id, DtFailureReason::NODE_FAILED);
    }
}

void
LocalDtServiceModule::LocalJobDone(const DtComputeJob& job)
{
    if (job.id & PEER_JOB_BIT)
    {
        RespondToPeer(job.id, DtFailureReason::NONE);
        return;
    }
    auto it = m_pending.find(job.id);
    if (it == m_pending.end())
    {
        return;
    }
    DtDemandState s = Simulator::Now() <= it->second.deadline ? DtDemandState::COMPLETED_IN_DEADLINE
                                                              : DtDemandState::COMPLETED_LATE;
    Finish(job.id, s, DtFailureReason::NONE, DtTier::LOCAL);
}

void
LocalDtServiceModule::HandleResponse(const DtDemandResponseHeader& rsp)
{
    if (rsp.GetOrigin() != m_app->GetDtId())
    {
        return;
    }
    Complete(rsp.GetDemandId(), rsp);
}

void
LocalDtServiceModule::Complete(uint64_t id, const DtDemandResponseHeader& rsp)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        NS_LOG_LOGIC("response for demand " << id << " which is no longer pending (given up)");
        return;
    }
    it->second.hops = rsp.GetHops();
    if (rsp.GetOutcome() == DtDemandOutcome::FAILED)
    {
        Finish(id, DtDemandState::FAILED, rsp.GetReason(), rsp.GetExecutedTier());
        return;
    }
    DtDemandState s = Simulator::Now() <= it->second.deadline ? DtDemandState::COMPLETED_IN_DEADLINE
                                                              : DtDemandState::COMPLETED_LATE;
    Finish(id, s, DtFailureReason::NONE, rsp.GetExecutedTier());
}

void
LocalDtServiceModule::HandleLoadReport(const DtLoadReportHeader& report)
{
    m_haveLoadReport = true;
    m_edgeCapacity = report.GetCapacityGflops();
    m_edgeBacklog = report.GetBacklogGflop();
    m_cloudCapacity = report.GetUpstreamCapacityGflops();
    m_cloudBacklog = report.GetUpstreamBacklogGflop();
    m_backhaulRateBps = report.GetUpstreamRateBps();
    m_backhaulRtt = report.GetUpstreamRtt();
    ReleaseHeld();
}

void
LocalDtServiceModule::HandleSendFailure(const DtHeader& header)
{
    auto it = m_seqToDemand.find(header.GetSequence());
    if (it == m_seqToDemand.end())
    {
        return;
    }
    Retry(it->second, DtFailureReason::UNREACHABLE);
}

void
LocalDtServiceModule::Finish(uint64_t id,
                             DtDemandState state,
                             DtFailureReason reason,
                             DtTier executed)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        return;
    }
    DtDemand d = it->second;
    m_pending.erase(it);
    ForgetRequest(id);
    d.state = state;
    d.reason = reason;
    d.executedTier = executed;
    d.finished = Simulator::Now();
    NS_LOG_LOGIC("DT " << d.origin << " demand " << id << " " << DtDemandStateName(state) << " "
                       << DtFailureReasonName(reason) << " at " << DtTierName(executed) << " after "
                       << d.GetLatency().As(Time::MS));
    if (state == DtDemandState::FAILED)
    {
        m_failed(d);
    }
    else
    {
        m_completed(d);
    }
}

bool
LocalDtServiceModule::ChoosePeer(const DtDemand& d, uint32_t& peerId, Ipv4Address& address) const
{
    const std::array<DtTierView, 3> views = GetTierViews();
    const Time local = DtTierClassifier::Estimate(views[0], d.workloadGflop, 0, 0);
    if (DtTierClassifier(m_margin).Fits(local, d.deadline - d.created))
    {
        return false;
    }
    Time best = local;
    bool found = false;
    const double rate = static_cast<double>(m_peerRate.GetBitRate());
    for (const auto& [id, peer] : m_peers)
    {
        if (Simulator::Now() - peer.heard > m_peerTimeout || peer.capacityGflops <= 0)
        {
            continue;
        }
        DtTierView v;
        v.available = true;
        v.capacityGflops = peer.capacityGflops;
        v.backlogGflop = peer.queueLength * d.workloadGflop;
        v.uplinkBps = {rate};
        v.downlinkBps = {rate};
        v.rtt = m_app->GetCommModule()->GetRtt(id);
        const Time t = DtTierClassifier::Estimate(v, d.workloadGflop, d.inputBytes, d.outputBytes);
        if (t < best)
        {
            best = t;
            peerId = id;
            address = peer.address;
            found = true;
        }
    }
    return found;
}

void
LocalDtServiceModule::HandlePeerHello(const DtPeerHelloHeader& hello, Ipv4Address from)
{
    if (hello.GetTerminal() == m_app->GetDtId())
    {
        return;
    }
    m_peers[hello.GetTerminal()] =
        Peer{from, hello.GetCapacityGflops(), hello.GetQueueLength(), Simulator::Now()};
}

void
LocalDtServiceModule::HandlePeerDemand(const DtDemandRequestHeader& req, Ipv4Address from)
{
    const uint64_t id = PEER_JOB_BIT | m_nextPeerJob++;
    m_peerJobs[id] = PeerJob{req, from};
    DtComputeJob job;
    job.id = id;
    job.workloadGflop = req.GetWorkloadGflop();
    job.priority = req.GetPriority();
    job.owner = req.GetOrigin();
    job.demandId = req.GetDemandId();
    job.origin = req.GetOrigin();
    if (!m_app->GetCompute()->Submit(job))
    {
        RespondToPeer(id, DtFailureReason::QUEUE_FULL);
    }
}

void
LocalDtServiceModule::RespondToPeer(uint64_t job, DtFailureReason reason)
{
    auto it = m_peerJobs.find(job);
    if (it == m_peerJobs.end())
    {
        return;
    }
    const PeerJob pj = it->second;
    m_peerJobs.erase(it);
    DtDemandResponseHeader rsp =
        DtDemandResponseHeader::Answer(pj.req, DtTier::PEER, reason, pj.req.GetOutputBytes());
    m_app->GetCommModule()->SendTo(pj.from, pj.req.GetOrigin(), rsp, true);
}

DtPeerHelloHeader
LocalDtServiceModule::BuildPeerHello() const
{
    DtPeerHelloHeader hello;
    hello.SetTerminal(m_app->GetDtId());
    if (Ptr<MobilityModel> mm = m_app->GetNode()->GetObject<MobilityModel>())
    {
        hello.SetPosition(mm->GetPosition());
    }
    Ptr<ComputeResource> cpu = m_app->GetCompute();
    hello.SetCapacityGflops(cpu->GetCapacityGflops() / cpu->GetCores());
    hello.SetQueueLength(cpu->GetQueueLength() + cpu->GetBusyCores());
    hello.SetHasEdge(m_link->IsReachable());
    return hello;
}

uint32_t
LocalDtServiceModule::GetPeerCount() const
{
    uint32_t n = 0;
    for (const auto& [id, peer] : m_peers)
    {
        n += Simulator::Now() - peer.heard <= m_peerTimeout ? 1 : 0;
    }
    return n;
}

uint64_t
LocalDtServiceModule::GetPendingBytes() const
{
    uint64_t n = 0;
    for (const auto& [id, d] : m_pending)
    {
        n += d.inputBytes;
    }
    return n;
}

Ptr<DtAppUsageModel>
LocalDtServiceModule::GetAppUsage() const
{
    return m_usage;
}

uint32_t
LocalDtServiceModule::GetPendingCount() const
{
    return static_cast<uint32_t>(m_pending.size());
}

bool
LocalDtServiceModule::AdoptCloudModel(const DtModelUpdateHeader& update)
{
    return m_cloudModel.Adopt(update);
}

uint32_t
LocalDtServiceModule::GetModelVersion() const
{
    return m_cloudModel.version;
}

} // namespace ns3
