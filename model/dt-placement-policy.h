/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_PLACEMENT_POLICY_H
#define DT_PLACEMENT_POLICY_H

#include "dt-demand-header.h"
#include "dt-tier-classifier.h"

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <array>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * What a local DT knows when it places a new demand: its estimate inputs for
 * the local, edge and cloud tiers, the demand, and how much of the time left
 * an estimate may use.
 */
struct DtPlacementRequest
{
    std::array<DtTierView, 3> views; //!< local, edge and cloud, in that order
    double workloadGflop{0};         //!< the demand's work
    uint32_t inputBytes{0};          //!< its input size
    uint32_t outputBytes{0};         //!< its result size
    uint8_t demandClass{0};          //!< its class (index in the terminal's demand classes)
    uint8_t priority{0};             //!< its priority
    Time timeLeft;                   //!< time until the deadline
    double margin{1.0};              //!< usable fraction of timeLeft, in (0, 1]

    /**
     * \param tier LOCAL, EDGE or CLOUD
     * \return the estimated completion delay at that tier (Time::Max() if
     *         unavailable), from DtTierClassifier::Estimate
     */
    Time Estimate(DtTier tier) const;
    /**
     * \param estimate an estimated completion delay
     * \return true if it fits within margin * timeLeft
     */
    bool Fits(Time estimate) const;
};

/**
 * \ingroup multilayer-dt
 * Where a local DT runs a new demand in the multi-layer architecture: on the
 * terminal, at its edge DT or at the cloud DT (LocalDtServiceModule's
 * PlacementPolicy attribute). Subclass it and override Place() to study a
 * rule of your own; the service module executes the choice (dispatch,
 * escalation, results) whatever it is.
 *
 * When the edge DT cannot be reached the terminal chooses between itself and
 * a neighbour instead; that choice is not the placement policy's.
 */
class DtPlacementPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param request the demand and what is known of each tier
     * \return the tier to run it at: LOCAL, EDGE or CLOUD
     */
    virtual DtTier Place(const DtPlacementRequest& request) const = 0;
};

/**
 * \ingroup multilayer-dt
 * The lowest tier (local, then edge, then cloud) whose estimated completion
 * fits the margin of the time left; if none does, the fastest. Keeps work
 * close to the terminal and spends deadline slack on purpose.
 */
class DtLowestFeasiblePlacement : public DtPlacementPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtTier Place(const DtPlacementRequest& request) const override;
};

/**
 * \ingroup multilayer-dt
 * The tier with the smallest estimated completion time among those that fit
 * the margin of the time left (the lower tier on a tie); if none does, the
 * fastest. Minimizes the expected latency subject to the deadline.
 */
class DtMinLatencyPlacement : public DtPlacementPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtTier Place(const DtPlacementRequest& request) const override;
};

/**
 * \param name a short name: "lowest-feasible" or "min-latency"
 * \param tid set to the policy's TypeId
 * \return false if the name is not known
 */
bool DtPlacementPolicyByName(const std::string& name, TypeId& tid);

} // namespace ns3

#endif /* DT_PLACEMENT_POLICY_H */
