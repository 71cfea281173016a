/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_BULK_TAG_H
#define DT_BULK_TAG_H

#include "ns3/tag.h"

namespace ns3
{

class Packet;

/**
 * \ingroup multilayer-dt
 * Byte tag on the bulk bytes of a DT message (a demand's input or result),
 * set by DtMessage::Build. Byte tags follow their bytes through TCP
 * segmentation, retransmissions, tunnels and link-layer framing, so a frame
 * anywhere on the path tells how many of its bytes are demand data.
 * It carries no field and adds nothing to the packet's size.
 */
class DtBulkTag : public Tag
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer buffer) const override;
    void Deserialize(TagBuffer buffer) override;
    void Print(std::ostream& os) const override;

    /**
     * \param packet a packet
     * \return how many of its bytes carry the tag
     */
    static uint32_t CountBytes(Ptr<const Packet> packet);
};

} // namespace ns3

#endif /* DT_BULK_TAG_H */
