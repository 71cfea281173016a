/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_JOB_QUEUE_H
#define DT_JOB_QUEUE_H

#include <cstdint>
#include <deque>
#include <map>
#include <set>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * A unit of work for a ComputeResource.
 */
struct DtComputeJob
{
    uint64_t id{0};          //!< caller's id, reported back on completion
    double workloadGflop{0}; //!< work, > 0
    uint8_t priority{0};     //!< 0 (lowest) .. 7
    uint32_t owner{0};       //!< who the work is for (fairness across owners)
    uint64_t demandId{0};    //!< the demand it runs (0: not a demand)
    uint32_t origin{0};      //!< the terminal that created that demand
};

/**
 * \ingroup multilayer-dt
 * Priority of the work of applying a synchronization to a twin: the twin's
 * upkeep waits for the job running on a core but goes before waiting demands
 * (demand classes have 0..7; the same 7 shares first-come first-served).
 */
constexpr uint8_t DT_SYNC_JOB_PRIORITY = 7;

/**
 * \ingroup multilayer-dt
 * The waiting room of a ComputeResource: decides which job runs next.
 */
class DtJobQueue
{
  public:
    virtual ~DtJobQueue() = default;
    /** \param job a job to queue */
    virtual void Enqueue(const DtComputeJob& job) = 0;
    /**
     * Remove the job that should run next. Must not be called when empty.
     * \return the job
     */
    virtual DtComputeJob Dequeue() = 0;
    /** \return number of queued jobs */
    virtual uint32_t GetLength() const = 0;
    /** \return total work queued, GFLOP */
    double GetBacklogGflop() const
    {
        return m_backlog;
    }

  protected:
    double m_backlog{0}; //!< total queued work
};

/**
 * \ingroup multilayer-dt
 * Strict priority: the highest priority first, first come first served within
 * a priority.
 */
class DtPriorityJobQueue : public DtJobQueue
{
  public:
    /** \return the job Dequeue would return next (must not be empty) */
    const DtComputeJob& Peek() const;
    void Enqueue(const DtComputeJob& job) override;
    DtComputeJob Dequeue() override;
    uint32_t GetLength() const override;

  private:
    /// Ordering key: higher priority first, then arrival order.
    using Key = std::pair<int, uint64_t>;
    std::map<Key, DtComputeJob> m_jobs; //!< queued jobs
    uint64_t m_arrivals{0};             //!< arrival counter
};

/**
 * \ingroup multilayer-dt
 * Deficit round robin across owners (Shreedhar and Varghese), with the job
 * workload as the packet size: an owner with weight w receives w quanta of
 * work per round, so backlogged owners share the resource in proportion to
 * their weights, whatever their job sizes. Within an owner, strict priority.
 */
class DtDrrJobQueue : public DtJobQueue
{
  public:
    /**
     * \param quantumGflop work credited to a weight-1 owner per round, > 0
     */
    explicit DtDrrJobQueue(double quantumGflop);

    /**
     * \param owner an owner
     * \param weight its share weight, > 0 (default 1)
     */
    void SetWeight(uint32_t owner, double weight);

    void Enqueue(const DtComputeJob& job) override;
    DtComputeJob Dequeue() override;
    uint32_t GetLength() const override;

  private:
    /// Per-owner state.
    struct Flow
    {
        DtPriorityJobQueue jobs; //!< this owner's queue
        double deficit{0};       //!< unused credit, GFLOP
    };

    double m_quantum;                    //!< credit per round per unit weight
    std::map<uint32_t, double> m_weight; //!< owner weights
    std::map<uint32_t, Flow> m_flows;    //!< owners with queued work
    std::deque<uint32_t> m_active;       //!< round-robin order of m_flows
    uint32_t m_length{0};                //!< queued jobs
};

} // namespace ns3

#endif /* DT_JOB_QUEUE_H */
