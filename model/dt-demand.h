/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DEMAND_H
#define DT_DEMAND_H

#include "dt-demand-header.h"

#include "ns3/nstime.h"

#include <string>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Lifecycle state of a demand at its origin terminal. Every demand ends in
 * exactly one of the three final states.
 */
enum class DtDemandState : uint8_t
{
    PENDING = 0,               //!< created, no final outcome yet
    COMPLETED_IN_DEADLINE = 1, //!< result back at the terminal by the deadline
    COMPLETED_LATE = 2,        //!< result back after the deadline
    FAILED = 3,                //!< no result; see the failure reason
};

/**
 * \ingroup multilayer-dt
 * \param state a demand state
 * \return its lower-case name, e.g. "completed_in_deadline"
 */
const char* DtDemandStateName(DtDemandState state);

/**
 * \ingroup multilayer-dt
 * A demand as its origin local DT tracks it, from creation to its final state.
 */
struct DtDemand
{
    uint64_t id{0};                                //!< unique per origin terminal
    uint32_t origin{0};                            //!< DT id of the terminal
    uint8_t demandClass{0};                        //!< index into the class list
    uint8_t priority{0};                           //!< 0 (lowest) .. 7
    double workloadGflop{0};                       //!< compute work
    uint32_t inputBytes{0};                        //!< data sent with the demand
    uint32_t outputBytes{0};                       //!< result data
    Time created;                                  //!< creation time
    Time deadline;                                 //!< absolute deadline
    DtTier tier{DtTier::LOCAL};                    //!< tier chosen at the terminal
    DtTier executedTier{DtTier::LOCAL};            //!< tier that ran it
    uint8_t hops{0};                               //!< DT-level forwarding hops
    uint8_t retries{0};                            //!< times run again after its DT was lost
    DtDemandState state{DtDemandState::PENDING};   //!< lifecycle state
    DtFailureReason reason{DtFailureReason::NONE}; //!< why it failed
    Time finished;                                 //!< when it reached its final state

    /** \return finished - created (meaningful once final) */
    Time GetLatency() const
    {
        return finished - created;
    }
};

} // namespace ns3

#endif /* DT_DEMAND_H */
