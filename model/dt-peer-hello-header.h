/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_PEER_HELLO_HEADER_H
#define DT_PEER_HELLO_HEADER_H

#include "dt-payload.h"

#include "ns3/vector.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * PEER_HELLO payload: a local DT advertises itself to neighbouring local DTs
 * (peer-to-peer discovery when no edge is reachable).
 *
 * Layout: terminal u32, position x,y f64, capacityGflops f64 (>= 0),
 * queueLength u32, hasEdge u8 (0 or 1); 33 bytes.
 */
class DtPeerHelloHeader : public DtWireChunk<DtPeerHelloHeader, DtPayload>
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
        v.U32("terminal", h.m_terminal);
        v.Double("posX", h.m_position.x);
        v.Double("posY", h.m_position.y);
        v.Double("capacityGflops", h.m_capacityGflops);
        v.Require("capacityGflops", h.m_capacityGflops >= 0, DtParseError::BAD_FIELD);
        v.U32("queueLength", h.m_queueLength);
        v.U8("hasEdge", h.m_hasEdge);
        v.Require("hasEdge", h.m_hasEdge <= 1, DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;

    /** \param id DT id of the advertising terminal */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the advertising terminal */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /** \param p position (x, y are carried; z is not) */
    void SetPosition(const Vector& p)
    {
        m_position = Vector(p.x, p.y, 0);
    }

    /** \return position (z = 0) */
    Vector GetPosition() const
    {
        return m_position;
    }

    /** \param gflops compute capacity offered to peers, >= 0 */
    void SetCapacityGflops(double gflops);

    /** \return compute capacity offered to peers */
    double GetCapacityGflops() const
    {
        return m_capacityGflops;
    }

    /** \param n demands waiting at the terminal */
    void SetQueueLength(uint32_t n)
    {
        m_queueLength = n;
    }

    /** \return demands waiting at the terminal */
    uint32_t GetQueueLength() const
    {
        return m_queueLength;
    }

    /** \param hasEdge whether the terminal reaches an edge DT */
    void SetHasEdge(bool hasEdge)
    {
        m_hasEdge = hasEdge ? 1 : 0;
    }

    /** \return whether the terminal reaches an edge DT */
    bool GetHasEdge() const
    {
        return m_hasEdge != 0;
    }

  private:
    uint32_t m_terminal{0};     //!< terminal DT id
    Vector m_position;          //!< position
    double m_capacityGflops{0}; //!< offered capacity
    uint32_t m_queueLength{0};  //!< queue length
    uint8_t m_hasEdge{0};       //!< reaches an edge
};

} // namespace ns3

#endif /* DT_PEER_HELLO_HEADER_H */
