/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the DT wire protocol: round trips with boundary values, rejection
// of every truncation, of wrong magic/version/type/flags/lengths and of
// out-of-range fields, canonical encoding, and random input never crashing.

#include "ns3/dt-ack-header.h"
#include "ns3/dt-agent-header.h"
#include "ns3/dt-agent-message-header.h"
#include "ns3/dt-demand-header.h"
#include "ns3/dt-load-report-header.h"
#include "ns3/dt-message.h"
#include "ns3/dt-migration-header.h"
#include "ns3/dt-model-update-header.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-peer-hello-header.h"
#include "ns3/dt-region-summary-header.h"
#include "ns3/dt-status-update-header.h"
#include "ns3/dt-sync-header.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <sstream>

using namespace ns3;

/**
 * \defgroup multilayer-dt-tests Multi-layer digital twin tests
 * \ingroup multilayer-dt
 * The module's TestSuites (protocol, comm, compute, install, reliability,
 * system), run by ./mldt test and by ns-3's test.py.
 */

namespace
{

/// Byte offsets of DtHeader fields (see the layout in dt-header.h).
enum HeaderOffset : uint32_t
{
    OFF_MAGIC = 0,
    OFF_VERSION = 2,
    OFF_TYPE = 3,
    OFF_FLAGS = 4,
    OFF_RESERVED = 6,
    OFF_SRC = 8,
    OFF_PAYLOAD_LENGTH = 20,
    OFF_TIMESTAMP = 24,
};

/// A named sample message.
struct Sample
{
    std::string name;                   //!< what the sample exercises
    DtHeader header;                    //!< common header
    std::shared_ptr<DtPayload> payload; //!< typed payload
};

/**
 * \param n bytes
 * \param seed fill pattern seed
 * \return n bytes of a deterministic pattern
 */
std::vector<uint8_t>
Pattern(std::size_t n, uint8_t seed)
{
    std::vector<uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        v[i] = static_cast<uint8_t>(seed + 31 * i);
    }
    return v;
}

/**
 * \param maxed use the largest values (true) or the smallest (false)
 * \return a header with boundary values
 */
DtHeader
BoundaryHeader(bool maxed)
{
    DtHeader h;
    h.SetSource(maxed ? 0xFFFFFFFE : 0);
    h.SetDestination(maxed ? DtHeader::BROADCAST_ID : 0);
    h.SetSequence(maxed ? 0xFFFFFFFF : 0);
    h.SetFlags(maxed ? DtHeader::FLAGS_DEFINED : 0);
    h.SetTimestamp(maxed ? NanoSeconds(std::numeric_limits<int64_t>::max()) : Seconds(0));
    return h;
}

/**
 * Samples of every message type. With small = true, blobs and arrays are kept
 * short so that every truncation of every sample can be tried quickly.
 * \param small keep variable-length parts short
 * \return the samples, at least two per message type
 */
std::vector<Sample>
MakeSamples(bool small)
{
    std::vector<Sample> s;
    const std::size_t blob = small ? 7 : DtPayload::MAX_BLOB;
    auto add = [&s](std::string name, bool maxed, std::shared_ptr<DtPayload> p)
    {
        s.push_back({std::move(name), BoundaryHeader(maxed), std::move(p)});
    };

    for (bool maxed : {false, true})
    {
        const uint32_t u32 = maxed ? 0xFFFFFFFF : 0;
        const uint64_t u64 = maxed ? std::numeric_limits<uint64_t>::max() : 0;
        const Time tMax = NanoSeconds(std::numeric_limits<int64_t>::max());
        const Time t = maxed ? tMax : Seconds(0);

        auto su = std::make_shared<DtStatusUpdateHeader>();
        su->SetPosition(maxed ? Vector(DBL_MAX, -DBL_MAX, DBL_TRUE_MIN) : Vector(0, -0.0, 0));
        su->SetVelocity(maxed ? Vector(-1e300, 1e-300, 42.5) : Vector());
        su->SetServingCell(u32);
        su->SetQueueLength(u32);
        su->SetCpuLoadPermille(maxed ? 1000 : 0);
        su->SetBatteryPermille(maxed ? 1000 : 0);
        su->SetSamples(maxed ? DtSampleEncoding::DELTA_QUANTIZED : DtSampleEncoding::RAW,
                       maxed ? 0xFFFF : 0,
                       maxed ? Pattern(blob, 3) : std::vector<uint8_t>{});
        add("status-update", maxed, su);

        auto dr = std::make_shared<DtDemandRequestHeader>();
        dr->SetDemandId(u64);
        dr->SetOrigin(u32);
        dr->SetDemandClass(maxed ? 255 : 0);
        dr->SetPriority(maxed ? DtDemandRequestHeader::MAX_PRIORITY : 0);
        dr->SetTier(maxed ? DT_TIER_MAX : DtTier::LOCAL);
        dr->SetHops(maxed ? 255 : 0);
        dr->SetWorkloadGflop(maxed ? DBL_MAX : DBL_TRUE_MIN);
        dr->SetInputBytes(maxed ? (small ? 100 : 1 << 20) : 0);
        dr->SetOutputBytes(u32);
        dr->SetCreated(t);
        dr->SetDeadline(t);
        add("demand-request", maxed, dr);

        auto pd = std::make_shared<DtPeerDemandHeader>();
        pd->SetDemandId(u64 / 3);
        pd->SetWorkloadGflop(2.5);
        pd->SetInputBytes(maxed ? 17 : 0);
        pd->SetCreated(Seconds(1));
        pd->SetDeadline(maxed ? tMax : Seconds(2));
        add("peer-demand", maxed, pd);

        auto rsp = std::make_shared<DtDemandResponseHeader>();
        rsp->SetDemandId(u64);
        rsp->SetOrigin(u32);
        if (maxed)
        {
            rsp->SetFailed(DT_FAILURE_REASON_MAX);
        }
        else
        {
            rsp->SetCompleted();
        }
        rsp->SetExecutedTier(maxed ? DT_TIER_MAX : DtTier::LOCAL);
        rsp->SetHops(maxed ? 255 : 0);
        rsp->SetCreated(t);
        rsp->SetCompletedAt(t);
        rsp->SetOutputBytes(maxed ? (small ? 33 : 1 << 20) : 0);
        add("demand-response", maxed, rsp);

        auto rs = std::make_shared<DtRegionSummaryHeader>();
        rs->SetAgentCount(u32);
        rs->SetStatusUpdates(u32);
        rs->SetWindow(t, t);
        if (maxed)
        {
            const uint32_t d = small ? 3 : DtRegionSummaryHeader::MAX_DIMENSION;
            std::vector<double> mean(d, -DBL_MAX);
            std::vector<double> cov(DtRegionSummaryHeader::TriangleSize(d), 1.5);
            rs->SetStatistics(mean, cov);
            rs->SetAnomalies(std::vector<uint32_t>(small ? 4 : DtRegionSummaryHeader::MAX_ANOMALIES,
                                                   0xFFFFFFFF));
        }
        add("region-summary", maxed, rs);

        auto mu = std::make_shared<DtModelUpdateHeader>();
        mu->SetModelId(u32);
        mu->SetVersion(maxed ? 0xFFFFFFFF : 1);
        mu->SetTrainedAt(t);
        mu->SetTrainingSamples(u32);
        mu->SetParameters(maxed ? std::vector<double>(small ? 5 : DtPayload::MAX_VALUES, 1e-10)
                                : std::vector<double>{});
        add("model-update", maxed, mu);

        auto aj = std::make_shared<DtAgentJoinHeader>();
        aj->SetTerminal(u32);
        aj->SetPreviousEdge(maxed ? DtHeader::BROADCAST_ID : 0);
        aj->SetServingCell(u32);
        aj->SetModelVersion(u32);
        add("agent-join", maxed, aj);

        auto al = std::make_shared<DtAgentLeaveHeader>();
        al->SetTerminal(u32);
        al->SetNextEdge(u32);
        al->SetReason(maxed ? DtLeaveReason::FAILURE : DtLeaveReason::HANDOVER);
        add("agent-leave", maxed, al);

        auto mr = std::make_shared<DtMigrationRequestHeader>();
        mr->SetMigrationId(u64);
        mr->SetTerminal(u32);
        mr->SetEdges(maxed ? 0xFFFFFFFF : 0, maxed ? 0 : 0xFFFFFFFF);
        mr->SetTrigger(maxed ? DtMigrationTrigger::PROACTIVE : DtMigrationTrigger::REACTIVE);
        mr->SetStateBytes(u32);
        add("migration-request", maxed, mr);

        auto ms = std::make_shared<DtMigrationStateHeader>();
        ms->SetMigrationId(u64);
        ms->SetTerminal(u32);
        if (maxed)
        {
            ms->SetSegment(0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF, Pattern(blob, 9));
        }
        else
        {
            ms->SetSegment(0, 1, 0, {});
        }
        add("migration-state", maxed, ms);

        auto ma = std::make_shared<DtMigrationAckHeader>();
        ma->SetMigrationId(u64);
        ma->SetTerminal(u32);
        ma->SetStatus(maxed ? DtMigrationStatus::REJECTED : DtMigrationStatus::ACCEPTED);
        ma->SetBytesReceived(u32);
        add("migration-ack", maxed, ma);

        auto sr = std::make_shared<DtSyncRequestHeader>();
        sr->SetSyncId(u64);
        sr->SetTerminal(u32);
        sr->SetTimes(t, t);
        sr->SetState(maxed ? Pattern(blob, 5) : std::vector<uint8_t>{});
        add("sync-request", maxed, sr);

        auto sa = std::make_shared<DtSyncAckHeader>();
        sa->SetSyncId(u64);
        sa->SetTerminal(u32);
        sa->SetStatus(maxed ? DtSyncStatus::UNKNOWN_AGENT : DtSyncStatus::OK);
        sa->SetTwinUpdated(t);
        add("sync-ack", maxed, sa);

        auto ph = std::make_shared<DtPeerHelloHeader>();
        ph->SetTerminal(u32);
        ph->SetPosition(maxed ? Vector(DBL_MAX, -DBL_MAX, 0) : Vector());
        ph->SetCapacityGflops(maxed ? DBL_MAX : 0);
        ph->SetQueueLength(u32);
        ph->SetHasEdge(maxed);
        add("peer-hello", maxed, ph);

        auto ack = std::make_shared<DtAckHeader>();
        ack->SetAcked(u32, maxed ? DT_MESSAGE_TYPE_MAX : DtMessageType::STATUS_UPDATE);
        add("ack", maxed, ack);

        auto lr = std::make_shared<DtLoadReportHeader>();
        lr->SetLoad(maxed ? DBL_MAX : DBL_TRUE_MIN, maxed ? DBL_MAX : 0);
        lr->SetUpstream(maxed ? DBL_MAX : 0, maxed ? DBL_MAX : 0, maxed ? DBL_MAX : 0, t);
        add("load-report", maxed, lr);

        auto am = std::make_shared<DtAgentMessageHeader>();
        am->SetAgents(u32, maxed ? 0 : u32 - 1);
        am->SetFromEdge(u32);
        am->SetHops(maxed ? DtAgentMessageHeader::MAX_HOPS : 0);
        am->SetSentAt(t);
        am->SetBody(maxed ? std::vector<uint8_t>(DtPayload::MAX_BLOB, 0xFF)
                          : std::vector<uint8_t>());
        add("agent-message", maxed, am);
    }
    return s;
}

/**
 * \param p a packet
 * \return its bytes
 */
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/**
 * \param b bytes
 * \return a packet holding them
 */
Ptr<Packet>
ToPacket(const std::vector<uint8_t>& b)
{
    return Create<Packet>(b.data(), b.size());
}

/**
 * Overwrite a big-endian u32 in a byte string.
 * \param b the bytes
 * \param offset where
 * \param v the value
 */
void
PutU32(std::vector<uint8_t>& b, uint32_t offset, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
    {
        b[offset + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
    }
}

/**
 * \param b a byte string
 * \return the result of parsing it
 */
DtParseResult
ParseBytes(const std::vector<uint8_t>& b)
{
    DtMessage msg;
    return DtMessage::Parse(ToPacket(b), msg);
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Every message type survives Build -> Parse with boundary values, byte for byte.
 */
class DtRoundTripTestCase : public TestCase
{
  public:
    DtRoundTripTestCase()
        : TestCase("Round trip of every message type with boundary values")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<bool> seen(DT_MESSAGE_TYPE_COUNT + 1, false);
        for (const auto& sample : MakeSamples(false))
        {
            Ptr<Packet> p = DtMessage::Build(sample.header, *sample.payload);
            const uint32_t expected = DtHeader::SIZE + sample.payload->GetSerializedSize()
                                      + sample.payload->GetBulkSize();
            NS_TEST_ASSERT_MSG_EQ(p->GetSize(), expected, sample.name << ": packet size");

            DtMessage msg;
            DtParseResult r = DtMessage::Parse(p, msg);
            NS_TEST_ASSERT_MSG_EQ(r.Ok(), true, sample.name << ": rejected with " << r);
            NS_TEST_ASSERT_MSG_EQ(static_cast<int>(msg.GetMessageType()),
                                  static_cast<int>(sample.payload->GetMessageType()),
                                  sample.name << ": type");
            NS_TEST_ASSERT_MSG_EQ(msg.GetPayload().GetInstanceTypeId(),
                                  sample.payload->GetInstanceTypeId(),
                                  sample.name << ": payload class");
            NS_TEST_ASSERT_MSG_EQ(
                msg.GetHeader().GetSource(), sample.header.GetSource(), sample.name << ": source");
            NS_TEST_ASSERT_MSG_EQ(msg.GetHeader().GetDestination(),
                                  sample.header.GetDestination(),
                                  sample.name << ": destination");
            NS_TEST_ASSERT_MSG_EQ(msg.GetHeader().GetSequence(),
                                  sample.header.GetSequence(),
                                  sample.name << ": sequence");
            NS_TEST_ASSERT_MSG_EQ(
                msg.GetHeader().GetFlags(), sample.header.GetFlags(), sample.name << ": flags");
            NS_TEST_ASSERT_MSG_EQ(msg.GetHeader().GetTimestamp(),
                                  sample.header.GetTimestamp(),
                                  sample.name << ": timestamp");

            // Re-serializing the parsed message gives the same bytes: every field survived.
            Ptr<Packet> again = DtMessage::Build(msg.GetHeader(), msg.GetPayload());
            NS_TEST_ASSERT_MSG_EQ(
                (Bytes(again) == Bytes(p)), true, sample.name << ": re-serialized bytes differ");
            seen[static_cast<uint8_t>(msg.GetMessageType())] = true;
        }
        for (uint32_t t = 1; t <= DT_MESSAGE_TYPE_COUNT; ++t)
        {
            NS_TEST_ASSERT_MSG_EQ(seen[t], true, "no round-trip sample of type " << t);
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Typed getters return what was set, after a trip over the wire.
 */
class DtFieldValuesTestCase : public TestCase
{
  public:
    DtFieldValuesTestCase()
        : TestCase("Field values survive the wire")
    {
    }

  private:
    void DoRun() override
    {
        DtDemandRequestHeader dr;
        dr.SetDemandId(0x0102030405060708ULL);
        dr.SetOrigin(77);
        dr.SetPriority(5);
        dr.SetTier(DtTier::CLOUD);
        dr.SetWorkloadGflop(12.75);
        dr.SetInputBytes(1500);
        dr.SetOutputBytes(64000);
        dr.SetCreated(MilliSeconds(1234));
        dr.SetDeadline(MilliSeconds(1734));
        DtHeader h;
        h.SetSource(77);
        h.SetDestination(1000);
        Ptr<Packet> p = DtMessage::Build(h, dr);
        NS_TEST_ASSERT_MSG_EQ(p->GetSize(), DtHeader::SIZE + 48 + 1500, "documented size");

        DtMessage msg;
        NS_TEST_ASSERT_MSG_EQ(DtMessage::Parse(p, msg).Ok(), true, "parse");
        const auto& got = msg.GetPayloadAs<DtDemandRequestHeader>();
        NS_TEST_ASSERT_MSG_EQ(got.GetDemandId(), 0x0102030405060708ULL, "demand id");
        NS_TEST_ASSERT_MSG_EQ(got.GetOrigin(), 77, "origin");
        NS_TEST_ASSERT_MSG_EQ(+got.GetPriority(), 5, "priority");
        NS_TEST_ASSERT_MSG_EQ((got.GetTier() == DtTier::CLOUD), true, "tier");
        NS_TEST_ASSERT_MSG_EQ(got.GetWorkloadGflop(), 12.75, "workload");
        NS_TEST_ASSERT_MSG_EQ(got.GetInputBytes(), 1500, "input bytes");
        NS_TEST_ASSERT_MSG_EQ(got.GetOutputBytes(), 64000, "output bytes");
        NS_TEST_ASSERT_MSG_EQ(got.GetDeadline() - got.GetCreated(), MilliSeconds(500), "deadline");
        NS_TEST_ASSERT_MSG_EQ(msg.GetHeader().GetPayloadLength(), 48 + 1500, "payload length");

        // Network byte order: the demand id's most significant byte comes first.
        std::vector<uint8_t> b = Bytes(p);
        NS_TEST_ASSERT_MSG_EQ(+b[0], 0x4D, "magic high byte");
        NS_TEST_ASSERT_MSG_EQ(+b[1], 0x44, "magic low byte");
        NS_TEST_ASSERT_MSG_EQ(+b[DtHeader::SIZE], 0x01, "demand id MSB first");
        NS_TEST_ASSERT_MSG_EQ(+b[DtHeader::SIZE + 7], 0x08, "demand id LSB last");

        DtRegionSummaryHeader rs;
        rs.SetStatistics({1.0, -2.0}, {0.5, 0.25, 4.0});
        rs.SetAnomalies({3, 9});
        rs.SetWindow(Seconds(1), Seconds(2));
        NS_TEST_ASSERT_MSG_EQ(DtMessage::Parse(DtMessage::Build(DtHeader(), rs), msg).Ok(),
                              true,
                              "region summary parse");
        const auto& region = msg.GetPayloadAs<DtRegionSummaryHeader>();
        NS_TEST_ASSERT_MSG_EQ(region.GetMean().size(), 2, "mean dimension");
        NS_TEST_ASSERT_MSG_EQ(region.GetCovariance()[2], 4.0, "covariance value");
        NS_TEST_ASSERT_MSG_EQ(region.GetAnomalies()[1], 9, "anomaly id");
        NS_TEST_ASSERT_MSG_EQ(region.GetWindowEnd(), Seconds(2), "window end");

        std::ostringstream os;
        os << msg;
        NS_TEST_ASSERT_MSG_EQ((os.str().find("REGION_SUMMARY") != std::string::npos),
                              true,
                              "printed type name: " << os.str());
        NS_TEST_ASSERT_MSG_EQ((os.str().find("anomalies=[3,9]") != std::string::npos),
                              true,
                              "printed field: " << os.str());
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Every proper prefix of every message is rejected, whether or not the
 * header's payload length is patched to match the shorter packet.
 */
class DtTruncationTestCase : public TestCase
{
  public:
    DtTruncationTestCase()
        : TestCase("Every truncation of every message is rejected")
    {
    }

  private:
    void DoRun() override
    {
        uint32_t tried = 0;
        for (const auto& sample : MakeSamples(true))
        {
            const std::vector<uint8_t> full =
                Bytes(DtMessage::Build(sample.header, *sample.payload));
            NS_TEST_ASSERT_MSG_EQ(ParseBytes(full).Ok(), true, sample.name << ": full message");
            for (uint32_t len = 0; len < full.size(); ++len)
            {
                std::vector<uint8_t> cut(full.begin(), full.begin() + len);
                DtParseResult r = ParseBytes(cut);
                NS_TEST_ASSERT_MSG_EQ(
                    r.Ok(), false, sample.name << ": prefix of " << len << " bytes accepted");
                if (len < DtHeader::SIZE)
                {
                    NS_TEST_ASSERT_MSG_EQ(r.error,
                                          DtParseError::TRUNCATED,
                                          sample.name << ": short header, len " << len);
                    continue;
                }
                // Same prefix, but with a header that claims exactly the bytes present:
                // the payload parser itself must notice that something is missing.
                PutU32(cut, OFF_PAYLOAD_LENGTH, len - DtHeader::SIZE);
                r = ParseBytes(cut);
                NS_TEST_ASSERT_MSG_EQ(r.Ok(),
                                      false,
                                      sample.name << ": patched prefix of " << len
                                                  << " bytes accepted");
                ++tried;
            }
        }
        NS_TEST_ASSERT_MSG_GT(tried, 500, "too few truncations tried");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Header corruptions are rejected with the matching error code.
 */
class DtHeaderValidationTestCase : public TestCase
{
  public:
    DtHeaderValidationTestCase()
        : TestCase("Wrong magic, version, type, flags, reserved and lengths are rejected")
    {
    }

  private:
    /**
     * Apply a corruption to a valid message and check the error.
     * \param what description
     * \param corrupt the corruption
     * \param expected the error the parser must report
     */
    void Check(const std::string& what,
               const std::function<void(std::vector<uint8_t>&)>& corrupt,
               DtParseError expected)
    {
        DtSyncAckHeader ack;
        ack.SetSyncId(5);
        std::vector<uint8_t> b = Bytes(DtMessage::Build(DtHeader(), ack));
        corrupt(b);
        DtParseResult r = ParseBytes(b);
        NS_TEST_EXPECT_MSG_EQ(r.error, expected, what << ": got " << r);
    }

    void DoRun() override
    {
        using B = std::vector<uint8_t>;
        Check(
            "magic",
            [](B& b)
            {
                b[OFF_MAGIC] ^= 0x01;
            },
            DtParseError::BAD_MAGIC);
        Check(
            "magic byte-swapped",
            [](B& b)
            {
                std::swap(b[0], b[1]);
            },
            DtParseError::BAD_MAGIC);
        Check(
            "version 0",
            [](B& b)
            {
                b[OFF_VERSION] = 0;
            },
            DtParseError::BAD_VERSION);
        Check(
            "version 2",
            [](B& b)
            {
                b[OFF_VERSION] = 2;
            },
            DtParseError::BAD_VERSION);
        Check(
            "type 0",
            [](B& b)
            {
                b[OFF_TYPE] = 0;
            },
            DtParseError::UNKNOWN_TYPE);
        Check(
            "type max+1",
            [](B& b)
            {
                b[OFF_TYPE] = DT_MESSAGE_TYPE_COUNT + 1;
            },
            DtParseError::UNKNOWN_TYPE);
        Check(
            "type 255",
            [](B& b)
            {
                b[OFF_TYPE] = 255;
            },
            DtParseError::UNKNOWN_TYPE);
        Check(
            "flag bit 3",
            [](B& b)
            {
                b[OFF_FLAGS + 1] |= 0x08;
            },
            DtParseError::BAD_FLAGS);
        Check(
            "flag bit 15",
            [](B& b)
            {
                b[OFF_FLAGS] |= 0x80;
            },
            DtParseError::BAD_FLAGS);
        Check(
            "reserved",
            [](B& b)
            {
                b[OFF_RESERVED + 1] = 1;
            },
            DtParseError::BAD_RESERVED);
        Check(
            "timestamp sign bit",
            [](B& b)
            {
                b[OFF_TIMESTAMP] = 0x80;
            },
            DtParseError::BAD_FIELD);
        Check(
            "payload length +1",
            [](B& b)
            {
                b[OFF_PAYLOAD_LENGTH + 3] += 1;
            },
            DtParseError::TRUNCATED);
        Check(
            "payload length -1",
            [](B& b)
            {
                b[OFF_PAYLOAD_LENGTH + 3] -= 1;
            },
            DtParseError::LENGTH_MISMATCH);
        Check(
            "payload length over limit",
            [](B& b)
            {
                PutU32(b, OFF_PAYLOAD_LENGTH, DtHeader::MAX_PAYLOAD_LENGTH + 1);
            },
            DtParseError::TOO_LARGE);
        Check(
            "trailing byte",
            [](B& b)
            {
                b.push_back(0);
            },
            DtParseError::LENGTH_MISMATCH);
        Check(
            "type of a longer message",
            [](B& b)
            {
                b[OFF_TYPE] = static_cast<uint8_t>(DtMessageType::DEMAND_REQUEST);
            },
            DtParseError::TRUNCATED);
        Check(
            "type of a shorter message",
            [](B& b)
            {
                b[OFF_TYPE] = static_cast<uint8_t>(DtMessageType::AGENT_JOIN);
            },
            DtParseError::LENGTH_MISMATCH);
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Payload fields outside their documented range are rejected as BAD_FIELD or
 * TOO_LARGE, with the field named.
 */
class DtFieldValidationTestCase : public TestCase
{
  public:
    DtFieldValidationTestCase()
        : TestCase("Out-of-range payload fields are rejected")
    {
    }

  private:
    /**
     * Corrupt payload bytes of a valid message and check the error and field.
     * \param what description
     * \param payload the valid payload
     * \param corrupt the corruption, given the payload's offset in the packet
     * \param expected expected error
     * \param field expected field name
     */
    void Check(const std::string& what,
               const DtPayload& payload,
               const std::function<void(std::vector<uint8_t>&)>& corrupt,
               DtParseError expected,
               const std::string& field)
    {
        std::vector<uint8_t> b = Bytes(DtMessage::Build(DtHeader(), payload));
        NS_TEST_ASSERT_MSG_EQ(ParseBytes(b).Ok(), true, what << ": valid before corruption");
        corrupt(b);
        DtParseResult r = ParseBytes(b);
        NS_TEST_EXPECT_MSG_EQ(r.error, expected, what << ": got " << r);
        NS_TEST_EXPECT_MSG_EQ(std::string(r.field), field, what << ": field");
    }

    void DoRun() override
    {
        using B = std::vector<uint8_t>;
        const uint32_t P = DtHeader::SIZE; // payload offset

        DtDemandRequestHeader dr;
        dr.SetWorkloadGflop(1.0);
        Check(
            "priority 8",
            dr,
            [P](B& b)
            {
                b[P + 13] = 8;
            },
            DtParseError::BAD_FIELD,
            "priority");
        Check(
            "tier 4",
            dr,
            [P](B& b)
            {
                b[P + 14] = 4;
            },
            DtParseError::BAD_FIELD,
            "tier");
        Check(
            "workload NaN",
            dr,
            [P](B& b)
            {
                b[P + 16] = 0x7F, b[P + 17] = 0xF8;
            },
            DtParseError::BAD_FIELD,
            "workloadGflop");
        Check(
            "workload negative",
            dr,
            [P](B& b)
            {
                b[P + 16] |= 0x80;
            },
            DtParseError::BAD_FIELD,
            "workloadGflop");
        Check(
            "deadline before creation",
            dr,
            [P](B& b)
            {
                b[P + 39] = 1;
            },
            DtParseError::BAD_FIELD,
            "deadlineNs");

        DtDemandResponseHeader rsp;
        Check(
            "completed with a reason",
            rsp,
            [P](B& b)
            {
                b[P + 13] = 1;
            },
            DtParseError::BAD_FIELD,
            "reason");
        Check(
            "failed without a reason",
            rsp,
            [P](B& b)
            {
                b[P + 12] = 1;
            },
            DtParseError::BAD_FIELD,
            "reason");
        Check(
            "outcome 2",
            rsp,
            [P](B& b)
            {
                b[P + 12] = 2;
            },
            DtParseError::BAD_FIELD,
            "outcome");

        DtStatusUpdateHeader su;
        Check(
            "cpu load 1001",
            su,
            [P](B& b)
            {
                b[P + 56] = 0x03, b[P + 57] = 0xE9;
            },
            DtParseError::BAD_FIELD,
            "cpuLoadPermille");
        Check(
            "encoding 2",
            su,
            [P](B& b)
            {
                b[P + 60] = 2;
            },
            DtParseError::BAD_FIELD,
            "encoding");
        Check(
            "sample blob over limit",
            su,
            [P](B& b)
            {
                PutU32(b, P + 63, DtPayload::MAX_BLOB + 1);
            },
            DtParseError::TOO_LARGE,
            "samples");
        Check(
            "sample blob longer than packet",
            su,
            [P](B& b)
            {
                PutU32(b, P + 63, 1);
            },
            DtParseError::TRUNCATED,
            "samples");

        DtRegionSummaryHeader rs;
        rs.SetStatistics({1.0}, {2.0});
        Check(
            "covariance size mismatch",
            rs,
            [P](B& b)
            {
                b[P + 24 + 3] = 2; /* mean count 1 -> 2, eats the cov count */
            },
            DtParseError::BAD_FIELD,
            "covariance");
        Check(
            "mean count over limit",
            rs,
            [P](B& b)
            {
                PutU32(b, P + 24, DtRegionSummaryHeader::MAX_DIMENSION + 1);
            },
            DtParseError::TOO_LARGE,
            "mean");

        DtModelUpdateHeader mu;
        mu.SetParameters({1.0, 2.0});
        Check(
            "version 0",
            mu,
            [P](B& b)
            {
                PutU32(b, P + 4, 0);
            },
            DtParseError::BAD_FIELD,
            "version");
        Check(
            "parameter infinity",
            mu,
            [P](B& b)
            {
                b[P + 24] = 0x7F, b[P + 25] = 0xF0;
            },
            DtParseError::BAD_FIELD,
            "parameters");
        Check(
            "parameter count huge",
            mu,
            [P](B& b)
            {
                PutU32(b, P + 20, 0xFFFFFFFF);
            },
            DtParseError::TOO_LARGE,
            "parameters");

        DtMigrationRequestHeader mr;
        mr.SetEdges(1, 2);
        Check(
            "same source and target",
            mr,
            [P](B& b)
            {
                PutU32(b, P + 16, 1);
            },
            DtParseError::BAD_FIELD,
            "targetEdge");

        DtMigrationStateHeader ms;
        ms.SetSegment(0, 2, 10, Pattern(4, 1));
        Check(
            "segment index == count",
            ms,
            [P](B& b)
            {
                PutU32(b, P + 13, 2); // after migrationId, terminal and phase
            },
            DtParseError::BAD_FIELD,
            "segmentCount");
        Check(
            "segment larger than the state",
            ms,
            [P](B& b)
            {
                PutU32(b, P + 21, 3);
            },
            DtParseError::BAD_FIELD,
            "modelBytes");
        Check(
            "record and model larger than the state",
            ms,
            [P](B& b)
            {
                PutU32(b, P + 33, 7); // modelBytes, after the 4 record bytes: 4 + 7 > 10
            },
            DtParseError::BAD_FIELD,
            "modelBytes");
        Check(
            "migration phase 3",
            ms,
            [P](B& b)
            {
                b[P + 12] = 3;
            },
            DtParseError::BAD_FIELD,
            "phase");

        DtSyncAckHeader sa;
        Check(
            "sync status 4",
            sa,
            [P](B& b)
            {
                b[P + 12] = 4;
            },
            DtParseError::BAD_FIELD,
            "status");

        DtAgentMessageHeader am;
        Check(
            "agent message after too many forwards",
            am,
            [P](B& b)
            {
                b[P + 12] = DtAgentMessageHeader::MAX_HOPS + 1;
            },
            DtParseError::BAD_FIELD,
            "hops");

        DtPeerHelloHeader ph;
        Check(
            "hasEdge 2",
            ph,
            [P](B& b)
            {
                b[P + 32] = 2;
            },
            DtParseError::BAD_FIELD,
            "hasEdge");

        DtAckHeader ack;
        Check(
            "acked type 0",
            ack,
            [P](B& b)
            {
                b[P + 4] = 0;
            },
            DtParseError::BAD_FIELD,
            "ackedType");

        DtAgentLeaveHeader al;
        Check(
            "leave reason 3",
            al,
            [P](B& b)
            {
                b[P + 8] = 3;
            },
            DtParseError::BAD_FIELD,
            "reason");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Random input never crashes the parser, and whatever it accepts is canonical:
 * re-serializing an accepted message reproduces the input exactly.
 */
class DtRandomInputTestCase : public TestCase
{
  public:
    DtRandomInputTestCase()
        : TestCase("Random and mutated byte strings never crash the parser")
    {
    }

  private:
    /**
     * Parse bytes; if accepted, check the canonical-encoding property.
     * \param b the bytes
     * \return true if accepted
     */
    bool ParseAndCheck(const std::vector<uint8_t>& b)
    {
        DtMessage msg;
        if (!DtMessage::Parse(ToPacket(b), msg).Ok())
        {
            return false;
        }
        std::vector<uint8_t> again = Bytes(DtMessage::Build(msg.GetHeader(), msg.GetPayload()));
        // Bulk data is opaque (re-serialized as zeros): compare the structured part only.
        const std::size_t structured = b.size() - msg.GetPayload().GetBulkSize();
        NS_TEST_EXPECT_MSG_EQ(again.size(), b.size(), "accepted message changes size");
        NS_TEST_EXPECT_MSG_EQ(std::equal(b.begin(), b.begin() + structured, again.begin()),
                              true,
                              "accepted message is not canonical: " << msg);
        return true;
    }

    void DoRun() override
    {
        std::mt19937 rng(20261123); // fixed seed: the same strings on every run
        std::uniform_int_distribution<int> byte(0, 255);
        uint32_t accepted = 0;
        uint32_t rejected = 0;

        // 1. Uniformly random strings.
        for (int i = 0; i < 20000; ++i)
        {
            std::vector<uint8_t> b(std::uniform_int_distribution<int>(0, 160)(rng));
            for (auto& x : b)
            {
                x = byte(rng);
            }
            ParseAndCheck(b) ? ++accepted : ++rejected;
        }
        NS_TEST_ASSERT_MSG_EQ(accepted, 0, "random strings with a valid magic are improbable");

        // 2. A valid header of each type with a random payload of the declared length.
        for (int i = 0; i < 30000; ++i)
        {
            std::vector<uint8_t> b(DtHeader::SIZE + std::uniform_int_distribution<int>(0, 90)(rng));
            for (auto& x : b)
            {
                x = byte(rng) < 200 ? 0 : byte(rng); // mostly zeros: small counts, valid enums
            }
            DtHeader h;
            h.SetMessageType(static_cast<DtMessageType>(1 + i % DT_MESSAGE_TYPE_COUNT));
            h.SetPayloadLength(b.size() - DtHeader::SIZE);
            Buffer buf;
            buf.AddAtStart(DtHeader::SIZE);
            h.Serialize(buf.Begin());
            buf.CopyData(b.data(), DtHeader::SIZE);
            ParseAndCheck(b) ? ++accepted : ++rejected;
        }

        // 3. Valid messages with one to three bytes replaced.
        for (const auto& sample : MakeSamples(true))
        {
            const std::vector<uint8_t> full =
                Bytes(DtMessage::Build(sample.header, *sample.payload));
            for (int i = 0; i < 400; ++i)
            {
                std::vector<uint8_t> b = full;
                int n = 1 + i % 3;
                for (int k = 0; k < n; ++k)
                {
                    b[std::uniform_int_distribution<std::size_t>(0, b.size() - 1)(rng)] = byte(rng);
                }
                ParseAndCheck(b) ? ++accepted : ++rejected;
            }
        }
        NS_TEST_ASSERT_MSG_GT(accepted, 100, "the mutation tests should reach valid messages too");
        NS_TEST_ASSERT_MSG_GT(rejected, 20000, "most random input must be rejected");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Protocol test suite.
 */
class DtProtocolTestSuite : public TestSuite
{
  public:
    DtProtocolTestSuite()
        : TestSuite("multilayer-dt-protocol", Type::UNIT)
    {
        AddTestCase(new DtRoundTripTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtFieldValuesTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtTruncationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtHeaderValidationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtFieldValidationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtRandomInputTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance that registers the suite.
static DtProtocolTestSuite g_dtProtocolTestSuite;
