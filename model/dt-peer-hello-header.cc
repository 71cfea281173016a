/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-peer-hello-header.h"

#include "ns3/abort.h"

#include <cmath>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtPeerHelloHeader);

TypeId
DtPeerHelloHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtPeerHelloHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtPeerHelloHeader>();
    return tid;
}

DtMessageType
DtPeerHelloHeader::GetMessageType() const
{
    return DtMessageType::PEER_HELLO;
}

void
DtPeerHelloHeader::SetCapacityGflops(double gflops)
{
    NS_ABORT_MSG_IF(!(std::isfinite(gflops) && gflops >= 0),
                    "peer capacity must be a finite non-negative GFLOPS value, got " << gflops);
    m_capacityGflops = gflops;
}

} // namespace ns3
