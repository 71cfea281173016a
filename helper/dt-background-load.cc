/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-background-load.h"

#include "ns3/inet-socket-address.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"

namespace ns3
{

namespace
{

/// UDP port of the background load (the discard port).
constexpr uint16_t LOAD_PORT = 9;
/// Background packets: 1500 bytes at the IP layer.
constexpr uint32_t LOAD_PAYLOAD = 1500 - 20 - 8;

} // namespace

ApplicationContainer
DtBackgroundLoad::InstallSinks(NodeContainer nodes)
{
    PacketSinkHelper sink("ns3::UdpSocketFactory",
                          InetSocketAddress(Ipv4Address::GetAny(), LOAD_PORT));
    return sink.Install(nodes);
}

DataRate
DtBackgroundLoad::FlowRate(DataRate linkRate, double load)
{
    // OnOff's rate counts its payload: scaled so that the IP packets (1500
    // bytes) make the load.
    return DataRate(static_cast<uint64_t>(linkRate.GetBitRate() * load * LOAD_PAYLOAD / 1500.0));
}

ApplicationContainer
DtBackgroundLoad::InstallFlow(Ptr<Node> from, Ipv4Address to, DataRate linkRate, double load)
{
    OnOffHelper cbr("ns3::UdpSocketFactory", InetSocketAddress(to, LOAD_PORT));
    cbr.SetConstantRate(FlowRate(linkRate, load), LOAD_PAYLOAD);
    return cbr.Install(from);
}

} // namespace ns3
