/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Faults and bad input inside running scenarios: packet loss, an edge server
// failing (with and without recovery), the cloud out of reach, malformed
// datagrams sent to every DT. Under each, every demand ends in exactly one
// final state.

#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/double.h"
#include "ns3/dt-fault-error-model.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/edge-dt-application.h"
#include "ns3/enum.h"
#include "ns3/local-dt-application.h"
#include "ns3/mobility-model.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

using namespace ns3;

namespace
{

/// What a fault run leaves behind.
struct FaultRun
{
    uint64_t created{0};                          //!< demands created
    std::vector<DtDemand> finished;               //!< final demands
    uint64_t retried{0};                          //!< demands run again
    uint64_t failovers{0};                        //!< local DTs that tried another edge
    uint64_t edgeFailures{0};                     //!< edge DT failures
    uint64_t malformed{0};                        //!< malformed datagrams dropped
    std::map<DtParseError, uint64_t> malformedBy; //!< ... by parse error
    uint64_t injected{0};                         //!< malformed datagrams sent
    uint64_t lost{0};                             //!< packets lost to the loss rate
    uint64_t exposed{0};                          //!< packets exposed to it
    std::map<uint32_t, std::vector<std::pair<Time, Time>>> summaries; //!< at the cloud, by edge
    std::vector<uint64_t> summariesDropped;                           //!< per edge
    std::vector<uint32_t> summariesQueued;                            //!< per edge, at the end
};

/**
 * Run a small scenario with faults.
 * \param configure settings applied to the helper before Build
 * \param built called after Install with the helper and the applications
 * \return the results
 */
FaultRun
RunFaults(const std::function<void(Ptr<MultiLayerDtHelper>)>& configure,
          const std::function<void(Ptr<MultiLayerDtHelper>, ApplicationContainer)>& built = nullptr)
{
    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(4));
    dt->SetAttribute("Edges", UintegerValue(2));
    dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
    dt->SetAttribute("SimTime", TimeValue(Seconds(5)));
    dt->SetAttribute("DrainTime", TimeValue(Seconds(8)));
    configure(dt);
    dt->Build();
    ApplicationContainer apps = dt->Install();
    FaultRun r;
    for (uint32_t a = 0; a < apps.GetN(); ++a)
    {
        Ptr<DtApplication> app = DynamicCast<DtApplication>(apps.Get(a));
        app->GetCommModule()->TraceConnectWithoutContext(
            "MalformedDropped",
            Callback<void, Ptr<const Packet>, DtParseError>(
                [&r](Ptr<const Packet>, DtParseError e)
                {
                    ++r.malformedBy[e];
                }));
        if (auto cloud = DynamicCast<CloudDtApplication>(app))
        {
            cloud->GetDataModule()->TraceConnectWithoutContext(
                "SummaryApplied",
                Callback<void, uint32_t, Time, Time>(
                    [&r](uint32_t edge, Time start, Time end)
                    {
                        r.summaries[edge].emplace_back(start, end);
                    }));
        }
    }
    if (built)
    {
        built(dt, apps);
    }
    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Ptr<DtStatsCollector> st = dt->GetStats();
    r.created = st->GetCreated();
    r.finished = st->GetFinished();
    r.retried = st->GetRetried();
    r.failovers = st->GetFailovers();
    r.edgeFailures = st->GetEdgeFailures();
    r.malformed = st->GetMalformedDropped();
    r.lost = st->GetPacketsLost();
    r.exposed = st->GetPacketsExposed();
    Ptr<Node> cloud = dt->GetCloud();
    for (uint32_t a = 0; a < cloud->GetNApplications(); ++a)
    {
        if (auto inj = DynamicCast<DtMalformedInjector>(cloud->GetApplication(a)))
        {
            r.injected += inj->GetSent();
        }
    }
    for (uint32_t a = 0; a < apps.GetN(); ++a)
    {
        if (auto edge = DynamicCast<EdgeDtApplication>(apps.Get(a)))
        {
            r.summariesDropped.push_back(edge->GetSummariesDropped());
            r.summariesQueued.push_back(edge->GetQueuedSummaries());
        }
    }
    Simulator::Destroy();
    return r;
}

/// \return the wired-access setting
std::function<void(Ptr<MultiLayerDtHelper>)>
Wired(double loss)
{
    return [loss](Ptr<MultiLayerDtHelper> dt)
    {
        dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
        dt->SetAttribute("LossRate", DoubleValue(loss));
        dt->SetAttribute("DemandRate", DoubleValue(6.0));
    };
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * A test case of runs with faults.
 */
class DtFaultTestCase : public TestCase
{
  protected:
    using TestCase::TestCase;

    /**
     * Check that every created demand ended exactly once, in a final state.
     * \param r the run
     * \param what the run's name
     */
    void CheckConservation(const FaultRun& r, const std::string& what)
    {
        NS_TEST_ASSERT_MSG_GT(r.created, 10, what << ": demands were created");
        NS_TEST_EXPECT_MSG_EQ(
            r.finished.size(), r.created, what << ": one final record per demand");
        std::set<std::pair<uint32_t, uint64_t>> ids;
        for (const auto& d : r.finished)
        {
            ids.insert({d.origin, d.id});
            NS_TEST_EXPECT_MSG_EQ((d.state != DtDemandState::PENDING), true, what << ": final");
            const bool failed = d.state == DtDemandState::FAILED;
            NS_TEST_EXPECT_MSG_EQ(failed,
                                  (d.reason != DtFailureReason::NONE),
                                  what << ": a reason exactly for the failed ones");
            NS_TEST_EXPECT_MSG_EQ((d.finished >= d.created), true, what << ": time order");
        }
        NS_TEST_EXPECT_MSG_EQ(ids.size(), r.created, what << ": no demand finished twice");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Packet loss on the access and fibre links: demands are still accounted
 * for, and more loss loses more packets.
 */
class DtLossTestCase : public DtFaultTestCase
{
  public:
    DtLossTestCase()
        : DtFaultTestCase("Packet loss: every demand ends once; the lost fraction is the rate")
    {
    }

  private:
    void DoRun() override
    {
        for (double loss : {0.0, 0.1, 0.3})
        {
            FaultRun r = RunFaults(Wired(loss));
            CheckConservation(r, "wired, loss " + std::to_string(loss));
            if (loss == 0)
            {
                NS_TEST_EXPECT_MSG_EQ(r.exposed, 0, "no fault model without faults");
                continue;
            }
            NS_TEST_ASSERT_MSG_GT(r.exposed, 1000, "packets crossed the lossy links");
            // Binomial: 5 standard deviations of the lost fraction.
            const double n = static_cast<double>(r.exposed);
            NS_TEST_EXPECT_MSG_EQ_TOL(static_cast<double>(r.lost) / n,
                                      loss,
                                      5 * std::sqrt(loss * (1 - loss) / n),
                                      "lost fraction at rate " << loss);
        }
        FaultRun wifi = RunFaults(
            [](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("LossRate", DoubleValue(0.3));
                dt->SetAttribute("DemandRate", DoubleValue(6.0));
            });
        CheckConservation(wifi, "Wi-Fi, loss 0.3");
        NS_TEST_ASSERT_MSG_GT(wifi.exposed, 200, "Wi-Fi data frames met the loss rate");
        NS_TEST_EXPECT_MSG_EQ_TOL(static_cast<double>(wifi.lost) / wifi.exposed,
                                  0.3,
                                  5 * std::sqrt(0.21 / wifi.exposed),
                                  "lost fraction of Wi-Fi data frames");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * An edge server fails under LTE access: the terminals it served find it
 * silent, retry what it held, fail over to the other edge DT through the
 * core network, and are served there.
 */
class DtEdgeFailoverTestCase : public DtFaultTestCase
{
  public:
    DtEdgeFailoverTestCase()
        : DtFaultTestCase("A failed edge: its terminals fail over to another edge DT")
    {
    }

  private:
    void DoRun() override
    {
        const Time failAt = Seconds(2.5);
        FaultRun r = RunFaults(
            [failAt](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
                dt->SetAttribute("SimTime", TimeValue(Seconds(10)));
                dt->SetAttribute("EdgeFailureTime", TimeValue(failAt));
                dt->SetAttribute("FailedEdge", UintegerValue(0));
            });
        CheckConservation(r, "LTE, edge 0 fails");
        NS_TEST_EXPECT_MSG_EQ(r.edgeFailures, 1, "one edge failure");
        NS_TEST_EXPECT_MSG_GT(r.failovers, 0, "terminals tried another edge DT");
        // Terminals 0 and 2 were on edge 0: after the failure (2 s of silence,
        // then a join that fails) their edge-tier demands ran at the other edge.
        uint64_t servedAfter = 0;
        for (const auto& d : r.finished)
        {
            const uint32_t t = d.origin - MultiLayerDtHelper::LOCAL_DT_ID_BASE;
            if (t % 2 == 0 && d.created > failAt + Seconds(6) && d.executedTier == DtTier::EDGE
                && d.state != DtDemandState::FAILED)
            {
                ++servedAfter;
            }
        }
        NS_TEST_EXPECT_MSG_GT(servedAfter, 0, "edge 1 served edge 0's terminals after failover");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Terminals handed over every second: a demand created while the new edge
 * DT has not answered yet, that the terminal cannot finish in time, waits
 * for the edge (HoldForEdge) and is then placed (at the edge or the cloud,
 * mostly), or fails as unreachable at its deadline.
 * Without HoldForEdge no demand is held.
 */
class DtHoldForEdgeTestCase : public DtFaultTestCase
{
  public:
    DtHoldForEdgeTestCase()
        : DtFaultTestCase("Handovers: demands wait for the new edge DT instead of running late")
    {
    }

  private:
    /**
     * Run terminals 0 and 1 handed over every second.
     * \param hold HoldForEdge
     * \param held set to the demands held, (origin, id)
     * \return the run
     */
    FaultRun Run(bool hold, std::set<std::pair<uint32_t, uint64_t>>& held)
    {
        return RunFaults(
            [hold](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::LTE));
                dt->SetAttribute("AutomaticHandover", BooleanValue(false));
                dt->SetAttribute("DemandRate", DoubleValue(6.0));
                dt->SetAttribute("SimTime", TimeValue(Seconds(6)));
                dt->SetLocalDtAttribute("ServiceModule/HoldForEdge", BooleanValue(hold));
            },
            [&held](Ptr<MultiLayerDtHelper> dt, ApplicationContainer apps)
            {
                for (uint32_t t = 0; t < 2; ++t)
                {
                    for (double at = 2; at < 6; at += 1)
                    {
                        dt->ScheduleHandover(
                            Seconds(at), dt->GetTerminals().Get(t), MultiLayerDtHelper::NEXT_EDGE);
                    }
                }
                for (uint32_t a = 0; a < apps.GetN(); ++a)
                {
                    if (auto local = DynamicCast<LocalDtApplication>(apps.Get(a)))
                    {
                        local->GetServiceModule()->TraceConnectWithoutContext(
                            "DemandHeld",
                            Callback<void, const DtDemand&>(
                                [&held](const DtDemand& d)
                                {
                                    held.insert({d.origin, d.id});
                                }));
                    }
                }
            });
    }

    void DoRun() override
    {
        std::set<std::pair<uint32_t, uint64_t>> held;
        FaultRun r = Run(true, held);
        CheckConservation(r, "handovers, HoldForEdge");
        NS_TEST_ASSERT_MSG_GT(held.size(), 0, "demands waited for an edge DT");
        uint64_t served = 0;
        for (const auto& d : r.finished)
        {
            if (held.count({d.origin, d.id}) == 0)
            {
                continue;
            }
            if (d.state == DtDemandState::FAILED && d.reason == DtFailureReason::UNREACHABLE)
            {
                // Still held when its deadline came.
                NS_TEST_EXPECT_MSG_EQ(d.finished, d.deadline, "given up at its deadline");
            }
            else if (d.state != DtDemandState::FAILED && d.executedTier != DtTier::LOCAL)
            {
                ++served;
            }
        }
        NS_TEST_EXPECT_MSG_GT(served, 0, "held demands were served by an edge or the cloud");

        std::set<std::pair<uint32_t, uint64_t>> none;
        FaultRun off = Run(false, none);
        CheckConservation(off, "handovers, no HoldForEdge");
        NS_TEST_EXPECT_MSG_EQ(none.size(), 0, "nothing held without HoldForEdge");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The only edge server fails: the local DTs offload to a capable neighbour
 * over their ad hoc network.
 */
class DtEdgeFailurePeerTestCase : public DtFaultTestCase
{
  public:
    DtEdgeFailurePeerTestCase()
        : DtFaultTestCase("Without any edge left, local DTs offload to a peer")
    {
    }

  private:
    void DoRun() override
    {
        // Not earlier: the DTs all start at 1 s, and when the edge's ARP
        // request to a station is lost in that burst (a broadcast, never
        // retransmitted), ARP asks again only after 1 s.
        const Time failAt = Seconds(4);
        FaultRun r = RunFaults(
            [failAt](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("PeerToPeer", BooleanValue(true));
                dt->SetAttribute("Edges", UintegerValue(1));
                dt->SetAttribute("EdgeFailureTime", TimeValue(failAt));
                ObjectFactory c("ns3::DtDemandClass");
                c.Set("Workload", StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
                c.Set("InputBytes", StringValue("ns3::ConstantRandomVariable[Constant=2000]"));
                c.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=500]"));
                c.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
                dt->SetDemandClasses({c});
                dt->SetAttribute("DemandRate", DoubleValue(1.0));
                dt->SetAttribute("SimTime", TimeValue(Seconds(8)));
            },
            [](Ptr<MultiLayerDtHelper>, ApplicationContainer apps)
            {
                for (uint32_t a = 0; a < apps.GetN(); ++a)
                {
                    auto local = DynamicCast<LocalDtApplication>(apps.Get(a));
                    if (local && local->GetDtId() == MultiLayerDtHelper::LOCAL_DT_ID_BASE)
                    {
                        local->GetCompute()->SetAttribute("CapacityGflops", DoubleValue(10.0));
                    }
                }
            });
        CheckConservation(r, "edge fails, peer to peer");
        uint64_t edgeBefore = 0;
        uint64_t peerAfter = 0;
        uint64_t edgeAfter = 0;
        for (const auto& d : r.finished)
        {
            if (d.state == DtDemandState::FAILED)
            {
                continue;
            }
            edgeBefore += d.finished < failAt && d.executedTier == DtTier::EDGE ? 1 : 0;
            peerAfter += d.created > failAt && d.executedTier == DtTier::PEER ? 1 : 0;
            edgeAfter += d.created > failAt && d.executedTier == DtTier::EDGE ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(edgeBefore, 0, "the edge served before it failed");
        NS_TEST_EXPECT_MSG_GT(peerAfter, 0, "a peer served after the failure");
        NS_TEST_EXPECT_MSG_EQ(edgeAfter, 0, "the failed edge served nothing new");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * An edge server fails and comes back with empty state: its terminals,
 * cut off meanwhile (wired access, no other path), rejoin it and are served
 * there again; what it held when it failed is retried or failed.
 */
class DtEdgeRecoveryTestCase : public DtFaultTestCase
{
  public:
    DtEdgeRecoveryTestCase()
        : DtFaultTestCase("A failed edge recovers and serves its terminals again")
    {
    }

  private:
    void DoRun() override
    {
        const Time failAt = Seconds(2);
        const Time recoverAt = Seconds(3.5);
        FaultRun r = RunFaults(
            [=](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                dt->SetAttribute("EdgeFailureTime", TimeValue(failAt));
                dt->SetAttribute("EdgeRecoveryTime", TimeValue(recoverAt));
                dt->SetAttribute("DemandRate", DoubleValue(4.0));
                dt->SetAttribute("SimTime", TimeValue(Seconds(9)));
            });
        CheckConservation(r, "wired, edge 0 fails and recovers");
        uint64_t cutOffRemote = 0;
        uint64_t servedAfter = 0;
        for (const auto& d : r.finished)
        {
            const uint32_t t = d.origin - MultiLayerDtHelper::LOCAL_DT_ID_BASE;
            if (t % 2 != 0 || d.state == DtDemandState::FAILED)
            {
                continue;
            }
            // Created while the edge was down and noticed so: nothing remote.
            if (d.created > failAt + Seconds(1) && d.finished < recoverAt
                && d.executedTier != DtTier::LOCAL)
            {
                ++cutOffRemote;
            }
            if (d.created > recoverAt + Seconds(2.5) && d.executedTier == DtTier::EDGE)
            {
                ++servedAfter;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(cutOffRemote, 0, "nothing was served remotely while cut off");
        NS_TEST_EXPECT_MSG_GT(servedAfter, 0, "the recovered edge served its terminals again");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The cloud is out of reach for a while: the edges run the cloud demands
 * themselves, hold their region summaries back and deliver every one of
 * them, in order, once the cloud answers again.
 */
class DtCloudOutageTestCase : public DtFaultTestCase
{
  public:
    DtCloudOutageTestCase()
        : DtFaultTestCase("Cloud unreachable: edges serve and queue their summaries")
    {
    }

  private:
    void DoRun() override
    {
        const Time from = Seconds(2);
        const Time to = Seconds(4.5);
        std::vector<Ptr<DtFaultErrorModel>> models;
        FaultRun r = RunFaults(
            [](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                dt->SetAttribute("DemandRate", DoubleValue(4.0));
            },
            [&](Ptr<MultiLayerDtHelper> dt, ApplicationContainer)
            {
                // Cut both directions of every cloud link during [from, to).
                Ptr<Node> cloud = dt->GetCloud();
                for (uint32_t d = 0; d < cloud->GetNDevices(); ++d)
                {
                    Ptr<NetDevice> dev = cloud->GetDevice(d);
                    if (!DynamicCast<PointToPointNetDevice>(dev))
                    {
                        continue;
                    }
                    for (std::size_t k = 0; k < dev->GetChannel()->GetNDevices(); ++k)
                    {
                        Ptr<DtFaultErrorModel> m = CreateObject<DtFaultErrorModel>();
                        DynamicCast<PointToPointNetDevice>(dev->GetChannel()->GetDevice(k))
                            ->SetReceiveErrorModel(m);
                        Simulator::Schedule(from, &DtFaultErrorModel::SetDown, m, true);
                        Simulator::Schedule(to, &DtFaultErrorModel::SetDown, m, false);
                        models.push_back(m);
                    }
                }
            });
        CheckConservation(r, "cloud outage");
        uint64_t down = 0;
        for (const auto& m : models)
        {
            down += m->GetDownDropped();
        }
        NS_TEST_ASSERT_MSG_GT(down, 0, "the outage dropped packets");
        uint64_t cloudTierAtEdge = 0;
        for (const auto& d : r.finished)
        {
            cloudTierAtEdge += d.tier == DtTier::CLOUD && d.executedTier == DtTier::EDGE
                                       && d.state != DtDemandState::FAILED
                                   ? 1
                                   : 0;
        }
        NS_TEST_EXPECT_MSG_GT(cloudTierAtEdge, 0, "edges ran cloud demands during the outage");
        NS_TEST_EXPECT_MSG_EQ(r.summaries.size(), 2, "summaries from both edges");
        for (const auto& [edge, windows] : r.summaries)
        {
            std::vector<std::pair<Time, Time>> w = windows;
            std::sort(w.begin(), w.end());
            NS_TEST_EXPECT_MSG_GT(w.size(), 6, "edge " << edge << ": summaries arrived");
            bool afterOutage = false;
            uint32_t duringOutage = 0;
            for (std::size_t k = 1; k < w.size(); ++k)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    w[k].first, w[k - 1].second, "edge " << edge << ": no summary window missing");
            }
            for (const auto& win : w)
            {
                afterOutage = afterOutage || win.second > to;
                duringOutage += win.second > from && win.second < to ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_GT(duringOutage, 0, "summaries of the outage were held back");
            NS_TEST_EXPECT_MSG_EQ(afterOutage, true, "summaries after the outage");
        }
        for (std::size_t e = 0; e < r.summariesDropped.size(); ++e)
        {
            NS_TEST_EXPECT_MSG_EQ(r.summariesDropped[e], 0, "no summary dropped");
            NS_TEST_EXPECT_MSG_EQ(r.summariesQueued[e], 0, "none left in the queue");
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Malformed datagrams sent to every DT's port are counted and dropped, one
 * parse error per kind of damage, and change no demand's outcome: the run
 * equals the control run whose datagrams go to a port where they are
 * discarded unread.
 */
class DtMalformedInjectionTestCase : public DtFaultTestCase
{
  public:
    DtMalformedInjectionTestCase()
        : DtFaultTestCase("Malformed datagrams at every DT: counted, dropped, no outcome changed")
    {
    }

  private:
    void DoRun() override
    {
        auto inject = [](uint16_t port)
        {
            return [port](Ptr<MultiLayerDtHelper> dt)
            {
                dt->SetAttribute("Access", EnumValue(MultiLayerDtHelper::WIRED));
                dt->SetAttribute("MalformedInterval", TimeValue(MilliSeconds(5)));
                dt->SetAttribute("MalformedPort", UintegerValue(port));
            };
        };
        FaultRun control = RunFaults(inject(9999));
        FaultRun hit = RunFaults(inject(0));
        CheckConservation(hit, "malformed injection");
        NS_TEST_ASSERT_MSG_GT(hit.injected, 1000, "datagrams were injected");
        NS_TEST_EXPECT_MSG_EQ(control.injected, hit.injected, "the same datagrams both times");
        NS_TEST_EXPECT_MSG_EQ(control.malformed, 0, "the control reached no DT");
        NS_TEST_EXPECT_MSG_EQ(hit.malformed, hit.injected, "every datagram counted and dropped");
        // One parse error per kind of damage, the kinds in equal turns.
        const uint64_t each = hit.injected / DT_MALFORMED_KIND_COUNT;
        for (DtParseError e : {DtParseError::TRUNCATED,
                               DtParseError::BAD_FIELD,
                               DtParseError::BAD_VERSION,
                               DtParseError::UNKNOWN_TYPE,
                               DtParseError::TOO_LARGE})
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(
                hit.malformedBy[e] + 1, each, "parse error " << DtParseErrorName(e));
        }
        NS_TEST_ASSERT_MSG_EQ(hit.finished.size(), control.finished.size(), "same demands");
        for (std::size_t k = 0; k < hit.finished.size(); ++k)
        {
            const DtDemand& a = hit.finished[k];
            const DtDemand& b = control.finished[k];
            NS_TEST_EXPECT_MSG_EQ(
                (std::tie(a.origin, a.id, a.state, a.reason, a.executedTier, a.finished)
                 == std::tie(b.origin, b.id, b.state, b.reason, b.executedTier, b.finished)),
                true,
                "demand " << a.origin << "/" << a.id << " ended the same way");
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Reliability test suite.
 */
class DtReliabilityTestSuite : public TestSuite
{
  public:
    DtReliabilityTestSuite()
        : TestSuite("multilayer-dt-reliability", Type::SYSTEM)
    {
        AddTestCase(new DtLossTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEdgeFailoverTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtHoldForEdgeTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEdgeFailurePeerTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtEdgeRecoveryTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtCloudOutageTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMalformedInjectionTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance that registers the suite.
static DtReliabilityTestSuite g_dtReliabilityTestSuite;
