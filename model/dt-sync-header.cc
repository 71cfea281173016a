/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-sync-header.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtSyncRequestHeader);
NS_OBJECT_ENSURE_REGISTERED(DtSyncAckHeader);

TypeId
DtSyncRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtSyncRequestHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtSyncRequestHeader>();
    return tid;
}

DtMessageType
DtSyncRequestHeader::GetMessageType() const
{
    return DtMessageType::SYNC_REQUEST;
}

void
DtSyncRequestHeader::SetTimes(Time generated, Time deadline)
{
    NS_ABORT_MSG_IF(deadline < generated,
                    "sync deadline " << deadline << " is before the state's time " << generated);
    m_generatedNs = DtTimeToWire(generated);
    m_deadlineNs = DtTimeToWire(deadline);
}

Time
DtSyncRequestHeader::GetGenerated() const
{
    return DtTimeFromWire(m_generatedNs);
}

Time
DtSyncRequestHeader::GetDeadline() const
{
    return DtTimeFromWire(m_deadlineNs);
}

void
DtSyncRequestHeader::SetState(std::vector<uint8_t> state)
{
    NS_ABORT_MSG_IF(state.size() > DtPayload::MAX_BLOB,
                    "sync state of " << state.size() << " bytes exceeds " << DtPayload::MAX_BLOB);
    m_state = std::move(state);
}

TypeId
DtSyncAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtSyncAckHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtSyncAckHeader>();
    return tid;
}

DtMessageType
DtSyncAckHeader::GetMessageType() const
{
    return DtMessageType::SYNC_ACK;
}

DtSyncAckHeader
DtSyncAckHeader::Answer(const DtSyncRequestHeader& req, DtSyncStatus status)
{
    DtSyncAckHeader ack;
    ack.SetSyncId(req.GetSyncId());
    ack.SetTerminal(req.GetTerminal());
    ack.SetStatus(status);
    if (status == DtSyncStatus::OK || status == DtSyncStatus::LATE)
    {
        ack.SetTwinUpdated(Simulator::Now());
    }
    return ack;
}

void
DtSyncAckHeader::SetTwinUpdated(Time t)
{
    m_twinUpdatedNs = DtTimeToWire(t);
}

Time
DtSyncAckHeader::GetTwinUpdated() const
{
    return DtTimeFromWire(m_twinUpdatedNs);
}

} // namespace ns3
