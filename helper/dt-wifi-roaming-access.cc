/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wifi-roaming-access.h"

#include "dt-fibre-core.h"

#include "ns3/abort.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-wifi-roaming-manager.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/log.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/string.h"
#include "ns3/vht-phy.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/yans-wifi-helper.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtWifiRoamingAccess");

NS_OBJECT_ENSURE_REGISTERED(DtWifiRoamingAccess);

TypeId
DtWifiRoamingAccess::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtWifiRoamingAccess")
                            .SetParent<DtAccessNetwork>()
                            .SetGroupName("MultilayerDt");
    return tid;
}

DtWifiRoamingAccess::DtWifiRoamingAccess()
{
}

DtWifiRoamingAccess::DtWifiRoamingAccess(const DtWifiParameters& parameters)
    : m_parameters(parameters)
{
}

DtWifiRoamingAccess::~DtWifiRoamingAccess()
{
}

void
DtWifiRoamingAccess::DoDispose()
{
    m_roaming.clear();
    m_edges = NodeContainer();
    m_terminals = NodeContainer();
    m_coreRouter = nullptr;
    m_staDevices = NetDeviceContainer();
    m_apDevices = NetDeviceContainer();
    DtAccessNetwork::DoDispose();
}

void
DtWifiRoamingAccess::Build(const DtAccessPlan& plan)
{
    const DtWifiParameters& p = m_parameters;
    m_edges = plan.edges;
    m_terminals = plan.terminals;
    const uint32_t terminals = plan.terminals.GetN();
    m_terminalAddr.resize(terminals);
    std::ostringstream channel;
    channel << "{0, " << p.channelWidth << ", BAND_5GHZ, 0}";
    YansWifiPhyHelper phy =
        DtWifiAccess::PhyOn(DtWifiAccess::CreateChannel(
                                p.pathLossExponent, p.fading, p.channelWidth, p.stream + 950000),
                            p.txPower);
    phy.Set("ChannelSettings", StringValue(channel.str()));
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211ac);
    // Distances vary as stations move: rates follow the SNR.
    wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    WifiMacHelper mac;
    const Ssid ssid("mldt");
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer staDevs = wifi.Install(phy, mac, plan.terminals);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDevs = wifi.Install(phy, mac, plan.edges);
    wifi.AssignStreams(staDevs, p.stream);
    wifi.AssignStreams(apDevs, p.stream + 900000);

    Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
    ip.Assign(apDevs);
    Ipv4InterfaceContainer staIf = ip.Assign(staDevs);
    for (uint32_t e = 0; e < plan.edges.GetN(); ++e)
    {
        m_apMac.push_back(DynamicCast<WifiNetDevice>(apDevs.Get(e))->GetMac()->GetAddress());
    }
    m_servingEdge = plan.edgeOf; // until the stations associate
    for (uint32_t i = 0; i < terminals; ++i)
    {
        m_terminalAddr[i] = staIf.GetAddress(i);
        Ptr<StaWifiMac> sta =
            DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(staDevs.Get(i))->GetMac());
        Ptr<DtWifiRoamingManager> roaming = CreateObject<DtWifiRoamingManager>();
        sta->SetAssocManager(roaming);
        roaming->Start();
        m_roaming.push_back(roaming);
        sta->TraceConnectWithoutContext("Assoc",
                                        Callback<void, Mac48Address>(
                                            [this, i](Mac48Address bssid)
                                            {
                                                StationAssociated(i, bssid);
                                            }));
    }
    m_accessDevices.Add(apDevs);
    m_accessDevices.Add(staDevs);
    m_apDevices = apDevs;
    m_staDevices = staDevs;
}

uint32_t
DtWifiRoamingAccess::ChainNextHop(uint32_t from, uint32_t to, Ipv4Address& nextHop) const
{
    // Edges e and e+1 share 172.17.e.0/24: e is .1, e+1 is .2.
    const uint32_t link = to > from ? from : from - 1;
    std::ostringstream net;
    net << "172.17." << link << ".0";
    std::ostringstream hop;
    hop << "172.17." << link << (to > from ? ".2" : ".1");
    nextHop = Ipv4Address(hop.str().c_str());
    Ptr<Ipv4> ipv4 = m_edges.Get(from)->GetObject<Ipv4>();
    const int32_t i =
        ipv4->GetInterfaceForPrefix(Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"));
    NS_ABORT_MSG_IF(i < 0, "Wi-Fi routes: edge " << from << " has no link " << net.str());
    return static_cast<uint32_t>(i);
}

/**
 * Replace the routes to a destination.
 * \param routing a node's static routing
 * \param dest the destination
 * \param mask its mask
 * \param nextHop the gateway (0.0.0.0: none, on-link; the routes are only removed)
 * \param interface the output interface
 */
static void
ReplaceRoute(Ptr<Ipv4StaticRouting> routing,
             Ipv4Address dest,
             Ipv4Mask mask,
             Ipv4Address nextHop,
             uint32_t interface)
{
    for (uint32_t r = routing->GetNRoutes(); r-- > 0;)
    {
        const Ipv4RoutingTableEntry e = routing->GetRoute(r);
        if (e.GetDest() == dest && e.GetDestNetworkMask() == mask && e.IsGateway())
        {
            routing->RemoveRoute(r);
        }
    }
    if (nextHop != Ipv4Address::GetAny())
    {
        routing->AddNetworkRouteTo(dest, mask, nextHop, interface);
    }
}

void
DtWifiRoamingAccess::RouteStation(uint32_t terminal, uint32_t edge)
{
    Ipv4StaticRoutingHelper routing;
    const Ipv4Address sta = m_terminalAddr[terminal];
    const Ipv4Mask host("255.255.255.255");
    // The station: through its AP.
    Ptr<Ipv4> t = m_terminals.Get(terminal)->GetObject<Ipv4>();
    const uint32_t wifiIf = t->GetInterfaceForDevice(m_staDevices.Get(terminal));
    ReplaceRoute(routing.GetStaticRouting(t),
                 Ipv4Address::GetAny(),
                 Ipv4Mask::GetZero(),
                 Ipv4Address(0x0a010000 + edge + 1), // 10.1.0.(edge + 1), the AP
                 wifiIf);
    // The edges: on-link from the serving AP, along the chain from the others.
    for (uint32_t f = 0; f < m_edges.GetN(); ++f)
    {
        Ipv4Address hop = Ipv4Address::GetAny();
        const uint32_t out = f == edge ? 0 : ChainNextHop(f, edge, hop);
        ReplaceRoute(
            routing.GetStaticRouting(m_edges.Get(f)->GetObject<Ipv4>()), sta, host, hop, out);
    }
    // The cloud (or the wide-area gateway): through the serving edge's fibre.
    Ptr<Ipv4> cloud = m_coreRouter->GetObject<Ipv4>();
    std::ostringstream net;
    net << "172.16." << edge << ".0";
    const int32_t up =
        cloud->GetInterfaceForPrefix(Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"));
    ReplaceRoute(routing.GetStaticRouting(cloud), sta, host, m_edgeAddr[edge], up);
}

void
DtWifiRoamingAccess::StationAssociated(uint32_t terminal, Mac48Address bssid)
{
    for (uint32_t e = 0; e < m_apMac.size(); ++e)
    {
        if (m_apMac[e] == bssid && m_servingEdge[terminal] != e)
        {
            NS_LOG_INFO("terminal " << terminal << " now behind edge " << e);
            m_servingEdge[terminal] = e;
            RouteStation(terminal, e);
        }
    }
}

void
DtWifiRoamingAccess::Route(const DtAccessPlan& plan, const DtFibreCore& core)
{
    const uint32_t edges = plan.edges.GetN();
    m_coreRouter = core.GetCoreRouter();
    for (uint32_t e = 0; e < edges; ++e)
    {
        m_edgeAddr.push_back(core.GetEdgeAddress(e));
    }
    const Ipv4Address cloudAddr = core.GetCloudAddress();
    Ipv4StaticRoutingHelper routing;
    for (uint32_t e = 0; e < edges; ++e)
    {
        Ptr<Ipv4StaticRouting> r = routing.GetStaticRouting(m_edges.Get(e)->GetObject<Ipv4>());
        std::ostringstream up;
        up << "172.16." << e << ".2";
        if (e > 0 || core.HasWan())
        {
            // The cloud's DT address is on edge 0's link (or beyond the gateway).
            r->AddHostRouteTo(
                cloudAddr,
                Ipv4Address(up.str().c_str()),
                m_edges.Get(e)->GetObject<Ipv4>()->GetInterfaceForAddress(m_edgeAddr[e]));
        }
        for (uint32_t f = 0; f < edges; ++f)
        {
            if (f != e)
            {
                Ipv4Address hop;
                const uint32_t out = ChainNextHop(e, f, hop);
                r->AddHostRouteTo(m_edgeAddr[f], hop, out);
            }
        }
        // The chain links themselves: a packet an edge sends along the chain
        // carries the address of its chain interface, and is answered there.
        for (uint32_t l = 0; l + 1 < edges; ++l)
        {
            if (l + 1 < e || l > e)
            {
                std::ostringstream net;
                net << "172.17." << l << ".0";
                Ipv4Address hop;
                const uint32_t out = ChainNextHop(e, l > e ? l : l + 1, hop);
                r->AddNetworkRouteTo(
                    Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"), hop, out);
            }
        }
    }
    for (uint32_t i = 0; i < m_terminals.GetN(); ++i)
    {
        RouteStation(i, m_servingEdge[i]);
    }
}

Ptr<NetDevice>
DtWifiRoamingAccess::GetAccessPoint(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_apDevices.GetN(), "DtWifiRoamingAccess: no edge " << edge);
    return m_apDevices.Get(edge);
}

void
DtWifiRoamingAccess::EnablePcap(const std::string& prefix) const
{
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    phy.EnablePcap(prefix + "-wifi", m_accessDevices);
}

DataRate
DtWifiRoamingAccess::GetUplinkCapacity() const
{
    // VHT-MCS 9 is not defined for 20 MHz, 1 stream.
    const uint8_t top = m_parameters.channelWidth == 20 ? 8 : 9;
    return DataRate(
        VhtPhy::GetVhtMcs(top).GetDataRate(m_parameters.channelWidth, DtGuardInterval(800), 1));
}

bool
DtWifiRoamingAccess::CanHandOver() const
{
    return true;
}

void
DtWifiRoamingAccess::Handover(uint32_t terminal, uint32_t targetEdge)
{
    NS_ABORT_MSG_IF(terminal >= m_roaming.size(), "DtWifiRoamingAccess: no terminal " << terminal);
    const uint32_t source = m_servingEdge[terminal];
    const uint32_t target = targetEdge == NEXT_EDGE ? (source + 1) % m_edges.GetN() : targetEdge;
    m_roaming[terminal]->RoamTo(m_apMac[target]);
}

} // namespace ns3
