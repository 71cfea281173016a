/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_HANDOVER_WINDOWS_H
#define DT_HANDOVER_WINDOWS_H

#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * One handover a local DT detected, and how long its twin took to serve it
 * again.
 */
struct DtHandoverWindow
{
    uint32_t terminal{0}; //!< the terminal
    Time at;              //!< when its local DT detected the new cell
    uint32_t fromCell{0}; //!< cell left
    uint32_t toCell{0};   //!< cell entered
    uint32_t fromEdge{0}; //!< edge DT before
    uint32_t toEdge{0};   //!< edge DT after
    Time served;          //!< the twin applied a state generated after it (< 0: not yet, never)
    uint32_t failed{0};   //!< synchronizations of the terminal that failed in between
};

/**
 * \ingroup multilayer-dt
 * The served handover windows of a run, summed up.
 */
struct DtHandoverWindowSummary
{
    uint64_t served{0};   //!< windows that closed (the twin served again)
    double meanMs{-1};    //!< their mean length, ms (-1: none)
    uint64_t failures{0}; //!< synchronizations that failed inside them
};

/**
 * \ingroup multilayer-dt
 * The window of each handover: from the handover, as the terminal's local DT
 * detected it, until the twin serves again, that is until it applies a
 * synchronization generated at or after the handover (wherever the twin is
 * then: moved by the migration policy, or left where it was). It charges
 * each policy with what it costs: a twin that migrates answers "migrating"
 * meanwhile, one left behind may be slow to reach; the failures in between
 * are counted. The window also holds the wait for the terminal's next
 * request (on average SyncSlot / SyncProbability), the same for every
 * policy. A handover detected before the previous one's window closed
 * leaves that one unserved.
 */
class DtHandoverWindows
{
  public:
    /**
     * A local DT detected a handover (its HandoverDetected trace).
     * \param terminal the terminal
     * \param fromCell cell left
     * \param toCell cell entered
     * \param fromEdge edge DT before
     * \param toEdge edge DT after
     */
    void Handover(
        uint32_t terminal, uint32_t fromCell, uint32_t toCell, uint32_t fromEdge, uint32_t toEdge);
    /**
     * A synchronization of a terminal ended.
     * \param terminal the terminal
     * \param ok true if the twin applied it
     * \param twinUpdated when it did (ok only)
     * \param generated when the terminal generated the state (negative: unknown)
     */
    void SyncEnded(uint32_t terminal, bool ok, Time twinUpdated, Time generated);
    /** \return every handover, in detection order */
    const std::vector<DtHandoverWindow>& GetWindows() const;
    /**
     * \param windows handover windows
     * \return what the served ones add up to
     */
    static DtHandoverWindowSummary Summarize(const std::vector<DtHandoverWindow>& windows);

  private:
    std::vector<DtHandoverWindow> m_windows; //!< every handover
    std::map<uint32_t, size_t> m_open;       //!< terminal -> its open window
};

} // namespace ns3

#endif /* DT_HANDOVER_WINDOWS_H */
