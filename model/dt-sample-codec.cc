/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-sample-codec.h"

#include "dt-byte-vector.h"
#include "dt-delta-quantizer.h"

#include "ns3/abort.h"

#include <cmath>
#include <cstring>

namespace ns3
{

namespace
{

/// Most channels a SENSOR stream may carry.
constexpr uint8_t MAX_SENSOR_CHANNELS = 8;

/**
 * \param s a stream
 * \return true if its channel count is valid for its source
 */
bool
ValidChannels(const DtSampleStream& s)
{
    const uint8_t fixed = DtSourceChannels(s.source);
    if (s.source == DtSource::SENSOR)
    {
        return s.channels >= 1 && s.channels <= MAX_SENSOR_CHANNELS;
    }
    return fixed != 0 && s.channels == fixed;
}

/**
 * Write a stream's head.
 * \param out the bytes
 * \param s the stream
 */
void
PutHead(std::vector<uint8_t>& out, const DtSampleStream& s)
{
    NS_ABORT_MSG_IF(!ValidChannels(s),
                    "DtSampleCodec: " << +s.channels << " channels for source "
                                      << DtSourceName(s.source));
    NS_ABORT_MSG_IF(s.values.size() % s.channels != 0 || s.GetCount() > 0xFFFF,
                    "DtSampleCodec: " << s.values.size() << " values do not make at most 65535 "
                                      << "samples of " << +s.channels << " channels");
    DtPutUint(out, static_cast<uint8_t>(s.source), 1);
    DtPutUint(out, s.channels, 1);
    DtPutUint(out, s.GetCount(), 2);
    DtPutUint(out, s.firstAgeUs, 4);
    DtPutUint(out, s.periodUs, 4);
}

/**
 * Read a stream's head.
 * \param in the bytes
 * \param pos read position, advanced
 * \param s the stream (head fields set)
 * \param count its sample count
 * \param seen bit mask of the sources already read, updated
 * \return false if the head is truncated or invalid
 */
bool
GetHead(const std::vector<uint8_t>& in,
        std::size_t& pos,
        DtSampleStream& s,
        uint32_t& count,
        uint32_t& seen)
{
    uint64_t src = 0;
    uint64_t ch = 0;
    uint64_t n = 0;
    uint64_t first = 0;
    uint64_t period = 0;
    if (!DtGetUint(in, pos, 1, src) || !DtGetUint(in, pos, 1, ch) || !DtGetUint(in, pos, 2, n)
        || !DtGetUint(in, pos, 4, first) || !DtGetUint(in, pos, 4, period))
    {
        return false;
    }
    s.source = static_cast<DtSource>(src);
    s.channels = static_cast<uint8_t>(ch);
    s.firstAgeUs = static_cast<uint32_t>(first);
    s.periodUs = static_cast<uint32_t>(period);
    count = static_cast<uint32_t>(n);
    if (src >= 32 || (seen & (1u << src)) || !ValidChannels(s) || count == 0)
    {
        return false; // unknown source, a source twice, bad channels or an empty stream
    }
    seen |= 1u << src;
    return true;
}

/**
 * Decode a sample block: stream heads, each followed by a body readBody
 * reads, whose sample counts must add up to count.
 * \param bytes the block
 * \param count samples it holds, over all streams
 * \param streams the decoded streams (unchanged on failure)
 * \param readBody reads one stream's body: (bytes, pos, stream, samples) -> ok
 * \return false if the block is not valid
 */
template <class ReadBody>
bool
DecodeStreams(const std::vector<uint8_t>& bytes,
              uint32_t count,
              std::vector<DtSampleStream>& streams,
              ReadBody readBody)
{
    std::vector<DtSampleStream> out;
    std::size_t pos = 0;
    uint32_t seen = 0;
    uint64_t total = 0;
    while (pos < bytes.size())
    {
        DtSampleStream s;
        uint32_t n = 0;
        if (!GetHead(bytes, pos, s, n, seen) || !readBody(bytes, pos, s, n))
        {
            return false;
        }
        total += n;
        out.push_back(std::move(s));
    }
    if (total != count)
    {
        return false;
    }
    streams.swap(out);
    return true;
}

} // namespace

uint8_t
DtSourceChannels(DtSource source)
{
    switch (source)
    {
        case DtSource::POSITION:
        case DtSource::INTERNAL:
            return 4;
        case DtSource::RADIO:
            return 2;
        case DtSource::BEHAVIOR:
            return 1;
        default:
            return 0;
    }
}

const char*
DtSourceName(DtSource source)
{
    switch (source)
    {
        case DtSource::POSITION:
            return "position";
        case DtSource::SENSOR:
            return "sensor";
        case DtSource::INTERNAL:
            return "internal";
        case DtSource::RADIO:
            return "radio";
        case DtSource::BEHAVIOR:
            return "behavior";
        default:
            return "unknown";
    }
}

uint64_t
DtSampleCodec::RawSize(const std::vector<DtSampleStream>& streams)
{
    uint64_t n = 0;
    for (const auto& s : streams)
    {
        n += STREAM_HEAD_BYTES + 8 * s.values.size();
    }
    return n;
}

std::vector<uint8_t>
DtSampleCodec::EncodeRaw(const std::vector<DtSampleStream>& streams)
{
    std::vector<uint8_t> out;
    out.reserve(RawSize(streams));
    for (const auto& s : streams)
    {
        if (s.values.empty())
        {
            continue;
        }
        PutHead(out, s);
        for (double v : s.values)
        {
            uint64_t bits;
            std::memcpy(&bits, &v, 8);
            DtPutUint(out, bits, 8);
        }
    }
    return out;
}

bool
DtSampleCodec::DecodeRaw(const std::vector<uint8_t>& bytes,
                         uint32_t count,
                         std::vector<DtSampleStream>& streams)
{
    auto readValues =
        [](const std::vector<uint8_t>& in, std::size_t& pos, DtSampleStream& s, uint32_t n)
    {
        const std::size_t values = static_cast<std::size_t>(n) * s.channels;
        if ((in.size() - pos) / 8 < values)
        {
            return false;
        }
        s.values.resize(values);
        for (auto& d : s.values)
        {
            uint64_t bits = 0;
            DtGetUint(in, pos, 8, bits);
            std::memcpy(&d, &bits, 8);
            if (std::isinf(d))
            {
                return false; // NaN marks a missing measurement; infinity is never valid
            }
        }
        return true;
    };
    return DecodeStreams(bytes, count, streams, readValues);
}

std::vector<uint8_t>
DtSampleCodec::EncodeCompressed(const std::vector<DtSampleStream>& streams)
{
    std::vector<uint8_t> out;
    std::vector<double> values;
    for (const auto& s : streams)
    {
        if (s.values.empty())
        {
            continue;
        }
        PutHead(out, s);
        NS_ABORT_MSG_IF(s.bounds.size() != s.channels,
                        "DtSampleCodec: " << s.bounds.size() << " error bounds for " << +s.channels
                                          << " channels");
        const uint32_t n = s.GetCount();
        values.resize(n);
        for (uint32_t c = 0; c < s.channels; ++c)
        {
            // The bound travels as binary32; the rounded value is the one applied.
            const auto bound = static_cast<float>(s.bounds[c]);
            for (uint32_t i = 0; i < n; ++i)
            {
                values[i] = s.At(i, c);
            }
            std::vector<uint8_t> enc = DtDeltaQuantizer(bound).Encode(values);
            NS_ABORT_MSG_IF(enc.size() > 0xFFFF,
                            "DtSampleCodec: a channel of " << n << " samples took " << enc.size()
                                                           << " bytes, more than 65535");
            uint32_t bits;
            std::memcpy(&bits, &bound, 4);
            DtPutUint(out, bits, 4);
            DtPutUint(out, enc.size(), 2);
            out.insert(out.end(), enc.begin(), enc.end());
        }
    }
    return out;
}

bool
DtSampleCodec::DecodeCompressed(const std::vector<uint8_t>& bytes,
                                uint32_t count,
                                std::vector<DtSampleStream>& streams)
{
    std::vector<double> values;
    auto readChannels =
        [&values](const std::vector<uint8_t>& in, std::size_t& pos, DtSampleStream& s, uint32_t n)
    {
        s.values.resize(static_cast<std::size_t>(n) * s.channels);
        for (uint32_t c = 0; c < s.channels; ++c)
        {
            uint64_t bits = 0;
            uint64_t len = 0;
            if (!DtGetUint(in, pos, 4, bits) || !DtGetUint(in, pos, 2, len)
                || in.size() - pos < len)
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
            std::vector<uint8_t> enc(in.begin() + pos, in.begin() + pos + len);
            pos += len;
            if (!DtDeltaQuantizer(bound).Decode(enc, n, values))
            {
                return false;
            }
            for (uint32_t i = 0; i < n; ++i)
            {
                s.values[static_cast<std::size_t>(i) * s.channels + c] = values[i];
            }
            s.bounds.push_back(bound);
        }
        return true;
    };
    return DecodeStreams(bytes, count, streams, readChannels);
}

} // namespace ns3
