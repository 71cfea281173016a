/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the migration protocol (DtMigrationManager) without a network:
// the edges' managers talk through a fake transport that carries each
// message as its wire bytes after a fixed delay, can lose messages of a
// type or to a failed edge, and reports a lost reliable message to its
// sender after a give-up time, as the communication module does. Covered:
// a reactive handover, chained handovers, a late join (and one that never
// comes), a lost state, a pre-copy used and one left unused, a pre-copy
// refreshed as its terminal hands over, and an edge that fails in the
// middle of a transfer. Each case checks where the agent ends (in exactly
// one pool, with the state it had), the state sequence of every edge's
// record, and the migration traces.

#include "ns3/dt-address-book.h"
#include "ns3/dt-agent-header.h"
#include "ns3/dt-header.h"
#include "ns3/dt-migration-header.h"
#include "ns3/dt-migration-manager.h"
#include "ns3/dt-migration-policy.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-sample-codec.h"
#include "ns3/edge-dt-data-module.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>
#include <set>
#include <vector>

using namespace ns3;

namespace
{

const uint32_t TERMINAL = 7; //!< the terminal whose agent moves

class FakeNet;

/// One edge: its agent pool, its migration manager and what it traced.
class FakeEdge : public SimpleRefCount<FakeEdge>
{
  public:
    uint32_t id{0};                       //!< edge DT id
    FakeNet* net{nullptr};                //!< the transport
    Ptr<EdgeDtDataModule> data;           //!< the agent pool's owner
    Ptr<DtMigrationManager> manager;      //!< under test
    std::vector<DtMigrationState> states; //!< states TERMINAL entered, in order
    uint32_t started{0};                  //!< MigrationStarted
    uint32_t completed{0};                //!< MigrationCompleted
    uint32_t failed{0};                   //!< MigrationFailed
    uint32_t discarded{0};                //!< PreCopyDiscarded
    uint32_t lastBytes{0};                //!< bytes of the last completed migration
    Time lastDuration;                    //!< duration of the last ended migration
    Time endedAt{-1};                     //!< when a migration last ended here
    uint32_t delivered{0};                //!< agent messages handed over after an arrival

    /**
     * \param dst the DT
     * \param payload the message
     * \return its sequence number
     */
    uint32_t Send(uint32_t dst, const DtPayload& payload);

    /** \param messages agent messages that waited */
    void Deliver(const std::vector<DtAgentMessageHeader>& messages)
    {
        delivered += messages.size();
    }

    /**
     * \param terminal the terminal
     * \param oldState left
     * \param newState entered
     */
    void State(uint32_t terminal, DtMigrationState oldState, DtMigrationState newState)
    {
        if (terminal == TERMINAL)
        {
            states.push_back(newState);
        }
    }

    /** MigrationStarted sink. */
    void Started(uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger)
    {
        ++started;
    }

    /**
     * MigrationCompleted sink.
     * \param bytes state bytes
     * \param duration unavailability
     */
    void Completed(uint64_t, uint32_t, uint32_t bytes, Time duration)
    {
        ++completed;
        lastBytes = bytes;
        lastDuration = duration;
        endedAt = Simulator::Now();
    }

    /**
     * MigrationFailed sink.
     * \param duration unavailability
     */
    void Failed(uint64_t, uint32_t, uint32_t, Time duration)
    {
        ++failed;
        lastDuration = duration;
        endedAt = Simulator::Now();
    }

    /** PreCopyDiscarded sink. */
    void Discarded(uint64_t, uint32_t, uint32_t, Time)
    {
        ++discarded;
    }

    /** \return the agent of TERMINAL here, or nullptr */
    const DtDigitalAgent* Agent() const
    {
        return data->GetAgentPool()->GetAgent(TERMINAL);
    }
};

/**
 * Carries messages between the edges' managers as wire bytes, after Delay.
 * Messages of a dropped type, and messages to a failed edge, are lost; the
 * sender hears of it after GiveUp (its HandleSendFailure).
 */
class FakeNet
{
  public:
    Time delay{MilliSeconds(5)};             //!< one-way delay
    Time giveUp{Seconds(1)};                 //!< when a sender learns of a lost message
    std::set<DtMessageType> drop;            //!< message types lost on the way
    std::set<uint32_t> down;                 //!< failed edges
    std::map<uint32_t, Ptr<FakeEdge>> edges; //!< by id
    Ptr<DtAddressBook> book = CreateObject<DtAddressBook>(); //!< shared address book
    uint32_t seq{0};                                         //!< last sequence number
    std::vector<DtMessageType> carried;                      //!< every message sent, in order
    int dropSegment{-1}; //!< a MIGRATION_STATE segment index lost on the way (-1: none)
    Time segmentSpacing; //!< segment k of a state arrives k (or count - 1 - k) spacings late
    bool reverseSegments{false}; //!< the last segment arrives first
    /// Every MIGRATION_STATE segment sent: phase, index, count, record and model bytes.
    struct Segment
    {
        DtMigrationPhase phase; //!< full, pre-copy or delta
        uint32_t index;         //!< segment index
        uint32_t count;         //!< segment count
        uint32_t recordBytes;   //!< agent record bytes
        uint32_t modelBytes;    //!< model bytes
    };

    std::vector<Segment> segments; //!< in the order sent

    /**
     * Create an edge and its manager.
     * \param id edge DT id
     * \param policy the migration policy
     * \return the edge
     */
    Ptr<FakeEdge> AddEdge(uint32_t id, Ptr<DtMigrationPolicy> policy)
    {
        Ptr<FakeEdge> e = Create<FakeEdge>();
        e->id = id;
        e->net = this;
        e->data = CreateObject<EdgeDtDataModule>();
        e->manager = CreateObject<DtMigrationManager>();
        book->Add(id, Ipv4Address(0x0a000000 + id), DtLayer::EDGE);
        book->AddCell(id, id);
        DtMigrationManager::Timing timing; // the edge DT's defaults: 5 s, 1 s, 10 s
        e->manager->Setup(id,
                          e->data,
                          book,
                          policy,
                          timing,
                          MakeCallback(&FakeEdge::Send, PeekPointer(e)),
                          MakeCallback(&FakeEdge::Deliver, PeekPointer(e)));
        e->manager->TraceConnectWithoutContext("MigrationStateChanged",
                                               MakeCallback(&FakeEdge::State, PeekPointer(e)));
        e->manager->TraceConnectWithoutContext("MigrationStarted",
                                               MakeCallback(&FakeEdge::Started, PeekPointer(e)));
        e->manager->TraceConnectWithoutContext("MigrationCompleted",
                                               MakeCallback(&FakeEdge::Completed, PeekPointer(e)));
        e->manager->TraceConnectWithoutContext("MigrationFailed",
                                               MakeCallback(&FakeEdge::Failed, PeekPointer(e)));
        e->manager->TraceConnectWithoutContext("PreCopyDiscarded",
                                               MakeCallback(&FakeEdge::Discarded, PeekPointer(e)));
        edges[id] = e;
        return e;
    }

    /**
     * \param from the sender
     * \param dst the destination
     * \param payload the message
     * \return its sequence number
     */
    uint32_t Carry(uint32_t from, uint32_t dst, const DtPayload& payload)
    {
        const uint32_t s = ++seq;
        carried.push_back(payload.GetMessageType());
        bool lost = false;
        if (const auto* st = dynamic_cast<const DtMigrationStateHeader*>(&payload))
        {
            segments.push_back({st->GetPhase(),
                                st->GetSegmentIndex(),
                                st->GetSegmentCount(),
                                static_cast<uint32_t>(st->GetData().size()),
                                st->GetModelBytes()});
            lost = static_cast<int>(st->GetSegmentIndex()) == dropSegment;
        }
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(payload);
        DtHeader h;
        h.SetMessageType(payload.GetMessageType());
        h.SetSource(from);
        h.SetDestination(dst);
        h.SetSequence(s);
        if (lost)
        {
            Simulator::Schedule(giveUp, &FakeNet::Lost, this, h);
            return s;
        }
        Time late;
        if (const auto* st = dynamic_cast<const DtMigrationStateHeader*>(&payload))
        {
            const uint32_t k = reverseSegments ? st->GetSegmentCount() - 1 - st->GetSegmentIndex()
                                               : st->GetSegmentIndex();
            late = segmentSpacing * static_cast<int64_t>(k);
        }
        Simulator::Schedule(delay + late, &FakeNet::Arrive, this, h, p);
        return s;
    }

    /**
     * A message reaches its destination (or is lost).
     * \param h its header
     * \param p its payload bytes
     */
    void Arrive(DtHeader h, Ptr<Packet> p)
    {
        const uint32_t dst = h.GetDestination();
        if (drop.count(h.GetMessageType()) > 0 || down.count(dst) > 0 || edges.count(dst) == 0)
        {
            Simulator::Schedule(giveUp - delay, &FakeNet::Lost, this, h);
            return;
        }
        Ptr<DtMigrationManager> m = edges[dst]->manager;
        switch (h.GetMessageType())
        {
            case DtMessageType::MIGRATION_REQUEST:
            {
                DtMigrationRequestHeader req;
                p->RemoveHeader(req);
                m->HandleRequest(h.GetSource(), req);
                break;
            }
            case DtMessageType::MIGRATION_STATE:
            {
                DtMigrationStateHeader state;
                p->RemoveHeader(state);
                m->HandleState(h.GetSource(), state);
                break;
            }
            case DtMessageType::MIGRATION_ACK:
            {
                DtMigrationAckHeader ack;
                p->RemoveHeader(ack);
                m->HandleAck(ack);
                break;
            }
            default:
                NS_ABORT_MSG("unexpected message type");
        }
    }

    /**
     * Tell the sender its message was lost.
     * \param h the message's header
     */
    void Lost(DtHeader h)
    {
        if (down.count(h.GetSource()) == 0)
        {
            edges[h.GetSource()]->manager->HandleSendFailure(h.GetDestination(), h);
        }
    }

    /**
     * \return how many edges hold the agent of TERMINAL
     */
    uint32_t Holders() const
    {
        uint32_t n = 0;
        for (const auto& [id, e] : edges)
        {
            n += e->Agent() ? 1 : 0;
        }
        return n;
    }

    /** Dispose of the managers (their timers) after a run. */
    void Dispose()
    {
        for (auto& [id, e] : edges)
        {
            e->manager->Dispose();
        }
        Simulator::Destroy();
    }
};

uint32_t
FakeEdge::Send(uint32_t dst, const DtPayload& payload)
{
    return net->Carry(id, dst, payload);
}

/**
 * The agent of TERMINAL as an edge holds it: 42 updates applied, a history
 * of \p entries status updates sent at 0.1 s, 0.2 s, ..., a position and
 * velocity (Kalman state) in its mirror.
 * \param entries history length
 * \param position x, y, vx, vy
 * \return the agent
 */
DtDigitalAgent
MakeAgent(uint32_t entries, std::vector<double> position = {40, 0, 10, 0})
{
    DtDigitalAgent a;
    a.terminal = TERMINAL;
    a.servingCell = 1;
    a.updates = 42 + entries;
    for (uint32_t i = 1; i <= entries; ++i)
    {
        a.Remember(DtStatusUpdateHeader(), MilliSeconds(100 * i), Seconds(100));
    }
    a.mirror[static_cast<uint8_t>(DtSource::POSITION) - 1] = std::move(position);
    return a;
}

/**
 * \param next the edge it goes to
 * \return its AGENT_LEAVE for a handover
 */
DtAgentLeaveHeader
Leave(uint32_t next)
{
    DtAgentLeaveHeader l;
    l.SetTerminal(TERMINAL);
    l.SetNextEdge(next);
    l.SetReason(DtLeaveReason::HANDOVER);
    return l;
}

/**
 * \param previous the edge it comes from
 * \return its AGENT_JOIN
 */
DtAgentJoinHeader
Join(uint32_t previous)
{
    DtAgentJoinHeader j;
    j.SetTerminal(TERMINAL);
    j.SetPreviousEdge(previous);
    j.SetServingCell(2);
    j.SetModelVersion(3);
    return j;
}

using S = DtMigrationState;

/**
 * \param e an edge
 * \param when the time
 * \param leave the terminal's AGENT_LEAVE
 */
void
LeaveAt(Ptr<FakeEdge> e, Time when, DtAgentLeaveHeader leave)
{
    Simulator::Schedule(when, &DtMigrationManager::HandleLeave, e->manager, leave);
}

/**
 * \param e an edge
 * \param when the time
 * \param join the terminal's AGENT_JOIN
 */
void
JoinAt(Ptr<FakeEdge> e, Time when, DtAgentJoinHeader join)
{
    Simulator::Schedule(when, &DtMigrationManager::HandleJoin, e->manager, join);
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Reactive handover 1 -> 2: the agent waits at 1 (DEPARTED), 2 pulls it
 * (PULLING), 1 sends it (TRANSFERRING) and hears the acknowledgement; an
 * agent message for it waits at 2 and is handed over on arrival.
 */
class DtMigrationReactiveTestCase : public TestCase
{
  public:
    DtMigrationReactiveTestCase()
        : TestCase("reactive handover: state sequence, agent moved whole, held message")
    {
    }

  private:
    void DoRun() override
    {
        FakeNet net;
        Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
        Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
        a->data->GetAgentPool()->Adopt(MakeAgent(3));
        LeaveAt(a, Seconds(1), Leave(2));
        JoinAt(b, Seconds(1.001), Join(1));
        bool held = false;
        Simulator::Schedule(Seconds(1.002),
                            [&]()
                            {
                                DtAgentMessageHeader m;
                                m.SetAgents(9, TERMINAL);
                                held = b->manager->HoldAgentMessage(m);
                            });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(held, true, "a message waits for an agent on its way");
        NS_TEST_ASSERT_MSG_EQ(b->delivered, 1, "the waiting message is handed over on arrival");
        NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "the agent is in exactly one pool");
        NS_TEST_ASSERT_MSG_EQ((b->Agent() != nullptr), true, "the agent runs at the new edge");
        NS_TEST_ASSERT_MSG_EQ(b->Agent()->updates, 45, "its counters came along");
        NS_TEST_ASSERT_MSG_EQ(b->Agent()->history.size(), 3, "its history came along");
        NS_TEST_ASSERT_MSG_EQ(b->Agent()->servingCell, 2, "serving cell from the join");
        NS_TEST_ASSERT_MSG_EQ(b->Agent()->modelVersion, 3, "model version from the join");
        const std::vector<S> atA{S::DEPARTED, S::TRANSFERRING, S::IDLE};
        const std::vector<S> atB{S::PULLING, S::IDLE};
        NS_TEST_ASSERT_MSG_EQ((a->states == atA), true, "source: DEPARTED, TRANSFERRING, IDLE");
        NS_TEST_ASSERT_MSG_EQ((b->states == atB), true, "target: PULLING, IDLE");
        NS_TEST_ASSERT_MSG_EQ(b->started, 1, "one migration started");
        NS_TEST_ASSERT_MSG_EQ(b->completed, 1, "and completed");
        NS_TEST_ASSERT_MSG_EQ(b->failed, 0, "none failed");
        // Request, state, ack: three 5 ms legs from the join.
        NS_TEST_ASSERT_MSG_EQ(b->lastDuration, MilliSeconds(10), "request and state legs");
        NS_TEST_ASSERT_MSG_EQ(a->manager->HasLeft(TERMINAL), true, "late updates dropped at 1");
        uint32_t next = 0;
        NS_TEST_ASSERT_MSG_EQ(a->manager->GetNextEdge(TERMINAL, next), true, "1 knows where");
        NS_TEST_ASSERT_MSG_EQ(next, 2, "it went to 2");
        NS_TEST_ASSERT_MSG_EQ(b->manager->GetRecordCount(), 0, "nothing left to track at 2");
        net.Dispose();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Chained handovers 1 -> 2 -> 3 faster than a migration: 3 asks 2 while
 * 2 still pulls from 1; the agent passes through 2 to 3.
 */
class DtMigrationChainedTestCase : public TestCase
{
  public:
    DtMigrationChainedTestCase()
        : TestCase("chained handovers: the agent follows to the last edge")
    {
    }

  private:
    void DoRun() override
    {
        FakeNet net;
        Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
        Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
        Ptr<FakeEdge> c = net.AddEdge(3, CreateObject<DtReactiveMigration>());
        a->data->GetAgentPool()->Adopt(MakeAgent(4));
        LeaveAt(a, Seconds(1), Leave(2));
        JoinAt(b, Seconds(1.001), Join(1));
        LeaveAt(b, Seconds(1.002), Leave(3));
        JoinAt(c, Seconds(1.003), Join(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "the agent is in exactly one pool");
        NS_TEST_ASSERT_MSG_EQ((c->Agent() != nullptr), true, "it runs at the last edge");
        NS_TEST_ASSERT_MSG_EQ(c->Agent()->updates, 46, "whole");
        NS_TEST_ASSERT_MSG_EQ(c->Agent()->history.size(), 4, "with its history");
        const std::vector<S> atB{S::PULLING, S::IDLE, S::TRANSFERRING, S::IDLE};
        NS_TEST_ASSERT_MSG_EQ((b->states == atB), true, "2: PULLING, IDLE, TRANSFERRING, IDLE");
        NS_TEST_ASSERT_MSG_EQ(b->completed, 1, "2 received it");
        NS_TEST_ASSERT_MSG_EQ(c->completed, 1, "3 received it");
        NS_TEST_ASSERT_MSG_EQ(a->failed + b->failed + c->failed, 0, "nothing failed");
        NS_TEST_ASSERT_MSG_EQ(a->manager->GetState(TERMINAL), S::IDLE, "1 at rest");
        net.Dispose();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A late join: 3's request reaches 2 before the terminal's join does; 2
 * waits (AWAITING_JOIN), pulls from 1 when the join comes, and passes the
 * agent on. Without the join, 2 refuses after JoinWait and 3 hosts a fresh
 * agent; 1 lets its agent go after MigrationTimeout.
 */
class DtMigrationLateJoinTestCase : public TestCase
{
  public:
    DtMigrationLateJoinTestCase()
        : TestCase("late join: the request waits for it; without it, refused after JoinWait")
    {
    }

  private:
    void DoRun() override
    {
        {
            FakeNet net;
            Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> c = net.AddEdge(3, CreateObject<DtReactiveMigration>());
            a->data->GetAgentPool()->Adopt(MakeAgent(2));
            LeaveAt(a, Seconds(1), Leave(2));
            JoinAt(c, Seconds(1.001), Join(2));
            JoinAt(b, Seconds(1.5), Join(1)); // late, within JoinWait
            Simulator::Run();
            const std::vector<S> atB{
                S::AWAITING_JOIN, S::PULLING, S::IDLE, S::TRANSFERRING, S::IDLE};
            NS_TEST_ASSERT_MSG_EQ((b->states == atB), true, "2 waits for the join, then pulls");
            NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
            NS_TEST_ASSERT_MSG_EQ((c->Agent() != nullptr), true, "at 3");
            NS_TEST_ASSERT_MSG_EQ(c->Agent()->updates, 44, "whole");
            NS_TEST_ASSERT_MSG_EQ(c->completed, 1, "3 completed");
            NS_TEST_ASSERT_MSG_EQ(c->lastDuration, Seconds(0.514), "waited for the late join");
            net.Dispose();
        }
        {
            FakeNet net;
            Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> c = net.AddEdge(3, CreateObject<DtReactiveMigration>());
            a->data->GetAgentPool()->Adopt(MakeAgent(2));
            LeaveAt(a, Seconds(1), Leave(2));
            JoinAt(c, Seconds(1.001), Join(2)); // 2 never hears of the terminal
            Simulator::Run();
            const std::vector<S> atB{S::AWAITING_JOIN, S::IDLE};
            NS_TEST_ASSERT_MSG_EQ((b->states == atB), true, "2 waits, then refuses");
            NS_TEST_ASSERT_MSG_EQ(c->failed, 1, "3's migration failed");
            NS_TEST_ASSERT_MSG_EQ(c->endedAt, Seconds(2.011), "after JoinWait and the refusal");
            NS_TEST_ASSERT_MSG_EQ((c->Agent() != nullptr), true, "3 hosts a fresh agent");
            NS_TEST_ASSERT_MSG_EQ(c->Agent()->updates, 0, "fresh");
            NS_TEST_ASSERT_MSG_EQ((a->Agent() == nullptr), true, "1 let its agent go");
            const std::vector<S> atA{S::DEPARTED, S::IDLE};
            NS_TEST_ASSERT_MSG_EQ((a->states == atA), true, "1: DEPARTED until MigrationTimeout");
            net.Dispose();
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The state is lost on the way: the source hears of it and takes the agent
 * back; the target gives up after MigrationTimeout and hosts a fresh agent.
 */
class DtMigrationLostStateTestCase : public TestCase
{
  public:
    DtMigrationLostStateTestCase()
        : TestCase("lost state: source takes the agent back, target fails after the timeout")
    {
    }

  private:
    void DoRun() override
    {
        FakeNet net;
        net.drop.insert(DtMessageType::MIGRATION_STATE);
        Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
        Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
        a->data->GetAgentPool()->Adopt(MakeAgent(3));
        LeaveAt(a, Seconds(1), Leave(2));
        JoinAt(b, Seconds(1.001), Join(1));
        Simulator::Run();
        const std::vector<S> atA{S::DEPARTED, S::TRANSFERRING, S::IDLE};
        NS_TEST_ASSERT_MSG_EQ((a->states == atA), true, "source: back to IDLE on the failure");
        NS_TEST_ASSERT_MSG_EQ((a->Agent() != nullptr), true, "the source took its agent back");
        NS_TEST_ASSERT_MSG_EQ(a->Agent()->updates, 45, "as it was");
        NS_TEST_ASSERT_MSG_EQ(b->failed, 1, "the target's migration failed");
        NS_TEST_ASSERT_MSG_EQ(b->endedAt, Seconds(6.001), "after MigrationTimeout");
        NS_TEST_ASSERT_MSG_EQ(b->lastDuration, Seconds(5), "unavailable for the timeout");
        NS_TEST_ASSERT_MSG_EQ((b->Agent() != nullptr), true, "the target hosts a fresh agent");
        NS_TEST_ASSERT_MSG_EQ(b->Agent()->updates, 0, "fresh");
        net.Dispose();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Proactive: the policy predicts edge 2 and the agent is pre-copied there.
 * Predicted right, only the delta follows at the handover (it arrives
 * before the join: REPLICA_READY), and the agent runs at once. Predicted
 * wrong (the terminal goes to 3), 3 pulls the whole agent and 2's copy is
 * discarded after PreCopyLifetime.
 */
class DtMigrationPreCopyTestCase : public TestCase
{
  public:
    DtMigrationPreCopyTestCase()
        : TestCase("pre-copy: delta when predicted right, copy discarded when not")
    {
    }

  private:
    /**
     * Three edges: cell 1 at (0, 0), 2 at (100, 0), 3 at (0, 100).
     * \param net the transport
     * \param e out: the edges
     */
    void Build(FakeNet& net, std::vector<Ptr<FakeEdge>>& e)
    {
        for (uint32_t id = 1; id <= 3; ++id)
        {
            e.push_back(net.AddEdge(id, CreateObject<DtProactiveMigration>()));
        }
        net.book->SetCellSite(1, Vector(0, 0, 0));
        net.book->SetCellSite(2, Vector(100, 0, 0));
        net.book->SetCellSite(3, Vector(0, 100, 0));
    }

    void DoRun() override
    {
        {
            FakeNet net;
            std::vector<Ptr<FakeEdge>> e;
            Build(net, e);
            // At (40, 0) heading +x at 10 m/s: 2 s ahead it is nearest cell 2.
            e[0]->data->GetAgentPool()->Adopt(MakeAgent(3));
            e[0]->manager->Start();
            // After the pre-copy (at 0.25 s) two more updates arrive.
            Simulator::Schedule(Seconds(0.5),
                                [&]()
                                {
                                    e[0]->data->GetAgentPool()->Adopt(MakeAgent(5));
                                });
            LeaveAt(e[0], Seconds(1), Leave(2));
            JoinAt(e[1], Seconds(1.05), Join(1));
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            const std::vector<S> atA{S::PRE_COPIED, S::TRANSFERRING, S::IDLE};
            const std::vector<S> atB{S::REPLICA, S::REPLICA_READY, S::IDLE};
            NS_TEST_ASSERT_MSG_EQ((e[0]->states == atA), true, "source: PRE_COPIED, delta sent");
            NS_TEST_ASSERT_MSG_EQ((e[1]->states == atB), true, "target: REPLICA, READY, IDLE");
            NS_TEST_ASSERT_MSG_EQ(e[0]->started, 1, "one pre-copy (not repeated every round)");
            NS_TEST_ASSERT_MSG_EQ(e[1]->completed, 1, "completed at the join");
            NS_TEST_ASSERT_MSG_EQ(e[1]->lastDuration, Seconds(0), "no wait: it was ready");
            NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
            NS_TEST_ASSERT_MSG_EQ((e[1]->Agent() != nullptr), true, "at 2");
            NS_TEST_ASSERT_MSG_EQ(e[1]->Agent()->updates, 47, "the newest counters");
            NS_TEST_ASSERT_MSG_EQ(e[1]->Agent()->history.size(),
                                  5,
                                  "pre-copied history plus the delta's two entries");
            DtDigitalAgent full = MakeAgent(5);
            NS_TEST_ASSERT_MSG_LT(e[1]->lastBytes,
                                  2 * full.Serialize().size(),
                                  "the delta is not a second full copy");
            net.Dispose();
        }
        {
            FakeNet net;
            std::vector<Ptr<FakeEdge>> e;
            Build(net, e);
            e[0]->data->GetAgentPool()->Adopt(MakeAgent(3));
            e[0]->manager->Start();
            LeaveAt(e[0], Seconds(1), Leave(3)); // it turned: not where predicted
            JoinAt(e[2], Seconds(1.001), Join(1));
            Simulator::Stop(Seconds(11));
            Simulator::Run();
            const std::vector<S> atA{S::PRE_COPIED, S::DEPARTED, S::TRANSFERRING, S::IDLE};
            const std::vector<S> atB{S::REPLICA, S::IDLE};
            NS_TEST_ASSERT_MSG_EQ((e[0]->states == atA), true, "source: the copy was in vain");
            NS_TEST_ASSERT_MSG_EQ((e[1]->states == atB), true, "2 dropped its copy");
            NS_TEST_ASSERT_MSG_EQ(e[1]->discarded, 1, "traced as discarded");
            NS_TEST_ASSERT_MSG_EQ(e[2]->completed, 1, "3 pulled the whole agent");
            NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
            NS_TEST_ASSERT_MSG_EQ((e[2]->Agent() != nullptr), true, "at 3");
            NS_TEST_ASSERT_MSG_EQ(e[2]->Agent()->history.size(), 3, "whole");
            net.Dispose();
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A pre-copy refreshed as the terminal moves: the source sends a new copy
 * when the first one reaches PreCopyLifetime (10.25 s), the terminal leaves
 * for the predicted edge 2 ms later and joins 2 before the new copy is there,
 * while 2 still holds the old copy. 2 pulls naming the old copy, the source
 * (which sent the new copy's delta) lets that request pass, 2 keeps the new
 * copy that comes while it pulls and runs the agent on its delta: the newest
 * state, one agent, no failure, the old copy traced as discarded.
 */
class DtMigrationRefreshedPreCopyTestCase : public TestCase
{
  public:
    DtMigrationRefreshedPreCopyTestCase()
        : TestCase("pre-copy refreshed while the terminal hands over: the new copy is used")
    {
    }

  private:
    void DoRun() override
    {
        FakeNet net;
        std::vector<Ptr<FakeEdge>> e;
        for (uint32_t id = 1; id <= 2; ++id)
        {
            e.push_back(net.AddEdge(id, CreateObject<DtProactiveMigration>()));
        }
        net.book->SetCellSite(1, Vector(0, 0, 0));
        net.book->SetCellSite(2, Vector(100, 0, 0));
        e[0]->data->GetAgentPool()->Adopt(MakeAgent(3));
        e[0]->manager->Start();
        // Updates after the first copy (0.25 s) and after the second (10.25 s).
        Simulator::Schedule(Seconds(5),
                            [&]()
                            {
                                e[0]->data->GetAgentPool()->Adopt(MakeAgent(5));
                            });
        Simulator::Schedule(Seconds(10.251),
                            [&]()
                            {
                                e[0]->data->GetAgentPool()->Adopt(MakeAgent(7));
                            });
        LeaveAt(e[0], Seconds(10.252), Leave(2));
        JoinAt(e[1], Seconds(10.253), Join(1));
        Simulator::Stop(Seconds(14));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(e[0]->started, 2, "two copies: the first and its refresh");
        NS_TEST_ASSERT_MSG_EQ(e[1]->failed, 0, "no failed migration");
        NS_TEST_ASSERT_MSG_EQ(e[1]->completed, 1, "the pull completed");
        NS_TEST_ASSERT_MSG_EQ(e[1]->discarded, 1, "the old copy traced as discarded");
        NS_TEST_ASSERT_MSG_EQ(e[1]->endedAt, Seconds(10.257), "on the delta's arrival");
        NS_TEST_ASSERT_MSG_EQ(e[1]->lastDuration, MilliSeconds(4), "join to delta");
        NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
        NS_TEST_ASSERT_MSG_EQ((e[1]->Agent() != nullptr), true, "at 2");
        NS_TEST_ASSERT_MSG_EQ(e[1]->Agent()->updates, 49, "the newest counters");
        NS_TEST_ASSERT_MSG_EQ(e[1]->Agent()->history.size(), 7, "the whole history");
        NS_TEST_ASSERT_MSG_EQ((e[0]->manager->GetState(TERMINAL) == S::IDLE),
                              true,
                              "the source settled (its delta acknowledged)");
        net.Dispose();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A twin with a model of its own (modelBytes): a reactive migration sends the
 * record and the model in segments of SegmentBytes, the target runs the agent
 * once the last one is here, with the model's size; a lost segment fails the
 * migration and the source keeps its agent. A pre-copy carries the model, the
 * delta after it does not.
 */
class DtMigrationSegmentedStateTestCase : public TestCase
{
  public:
    DtMigrationSegmentedStateTestCase()
        : TestCase("segmented state: model in segments, a lost segment fails, delta without model")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t model = 10000;
        const uint32_t segment = 1024;
        DtDigitalAgent twin = MakeAgent(3);
        twin.modelBytes = model;
        const auto record = static_cast<uint32_t>(twin.Serialize().size());
        NS_TEST_ASSERT_MSG_LT(record, segment, "the record fits in the first segment");
        const uint32_t rest = model - (segment - record);
        const uint32_t count = 1 + (rest + segment - 1) / segment;
        // A reactive handover from edge 1 to edge 2.
        auto handOver = [&](FakeNet& net, Ptr<FakeEdge>& a, Ptr<FakeEdge>& b)
        {
            a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
            b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
            a->manager->SetAttribute("SegmentBytes", UintegerValue(segment));
            a->data->GetAgentPool()->Adopt(twin);
            LeaveAt(a, Seconds(1), Leave(2));
            JoinAt(b, Seconds(1.001), Join(1));
            Simulator::Run();
        };
        {
            FakeNet net;
            Ptr<FakeEdge> a;
            Ptr<FakeEdge> b;
            handOver(net, a, b);
            NS_TEST_ASSERT_MSG_EQ(net.segments.size(), count, "one message per segment");
            uint64_t modelSent = 0;
            for (uint32_t k = 0; k < net.segments.size(); ++k)
            {
                const auto& sg = net.segments[k];
                NS_TEST_ASSERT_MSG_EQ(sg.index, k, "in order");
                NS_TEST_ASSERT_MSG_EQ(sg.count, count, "each knows the count");
                NS_TEST_ASSERT_MSG_EQ(
                    sg.recordBytes, (k == 0 ? record : 0u), "record in segment 0");
                NS_TEST_ASSERT_MSG_LT_OR_EQ(
                    sg.recordBytes + sg.modelBytes, segment, "no segment over SegmentBytes");
                modelSent += sg.modelBytes;
            }
            NS_TEST_ASSERT_MSG_EQ(modelSent, model, "the whole model went");
            NS_TEST_ASSERT_MSG_EQ(b->completed, 1, "completed after the last segment");
            NS_TEST_ASSERT_MSG_EQ(b->lastBytes, record + model, "record and model counted");
            NS_TEST_ASSERT_MSG_EQ((b->Agent() != nullptr), true, "runs at the target");
            NS_TEST_ASSERT_MSG_EQ(b->Agent()->modelBytes, model, "with its model's size");
            NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
            net.Dispose();
        }
        {
            FakeNet net;
            net.dropSegment = 4;
            Ptr<FakeEdge> a;
            Ptr<FakeEdge> b;
            handOver(net, a, b);
            NS_TEST_ASSERT_MSG_EQ(b->completed, 0, "a state with a hole is not run");
            NS_TEST_ASSERT_MSG_EQ(b->failed, 1, "the target's migration failed");
            NS_TEST_ASSERT_MSG_EQ((a->Agent() != nullptr), true, "the source took its agent back");
            NS_TEST_ASSERT_MSG_EQ(a->Agent()->modelBytes, model, "model and all");
            net.Dispose();
        }
        {
            // Out of order, the last segment first: collected by index.
            FakeNet net;
            net.segmentSpacing = MilliSeconds(1);
            net.reverseSegments = true;
            Ptr<FakeEdge> a;
            Ptr<FakeEdge> b;
            handOver(net, a, b);
            NS_TEST_ASSERT_MSG_EQ(b->completed, 1, "completed out of order");
            NS_TEST_ASSERT_MSG_EQ(b->Agent()->modelBytes, model, "with its model's size");
            net.Dispose();
        }
        {
            // A slow transfer, 1 s between segments, longer in all than
            // MigrationTimeout (5 s): the timeout counts from the latest
            // segment, so it completes.
            FakeNet net;
            net.segmentSpacing = Seconds(1);
            Ptr<FakeEdge> a;
            Ptr<FakeEdge> b;
            handOver(net, a, b);
            NS_TEST_ASSERT_MSG_GT(count, 6, "more than MigrationTimeout in all");
            NS_TEST_ASSERT_MSG_EQ(b->failed, 0, "not given up while segments arrive");
            NS_TEST_ASSERT_MSG_EQ(b->completed, 1, "completed");
            NS_TEST_ASSERT_MSG_GT(b->lastDuration, Seconds(5), "after longer than the timeout");
            net.Dispose();
        }
        {
            FakeNet net;
            std::vector<Ptr<FakeEdge>> e;
            for (uint32_t id = 1; id <= 2; ++id)
            {
                e.push_back(net.AddEdge(id, CreateObject<DtProactiveMigration>()));
                e.back()->manager->SetAttribute("SegmentBytes", UintegerValue(segment));
            }
            net.book->SetCellSite(1, Vector(0, 0, 0));
            net.book->SetCellSite(2, Vector(100, 0, 0));
            e[0]->data->GetAgentPool()->Adopt(twin); // heading for cell 2
            e[0]->manager->Start();
            LeaveAt(e[0], Seconds(1), Leave(2));
            JoinAt(e[1], Seconds(1.05), Join(1));
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            uint64_t precopied = 0;
            uint64_t delta = 0;
            for (const auto& sg : net.segments)
            {
                (sg.phase == DtMigrationPhase::PRECOPY ? precopied : delta) += sg.modelBytes;
            }
            NS_TEST_ASSERT_MSG_EQ(precopied, model, "the pre-copy carried the model");
            NS_TEST_ASSERT_MSG_EQ(delta, 0, "the delta did not");
            NS_TEST_ASSERT_MSG_EQ(e[1]->completed, 1, "completed at the join");
            NS_TEST_ASSERT_MSG_EQ((e[1]->Agent() != nullptr), true, "runs at 2");
            NS_TEST_ASSERT_MSG_EQ(e[1]->Agent()->modelBytes, model, "with the pre-copied model");
            net.Dispose();
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * An edge fails in the middle of a transfer. The target fails after asking:
 * the state cannot reach it, the source hears of it and keeps its agent.
 * The source fails before answering: the request cannot reach it, and the
 * target hosts a fresh agent as soon as it hears of that.
 */
class DtMigrationEdgeFailureTestCase : public TestCase
{
  public:
    DtMigrationEdgeFailureTestCase()
        : TestCase("edge failure mid-transfer: no agent lost, none duplicated at a live edge")
    {
    }

  private:
    void DoRun() override
    {
        {
            FakeNet net;
            Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
            a->data->GetAgentPool()->Adopt(MakeAgent(3));
            LeaveAt(a, Seconds(1), Leave(2));
            JoinAt(b, Seconds(1.001), Join(1));
            Simulator::Schedule(Seconds(1.008),
                                [&]()
                                {
                                    net.down.insert(2);
                                    b->manager->Reset();
                                    b->data->GetAgentPool()->Release(TERMINAL);
                                });
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(b->manager->GetRecordCount(), 0, "the failed edge forgot all");
            NS_TEST_ASSERT_MSG_EQ((a->Agent() != nullptr), true, "the source kept the agent");
            NS_TEST_ASSERT_MSG_EQ(a->Agent()->updates, 45, "whole");
            NS_TEST_ASSERT_MSG_EQ(a->manager->GetState(TERMINAL), S::IDLE, "at rest");
            NS_TEST_ASSERT_MSG_EQ(b->completed + b->failed, 0, "the failed edge traced nothing");
            net.Dispose();
        }
        {
            FakeNet net;
            Ptr<FakeEdge> a = net.AddEdge(1, CreateObject<DtReactiveMigration>());
            Ptr<FakeEdge> b = net.AddEdge(2, CreateObject<DtReactiveMigration>());
            a->data->GetAgentPool()->Adopt(MakeAgent(3));
            LeaveAt(a, Seconds(1), Leave(2));
            Simulator::Schedule(Seconds(1.0005),
                                [&]()
                                {
                                    net.down.insert(1);
                                    a->manager->Reset();
                                    a->data->GetAgentPool()->Release(TERMINAL);
                                });
            JoinAt(b, Seconds(1.001), Join(1));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(b->failed, 1, "the target's migration failed");
            NS_TEST_ASSERT_MSG_EQ(b->endedAt, Seconds(2.001), "when the request was lost");
            NS_TEST_ASSERT_MSG_EQ(net.Holders(), 1, "one agent");
            NS_TEST_ASSERT_MSG_EQ((b->Agent() != nullptr), true, "a fresh one at the target");
            NS_TEST_ASSERT_MSG_EQ(b->manager->GetState(TERMINAL), S::IDLE, "at rest");
            net.Dispose();
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The migration protocol's state machine, without a network.
 */
class DtMigrationTestSuite : public TestSuite
{
  public:
    DtMigrationTestSuite()
        : TestSuite("multilayer-dt-migration", Type::UNIT)
    {
        AddTestCase(new DtMigrationReactiveTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationChainedTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationLateJoinTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationLostStateTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationPreCopyTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationRefreshedPreCopyTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationSegmentedStateTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMigrationEdgeFailureTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtMigrationTestSuite g_dtMigrationTestSuite;
