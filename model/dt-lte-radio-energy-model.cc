/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-lte-radio-energy-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
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
    static TypeId tid = TypeId("ns3::DtLteRadioEnergyModel")
                            .SetParent<DtPowerEnergyModel>()
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
                                          MakeTimeChecker(MicroSeconds(1)));
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
    DtPowerEnergyModel::DoDispose();
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

double
DtLteRadioEnergyModel::GetStatePowerW() const
{
    return m_state == TX ? m_txW : (m_state == RX ? m_rxW : m_idleW);
}

Time
DtLteRadioEnergyModel::GetTxTime() const
{
    return m_txTime + (m_state == TX ? Simulator::Now() - GetLastSettled() : Seconds(0));
}

void
DtLteRadioEnergyModel::ChangeState(int newState)
{
    NS_ABORT_MSG_IF(newState < IDLE || newState > TX,
                    "DtLteRadioEnergyModel: no state " << newState);
    if (m_state == TX)
    {
        m_txTime += Simulator::Now() - GetLastSettled();
    }
    Settle();
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

} // namespace ns3
