/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FAULT_ERROR_MODEL_H
#define DT_FAULT_ERROR_MODEL_H

#include "ns3/error-model.h"

namespace ns3
{

class UniformRandomVariable;

/**
 * \ingroup multilayer-dt
 * The faults of one receiving device: independent packet loss at a fixed
 * rate, and a down state (its node or link failed) in which every packet is
 * lost. Set as a point-to-point device's ReceiveErrorModel or a Wi-Fi PHY's
 * PostReceptionErrorModel; it counts what it dropped, by cause.
 */
class DtFaultErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtFaultErrorModel();
    ~DtFaultErrorModel() override;

    /** \param down true: drop every packet (node or link failed); false: back to the loss rate */
    void SetDown(bool down);
    /** \return true while down */
    bool IsDown() const;
    /** \return packets dropped by the loss rate */
    uint64_t GetLossDropped() const;
    /** \return packets exposed to the loss rate (lost or not) */
    uint64_t GetLossExposed() const;
    /** \return packets dropped while down */
    uint64_t GetDownDropped() const;

    /**
     * \param stream first random stream to use
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /**
     * \param p a received MPDU's payload
     * \return true if it starts with an LLC/SNAP header of IPv4 or ARP
     */
    static bool CarriesIp(Ptr<const Packet> p);
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    double m_lossRate;                    //!< probability of losing a packet
    bool m_ipOnly;                        //!< lose only IP and ARP frames
    bool m_down{false};                   //!< drop everything
    Ptr<UniformRandomVariable> m_uniform; //!< loss draws
    uint64_t m_exposed{0};                //!< packets exposed to the loss rate
    uint64_t m_lossDropped{0};            //!< dropped by the loss rate
    uint64_t m_downDropped{0};            //!< dropped while down
};

} // namespace ns3

#endif /* DT_FAULT_ERROR_MODEL_H */
