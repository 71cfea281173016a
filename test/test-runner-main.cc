/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Standalone runner of this module's ns-3 TestSuites (in-tree builds use
// ns-3's own test-runner instead). Same options as ns-3's test-runner, e.g.
// --list, --suite=multilayer-dt-protocol, --verbose.

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
