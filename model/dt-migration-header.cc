/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-migration-header.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtMigrationRequestHeader);
NS_OBJECT_ENSURE_REGISTERED(DtMigrationStateHeader);
NS_OBJECT_ENSURE_REGISTERED(DtMigrationAckHeader);

TypeId
DtMigrationRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtMigrationRequestHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtMigrationRequestHeader>();
    return tid;
}

DtMessageType
DtMigrationRequestHeader::GetMessageType() const
{
    return DtMessageType::MIGRATION_REQUEST;
}

void
DtMigrationRequestHeader::SetEdges(uint32_t source, uint32_t target)
{
    NS_ABORT_MSG_IF(source == target,
                    "a migration needs two different edges, got " << source << " twice");
    m_sourceEdge = source;
    m_targetEdge = target;
}

TypeId
DtMigrationStateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtMigrationStateHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtMigrationStateHeader>();
    return tid;
}

DtMessageType
DtMigrationStateHeader::GetMessageType() const
{
    return DtMessageType::MIGRATION_STATE;
}

void
DtMigrationStateHeader::SetSegment(uint32_t index,
                                   uint32_t count,
                                   uint32_t totalBytes,
                                   std::vector<uint8_t> data,
                                   uint32_t modelBytes)
{
    NS_ABORT_MSG_IF(count == 0 || index >= count,
                    "migration segment " << index << " of " << count << " is out of range");
    NS_ABORT_MSG_IF(data.size() + static_cast<uint64_t>(modelBytes) > totalBytes
                        || data.size() > DtPayload::MAX_BLOB,
                    "migration segment of " << data.size() << " record bytes and " << modelBytes
                                            << " model bytes exceeds the state size " << totalBytes
                                            << " or the record limit " << DtPayload::MAX_BLOB);
    m_segmentIndex = index;
    m_segmentCount = count;
    m_totalBytes = totalBytes;
    m_data = std::move(data);
    m_modelBytes = modelBytes;
}

uint32_t
DtMigrationStateHeader::GetBulkSize() const
{
    return m_modelBytes;
}

bool
DtMigrationStateHeader::IsOrdered() const
{
    return true;
}

TypeId
DtMigrationAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtMigrationAckHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtMigrationAckHeader>();
    return tid;
}

DtMessageType
DtMigrationAckHeader::GetMessageType() const
{
    return DtMessageType::MIGRATION_ACK;
}

} // namespace ns3
