/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wired-access.h"

#include "dt-fibre-core.h"

#include "ns3/abort.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/point-to-point-helper.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtWiredAccess);

TypeId
DtWiredAccess::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtWiredAccess").SetParent<DtAccessNetwork>().SetGroupName("MultilayerDt");
    return tid;
}

DtWiredAccess::DtWiredAccess()
{
}

DtWiredAccess::DtWiredAccess(DataRate rate)
    : m_rate(rate)
{
}

DtWiredAccess::~DtWiredAccess()
{
}

void
DtWiredAccess::Build(const DtAccessPlan& plan)
{
    const uint32_t terminals = plan.terminals.GetN();
    m_terminalAddr.resize(terminals);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", DataRateValue(m_rate));
    link.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    std::vector<uint32_t> onEdge(plan.edges.GetN(), 0);
    for (uint32_t i = 0; i < terminals; ++i)
    {
        const uint32_t e = plan.edgeOf[i];
        NetDeviceContainer d = link.Install(plan.terminals.Get(i), plan.edges.Get(e));
        // Edge e's terminals share 10.(e+1).0.0/16, a /30 each.
        const uint32_t k = onEdge[e]++;
        NS_ABORT_MSG_IF(k >= 16384,
                        "Access=Wired: more than 16384 terminals on edge " << e << "; add edges");
        Ipv4AddressHelper ip;
        ip.SetBase(Ipv4Address((10u << 24) | ((e + 1) << 16) | (k << 2)),
                   Ipv4Mask("255.255.255.252"));
        Ipv4InterfaceContainer ifs = ip.Assign(d);
        m_terminalAddr[i] = ifs.GetAddress(0);
        m_accessDevices.Add(d);
    }
}

void
DtWiredAccess::Route(const DtAccessPlan& plan, const DtFibreCore& core)
{
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < plan.terminals.GetN(); ++i)
    {
        // The terminal's only link leads to its edge.
        Ptr<Ipv4> ipv4 = plan.terminals.Get(i)->GetObject<Ipv4>();
        const uint32_t ifIndex = ipv4->GetInterfaceForAddress(m_terminalAddr[i]);
        const Ipv4Address edgeSide(m_terminalAddr[i].Get() + 1);
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(edgeSide, ifIndex);
    }
    Ptr<Ipv4> cloud = core.GetCoreRouter()->GetObject<Ipv4>();
    for (uint32_t e = 0; e < plan.edges.GetN(); ++e)
    {
        // Edges reach everything else through the cloud; the cloud reaches
        // edge e's terminals through edge e.
        Ptr<Ipv4> edge = plan.edges.Get(e)->GetObject<Ipv4>();
        const Ipv4Address edgeUp((172u << 24) | (16u << 16) | (e << 8) | 1);
        const Ipv4Address cloudSide(edgeUp.Get() + 1);
        routing.GetStaticRouting(edge)->SetDefaultRoute(cloudSide,
                                                        edge->GetInterfaceForAddress(edgeUp));
        routing.GetStaticRouting(cloud)->AddNetworkRouteTo(
            Ipv4Address((10u << 24) | ((e + 1) << 16)),
            Ipv4Mask("255.255.0.0"),
            edgeUp,
            cloud->GetInterfaceForAddress(cloudSide));
    }
}

void
DtWiredAccess::EnablePcap(const std::string& prefix) const
{
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix + "-access", m_accessDevices);
}

} // namespace ns3
