/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_COMPUTE_ENERGY_MODEL_H
#define DT_COMPUTE_ENERGY_MODEL_H

#include "dt-power-energy-model.h"

namespace ns3
{

class ComputeResource;

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
class DtComputeEnergyModel : public DtPowerEnergyModel
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

    /**
     * \param newState number of busy cores
     */
    void ChangeState(int newState) override;

  protected:
    void DoDispose() override;

  private:
    double GetStatePowerW() const override;
    /**
     * BusyCores trace sink.
     * \param oldValue previous count
     * \param newValue new count
     */
    void BusyCoresChanged(uint32_t oldValue, uint32_t newValue);

    double m_idlePowerW;        //!< power with no core busy
    double m_busyPowerW;        //!< added power per busy core
    uint32_t m_busyCores{0};    //!< current state
    Ptr<ComputeResource> m_cpu; //!< the processor followed
};

} // namespace ns3

#endif /* DT_COMPUTE_ENERGY_MODEL_H */
