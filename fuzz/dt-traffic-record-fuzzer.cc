/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the traffic-record parser of DtTrafficReplayHelper
// (ParseLine, FormatLine) on arbitrary text, with the checks of
// DtFuzzCheckTrafficRecord.
//
//   ./mldt fuzz 600

#include "dt-fuzz-targets.h"

#include <cstdio>
#include <cstdlib>

/**
 * libFuzzer entry point.
 * \param data the input
 * \param size its size
 * \return 0
 */
extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const ns3::DtFuzzRecordOutcome outcome = ns3::DtFuzzCheckTrafficRecord(data, size);
    if (!outcome.problem.empty())
    {
        std::fprintf(stderr, "dt-traffic-record-fuzzer: %s\n", outcome.problem.c_str());
        std::abort();
    }
    return 0;
}
