/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TIER_CLASSIFIER_H
#define DT_TIER_CLASSIFIER_H

#include "dt-demand-header.h"

#include "ns3/nstime.h"

#include <array>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * What a DT knows about one tier when it estimates a demand's completion time
 * there: the links on the way (up and down), the round-trip time, and the
 * tier's compute capacity and backlog.
 */
struct DtTierView
{
    bool available{false};           //!< the tier can be reached
    double capacityGflops{0};        //!< its compute capacity
    double backlogGflop{0};          //!< work ahead of a new demand
    std::vector<double> uplinkBps;   //!< rates of the links the input crosses
    std::vector<double> downlinkBps; //!< rates of the links the result crosses
    Time rtt;                        //!< propagation + protocol round trip
    /// Learned compute delay model (c0, c1): when set, the time at the tier
    /// is max(c0 + c1 w, w / capacity) seconds instead of (backlog + w) / capacity.
    std::vector<double> delayModel;
};

/**
 * \ingroup multilayer-dt
 * Tier classification of a demand from estimated completion times.
 *
 * The estimate at a tier is the transfer of the input over each uplink, the
 * round-trip time, the work ahead plus the demand's own work at the tier's
 * capacity, and the transfer of the result over each downlink:
 *
 *   T = sum(in*8/up_i) + rtt + (backlog + w)/capacity + sum(out*8/down_i).
 *
 * The demand goes to the lowest tier (local, then edge, then cloud) whose
 * estimate fits within Margin times the time left to the deadline; if no tier
 * fits, to the tier with the smallest estimate (it will escalate or be late).
 */
class DtTierClassifier
{
  public:
    /**
     * \param margin fraction of the time left that an estimate may use, in (0, 1]
     */
    explicit DtTierClassifier(double margin = 1.0);

    /**
     * \param view what is known of the tier
     * \param workloadGflop the demand's work
     * \param inputBytes its input size
     * \param outputBytes its result size
     * \return the estimated completion delay (Time::Max() if unavailable)
     */
    static Time Estimate(const DtTierView& view,
                         double workloadGflop,
                         uint32_t inputBytes,
                         uint32_t outputBytes);

    /**
     * \param views local, edge and cloud views, in that order
     * \param workloadGflop the demand's work
     * \param inputBytes its input size
     * \param outputBytes its result size
     * \param timeLeft time until the deadline
     * \return the chosen tier (LOCAL, EDGE or CLOUD)
     */
    DtTier Classify(const std::array<DtTierView, 3>& views,
                    double workloadGflop,
                    uint32_t inputBytes,
                    uint32_t outputBytes,
                    Time timeLeft) const;

    /**
     * \param estimate an estimated completion delay
     * \param timeLeft time until the deadline
     * \return true if the estimate fits within the margin
     */
    bool Fits(Time estimate, Time timeLeft) const;

  private:
    double m_margin; //!< usable fraction of the time left
};

} // namespace ns3

#endif /* DT_TIER_CLASSIFIER_H */
