/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MIGRATION_POLICY_H
#define DT_MIGRATION_POLICY_H

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * What happens to a terminal's digital agent when the terminal is handed over
 * to a cell of another edge DT (a plain enum: ns-3.37's EnumValue needs one).
 */
enum DtMigrationPolicy
{
    /**
     * Reactive: after the handover the local DT joins the new edge DT, which
     * pulls the agent's state from the old one (MIGRATION_REQUEST, then
     * MIGRATION_STATE over the backhaul, MIGRATION_ACK); the agent is
     * unavailable in between and the status updates that arrive meanwhile
     * wait for it.
     */
    DT_MIGRATION_REACTIVE = 0,
    /**
     * None: the agent stays where it is; the local DT keeps talking to it,
     * through the new cell and the backhaul.
     */
    DT_MIGRATION_NONE = 1,
    /**
     * Proactive: the edge DT that hosts the agent predicts each terminal's
     * cell PredictionHorizon ahead from the twin's own position and velocity
     * (the Kalman state of the position stream) and, when the predicted cell
     * belongs to another edge DT, pushes a full copy of the agent there
     * (pre-copy). At the handover it sends only what changed since (delta);
     * the agent is unavailable only until the delta arrives. A wrong
     * prediction falls back to Reactive; an unused copy expires.
     */
    DT_MIGRATION_PROACTIVE = 2,
};

/**
 * \param policy a policy
 * \return its name ("reactive", "none", "proactive")
 */
const char* DtMigrationPolicyName(DtMigrationPolicy policy);

/**
 * \param policy a policy
 * \return true if the agent follows its terminal to another edge DT
 *         (Reactive, Proactive)
 */
bool DtMigrationPolicyMoves(DtMigrationPolicy policy);

} // namespace ns3

#endif /* DT_MIGRATION_POLICY_H */
