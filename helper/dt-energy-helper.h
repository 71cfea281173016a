/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ENERGY_HELPER_H
#define DT_ENERGY_HELPER_H

#include "ns3/dt-energy-compat.h"
#include "ns3/node-container.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Gives terminals batteries (ns-3's BasicEnergySource) drained by their
 * radios: a DtWifiRadioEnergyModel for every Wi-Fi device, a
 * DtLteRadioEnergyModel for every LTE UE device. Works on any nodes; install
 * it before DtSystemHelper::InstallLocalDt, which adds the processor's
 * DtComputeEnergyModel to the same battery.
 */
class DtEnergyHelper
{
  public:
    DtEnergyHelper();

    /** \param joules each battery's initial energy, J (> 0) */
    void SetBatteryEnergy(double joules);
    /** \param volts the batteries' supply voltage, V (> 0) */
    void SetSupplyVoltage(double volts);

    /**
     * \param terminals the terminals
     * \return their batteries
     */
    energy::EnergySourceContainer Install(NodeContainer terminals) const;

  private:
    double m_joules{40000}; //!< initial energy
    double m_volts{3.7};    //!< supply voltage
};

} // namespace ns3

#endif /* DT_ENERGY_HELPER_H */
