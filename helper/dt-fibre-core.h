/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FIBRE_CORE_H
#define DT_FIBRE_CORE_H

#include "ns3/application-container.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/queue-size.h"

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
 *
 * With a wide-area segment (Parameters::wanRate above 0) the edges' links
 * end at a gateway instead (172.16.e.2), whose one link to the cloud
 * (172.18.0.0/24, gateway .1, cloud .2) all edges share: its rate, its
 * transmit queue, the delay of edgeCloudKm, and optionally background load
 * (a constant-rate UDP flow each way at a fraction of its rate). The edges'
 * links then have the delay of edgeGatewayKm.
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
        DataRate wanRate{0};              //!< wide-area segment's rate (0: none)
        QueueSize wanQueue{"100p"};       //!< its transmit queue
        double wanLoad{0};                //!< its background load each way, 0..1
        double edgeGatewayKm{10};         //!< edge to the gateway, with a wide-area segment
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

    /** \return the cloud's address (on edge 0's link, or on the wide-area segment) */
    Ipv4Address GetCloudAddress() const;
    /**
     * \return the node at the far end of the edges' links: the cloud, or the
     * gateway of the wide-area segment; routes towards the access networks
     * belong there
     */
    Ptr<Node> GetCoreRouter() const;
    /** \return whether the edges reach the cloud through a wide-area segment */
    bool HasWan() const;
    /** \return the wide-area segment's devices (gateway, cloud; empty without one) */
    NetDeviceContainer GetWanDevices() const;
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
    Ptr<Node> m_router;                  //!< far end of the edges' links
    NetDeviceContainer m_wan;            //!< gateway and cloud ends of the wide-area segment
    ApplicationContainer m_load;         //!< background load on the wide-area segment
};

} // namespace ns3

#endif /* DT_FIBRE_CORE_H */
