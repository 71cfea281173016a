/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_REGION_SUMMARY_HEADER_H
#define DT_REGION_SUMMARY_HEADER_H

#include "dt-payload.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * REGION_SUMMARY payload: what an edge DT tells the cloud DT about its region
 * instead of forwarding raw terminal data.
 *
 * Layout: agentCount u32, statusUpdates u32, windowStartNs u64, windowEndNs
 * u64 (>= start), mean: u32 count d + d f64 (d <= MAX_DIMENSION), covariance:
 * u32 count + d(d+1)/2 f64 (upper triangle, row-major), anomalies: u32 count +
 * u32 DT ids of the terminals flagged in the window (<= MAX_ANOMALIES).
 */
class DtRegionSummaryHeader : public DtWireChunk<DtRegionSummaryHeader, DtPayload>
{
  public:
    static constexpr uint32_t MAX_DIMENSION = 64;    //!< features per terminal state
    static constexpr uint32_t MAX_ANOMALIES = 65536; //!< flagged terminals per summary

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param d a dimension
     * \return the number of values in the upper triangle of a d x d matrix
     */
    static constexpr uint32_t TriangleSize(uint32_t d)
    {
        return d * (d + 1) / 2;
    }

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the payload
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.U32("agentCount", h.m_agentCount);
        v.U32("statusUpdates", h.m_statusUpdates);
        v.U64("windowStartNs", h.m_windowStartNs);
        v.U64("windowEndNs", h.m_windowEndNs);
        v.Require("windowEndNs",
                  h.m_windowEndNs >= h.m_windowStartNs
                      && h.m_windowEndNs <= DtHeader::MAX_TIMESTAMP_NS,
                  DtParseError::BAD_FIELD);
        v.DoubleArray("mean", h.m_mean, MAX_DIMENSION);
        v.DoubleArray("covariance", h.m_covariance, TriangleSize(MAX_DIMENSION));
        v.Require("covariance",
                  h.m_covariance.size() == TriangleSize(h.m_mean.size()),
                  DtParseError::BAD_FIELD);
        v.U32Array("anomalies", h.m_anomalies, MAX_ANOMALIES);
    }

    DtMessageType GetMessageType() const override;

    /** \param n terminals (agents) attached to the edge */
    void SetAgentCount(uint32_t n)
    {
        m_agentCount = n;
    }

    /** \return terminals (agents) attached to the edge */
    uint32_t GetAgentCount() const
    {
        return m_agentCount;
    }

    /** \param n status updates aggregated in the window */
    void SetStatusUpdates(uint32_t n)
    {
        m_statusUpdates = n;
    }

    /** \return status updates aggregated in the window */
    uint32_t GetStatusUpdates() const
    {
        return m_statusUpdates;
    }

    /**
     * \param start window start
     * \param end window end, not before start
     */
    void SetWindow(Time start, Time end);
    /** \return window start */
    Time GetWindowStart() const;
    /** \return window end */
    Time GetWindowEnd() const;

    /**
     * \param mean region mean of d features (d <= MAX_DIMENSION)
     * \param covariance upper triangle of the d x d covariance, TriangleSize(d) values
     */
    void SetStatistics(std::vector<double> mean, std::vector<double> covariance);

    /** \return region mean */
    const std::vector<double>& GetMean() const
    {
        return m_mean;
    }

    /** \return upper triangle of the region covariance */
    const std::vector<double>& GetCovariance() const
    {
        return m_covariance;
    }

    /** \param ids DT ids of the terminals flagged as anomalous */
    void SetAnomalies(std::vector<uint32_t> ids);

    /** \return DT ids of the terminals flagged as anomalous */
    const std::vector<uint32_t>& GetAnomalies() const
    {
        return m_anomalies;
    }

  private:
    uint32_t m_agentCount{0};          //!< attached agents
    uint32_t m_statusUpdates{0};       //!< updates in the window
    uint64_t m_windowStartNs{0};       //!< window start
    uint64_t m_windowEndNs{0};         //!< window end
    std::vector<double> m_mean;        //!< feature means
    std::vector<double> m_covariance;  //!< covariance upper triangle
    std::vector<uint32_t> m_anomalies; //!< flagged terminals
};

} // namespace ns3

#endif /* DT_REGION_SUMMARY_HEADER_H */
