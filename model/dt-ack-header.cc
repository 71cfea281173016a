/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-ack-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAckHeader);

TypeId
DtAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAckHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAckHeader>();
    return tid;
}

DtMessageType
DtAckHeader::GetMessageType() const
{
    return DtMessageType::ACK;
}

} // namespace ns3
