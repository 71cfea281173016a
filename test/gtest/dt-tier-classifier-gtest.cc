/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tier classification from estimated completion times (pure logic).

#include "ns3/dt-tier-classifier.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// The S1 tiers: 1 GFLOPS terminal, 20 GFLOPS edge, 500 GFLOPS cloud,
/// 50/200 Mbit/s access, 1 Gbit/s fibre.
std::array<DtTierView, 3>
S1Views(double localBacklog = 0, double edgeBacklog = 0, double cloudBacklog = 0)
{
    std::array<DtTierView, 3> v;
    v[0].available = true;
    v[0].capacityGflops = 1.0;
    v[0].backlogGflop = localBacklog;
    v[1].available = true;
    v[1].capacityGflops = 20.0;
    v[1].backlogGflop = edgeBacklog;
    v[1].uplinkBps = {50e6};
    v[1].downlinkBps = {200e6};
    v[1].rtt = ns3::MilliSeconds(4);
    v[2].available = true;
    v[2].capacityGflops = 500.0;
    v[2].backlogGflop = cloudBacklog;
    v[2].uplinkBps = {50e6, 1e9};
    v[2].downlinkBps = {1e9, 200e6};
    v[2].rtt = ns3::MilliSeconds(6);
    return v;
}

} // namespace

TEST(DtTierClassifier, EstimateAddsTransfersRttAndCompute)
{
    auto v = S1Views(0, 10.0, 0);
    // 2 GFLOP, 100 kB up, 10 kB down at the edge:
    // 800000/50e6 + 4 ms + (10 + 2)/20 + 80000/200e6.
    const double expected = 0.016 + 0.004 + 0.6 + 0.0004;
    EXPECT_NEAR(DtTierClassifier::Estimate(v[1], 2.0, 100000, 10000).GetSeconds(), expected, 1e-9);
    DtTierView off;
    EXPECT_EQ(DtTierClassifier::Estimate(off, 1.0, 0, 0), ns3::Time::Max());
}

TEST(DtTierClassifier, LightTightDemandRunsLocally)
{
    DtTierClassifier c(0.8);
    auto v = S1Views();
    // 0.05 GFLOP takes 50 ms locally; the deadline is 100 ms, 80 ms usable.
    const double w = 0.05;
    const ns3::Time left = ns3::MilliSeconds(100);
    ASSERT_TRUE(c.Fits(DtTierClassifier::Estimate(v[0], w, 500, 200), left));
    EXPECT_EQ(c.Classify(v, w, 500, 200, left), DtTier::LOCAL);
}

TEST(DtTierClassifier, HeavyLooseDemandGoesToTheCloud)
{
    DtTierClassifier c(0.8);
    auto v = S1Views();
    // 400 GFLOP, 10 s deadline: 400 s locally, 20 s at the edge, under 1 s at the cloud.
    const double w = 400;
    const ns3::Time left = ns3::Seconds(10);
    EXPECT_FALSE(c.Fits(DtTierClassifier::Estimate(v[0], w, 500000, 20000), left));
    EXPECT_FALSE(c.Fits(DtTierClassifier::Estimate(v[1], w, 500000, 20000), left));
    EXPECT_TRUE(c.Fits(DtTierClassifier::Estimate(v[2], w, 500000, 20000), left));
    EXPECT_EQ(c.Classify(v, w, 500000, 20000, left), DtTier::CLOUD);
}

TEST(DtTierClassifier, MediumDemandStopsAtTheEdge)
{
    DtTierClassifier c(0.8);
    auto v = S1Views();
    // 2 GFLOP, 1 s deadline: 2 s locally, about 0.12 s at the edge: lowest tier that fits.
    EXPECT_EQ(c.Classify(v, 2.0, 50000, 5000, ns3::Seconds(1)), DtTier::EDGE);
}

TEST(DtTierClassifier, BacklogPushesUp)
{
    DtTierClassifier c(0.8);
    // The same medium demand, with 40 GFLOP queued at the edge (2 s of work).
    auto v = S1Views(0, 40.0, 0);
    EXPECT_EQ(c.Classify(v, 2.0, 50000, 5000, ns3::Seconds(1)), DtTier::CLOUD);
}

TEST(DtTierClassifier, NothingFitsMeansFastest)
{
    DtTierClassifier c(0.8);
    auto v = S1Views();
    v[2].available = false;
    // 100 GFLOP in 1 s fits nowhere; the edge (5 s) beats the terminal (100 s).
    EXPECT_EQ(c.Classify(v, 100.0, 1000, 1000, ns3::Seconds(1)), DtTier::EDGE);
}
