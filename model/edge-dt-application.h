/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_APPLICATION_H
#define EDGE_DT_APPLICATION_H

#include "dt-agent-interaction.h"
#include "dt-agent-message-header.h"
#include "dt-application.h"
#include "dt-migration-header.h"
#include "dt-migration-manager.h"
#include "dt-migration-policy.h"
#include "dt-region-summary-header.h"
#include "dt-sync-deadlines.h"
#include "dt-sync-header.h"
#include "dt-twin-placement.h"
#include "edge-dt-data-module.h"
#include "edge-dt-service-module.h"

#include "ns3/traced-callback.h"

#include <map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The edge DT of an edge server: data module (agent pool, region summaries),
 * service module (edge compute, escalation, relaying) and communication
 * module. It answers an AGENT_JOIN with a LOAD_REPORT, reports its load to
 * its agents every LoadReportInterval and summarizes its region to the cloud
 * DT every SummaryInterval. In the centralized architecture it stays idle:
 * the edge node only forwards packets.
 *
 * Migration: the policy (MigrationPolicyObject, or the MigrationPolicy
 * shorthand) decides whether an agent follows its terminal and where to
 * pre-copy it; the migration manager (DtMigrationManager, one record per
 * terminal with an explicit state) runs the protocol. This application
 * dispatches the migration messages to it and asks it whether an agent is
 * on its way (updates and agent messages wait), has departed, or where a
 * terminal went.
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

    /// How an agent message ended (DtAgentInteraction::AGENT_MESSAGE_...).
    typedef DtAgentInteraction::AgentMessageOutcome AgentMessageOutcome;

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
    /** \return the migration protocol (its records and MigrationStateChanged trace) */
    Ptr<DtMigrationManager> GetMigrationManager() const;
    /** \return agent messages this edge forwarded to where their agent moved */
    uint64_t GetAgentMessagesForwarded() const;
    /** \return datagrams of other DTs this edge relayed (Relay) */
    uint64_t GetRelayed() const;
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
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
    /**
     * A terminal asks its twin here to apply its state: answered at once
     * when the twin is migrating, absent or the requirement has passed;
     * otherwise applied after the edge's work on it (ApplySync).
     * \param from the terminal's DT id
     * \param req the request
     * \param relay the edge DT's address that relayed it (answered through
     *        it), or the default address if it came straight
     */
    void HandleSyncRequest(uint32_t from, const DtSyncRequestHeader& req, Ipv4Address relay);
    /**
     * \param req a synchronization request
     * \return OK if the twin can apply it now, otherwise why not
     */
    DtSyncStatus SyncStatus(const DtSyncRequestHeader& req) const;
    /**
     * The edge's work on a synchronization is done: update the twin if it
     * still can be, and answer.
     * \param from the terminal's DT id
     * \param req the request
     * \param relay the relay to answer through, or the default address
     */
    void ApplySync(uint32_t from, const DtSyncRequestHeader& req, Ipv4Address relay);
    /**
     * Answer a synchronization.
     * \param to the terminal's DT id
     * \param req the request
     * \param status the outcome
     * \param relay the relay to answer through, or the default address
     */
    void AnswerSync(uint32_t to,
                    const DtSyncRequestHeader& req,
                    DtSyncStatus status,
                    Ipv4Address relay);
    /**
     * Relay: pass a datagram addressed to another DT on towards it.
     * \param message the datagram
     * \param header its DtHeader
     * \param from where it came from
     */
    void RelayDatagram(Ptr<const Packet> message, const DtHeader& header, Ipv4Address from);
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
     * Send an agent message (the agent interaction's transport).
     * \param dst the edge DT
     * \param payload the message
     * \return its sequence number
     */
    uint32_t SendAgentMessage(uint32_t dst, const DtPayload& payload);
    /**
     * Send a migration message reliably (the migration manager's transport).
     * \param dst the DT
     * \param payload the message
     * \return its sequence number
     */
    uint32_t SendMigrationMessage(uint32_t dst, const DtPayload& payload);

    uint32_t m_cloudDtId;                  //!< cloud DT
    DtSyncDeadlines m_syncDeadlines;       //!< syncs being applied, until their deadlines
    Time m_loadReportInterval;             //!< load report period
    Time m_summaryInterval;                //!< region summary period
    EventId m_loadEvent;                   //!< next load report round
    EventId m_summaryEvent;                //!< next summary
    DtMigrationMode m_policy;              //!< migration policy shorthand
    Ptr<DtMigrationPolicy> m_migration;    //!< migration policy (from m_policy if unset)
    DtTwinPlacement m_placement;           //!< where the twins live
    Time m_migrationTimeout;               //!< longest wait for a migration to complete
    Time m_joinWait;                       //!< how long a request waits for a late join
    Time m_predictionInterval;             //!< Proactive: prediction period
    Time m_predictionHorizon;              //!< Proactive: how far ahead
    Time m_preCopyLifetime;                //!< Proactive: how long a pre-copy is kept
    Ptr<DtMigrationManager> m_migrations;  //!< the migration protocol
    Time m_interactionInterval;            //!< agent-to-agent round period (0: none)
    uint32_t m_interactionBytes;           //!< agent message body size
    double m_proximityRadius;              //!< closer interacting agents are traced, m
    Ptr<DtAgentInteraction> m_interaction; //!< agent-to-agent messages
    uint32_t m_summaryQueueLimit;          //!< summaries kept for the cloud
    bool m_relay;                          //!< relay other DTs' datagrams
    uint64_t m_relayed{0};                 //!< datagrams relayed
    uint64_t m_relayDropped{0};            //!< datagrams for DTs not in the address book

    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>
        m_migrationStarted;                                                  //!< started
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationCompleted; //!< completed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationFailed;    //!< failed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_preCopyDiscarded;   //!< unused pre-copy
    TracedCallback<uint32_t, DtMigrationState, DtMigrationState>
        m_migrationState; //!< state changed
    TracedCallback<uint32_t, uint32_t, AgentMessageOutcome, Time>
        m_agentMessageTrace;                                     //!< agent message ended
    TracedCallback<uint32_t, uint32_t, double> m_proximityTrace; //!< interacting agents close
};

} // namespace ns3

#endif /* EDGE_DT_APPLICATION_H */
