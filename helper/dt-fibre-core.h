/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FIBRE_CORE_H
#define DT_FIBRE_CORE_H

#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The fibre core of the built-in scenarios: a point-to-point link from every
 * edge server to the cloud (edge e on 172.16.e.0/24, edge .1, cloud .2) and
 * one between neighbouring edges (172.17.e.0/24), each with the delay of its
 * length at the fibre's delay per km.
 */
class DtFibreCore : public Object
{
  public:
    /// What the core is built from.
    struct Parameters
    {
        DataRate rate{"1Gbps"};           //!< every link's rate
        Time delayPerKm{MicroSeconds(5)}; //!< propagation delay per km
        double edgeCloudKm{100};          //!< edge to cloud
        double edgeEdgeKm{1};             //!< between neighbouring edges
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtFibreCore();
    /** \param parameters what the core is built from */
    explicit DtFibreCore(const Parameters& parameters);
    ~DtFibreCore() override;

    /**
     * Build the links and assign their addresses.
     * \param edges the edge servers
     * \param cloud the cloud node
     */
    void Build(NodeContainer edges, Ptr<Node> cloud);

    /** \return the cloud's address (on edge 0's link) */
    Ipv4Address GetCloudAddress() const;
    /**
     * \param edge an edge index
     * \return its address on its link to the cloud
     */
    Ipv4Address GetEdgeAddress(uint32_t edge) const;
    /** \return every fibre device, the cloud links first */
    NetDeviceContainer GetDevices() const;
    /**
     * Write PCAP traces of every fibre device.
     * \param prefix file name prefix
     */
    void EnablePcap(const std::string& prefix) const;

  protected:
    void DoDispose() override;

  private:
    Parameters m_parameters;             //!< what it is built from
    Ipv4Address m_cloudAddress;          //!< the cloud's address
    std::vector<Ipv4Address> m_edgeAddr; //!< per edge, on its cloud link
    NetDeviceContainer m_devices;        //!< every fibre device
};

} // namespace ns3

#endif /* DT_FIBRE_CORE_H */
