/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-digital-agent.h"

#include "dt-byte-vector.h"

#include "ns3/buffer.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ns3
{

namespace
{

/// "AGT2": first bytes of a serialized agent (version 2: with modelBytes).
constexpr uint32_t AGENT_MAGIC = 0x41475432; // "AGT2"
/// Most status updates a serialized history may hold.
constexpr uint32_t MAX_HISTORY = 1 << 16;
/// Most values of one mirrored sample.
constexpr uint8_t MAX_MIRROR = 16;

/**
 * \param h a status update
 * \return its wire bytes
 */
std::vector<uint8_t>
ToBytes(const DtStatusUpdateHeader& h)
{
    Buffer b;
    b.AddAtStart(h.GetSerializedSize());
    h.Serialize(b.Begin());
    std::vector<uint8_t> out(b.GetSize());
    b.CopyData(out.data(), out.size());
    return out;
}

/**
 * \param bytes wire bytes of a status update
 * \param h the parsed update
 * \return false if they are not exactly one valid status update
 */
bool
FromBytes(const std::vector<uint8_t>& bytes, DtStatusUpdateHeader& h)
{
    Buffer b;
    b.AddAtStart(bytes.size());
    b.Begin().Write(bytes.data(), bytes.size());
    const uint32_t read = h.Deserialize(b.Begin());
    return h.GetParseError() == DtParseError::NONE && read == bytes.size();
}

} // namespace

void
DtDigitalAgent::Remember(const DtStatusUpdateHeader& update, Time sentAt, Time horizon)
{
    history.emplace_back(sentAt, update);
    while (!history.empty() && history.front().first < sentAt - horizon)
    {
        history.pop_front();
    }
}

void
DtDigitalAgent::IntegrateAge(Time now)
{
    if (aoiSince.IsNegative() || now <= aoiLast)
    {
        return;
    }
    // The age grows linearly from aoiLast - freshest to now - freshest.
    const double a0 = (aoiLast - freshest).GetSeconds();
    const double a1 = (now - freshest).GetSeconds();
    aoiIntegral += (a1 * a1 - a0 * a0) / 2;
    aoiLast = now;
}

void
DtDigitalAgent::Refresh(Time generated)
{
    const Time now = Simulator::Now();
    if (aoiSince.IsNegative())
    {
        aoiSince = now;
        aoiLast = now;
        freshest = generated;
        return;
    }
    IntegrateAge(now);
    freshest = std::max(freshest, generated);
}

std::vector<uint8_t>
DtDigitalAgent::Serialize(Time historyAfter) const
{
    std::vector<uint8_t> out;
    DtPutUint(out, AGENT_MAGIC, 4);
    DtPutUint(out, terminal, 4);
    DtPutUint(out, servingCell, 4);
    DtPutUint(out, modelVersion, 4);
    DtPutUint(out, static_cast<uint64_t>(joined.GetNanoSeconds()), 8);
    DtPutUint(out, static_cast<uint64_t>(lastUpdate.GetNanoSeconds()), 8);
    DtPutUint(out, static_cast<uint64_t>(lastSampleTime.GetNanoSeconds()), 8);
    DtPutUint(out, updates, 8);
    DtPutUint(out, modelBytes, 4);
    DtPutUint(out, static_cast<uint64_t>(freshest.GetNanoSeconds()), 8);
    DtPutUint(out, static_cast<uint64_t>(aoiSince.GetNanoSeconds()), 8);
    DtPutUint(out, static_cast<uint64_t>(aoiLast.GetNanoSeconds()), 8);
    uint64_t integral;
    std::memcpy(&integral, &aoiIntegral, 8);
    DtPutUint(out, integral, 8);
    const std::vector<uint8_t> s = ToBytes(state);
    DtPutUint(out, s.size(), 4);
    out.insert(out.end(), s.begin(), s.end());
    for (const auto& m : mirror)
    {
        DtPutUint(out, m.size(), 1);
        for (double v : m)
        {
            uint64_t bits;
            std::memcpy(&bits, &v, 8);
            DtPutUint(out, bits, 8);
        }
    }
    auto first = history.begin();
    while (first != history.end() && first->first <= historyAfter)
    {
        ++first;
    }
    DtPutUint(out, static_cast<uint64_t>(history.end() - first), 4);
    for (auto it = first; it != history.end(); ++it)
    {
        const auto& [t, update] = *it;
        const std::vector<uint8_t> bytes = ToBytes(update);
        DtPutUint(out, static_cast<uint64_t>(t.GetNanoSeconds()), 8);
        DtPutUint(out, bytes.size(), 4);
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    return out;
}

void
DtDigitalAgent::PrependHistory(const DtDigitalAgent& copy)
{
    const Time firstOwn = history.empty() ? Time::Max() : history.front().first;
    auto end = copy.history.begin();
    while (end != copy.history.end() && end->first < firstOwn)
    {
        ++end;
    }
    history.insert(history.begin(), copy.history.begin(), end);
}

bool
DtDigitalAgent::Deserialize(const std::vector<uint8_t>& bytes, DtDigitalAgent& agent)
{
    DtDigitalAgent a;
    std::size_t pos = 0;
    uint64_t v[9] = {};
    const int widths[9] = {4, 4, 4, 4, 8, 8, 8, 8, 4};
    for (int i = 0; i < 9; ++i)
    {
        if (!DtGetUint(bytes, pos, widths[i], v[i]))
        {
            return false;
        }
    }
    if (v[0] != AGENT_MAGIC || v[4] > INT64_MAX || v[5] > INT64_MAX || v[6] > INT64_MAX)
    {
        return false;
    }
    a.terminal = static_cast<uint32_t>(v[1]);
    a.servingCell = static_cast<uint32_t>(v[2]);
    a.modelVersion = static_cast<uint32_t>(v[3]);
    a.joined = NanoSeconds(static_cast<int64_t>(v[4]));
    a.lastUpdate = NanoSeconds(static_cast<int64_t>(v[5]));
    a.lastSampleTime = NanoSeconds(static_cast<int64_t>(v[6]));
    a.updates = v[7];
    a.modelBytes = static_cast<uint32_t>(v[8]);
    uint64_t aoi[4] = {};
    for (auto& x : aoi)
    {
        if (!DtGetUint(bytes, pos, 8, x))
        {
            return false;
        }
    }
    a.freshest = NanoSeconds(static_cast<int64_t>(aoi[0]));
    a.aoiSince = NanoSeconds(static_cast<int64_t>(aoi[1])); // may be negative: none yet
    a.aoiLast = NanoSeconds(static_cast<int64_t>(aoi[2]));
    std::memcpy(&a.aoiIntegral, &aoi[3], 8);
    if (aoi[0] > INT64_MAX || aoi[2] > INT64_MAX || !std::isfinite(a.aoiIntegral)
        || a.aoiIntegral < 0)
    {
        return false;
    }
    uint64_t len = 0;
    if (!DtGetUint(bytes, pos, 4, len) || bytes.size() - pos < len)
    {
        return false;
    }
    std::vector<uint8_t> s(bytes.begin() + pos, bytes.begin() + pos + len);
    pos += len;
    if (!FromBytes(s, a.state))
    {
        return false;
    }
    for (auto& m : a.mirror)
    {
        uint64_t n = 0;
        if (!DtGetUint(bytes, pos, 1, n) || n > MAX_MIRROR || (bytes.size() - pos) / 8 < n)
        {
            return false;
        }
        m.resize(n);
        for (auto& d : m)
        {
            uint64_t bits = 0;
            DtGetUint(bytes, pos, 8, bits);
            std::memcpy(&d, &bits, 8);
            if (std::isinf(d))
            {
                return false; // a NaN is a missing measurement of a RAW sample, kept as received
            }
        }
    }
    uint64_t count = 0;
    if (!DtGetUint(bytes, pos, 4, count) || count > MAX_HISTORY)
    {
        return false;
    }
    for (uint64_t k = 0; k < count; ++k)
    {
        uint64_t t = 0;
        uint64_t n = 0;
        if (!DtGetUint(bytes, pos, 8, t) || t > INT64_MAX || !DtGetUint(bytes, pos, 4, n)
            || bytes.size() - pos < n)
        {
            return false;
        }
        std::vector<uint8_t> h(bytes.begin() + pos, bytes.begin() + pos + n);
        pos += n;
        DtStatusUpdateHeader update;
        if (!FromBytes(h, update))
        {
            return false;
        }
        a.history.emplace_back(NanoSeconds(static_cast<int64_t>(t)), std::move(update));
    }
    if (pos != bytes.size())
    {
        return false;
    }
    agent = std::move(a);
    return true;
}

} // namespace ns3
