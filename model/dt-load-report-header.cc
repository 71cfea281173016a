/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-load-report-header.h"

#include "ns3/abort.h"

#include <cmath>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtLoadReportHeader);

TypeId
DtLoadReportHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtLoadReportHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtLoadReportHeader>();
    return tid;
}

DtMessageType
DtLoadReportHeader::GetMessageType() const
{
    return DtMessageType::LOAD_REPORT;
}

void
DtLoadReportHeader::SetLoad(double capacityGflops, double backlogGflop)
{
    NS_ABORT_MSG_IF(!(std::isfinite(capacityGflops) && capacityGflops > 0),
                    "load report capacity must be positive, got " << capacityGflops);
    NS_ABORT_MSG_IF(!(std::isfinite(backlogGflop) && backlogGflop >= 0),
                    "load report backlog must be non-negative, got " << backlogGflop);
    m_capacityGflops = capacityGflops;
    m_backlogGflop = backlogGflop;
}

void
DtLoadReportHeader::SetUpstream(double capacityGflops,
                                double backlogGflop,
                                double rateBps,
                                Time rtt)
{
    NS_ABORT_MSG_IF(!(std::isfinite(capacityGflops) && capacityGflops >= 0
                      && std::isfinite(backlogGflop) && backlogGflop >= 0 && std::isfinite(rateBps)
                      && rateBps >= 0),
                    "load report upstream values must be finite and non-negative");
    m_upstreamCapacityGflops = capacityGflops;
    m_upstreamBacklogGflop = backlogGflop;
    m_upstreamRateBps = rateBps;
    m_upstreamRttNs = DtTimeToWire(rtt);
}

Time
DtLoadReportHeader::GetUpstreamRtt() const
{
    return DtTimeFromWire(m_upstreamRttNs);
}

} // namespace ns3
