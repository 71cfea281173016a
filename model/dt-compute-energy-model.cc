/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-compute-energy-model.h"

#include "compute-resource.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/energy-source.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtComputeEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(DtComputeEnergyModel);

TypeId
DtComputeEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtComputeEnergyModel")
            .SetParent<DeviceEnergyModel>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtComputeEnergyModel>()
            .AddAttribute("IdlePower",
                          "Power drawn with no core busy, W.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&DtComputeEnergyModel::m_idlePowerW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("BusyPowerPerCore",
                          "Power added by each busy core, W.",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&DtComputeEnergyModel::m_busyPowerW),
                          MakeDoubleChecker<double>(0))
            .AddTraceSource("TotalEnergyConsumption",
                            "Energy consumed by the processor, J.",
                            MakeTraceSourceAccessor(&DtComputeEnergyModel::m_totalEnergy),
                            "ns3::TracedValueCallback::Double");
    return tid;
}

DtComputeEnergyModel::DtComputeEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

DtComputeEnergyModel::~DtComputeEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtComputeEnergyModel::DoDispose()
{
    if (m_cpu)
    {
        // The processor may outlive this model: stop its notifications.
        m_cpu->TraceDisconnectWithoutContext(
            "BusyCores", MakeCallback(&DtComputeEnergyModel::BusyCoresChanged, this));
        m_cpu = nullptr;
    }
    m_source = nullptr;
    DeviceEnergyModel::DoDispose();
}

void
DtComputeEnergyModel::Attach(Ptr<ComputeResource> cpu)
{
    NS_LOG_FUNCTION(this << cpu);
    NS_ABORT_MSG_IF(!cpu, "DtComputeEnergyModel: null ComputeResource");
    cpu->TraceConnectWithoutContext("BusyCores",
                                    MakeCallback(&DtComputeEnergyModel::BusyCoresChanged, this));
    m_cpu = cpu;
    ChangeState(static_cast<int>(cpu->GetBusyCores()));
}

void
DtComputeEnergyModel::SetEnergySource(Ptr<EnergySource> source)
{
    NS_ABORT_MSG_IF(!source, "DtComputeEnergyModel: null EnergySource");
    m_source = source;
    m_lastUpdate = Simulator::Now();
}

double
DtComputeEnergyModel::GetPowerW() const
{
    return m_depleted ? 0.0 : m_idlePowerW + m_busyPowerW * m_busyCores;
}

double
DtComputeEnergyModel::GetTotalEnergyConsumption() const
{
    return m_totalEnergy + GetPowerW() * (Simulator::Now() - m_lastUpdate).GetSeconds();
}

void
DtComputeEnergyModel::ChangeState(int newState)
{
    NS_ABORT_MSG_IF(newState < 0, "DtComputeEnergyModel: negative busy core count");
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    if (m_source && !m_depleted)
    {
        // The source settles the energy drawn so far at the current it reads
        // now, so it must run before the state changes.
        m_source->UpdateEnergySource();
    }
    m_busyCores = static_cast<uint32_t>(newState);
}

void
DtComputeEnergyModel::BusyCoresChanged(uint32_t /* oldValue */, uint32_t newValue)
{
    ChangeState(static_cast<int>(newValue));
}

double
DtComputeEnergyModel::DoGetCurrentA() const
{
    const double v = m_source ? m_source->GetSupplyVoltage() : 0.0;
    return v > 0 ? GetPowerW() / v : 0.0;
}

void
DtComputeEnergyModel::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    // Called from inside the source's update: account, but do not call back.
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    m_depleted = true;
}

void
DtComputeEnergyModel::HandleEnergyRecharged()
{
    NS_LOG_FUNCTION(this);
    m_lastUpdate = Simulator::Now(); // nothing was drawn while depleted
    m_depleted = false;
}

void
DtComputeEnergyModel::HandleEnergyChanged()
{
}

bool
DtComputeEnergyModel::IsDepleted() const
{
    return m_depleted;
}

} // namespace ns3
