/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-delta-quantizer.h"

#include "ns3/abort.h"

#include <cmath>

namespace ns3
{

namespace
{

/**
 * Largest code magnitude, 2^50. Codes up to it, and their sums, are exact in a
 * double, and a reconstructed value code x step quantizes back to the same code
 * (the rounding errors of the product and the quotient stay far below half a
 * step), so whatever Decode returns, Encode accepts and encodes to the same
 * codes. Deltas of two codes fit in 64 bits.
 */
constexpr int64_t MAX_CODE = int64_t{1} << 50;

/**
 * Append a zig-zag varint.
 * \param out the bytes
 * \param v the value
 */
void
PutVarint(std::vector<uint8_t>& out, int64_t v)
{
    uint64_t u = (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
    while (u >= 0x80)
    {
        out.push_back(static_cast<uint8_t>(u | 0x80));
        u >>= 7;
    }
    out.push_back(static_cast<uint8_t>(u));
}

/**
 * Read a zig-zag varint.
 * \param bytes the bytes
 * \param pos read position, advanced
 * \param v the value
 * \return false if the bytes end early or the varint is longer than 10 bytes
 */
bool
GetVarint(const std::vector<uint8_t>& bytes, std::size_t& pos, int64_t& v)
{
    uint64_t u = 0;
    for (int shift = 0; shift < 70; shift += 7)
    {
        if (pos >= bytes.size())
        {
            return false;
        }
        const uint8_t b = bytes[pos++];
        if (shift == 63 && (b & 0x7E))
        {
            return false; // more than 64 bits
        }
        u |= static_cast<uint64_t>(b & 0x7F) << shift;
        if (!(b & 0x80))
        {
            v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
            return true;
        }
    }
    return false;
}

} // namespace

DtDeltaQuantizer::DtDeltaQuantizer(double errorBound)
    : m_step(2 * errorBound)
{
    NS_ABORT_MSG_IF(!(std::isfinite(errorBound) && errorBound > 0),
                    "quantizer error bound must be positive, got " << errorBound);
}

double
DtDeltaQuantizer::GetErrorBound() const
{
    return m_step / 2;
}

std::vector<uint8_t>
DtDeltaQuantizer::Encode(const std::vector<double>& values) const
{
    std::vector<uint8_t> out;
    out.reserve(values.size() + 8);
    int64_t previous = 0;
    for (double v : values)
    {
        const double code = std::round(v / m_step);
        NS_ABORT_MSG_IF(!std::isfinite(code) || std::fabs(code) > static_cast<double>(MAX_CODE),
                        "value " << v << " cannot be quantized with step " << m_step);
        const auto c = static_cast<int64_t>(code);
        PutVarint(out, c - previous);
        previous = c;
    }
    return out;
}

bool
DtDeltaQuantizer::Decode(const std::vector<uint8_t>& bytes,
                         std::size_t count,
                         std::vector<double>& values) const
{
    std::vector<double> out;
    out.reserve(count);
    std::size_t pos = 0;
    int64_t code = 0;
    for (std::size_t i = 0; i < count; ++i)
    {
        int64_t delta = 0;
        if (!GetVarint(bytes, pos, delta))
        {
            return false;
        }
        // |code| <= MAX_CODE, so neither bound overflows.
        if (delta > MAX_CODE - code || delta < -MAX_CODE - code)
        {
            return false; // a code Encode would not write
        }
        code += delta;
        out.push_back(static_cast<double>(code) * m_step);
    }
    if (pos != bytes.size())
    {
        return false; // trailing bytes
    }
    values.swap(out);
    return true;
}

} // namespace ns3
