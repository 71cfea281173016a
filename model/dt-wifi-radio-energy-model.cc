/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wifi-radio-energy-model.h"

#include "dt-ns3-version.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy-listener.h"
#include "ns3/wifi-phy-state-helper.h"
#include "ns3/wifi-phy.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtWifiRadioEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(DtWifiRadioEnergyModel);

/// Turns the PHY's notifications into state changes of the model.
class DtWifiRadioEnergyModel::Listener : public WifiPhyListener
{
  public:
    /// \param model the model to drive
    explicit Listener(DtWifiRadioEnergyModel* model)
        : m_model(model)
    {
    }

    void NotifyRxStart(Time) override
    {
        m_model->m_timedEnd.Cancel();
        m_model->ChangeState(RX);
    }

    void NotifyRxEndOk() override
    {
        m_model->ChangeState(IDLE);
    }

    void NotifyRxEndError(MLDT_WIFI_RX_END_ERROR_ARGS) override
    {
        m_model->ChangeState(IDLE);
    }

    void NotifyTxStart(Time duration, double) override
    {
        m_model->EnterFor(TX, duration);
    }

    void NotifyCcaBusyStart(Time duration, WifiChannelListType, const std::vector<Time>&) override
    {
        // Busy medium matters only to a radio that is otherwise idle.
        if (m_model->m_state == IDLE || m_model->m_state == CCA_BUSY)
        {
            m_model->EnterFor(CCA_BUSY, duration);
        }
    }

    void NotifySwitchingStart(Time duration) override
    {
        m_model->EnterFor(SWITCHING, duration);
    }

    void NotifySleep() override
    {
        m_model->m_timedEnd.Cancel();
        m_model->ChangeState(SLEEP);
    }

    void NotifyOff() override
    {
        m_model->m_timedEnd.Cancel();
        m_model->ChangeState(OFF);
    }

    void NotifyWakeup() override
    {
        m_model->ChangeState(IDLE);
    }

    void NotifyOn() override
    {
        m_model->ChangeState(IDLE);
    }

  private:
    DtWifiRadioEnergyModel* m_model; //!< the model driven
};

TypeId
DtWifiRadioEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtWifiRadioEnergyModel")
            .SetParent<DtPowerEnergyModel>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtWifiRadioEnergyModel>()
            .AddAttribute("IdlePower",
                          "Power of the idle radio, W.",
                          DoubleValue(0.273 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_idleW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("CcaBusyPower",
                          "Power while the medium is busy with no frame for this radio, W.",
                          DoubleValue(0.273 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_ccaBusyW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("RxPower",
                          "Power while receiving a frame, W.",
                          DoubleValue(0.313 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_rxW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("TxPower",
                          "Power while transmitting, W.",
                          DoubleValue(0.380 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_txW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SwitchingPower",
                          "Power while changing channel, W.",
                          DoubleValue(0.273 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_switchingW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SleepPower",
                          "Power while sleeping, W.",
                          DoubleValue(0.033 * 3.7),
                          MakeDoubleAccessor(&DtWifiRadioEnergyModel::m_sleepW),
                          MakeDoubleChecker<double>(0));
    return tid;
}

DtWifiRadioEnergyModel::DtWifiRadioEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

DtWifiRadioEnergyModel::~DtWifiRadioEnergyModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtWifiRadioEnergyModel::DoDispose()
{
    m_timedEnd.Cancel();
    if (m_phy && m_listener && m_phy->GetState())
    {
        // The PHY may outlive this model: stop its notifications.
        m_phy->UnregisterListener(DtPhyListenerHandle(m_listener));
    }
    m_phy = nullptr;
    DtPowerEnergyModel::DoDispose();
}

void
DtWifiRadioEnergyModel::Attach(Ptr<WifiNetDevice> device)
{
    NS_ABORT_MSG_IF(!device || !device->GetPhy(),
                    "DtWifiRadioEnergyModel: a WifiNetDevice with a PHY is needed");
    NS_ABORT_MSG_IF(m_phy, "DtWifiRadioEnergyModel: already attached to a PHY");
    m_phy = device->GetPhy();
    m_listener = std::make_shared<Listener>(this);
    m_phy->RegisterListener(DtPhyListenerHandle(m_listener));
}

double
DtWifiRadioEnergyModel::GetPowerOf(State state) const
{
    switch (state)
    {
        case IDLE:
            return m_idleW;
        case CCA_BUSY:
            return m_ccaBusyW;
        case RX:
            return m_rxW;
        case TX:
            return m_txW;
        case SWITCHING:
            return m_switchingW;
        case SLEEP:
            return m_sleepW;
        case OFF:
            return 0.0;
    }
    return 0.0;
}

double
DtWifiRadioEnergyModel::GetStatePowerW() const
{
    return GetPowerOf(m_state);
}

DtWifiRadioEnergyModel::State
DtWifiRadioEnergyModel::GetState() const
{
    return m_state;
}

Time
DtWifiRadioEnergyModel::GetTxTime() const
{
    return m_txTime + (m_state == TX ? Simulator::Now() - m_stateSince : Seconds(0));
}

void
DtWifiRadioEnergyModel::ChangeState(int newState)
{
    NS_ABORT_MSG_IF(newState < IDLE || newState > OFF,
                    "DtWifiRadioEnergyModel: no state " << newState);
    const auto next = static_cast<State>(newState);
    if (next == m_state)
    {
        return;
    }
    const Time now = Simulator::Now();
    if (m_state == TX)
    {
        m_txTime += now - m_stateSince;
    }
    // Every station hearing a frame changes state: settle the battery only
    // when the power changes.
    if (GetPowerOf(next) != GetPowerOf(m_state))
    {
        Settle();
    }
    m_state = next;
    m_stateSince = now;
}

void
DtWifiRadioEnergyModel::EnterFor(State state, Time duration)
{
    m_timedEnd.Cancel();
    ChangeState(state);
    m_timedEnd = Simulator::Schedule(duration, &DtWifiRadioEnergyModel::EndTimedState, this);
}

void
DtWifiRadioEnergyModel::EndTimedState()
{
    ChangeState(IDLE);
}

} // namespace ns3
