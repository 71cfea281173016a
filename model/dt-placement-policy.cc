/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-placement-policy.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtPlacementPolicy");

NS_OBJECT_ENSURE_REGISTERED(DtPlacementPolicy);
NS_OBJECT_ENSURE_REGISTERED(DtLowestFeasiblePlacement);
NS_OBJECT_ENSURE_REGISTERED(DtMinLatencyPlacement);

namespace
{
/// The tiers a placement policy chooses from, in the order of the views.
const DtTier g_tiers[3] = {DtTier::LOCAL, DtTier::EDGE, DtTier::CLOUD};
} // namespace

Time
DtPlacementRequest::Estimate(DtTier tier) const
{
    for (int i = 0; i < 3; ++i)
    {
        if (g_tiers[i] == tier)
        {
            return DtTierClassifier::Estimate(views[i], workloadGflop, inputBytes, outputBytes);
        }
    }
    return Time::Max();
}

bool
DtPlacementRequest::Fits(Time estimate) const
{
    return DtTierClassifier(margin).Fits(estimate, timeLeft);
}

TypeId
DtPlacementPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtPlacementPolicy").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

TypeId
DtLowestFeasiblePlacement::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtLowestFeasiblePlacement")
                            .SetParent<DtPlacementPolicy>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtLowestFeasiblePlacement>();
    return tid;
}

DtTier
DtLowestFeasiblePlacement::Place(const DtPlacementRequest& r) const
{
    return DtTierClassifier(r.margin)
        .Classify(r.views, r.workloadGflop, r.inputBytes, r.outputBytes, r.timeLeft);
}

TypeId
DtMinLatencyPlacement::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtMinLatencyPlacement")
                            .SetParent<DtPlacementPolicy>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtMinLatencyPlacement>();
    return tid;
}

DtTier
DtMinLatencyPlacement::Place(const DtPlacementRequest& r) const
{
    DtTier fitting = DtTier::LOCAL;
    Time bestFitting = Time::Max();
    DtTier fastest = DtTier::LOCAL;
    Time best = Time::Max();
    for (DtTier tier : g_tiers)
    {
        const Time t = r.Estimate(tier);
        if (r.Fits(t) && t < bestFitting)
        {
            bestFitting = t;
            fitting = tier;
        }
        if (t < best)
        {
            best = t;
            fastest = tier;
        }
    }
    NS_LOG_LOGIC("min-latency: " << DtTierName(bestFitting != Time::Max() ? fitting : fastest)
                                 << (bestFitting != Time::Max() ? "" : " (none fits)"));
    return bestFitting != Time::Max() ? fitting : fastest;
}

bool
DtPlacementPolicyByName(const std::string& name, TypeId& tid)
{
    if (name == "lowest-feasible")
    {
        tid = DtLowestFeasiblePlacement::GetTypeId();
        return true;
    }
    if (name == "min-latency")
    {
        tid = DtMinLatencyPlacement::GetTypeId();
        return true;
    }
    return false;
}

} // namespace ns3
