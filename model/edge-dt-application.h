/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_APPLICATION_H
#define EDGE_DT_APPLICATION_H

#include "dt-agent-message-header.h"
#include "dt-application.h"
#include "dt-migration-header.h"
#include "dt-migration-policy.h"
#include "dt-region-summary-header.h"
#include "dt-twin-placement.h"
#include "edge-dt-data-module.h"
#include "edge-dt-service-module.h"

#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ns3
{

class DtAgentJoinHeader;

/**
 * \ingroup multilayer-dt
 * The edge DT of an edge server: data module (agent pool, region summaries),
 * service module (edge compute, escalation, relaying) and communication
 * module. It answers an AGENT_JOIN with a LOAD_REPORT, reports its load to
 * its agents every LoadReportInterval and summarizes its region to the cloud
 * DT every SummaryInterval. In the centralized architecture it stays idle:
 * the edge node only forwards packets.
 *
 * Migration (MigrationPolicy): Reactive pulls an arriving terminal's agent
 * from its previous edge DT; Proactive also predicts, every
 * PredictionInterval, where each hosted terminal will be PredictionHorizon
 * ahead (its twin's position and velocity, the address book's cell sites)
 * and pre-copies the agent to the edge DT of that cell; at the handover
 * only the delta follows.
 */
class EdgeDtApplication : public DtModularApplication<EdgeDtDataModule, EdgeDtServiceModule>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeDtApplication();
    ~EdgeDtApplication() override;

    DtLayer GetLayer() const override;

    /// How an agent message ended.
    enum AgentMessageOutcome
    {
        AGENT_MESSAGE_IN_POOL = 0,     //!< both agents here: delivered without the network
        AGENT_MESSAGE_DELIVERED = 1,   //!< delivered by another edge DT
        AGENT_MESSAGE_UNREACHABLE = 2, //!< the addressed agent could not be found
    };

    /**
     * Which agents talk to which (agent-to-agent interaction, every
     * InteractionInterval), and where each agent starts.
     * \param peers terminal -> the terminals its agent talks to
     * \param home terminal -> the edge DT its agent starts at
     */
    void SetInteractionPlan(std::map<uint32_t, std::vector<uint32_t>> peers,
                            std::map<uint32_t, uint32_t> home);
    /** \return agent messages this edge's agents sent */
    uint64_t GetAgentMessagesSent() const;
    /** \return agent messages this edge forwarded to where their agent moved */
    uint64_t GetAgentMessagesForwarded() const;
    /** \return region summaries dropped because the queue for an unreachable cloud was full */
    uint64_t GetSummariesDropped() const;
    /** \return region summaries waiting for the cloud DT to be reachable */
    uint32_t GetQueuedSummaries() const;

    /**
     * TracedCallback signature for an agent message that ended.
     * \param from the sending agent's terminal
     * \param to the addressed agent's terminal
     * \param outcome AgentMessageOutcome
     * \param latency from sending to the end
     */
    typedef void (*AgentMessageTracedCallback)(uint32_t from,
                                               uint32_t to,
                                               AgentMessageOutcome outcome,
                                               Time latency);
    /**
     * TracedCallback signature for two interacting agents found close.
     * \param from the sending agent's terminal
     * \param to the receiving agent's terminal
     * \param distance their distance, m
     */
    typedef void (*ProximityTracedCallback)(uint32_t from, uint32_t to, double distance);

    /**
     * TracedCallback signature for a migration that started.
     * \param id the migration id
     * \param terminal the terminal whose agent moves
     * \param from the source edge DT
     * \param to the target edge DT
     * \param trigger DtMigrationTrigger: reactive (pulled by the target after
     *        the handover) or proactive (pre-copied by the source before it)
     */
    typedef void (*MigrationStartedTracedCallback)(
        uint64_t id, uint32_t terminal, uint32_t from, uint32_t to, DtMigrationTrigger trigger);
    /**
     * TracedCallback signature for a migration that ended.
     * \param id the migration id
     * \param terminal the terminal whose agent moved
     * \param bytes state bytes received (pre-copy plus delta; 0 if failed)
     * \param duration how long the agent was unavailable: from the request
     *        (Reactive) or the terminal's join (Proactive) to the restored
     *        agent, or to the failure
     */
    typedef void (*MigrationEndedTracedCallback)(uint64_t id,
                                                 uint32_t terminal,
                                                 uint32_t bytes,
                                                 Time duration);

  protected:
    void DoDispose() override;
    void DoStartDt() override;
    void DoStopDt() override;
    void DoFailDt() override;
    /** Cancel and forget every migration in progress, pre-copy and replica. */
    void DropMigrations();
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
    struct Incoming;

    /** Report the load to every agent, and schedule the next round. */
    void ReportLoad();
    /**
     * Send a load report to one terminal.
     * \param terminal its DT id
     */
    void SendLoadReport(uint32_t terminal);
    /** Send a region summary to the cloud DT, and schedule the next. */
    void Summarize();
    /**
     * Queue a summary the cloud has not received, dropping the oldest beyond the limit.
     * \param summary the summary
     */
    void QueueSummary(const DtRegionSummaryHeader& summary);
    /** The cloud DT answered: send the queued summaries. */
    void CloudReachable();
    /**
     * Send a summary to the cloud DT and keep it until its delivery can no
     * longer fail (the newest SummaryQueueLimit sent ones are kept).
     * \param summary the summary
     */
    void SendSummary(const DtRegionSummaryHeader& summary);
    /**
     * A terminal joined: host its agent, or pull it from its previous edge.
     * \param join the AGENT_JOIN
     */
    void HandleJoin(const DtAgentJoinHeader& join);
    /**
     * The previous edge asks for an agent: send its state.
     * \param h the message header
     * \param req the MIGRATION_REQUEST
     */
    void HandleMigrationRequest(const DtHeader& h, const DtMigrationRequestHeader& req);
    /**
     * An agent's state arrived: restore it.
     * \param h the message header
     * \param state the MIGRATION_STATE
     */
    void HandleMigrationState(const DtHeader& h, const DtMigrationStateHeader& state);
    /**
     * The other end of a migration answered.
     * \param ack the MIGRATION_ACK
     */
    void HandleMigrationAck(const DtMigrationAckHeader& ack);
    /**
     * An incoming migration did not complete: host the pre-copied agent if
     * there is one, else a fresh agent.
     * \param terminal the terminal
     */
    void FailIncoming(uint32_t terminal);
    /** Let every hosted agent talk to its peers, and schedule the next round. */
    void Interact();
    /**
     * Send one agent's message to a peer agent (in the pool, or to the edge
     * DT where it is believed to be).
     * \param from the sending agent
     * \param to the peer's terminal
     */
    void SendAgentMessage(const DtDigitalAgent& from, uint32_t to);
    /**
     * An agent message arrived: deliver it, hold it for an arriving agent,
     * or forward it to where the agent went.
     * \param m the message
     */
    void HandleAgentMessage(DtAgentMessageHeader m);
    /**
     * Hand a message to its agent here.
     * \param m the message
     * \param outcome in the pool or from another edge
     */
    void DeliverAgentMessage(const DtAgentMessageHeader& m, AgentMessageOutcome outcome);
    /**
     * An agent arrived (or a fresh one replaced it): pass it on to an edge
     * that asked for it meanwhile, and hand it the messages that waited.
     * \param terminal the terminal
     * \param inc the ended incoming migration
     */
    void FinishIncoming(uint32_t terminal, const Incoming& inc);
    /**
     * Refuse a migration request.
     * \param edge the edge DT that asked
     * \param terminal the terminal
     * \param id the migration
     */
    void RejectRequest(uint32_t edge, uint32_t terminal, uint64_t id);
    /**
     * Hand the messages that waited for an arriving agent to it.
     * \param messages the messages
     */
    void DeliverHeld(const std::vector<DtAgentMessageHeader>& messages);
    /**
     * End an agent message that cannot reach its agent.
     * \param m the message
     */
    void DropAgentMessage(const DtAgentMessageHeader& m);
    /** Proactive: predict each hosted terminal's next cell; pre-copy its agent. */
    void Predict();
    /**
     * Proactive: push a full copy of an agent to the edge of its predicted cell.
     * \param agent the agent
     * \param target the edge DT
     */
    void SendPreCopy(const DtDigitalAgent& agent, uint32_t target);
    /**
     * Send an agent's state to another edge DT and let it go from here.
     * \param terminal the terminal
     * \param target the edge DT
     * \param id the migration
     * \param phase FULL, or DELTA after a pre-copy
     * \param historyAfter history already sent in the pre-copy
     */
    void SendAgent(
        uint32_t terminal, uint32_t target, uint64_t id, DtMigrationPhase phase, Time historyAfter);
    /**
     * Run a migrated agent here: adopt it, apply the updates that waited.
     * \param agent the agent
     * \param servingCell from the terminal's join
     * \param modelVersion from the terminal's join
     * \param held status updates that waited, with their send times
     */
    void Restore(DtDigitalAgent agent,
                 uint32_t servingCell,
                 uint32_t modelVersion,
                 const std::vector<std::pair<DtStatusUpdateHeader, Time>>& held);
    /**
     * Drop a pre-copied agent that was not (or no longer) needed.
     * \param terminal the terminal
     */
    void DiscardReplica(uint32_t terminal);

    /// A migration this edge pulls.
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
        EventId timeout;                                   //!< give-up timer
    };

    /// Proactive, at the source: the pre-copy sent for a terminal.
    struct PreCopy
    {
        uint32_t target{0}; //!< edge DT of the predicted cell
        uint64_t id{0};     //!< migration id
        Time at;            //!< when it was sent
        Time historyEnd;    //!< send time of the last history entry it held
    };

    /// Proactive, at the target: a pre-copied agent.
    struct Replica
    {
        uint64_t id{0};       //!< migration id
        uint32_t source{0};   //!< edge DT that sent it
        DtDigitalAgent agent; //!< the copy (after the delta: the agent)
        uint32_t bytes{0};    //!< state bytes received so far
        bool complete{false}; //!< the delta arrived before the terminal joined
        EventId expiry;       //!< drop it if the terminal does not come
    };

    uint32_t m_cloudDtId;                    //!< cloud DT
    Time m_loadReportInterval;               //!< load report period
    Time m_summaryInterval;                  //!< region summary period
    EventId m_loadEvent;                     //!< next load report round
    EventId m_summaryEvent;                  //!< next summary
    DtMigrationMode m_policy;                //!< migration policy shorthand
    Ptr<DtMigrationPolicy> m_migration;      //!< migration policy (from m_policy if unset)
    DtTwinPlacement m_placement;             //!< where the twins live
    Time m_migrationTimeout;                 //!< longest wait for a migration to complete
    Time m_joinWait;                         //!< how long a request waits for a late join
    uint64_t m_nextMigration{1};             //!< next migration number
    std::map<uint32_t, Incoming> m_incoming; //!< by terminal
    std::map<uint64_t, std::pair<uint32_t, DtDigitalAgent>>
        m_outgoing; //!< agents sent, until acknowledged: migration -> (state message seq, agent)
    std::map<uint32_t, EventId> m_departed; //!< agents kept for a migration request
    std::set<uint32_t> m_gone; //!< terminals that left (late status updates are dropped)
    Time m_predictionInterval; //!< Proactive: prediction period
    Time m_predictionHorizon;  //!< Proactive: how far ahead
    Time m_preCopyLifetime;    //!< Proactive: how long a pre-copy is kept
    EventId m_predictEvent;    //!< next prediction round
    std::map<uint32_t, PreCopy> m_preCopies; //!< sent, by terminal
    std::map<uint32_t, Replica> m_replicas;  //!< received, by terminal
    /// Requests for agents whose terminal has not joined yet: (expiry, (edge, migration id)).
    std::map<uint32_t, std::pair<EventId, std::pair<uint32_t, uint64_t>>> m_pending;
    Time m_interactionInterval;                        //!< agent-to-agent round period (0: none)
    uint32_t m_interactionBytes;                       //!< agent message body size
    double m_proximityRadius;                          //!< closer interacting agents are traced, m
    EventId m_interactEvent;                           //!< next interaction round
    std::map<uint32_t, std::vector<uint32_t>> m_peers; //!< who talks to whom
    std::map<uint32_t, uint32_t> m_location;           //!< where each agent is believed to be
    std::map<uint32_t, uint32_t> m_forward;            //!< where agents that left went
    uint32_t m_summaryQueueLimit;                      //!< summaries kept for the cloud
    std::map<uint32_t, DtRegionSummaryHeader> m_summariesSent; //!< newest sent, by message seq
    std::deque<DtRegionSummaryHeader> m_summaryQueue; //!< waiting for the cloud to be reachable
    uint64_t m_summariesDropped{0};                   //!< summaries lost to the queue limit
    uint64_t m_agentSent{0};                          //!< agent messages sent
    uint64_t m_agentForwarded{0};                     //!< agent messages forwarded

    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger> m_migrationStarted; //!< started
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationCompleted; //!< completed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationFailed;    //!< failed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_preCopyDiscarded;   //!< unused pre-copy
    TracedCallback<uint32_t, uint32_t, AgentMessageOutcome, Time> m_agentMessageTrace; //!< agent message ended
    TracedCallback<uint32_t, uint32_t, double> m_proximityTrace; //!< interacting agents close
};

} // namespace ns3

#endif /* EDGE_DT_APPLICATION_H */
