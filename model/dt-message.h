/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MESSAGE_H
#define DT_MESSAGE_H

#include "dt-header.h"
#include "dt-payload.h"

#include "ns3/ptr.h"

#include <memory>

namespace ns3
{

class Packet;

/**
 * \ingroup multilayer-dt
 * Outcome of parsing a DT message: an error code and the field it concerns.
 */
struct DtParseResult
{
    DtParseError error{DtParseError::NONE}; //!< NONE on success
    const char* field{""};                  //!< offending field, "" on success

    /** \return true if the message is well formed */
    bool Ok() const
    {
        return error == DtParseError::NONE;
    }
};

/**
 * \ingroup multilayer-dt
 * Stream a parse result as "error (field)".
 * \param os the stream
 * \param result the result
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const DtParseResult& result);

/**
 * \ingroup multilayer-dt
 * A whole DT protocol message: a DtHeader, a typed payload and its bulk data.
 *
 * Build() turns a payload into a packet with a consistent header; Parse()
 * validates every byte of a received packet and returns an error instead of
 * asserting, so a receiver can count and drop what is malformed:
 *
 * \code
 *   DtMessage msg;
 *   DtParseResult r = DtMessage::Parse (packet, msg);
 *   if (!r.Ok ()) { ++m_malformed; return; }
 *   if (msg.GetMessageType () == DtMessageType::SYNC_REQUEST)
 *     { const auto& sync = msg.GetPayloadAs<DtSyncRequestHeader> (); ... }
 * \endcode
 */
class DtMessage
{
  public:
    /** An empty message (no payload) until Parse() fills it. */
    DtMessage();
    /**
     * \param header the common header (type and length are taken as given)
     * \param payload the typed payload
     */
    DtMessage(const DtHeader& header, std::unique_ptr<DtPayload> payload);
    ~DtMessage();
    DtMessage(DtMessage&&) noexcept;            //!< Move.
    DtMessage& operator=(DtMessage&&) noexcept; //!< Move-assign.

    /**
     * \param type a message type
     * \return a default payload object of that type (null for an undefined type)
     */
    static std::unique_ptr<DtPayload> CreatePayload(DtMessageType type);

    /**
     * Serialize a message.
     *
     * The header's type and payload length are set from the payload; its other
     * fields (source, destination, sequence, flags, timestamp) are taken as given.
     * The payload's bulk bytes follow as zero-filled (virtual) packet data.
     *
     * \param header the common header
     * \param payload the typed payload
     * \return a new packet holding the whole message
     */
    static Ptr<Packet> Build(DtHeader header, const DtPayload& payload);

    /**
     * Parse and validate a whole message; nothing is read past the packet end.
     * \param packet a received packet holding exactly one message
     * \param out filled on success, untouched on failure
     * \return NONE, or the first problem found
     */
    static DtParseResult Parse(Ptr<const Packet> packet, DtMessage& out);

    /** \return true if the message has a payload */
    bool HasPayload() const
    {
        return m_payload != nullptr;
    }

    /** \return the common header */
    const DtHeader& GetHeader() const
    {
        return m_header;
    }

    /** \return the message type */
    DtMessageType GetMessageType() const
    {
        return m_header.GetMessageType();
    }

    /** \return the payload (aborts if there is none) */
    const DtPayload& GetPayload() const;

    /**
     * \tparam T the payload class, e.g. DtSyncRequestHeader
     * \return the payload as T (aborts if the payload is not a T)
     */
    template <class T>
    const T& GetPayloadAs() const
    {
        const T* p = dynamic_cast<const T*>(&GetPayload());
        AbortIfNotA(p != nullptr, T::GetTypeId());
        return *p;
    }

    /** \return header + payload bytes */
    uint32_t GetSize() const
    {
        return DtHeader::SIZE + m_header.GetPayloadLength();
    }

    /**
     * Print header and payload fields on one line.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

  private:
    /**
     * Abort with a clear message if a payload cast failed.
     * \param ok whether the cast succeeded
     * \param wanted the requested payload type
     */
    void AbortIfNotA(bool ok, TypeId wanted) const;

    DtHeader m_header;                    //!< common header
    std::unique_ptr<DtPayload> m_payload; //!< typed payload
};

/**
 * \ingroup multilayer-dt
 * \param os the stream
 * \param msg a message
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const DtMessage& msg);

} // namespace ns3

#endif /* DT_MESSAGE_H */
