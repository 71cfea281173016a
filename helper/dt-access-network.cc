/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-access-network.h"

#include "ns3/abort.h"
#include "ns3/net-device.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAccessNetwork);

TypeId
DtAccessNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtAccessNetwork").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

DtAccessNetwork::~DtAccessNetwork()
{
}

void
DtAccessNetwork::DoDispose()
{
    m_accessDevices = NetDeviceContainer();
    Object::DoDispose();
}

Ipv4Address
DtAccessNetwork::GetTerminalAddress(uint32_t terminal) const
{
    NS_ABORT_MSG_IF(terminal >= m_terminalAddr.size(),
                    GetInstanceTypeId().GetName() << ": no terminal " << terminal);
    return m_terminalAddr[terminal];
}

Ipv4Address
DtAccessNetwork::GetEdgeAddress(uint32_t edge) const
{
    return Ipv4Address::GetAny();
}

uint32_t
DtAccessNetwork::GetCellOfEdge(uint32_t edge) const
{
    return edge;
}

Ptr<NetDevice>
DtAccessNetwork::GetAccessPoint(uint32_t edge) const
{
    return nullptr;
}

NetDeviceContainer
DtAccessNetwork::GetAccessDevices() const
{
    return m_accessDevices;
}

NetDeviceContainer
DtAccessNetwork::GetBackhaulDevices() const
{
    return NetDeviceContainer();
}

DataRate
DtAccessNetwork::GetUplinkCapacity() const
{
    return DataRate(0);
}

bool
DtAccessNetwork::CanHandOver() const
{
    return false;
}

void
DtAccessNetwork::Handover(uint32_t terminal, uint32_t targetEdge)
{
    NS_FATAL_ERROR(GetInstanceTypeId().GetName() << " cannot hand terminals over");
}

} // namespace ns3
