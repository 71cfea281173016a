/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TIMELINE_H
#define DT_TIMELINE_H

#include "ns3/dt-demand.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class DtApplication;
class LocalDtApplication;
class EdgeDtApplication;
class CloudDtApplication;

/**
 * \ingroup multilayer-dt
 * The time series of a run (timeline.csv): the state of every DT sampled
 * at a fixed period, counts of what happened in each period, and the
 * migrations and handovers as events at their own times.
 *
 * Every Interval (t = k x Interval, and once more when the results are
 * written), one row per value:
 * - `edge` and `cloud`, by DT id: `queue` (jobs waiting for a core),
 *   `busy_cores`, `cores`, `agents` (twins hosted);
 * - `terminal`, by DT id: `serving_edge` (-1: none), `serving_cell`,
 *   `queue` (its own processor), `aoi_s` (age of information of its twin
 *   at the edge that hosts it, or in the cloud while no edge has hosted
 *   it; no row while the twin has no state), `energy_j` and `battery`
 *   (energy drawn from its battery by the module's energy models: the
 *   DtPowerEnergyModel kinds, which read without settling the battery;
 *   ns-3's WifiRadioEnergyModel is left out), and the fraction left; no
 *   rows without a battery);
 * - `demands`, by tier: `created` (the tier chosen at creation),
 *   `in_deadline`, `late`, `failed` (the tier that ran it, or that failed
 *   it), counted over the period that ends at t;
 * - `syncs`, by outcome (ok, late, migrating, ...): `count` over the period.
 *
 * Events, for the terminal concerned: `handover` (value: the new serving
 * edge), `migration_start` (the target edge), `migration_end` (downtime,
 * ms), `migration_failed` and `migration_discarded` (ms since the start).
 *
 * Off by default (Interval 0): nothing is connected and nothing is
 * scheduled. Set Interval before the DTs are watched (before the helper
 * installs them, e.g. with Config::SetDefault). Sampling only reads state:
 * the simulation's results are the same with the timeline on or off.
 */
class DtTimeline : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtTimeline();

    /** The entities a row describes. */
    enum Entity : uint8_t
    {
        EDGE = 0,    //!< an edge DT
        CLOUD,       //!< the cloud DT
        TERMINAL,    //!< a terminal (its local DT and its twin)
        DEMANDS,     //!< demand counts of a tier
        SYNCS,       //!< synchronizations ended with an outcome
        ENTITY_COUNT //!< number of entities
    };

    /** One value at one time. */
    struct Row
    {
        Time time;            //!< when
        Entity entity;        //!< of what
        uint32_t id;          //!< which one: DT id, DtTier, LocalDtApplication::SyncOutcome
        const char* variable; //!< the quantity (static string)
        double value;         //!< its value
    };

    /**
     * Turn the timeline on for the collectors created from now on (the
     * default of Interval), unless a default Interval was set already, for
     * instance with --ns3::DtTimeline::Interval on the command line.
     * \param interval the sampling period
     */
    static void EnableByDefault(Time interval);

    /** \return true if the Interval is positive */
    bool IsEnabled() const;
    /**
     * Follow a DT (nothing when disabled). The first DT starts the sampling.
     * \param app the DT
     */
    void Watch(Ptr<DtApplication> app);
    /** Take a sample now (the periodic samples call it; nothing when disabled). */
    void Sample();
    /** \return the rows so far, in time order */
    const std::vector<Row>& GetRows() const;
    /**
     * Write timeline.csv, after a last sample if the run went on since the
     * previous one.
     * \param path the file
     * \return false if it cannot be written
     */
    bool Write(const std::string& path);
    /**
     * \param entity an entity
     * \return its name in timeline.csv
     */
    static const char* EntityName(Entity entity);
    /**
     * \param row a row
     * \return its id as timeline.csv writes it (a DT id, tier or outcome name)
     */
    static std::string IdName(const Row& row);

    /**
     * TracedCallback signature for a row.
     * \param row the row just recorded
     */
    typedef void (*RowTracedCallback)(const Row& row);

  protected:
    void DoDispose() override;

  private:
    /**
     * Record a row now.
     * \param entity the entity
     * \param id its id
     * \param variable the quantity
     * \param value its value
     */
    void Add(Entity entity, uint32_t id, const char* variable, double value);
    /** Sample, then schedule the next sample. */
    void Tick();
    /**
     * \param terminal a terminal's DT id
     * \param servingEdge its serving edge's DT id
     * \param[out] aoi its twin's age of information, s
     * \return false if its twin has no state
     */
    bool TwinAge(uint32_t terminal, uint32_t servingEdge, double& aoi) const;
    /**
     * \param d a demand in its final state
     */
    void DemandFinished(const DtDemand& d);

    Time m_interval;                                    //!< sampling period (0: off)
    EventId m_next;                                     //!< next sample
    bool m_started{false};                              //!< sampling is scheduled
    Time m_lastSample{-1};                              //!< time of the last sample
    std::vector<Row> m_rows;                            //!< what was recorded
    std::vector<Ptr<LocalDtApplication>> m_locals;      //!< terminals
    std::map<uint32_t, Ptr<EdgeDtApplication>> m_edges; //!< edge DTs by DT id
    Ptr<CloudDtApplication> m_cloud;                    //!< the cloud DT
    std::set<uint32_t> m_edgeTwins;                     //!< terminals whose twin an edge hosted
    /// Demand counts of the current period: created, in deadline, late, failed, by tier.
    std::array<std::array<uint64_t, 4>, 4> m_demands{};
    std::map<uint32_t, uint64_t> m_syncs;      //!< syncs ended, by outcome
    std::map<uint64_t, Time> m_migrationStart; //!< running migrations' start, by id
    TracedCallback<const Row&> m_rowTrace;     //!< trace: a row was recorded
};

} // namespace ns3

#endif /* DT_TIMELINE_H */
