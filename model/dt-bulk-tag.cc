/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-bulk-tag.h"

#include "ns3/packet.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtBulkTag);

TypeId
DtBulkTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtBulkTag")
                            .SetParent<Tag>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtBulkTag>();
    return tid;
}

TypeId
DtBulkTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
DtBulkTag::GetSerializedSize() const
{
    return 0;
}

void
DtBulkTag::Serialize(TagBuffer) const
{
}

void
DtBulkTag::Deserialize(TagBuffer)
{
}

void
DtBulkTag::Print(std::ostream& os) const
{
    os << "demand data";
}

uint32_t
DtBulkTag::CountBytes(Ptr<const Packet> packet)
{
    uint32_t bytes = 0;
    ByteTagIterator it = packet->GetByteTagIterator();
    while (it.HasNext())
    {
        ByteTagIterator::Item item = it.Next();
        if (item.GetTypeId() == GetTypeId())
        {
            bytes += item.GetEnd() - item.GetStart();
        }
    }
    return bytes;
}

} // namespace ns3
