/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MIGRATION_MANAGER_H
#define DT_MIGRATION_MANAGER_H

#include "dt-agent-header.h"
#include "dt-agent-message-header.h"
#include "dt-digital-agent.h"
#include "dt-migration-header.h"
#include "dt-migration-policy.h"
#include "dt-status-update-header.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class DtAddressBook;
class DtHeader;
class DtPayload;
class EdgeDtDataModule;

/**
 * \ingroup multilayer-dt
 * Where one terminal's agent is in its migration, as an edge DT sees it.
 * A terminal with no record at an edge is IDLE there.
 */
enum class DtMigrationState : uint8_t
{
    IDLE = 0,          //!< nothing in progress: the agent runs here, or this edge does not hold it
    PRE_COPIED = 1,    //!< source: the agent runs here; a full copy waits at the predicted edge
    DEPARTED = 2,      //!< source: the terminal was handed over; the agent waits for the request
    AWAITING_JOIN = 3, //!< source: the new edge asked before the terminal's join reached here
    TRANSFERRING = 4,  //!< source: the state was sent; the target has not acknowledged it yet
    REPLICA = 5,       //!< target: a pre-copied agent waits for its terminal
    REPLICA_READY = 6, //!< target: pre-copy and delta are here; the terminal has not joined yet
    PULLING = 7,       //!< target: the terminal joined; its agent's state is on its way
};

/**
 * \ingroup multilayer-dt
 * \param state a migration state
 * \return its name (e.g. "PULLING")
 */
const char* DtMigrationStateName(DtMigrationState state);

/**
 * \ingroup multilayer-dt
 * The migration protocol of an edge DT: one record per terminal, with an
 * explicit DtMigrationState, the timers of that state, and the data the
 * state needs (the pre-copy sent, the replica received, the updates and
 * agent messages that wait for an arriving agent, the edges that asked for
 * it meanwhile, the transfers not yet acknowledged). Every change of state
 * goes through one place and is traced (MigrationStateChanged).
 *
 * The policy (DtMigrationPolicy) decides whether an agent follows its
 * terminal and where to pre-copy it; this class executes: it sends
 * MIGRATION_REQUEST, MIGRATION_STATE and MIGRATION_ACK messages through the
 * send callback, moves agents in and out of the edge's agent pool, and
 * hands agent messages that waited to the deliver callback. It needs no
 * network: a test drives it with a send callback of its own.
 *
 * Protocol, reactive: the terminal's AGENT_LEAVE (handover) keeps its agent
 * here for MigrationTimeout (DEPARTED); its AGENT_JOIN at the new edge makes
 * that edge ask for it (PULLING); the state goes over (TRANSFERRING) and is
 * acknowledged. Proactive: every prediction interval the policy names the
 * edge of the terminal's next cell; a full copy goes there (PRE_COPIED here,
 * REPLICA there) and at the handover only the delta follows (REPLICA_READY
 * if it arrives before the join). A request that arrives before the
 * terminal's own join waits for it (AWAITING_JOIN, at most JoinWait); an
 * agent that arrives after its terminal moved on follows it at once.
 */
class DtMigrationManager : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtMigrationManager();
    ~DtMigrationManager() override;

    /**
     * Sends a migration message reliably to a DT; returns the message's
     * sequence number (for HandleSendFailure).
     */
    typedef Callback<uint32_t, uint32_t, const DtPayload&> SendCallback;
    /// Hands agent messages that waited for an arriving agent to it.
    typedef Callback<void, const std::vector<DtAgentMessageHeader>&> DeliverCallback;

    /// How long the protocol waits, from the edge DT's attributes.
    struct Timing
    {
        Time migrationTimeout{Seconds(5)}; //!< longest wait for a migration to complete
        Time joinWait{Seconds(1)};         //!< how long a request waits for a late join
        Time preCopyLifetime{Seconds(10)}; //!< how long a pre-copy waits for its terminal
    };

    /**
     * Connect the manager to its edge DT.
     * \param dtId the edge DT's id
     * \param data its data module (the agent pool; held status updates are applied there)
     * \param book its address book (which DTs are edges; the cells, for the policy)
     * \param policy the migration policy
     * \param timing the protocol's waits
     * \param send sends a migration message
     * \param deliver hands waiting agent messages to their agent
     */
    void Setup(uint32_t dtId,
               Ptr<EdgeDtDataModule> data,
               Ptr<DtAddressBook> book,
               Ptr<DtMigrationPolicy> policy,
               const Timing& timing,
               SendCallback send,
               DeliverCallback deliver);
    /** Start predicting (if the policy predicts). */
    void Start();
    /** Stop predicting. */
    void Stop();
    /** Cancel and forget every migration in progress (the edge's server failed). */
    void DropMigrations();
    /** Forget everything, also which terminals left and where they went. */
    void Reset();

    /**
     * A terminal joined this edge: host its agent, or pull it from its
     * previous edge.
     * \param join the AGENT_JOIN
     */
    void HandleJoin(const DtAgentJoinHeader& join);
    /**
     * A terminal left this edge.
     * \param leave the AGENT_LEAVE
     */
    void HandleLeave(const DtAgentLeaveHeader& leave);
    /**
     * Another edge asks for an agent.
     * \param requester the edge DT that asked
     * \param req the MIGRATION_REQUEST
     */
    void HandleRequest(uint32_t requester, const DtMigrationRequestHeader& req);
    /**
     * A segment of an agent's state (pre-copy, delta or full) arrived; the
     * state is handled when its last segment is here.
     * \param sender the edge DT that sent it
     * \param state the MIGRATION_STATE
     */
    void HandleState(uint32_t sender, const DtMigrationStateHeader& state);
    /**
     * The other end of a migration answered.
     * \param ack the MIGRATION_ACK
     */
    void HandleAck(const DtMigrationAckHeader& ack);
    /**
     * A reliable message could not be delivered.
     * \param dst its destination
     * \param header its header
     */
    void HandleSendFailure(uint32_t dst, const DtHeader& header);

    /**
     * \param terminal a terminal
     * \return its state here
     */
    DtMigrationState GetState(uint32_t terminal) const;
    /**
     * \param terminal a terminal
     * \return whether its terminal left (its agent may wait here, DEPARTED)
     */
    bool IsDeparted(uint32_t terminal) const;
    /**
     * \param terminal a terminal
     * \return whether its agent is on its way here (PULLING)
     */
    bool IsPulling(uint32_t terminal) const;
    /**
     * \param terminal a terminal
     * \return whether the terminal left this edge (its late status updates are dropped)
     */
    bool HasLeft(uint32_t terminal) const;
    /**
     * Keep a status update for an agent that is on its way here.
     * \param terminal the terminal
     * \param update the update
     * \param sentAt its send time
     * \return false if the agent is not on its way (the update was not kept)
     */
    bool HoldStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt);
    /**
     * Keep an agent message for an agent that is on its way here.
     * \param m the message
     * \return false if the addressed agent is not on its way (the message was not kept)
     */
    bool HoldAgentMessage(const DtAgentMessageHeader& m);
    /**
     * \param terminal a terminal that left
     * \param [out] edge the edge it was handed over to
     * \return whether that edge is known
     */
    bool GetNextEdge(uint32_t terminal, uint32_t& edge) const;
    /**
     * Forget where a terminal went (a fresher location is known).
     * \param terminal the terminal
     */
    void ForgetNextEdge(uint32_t terminal);
    /** \return records held (terminals with a migration or a departure here) */
    std::size_t GetRecordCount() const;

    /**
     * TracedCallback signature for a change of a terminal's migration state.
     * \param terminal the terminal
     * \param oldState the state it left
     * \param newState the state it entered
     */
    typedef void (*StateTracedCallback)(uint32_t terminal,
                                        DtMigrationState oldState,
                                        DtMigrationState newState);

  protected:
    void DoDispose() override;

  private:
    /// A migration this edge pulls (PULLING).
    struct Incoming
    {
        uint64_t id{0};                                           //!< migration id
        uint32_t source{0};                                       //!< previous edge DT
        uint32_t servingCell{0};                                  //!< from the join
        uint32_t modelVersion{0};                                 //!< from the join
        Time start;                                               //!< request sent / join
        DtMigrationTrigger trigger{DtMigrationTrigger::REACTIVE}; //!< how it started
        std::vector<std::pair<DtStatusUpdateHeader, Time>> held;  //!< updates that wait
        std::vector<DtAgentMessageHeader> messages;               //!< agent messages that wait
        std::vector<std::pair<uint32_t, uint64_t>> onward; //!< edges that asked for it meanwhile
                                                           //!< (edge, migration id)
    };

    /// The pre-copy sent for a terminal (PRE_COPIED).
    struct PreCopy
    {
        uint32_t target{0}; //!< edge DT of the predicted cell
        uint64_t id{0};     //!< migration id
        Time at;            //!< when it was sent
        Time historyEnd;    //!< send time of the last history entry it held
    };

    /// A pre-copied agent received (REPLICA, REPLICA_READY, or PULLING for its delta).
    struct Replica
    {
        uint64_t id{0};       //!< migration id
        uint32_t source{0};   //!< edge DT that sent it
        DtDigitalAgent agent; //!< the copy (after the delta: the agent)
        uint32_t bytes{0};    //!< state bytes received so far
        bool complete{false}; //!< the delta arrived before the terminal joined
        EventId expiry;       //!< drop it if the terminal does not come
    };

    /// An agent sent and not yet acknowledged (kept to take back if the send fails).
    struct Transfer
    {
        std::vector<uint32_t> seqs; //!< sequence numbers of its MIGRATION_STATE segments
        DtDigitalAgent agent;       //!< the agent as sent
    };

    /// A state whose segments are arriving (by sender and migration id).
    struct Reassembly
    {
        uint32_t terminal{0};                           //!< whose agent
        DtMigrationPhase phase{DtMigrationPhase::FULL}; //!< full, pre-copy or delta
        uint32_t totalBytes{0};                         //!< the state's size, as announced
        std::vector<bool> received;                     //!< segments in, by index
        uint32_t count{0};                              //!< segments in
        uint64_t bytes{0};                              //!< bytes in (record and model)
        std::vector<uint8_t> record;                    //!< the agent's record (segment 0)
    };

    /// One terminal's migration at this edge.
    struct Record
    {
        uint32_t terminal{0};                           //!< the terminal
        DtMigrationState state{DtMigrationState::IDLE}; //!< where its migration is
        EventId
            timer; //!< the state's timer: DEPARTED (keep), AWAITING_JOIN (wait), PULLING (give up)
        PreCopy preCopy;                        //!< PRE_COPIED: the copy sent
        uint32_t requester{0};                  //!< AWAITING_JOIN: the edge that asked
        uint64_t requestId{0};                  //!< AWAITING_JOIN: its migration id
        Incoming incoming;                      //!< PULLING: the migration
        bool hasReplica{false};                 //!< a pre-copy received is held
        Replica replica;                        //!< the pre-copy received
        std::map<uint64_t, Transfer> transfers; //!< sent, unacknowledged, by migration id
        bool left{false};       //!< the terminal left this edge (late updates are dropped)
        bool forwarding{false}; //!< the edge it was handed over to is known
        uint32_t nextEdge{0};   //!< that edge (agent messages follow it)
    };

    /**
     * \param terminal a terminal
     * \return its record (created IDLE if it has none)
     */
    Record& GetRecord(uint32_t terminal);
    /**
     * \param terminal a terminal
     * \return its record, or nullptr
     */
    Record* FindRecord(uint32_t terminal);
    /**
     * \param terminal a terminal
     * \return its record, or nullptr
     */
    const Record* FindRecord(uint32_t terminal) const;
    /**
     * The one place where a record changes state.
     * \param r the record
     * \param state the new state
     */
    void SwitchToState(Record& r, DtMigrationState state);
    /**
     * Nothing more is in progress at the front: the state follows from
     * what the record still holds (an agent here, a replica, a transfer).
     * \param r the record
     */
    void Settle(Record& r);
    /**
     * Drop a record that holds nothing any more.
     * \param terminal the terminal
     */
    void Tidy(uint32_t terminal);
    /** Proactive: ask the policy where each hosted agent goes next; pre-copy it. */
    void Predict();
    /**
     * Push a full copy of an agent to the edge of its predicted cell.
     * \param agent the agent
     * \param target the edge DT
     */
    void SendPreCopy(const DtDigitalAgent& agent, uint32_t target);
    /**
     * Send an agent's state to another edge DT and let it go from here.
     * \param r the agent's record
     * \param target the edge DT
     * \param id the migration
     * \param phase FULL, or DELTA after a pre-copy
     * \param historyAfter history already sent in the pre-copy
     */
    void SendAgent(
        Record& r, uint32_t target, uint64_t id, DtMigrationPhase phase, Time historyAfter);
    /**
     * Send an agent's state in segments of at most SegmentBytes: the
     * record and the first part of the model in segment 0, the rest of
     * the model after it.
     * \param target the edge DT
     * \param id the migration
     * \param terminal the terminal
     * \param phase full, pre-copy or delta
     * \param record the agent's record (DtDigitalAgent::Serialize)
     * \param modelBytes bytes of the model that go with it (0 for a delta)
     * \return the segments' sequence numbers
     */
    std::vector<uint32_t> SendState(uint32_t target,
                                    uint64_t id,
                                    uint32_t terminal,
                                    DtMigrationPhase phase,
                                    std::vector<uint8_t> record,
                                    uint32_t modelBytes);
    /**
     * A whole state arrived (its last segment, or its only one).
     * \param sender the edge DT that sent it
     * \param id the migration
     * \param terminal the terminal
     * \param phase full, pre-copy or delta
     * \param record the agent's record
     * \param bytes the state's size (record and model), as announced
     * \param complete whether every segment arrived and the sizes add up
     */
    void HandleWholeState(uint32_t sender,
                          uint64_t id,
                          uint32_t terminal,
                          DtMigrationPhase phase,
                          const std::vector<uint8_t>& record,
                          uint32_t bytes,
                          bool complete);
    /**
     * Refuse a migration request.
     * \param edge the edge DT that asked
     * \param terminal the terminal
     * \param id the migration
     */
    void RejectRequest(uint32_t edge, uint32_t terminal, uint64_t id);
    /**
     * Run a migrated agent here: adopt it, apply the updates that waited.
     * \param agent the agent
     * \param inc the migration (serving cell, model version, held updates)
     */
    void Restore(DtDigitalAgent agent, const Incoming& inc);
    /**
     * An agent arrived (or a fresh one replaced it): hand it the messages
     * that waited, and pass it on to an edge that asked for it meanwhile.
     * \param r the agent's record
     * \param inc the ended migration
     */
    void FinishIncoming(Record& r, const Incoming& inc);
    /**
     * An incoming migration did not complete: host the pre-copied agent if
     * there is one, else a fresh agent.
     * \param terminal the terminal
     */
    void FailIncoming(uint32_t terminal);
    /**
     * Drop a pre-copied agent that was not (or no longer) needed.
     * \param r the agent's record
     */
    void DiscardReplica(Record& r);
    /**
     * A pre-copied agent's lifetime ended: drop it unless its terminal arrived.
     * \param terminal the terminal
     */
    void ReplicaExpired(uint32_t terminal);
    /**
     * The join wait of an AWAITING_JOIN record ended: refuse the request.
     * \param terminal the terminal
     */
    void JoinWaitExpired(uint32_t terminal);
    /**
     * A DEPARTED agent was not asked for: it leaves the pool.
     * \param terminal the terminal
     * \param leftAt when its terminal left
     */
    void DepartureExpired(uint32_t terminal, Time leftAt);

    uint32_t m_dtId{0};                           //!< this edge DT
    Ptr<EdgeDtDataModule> m_data;                 //!< the agent pool's owner
    Ptr<DtAddressBook> m_book;                    //!< the DTs and cells
    Ptr<DtMigrationPolicy> m_policy;              //!< decides
    Timing m_timing;                              //!< the protocol's waits
    SendCallback m_send;                          //!< sends migration messages
    DeliverCallback m_deliver;                    //!< hands waiting agent messages over
    uint64_t m_nextMigration{1};                  //!< next migration number
    EventId m_predictEvent;                       //!< next prediction round
    std::map<uint32_t, Record> m_records;         //!< by terminal
    uint32_t m_segmentBytes{DtPayload::MAX_BLOB}; //!< largest segment of a state sent
    std::map<std::pair<uint32_t, uint64_t>, Reassembly>
        m_reassembly; //!< states arriving in segments, by (sender, migration id)

    TracedCallback<uint32_t, DtMigrationState, DtMigrationState> m_stateTrace; //!< state changed
    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>
        m_migrationStarted;                                                  //!< started
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationCompleted; //!< completed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationFailed;    //!< failed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_preCopyDiscarded;   //!< unused pre-copy
};

/**
 * \ingroup multilayer-dt
 * Print a migration state's name.
 * \param os the stream
 * \param state the state
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, DtMigrationState state);

} // namespace ns3

#endif /* DT_MIGRATION_MANAGER_H */
