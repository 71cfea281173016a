/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The inputs kept from fuzzing and the hand-written malformed ones
// (test/fuzz-regressions/), through the same checks as the fuzz targets.
//
// A file's name says what is expected of it, up to the first '_':
//  - protocol/: the DtParseErrorName of the outcome, "none" for a message
//    that must be accepted (and then round-trip), or "any" for an input that
//    only has to pass the checks;
//  - traffic-record/: "valid" (every line accepted), "invalid" (a line
//    rejected) or "any".

#include "ns3/dt-wire.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "../../fuzz/dt-fuzz-targets.h"

using namespace ns3;

namespace
{

/**
 * \param target "protocol" or "traffic-record"
 * \return the folder of its regression inputs (MLDT_FUZZ_REGRESSIONS/target
 *         if that variable is set, else next to this file's folder)
 */
std::filesystem::path
RegressionDir(const std::string& target)
{
    if (const char* dir = std::getenv("MLDT_FUZZ_REGRESSIONS"))
    {
        return std::filesystem::path(dir) / target;
    }
    return std::filesystem::path(__FILE__).parent_path().parent_path() / "fuzz-regressions"
           / target;
}

/**
 * \param dir a folder
 * \return its regular files, sorted
 */
std::vector<std::filesystem::path>
Files(const std::filesystem::path& dir)
{
    std::vector<std::filesystem::path> out;
    if (std::filesystem::is_directory(dir))
    {
        for (const auto& e : std::filesystem::directory_iterator(dir))
        {
            if (e.is_regular_file())
            {
                out.push_back(e.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/**
 * \param file a file
 * \return its bytes
 */
std::vector<uint8_t>
Read(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/**
 * \param file a regression input
 * \return what its name expects (up to the first '_')
 */
std::string
Expected(const std::filesystem::path& file)
{
    const std::string name = file.filename().string();
    return name.substr(0, name.find('_'));
}

} // namespace

TEST(FuzzRegression, ProtocolInputsGiveTheirExpectedOutcome)
{
    const auto files = Files(RegressionDir("protocol"));
    ASSERT_GE(files.size(), 100u) << "no regression inputs in " << RegressionDir("protocol");
    std::set<std::string> outcomes{"any"};
    for (auto e = static_cast<int>(DtParseError::NONE);
         e <= static_cast<int>(DtParseError::TOO_LARGE);
         ++e)
    {
        outcomes.insert(DtParseErrorName(static_cast<DtParseError>(e)));
    }
    std::set<std::string> seen;
    for (const auto& file : files)
    {
        SCOPED_TRACE(file.filename().string());
        const std::string expected = Expected(file);
        ASSERT_EQ(outcomes.count(expected), 1u) << "unknown expected outcome '" << expected << "'";
        const std::vector<uint8_t> bytes = Read(file);
        const DtFuzzMessageOutcome o = DtFuzzCheckMessage(bytes.data(), bytes.size());
        EXPECT_EQ(o.problem, "");
        if (expected != "any")
        {
            EXPECT_EQ(DtParseErrorName(o.parse.error), expected) << "field " << o.parse.field;
            EXPECT_EQ(o.parse.Ok(), expected == "none");
        }
        seen.insert(DtParseErrorName(o.parse.error));
    }
    // Every outcome of the parser is covered, acceptance included.
    EXPECT_EQ(seen.size(), outcomes.size() - 1);
}

TEST(FuzzRegression, TrafficRecordInputsGiveTheirExpectedOutcome)
{
    const auto files = Files(RegressionDir("traffic-record"));
    ASSERT_GE(files.size(), 20u) << "no regression inputs in " << RegressionDir("traffic-record");
    uint32_t valid = 0;
    uint32_t invalid = 0;
    for (const auto& file : files)
    {
        SCOPED_TRACE(file.filename().string());
        const std::string expected = Expected(file);
        ASSERT_TRUE(expected == "valid" || expected == "invalid" || expected == "any")
            << "unknown expected outcome '" << expected << "'";
        const std::vector<uint8_t> bytes = Read(file);
        const DtFuzzRecordOutcome o = DtFuzzCheckTrafficRecord(bytes.data(), bytes.size());
        EXPECT_EQ(o.problem, "");
        if (expected == "valid")
        {
            EXPECT_GT(o.lines, 0u);
            EXPECT_EQ(o.valid, o.lines);
            ++valid;
        }
        else if (expected == "invalid")
        {
            EXPECT_LT(o.valid, o.lines);
            ++invalid;
        }
    }
    EXPECT_GT(valid, 0u);
    EXPECT_GT(invalid, 0u);
}
