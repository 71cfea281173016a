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
#include "ns3/multilayer-dt-module.h"

#include <array>
#include <iomanip>
#include <iostream>

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
    return 0;
}
