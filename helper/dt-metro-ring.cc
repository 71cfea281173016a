/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-metro-ring.h"

#include "dt-background-load.h"

#include "ns3/abort.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtMetroRing");

NS_OBJECT_ENSURE_REGISTERED(DtMetroRing);

namespace
{

/**
 * \param hop a hop of the ring
 * \param host 1 (its first edge) or 2 (the next)
 * \return that edge's address on the hop
 */
Ipv4Address
HopAddress(uint32_t hop, uint32_t host)
{
    std::ostringstream os;
    os << "172.24." << hop << "." << host;
    return Ipv4Address(os.str().c_str());
}

} // namespace

TypeId
DtMetroRing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtMetroRing").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

DtMetroRing::DtMetroRing()
{
}

DtMetroRing::DtMetroRing(const Parameters& parameters)
    : m_parameters(parameters)
{
}

DtMetroRing::~DtMetroRing()
{
}

void
DtMetroRing::DoDispose()
{
    m_devices = NetDeviceContainer();
    m_load = ApplicationContainer();
    Object::DoDispose();
}

uint32_t
DtMetroRing::GetHops(uint32_t from, uint32_t to) const
{
    NS_ABORT_MSG_IF(from >= m_size || to >= m_size,
                    "DtMetroRing: edge " << from << " or " << to << " is not on the ring of "
                                         << m_size);
    const uint32_t forward = (to + m_size - from) % m_size;
    return std::min(forward, m_size - forward);
}

void
DtMetroRing::Build(NodeContainer edges, const std::vector<Ipv4Address>& edgeAddresses)
{
    NS_ABORT_MSG_IF(m_size > 0, "DtMetroRing::Build called twice");
    NS_ABORT_MSG_IF(edges.GetN() < 2, "a metro ring needs at least 2 edges, not " << edges.GetN());
    NS_ABORT_MSG_IF(edgeAddresses.size() != edges.GetN(),
                    "DtMetroRing: " << edgeAddresses.size() << " addresses for " << edges.GetN()
                                    << " edges");
    NS_ABORT_MSG_IF(!(m_parameters.load >= 0 && m_parameters.load < 1),
                    "metro background load " << m_parameters.load << " must be in [0, 1)");
    m_size = edges.GetN();
    // Two edges: one hop (a ring of two would be two parallel links).
    const uint32_t hops = m_size == 2 ? 1 : m_size;
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", DataRateValue(m_parameters.rate));
    link.SetChannelAttribute("Delay", TimeValue(m_parameters.hopDelay));
    std::vector<std::pair<uint32_t, uint32_t>> ifs(hops); // interface at each end
    for (uint32_t h = 0; h < hops; ++h)
    {
        Ptr<Node> a = edges.Get(h);
        Ptr<Node> b = edges.Get((h + 1) % m_size);
        NetDeviceContainer d = link.Install(a, b);
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.24." << h << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        ip.Assign(d);
        ifs[h] = {a->GetObject<Ipv4>()->GetInterfaceForDevice(d.Get(0)),
                  b->GetObject<Ipv4>()->GetInterfaceForDevice(d.Get(1))};
        m_devices.Add(d);
    }
    // Each edge: a route to every other edge, and to every hop it is not on
    // (a relay answers from its address on the ring), the shorter way round
    // (ties clockwise).
    Ipv4StaticRoutingHelper routing;
    for (uint32_t e = 0; e < m_size; ++e)
    {
        Ptr<Ipv4StaticRouting> r = routing.GetStaticRouting(edges.Get(e)->GetObject<Ipv4>());
        auto towards = [&](uint32_t k, auto add)
        {
            const uint32_t forward = (k + m_size - e) % m_size;
            if (m_size == 2)
            {
                // One hop: edge 0 is .1 on it, edge 1 is .2.
                add(HopAddress(0, e == 0 ? 2 : 1), e == 0 ? ifs[0].first : ifs[0].second);
            }
            else if (forward <= m_size - forward)
            {
                add(HopAddress(e, 2), ifs[e].first); // over hop e, to edge e + 1
            }
            else
            {
                const uint32_t h = (e + m_size - 1) % m_size; // over hop e - 1, to edge e - 1
                add(HopAddress(h, 1), ifs[h].second);
            }
        };
        for (uint32_t k = 0; k < m_size; ++k)
        {
            if (k == e)
            {
                continue;
            }
            towards(k,
                    [&](Ipv4Address gateway, uint32_t interface)
                    {
                        r->AddHostRouteTo(edgeAddresses[k], gateway, interface);
                    });
        }
        for (uint32_t h = 0; h < hops; ++h)
        {
            if (h == e || (h + 1) % m_size == e)
            {
                continue; // on it
            }
            std::ostringstream net;
            net << "172.24." << h << ".0";
            towards(h,
                    [&](Ipv4Address gateway, uint32_t interface)
                    {
                        r->AddNetworkRouteTo(Ipv4Address(net.str().c_str()),
                                             Ipv4Mask("255.255.255.0"),
                                             gateway,
                                             interface);
                    });
        }
    }
    if (m_parameters.load <= 0)
    {
        return;
    }
    // Background load: constant bit rate each way on every hop.
    NS_LOG_INFO("metro ring of " << m_size << " edges, background "
                                 << DtBackgroundLoad::FlowRate(m_parameters.rate, m_parameters.load)
                                 << " per hop and way");
    m_load.Add(DtBackgroundLoad::InstallSinks(edges));
    for (uint32_t h = 0; h < hops; ++h)
    {
        for (uint32_t end : {1u, 2u})
        {
            const uint32_t to = end == 1 ? 2 : 1;
            m_load.Add(DtBackgroundLoad::InstallFlow(edges.Get(end == 1 ? h : (h + 1) % m_size),
                                                     HopAddress(h, to),
                                                     m_parameters.rate,
                                                     m_parameters.load));
        }
    }
}

NetDeviceContainer
DtMetroRing::GetDevices() const
{
    return m_devices;
}

void
DtMetroRing::EnablePcap(const std::string& prefix) const
{
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix + "-metro", m_devices);
}

} // namespace ns3
