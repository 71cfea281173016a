/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_EDGE_LINK_H
#define DT_EDGE_LINK_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class DtAddressBook;
class DtHeader;

/**
 * \ingroup multilayer-dt
 * A local DT's relation to its edge DT.
 */
enum class DtEdgeLinkState : uint8_t
{
    ATTACHED = 0,    //!< the edge DT answers
    JOINING = 1,     //!< joined a new edge DT (handover), no answer yet; demands still go there
    UNREACHABLE = 2, //!< a message failed or the edge fell silent: demands stay here; joins retried
    REJOINING = 3,   //!< unreachable, and a join to a new edge DT is unanswered
};

/**
 * \ingroup multilayer-dt
 * \param state a link state
 * \return its name (e.g. "ATTACHED")
 */
const char* DtEdgeLinkStateName(DtEdgeLinkState state);

/**
 * \ingroup multilayer-dt
 * Print a link state's name.
 * \param os the stream
 * \param state the state
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, DtEdgeLinkState state);

/**
 * \ingroup multilayer-dt
 * The one place where a local DT keeps what it knows of its edge DT: which
 * edge DT serves it (and which served it before, for the join), whether
 * that edge answers (DtEdgeLinkState, traced by StateChanged), whether the
 * access link is up, when the edge was last heard from; and the timers that
 * act on it: the join retries while the edge is unreachable and the
 * watchdog. An edge is taken for lost only on evidence: a join to it that
 * went unanswered through its retransmissions while the access link stayed
 * up (a join that failed across a gap of the access link is sent again). Silence (EdgeTimeout) or
 * another message that went unacknowledged only makes the link ask the edge
 * with a join (Probe), since a slow edge or a congested cell does that too;
 * the edge stays in use meanwhile. With failover, a join that fails while
 * the access link is up moves on to the next edge DT of the address book
 * (Failover). The local DT's application and service module both ask this
 * object.
 */
class DtEdgeLink : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtEdgeLink();
    ~DtEdgeLink() override;

    /// What the link does, from the local DT's attributes.
    struct Parameters
    {
        bool multiLayer{true};  //!< the local DT has an edge DT to talk to
        Time edgeTimeout;       //!< silence after which the edge is lost (0: never)
        Time joinRetryInterval; //!< join retry period while unreachable
        bool failover{false};   //!< a failed join tries the next edge DT
    };

    /**
     * Connect the link to its local DT.
     * \param book the address book (the edge DTs, for failover)
     * \param parameters what the link does
     * \param join sends an AGENT_JOIN to GetEdge () naming GetPreviousEdge ()
     * \param edgeChanged another edge DT serves the terminal after a failover
     */
    void Setup(Ptr<DtAddressBook> book,
               const Parameters& parameters,
               Callback<void> join,
               Callback<void> edgeChanged);
    /**
     * \param edge the serving edge DT (before the start)
     */
    void SetEdge(uint32_t edge);
    /** The local DT starts: the serving edge is also the previous one. */
    void Start();
    /** The local DT stops: cancel the retries and the watchdog. */
    void Stop();

    /** \return the serving edge DT */
    uint32_t GetEdge() const;
    /** \return the edge DT before the last handover or failover */
    uint32_t GetPreviousEdge() const;
    /** \return the link's state */
    DtEdgeLinkState GetState() const;
    /** \return whether the edge DT is believed to answer (ATTACHED or JOINING) */
    bool IsReachable() const;
    /** \return whether a join to a new edge DT is unanswered (JOINING or REJOINING) */
    bool IsJoining() const;
    /** \return whether the access link is up (Wi-Fi: associated) */
    bool IsAccessUp() const;

    /** A message from the serving edge DT arrived. */
    void Heard();
    /**
     * The terminal was handed over to another edge DT's cell.
     * \param edge the new edge DT
     */
    void HandOver(uint32_t edge);
    /** A join to a new edge DT was sent: the terminal waits for its answer. */
    void Joined();
    /**
     * The access link went up or down (Wi-Fi association).
     * \param up whether it is up
     */
    void SetAccessLink(bool up);
    /** Back on an access link: ask the edge DT again if it was lost and nobody asks. */
    void RejoinIfLost();
    /**
     * A reliable message to the serving edge DT was not delivered. A join
     * is evidence that the edge is lost (failover, join retries); another
     * message only makes the link probe the edge.
     * \param header its header
     * \return whether the edge is lost now and was believed reachable until
     *         now (the caller handles the demands it held)
     */
    bool SendFailed(const DtHeader& header);

    /**
     * TracedCallback signature for a change of the link's state.
     * \param oldState the state left
     * \param newState the state entered
     */
    typedef void (*StateTracedCallback)(DtEdgeLinkState oldState, DtEdgeLinkState newState);

    /**
     * TracedCallback signature for a probing join.
     * \param edge the edge DT asked
     */
    typedef void (*ProbeTracedCallback)(uint32_t edge);

  protected:
    void DoDispose() override;

  private:
    /**
     * The one place where the state changes.
     * \param reachable whether the edge answers
     * \param joining whether a join to a new edge is unanswered
     */
    void SwitchTo(bool reachable, bool joining);
    /** Take a silent edge DT for lost and ask it again. */
    void Watch();
    /** Send a join now (cancelling a pending retry). */
    void Join();
    /** Try the next edge DT of the address book. */
    void FailOver();
    /** Ask the serving edge DT with a join, unless a join is already on its way or due. */
    void Probe();
    /** Send a probing join now (traced by Probe). */
    void SendProbe();
    /** Send a join to the serving edge DT now and note when. */
    void SendJoin();

    Ptr<DtAddressBook> m_book;                          //!< the edge DTs
    Parameters m_parameters;                            //!< what the link does
    Callback<void> m_join;                              //!< sends a join
    Callback<void> m_edgeChanged;                       //!< failover changed the edge
    uint32_t m_edge{0};                                 //!< serving edge DT
    uint32_t m_previous{0};                             //!< edge DT before the last change
    DtEdgeLinkState m_state{DtEdgeLinkState::ATTACHED}; //!< the link's state
    bool m_accessUp{true};                              //!< access link up (Wi-Fi: associated)
    Time m_lastHeard;                                   //!< last message from the edge DT
    EventId m_joinEvent;                                //!< next join retry
    EventId m_watchEvent;                               //!< next silence check
    bool m_probing{false};                              //!< a probing join is unanswered
    bool m_joinOwed{false};                             //!< a join failed while the link was down
    Time m_accessUpSince;                               //!< when the access link last came up
    Time m_lastJoinAt{Time(-1)};                        //!< when a join was last sent

    TracedCallback<DtEdgeLinkState, DtEdgeLinkState> m_stateTrace; //!< state changed
    TracedCallback<uint32_t, uint32_t> m_failoverTrace;            //!< edge failovers
    TracedCallback<uint32_t> m_probeTrace;                         //!< probing joins
};

} // namespace ns3

#endif /* DT_EDGE_LINK_H */
