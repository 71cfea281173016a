/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_LOAD_REPORT_HEADER_H
#define DT_LOAD_REPORT_HEADER_H

#include "dt-payload.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * LOAD_REPORT payload: a DT tells the DTs below it how loaded it is, so they
 * can estimate the completion time of a demand sent up (tier classification).
 *
 * Capacities are those of one core of the reporting DT's ComputeResource and
 * backlogs the queued work per core, so that (backlog + w) / capacity
 * estimates the completion delay of a new demand of w GFLOP.
 *
 * Layout: capacityGflops f64 (> 0), backlogGflop f64 (>= 0),
 * upstreamCapacityGflops f64 (>= 0, 0: no upstream), upstreamBacklogGflop f64
 * (>= 0), upstreamRateBps f64 (>= 0), upstreamRttNs u64; 48 bytes.
 * An edge DT reports itself and, as upstream, the cloud DT as it last heard of it.
 */
class DtLoadReportHeader : public DtWireChunk<DtLoadReportHeader, DtPayload>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the payload
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.Double("capacityGflops", h.m_capacityGflops);
        v.Require("capacityGflops", h.m_capacityGflops > 0, DtParseError::BAD_FIELD);
        v.Double("backlogGflop", h.m_backlogGflop);
        v.Require("backlogGflop", h.m_backlogGflop >= 0, DtParseError::BAD_FIELD);
        v.Double("upstreamCapacityGflops", h.m_upstreamCapacityGflops);
        v.Require(
            "upstreamCapacityGflops", h.m_upstreamCapacityGflops >= 0, DtParseError::BAD_FIELD);
        v.Double("upstreamBacklogGflop", h.m_upstreamBacklogGflop);
        v.Require("upstreamBacklogGflop", h.m_upstreamBacklogGflop >= 0, DtParseError::BAD_FIELD);
        v.Double("upstreamRateBps", h.m_upstreamRateBps);
        v.Require("upstreamRateBps", h.m_upstreamRateBps >= 0, DtParseError::BAD_FIELD);
        v.U64("upstreamRttNs", h.m_upstreamRttNs);
        v.Require("upstreamRttNs",
                  h.m_upstreamRttNs <= DtHeader::MAX_TIMESTAMP_NS,
                  DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;

    /**
     * \param capacityGflops the reporting DT's compute capacity, > 0
     * \param backlogGflop work queued or running there, >= 0
     */
    void SetLoad(double capacityGflops, double backlogGflop);

    /** \return the reporting DT's compute capacity */
    double GetCapacityGflops() const
    {
        return m_capacityGflops;
    }

    /** \return work queued or running at the reporting DT */
    double GetBacklogGflop() const
    {
        return m_backlogGflop;
    }

    /**
     * \param capacityGflops compute capacity of the next tier up (0: none)
     * \param backlogGflop its backlog as last reported
     * \param rateBps data rate of the link towards it
     * \param rtt round-trip time towards it
     */
    void SetUpstream(double capacityGflops, double backlogGflop, double rateBps, Time rtt);

    /** \return compute capacity of the next tier up (0: none) */
    double GetUpstreamCapacityGflops() const
    {
        return m_upstreamCapacityGflops;
    }

    /** \return backlog of the next tier up */
    double GetUpstreamBacklogGflop() const
    {
        return m_upstreamBacklogGflop;
    }

    /** \return data rate towards the next tier up */
    double GetUpstreamRateBps() const
    {
        return m_upstreamRateBps;
    }

    /** \return round-trip time towards the next tier up */
    Time GetUpstreamRtt() const;

  private:
    double m_capacityGflops{1.0};       //!< own capacity
    double m_backlogGflop{0};           //!< own backlog
    double m_upstreamCapacityGflops{0}; //!< upstream capacity
    double m_upstreamBacklogGflop{0};   //!< upstream backlog
    double m_upstreamRateBps{0};        //!< upstream link rate
    uint64_t m_upstreamRttNs{0};        //!< upstream RTT
};

} // namespace ns3

#endif /* DT_LOAD_REPORT_HEADER_H */
