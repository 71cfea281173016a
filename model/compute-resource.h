/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef COMPUTE_RESOURCE_H
#define COMPUTE_RESOURCE_H

#include "dt-job-queue.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <map>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The processor of a DT node: Cores identical servers sharing CapacityGflops,
 * fed from a job queue (strict priority, or deficit round robin across
 * owners). A job of w GFLOP occupies one core for w / (CapacityGflops / Cores)
 * seconds. Submissions beyond MaxQueueLength waiting jobs are rejected.
 */
class ComputeResource : public Object
{
  public:
    /// How waiting jobs are ordered.
    enum Scheduler
    {
        PRIORITY = 0, //!< highest priority first, FIFO within a priority
        DRR = 1,      //!< deficit round robin across owners, weighted
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ComputeResource();
    ~ComputeResource() override;

    /**
     * Queue a job, or start it at once if a core is free.
     * \param job the job (workload > 0)
     * \return false if the queue is full and the job was rejected
     */
    bool Submit(const DtComputeJob& job);

    /**
     * Stop serving: running jobs are abandoned (their completion is never
     * reported), waiting jobs dropped, the job-done callback cleared. Used when
     * the DT that owns the resource stops.
     */
    void Stop();

    /**
     * \param owner a job owner
     * \param weight its share under the DRR scheduler, > 0
     */
    void SetOwnerWeight(uint32_t owner, double weight);

    /** \param cb called with each job when it finishes */
    void SetJobDoneCallback(Callback<void, const DtComputeJob&> cb);

    /** \return total capacity in GFLOPS */
    double GetCapacityGflops() const;
    /** \return number of cores */
    uint32_t GetCores() const;
    /** \return work waiting and still to do on running jobs, GFLOP */
    double GetBacklogGflop() const;
    /** \return number of waiting jobs */
    uint32_t GetQueueLength() const;
    /** \return number of running jobs */
    uint32_t GetBusyCores() const;
    /**
     * \param workloadGflop a job's work
     * \return its service time on one core
     */
    Time GetServiceTime(double workloadGflop) const;
    /**
     * Completion delay of a new job if it had to wait for the whole backlog,
     * shared over all cores: (backlog / cores + workload) / core capacity.
     * \param workloadGflop the new job's work
     * \return the estimate
     */
    Time EstimateCompletionDelay(double workloadGflop) const;
    /** \return total work completed, GFLOP */
    double GetCompletedGflop() const;
    /**
     * \return busy core time so far, core-seconds (the integral of the busy
     *         core count): the CPU load over [t1, t2] is its increase
     *         divided by Cores x (t2 - t1)
     */
    double GetBusyCoreSeconds() const;

    /**
     * TracedCallback signature for job events.
     * \param job the job
     * \param delay waiting time (started) or service time (finished)
     */
    typedef void (*JobTracedCallback)(const DtComputeJob& job, Time delay);

    /**
     * TracedCallback signature for rejected jobs.
     * \param job the job
     */
    typedef void (*JobRejectedTracedCallback)(const DtComputeJob& job);

  protected:
    void DoDispose() override;

  private:
    /// A job on a core.
    struct Running
    {
        DtComputeJob job; //!< the job
        Time start;       //!< service start
        Time end;         //!< service end
        EventId event;    //!< completion event
    };

    /** Start waiting jobs on free cores. */
    void StartJobs();
    /**
     * A core finished a job.
     * \param core the core index
     */
    void Finish(uint32_t core);
    /** Create the job queue for the configured scheduler (first use). */
    void EnsureQueue();
    /**
     * Mark a core busy or idle, keeping the busy time integral.
     * \param core the core index
     * \param busy its new state
     */
    void SetBusy(uint32_t core, bool busy);

    double m_capacityGflops;                                   //!< total capacity
    uint32_t m_cores;                                          //!< parallel servers
    uint32_t m_maxQueueLength;                                 //!< waiting jobs before rejection
    Scheduler m_scheduler;                                     //!< queue discipline
    double m_drrQuantumGflop;                                  //!< DRR quantum
    std::unique_ptr<DtJobQueue> m_queue;                       //!< waiting jobs
    std::vector<std::pair<uint32_t, double>> m_pendingWeights; //!< weights set before first use
    std::vector<bool> m_busy;                                  //!< per core
    std::vector<Running> m_running;                            //!< per core
    std::map<uint64_t, Time> m_waitingSince;                   //!< job id -> enqueue time
    double m_completedGflop{0};                                //!< work done
    Callback<void, const DtComputeJob&> m_done;                //!< completion callback
    double m_busyCoreSeconds{0};                               //!< busy time until m_busySince
    Time m_busySince;                                          //!< last busy count change
    TracedValue<uint32_t> m_busyCount;                         //!< busy cores

    TracedCallback<const DtComputeJob&, Time> m_jobStarted;  //!< trace: job started (wait)
    TracedCallback<const DtComputeJob&, Time> m_jobFinished; //!< trace: job done (service)
    TracedCallback<const DtComputeJob&> m_jobRejected;       //!< trace: queue full
};

} // namespace ns3

#endif /* COMPUTE_RESOURCE_H */
