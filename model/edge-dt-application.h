/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_APPLICATION_H
#define EDGE_DT_APPLICATION_H

#include "dt-application.h"
#include "dt-migration-policy.h"
#include "edge-dt-data-module.h"
#include "edge-dt-service-module.h"

#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ns3
{

class DtAgentJoinHeader;
class DtMigrationAckHeader;
class DtMigrationRequestHeader;
class DtMigrationStateHeader;

/**
 * \ingroup multilayer-dt
 * The edge DT of an edge server: data module (agent pool, region summaries),
 * service module (edge compute, escalation, relaying) and communication
 * module. It answers an AGENT_JOIN with a LOAD_REPORT, reports its load to
 * its agents every LoadReportInterval and summarizes its region to the cloud
 * DT every SummaryInterval. In the centralized architecture it stays idle:
 * the edge node only forwards packets.
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

    /**
     * TracedCallback signature for a migration that started.
     * \param id the migration id
     * \param terminal the terminal whose agent moves
     * \param from the source edge DT
     * \param to the target edge DT
     */
    typedef void (*MigrationStartedTracedCallback)(uint64_t id,
                                                   uint32_t terminal,
                                                   uint32_t from,
                                                   uint32_t to);
    /**
     * TracedCallback signature for a migration that ended.
     * \param id the migration id
     * \param terminal the terminal whose agent moved
     * \param bytes state bytes received (0 if failed)
     * \param duration from the request to the restored agent (or the failure)
     */
    typedef void (*MigrationEndedTracedCallback)(uint64_t id,
                                                 uint32_t terminal,
                                                 uint32_t bytes,
                                                 Time duration);

  protected:
    void DoDispose() override;
    void DoStartDt() override;
    void DoStopDt() override;
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
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
     * An incoming migration did not complete: host a fresh agent instead.
     * \param terminal the terminal
     */
    void FailIncoming(uint32_t terminal);

    /// A migration this edge pulls.
    struct Incoming
    {
        uint64_t id{0};                                          //!< migration id
        uint32_t source{0};                                      //!< previous edge DT
        uint32_t servingCell{0};                                 //!< from the join
        uint32_t modelVersion{0};                                //!< from the join
        Time start;                                              //!< request sent
        std::vector<std::pair<DtStatusUpdateHeader, Time>> held; //!< updates that wait
        EventId timeout;                                         //!< give-up timer
    };

    uint32_t m_cloudDtId;                    //!< cloud DT
    Time m_loadReportInterval;               //!< load report period
    Time m_summaryInterval;                  //!< region summary period
    EventId m_loadEvent;                     //!< next load report round
    EventId m_summaryEvent;                  //!< next summary
    DtMigrationPolicy m_policy;              //!< migration policy
    Time m_migrationTimeout;                 //!< longest wait for a migration to complete
    uint64_t m_nextMigration{1};             //!< next migration number
    std::map<uint32_t, Incoming> m_incoming; //!< by terminal
    std::map<uint64_t, std::pair<uint32_t, DtDigitalAgent>>
        m_outgoing; //!< agents sent, until acknowledged: migration -> (state message seq, agent)
    std::map<uint32_t, EventId> m_departed; //!< agents kept for a migration request
    std::set<uint32_t> m_gone; //!< terminals that left (late status updates are dropped)

    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t> m_migrationStarted; //!< started
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationCompleted;   //!< completed
    TracedCallback<uint64_t, uint32_t, uint32_t, Time> m_migrationFailed;      //!< failed
};

} // namespace ns3

#endif /* EDGE_DT_APPLICATION_H */
