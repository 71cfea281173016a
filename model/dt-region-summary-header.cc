/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-region-summary-header.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtRegionSummaryHeader);

TypeId
DtRegionSummaryHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtRegionSummaryHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtRegionSummaryHeader>();
    return tid;
}

DtMessageType
DtRegionSummaryHeader::GetMessageType() const
{
    return DtMessageType::REGION_SUMMARY;
}

void
DtRegionSummaryHeader::SetWindow(Time start, Time end)
{
    NS_ABORT_MSG_IF(end < start,
                    "region summary window ends (" << end << ") before it starts (" << start
                                                   << ")");
    m_windowStartNs = DtTimeToWire(start);
    m_windowEndNs = DtTimeToWire(end);
}

Time
DtRegionSummaryHeader::GetWindowStart() const
{
    return DtTimeFromWire(m_windowStartNs);
}

Time
DtRegionSummaryHeader::GetWindowEnd() const
{
    return DtTimeFromWire(m_windowEndNs);
}

void
DtRegionSummaryHeader::SetStatistics(std::vector<double> mean, std::vector<double> covariance)
{
    NS_ABORT_MSG_IF(mean.size() > MAX_DIMENSION,
                    "region summary dimension " << mean.size() << " exceeds " << MAX_DIMENSION);
    NS_ABORT_MSG_IF(covariance.size() != TriangleSize(mean.size()),
                    "region covariance needs " << TriangleSize(mean.size()) << " values, got "
                                               << covariance.size());
    NS_ABORT_MSG_IF(!DtAllFinite(mean) || !DtAllFinite(covariance),
                    "region statistics must be finite");
    m_mean = std::move(mean);
    m_covariance = std::move(covariance);
}

void
DtRegionSummaryHeader::SetAnomalies(std::vector<uint32_t> ids)
{
    NS_ABORT_MSG_IF(ids.size() > MAX_ANOMALIES,
                    ids.size() << " anomalies exceed the limit of " << MAX_ANOMALIES);
    m_anomalies = std::move(ids);
}

} // namespace ns3
