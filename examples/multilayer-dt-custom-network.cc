/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Digital twins on a network of your own.
//
// The network is built only with ns-3's own helpers, as a study would have
// it already: an LTE/EPC network with three cells in a layout of its own
// (LteHelper, PointToPointEpcHelper, A3-RSRP handover, X2), a separate Wi-Fi
// hotspot (WifiHelper), a CSMA metro LAN joining the PGW, the edge servers
// and a gateway, and a distant cloud behind the gateway (PointToPointHelper,
// static routes). UEs drive along a road through the three cells
// (WaypointMobilityModel, or an ns-2 mobility trace with --ns2Trace);
// stations sit in the hotspot.
//
// Then DtSystemHelper installs the cloud DT, an edge DT on every edge server
// and a local DT on every terminal; the cells are registered from the
// network's own devices (eNBs, the access point), the serving edges found
// from the UEs' eNBs and the stations' access point. Handovers between the
// cells migrate the twins between the edges (--migrationPolicy).
// Prints a short table and writes OUTPUTDIR/summary.json, demands.csv,
// sync.csv, migrations.csv.
//
// The faults of the built-in scenarios work here too (DtFaultHelper): loss on
// the metro, WAN and hotspot devices, an edge server that fails and
// recovers, malformed datagrams.
//
//   ./mldt run custom-network -- --ues=10 --speed=30 --migrationPolicy=proactive
//   ./mldt run custom-network -- --failEdgeAt=8 --recoverEdgeAt=14 --lossRate=0.05

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/mobility-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/wifi-module.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * Report a bad command-line value and exit with status 2.
 * \param what the message
 */
[[noreturn]] void
Fail(const std::string& what)
{
    std::cerr << "error: " << what << std::endl;
    std::exit(2);
}

/**
 * \param v a value
 * \param precision digits after the point
 * \return it as text
 */
std::string
Fmt(double v, int precision = 1)
{
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(precision);
    os << v;
    return os.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nUes = 6;
    uint32_t nStations = 3;
    double speed = 20;
    double simTime = 20;
    double syncProbability = 0.2;
    double demandRate = 0.5;
    double cloudKm = 1000;
    std::string policy = "reactive";
    std::string ns2Trace;
    std::string outputDir = "custom-network-output";
    bool pcap = false;
    bool flowmon = false;
    double lossRate = 0;
    double failEdgeAt = 0;
    double recoverEdgeAt = 0;
    uint32_t failedEdge = 1;
    double malformedInterval = 0;

    CommandLine cmd(__FILE__);
    cmd.Usage("Digital twins installed on a network built with ns-3's own helpers: three LTE "
              "cells with an edge server each, a Wi-Fi hotspot whose access point is an edge "
              "server, a CSMA metro LAN and a distant cloud.");
    cmd.AddValue("ues", "LTE UEs driving through the cells (1..100)", nUes);
    cmd.AddValue("stations", "Wi-Fi stations in the hotspot (0..50)", nStations);
    cmd.AddValue("speed", "Speed of the UEs along the road, m/s (> 0)", speed);
    cmd.AddValue("simTime", "Seconds the terminals create demands (> 0)", simTime);
    cmd.AddValue("syncProbability",
                 "Probability of a synchronization request per 100 ms slot (0..1)",
                 syncProbability);
    cmd.AddValue("demandRate", "Demands per second per terminal (>= 0)", demandRate);
    cmd.AddValue("cloudKm", "Fibre from the gateway to the cloud, km (>= 0)", cloudKm);
    cmd.AddValue("migrationPolicy", "reactive | proactive | none", policy);
    cmd.AddValue("ns2Trace",
                 "Move the UEs with this ns-2 mobility trace (Ns2MobilityHelper; node ids "
                 "0..ues-1) instead of along the road",
                 ns2Trace);
    cmd.AddValue("outputDir", "Folder for the outputs", outputDir);
    cmd.AddValue("pcap", "Write PCAP traces of the metro LAN and the hotspot", pcap);
    cmd.AddValue("flowmon", "Write FlowMonitor statistics (flowmon.xml)", flowmon);
    cmd.AddValue("lossRate",
                 "Probability that a packet is lost on each metro, WAN and hotspot device it "
                 "reaches (0..1)",
                 lossRate);
    cmd.AddValue(
        "failEdgeAt", "Time (s) at which edge server failedEdge fails (0: never)", failEdgeAt);
    cmd.AddValue("recoverEdgeAt", "Time (s) at which it comes back (0: never)", recoverEdgeAt);
    cmd.AddValue(
        "failedEdge", "Index of the edge server that fails (0..3; 3: the hotspot)", failedEdge);
    cmd.AddValue("malformedInterval",
                 "Seconds between malformed DT datagrams sent to every DT in turn (0: none)",
                 malformedInterval);
    if (const std::string bad = DtCheckAttributeArguments(argc, argv); !bad.empty())
    {
        Fail(bad);
    }
    cmd.Parse(argc, argv);
    if (nUes < 1 || nUes > 100)
    {
        Fail("--ues=" + std::to_string(nUes) + ": expected 1..100");
    }
    if (nStations > 50)
    {
        Fail("--stations=" + std::to_string(nStations) + ": expected 0..50");
    }
    if (!(speed > 0))
    {
        Fail("--speed=" + Fmt(speed) + ": expected a speed > 0 m/s");
    }
    if (!(simTime > 0))
    {
        Fail("--simTime=" + Fmt(simTime) + ": expected > 0 s");
    }
    if (!(syncProbability >= 0 && syncProbability <= 1))
    {
        Fail("--syncProbability=" + Fmt(syncProbability, 3) + ": expected 0..1");
    }
    if (!(demandRate >= 0))
    {
        Fail("--demandRate=" + Fmt(demandRate, 3) + ": expected >= 0");
    }
    if (!(cloudKm >= 0))
    {
        Fail("--cloudKm=" + Fmt(cloudKm) + ": expected >= 0");
    }
    if (!(lossRate >= 0 && lossRate <= 1))
    {
        Fail("--lossRate=" + Fmt(lossRate, 3) + ": expected 0..1");
    }
    if (!(failEdgeAt >= 0) || !(recoverEdgeAt >= 0)
        || (recoverEdgeAt > 0 && recoverEdgeAt <= failEdgeAt))
    {
        Fail("--failEdgeAt=" + Fmt(failEdgeAt) + " --recoverEdgeAt=" + Fmt(recoverEdgeAt)
             + ": expected times >= 0, the recovery after the failure");
    }
    if (failedEdge > 3)
    {
        Fail("--failedEdge=" + std::to_string(failedEdge) + ": expected 0..3");
    }
    if (!(malformedInterval >= 0))
    {
        Fail("--malformedInterval=" + Fmt(malformedInterval, 3) + ": expected >= 0");
    }
    DtMigrationMode migration;
    if (policy == "reactive")
    {
        migration = DT_MIGRATION_REACTIVE;
    }
    else if (policy == "proactive")
    {
        migration = DT_MIGRATION_PROACTIVE;
    }
    else if (policy == "none")
    {
        migration = DT_MIGRATION_NONE;
    }
    else
    {
        Fail("--migrationPolicy=" + policy + ": expected reactive, proactive or none");
    }
    if (!ns2Trace.empty() && !std::filesystem::is_regular_file(ns2Trace))
    {
        Fail("--ns2Trace=" + ns2Trace + ": no such file");
    }
    std::error_code ec;
    std::filesystem::create_directories(outputDir, ec);
    if (ec)
    {
        Fail("--outputDir=" + outputDir + ": cannot create it (" + ec.message() + ")");
    }
    const auto wallStart = std::chrono::steady_clock::now();

    // ---------------------------------------------------------------- the network
    // Terminals first: an ns-2 trace addresses nodes by id from 0.
    NodeContainer ues;
    ues.Create(nUes);
    NodeContainer stations;
    stations.Create(nStations);
    NodeContainer edges; // one per cell, the last is the hotspot's access point
    edges.Create(4);
    Ptr<Node> gateway = CreateObject<Node>();
    Ptr<Node> cloud = CreateObject<Node>();

    // Three cells along a road, 600 m apart, 40 m off it.
    const std::vector<Vector> cellSites{{0, 40, 25}, {600, 40, 25}, {1200, 40, 25}};
    Ptr<LteHelper> lte = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epc = CreateObject<PointToPointEpcHelper>();
    lte->SetEpcHelper(epc);
    lte->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lte->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(3));
    lte->SetHandoverAlgorithmAttribute("TimeToTrigger", TimeValue(MilliSeconds(256)));
    lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(50));
    lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(50));
    NodeContainer enbs;
    enbs.Create(cellSites.size());
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> enbPos = CreateObject<ListPositionAllocator>();
    for (const auto& s : cellSites)
    {
        enbPos->Add(s);
    }
    fixed.SetPositionAllocator(enbPos);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(enbs);
    NetDeviceContainer enbDevs = lte->InstallEnbDevice(enbs);

    // The UEs drive from before cell 1 to past cell 3 and back.
    if (ns2Trace.empty())
    {
        MobilityHelper road;
        road.SetMobilityModel("ns3::WaypointMobilityModel");
        road.Install(ues);
        const double length = 1400;
        for (uint32_t i = 0; i < nUes; ++i)
        {
            Ptr<WaypointMobilityModel> m = ues.Get(i)->GetObject<WaypointMobilityModel>();
            const double x0 = -100 + 30.0 * i;
            const double y = 5 + 3.0 * (i % 3);
            double t = 0;
            m->AddWaypoint(Waypoint(Seconds(t), Vector(x0, y, 1.5)));
            t += (length - x0) / speed;
            m->AddWaypoint(Waypoint(Seconds(t), Vector(length, y, 1.5)));
            t += (length + 100) / speed;
            m->AddWaypoint(Waypoint(Seconds(t), Vector(-100, y, 1.5)));
        }
    }
    else
    {
        Ns2MobilityHelper trace(ns2Trace);
        trace.Install(ues.Begin(), ues.End());
    }

    InternetStackHelper internet;
    internet.Install(ues);
    internet.Install(stations);
    internet.Install(edges);
    internet.Install(gateway);
    internet.Install(cloud);
    NetDeviceContainer ueDevs = lte->InstallUeDevice(ues);
    Ipv4InterfaceContainer ueIfs = epc->AssignUeIpv4Address(ueDevs);
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < nUes; ++i)
    {
        Ptr<Ipv4> ipv4 = ues.Get(i)->GetObject<Ipv4>();
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
    }
    lte->Attach(ueDevs); // each UE to the strongest cell
    lte->AddX2Interface(enbs);

    // The metro LAN: PGW, the four edge servers, the gateway.
    CsmaHelper metro;
    metro.SetChannelAttribute("DataRate", StringValue("10Gbps"));
    metro.SetChannelAttribute("Delay", TimeValue(MicroSeconds(50)));
    NodeContainer lanNodes(epc->GetPgwNode());
    lanNodes.Add(edges);
    lanNodes.Add(gateway);
    NetDeviceContainer lanDevs = metro.Install(lanNodes);
    Ipv4AddressHelper ip("10.100.0.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIfs = ip.Assign(lanDevs);
    const Ipv4Address pgwLan = lanIfs.GetAddress(0);
    const Ipv4Address hotspotLan = lanIfs.GetAddress(4);
    const Ipv4Address gatewayLan = lanIfs.GetAddress(5);

    // The cloud: a long fibre behind the gateway.
    PointToPointHelper wan;
    wan.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    wan.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5) * cloudKm));
    ip.SetBase("10.200.0.0", "255.255.255.252");
    NetDeviceContainer wanDevs = wan.Install(gateway, cloud);
    Ipv4InterfaceContainer wanIfs = ip.Assign(wanDevs);

    // The hotspot: edge server 3 is its access point.
    Ptr<ListPositionAllocator> spots = CreateObject<ListPositionAllocator>();
    for (const auto& s : cellSites)
    {
        spots->Add(s); // edge servers 0..2 at their cells
    }
    spots->Add(Vector(900, 250, 3)); // the hotspot
    spots->Add(Vector(300, 300, 0)); // gateway
    spots->Add(Vector(0, 5000, 0));  // cloud
    fixed.SetPositionAllocator(spots);
    fixed.Install(edges);
    fixed.Install(gateway);
    fixed.Install(cloud);
    Ptr<UniformDiscPositionAllocator> around = CreateObject<UniformDiscPositionAllocator>();
    around->SetX(900);
    around->SetY(250);
    around->SetRho(15);
    fixed.SetPositionAllocator(around);
    fixed.Install(stations);
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211ax);
    WifiMacHelper mac;
    const Ssid ssid("cafe-hotspot");
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer staDevs = wifi.Install(phy, mac, stations);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDev = wifi.Install(phy, mac, edges.Get(3));
    ip.SetBase("10.50.0.0", "255.255.255.0");
    Ipv4InterfaceContainer apIf = ip.Assign(apDev);
    ip.Assign(staDevs);

    // Static routes, as ns-3's LTE examples set them.
    auto staticOf = [&routing](Ptr<Node> n)
    {
        return routing.GetStaticRouting(n->GetObject<Ipv4>());
    };
    auto ifOf = [](Ptr<Node> n, Ipv4Address a)
    {
        return static_cast<uint32_t>(n->GetObject<Ipv4>()->GetInterfaceForAddress(a));
    };
    Ptr<Node> pgw = epc->GetPgwNode();
    staticOf(pgw)->SetDefaultRoute(gatewayLan, ifOf(pgw, pgwLan));
    staticOf(pgw)->AddNetworkRouteTo("10.50.0.0", "255.255.255.0", hotspotLan, ifOf(pgw, pgwLan));
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        Ptr<Node> n = edges.Get(e);
        const uint32_t lan = ifOf(n, lanIfs.GetAddress(1 + e));
        staticOf(n)->SetDefaultRoute(gatewayLan, lan);
        staticOf(n)->AddNetworkRouteTo("7.0.0.0", "255.0.0.0", pgwLan, lan);
        if (e != 3)
        {
            staticOf(n)->AddNetworkRouteTo("10.50.0.0", "255.255.255.0", hotspotLan, lan);
        }
    }
    const uint32_t gwLan = ifOf(gateway, gatewayLan);
    staticOf(gateway)->AddNetworkRouteTo("7.0.0.0", "255.0.0.0", pgwLan, gwLan);
    staticOf(gateway)->AddNetworkRouteTo("10.50.0.0", "255.255.255.0", hotspotLan, gwLan);
    staticOf(cloud)->SetDefaultRoute(wanIfs.GetAddress(0), ifOf(cloud, wanIfs.GetAddress(1)));
    for (uint32_t s = 0; s < nStations; ++s)
    {
        staticOf(stations.Get(s))->SetDefaultRoute(apIf.GetAddress(0), 1);
    }

    // ---------------------------------------------------------------- the DTs
    DtSystemHelper dt;
    dt.SetDemandClasses(DtDefaultWorkload::GetDemandClasses());
    dt.SetAppUsage(true);
    dt.SetLocalDtAttribute("MigrationPolicy", EnumValue(migration));
    dt.SetEdgeDtAttribute("MigrationPolicy", EnumValue(migration));
    dt.SetLocalDtAttribute("SyncProbability", DoubleValue(syncProbability));
    dt.SetLocalDtAttribute("ServiceModule/DemandRate", DoubleValue(demandRate));
    dt.SetLocalDtAttribute("ServiceModule/GenerationStopTime", TimeValue(Seconds(1 + simTime)));
    // What the local DTs assume of their access when they estimate transfer
    // times: about what a 10 MHz LTE cell gives a few UEs.
    dt.SetLocalDtAttribute("ServiceModule/UplinkRate", DataRateValue(DataRate("8Mbps")));
    dt.SetLocalDtAttribute("ServiceModule/DownlinkRate", DataRateValue(DataRate("20Mbps")));
    dt.SetEdgeDtAttribute("ServiceModule/BackhaulRate", DataRateValue(DataRate("10Gbps")));
    if (failEdgeAt > 0)
    {
        // A local DT that hears nothing from its edge for 2 s probes it, and
        // moves to another edge DT if the probe fails.
        dt.SetLocalDtAttribute("EdgeFailover", BooleanValue(true));
    }
    dt.SetStartTime(Seconds(1));
    dt.SetStopTime(Seconds(1 + simTime + 5));
    DtEnergyHelper energy;
    energy.Install(NodeContainer(ues, stations));
    dt.InstallCloudDt(cloud);
    dt.InstallEdgeDt(edges);
    for (uint32_t c = 0; c < enbDevs.GetN(); ++c)
    {
        dt.AddCell(edges.Get(c), enbDevs.Get(c));
    }
    dt.AddCell(edges.Get(3), apDev.Get(0));
    dt.InstallLocalDt(NodeContainer(ues, stations));
    dt.AssignStreams(1000000);
    Ptr<DtFaultHelper> faults = CreateObject<DtFaultHelper>();
    faults->SetAttribute("LossRate", DoubleValue(lossRate));
    faults->SetStats(dt.GetStats());
    if (lossRate > 0 || failEdgeAt > 0)
    {
        NetDeviceContainer faulty(lanDevs, apDev);
        faulty.Add(staDevs);
        faulty.Add(wanDevs);
        faults->Install(faulty, 5000000);
    }
    if (failEdgeAt > 0)
    {
        faults->ScheduleFailure(edges.Get(failedEdge), Seconds(failEdgeAt), Seconds(recoverEdgeAt));
    }
    if (malformedInterval > 0)
    {
        faults->InstallMalformedInjector(gateway, dt, Seconds(malformedInterval), 0);
    }
    if (flowmon)
    {
        dt.EnableFlowMonitor();
    }
    if (pcap)
    {
        metro.EnablePcap(outputDir + "/metro", lanDevs);
        phy.EnablePcap(outputDir + "/hotspot", apDev);
    }

    Simulator::Stop(dt.GetStopTime() + MilliSeconds(1));
    Simulator::Run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    Ptr<DtStatsCollector> st = dt.GetStats();
    st->SetScenario("custom-network", DtArchitectureName(dt.GetArchitecture()));
    dt.WriteOutputs(outputDir, wall);

    uint64_t migrated = 0;
    double downtimeMs = 0;
    for (const auto& m : st->GetMigrations())
    {
        if (m.completed)
        {
            ++migrated;
            downtimeMs += m.downtime.GetSeconds() * 1e3;
        }
    }
    uint64_t syncOk = 0;
    for (const auto& s : st->GetSyncs())
    {
        syncOk += s.outcome == LocalDtApplication::SYNC_OK ? 1 : 0;
    }
    const auto& syncs = st->GetSyncs();
    std::cout << "DTs on a custom network: " << nUes << " UEs in 3 LTE cells, " << nStations
              << " Wi-Fi stations, 4 edge servers, cloud " << cloudKm << " km away, migration "
              << policy << ", RngRun " << RngSeedManager::GetRun() << "\n"
              << "demands created               " << st->GetCreated() << "\n"
              << "  completed in deadline       "
              << st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE) << "\n"
              << "  completed late              " << st->GetCount(DtDemandState::COMPLETED_LATE)
              << "\n"
              << "  failed                      " << st->GetCount(DtDemandState::FAILED) << "\n";
    const char* tiers[] = {"all", "local", "edge", "cloud"};
    for (int t = -1; t < 3; ++t)
    {
        const DtLatencyStats l = st->GetLatency(t);
        std::cout << "latency " << tiers[t + 1]
                  << std::string(22 - std::string(tiers[t + 1]).size(), ' ')
                  << (l.count ? Fmt(l.mean) + " ms mean (" + std::to_string(l.count) + ")" : "-")
                  << "\n";
    }
    std::cout << "handovers detected            " << st->GetHandovers() << "\n"
              << "migrations completed          " << migrated << " of "
              << st->GetMigrations().size() << ", mean downtime "
              << (migrated ? Fmt(downtimeMs / migrated, 2) + " ms" : std::string("-")) << "\n"
              << "sync requests / ok            " << syncs.size() << " / " << syncOk << "\n"
              << "mean age of information ms    " << Fmt(st->GetMeanAgeOfInformation() * 1e3)
              << "\n"
              << "terminal energy J             " << Fmt(st->GetEnergy().totalJ) << "\n"
              << "packets lost / dropped down   " << st->GetPacketsLost() << " / "
              << st->GetPacketsDroppedDown() << "\n"
              << "edge failures / failovers     " << st->GetEdgeFailures() << " / "
              << st->GetFailovers() << "\n"
              << "edge probes                   " << st->GetEdgeProbes() << "\n"
              << "malformed packets dropped     " << st->GetMalformedDropped() << "\n"
              << "wall time s                   " << Fmt(wall, 2) << "\n"
              << "outputs: " << outputDir
              << "/{summary.json, demands.csv, sync.csv, migrations.csv}" << std::endl;
    Simulator::Destroy();
    return 0;
}
