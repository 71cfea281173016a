/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-agent-message-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAgentMessageHeader);

TypeId
DtAgentMessageHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAgentMessageHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAgentMessageHeader>();
    return tid;
}

DtMessageType
DtAgentMessageHeader::GetMessageType() const
{
    return DtMessageType::AGENT_MESSAGE;
}

void
DtAgentMessageHeader::SetSentAt(Time t)
{
    m_sentAtNs = DtTimeToWire(t);
}

Time
DtAgentMessageHeader::GetSentAt() const
{
    return DtTimeFromWire(m_sentAtNs);
}

} // namespace ns3
