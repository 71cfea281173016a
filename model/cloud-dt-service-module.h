/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CLOUD_DT_SERVICE_MODULE_H
#define CLOUD_DT_SERVICE_MODULE_H

#include "dt-application.h"
#include "dt-demand-header.h"

#include "ns3/callback.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class DtLoadReportHeader;

/**
 * \ingroup multilayer-dt
 * What a registered cloud service decides for one demand.
 */
struct DtServiceResult
{
    bool accept{true};       //!< false: the demand fails (reason unknown-service)
    double workloadGflop{0}; //!< work to run on the cloud's compute resource (> 0)
    uint32_t outputBytes{0}; //!< size of the result sent back
};

/**
 * \ingroup multilayer-dt
 * Service module of the cloud DT.
 *
 * Runs the demands that reach the cloud on its ComputeResource and answers
 * the DT that sent them (the edge DT, which relays the result, or in the
 * centralized architecture the terminal itself). Processing raw terminal
 * samples (centralized twins) costs SampleProcessingGflop per sample.
 *
 * Open service interface: RegisterService binds a demand class to a named
 * service, a callback that decides each demand's work and result size (or
 * refuses it); demands of classes without a service run their own workload,
 * unless RequireService is set.
 */
class CloudDtServiceModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CloudDtServiceModule();
    ~CloudDtServiceModule() override;

    /// A service: decides the work and result of a demand.
    typedef Callback<DtServiceResult, const DtDemandRequestHeader&> ServiceCallback;

    /**
     * Register a named service for a demand class (replaces any previous one).
     * \param demandClass the class index
     * \param name the service name (for outputs)
     * \param service the service
     */
    void RegisterService(uint8_t demandClass, const std::string& name, ServiceCallback service);

    /**
     * \param name a service name
     * \return how many demands the service was invoked for
     */
    uint64_t GetInvocations(const std::string& name) const;

    /** \param app the cloud DT this module belongs to */
    void Start(Ptr<DtApplication> app);

    /**
     * A demand arrived.
     * \param header its DT header (the sender gets the result)
     * \param req the demand
     */
    void HandleRequest(const DtHeader& header, const DtDemandRequestHeader& req);

    /**
     * Queue the processing of raw samples of a centralized twin.
     * \param terminal the terminal
     * \param samples raw samples in the update
     */
    void SubmitSampleProcessing(uint32_t terminal, uint32_t samples);
    /**
     * Queue the work of applying one synchronization to a twin the cloud
     * holds (SyncGflop); \p applied runs when it is done, at once if
     * SyncGflop is 0, never if the compute resource rejects the work or
     * stops first (the request is then lost).
     * \param terminal the terminal
     * \param applied what to do when the work is done
     * \return false if the compute resource rejected the work
     */
    bool SubmitSync(uint32_t terminal, std::function<void()> applied);

    /**
     * Demand work that arrived from each sender since the last call.
     * \return GFLOP by sender DT id (senders without work are absent)
     */
    std::map<uint32_t, double> TakeArrivedWork();

    /**
     * Demands served since the last call, as (workload GFLOP, seconds from
     * arrival at the cloud to completion): training data of the delay model.
     * \return the samples
     */
    std::vector<std::pair<double, double>> TakeServedSamples();

    /** \param report filled with the cloud's load */
    void FillLoadReport(DtLoadReportHeader& report) const;

    /**
     * TracedCallback signature for demands served by the cloud.
     * \param req the demand
     */
    typedef void (*DemandRequestTracedCallback)(const DtDemandRequestHeader& req);

  protected:
    void DoDispose() override;

  private:
    /// A compute job and whom to answer.
    struct Job
    {
        DtDemandRequestHeader req;     //!< the demand
        uint32_t replyTo{0};           //!< DT that sent it
        uint32_t outputBytes{0};       //!< result size
        bool processing{false};        //!< raw-sample processing, not a demand
        std::function<void()> applied; //!< a synchronization: apply it when done
        Time arrived;                  //!< when the demand reached the cloud
    };

    /**
     * \param job a finished job
     */
    void JobDone(const DtComputeJob& job);
    /**
     * Answer the sender of a demand.
     * \param job the job
     * \param reason NONE if completed
     */
    void Respond(const Job& job, DtFailureReason reason);

    /// A registered service.
    struct Service
    {
        std::string name;         //!< its name
        ServiceCallback callback; //!< its decision
    };

    Ptr<DtApplication> m_app;                               //!< owner
    bool m_requireService;                                  //!< refuse classes without a service
    double m_sampleGflop;                                   //!< work per raw sample
    double m_syncGflop;                                     //!< work per synchronization
    std::map<uint8_t, Service> m_services;                  //!< services by class
    std::map<std::string, uint64_t> m_invoked;              //!< invocations by service name
    std::map<uint64_t, Job> m_jobs;                         //!< jobs by id
    uint64_t m_nextJob{1};                                  //!< next job id
    std::map<uint32_t, double> m_arrived;                   //!< work arrived by sender
    std::vector<std::pair<double, double>> m_servedSamples; //!< (work, delay) since last taken

    TracedCallback<const DtDemandRequestHeader&> m_served; //!< trace: demand done
};

} // namespace ns3

#endif /* CLOUD_DT_SERVICE_MODULE_H */
