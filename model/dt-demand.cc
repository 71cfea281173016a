/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-demand.h"

namespace ns3
{

const char*
DtDemandStateName(DtDemandState state)
{
    switch (state)
    {
        case DtDemandState::PENDING:
            return "pending";
        case DtDemandState::COMPLETED_IN_DEADLINE:
            return "completed_in_deadline";
        case DtDemandState::COMPLETED_LATE:
            return "completed_late";
        case DtDemandState::FAILED:
            return "failed";
    }
    return "invalid-state";
}

} // namespace ns3
