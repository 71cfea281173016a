/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-timeline.h"

#include "ns3/abort.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/config.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-migration-policy.h"
#include "ns3/edge-dt-application.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <fstream>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtTimeline");

NS_OBJECT_ENSURE_REGISTERED(DtTimeline);

namespace
{

/// Energy models of the module that can be read without settling the battery.
constexpr const char* ENERGY_MODELS[] = {
    "ns3::DtWifiRadioEnergyModel", "ns3::DtLteRadioEnergyModel", "ns3::DtComputeEnergyModel"};

/// Columns of the demand counts.
enum DemandCount
{
    CREATED = 0,
    IN_DEADLINE,
    LATE,
    FAILED,
};

} // namespace

TypeId
DtTimeline::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtTimeline")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtTimeline>()
            .AddAttribute("Interval",
                          "Sampling period of timeline.csv (0: no timeline). Set it before "
                          "the DTs are installed.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&DtTimeline::m_interval),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Row",
                            "A row of the timeline was recorded.",
                            MakeTraceSourceAccessor(&DtTimeline::m_rowTrace),
                            "ns3::DtTimeline::RowTracedCallback");
    return tid;
}

DtTimeline::DtTimeline()
{
    NS_LOG_FUNCTION(this);
}

void
DtTimeline::DoDispose()
{
    Simulator::Cancel(m_next);
    m_interval = Seconds(0); // the traces still connected record nothing more
    m_locals.clear();
    m_edges.clear();
    m_cloud = nullptr;
    Object::DoDispose();
}

void
DtTimeline::EnableByDefault(Time interval)
{
    TypeId::AttributeInformation info;
    NS_ABORT_UNLESS(GetTypeId().LookupAttributeByName("Interval", &info));
    auto current = DynamicCast<const TimeValue>(info.initialValue);
    if (current && current->Get().IsZero())
    {
        Config::SetDefault("ns3::DtTimeline::Interval", TimeValue(interval));
    }
}

bool
DtTimeline::IsEnabled() const
{
    return m_interval.IsStrictlyPositive();
}

const char*
DtTimeline::EntityName(Entity entity)
{
    switch (entity)
    {
        case EDGE:
            return "edge";
        case CLOUD:
            return "cloud";
        case TERMINAL:
            return "terminal";
        case DEMANDS:
            return "demands";
        case SYNCS:
            return "syncs";
        case ENTITY_COUNT:
            break;
    }
    return "unknown";
}

void
DtTimeline::Watch(Ptr<DtApplication> app)
{
    if (!IsEnabled())
    {
        return;
    }
    NS_LOG_FUNCTION(this << app);
    if (!m_started)
    {
        m_started = true;
        m_next = Simulator::Schedule(m_interval, &DtTimeline::Tick, this);
    }
    if (auto local = DynamicCast<LocalDtApplication>(app))
    {
        m_locals.push_back(local);
        const uint32_t terminal = local->GetDtId();
        Ptr<LocalDtServiceModule> s = local->GetServiceModule();
        s->TraceConnectWithoutContext(
            "DemandCreated",
            Callback<void, const DtDemand&>(
                [this](const DtDemand& d)
                {
                    ++m_demands[static_cast<std::size_t>(d.tier)][CREATED];
                }));
        s->TraceConnectWithoutContext("DemandCompleted",
                                      MakeCallback(&DtTimeline::DemandFinished, this));
        s->TraceConnectWithoutContext("DemandFailed",
                                      MakeCallback(&DtTimeline::DemandFinished, this));
        local->TraceConnectWithoutContext(
            "SyncEnded",
            Callback<void, uint64_t, LocalDtApplication::SyncOutcome, Time, Time>(
                [this](uint64_t, LocalDtApplication::SyncOutcome outcome, Time, Time)
                {
                    ++m_syncs[outcome];
                }));
        local->TraceConnectWithoutContext(
            "HandoverDetected",
            Callback<void, uint32_t, uint32_t, uint32_t, uint32_t>(
                [this, terminal](uint32_t, uint32_t, uint32_t, uint32_t toEdge)
                {
                    Add(TERMINAL, terminal, "handover", toEdge);
                }));
    }
    else if (auto edge = DynamicCast<EdgeDtApplication>(app))
    {
        m_edges[edge->GetDtId()] = edge;
        edge->TraceConnectWithoutContext(
            "MigrationStarted",
            Callback<void, uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>(
                [this](uint64_t id, uint32_t terminal, uint32_t, uint32_t to, DtMigrationTrigger)
                {
                    m_migrationStart.emplace(id, Simulator::Now());
                    Add(TERMINAL, terminal, "migration_start", to);
                }));
        // Completed: the downtime; failed or discarded: how long it ran.
        auto ended = [this](const char* variable, bool downtime)
        {
            return Callback<void, uint64_t, uint32_t, uint32_t, Time>(
                [this, variable, downtime](uint64_t id, uint32_t terminal, uint32_t, Time down)
                {
                    auto it = m_migrationStart.find(id);
                    const Time ran =
                        it == m_migrationStart.end() ? Time(0) : Simulator::Now() - it->second;
                    if (it != m_migrationStart.end())
                    {
                        m_migrationStart.erase(it);
                    }
                    Add(TERMINAL, terminal, variable, (downtime ? down : ran).GetSeconds() * 1e3);
                });
        };
        edge->TraceConnectWithoutContext("MigrationCompleted", ended("migration_end", true));
        edge->TraceConnectWithoutContext("MigrationFailed", ended("migration_failed", false));
        edge->TraceConnectWithoutContext("PreCopyDiscarded", ended("migration_discarded", false));
    }
    else if (auto cloud = DynamicCast<CloudDtApplication>(app))
    {
        m_cloud = cloud;
    }
}

void
DtTimeline::DemandFinished(const DtDemand& d)
{
    const auto tier = static_cast<std::size_t>(d.executedTier);
    if (tier >= m_demands.size())
    {
        return;
    }
    switch (d.state)
    {
        case DtDemandState::COMPLETED_IN_DEADLINE:
            ++m_demands[tier][IN_DEADLINE];
            break;
        case DtDemandState::COMPLETED_LATE:
            ++m_demands[tier][LATE];
            break;
        case DtDemandState::FAILED:
            ++m_demands[tier][FAILED];
            break;
        case DtDemandState::PENDING:
            break;
    }
}

void
DtTimeline::Add(Entity entity, uint32_t id, const char* variable, double value)
{
    if (!IsEnabled())
    {
        return;
    }
    m_rows.push_back({Simulator::Now(), entity, id, variable, value});
    m_rowTrace(m_rows.back());
}

void
DtTimeline::Tick()
{
    Sample();
    m_next = Simulator::Schedule(m_interval, &DtTimeline::Tick, this);
}

bool
DtTimeline::TwinAge(uint32_t terminal, uint32_t servingEdge, double& aoi) const
{
    // Where its terminal synchronizes it: the edge that hosts it (the
    // serving one first); in the cloud only while no edge has hosted it.
    const DtDigitalAgent* agent = nullptr;
    auto serving = m_edges.find(servingEdge);
    if (serving != m_edges.end())
    {
        agent = serving->second->GetDataModule()->GetAgentPool()->GetAgent(terminal);
    }
    for (auto it = m_edges.begin(); !agent && it != m_edges.end(); ++it)
    {
        agent = it->second->GetDataModule()->GetAgentPool()->GetAgent(terminal);
    }
    if (!agent && m_cloud && !m_edgeTwins.count(terminal))
    {
        agent = m_cloud->GetDataModule()->GetAgentPool()->GetAgent(terminal);
    }
    if (!agent || agent->aoiSince.IsStrictlyNegative())
    {
        return false;
    }
    aoi = (Simulator::Now() - agent->freshest).GetSeconds();
    return true;
}

void
DtTimeline::Sample()
{
    if (!IsEnabled() || Simulator::Now() == m_lastSample)
    {
        return;
    }
    m_lastSample = Simulator::Now();
    auto server = [this](Entity entity, Ptr<DtApplication> app, std::size_t agents)
    {
        const uint32_t id = app->GetDtId();
        Ptr<ComputeResource> cpu = app->GetCompute();
        Add(entity, id, "queue", cpu->GetQueueLength());
        Add(entity, id, "busy_cores", cpu->GetBusyCores());
        Add(entity, id, "cores", cpu->GetCores());
        Add(entity, id, "agents", static_cast<double>(agents));
    };
    for (const auto& [id, edge] : m_edges)
    {
        const auto& agents = edge->GetDataModule()->GetAgentPool()->GetAgents();
        for (const auto& [terminal, agent] : agents)
        {
            m_edgeTwins.insert(terminal);
        }
        server(EDGE, edge, agents.size());
    }
    if (m_cloud)
    {
        server(CLOUD, m_cloud, m_cloud->GetDataModule()->GetAgentPool()->GetAgents().size());
    }
    for (const auto& local : m_locals)
    {
        const uint32_t id = local->GetDtId();
        const uint32_t edge = local->GetEdgeDtId();
        Add(TERMINAL, id, "serving_edge", m_edges.count(edge) ? edge : -1.0);
        Add(TERMINAL, id, "serving_cell", local->GetServingCell());
        Add(TERMINAL, id, "queue", local->GetCompute()->GetQueueLength());
        double aoi = 0;
        if (TwinAge(id, edge, aoi))
        {
            Add(TERMINAL, id, "aoi_s", aoi);
        }
        Ptr<energy::EnergySourceContainer> sources =
            local->GetNode()->GetObject<energy::EnergySourceContainer>();
        if (sources && sources->GetN() > 0)
        {
            // The models' own totals: reading the source would settle it.
            Ptr<energy::EnergySource> battery = sources->Get(0);
            double drawn = 0;
            for (const char* type : ENERGY_MODELS)
            {
                energy::DeviceEnergyModelContainer models = battery->FindDeviceEnergyModels(type);
                for (auto it = models.Begin(); it != models.End(); ++it)
                {
                    drawn += (*it)->GetTotalEnergyConsumption();
                }
            }
            const double initial = battery->GetInitialEnergy();
            Add(TERMINAL, id, "energy_j", drawn);
            Add(TERMINAL, id, "battery", initial > 0 ? std::max(0.0, 1 - drawn / initial) : 0.0);
        }
    }
    const char* counts[] = {"created", "in_deadline", "late", "failed"};
    for (std::size_t tier = 0; tier < m_demands.size(); ++tier)
    {
        for (std::size_t c = 0; c < 4; ++c)
        {
            Add(DEMANDS, static_cast<uint32_t>(tier), counts[c], m_demands[tier][c]);
        }
    }
    m_demands = {};
    for (const auto& [outcome, n] : m_syncs)
    {
        Add(SYNCS, outcome, "count", n);
    }
    m_syncs.clear();
}

std::string
DtTimeline::IdName(const Row& row)
{
    switch (row.entity)
    {
        case DEMANDS:
            return DtTierName(static_cast<DtTier>(row.id));
        case SYNCS:
            return LocalDtApplication::SyncOutcomeName(
                static_cast<LocalDtApplication::SyncOutcome>(row.id));
        default:
            return std::to_string(row.id);
    }
}

const std::vector<DtTimeline::Row>&
DtTimeline::GetRows() const
{
    return m_rows;
}

bool
DtTimeline::Write(const std::string& path)
{
    if (IsEnabled())
    {
        Sample();
    }
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    out << "time_s,entity,id,variable,value\n" << std::setprecision(9);
    for (const auto& r : m_rows)
    {
        out << r.time.GetSeconds() << ',' << EntityName(r.entity) << ',' << IdName(r) << ','
            << r.variable << ',' << r.value << '\n';
    }
    return static_cast<bool>(out);
}

} // namespace ns3
