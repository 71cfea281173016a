/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-energy-helper.h"

#include "ns3/abort.h"
#include "ns3/basic-energy-source-helper.h"
#include "ns3/double.h"
#include "ns3/dt-lte-radio-energy-model.h"
#include "ns3/dt-wifi-radio-energy-model.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/wifi-net-device.h"

namespace ns3
{

DtEnergyHelper::DtEnergyHelper()
{
}

void
DtEnergyHelper::SetBatteryEnergy(double joules)
{
    NS_ABORT_MSG_IF(!(joules > 0), "DtEnergyHelper: battery energy " << joules << " J is not > 0");
    m_joules = joules;
}

void
DtEnergyHelper::SetSupplyVoltage(double volts)
{
    NS_ABORT_MSG_IF(!(volts > 0), "DtEnergyHelper: supply voltage " << volts << " V is not > 0");
    m_volts = volts;
}

energy::EnergySourceContainer
DtEnergyHelper::Install(NodeContainer terminals) const
{
    BasicEnergySourceHelper battery;
    battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(m_joules));
    battery.Set("BasicEnergySupplyVoltageV", DoubleValue(m_volts));
    energy::EnergySourceContainer sources = battery.Install(terminals);
    for (uint32_t i = 0; i < terminals.GetN(); ++i)
    {
        Ptr<Node> n = terminals.Get(i);
        for (uint32_t d = 0; d < n->GetNDevices(); ++d)
        {
            if (Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(n->GetDevice(d)))
            {
                Ptr<DtWifiRadioEnergyModel> wifi = CreateObject<DtWifiRadioEnergyModel>();
                wifi->SetEnergySource(sources.Get(i));
                sources.Get(i)->AppendDeviceEnergyModel(wifi);
                wifi->Attach(dev);
            }
            if (Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(n->GetDevice(d)))
            {
                Ptr<DtLteRadioEnergyModel> lte = CreateObject<DtLteRadioEnergyModel>();
                lte->SetEnergySource(sources.Get(i));
                sources.Get(i)->AppendDeviceEnergyModel(lte);
                lte->Attach(ue);
            }
        }
    }
    return sources;
}

} // namespace ns3
