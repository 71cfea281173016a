/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-results-writer.h"

#include "dt-stats-collector.h"

#include "ns3/abort.h"
#include "ns3/edge-dt-application.h"
#include "ns3/local-dt-application.h"
#include "ns3/local-dt-data-module.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sys/wait.h>

namespace ns3
{

namespace
{

/**
 * \param s a configuration value
 * \return it as a JSON number or boolean when it reads as one, else as a string
 */
nlohmann::json
ConfigValue(const std::string& s)
{
    if (s == "true" || s == "false")
    {
        return s == "true";
    }
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(d))
    {
        if (d == std::floor(d) && std::fabs(d) < 9e15
            && s.find_first_of(".eE") == std::string::npos)
        {
            return static_cast<int64_t>(d);
        }
        return d;
    }
    return s;
}

/**
 * \param s a string
 * \return it quoted for the shell
 */
std::string
ShellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
    {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

} // namespace

std::string
DtResultsWriter::WriteReport(const std::vector<std::string>& runs, const std::string& out)
{
    const char* env = std::getenv("MLDT_REPORT_SCRIPT");
#ifdef MLDT_REPORT_SCRIPT
    const std::string script = env ? env : MLDT_REPORT_SCRIPT;
#else
    const std::string script = env ? env : "";
#endif
    if (script.empty() || !std::filesystem::is_regular_file(script))
    {
        std::cerr << "report: not written: no report script at '" << script
                  << "' (set MLDT_REPORT_SCRIPT to tools/report.py)" << std::endl;
        return "";
    }
    const std::string python =
        std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    std::string cmd = python + " " + ShellQuote(script) + " -o " + ShellQuote(out) + " --";
    for (const auto& run : runs)
    {
        cmd += " " + ShellQuote(run);
    }
    cmd += " >&2";
    std::cout.flush();
    const int status = std::system(cmd.c_str());
    if (status != 0)
    {
        std::cerr << "report: not written: " << cmd << " failed ("
                  << (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "status " + std::to_string(status))
                  << ")" << std::endl;
        return "";
    }
    return std::filesystem::absolute(out).string();
}

void
DtResultsWriter::WriteAll(const DtStatsCollector& stats, const std::string& dir, double wallSeconds)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    NS_ABORT_MSG_IF(ec, "cannot create output folder " << dir << ": " << ec.message());
    auto check = [&dir](const std::string& name, bool ok)
    {
        NS_ABORT_MSG_IF(
            !ok, "cannot write " << dir << "/" << name << " (is the output folder writable?)");
    };
    check("summary.json", WriteSummary(stats, dir + "/summary.json", wallSeconds));
    check("demands.csv", WriteDemandsCsv(stats, dir + "/demands.csv"));
    check("sync.csv", WriteSyncCsv(stats, dir + "/sync.csv"));
    check("migrations.csv", WriteMigrationsCsv(stats, dir + "/migrations.csv"));
    check("handovers.csv", WriteHandoversCsv(stats, dir + "/handovers.csv"));
    if (stats.GetTimeline()->IsEnabled())
    {
        check("timeline.csv", stats.GetTimeline()->Write(dir + "/timeline.csv"));
    }
    else
    {
        std::filesystem::remove(dir + "/timeline.csv", ec); // not this run's
    }
}

bool
DtResultsWriter::WriteSummary(const DtStatsCollector& stats,
                              const std::string& path,
                              double wallSeconds)
{
    using nlohmann::json;
    json j;
    j["scenario"] = stats.GetScenario();
    j["architecture"] = stats.GetArchitectureName();
    j["rng_seed"] = RngSeedManager::GetSeed();
    j["rng_run"] = RngSeedManager::GetRun();
    json config = json::object();
    for (const auto& [k, v] : stats.GetConfig())
    {
        config[k] = ConfigValue(v);
    }
    j["config"] = config;
    j["sim_time_s"] = Simulator::Now().GetSeconds();
    j["wall_time_s"] = wallSeconds;

    json demands;
    demands["created"] = stats.GetCreated();
    demands["completed_in_deadline"] = stats.GetCount(DtDemandState::COMPLETED_IN_DEADLINE);
    demands["completed_late"] = stats.GetCount(DtDemandState::COMPLETED_LATE);
    demands["failed"] = stats.GetCount(DtDemandState::FAILED);
    demands["pending"] = stats.GetCreated() - stats.GetFinished().size();
    demands["failed_reasons"] = stats.GetFailedReasons();
    std::array<uint64_t, 4> byTier{};
    for (const auto& d : stats.GetFinished())
    {
        ++byTier[static_cast<std::size_t>(d.executedTier)];
    }
    demands["by_tier"] = {
        {"local", byTier[0]}, {"edge", byTier[1]}, {"cloud", byTier[2]}, {"peer", byTier[3]}};
    demands["escalated"] = stats.GetEscalations();
    demands["retried"] = stats.GetRetried();
    demands["held"] = stats.GetHeld();
    j["demands"] = demands;

    json latency;
    const char* names[] = {"all", "local", "edge", "cloud"};
    for (int t = -1; t < 3; ++t)
    {
        DtLatencyStats s = stats.GetLatency(t);
        latency[names[t + 1]] = {
            {"count", s.count}, {"mean", s.mean}, {"p50", s.p50}, {"p95", s.p95}, {"p99", s.p99}};
    }
    j["latency_ms"] = latency;

    const double n = stats.GetCreated() > 0 ? static_cast<double>(stats.GetCreated()) : 1.0;
    json sig;
    json data;
    uint64_t sigTotal = 0;
    uint64_t dataTotal = 0;
    for (DtLayer l : {DtLayer::LOCAL, DtLayer::EDGE, DtLayer::CLOUD})
    {
        sig[DtLayerName(l)] = stats.GetSignalingBytes(l) / n;
        data[DtLayerName(l)] = stats.GetDataBytes(l) / n;
        sigTotal += stats.GetSignalingBytes(l);
        dataTotal += stats.GetDataBytes(l);
    }
    sig["total"] = sigTotal / n;
    data["total"] = dataTotal / n;
    j["bytes_per_demand"] = {{"signaling", sig}, {"data", data}};
    Ptr<DtWireCounter> counter = stats.GetWireCounter();
    if (counter->IsStarted())
    {
        // Everything the DT exchange put on the links, headers and all.
        json wire;
        std::array<uint64_t, 4> total{}; // radio, wired, data, payload
        auto entry = [n](uint64_t radio, uint64_t wired, uint64_t data, uint64_t payload)
        {
            // LTE data is counted from the IP packets that entered the radio
            // link: when its RLC dropped some, it can exceed the radio share.
            const uint64_t all = radio + wired;
            return json{{"signaling", (all > data ? all - data : 0) / n},
                        {"data", data / n},
                        {"radio", radio / n},
                        {"wired", wired / n},
                        {"total", (radio + wired) / n},
                        {"payload", payload / n}};
        };
        for (DtLayer l : {DtLayer::LOCAL, DtLayer::EDGE, DtLayer::CLOUD})
        {
            const std::array<uint64_t, 4> b{counter->GetBytes(l, DtWireCounter::RADIO),
                                            counter->GetBytes(l, DtWireCounter::WIRED),
                                            counter->GetDataBytes(l),
                                            counter->GetPayloadBytes(l)};
            wire[DtLayerName(l)] = entry(b[0], b[1], b[2], b[3]);
            for (std::size_t k = 0; k < b.size(); ++k)
            {
                total[k] += b[k];
            }
        }
        wire["total"] = entry(total[0], total[1], total[2], total[3]);
        j["bytes_per_demand"]["wire"] = wire;
    }
    nlohmann::json sent = nlohmann::json::object();
    for (uint32_t t = 1; t <= DT_MESSAGE_TYPE_COUNT; ++t)
    {
        if (stats.GetMessagesSent(t) > 0)
        {
            sent[DtMessageTypeName(static_cast<DtMessageType>(t))] = stats.GetMessagesSent(t);
        }
    }
    j["messages_sent"] = sent;

    uint64_t completed = 0;
    uint64_t failed = 0;
    uint64_t discarded = 0;
    uint64_t proactive = 0;
    uint64_t migratedBytes = 0;
    uint64_t discardedBytes = 0;
    double durationSum = 0;
    for (const auto& r : stats.GetMigrations())
    {
        proactive += r.proactive ? 1 : 0;
        if (r.completed)
        {
            ++completed;
            migratedBytes += r.bytes;
            durationSum += r.downtime.GetSeconds() * 1e3;
        }
        else if (r.discarded)
        {
            ++discarded;
            discardedBytes += r.bytes;
        }
        else if (!r.end.IsNegative())
        {
            ++failed;
        }
    }
    const DtHandoverWindowSummary windows =
        DtHandoverWindows::Summarize(stats.GetHandoverWindows());
    j["handovers"] = {{"detected", stats.GetHandovers()},
                      {"served_again", windows.served},
                      {"mean_window_ms", windows.served ? json(windows.meanMs) : json(nullptr)},
                      {"sync_failures_in_windows", windows.failures}};
    j["migrations"] = {
        {"started", stats.GetMigrations().size()},
        {"completed", completed},
        {"failed", failed},
        {"proactive", proactive},
        {"precopies_discarded", discarded},
        {"state_bytes", migratedBytes},
        {"discarded_bytes", discardedBytes},
        {"mean_downtime_ms", completed ? json(durationSum / completed) : json(nullptr)}};
    uint64_t syncOk = 0;
    double syncLatency = 0;
    uint64_t answered = 0;
    double roundTrip = 0;
    std::map<std::string, uint64_t> syncFailures;
    for (const auto& r : stats.GetSyncs())
    {
        const auto outcome = static_cast<LocalDtApplication::SyncOutcome>(r.outcome);
        if (!r.roundTrip.IsNegative())
        {
            ++answered;
            roundTrip += r.roundTrip.GetSeconds() * 1e3;
        }
        if (outcome == LocalDtApplication::SYNC_OK)
        {
            ++syncOk;
            syncLatency += r.latency.GetSeconds() * 1e3;
        }
        else
        {
            ++syncFailures[LocalDtApplication::SyncOutcomeName(outcome)];
        }
    }
    const uint64_t syncFailed = stats.GetSyncs().size() - syncOk;
    const double aoi = stats.GetMeanAgeOfInformation();
    const double cloudAoi = stats.GetCloudAgeOfInformation();
    j["sync"] = {{"requests", stats.GetSyncs().size()},
                 {"ok", syncOk},
                 {"failures", syncFailed},
                 {"failure_ratio",
                  stats.GetSyncs().empty()
                      ? json(nullptr)
                      : json(static_cast<double>(syncFailed) / stats.GetSyncs().size())},
                 {"failures_by_reason", syncFailures},
                 {"mean_latency_ms", syncOk ? json(syncLatency / syncOk) : json(nullptr)},
                 {"mean_round_trip_ms", answered ? json(roundTrip / answered) : json(nullptr)},
                 {"mean_aoi_ms", aoi < 0 ? json(nullptr) : json(aoi * 1e3)},
                 {"cloud_aoi_ms", cloudAoi < 0 ? json(nullptr) : json(cloudAoi * 1e3)}};
    j["network"] = {{"backhaul_bytes", stats.GetBackhaulBytes()}};
    if (stats.GetWireCounter()->IsStarted())
    {
        j["network"]["radio_bytes_not_attributed"] =
            stats.GetWireCounter()->GetUnattributedRadioBytes();
    }
    {
        // What the terminals' DTs offered their access uplink, per serving
        // cell, against what a cell carries at most.
        nlohmann::json offered = nlohmann::json::object();
        nlohmann::json overloaded = stats.GetUplinkOverloadedCells();
        const double capacity = static_cast<double>(stats.GetUplinkCapacity().GetBitRate());
        for (const auto& [cell, bps] : stats.GetUplinkOffered())
        {
            offered[std::to_string(cell)] = bps / 1e6;
        }
        j["network"]["uplink_offered_mbps_by_cell"] = offered;
        j["network"]["uplink_capacity_mbps"] =
            capacity > 0 ? nlohmann::json(capacity / 1e6) : nlohmann::json(nullptr);
        j["network"]["uplink_overloaded_cells"] = overloaded;
    }
    const uint64_t agentSent = stats.GetAgentMessagesSent();
    const uint64_t agentForwarded = stats.GetAgentMessagesForwarded();
    const uint64_t across = stats.GetAgentMessages(DtAgentInteraction::AGENT_MESSAGE_DELIVERED);
    j["agents"] = {
        {"messages_sent", agentSent},
        {"in_pool", stats.GetAgentMessages(DtAgentInteraction::AGENT_MESSAGE_IN_POOL)},
        {"across_edges", across},
        {"unreachable", stats.GetAgentMessages(DtAgentInteraction::AGENT_MESSAGE_UNREACHABLE)},
        {"forwarded", agentForwarded},
        {"mean_latency_across_ms",
         across ? json(stats.GetAgentLatencyAcross() * 1e3) : json(nullptr)},
        {"proximity_alerts", stats.GetProximityAlerts()}};
    j["packets"] = {{"malformed_dropped", stats.GetMalformedDropped()}};
    const uint64_t summariesQueued = stats.GetSummariesQueued();
    const uint64_t summariesDropped = stats.GetSummariesDropped();
    j["faults"] = {{"packets_lost", stats.GetPacketsLost()},
                   {"packets_dropped_down", stats.GetPacketsDroppedDown()},
                   {"edge_failures", stats.GetEdgeFailures()},
                   {"edge_recoveries", stats.GetEdgeRecoveries()},
                   {"failovers", stats.GetFailovers()},
                   {"edge_probes", stats.GetEdgeProbes()},
                   {"summaries_queued", summariesQueued},
                   {"summaries_dropped", summariesDropped}};

    const DtDataStats ds = stats.GetData();
    const DtDetectionStats det = stats.GetDetection();
    auto ratioOrNull = [](double v)
    {
        return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(v);
    };
    json bySource = json::object();
    for (uint32_t i = 0; i < LocalDtDataModule::N_SOURCES; ++i)
    {
        const DtSourceStats& st = ds.bySource[i];
        bySource[DtSourceName(static_cast<DtSource>(i + 1))] = {
            {"samples", st.samples},
            {"windows_sent", st.streamsSent},
            {"windows_suppressed", st.streamsSuppressed},
            {"raw_bytes", st.rawBytes},
            {"compressed_bytes", st.sentBytes},
            {"rmse",
             st.values ? json(std::sqrt(st.squaredError / static_cast<double>(st.values)))
                       : json(nullptr)},
            {"max_error_over_bound", st.maxErrorOverBound}};
    }
    j["data"] = {{"samples", ds.samples},
                 {"raw_bytes", ds.rawBytes},
                 {"compressed_bytes", ds.sentBytes},
                 {"compression_ratio",
                  ds.sentBytes ? nlohmann::json(static_cast<double>(ds.rawBytes) / ds.sentBytes)
                               : nlohmann::json(nullptr)},
                 {"reconstruction_rmse", ds.reconstructionRmse},
                 {"max_error_over_bound", ds.maxErrorOverBound},
                 {"undecodable_blocks", ds.undecodableBlocks},
                 {"by_source", bySource},
                 {"anomalies_injected", det.injected},
                 {"anomalies_flagged", det.flagged},
                 {"anomalies_detected", det.detected},
                 {"detection_precision", ratioOrNull(det.Precision())},
                 {"detection_recall", ratioOrNull(det.Recall())},
                 {"model_updates", ds.modelUpdates},
                 {"model_version_lag_mean", ratioOrNull(ds.modelVersionLag)}};

    const DtEnergyStats en = stats.GetEnergy();
    j["energy_j"] = {{"terminals", en.terminals},
                     {"total", en.totalJ},
                     {"mean_per_terminal", en.terminals ? en.totalJ / en.terminals : 0.0},
                     {"radio", en.radioJ},
                     {"compute", en.computeJ},
                     {"battery_min_fraction", en.minBatteryFraction}};
    json usage = json::object();
    double usageTotal = 0;
    const std::map<std::string, Time> usageTimes = stats.GetAppUsageTimes();
    for (const auto& [name, t] : usageTimes)
    {
        usageTotal += t.GetSeconds();
    }
    for (const auto& [name, t] : usageTimes)
    {
        usage[name] = usageTotal > 0 ? t.GetSeconds() / usageTotal : 0.0;
    }
    j["data"]["app_usage_share"] = usage;

    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    out << std::setw(2) << j << "\n";
    return static_cast<bool>(out);
}

bool
DtResultsWriter::WriteDemandsCsv(const DtStatsCollector& stats, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    out << "id,terminal,class,created_s,tier,final_state,reason,latency_ms,workload_gflop,"
           "bytes_up,bytes_down,hops,ran_at,queue_ms,service_ms,started_s\n";
    std::vector<DtDemand> rows = stats.GetFinished();
    std::sort(rows.begin(),
              rows.end(),
              [](const DtDemand& a, const DtDemand& b)
              {
                  return a.origin != b.origin ? a.origin < b.origin : a.id < b.id;
              });
    out << std::setprecision(9);
    for (const auto& d : rows)
    {
        out << d.id << ',' << d.origin << ',' << +d.demandClass << ',' << d.created.GetSeconds()
            << ',' << DtTierName(d.executedTier) << ',' << DtDemandStateName(d.state) << ','
            << (d.state == DtDemandState::FAILED ? DtFailureReasonName(d.reason) : "") << ',';
        if (d.state != DtDemandState::FAILED)
        {
            out << d.GetLatency().GetSeconds() * 1e3;
        }
        out << ',' << d.workloadGflop << ',' << d.inputBytes << ',' << d.outputBytes << ','
            << +d.hops;
        DtDemandRun run;
        if (stats.GetDemandRun(d.origin, d.id, run))
        {
            out << ',' << run.dt << ',' << run.wait.GetSeconds() * 1e3 << ','
                << run.service.GetSeconds() * 1e3 << ',' << run.start.GetSeconds();
        }
        else
        {
            out << ",,,,";
        }
        out << '\n';
    }
    return static_cast<bool>(out);
}

bool
DtResultsWriter::WriteSyncCsv(const DtStatsCollector& stats, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    // latency_ms: generation to twin updated; rtt_ms: generation to the
    // answer at the terminal; empty where there is none.
    auto ms = [&out](Time t)
    {
        if (!t.IsNegative())
        {
            out << t.GetSeconds() * 1e3;
        }
        out << ',';
    };
    out << "terminal,id,end_s,latency_ms,rtt_ms,outcome\n";
    for (const auto& r : stats.GetSyncs())
    {
        out << r.terminal << ',' << r.id << ',' << r.end.GetSeconds() << ',';
        ms(r.latency);
        ms(r.roundTrip);
        out << LocalDtApplication::SyncOutcomeName(
            static_cast<LocalDtApplication::SyncOutcome>(r.outcome))
            << '\n';
    }
    return static_cast<bool>(out);
}

bool
DtResultsWriter::WriteMigrationsCsv(const DtStatsCollector& stats, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    out << "id,terminal,from_edge,to_edge,trigger,start_s,end_s,downtime_ms,state_bytes,status\n";
    for (const auto& r : stats.GetMigrations())
    {
        out << r.id << ',' << r.terminal << ',' << r.from << ',' << r.to << ','
            << (r.proactive ? "proactive" : "reactive") << ',' << r.start.GetSeconds() << ',';
        if (!r.end.IsNegative())
        {
            out << r.end.GetSeconds();
        }
        out << ',';
        if (r.completed)
        {
            out << r.downtime.GetSeconds() * 1e3;
        }
        const char* status = r.completed          ? "completed"
                             : r.discarded        ? "discarded"
                             : r.end.IsNegative() ? "running"
                                                  : "failed";
        out << ',' << r.bytes << ',' << status << '\n';
    }
    return static_cast<bool>(out);
}

bool
DtResultsWriter::WriteHandoversCsv(const DtStatsCollector& stats, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    // window_ms: handover to the twin applying a state generated after it
    // (empty if it never did before the next handover or the end).
    out << "terminal,time_s,from_cell,to_cell,from_edge,to_edge,served_s,window_ms,"
           "failed_syncs\n";
    for (const auto& w : stats.GetHandoverWindows())
    {
        out << w.terminal << ',' << w.at.GetSeconds() << ',' << w.fromCell << ',' << w.toCell << ','
            << w.fromEdge << ',' << w.toEdge << ',';
        if (!w.served.IsNegative())
        {
            out << w.served.GetSeconds() << ',' << (w.served - w.at).GetSeconds() * 1e3;
        }
        else
        {
            out << ',';
        }
        out << ',' << w.failed << '\n';
    }
    return static_cast<bool>(out);
}

} // namespace ns3
