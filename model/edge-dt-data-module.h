/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_DATA_MODULE_H
#define EDGE_DT_DATA_MODULE_H

#include "dt-anomaly-detector.h"
#include "dt-digital-agent.h"
#include "dt-region-summary-header.h"
#include "dt-status-update-header.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <memory>
#include <set>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Data module of an edge DT: the pool of digital agents of the terminals it
 * serves (agents join and leave), their latest states, anomaly detection and
 * the region summary sent to the cloud DT instead of the terminals' raw data.
 *
 * Every stream of a status update is decoded (a sample block that does not
 * decode is counted and its samples ignored); the agent mirrors each
 * source's latest sample, and every SENSOR sample (a vector of the sensor
 * channels) is tested by a region-wide multivariate DtAnomalyDetector
 * (Mahalanobis distance against the region's running mean and covariance,
 * false-alarm probability AnomalyFalseAlarm); a terminal with a flagged
 * sample is reported in the next region summary and traced.
 */
class EdgeDtDataModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeDtDataModule();
    ~EdgeDtDataModule() override;

    /** \return anomalous samples flagged so far */
    uint64_t GetAnomaliesFlagged() const;
    /** \return sample blocks that could not be decoded */
    uint64_t GetUndecodableBlocks() const;

    /**
     * TracedCallback signature for a flagged anomaly.
     * \param terminal the terminal's DT id
     * \param distance2 the squared Mahalanobis distance of the sample
     */
    typedef void (*AnomalyTracedCallback)(uint32_t terminal, double distance2);

    /**
     * Add (or refresh) a terminal's agent.
     * \param terminal its DT id
     * \param servingCell its serving cell
     * \param modelVersion the model version it runs
     * \return true if the agent is new here
     */
    bool Join(uint32_t terminal, uint32_t servingCell, uint32_t modelVersion);
    /**
     * Host an agent that migrated here (replacing any agent of its terminal).
     * \param agent the restored agent
     */
    void Adopt(DtDigitalAgent agent);
    /**
     * A synchronization request reached the twin.
     * \param terminal its DT id
     * \param generated when the state was generated
     * \return false if no agent of the terminal is here
     */
    bool Synchronize(uint32_t terminal, Time generated);
    /**
     * Age of information over every agent this edge hosted, up to now
     * (agents that migrated away carry theirs along).
     * \param integral integral of the age, s^2
     * \param duration time covered, s
     */
    void GetAgeOfInformation(double& integral, double& duration);
    /**
     * Remove a terminal's agent that moves to another edge (its age of
     * information goes along).
     * \param terminal its DT id
     */
    void Release(uint32_t terminal);
    /**
     * Remove a terminal's agent.
     * \param terminal its DT id
     * \param leftAt when the terminal left (its twin's age of information
     *        is counted up to then; negative: now)
     * \return true if it was here
     */
    bool Leave(uint32_t terminal, Time leftAt = Time(-1));
    /**
     * Apply a status update to the terminal's agent (creating it if needed).
     * \param terminal its DT id
     * \param update the status update
     * \param sentAt when the terminal sent it
     */
    void ApplyStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt);
    /**
     * \param terminal a DT id
     * \return its agent, or nullptr
     */
    const DtDigitalAgent* GetAgent(uint32_t terminal) const;
    /** \return all agents by terminal */
    const std::map<uint32_t, DtDigitalAgent>& GetAgents() const;

    /**
     * Summarize the region since the previous summary: agent count, updates,
     * mean and covariance of (x, y, vx, vy) over the agents' latest states.
     * \return the summary
     */
    DtRegionSummaryHeader BuildRegionSummary();

  private:
    Time m_history;                //!< status update history an agent keeps
    double m_closedAoi{0};         //!< age integral of agents that left, s^2
    double m_closedAoiDuration{0}; //!< time they covered, s
    double m_falseAlarm;           //!< detector false-alarm probability
    uint32_t m_warmup;             //!< detector warm-up samples
    std::map<uint8_t, std::unique_ptr<DtAnomalyDetector>>
        m_detectors;                                 //!< region-wide, by dimension
    std::set<uint32_t> m_flaggedInWindow;            //!< terminals flagged since the last summary
    uint64_t m_flagged{0};                           //!< samples flagged
    uint64_t m_undecodable{0};                       //!< blocks that did not decode
    TracedCallback<uint32_t, double> m_anomalyTrace; //!< trace: anomaly flagged
    std::map<uint32_t, DtDigitalAgent> m_agents;     //!< the pool
    uint32_t m_updatesInWindow{0};                   //!< updates since the last summary
    Time m_windowStart;                              //!< start of the summary window
};

} // namespace ns3

#endif /* EDGE_DT_DATA_MODULE_H */
