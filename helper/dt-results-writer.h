/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_RESULTS_WRITER_H
#define DT_RESULTS_WRITER_H

#include <string>
#include <vector>

namespace ns3
{

class DtStatsCollector;

/**
 * \ingroup multilayer-dt
 * Writes what a DtStatsCollector collected: summary.json (every headline
 * figure of a run, with its configuration) and the per-record CSVs.
 */
class DtResultsWriter
{
  public:
    /**
     * Write every output into a folder (created if needed): summary.json,
     * demands.csv, sync.csv, migrations.csv, handovers.csv, and timeline.csv
     * when the collector's DtTimeline is on. Aborts naming the file it
     * cannot write.
     * \param stats the statistics
     * \param dir the folder
     * \param wallSeconds wall-clock time of the run
     */
    static void WriteAll(const DtStatsCollector& stats, const std::string& dir, double wallSeconds);
    /**
     * Write summary.json.
     * \param stats the statistics
     * \param path the file
     * \param wallSeconds wall-clock time of the run
     * \return false if the file cannot be written
     */
    static bool WriteSummary(const DtStatsCollector& stats,
                             const std::string& path,
                             double wallSeconds);
    /**
     * Write demands.csv: one row per finished demand, by terminal and id;
     * ran_at, queue_ms, service_ms and started_s tell which DT's processor
     * ran it, how long it waited for a core there, how long it ran and
     * when it started (empty if it never started on one).
     * \param stats the statistics
     * \param path the file
     * \return false if the file cannot be written
     */
    static bool WriteDemandsCsv(const DtStatsCollector& stats, const std::string& path);
    /**
     * Write sync.csv: one row per synchronization request.
     * \param stats the statistics
     * \param path the file
     * \return false if the file cannot be written
     */
    static bool WriteSyncCsv(const DtStatsCollector& stats, const std::string& path);
    /**
     * Write migrations.csv: one row per agent migration.
     * \param stats the statistics
     * \param path the file
     * \return false if the file cannot be written
     */
    static bool WriteMigrationsCsv(const DtStatsCollector& stats, const std::string& path);
    /**
     * Write handovers.csv: one row per handover and its window.
     * \param stats the statistics
     * \param path the file
     * \return false if the file cannot be written
     */
    static bool WriteHandoversCsv(const DtStatsCollector& stats, const std::string& path);
    /**
     * Build the HTML report of runs, side by side (tools/report.py, run
     * with Debian's python3 and matplotlib; the environment variable
     * MLDT_REPORT_SCRIPT names another copy of the script). A run needs its
     * timeline.csv for the report's time series (DtTimeline's Interval).
     * \param runs the runs' folders (each written by WriteAll)
     * \param out the HTML file to write
     * \return its absolute path, or "" if it could not be built (the
     *         reason is printed on the standard error)
     */
    static std::string WriteReport(const std::vector<std::string>& runs, const std::string& out);
};

} // namespace ns3

#endif /* DT_RESULTS_WRITER_H */
