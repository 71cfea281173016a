/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fault-helper.h"

#include "dt-stats-collector.h"
#include "dt-system-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/double.h"
#include "ns3/dt-address-book.h"
#include "ns3/dt-application.h"
#include "ns3/dt-comm-module.h"
#include "ns3/dt-fault-error-model.h"
#include "ns3/dt-malformed-injector.h"
#include "ns3/edge-dt-application.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtFaultHelper");

NS_OBJECT_ENSURE_REGISTERED(DtFaultHelper);

TypeId
DtFaultHelper::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtFaultHelper")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtFaultHelper>()
            .AddAttribute("LossRate",
                          "Probability that a packet is lost on each device given to Install.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&DtFaultHelper::m_lossRate),
                          MakeDoubleChecker<double>(0.0, 1.0));
    return tid;
}

DtFaultHelper::DtFaultHelper()
{
}

DtFaultHelper::~DtFaultHelper()
{
}

void
DtFaultHelper::DoDispose()
{
    m_stats = nullptr;
    m_models.clear();
    for (auto& socket : m_discard)
    {
        socket->Close();
    }
    m_discard.clear();
    Object::DoDispose();
}

void
DtFaultHelper::SetStats(Ptr<DtStatsCollector> stats)
{
    m_stats = stats;
}

int64_t
DtFaultHelper::Install(NetDeviceContainer devices, int64_t stream)
{
    const int64_t first = stream;
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<NetDevice> dev = devices.Get(i);
        Ptr<DtFaultErrorModel> em = CreateObject<DtFaultErrorModel>();
        em->SetAttribute("LossRate", DoubleValue(m_lossRate));
        em->AssignStreams(stream++);
        if (Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(dev))
        {
            // Data frames only: ns-3.37's block-ack code does not survive lost
            // management frames (ADDBA), and beacons have their own loss model.
            em->SetAttribute("IpOnly", BooleanValue(true));
            wifi->GetPhy()->SetPostReceptionErrorModel(em);
        }
        else if (!dev->SetAttributeFailSafe("ReceiveErrorModel", PointerValue(em)))
        {
            // No receive error model (the LTE radio: its own channel and HARQ
            // model the losses).
            continue;
        }
        m_models[dev] = em;
        if (m_stats)
        {
            m_stats->WatchFaults(em);
        }
    }
    return stream - first;
}

Ptr<DtFaultErrorModel>
DtFaultHelper::GetErrorModel(Ptr<NetDevice> device) const
{
    auto it = m_models.find(device);
    return it == m_models.end() ? nullptr : it->second;
}

void
DtFaultHelper::SetDown(Ptr<Node> node, bool down)
{
    for (uint32_t d = 0; d < node->GetNDevices(); ++d)
    {
        Ptr<NetDevice> dev = node->GetDevice(d);
        std::vector<Ptr<NetDevice>> ends{dev};
        if (DynamicCast<PointToPointNetDevice>(dev) && dev->GetChannel())
        {
            Ptr<Channel> ch = dev->GetChannel();
            for (std::size_t k = 0; k < ch->GetNDevices(); ++k)
            {
                ends.push_back(ch->GetDevice(k));
            }
        }
        for (const auto& end : ends)
        {
            auto it = m_models.find(end);
            if (it != m_models.end())
            {
                it->second->SetDown(down);
            }
        }
        if (Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(dev))
        {
            if (down)
            {
                ap->GetPhy()->SetOffMode(); // no beacons: stations lose the AP
            }
            else
            {
                ap->GetPhy()->ResumeFromOff();
            }
        }
    }
}

void
DtFaultHelper::Fail(Ptr<Node> node)
{
    NS_LOG_INFO("node " << node->GetId() << " fails");
    SetDown(node, true); // first: nothing the crashing DTs' sockets send gets out
    for (uint32_t a = 0; a < node->GetNApplications(); ++a)
    {
        if (Ptr<DtApplication> dt = DynamicCast<DtApplication>(node->GetApplication(a)))
        {
            dt->Fail();
        }
    }
}

void
DtFaultHelper::Recover(Ptr<Node> node)
{
    NS_LOG_INFO("node " << node->GetId() << " recovers");
    SetDown(node, false);
    for (uint32_t a = 0; a < node->GetNApplications(); ++a)
    {
        if (Ptr<DtApplication> dt = DynamicCast<DtApplication>(node->GetApplication(a)))
        {
            dt->Recover();
        }
    }
}

void
DtFaultHelper::ScheduleFailure(Ptr<Node> node, Time at, Time recoverAt)
{
    NS_ABORT_MSG_IF(!node, "DtFaultHelper::ScheduleFailure: no node");
    NS_ABORT_MSG_IF(!at.IsStrictlyPositive(),
                    "DtFaultHelper::ScheduleFailure: failure time " << at.As(Time::S)
                                                                    << " is not > 0");
    NS_ABORT_MSG_IF(recoverAt.IsStrictlyPositive() && recoverAt <= at,
                    "DtFaultHelper::ScheduleFailure: recovery at "
                        << recoverAt.As(Time::S) << " must come after the failure at "
                        << at.As(Time::S));
    Simulator::Schedule(
        at - Simulator::Now(), &DtFaultHelper::Fail, Ptr<DtFaultHelper>(this), node);
    if (recoverAt.IsStrictlyPositive())
    {
        Simulator::Schedule(
            recoverAt - Simulator::Now(), &DtFaultHelper::Recover, Ptr<DtFaultHelper>(this), node);
    }
}

Ptr<DtMalformedInjector>
DtFaultHelper::InstallMalformedInjector(Ptr<Node> node,
                                        const DtSystemHelper& dt,
                                        Time interval,
                                        uint16_t port)
{
    NS_ABORT_MSG_IF(!interval.IsStrictlyPositive(),
                    "DtFaultHelper: injector interval " << interval.As(Time::S) << " is not > 0");
    NodeContainer nodes = dt.GetDtNodes();
    Ptr<DtApplication> any;
    for (uint32_t n = 0; n < nodes.GetN() && !any; ++n)
    {
        if (Ptr<EdgeDtApplication> edge = dt.GetEdgeDt(nodes.Get(n)))
        {
            any = edge;
        }
    }
    if (!any)
    {
        any = dt.GetCloudDt();
    }
    NS_ABORT_MSG_IF(!any, "DtFaultHelper: install the DTs before the injector");
    Ptr<DtMalformedInjector> injector = CreateObject<DtMalformedInjector>();
    injector->SetAttribute("Interval", TimeValue(interval));
    UintegerValue dtPort;
    any->GetCommModule()->GetAttribute("Port", dtPort);
    const uint16_t to = port ? port : dtPort.Get();
    injector->SetAttribute("Port", UintegerValue(to));
    for (const auto& [id, entry] : dt.GetAddressBook()->GetAll())
    {
        injector->AddTarget(entry.address, id);
    }
    if (to != dtPort.Get())
    {
        for (uint32_t n = 0; n < nodes.GetN(); ++n)
        {
            Ptr<Socket> s = Socket::CreateSocket(nodes.Get(n), UdpSocketFactory::GetTypeId());
            NS_ABORT_MSG_IF(s->Bind(InetSocketAddress(Ipv4Address::GetAny(), to)) != 0,
                            "MalformedPort=" << to << " is already in use");
            s->SetRecvCallback(MakeCallback(&DtCommModule::Discard));
            m_discard.push_back(s);
        }
    }
    node->AddApplication(injector);
    injector->SetStartTime(dt.GetStartTime());
    injector->SetStopTime(dt.GetStopTime());
    return injector;
}

} // namespace ns3
