/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_LTE_RADIO_ENERGY_MODEL_H
#define DT_LTE_RADIO_ENERGY_MODEL_H

#include "dt-power-energy-model.h"

#include "ns3/event-id.h"

namespace ns3
{

class LteUeNetDevice;
struct PhyTransmissionStatParameters;
struct PhyReceptionStatParameters;

/**
 * \ingroup multilayer-dt
 * Energy drawn by an LTE UE's radio, for ns-3's energy framework (ns-3's LTE
 * module has no device energy model).
 *
 * A state model driven by the UE PHY's own traces: every uplink transport
 * block (UlPhyTransmission) keeps the radio transmitting for one TTI, every
 * downlink transport block for this UE (DlPhyReception) receiving for one
 * TTI; otherwise it is connected and idle. The power of each state is an
 * attribute (defaults in the range measured for LTE handsets: idle 1.0 W,
 * receive 1.5 W, transmit 2.5 W); transmission wins over reception in a TTI
 * with both.
 */
class DtLteRadioEnergyModel : public DtPowerEnergyModel
{
  public:
    /// Radio states.
    enum State
    {
        IDLE = 0, //!< connected, nothing scheduled
        RX = 1,   //!< receiving a transport block
        TX = 2,   //!< sending a transport block
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtLteRadioEnergyModel();
    ~DtLteRadioEnergyModel() override;

    /**
     * Follow a UE's PHY.
     * \param ue the UE device
     */
    void Attach(Ptr<LteUeNetDevice> ue);

    /**
     * \param newState a State
     */
    void ChangeState(int newState) override;

    /** \return time spent transmitting so far */
    Time GetTxTime() const;

  protected:
    void DoDispose() override;

  private:
    double GetStatePowerW() const override;
    /**
     * An uplink transport block was sent.
     * \param p its parameters
     */
    void Transmitted(PhyTransmissionStatParameters p);
    /**
     * A downlink transport block was received.
     * \param p its parameters
     */
    void Received(PhyReceptionStatParameters p);
    /** The TTI of the last transport block is over. */
    void EndOfTti();

    double m_idleW;           //!< idle power
    double m_rxW;             //!< receive power
    double m_txW;             //!< transmit power
    Time m_tti;               //!< transport block duration
    State m_state{IDLE};      //!< current state
    Time m_txTime;            //!< time spent transmitting, closed periods
    EventId m_ttiEnd;         //!< back to idle
    Ptr<LteUeNetDevice> m_ue; //!< the UE followed
};

} // namespace ns3

#endif /* DT_LTE_RADIO_ENERGY_MODEL_H */
