/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_SERVICE_MODULE_H
#define EDGE_DT_SERVICE_MODULE_H

#include "dt-application.h"
#include "dt-demand-header.h"
#include "dt-model-update-header.h"
#include "dt-region-summary-header.h"

#include "ns3/data-rate.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <functional>
#include <map>
#include <vector>

namespace ns3
{

class EdgeDtDataModule;

class DtLoadReportHeader;

/**
 * \ingroup multilayer-dt
 * Service module of an edge DT.
 *
 * Runs edge demands on the edge's ComputeResource (deficit round robin across
 * the terminals' agents by default, so each terminal gets its weighted share
 * when the edge is saturated), escalates an edge demand to the cloud DT when
 * the edge cannot meet its deadline and the cloud is estimated to finish it
 * sooner (or when the edge queue is full), relays cloud demands up and their
 * results back down, and applies twin updates (TwinUpdateGflop of work per
 * status update).
 */
class EdgeDtServiceModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeDtServiceModule();
    ~EdgeDtServiceModule() override;

    /**
     * \param app the edge DT this module belongs to
     * \param cloudDtId the cloud DT
     * \param data the edge DT's data module (the reduction of the terminals' data)
     */
    void Start(Ptr<DtApplication> app, uint32_t cloudDtId, Ptr<EdgeDtDataModule> data);

    /**
     * A demand arrived from a terminal.
     * \param header its DT header
     * \param req the demand
     */
    void HandleRequest(const DtHeader& header, const DtDemandRequestHeader& req);
    /** \param rsp a result from the cloud DT, to relay to its origin */
    void HandleCloudResponse(const DtDemandResponseHeader& rsp);
    /** \param report the cloud DT's load */
    void HandleCloudLoad(const DtLoadReportHeader& report);
    /**
     * A reliable message could not be delivered.
     * \param dst its destination
     * \param header its header
     */
    void HandleSendFailure(uint32_t dst, const DtHeader& header);
    /**
     * \param reachable whether the cloud DT answers; while it does not, cloud
     *        demands run at the edge and nothing is escalated
     */
    void SetCloudReachable(bool reachable);
    /** \return false after a message to the cloud DT failed, until it answers again */
    bool IsCloudReachable() const;
    /** The server failed: forget the jobs, the demands and the summaries sent up. */
    void Reset();
    /**
     * Send a region summary to the cloud DT, or queue it while the cloud is
     * unreachable (the oldest are dropped beyond the queue limit). A sent
     * summary is kept until its delivery can no longer fail (the newest
     * limit ones): a summary whose delivery fails is queued again.
     * \param summary the summary
     */
    void ReportRegion(const DtRegionSummaryHeader& summary);
    /** The cloud DT was heard from: it is reachable; send the queued summaries. */
    void CloudHeard();
    /** \param limit region summaries kept for an unreachable cloud (and sent ones kept) */
    void SetSummaryQueueLimit(uint32_t limit);
    /** \return region summaries dropped because the queue for an unreachable cloud was full */
    uint64_t GetSummariesDropped() const;
    /** \return region summaries waiting for the cloud DT to be reachable */
    uint32_t GetQueuedSummaries() const;
    /**
     * Queue the work of applying one status update to a terminal's twin.
     * \param terminal the terminal
     */
    void SubmitTwinUpdate(uint32_t terminal);
    /**
     * Queue the work of applying one synchronization to a terminal's twin
     * (SyncGflop on the edge's compute resource); \p applied runs when it is
     * done, at once if SyncGflop is 0. If the compute resource rejects the
     * work (its queue is full) or stops first, \p applied never runs: the
     * request is lost.
     * \param terminal the terminal
     * \param applied what to do when the work is done
     * \return false if the compute resource rejected the work
     */
    bool SubmitSync(uint32_t terminal, std::function<void()> applied);

    /**
     * Fill a load report with this edge's load and what it knows of the cloud.
     * \param report the report to fill
     */
    void FillLoadReport(DtLoadReportHeader& report) const;

    /**
     * Adopt a version of the cloud's delay model (older versions are ignored).
     * \param update the received MODEL_UPDATE
     * \return true if it was adopted
     */
    bool AdoptCloudModel(const DtModelUpdateHeader& update);
    /** \return the version of the cloud delay model in use (0: none) */
    uint32_t GetModelVersion() const;

    /**
     * TracedCallback signature for demands handled at the edge.
     * \param req the demand
     */
    typedef void (*DemandRequestTracedCallback)(const DtDemandRequestHeader& req);

  protected:
    void DoDispose() override;

  private:
    DtDelayModel m_cloudModel; //!< cloud delay model in use
    /// A demand running (or queued) on the edge's compute resource.
    struct Job
    {
        DtDemandRequestHeader req;     //!< the demand
        bool twinUpdate{false};        //!< a twin update, not a demand
        std::function<void()> applied; //!< a synchronization: apply it when done
    };

    /**
     * Send a demand to the cloud DT.
     * \param req the demand
     * \param escalated true if the edge decided it (an edge demand), false if relayed
     */
    void SendUp(DtDemandRequestHeader req, bool escalated);
    /**
     * \param req a demand to send up
     * \return the input bytes it carries to the cloud DT (ReducedInput)
     */
    uint32_t UpInputBytes(const DtDemandRequestHeader& req) const;
    /**
     * Answer a terminal.
     * \param req the demand
     * \param reason NONE for a completed demand
     */
    void Respond(const DtDemandRequestHeader& req, DtFailureReason reason);
    /**
     * Run a demand on the edge's compute resource (answer queue-full if it refuses).
     * \param req the demand
     */
    void RunHere(const DtDemandRequestHeader& req);
    /**
     * Queue a demand on the edge's compute resource.
     * \param req the demand
     * \return false if the resource refused it
     */
    bool SubmitHere(const DtDemandRequestHeader& req);
    /**
     * \param job a finished job
     */
    void JobDone(const DtComputeJob& job);
    /**
     * \param req a demand
     * \return the cloud's estimated completion delay for it (Time::Max() if unknown)
     */
    Time EstimateCloud(const DtDemandRequestHeader& req) const;
    /**
     * Queue a summary the cloud has not received, dropping the oldest beyond the limit.
     * \param summary the summary
     */
    void QueueSummary(const DtRegionSummaryHeader& summary);
    /**
     * Send a summary to the cloud DT and keep it until its delivery can no longer fail.
     * \param summary the summary
     */
    void SendSummary(const DtRegionSummaryHeader& summary);

    Ptr<DtApplication> m_app;                          //!< owner
    Ptr<EdgeDtDataModule> m_data;                      //!< the edge DT's data module
    uint32_t m_cloudDtId{0};                           //!< cloud DT
    double m_margin;                                   //!< deadline margin
    bool m_reducedInput;                               //!< send reduced input up
    DataRate m_downlinkRate;                           //!< access downlink (estimation)
    DataRate m_backhaulRate;                           //!< edge-cloud rate (estimation, reports)
    double m_twinUpdateGflop;                          //!< work per twin update
    double m_syncGflop;                                //!< work per synchronization
    double m_cloudCapacity{0};                         //!< cloud capacity, reported
    double m_cloudBacklog{0};                          //!< cloud backlog, reported + sent since
    bool m_cloudReachable{true};                       //!< no failed message to the cloud since
    std::map<uint64_t, Job> m_jobs;                    //!< compute jobs by job id
    uint64_t m_nextJob{1};                             //!< next job id
    std::map<uint32_t, DtDemandRequestHeader> m_upSeq; //!< demands sent up, by message seq
    std::map<std::pair<uint32_t, uint64_t>, uint32_t> m_upKey; //!< (origin, demand) -> seq
    uint32_t m_summaryQueueLimit{64};                          //!< summaries kept for the cloud
    std::map<uint32_t, DtRegionSummaryHeader> m_summariesSent; //!< newest sent, by message seq
    std::deque<DtRegionSummaryHeader> m_summaryQueue; //!< waiting for the cloud to be reachable
    uint64_t m_summariesDropped{0};                   //!< summaries lost to the queue limit

    TracedCallback<const DtDemandRequestHeader&> m_escalated; //!< trace: edge -> cloud
    TracedCallback<const DtDemandRequestHeader&> m_relayed;   //!< trace: cloud demand passed up
    TracedCallback<const DtDemandRequestHeader&> m_served;    //!< trace: ran at the edge
};

} // namespace ns3

#endif /* EDGE_DT_SERVICE_MODULE_H */
