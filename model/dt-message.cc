/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-message.h"

#include "dt-ack-header.h"
#include "dt-bulk-tag.h"
#include "dt-agent-header.h"
#include "dt-agent-message-header.h"
#include "dt-demand-header.h"
#include "dt-load-report-header.h"
#include "dt-migration-header.h"
#include "dt-model-update-header.h"
#include "dt-peer-hello-header.h"
#include "dt-region-summary-header.h"
#include "dt-status-update-header.h"
#include "dt-sync-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtMessage");

std::ostream&
operator<<(std::ostream& os, const DtParseResult& result)
{
    os << result.error;
    if (!result.Ok())
    {
        os << " (" << result.field << ")";
    }
    return os;
}

DtMessage::DtMessage() = default;
DtMessage::~DtMessage() = default;
DtMessage::DtMessage(DtMessage&&) noexcept = default;
DtMessage& DtMessage::operator=(DtMessage&&) noexcept = default;

DtMessage::DtMessage(const DtHeader& header, std::unique_ptr<DtPayload> payload)
    : m_header(header)
    , m_payload(std::move(payload))
{
}

std::unique_ptr<DtPayload>
DtMessage::CreatePayload(DtMessageType type)
{
    switch (type)
    {
        case DtMessageType::STATUS_UPDATE:
            return std::make_unique<DtStatusUpdateHeader>();
        case DtMessageType::DEMAND_REQUEST:
            return std::make_unique<DtDemandRequestHeader>();
        case DtMessageType::DEMAND_RESPONSE:
            return std::make_unique<DtDemandResponseHeader>();
        case DtMessageType::REGION_SUMMARY:
            return std::make_unique<DtRegionSummaryHeader>();
        case DtMessageType::MODEL_UPDATE:
            return std::make_unique<DtModelUpdateHeader>();
        case DtMessageType::AGENT_JOIN:
            return std::make_unique<DtAgentJoinHeader>();
        case DtMessageType::AGENT_LEAVE:
            return std::make_unique<DtAgentLeaveHeader>();
        case DtMessageType::MIGRATION_REQUEST:
            return std::make_unique<DtMigrationRequestHeader>();
        case DtMessageType::MIGRATION_STATE:
            return std::make_unique<DtMigrationStateHeader>();
        case DtMessageType::MIGRATION_ACK:
            return std::make_unique<DtMigrationAckHeader>();
        case DtMessageType::SYNC_REQUEST:
            return std::make_unique<DtSyncRequestHeader>();
        case DtMessageType::SYNC_ACK:
            return std::make_unique<DtSyncAckHeader>();
        case DtMessageType::PEER_HELLO:
            return std::make_unique<DtPeerHelloHeader>();
        case DtMessageType::PEER_DEMAND:
            return std::make_unique<DtPeerDemandHeader>();
        case DtMessageType::ACK:
            return std::make_unique<DtAckHeader>();
        case DtMessageType::LOAD_REPORT:
            return std::make_unique<DtLoadReportHeader>();
        case DtMessageType::AGENT_MESSAGE:
            return std::make_unique<DtAgentMessageHeader>();
    }
    return nullptr;
}

Ptr<Packet>
DtMessage::Build(DtHeader header, const DtPayload& payload)
{
    uint32_t bulk = payload.GetBulkSize();
    uint64_t length = static_cast<uint64_t>(payload.GetSerializedSize()) + bulk;
    NS_ABORT_MSG_IF(length > DtHeader::MAX_PAYLOAD_LENGTH,
                    payload.GetMessageType()
                        << " payload of " << length << " bytes exceeds the protocol limit of "
                        << DtHeader::MAX_PAYLOAD_LENGTH);
    Ptr<Packet> p = Create<Packet>(bulk);
    if (bulk > 0)
    {
        p->AddByteTag(DtBulkTag());
    }
    p->AddHeader(payload);
    header.SetMessageType(payload.GetMessageType());
    header.SetPayloadLength(static_cast<uint32_t>(length));
    p->AddHeader(header);
    return p;
}

DtParseResult
DtMessage::Parse(Ptr<const Packet> packet, DtMessage& out)
{
    NS_LOG_FUNCTION(packet);
    DtParseResult result;
    DtHeader header;
    packet->PeekHeader(header);
    if (header.GetParseError() != DtParseError::NONE)
    {
        result.error = header.GetParseError();
        result.field = header.GetParseErrorField();
        NS_LOG_LOGIC("rejected header: " << result);
        return result;
    }

    const uint32_t present = packet->GetSize() - DtHeader::SIZE;
    if (header.GetPayloadLength() != present)
    {
        result.error = header.GetPayloadLength() > present ? DtParseError::TRUNCATED
                                                           : DtParseError::LENGTH_MISMATCH;
        result.field = "payloadLength";
        NS_LOG_LOGIC("rejected: payload length " << header.GetPayloadLength() << " but " << present
                                                 << " bytes present");
        return result;
    }

    std::unique_ptr<DtPayload> payload = CreatePayload(header.GetMessageType());
    Ptr<Packet> rest = packet->Copy();
    rest->RemoveAtStart(DtHeader::SIZE);
    const uint32_t structured = rest->PeekHeader(*payload);
    if (payload->GetParseError() != DtParseError::NONE)
    {
        result.error = payload->GetParseError();
        result.field = payload->GetParseErrorField();
        NS_LOG_LOGIC("rejected " << header.GetMessageType() << " payload: " << result);
        return result;
    }

    const uint64_t declared = static_cast<uint64_t>(structured) + payload->GetBulkSize();
    if (declared != present)
    {
        result.error = declared > present ? DtParseError::TRUNCATED : DtParseError::LENGTH_MISMATCH;
        result.field = "bulk";
        NS_LOG_LOGIC("rejected: structured " << structured << " + bulk " << payload->GetBulkSize()
                                             << " != " << present);
        return result;
    }

    out = DtMessage(header, std::move(payload));
    return result;
}

const DtPayload&
DtMessage::GetPayload() const
{
    NS_ABORT_MSG_IF(!m_payload, "DtMessage has no payload (not parsed or parse failed)");
    return *m_payload;
}

void
DtMessage::AbortIfNotA(bool ok, TypeId wanted) const
{
    NS_ABORT_MSG_IF(
        !ok, "DtMessage of type " << GetMessageType() << " does not carry a " << wanted.GetName());
}

void
DtMessage::Print(std::ostream& os) const
{
    os << GetMessageType() << " {";
    m_header.Print(os);
    os << "} {";
    if (m_payload)
    {
        m_payload->Print(os);
    }
    os << "}";
}

std::ostream&
operator<<(std::ostream& os, const DtMessage& msg)
{
    msg.Print(os);
    return os;
}

} // namespace ns3
