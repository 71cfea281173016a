/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Minimal user program: builds a DT message and parses it back.
#include "ns3/core-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);
    DtSyncAckHeader ack;
    ack.SetSyncId(42);
    DtMessage msg;
    DtParseResult r = DtMessage::Parse(DtMessage::Build(DtHeader(), ack), msg);
    std::cout << "consumer: " << r << " " << msg.GetPayloadAs<DtSyncAckHeader>().GetSyncId()
              << std::endl;
    return r.Ok() ? 0 : 1;
}
