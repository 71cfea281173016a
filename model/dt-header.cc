/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtHeader");

NS_OBJECT_ENSURE_REGISTERED(DtHeader);

const char*
DtMessageTypeName(DtMessageType type)
{
    switch (type)
    {
        case DtMessageType::STATUS_UPDATE:
            return "STATUS_UPDATE";
        case DtMessageType::DEMAND_REQUEST:
            return "DEMAND_REQUEST";
        case DtMessageType::DEMAND_RESPONSE:
            return "DEMAND_RESPONSE";
        case DtMessageType::REGION_SUMMARY:
            return "REGION_SUMMARY";
        case DtMessageType::MODEL_UPDATE:
            return "MODEL_UPDATE";
        case DtMessageType::AGENT_JOIN:
            return "AGENT_JOIN";
        case DtMessageType::AGENT_LEAVE:
            return "AGENT_LEAVE";
        case DtMessageType::MIGRATION_REQUEST:
            return "MIGRATION_REQUEST";
        case DtMessageType::MIGRATION_STATE:
            return "MIGRATION_STATE";
        case DtMessageType::MIGRATION_ACK:
            return "MIGRATION_ACK";
        case DtMessageType::SYNC_REQUEST:
            return "SYNC_REQUEST";
        case DtMessageType::SYNC_ACK:
            return "SYNC_ACK";
        case DtMessageType::PEER_HELLO:
            return "PEER_HELLO";
        case DtMessageType::PEER_DEMAND:
            return "PEER_DEMAND";
        case DtMessageType::ACK:
            return "ACK";
        case DtMessageType::LOAD_REPORT:
            return "LOAD_REPORT";
        case DtMessageType::AGENT_MESSAGE:
            return "AGENT_MESSAGE";
    }
    return "UNKNOWN";
}

bool
IsValidDtMessageType(uint8_t raw)
{
    return raw >= 1 && raw <= static_cast<uint8_t>(DT_MESSAGE_TYPE_MAX);
}

std::ostream&
operator<<(std::ostream& os, DtMessageType type)
{
    return os << DtMessageTypeName(type);
}

uint64_t
DtTimeToWire(Time t)
{
    NS_ABORT_MSG_IF(t.IsStrictlyNegative(), "DT protocol times are non-negative, got " << t);
    return static_cast<uint64_t>(t.GetNanoSeconds());
}

Time
DtTimeFromWire(uint64_t ns)
{
    NS_ABORT_MSG_IF(ns > DtHeader::MAX_TIMESTAMP_NS, "DT wire time out of range: " << ns);
    return NanoSeconds(static_cast<int64_t>(ns));
}

DtHeader::DtHeader()
    : m_type(static_cast<uint8_t>(DtMessageType::STATUS_UPDATE))
{
}

TypeId
DtHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtHeader")
                            .SetParent<Header>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtHeader>();
    return tid;
}

void
DtHeader::SetMessageType(DtMessageType type)
{
    m_type = static_cast<uint8_t>(type);
}

DtMessageType
DtHeader::GetMessageType() const
{
    return static_cast<DtMessageType>(m_type);
}

void
DtHeader::SetFlags(uint16_t flags)
{
    NS_ABORT_MSG_IF((flags & ~FLAGS_DEFINED) != 0,
                    "DtHeader::SetFlags: undefined flag bits 0x" << std::hex << flags);
    m_flags = flags;
}

uint16_t
DtHeader::GetFlags() const
{
    return m_flags;
}

bool
DtHeader::HasFlag(Flag flag) const
{
    return (m_flags & flag) != 0;
}

void
DtHeader::SetSource(uint32_t id)
{
    m_source = id;
}

uint32_t
DtHeader::GetSource() const
{
    return m_source;
}

void
DtHeader::SetDestination(uint32_t id)
{
    m_destination = id;
}

uint32_t
DtHeader::GetDestination() const
{
    return m_destination;
}

void
DtHeader::SetSequence(uint32_t seq)
{
    m_sequence = seq;
}

uint32_t
DtHeader::GetSequence() const
{
    return m_sequence;
}

void
DtHeader::SetPayloadLength(uint32_t length)
{
    NS_ABORT_MSG_IF(length > MAX_PAYLOAD_LENGTH,
                    "DtHeader::SetPayloadLength: " << length << " bytes exceeds the limit of "
                                                   << MAX_PAYLOAD_LENGTH);
    m_payloadLength = length;
}

uint32_t
DtHeader::GetPayloadLength() const
{
    return m_payloadLength;
}

void
DtHeader::SetTimestamp(Time t)
{
    m_timestampNs = DtTimeToWire(t);
}

Time
DtHeader::GetTimestamp() const
{
    return DtTimeFromWire(m_timestampNs);
}

} // namespace ns3
