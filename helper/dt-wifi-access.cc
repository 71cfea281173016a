/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wifi-access.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/propagation-delay-model.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/vht-phy.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/yans-wifi-channel.h"
#include "ns3/yans-wifi-helper.h"

#include <sstream>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtWifiAccess);

namespace
{

/**
 * \param target a PHY rate to reach, bit/s
 * \param width channel width, MHz
 * \return the name of the slowest VHT MCS (1 stream, 800 ns GI) reaching it
 */
std::string
SlowestVhtModeReaching(uint64_t target, uint16_t width)
{
    for (uint8_t mcs = 0; mcs <= 9; ++mcs)
    {
        WifiMode mode = VhtPhy::GetVhtMcs(mcs);
        if (width == 20 && mcs == 9)
        {
            continue; // VHT-MCS 9 is not defined for 20 MHz, 1 stream
        }
        if (mode.GetDataRate(width, DtGuardInterval(800), 1) >= target)
        {
            return mode.GetUniqueName();
        }
    }
    NS_FATAL_ERROR("no VHT MCS at " << width << " MHz reaches " << target
                                    << " bit/s (try a wider ChannelWidth or a lower rate)");
    return "";
}

} // namespace

TypeId
DtWifiAccess::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtWifiAccess").SetParent<DtAccessNetwork>().SetGroupName("MultilayerDt");
    return tid;
}

DtWifiAccess::DtWifiAccess()
{
}

DtWifiAccess::DtWifiAccess(const DtWifiParameters& parameters)
    : m_parameters(parameters)
{
}

DtWifiAccess::~DtWifiAccess()
{
}

double
DtWifiAccess::ChannelFrequency(uint16_t channelWidth)
{
    switch (channelWidth)
    {
        case 20:
            return 5180e6; // channel 36
        case 40:
            return 5190e6; // channel 38
        case 80:
            return 5210e6; // channel 42
        case 160:
            return 5250e6; // channel 50
    }
    NS_ABORT_MSG("channel width " << channelWidth << " MHz is not 20, 40, 80 or 160");
    return 0;
}

Ptr<YansWifiChannel>
DtWifiAccess::CreateChannel(double exponent,
                            const DtFading& fading,
                            uint16_t channelWidth,
                            int64_t stream)
{
    Ptr<YansWifiChannel> channel = CreateObject<YansWifiChannel>();
    channel->SetPropagationDelayModel(CreateObject<ConstantSpeedPropagationDelayModel>());
    Ptr<LogDistancePropagationLossModel> loss = CreateObject<LogDistancePropagationLossModel>();
    loss->SetAttribute("Exponent", DoubleValue(exponent));
    if (Ptr<PropagationLossModel> f = fading.Create(ChannelFrequency(channelWidth), stream))
    {
        loss->SetNext(f);
    }
    channel->SetPropagationLossModel(loss);
    return channel;
}

YansWifiPhyHelper
DtWifiAccess::PhyOn(Ptr<YansWifiChannel> channel, double txPower)
{
    YansWifiPhyHelper phy;
    phy.SetChannel(channel);
    phy.Set("TxPowerStart", DoubleValue(txPower));
    phy.Set("TxPowerEnd", DoubleValue(txPower));
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    return phy;
}

void
DtWifiAccess::Build(const DtAccessPlan& plan)
{
    const DtWifiParameters& p = m_parameters;
    m_uplinkMode = SlowestVhtModeReaching(p.uplinkRate.GetBitRate(), p.channelWidth);
    m_downlinkMode = SlowestVhtModeReaching(p.downlinkRate.GetBitRate(), p.channelWidth);

    const uint32_t terminals = plan.terminals.GetN();
    const uint32_t edges = plan.edges.GetN();
    m_terminalAddr.resize(terminals);
    m_edgeAddr.resize(edges);
    m_ap.resize(edges);
    std::ostringstream channel;
    channel << "{0, " << p.channelWidth << ", BAND_5GHZ, 0}";
    for (uint32_t e = 0; e < edges; ++e)
    {
        NodeContainer stas;
        for (uint32_t i = 0; i < terminals; ++i)
        {
            if (plan.edgeOf[i] == e)
            {
                stas.Add(plan.terminals.Get(i));
            }
        }
        // One channel object per BSS: cells do not interfere, and each
        // subnet stays on its own link for global routing.
        YansWifiPhyHelper phy = PhyOn(
            CreateChannel(
                p.pathLossExponent, p.fading, p.channelWidth, p.stream + 1000000 * e + 950000),
            p.txPower);
        phy.Set("ChannelSettings", StringValue(channel.str()));
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211ac);
        WifiMacHelper mac;
        Ssid ssid("mldt-edge-" + std::to_string(e));

        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue(m_uplinkMode),
                                     "ControlMode",
                                     StringValue("VhtMcs0"));
        mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer staDevs = wifi.Install(phy, mac, stas);

        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue(m_downlinkMode),
                                     "ControlMode",
                                     StringValue("VhtMcs0"));
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer apDev = wifi.Install(phy, mac, plan.edges.Get(e));

        wifi.AssignStreams(staDevs, p.stream + 1000000 * e);
        wifi.AssignStreams(apDev, p.stream + 1000000 * e + 900000);

        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "10." << (e + 1) << ".0.0";
        ip.SetBase(base.str().c_str(), "255.255.0.0");
        Ipv4InterfaceContainer apIf = ip.Assign(apDev);
        Ipv4InterfaceContainer staIf = ip.Assign(staDevs);
        m_edgeAddr[e] = apIf.GetAddress(0);
        m_ap[e] = apDev.Get(0);
        uint32_t k = 0;
        for (uint32_t i = 0; i < terminals; ++i)
        {
            if (plan.edgeOf[i] == e)
            {
                m_terminalAddr[i] = staIf.GetAddress(k++);
            }
        }
        m_accessDevices.Add(apDev);
        m_accessDevices.Add(staDevs);
    }
}

void
DtWifiAccess::Route(const DtAccessPlan& plan, const DtFibreCore& core)
{
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
}

Ipv4Address
DtWifiAccess::GetEdgeAddress(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_edgeAddr.size(), "DtWifiAccess: no edge " << edge);
    return m_edgeAddr[edge];
}

Ptr<NetDevice>
DtWifiAccess::GetAccessPoint(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_ap.size(), "DtWifiAccess: no edge " << edge);
    return m_ap[edge];
}

void
DtWifiAccess::EnablePcap(const std::string& prefix) const
{
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    phy.EnablePcap(prefix + "-wifi", m_accessDevices);
}

DataRate
DtWifiAccess::GetUplinkCapacity() const
{
    return DataRate(
        WifiMode(m_uplinkMode).GetDataRate(m_parameters.channelWidth, DtGuardInterval(800), 1));
}

std::string
DtWifiAccess::GetUplinkMode() const
{
    return m_uplinkMode;
}

std::string
DtWifiAccess::GetDownlinkMode() const
{
    return m_downlinkMode;
}

} // namespace ns3
