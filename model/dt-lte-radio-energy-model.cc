/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-lte-radio-energy-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/energy-source.h"
#include "ns3/log.h"
#include "ns3/lte-common.h"
#include "ns3/lte-spectrum-phy.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtLteRadioEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(DtLteRadioEnergyModel);

TypeId
DtLteRadioEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtLteRadioEnergyModel")
            .SetParent<DeviceEnergyModel>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtLteRadioEnergyModel>()
            .AddAttribute("IdlePower",
                          "Power of the connected radio with nothing scheduled, W.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DtLteRadioEnergyModel::m_idleW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("RxPower",
                          "Power while receiving a transport block, W.",
                          DoubleValue(1.5),
                          MakeDoubleAccessor(&DtLteRadioEnergyModel::m_rxW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("TxPower",
                          "Power while sending a transport block, W.",
                          DoubleValue(2.5),
                          MakeDoubleAccessor(&DtLteRadioEnergyModel::m_txW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("Tti",
                          "Duration of a transport block.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&DtLteRadioEnergyModel::m_tti),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddTraceSource("TotalEnergyConsumption",
                            "Energy consumed by the radio, J.",
                            MakeTraceSourceAccessor(&DtLteRadioEnergyModel::m_totalEnergy),
                            "ns3::TracedValueCallback::Double");
    return tid;
}

DtLteRadioEnergyModel::DtLteRadioEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

DtLteRadioEnergyModel::~DtLteRadioEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtLteRadioEnergyModel::DoDispose()
{
    m_ttiEnd.Cancel();
    if (Ptr<LteUePhy> phy = m_ue ? m_ue->GetPhy() : nullptr)
    {
        // The UE may outlive this model: stop its notifications.
        phy->TraceDisconnectWithoutContext("UlPhyTransmission",
                                           MakeCallback(&DtLteRadioEnergyModel::Transmitted, this));
        if (Ptr<LteSpectrumPhy> dl = phy->GetDlSpectrumPhy())
        {
            dl->TraceDisconnectWithoutContext("DlPhyReception",
                                              MakeCallback(&DtLteRadioEnergyModel::Received, this));
        }
    }
    m_ue = nullptr;
    m_source = nullptr;
    DeviceEnergyModel::DoDispose();
}

void
DtLteRadioEnergyModel::Attach(Ptr<LteUeNetDevice> ue)
{
    NS_ABORT_MSG_IF(!ue, "DtLteRadioEnergyModel: null LteUeNetDevice");
    ue->GetPhy()->TraceConnectWithoutContext(
        "UlPhyTransmission", MakeCallback(&DtLteRadioEnergyModel::Transmitted, this));
    ue->GetPhy()->GetDlSpectrumPhy()->TraceConnectWithoutContext(
        "DlPhyReception", MakeCallback(&DtLteRadioEnergyModel::Received, this));
    m_ue = ue;
}

void
DtLteRadioEnergyModel::SetEnergySource(Ptr<EnergySource> source)
{
    NS_ABORT_MSG_IF(!source, "DtLteRadioEnergyModel: null EnergySource");
    m_source = source;
    m_lastUpdate = Simulator::Now();
}

double
DtLteRadioEnergyModel::GetPowerW() const
{
    if (m_depleted)
    {
        return 0.0;
    }
    return m_state == TX ? m_txW : (m_state == RX ? m_rxW : m_idleW);
}

double
DtLteRadioEnergyModel::GetTotalEnergyConsumption() const
{
    return m_totalEnergy + GetPowerW() * (Simulator::Now() - m_lastUpdate).GetSeconds();
}

Time
DtLteRadioEnergyModel::GetTxTime() const
{
    return m_txTime + (m_state == TX ? Simulator::Now() - m_lastUpdate : Seconds(0));
}

void
DtLteRadioEnergyModel::ChangeState(int newState)
{
    NS_ABORT_MSG_IF(newState < IDLE || newState > TX,
                    "DtLteRadioEnergyModel: no state " << newState);
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    if (m_state == TX)
    {
        m_txTime += now - m_lastUpdate;
    }
    m_lastUpdate = now;
    if (m_source)
    {
        m_source->UpdateEnergySource(); // at the old state's current, before it changes
    }
    m_state = static_cast<State>(newState);
}

void
DtLteRadioEnergyModel::Transmitted(PhyTransmissionStatParameters)
{
    if (m_state != TX)
    {
        ChangeState(TX);
    }
    m_ttiEnd.Cancel();
    m_ttiEnd = Simulator::Schedule(m_tti, &DtLteRadioEnergyModel::EndOfTti, this);
}

void
DtLteRadioEnergyModel::Received(PhyReceptionStatParameters)
{
    if (m_state == TX)
    {
        return; // transmitting dominates this TTI
    }
    if (m_state != RX)
    {
        ChangeState(RX);
    }
    m_ttiEnd.Cancel();
    m_ttiEnd = Simulator::Schedule(m_tti, &DtLteRadioEnergyModel::EndOfTti, this);
}

void
DtLteRadioEnergyModel::EndOfTti()
{
    ChangeState(IDLE);
}

double
DtLteRadioEnergyModel::DoGetCurrentA() const
{
    const double v = m_source ? m_source->GetSupplyVoltage() : 0.0;
    return v > 0 ? GetPowerW() / v : 0.0;
}

void
DtLteRadioEnergyModel::HandleEnergyDepletion()
{
    // Called from inside the source's update: account, but do not call back.
    const Time now = Simulator::Now();
    m_totalEnergy = m_totalEnergy + GetPowerW() * (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    m_depleted = true;
}

void
DtLteRadioEnergyModel::HandleEnergyRecharged()
{
    m_lastUpdate = Simulator::Now();
    m_depleted = false;
}

void
DtLteRadioEnergyModel::HandleEnergyChanged()
{
}

} // namespace ns3
