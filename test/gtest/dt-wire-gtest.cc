/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Pure-logic tests of the wire codecs (no simulator involved).

#include "ns3/dt-demand-header.h"
#include "ns3/dt-header.h"
#include "ns3/dt-wire.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

using namespace ns3;

namespace
{

/// A buffer of n bytes holding the given values.
Buffer
MakeBuffer(std::initializer_list<uint8_t> bytes)
{
    Buffer b;
    b.AddAtStart(bytes.size());
    Buffer::Iterator it = b.Begin();
    for (uint8_t x : bytes)
    {
        it.WriteU8(x);
    }
    return b;
}

} // namespace

TEST(DtWireReader, ReadsBigEndian)
{
    Buffer b = MakeBuffer({0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x7F});
    DtWireReader r(b.Begin());
    uint16_t a = 0;
    uint32_t c = 0;
    uint8_t d = 0;
    r.U16("a", a);
    r.U32("c", c);
    r.U8("d", d);
    EXPECT_TRUE(r.Ok());
    EXPECT_EQ(a, 0x1234);
    EXPECT_EQ(c, 0xDEADBEEFu);
    EXPECT_EQ(d, 0x7F);
    EXPECT_EQ(r.GetConsumed(), 7u);
}

TEST(DtWireReader, StopsAtEndAndLeavesDestinationUntouched)
{
    Buffer b = MakeBuffer({1, 2, 3});
    DtWireReader r(b.Begin());
    uint32_t v = 42;
    r.U32("v", v);
    EXPECT_EQ(r.GetError(), DtParseError::TRUNCATED);
    EXPECT_STREQ(r.GetErrorField(), "v");
    EXPECT_EQ(v, 42u);
    EXPECT_EQ(r.GetConsumed(), 0u);
    uint8_t w = 9; // sticky: a later read that would fit does nothing either
    r.U8("w", w);
    EXPECT_EQ(w, 9);
    EXPECT_STREQ(r.GetErrorField(), "v");
}

TEST(DtWireReader, RejectsNonFiniteDoubles)
{
    for (double bad : {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()})
    {
        Buffer b;
        b.AddAtStart(8);
        DtWireWriter w(b.Begin());
        w.Double("x", bad);
        DtWireReader r(b.Begin());
        double x = 1.0;
        r.Double("x", x);
        EXPECT_EQ(r.GetError(), DtParseError::BAD_FIELD);
        EXPECT_EQ(x, 1.0);
    }
}

TEST(DtWireReader, DoubleRoundTripIsBitExact)
{
    for (double v : {0.0,
                     -0.0,
                     1.0 / 3.0,
                     std::numeric_limits<double>::denorm_min(),
                     std::numeric_limits<double>::max(),
                     -std::numeric_limits<double>::max()})
    {
        Buffer b;
        b.AddAtStart(8);
        DtWireWriter w(b.Begin());
        w.Double("x", v);
        DtWireReader r(b.Begin());
        double x = 7.0;
        r.Double("x", x);
        ASSERT_TRUE(r.Ok());
        EXPECT_EQ(std::signbit(x), std::signbit(v));
        EXPECT_EQ(x, v);
    }
}

TEST(DtWireReader, ArrayCountIsCheckedBeforeAllocation)
{
    // A count of 2^31 with 4 bytes present must fail without allocating 16 GiB.
    Buffer b = MakeBuffer({0x80, 0x00, 0x00, 0x00, 1, 2, 3, 4});
    DtWireReader r(b.Begin());
    std::vector<double> v{5.0};
    r.DoubleArray("values", v, 0xFFFFFFFF);
    EXPECT_EQ(r.GetError(), DtParseError::TRUNCATED);
    EXPECT_EQ(v.size(), 1u);
}

TEST(DtWireReader, LimitsAreEnforced)
{
    Buffer b = MakeBuffer({0, 0, 0, 3, 1, 2, 3});
    {
        DtWireReader r(b.Begin());
        std::vector<uint8_t> v;
        r.Bytes("blob", v, 2);
        EXPECT_EQ(r.GetError(), DtParseError::TOO_LARGE);
    }
    {
        DtWireReader r(b.Begin());
        std::vector<uint8_t> v;
        r.Bytes("blob", v, 3);
        EXPECT_TRUE(r.Ok());
        EXPECT_EQ(v, (std::vector<uint8_t>{1, 2, 3}));
    }
}

TEST(DtWireReader, EnumRange)
{
    Buffer b = MakeBuffer({3, 4});
    DtWireReader r(b.Begin());
    DtTier t = DtTier::LOCAL;
    r.Enum("tier", t, DT_TIER_MAX);
    EXPECT_TRUE(r.Ok());
    EXPECT_EQ(t, DtTier::PEER);
    r.Enum("tier2", t, DT_TIER_MAX);
    EXPECT_EQ(r.GetError(), DtParseError::BAD_FIELD);
    EXPECT_EQ(t, DtTier::PEER);
}

TEST(DtWireSizer, MatchesWriter)
{
    DtWireSizer s;
    s.U8("a", 0);
    s.U16("b", 0);
    s.U32("c", 0);
    s.U64("d", 0);
    s.Double("e", 0);
    s.Bytes("f", std::vector<uint8_t>(5), 10);
    s.DoubleArray("g", std::vector<double>(2), 10);
    s.U32Array("h", std::vector<uint32_t>(3), 10);
    EXPECT_EQ(s.GetSize(), 1u + 2 + 4 + 8 + 8 + (4 + 5) + (4 + 16) + (4 + 12));
}

TEST(DtNames, AreUniqueAndDefined)
{
    std::set<std::string> types;
    for (uint32_t t = 1; t <= DT_MESSAGE_TYPE_COUNT; ++t)
    {
        EXPECT_TRUE(IsValidDtMessageType(t));
        types.insert(DtMessageTypeName(static_cast<DtMessageType>(t)));
    }
    EXPECT_EQ(types.size(), DT_MESSAGE_TYPE_COUNT);
    EXPECT_EQ(types.count("UNKNOWN"), 0u);
    EXPECT_FALSE(IsValidDtMessageType(0));
    EXPECT_FALSE(IsValidDtMessageType(DT_MESSAGE_TYPE_COUNT + 1));

    std::set<std::string> errors;
    for (int e = 0; e <= static_cast<int>(DtParseError::TOO_LARGE); ++e)
    {
        errors.insert(DtParseErrorName(static_cast<DtParseError>(e)));
    }
    EXPECT_EQ(errors.size(), static_cast<std::size_t>(DtParseError::TOO_LARGE) + 1);
    EXPECT_EQ(errors.count("invalid-error-code"), 0u);
}

TEST(DtHeader, SerializedSizeIsDocumented)
{
    DtHeader h;
    EXPECT_EQ(h.GetSerializedSize(), DtHeader::SIZE);
}
