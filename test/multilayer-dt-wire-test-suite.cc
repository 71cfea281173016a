/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the count of what the DT exchange puts on the links
// (DtWireCounter): exact frame sizes on point-to-point and Wi-Fi links,
// the attribution of acknowledgements, demand data found by its byte tag,
// and the count over whole systems on every access technology.

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/dt-bulk-tag.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/yans-wifi-helper.h"

#include <functional>

using namespace ns3;

namespace
{

constexpr uint16_t DT_PORT = 9500;    //!< the DTs' port in these tests
constexpr uint16_t OTHER_PORT = 9600; //!< a port that is not

/**
 * A datagram of 100 bytes whose first 60 carry the demand-data tag.
 * \return the packet
 */
Ptr<Packet>
TaggedDatagram()
{
    Ptr<Packet> p = Create<Packet>(60);
    p->AddByteTag(DtBulkTag());
    p->AddAtEnd(Create<Packet>(40));
    return p;
}

/**
 * From `from`, send five tagged 100-byte UDP datagrams to `to` on the DT
 * port, 100 ms apart from 1 s, and one to another port.
 * \param from sender
 * \param to receiver's address
 */
void
SendDatagrams(Ptr<Node> from, Ipv4Address to)
{
    Ptr<Socket> dt = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
    dt->Bind(InetSocketAddress(Ipv4Address::GetAny(), DT_PORT));
    Ptr<Socket> other = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
    other->Bind(InetSocketAddress(Ipv4Address::GetAny(), OTHER_PORT));
    for (int i = 0; i < 5; ++i)
    {
        Simulator::Schedule(Seconds(1 + 0.1 * i),
                            [dt, to]()
                            {
                                dt->SendTo(TaggedDatagram(), 0, InetSocketAddress(to, DT_PORT));
                            });
    }
    Simulator::Schedule(Seconds(1.7),
                        [other, to]()
                        {
                            other->SendTo(
                                Create<Packet>(100), 0, InetSocketAddress(to, OTHER_PORT));
                        });
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Point-to-point: each DT datagram is one frame of payload + UDP (8) + IP
 * (20) + PPP (2) bytes for its sender's layer, with its tagged bytes as
 * data; a datagram on another port counts for nobody. A TCP transfer counts
 * its segments for the sender and the receiver's acknowledgements for the
 * sender too.
 */
class DtWirePointToPointTestCase : public TestCase
{
  public:
    DtWirePointToPointTestCase()
        : TestCase("Point-to-point frames: exact sizes, data, acknowledgements")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        NetDeviceContainer devices = p2p.Install(nodes);
        InternetStackHelper().Install(nodes);
        Ipv4AddressHelper ip("10.9.0.0", "255.255.255.0");
        Ipv4InterfaceContainer addresses = ip.Assign(devices);

        Ptr<DtWireCounter> counter = CreateObject<DtWireCounter>();
        counter->AddNode(nodes.Get(0), DtLayer::LOCAL);
        counter->AddNode(nodes.Get(1), DtLayer::CLOUD);
        counter->AddPort(DT_PORT);
        Simulator::ScheduleNow(&DtWireCounter::Start, counter);

        // UDP, local -> cloud.
        Ptr<Socket> sink = Socket::CreateSocket(nodes.Get(1), UdpSocketFactory::GetTypeId());
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), DT_PORT));
        SendDatagrams(nodes.Get(0), addresses.GetAddress(1));

        // TCP, local -> cloud: 3000 bytes from 3 s.
        Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), DT_PORT));
        listener->Listen();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&DtWirePointToPointTestCase::Accepted, this));
        Ptr<Socket> client = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
        const Ipv4Address server = addresses.GetAddress(1);
        Simulator::Schedule(Seconds(3),
                            [client, server]()
                            {
                                client->Bind();
                                client->Connect(InetSocketAddress(server, DT_PORT));
                                client->Send(Create<Packet>(3000));
                            });
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(counter->GetBytes(DtLayer::LOCAL, DtWireCounter::WIRED),
                              5 * (100 + 8 + 20 + 2),
                              "five DT datagrams, headers and all; the other port not counted");
        NS_TEST_EXPECT_MSG_EQ(counter->GetPayloadBytes(DtLayer::LOCAL), 500, "their payload");
        NS_TEST_EXPECT_MSG_EQ(counter->GetDataBytes(DtLayer::LOCAL), 300, "their tagged data");
        NS_TEST_EXPECT_MSG_EQ(counter->GetFrames(DtLayer::LOCAL), 5, "five frames");
        NS_TEST_EXPECT_MSG_EQ(
            counter->GetBytes(DtLayer::LOCAL, DtWireCounter::RADIO), 0, "no radio link");

        const uint64_t framesBefore = counter->GetFrames(DtLayer::LOCAL);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_received, 3000, "the transfer arrived");
        NS_TEST_EXPECT_MSG_EQ(counter->GetPayloadBytes(DtLayer::LOCAL),
                              500 + 3000,
                              "every TCP payload byte counted once (no loss)");
        NS_TEST_EXPECT_MSG_EQ(counter->GetBytes(DtLayer::CLOUD, DtWireCounter::WIRED),
                              0,
                              "the receiver's SYN-ACK and acknowledgements count for the sender");
        // 3000 bytes in 536-byte segments: 6 segments, a SYN, the final ACK of
        // the handshake, and at least 3 acknowledgements back.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(counter->GetFrames(DtLayer::LOCAL) - framesBefore,
                                    11,
                                    "segments, handshake and acknowledgements");

        // UDP, cloud -> local: a 3000-byte tagged datagram in three IP
        // fragments (1480 + 1480 + 48 bytes of IP payload over a 1500-byte
        // MTU); only the first carries the UDP header, all count for the cloud.
        Simulator::Schedule(Seconds(5.1),
                            [sink, &addresses]()
                            {
                                Ptr<Packet> big = Create<Packet>(3000);
                                big->AddByteTag(DtBulkTag());
                                sink->SendTo(
                                    big, 0, InetSocketAddress(addresses.GetAddress(0), DT_PORT));
                            });
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(counter->GetFrames(DtLayer::CLOUD), 3, "three fragments");
        NS_TEST_EXPECT_MSG_EQ(counter->GetBytes(DtLayer::CLOUD, DtWireCounter::WIRED),
                              3000 + 8 + 3 * (20 + 2),
                              "payload, one UDP header, three IP and PPP headers");
        NS_TEST_EXPECT_MSG_EQ(counter->GetPayloadBytes(DtLayer::CLOUD), 3000, "the payload");
        NS_TEST_EXPECT_MSG_EQ(counter->GetDataBytes(DtLayer::CLOUD), 3000, "all of it tagged");
        Simulator::Destroy();
    }

    /**
     * \param socket an accepted connection
     */
    void Accepted(Ptr<Socket> socket, const Address&)
    {
        socket->SetRecvCallback(
            [this](Ptr<Socket> s)
            {
                while (Ptr<Packet> p = s->Recv())
                {
                    m_received += p->GetSize();
                }
            });
    }

    uint32_t m_received{0}; //!< TCP bytes received
};

/**
 * \ingroup multilayer-dt-tests
 * 802.11a, one station and its access point, 5 m apart: each DT datagram
 * is one MPDU of payload + UDP + IP + LLC/SNAP (8) + MAC header (24) + FCS
 * (4) bytes, and the access point's Ack (14 bytes) counts for the
 * station's layer. Association, ARP and their Acks count for nobody.
 */
class DtWireWifiTestCase : public TestCase
{
  public:
    DtWireWifiTestCase()
        : TestCase("Wi-Fi frames: exact sizes, Acks for the layer they answer")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes(2); // 0: station, 1: access point
        YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
        YansWifiPhyHelper phy;
        phy.SetChannel(channel.Create());
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211a);
        wifi.SetRemoteStationManager(
            "ns3::ConstantRateWifiManager", "DataMode", StringValue("OfdmRate6Mbps"));
        WifiMacHelper mac;
        Ssid ssid("wire");
        mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer devices = wifi.Install(phy, mac, nodes.Get(0));
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
        devices.Add(wifi.Install(phy, mac, nodes.Get(1)));
        MobilityHelper mobility;
        mobility.Install(nodes);
        nodes.Get(1)->GetObject<MobilityModel>()->SetPosition(Vector(5, 0, 0));
        InternetStackHelper().Install(nodes);
        Ipv4AddressHelper ip("10.9.1.0", "255.255.255.0");
        Ipv4InterfaceContainer addresses = ip.Assign(devices);

        Ptr<DtWireCounter> counter = CreateObject<DtWireCounter>();
        counter->AddNode(nodes.Get(0), DtLayer::LOCAL);
        counter->AddNode(nodes.Get(1), DtLayer::EDGE);
        counter->AddPort(DT_PORT);
        Simulator::ScheduleNow(&DtWireCounter::Start, counter);
        Ptr<Socket> sink = Socket::CreateSocket(nodes.Get(1), UdpSocketFactory::GetTypeId());
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), DT_PORT));
        SendDatagrams(nodes.Get(0), addresses.GetAddress(1));
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        const uint64_t mpdu = 100 + 8 + 20 + 8 + 24 + 4;
        NS_TEST_EXPECT_MSG_EQ(counter->GetBytes(DtLayer::LOCAL, DtWireCounter::RADIO),
                              5 * (mpdu + 14),
                              "five MPDUs and their five Acks");
        NS_TEST_EXPECT_MSG_EQ(counter->GetFrames(DtLayer::LOCAL), 10, "ten frames");
        NS_TEST_EXPECT_MSG_EQ(counter->GetDataBytes(DtLayer::LOCAL), 300, "their tagged data");
        NS_TEST_EXPECT_MSG_EQ(counter->GetBytes(DtLayer::EDGE, DtWireCounter::RADIO),
                              0,
                              "the access point sent nothing of the DT's");
        NS_TEST_EXPECT_MSG_EQ(counter->GetUnattributedRadioBytes(), 0, "no LTE");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Whole systems for 3 s on Wi-Fi, LTE and wired access: every layer that
 * sent demand data has at least that much data on the links, the frames
 * are larger than their data (headers), the radio count is zero only
 * without radio, and the counter switched off counts nothing.
 */
class DtWireSystemTestCase : public TestCase
{
  public:
    DtWireSystemTestCase()
        : TestCase("Whole systems: data conserved on the links, headers on top, per access")
    {
    }

  private:
    void DoRun() override
    {
        for (auto access :
             {MultiLayerDtHelper::WIFI, MultiLayerDtHelper::LTE, MultiLayerDtHelper::WIRED})
        {
            Check(access, true);
        }
        Check(MultiLayerDtHelper::WIFI, false);
    }

    /**
     * \param access the access technology
     * \param enabled the counter's Enabled attribute
     */
    void Check(MultiLayerDtHelper::Access access, bool enabled)
    {
        Config::SetDefault("ns3::DtWireCounter::Enabled", BooleanValue(enabled));
        Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
        dt->SetAttribute("Terminals", UintegerValue(4));
        dt->SetAttribute("Edges", UintegerValue(2));
        dt->SetAttribute("Access", EnumValue(access));
        dt->SetAttribute("Architecture", EnumValue(DtArchitecture::MULTI_LAYER));
        dt->SetAttribute("SimTime", TimeValue(Seconds(3)));
        dt->SetAttribute("DrainTime", TimeValue(Seconds(8)));
        dt->Build();
        dt->Install();
        Simulator::Stop(dt->GetStopTime());
        Simulator::Run();
        Ptr<DtStatsCollector> stats = dt->GetStats();
        Ptr<DtWireCounter> counter = stats->GetWireCounter();
        Config::SetDefault("ns3::DtWireCounter::Enabled", BooleanValue(true));
        const std::string name = std::to_string(static_cast<int>(access));
        if (!enabled)
        {
            NS_TEST_EXPECT_MSG_EQ(counter->IsStarted(), false, "switched off");
            NS_TEST_EXPECT_MSG_EQ(counter->GetFrames(DtLayer::LOCAL), 0, "nothing counted");
            Simulator::Destroy();
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(counter->IsStarted(), true, "counting");
        NS_TEST_ASSERT_MSG_GT(stats->GetCreated(), 10, "demands were created");
        for (DtLayer l : {DtLayer::LOCAL, DtLayer::EDGE, DtLayer::CLOUD})
        {
            const uint64_t sent = stats->GetSignalingBytes(l) + stats->GetDataBytes(l);
            const uint64_t onLinks = counter->GetBytes(l, DtWireCounter::RADIO)
                                     + counter->GetBytes(l, DtWireCounter::WIRED);
            if (sent == 0)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_GT(onLinks,
                                  sent,
                                  "access " << name << ", layer " << DtLayerName(l)
                                            << ": headers on top of the DT bytes");
            // Data still queued when the run ends is the only shortfall.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(counter->GetDataBytes(l),
                                        stats->GetDataBytes(l) * 95 / 100,
                                        "access " << name << ", layer " << DtLayerName(l)
                                                  << ": demand data reached the links");
            NS_TEST_EXPECT_MSG_LT(counter->GetDataBytes(l),
                                  onLinks,
                                  "access " << name << ", layer " << DtLayerName(l)
                                            << ": data is part of the frames");
        }
        const uint64_t localRadio = counter->GetBytes(DtLayer::LOCAL, DtWireCounter::RADIO);
        if (access == MultiLayerDtHelper::WIRED)
        {
            NS_TEST_EXPECT_MSG_EQ(localRadio, 0, "no radio on wired access");
        }
        else
        {
            NS_TEST_EXPECT_MSG_GT(localRadio,
                                  stats->GetSignalingBytes(DtLayer::LOCAL)
                                      + stats->GetDataBytes(DtLayer::LOCAL),
                                  "access " << name << ": the terminals' radio frames");
        }
        if (access == MultiLayerDtHelper::LTE)
        {
            NS_TEST_EXPECT_MSG_GT(counter->GetBytes(DtLayer::EDGE, DtWireCounter::RADIO),
                                  0,
                                  "edges' answers on the LTE downlink");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * What the DT exchange puts on the links.
 */
class DtWireTestSuite : public TestSuite
{
  public:
    DtWireTestSuite()
        : TestSuite("multilayer-dt-wire", Type::UNIT)
    {
        AddTestCase(new DtWirePointToPointTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtWireWifiTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtWireSystemTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtWireTestSuite g_dtWireTestSuite;
