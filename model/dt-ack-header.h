/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ACK_HEADER_H
#define DT_ACK_HEADER_H

#include "dt-payload.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * ACK payload: transport acknowledgement of a message sent with
 * DtHeader::FLAG_ACK_REQUESTED.
 *
 * Layout: ackedSequence u32, ackedType u8 (a defined DtMessageType); 5 bytes.
 */
class DtAckHeader : public DtWireChunk<DtAckHeader, DtPayload>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the payload
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.U32("ackedSequence", h.m_ackedSequence);
        v.U8("ackedType", h.m_ackedType);
        v.Require("ackedType", IsValidDtMessageType(h.m_ackedType), DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;

    /**
     * \param sequence the acknowledged message's sequence number
     * \param type the acknowledged message's type
     */
    void SetAcked(uint32_t sequence, DtMessageType type)
    {
        m_ackedSequence = sequence;
        m_ackedType = static_cast<uint8_t>(type);
    }

    /** \return the acknowledged sequence number */
    uint32_t GetAckedSequence() const
    {
        return m_ackedSequence;
    }

    /** \return the acknowledged message type */
    DtMessageType GetAckedType() const
    {
        return static_cast<DtMessageType>(m_ackedType);
    }

  private:
    uint32_t m_ackedSequence{0}; //!< acknowledged sequence
    uint8_t m_ackedType{static_cast<uint8_t>(DtMessageType::STATUS_UPDATE)}; //!< acknowledged type
};

} // namespace ns3

#endif /* DT_ACK_HEADER_H */
