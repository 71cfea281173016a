/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fibre-core.h"

#include "ns3/abort.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"

#include <sstream>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtFibreCore);

TypeId
DtFibreCore::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtFibreCore").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

DtFibreCore::DtFibreCore()
{
}

DtFibreCore::DtFibreCore(const Parameters& parameters)
    : m_parameters(parameters)
{
}

DtFibreCore::~DtFibreCore()
{
}

void
DtFibreCore::DoDispose()
{
    m_devices = NetDeviceContainer();
    Object::DoDispose();
}

void
DtFibreCore::Build(NodeContainer edges, Ptr<Node> cloud)
{
    NS_ABORT_MSG_IF(m_devices.GetN() > 0, "DtFibreCore::Build called twice");
    PointToPointHelper up;
    up.SetDeviceAttribute("DataRate", DataRateValue(m_parameters.rate));
    up.SetChannelAttribute("Delay", TimeValue(m_parameters.delayPerKm * m_parameters.edgeCloudKm));
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        NetDeviceContainer d = up.Install(edges.Get(e), cloud);
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.16." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(d);
        if (e == 0)
        {
            m_cloudAddress = ifs.GetAddress(1);
        }
        m_edgeAddr.push_back(ifs.GetAddress(0));
        m_devices.Add(d);
    }
    PointToPointHelper side;
    side.SetDeviceAttribute("DataRate", DataRateValue(m_parameters.rate));
    side.SetChannelAttribute("Delay", TimeValue(m_parameters.delayPerKm * m_parameters.edgeEdgeKm));
    for (uint32_t e = 0; e + 1 < edges.GetN(); ++e)
    {
        NetDeviceContainer d = side.Install(edges.Get(e), edges.Get(e + 1));
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.17." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        ip.Assign(d);
        m_devices.Add(d);
    }
}

Ipv4Address
DtFibreCore::GetCloudAddress() const
{
    return m_cloudAddress;
}

Ipv4Address
DtFibreCore::GetEdgeAddress(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_edgeAddr.size(), "DtFibreCore: no edge " << edge);
    return m_edgeAddr[edge];
}

NetDeviceContainer
DtFibreCore::GetDevices() const
{
    return m_devices;
}

void
DtFibreCore::EnablePcap(const std::string& prefix) const
{
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix + "-fibre", m_devices);
}

} // namespace ns3
