/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_COMPUTE_ENERGY_MODEL_H
#define DT_COMPUTE_ENERGY_MODEL_H

#include "ns3/device-energy-model.h"
#include "ns3/nstime.h"
#include "ns3/traced-value.h"

namespace ns3
{

class ComputeResource;
class EnergySource;

/**
 * \ingroup multilayer-dt
 * Energy drawn by a DT node's processor, for ns-3's energy framework.
 *
 * Power is IdlePower plus BusyPowerPerCore for each busy core of the attached
 * ComputeResource (its BusyCores trace drives the state); the current drawn
 * from the EnergySource is that power over the source's supply voltage.
 * Together with a radio energy model on the same source (e.g.
 * WifiRadioEnergyModel) it gives the terminal's battery level.
 */
class DtComputeEnergyModel : public DeviceEnergyModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtComputeEnergyModel();
    ~DtComputeEnergyModel() override;

    /**
     * Follow a processor's busy core count.
     * \param cpu the processor
     */
    void Attach(Ptr<ComputeResource> cpu);

    void SetEnergySource(Ptr<EnergySource> source) override;
    double GetTotalEnergyConsumption() const override;
    /**
     * \param newState number of busy cores
     */
    void ChangeState(int newState) override;
    void HandleEnergyDepletion() override;
    void HandleEnergyRecharged() override;
    void HandleEnergyChanged() override;

    /** \return true once the source ran out of energy */
    bool IsDepleted() const;

  protected:
    void DoDispose() override;

  private:
    double DoGetCurrentA() const override;
    /**
     * BusyCores trace sink.
     * \param oldValue previous count
     * \param newValue new count
     */
    void BusyCoresChanged(uint32_t oldValue, uint32_t newValue);
    /** \return power in the current state, W */
    double GetPowerW() const;

    double m_idlePowerW;                  //!< power with no core busy
    double m_busyPowerW;                  //!< added power per busy core
    uint32_t m_busyCores{0};              //!< current state
    bool m_depleted{false};               //!< source ran out
    Time m_lastUpdate;                    //!< last energy accounting
    Ptr<EnergySource> m_source;           //!< the battery
    Ptr<ComputeResource> m_cpu;           //!< the processor followed
    TracedValue<double> m_totalEnergy{0}; //!< energy consumed, J
};

} // namespace ns3

#endif /* DT_COMPUTE_ENERGY_MODEL_H */
