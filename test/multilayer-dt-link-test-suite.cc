/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of a local DT's link to its edge DT (DtEdgeLink) without a network:
// the states it goes through on a handover, a failed join with failover,
// the join retries, the watchdog on a silent edge, and a lost access link.

#include "ns3/dt-address-book.h"
#include "ns3/dt-edge-link.h"
#include "ns3/dt-header.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;

namespace
{

/// What the link asked of its local DT, and the states it went through.
struct Probe
{
    std::vector<DtEdgeLinkState> states; //!< states entered
    std::vector<Time> joins;             //!< when a join was asked for
    std::vector<Time> probes;            //!< when a join probed the edge
    uint32_t edgeChanges{0};             //!< failovers reported to the service module
    std::vector<std::pair<uint32_t, uint32_t>> failovers; //!< (from, to)

    /** Join callback. */
    void Join()
    {
        joins.push_back(Simulator::Now());
    }

    /**
     * Probe sink.
     * \param edge the edge probed
     */
    void Probed(uint32_t edge)
    {
        probes.push_back(Simulator::Now());
    }

    /** Edge-changed callback. */
    void Changed()
    {
        ++edgeChanges;
    }

    /**
     * StateChanged sink.
     * \param newState entered
     */
    void State(DtEdgeLinkState, DtEdgeLinkState newState)
    {
        states.push_back(newState);
    }

    /**
     * Failover sink.
     * \param from the edge that did not answer
     * \param to the edge tried next
     */
    void Failover(uint32_t from, uint32_t to)
    {
        failovers.emplace_back(from, to);
    }
};

/**
 * \param type the message type
 * \return a header of that type
 */
DtHeader
Failed(DtMessageType type)
{
    DtHeader h;
    h.SetMessageType(type);
    return h;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Handover, failed join with failover, retry, answer; then a silent edge
 * probed by the watchdog, an unacknowledged message that is no evidence,
 * and the probing join's failure that is; then a lost Wi-Fi association.
 */
class DtEdgeLinkTestCase : public TestCase
{
  public:
    DtEdgeLinkTestCase()
        : TestCase("edge link: handover, failover, retries, watchdog, access link")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DtAddressBook> book = CreateObject<DtAddressBook>();
        for (uint32_t id = 1; id <= 3; ++id)
        {
            book->Add(id, Ipv4Address(0x0a000000 + id), DtLayer::EDGE);
        }
        book->Add(9, Ipv4Address("10.0.0.9"), DtLayer::CLOUD);
        Probe probe;
        Ptr<DtEdgeLink> link = CreateObject<DtEdgeLink>();
        DtEdgeLink::Parameters p;
        p.edgeTimeout = Seconds(2);
        p.joinRetryInterval = Seconds(1);
        p.failover = true;
        link->Setup(
            book, p, MakeCallback(&Probe::Join, &probe), MakeCallback(&Probe::Changed, &probe));
        link->TraceConnectWithoutContext("Probe", MakeCallback(&Probe::Probed, &probe));
        link->TraceConnectWithoutContext("StateChanged", MakeCallback(&Probe::State, &probe));
        link->TraceConnectWithoutContext("Failover", MakeCallback(&Probe::Failover, &probe));
        link->SetEdge(1);
        link->Start();
        NS_TEST_ASSERT_MSG_EQ(link->GetState(), DtEdgeLinkState::ATTACHED, "starts attached");
        NS_TEST_ASSERT_MSG_EQ(link->GetPreviousEdge(), 1, "no previous edge yet");

        Simulator::Schedule(Seconds(0.5), &DtEdgeLink::Heard, link);
        // 1 s: handed over to edge 2, which does not answer the join.
        Simulator::Schedule(Seconds(1),
                            [&]()
                            {
                                link->HandOver(2);
                                link->Joined();
                            });
        Simulator::Schedule(Seconds(1.3),
                            [&]()
                            {
                                NS_TEST_EXPECT_MSG_EQ(link->IsReachable(), true, "still trusted");
                                NS_TEST_EXPECT_MSG_EQ(link->IsJoining(), true, "joining");
                                const bool lost =
                                    link->SendFailed(Failed(DtMessageType::AGENT_JOIN));
                                NS_TEST_EXPECT_MSG_EQ(lost, true, "it was believed reachable");
                                NS_TEST_EXPECT_MSG_EQ(link->GetEdge(), 3, "failover to the next");
                                NS_TEST_EXPECT_MSG_EQ(link->GetPreviousEdge(), 2, "from 2");
                            });
        // 2.3 s: the retry asks edge 3; 2.4 s: edge 3 answers.
        Simulator::Schedule(Seconds(2.4), &DtEdgeLink::Heard, link);
        // Edge 3 falls silent: the watchdog (2 s) asks it with a join at 4.4 s,
        // and it stays in use.
        Simulator::Schedule(Seconds(4.5),
                            [&]()
                            {
                                NS_TEST_EXPECT_MSG_EQ(link->GetState(),
                                                      DtEdgeLinkState::ATTACHED,
                                                      "silence alone is no failure");
                            });
        // 4.6 s: a demand request goes unacknowledged: no evidence either, and
        // the probing join is already on its way.
        Simulator::Schedule(Seconds(4.6),
                            [&]()
                            {
                                const bool lost =
                                    link->SendFailed(Failed(DtMessageType::DEMAND_REQUEST));
                                NS_TEST_EXPECT_MSG_EQ(lost, false, "not lost on one message");
                                NS_TEST_EXPECT_MSG_EQ(link->IsReachable(), true, "still in use");
                            });
        // 4.8 s: the probing join goes unanswered: the edge is lost, failover.
        Simulator::Schedule(Seconds(4.8),
                            [&]()
                            {
                                const bool lost =
                                    link->SendFailed(Failed(DtMessageType::AGENT_JOIN));
                                NS_TEST_EXPECT_MSG_EQ(lost, true, "the failed probe is evidence");
                                NS_TEST_EXPECT_MSG_EQ(link->GetEdge(), 1, "failover wraps to 1");
                            });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        // A failed join leaves nothing joining (UNREACHABLE); failover then
        // joins the next edge (REJOINING).
        const std::vector<DtEdgeLinkState> expected{DtEdgeLinkState::JOINING,
                                                    DtEdgeLinkState::UNREACHABLE,
                                                    DtEdgeLinkState::REJOINING,
                                                    DtEdgeLinkState::ATTACHED,
                                                    DtEdgeLinkState::UNREACHABLE,
                                                    DtEdgeLinkState::REJOINING};
        NS_TEST_ASSERT_MSG_EQ((probe.states == expected),
                              true,
                              "JOINING, UNREACHABLE, REJOINING, ATTACHED, UNREACHABLE, REJOINING");
        NS_TEST_ASSERT_MSG_EQ(probe.failovers.size(), 2, "two failovers");
        NS_TEST_ASSERT_MSG_EQ(probe.failovers[0].first, 2, "from edge 2");
        NS_TEST_ASSERT_MSG_EQ(probe.failovers[0].second, 3, "to edge 3 (the cloud is skipped)");
        NS_TEST_ASSERT_MSG_EQ(probe.failovers[1].first, 3, "then from edge 3");
        NS_TEST_ASSERT_MSG_EQ(probe.edgeChanges, 2, "the service module heard of them");
        const std::vector<Time> joins{Seconds(2.3), Seconds(4.4)};
        NS_TEST_ASSERT_MSG_EQ((probe.joins == joins), true, "retry after 1 s; probing join");
        const std::vector<Time> probes{Seconds(4.4)};
        NS_TEST_ASSERT_MSG_EQ((probe.probes == probes), true, "one probe, by the watchdog");

        // A lost access link: unreachable, the watchdog waits for the link,
        // and back on the link with nobody asking, the link asks again.
        Simulator::Schedule(Seconds(0.1), &DtEdgeLink::Heard, link);
        Simulator::Schedule(Seconds(0.2), &DtEdgeLink::SetAccessLink, link, false);
        Simulator::Schedule(Seconds(0.3),
                            [&]()
                            {
                                NS_TEST_EXPECT_MSG_EQ(link->GetState(),
                                                      DtEdgeLinkState::UNREACHABLE,
                                                      "no access link, no edge");
                            });
        Simulator::Schedule(Seconds(3),
                            [&]()
                            {
                                link->SetAccessLink(true);
                                link->RejoinIfLost();
                            });
        Simulator::Stop(Seconds(3.5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(probe.joins.size(), 3, "asked again on the new association");
        NS_TEST_ASSERT_MSG_EQ(probe.probes.size(), 1, "silence without a link is not probed");

        // 8.6 s: a join sent at 7.9 s, before the access link came back at
        // 8 s, failed: no evidence against the edge; it is asked again at once.
        Simulator::Schedule(Seconds(0.1),
                            [&]()
                            {
                                DtHeader h = Failed(DtMessageType::AGENT_JOIN);
                                h.SetTimestamp(Seconds(7.9));
                                NS_TEST_EXPECT_MSG_EQ(link->SendFailed(h),
                                                      false,
                                                      "a join across a gap is no evidence");
                            });
        Simulator::Stop(Seconds(0.5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(probe.joins.size(), 4, "asked again at once");
        NS_TEST_ASSERT_MSG_EQ(probe.joins.back(), Seconds(8.6), "at 8.6 s");
        NS_TEST_ASSERT_MSG_EQ(probe.failovers.size(), 2, "no failover on it");
        link->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A local DT's link to its edge DT, without a network.
 */
class DtEdgeLinkTestSuite : public TestSuite
{
  public:
    DtEdgeLinkTestSuite()
        : TestSuite("multilayer-dt-link", Type::UNIT)
    {
        AddTestCase(new DtEdgeLinkTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtEdgeLinkTestSuite g_dtEdgeLinkTestSuite;
