/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_METRO_RING_H
#define DT_METRO_RING_H

#include "ns3/application-container.h"
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
 * A metro ring between the edge servers of a MEC deployment (edges at the
 * cells): edge e and edge (e + 1) mod n share a point-to-point link
 * (172.24.e.0/24, e is .1, e + 1 is .2) with the rate and the delay of one
 * hop. Every edge routes to every other edge's address the shorter way
 * round the ring (host routes, so the rest of its routing is unchanged),
 * hop by hop. Optionally each hop carries background load: a constant-rate
 * UDP flow each way (1500-byte packets) at a fraction of the hop's rate,
 * from the start of the simulation.
 */
class DtMetroRing : public Object
{
  public:
    /// What the ring is built from.
    struct Parameters
    {
        DataRate rate{"1Gbps"};          //!< every hop's rate
        Time hopDelay{MicroSeconds(50)}; //!< every hop's propagation delay
        double load{0};                  //!< background load per hop and direction, 0..1
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtMetroRing();
    /** \param parameters what the ring is built from */
    explicit DtMetroRing(const Parameters& parameters);
    ~DtMetroRing() override;

    /**
     * Build the ring, its routes and its background load.
     * \param edges the edge servers, in ring order (at least 2)
     * \param edgeAddresses the address every other edge reaches each one at
     */
    void Build(NodeContainer edges, const std::vector<Ipv4Address>& edgeAddresses);

    /**
     * \param from an edge index
     * \param to another
     * \return hops between them the shorter way round
     */
    uint32_t GetHops(uint32_t from, uint32_t to) const;

    /** \return the ring's devices */
    NetDeviceContainer GetDevices() const;

    /** \param prefix PCAP file prefix (files prefix-metro-*) */
    void EnablePcap(const std::string& prefix) const;

  protected:
    void DoDispose() override;

  private:
    Parameters m_parameters;      //!< what it is built from
    uint32_t m_size{0};           //!< edges on the ring
    NetDeviceContainer m_devices; //!< both ends of every hop
    ApplicationContainer m_load;  //!< background senders and sinks
};

} // namespace ns3

#endif /* DT_METRO_RING_H */
