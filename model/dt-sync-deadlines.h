/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SYNC_DEADLINES_H
#define DT_SYNC_DEADLINES_H

#include "dt-sync-header.h"

#include "ns3/event-id.h"

#include <cstdint>
#include <functional>
#include <map>
#include <utility>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The synchronizations a twin's host is working on, each until its latency
 * requirement: a request not applied by its deadline is aborted there (the
 * paper's "the synchronization request is aborted"), even if its work is
 * still queued. The work itself stays on the compute queue (a
 * ComputeResource does not withdraw jobs); when it finishes, Take tells the
 * host the request was already answered.
 */
class DtSyncDeadlines
{
  public:
    DtSyncDeadlines() = default;
    ~DtSyncDeadlines();
    DtSyncDeadlines(const DtSyncDeadlines&) = delete;
    DtSyncDeadlines& operator=(const DtSyncDeadlines&) = delete;

    /**
     * Follow a request until its deadline.
     * \param req the request (its terminal, sync id and deadline)
     * \param expired runs at the deadline unless Take came first
     */
    void Track(const DtSyncRequestHeader& req, std::function<void()> expired);
    /**
     * Stop following a request.
     * \param req the request
     * \return true if it was still open (its deadline has not passed)
     */
    bool Take(const DtSyncRequestHeader& req);
    /** Forget every request, cancelling their deadlines (the host stops). */
    void Clear();

  private:
    /// A request: terminal, sync id.
    using Key = std::pair<uint32_t, uint64_t>;
    std::map<Key, EventId> m_open; //!< open requests and their deadlines
};

} // namespace ns3

#endif /* DT_SYNC_DEADLINES_H */
