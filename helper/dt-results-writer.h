/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_RESULTS_WRITER_H
#define DT_RESULTS_WRITER_H

#include <string>

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
     * demands.csv, sync.csv, migrations.csv. Aborts naming the file it cannot
     * write.
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
     * Write demands.csv: one row per finished demand, by terminal and id.
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
};

} // namespace ns3

#endif /* DT_RESULTS_WRITER_H */
