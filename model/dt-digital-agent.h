/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DIGITAL_AGENT_H
#define DT_DIGITAL_AGENT_H

#include "dt-status-update-header.h"

#include "ns3/nstime.h"

#include <array>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The twin of one terminal held by an edge DT: its digital agent.
 *
 * Its state is what a migration transfers: the identity and counters, the
 * latest status update, the mirror of each source's latest sample and the
 * history of the status updates of the last AgentHistory (the twin's recent
 * trajectory, as received), and the size of the twin's model (modelBytes:
 * what the twin computes with, whose bytes a full migration or a pre-copy
 * carries after the record). Serialize gives the record as bytes, and
 * Deserialize restores it, validating every length and field.
 */
struct DtDigitalAgent
{
    uint32_t terminal{0};       //!< DT id of the terminal
    uint32_t servingCell{0};    //!< its serving cell / AP
    uint32_t modelVersion{0};   //!< model version its local DT runs
    Time joined;                //!< when it joined this edge
    Time lastUpdate;            //!< when its state was last updated
    Time lastSampleTime;        //!< send time of the last status update applied
    uint64_t updates{0};        //!< status updates applied
    uint32_t modelBytes{0};     //!< size of the twin's model and state beyond this record (its
                                //!< content is not simulated: a migration sends this many bytes)
    DtStatusUpdateHeader state; //!< latest state
    std::array<std::vector<double>, 5> mirror; //!< latest decoded sample of each DtSource (index
                                               //!< source - 1; empty: none received; NaN: a
                                               //!< measurement missing from a RAW sample)
    std::deque<std::pair<Time, DtStatusUpdateHeader>>
        history;           //!< recent status updates (send time, update), oldest first
    Time freshest;         //!< generation time of the freshest state received
    Time aoiSince{-1};     //!< start of the age-of-information integral (negative: none)
    Time aoiLast;          //!< end of the integral so far
    double aoiIntegral{0}; //!< integral of the age over [aoiSince, aoiLast], s^2

    /**
     * A state generated at a given time reached the twin: integrate the age
     * of information up to now and keep the fresher generation time.
     * \param generated when the state was generated at the terminal
     */
    void Refresh(Time generated);
    /**
     * Integrate the age of information up to now.
     * \param now the current time
     */
    void IntegrateAge(Time now);

    /**
     * Record a status update in the history and drop what is older than
     * the horizon.
     * \param update the status update
     * \param sentAt when the terminal sent it
     * \param horizon how much history to keep
     */
    void Remember(const DtStatusUpdateHeader& update, Time sentAt, Time horizon);

    /**
     * \param historyAfter only the history sent after this time goes in
     *        (a delta after a pre-copy); by default all of it
     * \return the agent's state as bytes (what a migration transfers)
     */
    std::vector<uint8_t> Serialize(Time historyAfter = Time::Min()) const;

    /**
     * Complete a delta (Serialize with historyAfter) with the history an
     * earlier copy of the same agent holds: the copy's entries older than
     * the delta's first one go in front.
     * \param copy the earlier copy (a pre-copy)
     */
    void PrependHistory(const DtDigitalAgent& copy);

    /**
     * Restore an agent from Serialize's bytes.
     * \param bytes the state
     * \param agent the restored agent (unchanged on failure)
     * \return false if the bytes are not a valid agent state
     */
    static bool Deserialize(const std::vector<uint8_t>& bytes, DtDigitalAgent& agent);
};

} // namespace ns3

#endif /* DT_DIGITAL_AGENT_H */
