/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-adhoc-network.h"

#include "ns3/ipv4-address-helper.h"
#include "ns3/string.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAdhocNetwork);

TypeId
DtAdhocNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtAdhocNetwork").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

DtAdhocNetwork::DtAdhocNetwork()
{
}

DtAdhocNetwork::~DtAdhocNetwork()
{
}

void
DtAdhocNetwork::DoDispose()
{
    m_devices = NetDeviceContainer();
    Object::DoDispose();
}

void
DtAdhocNetwork::Build(NodeContainer terminals, int64_t stream)
{
    YansWifiChannelHelper channelHelper = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channelHelper.Create());
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate24Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    WifiMacHelper mac;
    mac.SetType("ns3::AdhocWifiMac");
    m_devices = wifi.Install(phy, mac, terminals);
    wifi.AssignStreams(m_devices, stream);
    Ipv4AddressHelper ip("192.168.0.0", "255.255.0.0");
    ip.Assign(m_devices);
}

NetDeviceContainer
DtAdhocNetwork::GetDevices() const
{
    return m_devices;
}

void
DtAdhocNetwork::EnablePcap(const std::string& prefix) const
{
    if (m_devices.GetN() == 0)
    {
        return;
    }
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    phy.EnablePcap(prefix + "-adhoc", m_devices);
}

} // namespace ns3
