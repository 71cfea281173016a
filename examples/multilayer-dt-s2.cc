/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// S2: synchronization and migration of digital twins of mobile users
// (the system model of the "DT meets 6G" synchronization and migration
// paper, Section III).
//
// 1000 m x 1000 m, 5 LTE base stations (or Wi-Fi access points of one
// ESS) each with an edge server, mobile users moving with the Gauss-Markov
// model, each sending a synchronization request to its twin with
// probability p per slot. A handover to a cell of another edge migrates the
// twin after it (reactive), pre-copies it before it from the predicted
// position (proactive), or leaves it where it is (none).
// Prints and writes (OUTPUTDIR/summary.json, sync.csv, migrations.csv,
// handovers.csv, demands.csv) the synchronization failure ratio, the twins' mean age of
// information, the migrations and the users' energy.
//
//   ./mldt run s2 -- --users=50 --migrationPolicy=none --RngRun=2

#include "ns3/core-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

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
Fmt(double v, int precision = 2)
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
    std::string users = "30";
    double simTime = 20;
    double speed = 10;
    double syncProbability = 0.2;
    double syncDeadlineMs = 50;
    std::string traffic = "sync-only";
    std::string demandRateArg; // empty: 0.2 with --traffic=full, 0 with sync-only
    double syncGflop = 0.001;
    double dtStateBytes = 0; // the twin is its agent record alone
    double backhaulKm = 1;
    std::string backhaul = "star";
    double metroHopKm = 10;
    std::string metroRate = "1Gbps";
    double metroLoad = 0;
    // Time-correlated Rician fading (the paper gives none): K from 3GPP,
    // each user's Doppler from its speed.
    std::string fading = "correlated";
    double ricianK = std::pow(10, 0.9); // 9 dB: 3GPP TR 38.901 Table 7.5-6, LOS mean
    double nakagamiM = 0;
    std::string policy = "reactive";
    std::string access = "lte";
    std::string placement = "edge";
    double interactionMs = 0;
    bool pcap = false;
    bool flowmon = false;
    bool progress = false;
    std::string outputDir = "s2-output";
    std::string recordTraffic;
    std::string replayTraffic;

    CommandLine cmd(__FILE__);
    cmd.Usage("S2: DT synchronization and migration of mobile users over 5 LTE base "
              "stations (or Wi-Fi access points) with edge servers in 1000 m x 1000 m.");
    cmd.AddValue("users", "Number of mobile users (1..320)", users);
    cmd.AddValue("simTime", "Seconds the users are active (> 0)", simTime);
    double drainTime = 5;
    cmd.AddValue("drainTime",
                 "Seconds the network runs on after the users stop, for what is in flight "
                 "to end (>= 0)",
                 drainTime);
    cmd.AddValue("speed", "Mean speed of the users, m/s (>= 0)", speed);
    cmd.AddValue("syncProbability",
                 "Probability of a synchronization request per 100 ms slot (0..1)",
                 syncProbability);
    cmd.AddValue(
        "syncDeadline", "Latency requirement of a synchronization, ms (> 0)", syncDeadlineMs);
    cmd.AddValue("traffic",
                 "sync-only (the paper's S2: synchronizations, and the joins, migrations "
                 "and edge heartbeats they need) | full (also status updates every 100 ms "
                 "and computing demands)",
                 traffic);
    cmd.AddValue("demandRate",
                 "Computing demands per second per user (>= 0; --traffic=full only, default "
                 "0.2)",
                 demandRateArg);
    cmd.AddValue("syncGflop",
                 "Work of applying one synchronization at the twin's host, GFLOP (>= 0; "
                 "default: that of a status update)",
                 syncGflop);
    cmd.AddValue("dtStateBytes",
                 "Size of each twin's model and state beyond its agent record, bytes "
                 "(0..4e9): what a reactive migration or a pre-copy transfers on top of "
                 "the record (a delta does not)",
                 dtStateBytes);
    cmd.AddValue("backhaulKm",
                 "Fibre from each edge server to the PGW (LTE) or to the next edge "
                 "server (Wi-Fi), km (>= 0)",
                 backhaulKm);
    cmd.AddValue("backhaul",
                 "LTE: star (each edge on its own fibre to the PGW) | ring (MEC: edges at "
                 "the cells on a metro ring; syncs go to the cell's edge, which relays "
                 "them to a twin left at another edge)",
                 backhaul);
    cmd.AddValue("metroHopKm", "--backhaul=ring: fibre per hop of the ring, km (>= 0)", metroHopKm);
    cmd.AddValue("metroRate", "--backhaul=ring: rate of each hop (e.g. 1Gbps)", metroRate);
    cmd.AddValue("metroLoad",
                 "--backhaul=ring: background load per hop and way, fraction of the rate "
                 "(0..0.99)",
                 metroLoad);
    cmd.AddValue("fading",
                 "correlated (Rician, Doppler of each user's speed) | independent (a new "
                 "Nakagami-m gain per transmission) | none",
                 fading);
    cmd.AddValue("ricianK",
                 "Rician K factor, linear (0: Rayleigh; default 9 dB, 3GPP TR 38.901 LOS mean)",
                 ricianK);
    cmd.AddValue("nakagamiM",
                 "Shape of independent fading (>= 0.5; 0: from --ricianK, m = (K+1)^2/(2K+1))",
                 nakagamiM);
    cmd.AddValue("migrationPolicy", "reactive | proactive | none", policy);
    cmd.AddValue("access", "lte | wifi", access);
    cmd.AddValue("twinPlacement", "edge | cloud | edgecloud", placement);
    std::string demandPlacement = "lowest-feasible";
    cmd.AddValue("placement",
                 "lowest-feasible | min-latency: where the users run their computing demands "
                 "(the lowest tier that meets the deadline, or the smallest expected "
                 "completion time that meets it)",
                 demandPlacement);
    cmd.AddValue("agentInteraction",
                 "Period at which the agents of each group of 5 users message each "
                 "other, ms (0: none)",
                 interactionMs);
    cmd.AddValue("outputDir", "Folder for the outputs", outputDir);
    cmd.AddValue("pcap",
                 "Write PCAP traces (Wi-Fi devices, fibre, LTE's EPC links) into the "
                 "output folder",
                 pcap);
    cmd.AddValue("flowmon", "Write FlowMonitor statistics (flowmon.xml)", flowmon);
    cmd.AddValue("progress", "Print the simulation's progress every 5 s of wall time", progress);
    bool report = false;
    cmd.AddValue("report",
                 "Record the run's time series (timeline.csv, every "
                 "ns3::DtTimeline::Interval, 0.1 s unless set) and write report.html in "
                 "outputDir (tools/report.py)",
                 report);
    bool netanim = false;
    cmd.AddValue("netanim",
                 "Write a NetAnim animation (netanim.xml), nodes showing their DT role, "
                 "serving edge and twin migrations",
                 netanim);
    cmd.AddValue("recordTraffic",
                 "Write every message the DTs hand to a socket to this file (node, time, "
                 "destination, size, transport)",
                 recordTraffic);
    cmd.AddValue("replayTraffic",
                 "Run the same network without DTs, sending the packets a --recordTraffic run "
                 "of the same scenario and RngRun wrote (the bare baseline of ./mldt bench)",
                 replayTraffic);
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

    char* end = nullptr;
    const long n = std::strtol(users.c_str(), &end, 10);
    if (users.empty() || *end != '\0' || n < 1 || n > 320)
    {
        Fail("--users=" + users + " is not a whole number in 1..320");
    }
    if (!(simTime > 0) || simTime > 1e5)
    {
        Fail("--simTime=" + Fmt(simTime, 3) + " must be a positive number of seconds");
    }
    if (!(drainTime >= 0) || drainTime > 1e5)
    {
        Fail("--drainTime=" + Fmt(drainTime, 3) + " must be a number of seconds >= 0");
    }
    if (!(speed >= 0) || speed > 1000)
    {
        Fail("--speed=" + Fmt(speed, 3) + " must be a speed in 0..1000 m/s");
    }
    if (!(syncProbability >= 0 && syncProbability <= 1))
    {
        Fail("--syncProbability=" + Fmt(syncProbability, 3) + " is not a probability in [0, 1]");
    }
    if (!(syncDeadlineMs > 0) || syncDeadlineMs > 1e6)
    {
        Fail("--syncDeadline=" + Fmt(syncDeadlineMs, 3) + " must be a positive number of ms");
    }
    if (traffic != "sync-only" && traffic != "full")
    {
        Fail("--traffic=" + traffic + " is not sync-only or full");
    }
    const bool fullTraffic = traffic == "full";
    double demandRate = fullTraffic ? 0.2 : 0;
    if (!demandRateArg.empty())
    {
        char* rateEnd = nullptr;
        demandRate = std::strtod(demandRateArg.c_str(), &rateEnd);
        if (*rateEnd != '\0' || !(demandRate >= 0) || demandRate > 1e6)
        {
            Fail("--demandRate=" + demandRateArg + " must be >= 0 demands per second");
        }
        if (!fullTraffic && demandRate > 0)
        {
            Fail("--demandRate=" + demandRateArg
                 + " needs --traffic=full (sync-only runs no demands)");
        }
    }
    if (!(syncGflop >= 0) || syncGflop > 1e6)
    {
        Fail("--syncGflop=" + Fmt(syncGflop, 6) + " must be a workload in 0..1e6 GFLOP");
    }
    if (!(dtStateBytes >= 0) || dtStateBytes > 4e9 || dtStateBytes != std::floor(dtStateBytes))
    {
        Fail("--dtStateBytes=" + Fmt(dtStateBytes, 1)
             + " must be a whole number of bytes in 0..4e9");
    }
    if (backhaul != "star" && backhaul != "ring")
    {
        Fail("--backhaul=" + backhaul + " is not one of star, ring");
    }
    if (!(metroHopKm >= 0) || metroHopKm > 1e5)
    {
        Fail("--metroHopKm=" + Fmt(metroHopKm, 3) + " must be a length in 0..100000 km");
    }
    if (!(metroLoad >= 0) || metroLoad > 0.99)
    {
        Fail("--metroLoad=" + Fmt(metroLoad, 3) + " must be a fraction in 0..0.99");
    }
    DataRate metroDataRate;
    if (!DataRateValue().DeserializeFromString(metroRate, MakeDataRateChecker())
        || DataRate(metroRate).GetBitRate() == 0)
    {
        Fail("--metroRate=" + metroRate + " is not a data rate such as 1Gbps");
    }
    metroDataRate = DataRate(metroRate);
    if (!(backhaulKm >= 0) || backhaulKm > 1e5)
    {
        Fail("--backhaulKm=" + Fmt(backhaulKm, 3) + " must be a length in 0..100000 km");
    }
    if (!(nakagamiM == 0 || (nakagamiM >= 0.5 && nakagamiM <= 100)))
    {
        Fail("--nakagamiM=" + Fmt(nakagamiM, 3) + " must be 0 (from --ricianK) or in 0.5..100");
    }
    if (!(ricianK >= 0 && ricianK <= 1e6))
    {
        Fail("--ricianK=" + Fmt(ricianK, 3) + " must be a K factor in 0..1e6 (linear)");
    }
    DtFading::Model fadingModel = DtFading::CORRELATED;
    if (fading == "independent")
    {
        fadingModel = DtFading::INDEPENDENT;
    }
    else if (fading == "none")
    {
        fadingModel = DtFading::NONE;
    }
    else if (fading != "correlated")
    {
        Fail("--fading=" + fading + " is not correlated, independent or none");
    }
    DtMigrationMode migration = DT_MIGRATION_REACTIVE;
    if (policy == "none")
    {
        migration = DT_MIGRATION_NONE;
    }
    else if (policy == "proactive")
    {
        migration = DT_MIGRATION_PROACTIVE;
    }
    else if (policy != "reactive")
    {
        Fail("--migrationPolicy=" + policy + " is not one of reactive, proactive, none");
    }
    TypeId placementPolicy;
    if (!DtPlacementPolicyByName(demandPlacement, placementPolicy))
    {
        Fail("--placement=" + demandPlacement + " is not one of lowest-feasible, min-latency");
    }
    if (access != "lte" && access != "wifi")
    {
        Fail("--access=" + access + " is not one of lte, wifi");
    }
    const bool lte = access == "lte";
    if (!lte && backhaul != "star")
    {
        Fail("--backhaul=" + backhaul + " needs --access=lte");
    }
    if (!(interactionMs >= 0) || interactionMs > 1e6)
    {
        Fail("--agentInteraction=" + Fmt(interactionMs, 3) + " must be a period >= 0 ms");
    }
    DtTwinPlacement twins = DT_TWIN_EDGE;
    if (placement == "cloud")
    {
        twins = DT_TWIN_CLOUD;
    }
    else if (placement == "edgecloud")
    {
        twins = DT_TWIN_EDGE_CLOUD;
    }
    else if (placement != "edge")
    {
        Fail("--twinPlacement=" + placement + " is not one of edge, cloud, edgecloud");
    }
    {
        std::error_code ec;
        std::filesystem::create_directories(outputDir, ec);
        const std::string probe = outputDir + "/.writable";
        std::FILE* f = ec ? nullptr : std::fopen(probe.c_str(), "w");
        if (!f)
        {
            Fail("--outputDir=" + outputDir + " is not a writable folder"
                 + (ec ? " (" + ec.message() + ")" : std::string()));
        }
        std::fclose(f);
        std::remove(probe.c_str());
    }

    if (!replayTraffic.empty() && !std::ifstream(replayTraffic))
    {
        Fail("--replayTraffic=" + replayTraffic + " is not a readable file");
    }
    if (!recordTraffic.empty() && !std::ofstream(recordTraffic))
    {
        Fail("--recordTraffic=" + recordTraffic + " is not a writable file");
    }
    const auto wallStart = std::chrono::steady_clock::now();
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    if (lte)
    {
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
        dt->SetAttribute("EdgePgwDistanceKm", DoubleValue(backhaulKm));
        if (backhaul == "ring")
        {
            dt->SetAttribute("Backhaul", EnumValue(MultiLayerDtHelper::BACKHAUL_RING));
            dt->SetAttribute("MetroHopKm", DoubleValue(metroHopKm));
            dt->SetAttribute("MetroRate", DataRateValue(metroDataRate));
            dt->SetAttribute("MetroLoad", DoubleValue(metroLoad));
        }
        // What the terminals assume of their LTE access when they estimate a
        // demand's transfer times (25 resource blocks shared by a cell's users).
        dt->SetAttribute("UplinkRate", DataRateValue(DataRate("4Mbps")));
        dt->SetAttribute("DownlinkRate", DataRateValue(DataRate("12Mbps")));
    }
    else
    {
        // One ESS on one 20 MHz channel; outdoor line-of-sight path loss and
        // 20 dBm so that five APs cover the square (the default indoor
        // exponent of 3 would leave most of it without service).
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIFI));
        dt->SetAttribute("WifiRoaming", BooleanValue(true));
        dt->SetAttribute("ChannelWidth", UintegerValue(20));
        dt->SetAttribute("WifiPathLossExponent", DoubleValue(2.2));
        dt->SetAttribute("WifiTxPower", DoubleValue(20));
        dt->SetAttribute("EdgeEdgeDistanceKm", DoubleValue(backhaulKm));
        dt->SetAttribute("UplinkRate", DataRateValue(DataRate("10Mbps")));
        dt->SetAttribute("DownlinkRate", DataRateValue(DataRate("10Mbps")));
    }
    dt->SetAttribute("Terminals", UintegerValue(static_cast<uint32_t>(n)));
    dt->SetAttribute("Edges", UintegerValue(5));
    dt->SetEdgePositions({Vector(250, 250, 0),
                          Vector(750, 250, 0),
                          Vector(250, 750, 0),
                          Vector(750, 750, 0),
                          Vector(500, 500, 0)});
    dt->SetAttribute("TerminalRadius", DoubleValue(200));
    dt->SetAttribute("TerminalMobility", EnumValue(MultiLayerDtHelper::GAUSS_MARKOV));
    dt->SetAttribute("MobilityBounds", BoxValue(Box(0, 1000, 0, 1000, 0, 0)));
    dt->SetAttribute("MeanSpeed", DoubleValue(speed));
    dt->SetAttribute("MigrationPolicy", EnumValue(migration));
    dt->SetAttribute("TwinPlacement", EnumValue(twins));
    dt->SetAttribute("PlacementPolicy", TypeIdValue(placementPolicy));
    dt->SetAttribute("AgentInteractionInterval",
                     TimeValue(MicroSeconds(std::llround(interactionMs * 1e3))));
    dt->SetAttribute("InteractionGroupSize", UintegerValue(5));
    dt->SetAttribute("Fading", EnumValue(fadingModel));
    dt->SetAttribute("RicianK", DoubleValue(ricianK));
    dt->SetAttribute("NakagamiM", DoubleValue(nakagamiM));
    dt->SetAttribute("SyncProbability", DoubleValue(syncProbability));
    dt->SetAttribute("SyncSlot", TimeValue(MilliSeconds(100)));
    dt->SetAttribute("SyncDeadline", TimeValue(MicroSeconds(std::llround(syncDeadlineMs * 1e3))));
    dt->SetAttribute("DemandRate", DoubleValue(demandRate));
    dt->SetAttribute("SyncGflop", DoubleValue(syncGflop));
    dt->SetAttribute("TwinStateBytes", UintegerValue(static_cast<uint32_t>(dtStateBytes)));
    if (!fullTraffic)
    {
        // The twins learn their terminals' state from synchronizations only.
        // The edges' load reports (every 0.5 s) stay: they are the heartbeat
        // by which a terminal knows its edge is alive (EdgeTimeout).
        dt->SetAttribute("StatusUpdates", BooleanValue(false));
    }
    dt->SetAttribute("SimTime", TimeValue(Seconds(simTime)));
    dt->SetAttribute("DrainTime", TimeValue(Seconds(drainTime)));
    dt->Build();
    DtTrafficReplayHelper replay;
    if (!replayTraffic.empty())
    {
        replay.Install(dt->GetDtNodes(), replayTraffic);
        Simulator::Stop(dt->GetStopTime());
        Simulator::Run();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        std::cout << "S2 bare network, " << n << " users, replaying " << replayTraffic << "\n"
                  << "simulator events              " << Simulator::GetEventCount() << "\n"
                  << "wall time s                   " << Fmt(wall) << std::endl;
        Simulator::Destroy();
        return 0;
    }
    ApplicationContainer apps = dt->Install();
    if (!recordTraffic.empty())
    {
        replay.Record(apps, recordTraffic);
    }
    dt->GetStats()->SetScenario("s2", "multilayer");

    std::cout << "S2: " << n << " users, 5 " << (lte ? "LTE cells" : "Wi-Fi APs") << " with edges, "
              << simTime << " s, speed " << speed << " m/s, " << traffic << " traffic, "
              << (backhaul == "ring" ? "metro ring" : "star") << " backhaul"
              << ", sync p=" << syncProbability << " per 100 ms (deadline " << syncDeadlineMs
              << " ms), migration " << policy << ", RngRun " << RngSeedManager::GetRun()
              << std::endl;
    if (pcap)
    {
        dt->EnablePcap(outputDir + "/s2");
    }
    if (flowmon)
    {
        dt->EnableFlowMonitor();
    }
    std::unique_ptr<ShowProgress> meter;
    if (progress)
    {
        meter = std::make_unique<ShowProgress>(Seconds(5), std::cerr);
    }
    Ptr<DtAnimation> animation;
    if (netanim)
    {
        animation = CreateObject<DtAnimation>();
        animation->Install(outputDir + "/netanim.xml");
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    meter.reset();
    if (animation)
    {
        animation->Dispose(); // completes the file
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    dt->WriteOutputs(outputDir, wall);

    Ptr<DtStatsCollector> st = dt->GetStats();
    uint64_t ok = 0;
    double okLatencyMs = 0;
    uint64_t answered = 0;
    double roundTripMs = 0;
    std::map<std::string, uint64_t> failures;
    for (const auto& r : st->GetSyncs())
    {
        if (!r.roundTrip.IsNegative())
        {
            ++answered;
            roundTripMs += r.roundTrip.GetSeconds() * 1e3;
        }
        const auto o = static_cast<LocalDtApplication::SyncOutcome>(r.outcome);
        if (o == LocalDtApplication::SYNC_OK)
        {
            ++ok;
            okLatencyMs += r.latency.GetSeconds() * 1e3;
        }
        else
        {
            ++failures[LocalDtApplication::SyncOutcomeName(o)];
        }
    }
    const uint64_t syncs = st->GetSyncs().size();
    uint64_t migrated = 0;
    uint64_t migrationFailed = 0;
    uint64_t discarded = 0;
    double migrationMs = 0;
    uint64_t stateBytes = 0;
    for (const auto& m : st->GetMigrations())
    {
        if (m.completed)
        {
            ++migrated;
            migrationMs += m.downtime.GetSeconds() * 1e3;
            stateBytes += m.bytes;
        }
        else if (m.discarded)
        {
            ++discarded;
        }
        else if (!m.end.IsNegative())
        {
            ++migrationFailed;
        }
    }
    const DtEnergyStats energy = st->GetEnergy();
    const double aoi = st->GetMeanAgeOfInformation();
    std::ostringstream why;
    for (const auto& [reason, count] : failures)
    {
        why << " " << reason << " " << count;
    }
    const DtHandoverWindowSummary windows = DtHandoverWindows::Summarize(st->GetHandoverWindows());
    std::cout << "handovers detected            " << st->GetHandovers() << "\n"
              << "handover window mean ms       "
              << (windows.served ? Fmt(windows.meanMs) : std::string("-")) << "\n"
              << "migrations completed/failed   " << migrated << " / " << migrationFailed
              << (migrated ? ", mean downtime " + Fmt(migrationMs / migrated) + " ms, "
                                 + std::to_string(stateBytes / migrated) + " B state"
                           : std::string())
              << "\n"
              << "pre-copies unused             " << discarded << "\n"
              << "sync requests                 " << syncs << "\n"
              << "sync failure ratio            "
              << (syncs ? Fmt(static_cast<double>(syncs - ok) / syncs, 4) : std::string("-"))
              << (why.str().empty() ? std::string() : " (" + why.str().substr(1) + ")") << "\n"
              << "mean age of information ms    " << (aoi < 0 ? std::string("-") : Fmt(aoi * 1e3))
              << "\n"
              << "sync time mean ms             " << (ok ? Fmt(okLatencyMs / ok) : std::string("-"))
              << "\n"
              << "sync round trip mean ms       "
              << (answered ? Fmt(roundTripMs / answered) : std::string("-")) << "\n"
              << "backhaul KB                   " << Fmt(st->GetBackhaulBytes() / 1e3, 1) << "\n"
              << "agent messages pool/across    "
              << st->GetAgentMessages(DtAgentInteraction::AGENT_MESSAGE_IN_POOL) << " / "
              << st->GetAgentMessages(DtAgentInteraction::AGENT_MESSAGE_DELIVERED) << " (of "
              << st->GetAgentMessagesSent() << ")\n"
              << "energy per user J (radio/cpu) "
              << Fmt(energy.terminals ? energy.totalJ / energy.terminals : 0) << " ("
              << Fmt(energy.terminals ? energy.radioJ / energy.terminals : 0) << " / "
              << Fmt(energy.terminals ? energy.computeJ / energy.terminals : 0) << ")\n"
              << "demands created/completed     " << st->GetCreated() << " / "
              << st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE)
                     + st->GetCount(DtDemandState::COMPLETED_LATE)
              << "\n"
              << "simulator events              " << Simulator::GetEventCount() << "\n"
              << "wall time s                   " << Fmt(wall) << "\n"
              << "outputs: " << outputDir
              << "/{summary.json, sync.csv, migrations.csv, handovers.csv, demands.csv}"
              << std::endl;
    if (report)
    {
        const std::string path =
            DtResultsWriter::WriteReport({outputDir}, outputDir + "/report.html");
        std::cout << "report: " << (path.empty() ? "not written (see above)" : path) << std::endl;
    }

    // Every demand and every synchronization must end exactly once.
    const uint64_t finals = st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE)
                            + st->GetCount(DtDemandState::COMPLETED_LATE)
                            + st->GetCount(DtDemandState::FAILED);
    if (finals != st->GetCreated())
    {
        std::cerr << "error: " << st->GetCreated() << " demands created but " << finals
                  << " reached a final state" << std::endl;
        return 1;
    }
    Simulator::Destroy();
    return 0;
}
