/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FUZZ_TARGETS_H
#define DT_FUZZ_TARGETS_H

#include "ns3/dt-message.h"

#include <cstddef>
#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup multilayer-dt
 * The checks behind the fuzz targets, shared by the libFuzzer programs
 * (fuzz/dt-*-fuzzer.cc) and the regression test
 * (test/gtest/fuzz-regression-test.cc).
 *
 * A check never aborts on malformed input: it reports what the parser said
 * and, in `problem`, any broken invariant. The fuzzers abort on a problem so
 * that libFuzzer keeps the input.
 */

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Outcome of checking one input of the DT protocol parser.
 */
struct DtFuzzMessageOutcome
{
    DtParseResult parse; //!< what DtMessage::Parse returned
    std::string problem; //!< empty unless an invariant broke
};

/**
 * \ingroup multilayer-dt
 * Parse bytes as one DT message and check what the receivers rely on.
 *
 * A rejected message must carry an error and a field name and leave the
 * output message untouched. An accepted one must print; build again with
 * DtMessage::Build into the same bytes (bulk data aside, which Build
 * zero-fills) and parse again into the same header and payload; go through
 * the payload's public setters (as a relay or a receiver copying it does)
 * without aborting and into the same bytes; and the blocks nested in it
 * (status samples, migrated agent state) must decode without crashing, and
 * when they decode, encode back to what they were. A status update is also
 * applied to a digital agent (DtAgentPool::ApplyStatus, as an edge DT does)
 * whose state must then survive a migration (Serialize, Deserialize).
 *
 * \param data the bytes
 * \param size their count
 * \return the parse result and any broken invariant
 */
DtFuzzMessageOutcome DtFuzzCheckMessage(const uint8_t* data, std::size_t size);

/**
 * \ingroup multilayer-dt
 * Outcome of checking one input of the traffic-record parser.
 */
struct DtFuzzRecordOutcome
{
    uint32_t lines{0};   //!< lines in the input
    uint32_t valid{0};   //!< lines DtTrafficReplayHelper::ParseLine accepted
    std::string problem; //!< empty unless an invariant broke
};

/**
 * \ingroup multilayer-dt
 * Split bytes into lines as DtTrafficReplayHelper::Install reads a record
 * and parse each with DtTrafficReplayHelper::ParseLine. A rejected line must
 * come with an error text and leave the entry untouched; an accepted one
 * must hold values in range and format back (FormatLine) into a line that
 * parses to the same entry.
 *
 * \param data the bytes
 * \param size their count
 * \return line counts and any broken invariant
 */
DtFuzzRecordOutcome DtFuzzCheckTrafficRecord(const uint8_t* data, std::size_t size);

} // namespace ns3

#endif /* DT_FUZZ_TARGETS_H */
