/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-tier-classifier.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

DtTierClassifier::DtTierClassifier(double margin)
    : m_margin(margin)
{
    NS_ABORT_MSG_IF(!(margin > 0 && margin <= 1),
                    "tier classification margin must be in (0, 1], got " << margin);
}

Time
DtTierClassifier::Estimate(const DtTierView& view,
                           double workloadGflop,
                           uint32_t inputBytes,
                           uint32_t outputBytes)
{
    if (!view.available || view.capacityGflops <= 0)
    {
        return Time::Max();
    }
    double seconds = (view.backlogGflop + workloadGflop) / view.capacityGflops;
    if (view.delayModel.size() == 2)
    {
        seconds = std::max(view.delayModel[0] + view.delayModel[1] * workloadGflop,
                           workloadGflop / view.capacityGflops);
    }
    for (double rate : view.uplinkBps)
    {
        seconds += rate > 0 ? inputBytes * 8.0 / rate : 0.0;
    }
    for (double rate : view.downlinkBps)
    {
        seconds += rate > 0 ? outputBytes * 8.0 / rate : 0.0;
    }
    // Beyond ~30 years the estimate only needs to be "too late"; this also
    // keeps it inside the range of ns3::Time.
    return Seconds(std::min(seconds, 1e9)) + view.rtt;
}

bool
DtTierClassifier::Fits(Time estimate, Time timeLeft) const
{
    return estimate != Time::Max() && estimate.GetSeconds() <= m_margin * timeLeft.GetSeconds();
}

DtTier
DtTierClassifier::Classify(const std::array<DtTierView, 3>& views,
                           double workloadGflop,
                           uint32_t inputBytes,
                           uint32_t outputBytes,
                           Time timeLeft) const
{
    const DtTier order[3] = {DtTier::LOCAL, DtTier::EDGE, DtTier::CLOUD};
    DtTier fastest = DtTier::LOCAL;
    Time best = Time::Max();
    for (int i = 0; i < 3; ++i)
    {
        Time t = Estimate(views[i], workloadGflop, inputBytes, outputBytes);
        if (Fits(t, timeLeft))
        {
            return order[i];
        }
        if (t < best)
        {
            best = t;
            fastest = order[i];
        }
    }
    return fastest;
}

} // namespace ns3
