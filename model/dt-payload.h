/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_PAYLOAD_H
#define DT_PAYLOAD_H

#include "dt-header.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Base class of the typed payload headers that follow a DtHeader.
 *
 * A payload is a structured part (this header) optionally followed by bulk
 * data: opaque bytes whose count the structured part declares (a demand's
 * input or output data). DtMessage checks that the DtHeader payload length
 * equals the structured size plus GetBulkSize().
 */
class DtPayload : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Largest byte string inside a payload (state, compressed samples): 1 MiB.
    static constexpr uint32_t MAX_BLOB = 1u << 20;
    /// Largest array of values inside a payload (model parameters): 1 Mi values.
    static constexpr uint32_t MAX_VALUES = 1u << 20;

    /** \return the DtMessageType this payload travels as */
    virtual DtMessageType GetMessageType() const = 0;

    /** \return the number of opaque bulk bytes that follow this header (default 0) */
    virtual uint32_t GetBulkSize() const;

    /**
     * \return true if messages of this type to one DT must arrive in the
     *         order they were sent, whatever their sizes: the communication
     *         module then sends them over its TCP connection to that DT
     *         (default false: a message that fits in a datagram goes by UDP)
     */
    virtual bool IsOrdered() const;

    /** \return the outcome of the last Deserialize */
    virtual DtParseError GetParseError() const = 0;

    /** \return the field where the last Deserialize failed, or "" */
    virtual const char* GetParseErrorField() const = 0;
};

} // namespace ns3

#endif /* DT_PAYLOAD_H */
