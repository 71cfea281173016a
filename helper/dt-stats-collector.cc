/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-stats-collector.h"

#include "ns3/boolean.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/dt-app-usage-model.h"
#include "ns3/dt-application.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-fault-error-model.h"
#include "ns3/edge-dt-application.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtStatsCollector");

NS_OBJECT_ENSURE_REGISTERED(DtStatsCollector);

namespace
{

/**
 * Quantile of sorted samples, linear interpolation between closest ranks.
 * \param sorted ascending samples (not empty)
 * \param q the quantile in [0, 1]
 * \return the quantile
 */
double
Quantile(const std::vector<double>& sorted, double q)
{
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

TypeId
DtStatsCollector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtStatsCollector")
                            .SetParent<Object>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtStatsCollector>();
    return tid;
}

DtStatsCollector::DtStatsCollector()
    : m_wire(CreateObject<DtWireCounter>())
    , m_timeline(CreateObject<DtTimeline>())
{
    NS_LOG_FUNCTION(this);
}

void
DtStatsCollector::DoDispose()
{
    m_wire->Dispose();
    m_timeline->Dispose();
    Object::DoDispose();
}

void
DtStatsCollector::Watch(Ptr<DtApplication> app)
{
    const DtLayer layer = app->GetLayer();
    m_timeline->Watch(app);
    // Where each demand runs, how long it waits for a core and runs there.
    const uint32_t dt = app->GetDtId();
    ComputeResource* cpu = PeekPointer(app->GetCompute());
    app->GetCompute()->TraceConnectWithoutContext(
        "JobStarted",
        Callback<void, const DtComputeJob&, Time>(
            [this, dt, cpu](const DtComputeJob& job, Time wait)
            {
                if (job.demandId != 0)
                {
                    m_runs[{job.origin, job.demandId}] = DtDemandRun{
                        dt, Simulator::Now(), wait, cpu->GetServiceTime(job.workloadGflop)};
                }
            }));
    app->GetCommModule()->TraceConnectWithoutContext(
        "Tx", MakeCallback(&DtStatsCollector::MessageSent, this).Bind(layer));
    UintegerValue port;
    app->GetCommModule()->GetAttribute("Port", port);
    m_wire->AddNode(app->GetNode(), layer);
    m_wire->AddPort(static_cast<uint16_t>(port.Get()));
    BooleanValue counting;
    m_wire->GetAttribute("Enabled", counting);
    if (!m_wireScheduled && counting.Get())
    {
        // When the simulation starts, every device the DTs use exists.
        m_wireScheduled = true;
        Simulator::ScheduleNow(&DtWireCounter::Start, m_wire);
    }
    app->GetCommModule()->TraceConnectWithoutContext(
        "MalformedDropped",
        Callback<void, Ptr<const Packet>, DtParseError>(
            [this](Ptr<const Packet>, DtParseError)
            {
                Malformed();
            }));
    auto flagged = Callback<void, uint32_t, double>(
        [this](uint32_t terminal, double)
        {
            m_flags.emplace_back(terminal, Simulator::Now());
        });
    if (auto cloud = DynamicCast<CloudDtApplication>(app))
    {
        m_cloud = cloud;
        cloud->GetDataModule()->TraceConnectWithoutContext("AnomalyFlagged", flagged);
        // When a new version is pushed, how far behind the previous one is each DT?
        cloud->TraceConnectWithoutContext(
            "ModelUpdated",
            Callback<void, uint32_t, uint32_t>(
                [this](uint32_t version, uint32_t)
                {
                    ++m_modelUpdates;
                    if (version < 2)
                    {
                        return;
                    }
                    auto sample = [this, version](uint32_t have)
                    {
                        m_lagSum += static_cast<double>(version - 1) - std::min(have, version - 1);
                        ++m_lagSamples;
                    };
                    for (const auto& e : m_edges)
                    {
                        sample(e->GetServiceModule()->GetModelVersion());
                    }
                    for (const auto& l : m_locals)
                    {
                        sample(l->GetServiceModule()->GetModelVersion());
                    }
                }));
    }
    if (auto edge = DynamicCast<EdgeDtApplication>(app))
    {
        m_edges.push_back(edge);
        edge->GetDataModule()->TraceConnectWithoutContext("AnomalyFlagged", flagged);
        edge->TraceConnectWithoutContext(
            "MigrationStarted",
            Callback<void, uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>(
                [this](uint64_t id,
                       uint32_t terminal,
                       uint32_t from,
                       uint32_t to,
                       DtMigrationTrigger trigger)
                {
                    DtMigrationRecord r;
                    r.id = id;
                    r.terminal = terminal;
                    r.from = from;
                    r.to = to;
                    r.proactive = trigger == DtMigrationTrigger::PROACTIVE;
                    r.start = Simulator::Now();
                    r.end = Seconds(-1);
                    m_migrations.push_back(r);
                }));
        auto ended = [this](bool completed, bool discarded)
        {
            return Callback<void, uint64_t, uint32_t, uint32_t, Time>(
                [this, completed, discarded](uint64_t id, uint32_t, uint32_t bytes, Time downtime)
                {
                    for (auto& r : m_migrations)
                    {
                        if (r.id == id && r.end.IsNegative())
                        {
                            r.end = Simulator::Now();
                            r.bytes = bytes;
                            r.completed = completed;
                            r.discarded = discarded;
                            r.downtime = downtime;
                        }
                    }
                });
        };
        edge->TraceConnectWithoutContext("MigrationCompleted", ended(true, false));
        edge->TraceConnectWithoutContext("MigrationFailed", ended(false, false));
        edge->TraceConnectWithoutContext("PreCopyDiscarded", ended(false, true));
        edge->TraceConnectWithoutContext(
            "AgentMessage",
            Callback<void, uint32_t, uint32_t, EdgeDtApplication::AgentMessageOutcome, Time>(
                [this](uint32_t,
                       uint32_t,
                       EdgeDtApplication::AgentMessageOutcome outcome,
                       Time latency)
                {
                    ++m_agentMessages.at(outcome);
                    if (outcome == DtAgentInteraction::AGENT_MESSAGE_DELIVERED)
                    {
                        m_agentLatency += latency.GetSeconds();
                    }
                }));
        edge->TraceConnectWithoutContext("ProximityAlert",
                                         Callback<void, uint32_t, uint32_t, double>(
                                             [this](uint32_t, uint32_t, double)
                                             {
                                                 ++m_proximityAlerts;
                                             }));
    }
    if (auto local = DynamicCast<LocalDtApplication>(app))
    {
        m_locals.push_back(local);
        const uint32_t terminal = local->GetDtId();
        local->GetDataModule()->TraceConnectWithoutContext(
            "AnomalyInjected",
            Callback<void, Time, Time>(
                [this, terminal](Time start, Time end)
                {
                    m_injections.push_back({terminal, start, end});
                }));
        local->TraceConnectWithoutContext(
            "SyncEnded",
            Callback<void, uint64_t, LocalDtApplication::SyncOutcome, Time, Time>(
                [this, terminal](uint64_t id,
                                 LocalDtApplication::SyncOutcome outcome,
                                 Time syncTime,
                                 Time roundTrip)
                {
                    m_syncs.push_back({terminal,
                                       id,
                                       Simulator::Now(),
                                       syncTime,
                                       roundTrip,
                                       static_cast<uint8_t>(outcome)});
                    const Time generated =
                        roundTrip.IsNegative() ? Time(-1) : Simulator::Now() - roundTrip;
                    m_handoverWindows.SyncEnded(terminal,
                                                outcome == LocalDtApplication::SYNC_OK,
                                                generated + syncTime,
                                                generated);
                }));
        local->TraceConnectWithoutContext(
            "HandoverDetected",
            Callback<void, uint32_t, uint32_t, uint32_t, uint32_t>(
                [this,
                 terminal](uint32_t fromCell, uint32_t toCell, uint32_t fromEdge, uint32_t toEdge)
                {
                    ++m_handovers;
                    m_handoverWindows.Handover(terminal, fromCell, toCell, fromEdge, toEdge);
                }));
        Ptr<LocalDtServiceModule> s = local->GetServiceModule();
        s->TraceConnectWithoutContext("DemandCreated",
                                      MakeCallback(&DtStatsCollector::DemandCreated, this));
        s->TraceConnectWithoutContext("DemandCompleted",
                                      MakeCallback(&DtStatsCollector::DemandFinished, this));
        s->TraceConnectWithoutContext("DemandFailed",
                                      MakeCallback(&DtStatsCollector::DemandFinished, this));
        s->TraceConnectWithoutContext("DemandHeld",
                                      Callback<void, const DtDemand&>(
                                          [this](const DtDemand&)
                                          {
                                              ++m_held;
                                          }));
        s->TraceConnectWithoutContext("DemandRetried",
                                      Callback<void, const DtDemand&>(
                                          [this](const DtDemand&)
                                          {
                                              ++m_retried;
                                          }));
        local->TraceConnectWithoutContext("EdgeFailover",
                                          Callback<void, uint32_t, uint32_t>(
                                              [this](uint32_t, uint32_t)
                                              {
                                                  ++m_failovers;
                                              }));
        Ptr<LocalDtApplication> sender = local;
        local->GetCommModule()->TraceConnectWithoutContext(
            "SocketTx",
            Callback<void, Ipv4Address, uint32_t, bool>(
                [this, sender](Ipv4Address, uint32_t bytes, bool)
                {
                    UplinkOffered(sender->GetServingCell(), bytes);
                }));
        local->GetEdgeLink()->TraceConnectWithoutContext("Probe",
                                                         Callback<void, uint32_t>(
                                                             [this](uint32_t)
                                                             {
                                                                 ++m_edgeProbes;
                                                             }));
    }
    if (auto edge = DynamicCast<EdgeDtApplication>(app))
    {
        edge->TraceConnectWithoutContext("Failure",
                                         Callback<void, uint32_t, bool>(
                                             [this](uint32_t, bool failed)
                                             {
                                                 ++(failed ? m_edgeFailures : m_edgeRecoveries);
                                             }));
        edge->GetServiceModule()->TraceConnectWithoutContext(
            "DemandEscalated",
            Callback<void, const DtDemandRequestHeader&>(
                [this](const DtDemandRequestHeader&)
                {
                    Escalated();
                }));
    }
}

Ptr<DtTimeline>
DtStatsCollector::GetTimeline() const
{
    return m_timeline;
}

bool
DtStatsCollector::GetDemandRun(uint32_t origin, uint64_t id, DtDemandRun& run) const
{
    auto it = m_runs.find({origin, id});
    if (it == m_runs.end())
    {
        return false;
    }
    run = it->second;
    return true;
}

void
DtStatsCollector::WatchFaults(Ptr<DtFaultErrorModel> model)
{
    m_faultModels.push_back(model);
}

uint64_t
DtStatsCollector::GetHeld() const
{
    return m_held;
}

uint64_t
DtStatsCollector::GetRetried() const
{
    return m_retried;
}

uint64_t
DtStatsCollector::GetEdgeFailures() const
{
    return m_edgeFailures;
}

uint64_t
DtStatsCollector::GetFailovers() const
{
    return m_failovers;
}

uint64_t
DtStatsCollector::GetEdgeProbes() const
{
    return m_edgeProbes;
}

void
DtStatsCollector::UplinkOffered(uint32_t cell, uint32_t bytes)
{
    if (m_uplinkBytes.empty())
    {
        m_uplinkFirst = Simulator::Now();
    }
    m_uplinkBytes[cell] += bytes;
    m_uplinkLast = Simulator::Now();
}

void
DtStatsCollector::SetUplinkCapacity(DataRate capacity)
{
    m_uplinkCapacity = capacity;
}

DataRate
DtStatsCollector::GetUplinkCapacity() const
{
    return m_uplinkCapacity;
}

std::map<uint32_t, double>
DtStatsCollector::GetUplinkOffered() const
{
    std::map<uint32_t, double> bps;
    const double span = (m_uplinkLast - m_uplinkFirst).GetSeconds();
    for (const auto& [cell, bytes] : m_uplinkBytes)
    {
        bps[cell] = span > 0 ? 8.0 * static_cast<double>(bytes) / span : 0.0;
    }
    return bps;
}

std::vector<uint32_t>
DtStatsCollector::GetUplinkOverloadedCells() const
{
    std::vector<uint32_t> cells;
    const double capacity = static_cast<double>(m_uplinkCapacity.GetBitRate());
    for (const auto& [cell, bps] : GetUplinkOffered())
    {
        if (capacity > 0 && bps > capacity)
        {
            cells.push_back(cell);
        }
    }
    return cells;
}

uint64_t
DtStatsCollector::SumFaults(uint64_t (DtFaultErrorModel::*count)() const) const
{
    uint64_t n = 0;
    for (const auto& m : m_faultModels)
    {
        n += (PeekPointer(m)->*count)();
    }
    return n;
}

uint64_t
DtStatsCollector::GetPacketsLost() const
{
    return SumFaults(&DtFaultErrorModel::GetLossDropped);
}

uint64_t
DtStatsCollector::GetPacketsExposed() const
{
    return SumFaults(&DtFaultErrorModel::GetLossExposed);
}

uint64_t
DtStatsCollector::GetPacketsDroppedDown() const
{
    return SumFaults(&DtFaultErrorModel::GetDownDropped);
}

void
DtStatsCollector::SetConfig(const std::string& key, const std::string& value)
{
    for (auto& kv : m_config)
    {
        if (kv.first == key)
        {
            kv.second = value;
            return;
        }
    }
    m_config.emplace_back(key, value);
}

void
DtStatsCollector::SetScenario(const std::string& scenario, const std::string& architecture)
{
    m_scenario = scenario;
    m_architecture = architecture;
}

void
DtStatsCollector::DemandCreated(const DtDemand&)
{
    ++m_created;
}

void
DtStatsCollector::DemandFinished(const DtDemand& d)
{
    m_finished.push_back(d);
}

void
DtStatsCollector::MessageSent(DtLayer layer, const DtHeader& header, uint32_t bytes, uint32_t bulk)
{
    const auto l = static_cast<std::size_t>(layer);
    m_signaling[l] += bytes - bulk;
    m_data[l] += bulk;
    ++m_messagesByType[static_cast<std::size_t>(header.GetMessageType())];
}

void
DtStatsCollector::Escalated()
{
    ++m_escalations;
}

void
DtStatsCollector::Malformed()
{
    ++m_malformed;
}

uint64_t
DtStatsCollector::GetCreated() const
{
    return m_created;
}

uint64_t
DtStatsCollector::GetCount(DtDemandState state) const
{
    return static_cast<uint64_t>(std::count_if(m_finished.begin(),
                                               m_finished.end(),
                                               [state](const DtDemand& d)
                                               {
                                                   return d.state == state;
                                               }));
}

std::map<std::string, uint64_t>
DtStatsCollector::GetFailedReasons() const
{
    std::map<std::string, uint64_t> r;
    for (const auto& d : m_finished)
    {
        if (d.state == DtDemandState::FAILED)
        {
            ++r[DtFailureReasonName(d.reason)];
        }
    }
    return r;
}

DtLatencyStats
DtStatsCollector::GetLatency(int tier) const
{
    std::vector<double> ms;
    for (const auto& d : m_finished)
    {
        if (d.state == DtDemandState::FAILED)
        {
            continue;
        }
        if (tier >= 0 && static_cast<int>(d.executedTier) != tier)
        {
            continue;
        }
        ms.push_back(d.GetLatency().GetSeconds() * 1e3);
    }
    DtLatencyStats s;
    s.count = ms.size();
    if (ms.empty())
    {
        return s;
    }
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double x : ms)
    {
        sum += x;
    }
    s.mean = sum / static_cast<double>(ms.size());
    s.p50 = Quantile(ms, 0.50);
    s.p95 = Quantile(ms, 0.95);
    s.p99 = Quantile(ms, 0.99);
    return s;
}

uint64_t
DtStatsCollector::GetSignalingBytes(DtLayer layer) const
{
    return m_signaling[static_cast<std::size_t>(layer)];
}

Ptr<DtWireCounter>
DtStatsCollector::GetWireCounter() const
{
    return m_wire;
}

uint64_t
DtStatsCollector::GetDataBytes(DtLayer layer) const
{
    return m_data[static_cast<std::size_t>(layer)];
}

const std::vector<DtDemand>&
DtStatsCollector::GetFinished() const
{
    return m_finished;
}

uint64_t
DtStatsCollector::GetEscalations() const
{
    return m_escalations;
}

uint64_t
DtStatsCollector::GetMalformedDropped() const
{
    return m_malformed;
}

DtDetectionStats
DtStatsCollector::GetDetection(Time slack) const
{
    DtDetectionStats d;
    d.injected = m_injections.size();
    d.flagged = m_flags.size();
    std::vector<bool> hit(m_injections.size(), false);
    for (const auto& [terminal, t] : m_flags)
    {
        for (std::size_t i = 0; i < m_injections.size(); ++i)
        {
            const Injection& inj = m_injections[i];
            if (inj.terminal == terminal && t >= inj.start && t <= inj.end + slack)
            {
                ++d.truePositives;
                hit[i] = true;
                break;
            }
        }
    }
    d.detected = static_cast<uint64_t>(std::count(hit.begin(), hit.end(), true));
    return d;
}

DtDataStats
DtStatsCollector::GetData() const
{
    DtDataStats d;
    for (const auto& local : m_locals)
    {
        Ptr<LocalDtDataModule> m = local->GetDataModule();
        if (!m)
        {
            continue;
        }
        d.samples += m->GetSamplesTaken();
        d.rawBytes += m->GetRawBytes();
        d.sentBytes += m->GetSentBytes();
        for (uint32_t i = 0; i < LocalDtDataModule::N_SOURCES; ++i)
        {
            const DtSourceStats& s = m->GetSourceStats(static_cast<DtSource>(i + 1));
            DtSourceStats& t = d.bySource[i];
            t.samples += s.samples;
            t.streamsSent += s.streamsSent;
            t.streamsSuppressed += s.streamsSuppressed;
            t.rawBytes += s.rawBytes;
            t.sentBytes += s.sentBytes;
            t.squaredError += s.squaredError;
            t.values += s.values;
            t.maxErrorOverBound = std::max(t.maxErrorOverBound, s.maxErrorOverBound);
            d.maxErrorOverBound = std::max(d.maxErrorOverBound, s.maxErrorOverBound);
        }
    }
    for (const auto& edge : m_edges)
    {
        if (Ptr<EdgeDtDataModule> m = edge->GetDataModule())
        {
            d.undecodableBlocks += m->GetUndecodableBlocks();
        }
    }
    const DtSourceStats& pos = d.bySource[static_cast<uint32_t>(DtSource::POSITION) - 1];
    d.reconstructionRmse =
        pos.values ? std::sqrt(pos.squaredError / static_cast<double>(pos.values)) : 0.0;
    d.modelUpdates = m_modelUpdates;
    d.modelVersionLag = m_lagSamples ? m_lagSum / static_cast<double>(m_lagSamples) : -1;
    return d;
}

DtEnergyStats
DtStatsCollector::GetEnergy() const
{
    DtEnergyStats e;
    for (const auto& local : m_locals)
    {
        Ptr<energy::EnergySourceContainer> sources =
            local->GetNode()->GetObject<energy::EnergySourceContainer>();
        if (!sources || sources->GetN() == 0)
        {
            continue;
        }
        Ptr<energy::EnergySource> battery = sources->Get(0);
        ++e.terminals;
        e.totalJ += battery->GetInitialEnergy() - battery->GetRemainingEnergy();
        e.minBatteryFraction = std::min(e.minBatteryFraction, battery->GetEnergyFraction());
        for (const char* type : {"ns3::DtWifiRadioEnergyModel",
                                 "ns3::WifiRadioEnergyModel",
                                 "ns3::DtLteRadioEnergyModel"})
        {
            energy::DeviceEnergyModelContainer radios = battery->FindDeviceEnergyModels(type);
            for (auto it = radios.Begin(); it != radios.End(); ++it)
            {
                e.radioJ += (*it)->GetTotalEnergyConsumption();
            }
        }
        energy::DeviceEnergyModelContainer cpus =
            battery->FindDeviceEnergyModels("ns3::DtComputeEnergyModel");
        for (auto it = cpus.Begin(); it != cpus.End(); ++it)
        {
            e.computeJ += (*it)->GetTotalEnergyConsumption();
        }
    }
    return e;
}

std::map<std::string, Time>
DtStatsCollector::GetAppUsageTimes() const
{
    std::map<std::string, Time> t;
    for (const auto& local : m_locals)
    {
        Ptr<LocalDtServiceModule> service = local->GetServiceModule();
        Ptr<DtAppUsageModel> usage = service ? service->GetAppUsage() : nullptr;
        if (!usage)
        {
            continue;
        }
        const std::vector<Time> times = usage->GetTimeInStates();
        for (uint32_t k = 0; k < times.size(); ++k)
        {
            t[usage->GetStateName(k)] += times[k];
        }
    }
    return t;
}

const std::vector<DtSyncRecord>&
DtStatsCollector::GetSyncs() const
{
    return m_syncs;
}

double
DtStatsCollector::GetMeanAgeOfInformation() const
{
    double integral = 0;
    double duration = 0;
    for (const auto& e : m_edges)
    {
        double i = 0;
        double d = 0;
        e->GetDataModule()->GetAgentPool()->GetAgeOfInformation(i, d);
        integral += i;
        duration += d;
    }
    return duration > 0 ? integral / duration : GetCloudAgeOfInformation();
}

double
DtStatsCollector::GetCloudAgeOfInformation() const
{
    double integral = 0;
    double duration = 0;
    if (m_cloud)
    {
        m_cloud->GetDataModule()->GetAgentPool()->GetAgeOfInformation(integral, duration);
    }
    return duration > 0 ? integral / duration : -1;
}

void
DtStatsCollector::WatchBackhaul(NetDeviceContainer devices)
{
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        devices.Get(i)->TraceConnectWithoutContext("PhyTxEnd",
                                                   Callback<void, Ptr<const Packet>>(
                                                       [this](Ptr<const Packet> p)
                                                       {
                                                           m_backhaulBytes += p->GetSize();
                                                       }));
    }
}

uint64_t
DtStatsCollector::GetAgentMessages(uint8_t outcome) const
{
    return outcome < m_agentMessages.size() ? m_agentMessages[outcome] : 0;
}

uint64_t
DtStatsCollector::GetAgentMessagesSent() const
{
    uint64_t n = 0;
    for (const auto& e : m_edges)
    {
        n += e->GetAgentMessagesSent();
    }
    return n;
}

uint64_t
DtStatsCollector::GetAgentMessagesForwarded() const
{
    uint64_t n = 0;
    for (const auto& e : m_edges)
    {
        n += e->GetAgentMessagesForwarded();
    }
    return n;
}

uint64_t
DtStatsCollector::GetProximityAlerts() const
{
    return m_proximityAlerts;
}

uint64_t
DtStatsCollector::GetBackhaulBytes() const
{
    return m_backhaulBytes;
}

const std::vector<DtMigrationRecord>&
DtStatsCollector::GetMigrations() const
{
    return m_migrations;
}

const std::vector<DtHandoverWindow>&
DtStatsCollector::GetHandoverWindows() const
{
    return m_handoverWindows.GetWindows();
}

uint64_t
DtStatsCollector::GetHandovers() const
{
    return m_handovers;
}

std::string
DtStatsCollector::GetScenario() const
{
    return m_scenario;
}

std::string
DtStatsCollector::GetArchitectureName() const
{
    return m_architecture;
}

const std::vector<std::pair<std::string, std::string>>&
DtStatsCollector::GetConfig() const
{
    return m_config;
}

uint64_t
DtStatsCollector::GetMessagesSent(uint32_t type) const
{
    return type < m_messagesByType.size() ? m_messagesByType[type] : 0;
}

double
DtStatsCollector::GetAgentLatencyAcross() const
{
    const uint64_t across = m_agentMessages[DtAgentInteraction::AGENT_MESSAGE_DELIVERED];
    return across ? m_agentLatency / across : -1;
}

uint64_t
DtStatsCollector::GetEdgeRecoveries() const
{
    return m_edgeRecoveries;
}

uint64_t
DtStatsCollector::GetSummariesQueued() const
{
    uint64_t n = 0;
    for (const auto& e : m_edges)
    {
        n += e->GetQueuedSummaries();
    }
    return n;
}

uint64_t
DtStatsCollector::GetSummariesDropped() const
{
    uint64_t n = 0;
    for (const auto& e : m_edges)
    {
        n += e->GetSummariesDropped();
    }
    return n;
}

} // namespace ns3
