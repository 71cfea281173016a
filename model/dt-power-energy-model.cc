/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-power-energy-model.h"

#include "dt-energy-compat.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtPowerEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(DtPowerEnergyModel);

TypeId
DtPowerEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtPowerEnergyModel")
            .SetParent<energy::DeviceEnergyModel>()
            .SetGroupName("MultilayerDt")
            .AddTraceSource("TotalEnergyConsumption",
                            "Energy consumed by the device, J.",
                            MakeTraceSourceAccessor(&DtPowerEnergyModel::m_totalEnergy),
                            "ns3::TracedValueCallback::Double");
    return tid;
}

DtPowerEnergyModel::DtPowerEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

DtPowerEnergyModel::~DtPowerEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtPowerEnergyModel::DoDispose()
{
    m_source = nullptr;
    energy::DeviceEnergyModel::DoDispose();
}

void
DtPowerEnergyModel::SetEnergySource(Ptr<energy::EnergySource> source)
{
    NS_ABORT_MSG_IF(!source, GetInstanceTypeId().GetName() << ": null EnergySource");
    m_source = source;
    m_lastUpdate = Simulator::Now();
}

double
DtPowerEnergyModel::GetPowerW() const
{
    return m_depleted ? 0.0 : GetStatePowerW();
}

double
DtPowerEnergyModel::GetTotalEnergyConsumption() const
{
    return m_totalEnergy + GetPowerW() * (Simulator::Now() - m_lastUpdate).GetSeconds();
}

void
DtPowerEnergyModel::Settle()
{
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    if (m_source && !m_depleted)
    {
        // The source settles the energy drawn so far at the current it reads
        // now, so it must run before the state changes.
        m_source->UpdateEnergySource();
    }
}

Time
DtPowerEnergyModel::GetLastSettled() const
{
    return m_lastUpdate;
}

double
DtPowerEnergyModel::DoGetCurrentA() const
{
    const double v = m_source ? m_source->GetSupplyVoltage() : 0.0;
    return v > 0 ? GetPowerW() / v : 0.0;
}

void
DtPowerEnergyModel::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    // Called from inside the source's update: account, but do not call back.
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    m_depleted = true;
}

void
DtPowerEnergyModel::HandleEnergyRecharged()
{
    NS_LOG_FUNCTION(this);
    m_lastUpdate = Simulator::Now(); // nothing was drawn while depleted
    m_depleted = false;
}

void
DtPowerEnergyModel::HandleEnergyChanged()
{
}

bool
DtPowerEnergyModel::IsDepleted() const
{
    return m_depleted;
}

} // namespace ns3
