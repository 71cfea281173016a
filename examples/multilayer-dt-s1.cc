/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// S1: the case study of the multi-layer DT paper (Section IV.B).
//
// 10 terminals (1 GFLOPS), 2 edge servers (20 GFLOPS), 1 cloud (500 GFLOPS);
// wireless uplink 50 Mbps, downlink 200 Mbps (802.11ac); edge-cloud fibre
// 1 Gbps. The same network, demand stream and seed run with the centralized
// DT and with the multi-layer DT; each writes summary.json and demands.csv
// into OUTPUTDIR/<architecture>/, and a side-by-side table is printed.
//
//   ./mldt run s1 -- --simTime=20 --RngRun=3
//
// The paper gives no workload sizes: the demand classes are stated in doc/
// and every number printed comes out of the packet-level simulation.

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("MultilayerDtS1");

namespace
{

/// What one architecture's run produced, for the table.
struct RunResult
{
    std::string name;                      //!< architecture
    uint64_t created{0};                   //!< demands created
    uint64_t inDeadline{0};                //!< completed in deadline
    uint64_t late{0};                      //!< completed late
    uint64_t failed{0};                    //!< failed
    std::array<DtLatencyStats, 4> latency; //!< all, local, edge, cloud
    std::array<double, 3> signalingKb{};   //!< per demand, by layer
    std::array<double, 3> wireKb{};        //!< on the links per demand, by layer
    DtDataStats data;                      //!< data-module figures
    DtDetectionStats detection;            //!< anomaly detection
    DtEnergyStats energy;                  //!< terminal energy
    uint64_t handovers{0};                 //!< handovers detected
    uint64_t migrations{0};                //!< agent migrations completed
    double migrationMs{0};                 //!< their mean duration
    double wall{0};                        //!< wall-clock seconds
    uint64_t events{0};                    //!< simulator events executed
    uint64_t retried{0};                   //!< demands retried after their DT was lost
    uint64_t lost{0};                      //!< packets lost to the loss rate
    uint64_t downDropped{0};               //!< packets dropped by failed links
    uint64_t edgeFailures{0};              //!< edge failures
    uint64_t failovers{0};                 //!< local DT failovers
    uint64_t malformed{0};                 //!< malformed datagrams dropped
};

/// Command-line settings of the scenario.
struct Settings
{
    uint32_t terminals{10};      //!< terminals
    uint32_t edges{2};           //!< edge servers
    double simTime{10};          //!< seconds of demand generation
    double demandRate{2};        //!< demands per second per terminal
    double terminalGflops{1};    //!< terminal capacity
    double edgeGflops{20};       //!< edge capacity
    double cloudGflops{500};     //!< cloud capacity
    double anomalyRate{0.1};     //!< injected anomalies per second per terminal
    double workloadScale{1};     //!< factor on every demand's workload
    bool pcap{false};            //!< write PCAP
    bool flowmon{false};         //!< write flowmon.xml
    bool progress{false};        //!< print the simulation's progress
    bool netanim{false};         //!< write a NetAnim animation
    bool lte{false};             //!< LTE access instead of Wi-Fi
    bool highMobility{false};    //!< half the terminals change edge every second
    bool wired{false};           //!< a point-to-point link per terminal (no radio)
    std::string outputDir;       //!< output folder
    std::string recordTraffic;   //!< write the DTs' traffic here
    std::string replayTraffic;   //!< replay this traffic without DTs
    double lossRate{0};          //!< packet loss per access and fibre link
    uint32_t failedEdge{0};      //!< edge that fails
    double failEdgeAt{0};        //!< when, s (0: never)
    double recoverEdgeAt{0};     //!< when it comes back, s (0: never)
    double malformedInterval{0}; //!< malformed datagram period, s (0: none)
    uint32_t malformedPort{0};   //!< their port (0: the DTs')
    TypeId placement;            //!< where the multi-layer DT runs demands
    double cloudKm{100};         //!< edge-cloud distance, km
    std::string wanRate{"0"};    //!< shared wide-area segment's rate ("0": none)
    double wanLoad{0};           //!< its background load, 0..0.99
    uint32_t cloudCores{1};      //!< parallel jobs in the cloud
};

/**
 * Run one architecture.
 * \param arch the architecture
 * \param s the settings
 * \return the results
 */
RunResult
RunOnce(DtArchitecture arch, const Settings& s)
{
    const std::string name = DtArchitectureName(arch);
    auto wallStart = std::chrono::steady_clock::now();

    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(s.terminals));
    dt->SetAttribute("Edges", UintegerValue(s.edges));
    dt->SetAttribute("Architecture", EnumValue(arch));
    dt->SetAttribute("SimTime", TimeValue(Seconds(s.simTime)));
    dt->SetAttribute("DemandRate", DoubleValue(s.demandRate));
    dt->SetAttribute("WorkloadScale", DoubleValue(s.workloadScale));
    dt->SetAttribute("TerminalCapacityGflops", DoubleValue(s.terminalGflops));
    dt->SetAttribute("EdgeCapacityGflops", DoubleValue(s.edgeGflops));
    dt->SetAttribute("CloudCapacityGflops", DoubleValue(s.cloudGflops));
    dt->SetAttribute("AnomalyRate", DoubleValue(s.anomalyRate));
    dt->SetAttribute("LossRate", DoubleValue(s.lossRate));
    dt->SetAttribute("FailedEdge", UintegerValue(s.failedEdge));
    dt->SetAttribute("EdgeFailureTime", TimeValue(Seconds(s.failEdgeAt)));
    dt->SetAttribute("EdgeRecoveryTime", TimeValue(Seconds(s.recoverEdgeAt)));
    dt->SetAttribute("MalformedInterval", TimeValue(Seconds(s.malformedInterval)));
    dt->SetAttribute("MalformedPort", UintegerValue(s.malformedPort));
    dt->SetAttribute("PlacementPolicy", TypeIdValue(s.placement));
    dt->SetAttribute("EdgeCloudDistanceKm", DoubleValue(s.cloudKm));
    dt->SetAttribute("WanRate",
                     DataRateValue(s.wanRate == "0" ? DataRate(0) : DataRate(s.wanRate)));
    dt->SetAttribute("WanLoad", DoubleValue(s.wanLoad));
    dt->SetAttribute("CloudCores", UintegerValue(s.cloudCores));
    if (s.lte)
    {
        // 100 resource blocks: the most LTE gives, still below S1's 50/200 Mb/s.
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
        dt->SetAttribute("LteBandwidth", UintegerValue(100));
        dt->SetAttribute("AutomaticHandover", BooleanValue(!s.highMobility));
    }
    else if (s.wired)
    {
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
    }
    else if (s.highMobility)
    {
        // One ESS whose APs both reach the cell border: 60 m apart on one
        // channel; scripted re-associations, no SNR-triggered roaming.
        dt->SetAttribute("WifiRoaming", BooleanValue(true));
        dt->SetAttribute("EdgeSpacing", DoubleValue(60));
        Config::SetDefault("ns3::DtWifiRoamingManager::SnrRoaming", BooleanValue(false));
    }
    dt->Build();
    DtTrafficReplayHelper traffic;
    if (!s.replayTraffic.empty())
    {
        traffic.Install(dt->GetDtNodes(), s.replayTraffic);
    }
    else
    {
        ApplicationContainer apps = dt->Install();
        if (!s.recordTraffic.empty())
        {
            traffic.Record(apps, s.recordTraffic);
        }
    }
    if (s.highMobility)
    {
        // The paper's high-mobility case: 5 of 10 terminals (half of them)
        // change their edge server every second.
        // They stand between the two cells, where both serve them, as
        // users moving along the cell border would.
        NodeContainer terminals = dt->GetTerminals();
        for (uint32_t i = 0; i < terminals.GetN() / 2; ++i)
        {
            Ptr<MobilityModel> mm = terminals.Get(i)->GetObject<MobilityModel>();
            DoubleValue spacing;
            dt->GetAttribute("EdgeSpacing", spacing);
            const double border = spacing.Get() / 2;
            mm->SetPosition(Vector(border + (i % 2 ? 3.0 : -3.0), 2.0 * i, 0));
            for (double t = 2; t < 1 + s.simTime; t += 1)
            {
                dt->ScheduleHandover(Seconds(t), terminals.Get(i), MultiLayerDtHelper::NEXT_EDGE);
            }
        }
    }
    if (!s.replayTraffic.empty())
    {
        Simulator::Stop(dt->GetStopTime());
        Simulator::Run();
        RunResult r;
        r.name = name;
        r.wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        r.events = Simulator::GetEventCount();
        Simulator::Destroy();
        return r;
    }
    dt->GetStats()->SetScenario("s1", name);
    const std::string dir = s.outputDir + "/" + name;
    std::filesystem::create_directories(dir);
    if (s.pcap)
    {
        dt->EnablePcap(dir + "/s1");
    }
    if (s.flowmon)
    {
        dt->EnableFlowMonitor();
    }
    std::unique_ptr<ShowProgress> progress;
    if (s.progress)
    {
        progress = std::make_unique<ShowProgress>(Seconds(5), std::cerr);
    }
    Ptr<DtAnimation> animation;
    if (s.netanim)
    {
        animation = CreateObject<DtAnimation>();
        animation->Install(dir + "/netanim.xml");
    }

    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    progress.reset();
    if (animation)
    {
        animation->Dispose(); // completes the file
    }
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    dt->WriteOutputs(dir, wall);

    RunResult r;
    r.name = name;
    Ptr<DtStatsCollector> st = dt->GetStats();
    r.created = st->GetCreated();
    r.inDeadline = st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE);
    r.late = st->GetCount(DtDemandState::COMPLETED_LATE);
    r.failed = st->GetCount(DtDemandState::FAILED);
    for (int t = -1; t < 3; ++t)
    {
        r.latency[t + 1] = st->GetLatency(t);
    }
    const double n = r.created ? static_cast<double>(r.created) : 1.0;
    for (DtLayer l : {DtLayer::LOCAL, DtLayer::EDGE, DtLayer::CLOUD})
    {
        r.signalingKb[static_cast<int>(l)] = st->GetSignalingBytes(l) / n / 1000.0;
        r.wireKb[static_cast<int>(l)] = (st->GetWireCounter()->GetBytes(l, DtWireCounter::RADIO)
                                         + st->GetWireCounter()->GetBytes(l, DtWireCounter::WIRED))
                                        / n / 1000.0;
    }
    r.data = st->GetData();
    r.energy = st->GetEnergy();
    r.handovers = st->GetHandovers();
    for (const auto& m : st->GetMigrations())
    {
        if (m.completed)
        {
            ++r.migrations;
            r.migrationMs += m.downtime.GetSeconds() * 1e3;
        }
    }
    r.migrationMs = r.migrations ? r.migrationMs / r.migrations : 0;
    r.detection = st->GetDetection();
    r.retried = st->GetRetried();
    r.lost = st->GetPacketsLost();
    r.downDropped = st->GetPacketsDroppedDown();
    r.edgeFailures = st->GetEdgeFailures();
    r.failovers = st->GetFailovers();
    r.malformed = st->GetMalformedDropped();
    r.wall = wall;
    r.events = Simulator::GetEventCount();
    Simulator::Destroy();
    return r;
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
    os << std::fixed << std::setprecision(precision) << v;
    return os.str();
}

/**
 * Print the side-by-side table.
 * \param runs one result per architecture
 */
void
PrintTable(const std::vector<RunResult>& runs)
{
    std::vector<std::pair<std::string, std::vector<std::string>>> rows;
    auto row = [&rows, &runs](const std::string& label, auto value)
    {
        std::vector<std::string> cells;
        for (const auto& r : runs)
        {
            cells.push_back(value(r));
        }
        rows.emplace_back(label, cells);
    };
    const char* tiers[] = {"all", "local", "edge", "cloud"};
    row("demands created",
        [](const RunResult& r)
        {
            return std::to_string(r.created);
        });
    row("  completed in deadline",
        [](const RunResult& r)
        {
            return std::to_string(r.inDeadline);
        });
    row("  completed late",
        [](const RunResult& r)
        {
            return std::to_string(r.late);
        });
    row("  failed",
        [](const RunResult& r)
        {
            return std::to_string(r.failed);
        });
    row("  retried after their DT was lost",
        [](const RunResult& r)
        {
            return std::to_string(r.retried);
        });
    row("packets lost / dropped by failures",
        [](const RunResult& r)
        {
            return std::to_string(r.lost) + " / " + std::to_string(r.downDropped);
        });
    row("edge failures / failovers",
        [](const RunResult& r)
        {
            return std::to_string(r.edgeFailures) + " / " + std::to_string(r.failovers);
        });
    row("malformed packets dropped",
        [](const RunResult& r)
        {
            return std::to_string(r.malformed);
        });
    for (int t = 0; t < 4; ++t)
    {
        row(std::string("latency ") + tiers[t] + " mean/p95 ms (n)",
            [t](const RunResult& r)
            {
                const DtLatencyStats& s = r.latency[t];
                if (s.count == 0)
                {
                    return std::string("-");
                }
                return Fmt(s.mean) + " / " + Fmt(s.p95) + " (" + std::to_string(s.count) + ")";
            });
    }
    const char* layers[] = {"local", "edge", "cloud"};
    for (int l = 0; l < 3; ++l)
    {
        row(std::string("signaling KB/demand, ") + layers[l],
            [l](const RunResult& r)
            {
                return Fmt(r.signalingKb[l], 2);
            });
    }
    for (int l = 0; l < 3; ++l)
    {
        row(std::string("on the links KB/demand (all), ") + layers[l],
            [l](const RunResult& r)
            {
                return Fmt(r.wireKb[l], 2);
            });
    }
    row("status sample bytes sent / raw",
        [](const RunResult& r)
        {
            return std::to_string(r.data.sentBytes) + " / " + std::to_string(r.data.rawBytes);
        });
    row("status compression (position)",
        [](const RunResult& r)
        {
            const DtSourceStats& p = r.data.bySource[static_cast<int>(DtSource::POSITION) - 1];
            return p.sentBytes ? Fmt(static_cast<double>(p.rawBytes) / p.sentBytes, 1) + "x"
                               : std::string("-");
        });
    row("handovers / migrations (mean ms)",
        [](const RunResult& r)
        {
            return std::to_string(r.handovers) + " / " + std::to_string(r.migrations)
                   + (r.migrations ? " (" + Fmt(r.migrationMs, 2) + ")" : std::string());
        });
    row("terminal energy J (radio / cpu)",
        [](const RunResult& r)
        {
            const double n = r.energy.terminals ? r.energy.terminals : 1;
            return Fmt(r.energy.totalJ / n, 1) + " (" + Fmt(r.energy.radioJ / n, 1) + " / "
                   + Fmt(r.energy.computeJ / n, 1) + ")";
        });
    row("anomalies injected/detected/flags",
        [](const RunResult& r)
        {
            return std::to_string(r.detection.injected) + " / "
                   + std::to_string(r.detection.detected) + " / "
                   + std::to_string(r.detection.flagged);
        });
    row("detector precision / recall",
        [](const RunResult& r)
        {
            auto f = [](double v)
            {
                return v < 0 ? std::string("-") : Fmt(v, 2);
            };
            return f(r.detection.Precision()) + " / " + f(r.detection.Recall());
        });
    row("simulator events",
        [](const RunResult& r)
        {
            return std::to_string(r.events);
        });
    row("wall time s",
        [](const RunResult& r)
        {
            return Fmt(r.wall, 2);
        });

    std::size_t w0 = 10;
    for (const auto& [label, cells] : rows)
    {
        w0 = std::max(w0, label.size());
    }
    std::cout << std::left << std::setw(w0 + 2) << "S1";
    for (const auto& r : runs)
    {
        std::cout << std::setw(30) << r.name;
    }
    std::cout << "\n";
    for (const auto& [label, cells] : rows)
    {
        std::cout << std::setw(w0 + 2) << label;
        for (const auto& c : cells)
        {
            std::cout << std::setw(30) << c;
        }
        std::cout << "\n";
    }
}

/**
 * Print an error about a command-line value and exit with status 2.
 * \param what the message
 */
[[noreturn]] void
Fail(const std::string& what)
{
    std::cerr << "error: " << what << std::endl;
    std::exit(2);
}

} // namespace

int
main(int argc, char* argv[])
{
    Settings s;
    s.outputDir = "s1-output";
    std::string terminals = "10";
    std::string edges = "2";
    std::string architecture = "both";

    CommandLine cmd(__FILE__);
    cmd.Usage("S1, the multi-layer DT paper's case study: centralized vs multi-layer DT "
              "on the same network and demand stream.");
    cmd.AddValue("terminals", "Number of terminals (>= 1)", terminals);
    cmd.AddValue("edges", "Number of edge servers (1..250)", edges);
    cmd.AddValue("simTime", "Seconds during which terminals create demands (> 0)", s.simTime);
    cmd.AddValue("demandRate", "Demands per second per terminal (>= 0)", s.demandRate);
    cmd.AddValue("terminalCapacity", "Terminal compute capacity, GFLOPS (> 0)", s.terminalGflops);
    cmd.AddValue("edgeCapacity", "Edge server compute capacity, GFLOPS (> 0)", s.edgeGflops);
    cmd.AddValue("cloudCapacity", "Cloud compute capacity, GFLOPS (> 0)", s.cloudGflops);
    cmd.AddValue(
        "anomalyRate", "Sensor anomalies injected per second per terminal (>= 0)", s.anomalyRate);
    cmd.AddValue("architecture", "both | multilayer | centralized", architecture);
    cmd.AddValue(
        "outputDir", "Folder for the outputs (one subfolder per architecture)", s.outputDir);
    cmd.AddValue("pcap", "Write PCAP traces of the access and fibre devices", s.pcap);
    cmd.AddValue("workloadScale",
                 "Factor on every demand's workload (> 0; the paper gives no sizes)",
                 s.workloadScale);
    cmd.AddValue("flowmon", "Write FlowMonitor statistics (flowmon.xml)", s.flowmon);
    cmd.AddValue("progress", "Print the simulation's progress every 5 s of wall time", s.progress);
    bool report = false;
    cmd.AddValue("report",
                 "Record the run's time series (timeline.csv, every "
                 "ns3::DtTimeline::Interval, 0.1 s unless set) and write report.html in "
                 "outputDir, both architectures side by side (tools/report.py)",
                 report);
    cmd.AddValue("netanim",
                 "Write a NetAnim animation (netanim.xml) per architecture, nodes showing "
                 "their DT role, serving edge and twin migrations",
                 s.netanim);
    std::string placement = "lowest-feasible";
    cmd.AddValue("placement",
                 "lowest-feasible | min-latency: where the multi-layer DT's terminals run "
                 "their demands (the lowest tier that meets the deadline, or the smallest "
                 "expected completion time that meets it)",
                 placement);
    std::string access = "wifi";
    cmd.AddValue("access",
                 "wifi | lte | wired (a point-to-point link per terminal, no radio: the DT "
                 "logic alone)",
                 access);
    cmd.AddValue("highMobility",
                 "Half the terminals change edge every second (scripted LTE handovers, "
                 "or Wi-Fi re-associations in one ESS)",
                 s.highMobility);
    cmd.AddValue("recordTraffic",
                 "Write every message the DTs hand to a socket to this file (node, time, "
                 "destination, size, transport); one architecture only",
                 s.recordTraffic);
    cmd.AddValue("replayTraffic",
                 "Run the same network without DTs, sending the packets a --recordTraffic run "
                 "of the same scenario and RngRun wrote (the bare baseline of ./mldt bench)",
                 s.replayTraffic);
    cmd.AddValue("cloudKm",
                 "Distance from the edges to the cloud, km (0..40000; its delay at 5 us/km)",
                 s.cloudKm);
    cmd.AddValue("wanRate",
                 "Rate of a wide-area segment all edges share on their way to the cloud "
                 "(an ns3::DataRate such as 100Mbps; 0: none, each edge has its own 1 Gb/s "
                 "fibre to the cloud)",
                 s.wanRate);
    cmd.AddValue("wanLoad",
                 "Background load on the wide-area segment, each way, as a fraction of "
                 "its rate (0..0.99)",
                 s.wanLoad);
    std::string cloudCores = "1";
    cmd.AddValue(
        "cloudCores", "Parallel jobs in the cloud, sharing its capacity (1..4096)", cloudCores);
    std::string failedEdge = "0";
    std::string malformedPort = "0";
    cmd.AddValue("lossRate",
                 "Probability that a packet is lost on each access and fibre link it crosses "
                 "(0..1)",
                 s.lossRate);
    cmd.AddValue("failEdgeAt",
                 "Time (s) at which edge server failedEdge fails: DT crash, links down "
                 "(0: never)",
                 s.failEdgeAt);
    cmd.AddValue("recoverEdgeAt",
                 "Time (s) at which the failed edge server comes back (0: never)",
                 s.recoverEdgeAt);
    cmd.AddValue("failedEdge", "Index of the edge server that fails (0..edges-1)", failedEdge);
    cmd.AddValue("malformedInterval",
                 "Seconds between malformed DT datagrams sent to every DT in turn (0: none)",
                 s.malformedInterval);
    cmd.AddValue("malformedPort",
                 "Port of the malformed datagrams (0: the DTs' port; another: a control "
                 "where they are discarded)",
                 malformedPort);
    // Attribute values are checked first: CommandLine would only say "invalid".
    if (const std::string bad = DtCheckAttributeArguments(argc, argv); !bad.empty())
    {
        Fail(bad);
    }
    cmd.Parse(argc, argv);
    if (report)
    {
        DtTimeline::EnableByDefault(MilliSeconds(100));
    }

    // Counts are read as text so that "-3" is reported, not wrapped around.
    auto count = [](const std::string& name, const std::string& v, long lo, long hi)
    {
        char* end = nullptr;
        long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || n < lo || n > hi)
        {
            Fail("--" + name + "=" + v + " is not a whole number in " + std::to_string(lo) + ".."
                 + std::to_string(hi));
        }
        return static_cast<uint32_t>(n);
    };
    s.terminals = count("terminals", terminals, 1, 60000);
    s.edges = count("edges", edges, 1, 250);
    s.failedEdge = count("failedEdge", failedEdge, 0, s.edges - 1);
    s.malformedPort = count("malformedPort", malformedPort, 0, 65535);
    s.cloudCores = count("cloudCores", cloudCores, 1, 4096);
    if (!(s.cloudKm >= 0) || s.cloudKm > 40000)
    {
        Fail("--cloudKm=" + Fmt(s.cloudKm, 3) + " must be a distance in 0..40000 km");
    }
    {
        DataRateValue rate;
        if (s.wanRate != "0" && !rate.DeserializeFromString(s.wanRate, MakeDataRateChecker()))
        {
            Fail("--wanRate=" + s.wanRate + " is not a data rate (e.g. 100Mbps; 0: none)");
        }
    }
    if (!(s.wanLoad >= 0) || s.wanLoad > 0.99)
    {
        Fail("--wanLoad=" + Fmt(s.wanLoad, 3) + " must be a fraction in 0..0.99");
    }
    if (s.wanLoad > 0 && s.wanRate == "0")
    {
        Fail("--wanLoad=" + Fmt(s.wanLoad, 3) + " needs a wide-area segment (--wanRate)");
    }
    if (!(s.lossRate >= 0) || s.lossRate > 1)
    {
        Fail("--lossRate=" + Fmt(s.lossRate, 3) + " must be a probability in 0..1");
    }
    if (!(s.malformedInterval >= 0) || s.malformedInterval > 1e6)
    {
        Fail("--malformedInterval=" + Fmt(s.malformedInterval, 3)
             + " must be >= 0 seconds (0: no malformed datagrams)");
    }
    if (!(s.simTime > 0) || s.simTime > 1e6)
    {
        Fail("--simTime=" + Fmt(s.simTime, 3) + " must be a positive number of seconds");
    }
    if (!(s.failEdgeAt >= 0) || s.failEdgeAt > 1e6)
    {
        Fail("--failEdgeAt=" + Fmt(s.failEdgeAt, 3) + " must be >= 0 seconds (0: never)");
    }
    if (!(s.recoverEdgeAt >= 0) || s.recoverEdgeAt > 1e6
        || (s.recoverEdgeAt > 0 && !(s.failEdgeAt > 0 && s.recoverEdgeAt > s.failEdgeAt)))
    {
        Fail("--recoverEdgeAt=" + Fmt(s.recoverEdgeAt, 3)
             + " must be 0 (never) or after --failEdgeAt (" + Fmt(s.failEdgeAt, 3) + " s)");
    }
    if (!(s.anomalyRate >= 0) || s.anomalyRate > 1000)
    {
        Fail("--anomalyRate=" + Fmt(s.anomalyRate, 3) + " must be >= 0 anomalies per second");
    }
    if (!(s.workloadScale >= 1e-6) || s.workloadScale > 1e6)
    {
        Fail("--workloadScale=" + Fmt(s.workloadScale, 3) + " must be a factor in 1e-6..1e6");
    }
    if (!(s.demandRate >= 0) || s.demandRate > 1e6)
    {
        Fail("--demandRate=" + Fmt(s.demandRate, 3) + " must be >= 0 demands per second");
    }
    for (auto [name, v] : {std::pair<const char*, double>{"terminalCapacity", s.terminalGflops},
                           {"edgeCapacity", s.edgeGflops},
                           {"cloudCapacity", s.cloudGflops}})
    {
        if (!(v >= 1e-6) || v > 1e12)
        {
            Fail(std::string("--") + name + "=" + Fmt(v, 3)
                 + " must be a positive capacity in GFLOPS");
        }
    }
    if (!DtPlacementPolicyByName(placement, s.placement))
    {
        Fail("--placement=" + placement + " is not one of lowest-feasible, min-latency");
    }
    if (access == "lte")
    {
        s.lte = true;
    }
    else if (access == "wired")
    {
        s.wired = true;
    }
    else if (access != "wifi")
    {
        Fail("--access=" + access + " is not one of wifi, lte, wired");
    }
    if (s.wired && s.highMobility)
    {
        Fail("--access=wired cannot be combined with --highMobility (wired terminals do not "
             "move)");
    }
    std::vector<DtArchitecture> archs;
    if (architecture == "both")
    {
        archs = {DtArchitecture::CENTRALIZED, DtArchitecture::MULTI_LAYER};
    }
    else if (architecture == "multilayer")
    {
        archs = {DtArchitecture::MULTI_LAYER};
    }
    else if (architecture == "centralized")
    {
        archs = {DtArchitecture::CENTRALIZED};
    }
    else
    {
        Fail("--architecture=" + architecture + " is not one of both, multilayer, centralized");
    }
    {
        std::error_code ec;
        std::filesystem::create_directories(s.outputDir, ec);
        const std::string probe = s.outputDir + "/.writable";
        std::FILE* f = ec ? nullptr : std::fopen(probe.c_str(), "w");
        if (!f)
        {
            Fail("--outputDir=" + s.outputDir + " is not a writable folder"
                 + (ec ? " (" + ec.message() + ")" : std::string()));
        }
        std::fclose(f);
        std::remove(probe.c_str());
    }

    for (const auto& [name, file] :
         {std::pair<std::string, std::string>{"recordTraffic", s.recordTraffic},
          {"replayTraffic", s.replayTraffic}})
    {
        if (!file.empty() && archs.size() != 1)
        {
            Fail("--" + name + "=" + file
                 + " needs one architecture: --architecture=multilayer or centralized");
        }
    }
    if (!s.replayTraffic.empty() && !std::ifstream(s.replayTraffic))
    {
        Fail("--replayTraffic=" + s.replayTraffic + " is not a readable file");
    }
    if (!s.recordTraffic.empty() && !std::ofstream(s.recordTraffic))
    {
        Fail("--recordTraffic=" + s.recordTraffic + " is not a writable file");
    }
    if (!s.replayTraffic.empty())
    {
        const RunResult r = RunOnce(archs[0], s);
        std::cout << "S1 bare network, " << s.terminals << " terminals, replaying "
                  << s.replayTraffic << "\nsimulator events  " << r.events << "\nwall time s       "
                  << Fmt(r.wall, 2) << std::endl;
        return 0;
    }
    std::cout << "S1: " << s.terminals << " terminals, " << s.edges << " edges, " << s.simTime
              << " s of demands at " << s.demandRate << "/s per terminal, RngRun "
              << RngSeedManager::GetRun() << "\n";
    std::vector<RunResult> runs;
    for (DtArchitecture a : archs)
    {
        runs.push_back(RunOnce(a, s));
    }
    PrintTable(runs);
    std::cout << "outputs: " << s.outputDir << "/{"
              << (archs.size() == 2 ? "centralized,multilayer" : runs[0].name)
              << "}/summary.json, demands.csv" << std::endl;
    if (report)
    {
        std::vector<std::string> dirs;
        for (const auto& r : runs)
        {
            dirs.push_back(s.outputDir + "/" + r.name);
        }
        const std::string path = DtResultsWriter::WriteReport(dirs, s.outputDir + "/report.html");
        std::cout << "report: " << (path.empty() ? "not written (see above)" : path) << std::endl;
    }

    // Every demand must end in exactly one final state.
    for (const auto& r : runs)
    {
        if (r.inDeadline + r.late + r.failed != r.created)
        {
            std::cerr << "error: " << r.name << ": " << r.created << " demands created but "
                      << r.inDeadline + r.late + r.failed << " reached a final state" << std::endl;
            return 1;
        }
    }
    return 0;
}
