/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIFI_ROAMING_ACCESS_H
#define DT_WIFI_ROAMING_ACCESS_H

#include "dt-access-network.h"
#include "dt-wifi-access.h"

#include "ns3/mac48-address.h"

#include <vector>

namespace ns3
{

class DtWifiRoamingManager;
class Ipv4StaticRouting;

/**
 * \ingroup multilayer-dt
 * Wi-Fi as one ESS: every edge server is an 802.11ac access point on the
 * same channel, SSID (mldt) and subnet (10.1.0.0/16); stations roam between
 * them (DtWifiRoamingManager: SNR with hysteresis, rates from
 * IdealWifiManager). The edges form a chain over the fibre core; the routes
 * to a station follow it from access point to access point, as an ESS's
 * distribution system does on a re-association.
 */
class DtWifiRoamingAccess : public DtAccessNetwork
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtWifiRoamingAccess();
    /** \param parameters what the network is built from (the rates are unused) */
    explicit DtWifiRoamingAccess(const DtWifiParameters& parameters);
    ~DtWifiRoamingAccess() override;

    void Build(const DtAccessPlan& plan) override;
    void Route(const DtAccessPlan& plan, const DtFibreCore& core) override;
    Ptr<NetDevice> GetAccessPoint(uint32_t edge) const override;
    void EnablePcap(const std::string& prefix) const override;
    bool CanHandOver() const override;
    /** \return the PHY rate of the fastest VHT MCS at the width (rates adapt) */
    DataRate GetUplinkCapacity() const override;
    void Handover(uint32_t terminal, uint32_t targetEdge) override;

  protected:
    void DoDispose() override;

  private:
    /**
     * A station associated with an AP: route its traffic through that AP's
     * edge.
     * \param terminal terminal index
     * \param bssid the AP
     */
    void StationAssociated(uint32_t terminal, Mac48Address bssid);
    /**
     * Routes to one station through an edge.
     * \param terminal terminal index
     * \param edge the edge whose AP serves it
     */
    void RouteStation(uint32_t terminal, uint32_t edge);
    /**
     * Route from one edge towards another along the edge chain.
     * \param from the edge
     * \param to the other edge
     * \param nextHop set to the neighbouring edge's address on the way
     * \return the interface of from towards it
     */
    uint32_t ChainNextHop(uint32_t from, uint32_t to, Ipv4Address& nextHop) const;

    DtWifiParameters m_parameters;                    //!< what it is built from
    NodeContainer m_edges;                            //!< the edges
    NodeContainer m_terminals;                        //!< the terminals
    Ptr<Node> m_coreRouter;                           //!< far end of the edges' fibre
    std::vector<Ipv4Address> m_edgeAddr;              //!< per edge, its fibre address
    NetDeviceContainer m_staDevices;                  //!< per terminal
    NetDeviceContainer m_apDevices;                   //!< per edge
    std::vector<Mac48Address> m_apMac;                //!< per edge
    std::vector<Ptr<DtWifiRoamingManager>> m_roaming; //!< per terminal
    std::vector<uint32_t> m_servingEdge;              //!< per terminal: edge whose AP serves it
};

} // namespace ns3

#endif /* DT_WIFI_ROAMING_ACCESS_H */
