/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ACCESS_NETWORK_H
#define DT_ACCESS_NETWORK_H

#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object.h"

#include <string>
#include <vector>

namespace ns3
{

class DtFibreCore;

/**
 * \ingroup multilayer-dt
 * What a built-in access network is built for: the scenario's nodes and the
 * edge each terminal starts at.
 */
struct DtAccessPlan
{
    NodeContainer cloud;          //!< the cloud node
    NodeContainer edges;          //!< edge servers (access points, eNB sites)
    NodeContainer terminals;      //!< terminals
    std::vector<uint32_t> edgeOf; //!< terminal index -> edge index at the start
};

/**
 * \ingroup multilayer-dt
 * The access part of a built-in scenario (the network between the terminals
 * and the edge servers): Wi-Fi with one BSS per edge (DtWifiAccess), one
 * Wi-Fi ESS (DtWifiRoamingAccess), LTE with EPC (DtLteAccess), or a wire per
 * terminal (DtWiredAccess). MultiLayerDtHelper builds one, then the fibre
 * core (DtFibreCore), then lets the access network add its routes, then
 * installs the DTs with DtSystemHelper. A study with a network of its own
 * needs none of these: it builds its network with ns-3's helpers and uses
 * DtSystemHelper directly.
 */
class DtAccessNetwork : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ~DtAccessNetwork() override;

    /**
     * Create the access devices and assign their addresses (the nodes have
     * their IP stacks and positions; the core is not built yet).
     * \param plan the nodes
     */
    virtual void Build(const DtAccessPlan& plan) = 0;
    /**
     * Add the routes (the core is built).
     * \param plan the nodes
     * \param core the fibre core
     */
    virtual void Route(const DtAccessPlan& plan, const DtFibreCore& core) = 0;

    /**
     * \param terminal a terminal index
     * \return its address
     */
    Ipv4Address GetTerminalAddress(uint32_t terminal) const;
    /**
     * \param edge an edge index
     * \return its address on the access side, or 0.0.0.0 if it has none of
     *         its own there (its DT then uses its fibre address)
     */
    virtual Ipv4Address GetEdgeAddress(uint32_t edge) const;
    /**
     * \param edge an edge index
     * \return the cell its site serves (an LTE cell id; else the edge index)
     */
    virtual uint32_t GetCellOfEdge(uint32_t edge) const;
    /**
     * \param edge an edge index
     * \return its Wi-Fi access point, or null
     */
    virtual Ptr<NetDevice> GetAccessPoint(uint32_t edge) const;
    /** \return the access devices (Wi-Fi or point-to-point), for faults and PCAP */
    NetDeviceContainer GetAccessDevices() const;
    /**
     * \return devices of the access network's own backhaul (LTE: the edge
     *         servers' links to the PGW), counted with the fibre
     */
    virtual NetDeviceContainer GetBackhaulDevices() const;
    /**
     * Write PCAP traces of the access devices (and of the EPC's links).
     * \param prefix file name prefix
     */
    virtual void EnablePcap(const std::string& prefix) const = 0;
    /** \return true if Handover moves a terminal to another cell */
    virtual bool CanHandOver() const;
    /**
     * \return the most uplink one cell carries, shared by its terminals:
     *         the PHY rate of the stations' data mode (Wi-Fi), the transport
     *         blocks of the top uplink MCS on every resource block of every
     *         TTI (LTE); 0 where the medium is not shared (wired)
     */
    virtual DataRate GetUplinkCapacity() const;
    /**
     * Move a terminal to another edge site's cell now (LTE: an X2 handover;
     * Wi-Fi ESS: a re-association).
     * \param terminal a terminal index
     * \param targetEdge an edge index, or NEXT_EDGE: the site after the serving one
     */
    virtual void Handover(uint32_t terminal, uint32_t targetEdge);
    /// Handover target: the edge site after the serving one.
    static constexpr uint32_t NEXT_EDGE = 0xFFFFFFFF;

  protected:
    void DoDispose() override;

    std::vector<Ipv4Address> m_terminalAddr; //!< per terminal
    NetDeviceContainer m_accessDevices;      //!< access devices
};

} // namespace ns3

#endif /* DT_ACCESS_NETWORK_H */
