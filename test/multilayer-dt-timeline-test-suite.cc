/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/mobility-model.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

/**
 * \file
 * \ingroup multilayer-dt-tests
 * The time series of a run (DtTimeline) and where each demand ran.
 */

using namespace ns3;

namespace
{

/// What one run left.
struct TimelineRun
{
    uint64_t created{0};                      //!< demands created
    std::map<DtDemandState, uint64_t> states; //!< demands by final state
    std::vector<std::tuple<uint32_t, uint64_t, uint8_t, int64_t>> finished; //!< demands
    std::vector<std::tuple<uint32_t, uint64_t, uint8_t, int64_t>> syncs;    //!< syncs
    std::vector<DtTimeline::Row> rows;                                      //!< the timeline
    std::vector<DtMigrationRecord> migrations;                              //!< migrations
    uint64_t handovers{0};                                                  //!< handovers detected
    std::vector<uint32_t> edges;                                            //!< edge DT ids
    std::vector<uint32_t> terminals;                                        //!< terminal DT ids
    Time stop;                                                              //!< end of the run
    uint64_t demandsWithRun{0};           //!< completed demands that know where they ran
    uint64_t demandsCompleted{0};         //!< completed demands
    std::vector<std::string> runProblems; //!< inconsistent DtDemandRun records
};

/**
 * Run 4 terminals and 2 edges on one Wi-Fi ESS for 3 s, two terminals
 * moved to the other edge at 1.5 s (their twins migrate), synchronizing
 * half of their 100 ms slots.
 * \param interval the timeline's Interval (0: off)
 * \return what the run left
 */
TimelineRun
RunSystem(Time interval)
{
    Config::SetDefault("ns3::DtTimeline::Interval", TimeValue(interval));
    Config::SetDefault("ns3::LocalDtApplication::SyncProbability", DoubleValue(0.5));
    Config::SetDefault("ns3::DtWifiRoamingManager::SnrRoaming", BooleanValue(false));
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(4));
    dt->SetAttribute("Edges", UintegerValue(2));
    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
    dt->SetAttribute("WifiRoaming", BooleanValue(true));
    dt->SetAttribute("EdgeSpacing", DoubleValue(60));
    dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
    dt->SetAttribute("DrainTime", TimeValue(Seconds(6)));
    dt->Build();
    dt->Install();
    // Two terminals stand at the border between the cells and change edge.
    for (uint32_t i = 0; i < 2; ++i)
    {
        dt->GetTerminals().Get(i)->GetObject<MobilityModel>()->SetPosition(
            Vector(30 + (i % 2 ? 3.0 : -3.0), 2.0 * i, 0));
        dt->ScheduleHandover(
            Seconds(1.5), dt->GetTerminals().Get(i), MultiLayerDtHelper::NEXT_EDGE);
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Config::SetDefault("ns3::DtTimeline::Interval", TimeValue(Seconds(0)));
    Config::SetDefault("ns3::LocalDtApplication::SyncProbability", DoubleValue(0));
    Config::SetDefault("ns3::DtWifiRoamingManager::SnrRoaming", BooleanValue(true));

    TimelineRun r;
    Ptr<DtStatsCollector> stats = dt->GetStats();
    r.created = stats->GetCreated();
    for (const auto& d : stats->GetFinished())
    {
        ++r.states[d.state];
        r.finished.emplace_back(
            d.origin, d.id, static_cast<uint8_t>(d.state), d.finished.GetTimeStep());
        if (d.state == DtDemandState::FAILED)
        {
            continue;
        }
        ++r.demandsCompleted;
        DtDemandRun run;
        if (!stats->GetDemandRun(d.origin, d.id, run))
        {
            continue;
        }
        ++r.demandsWithRun;
        const std::string name = "demand " + std::to_string(d.origin) + "/" + std::to_string(d.id);
        if (run.wait.IsStrictlyNegative() || !run.service.IsStrictlyPositive())
        {
            r.runProblems.push_back(name + ": negative wait or no service time ("
                                    + std::to_string(run.wait.GetSeconds()) + ", "
                                    + std::to_string(run.service.GetSeconds()) + ")");
        }
        if (run.wait + run.service > d.GetLatency())
        {
            r.runProblems.push_back(name + ": waited and ran longer than its latency");
        }
        if (d.executedTier == DtTier::LOCAL && run.dt != d.origin)
        {
            r.runProblems.push_back(name + ": ran locally on another DT");
        }
        if (d.executedTier != DtTier::LOCAL && run.dt == d.origin)
        {
            r.runProblems.push_back(name + ": ran elsewhere, recorded on its terminal");
        }
    }
    for (const auto& s : stats->GetSyncs())
    {
        r.syncs.emplace_back(s.terminal, s.id, s.outcome, s.end.GetTimeStep());
    }
    stats->GetTimeline()->Sample(); // the last sample, as Write takes it
    r.rows = stats->GetTimeline()->GetRows();
    r.migrations = stats->GetMigrations();
    r.handovers = stats->GetHandovers();
    for (uint32_t i = 0; i < dt->GetEdges().GetN(); ++i)
    {
        r.edges.push_back(100 + i);
    }
    for (uint32_t i = 0; i < dt->GetTerminals().GetN(); ++i)
    {
        r.terminals.push_back(1000 + i);
    }
    r.stop = Simulator::Now();
    Simulator::Destroy();
    return r;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * The timeline of a run with handovers, migrations and synchronizations:
 * a sample of every DT at every period, demand and sync counts that add up
 * to the run's totals, every migration and handover as an event, and the
 * same results as with the timeline off (it only reads state).
 */
class DtTimelineTestCase : public TestCase
{
  public:
    DtTimelineTestCase()
        : TestCase("Timeline: every DT sampled each period, counts add up, results unchanged")
    {
    }

  private:
    void DoRun() override
    {
        const TimelineRun off = RunSystem(Seconds(0));
        NS_TEST_EXPECT_MSG_EQ(off.rows.size(), 0, "off by default: no row");
        const TimelineRun on = RunSystem(MilliSeconds(100));

        // The timeline only reads state.
        NS_TEST_ASSERT_MSG_GT(on.created, 20, "demands were created");
        NS_TEST_EXPECT_MSG_EQ(on.created, off.created, "same demands created");
        NS_TEST_EXPECT_MSG_EQ((on.finished == off.finished), true, "same demand outcomes");
        NS_TEST_EXPECT_MSG_EQ((on.syncs == off.syncs), true, "same synchronizations");
        NS_TEST_ASSERT_MSG_GT(on.syncs.size(), 10, "synchronizations ended");
        NS_TEST_ASSERT_MSG_GT(on.migrations.size(), 0, "twins migrated");

        // Every DT at every period.
        std::map<std::string, std::set<int64_t>> sampled; // entity/id/variable -> periods
        std::map<std::string, uint64_t> counts;           // demand variable -> sum
        uint64_t syncs = 0;
        std::map<std::string, uint64_t> events;
        std::vector<double> downtimes;
        for (const auto& row : on.rows)
        {
            const std::string entity = DtTimeline::EntityName(row.entity);
            const std::string variable = row.variable;
            const double t = row.time.GetSeconds();
            if (variable == "handover" || variable.rfind("migration_", 0) == 0)
            {
                ++events[variable];
                if (variable == "migration_end")
                {
                    downtimes.push_back(row.value);
                }
                continue;
            }
            sampled[entity + "/" + DtTimeline::IdName(row) + "/" + variable].insert(
                std::llround(t * 10));
            if (row.entity == DtTimeline::DEMANDS)
            {
                counts[variable] += static_cast<uint64_t>(row.value);
            }
            if (row.entity == DtTimeline::SYNCS)
            {
                syncs += static_cast<uint64_t>(row.value);
            }
            if (variable == "aoi_s")
            {
                NS_TEST_EXPECT_MSG_EQ((row.value >= 0 && row.value <= t),
                                      true,
                                      "age of information " << row.value << " at " << t);
            }
            if (variable == "battery")
            {
                NS_TEST_EXPECT_MSG_EQ((row.value > 0 && row.value <= 1), true, "battery fraction");
            }
        }
        const auto periods = static_cast<std::size_t>(on.stop.GetSeconds() * 10 + 1e-9);
        for (uint32_t e : on.edges)
        {
            for (const char* v : {"queue", "busy_cores", "cores", "agents"})
            {
                const std::string key = "edge/" + std::to_string(e) + "/" + v;
                NS_TEST_EXPECT_MSG_GT_OR_EQ(sampled[key].size(), periods, key);
            }
        }
        for (uint32_t t : on.terminals)
        {
            for (const char* v : {"serving_edge", "serving_cell", "queue", "energy_j", "battery"})
            {
                const std::string key = "terminal/" + std::to_string(t) + "/" + v;
                NS_TEST_EXPECT_MSG_GT_OR_EQ(sampled[key].size(), periods, key);
            }
            const std::string aoi = "terminal/" + std::to_string(t) + "/aoi_s";
            NS_TEST_EXPECT_MSG_GT(sampled[aoi].size(), periods / 2, aoi);
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(sampled["cloud/1/queue"].size(), periods, "cloud sampled");

        // Counts per period add up to the run's totals.
        NS_TEST_EXPECT_MSG_EQ(counts["created"], on.created, "demands created");
        NS_TEST_EXPECT_MSG_EQ(counts["in_deadline"],
                              on.states.count(DtDemandState::COMPLETED_IN_DEADLINE)
                                  ? on.states.at(DtDemandState::COMPLETED_IN_DEADLINE)
                                  : 0,
                              "in deadline");
        NS_TEST_EXPECT_MSG_EQ(counts["late"],
                              on.states.count(DtDemandState::COMPLETED_LATE)
                                  ? on.states.at(DtDemandState::COMPLETED_LATE)
                                  : 0,
                              "late");
        NS_TEST_EXPECT_MSG_EQ(
            counts["failed"],
            on.states.count(DtDemandState::FAILED) ? on.states.at(DtDemandState::FAILED) : 0,
            "failed");
        NS_TEST_EXPECT_MSG_EQ(syncs, on.syncs.size(), "synchronizations");

        // Events: one per migration start, one end per completed migration.
        NS_TEST_EXPECT_MSG_EQ(events["handover"], on.handovers, "handovers");
        NS_TEST_EXPECT_MSG_EQ(events["migration_start"], on.migrations.size(), "migrations");
        std::vector<double> expected;
        for (const auto& m : on.migrations)
        {
            if (m.completed)
            {
                expected.push_back(m.downtime.GetSeconds() * 1e3);
            }
        }
        NS_TEST_EXPECT_MSG_EQ((downtimes == expected), true, "each completed migration's downtime");

        // Where demands ran.
        NS_TEST_EXPECT_MSG_EQ(
            on.demandsWithRun, on.demandsCompleted, "every completed demand ran on a processor");
        NS_TEST_EXPECT_MSG_EQ(
            on.runProblems.size(), 0, (on.runProblems.empty() ? "" : on.runProblems.front()));
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The time series of a run.
 */
class DtTimelineTestSuite : public TestSuite
{
  public:
    DtTimelineTestSuite()
        : TestSuite("multilayer-dt-timeline", Type::UNIT)
    {
        AddTestCase(new DtTimelineTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtTimelineTestSuite g_dtTimelineTestSuite;
