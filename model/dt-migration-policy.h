/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MIGRATION_POLICY_H
#define DT_MIGRATION_POLICY_H

#include "dt-address-book.h"
#include "dt-digital-agent.h"

#include "ns3/nstime.h"
#include "ns3/object.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * What happens to a terminal's digital agent when the terminal is handed over
 * to a cell of another edge DT (a plain enum: ns-3.37's EnumValue needs one).
 * The MigrationPolicy attribute of the local and edge DTs is a shorthand
 * for the built-in DtMigrationPolicy objects (DtMigrationPolicyFor).
 */
enum DtMigrationMode
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
const char* DtMigrationModeName(DtMigrationMode policy);

/**
 * \param policy a policy
 * \return true if the agent follows its terminal to another edge DT
 *         (Reactive, Proactive)
 */
bool DtMigrationModeMoves(DtMigrationMode policy);

/**
 * \ingroup multilayer-dt
 * Decides what happens to a terminal's digital agent when the terminal moves:
 * whether it follows the terminal to the edge DT of its new cell, and, for
 * policies that predict, where to pre-copy it before the handover. The edge
 * DTs' migration mechanism (request, state transfer, delta, replicas,
 * forwarding) executes the decision, whatever the policy.
 *
 * Set one on the local and the edge DTs (their MigrationPolicyObject
 * attribute; without it, their MigrationPolicy shorthand picks a built-in
 * one). Subclass it to study a rule of your own. The local DT and both edge
 * DTs ask MovesOnHandover about the same handover: the answer must depend
 * only on its arguments.
 */
class DtMigrationPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * A terminal was handed over from a cell of one edge DT to a cell of
     * another.
     * \param terminal the terminal's DT id
     * \param fromEdge the edge DT that hosts its agent
     * \param toEdge the edge DT of its new cell
     * \return true if the agent follows the terminal to toEdge
     */
    virtual bool MovesOnHandover(uint32_t terminal, uint32_t fromEdge, uint32_t toEdge) const = 0;
    /**
     * \return how often the edge DTs ask ChoosePreCopyTarget about each
     *         hosted agent (0, the default: never)
     */
    virtual Time GetPredictionInterval() const;
    /**
     * Where to pre-copy an agent ahead of its terminal's handover.
     * \param agent a hosted agent (its position stream holds the terminal's
     *        Kalman state: x, y, vx, vy)
     * \param book the address book (cells, their sites and edge DTs)
     * \param self the asking edge DT's id
     * \param target set to the edge DT to pre-copy to
     * \return true to pre-copy (the default: false)
     */
    virtual bool ChoosePreCopyTarget(const DtDigitalAgent& agent,
                                     const DtAddressBook& book,
                                     uint32_t self,
                                     uint32_t& target) const;
};

/**
 * \ingroup multilayer-dt
 * Reactive migration: the agent follows its terminal; the new edge DT pulls
 * it from the old one after the handover.
 */
class DtReactiveMigration : public DtMigrationPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    bool MovesOnHandover(uint32_t terminal, uint32_t fromEdge, uint32_t toEdge) const override;
};

/**
 * \ingroup multilayer-dt
 * No migration: the agent stays at the edge DT that hosts it; the terminal
 * reaches it through the backhaul.
 */
class DtNoMigration : public DtMigrationPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    bool MovesOnHandover(uint32_t terminal, uint32_t fromEdge, uint32_t toEdge) const override;
};

/**
 * \ingroup multilayer-dt
 * Proactive migration: every PredictionInterval the hosting edge DT
 * extrapolates each terminal's position PredictionHorizon ahead from its
 * twin's position and velocity; when the nearest cell there belongs to
 * another edge DT, the agent is pre-copied to it, and at the handover only
 * the delta follows. A wrong prediction falls back to reactive migration.
 */
class DtProactiveMigration : public DtReactiveMigration
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Time GetPredictionInterval() const override;
    bool ChoosePreCopyTarget(const DtDigitalAgent& agent,
                             const DtAddressBook& book,
                             uint32_t self,
                             uint32_t& target) const override;

  private:
    Time m_interval; //!< prediction period
    Time m_horizon;  //!< how far ahead
};

/**
 * \param mode a shorthand
 * \param predictionInterval Proactive: the prediction period
 * \param predictionHorizon Proactive: how far ahead
 * \return a new built-in policy object for it
 */
Ptr<DtMigrationPolicy> DtMigrationPolicyFor(DtMigrationMode mode,
                                            Time predictionInterval = MilliSeconds(250),
                                            Time predictionHorizon = Seconds(2));

} // namespace ns3

#endif /* DT_MIGRATION_POLICY_H */
