/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LOCAL_DT_SERVICE_MODULE_H
#define LOCAL_DT_SERVICE_MODULE_H

#include "dt-application.h"
#include "dt-demand-class.h"
#include "dt-demand.h"
#include "dt-edge-link.h"
#include "dt-model-update-header.h"
#include "dt-placement-policy.h"
#include "dt-tier-classifier.h"

#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class DtAppUsageModel;
class DtLoadReportHeader;
class DtPeerHelloHeader;

/**
 * \ingroup multilayer-dt
 * Service module of a local DT: generates the terminal's demands, decides
 * where each runs, runs local ones on the terminal's ComputeResource, sends
 * the others up, and tracks every demand to exactly one final state.
 *
 * Demands arrive as a Poisson process (DemandRate per second); each is of a
 * DtDemandClass drawn by weight. In the multi-layer architecture the tier
 * comes from DtTierClassifier: the local estimate uses the terminal's own
 * backlog; the edge and cloud estimates use the last LOAD_REPORT of the edge
 * DT (plus the work this terminal sent since), the configured access rates
 * and the round-trip times the communication module measured. Edge and cloud
 * demands are sent to the edge DT, which runs, escalates or relays them. In
 * the centralized architecture every demand goes to the cloud DT.
 *
 * Peer-to-peer: while the edge DT is unreachable (its join or a message to
 * it failed, and nothing came back from it since), a demand that the terminal
 * cannot finish in time is offloaded to the neighbouring local DT (heard from
 * in PEER_HELLO messages) with the best estimated completion time, if that
 * beats running it locally. This module also serves the PEER_DEMANDs of its
 * neighbours on the terminal's ComputeResource.
 *
 * A demand completes when its result is back (in or after its deadline), and
 * fails when the local queue is full, when it cannot be delivered, when no
 * result arrives GiveUpTime after its deadline, or when the DT stops.
 */
class LocalDtServiceModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalDtServiceModule();
    ~LocalDtServiceModule() override;

    /** \param c a demand class (at least one is needed to generate demands) */
    void AddDemandClass(Ptr<DtDemandClass> c);
    /** \return the demand classes */
    const std::vector<Ptr<DtDemandClass>>& GetDemandClasses() const;

    /**
     * Start generating demands.
     * \param app the local DT this module belongs to
     * \param link the local DT's link to its edge DT (which one, whether it answers)
     * \param cloudDtId the cloud DT
     */
    void Start(Ptr<DtApplication> app, Ptr<DtEdgeLink> link, uint32_t cloudDtId);

    /**
     * Demands go through another edge DT from now on (after a handover or
     * a failover); its load is unknown until its first LOAD_REPORT.
     */
    void EdgeChanged();

    /** Stop generating; every pending demand fails with SIMULATION_END. */
    void Stop();

    /**
     * Create one demand now (also used by the Poisson generator).
     * \param demandClass index of its class
     * \return the demand id
     */
    uint64_t CreateDemand(uint32_t demandClass);

    /** \param rsp a DEMAND_RESPONSE addressed to this terminal */
    void HandleResponse(const DtDemandResponseHeader& rsp);
    /** \param report a LOAD_REPORT from the serving edge DT */
    void HandleLoadReport(const DtLoadReportHeader& report);
    /** \param header a reliable message that could not be delivered */
    void HandleSendFailure(const DtHeader& header);
    /**
     * The edge DT stopped answering: the demands it holds (edge and cloud
     * tiers) are retried here or at a neighbour, or fail (node-failed).
     */
    void EdgeLost();
    /**
     * \param hello a neighbour's advertisement
     * \param from its address on the shared (ad hoc) network
     */
    void HandlePeerHello(const DtPeerHelloHeader& hello, Ipv4Address from);
    /**
     * Serve a neighbour's demand on this terminal.
     * \param req the demand
     * \param from the neighbour's address
     */
    void HandlePeerDemand(const DtDemandRequestHeader& req, Ipv4Address from);
    /** \return this terminal's advertisement for its neighbours */
    DtPeerHelloHeader BuildPeerHello() const;
    /** \return neighbours heard from within PeerTimeout */
    uint32_t GetPeerCount() const;

    /**
     * The views the classifier would use now.
     * \return local, edge and cloud views
     */
    std::array<DtTierView, 3> GetTierViews() const;

    /** \return demands not yet in a final state */
    uint32_t GetPendingCount() const;
    /** \return input bytes of the demands not yet final (data the DT holds) */
    uint64_t GetPendingBytes() const;
    /** \return the app-usage model shaping the demands (null: none) */
    Ptr<DtAppUsageModel> GetAppUsage() const;

    /**
     * \param stream first random stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Adopt a version of the cloud's delay model (older versions are ignored).
     * \param update the received MODEL_UPDATE
     * \return true if it was adopted
     */
    bool AdoptCloudModel(const DtModelUpdateHeader& update);
    /** \return the version of the cloud delay model in use (0: none) */
    uint32_t GetModelVersion() const;

    /**
     * TracedCallback signature for demand events.
     * \param demand the demand
     */
    typedef void (*DemandTracedCallback)(const DtDemand& demand);

  protected:
    void DoDispose() override;

  private:
    DtDelayModel m_cloudModel; //!< cloud delay model in use
    /** Create a demand and schedule the next arrival. */
    void GenerateNext();
    /** Draw the next arrival at the current rate and schedule it. */
    void ScheduleNext();
    /**
     * The app-usage state changed: arrivals restart at the new rate
     * (memoryless, so the process stays Poisson within each state).
     * \param from the state left
     * \param to the state entered
     */
    void AppStateChanged(uint32_t from, uint32_t to);
    /**
     * Put a demand into its final state and report it.
     * \param id the demand id
     * \param state the final state (completed or failed)
     * \param reason the failure reason (NONE if completed)
     * \param executed the tier that ran it
     */
    void Finish(uint64_t id, DtDemandState state, DtFailureReason reason, DtTier executed);
    /**
     * Send a demand to the DT of its tier, or run it here.
     * \param d the demand (pending)
     * \param peerId the neighbour's DT id (tier PEER)
     * \param peerAddress the neighbour's address (tier PEER)
     */
    void Dispatch(DtDemand& d, uint32_t peerId, Ipv4Address peerAddress);
    /**
     * The DT a demand was sent to became unreachable: run it again here or at
     * a neighbour, or fail it if it has no retry or no time left.
     * \param id the demand
     * \param reason the failure reason if it is not retried
     */
    void Retry(uint64_t id, DtFailureReason reason);
    /**
     * Cancel a demand's give-up timer and forget the message that carried it.
     * \param id the demand
     */
    void ForgetRequest(uint64_t id);
    /**
     * A local compute job finished.
     * \param job the job
     */
    void LocalJobDone(const DtComputeJob& job);
    /**
     * \param id a demand id
     * \param rsp outcome of a remote demand
     */
    void Complete(uint64_t id, const DtDemandResponseHeader& rsp);
    /**
     * Pick the neighbour with the best estimated completion time for a demand
     * the terminal cannot finish in time, if it beats running it locally.
     * \param d the demand
     * \param peerId set to the neighbour's DT id
     * \param address set to its address
     * \return true if a neighbour was picked
     */
    bool ChoosePeer(const DtDemand& d, uint32_t& peerId, Ipv4Address& address) const;
    /**
     * \param d a demand
     * \return the tier the placement policy chooses for it, with the time
     *         left until its deadline
     */
    DtTier PlaceByPolicy(const DtDemand& d) const;
    /**
     * \return whether the edge DT is out of reach, or its state unknown, only
     *         for a moment: the access link is down, a join to an edge DT is
     *         unanswered (handover, failover), or no load report came from
     *         the new edge yet
     */
    bool IsEdgeComingBack() const;
    /**
     * \param d a demand
     * \return whether this terminal would finish it within its deadline
     */
    bool LocalFits(const DtDemand& d) const;
    /**
     * Keep a demand until the edge DT answers again (HoldForEdge).
     * \param d the demand (already pending)
     */
    void Hold(DtDemand& d);
    /** The edge DT answers and reported its load: place the demands held for it. */
    void ReleaseHeld();
    /**
     * The edge link changed state.
     * \param from the state left
     * \param to the state entered
     */
    void LinkStateChanged(DtEdgeLinkState from, DtEdgeLinkState to);
    /**
     * Answer a neighbour's demand.
     * \param job the finished (or refused) job id
     * \param reason NONE if completed
     */
    void RespondToPeer(uint64_t job, DtFailureReason reason);

    /// A neighbouring local DT.
    struct Peer
    {
        Ipv4Address address;   //!< where it listens
        double capacityGflops; //!< what it offers
        uint32_t queueLength;  //!< its waiting work
        Time heard;            //!< last hello
    };

    /// A neighbour's demand running here.
    struct PeerJob
    {
        DtDemandRequestHeader req; //!< the demand
        Ipv4Address from;          //!< whom to answer
    };

    Ptr<DtApplication> m_app;                      //!< owner
    Ptr<DtEdgeLink> m_link;                        //!< serving edge DT, whether it answers
    uint32_t m_cloudDtId{0};                       //!< cloud DT
    double m_demandRate;                           //!< demands per second
    Time m_giveUpTime;                             //!< wait after the deadline
    double m_margin;                               //!< classifier margin
    Ptr<DtPlacementPolicy> m_placement;            //!< where new demands run
    DataRate m_uplinkRate;                         //!< access uplink (estimation)
    DataRate m_downlinkRate;                       //!< access downlink (estimation)
    Time m_stopGeneratingAt;                       //!< no new demands from then on
    std::vector<Ptr<DtDemandClass>> m_classes;     //!< demand classes
    Ptr<ExponentialRandomVariable> m_interArrival; //!< Poisson arrivals
    Ptr<UniformRandomVariable> m_classPick;        //!< class selection
    Ptr<DtAppUsageModel> m_usage;                  //!< app usage (may be null)
    EventId m_nextDemand;                          //!< next arrival
    uint64_t m_nextId{1};                          //!< next demand id
    std::map<uint64_t, DtDemand> m_pending;        //!< demands not yet final
    std::map<uint64_t, EventId> m_giveUp;          //!< give-up timers
    bool m_holdForEdge;                            //!< hold demands for a returning edge
    std::set<uint64_t> m_held;                     //!< demands held for the edge
    std::map<uint32_t, uint64_t> m_seqToDemand;    //!< message seq -> demand (send failures)
    std::map<uint64_t, uint32_t> m_demandToSeq;    //!< demand -> message seq
    bool m_haveLoadReport{false};                  //!< an edge report arrived
    uint32_t m_maxRetries;                         //!< retries of a demand
    double m_edgeCapacity{0};                      //!< edge capacity, reported
    double m_edgeBacklog{0};                       //!< edge backlog, reported + sent since
    double m_cloudCapacity{0};                     //!< cloud capacity, reported
    double m_cloudBacklog{0};                      //!< cloud backlog, reported + sent since
    double m_backhaulRateBps{0};                   //!< edge-cloud rate, reported
    Time m_backhaulRtt;                            //!< edge-cloud RTT, reported

    Time m_peerTimeout;                     //!< hello validity
    DataRate m_peerRate;                    //!< peer link rate (estimation)
    std::map<uint32_t, Peer> m_peers;       //!< neighbours by DT id
    std::map<uint64_t, PeerJob> m_peerJobs; //!< neighbours' demands running here
    uint64_t m_nextPeerJob{0};              //!< next peer job number

    TracedCallback<const DtDemand&> m_created;   //!< trace: demand created
    TracedCallback<const DtDemand&> m_completed; //!< trace: result back (in time or late)
    TracedCallback<const DtDemand&> m_failed;    //!< trace: failed
    TracedCallback<const DtDemand&> m_retried;   //!< trace: run again elsewhere
    TracedCallback<const DtDemand&> m_heldTrace; //!< trace: held for the edge
};

} // namespace ns3

#endif /* LOCAL_DT_SERVICE_MODULE_H */
