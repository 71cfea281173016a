/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SYNC_HEADER_H
#define DT_SYNC_HEADER_H

#include "dt-payload.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * SYNC_REQUEST payload: a local DT synchronizes its twin.
 *
 * Layout: syncId u64, terminal u32, generatedNs u64 (when the state was
 * sampled, for age of information), deadlineNs u64 (>= generatedNs), state:
 * u32 length + bytes (<= DtPayload::MAX_BLOB).
 */
class DtSyncRequestHeader : public DtWireChunk<DtSyncRequestHeader, DtPayload>
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
        v.U64("syncId", h.m_syncId);
        v.U32("terminal", h.m_terminal);
        v.U64("generatedNs", h.m_generatedNs);
        v.U64("deadlineNs", h.m_deadlineNs);
        v.Require("deadlineNs",
                  h.m_deadlineNs >= h.m_generatedNs && h.m_deadlineNs <= DtHeader::MAX_TIMESTAMP_NS,
                  DtParseError::BAD_FIELD);
        v.Bytes("state", h.m_state, DtPayload::MAX_BLOB);
    }

    DtMessageType GetMessageType() const override;

    /** \param id sync id, unique per terminal */
    void SetSyncId(uint64_t id)
    {
        m_syncId = id;
    }

    /** \return sync id */
    uint64_t GetSyncId() const
    {
        return m_syncId;
    }

    /** \param id DT id of the terminal */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the terminal */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /**
     * \param generated when the carried state was sampled
     * \param deadline when the sync must be acknowledged, not before generated
     */
    void SetTimes(Time generated, Time deadline);
    /** \return when the carried state was sampled */
    Time GetGenerated() const;
    /** \return the sync deadline */
    Time GetDeadline() const;

    /** \param state the encoded state (at most DtPayload::MAX_BLOB bytes) */
    void SetState(std::vector<uint8_t> state);

    /** \return the encoded state */
    const std::vector<uint8_t>& GetState() const
    {
        return m_state;
    }

  private:
    uint64_t m_syncId{0};         //!< sync id
    uint32_t m_terminal{0};       //!< terminal DT id
    uint64_t m_generatedNs{0};    //!< sampling time
    uint64_t m_deadlineNs{0};     //!< deadline
    std::vector<uint8_t> m_state; //!< state bytes
};

/**
 * \ingroup multilayer-dt
 * Outcome of a synchronization at the twin.
 */
enum class DtSyncStatus : uint8_t
{
    OK = 0,            //!< the twin applied the state
    MIGRATING = 1,     //!< the twin is migrating and cannot apply it
    UNKNOWN_AGENT = 2, //!< this edge hosts no twin of the terminal
    LATE = 3,          //!< past the requirement before the twin applied it: aborted
};

/**
 * \ingroup multilayer-dt
 * SYNC_ACK payload: the twin's answer to a sync request.
 *
 * Layout: syncId u64, terminal u32, status u8, twinUpdatedNs u64; 21 bytes.
 */
class DtSyncAckHeader : public DtWireChunk<DtSyncAckHeader, DtPayload>
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
        v.U64("syncId", h.m_syncId);
        v.U32("terminal", h.m_terminal);
        v.Enum("status", h.m_status, DtSyncStatus::LATE);
        v.U64("twinUpdatedNs", h.m_twinUpdatedNs);
        v.Require("twinUpdatedNs",
                  h.m_twinUpdatedNs <= DtHeader::MAX_TIMESTAMP_NS,
                  DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;

    /**
     * The host's answer to a request, now: ok and late carry the current
     * time as twinUpdatedNs (the state applied, or given up on).
     * \param req the request
     * \param status the outcome
     * \return the answer
     */
    static DtSyncAckHeader Answer(const DtSyncRequestHeader& req, DtSyncStatus status);

    /** \param id sync id being acknowledged */
    void SetSyncId(uint64_t id)
    {
        m_syncId = id;
    }

    /** \return sync id being acknowledged */
    uint64_t GetSyncId() const
    {
        return m_syncId;
    }

    /** \param id DT id of the terminal */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the terminal */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /** \param status the outcome at the twin */
    void SetStatus(DtSyncStatus status)
    {
        m_status = status;
    }

    /** \return the outcome at the twin */
    DtSyncStatus GetStatus() const
    {
        return m_status;
    }

    /** \param t when the twin applied the state */
    void SetTwinUpdated(Time t);
    /** \return when the twin applied the state */
    Time GetTwinUpdated() const;

  private:
    uint64_t m_syncId{0};                    //!< sync id
    uint32_t m_terminal{0};                  //!< terminal DT id
    DtSyncStatus m_status{DtSyncStatus::OK}; //!< outcome
    uint64_t m_twinUpdatedNs{0};             //!< update time at the twin
};

} // namespace ns3

#endif /* DT_SYNC_HEADER_H */
