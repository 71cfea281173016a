/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-compute-energy-model.h"

#include "compute-resource.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtComputeEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(DtComputeEnergyModel);

TypeId
DtComputeEnergyModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtComputeEnergyModel")
                            .SetParent<DtPowerEnergyModel>()
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
                                          MakeDoubleChecker<double>(0));
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
    DtPowerEnergyModel::DoDispose();
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

double
DtComputeEnergyModel::GetStatePowerW() const
{
    return m_idlePowerW + m_busyPowerW * m_busyCores;
}

void
DtComputeEnergyModel::ChangeState(int newState)
{
    NS_ABORT_MSG_IF(newState < 0, "DtComputeEnergyModel: negative busy core count");
    Settle();
    m_busyCores = static_cast<uint32_t>(newState);
}

void
DtComputeEnergyModel::BusyCoresChanged(uint32_t /* oldValue */, uint32_t newValue)
{
    ChangeState(static_cast<int>(newValue));
}

} // namespace ns3
