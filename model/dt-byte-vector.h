/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_BYTE_VECTOR_H
#define DT_BYTE_VECTOR_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Append a big-endian unsigned value to a byte string (the opaque blocks
 * inside payloads: sample blocks, agent state).
 * \param out the bytes
 * \param v the value
 * \param n its byte count, 1..8
 */
inline void
DtPutUint(std::vector<uint8_t>& out, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; --i)
    {
        out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
}

/**
 * \ingroup multilayer-dt
 * Read a big-endian unsigned value from a byte string, never past its end.
 * \param in the bytes
 * \param pos read position, advanced on success
 * \param n byte count, 1..8
 * \param v the value
 * \return false if fewer than n bytes are left
 */
inline bool
DtGetUint(const std::vector<uint8_t>& in, std::size_t& pos, int n, uint64_t& v)
{
    if (in.size() - pos < static_cast<std::size_t>(n))
    {
        return false;
    }
    v = 0;
    for (int i = 0; i < n; ++i)
    {
        v = (v << 8) | in[pos++];
    }
    return true;
}

} // namespace ns3

#endif /* DT_BYTE_VECTOR_H */
