/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the path between the edges and the cloud: the wide-area segment
// (routes through its gateway on every access network, its delay, its
// background load) and the reduced input that edges send up.

#include "ns3/boolean.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/enum.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <functional>
#include <string>

using namespace ns3;

namespace
{

/// What a short run to the cloud leaves behind.
struct CloudRun
{
    uint64_t created{0};             //!< demands created
    uint64_t failed{0};              //!< demands failed
    uint64_t cloudServed{0};         //!< demands completed at the cloud tier
    Time fastestCloud{Seconds(1e9)}; //!< smallest latency of those
    uint64_t requests{0};            //!< DEMAND_REQUEST messages the cloud DT received
    uint64_t requestBulk{0};         //!< input bytes they carried
};

/**
 * Run 4 terminals for 3 s.
 * \param configure settings applied to the helper before Build
 * \return the results
 */
CloudRun
RunToCloud(const std::function<void(Ptr<MultiLayerDtHelper>)>& configure)
{
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(4));
    dt->SetAttribute("Edges", UintegerValue(2));
    dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
    dt->SetAttribute("DrainTime", TimeValue(Seconds(8)));
    configure(dt);
    dt->Build();
    ApplicationContainer apps = dt->Install();
    CloudRun r;
    for (uint32_t a = 0; a < apps.GetN(); ++a)
    {
        if (auto cloud = DynamicCast<CloudDtApplication>(apps.Get(a)))
        {
            cloud->GetCommModule()->TraceConnectWithoutContext(
                "Rx",
                Callback<void, const DtHeader&, uint32_t, uint32_t>(
                    [&r](const DtHeader& h, uint32_t, uint32_t bulk)
                    {
                        if (h.GetMessageType() == DtMessageType::DEMAND_REQUEST)
                        {
                            ++r.requests;
                            r.requestBulk += bulk;
                        }
                    }));
        }
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Ptr<DtStatsCollector> st = dt->GetStats();
    r.created = st->GetCreated();
    for (const auto& d : st->GetFinished())
    {
        r.failed += d.state == DtDemandState::FAILED;
        if (d.state != DtDemandState::FAILED && d.executedTier == DtTier::CLOUD)
        {
            ++r.cloudServed;
            r.fastestCloud = std::min(r.fastestCloud, d.GetLatency());
        }
    }
    Simulator::Destroy();
    return r;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * A wide-area segment between the edges and a cloud 2000 km away, on every
 * access network: the centralized DT serves every demand through it, none
 * faster than the segment's round trip (10 ms each way), and a 100 km
 * cloud without the segment is faster. Background load on the segment
 * slows the cloud down.
 */
class DtWanRoutesTestCase : public TestCase
{
  public:
    DtWanRoutesTestCase()
        : TestCase("Wide-area segment: routes on every access network, its delay, its load")
    {
    }

  private:
    void DoRun() override
    {
        const std::pair<const char*, std::function<void(Ptr<MultiLayerDtHelper>)>> accesses[] = {
            {"wired",
             [](Ptr<MultiLayerDtHelper> dt)
             {
                 dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
             }},
            {"wifi", [](Ptr<MultiLayerDtHelper>) {}},
            {"wifi roaming",
             [](Ptr<MultiLayerDtHelper> dt)
             {
                 dt->SetAttribute("WifiRoaming", BooleanValue(true));
                 dt->SetAttribute("EdgeSpacing", DoubleValue(60));
             }},
            {"lte",
             [](Ptr<MultiLayerDtHelper> dt)
             {
                 dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
             }},
        };
        for (const auto& [name, access] : accesses)
        {
            const std::string what = std::string(name) + ", segment";
            CloudRun far = RunToCloud(
                [&access](Ptr<MultiLayerDtHelper> dt)
                {
                    access(dt);
                    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::CENTRALIZED));
                    dt->SetAttribute("WanRate", DataRateValue(DataRate("100Mbps")));
                    dt->SetAttribute("EdgeCloudDistanceKm", DoubleValue(2000));
                });
            NS_TEST_ASSERT_MSG_GT(far.created, 10, what << ": demands were created");
            NS_TEST_EXPECT_MSG_EQ(far.failed, 0, what << ": every demand reached the cloud");
            NS_TEST_EXPECT_MSG_EQ(far.cloudServed, far.created, what << ": all at the cloud");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(far.fastestCloud,
                                        MilliSeconds(20),
                                        what << ": no faster than the segment's round trip");
        }
        CloudRun near = RunToCloud(
            [](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                dt->SetAttribute("Architecture", EnumValue(DtArchitecture::CENTRALIZED));
            });
        NS_TEST_EXPECT_MSG_LT(near.fastestCloud, MilliSeconds(20), "100 km of fibre is faster");

        // A 10 Mb/s segment loaded to 90 % each way: the cloud's answers
        // queue behind the load.
        auto loaded = [](double load)
        {
            return RunToCloud(
                [load](Ptr<MultiLayerDtHelper> dt)
                {
                    dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::CENTRALIZED));
                    dt->SetAttribute("WanRate", DataRateValue(DataRate("10Mbps")));
                    dt->SetAttribute("WanLoad", DoubleValue(load));
                    dt->SetAttribute("DemandRate", DoubleValue(1.0));
                });
        };
        CloudRun idle = loaded(0);
        CloudRun busy = loaded(0.9);
        NS_TEST_EXPECT_MSG_GT(busy.fastestCloud,
                              idle.fastestCloud,
                              "background load delays the fastest cloud demand");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Multi-layer: what edges send up to the cloud DT carries the terminals'
 * input reduced by the ratio measured on their status updates (about 0.4 in
 * S1); without ReducedInput it carries the raw input.
 */
class DtReducedInputTestCase : public TestCase
{
  public:
    DtReducedInputTestCase()
        : TestCase("Demands an edge sends up carry the reduced input")
    {
    }

  private:
    void DoRun() override
    {
        auto run = [](bool reduced)
        {
            return RunToCloud(
                [reduced](Ptr<MultiLayerDtHelper> dt)
                {
                    dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
                    dt->SetAttribute("DemandRate", DoubleValue(6.0));
                    dt->SetEdgeDtAttribute("ServiceModule/ReducedInput", BooleanValue(reduced));
                });
        };
        CloudRun raw = run(false);
        CloudRun reduced = run(true);
        NS_TEST_ASSERT_MSG_GT(raw.requests, 5, "edges sent demands up");
        NS_TEST_ASSERT_MSG_GT(reduced.requests, 5, "edges sent demands up");
        const double rawMean = static_cast<double>(raw.requestBulk) / raw.requests;
        const double reducedMean = static_cast<double>(reduced.requestBulk) / reduced.requests;
        NS_TEST_EXPECT_MSG_LT(reducedMean, 0.8 * rawMean, "reduced input is smaller");
        NS_TEST_EXPECT_MSG_GT(reducedMean, 0.05 * rawMean, "but not gone");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The path between the edges and the cloud.
 */
class DtBackhaulTestSuite : public TestSuite
{
  public:
    DtBackhaulTestSuite()
        : TestSuite("multilayer-dt-backhaul", Type::SYSTEM)
    {
        AddTestCase(new DtWanRoutesTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtReducedInputTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtBackhaulTestSuite g_dtBackhaulTestSuite;
