/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_HEADER_H
#define DT_HEADER_H

#include "dt-wire.h"

#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Message types of the DT protocol. The numeric values are on the wire.
 */
enum class DtMessageType : uint8_t
{
    STATUS_UPDATE = 1,     //!< local DT -> edge/cloud: terminal state
    DEMAND_REQUEST = 2,    //!< a demand sent to the tier that will run it
    DEMAND_RESPONSE = 3,   //!< the result (or failure) of a demand
    REGION_SUMMARY = 4,    //!< edge DT -> cloud DT: aggregated region state
    MODEL_UPDATE = 5,      //!< cloud DT -> edge/local DTs: versioned model
    AGENT_JOIN = 6,        //!< local DT -> edge DT: create/attach my agent
    AGENT_LEAVE = 7,       //!< local DT -> edge DT: detach my agent
    MIGRATION_REQUEST = 8, //!< edge DT -> edge DT: announce an agent migration
    MIGRATION_STATE = 9,   //!< edge DT -> edge DT: agent state (or a segment of it)
    MIGRATION_ACK = 10,    //!< edge DT -> edge DT: migration accepted/completed
    SYNC_REQUEST = 11,     //!< local DT -> its twin: synchronize state
    SYNC_ACK = 12,         //!< twin -> local DT: synchronization outcome
    PEER_HELLO = 13,       //!< local DT -> local DTs: peer discovery
    PEER_DEMAND = 14,      //!< local DT -> peer local DT: demand offload
    ACK = 15,              //!< transport acknowledgement of a sequence number
    LOAD_REPORT = 16,      //!< edge/cloud DT -> lower DTs: compute capacity and backlog
    AGENT_MESSAGE = 17,    //!< edge DT -> edge DT: one digital agent to another
};

/// The largest defined DtMessageType value.
constexpr DtMessageType DT_MESSAGE_TYPE_MAX = DtMessageType::AGENT_MESSAGE;

/// Number of defined message types.
constexpr uint32_t DT_MESSAGE_TYPE_COUNT = static_cast<uint32_t>(DT_MESSAGE_TYPE_MAX);

/**
 * \ingroup multilayer-dt
 * \param type a message type
 * \return its name, e.g. "STATUS_UPDATE"
 */
const char* DtMessageTypeName(DtMessageType type);

/**
 * \ingroup multilayer-dt
 * \param raw a wire value
 * \return true if raw is a defined DtMessageType
 */
bool IsValidDtMessageType(uint8_t raw);

/**
 * \ingroup multilayer-dt
 * Stream a message type by name.
 * \param os the stream
 * \param type the type
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, DtMessageType type);

/**
 * \ingroup multilayer-dt
 * \param t a non-negative simulation time (aborts on a negative one)
 * \return t in nanoseconds, as carried on the wire
 */
uint64_t DtTimeToWire(Time t);

/**
 * \ingroup multilayer-dt
 * \param ns nanoseconds as carried on the wire (at most INT64_MAX)
 * \return the time
 */
Time DtTimeFromWire(uint64_t ns);

/**
 * \ingroup multilayer-dt
 * Common header of every DT protocol message (32 bytes, network byte order).
 *
 * \verbatim
  0               1               2               3
  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 +-------------------------------+---------------+---------------+
 |        magic 0x4D44 "MD"      |    version    |     type      |
 +-------------------------------+---------------+---------------+
 |            flags              |       reserved (zero)         |
 +-------------------------------+-------------------------------+
 |                       source DT id                            |
 +---------------------------------------------------------------+
 |                    destination DT id                          |
 +---------------------------------------------------------------+
 |                     sequence number                           |
 +---------------------------------------------------------------+
 |                 payload length (bytes)                        |
 +---------------------------------------------------------------+
 |              timestamp (ns of simulation time,                |
 |                        64 bits)                               |
 +---------------------------------------------------------------+
 \endverbatim
 *
 * The payload (typed payload header, then any bulk data) follows. Deserialize
 * rejects a wrong magic, an unsupported version, an undefined type, undefined
 * flag bits, a non-zero reserved field and a payload length above
 * MAX_PAYLOAD_LENGTH; whether the payload is all there is checked by
 * DtMessage, which sees the whole packet.
 */
class DtHeader : public DtWireChunk<DtHeader, Header>
{
  public:
    static constexpr uint16_t MAGIC = 0x4D44;                 //!< "MD"
    static constexpr uint8_t VERSION = 1;                     //!< protocol version
    static constexpr uint32_t SIZE = 32;                      //!< serialized size in bytes
    static constexpr uint32_t MAX_PAYLOAD_LENGTH = 64u << 20; //!< 64 MiB
    static constexpr uint32_t BROADCAST_ID = 0xFFFFFFFF;      //!< destination: every DT
    static constexpr uint64_t MAX_TIMESTAMP_NS = INT64_MAX;   //!< largest representable Time

    /// Flag bits.
    enum Flag : uint16_t
    {
        FLAG_ACK_REQUESTED = 0x0001,  //!< the receiver must send an ACK for this sequence
        FLAG_RETRANSMISSION = 0x0002, //!< this is a retransmission of an earlier send
        FLAG_RELAYED = 0x0004,        //!< forwarded by a relay, not by its source DT
    };

    /// All defined flag bits.
    static constexpr uint16_t FLAGS_DEFINED =
        FLAG_ACK_REQUESTED | FLAG_RETRANSMISSION | FLAG_RELAYED;

    DtHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the header
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.U16("magic", h.m_magic);
        v.Require("magic", h.m_magic == MAGIC, DtParseError::BAD_MAGIC);
        v.U8("version", h.m_version);
        v.Require("version", h.m_version == VERSION, DtParseError::BAD_VERSION);
        v.U8("type", h.m_type);
        v.Require("type", IsValidDtMessageType(h.m_type), DtParseError::UNKNOWN_TYPE);
        v.U16("flags", h.m_flags);
        v.Require("flags", (h.m_flags & ~FLAGS_DEFINED) == 0, DtParseError::BAD_FLAGS);
        v.U16("reserved", h.m_reserved);
        v.Require("reserved", h.m_reserved == 0, DtParseError::BAD_RESERVED);
        v.U32("src", h.m_source);
        v.U32("dst", h.m_destination);
        v.U32("seq", h.m_sequence);
        v.U32("payloadLength", h.m_payloadLength);
        v.Require(
            "payloadLength", h.m_payloadLength <= MAX_PAYLOAD_LENGTH, DtParseError::TOO_LARGE);
        v.U64("timestampNs", h.m_timestampNs);
        v.Require("timestampNs", h.m_timestampNs <= MAX_TIMESTAMP_NS, DtParseError::BAD_FIELD);
    }

    /** \param type the message type */
    void SetMessageType(DtMessageType type);
    /** \return the message type */
    DtMessageType GetMessageType() const;
    /** \param flags the flag bits (only FLAGS_DEFINED bits) */
    void SetFlags(uint16_t flags);
    /** \return the flag bits */
    uint16_t GetFlags() const;
    /**
     * \param flag a flag bit
     * \return true if it is set
     */
    bool HasFlag(Flag flag) const;
    /** \param id the DT id of the sender */
    void SetSource(uint32_t id);
    /** \return the DT id of the sender */
    uint32_t GetSource() const;
    /** \param id the DT id of the receiver (BROADCAST_ID for all) */
    void SetDestination(uint32_t id);
    /** \return the DT id of the receiver */
    uint32_t GetDestination() const;
    /** \param seq the per-sender sequence number */
    void SetSequence(uint32_t seq);
    /** \return the per-sender sequence number */
    uint32_t GetSequence() const;
    /** \param length bytes of payload that follow the header */
    void SetPayloadLength(uint32_t length);
    /** \return bytes of payload that follow the header */
    uint32_t GetPayloadLength() const;
    /** \param t the send time (simulation time, >= 0) */
    void SetTimestamp(Time t);
    /** \return the send time */
    Time GetTimestamp() const;

  private:
    uint16_t m_magic{MAGIC};     //!< protocol magic
    uint8_t m_version{VERSION};  //!< protocol version
    uint8_t m_type;              //!< DtMessageType on the wire
    uint16_t m_flags{0};         //!< flag bits
    uint16_t m_reserved{0};      //!< must be zero
    uint32_t m_source{0};        //!< sender DT id
    uint32_t m_destination{0};   //!< receiver DT id
    uint32_t m_sequence{0};      //!< sequence number
    uint32_t m_payloadLength{0}; //!< payload bytes
    uint64_t m_timestampNs{0};   //!< send time in ns
};

} // namespace ns3

#endif /* DT_HEADER_H */
