/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_AGENT_MESSAGE_HEADER_H
#define DT_AGENT_MESSAGE_HEADER_H

#include "dt-header.h"
#include "dt-payload.h"

#include "ns3/nstime.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * AGENT_MESSAGE payload: one digital agent's message to another, between
 * the edge DTs that host them (agents in the same pool talk without the
 * network).
 *
 * Layout: from u32, to u32 (terminals whose agents talk), fromEdge u32 (the
 * edge DT hosting the sender, where answers go), hops u8 (<= MAX_HOPS: edge
 * DTs that forwarded it after its agent moved), sentAtNs u64, body: u32
 * length + bytes (<= DtPayload::MAX_BLOB).
 */
class DtAgentMessageHeader : public DtWireChunk<DtAgentMessageHeader, DtPayload>
{
  public:
    /// Most forwards after the addressed agent moved.
    static constexpr uint8_t MAX_HOPS = 4;

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
        v.U32("from", h.m_from);
        v.U32("to", h.m_to);
        v.U32("fromEdge", h.m_fromEdge);
        v.U8("hops", h.m_hops);
        v.Require("hops", h.m_hops <= MAX_HOPS, DtParseError::BAD_FIELD);
        v.U64("sentAtNs", h.m_sentAtNs);
        v.Require("sentAtNs", h.m_sentAtNs <= DtHeader::MAX_TIMESTAMP_NS, DtParseError::BAD_FIELD);
        v.Bytes("body", h.m_body, DtPayload::MAX_BLOB);
    }

    DtMessageType GetMessageType() const override;

    /**
     * \param from the sending agent's terminal
     * \param to the addressed agent's terminal
     */
    void SetAgents(uint32_t from, uint32_t to)
    {
        m_from = from;
        m_to = to;
    }

    /** \return the sending agent's terminal */
    uint32_t GetFrom() const
    {
        return m_from;
    }

    /** \return the addressed agent's terminal */
    uint32_t GetTo() const
    {
        return m_to;
    }

    /** \param edge DT id of the edge hosting the sender */
    void SetFromEdge(uint32_t edge)
    {
        m_fromEdge = edge;
    }

    /** \return DT id of the edge hosting the sender */
    uint32_t GetFromEdge() const
    {
        return m_fromEdge;
    }

    /** \param hops forwards so far (<= MAX_HOPS) */
    void SetHops(uint8_t hops)
    {
        m_hops = hops;
    }

    /** \return forwards so far */
    uint8_t GetHops() const
    {
        return m_hops;
    }

    /** \param t when the sending agent sent it */
    void SetSentAt(Time t);
    /** \return when the sending agent sent it */
    Time GetSentAt() const;

    /** \param body what the agent says */
    void SetBody(std::vector<uint8_t> body)
    {
        m_body = std::move(body);
    }

    /** \return what the agent says */
    const std::vector<uint8_t>& GetBody() const
    {
        return m_body;
    }

  private:
    uint32_t m_from{0};          //!< sending agent's terminal
    uint32_t m_to{0};            //!< addressed agent's terminal
    uint32_t m_fromEdge{0};      //!< edge hosting the sender
    uint8_t m_hops{0};           //!< forwards so far
    uint64_t m_sentAtNs{0};      //!< send time
    std::vector<uint8_t> m_body; //!< the message
};

} // namespace ns3

#endif /* DT_AGENT_MESSAGE_HEADER_H */
