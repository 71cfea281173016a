/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-sample-codec.h"

#include "dt-delta-quantizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ns3
{

namespace
{

/**
 * Append a big-endian unsigned value.
 * \param out the bytes
 * \param v the value
 * \param n its byte count
 */
void
Put(std::vector<uint8_t>& out, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; --i)
    {
        out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
}

/**
 * Read a big-endian unsigned value.
 * \param in the bytes
 * \param pos read position, advanced
 * \param n byte count
 * \param v the value
 * \return false if fewer than n bytes are left
 */
bool
Get(const std::vector<uint8_t>& in, std::size_t& pos, int n, uint64_t& v)
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

/**
 * \param s a sample
 * \param c a channel index
 * \return a reference to that channel's value
 */
double&
Channel(DtSample& s, uint32_t c)
{
    double* fields[DtSampleCodec::CHANNELS] = {&s.x, &s.y, &s.vx, &s.vy, &s.sensor};
    return *fields[c];
}

/**
 * \param s a sample
 * \param c a channel index
 * \return that channel's value
 */
double
ChannelValue(const DtSample& s, uint32_t c)
{
    const double fields[DtSampleCodec::CHANNELS] = {s.x, s.y, s.vx, s.vy, s.sensor};
    return fields[c];
}

} // namespace

std::vector<uint8_t>
DtSampleCodec::EncodeRaw(const std::vector<DtSample>& samples)
{
    std::vector<uint8_t> out;
    out.reserve(samples.size() * RAW_SAMPLE_BYTES);
    for (const DtSample& s : samples)
    {
        Put(out,
            static_cast<uint64_t>(std::llround(std::max(0.0, s.offsetS) * 1e6)) & 0xFFFFFFFF,
            4);
        for (uint32_t c = 0; c < CHANNELS; ++c)
        {
            const double v = ChannelValue(s, c);
            uint64_t bits;
            std::memcpy(&bits, &v, 8);
            Put(out, bits, 8);
        }
    }
    return out;
}

bool
DtSampleCodec::DecodeRaw(const std::vector<uint8_t>& bytes,
                         uint32_t count,
                         std::vector<DtSample>& samples)
{
    if (bytes.size() != static_cast<std::size_t>(count) * RAW_SAMPLE_BYTES)
    {
        return false;
    }
    std::vector<DtSample> out(count);
    std::size_t pos = 0;
    for (auto& s : out)
    {
        uint64_t v = 0;
        Get(bytes, pos, 4, v);
        s.offsetS = static_cast<double>(v) * 1e-6;
        for (uint32_t c = 0; c < CHANNELS; ++c)
        {
            Get(bytes, pos, 8, v);
            double d;
            std::memcpy(&d, &v, 8);
            if (!std::isfinite(d))
            {
                return false;
            }
            Channel(s, c) = d;
        }
    }
    samples.swap(out);
    return true;
}

std::vector<uint8_t>
DtSampleCodec::EncodeCompressed(const std::vector<DtSample>& samples,
                                const std::array<double, CHANNELS>& bounds)
{
    std::vector<uint8_t> out;
    std::vector<double> values(samples.size());
    for (uint32_t c = 0; c < CHANNELS; ++c)
    {
        // The bound travels as binary32; the rounded value is the one applied.
        const float bound = static_cast<float>(bounds[c]);
        for (std::size_t i = 0; i < samples.size(); ++i)
        {
            values[i] = ChannelValue(samples[i], c);
        }
        std::vector<uint8_t> enc = DtDeltaQuantizer(bound).Encode(values);
        uint32_t bits;
        std::memcpy(&bits, &bound, 4);
        Put(out, bits, 4);
        Put(out, enc.size(), 2);
        out.insert(out.end(), enc.begin(), enc.end());
    }
    return out;
}

bool
DtSampleCodec::DecodeCompressed(const std::vector<uint8_t>& bytes,
                                uint32_t count,
                                std::vector<DtSample>& samples)
{
    std::vector<DtSample> out(count);
    std::size_t pos = 0;
    for (uint32_t c = 0; c < CHANNELS; ++c)
    {
        uint64_t bits = 0;
        uint64_t len = 0;
        if (!Get(bytes, pos, 4, bits) || !Get(bytes, pos, 2, len) || bytes.size() - pos < len)
        {
            return false;
        }
        float bound;
        const auto b32 = static_cast<uint32_t>(bits);
        std::memcpy(&bound, &b32, 4);
        if (!(std::isfinite(bound) && bound > 0))
        {
            return false;
        }
        std::vector<uint8_t> enc(bytes.begin() + pos, bytes.begin() + pos + len);
        pos += len;
        std::vector<double> values;
        if (!DtDeltaQuantizer(bound).Decode(enc, count, values))
        {
            return false;
        }
        for (uint32_t i = 0; i < count; ++i)
        {
            Channel(out[i], c) = values[i];
        }
    }
    if (pos != bytes.size())
    {
        return false;
    }
    samples.swap(out);
    return true;
}

} // namespace ns3
