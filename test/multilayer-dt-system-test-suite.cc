/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// End-to-end tests of complete scenarios built by MultiLayerDtHelper:
// conservation of demands in both architectures, escalation at a saturated
// edge, determinism for a given RngRun, and the open cloud service interface.

#include "ns3/basic-energy-source-helper.h"
#include "ns3/boolean.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/config.h"
#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/double.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/edge-dt-application.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/pointer.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy-state-helper.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-helper.h"

#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

using namespace ns3;

namespace
{

/// What a small run leaves behind.
struct SmallRun
{
    uint64_t created{0};                     //!< demands created
    uint64_t inDeadline{0};                  //!< completed in deadline
    uint64_t late{0};                        //!< completed late
    uint64_t failed{0};                      //!< failed
    uint64_t escalations{0};                 //!< edge escalations
    std::vector<DtDemand> finished;          //!< final demands
    std::string summary;                     //!< summary.json, wall time removed
    std::string demandsCsv;                  //!< demands.csv
    std::array<uint64_t, 3> signaling{};     //!< by layer
    DtDataStats data;                        //!< data-module figures
    DtDetectionStats detection;              //!< anomaly detection
    DtEnergyStats energy;                    //!< terminal energy
    std::vector<DtSyncRecord> syncs;         //!< ended synchronizations
    std::vector<DtHandoverWindow> handovers; //!< handovers and their windows
    uint64_t syncRequests{0};                //!< synchronizations issued
    double meanAoi{-1};                      //!< mean age of information, s
    double cloudAoi{-1};                     //!< mean age of information of the cloud's twins, s
    uint64_t backhaulBytes{0};               //!< bytes sent on the fibre
    std::array<uint64_t, 3> agentMessages{}; //!< ended agent messages, by outcome
    uint64_t agentSent{0};                   //!< agent messages sent
    uint64_t agentForwarded{0};              //!< agent messages forwarded
    uint64_t proximityAlerts{0};             //!< interacting agents found close
};

/**
 * \param path a file
 * \return its contents
 */
std::string
Slurp(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

/**
 * \param r a run
 * \param o an outcome
 * \return the synchronizations of the run that ended with it
 */
uint64_t
CountSyncs(const SmallRun& r, LocalDtApplication::SyncOutcome o)
{
    return static_cast<uint64_t>(std::count_if(r.syncs.begin(),
                                               r.syncs.end(),
                                               [o](const DtSyncRecord& s)
                                               {
                                                   return s.outcome == o;
                                               }));
}

/**
 * Run a small scenario.
 * \param arch the architecture
 * \param dir where to write the outputs
 * \param configure extra settings applied to the helper before Build
 * \param cloudSetup extra settings applied to the cloud DT after Install
 * \return the results
 */
SmallRun
RunSmall(DtArchitecture arch,
         const std::string& dir,
         const std::function<void(Ptr<MultiLayerDtHelper>)>& configure = nullptr,
         const std::function<void(Ptr<CloudDtApplication>)>& cloudSetup = nullptr,
         const std::function<void(Ptr<MultiLayerDtHelper>, ApplicationContainer)>& built = nullptr)
{
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(4));
    dt->SetAttribute("Edges", UintegerValue(2));
    dt->SetAttribute("Architecture", EnumValue(arch));
    dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
    dt->SetAttribute("DrainTime", TimeValue(Seconds(8)));
    if (configure)
    {
        configure(dt);
    }
    dt->Build();
    ApplicationContainer apps = dt->Install();
    if (cloudSetup)
    {
        cloudSetup(DynamicCast<CloudDtApplication>(apps.Get(0)));
    }
    if (built)
    {
        built(dt, apps);
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    dt->WriteOutputs(dir, 0.0);
    Ptr<DtStatsCollector> st = dt->GetStats();
    SmallRun r;
    r.created = st->GetCreated();
    r.inDeadline = st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE);
    r.late = st->GetCount(DtDemandState::COMPLETED_LATE);
    r.failed = st->GetCount(DtDemandState::FAILED);
    r.escalations = st->GetEscalations();
    r.finished = st->GetFinished();
    for (DtLayer l : {DtLayer::LOCAL, DtLayer::EDGE, DtLayer::CLOUD})
    {
        r.signaling[static_cast<int>(l)] = st->GetSignalingBytes(l);
    }
    r.data = st->GetData();
    r.detection = st->GetDetection();
    r.energy = st->GetEnergy();
    r.syncs = st->GetSyncs();
    r.handovers = st->GetHandoverWindows();
    r.meanAoi = st->GetMeanAgeOfInformation();
    r.cloudAoi = st->GetCloudAgeOfInformation();
    r.backhaulBytes = st->GetBackhaulBytes();
    for (uint8_t o = 0; o < 3; ++o)
    {
        r.agentMessages[o] = st->GetAgentMessages(o);
    }
    r.agentSent = st->GetAgentMessagesSent();
    r.agentForwarded = st->GetAgentMessagesForwarded();
    r.proximityAlerts = st->GetProximityAlerts();
    for (uint32_t a = 0; a < apps.GetN(); ++a)
    {
        if (auto local = DynamicCast<LocalDtApplication>(apps.Get(a)))
        {
            r.syncRequests += local->GetSyncRequests();
        }
    }
    Simulator::Destroy();
    r.summary = std::regex_replace(Slurp(dir + "/summary.json"),
                                   std::regex("\"wall_time_s\": [^,\\n]*"),
                                   "\"wall_time_s\": 0");
    r.demandsCsv = Slurp(dir + "/demands.csv");
    return r;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Every demand ends in exactly one final state, in both architectures, and
 * the architectures behave as designed (centralized: everything at the cloud).
 */
class DtConservationTestCase : public TestCase
{
  public:
    DtConservationTestCase()
        : TestCase("Every demand ends in exactly one final state")
    {
    }

  private:
    void DoRun() override
    {
        for (DtArchitecture arch : {DtArchitecture::MULTI_LAYER, DtArchitecture::CENTRALIZED})
        {
            SmallRun r = RunSmall(arch, CreateTempDirFilename(DtArchitectureName(arch)));
            const std::string a = DtArchitectureName(arch);
            NS_TEST_ASSERT_MSG_GT(r.created, 10, a << ": demands were created");
            NS_TEST_EXPECT_MSG_EQ(
                r.inDeadline + r.late + r.failed, r.created, a << ": conservation");
            NS_TEST_EXPECT_MSG_EQ(r.finished.size(), r.created, a << ": one final record each");
            std::set<std::pair<uint32_t, uint64_t>> ids;
            for (const auto& d : r.finished)
            {
                ids.insert({d.origin, d.id});
                NS_TEST_EXPECT_MSG_NE((d.state == DtDemandState::PENDING), true, a << ": final");
                NS_TEST_EXPECT_MSG_EQ((d.finished >= d.created), true, a << ": time order");
                if (arch == DtArchitecture::CENTRALIZED)
                {
                    NS_TEST_EXPECT_MSG_EQ(DtTierName(d.executedTier),
                                          std::string("cloud"),
                                          "centralized runs everything at the cloud");
                }
            }
            NS_TEST_EXPECT_MSG_EQ(ids.size(), r.created, a << ": no demand finished twice");
            NS_TEST_EXPECT_MSG_EQ(r.failed, 0, a << ": nothing fails on an idle network");
            if (arch == DtArchitecture::CENTRALIZED)
            {
                NS_TEST_EXPECT_MSG_EQ(r.signaling[1], 0, "edges send nothing when centralized");
            }
            else
            {
                std::set<std::string> tiers;
                for (const auto& d : r.finished)
                {
                    tiers.insert(DtTierName(d.executedTier));
                }
                NS_TEST_EXPECT_MSG_EQ(tiers.size(), 3, "multi-layer uses local, edge and cloud");
                NS_TEST_EXPECT_MSG_GT(r.signaling[1], 0, "edges signal when multi-layer");
            }
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * An edge offered more than it can serve escalates edge demands to the
 * cloud, which runs them; they stay within the demand accounting.
 */
class DtEscalationTestCase : public TestCase
{
  public:
    DtEscalationTestCase()
        : TestCase("A saturated edge escalates demands to the cloud")
    {
    }

  private:
    void DoRun() override
    {
        auto saturate = [](Ptr<MultiLayerDtHelper> dt)
        {
            // One class of ~1 GFLOP demands with a 1 s deadline: too slow for
            // the 1 GFLOPS terminal, fine for a 5 GFLOPS edge alone, but four
            // terminals at 4 demands/s offer 16 GFLOPS to one edge.
            ObjectFactory c("ns3::DtDemandClass");
            c.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=0.9|Max=1.1]"));
            c.Set("InputBytes", StringValue("ns3::ConstantRandomVariable[Constant=1000]"));
            c.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=500]"));
            c.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
            dt->SetDemandClasses({c});
            dt->SetAttribute("Edges", UintegerValue(1));
            dt->SetAttribute("EdgeCapacityGflops", DoubleValue(5.0));
            dt->SetAttribute("DemandRate", DoubleValue(4.0));
        };
        SmallRun r =
            RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("escalation"), saturate);
        NS_TEST_ASSERT_MSG_GT(r.escalations, 0, "the saturated edge escalated");
        uint64_t atCloudViaEdge = 0;
        uint64_t atEdge = 0;
        for (const auto& d : r.finished)
        {
            if (d.executedTier == DtTier::CLOUD && d.hops == 2)
            {
                ++atCloudViaEdge;
            }
            atEdge += d.executedTier == DtTier::EDGE ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(atEdge, 0, "the edge still served what it could");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            atCloudViaEdge, r.escalations, "escalated demands ran at the cloud, two hops away");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The same RngRun gives the same outputs (wall time aside), whatever ran
 * before in the process; another RngRun gives other outputs.
 */
class DtDeterminismTestCase : public TestCase
{
  public:
    DtDeterminismTestCase()
        : TestCase("Same RngRun, same summary.json and demands.csv")
    {
    }

  private:
    void DoRun() override
    {
        const uint64_t run = RngSeedManager::GetRun();
        RngSeedManager::SetRun(5);
        SmallRun a = RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("a"));
        SmallRun centralized = RunSmall(DtArchitecture::CENTRALIZED, CreateTempDirFilename("c"));
        SmallRun b = RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("b"));
        RngSeedManager::SetRun(6);
        SmallRun other = RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("o"));
        RngSeedManager::SetRun(run);
        NS_TEST_EXPECT_MSG_EQ(a.summary, b.summary, "summary.json differs between equal runs");
        NS_TEST_EXPECT_MSG_EQ(a.demandsCsv, b.demandsCsv, "demands.csv differs");
        NS_TEST_EXPECT_MSG_NE(a.demandsCsv, other.demandsCsv, "RngRun 6 gave RngRun 5's demands");
        // Both architectures see the same demand stream.
        NS_TEST_EXPECT_MSG_EQ(a.created, centralized.created, "same demands in both architectures");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A service registered at the cloud decides the work and result of the
 * demands of its class; a refusing service fails them with unknown-service.
 */
class DtCloudServiceTestCase : public TestCase
{
  public:
    DtCloudServiceTestCase()
        : TestCase("Open cloud service interface")
    {
    }

  private:
    void DoRun() override
    {
        uint64_t calls = 0;
        auto setup = [&calls](Ptr<CloudDtApplication> cloud)
        {
            // Class 2 (analytics) is served by a "forecast" service that runs a
            // fixed 10 GFLOP model and returns 4 kB; class 1 is refused.
            cloud->GetServiceModule()->RegisterService(
                2,
                "forecast",
                CloudDtServiceModule::ServiceCallback(
                    [&calls](const DtDemandRequestHeader&)
                    {
                        ++calls;
                        return DtServiceResult{true, 10.0, 4000};
                    }));
            cloud->GetServiceModule()->RegisterService(1,
                                                       "refuser",
                                                       CloudDtServiceModule::ServiceCallback(
                                                           [](const DtDemandRequestHeader&)
                                                           {
                                                               return DtServiceResult{false, 0, 0};
                                                           }));
        };
        SmallRun r =
            RunSmall(DtArchitecture::CENTRALIZED, CreateTempDirFilename("service"), nullptr, setup);
        uint64_t analytics = 0;
        uint64_t refused = 0;
        for (const auto& d : r.finished)
        {
            if (d.demandClass == 2)
            {
                ++analytics;
                NS_TEST_EXPECT_MSG_EQ((d.state != DtDemandState::FAILED), true, "served");
            }
            if (d.demandClass == 1)
            {
                refused += d.reason == DtFailureReason::UNKNOWN_SERVICE ? 1 : 0;
                NS_TEST_EXPECT_MSG_EQ((d.state == DtDemandState::FAILED), true, "refused");
            }
        }
        NS_TEST_EXPECT_MSG_GT(analytics, 0, "analytics demands were created");
        NS_TEST_EXPECT_MSG_EQ(calls, analytics, "the service ran once per analytics demand");
        NS_TEST_EXPECT_MSG_GT(refused, 0, "refused demands failed with unknown-service");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Two terminals offering unequal load to a saturated edge each get an equal
 * share of its compute (deficit round robin across agents, equal weights).
 */
class DtEdgeFairnessTestCase : public TestCase
{
  public:
    DtEdgeFairnessTestCase()
        : TestCase("A saturated edge shares its compute fairly between terminals")
    {
    }

  private:
    void DoRun() override
    {
        std::map<uint32_t, double> served;
        auto configure = [](Ptr<MultiLayerDtHelper> dt)
        {
            // 1 GFLOP demands that neither the 0.01 GFLOPS terminals nor the
            // (nearly absent) cloud can run in time: the 1 GFLOPS edge is the
            // fastest tier for all of them, and is offered 6 + 2 GFLOPS.
            ObjectFactory c("ns3::DtDemandClass");
            c.Set("Workload", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
            c.Set("InputBytes", StringValue("ns3::ConstantRandomVariable[Constant=1000]"));
            c.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=100]"));
            c.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=2.0]"));
            dt->SetDemandClasses({c});
            dt->SetAttribute("Terminals", UintegerValue(2));
            dt->SetAttribute("Edges", UintegerValue(1));
            dt->SetAttribute("TerminalCapacityGflops", DoubleValue(0.01));
            dt->SetAttribute("EdgeCapacityGflops", DoubleValue(1.0));
            dt->SetAttribute("CloudCapacityGflops", DoubleValue(1e-6));
            dt->SetAttribute("SimTime", TimeValue(Seconds(8)));
        };
        auto connect = [&served](Ptr<MultiLayerDtHelper>, ApplicationContainer apps)
        {
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto local = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    // Terminal 0 creates three times as many demands as terminal 1.
                    const bool first = local->GetDtId() == MultiLayerDtHelper::LOCAL_DT_ID_BASE;
                    local->GetServiceModule()->SetAttribute("DemandRate",
                                                            DoubleValue(first ? 6.0 : 2.0));
                }
                if (auto edge = DynamicCast<EdgeDtApplication>(apps.Get(a)))
                {
                    edge->GetServiceModule()->TraceConnectWithoutContext(
                        "DemandServed",
                        Callback<void, const DtDemandRequestHeader&>(
                            [&served](const DtDemandRequestHeader& req)
                            {
                                const Time t = Simulator::Now();
                                if (t >= Seconds(3) && t <= Seconds(9))
                                {
                                    served[req.GetOrigin()] += req.GetWorkloadGflop();
                                }
                            }));
                }
            }
        };
        SmallRun r = RunSmall(DtArchitecture::MULTI_LAYER,
                              CreateTempDirFilename("fair"),
                              configure,
                              nullptr,
                              connect);
        const double a = served[MultiLayerDtHelper::LOCAL_DT_ID_BASE];
        const double b = served[MultiLayerDtHelper::LOCAL_DT_ID_BASE + 1];
        NS_TEST_ASSERT_MSG_GT(a + b, 5.0, "the edge was busy");
        NS_TEST_EXPECT_MSG_EQ_TOL(a / (a + b), 0.5, 0.1, "equal shares despite 3:1 offered load");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Terminals out of reach of every access point discover each other over the
 * ad hoc network and offload to the one neighbour that can help.
 */
class DtPeerToPeerTestCase : public TestCase
{
  public:
    DtPeerToPeerTestCase()
        : TestCase("Without an edge, local DTs offload to a capable peer")
    {
    }

  private:
    void DoRun() override
    {
        auto configure = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("PeerToPeer", BooleanValue(true));
            dt->SetAttribute("Edges", UintegerValue(1));
            ObjectFactory c("ns3::DtDemandClass");
            c.Set("Workload", StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
            c.Set("InputBytes", StringValue("ns3::ConstantRandomVariable[Constant=2000]"));
            c.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=500]"));
            c.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
            dt->SetDemandClasses({c});
            dt->SetAttribute("DemandRate", DoubleValue(1.0));
            dt->SetAttribute("SimTime", TimeValue(Seconds(6)));
        };
        auto moveAway = [](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            // All terminals 2 km from the access point, within 20 m of each
            // other; terminal 0 is ten times faster than the others.
            NodeContainer t = dt->GetTerminals();
            for (uint32_t i = 0; i < t.GetN(); ++i)
            {
                t.Get(i)->GetObject<MobilityModel>()->SetPosition(Vector(5.0 * i, 2000, 0));
            }
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                auto local = DynamicCast<LocalDtApplication>(apps.Get(a));
                if (local && local->GetDtId() == MultiLayerDtHelper::LOCAL_DT_ID_BASE)
                {
                    local->GetCompute()->SetAttribute("CapacityGflops", DoubleValue(10.0));
                }
            }
        };
        SmallRun r = RunSmall(DtArchitecture::MULTI_LAYER,
                              CreateTempDirFilename("p2p"),
                              configure,
                              nullptr,
                              moveAway);
        uint64_t atPeer = 0;
        uint64_t atEdgeOrCloud = 0;
        for (const auto& d : r.finished)
        {
            if (d.executedTier == DtTier::PEER && d.state != DtDemandState::FAILED)
            {
                ++atPeer;
                NS_TEST_EXPECT_MSG_NE(d.origin,
                                      MultiLayerDtHelper::LOCAL_DT_ID_BASE,
                                      "the fast terminal has no reason to offload");
            }
            atEdgeOrCloud += (d.executedTier == DtTier::EDGE || d.executedTier == DtTier::CLOUD)
                                     && d.state != DtDemandState::FAILED
                                 ? 1
                                 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(atPeer, 0, "demands ran on a peer");
        NS_TEST_EXPECT_MSG_EQ(atEdgeOrCloud, 0, "no edge or cloud was reachable");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The data pipeline on real packets: the multi-layer local DTs send their
 * processed samples compressed within the error bounds, fewer bytes than the
 * centralized raw stream, and injected sensor anomalies are detected in both
 * architectures.
 */
class DtDataPipelineTestCase : public TestCase
{
  public:
    DtDataPipelineTestCase()
        : TestCase("Compressed status updates and anomaly detection")
    {
    }

  private:
    void DoRun() override
    {
        auto inject = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("AnomalyRate", DoubleValue(0.2));
            dt->SetAttribute("SimTime", TimeValue(Seconds(8)));
        };
        SmallRun ml = RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("ml"), inject);
        SmallRun c = RunSmall(DtArchitecture::CENTRALIZED, CreateTempDirFilename("c"), inject);

        NS_TEST_ASSERT_MSG_GT(ml.data.samples, 1000, "samples were taken");
        NS_TEST_EXPECT_MSG_EQ(c.data.sentBytes, c.data.rawBytes, "centralized sends raw samples");
        NS_TEST_EXPECT_MSG_LT(ml.data.sentBytes * 2, ml.data.rawBytes, "compression halves");
        const DtSourceStats& pos = ml.data.bySource[static_cast<int>(DtSource::POSITION) - 1];
        NS_TEST_EXPECT_MSG_LT(
            pos.sentBytes * 3, pos.rawBytes, "the smooth position compresses more than 3 times");
        NS_TEST_EXPECT_MSG_GT(pos.streamsSuppressed, 0, "unchanged positions are not sent");
        NS_TEST_EXPECT_MSG_EQ(
            c.data.bySource[static_cast<int>(DtSource::POSITION) - 1].streamsSuppressed,
            0,
            "centralized sends everything");
        // Every compressed value is within its channel's bound, and the
        // compression is lossy.
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ml.data.maxErrorOverBound, 1.0 + 1e-6, "within the bounds");
        NS_TEST_EXPECT_MSG_EQ(ml.data.undecodableBlocks, 0, "every block decoded at the edge");
        NS_TEST_EXPECT_MSG_GT(ml.data.maxErrorOverBound, 0.5, "the bounds are used");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ml.data.reconstructionRmse, 0.1, "position RMSE <= bound");
        NS_TEST_EXPECT_MSG_GT(ml.data.reconstructionRmse, 0.0, "lossy, so not exactly zero");
        NS_TEST_EXPECT_MSG_LT(ml.signaling[0],
                              c.signaling[0],
                              "multi-layer terminals send fewer bytes uplink than centralized");

        for (const SmallRun* r : {&ml, &c})
        {
            NS_TEST_ASSERT_MSG_GT(r->detection.injected, 4, "anomalies were injected");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r->detection.Recall(), 0.8, "most anomalies detected");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r->detection.Precision(), 0.8, "few false alarms");
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The cloud forecasts each edge's demand load with an AR model: exact on a
 * steady and on a noise-free AR(1) series, and live in a scenario.
 */
class DtLoadForecastTestCase : public TestCase
{
  public:
    DtLoadForecastTestCase()
        : TestCase("Cloud load forecasts per edge and versioned delay models")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<CloudDtDataModule> data = CreateObject<CloudDtDataModule>();
        std::map<uint32_t, double> f;
        double ar = 50;
        for (int w = 0; w < 30; ++w)
        {
            ar = 4 + 0.8 * ar; // converges to 20
            std::map<uint32_t, double> arrived{{100, 10.0}, {101, ar}};
            if (w == 29)
            {
                arrived.erase(100); // a quiet window counts as zero work
            }
            f = data->ForecastLoad(arrived);
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(f[101], 4 + 0.8 * ar, 1e-6, "AR(1) continued exactly");
        NS_TEST_EXPECT_MSG_LT(f[100], 10.0, "a drop to zero lowers the forecast");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(f[100], 0.0, "forecasts are not negative");

        uint32_t forecasts = 0;
        double positive = 0;
        auto watch = [&forecasts, &positive](Ptr<MultiLayerDtHelper>, ApplicationContainer apps)
        {
            DynamicCast<CloudDtApplication>(apps.Get(0))
                ->GetDataModule()
                ->TraceConnectWithoutContext("LoadForecast",
                                             Callback<void, uint32_t, double>(
                                                 [&forecasts, &positive](uint32_t, double g)
                                                 {
                                                     ++forecasts;
                                                     positive += g > 0 ? 1 : 0;
                                                 }));
        };
        auto longer = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("SimTime", TimeValue(Seconds(10)));
        };
        SmallRun r = RunSmall(
            DtArchitecture::MULTI_LAYER, CreateTempDirFilename("forecast"), longer, nullptr, watch);
        NS_TEST_EXPECT_MSG_GT(forecasts, 10, "a forecast per edge per second");
        // Delay models: trained every 2 s once enough demands were served,
        // pushed to the edges and relayed to the terminals, which keep up.
        NS_TEST_EXPECT_MSG_GT(r.data.modelUpdates, 1, "model versions were pushed");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.data.modelVersionLag, 0.0, "lag was sampled");
        NS_TEST_EXPECT_MSG_LT(r.data.modelVersionLag, 0.5, "receivers run the latest version");
        NS_TEST_EXPECT_MSG_GT(positive, 0, "edges sent work up");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The local DT's sources on a live network: each source is sampled at its
 * own period; the radio source reads the RSSI the channel model gives (log
 * distance from the AP) and the SNR over the same noise floor; the battery is
 * drained by the radio and processor models, the processor part exactly
 * IdlePower x t + BusyPowerPerCore x busy time.
 */
class DtDataSourcesTestCase : public TestCase
{
  public:
    DtDataSourcesTestCase()
        : TestCase("Internal, radio and behavioral sources at their own periods")
    {
    }

  private:
    void DoRun() override
    {
        struct Seen
        {
            double rssi;     //!< at the edge's mirror
            double snr;      //!< at the edge's mirror
            double expected; //!< from the propagation model
        };

        std::vector<Seen> seen;
        double computeJ = -1;
        double computeExpected = 0;
        auto inspect = [&](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            Simulator::Schedule(
                dt->GetStopTime() - MilliSeconds(5),
                [&, dt, apps]()
                {
                    std::map<uint32_t, Ptr<EdgeDtApplication>> edges;
                    for (uint32_t a = 0; a < apps.GetN(); ++a)
                    {
                        if (auto e = DynamicCast<EdgeDtApplication>(apps.Get(a)))
                        {
                            edges[e->GetDtId()] = e;
                        }
                    }
                    Ptr<LogDistancePropagationLossModel> loss =
                        CreateObject<LogDistancePropagationLossModel>();
                    const double now = Simulator::Now().GetSeconds();
                    computeExpected = 0;
                    for (uint32_t a = 0; a < apps.GetN(); ++a)
                    {
                        auto local = DynamicCast<LocalDtApplication>(apps.Get(a));
                        if (!local)
                        {
                            continue;
                        }
                        computeExpected +=
                            0.1 * now + 2.0 * local->GetCompute()->GetBusyCoreSeconds();
                        Ptr<EdgeDtApplication> edge = edges.at(local->GetEdgeDtId());
                        const DtDigitalAgent* agent =
                            edge->GetDataModule()->GetAgentPool()->GetAgent(local->GetDtId());
                        if (!agent)
                        {
                            continue;
                        }
                        const auto& radio = agent->mirror[static_cast<int>(DtSource::RADIO) - 1];
                        if (radio.size() != 2)
                        {
                            continue;
                        }
                        Ptr<WifiNetDevice> ap =
                            DynamicCast<WifiNetDevice>(edge->GetNode()->GetDevice(1));
                        const double tx = ap->GetPhy()->GetTxPowerStart();
                        seen.push_back(
                            {radio[0],
                             radio[1],
                             loss->CalcRxPower(tx,
                                               edge->GetNode()->GetObject<MobilityModel>(),
                                               local->GetNode()->GetObject<MobilityModel>())});
                    }
                    computeJ = dt->GetStats()->GetEnergy().computeJ;
                });
        };
        SmallRun r = RunSmall(DtArchitecture::MULTI_LAYER,
                              CreateTempDirFilename("sources"),
                              nullptr,
                              nullptr,
                              inspect);

        NS_TEST_ASSERT_MSG_EQ(seen.size(), 4, "every terminal's radio quality reached its twin");
        for (const auto& s : seen)
        {
            // Smoothed, compressed within 0.25 dB, of a static terminal.
            NS_TEST_EXPECT_MSG_EQ_TOL(s.rssi, s.expected, 0.5, "RSSI from the channel model");
        }
        for (const auto& s : seen)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(
                s.rssi - s.snr, seen[0].rssi - seen[0].snr, 0.6, "one noise floor under every SNR");
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(computeJ, computeExpected, 1e-6, "processor energy");

        const auto& src = r.data.bySource;
        const auto count = [&src](DtSource s)
        {
            return static_cast<double>(src[static_cast<int>(s) - 1].samples);
        };
        // Default periods 20, 50, 100, 250, 500 ms.
        NS_TEST_EXPECT_MSG_EQ_TOL(count(DtSource::POSITION) / count(DtSource::SENSOR),
                                  2.5,
                                  0.05,
                                  "position at 20 ms, sensor at 50 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            count(DtSource::SENSOR) / count(DtSource::INTERNAL), 2.0, 0.05, "internal at 100 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            count(DtSource::INTERNAL) / count(DtSource::RADIO), 2.5, 0.1, "radio at 250 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            count(DtSource::RADIO) / count(DtSource::BEHAVIOR), 2.0, 0.1, "behavior at 500 ms");
        NS_TEST_EXPECT_MSG_EQ(r.energy.terminals, 4, "every terminal has a battery");
        NS_TEST_EXPECT_MSG_GT(r.energy.radioJ, 0.0, "the radios drew energy");
        NS_TEST_EXPECT_MSG_EQ_TOL(r.energy.totalJ,
                                  r.energy.radioJ + r.energy.computeJ,
                                  1e-6 * r.energy.totalJ,
                                  "the battery lost what the radios and processors drew");
        NS_TEST_EXPECT_MSG_LT(r.energy.minBatteryFraction, 1.0, "the batteries drained");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The app-usage state shapes the demands: a chain held in one state with
 * rate factor 2 and only the third class doubles the demands and makes them
 * all of that class.
 */
class DtAppUsageShapingTestCase : public TestCase
{
  public:
    DtAppUsageShapingTestCase()
        : TestCase("The app-usage state shapes demand rate and mix")
    {
    }

  private:
    void DoRun() override
    {
        auto plain = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("AppUsage", BooleanValue(false));
            dt->SetAttribute("SimTime", TimeValue(Seconds(6)));
        };
        auto heavy = [](Ptr<MultiLayerDtHelper>, ApplicationContainer apps)
        {
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto local = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    Ptr<DtAppUsageModel> m = CreateObject<DtAppUsageModel>();
                    m->AddState("analysis-only", Seconds(1), 2.0, {0, 0, 1});
                    local->GetServiceModule()->SetAttribute("AppUsage", PointerValue(m));
                }
            }
        };
        SmallRun base = RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("b"), plain);
        SmallRun shaped = RunSmall(
            DtArchitecture::MULTI_LAYER, CreateTempDirFilename("s"), plain, nullptr, heavy);
        std::set<uint32_t> baseClasses;
        for (const auto& d : base.finished)
        {
            baseClasses.insert(d.demandClass);
        }
        NS_TEST_EXPECT_MSG_GT(baseClasses.size(), 1, "without the chain, several classes");
        for (const auto& d : shaped.finished)
        {
            NS_TEST_EXPECT_MSG_EQ(+d.demandClass, 2, "only the class the state allows");
        }
        NS_TEST_EXPECT_MSG_GT(shaped.created,
                              1.5 * base.created,
                              "twice the rate (Poisson: " << base.created << " vs "
                                                          << shaped.created << ")");
        NS_TEST_EXPECT_MSG_LT(shaped.created, 2.6 * base.created, "about twice, not more");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Gauss-Markov terminals move within their square around their access point,
 * and the twin at the edge tracks them: the velocity the local DT's Kalman
 * filter estimates and sends is much closer to the true velocity than
 * assuming the terminal still.
 */
class DtTerminalMobilityTestCase : public TestCase
{
  public:
    DtTerminalMobilityTestCase()
        : TestCase("Gauss-Markov terminals are tracked by their twins")
    {
    }

  private:
    void DoRun() override
    {
        const double radius = 20;
        std::map<uint32_t, Vector> start;
        double speedSum = 0;
        double errorSum = 0;
        uint32_t tracked = 0;
        uint32_t inside = 0;
        double moved = 1e9;
        auto configure = [radius](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("TerminalMobility", EnumValue(MultiLayerDtHelper::GAUSS_MARKOV));
            dt->SetAttribute("MeanSpeed", DoubleValue(3.0));
            dt->SetAttribute("TerminalRadius", DoubleValue(radius));
        };
        auto inspect = [&](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto local = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    start[local->GetDtId()] =
                        local->GetNode()->GetObject<MobilityModel>()->GetPosition();
                }
            }
            Simulator::Schedule(
                dt->GetStopTime() - MilliSeconds(5),
                [&, apps]()
                {
                    std::map<uint32_t, Ptr<EdgeDtApplication>> edges;
                    for (uint32_t a = 0; a < apps.GetN(); ++a)
                    {
                        if (auto e = DynamicCast<EdgeDtApplication>(apps.Get(a)))
                        {
                            edges[e->GetDtId()] = e;
                        }
                    }
                    for (uint32_t a = 0; a < apps.GetN(); ++a)
                    {
                        auto local = DynamicCast<LocalDtApplication>(apps.Get(a));
                        if (!local)
                        {
                            continue;
                        }
                        Ptr<MobilityModel> mm = local->GetNode()->GetObject<MobilityModel>();
                        Ptr<EdgeDtApplication> edge = edges.at(local->GetEdgeDtId());
                        const Vector ap =
                            edge->GetNode()->GetObject<MobilityModel>()->GetPosition();
                        const Vector p = mm->GetPosition();
                        inside += std::fabs(p.x - ap.x) <= radius + 1e-6
                                          && std::fabs(p.y - ap.y) <= radius + 1e-6
                                      ? 1
                                      : 0;
                        moved = std::min(moved, CalculateDistance(p, start[local->GetDtId()]));
                        const DtDigitalAgent* agent =
                            edge->GetDataModule()->GetAgentPool()->GetAgent(local->GetDtId());
                        if (!agent)
                        {
                            continue;
                        }
                        const Vector v = mm->GetVelocity();
                        const Vector est = agent->state.GetVelocity();
                        speedSum += std::hypot(v.x, v.y);
                        errorSum += std::hypot(est.x - v.x, est.y - v.y);
                        ++tracked;
                    }
                });
        };
        SmallRun r = RunSmall(
            DtArchitecture::MULTI_LAYER, CreateTempDirFilename("gm"), configure, nullptr, inspect);
        NS_TEST_EXPECT_MSG_EQ(inside, 4, "every terminal stays in its square");
        NS_TEST_EXPECT_MSG_GT(moved, 1.0, "every terminal moved");
        NS_TEST_ASSERT_MSG_EQ(tracked, 4, "every terminal has a twin");
        NS_TEST_EXPECT_MSG_LT(errorSum,
                              0.5 * speedSum,
                              "velocity error " << errorSum / tracked << " m/s against speed "
                                                << speedSum / tracked << " m/s");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * LTE access with handover: a terminal driven from one cell to the next is
 * handed over by the eNBs (A3-RSRP over X2); its local DT detects it from
 * the UE's own RRC trace. Reactive: it leaves the old edge DT and joins the
 * new one, which pulls the agent's state (a real transfer between the edge
 * servers) exactly once. Proactive: the old edge pre-copies the agent to
 * the new one before the handover, from the twin's predicted position, and
 * sends the delta after it; one migration. None: the agent stays at the old
 * edge and nothing migrates. No demand is lost in any case.
 */
class DtLteHandoverTestCase : public TestCase
{
  public:
    /**
     * \param policy the migration policy
     */
    /**
     * \param policy the migration policy
     * \param modelBytes the twin's model size (TwinStateBytes)
     */
    DtLteHandoverTestCase(DtMigrationMode policy, uint32_t modelBytes)
        : TestCase(std::string("LTE handover detected by the local DT, migration policy ")
                   + DtMigrationModeName(policy) + ", model of " + std::to_string(modelBytes)
                   + " bytes")
        , m_policy(policy)
        , m_modelBytes(modelBytes)
    {
    }

  private:
    void DoRun() override
    {
        std::vector<std::pair<uint32_t, uint32_t>> edgeChanges;
        Time detectedAt;
        bool oldEdgeHasAgent = true;
        bool newEdgeHasAgent = false;
        uint32_t servingCell = 0;
        uint64_t restoredUpdates = 0;
        uint64_t updatesAtSource = 0;
        uint64_t rxStateBytes = 0;
        uint32_t completedBytes = 0;
        Time downtime(-1);
        Time startedAt(-1);
        const DtMigrationMode policy = m_policy;
        const uint32_t modelBytes = m_modelBytes;
        auto configure = [policy, modelBytes](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("TwinStateBytes", UintegerValue(modelBytes));
            dt->SetAttribute("MigrationPolicy", EnumValue(policy));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("EdgeSpacing", DoubleValue(200));
            dt->SetAttribute("SimTime", TimeValue(Seconds(9)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(3)));
            dt->SetAttribute("DemandRate", DoubleValue(1.0));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        auto drive = [&](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            Ptr<Node> ue = dt->GetTerminals().Get(0);
            Ptr<ConstantVelocityMobilityModel> mm = ue->GetObject<ConstantVelocityMobilityModel>();
            mm->SetPosition(Vector(10, 20, 0));
            mm->SetVelocity(Vector(20, 0, 0)); // past the midpoint (100 m) at 4.5 s
            // Plain pointers: the callbacks below are held by these same
            // applications, and a Ptr in them would keep the applications alive.
            LocalDtApplication* local = nullptr;
            std::map<uint32_t, EdgeDtApplication*> edges;
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto l = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    local = PeekPointer(l);
                }
                if (auto e = DynamicCast<EdgeDtApplication>(apps.Get(a)))
                {
                    edges[e->GetDtId()] = PeekPointer(e);
                }
            }
            const uint32_t e0 = MultiLayerDtHelper::EDGE_DT_ID_BASE;
            local->TraceConnectWithoutContext(
                "HandoverDetected",
                MakeBoundCallback(
                    &DtLteHandoverTestCase::RecordHandover, &edgeChanges, &detectedAt));
            // The updates the old edge applied before it let the agent go (or
            // pre-copied it).
            for (uint32_t e : {e0, e0 + 1})
            {
                edges.at(e)->TraceConnectWithoutContext(
                    "MigrationStarted",
                    Callback<void, uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>(
                        [&, edges, e0](
                            uint64_t, uint32_t terminal, uint32_t, uint32_t, DtMigrationTrigger)
                        {
                            startedAt = Simulator::Now();
                            if (const DtDigitalAgent* a =
                                    edges.at(e0)->GetDataModule()->GetAgentPool()->GetAgent(
                                        terminal))
                            {
                                updatesAtSource = a->updates;
                            }
                        }));
            }
            // The state bytes as the new edge's transport received them.
            edges.at(e0 + 1)->GetCommModule()->TraceConnectWithoutContext(
                "Rx",
                Callback<void, const DtHeader&, uint32_t, uint32_t>(
                    [&](const DtHeader& h, uint32_t, uint32_t)
                    {
                        if (h.GetMessageType() == DtMessageType::MIGRATION_STATE)
                        {
                            // migrationId, terminal, phase, index, count, total,
                            // the data's length, the data, modelBytes, the model
                            rxStateBytes += h.GetPayloadLength() - (8 + 4 + 1 + 4 + 4 + 4 + 4 + 4);
                        }
                    }));
            edges.at(e0 + 1)->TraceConnectWithoutContext(
                "MigrationCompleted",
                Callback<void, uint64_t, uint32_t, uint32_t, Time>(
                    [&, edges, e0](uint64_t, uint32_t terminal, uint32_t bytes, Time took)
                    {
                        completedBytes = bytes;
                        downtime = took;
                        restoredUpdates = edges.at(e0 + 1)
                                              ->GetDataModule()
                                              ->GetAgentPool()
                                              ->GetAgent(terminal)
                                              ->updates;
                    }));
            Simulator::Schedule(
                dt->GetStopTime() - MilliSeconds(5),
                [&, local, edges, e0]()
                {
                    oldEdgeHasAgent =
                        edges.at(e0)->GetDataModule()->GetAgentPool()->GetAgent(local->GetDtId());
                    newEdgeHasAgent = edges.at(e0 + 1)->GetDataModule()->GetAgentPool()->GetAgent(
                        local->GetDtId());
                    servingCell = local->GetServingCell();
                });
        };
        SmallRun r = RunSmall(
            DtArchitecture::MULTI_LAYER, CreateTempDirFilename("lte"), configure, nullptr, drive);
        const std::string csv = Slurp(CreateTempDirFilename("lte") + "/migrations.csv");
        NS_TEST_ASSERT_MSG_EQ(edgeChanges.size(), 1, "one handover detected");
        // The DTs start at 1 s; the midpoint is crossed at 4.5 s, plus
        // hysteresis and time to trigger.
        NS_TEST_EXPECT_MSG_GT(detectedAt, Seconds(4.5), "after the midpoint");
        NS_TEST_EXPECT_MSG_LT(detectedAt, Seconds(7), "soon after it");
        NS_TEST_EXPECT_MSG_EQ(servingCell, 2, "the second eNB's cell");
        const uint32_t e0 = MultiLayerDtHelper::EDGE_DT_ID_BASE;
        NS_TEST_EXPECT_MSG_EQ(edgeChanges[0].first, e0, "from the first edge");
        const auto rows = std::count(csv.begin(), csv.end(), '\n') - 1;
        if (m_policy == DT_MIGRATION_PROACTIVE)
        {
            // Pre-copied from the predicted position, before the radio moved.
            NS_TEST_EXPECT_MSG_GT(startedAt, Seconds(1), "once the twin knew the velocity");
            NS_TEST_EXPECT_MSG_LT(startedAt, detectedAt, "before the handover");
            NS_TEST_EXPECT_MSG_NE(csv.find(",proactive,"), std::string::npos, "proactive: " << csv);
        }
        if (m_policy != DT_MIGRATION_NONE)
        {
            NS_TEST_EXPECT_MSG_EQ(edgeChanges[0].second, e0 + 1, "to the second edge");
            NS_TEST_EXPECT_MSG_EQ(oldEdgeHasAgent, false, "the old edge let the agent go");
            NS_TEST_EXPECT_MSG_EQ(newEdgeHasAgent, true, "the new edge runs it");
            NS_TEST_EXPECT_MSG_EQ(rows, 1, "one migration in migrations.csv: " << csv);
            NS_TEST_EXPECT_MSG_NE(csv.find(",completed"), std::string::npos, "it completed");
            NS_TEST_EXPECT_MSG_GT(updatesAtSource, 10, "the old edge knew the terminal");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(
                restoredUpdates, updatesAtSource, "the migrated agent carries its history on");
            NS_TEST_EXPECT_MSG_GT(completedBytes, 1000, "the agent's state");
            NS_TEST_EXPECT_MSG_EQ(
                rxStateBytes, completedBytes, "the state bytes the new edge received, exactly");
            NS_TEST_EXPECT_MSG_GT(completedBytes, modelBytes, "the record and the model");
            NS_TEST_EXPECT_MSG_LT(completedBytes, modelBytes + 100000, "the record and the model");
            // The model at the 1 Gb/s backhaul's rate: 16 ms per 2 MB.
            const Time modelAtLineRate = NanoSeconds(8 * static_cast<int64_t>(modelBytes));
            if (m_policy == DT_MIGRATION_REACTIVE)
            {
                NS_TEST_EXPECT_MSG_GT(
                    downtime, modelAtLineRate, "the model's transfer is downtime");
            }
            else
            {
                // The pre-copy carried the model before the handover; the
                // delta after it carries none.
                NS_TEST_EXPECT_MSG_LT(downtime, MilliSeconds(5), "proactive: no model in downtime");
            }
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(edgeChanges[0].second, e0, "the agent stays");
            NS_TEST_EXPECT_MSG_EQ(oldEdgeHasAgent, true, "at the old edge");
            NS_TEST_EXPECT_MSG_EQ(newEdgeHasAgent, false, "not at the new one");
            NS_TEST_EXPECT_MSG_EQ(rows, 0, "no migration: " << csv);
        }
        NS_TEST_EXPECT_MSG_GT(r.created, 3, "demands were created");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
        NS_TEST_EXPECT_MSG_GT(r.inDeadline + r.late, r.created / 2, "most demands completed");
        // The UE radio is connected for the whole run (about 13 s): at least
        // idle power, at most transmit power all along.
        NS_TEST_EXPECT_MSG_EQ(r.energy.terminals, 1, "the terminal has a battery");
        NS_TEST_EXPECT_MSG_GT(r.energy.radioJ, 1.0 * 12.9, "LTE radio energy, idle floor");
        NS_TEST_EXPECT_MSG_LT(r.energy.radioJ, 1.5 * 13.1, "mostly idle, some TTIs active");
    }

    /**
     * HandoverDetected sink.
     * \param changes (from, to) edge DT pairs, appended
     * \param at when the last one was detected
     * \param fromCell cell left
     * \param toCell cell entered
     * \param fromEdge edge DT before
     * \param toEdge edge DT after
     */
    static void RecordHandover(std::vector<std::pair<uint32_t, uint32_t>>* changes,
                               Time* at,
                               uint32_t fromCell,
                               uint32_t toCell,
                               uint32_t fromEdge,
                               uint32_t toEdge)
    {
        changes->emplace_back(fromEdge, toEdge);
        *at = Simulator::Now();
    }

    DtMigrationMode m_policy; //!< policy under test
    uint32_t m_modelBytes;    //!< the twin's model size
};

/**
 * \ingroup multilayer-dt-tests
 * MEC on a metro ring (Backhaul=Ring), no migration: a terminal driven from
 * the first edge's cell to the second's keeps its twin at the first edge.
 * Its synchronizations then go to the second edge, which relays them across
 * the ring (one hop of MetroHopKm, 10 ms) and relays the answers back: the
 * second edge relayed them, none was lost, and the synchronizations after
 * the handover take the hop's delay longer than before it, their round
 * trip twice that (give or take the radio's scheduling). On the star
 * backhaul nothing is relayed and the times do not grow by a hop.
 */
class DtMetroRelayTestCase : public TestCase
{
  public:
    /**
     * \param ring Backhaul=Ring (else Star)
     * \param cloudTwins TwinPlacement=Cloud: nothing to relay, reached straight
     */
    DtMetroRelayTestCase(bool ring, bool cloudTwins)
        : TestCase(std::string("Twin left behind, reached ")
                   + (cloudTwins ? "in the cloud, straight, with a metro ring"
                      : ring     ? "across the metro ring through the cell's edge"
                                 : "over the star"))
        , m_ring(ring)
        , m_cloudTwins(cloudTwins)
    {
    }

  private:
    void DoRun() override
    {
        const bool ring = m_ring;
        const bool cloudTwins = m_cloudTwins;
        const Time hop = MicroSeconds(5) * 2000; // 2000 km of fibre: 10 ms
        Time handoverAt(-1);
        uint64_t relayed = 0;
        auto configure = [ring, cloudTwins](Ptr<MultiLayerDtHelper> dt)
        {
            if (cloudTwins)
            {
                dt->SetAttribute("TwinPlacement", EnumValue(DT_TWIN_CLOUD));
            }
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("MigrationPolicy", EnumValue(DT_MIGRATION_NONE));
            dt->SetAttribute("Backhaul",
                             EnumValue(ring ? MultiLayerDtHelper::BACKHAUL_RING
                                            : MultiLayerDtHelper::BACKHAUL_STAR));
            dt->SetAttribute("MetroHopKm", DoubleValue(2000));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("EdgeSpacing", DoubleValue(200));
            dt->SetAttribute("SimTime", TimeValue(Seconds(9)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(2)));
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetAttribute("StatusUpdates", BooleanValue(false));
            dt->SetAttribute("SyncProbability", DoubleValue(1));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        std::vector<EdgeDtApplication*> edges;
        auto drive = [&](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            Ptr<ConstantVelocityMobilityModel> mm =
                dt->GetTerminals().Get(0)->GetObject<ConstantVelocityMobilityModel>();
            mm->SetPosition(Vector(10, 20, 0));
            mm->SetVelocity(Vector(20, 0, 0)); // past the midpoint at 4.5 s
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto l = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    l->TraceConnectWithoutContext(
                        "HandoverDetected",
                        Callback<void, uint32_t, uint32_t, uint32_t, uint32_t>(
                            [&handoverAt](uint32_t, uint32_t, uint32_t, uint32_t)
                            {
                                handoverAt = Simulator::Now();
                            }));
                }
                if (auto e = DynamicCast<EdgeDtApplication>(apps.Get(a)))
                {
                    edges.push_back(PeekPointer(e));
                }
            }
            Simulator::Schedule(dt->GetStopTime() - MilliSeconds(1),
                                [&]()
                                {
                                    for (auto* e : edges)
                                    {
                                        relayed += e->GetRelayed();
                                    }
                                });
        };
        SmallRun r = RunSmall(DtArchitecture::MULTI_LAYER,
                              CreateTempDirFilename(ring ? "ring" : "star"),
                              configure,
                              nullptr,
                              drive);
        NS_TEST_ASSERT_MSG_GT(handoverAt, Seconds(4.5), "handed over after the midpoint");
        // Mean times of the synchronizations that ended well before and
        // after the handover (the cell's edge relays only after it).
        Time before;
        Time after;
        Time rttBefore;
        Time rttAfter;
        uint32_t nBefore = 0;
        uint32_t nAfter = 0;
        for (const auto& s : r.syncs)
        {
            NS_TEST_EXPECT_MSG_NE(static_cast<uint32_t>(s.outcome),
                                  static_cast<uint32_t>(LocalDtApplication::SYNC_LOST),
                                  "no synchronization lost");
            if (s.latency.IsNegative() || s.roundTrip.IsNegative())
            {
                continue;
            }
            if (s.end < handoverAt - Seconds(0.5) && s.end > Seconds(1.5))
            {
                before += s.latency;
                rttBefore += s.roundTrip;
                ++nBefore;
            }
            else if (s.end > handoverAt + Seconds(0.5))
            {
                after += s.latency;
                rttAfter += s.roundTrip;
                ++nAfter;
            }
        }
        NS_TEST_ASSERT_MSG_GT(nBefore, 10, "synchronizations before the handover");
        NS_TEST_ASSERT_MSG_GT(nAfter, 10, "synchronizations after it");
        if (nBefore == 0 || nAfter == 0)
        {
            return;
        }
        if (cloudTwins)
        {
            NS_TEST_EXPECT_MSG_EQ(relayed, 0, "a twin in the cloud is not relayed to");
            return;
        }
        before = before / nBefore;
        after = after / nAfter;
        rttBefore = rttBefore / nBefore;
        rttAfter = rttAfter / nAfter;
        if (ring)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(relayed, 2 * nAfter, "requests and answers relayed");
            // A hop each way, give or take the radio's scheduling (about 2 ms).
            NS_TEST_EXPECT_MSG_GT(after, before + hop - MilliSeconds(2), "one hop more, one way");
            NS_TEST_EXPECT_MSG_GT(
                rttAfter, rttBefore + 2 * hop - MilliSeconds(4), "one hop more, each way");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(relayed, 0, "nothing relayed");
            NS_TEST_EXPECT_MSG_LT(after, before + hop / 2, "no hop added");
        }
    }

    bool m_ring;       //!< Backhaul=Ring
    bool m_cloudTwins; //!< TwinPlacement=Cloud
};

/**
 * \ingroup multilayer-dt-tests
 * Wi-Fi roaming in one ESS (WifiRoaming): a station driven from one AP to the
 * next re-associates when the next AP's beacons are stronger, once; its
 * local DT sees it through the MAC's association trace and the agent
 * migrates once; the routes follow the station, so its demands and status
 * updates reach the new edge. A station standing between the APs is moved
 * by a scripted handover instead (ScheduleHandover), soon after its time.
 */
class DtWifiRoamingTestCase : public TestCase
{
  public:
    DtWifiRoamingTestCase()
        : TestCase("Wi-Fi roaming: SNR-triggered and scripted re-association, agent migration")
    {
    }

  private:
    /// What one run saw.
    struct Seen
    {
        std::vector<std::pair<uint32_t, uint32_t>> cells; //!< (from, to) cell changes
        Time at;                                          //!< last change
        uint64_t updatesAfter{0};                         //!< status updates the new edge applied
        SmallRun run;                                     //!< the run
        std::string migrations;                           //!< migrations.csv
    };

    /**
     * \param moving drive the station across (else stand still and script)
     * \return what the run saw
     */
    Seen Run(bool moving)
    {
        Seen seen;
        auto configure = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("WifiRoaming", BooleanValue(true));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("EdgeSpacing", DoubleValue(60));
            dt->SetAttribute("SimTime", TimeValue(Seconds(6)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(2)));
            dt->SetAttribute("DemandRate", DoubleValue(2.0));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        const std::string dir = CreateTempDirFilename(moving ? "roam-snr" : "roam-scripted");
        auto drive = [&seen, moving](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
        {
            Ptr<Node> sta = dt->GetTerminals().Get(0);
            Ptr<ConstantVelocityMobilityModel> mm = sta->GetObject<ConstantVelocityMobilityModel>();
            mm->SetPosition(Vector(moving ? 5 : 30, 3, 0));
            mm->SetVelocity(Vector(moving ? 10 : 0, 0, 0)); // the midpoint at 2.5 s
            if (!moving)
            {
                dt->ScheduleHandover(Seconds(3), sta, MultiLayerDtHelper::NEXT_EDGE);
            }
            Ptr<EdgeDtApplication> second;
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                if (auto l = DynamicCast<LocalDtApplication>(apps.Get(a)))
                {
                    l->TraceConnectWithoutContext(
                        "HandoverDetected",
                        Callback<void, uint32_t, uint32_t, uint32_t, uint32_t>(
                            [&seen](uint32_t from, uint32_t to, uint32_t, uint32_t)
                            {
                                seen.cells.emplace_back(from, to);
                                seen.at = Simulator::Now();
                            }));
                }
                auto e = DynamicCast<EdgeDtApplication>(apps.Get(a));
                if (e && e->GetDtId() == MultiLayerDtHelper::EDGE_DT_ID_BASE + 1)
                {
                    second = e;
                }
            }
            Simulator::Schedule(dt->GetDtStopTime() - MilliSeconds(1),
                                [&seen, second]()
                                {
                                    if (const DtDigitalAgent* a =
                                            second->GetDataModule()->GetAgentPool()->GetAgent(
                                                MultiLayerDtHelper::LOCAL_DT_ID_BASE))
                                    {
                                        seen.updatesAfter = a->updates;
                                    }
                                });
        };
        seen.run = RunSmall(DtArchitecture::MULTI_LAYER, dir, configure, nullptr, drive);
        seen.migrations = Slurp(dir + "/migrations.csv");
        return seen;
    }

    void DoRun() override
    {
        for (bool moving : {true, false})
        {
            Seen s = Run(moving);
            const std::string what = moving ? "SNR-triggered: " : "scripted: ";
            // The first association (cell 0 -> 0 is not a change) is not a handover.
            NS_TEST_EXPECT_MSG_EQ(s.cells.size(), 1, what << "one re-association seen");
            if (s.cells.empty())
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(s.cells[0].first, 0, what << "from the first AP");
            NS_TEST_EXPECT_MSG_EQ(s.cells[0].second, 1, what << "to the second");
            if (moving)
            {
                // 3 dB stronger about 34 m along (path loss exponent 3), then
                // 512 ms to trigger and a scan.
                NS_TEST_EXPECT_MSG_GT(s.at, Seconds(2.5), what << "past the midpoint");
                NS_TEST_EXPECT_MSG_LT(s.at, Seconds(5), what << "soon after it");
            }
            else
            {
                NS_TEST_EXPECT_MSG_GT(s.at, Seconds(3), what << "after the scripted time");
                NS_TEST_EXPECT_MSG_LT(s.at, Seconds(3.5), what << "within a scan");
            }
            const auto rows = std::count(s.migrations.begin(), s.migrations.end(), '\n') - 1;
            NS_TEST_EXPECT_MSG_EQ(rows, 1, what << "one migration: " << s.migrations);
            NS_TEST_EXPECT_MSG_NE(
                s.migrations.find(",completed"), std::string::npos, what << "completed");
            NS_TEST_EXPECT_MSG_GT(s.updatesAfter, 10, what << "updates reach the new edge");
            const SmallRun& r = s.run;
            NS_TEST_EXPECT_MSG_GT(r.created, 5, what << "demands were created");
            NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
            NS_TEST_EXPECT_MSG_GT(
                r.inDeadline + r.late, r.created * 3 / 4, what << "most demands completed");
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Agent-to-agent interaction: three terminals' agents message each other
 * every 100 ms. Terminals 0 and 2 start in the first cell, terminal 1 in the
 * second: agents 0 and 2 share a pool and talk without the network (and find
 * each other close), agent 1 is reached across the backhaul. Terminal 2
 * drives into the second cell: the first edge forwards agent 0's first
 * messages to where agent 2 went (its forwarding pointer), then learns from
 * agent 2's own messages where it is; agents 1 and 2 now share a pool. None
 * is lost.
 */
class DtAgentInteractionTestCase : public TestCase
{
  public:
    DtAgentInteractionTestCase()
        : TestCase("Agent-to-agent messages in the pool and across edges, after a migration")
    {
    }

  private:
    void DoRun() override
    {
        auto configure = [](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("Terminals", UintegerValue(3)); // 0 and 2 at edge 0, 1 at edge 1
            dt->SetAttribute("EdgeSpacing", DoubleValue(200));
            dt->SetAttribute("SimTime", TimeValue(Seconds(8)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(1)));
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetAttribute("AgentInteractionInterval", TimeValue(MilliSeconds(100)));
            dt->SetAttribute("InteractionGroupSize", UintegerValue(3));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        auto drive = [](Ptr<MultiLayerDtHelper> dt, ApplicationContainer)
        {
            auto mm = [&dt](uint32_t i)
            {
                return dt->GetTerminals().Get(i)->GetObject<ConstantVelocityMobilityModel>();
            };
            mm(0)->SetPosition(Vector(15, 25, 0));
            mm(1)->SetPosition(Vector(185, 25, 0));
            mm(2)->SetPosition(Vector(10, 20, 0));
            mm(2)->SetVelocity(Vector(20, 0, 0)); // past the midpoint at 4.5 s
        };
        SmallRun r = RunSmall(DtArchitecture::MULTI_LAYER,
                              CreateTempDirFilename("agents"),
                              configure,
                              nullptr,
                              drive);
        const uint64_t inPool = r.agentMessages[DtAgentInteraction::AGENT_MESSAGE_IN_POOL];
        const uint64_t across = r.agentMessages[DtAgentInteraction::AGENT_MESSAGE_DELIVERED];
        const uint64_t lost = r.agentMessages[DtAgentInteraction::AGENT_MESSAGE_UNREACHABLE];
        NS_TEST_EXPECT_MSG_GT(r.agentSent, 300, "three agents, two peers, 10 rounds a second");
        NS_TEST_EXPECT_MSG_GT(inPool, 100, "pairs in one pool, before and after");
        NS_TEST_EXPECT_MSG_GT(across, 100, "pairs across edges, before and after");
        // The edges' rounds share one clock: the old edge's first round after
        // the handover comes before it hears from the moved agent.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.agentForwarded, 1, "the old edge forwarded some");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r.agentForwarded, 2, "then the location was learned");
        NS_TEST_EXPECT_MSG_EQ(lost, 0, "no agent unreachable");
        // At most the last round is still in flight when the DTs stop.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(inPool + across + lost + 2, r.agentSent, "every message ended");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(inPool + across + lost, r.agentSent, "once");
        NS_TEST_EXPECT_MSG_GT(r.proximityAlerts, 0, "0 and 2 close at first");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Twin placement over Wi-Fi, no demands: edge twins keep the twin traffic
 * off the backhaul; cloud twins carry every status update and
 * synchronization over it and answer later (1000 km to the cloud); the
 * edge-cloud copies add only the synchronizations. Each placement tracks the
 * age of information where its twins are, and every request ends once.
 */
class DtTwinPlacementTestCase : public TestCase
{
  public:
    DtTwinPlacementTestCase()
        : TestCase("Twin placement: edge, cloud, edge-cloud")
    {
    }

  private:
    /**
     * \param placement where the twins live
     * \return the run
     */
    SmallRun Run(DtTwinPlacement placement)
    {
        auto configure = [placement](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Terminals", UintegerValue(4));
            dt->SetAttribute("TwinPlacement", EnumValue(placement));
            dt->SetAttribute("EdgeCloudDistanceKm", DoubleValue(1000));
            dt->SetAttribute("SimTime", TimeValue(Seconds(4)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(1)));
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetAttribute("SyncProbability", DoubleValue(0.5));
            dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(20)));
            dt->SetAttribute("SyncDeadline", TimeValue(MilliSeconds(100)));
        };
        return RunSmall(
            DtArchitecture::MULTI_LAYER,
            CreateTempDirFilename(std::string("twins-") + DtTwinPlacementName(placement)),
            configure);
    }

    void DoRun() override
    {
        auto meanLatency = [](const SmallRun& r, bool roundTrip = false)
        {
            double sum = 0;
            uint32_t n = 0;
            for (const auto& s : r.syncs)
            {
                if (s.outcome == LocalDtApplication::SYNC_OK)
                {
                    sum += (roundTrip ? s.roundTrip : s.latency).GetSeconds();
                    ++n;
                }
            }
            return n ? sum / n : -1.0;
        };
        SmallRun edge = Run(DT_TWIN_EDGE);
        SmallRun cloud = Run(DT_TWIN_CLOUD);
        SmallRun both = Run(DT_TWIN_EDGE_CLOUD);
        for (const SmallRun* r : {&edge, &cloud, &both})
        {
            NS_TEST_EXPECT_MSG_GT(r->syncRequests, 200, "requests issued");
            NS_TEST_EXPECT_MSG_EQ(r->syncs.size(), r->syncRequests, "every request ended once");
            NS_TEST_EXPECT_MSG_GT(meanLatency(*r), 0.0, "some succeeded");
            NS_TEST_EXPECT_MSG_GT(r->meanAoi, 0.0, "age of information tracked");
        }
        NS_TEST_EXPECT_MSG_LT(edge.backhaulBytes, both.backhaulBytes, "copies cross the backhaul");
        NS_TEST_EXPECT_MSG_LT(both.backhaulBytes, cloud.backhaulBytes, "all twin traffic does");
        // 1000 km of fibre: 5 ms more to update the twin, 10 ms more per round trip.
        NS_TEST_EXPECT_MSG_GT(
            meanLatency(cloud), meanLatency(edge) + 0.0045, "cloud twins are updated later");
        NS_TEST_EXPECT_MSG_GT(
            meanLatency(cloud, true), meanLatency(edge, true) + 0.009, "cloud twins answer later");
        NS_TEST_EXPECT_MSG_EQ(edge.cloudAoi, -1.0, "no twin in the cloud");
        NS_TEST_EXPECT_MSG_GT(cloud.cloudAoi, 0.0, "the cloud's twins");
        NS_TEST_EXPECT_MSG_EQ_TOL(cloud.meanAoi, cloud.cloudAoi, 1e-12, "they are the twins");
        // The copies are refreshed by synchronizations only, the edge twins
        // by status updates too.
        NS_TEST_EXPECT_MSG_GT(both.cloudAoi, both.meanAoi, "the copies are older");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Synchronization over LTE: every request ends exactly once; requests that
 * reach the new edge while the agent migrates (made long by 1000 km of
 * backhaul) fail with "migrating"; with a 1 ms latency requirement every
 * request fails "late"; the twins' age of information is tracked.
 */
class DtSyncTestCase : public TestCase
{
  public:
    DtSyncTestCase()
        : TestCase("Synchronization: migrating and late failures, conservation, age of "
                   "information")
    {
    }

  private:
    /**
     * \param deadline the latency requirement
     * \return the run
     */
    SmallRun Run(Time deadline, DtMigrationMode policy = DT_MIGRATION_REACTIVE)
    {
        auto configure = [deadline, policy](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("MigrationPolicy", EnumValue(policy));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("EdgeSpacing", DoubleValue(200));
            dt->SetAttribute("EdgePgwDistanceKm", DoubleValue(1000));
            dt->SetAttribute("SimTime", TimeValue(Seconds(9)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(1)));
            // No demands: a synchronization waits for the job running on the
            // edge's one core (DtSyncTimeTestCase tests the host's work).
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetAttribute("SyncProbability", DoubleValue(1.0));
            dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(5)));
            dt->SetAttribute("SyncDeadline", TimeValue(deadline));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        auto drive = [](Ptr<MultiLayerDtHelper> dt, ApplicationContainer)
        {
            Ptr<ConstantVelocityMobilityModel> mm =
                dt->GetTerminals().Get(0)->GetObject<ConstantVelocityMobilityModel>();
            mm->SetPosition(Vector(10, 20, 0));
            mm->SetVelocity(Vector(20, 0, 0));
        };
        return RunSmall(
            DtArchitecture::MULTI_LAYER, CreateTempDirFilename("sync"), configure, nullptr, drive);
    }

    void DoRun() override
    {
        auto count = CountSyncs;
        SmallRun r = Run(MilliSeconds(300));
        NS_TEST_ASSERT_MSG_GT(r.syncRequests, 1000, "a request every 5 ms");
        NS_TEST_EXPECT_MSG_EQ(r.syncs.size(), r.syncRequests, "every request ended once");
        std::set<uint64_t> ids;
        for (const auto& s : r.syncs)
        {
            ids.insert(s.id);
        }
        NS_TEST_EXPECT_MSG_EQ(ids.size(), r.syncs.size(), "no request ended twice");
        NS_TEST_EXPECT_MSG_GT(
            count(r, LocalDtApplication::SYNC_OK), r.syncRequests * 9 / 10, "most succeed");
        NS_TEST_EXPECT_MSG_GT(count(r, LocalDtApplication::SYNC_MIGRATING),
                              0,
                              "requests during the migration fail with migrating");
        NS_TEST_EXPECT_MSG_EQ(count(r, LocalDtApplication::SYNC_UNKNOWN_AGENT), 0, "no lost twin");
        NS_TEST_EXPECT_MSG_GT(r.meanAoi, 0.0, "age of information tracked");
        NS_TEST_EXPECT_MSG_LT(r.meanAoi, 0.1, "fresh twins with a state every 5 ms");

        // Handover windows: from the handover to the twin applying a state
        // generated after it. Every "migrating" failure falls inside one.
        auto windows = [](const SmallRun& run, uint64_t& failed)
        {
            double sum = 0;
            uint32_t n = 0;
            failed = 0;
            for (const auto& w : run.handovers)
            {
                if (!w.served.IsNegative())
                {
                    sum += (w.served - w.at).GetSeconds();
                    ++n;
                    failed += w.failed;
                }
            }
            return n ? sum / n : -1.0;
        };
        uint64_t failedReactive = 0;
        const double reactiveWindow = windows(r, failedReactive);
        NS_TEST_ASSERT_MSG_GT(r.handovers.size(), 0, "the terminal changed cells");
        NS_TEST_EXPECT_MSG_GT(reactiveWindow, 0.0, "windows measured");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(failedReactive,
                                    count(r, LocalDtApplication::SYNC_MIGRATING),
                                    "migrating failures are inside the windows");
        // Left where it is, the twin serves again sooner than one pulled
        // across 2 x 1000 km of fibre.
        SmallRun none = Run(MilliSeconds(300), DT_MIGRATION_NONE);
        uint64_t failedNone = 0;
        const double noneWindow = windows(none, failedNone);
        NS_TEST_EXPECT_MSG_GT(noneWindow, 0.0, "windows measured");
        NS_TEST_EXPECT_MSG_LT(noneWindow,
                              reactiveWindow,
                              "no migration: shorter window (" << noneWindow * 1e3 << " ms against "
                                                               << reactiveWindow * 1e3 << " ms)");
        NS_TEST_EXPECT_MSG_EQ(count(none, LocalDtApplication::SYNC_MIGRATING), 0, "none migrate");

        SmallRun strict = Run(MilliSeconds(1));
        NS_TEST_EXPECT_MSG_EQ(strict.syncs.size(), strict.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_EQ(count(strict, LocalDtApplication::SYNC_OK), 0, "none within 1 ms");
        NS_TEST_EXPECT_MSG_GT(
            count(strict, LocalDtApplication::SYNC_LATE), strict.syncRequests * 9 / 10, "late");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The synchronization time runs from the state's generation at the terminal
 * to the twin updated at its host, including the host's work on its compute
 * queue (SyncGflop): with 10 ms of work every successful request takes at
 * least 10 ms and its answer comes back after it; with 60 ms of work and a
 * 50 ms requirement the host aborts every request (late); on a lossy link
 * some requests are lost (no answer within SyncTimeout), and those have
 * neither a synchronization time nor a round trip. Every request ends once.
 */
class DtSyncTimeTestCase : public TestCase
{
  public:
    DtSyncTimeTestCase()
        : TestCase("Synchronization time: generation to twin updated, host work, late and lost")
    {
    }

  private:
    /**
     * \param serviceMs the host's work per synchronization, ms of one edge core
     * \param loss packet loss probability on the access
     * \return the run
     */
    SmallRun Run(double serviceMs, double loss)
    {
        auto configure = [serviceMs, loss](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("SimTime", TimeValue(Seconds(4)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(2)));
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetAttribute("StatusUpdates", BooleanValue(false));
            dt->SetAttribute("EdgeCapacityGflops", DoubleValue(20));
            dt->SetAttribute("EdgeCores", UintegerValue(1));
            dt->SetAttribute("SyncGflop", DoubleValue(20 * serviceMs / 1e3));
            dt->SetAttribute("LossRate", DoubleValue(loss));
            dt->SetAttribute("SyncProbability", DoubleValue(1.0));
            dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(20)));
            dt->SetAttribute("SyncDeadline", TimeValue(MilliSeconds(50)));
        };
        Config::SetDefault("ns3::LocalDtApplication::SyncTimeout", TimeValue(MilliSeconds(300)));
        SmallRun r =
            RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("synctime"), configure);
        Config::Reset();
        return r;
    }

    void DoRun() override
    {
        auto count = CountSyncs;
        SmallRun work = Run(10, 0);
        NS_TEST_ASSERT_MSG_GT(work.syncRequests, 150, "a request every 20 ms");
        NS_TEST_EXPECT_MSG_EQ(work.syncs.size(), work.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_GT(
            count(work, LocalDtApplication::SYNC_OK), work.syncRequests * 9 / 10, "most succeed");
        for (const auto& s : work.syncs)
        {
            if (s.outcome != LocalDtApplication::SYNC_OK)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_GT_OR_EQ(s.latency, MilliSeconds(10), "the host's work counts");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(s.latency, MilliSeconds(50), "within the requirement");
            NS_TEST_EXPECT_MSG_GT(s.roundTrip, s.latency, "the answer comes after the update");
        }

        SmallRun slow = Run(60, 0);
        NS_TEST_EXPECT_MSG_EQ(slow.syncs.size(), slow.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_EQ(count(slow, LocalDtApplication::SYNC_OK), 0, "none within 50 ms");
        NS_TEST_EXPECT_MSG_GT(count(slow, LocalDtApplication::SYNC_LATE),
                              slow.syncRequests * 9 / 10,
                              "the host aborts them: late");

        SmallRun lossy = Run(10, 0.2);
        NS_TEST_EXPECT_MSG_EQ(lossy.syncs.size(), lossy.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_GT(count(lossy, LocalDtApplication::SYNC_LOST),
                              lossy.syncRequests / 10,
                              "requests or answers lost");
        NS_TEST_EXPECT_MSG_GT(
            count(lossy, LocalDtApplication::SYNC_OK), lossy.syncRequests / 2, "most succeed");
        for (const auto& s : lossy.syncs)
        {
            if (s.outcome == LocalDtApplication::SYNC_LOST)
            {
                NS_TEST_EXPECT_MSG_EQ(s.roundTrip.IsNegative(), true, "no answer");
                NS_TEST_EXPECT_MSG_EQ(s.latency.IsNegative(), true, "no known update");
            }
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * LteDtBearer: the DT datagrams travel on a dedicated EPS bearer of their
 * own (a second data radio bearer, LCID 4), the TCP bulk transfers of
 * demands stay on the default one (LCID 3); without it everything shares
 * the default bearer.
 */
class DtLteBearerTestCase : public TestCase
{
  public:
    DtLteBearerTestCase()
        : TestCase("LTE: DT datagrams on a dedicated bearer, bulk on the default one")
    {
    }

  private:
    /// Uplink RLC bytes by logical channel, and the synchronizations.
    struct Result
    {
        std::map<uint8_t, uint64_t> uplinkBytes; //!< by LCID
        SmallRun run;                            //!< the run
    };

    /**
     * \param bearer LteDtBearer
     * \return the run
     */
    Result Run(bool bearer)
    {
        auto bytes = std::make_shared<std::map<uint8_t, uint64_t>>();
        auto configure = [bearer](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("Terminals", UintegerValue(2));
            dt->SetAttribute("Edges", UintegerValue(2));
            dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(2)));
            dt->SetAttribute("DemandRate", DoubleValue(2));
            dt->SetAttribute("SyncProbability", DoubleValue(1.0));
            dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(50)));
            dt->SetAttribute("LteDtBearer", BooleanValue(bearer));
        };
        auto built = [bytes](Ptr<MultiLayerDtHelper>, ApplicationContainer)
        {
            // The radio bearers exist once the UEs have attached.
            Simulator::Schedule(Seconds(0.5),
                                [bytes]()
                                {
                                    Config::ConnectWithoutContext(
                                        "/NodeList/*/DeviceList/*/LteUeRrc/DataRadioBearerMap/*/"
                                        "LteRlc/TxPDU",
                                        Callback<void, uint16_t, uint8_t, uint32_t>(
                                            [bytes](uint16_t, uint8_t lcid, uint32_t size)
                                            {
                                                (*bytes)[lcid] += size;
                                            }));
                                });
        };
        Result r;
        r.run = RunSmall(DtArchitecture::MULTI_LAYER,
                         CreateTempDirFilename(bearer ? "bearer" : "default"),
                         configure,
                         nullptr,
                         built);
        r.uplinkBytes = *bytes;
        return r;
    }

    void DoRun() override
    {
        Result shared = Run(false);
        NS_TEST_EXPECT_MSG_GT(shared.uplinkBytes[3], 0, "default bearer used");
        NS_TEST_EXPECT_MSG_EQ(shared.uplinkBytes.count(4), 0, "no second bearer");
        Result own = Run(true);
        NS_TEST_ASSERT_MSG_GT(own.run.syncRequests, 100, "synchronizations issued");
        NS_TEST_EXPECT_MSG_GT(CountSyncs(own.run, LocalDtApplication::SYNC_OK),
                              own.run.syncRequests / 2,
                              "they reach their twins");
        NS_TEST_EXPECT_MSG_GT(own.run.created, 5, "demands ran");
        // Every synchronization (about 100 bytes of DT message) went on LCID 4.
        NS_TEST_EXPECT_MSG_GT(own.uplinkBytes[4],
                              own.run.syncRequests * 60,
                              "the DT datagrams on the dedicated bearer");
        NS_TEST_EXPECT_MSG_GT(own.uplinkBytes[3], 0, "the bulk on the default bearer");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * S2's trend: on the same cells and seed, more users synchronizing through
 * them fail more often (the uplink is shared), and every request ends once.
 */
class DtSyncLoadTestCase : public TestCase
{
  public:
    DtSyncLoadTestCase()
        : TestCase("More users, more synchronization failures")
    {
    }

  private:
    /**
     * \param users number of users
     * \return the run
     */
    SmallRun Run(uint32_t users)
    {
        auto configure = [users](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("Terminals", UintegerValue(users));
            dt->SetAttribute("Edges", UintegerValue(2));
            dt->SetAttribute("TerminalRadius", DoubleValue(80));
            dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(1)));
            dt->SetAttribute("DemandRate", DoubleValue(0.5));
            dt->SetAttribute("SyncProbability", DoubleValue(1.0));
            dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(20)));
            dt->SetAttribute("SyncDeadline", TimeValue(MilliSeconds(30)));
        };
        return RunSmall(DtArchitecture::MULTI_LAYER, CreateTempDirFilename("load"), configure);
    }

    void DoRun() override
    {
        auto ratio = [](const SmallRun& r)
        {
            const uint64_t ok = CountSyncs(r, LocalDtApplication::SYNC_OK);
            return 1.0 - static_cast<double>(ok) / r.syncs.size();
        };
        SmallRun few = Run(2);
        SmallRun many = Run(16);
        NS_TEST_ASSERT_MSG_GT(few.syncRequests, 200, "requests were issued");
        NS_TEST_EXPECT_MSG_EQ(few.syncs.size(), few.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_EQ(many.syncs.size(), many.syncRequests, "every request ended once");
        NS_TEST_EXPECT_MSG_LT(ratio(few),
                              ratio(many),
                              "failure ratio " << ratio(few) << " with 2 users, " << ratio(many)
                                               << " with 16");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A simulation stopped while the DTs are busy (demands running, batteries
 * draining) tears down cleanly on Wi-Fi and on LTE: the energy models and
 * radio probes let go of the devices they follow.
 */
class DtEarlyStopTestCase : public TestCase
{
  public:
    DtEarlyStopTestCase()
        : TestCase("Stopping mid-run tears down cleanly")
    {
    }

  private:
    void DoRun() override
    {
        for (auto access : {MultiLayerDtHelper::WIFI, MultiLayerDtHelper::LTE})
        {
            Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
            dt->SetAttribute("Terminals", UintegerValue(3));
            dt->SetAttribute("Access", EnumValue(access));
            dt->SetAttribute("DemandRate", DoubleValue(20));
            dt->Build();
            ApplicationContainer apps = dt->Install();
            uint32_t busy = 0;
            Simulator::Schedule(
                Seconds(2.5),
                [&apps, &busy]()
                {
                    for (uint32_t a = 0; a < apps.GetN(); ++a)
                    {
                        busy +=
                            DynamicCast<DtApplication>(apps.Get(a))->GetCompute()->GetBusyCores();
                    }
                });
            Simulator::Stop(Seconds(2.5) + NanoSeconds(1));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_GT(busy, 0, "processors were busy when the simulation stopped");
            dt = nullptr;
            apps = ApplicationContainer();
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * LTE fading: with independent Rayleigh draws the RSRP a static UE reports
 * spreads by about 5.6 dB (the standard deviation of a Rayleigh power in
 * dB) with no memory from one report (1 ms) to the next; without fading it
 * does not move. With time-correlated Rayleigh fading a static UE keeps its
 * gain (no Doppler), and a UE at 10 m/s spreads as much over its ~70 fades
 * in the second (around the trend of its path loss) while consecutive
 * reports stay correlated.
 */
class DtLteFadingTestCase : public TestCase
{
  public:
    DtLteFadingTestCase()
        : TestCase("Fading on LTE links: independent and time-correlated")
    {
    }

  private:
    /// What the UE reported.
    struct Rsrp
    {
        double spread{0}; //!< standard deviation, dB
        double lag1{0};   //!< correlation of consecutive reports (1 ms apart)
    };

    /**
     * \param fading how gains are drawn
     * \param k Rician K (Correlated)
     * \param m Nakagami shape (Independent; 0 with None)
     * \param speed the UE's speed, m/s
     * \return the spread and correlation of the RSRP the UE reported
     */
    Rsrp Measure(DtFading::Model fading, double k, double m, double speed)
    {
        std::vector<double> rsrp;
        auto configure = [fading, k, m](Ptr<MultiLayerDtHelper> dt)
        {
            dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
            dt->SetAttribute("Fading", EnumValue(fading));
            dt->SetAttribute("RicianK", DoubleValue(k));
            dt->SetAttribute("NakagamiM", DoubleValue(m));
            dt->SetAttribute("Terminals", UintegerValue(1));
            dt->SetAttribute("SimTime", TimeValue(Seconds(1)));
            dt->SetAttribute("DrainTime", TimeValue(Seconds(0)));
            dt->SetAttribute("DemandRate", DoubleValue(0));
            dt->SetTerminalMobilityModel(ObjectFactory("ns3::ConstantVelocityMobilityModel"));
        };
        auto watch = [&rsrp, speed](Ptr<MultiLayerDtHelper> dt, ApplicationContainer)
        {
            Ptr<Node> ue = dt->GetTerminals().Get(0);
            ue->GetObject<ConstantVelocityMobilityModel>()->SetVelocity(Vector(0, speed, 0));
            for (uint32_t d = 0; d < ue->GetNDevices(); ++d)
            {
                if (auto dev = DynamicCast<LteUeNetDevice>(ue->GetDevice(d)))
                {
                    dev->GetPhy()->TraceConnectWithoutContext(
                        "ReportCurrentCellRsrpSinr",
                        Callback<void, uint16_t, uint16_t, double, double, uint8_t>(
                            [&rsrp](uint16_t, uint16_t, double w, double, uint8_t)
                            {
                                rsrp.push_back(10 * std::log10(w));
                            }));
                }
            }
        };
        RunSmall(DtArchitecture::MULTI_LAYER,
                 CreateTempDirFilename("fading"),
                 configure,
                 nullptr,
                 watch);
        NS_TEST_EXPECT_MSG_GT(rsrp.size(), 100, "RSRP was reported");
        Rsrp r;
        if (rsrp.size() < 4)
        {
            return r;
        }
        // A moving UE's path loss changes over the run: the fading is what
        // is left around the least-squares line through the reports.
        const double n = rsrp.size();
        double meanI = (n - 1) / 2;
        double mean = 0;
        double sxy = 0;
        double sxx = 0;
        for (std::size_t i = 0; i < rsrp.size(); ++i)
        {
            mean += rsrp[i] / n;
        }
        for (std::size_t i = 0; i < rsrp.size(); ++i)
        {
            sxy += (i - meanI) * (rsrp[i] - mean);
            sxx += (i - meanI) * (i - meanI);
        }
        const double slope = sxy / sxx;
        std::vector<double> e(rsrp.size());
        for (std::size_t i = 0; i < rsrp.size(); ++i)
        {
            e[i] = rsrp[i] - mean - slope * (i - meanI);
        }
        double var = 0;
        double cov = 0;
        for (std::size_t i = 0; i < e.size(); ++i)
        {
            var += e[i] * e[i] / (n - 2);
            if (i > 0)
            {
                cov += e[i] * e[i - 1] / (n - 3);
            }
        }
        r.spread = std::sqrt(var);
        r.lag1 = var > 0 ? cov / var : 1;
        return r;
    }

    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_LT(Measure(DtFading::NONE, 0, 0, 0).spread,
                              0.5,
                              "no fading: a static UE's RSRP stays put");
        const Rsrp independent = Measure(DtFading::INDEPENDENT, 0, 1, 0);
        NS_TEST_EXPECT_MSG_GT(independent.spread, 4.0, "Rayleigh spread about 5.6 dB");
        NS_TEST_EXPECT_MSG_LT(independent.spread, 7.5, "Rayleigh spread about 5.6 dB");
        NS_TEST_EXPECT_MSG_LT(independent.lag1, 0.2, "independent draws: no memory");
        NS_TEST_EXPECT_MSG_LT(Measure(DtFading::CORRELATED, 0, 0, 0).spread,
                              0.5,
                              "correlated: no Doppler, a static UE keeps its gain");
        // 10 m/s at 2.12 GHz: fd 70.7 Hz, about 70 fades in the second.
        const Rsrp moving = Measure(DtFading::CORRELATED, 0, 0, 10);
        NS_TEST_EXPECT_MSG_GT(moving.spread, 4.0, "Rayleigh spread over many fades");
        NS_TEST_EXPECT_MSG_LT(moving.spread, 7.5, "Rayleigh spread over many fades");
        // 1 ms apart, the power's correlation is J0(2 pi fd 1 ms)^2 = 0.90;
        // in dB about 0.79 (the deep fades decorrelate faster).
        NS_TEST_EXPECT_MSG_GT(moving.lag1, 0.65, "1 ms apart: nearly the same channel");
        NS_TEST_EXPECT_MSG_LT(moving.lag1, 0.92, "1 ms apart: the channel has moved on");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The bare-network baseline of the benchmark: the record holds exactly the
 * messages the DTs sent (count and bytes, UDP and TCP), and the replay on
 * the same network hands all of them to its sockets, which deliver them.
 */
class DtTrafficReplayTestCase : public TestCase
{
  public:
    DtTrafficReplayTestCase()
        : TestCase("Recorded DT traffic replayed without DTs")
    {
    }

  private:
    /** \return a scenario with demands large enough for TCP */
    Ptr<MultiLayerDtHelper> Scenario()
    {
        Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
        dt->SetAttribute("Terminals", UintegerValue(4));
        dt->SetAttribute("DemandRate", DoubleValue(4));
        dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
        dt->Build();
        return dt;
    }

    void DoRun() override
    {
        const std::string file = CreateTempDirFilename("traffic.txt");
        uint64_t sent = 0;
        uint64_t sentBytes = 0;
        {
            Ptr<MultiLayerDtHelper> dt = Scenario();
            ApplicationContainer apps = dt->Install();
            DtTrafficReplayHelper recorder;
            recorder.Record(apps, file);
            for (uint32_t a = 0; a < apps.GetN(); ++a)
            {
                DynamicCast<DtApplication>(apps.Get(a))
                    ->GetCommModule()
                    ->TraceConnectWithoutContext(
                        "Tx",
                        MakeBoundCallback(
                            +[](uint64_t* n, uint64_t* b, const DtHeader&, uint32_t bytes, uint32_t)
                            {
                                ++*n;
                                *b += bytes;
                            },
                            &sent,
                            &sentBytes));
            }
            Simulator::Stop(dt->GetStopTime());
            Simulator::Run();
            Simulator::Destroy();
        }
        uint64_t lines = 0;
        uint64_t bytes = 0;
        uint64_t tcpLines = 0;
        {
            std::ifstream in(file);
            uint32_t node;
            int64_t ns;
            std::string address;
            uint32_t size;
            int tcp;
            while (in >> node >> ns >> address >> size >> tcp)
            {
                ++lines;
                bytes += size;
                tcpLines += tcp;
            }
        }
        NS_TEST_ASSERT_MSG_GT(sent, 100, "the DTs sent messages");
        NS_TEST_EXPECT_MSG_EQ(lines, sent, "one record line per message sent");
        NS_TEST_EXPECT_MSG_EQ(bytes, sentBytes, "the record holds every byte sent");
        NS_TEST_EXPECT_MSG_GT(tcpLines, 0, "demand inputs went over TCP");
        NS_TEST_EXPECT_MSG_LT(tcpLines, lines, "the rest went as UDP datagrams");

        Ptr<MultiLayerDtHelper> dt = Scenario();
        ApplicationContainer replay = DtTrafficReplayHelper().Install(dt->GetDtNodes(), file);
        Simulator::Stop(dt->GetStopTime());
        Simulator::Run();
        uint64_t sends = 0;
        uint64_t replayed = 0;
        uint64_t received = 0;
        for (uint32_t a = 0; a < replay.GetN(); ++a)
        {
            auto app = DynamicCast<DtTrafficReplayApplication>(replay.Get(a));
            sends += app->GetSendCount();
            replayed += app->GetBytesSent();
            received += app->GetBytesReceived();
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(sends, lines, "every recorded message is replayed");
        NS_TEST_EXPECT_MSG_EQ(replayed, bytes, "every recorded byte is handed to a socket");
        NS_TEST_EXPECT_MSG_GT(received, bytes * 95 / 100, "the network delivers them");
        NS_TEST_EXPECT_MSG_LT(received, bytes + 1, "nothing is received twice");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * DtWifiRadioEnergyModel follows the PHY: two ad hoc stations exchange UDP
 * datagrams, each state has its own power, and every radio's energy equals
 * the integral of those powers over the periods the PHY's own state helper
 * logged (its State trace); the battery lost exactly that energy.
 */
class DtWifiRadioEnergyTestCase : public TestCase
{
  public:
    DtWifiRadioEnergyTestCase()
        : TestCase("Wi-Fi radio energy: the integral of state powers over the PHY's states")
    {
    }

  private:
    /// Powers per WifiPhyState, W (distinct, so that a wrong state shows).
    static double Power(WifiPhyState state)
    {
        switch (state)
        {
            case WifiPhyState::IDLE:
                return 1.0;
            case WifiPhyState::CCA_BUSY:
                return 2.0;
            case WifiPhyState::RX:
                return 3.0;
            case WifiPhyState::TX:
                return 5.0;
            case WifiPhyState::SWITCHING:
                return 7.0;
            case WifiPhyState::SLEEP:
                return 0.5;
            case WifiPhyState::OFF:
                return 0.0;
        }
        return 0.0;
    }

    /// What the PHY's state helper logged of one radio.
    struct Log
    {
        double energyJ{0}; //!< sum of power x duration of the logged periods
        Time end;          //!< end of the last logged period
        Time tx;           //!< time logged in TX
    };

    void DoRun() override
    {
        const Time check = Seconds(3);
        NodeContainer nodes(2);
        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(nodes);
        nodes.Get(1)->GetObject<MobilityModel>()->SetPosition(Vector(20, 0, 0));
        YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
        YansWifiPhyHelper phy;
        phy.SetChannel(channel.Create());
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211a);
        WifiMacHelper mac;
        mac.SetType("ns3::AdhocWifiMac");
        NetDeviceContainer devices = wifi.Install(phy, mac, nodes);
        InternetStackHelper internet;
        internet.Install(nodes);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = addresses.Assign(devices);
        UdpServerHelper server(9);
        server.Install(nodes.Get(0)).Start(Seconds(0));
        UdpClientHelper client(ifs.GetAddress(0), 9);
        client.SetAttribute("MaxPackets", UintegerValue(200));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        client.SetAttribute("PacketSize", UintegerValue(1000));
        ApplicationContainer c = client.Install(nodes.Get(1));
        c.Start(Seconds(0.5));

        BasicEnergySourceHelper battery;
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(1000));
        energy::EnergySourceContainer sources = battery.Install(nodes);
        std::vector<Ptr<DtWifiRadioEnergyModel>> models;
        std::vector<Log> logs(2);
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<DtWifiRadioEnergyModel> m = CreateObject<DtWifiRadioEnergyModel>();
            m->SetAttribute("IdlePower", DoubleValue(Power(WifiPhyState::IDLE)));
            m->SetAttribute("CcaBusyPower", DoubleValue(Power(WifiPhyState::CCA_BUSY)));
            m->SetAttribute("RxPower", DoubleValue(Power(WifiPhyState::RX)));
            m->SetAttribute("TxPower", DoubleValue(Power(WifiPhyState::TX)));
            m->SetAttribute("SwitchingPower", DoubleValue(Power(WifiPhyState::SWITCHING)));
            m->SetAttribute("SleepPower", DoubleValue(Power(WifiPhyState::SLEEP)));
            m->SetEnergySource(sources.Get(i));
            sources.Get(i)->AppendDeviceEnergyModel(m);
            Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(devices.Get(i));
            m->Attach(dev);
            models.push_back(m);
            Log* log = &logs[i];
            dev->GetPhy()->GetState()->TraceConnectWithoutContext(
                "State",
                Callback<void, Time, Time, WifiPhyState>(
                    [log](Time start, Time duration, WifiPhyState state)
                    {
                        log->energyJ += Power(state) * duration.GetSeconds();
                        log->end = std::max(log->end, start + duration);
                        if (state == WifiPhyState::TX)
                        {
                            log->tx += duration;
                        }
                    }));
        }
        std::vector<double> total(2);
        std::vector<double> drained(2);
        std::vector<Time> txTime(2);
        Simulator::Schedule(check,
                            [&]()
                            {
                                for (uint32_t i = 0; i < 2; ++i)
                                {
                                    total[i] = models[i]->GetTotalEnergyConsumption();
                                    drained[i] = sources.Get(i)->GetInitialEnergy()
                                                 - sources.Get(i)->GetRemainingEnergy();
                                    txTime[i] = models[i]->GetTxTime();
                                }
                            });
        Simulator::Stop(check + MilliSeconds(1));
        Simulator::Run();
        Simulator::Destroy();

        for (uint32_t i = 0; i < 2; ++i)
        {
            // Traffic ended at 2.5 s: the radio is idle from the last logged period on.
            NS_TEST_ASSERT_MSG_LT(logs[i].end, check, "the PHY went quiet before the check");
            const double expected =
                logs[i].energyJ + Power(WifiPhyState::IDLE) * (check - logs[i].end).GetSeconds();
            NS_TEST_EXPECT_MSG_EQ_TOL(total[i], expected, 1e-9 * expected, "radio " << i);
            NS_TEST_EXPECT_MSG_EQ_TOL(drained[i], total[i], 1e-9 * expected, "battery " << i);
            NS_TEST_EXPECT_MSG_EQ(txTime[i], logs[i].tx, "time in TX, radio " << i);
            NS_TEST_EXPECT_MSG_GT(total[i],
                                  Power(WifiPhyState::IDLE) * check.GetSeconds() + 0.01,
                                  "radio " << i << " drew more than idle");
        }
        // The sender transmitted 200 datagrams; the receiver only acknowledgements.
        NS_TEST_EXPECT_MSG_GT(txTime[1], txTime[0], "the sender transmitted longer");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * System test suite.
 */
class DtSystemTestSuite : public TestSuite
{
  public:
    DtSystemTestSuite()
        : TestSuite("multilayer-dt-system", Type::SYSTEM)
    {
        AddTestCase(new DtConservationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEscalationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtDeterminismTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtCloudServiceTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtPeerToPeerTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEdgeFairnessTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtDataPipelineTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLoadForecastTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtDataSourcesTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtAppUsageShapingTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtTerminalMobilityTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLteHandoverTestCase(DT_MIGRATION_REACTIVE, 0), MLDT_TEST_QUICK);
        AddTestCase(new DtLteHandoverTestCase(DT_MIGRATION_NONE, 0), MLDT_TEST_QUICK);
        AddTestCase(new DtLteHandoverTestCase(DT_MIGRATION_PROACTIVE, 0), MLDT_TEST_QUICK);
        AddTestCase(new DtLteHandoverTestCase(DT_MIGRATION_REACTIVE, 2000000), MLDT_TEST_QUICK);
        AddTestCase(new DtLteHandoverTestCase(DT_MIGRATION_PROACTIVE, 2000000), MLDT_TEST_QUICK);
        AddTestCase(new DtMetroRelayTestCase(true, false), MLDT_TEST_QUICK);
        AddTestCase(new DtMetroRelayTestCase(false, false), MLDT_TEST_QUICK);
        AddTestCase(new DtMetroRelayTestCase(true, true), MLDT_TEST_QUICK);
        AddTestCase(new DtTwinPlacementTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtAgentInteractionTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtWifiRoamingTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtSyncTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtSyncTimeTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLteBearerTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtSyncLoadTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEarlyStopTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLteFadingTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtTrafficReplayTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtWifiRadioEnergyTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance that registers the suite.
static DtSystemTestSuite g_dtSystemTestSuite;
