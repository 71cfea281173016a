/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Migration policies (pure logic): what the built-in ones decide, the
// enum shorthand, a user-written subclass; and the synchronized state the
// proactive policy predicts from (DtAgentPool::Synchronize).

#include "ns3/dt-agent-pool.h"
#include "ns3/dt-migration-policy.h"
#include "ns3/dt-sample-codec.h"
#include "ns3/nstime.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// Two cells 1000 m apart, cell 1 at edge DT 100, cell 2 at edge DT 101.
Ptr<DtAddressBook>
TwoCells()
{
    Ptr<DtAddressBook> book = CreateObject<DtAddressBook>();
    book->AddCell(1, 100);
    book->AddCell(2, 101);
    book->SetCellSite(1, Vector(0, 0, 0));
    book->SetCellSite(2, Vector(1000, 0, 0));
    return book;
}

/// An agent whose twin is at x, moving at vx (m/s) along the x axis.
DtDigitalAgent
AgentAt(double x, double vx)
{
    DtDigitalAgent a;
    a.terminal = 1000;
    a.mirror[static_cast<uint8_t>(DtSource::POSITION) - 1] = {x, 0, vx, 0};
    return a;
}

/// A user's policy: agents move only to edge DT 101 (say, the one with a GPU).
class ToEdge101Only : public DtMigrationPolicy
{
  public:
    bool MovesOnHandover(uint32_t, uint32_t, uint32_t toEdge) const override
    {
        return toEdge == 101;
    }
};

} // namespace

TEST(DtMigrationPolicy, ReactiveAndNoneDecideByTheirNameAndNeverPredict)
{
    Ptr<DtAddressBook> book = TwoCells();
    uint32_t target = 0;
    Ptr<DtMigrationPolicy> reactive = CreateObject<DtReactiveMigration>();
    Ptr<DtMigrationPolicy> none = CreateObject<DtNoMigration>();
    EXPECT_TRUE(reactive->MovesOnHandover(1000, 100, 101));
    EXPECT_FALSE(none->MovesOnHandover(1000, 100, 101));
    EXPECT_TRUE(reactive->GetPredictionInterval().IsZero());
    EXPECT_TRUE(none->GetPredictionInterval().IsZero());
    EXPECT_FALSE(reactive->ChoosePreCopyTarget(AgentAt(450, 50), *book, 100, target));
}

TEST(DtMigrationPolicy, ProactivePreCopiesToTheEdgeOfThePredictedCell)
{
    Ptr<DtAddressBook> book = TwoCells();
    Ptr<DtMigrationPolicy> p = DtMigrationPolicyFor(DT_MIGRATION_PROACTIVE,
                                                    MilliSeconds(100),
                                                    Seconds(2));
    EXPECT_EQ(p->GetPredictionInterval(), MilliSeconds(100));
    EXPECT_TRUE(p->MovesOnHandover(1000, 100, 101));
    uint32_t target = 0;
    // 450 m + 2 s x 50 m/s = 550 m: nearer cell 2, edge 101.
    EXPECT_TRUE(p->ChoosePreCopyTarget(AgentAt(450, 50), *book, 100, target));
    EXPECT_EQ(target, 101u);
    // 450 m + 2 s x 20 m/s = 490 m: still cell 1, this edge: no pre-copy.
    EXPECT_FALSE(p->ChoosePreCopyTarget(AgentAt(450, 20), *book, 100, target));
    // No position yet: no prediction.
    DtDigitalAgent unknown;
    EXPECT_FALSE(p->ChoosePreCopyTarget(unknown, *book, 100, target));
}

TEST(DtMigrationPolicy, ShorthandMapsToTheBuiltInObjects)
{
    EXPECT_EQ(DtMigrationPolicyFor(DT_MIGRATION_REACTIVE)->GetInstanceTypeId(),
              DtReactiveMigration::GetTypeId());
    EXPECT_EQ(DtMigrationPolicyFor(DT_MIGRATION_NONE)->GetInstanceTypeId(),
              DtNoMigration::GetTypeId());
    EXPECT_EQ(DtMigrationPolicyFor(DT_MIGRATION_PROACTIVE)->GetInstanceTypeId(),
              DtProactiveMigration::GetTypeId());
    EXPECT_EQ(DtMigrationModeMoves(DT_MIGRATION_NONE), false);
}

TEST(DtMigrationPolicy, UserSubclass)
{
    Ptr<DtMigrationPolicy> mine = CreateObject<ToEdge101Only>();
    EXPECT_TRUE(mine->MovesOnHandover(1000, 100, 101));
    EXPECT_FALSE(mine->MovesOnHandover(1000, 101, 100));
    uint32_t target = 0;
    EXPECT_FALSE(mine->ChoosePreCopyTarget(AgentAt(450, 50), *TwoCells(), 100, target));
}

// A synchronization updates what the twin mirrors of its terminal: the
// proactive policy then predicts from the synchronized position.
TEST(DtAgentPool, SynchronizeMirrorsTheSynchronizedState)
{
    Ptr<DtAgentPool> pool = CreateObject<DtAgentPool>();
    pool->Join(7, 1, 0);
    auto block = [](double x, double vx)
    {
        DtSampleStream st;
        st.source = DtSource::POSITION;
        st.channels = 4;
        st.periodUs = 100000;
        st.values = {x, 0, vx, 0};
        std::vector<uint8_t> b = DtSampleCodec::EncodeRaw({st});
        b.resize(b.size() + 100, 0); // SyncExtraBytes of padding
        return b;
    };
    const auto position = [&pool]()
    {
        return pool->GetAgent(7)->mirror[static_cast<uint8_t>(DtSource::POSITION) - 1];
    };
    ASSERT_TRUE(pool->Synchronize(7, Seconds(2), block(40, 10)));
    EXPECT_EQ(position(), (std::vector<double>{40, 0, 10, 0}));
    // An older state (reordered) does not overwrite a newer one.
    ASSERT_TRUE(pool->Synchronize(7, Seconds(1), block(5, 1)));
    EXPECT_EQ(position(), (std::vector<double>{40, 0, 10, 0}));
    // The policy predicts from it: at 40 m, 10 m/s, 2 s ahead is 60 m.
    Ptr<DtAddressBook> book = TwoCells();
    book->SetCellSite(2, Vector(100, 0, 0));
    Ptr<DtProactiveMigration> proactive = CreateObject<DtProactiveMigration>();
    uint32_t target = 0;
    EXPECT_TRUE(proactive->ChoosePreCopyTarget(*pool->GetAgent(7), *book, 100, target));
    EXPECT_EQ(target, 101u);
    // Bytes that are no sample block are counted, the mirror kept.
    EXPECT_EQ(pool->GetUndecodableBlocks(), 0u);
    ASSERT_TRUE(pool->Synchronize(7, Seconds(3), std::vector<uint8_t>(20, 0xFF)));
    EXPECT_EQ(position(), (std::vector<double>{40, 0, 10, 0}));
    EXPECT_EQ(pool->GetUndecodableBlocks(), 1u);
    EXPECT_FALSE(pool->Synchronize(8, Seconds(3), block(1, 1))) << "no agent of terminal 8";
}
