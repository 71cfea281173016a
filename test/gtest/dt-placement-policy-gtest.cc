/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Demand placement policies (pure logic): lowest feasible tier against the
// minimum expected completion time, and a user-written subclass.

#include "ns3/dt-placement-policy.h"
#include "ns3/object.h"
#include "ns3/pointer.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// The S1 tiers: 1 GFLOPS terminal, 20 GFLOPS edge, 500 GFLOPS cloud,
/// 50/200 Mbit/s access, 1 Gbit/s fibre.
DtPlacementRequest
S1Request(double workloadGflop, uint32_t in, uint32_t out, Time timeLeft)
{
    DtPlacementRequest r;
    r.views[0].available = true;
    r.views[0].capacityGflops = 1.0;
    r.views[1].available = true;
    r.views[1].capacityGflops = 20.0;
    r.views[1].uplinkBps = {50e6};
    r.views[1].downlinkBps = {200e6};
    r.views[1].rtt = MilliSeconds(4);
    r.views[2].available = true;
    r.views[2].capacityGflops = 500.0;
    r.views[2].uplinkBps = {50e6, 1e9};
    r.views[2].downlinkBps = {1e9, 200e6};
    r.views[2].rtt = MilliSeconds(6);
    r.workloadGflop = workloadGflop;
    r.inputBytes = in;
    r.outputBytes = out;
    r.timeLeft = timeLeft;
    r.margin = 0.8;
    return r;
}

/// A user's policy: never the terminal; the edge if it fits, else the cloud.
class OffloadAlwaysPlacement : public DtPlacementPolicy
{
  public:
    DtTier Place(const DtPlacementRequest& r) const override
    {
        return r.Fits(r.Estimate(DtTier::EDGE)) ? DtTier::EDGE : DtTier::CLOUD;
    }
};

} // namespace

TEST(DtPlacementPolicy, LowestFeasibleKeepsAFittingDemandLocal)
{
    // 0.02 GFLOP, 100 ms: 20 ms locally fits 80 ms; the edge (~5 ms) is faster.
    const DtPlacementRequest r = S1Request(0.02, 500, 200, MilliSeconds(100));
    ASSERT_TRUE(r.Fits(r.Estimate(DtTier::LOCAL)));
    ASSERT_LT(r.Estimate(DtTier::EDGE), r.Estimate(DtTier::LOCAL));
    EXPECT_EQ(CreateObject<DtLowestFeasiblePlacement>()->Place(r), DtTier::LOCAL);
}

TEST(DtPlacementPolicy, MinLatencyTakesTheFastestFittingTier)
{
    const DtPlacementRequest r = S1Request(0.02, 500, 200, MilliSeconds(100));
    const Time edge = r.Estimate(DtTier::EDGE);
    ASSERT_LT(edge, r.Estimate(DtTier::CLOUD));
    EXPECT_EQ(CreateObject<DtMinLatencyPlacement>()->Place(r), DtTier::EDGE);

    // A busy edge (its backlog makes it slower than the cloud): the cloud.
    DtPlacementRequest busy = S1Request(2.0, 500, 200, Seconds(2));
    busy.views[1].backlogGflop = 10; // (10 + 2) / 20 = 600 ms at the edge
    ASSERT_LT(busy.Estimate(DtTier::CLOUD), busy.Estimate(DtTier::EDGE));
    ASSERT_TRUE(busy.Fits(busy.Estimate(DtTier::EDGE)));
    EXPECT_EQ(CreateObject<DtLowestFeasiblePlacement>()->Place(busy), DtTier::EDGE);
    EXPECT_EQ(CreateObject<DtMinLatencyPlacement>()->Place(busy), DtTier::CLOUD);
}

TEST(DtPlacementPolicy, NothingFitsGivesTheFastestForBoth)
{
    // 400 GFLOP in 100 ms: no tier fits; the cloud is the fastest.
    const DtPlacementRequest r = S1Request(400, 500000, 20000, MilliSeconds(100));
    EXPECT_FALSE(r.Fits(r.Estimate(DtTier::CLOUD)));
    EXPECT_EQ(CreateObject<DtLowestFeasiblePlacement>()->Place(r), DtTier::CLOUD);
    EXPECT_EQ(CreateObject<DtMinLatencyPlacement>()->Place(r), DtTier::CLOUD);
}

TEST(DtPlacementPolicy, UnavailableTiersAreNeverChosen)
{
    DtPlacementRequest r = S1Request(2.0, 500, 200, Seconds(5));
    r.views[1].available = false;
    r.views[2].available = false;
    EXPECT_EQ(r.Estimate(DtTier::EDGE), Time::Max());
    EXPECT_EQ(CreateObject<DtMinLatencyPlacement>()->Place(r), DtTier::LOCAL);
}

TEST(DtPlacementPolicy, UserSubclassAndNames)
{
    const DtPlacementRequest r = S1Request(0.02, 500, 200, MilliSeconds(100));
    Ptr<DtPlacementPolicy> mine = CreateObject<OffloadAlwaysPlacement>();
    EXPECT_EQ(mine->Place(r), DtTier::EDGE);
    TypeId tid;
    ASSERT_TRUE(DtPlacementPolicyByName("min-latency", tid));
    EXPECT_EQ(tid, DtMinLatencyPlacement::GetTypeId());
    ASSERT_TRUE(DtPlacementPolicyByName("lowest-feasible", tid));
    EXPECT_EQ(tid, DtLowestFeasiblePlacement::GetTypeId());
    EXPECT_FALSE(DtPlacementPolicyByName("fastest", tid));
}
