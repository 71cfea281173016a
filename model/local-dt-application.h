/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LOCAL_DT_APPLICATION_H
#define LOCAL_DT_APPLICATION_H

#include "dt-application.h"
#include "dt-edge-link.h"
#include "dt-migration-policy.h"
#include "dt-twin-placement.h"
#include "local-dt-data-module.h"
#include "local-dt-service-module.h"

#include "ns3/mac48-address.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>

namespace ns3
{

class DtSyncAckHeader;

/**
 * \ingroup multilayer-dt
 * The local DT of a terminal: data module (state sampling, status updates),
 * service module (demands) and communication module.
 *
 * Multi-layer: joins its edge DT (AGENT_JOIN), sends it periodic status
 * updates of its processed state (its raw samples are processed on the
 * terminal, SampleProcessingGflop each), and sends up the demands it does not
 * run itself. Centralized: sends every raw sample and every demand to the
 * cloud DT.
 *
 * Handover: the local DT follows its serving cell through its radio's own
 * trace sources (DtRadioProbe: Wi-Fi association, LTE connection and
 * handover). When the new cell belongs to another edge DT (the address
 * book's cell plan), with MigrationPolicy Reactive it leaves the old edge DT
 * (AGENT_LEAVE, reason handover) and joins the new one (AGENT_JOIN naming the
 * previous edge, which then hands the agent over); with None it keeps its
 * agent where it is and reaches it through the new cell. Traced as
 * HandoverDetected.
 *
 * With PeerBroadcast set (a shared ad hoc network among terminals), it
 * advertises itself to its neighbours every PeerHelloInterval; when its edge
 * DT cannot be reached it offloads demands to them (see LocalDtServiceModule)
 * and retries the join every JoinRetryInterval.
 */
class LocalDtApplication : public DtModularApplication<LocalDtDataModule, LocalDtServiceModule>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalDtApplication();
    ~LocalDtApplication() override;

    DtLayer GetLayer() const override;
    /** \return the serving edge DT id */
    uint32_t GetEdgeDtId() const;
    /**
     * \param edgeDtId the serving edge DT (before the start)
     */
    void SetEdgeDtId(uint32_t edgeDtId);
    /** \return what this DT knows of its edge DT (state, StateChanged trace) */
    Ptr<DtEdgeLink> GetEdgeLink() const;
    /** \return the DT hosting this terminal's twin (TwinPlacement, architecture) */
    uint32_t GetTwinDtId() const;
    /** \return the serving cell / AP as last detected */
    uint32_t GetServingCell() const;
    /** \return serving cell changes detected so far */
    uint32_t GetHandoverCount() const;

    /// Why a synchronization ended.
    enum SyncOutcome
    {
        SYNC_OK = 0,            //!< the twin applied the state within the latency requirement
        SYNC_LATE = 1,          //!< the requirement passed before the twin could apply it
        SYNC_MIGRATING = 2,     //!< the twin was migrating
        SYNC_UNKNOWN_AGENT = 3, //!< the edge hosted no twin of this terminal
        SYNC_STOPPED = 4,       //!< the DT stopped first
        SYNC_LOST = 5,          //!< no answer within SyncTimeout (request or answer lost)
    };

    /**
     * \param outcome an outcome
     * \return its name ("ok", "late", "migrating", "unknown-agent", "simulation-end",
     *         "lost")
     */
    static const char* SyncOutcomeName(SyncOutcome outcome);

    /** \return synchronization requests issued so far */
    uint64_t GetSyncRequests() const;

    /**
     * TracedCallback signature for a synchronization that ended (each
     * request ends exactly once).
     * \param id the sync id
     * \param outcome how it ended (SyncOutcome)
     * \param syncTime synchronization time: from the state's generation at the
     *        terminal to the twin updated at its host (negative if the twin
     *        did not apply it)
     * \param roundTrip from the generation to the twin's answer at the
     *        terminal (negative if no answer came)
     */
    typedef void (*SyncTracedCallback)(uint64_t id,
                                       SyncOutcome outcome,
                                       Time syncTime,
                                       Time roundTrip);

    /**
     * TracedCallback signature for a detected handover.
     * \param fromCell the cell left
     * \param toCell the cell entered
     * \param fromEdge the edge DT before
     * \param toEdge the edge DT after (the same if both cells belong to it)
     */
    /**
     * TracedCallback signature of an edge failover.
     * \param fromEdge the edge DT that did not answer
     * \param toEdge the edge DT tried next
     */
    typedef void (*FailoverTracedCallback)(uint32_t fromEdge, uint32_t toEdge);

    typedef void (*HandoverTracedCallback)(uint32_t fromCell,
                                           uint32_t toCell,
                                           uint32_t fromEdge,
                                           uint32_t toEdge);

    /**
     * \param stream first random stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;
    void DoStartDt() override;
    void DoStopDt() override;
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
    /** Send a status update and schedule the next. */
    void SendStatus();
    /** Ask the edge DT to host this terminal's agent. */
    void Join();
    /** Broadcast a PEER_HELLO and schedule the next. */
    void SendPeerHello();
    /**
     * The radio now uses another cell: follow it, changing edge DT if needed.
     * \param cell the new serving cell
     */
    void ServingCellChanged(uint32_t cell);
    /**
     * DtRadioProbe Association sink (Wi-Fi).
     * \param associated true on association
     * \param bssid the AP
     */
    void WifiAssociation(bool associated, Mac48Address bssid);
    /** Issue a synchronization request with probability SyncProbability, and schedule the next
     * slot. */
    void SyncSlot();
    /**
     * End a pending synchronization.
     * \param id its id
     * \param outcome how it ended
     * \param twinUpdated when the twin applied the state (negative: it did not)
     * \param answered true if the twin's answer arrived now
     */
    void EndSync(uint64_t id, SyncOutcome outcome, Time twinUpdated, bool answered);
    /**
     * A synchronization's answer did not come within SyncTimeout.
     * \param id its id
     */
    void SyncTimedOut(uint64_t id);
    /**
     * The twin answered a synchronization.
     * \param ack the answer
     */
    void HandleSyncAck(const DtSyncAckHeader& ack);
    /**
     * DtRadioProbe CellChanged sink (LTE).
     * \param cellId the new cell
     */
    void LteCellChanged(uint16_t cellId);

    Ptr<DtEdgeLink> m_link;             //!< the serving edge DT and whether it answers
    uint32_t m_cloudDtId;               //!< cloud DT
    uint32_t m_servingCell;             //!< serving cell / AP id
    uint32_t m_handovers{0};            //!< serving cell changes detected
    DtMigrationMode m_policy;           //!< what happens to the agent on handover (shorthand)
    Ptr<DtMigrationPolicy> m_migration; //!< the policy (from m_policy if unset)
    DtTwinPlacement m_placement;        //!< where the twin lives
    double m_syncProbability;           //!< sync request probability per slot
    Time m_syncSlot;                    //!< slot length
    Time m_syncDeadline;                //!< latency requirement
    bool m_syncViaServingEdge;          //!< synchronizations through the serving cell's edge
    Time m_syncTimeout;                 //!< wait for an answer before a request is lost
    bool m_statusUpdates;               //!< send status updates to the twin
    uint32_t m_syncExtraBytes;          //!< model state carried besides the samples
    EventId m_syncEvent;                //!< next slot
    uint64_t m_nextSync{1};             //!< next sync id
    uint64_t m_syncRequests{0};         //!< requests issued
    std::map<uint64_t, std::pair<Time, EventId>> m_syncs; //!< pending: generated, loss timer
    TracedCallback<uint64_t, SyncOutcome, Time, Time> m_syncTrace; //!< ended syncs
    double m_sampleGflop;                //!< local processing per raw sample
    uint64_t m_processingJobs{0};        //!< sample-processing jobs submitted
    EventId m_statusEvent;               //!< next status update
    Ipv4Address m_peerBroadcast;         //!< ad hoc broadcast address (any: no P2P)
    Time m_peerHelloInterval;            //!< hello period
    Time m_joinRetryInterval;            //!< join retry period while the edge is unreachable
    EventId m_helloEvent;                //!< next hello
    Time m_edgeTimeout;                  //!< silence after which the edge DT is lost
    Ptr<UniformRandomVariable> m_jitter; //!< desynchronizes broadcasts; sync draws

    TracedCallback<uint32_t, uint32_t, uint32_t, uint32_t> m_handoverTrace; //!< handovers
    TracedCallback<uint32_t, uint32_t> m_failoverTrace;                     //!< edge failovers
    bool m_edgeFailover;                                                    //!< try other edges
};

} // namespace ns3

#endif /* LOCAL_DT_APPLICATION_H */
