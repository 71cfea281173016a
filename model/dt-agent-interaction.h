/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_AGENT_INTERACTION_H
#define DT_AGENT_INTERACTION_H

#include "dt-agent-message-header.h"
#include "dt-digital-agent.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

class DtAgentPool;
class DtMigrationManager;
class DtPayload;

/**
 * \ingroup multilayer-dt
 * Agent-to-agent interaction at an edge DT (the inter-agent communication
 * in the pool): every interval each hosted agent sends each of its peers an
 * AGENT_MESSAGE (its position and velocity, padded to the message size).
 * Agents in the same pool talk without the network; otherwise the message
 * goes to the edge where the addressed agent is believed to be (where it
 * started, then where its own messages came from), along the forwarding
 * pointer of an edge it left, or waits for an agent that is migrating in
 * (the migration manager holds it). A message that cannot be placed ends
 * unreachable. The receiver traces a peer within the proximity radius.
 */
class DtAgentInteraction : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtAgentInteraction();
    ~DtAgentInteraction() override;

    /// How an agent message ended.
    enum AgentMessageOutcome
    {
        AGENT_MESSAGE_IN_POOL = 0,     //!< both agents here: delivered without the network
        AGENT_MESSAGE_DELIVERED = 1,   //!< delivered by another edge DT
        AGENT_MESSAGE_UNREACHABLE = 2, //!< the addressed agent could not be found
    };

    /// Sends an agent message (unreliably) to an edge DT.
    typedef Callback<uint32_t, uint32_t, const DtPayload&> SendCallback;

    /// The interaction's parameters, from the edge DT's attributes.
    struct Parameters
    {
        Time interval;       //!< round period (0: none)
        uint32_t bytes{256}; //!< message body size
        double radius{20};   //!< closer interacting agents are traced, m
    };

    /**
     * Connect to the edge DT.
     * \param dtId the edge DT's id
     * \param pool its agent pool
     * \param migrations its migration manager (agents departed, migrating in, moved on)
     * \param parameters the interaction's parameters
     * \param send sends a message
     */
    void Setup(uint32_t dtId,
               Ptr<DtAgentPool> pool,
               Ptr<DtMigrationManager> migrations,
               const Parameters& parameters,
               SendCallback send);
    /**
     * Which agents talk to which, and where each agent starts.
     * \param peers terminal -> the terminals its agent talks to
     * \param home terminal -> the edge DT its agent starts at
     */
    void SetPlan(std::map<uint32_t, std::vector<uint32_t>> peers,
                 std::map<uint32_t, uint32_t> home);
    /** Start the rounds (if there is an interval and a plan). */
    void Start();
    /** Stop the rounds. */
    void Stop();
    /**
     * An agent message arrived: deliver it, hold it for an arriving agent,
     * or forward it to where the agent went.
     * \param m the message
     */
    void HandleMessage(DtAgentMessageHeader m);
    /**
     * Hand the messages that waited for an arriving agent to it.
     * \param messages the messages
     */
    void DeliverHeld(const std::vector<DtAgentMessageHeader>& messages);
    /** \return agent messages this edge's agents sent */
    uint64_t GetSent() const;
    /** \return agent messages this edge forwarded to where their agent moved */
    uint64_t GetForwarded() const;

  protected:
    void DoDispose() override;

  private:
    /** Let every hosted agent talk to its peers, and schedule the next round. */
    void Interact();
    /**
     * Send one agent's message to a peer agent.
     * \param from the sending agent
     * \param to the peer's terminal
     */
    void Send(const DtDigitalAgent& from, uint32_t to);
    /**
     * Hand a message to its agent here.
     * \param m the message
     * \param outcome in the pool or from another edge
     */
    void Deliver(const DtAgentMessageHeader& m, AgentMessageOutcome outcome);
    /**
     * End a message that cannot reach its agent.
     * \param m the message
     */
    void Drop(const DtAgentMessageHeader& m);

    uint32_t m_dtId{0};                                //!< this edge DT
    Ptr<DtAgentPool> m_pool;                           //!< its agents
    Ptr<DtMigrationManager> m_migrations;              //!< where agents are going
    Parameters m_parameters;                           //!< interval, size, radius
    SendCallback m_send;                               //!< sends messages
    EventId m_event;                                   //!< next round
    std::map<uint32_t, std::vector<uint32_t>> m_peers; //!< who talks to whom
    std::map<uint32_t, uint32_t> m_location;           //!< where each agent is believed to be
    uint64_t m_sent{0};                                //!< messages sent
    uint64_t m_forwarded{0};                           //!< messages forwarded

    TracedCallback<uint32_t, uint32_t, AgentMessageOutcome, Time> m_messageTrace; //!< ended
    TracedCallback<uint32_t, uint32_t, double> m_proximityTrace; //!< interacting agents close
};

} // namespace ns3

#endif /* DT_AGENT_INTERACTION_H */
