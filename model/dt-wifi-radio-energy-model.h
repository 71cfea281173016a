/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIFI_RADIO_ENERGY_MODEL_H
#define DT_WIFI_RADIO_ENERGY_MODEL_H

#include "dt-power-energy-model.h"

#include "ns3/event-id.h"

#include <memory>

namespace ns3
{

class WifiPhy;
class WifiNetDevice;

/**
 * \ingroup multilayer-dt
 * Energy drawn by a Wi-Fi radio, for ns-3's energy framework.
 *
 * A state model that follows the PHY as a WifiPhyListener (idle, CCA busy,
 * receiving, transmitting, switching channel, sleeping, off), with a power
 * per state. The defaults are ns-3's WifiRadioEnergyModel currents at 3.7 V
 * (idle and CCA busy 0.273 A, receive 0.313 A, transmit 0.380 A, sleep
 * 0.033 A).
 *
 * Unlike ns-3.37's WifiRadioEnergyModel, it schedules no depletion event at
 * each state change: that model re-schedules an event for the far-future
 * time the battery would run out at every change of every station that
 * hears a frame, and the cancelled events stay in the scheduler, so memory
 * grows with the square of the stations sharing a channel. Here the battery
 * is settled at every change of power, and a depleted battery stops the
 * drain (the radio is not switched off).
 */
class DtWifiRadioEnergyModel : public DtPowerEnergyModel
{
  public:
    /// Radio states.
    enum State
    {
        IDLE = 0,      //!< nothing on the air
        CCA_BUSY = 1,  //!< the medium is busy, no frame for the PHY
        RX = 2,        //!< receiving a frame
        TX = 3,        //!< transmitting
        SWITCHING = 4, //!< changing channel
        SLEEP = 5,     //!< power save
        OFF = 6,       //!< switched off
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtWifiRadioEnergyModel();
    ~DtWifiRadioEnergyModel() override;

    /**
     * Follow a Wi-Fi device's PHY (its first link).
     * \param device the device
     */
    void Attach(Ptr<WifiNetDevice> device);

    /**
     * \param newState a State
     */
    void ChangeState(int newState) override;

    /** \return the current State */
    State GetState() const;

    /** \return time spent transmitting so far */
    Time GetTxTime() const;

  protected:
    void DoDispose() override;

  private:
    class Listener;
    friend class Listener;

    double GetStatePowerW() const override;
    /**
     * \param state a State
     * \return its power, W
     */
    double GetPowerOf(State state) const;
    /**
     * Enter a state that lasts a known time, then go back to idle.
     * \param state TX, CCA_BUSY or SWITCHING
     * \param duration how long
     */
    void EnterFor(State state, Time duration);
    /** The timed state is over. */
    void EndTimedState();

    double m_idleW;                       //!< idle power
    double m_ccaBusyW;                    //!< CCA busy power
    double m_rxW;                         //!< receive power
    double m_txW;                         //!< transmit power
    double m_switchingW;                  //!< channel switching power
    double m_sleepW;                      //!< sleep power
    State m_state{IDLE};                  //!< current state
    Time m_stateSince;                    //!< when it was entered
    Time m_txTime;                        //!< time spent transmitting, closed periods
    EventId m_timedEnd;                   //!< end of a TX, CCA busy or switching period
    Ptr<WifiPhy> m_phy;                   //!< the PHY followed
    std::shared_ptr<Listener> m_listener; //!< registered with m_phy
};

} // namespace ns3

#endif /* DT_WIFI_RADIO_ENERGY_MODEL_H */
