/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-migration-policy.h"

namespace ns3
{

const char*
DtMigrationPolicyName(DtMigrationPolicy policy)
{
    switch (policy)
    {
        case DT_MIGRATION_REACTIVE:
            return "reactive";
        case DT_MIGRATION_NONE:
            return "none";
        case DT_MIGRATION_PROACTIVE:
            return "proactive";
    }
    return "unknown";
}

bool
DtMigrationPolicyMoves(DtMigrationPolicy policy)
{
    return policy == DT_MIGRATION_REACTIVE || policy == DT_MIGRATION_PROACTIVE;
}

} // namespace ns3
