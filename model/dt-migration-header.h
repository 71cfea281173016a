/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MIGRATION_HEADER_H
#define DT_MIGRATION_HEADER_H

#include "dt-payload.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * What started a DT migration.
 */
enum class DtMigrationTrigger : uint8_t
{
    REACTIVE = 0,  //!< after the radio handover
    PROACTIVE = 1, //!< before a predicted handover
};

/**
 * \ingroup multilayer-dt
 * MIGRATION_REQUEST payload: the source edge announces an agent migration.
 *
 * Layout: migrationId u64, terminal u32, sourceEdge u32, targetEdge u32
 * (!= sourceEdge), trigger u8, stateBytes u32; 25 bytes.
 */
class DtMigrationRequestHeader : public DtWireChunk<DtMigrationRequestHeader, DtPayload>
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
        v.U64("migrationId", h.m_migrationId);
        v.U32("terminal", h.m_terminal);
        v.U32("sourceEdge", h.m_sourceEdge);
        v.U32("targetEdge", h.m_targetEdge);
        v.Require("targetEdge", h.m_targetEdge != h.m_sourceEdge, DtParseError::BAD_FIELD);
        v.Enum("trigger", h.m_trigger, DtMigrationTrigger::PROACTIVE);
        v.U32("stateBytes", h.m_stateBytes);
    }

    DtMessageType GetMessageType() const override;

    /** \param id migration id, unique per source edge */
    void SetMigrationId(uint64_t id)
    {
        m_migrationId = id;
    }

    /** \return migration id */
    uint64_t GetMigrationId() const
    {
        return m_migrationId;
    }

    /** \param id DT id of the terminal whose agent migrates */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the terminal whose agent migrates */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /**
     * \param source DT id of the edge that hosts the agent now
     * \param target DT id of the edge that will host it; must differ
     */
    void SetEdges(uint32_t source, uint32_t target);

    /** \return DT id of the source edge */
    uint32_t GetSourceEdge() const
    {
        return m_sourceEdge;
    }

    /** \return DT id of the target edge */
    uint32_t GetTargetEdge() const
    {
        return m_targetEdge;
    }

    /** \param trigger what started the migration */
    void SetTrigger(DtMigrationTrigger trigger)
    {
        m_trigger = trigger;
    }

    /** \return what started the migration */
    DtMigrationTrigger GetTrigger() const
    {
        return m_trigger;
    }

    /** \param bytes size of the agent state that will follow */
    void SetStateBytes(uint32_t bytes)
    {
        m_stateBytes = bytes;
    }

    /** \return size of the agent state that will follow */
    uint32_t GetStateBytes() const
    {
        return m_stateBytes;
    }

  private:
    uint64_t m_migrationId{0};                                  //!< migration id
    uint32_t m_terminal{0};                                     //!< terminal DT id
    uint32_t m_sourceEdge{0};                                   //!< source edge
    uint32_t m_targetEdge{1};                                   //!< target edge
    DtMigrationTrigger m_trigger{DtMigrationTrigger::REACTIVE}; //!< trigger
    uint32_t m_stateBytes{0};                                   //!< state size
};

/**
 * \ingroup multilayer-dt
 * What a MIGRATION_STATE carries.
 */
enum class DtMigrationPhase : uint8_t
{
    FULL = 0,    //!< the whole agent, pulled after the handover (Reactive)
    PRECOPY = 1, //!< the whole agent, pushed before a predicted handover
    DELTA = 2,   //!< the agent without the history the pre-copy already carried
};

/**
 * \ingroup multilayer-dt
 * MIGRATION_STATE payload: one segment of a migrating agent's state.
 *
 * Layout: migrationId u64, terminal u32, phase u8 (DtMigrationPhase),
 * segmentIndex u32 (< segmentCount),
 * segmentCount u32 (>= 1), totalBytes u32, data: u32 length + bytes
 * (<= DtPayload::MAX_BLOB), modelBytes u32, then modelBytes of bulk (the
 * part of the twin's model and state this segment carries; data + modelBytes
 * <= totalBytes).
 *
 * A state travels as segmentCount messages sent in order: segment 0 carries
 * the agent's record (data) and the first part of its model, the others the
 * rest of the model. The model's content is not simulated: its bytes are
 * bulk (zeros on the wire), only their number is.
 */
class DtMigrationStateHeader : public DtWireChunk<DtMigrationStateHeader, DtPayload>
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
        v.U64("migrationId", h.m_migrationId);
        v.U32("terminal", h.m_terminal);
        v.Enum("phase", h.m_phase, DtMigrationPhase::DELTA);
        v.U32("segmentIndex", h.m_segmentIndex);
        v.U32("segmentCount", h.m_segmentCount);
        v.Require("segmentCount",
                  h.m_segmentCount >= 1 && h.m_segmentIndex < h.m_segmentCount,
                  DtParseError::BAD_FIELD);
        v.U32("totalBytes", h.m_totalBytes);
        v.Bytes("data", h.m_data, DtPayload::MAX_BLOB);
        v.U32("modelBytes", h.m_modelBytes);
        v.Require("modelBytes",
                  h.m_data.size() + static_cast<uint64_t>(h.m_modelBytes) <= h.m_totalBytes,
                  DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;

    /** \param id migration id */
    void SetMigrationId(uint64_t id)
    {
        m_migrationId = id;
    }

    /** \return migration id */
    uint64_t GetMigrationId() const
    {
        return m_migrationId;
    }

    /** \param id DT id of the terminal whose agent migrates */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the terminal whose agent migrates */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /**
     * \param index this segment, 0-based
     * \param count number of segments, > index
     * \param totalBytes size of the whole state (record and model, all segments)
     * \param data this segment's bytes of the agent's record (at most
     *        DtPayload::MAX_BLOB)
     * \param modelBytes this segment's bytes of the model (bulk); data and
     *        modelBytes together at most totalBytes
     */
    void SetSegment(uint32_t index,
                    uint32_t count,
                    uint32_t totalBytes,
                    std::vector<uint8_t> data,
                    uint32_t modelBytes = 0);

    /** \return this segment's bytes of the model (bulk) */
    uint32_t GetModelBytes() const
    {
        return m_modelBytes;
    }

    /** \return modelBytes: the model's part in this segment travels as bulk */
    uint32_t GetBulkSize() const override;
    /**
     * \return true: the segments of a state, and a pre-copy and the delta
     *         after it, must arrive in order (over the TCP connection)
     */
    bool IsOrdered() const override;

    /** \return this segment's index */
    uint32_t GetSegmentIndex() const
    {
        return m_segmentIndex;
    }

    /** \return number of segments */
    uint32_t GetSegmentCount() const
    {
        return m_segmentCount;
    }

    /** \return size of the whole state */
    uint32_t GetTotalBytes() const
    {
        return m_totalBytes;
    }

    /** \return this segment's bytes */
    const std::vector<uint8_t>& GetData() const
    {
        return m_data;
    }

    /** \param phase what the state is (full, pre-copy, delta) */
    void SetPhase(DtMigrationPhase phase)
    {
        m_phase = phase;
    }

    /** \return what the state is */
    DtMigrationPhase GetPhase() const
    {
        return m_phase;
    }

  private:
    uint64_t m_migrationId{0};                        //!< migration id
    uint32_t m_terminal{0};                           //!< terminal DT id
    DtMigrationPhase m_phase{DtMigrationPhase::FULL}; //!< full, pre-copy or delta
    uint32_t m_segmentIndex{0};                       //!< segment index
    uint32_t m_segmentCount{1};                       //!< segment count
    uint32_t m_totalBytes{0};                         //!< whole state size
    uint32_t m_modelBytes{0};                         //!< model bytes (bulk) of this segment
    std::vector<uint8_t> m_data;                      //!< segment bytes
};

/**
 * \ingroup multilayer-dt
 * Migration acknowledgement status.
 */
enum class DtMigrationStatus : uint8_t
{
    ACCEPTED = 0,  //!< the target will host the agent; send the state
    COMPLETED = 1, //!< the whole state arrived; the agent runs at the target
    REJECTED = 2,  //!< the target refuses (no capacity, unknown migration)
};

/**
 * \ingroup multilayer-dt
 * MIGRATION_ACK payload: the target edge's answer.
 *
 * Layout: migrationId u64, terminal u32, status u8, bytesReceived u32; 17 bytes.
 */
class DtMigrationAckHeader : public DtWireChunk<DtMigrationAckHeader, DtPayload>
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
        v.U64("migrationId", h.m_migrationId);
        v.U32("terminal", h.m_terminal);
        v.Enum("status", h.m_status, DtMigrationStatus::REJECTED);
        v.U32("bytesReceived", h.m_bytesReceived);
    }

    DtMessageType GetMessageType() const override;

    /** \param id migration id */
    void SetMigrationId(uint64_t id)
    {
        m_migrationId = id;
    }

    /** \return migration id */
    uint64_t GetMigrationId() const
    {
        return m_migrationId;
    }

    /** \param id DT id of the terminal whose agent migrates */
    void SetTerminal(uint32_t id)
    {
        m_terminal = id;
    }

    /** \return DT id of the terminal whose agent migrates */
    uint32_t GetTerminal() const
    {
        return m_terminal;
    }

    /** \param status the answer */
    void SetStatus(DtMigrationStatus status)
    {
        m_status = status;
    }

    /** \return the answer */
    DtMigrationStatus GetStatus() const
    {
        return m_status;
    }

    /** \param bytes state bytes received so far */
    void SetBytesReceived(uint32_t bytes)
    {
        m_bytesReceived = bytes;
    }

    /** \return state bytes received so far */
    uint32_t GetBytesReceived() const
    {
        return m_bytesReceived;
    }

  private:
    uint64_t m_migrationId{0};                               //!< migration id
    uint32_t m_terminal{0};                                  //!< terminal DT id
    DtMigrationStatus m_status{DtMigrationStatus::ACCEPTED}; //!< answer
    uint32_t m_bytesReceived{0};                             //!< bytes received
};

} // namespace ns3

#endif /* DT_MIGRATION_HEADER_H */
