/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_DATA_MODULE_H
#define EDGE_DT_DATA_MODULE_H

#include "dt-agent-pool.h"
#include "dt-anomaly-detector.h"
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
 * serves (DtAgentPool: agents join, leave and migrate), anomaly detection and
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
     * What the terminals' processing did to their data, as measured on the
     * status updates received so far: bytes of the sample blocks over the
     * raw size of the samples they carried (1 before any arrived).
     * \return the ratio, in (0, 1] when the blocks are compressed
     */
    double GetReduction() const;
    /**
     * \param rawBytes a size of raw data of the terminals
     * \return its size reduced as GetReduction says (at least 1 byte of a
     *         non-empty input)
     */
    uint32_t Reduce(uint32_t rawBytes) const;

    /**
     * TracedCallback signature for a flagged anomaly.
     * \param terminal the terminal's DT id
     * \param distance2 the squared Mahalanobis distance of the sample
     */
    typedef void (*AnomalyTracedCallback)(uint32_t terminal, double distance2);

    /**
     * Apply a status update to the terminal's agent (creating it if needed)
     * and test its sensor samples.
     * \param terminal its DT id
     * \param update the status update
     * \param sentAt when the terminal sent it
     */
    void ApplyStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt);
    /** \return the agents of the terminals this edge serves */
    Ptr<DtAgentPool> GetAgentPool() const;

    /**
     * Summarize the region since the previous summary: agent count, updates,
     * mean and covariance of (x, y, vx, vy) over the agents' latest states.
     * \return the summary
     */
    DtRegionSummaryHeader BuildRegionSummary();

  private:
    Ptr<DtAgentPool> m_pool; //!< the agents
    double m_falseAlarm;     //!< detector false-alarm probability
    uint32_t m_warmup;       //!< detector warm-up samples
    std::map<uint8_t, std::unique_ptr<DtAnomalyDetector>>
        m_detectors;                                 //!< region-wide, by dimension
    std::set<uint32_t> m_flaggedInWindow;            //!< terminals flagged since the last summary
    uint64_t m_flagged{0};                           //!< samples flagged
    TracedCallback<uint32_t, double> m_anomalyTrace; //!< trace: anomaly flagged
    uint32_t m_updatesInWindow{0};                   //!< updates since the last summary
    uint64_t m_blockBytes{0};                        //!< sample block bytes received
    uint64_t m_blockRawBytes{0};                     //!< raw size of their samples
    Time m_windowStart;                              //!< start of the summary window
};

} // namespace ns3

#endif /* EDGE_DT_DATA_MODULE_H */
