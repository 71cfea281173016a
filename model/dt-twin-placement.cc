/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-twin-placement.h"

namespace ns3
{

const char*
DtTwinPlacementName(DtTwinPlacement placement)
{
    switch (placement)
    {
        case DT_TWIN_EDGE:
            return "edge";
        case DT_TWIN_CLOUD:
            return "cloud";
        case DT_TWIN_EDGE_CLOUD:
            return "edgecloud";
    }
    return "unknown";
}

} // namespace ns3
