/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_AGENT_HEADER_H
#define DT_AGENT_HEADER_H

#include "dt-payload.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * AGENT_JOIN payload: a local DT asks an edge DT to host (or take over) its
 * digital agent.
 *
 * Layout: terminal u32, previousEdge u32 (DtHeader::BROADCAST_ID if none),
 * servingCell u32, modelVersion u32; 16 bytes.
 */
class DtAgentJoinHeader : public DtWireChunk<DtAgentJoinHeader, DtPayload>
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
        v.U32("previousEdge", h.m_previousEdge);
        v.U32("servingCell", h.m_servingCell);
        v.U32("modelVersion", h.m_modelVersion);
    }

    DtMessageType GetMessageType() const override;

    /** \param id DT id of the joining terminal */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the joining terminal */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /** \param id DT id of the edge that hosted the agent before (BROADCAST_ID: none) */
    void SetPreviousEdge(uint32_t id)
    {
        m_previousEdge = id;
    }

    /** \return DT id of the edge that hosted the agent before */
    uint32_t GetPreviousEdge() const
    {
        return m_previousEdge;
    }

    /** \param cell the terminal's new serving cell / AP */
    void SetServingCell(uint32_t cell)
    {
        m_servingCell = cell;
    }

    /** \return the terminal's serving cell / AP */
    uint32_t GetServingCell() const
    {
        return m_servingCell;
    }

    /** \param version model version the local DT runs */
    void SetModelVersion(uint32_t version)
    {
        m_modelVersion = version;
    }

    /** \return model version the local DT runs */
    uint32_t GetModelVersion() const
    {
        return m_modelVersion;
    }

  private:
    uint32_t m_terminal{0};                          //!< terminal DT id
    uint32_t m_previousEdge{DtHeader::BROADCAST_ID}; //!< previous edge
    uint32_t m_servingCell{0};                       //!< serving cell
    uint32_t m_modelVersion{0};                      //!< model version
};

/**
 * \ingroup multilayer-dt
 * Why an agent leaves an edge DT.
 */
enum class DtLeaveReason : uint8_t
{
    HANDOVER = 0, //!< the terminal moved to another cell
    DETACH = 1,   //!< the terminal left the network
    FAILURE = 2,  //!< the edge or the terminal failed
};

/**
 * \ingroup multilayer-dt
 * AGENT_LEAVE payload: a digital agent leaves an edge DT's pool.
 *
 * Layout: terminal u32, nextEdge u32 (DtHeader::BROADCAST_ID if unknown),
 * reason u8; 9 bytes.
 */
class DtAgentLeaveHeader : public DtWireChunk<DtAgentLeaveHeader, DtPayload>
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
        v.U32("nextEdge", h.m_nextEdge);
        v.Enum("reason", h.m_reason, DtLeaveReason::FAILURE);
    }

    DtMessageType GetMessageType() const override;

    /** \param id DT id of the leaving terminal */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the leaving terminal */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /** \param id DT id of the edge the agent goes to (BROADCAST_ID: unknown) */
    void SetNextEdge(uint32_t id)
    {
        m_nextEdge = id;
    }

    /** \return DT id of the edge the agent goes to */
    uint32_t GetNextEdge() const
    {
        return m_nextEdge;
    }

    /** \param reason why the agent leaves */
    void SetReason(DtLeaveReason reason)
    {
        m_reason = reason;
    }

    /** \return why the agent leaves */
    DtLeaveReason GetReason() const
    {
        return m_reason;
    }

  private:
    uint32_t m_terminal{0};                          //!< terminal DT id
    uint32_t m_nextEdge{DtHeader::BROADCAST_ID};     //!< next edge
    DtLeaveReason m_reason{DtLeaveReason::HANDOVER}; //!< reason
};

} // namespace ns3

#endif /* DT_AGENT_HEADER_H */
