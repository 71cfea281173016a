/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// multilayer-dt-own-policy: a placement policy written in a user's script,
// registered with its own TypeId and chosen by attribute, with no change to
// the model.
//
// EdgeFirstPlacement never runs a demand on the terminal while the edge DT
// or the cloud DT can meet its deadline: the edge if its estimate fits the
// margin, else the cloud, else the fastest tier. The program runs the S1
// case study's multi-layer DT (Wi-Fi, 2 edges) twice on the same seed, with
// the built-in DtLowestFeasiblePlacement and with EdgeFirstPlacement, and
// prints where the demands ran and how they ended. (Before a terminal hears
// from its edge DT, and whenever it cannot reach it, it chooses between
// itself and a neighbour without asking the policy: those demands run
// locally under any policy.) It exits non-zero unless EdgeFirstPlacement
// decided, chose the terminal only when neither the edge nor the cloud was in
// time, and fewer demands ran locally with it than with the built-in policy,
// so it doubles as a test.
//
//   ./mldt run own-policy -- --simTime=5 --terminals=6

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/multilayer-dt-module.h"

#include <array>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("MultilayerDtOwnPolicy");

namespace ns3
{

/// EdgeFirstPlacement's decisions, over all terminals: local, edge, cloud.
static std::array<uint64_t, 3> g_edgeFirstDecisions{};
/// EdgeFirstPlacement's decisions where neither the edge nor the cloud fitted.
static uint64_t g_edgeFirstFallbacks{0};

/**
 * A user's placement policy: the edge DT if it meets the deadline, else the
 * cloud DT if it does, else the fastest tier.
 */
class EdgeFirstPlacement : public DtPlacementPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::EdgeFirstPlacement")
                                .SetParent<DtPlacementPolicy>()
                                .SetGroupName("MultilayerDt")
                                .AddConstructor<EdgeFirstPlacement>();
        return tid;
    }

    DtTier Place(const DtPlacementRequest& r) const override
    {
        DtTier chosen = DtTier::LOCAL; // none fits: the fastest
        for (DtTier tier : {DtTier::EDGE, DtTier::CLOUD})
        {
            if (r.Estimate(tier) < r.Estimate(chosen))
            {
                chosen = tier;
            }
        }
        bool fallback = true;
        for (DtTier tier : {DtTier::CLOUD, DtTier::EDGE})
        {
            if (r.Fits(r.Estimate(tier)))
            {
                chosen = tier; // the edge first, then the cloud
                fallback = false;
            }
        }
        ++g_edgeFirstDecisions[static_cast<int>(chosen)];
        g_edgeFirstFallbacks += fallback ? 1 : 0;
        return chosen;
    }
};

NS_OBJECT_ENSURE_REGISTERED(EdgeFirstPlacement);

/**
 * A user's migration policy: an agent follows its terminal only to the edge
 * DTs listed (say, the ones with an accelerator); elsewhere it stays where it
 * is and the terminal reaches it through the backhaul.
 */
class ListedEdgesMigration : public DtMigrationPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::ListedEdgesMigration")
                                .SetParent<DtMigrationPolicy>()
                                .SetGroupName("MultilayerDt")
                                .AddConstructor<ListedEdgesMigration>();
        return tid;
    }

    /**
     * \param edge an edge DT agents may move to
     */
    void Allow(uint32_t edge)
    {
        m_allowed.insert(edge);
    }

    bool MovesOnHandover(uint32_t, uint32_t, uint32_t toEdge) const override
    {
        return m_allowed.count(toEdge) > 0;
    }

  private:
    std::set<uint32_t> m_allowed; //!< edge DTs agents may move to
};

NS_OBJECT_ENSURE_REGISTERED(ListedEdgesMigration);

} // namespace ns3

namespace
{

/// Where one run's demands ran and how they ended.
struct Outcome
{
    std::array<uint64_t, 3> placed{}; //!< by chosen tier: local, edge, cloud
    uint64_t created{0};              //!< demands created
    uint64_t inDeadline{0};           //!< completed in deadline
    uint64_t late{0};                 //!< completed late
    uint64_t failed{0};               //!< failed
    double meanMs{0};                 //!< mean latency of the completed demands
};

/**
 * Run the S1 multi-layer DT with a placement policy.
 * \param policy the policy's TypeId
 * \param terminals number of terminals
 * \param simTime seconds of demand generation
 * \return the outcome
 */
Outcome
Run(TypeId policy, uint32_t terminals, double simTime)
{
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(terminals));
    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
    dt->SetAttribute("SimTime", TimeValue(Seconds(simTime)));
    dt->SetAttribute("PlacementPolicy", TypeIdValue(policy));
    dt->Build();
    dt->Install();
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Outcome o;
    Ptr<DtStatsCollector> st = dt->GetStats();
    for (const DtDemand& d : st->GetFinished())
    {
        if (d.tier == DtTier::LOCAL || d.tier == DtTier::EDGE || d.tier == DtTier::CLOUD)
        {
            ++o.placed[static_cast<int>(d.tier)];
        }
    }
    o.created = st->GetCreated();
    o.inDeadline = st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE);
    o.late = st->GetCount(DtDemandState::COMPLETED_LATE);
    o.failed = st->GetCount(DtDemandState::FAILED);
    o.meanMs = st->GetLatency(-1).mean;
    Simulator::Destroy();
    return o;
}

/// Handovers and where the migrations went, in one run.
struct Moves
{
    uint64_t handovers{0};               //!< handovers the local DTs detected
    std::map<uint32_t, uint64_t> byEdge; //!< migrations started, by target edge DT
};

/**
 * Run the S1 multi-layer DT over LTE with half the terminals handed over
 * between the two cells every second (S1's --highMobility), with a
 * migration policy.
 * \param policy the policy (null: the default, reactive)
 * \param simTime seconds of demand generation
 * \return the handovers and migrations
 */
Moves
RunMoves(Ptr<DtMigrationPolicy> policy, double simTime)
{
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(4));
    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
    dt->SetAttribute("SimTime", TimeValue(Seconds(simTime)));
    dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
    dt->SetAttribute("AutomaticHandover", BooleanValue(false));
    if (policy)
    {
        dt->SetLocalDtAttribute("MigrationPolicyObject", PointerValue(policy));
        dt->SetEdgeDtAttribute("MigrationPolicyObject", PointerValue(policy));
    }
    dt->Build();
    dt->Install();
    NodeContainer terminals = dt->GetTerminals();
    DoubleValue spacing;
    dt->GetAttribute("EdgeSpacing", spacing);
    for (uint32_t i = 0; i < terminals.GetN() / 2; ++i)
    {
        // On the border of the two cells, handed over every second.
        Ptr<MobilityModel> mm = terminals.Get(i)->GetObject<MobilityModel>();
        mm->SetPosition(Vector(spacing.Get() / 2 + (i % 2 ? 3.0 : -3.0), 2.0 * i, 0));
        for (double t = 2; t < 1 + simTime; t += 1)
        {
            dt->ScheduleHandover(Seconds(t), terminals.Get(i), MultiLayerDtHelper::NEXT_EDGE);
        }
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Moves m;
    m.handovers = dt->GetStats()->GetHandovers();
    for (const auto& r : dt->GetStats()->GetMigrations())
    {
        ++m.byEdge[r.to];
    }
    Simulator::Destroy();
    return m;
}

/**
 * Print one run's line.
 * \param name the policy
 * \param o its outcome
 */
void
Print(const std::string& name, const Outcome& o)
{
    std::cout << std::left << std::setw(28) << name << std::right << std::setw(7) << o.placed[0]
              << std::setw(7) << o.placed[1] << std::setw(7) << o.placed[2] << std::setw(10)
              << o.inDeadline << std::setw(7) << o.late << std::setw(8) << o.failed
              << std::setw(12) << std::fixed << std::setprecision(1) << o.meanMs << std::endl;
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t terminals = 4;
    double simTime = 3;
    CommandLine cmd(__FILE__);
    cmd.Usage("Runs the S1 multi-layer DT with the built-in placement policy and with a "
              "policy written in this script (EdgeFirstPlacement), and compares them.");
    cmd.AddValue("terminals", "Number of terminals (1..64)", terminals);
    cmd.AddValue("simTime", "Seconds of demand generation (0.5..600)", simTime);
    cmd.Parse(argc, argv);
    if (terminals < 1 || terminals > 64)
    {
        std::cerr << "error: --terminals=" << terminals << " must be in 1..64" << std::endl;
        return 2;
    }
    if (!(simTime >= 0.5 && simTime <= 600))
    {
        std::cerr << "error: --simTime=" << simTime << " must be in 0.5..600 seconds" << std::endl;
        return 2;
    }

    const Outcome builtIn = Run(DtLowestFeasiblePlacement::GetTypeId(), terminals, simTime);
    const Outcome own = Run(EdgeFirstPlacement::GetTypeId(), terminals, simTime);

    std::cout << std::left << std::setw(28) << "placement policy" << std::right << std::setw(7)
              << "local" << std::setw(7) << "edge" << std::setw(7) << "cloud" << std::setw(10)
              << "in dl" << std::setw(7) << "late" << std::setw(8) << "failed" << std::setw(12)
              << "mean ms" << std::endl;
    Print("DtLowestFeasiblePlacement", builtIn);
    Print("EdgeFirstPlacement (own)", own);
    const auto& decided = g_edgeFirstDecisions;
    const uint64_t decisions = decided[0] + decided[1] + decided[2];
    std::cout << "EdgeFirstPlacement decided " << decisions << " times: local " << decided[0]
              << ", edge " << decided[1] << ", cloud " << decided[2] << "; "
              << g_edgeFirstFallbacks << " with neither edge nor cloud in time" << std::endl;
    if (decisions == 0 || decided[0] > g_edgeFirstFallbacks || own.placed[0] >= builtIn.placed[0])
    {
        std::cerr << "error: expected EdgeFirstPlacement to decide, to choose the terminal only "
                     "when neither edge nor cloud was in time, and fewer local demands than "
                     "the built-in policy's "
                  << builtIn.placed[0] << " (got " << own.placed[0] << ")" << std::endl;
        return 1;
    }
    std::cout << "user's policy in effect: " << own.placed[0] << " demands ran locally against "
              << builtIn.placed[0] << " with the built-in policy" << std::endl;

    // The migration policy: reactive (the default) against the user's.
    const uint32_t firstEdge = MultiLayerDtHelper::EDGE_DT_ID_BASE;
    Ptr<ListedEdgesMigration> listed = CreateObject<ListedEdgesMigration>();
    listed->Allow(firstEdge + 1);
    const Moves reactive = RunMoves(nullptr, simTime);
    const Moves mine = RunMoves(listed, simTime);
    std::cout << std::endl
              << std::left << std::setw(28) << "migration policy" << std::right << std::setw(11)
              << "handovers" << std::setw(12) << "to edge " << firstEdge << std::setw(12)
              << "to edge " << firstEdge + 1 << std::endl;
    for (const auto& [name, m] : {std::make_pair("DtReactiveMigration", reactive),
                                  std::make_pair("ListedEdgesMigration (own)", mine)})
    {
        auto count = [&m](uint32_t e) {
            auto it = m.byEdge.find(e);
            return it == m.byEdge.end() ? uint64_t{0} : it->second;
        };
        std::cout << std::left << std::setw(28) << name << std::right << std::setw(11)
                  << m.handovers << std::setw(15) << count(firstEdge) << std::setw(15)
                  << count(firstEdge + 1) << std::endl;
    }
    auto to = [](const Moves& m, uint32_t e) {
        auto it = m.byEdge.find(e);
        return it == m.byEdge.end() ? uint64_t{0} : it->second;
    };
    if (to(reactive, firstEdge) == 0 || to(mine, firstEdge) != 0 || to(mine, firstEdge + 1) == 0)
    {
        std::cerr << "error: expected migrations to both edges with the reactive policy and "
                     "only to edge DT "
                  << firstEdge + 1 << " with the user's" << std::endl;
        return 1;
    }
    std::cout << "user's migration policy in effect: " << to(mine, firstEdge + 1)
              << " migrations, all to edge DT " << firstEdge + 1 << std::endl;
    return 0;
}
