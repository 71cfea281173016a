/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wire.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ns3
{

namespace
{

/**
 * \param v a double
 * \return its IEEE 754 bit pattern
 */
uint64_t
DoubleToBits(double v)
{
    uint64_t bits;
    static_assert(sizeof(bits) == sizeof(v), "binary64 expected");
    std::memcpy(&bits, &v, sizeof(bits));
    return bits;
}

/**
 * \param bits an IEEE 754 bit pattern
 * \return the double it encodes
 */
double
BitsToDouble(uint64_t bits)
{
    double v;
    std::memcpy(&v, &bits, sizeof(v));
    return v;
}

/// Arrays print at most this many values, then the count.
constexpr std::size_t PRINT_MAX_VALUES = 8;

/**
 * Print a list as [a,b,...] with at most PRINT_MAX_VALUES values.
 * \param os the stream
 * \param v the values
 */
template <class T>
void
PrintList(std::ostream& os, const std::vector<T>& v)
{
    os << '[';
    for (std::size_t i = 0; i < v.size() && i < PRINT_MAX_VALUES; ++i)
    {
        os << (i ? "," : "") << v[i];
    }
    if (v.size() > PRINT_MAX_VALUES)
    {
        os << ",...(" << v.size() << ")";
    }
    os << ']';
}

} // namespace

const char*
DtParseErrorName(DtParseError error)
{
    switch (error)
    {
        case DtParseError::NONE:
            return "none";
        case DtParseError::TRUNCATED:
            return "truncated";
        case DtParseError::BAD_MAGIC:
            return "bad-magic";
        case DtParseError::BAD_VERSION:
            return "bad-version";
        case DtParseError::UNKNOWN_TYPE:
            return "unknown-type";
        case DtParseError::BAD_FLAGS:
            return "bad-flags";
        case DtParseError::BAD_RESERVED:
            return "bad-reserved";
        case DtParseError::LENGTH_MISMATCH:
            return "length-mismatch";
        case DtParseError::BAD_FIELD:
            return "bad-field";
        case DtParseError::TOO_LARGE:
            return "too-large";
    }
    return "invalid-error-code";
}

bool
DtAllFinite(const std::vector<double>& values)
{
    return std::all_of(values.begin(),
                       values.end(),
                       [](double x)
                       {
                           return std::isfinite(x);
                       });
}

std::ostream&
operator<<(std::ostream& os, DtParseError error)
{
    return os << DtParseErrorName(error);
}

// ---------------------------------------------------------------- writer

DtWireWriter::DtWireWriter(Buffer::Iterator start)
    : m_it(start)
{
}

void
DtWireWriter::U8(const char*, uint8_t v)
{
    m_it.WriteU8(v);
}

void
DtWireWriter::U16(const char*, uint16_t v)
{
    m_it.WriteHtonU16(v);
}

void
DtWireWriter::U32(const char*, uint32_t v)
{
    m_it.WriteHtonU32(v);
}

void
DtWireWriter::U64(const char*, uint64_t v)
{
    m_it.WriteHtonU64(v);
}

void
DtWireWriter::Double(const char*, double v)
{
    m_it.WriteHtonU64(DoubleToBits(v));
}

void
DtWireWriter::Bytes(const char*, const std::vector<uint8_t>& v, uint32_t)
{
    m_it.WriteHtonU32(static_cast<uint32_t>(v.size()));
    if (!v.empty())
    {
        m_it.Write(v.data(), static_cast<uint32_t>(v.size()));
    }
}

void
DtWireWriter::DoubleArray(const char*, const std::vector<double>& v, uint32_t)
{
    m_it.WriteHtonU32(static_cast<uint32_t>(v.size()));
    for (double x : v)
    {
        m_it.WriteHtonU64(DoubleToBits(x));
    }
}

void
DtWireWriter::U32Array(const char*, const std::vector<uint32_t>& v, uint32_t)
{
    m_it.WriteHtonU32(static_cast<uint32_t>(v.size()));
    for (uint32_t x : v)
    {
        m_it.WriteHtonU32(x);
    }
}

// ---------------------------------------------------------------- reader

DtWireReader::DtWireReader(Buffer::Iterator start)
    : m_it(start)
    , m_remaining(start.GetRemainingSize())
{
}

void
DtWireReader::Fail(const char* name, DtParseError error)
{
    if (m_error == DtParseError::NONE)
    {
        m_error = error;
        m_field = name;
    }
}

bool
DtWireReader::Need(const char* name, uint32_t n)
{
    if (!Ok())
    {
        return false;
    }
    if (n > m_remaining)
    {
        Fail(name, DtParseError::TRUNCATED);
        return false;
    }
    m_remaining -= n;
    m_consumed += n;
    return true;
}

void
DtWireReader::Require(const char* name, bool condition, DtParseError error)
{
    if (Ok() && !condition)
    {
        Fail(name, error);
    }
}

void
DtWireReader::U8(const char* name, uint8_t& v)
{
    if (Need(name, 1))
    {
        v = m_it.ReadU8();
    }
}

void
DtWireReader::U16(const char* name, uint16_t& v)
{
    if (Need(name, 2))
    {
        v = m_it.ReadNtohU16();
    }
}

void
DtWireReader::U32(const char* name, uint32_t& v)
{
    if (Need(name, 4))
    {
        v = m_it.ReadNtohU32();
    }
}

void
DtWireReader::U64(const char* name, uint64_t& v)
{
    if (Need(name, 8))
    {
        v = m_it.ReadNtohU64();
    }
}

void
DtWireReader::Double(const char* name, double& v)
{
    if (!Need(name, 8))
    {
        return;
    }
    double x = BitsToDouble(m_it.ReadNtohU64());
    if (!std::isfinite(x))
    {
        Fail(name, DtParseError::BAD_FIELD);
        return;
    }
    v = x;
}

void
DtWireReader::Bytes(const char* name, std::vector<uint8_t>& v, uint32_t maxLen)
{
    uint32_t len = 0;
    U32(name, len);
    Require(name, len <= maxLen, DtParseError::TOO_LARGE);
    if (!Need(name, len))
    {
        return;
    }
    std::vector<uint8_t> bytes(len);
    if (len > 0)
    {
        m_it.Read(bytes.data(), len);
    }
    v.swap(bytes);
}

void
DtWireReader::DoubleArray(const char* name, std::vector<double>& v, uint32_t maxCount)
{
    uint32_t count = 0;
    U32(name, count);
    Require(name, count <= maxCount, DtParseError::TOO_LARGE);
    // The count is checked against the bytes present before anything is allocated.
    if (!Ok() || count > m_remaining / 8)
    {
        Fail(name, DtParseError::TRUNCATED);
        return;
    }
    std::vector<double> values(count);
    for (auto& x : values)
    {
        Double(name, x);
    }
    if (Ok())
    {
        v.swap(values);
    }
}

void
DtWireReader::U32Array(const char* name, std::vector<uint32_t>& v, uint32_t maxCount)
{
    uint32_t count = 0;
    U32(name, count);
    Require(name, count <= maxCount, DtParseError::TOO_LARGE);
    if (!Ok() || count > m_remaining / 4)
    {
        Fail(name, DtParseError::TRUNCATED);
        return;
    }
    std::vector<uint32_t> values(count);
    for (auto& x : values)
    {
        U32(name, x);
    }
    if (Ok())
    {
        v.swap(values);
    }
}

// ---------------------------------------------------------------- printer

DtWirePrinter::DtWirePrinter(std::ostream& os)
    : m_os(os)
{
}

void
DtWirePrinter::Name(const char* name)
{
    if (!m_first)
    {
        m_os << ' ';
    }
    m_first = false;
    m_os << name << '=';
}

void
DtWirePrinter::U8(const char* name, uint8_t v)
{
    Name(name);
    m_os << static_cast<uint32_t>(v);
}

void
DtWirePrinter::U16(const char* name, uint16_t v)
{
    Name(name);
    m_os << v;
}

void
DtWirePrinter::U32(const char* name, uint32_t v)
{
    Name(name);
    m_os << v;
}

void
DtWirePrinter::U64(const char* name, uint64_t v)
{
    Name(name);
    m_os << v;
}

void
DtWirePrinter::Double(const char* name, double v)
{
    Name(name);
    m_os << v;
}

void
DtWirePrinter::Bytes(const char* name, const std::vector<uint8_t>& v, uint32_t)
{
    Name(name);
    m_os << v.size() << "B";
}

void
DtWirePrinter::DoubleArray(const char* name, const std::vector<double>& v, uint32_t)
{
    Name(name);
    PrintList(m_os, v);
}

void
DtWirePrinter::U32Array(const char* name, const std::vector<uint32_t>& v, uint32_t)
{
    Name(name);
    PrintList(m_os, v);
}

} // namespace ns3
