/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fibre-core.h"

#include "dt-background-load.h"

#include "ns3/abort.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtFibreCore");

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
    m_wan = NetDeviceContainer();
    m_load = ApplicationContainer();
    m_router = nullptr;
    Object::DoDispose();
}

void
DtFibreCore::Build(NodeContainer edges, Ptr<Node> cloud)
{
    NS_ABORT_MSG_IF(m_devices.GetN() > 0, "DtFibreCore::Build called twice");
    NS_ABORT_MSG_IF(!(m_parameters.wanLoad >= 0 && m_parameters.wanLoad < 1),
                    "wide-area background load " << m_parameters.wanLoad << " must be in [0, 1)");
    const bool wan = HasWan();
    m_router = cloud;
    if (wan)
    {
        m_router = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(m_router);
    }
    PointToPointHelper up;
    up.SetDeviceAttribute("DataRate", DataRateValue(m_parameters.rate));
    up.SetChannelAttribute(
        "Delay",
        TimeValue(m_parameters.delayPerKm
                  * (wan ? m_parameters.edgeGatewayKm : m_parameters.edgeCloudKm)));
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        NetDeviceContainer d = up.Install(edges.Get(e), m_router);
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
    if (wan)
    {
        PointToPointHelper longHaul;
        longHaul.SetDeviceAttribute("DataRate", DataRateValue(m_parameters.wanRate));
        longHaul.SetQueue(
            "ns3::DropTailQueue<Packet>", "MaxSize", QueueSizeValue(m_parameters.wanQueue));
        longHaul.SetChannelAttribute("Delay",
                                     TimeValue(m_parameters.delayPerKm * m_parameters.edgeCloudKm));
        m_wan = longHaul.Install(m_router, cloud);
        Ipv4AddressHelper ip("172.18.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(m_wan);
        m_cloudAddress = ifs.GetAddress(1);
        // Everything the cloud sends leaves through the gateway.
        Ptr<Ipv4> ipv4 = cloud->GetObject<Ipv4>();
        Ipv4StaticRoutingHelper().GetStaticRouting(ipv4)->SetDefaultRoute(
            ifs.GetAddress(0), ipv4->GetInterfaceForAddress(m_cloudAddress));
        m_devices.Add(m_wan);
        if (m_parameters.wanLoad > 0)
        {
            NS_LOG_INFO("wide-area segment at "
                        << m_parameters.wanRate << ", background "
                        << DtBackgroundLoad::FlowRate(m_parameters.wanRate, m_parameters.wanLoad)
                        << " each way");
            NodeContainer ends(m_router, cloud);
            m_load.Add(DtBackgroundLoad::InstallSinks(ends));
            m_load.Add(DtBackgroundLoad::InstallFlow(
                m_router, ifs.GetAddress(1), m_parameters.wanRate, m_parameters.wanLoad));
            m_load.Add(DtBackgroundLoad::InstallFlow(
                cloud, ifs.GetAddress(0), m_parameters.wanRate, m_parameters.wanLoad));
        }
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

Ptr<Node>
DtFibreCore::GetCoreRouter() const
{
    return m_router;
}

bool
DtFibreCore::HasWan() const
{
    return m_parameters.wanRate.GetBitRate() > 0;
}

NetDeviceContainer
DtFibreCore::GetWanDevices() const
{
    return m_wan;
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
