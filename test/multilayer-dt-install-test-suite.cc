/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The DT layers on networks built with ns-3's own helpers (DtSystemHelper),
// and user settings against the built-in scenario's values.

#include "ns3/component-carrier-enb.h"
#include "ns3/config.h"
#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/double.h"
#include "ns3/dt-lte-access.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/enum.h"
#include "ns3/ff-mac-scheduler.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/local-dt-application.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-helper.h"
#include "ns3/mobility-helper.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/yans-wifi-helper.h"

#include <set>

using namespace ns3;

namespace
{

/**
 * \param object an object
 * \param path an attribute name, or POINTER/.../NAME into its parts
 * \return the attribute's value, serialized
 */
std::string
ReadPath(Ptr<Object> object, const std::string& path)
{
    std::string rest = path;
    for (std::size_t slash = rest.find('/'); slash != std::string::npos; slash = rest.find('/'))
    {
        PointerValue inner;
        object->GetAttribute(rest.substr(0, slash), inner);
        object = inner.Get<Object>();
        rest = rest.substr(slash + 1);
    }
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_IF(!object->GetInstanceTypeId().LookupAttributeByName(rest, &info),
                    "no attribute " << path);
    Ptr<AttributeValue> value = info.checker->Create();
    object->GetAttribute(rest, *value);
    return value->SerializeToString(info.checker);
}

/// One attribute the scenario used to set over the user's value.
struct Override
{
    char layer;               //!< 'l'ocal, 'e'dge, 'c'loud
    std::string path;         //!< attribute or path
    Ptr<AttributeValue> user; //!< what the user sets
};

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Values a user sets on a DT factory win over MultiLayerDtHelper's
 * scenario-wide values, for every attribute the helper sets; without them
 * the scenario's values apply; Config::SetDefault wins too.
 */
class DtUserSettingsTestCase : public TestCase
{
  public:
    DtUserSettingsTestCase()
        : TestCase("User settings on the DTs win over the scenario's values")
    {
    }

  private:
    /**
     * Build and install a small scenario.
     * \param lte LTE access (else Wi-Fi)
     * \param configure settings before Build
     * \return the installed DTs: cloud, edges, locals
     */
    ApplicationContainer Install(bool lte,
                                 const std::function<void(Ptr<MultiLayerDtHelper>)>& configure)
    {
        Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
        dt->SetAttribute("Terminals", UintegerValue(2));
        dt->SetAttribute("Edges", UintegerValue(2));
        dt->SetAttribute("Access",
                         EnumValue(lte ? MultiLayerDtHelper::LTE : MultiLayerDtHelper::WIFI));
        // Scenario-wide values that differ from the users' below and from
        // the attributes' own defaults.
        dt->SetAttribute("SyncProbability", DoubleValue(0.3));
        dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(150)));
        dt->SetAttribute("SyncDeadline", TimeValue(MilliSeconds(40)));
        dt->SetAttribute("TerminalCapacityGflops", DoubleValue(2));
        dt->SetAttribute("EdgeCapacityGflops", DoubleValue(30));
        dt->SetAttribute("CloudCapacityGflops", DoubleValue(300));
        dt->SetAttribute("EdgeCores", UintegerValue(2));
        dt->SetAttribute("CloudCores", UintegerValue(4));
        dt->SetAttribute("StatusInterval", TimeValue(MilliSeconds(200)));
        dt->SetAttribute("AnomalyRate", DoubleValue(0.2));
        dt->SetAttribute("DemandRate", DoubleValue(3));
        dt->SetAttribute("AgentInteractionInterval", TimeValue(MilliSeconds(500)));
        if (configure)
        {
            configure(dt);
        }
        dt->Build();
        return dt->Install();
    }

    void DoRun() override
    {
        const std::vector<Override> overrides{
            {'l', "Architecture", EnumValue(DtArchitecture::CENTRALIZED).Copy()},
            {'l', "MigrationPolicy", EnumValue(DT_MIGRATION_PROACTIVE).Copy()},
            {'l', "TwinPlacement", EnumValue(DT_TWIN_CLOUD).Copy()},
            {'l', "SyncProbability", DoubleValue(1.0).Copy()},
            {'l', "SyncSlot", TimeValue(MilliSeconds(20)).Copy()},
            {'l', "SyncDeadline", TimeValue(MilliSeconds(7)).Copy()},
            {'l', "PeerBroadcast", Ipv4AddressValue("10.255.255.255").Copy()},
            {'l', "Compute/CapacityGflops", DoubleValue(9).Copy()},
            {'l', "DataModule/StatusInterval", TimeValue(MilliSeconds(70)).Copy()},
            {'l', "DataModule/AnomalyRate", DoubleValue(0.9).Copy()},
            {'l', "ServiceModule/DemandRate", DoubleValue(0.5).Copy()},
            {'l', "ServiceModule/UplinkRate", DataRateValue(DataRate("7Mbps")).Copy()},
            {'l', "ServiceModule/DownlinkRate", DataRateValue(DataRate("9Mbps")).Copy()},
            {'l', "ServiceModule/GenerationStopTime", TimeValue(Seconds(4)).Copy()},
            {'e', "Architecture", EnumValue(DtArchitecture::CENTRALIZED).Copy()},
            {'e', "MigrationPolicy", EnumValue(DT_MIGRATION_NONE).Copy()},
            {'e', "TwinPlacement", EnumValue(DT_TWIN_EDGE_CLOUD).Copy()},
            {'e', "InteractionInterval", TimeValue(MilliSeconds(900)).Copy()},
            {'e', "Compute/CapacityGflops", DoubleValue(55).Copy()},
            {'e', "Compute/Cores", UintegerValue(5).Copy()},
            {'e', "ServiceModule/DownlinkRate", DataRateValue(DataRate("11Mbps")).Copy()},
            {'e', "ServiceModule/BackhaulRate", DataRateValue(DataRate("13Mbps")).Copy()},
            {'c', "Architecture", EnumValue(DtArchitecture::CENTRALIZED).Copy()},
            {'c', "Compute/CapacityGflops", DoubleValue(777).Copy()},
            {'c', "Compute/Cores", UintegerValue(7).Copy()},
        };
        auto layerOf = [](Ptr<Application> app)
        {
            if (DynamicCast<LocalDtApplication>(app))
            {
                return 'l';
            }
            return DynamicCast<EdgeDtApplication>(app) ? 'e' : 'c';
        };

        // Without user values: the scenario's apply (the check can fail).
        ApplicationContainer plain = Install(false, nullptr);
        std::map<std::pair<char, std::string>, std::string> scenario;
        for (uint32_t a = 0; a < plain.GetN(); ++a)
        {
            for (const auto& o : overrides)
            {
                if (o.layer == layerOf(plain.Get(a)))
                {
                    scenario[{o.layer, o.path}] = ReadPath(plain.Get(a), o.path);
                }
            }
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ((scenario[{'l', "SyncProbability"}]), "0.3", "scenario value");
        NS_TEST_EXPECT_MSG_EQ((scenario[{'e', "Compute/Cores"}]), "2", "scenario value");
        NS_TEST_EXPECT_MSG_EQ((scenario[{'l', "ServiceModule/DemandRate"}]), "3", "scenario value");

        // With user values: every one survives Install.
        ApplicationContainer apps = Install(false,
                                            [&overrides](Ptr<MultiLayerDtHelper> dt)
                                            {
                                                for (const auto& o : overrides)
                                                {
                                                    if (o.layer == 'l')
                                                    {
                                                        dt->SetLocalDtAttribute(o.path, *o.user);
                                                    }
                                                    else if (o.layer == 'e')
                                                    {
                                                        dt->SetEdgeDtAttribute(o.path, *o.user);
                                                    }
                                                    else
                                                    {
                                                        dt->SetCloudDtAttribute(o.path, *o.user);
                                                    }
                                                }
                                            });
        uint32_t checked = 0;
        for (uint32_t a = 0; a < apps.GetN(); ++a)
        {
            for (const auto& o : overrides)
            {
                if (o.layer != layerOf(apps.Get(a)))
                {
                    continue;
                }
                Ptr<Object> probe = apps.Get(a);
                TypeId::AttributeInformation info;
                std::string rest = o.path.substr(o.path.rfind('/') + 1);
                std::string inner = o.path.substr(0, o.path.find('/'));
                Ptr<Object> owner = probe;
                if (o.path.find('/') != std::string::npos)
                {
                    PointerValue pv;
                    probe->GetAttribute(inner, pv);
                    owner = pv.Get<Object>();
                }
                owner->GetInstanceTypeId().LookupAttributeByName(rest, &info);
                const std::string want = o.user->SerializeToString(info.checker);
                NS_TEST_EXPECT_MSG_EQ(ReadPath(apps.Get(a), o.path),
                                      want,
                                      o.layer << " " << o.path << ": the user's value");
                NS_TEST_EXPECT_MSG_NE((scenario[{o.layer, o.path}]),
                                      want,
                                      o.layer << " " << o.path << ": differs from the scenario's");
                ++checked;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(checked, 2 * 14 + 2 * 8 + 3, "every attribute of every DT checked");
        Simulator::Destroy();

        // LTE: the edge watchdog values the scenario sets only there.
        ApplicationContainer lte =
            Install(true,
                    [](Ptr<MultiLayerDtHelper> dt)
                    {
                        dt->SetLocalDtAttribute("EdgeFailover", BooleanValue(false));
                        dt->SetLocalDtAttribute("EdgeTimeout", TimeValue(Seconds(7)));
                    });
        for (uint32_t a = 0; a < lte.GetN(); ++a)
        {
            if (layerOf(lte.Get(a)) == 'l')
            {
                NS_TEST_EXPECT_MSG_EQ(ReadPath(lte.Get(a), "EdgeFailover"), "false", "user's");
                NS_TEST_EXPECT_MSG_EQ(ReadPath(lte.Get(a), "EdgeTimeout"),
                                      TimeValue(Seconds(7)).SerializeToString(MakeTimeChecker()),
                                      "user's");
            }
        }
        Simulator::Destroy();
        ApplicationContainer lteScenario = Install(true, nullptr);
        NS_TEST_EXPECT_MSG_EQ(ReadPath(lteScenario.Get(lteScenario.GetN() - 1), "EdgeFailover"),
                              "true",
                              "the LTE scenario's own value without a user's");
        Simulator::Destroy();

        // Config::SetDefault wins over the scenario's values too.
        Config::SetDefault("ns3::LocalDtApplication::SyncProbability", DoubleValue(0.7));
        Config::SetDefault("ns3::ComputeResource::Cores", UintegerValue(6));
        ApplicationContainer byDefault = Install(false, nullptr);
        for (uint32_t a = 0; a < byDefault.GetN(); ++a)
        {
            const char layer = layerOf(byDefault.Get(a));
            if (layer == 'l')
            {
                NS_TEST_EXPECT_MSG_EQ(ReadPath(byDefault.Get(a), "SyncProbability"),
                                      "0.7",
                                      "Config::SetDefault wins");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(
                    ReadPath(byDefault.Get(a), "Compute/Cores"), "6", "Config::SetDefault wins");
            }
        }
        Simulator::Destroy();
        Config::Reset();
    }
};

namespace
{

/// A network built with ns-3's own helpers, and the DTs on it.
struct CustomRun
{
    uint64_t created{0};                       //!< demands created
    uint64_t inDeadline{0};                    //!< completed in deadline
    uint64_t late{0};                          //!< completed late
    uint64_t failed{0};                        //!< failed
    std::vector<DtDemand> finished;            //!< final records
    uint64_t handovers{0};                     //!< detected by the local DTs
    std::vector<DtMigrationRecord> migrations; //!< agent migrations
    std::vector<DtSyncRecord> syncs;           //!< synchronizations
    double meanAoi{0};                         //!< mean age of information, s
    std::map<uint32_t, uint32_t> startingEdge; //!< local DT -> edge DT at the start
    uint32_t edgeDts{0};                       //!< edge DTs installed
};

/**
 * Build, in the way an ns-3 user would: an LTE/EPC network with two cells of
 * its own layout, a Wi-Fi hotspot whose access point is an edge server, a
 * point-to-point core (PGW, router, edges, a distant cloud), static routes,
 * UEs driving from cell 1 into cell 2; then install the DTs with
 * DtSystemHelper and run.
 * \return the results
 */
CustomRun
RunCustomNetwork()
{
    NodeContainer ues;
    ues.Create(3);
    NodeContainer stations;
    stations.Create(2);
    NodeContainer edges; // two behind the PGW, one is the hotspot's AP
    edges.Create(3);
    Ptr<Node> cloud = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();

    Ptr<LteHelper> lte = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epc = CreateObject<PointToPointEpcHelper>();
    lte->SetEpcHelper(epc);
    lte->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    NodeContainer enbs;
    enbs.Create(2);
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> sites = CreateObject<ListPositionAllocator>();
    sites->Add(Vector(0, 0, 0));
    sites->Add(Vector(400, 0, 0));
    fixed.SetPositionAllocator(sites);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(enbs);
    NetDeviceContainer enbDevs = lte->InstallEnbDevice(enbs);

    MobilityHelper moving;
    moving.SetMobilityModel("ns3::ConstantVelocityMobilityModel");
    moving.Install(ues);
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        Ptr<ConstantVelocityMobilityModel> m =
            ues.Get(i)->GetObject<ConstantVelocityMobilityModel>();
        m->SetPosition(Vector(60 + 10 * i, 5, 0));
        m->SetVelocity(Vector(40, 0, 0)); // into cell 2 within a few seconds
    }
    InternetStackHelper internet;
    internet.Install(ues);
    internet.Install(stations);
    internet.Install(edges);
    internet.Install(cloud);
    internet.Install(router);
    NetDeviceContainer ueDevs = lte->InstallUeDevice(ues);
    Ipv4InterfaceContainer ueIf = epc->AssignUeIpv4Address(ueDevs);
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        routing.GetStaticRouting(ues.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
        lte->Attach(ueDevs.Get(i), enbDevs.Get(0));
    }
    lte->AddX2Interface(enbs);

    // The core: PGW - router - {edge 0, edge 1, hotspot edge, cloud}.
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("100us"));
    Ipv4AddressHelper ip;
    ip.SetBase("10.10.0.0", "255.255.255.0");
    Ipv4InterfaceContainer pgwLink = ip.Assign(p2p.Install(epc->GetPgwNode(), router));
    std::vector<Ipv4InterfaceContainer> edgeLinks;
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        ip.NewNetwork();
        edgeLinks.push_back(ip.Assign(p2p.Install(edges.Get(e), router)));
    }
    p2p.SetChannelAttribute("Delay", StringValue("10ms")); // a distant cloud
    ip.NewNetwork();
    Ipv4InterfaceContainer cloudLink = ip.Assign(p2p.Install(cloud, router));

    // The hotspot: edge 2 is the access point of its own BSS.
    fixed.SetPositionAllocator(CreateObject<ListPositionAllocator>());
    Ptr<ListPositionAllocator> spots = CreateObject<ListPositionAllocator>();
    spots->Add(Vector(200, 300, 0)); // edge 0 (its own site, near cell 1)
    spots->Add(Vector(400, 10, 0));  // edge 1
    spots->Add(Vector(200, 200, 0)); // edge 2, the hotspot
    spots->Add(Vector(205, 205, 0)); // stations
    spots->Add(Vector(195, 200, 0));
    spots->Add(Vector(0, 1000, 0)); // cloud
    spots->Add(Vector(0, 900, 0));  // router
    fixed.SetPositionAllocator(spots);
    fixed.Install(edges);
    fixed.Install(stations);
    fixed.Install(cloud);
    fixed.Install(router);
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211ac);
    WifiMacHelper mac;
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(Ssid("hotspot")));
    NetDeviceContainer staDevs = wifi.Install(phy, mac, stations);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(Ssid("hotspot")));
    NetDeviceContainer apDev = wifi.Install(phy, mac, edges.Get(2));
    ip.SetBase("10.20.0.0", "255.255.255.0");
    Ipv4InterfaceContainer apIf = ip.Assign(apDev);
    ip.Assign(staDevs);

    // Static routes, as in ns-3's LTE examples.
    const Ipv4Address routerToPgw = pgwLink.GetAddress(1);
    routing.GetStaticRouting(epc->GetPgwNode()->GetObject<Ipv4>())
        ->SetDefaultRoute(
            routerToPgw,
            epc->GetPgwNode()->GetObject<Ipv4>()->GetInterfaceForAddress(pgwLink.GetAddress(0)));
    Ptr<Ipv4StaticRouting> r = routing.GetStaticRouting(router->GetObject<Ipv4>());
    r->AddNetworkRouteTo("7.0.0.0", "255.0.0.0", pgwLink.GetAddress(0), 1);
    r->AddNetworkRouteTo("10.20.0.0", "255.255.255.0", edgeLinks[2].GetAddress(0), 4);
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        routing.GetStaticRouting(edges.Get(e)->GetObject<Ipv4>())
            ->SetDefaultRoute(edgeLinks[e].GetAddress(1), 1);
    }
    routing.GetStaticRouting(cloud->GetObject<Ipv4>())->SetDefaultRoute(cloudLink.GetAddress(1), 1);
    for (uint32_t s = 0; s < stations.GetN(); ++s)
    {
        routing.GetStaticRouting(stations.Get(s)->GetObject<Ipv4>())
            ->SetDefaultRoute(apIf.GetAddress(0), 1);
    }

    // The DTs.
    DtSystemHelper dt;
    dt.SetDemandClasses(DtDefaultWorkload::GetDemandClasses());
    dt.SetLocalDtAttribute("ServiceModule/DemandRate", DoubleValue(2));
    dt.SetLocalDtAttribute("ServiceModule/GenerationStopTime", TimeValue(Seconds(6)));
    dt.SetLocalDtAttribute("SyncProbability", DoubleValue(0.3));
    dt.SetLocalDtAttribute("ServiceModule/UplinkRate", DataRateValue(DataRate("5Mbps")));
    dt.SetLocalDtAttribute("ServiceModule/DownlinkRate", DataRateValue(DataRate("15Mbps")));
    dt.SetStopTime(Seconds(9));
    dt.InstallCloudDt(cloud);
    dt.InstallEdgeDt(edges);
    dt.AddCell(edges.Get(0), enbDevs.Get(0));
    dt.AddCell(edges.Get(1), enbDevs.Get(1));
    dt.AddCell(edges.Get(2), apDev.Get(0));
    NodeContainer terminals(ues, stations);
    ApplicationContainer locals = dt.InstallLocalDt(terminals);
    dt.AssignStreams(1000);

    CustomRun run;
    run.edgeDts = dt.GetDtNodes().GetN() - 1 - terminals.GetN();
    for (uint32_t a = 0; a < locals.GetN(); ++a)
    {
        Ptr<LocalDtApplication> local = DynamicCast<LocalDtApplication>(locals.Get(a));
        UintegerValue edge;
        local->GetAttribute("EdgeDtId", edge);
        run.startingEdge[local->GetDtId()] = edge.Get();
    }
    Simulator::Stop(dt.GetStopTime() + MilliSeconds(1));
    Simulator::Run();
    Ptr<DtStatsCollector> st = dt.GetStats();
    run.created = st->GetCreated();
    run.inDeadline = st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE);
    run.late = st->GetCount(DtDemandState::COMPLETED_LATE);
    run.failed = st->GetCount(DtDemandState::FAILED);
    run.finished = st->GetFinished();
    run.handovers = st->GetHandovers();
    run.migrations = st->GetMigrations();
    run.syncs = st->GetSyncs();
    run.meanAoi = st->GetMeanAgeOfInformation();
    Simulator::Destroy();
    return run;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * The same checks on a network a user built with ns-3's helpers as on the
 * built-in scenarios: every demand ends once, the serving edges are found,
 * handovers lead to migrations that complete, synchronization and age of
 * information are measured.
 */
class DtCustomNetworkTestCase : public TestCase
{
  public:
    DtCustomNetworkTestCase()
        : TestCase("DTs on a network built with ns-3's own helpers")
    {
    }

  private:
    void DoRun() override
    {
        CustomRun r = RunCustomNetwork();
        NS_TEST_EXPECT_MSG_EQ(r.edgeDts, 3, "three edge DTs");
        // Serving edges: the UEs' eNB (cell 1: edge 100), the stations' AP (edge 102).
        for (uint32_t ue = 0; ue < 3; ++ue)
        {
            NS_TEST_EXPECT_MSG_EQ(r.startingEdge[DtSystemHelper::LOCAL_DT_ID_BASE + ue],
                                  DtSystemHelper::EDGE_DT_ID_BASE,
                                  "a UE starts at its eNB's edge");
        }
        for (uint32_t s = 3; s < 5; ++s)
        {
            NS_TEST_EXPECT_MSG_EQ(r.startingEdge[DtSystemHelper::LOCAL_DT_ID_BASE + s],
                                  DtSystemHelper::EDGE_DT_ID_BASE + 2,
                                  "a station starts at its access point's edge");
        }
        NS_TEST_ASSERT_MSG_GT(r.created, 20, "demands were created");
        NS_TEST_EXPECT_MSG_EQ(r.inDeadline + r.late + r.failed, r.created, "conservation");
        NS_TEST_EXPECT_MSG_EQ(r.finished.size(), r.created, "one final record each");
        std::set<std::pair<uint32_t, uint64_t>> ids;
        for (const auto& d : r.finished)
        {
            ids.insert({d.origin, d.id});
        }
        NS_TEST_EXPECT_MSG_EQ(ids.size(), r.created, "no demand ended twice");
        NS_TEST_EXPECT_MSG_GT(r.inDeadline, r.created / 2, "most demands meet their deadline");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.handovers, 3, "every UE handed over to cell 2");
        uint32_t completed = 0;
        for (const auto& m : r.migrations)
        {
            if (m.completed)
            {
                ++completed;
                NS_TEST_EXPECT_MSG_EQ(m.from, DtSystemHelper::EDGE_DT_ID_BASE, "from edge 0");
                NS_TEST_EXPECT_MSG_EQ(m.to, DtSystemHelper::EDGE_DT_ID_BASE + 1, "to edge 1");
                NS_TEST_EXPECT_MSG_GT(m.bytes, 0, "state moved");
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(completed, 3, "each UE's agent migrated with it");
        NS_TEST_ASSERT_MSG_GT(r.syncs.size(), 50, "synchronizations ran");
        uint64_t ok = 0;
        for (const auto& s : r.syncs)
        {
            ok += s.outcome == LocalDtApplication::SYNC_OK ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(ok, r.syncs.size() / 2, "most synchronizations succeed");
        NS_TEST_EXPECT_MSG_GT(r.meanAoi, 0.0, "age of information measured");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The LTE access is sized to its load and configured as its attributes say:
 * SRS periodicity from the number of UEs a cell may serve, the uplink CQI
 * source, the RLC mode and t-Reordering; a default the user set for the RLC
 * is kept.
 */
class DtLteSizingTestCase : public TestCase
{
  public:
    DtLteSizingTestCase()
        : TestCase("LTE sized to its load: SRS periodicity, uplink CQI, RLC mode and timer")
    {
    }

  private:
    /// What one Build configured.
    struct Built
    {
        uint32_t srs{0};        //!< every eNB's SRS periodicity (0: they differ)
        std::string rlcMapping; //!< every eNB's EpsBearerToRlcMapping ("differ": they differ)
        std::string ulCqi;      //!< every eNB scheduler's UlCqiFilter ("differ": they differ)
        Time umReordering;      //!< ns3::LteRlcUm::ReorderingTimer default after Build
        Time amReordering;      //!< ns3::LteRlcAm::ReorderingTimer default after Build
    };

    /**
     * \param terminals UEs
     * \param configure extra helper settings
     * \return what Build configured
     */
    Built Build(uint32_t terminals, const std::function<void(Ptr<MultiLayerDtHelper>)>& configure)
    {
        Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
        dt->SetAttribute("Terminals", UintegerValue(terminals));
        dt->SetAttribute("Edges", UintegerValue(2));
        if (configure)
        {
            configure(dt);
        }
        dt->Build();
        Built b;
        Ptr<DtLteAccess> lte = DynamicCast<DtLteAccess>(dt->GetAccessNetwork());
        NetDeviceContainer enbs = lte->GetEnbDevices();
        for (uint32_t e = 0; e < enbs.GetN(); ++e)
        {
            Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(enbs.Get(e));
            UintegerValue srs;
            enb->GetRrc()->GetAttribute("SrsPeriodicity", srs);
            // By name: EnumValue's type differs between ns-3 releases.
            StringValue mapping;
            enb->GetRrc()->GetAttribute("EpsBearerToRlcMapping", mapping);
            StringValue cqi;
            DynamicCast<ComponentCarrierEnb>(enb->GetCcMap().at(0))
                ->GetFfMacScheduler()
                ->GetAttribute("UlCqiFilter", cqi);
            const auto s = static_cast<uint32_t>(srs.Get());
            b.srs = (e == 0 || b.srs == s) ? s : 0;
            b.rlcMapping = (e == 0 || b.rlcMapping == mapping.Get()) ? mapping.Get() : "differ";
            b.ulCqi = (e == 0 || b.ulCqi == cqi.Get()) ? cqi.Get() : "differ";
        }
        for (auto [name, out] : {std::make_pair("ns3::LteRlcUm", &b.umReordering),
                                 std::make_pair("ns3::LteRlcAm", &b.amReordering)})
        {
            TypeId::AttributeInformation info;
            TypeId::LookupByName(name).LookupAttributeByName("ReorderingTimer", &info);
            *out = DynamicCast<const TimeValue>(info.initialValue)->Get();
        }
        Simulator::Destroy();
        return b;
    }

    void DoRun() override
    {
        const std::vector<std::pair<uint32_t, uint32_t>> table{
            {1, 2}, {2, 2}, {3, 5}, {10, 10}, {11, 20}, {30, 40}, {41, 80}, {320, 320}, {321, 0}};
        for (auto [ues, period] : table)
        {
            NS_TEST_EXPECT_MSG_EQ(DtLteAccess::SrsPeriodicityFor(ues), period, ues << " UEs");
        }

        Built d = Build(12, nullptr);
        NS_TEST_EXPECT_MSG_EQ(d.srs, 20, "12 UEs: 20 ms, the shortest that fits them");
        NS_TEST_EXPECT_MSG_EQ(d.rlcMapping, "RlcAmAlways", "RLC AM by default");
        NS_TEST_EXPECT_MSG_EQ(d.ulCqi, "SRS_UL_CQI", "SRS CQI by default");
        NS_TEST_EXPECT_MSG_EQ(d.umReordering, MilliSeconds(32), "t-Reordering, UM");
        NS_TEST_EXPECT_MSG_EQ(d.amReordering, MilliSeconds(32), "t-Reordering, AM");

        Built c =
            Build(12,
                  [](Ptr<MultiLayerDtHelper> dt)
                  {
                      dt->SetAttribute("LteSrsPeriodicity", UintegerValue(80));
                      dt->SetAttribute("LteUplinkCqi", EnumValue(MultiLayerDtHelper::CQI_PUSCH));
                      dt->SetAttribute("LteRlcMode", EnumValue(MultiLayerDtHelper::RLC_UM));
                      dt->SetAttribute("LteRlcReorderingTimer", TimeValue(MilliSeconds(60)));
                  });
        NS_TEST_EXPECT_MSG_EQ(c.srs, 80, "the SRS periodicity asked for");
        NS_TEST_EXPECT_MSG_EQ(c.rlcMapping, "RlcUmAlways", "RLC UM asked for");
        NS_TEST_EXPECT_MSG_EQ(c.ulCqi, "PUSCH_UL_CQI", "PUSCH CQI asked for");
        NS_TEST_EXPECT_MSG_EQ(c.umReordering, MilliSeconds(60), "t-Reordering asked for");

        // A default the user set stays; the helper's own earlier one does not.
        Config::SetDefault("ns3::LteRlcUm::ReorderingTimer", TimeValue(MilliSeconds(77)));
        Built u = Build(3, nullptr);
        NS_TEST_EXPECT_MSG_EQ(u.srs, 5, "3 UEs: 5 ms");
        NS_TEST_EXPECT_MSG_EQ(u.umReordering, MilliSeconds(77), "the user's t-Reordering stays");
        NS_TEST_EXPECT_MSG_EQ(u.amReordering, MilliSeconds(32), "the helper's own is replaced");
        Config::Reset();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * DtMetroRing on five edges (each with an address on a stub link of its
 * own), hops of 1 ms: a datagram between two edges takes the shorter way
 * round, hop by hop (0 to 2 clockwise, 0 to 3 counter-clockwise, 1 to 4
 * counter-clockwise; each two hops, so it arrives after 2 ms plus the
 * transmission times and not 3 ms), and GetHops agrees. With a background
 * load of 0.3 every hop carries 0.3 of its rate each way.
 */
class DtMetroRingTestCase : public TestCase
{
  public:
    DtMetroRingTestCase()
        : TestCase("Metro ring: shorter way round, hop by hop; background load per hop")
    {
    }

  private:
    void DoRun() override
    {
        Config::Reset();
        NodeContainer edges;
        edges.Create(5);
        NodeContainer stubs;
        stubs.Create(5);
        InternetStackHelper internet;
        internet.Install(edges);
        internet.Install(stubs);
        PointToPointHelper stub;
        std::vector<Ipv4Address> addresses;
        for (uint32_t e = 0; e < 5; ++e)
        {
            Ipv4AddressHelper ip;
            std::ostringstream base;
            base << "10.9." << e << ".0";
            ip.SetBase(base.str().c_str(), "255.255.255.0");
            addresses.push_back(ip.Assign(stub.Install(edges.Get(e), stubs.Get(e))).GetAddress(0));
        }
        DtMetroRing::Parameters p;
        p.rate = DataRate("100Mbps");
        p.hopDelay = MilliSeconds(1);
        p.load = 0.3;
        Ptr<DtMetroRing> ring = CreateObject<DtMetroRing>(p);
        ring->Build(edges, addresses);
        NS_TEST_ASSERT_MSG_EQ(ring->GetHops(0, 2), 2, "0-1-2");
        NS_TEST_ASSERT_MSG_EQ(ring->GetHops(0, 3), 2, "0-4-3");
        NS_TEST_ASSERT_MSG_EQ(ring->GetHops(4, 0), 1, "4-0");
        NS_TEST_ASSERT_MSG_EQ(ring->GetDevices().GetN(), 10, "five hops, two ends each");

        // One datagram per pair at 1 s; the arrival times.
        const std::vector<std::pair<uint32_t, uint32_t>> pairs{{0, 2}, {0, 3}, {1, 4}};
        std::map<uint32_t, Time> arrived; // by destination edge
        std::vector<Ptr<Socket>> sockets;
        for (const auto& [from, to] : pairs)
        {
            Ptr<Socket> rx = Socket::CreateSocket(edges.Get(to), UdpSocketFactory::GetTypeId());
            rx->Bind(InetSocketAddress(addresses[to], 4000));
            rx->SetRecvCallback(Callback<void, Ptr<Socket>>(
                [&arrived, to](Ptr<Socket> s)
                {
                    while (s->Recv())
                    {
                        arrived[to] = Simulator::Now();
                    }
                }));
            Ptr<Socket> tx = Socket::CreateSocket(edges.Get(from), UdpSocketFactory::GetTypeId());
            tx->Bind();
            const InetSocketAddress dst(addresses[to], 4000);
            Simulator::Schedule(Seconds(1),
                                [tx, dst]()
                                {
                                    tx->SendTo(Create<Packet>(100), 0, dst);
                                });
            sockets.push_back(rx);
            sockets.push_back(tx);
        }
        // Background bytes on hop 0, each way, from 2 s to 3 s.
        uint64_t hopBytes = 0;
        Ptr<NetDevice> hop0 = ring->GetDevices().Get(0);
        hop0->TraceConnectWithoutContext("PhyTxEnd",
                                         Callback<void, Ptr<const Packet>>(
                                             [&hopBytes](Ptr<const Packet> packet)
                                             {
                                                 const Time now = Simulator::Now();
                                                 if (now >= Seconds(2) && now < Seconds(3))
                                                 {
                                                     hopBytes += packet->GetSize();
                                                 }
                                             }));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        for (const auto& [from, to] : pairs)
        {
            NS_TEST_ASSERT_MSG_EQ(arrived.count(to), 1, "edge " << to << " got its datagram");
            const Time took = arrived[to] - Seconds(1);
            NS_TEST_EXPECT_MSG_GT(took, MilliSeconds(2), from << " to " << to << ": two hops");
            NS_TEST_EXPECT_MSG_LT(took, MilliSeconds(3), from << " to " << to << ": not three");
        }
        // 0.3 of 100 Mb/s for 1 s, counted at the point-to-point frame (2
        // bytes of PPP on 1500): 3.75 MB give or take a packet.
        NS_TEST_EXPECT_MSG_EQ_TOL(static_cast<double>(hopBytes),
                                  0.3 * 100e6 / 8 * 1502 / 1500,
                                  3100,
                                  "background load on the hop");
        sockets.clear();
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The installer's suite.
 */
class DtInstallTestSuite : public TestSuite
{
  public:
    DtInstallTestSuite()
        : TestSuite("multilayer-dt-install", Type::SYSTEM)
    {
        AddTestCase(new DtUserSettingsTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtCustomNetworkTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLteSizingTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMetroRingTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance of the suite.
static DtInstallTestSuite g_dtInstallTestSuite;
