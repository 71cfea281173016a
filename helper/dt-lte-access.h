/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_LTE_ACCESS_H
#define DT_LTE_ACCESS_H

#include "dt-access-network.h"
#include "dt-fading.h"

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

namespace ns3
{

class LteHelper;
class PointToPointEpcHelper;

/**
 * \ingroup multilayer-dt
 * LTE with EPC: one eNB at each edge site, X2 between them, A3-RSRP handover
 * (or only the handovers asked for), UEs attached to their edge's cell at
 * the start. Edge server e sits behind the PGW on its own fibre
 * (172.20.e.0/24); the cloud is reached through the edges' fibre core.
 */
class DtLteAccess : public DtAccessNetwork
{
  public:
    /// What the network is built from.
    struct Parameters
    {
        uint16_t bandwidth{25};                //!< resource blocks, both directions
        double enbTxPower{30};                 //!< dBm
        DtFading fading;                       //!< fast fading on the path loss
        bool automaticHandover{true};          //!< A3-RSRP (else only Handover calls)
        double hysteresis{3};                  //!< A3 hysteresis, dB
        Time timeToTrigger{MilliSeconds(256)}; //!< A3 time to trigger
        DataRate fibreRate{"1Gbps"};           //!< edge-PGW links
        Time fibreDelayPerKm{MicroSeconds(5)}; //!< propagation delay per km
        double edgePgwKm{1};                   //!< edge-PGW distance
        int64_t stream{0};                     //!< first random stream
        uint32_t srsPeriodicity{0};            //!< ms (0: the smallest that fits every UE)
        bool puschUplinkCqi{false};            //!< uplink CQI from PUSCH (else from SRS)
        bool rlcAm{false};                     //!< RLC AM on the data bearers (else UM)
        Time rlcReordering{MilliSeconds(32)};  //!< RLC t-Reordering (UM and AM)
        uint8_t dtBearerTos{0}; //!< TOS of the DT datagrams' dedicated bearer (0: none)
    };

    /**
     * \param terminals UEs that may attach to one cell
     * \return the smallest SRS periodicity (ms) that gives each of them an SRS
     *         configuration (2, 5, 10, 20, 40, 80, 160 or 320; 0 if none does)
     */
    static uint32_t SrsPeriodicityFor(uint32_t terminals);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtLteAccess();
    /** \param parameters what the network is built from */
    explicit DtLteAccess(const Parameters& parameters);
    ~DtLteAccess() override;

    void Build(const DtAccessPlan& plan) override;
    /** \return the transport blocks of UL MCS 28 on every resource block of every TTI */
    DataRate GetUplinkCapacity() const override;
    void Route(const DtAccessPlan& plan, const DtFibreCore& core) override;
    Ipv4Address GetEdgeAddress(uint32_t edge) const override;
    uint32_t GetCellOfEdge(uint32_t edge) const override;
    NetDeviceContainer GetBackhaulDevices() const override;
    void EnablePcap(const std::string& prefix) const override;
    bool CanHandOver() const override;
    void Handover(uint32_t terminal, uint32_t targetEdge) override;

    /** \return the eNB devices, one per edge */
    NetDeviceContainer GetEnbDevices() const;
    /** \return the UE devices, one per terminal */
    NetDeviceContainer GetUeDevices() const;

  protected:
    void DoDispose() override;

  private:
    Parameters m_parameters;             //!< what it is built from
    Ptr<LteHelper> m_lte;                //!< LTE helper
    Ptr<PointToPointEpcHelper> m_epc;    //!< EPC helper
    NodeContainer m_edges;               //!< the edges
    NodeContainer m_enbNodes;            //!< one eNB per edge site
    NetDeviceContainer m_enbDevices;     //!< eNB devices
    NetDeviceContainer m_ueDevices;      //!< UE devices
    NetDeviceContainer m_backhaul;       //!< edge-PGW links
    std::vector<Ipv4Address> m_edgeAddr; //!< per edge, towards the PGW
};

} // namespace ns3

#endif /* DT_LTE_ACCESS_H */
