/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TWIN_PLACEMENT_H
#define DT_TWIN_PLACEMENT_H

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Where a terminal's twin (its digital agent: mirrored state, history, age
 * of information) lives in the multi-layer architecture; a plain enum, for
 * ns-3.37's EnumValue. Demands are served by the tiers either way.
 */
enum DtTwinPlacement
{
    /**
     * Edge-based: at the edge DT serving the terminal; status updates and
     * synchronizations stay one access hop away; the twin migrates with the
     * terminal (MigrationPolicy).
     */
    DT_TWIN_EDGE = 0,
    /**
     * Cloud-based: at the cloud DT; status updates and synchronizations cross
     * the backhaul; nothing migrates.
     */
    DT_TWIN_CLOUD = 1,
    /**
     * Edge-cloud: at the edge DT as Edge, and the edge forwards every
     * synchronized state to the cloud DT, which keeps a copy of each twin
     * for its own analyses.
     */
    DT_TWIN_EDGE_CLOUD = 2,
};

/**
 * \param placement a placement
 * \return its name ("edge", "cloud", "edgecloud")
 */
const char* DtTwinPlacementName(DtTwinPlacement placement);

} // namespace ns3

#endif /* DT_TWIN_PLACEMENT_H */
