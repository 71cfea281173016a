/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-agent-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAgentJoinHeader);
NS_OBJECT_ENSURE_REGISTERED(DtAgentLeaveHeader);

TypeId
DtAgentJoinHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAgentJoinHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAgentJoinHeader>();
    return tid;
}

DtMessageType
DtAgentJoinHeader::GetMessageType() const
{
    return DtMessageType::AGENT_JOIN;
}

TypeId
DtAgentLeaveHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAgentLeaveHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAgentLeaveHeader>();
    return tid;
}

DtMessageType
DtAgentLeaveHeader::GetMessageType() const
{
    return DtMessageType::AGENT_LEAVE;
}

} // namespace ns3
