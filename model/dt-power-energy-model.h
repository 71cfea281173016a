/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_POWER_ENERGY_MODEL_H
#define DT_POWER_ENERGY_MODEL_H

#include "dt-energy-compat.h"

#include "ns3/nstime.h"
#include "ns3/traced-value.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Base of the module's device energy models: a device whose power depends
 * on its state only. A subclass says what its state draws (GetStatePowerW)
 * and calls Settle before every state change; this class keeps the energy
 * account (TotalEnergyConsumption trace), makes the EnergySource settle the
 * draw so far at the old state's current, draws the state's power over the
 * source's supply voltage, and draws nothing while the source is depleted.
 */
class DtPowerEnergyModel : public energy::DeviceEnergyModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtPowerEnergyModel();
    ~DtPowerEnergyModel() override;

    void SetEnergySource(Ptr<energy::EnergySource> source) override;
    double GetTotalEnergyConsumption() const override;
    void HandleEnergyDepletion() override;
    void HandleEnergyRecharged() override;
    void HandleEnergyChanged() override;

    /** \return true once the source ran out of energy (until recharged) */
    bool IsDepleted() const;

  protected:
    void DoDispose() override;

    /** \return power the device draws in its current state, W */
    virtual double GetStatePowerW() const = 0;

    /**
     * Account the energy drawn up to now at the current state's power and
     * let the source settle it. Call before the state changes.
     */
    void Settle();

    /** \return when the energy was last accounted */
    Time GetLastSettled() const;

  private:
    double DoGetCurrentA() const override;
    /** \return power drawn now, W (0 while depleted) */
    double GetPowerW() const;

    bool m_depleted{false};               //!< the source ran out
    Time m_lastUpdate;                    //!< last energy accounting
    Ptr<energy::EnergySource> m_source;   //!< the battery
    TracedValue<double> m_totalEnergy{0}; //!< energy consumed, J
};

} // namespace ns3

#endif /* DT_POWER_ENERGY_MODEL_H */
