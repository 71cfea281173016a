/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIRE_H
#define DT_WIRE_H

#include "ns3/buffer.h"
#include "ns3/header.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup multilayer-dt
 * Field codecs of the DT wire protocol: one field list per message, four visitors.
 *
 * Every DT message class describes its wire layout exactly once, in a static
 * member template `Fields (visitor, object)`. The same list is walked by
 * DtWireSizer (GetSerializedSize), DtWireWriter (Serialize), DtWireReader
 * (Deserialize, with validation) and DtWirePrinter (Print), so the four can
 * never disagree. All integers are in network byte order; doubles are IEEE 754
 * binary64, also big-endian.
 */

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Why a DT message was rejected by the parser.
 */
enum class DtParseError : uint8_t
{
    NONE = 0,        //!< The message is well formed.
    TRUNCATED,       //!< Fewer bytes than a field or a declared length needs.
    BAD_MAGIC,       //!< The first two bytes are not the DT magic.
    BAD_VERSION,     //!< Unsupported protocol version.
    UNKNOWN_TYPE,    //!< Message type not defined by the protocol.
    BAD_FLAGS,       //!< Flag bits that the protocol does not define.
    BAD_RESERVED,    //!< A reserved field is not zero.
    LENGTH_MISMATCH, //!< Declared payload length differs from the bytes present.
    BAD_FIELD,       //!< A field holds a value outside its documented range.
    TOO_LARGE,       //!< A declared length or count exceeds the protocol limit.
};

/**
 * \ingroup multilayer-dt
 * \param error a parse error
 * \return its short lower-case name, e.g. "truncated"
 */
const char* DtParseErrorName(DtParseError error);

/**
 * \ingroup multilayer-dt
 * Stream a parse error by name.
 * \param os the stream
 * \param error the error
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, DtParseError error);

/**
 * \ingroup multilayer-dt
 * \param values doubles to check
 * \return true if none is NaN or infinite (the wire format carries finite values only)
 */
bool DtAllFinite(const std::vector<double>& values);

/**
 * \ingroup multilayer-dt
 * Computes the serialized size of a field list.
 */
class DtWireSizer
{
  public:
    /** \return the number of bytes visited so far */
    uint32_t GetSize() const
    {
        return m_size;
    }

    /** Add a 1-byte field. */
    void U8(const char*, uint8_t)
    {
        m_size += 1;
    }

    /** Add a 2-byte field. */
    void U16(const char*, uint16_t)
    {
        m_size += 2;
    }

    /** Add a 4-byte field. */
    void U32(const char*, uint32_t)
    {
        m_size += 4;
    }

    /** Add an 8-byte field. */
    void U64(const char*, uint64_t)
    {
        m_size += 8;
    }

    /** Add an 8-byte IEEE 754 field. */
    void Double(const char*, double)
    {
        m_size += 8;
    }

    /** Add a 1-byte enumeration field. */
    template <class E>
    void Enum(const char*, E, E)
    {
        m_size += 1;
    }

    /**
     * Add a length-prefixed byte string.
     * \param v the bytes
     */
    void Bytes(const char*, const std::vector<uint8_t>& v, uint32_t)
    {
        m_size += 4 + static_cast<uint32_t>(v.size());
    }

    /**
     * Add a count-prefixed array of doubles.
     * \param v the values
     */
    void DoubleArray(const char*, const std::vector<double>& v, uint32_t)
    {
        m_size += 4 + 8 * static_cast<uint32_t>(v.size());
    }

    /**
     * Add a count-prefixed array of 32-bit integers.
     * \param v the values
     */
    void U32Array(const char*, const std::vector<uint32_t>& v, uint32_t)
    {
        m_size += 4 + 4 * static_cast<uint32_t>(v.size());
    }

    /** Validation rules do not change the size. */
    void Require(const char*, bool, DtParseError)
    {
    }

  private:
    uint32_t m_size{0}; //!< bytes visited
};

/**
 * \ingroup multilayer-dt
 * Writes a field list into a buffer, in network byte order.
 */
class DtWireWriter
{
  public:
    /**
     * \param start where the first field is written
     */
    explicit DtWireWriter(Buffer::Iterator start);

    void U8(const char* name, uint8_t v);    //!< Write a 1-byte field.
    void U16(const char* name, uint16_t v);  //!< Write a 2-byte field.
    void U32(const char* name, uint32_t v);  //!< Write a 4-byte field.
    void U64(const char* name, uint64_t v);  //!< Write an 8-byte field.
    void Double(const char* name, double v); //!< Write an IEEE 754 binary64 field.
    void Bytes(const char* name, const std::vector<uint8_t>& v, uint32_t maxLen); //!< u32 + bytes
    void DoubleArray(const char* name,
                     const std::vector<double>& v,
                     uint32_t maxCount); //!< u32 + f64s
    void U32Array(const char* name,
                  const std::vector<uint32_t>& v,
                  uint32_t maxCount); //!< u32 + u32s

    /** Write a 1-byte enumeration field. */
    template <class E>
    void Enum(const char* name, E v, E)
    {
        U8(name, static_cast<uint8_t>(v));
    }

    /** Validation rules are checked by the reader only. */
    void Require(const char*, bool, DtParseError)
    {
    }

  private:
    Buffer::Iterator m_it; //!< write position
};

/**
 * \ingroup multilayer-dt
 * Reads and validates a field list without ever reading past the buffer end.
 *
 * The first failure is sticky: later reads do nothing and leave their
 * destination unchanged, so a field list can be walked to the end and the
 * outcome checked once with GetError().
 */
class DtWireReader
{
  public:
    /**
     * \param start where the first field is read; the end of the buffer bounds all reads
     */
    explicit DtWireReader(Buffer::Iterator start);

    void U8(const char* name, uint8_t& v);   //!< Read a 1-byte field.
    void U16(const char* name, uint16_t& v); //!< Read a 2-byte field.
    void U32(const char* name, uint32_t& v); //!< Read a 4-byte field.
    void U64(const char* name, uint64_t& v); //!< Read an 8-byte field.
    /** Read an IEEE 754 binary64 field; NaN and infinities are rejected as BAD_FIELD. */
    void Double(const char* name, double& v);
    /** Read a u32 length and that many bytes; a length above maxLen is TOO_LARGE. */
    void Bytes(const char* name, std::vector<uint8_t>& v, uint32_t maxLen);
    /** Read a u32 count and that many finite doubles; a count above maxCount is TOO_LARGE. */
    void DoubleArray(const char* name, std::vector<double>& v, uint32_t maxCount);
    /** Read a u32 count and that many u32 values; a count above maxCount is TOO_LARGE. */
    void U32Array(const char* name, std::vector<uint32_t>& v, uint32_t maxCount);

    /**
     * Read a 1-byte enumeration field.
     * \param name field name, reported on failure
     * \param v destination
     * \param maxValid the largest valid enumerator; larger values are BAD_FIELD
     */
    template <class E>
    void Enum(const char* name, E& v, E maxValid)
    {
        uint8_t raw = 0;
        U8(name, raw);
        if (Ok() && raw > static_cast<uint8_t>(maxValid))
        {
            Fail(name, DtParseError::BAD_FIELD);
            return;
        }
        if (Ok())
        {
            v = static_cast<E>(raw);
        }
    }

    /**
     * Validation rule over fields already read.
     * \param name the field the rule is about
     * \param condition true when the message is valid
     * \param error the error to report when it is not
     */
    void Require(const char* name, bool condition, DtParseError error);

    /** \return true while no read or rule has failed */
    bool Ok() const
    {
        return m_error == DtParseError::NONE;
    }

    /** \return the first error, or NONE */
    DtParseError GetError() const
    {
        return m_error;
    }

    /** \return the name of the field where the first error occurred ("" if none) */
    const char* GetErrorField() const
    {
        return m_field;
    }

    /** \return the number of bytes consumed so far */
    uint32_t GetConsumed() const
    {
        return m_consumed;
    }

    /**
     * Record a failure unless one is already recorded.
     * \param name the field
     * \param error the error
     */
    void Fail(const char* name, DtParseError error);

  private:
    /**
     * Check that n more bytes are present, failing with TRUNCATED if not.
     * \param name field name
     * \param n bytes needed
     * \return true if they are present
     */
    bool Need(const char* name, uint32_t n);

    Buffer::Iterator m_it;                    //!< read position
    uint32_t m_remaining;                     //!< bytes left in the buffer
    uint32_t m_consumed{0};                   //!< bytes read
    DtParseError m_error{DtParseError::NONE}; //!< first error
    const char* m_field{""};                  //!< field of the first error
};

/**
 * \ingroup multilayer-dt
 * Prints a field list as "name=value" pairs.
 */
class DtWirePrinter
{
  public:
    /**
     * \param os the stream to print to
     */
    explicit DtWirePrinter(std::ostream& os);

    void U8(const char* name, uint8_t v);    //!< Print a 1-byte field.
    void U16(const char* name, uint16_t v);  //!< Print a 2-byte field.
    void U32(const char* name, uint32_t v);  //!< Print a 4-byte field.
    void U64(const char* name, uint64_t v);  //!< Print an 8-byte field.
    void Double(const char* name, double v); //!< Print a binary64 field.
    void Bytes(const char* name, const std::vector<uint8_t>& v, uint32_t);      //!< Print a length.
    void DoubleArray(const char* name, const std::vector<double>& v, uint32_t); //!< Print values.
    void U32Array(const char* name, const std::vector<uint32_t>& v, uint32_t);  //!< Print values.

    /** Print an enumeration field as its number. */
    template <class E>
    void Enum(const char* name, E v, E)
    {
        U32(name, static_cast<uint32_t>(v));
    }

    /** Rules print nothing. */
    void Require(const char*, bool, DtParseError)
    {
    }

  private:
    /** Print the separator and the name. */
    void Name(const char* name);

    std::ostream& m_os; //!< the stream
    bool m_first{true}; //!< no field printed yet
};

/**
 * \ingroup multilayer-dt
 * Implements the ns3::Header interface of a DT message from its field list.
 *
 * Derived must provide `static TypeId GetTypeId ()` and
 * `template <class V, class S> static void Fields (V& v, S& self)`, which visits
 * every wire field of `self` in order. Deserialize never reads past the end of
 * the buffer; on malformed input it leaves the object unchanged, returns 0 and
 * records why (GetParseError, GetParseErrorField).
 *
 * \tparam Derived the message class
 * \tparam Base ns3::Header or a subclass of it
 */
template <class Derived, class Base>
class DtWireChunk : public Base
{
  public:
    TypeId GetInstanceTypeId() const override
    {
        return Derived::GetTypeId();
    }

    uint32_t GetSerializedSize() const override
    {
        DtWireSizer sizer;
        Derived::Fields(sizer, Self());
        return sizer.GetSize();
    }

    void Serialize(Buffer::Iterator start) const override
    {
        DtWireWriter writer(start);
        Derived::Fields(writer, Self());
    }

    /**
     * \param start the first byte; the buffer end bounds every read
     * \return bytes consumed, or 0 if the bytes are not a valid message of this type
     */
    uint32_t Deserialize(Buffer::Iterator start) override
    {
        DtWireReader reader(start);
        Derived parsed(Self());
        Derived::Fields(reader, parsed);
        if (reader.Ok())
        {
            static_cast<Derived&>(*this) = parsed;
        }
        m_parseError = reader.GetError();
        m_parseErrorField = reader.GetErrorField();
        return reader.Ok() ? reader.GetConsumed() : 0;
    }

    void Print(std::ostream& os) const override
    {
        DtWirePrinter printer(os);
        Derived::Fields(printer, Self());
    }

    /** \return the outcome of the last Deserialize (NONE if it succeeded or none ran) */
    DtParseError GetParseError() const
    {
        return m_parseError;
    }

    /** \return the field where the last Deserialize failed, or "" */
    const char* GetParseErrorField() const
    {
        return m_parseErrorField;
    }

  private:
    /** \return this object as its concrete type */
    const Derived& Self() const
    {
        return static_cast<const Derived&>(*this);
    }

    DtParseError m_parseError{DtParseError::NONE}; //!< outcome of the last Deserialize
    const char* m_parseErrorField{""};             //!< field of the last failure
};

} // namespace ns3

#endif /* DT_WIRE_H */
