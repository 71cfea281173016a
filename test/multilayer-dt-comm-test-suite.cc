/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the communication module over a real point-to-point link:
// reliable datagrams over a lossy link, give-up and failure report, large
// messages over TCP, malformed datagrams counted and dropped.

#include "ns3/double.h"
#include "ns3/dt-ack-header.h"
#include "ns3/dt-comm-module.h"
#include "ns3/dt-demand-header.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-sync-header.h"
#include "ns3/error-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <map>

using namespace ns3;

namespace
{

/// Two DTs (ids 1 and 2) on the two ends of a point-to-point link.
struct Pair
{
    NodeContainer nodes;                   //!< the nodes
    NetDeviceContainer devs;               //!< their devices
    Ptr<DtCommModule> a;                   //!< DT 1
    Ptr<DtCommModule> b;                   //!< DT 2
    Ipv4Address addrB;                     //!< DT 2's address
    std::map<uint32_t, uint32_t> received; //!< at DT 2: deliveries per sequence number
    std::map<uint32_t, uint32_t> bulk;     //!< at DT 2: bulk bytes per sequence number
    uint32_t failures{0};                  //!< at DT 1: reported failures
    uint32_t transmissions{0};             //!< at DT 1: messages handed to sockets

    /**
     * \param lossRate packet error rate on DT 2's receiving device
     */
    explicit Pair(double lossRate)
    {
        nodes.Create(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("20Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("5ms"));
        devs = p2p.Install(nodes);
        InternetStackHelper internet;
        internet.Install(nodes);
        Ipv4AddressHelper ip("10.9.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(devs);
        addrB = ifs.GetAddress(1);
        if (lossRate > 0)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetAttribute("ErrorRate", DoubleValue(lossRate));
            em->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
            em->AssignStreams(7);
            devs.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
        Ptr<DtAddressBook> book = CreateObject<DtAddressBook>();
        book->Add(1, ifs.GetAddress(0), DtLayer::LOCAL);
        book->Add(2, addrB, DtLayer::EDGE);
        a = CreateObject<DtCommModule>();
        b = CreateObject<DtCommModule>();
        a->Setup(nodes.Get(0), 1, book);
        b->Setup(nodes.Get(1), 2, book);
        b->SetReceiveCallback(DtCommModule::ReceiveCallback(
            [this](const DtMessage& m, Ipv4Address)
            {
                ++received[m.GetHeader().GetSequence()];
                bulk[m.GetHeader().GetSequence()] = m.GetPayload().GetBulkSize();
            }));
        a->SetFailureCallback(DtCommModule::FailureCallback(
            [this](uint32_t, const DtHeader&)
            {
                ++failures;
            }));
        a->TraceConnectWithoutContext("Tx",
                                      Callback<void, const DtHeader&, uint32_t, uint32_t>(
                                          [this](const DtHeader& h, uint32_t, uint32_t)
                                          {
                                              if (h.GetMessageType() != DtMessageType::ACK)
                                              {
                                                  ++transmissions;
                                              }
                                          }));
        a->Start();
        b->Start();
    }
};

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * Over a link that loses 30 % of packets, every reliable message arrives
 * exactly once; retransmissions happen.
 */
class DtReliableDatagramTestCase : public TestCase
{
  public:
    DtReliableDatagramTestCase()
        : TestCase("Reliable datagrams over a lossy link arrive exactly once")
    {
    }

  private:
    void DoRun() override
    {
        Pair p(0.3);
        p.a->SetAttribute("MaxRetransmissions", UintegerValue(12));
        const uint32_t n = 60;
        for (uint32_t i = 0; i < n; ++i)
        {
            Simulator::Schedule(MilliSeconds(10 * i),
                                [&p, i]()
                                {
                                    DtSyncAckHeader ack;
                                    ack.SetSyncId(i);
                                    p.a->Send(2, ack, true);
                                });
        }
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(p.received.size(), n, "every message delivered");
        for (const auto& [seq, count] : p.received)
        {
            NS_TEST_EXPECT_MSG_EQ(count, 1, "message " << seq << " delivered once");
        }
        NS_TEST_EXPECT_MSG_EQ(p.failures, 0, "no failure reported");
        NS_TEST_EXPECT_MSG_GT(p.transmissions, n, "lost messages were retransmitted");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * When nothing gets through, each reliable message is reported failed once,
 * after 1 + MaxRetransmissions transmissions.
 */
class DtGiveUpTestCase : public TestCase
{
  public:
    DtGiveUpTestCase()
        : TestCase("A reliable datagram that never gets through is reported failed")
    {
    }

  private:
    void DoRun() override
    {
        Pair p(1.0);
        p.a->SetAttribute("MaxRetransmissions", UintegerValue(3));
        for (uint32_t i = 0; i < 5; ++i)
        {
            Simulator::Schedule(MilliSeconds(i),
                                [&p, i]()
                                {
                                    DtSyncAckHeader ack;
                                    ack.SetSyncId(i);
                                    p.a->Send(2, ack, true);
                                });
        }
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(p.received.size(), 0, "nothing delivered");
        NS_TEST_EXPECT_MSG_EQ(p.failures, 5, "each message reported failed once");
        NS_TEST_EXPECT_MSG_EQ(p.transmissions, 5 * (1 + 3), "transmissions per message");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A message larger than a datagram travels over TCP and arrives whole, once.
 */
class DtLargeMessageTestCase : public TestCase
{
  public:
    DtLargeMessageTestCase()
        : TestCase("Large messages go over TCP and arrive whole")
    {
    }

  private:
    void DoRun() override
    {
        Pair p(0.0);
        Simulator::ScheduleNow(
            [&p]()
            {
                for (uint32_t k = 0; k < 3; ++k)
                {
                    DtDemandRequestHeader req;
                    req.SetDemandId(k);
                    req.SetInputBytes(300000 + k);
                    req.SetDeadline(Seconds(10));
                    p.a->Send(2, req, true);
                }
                DtSyncAckHeader small;
                p.a->Send(2, small, true);
            });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(p.received.size(), 4, "three large and one small message");
        for (uint32_t k = 0; k < 3; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(p.received[k], 1, "large message " << k << " once");
            NS_TEST_EXPECT_MSG_EQ(p.bulk[k], 300000 + k, "large message " << k << " whole");
        }
        NS_TEST_EXPECT_MSG_EQ(p.b->GetMalformedDropped(), 0, "no framing error");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Malformed datagrams sent to a DT's port are counted and dropped; valid
 * messages after them still arrive.
 */
class DtMalformedDatagramTestCase : public TestCase
{
  public:
    DtMalformedDatagramTestCase()
        : TestCase("Malformed datagrams are counted and dropped")
    {
    }

  private:
    void DoRun() override
    {
        Pair p(0.0);
        Ptr<Socket> raw = Socket::CreateSocket(p.nodes.Get(0), UdpSocketFactory::GetTypeId());
        uint16_t port = 9500;
        Simulator::ScheduleNow(
            [&p, raw, port]()
            {
                uint8_t junk[40] = {0x4D, 0x44, 9, 1}; // right magic, wrong version
                raw->SendTo(
                    Create<Packet>(junk, sizeof(junk)), 0, InetSocketAddress(p.addrB, port));
                raw->SendTo(Create<Packet>(100), 0, InetSocketAddress(p.addrB, port)); // zeros
                DtSyncAckHeader ack;
                p.a->Send(2, ack, true);
            });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(p.b->GetMalformedDropped(), 2, "two malformed datagrams");
        NS_TEST_EXPECT_MSG_EQ(p.received.size(), 1, "the valid message arrived");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A large reliable message whose receiver vanishes after TCP took it is
 * reported failed (no DT-level ACK), once; a stopped module sends nothing.
 */
class DtTcpAckTimeoutTestCase : public TestCase
{
  public:
    DtTcpAckTimeoutTestCase()
        : TestCase("Unacknowledged TCP messages are reported failed once")
    {
    }

  private:
    void DoRun() override
    {
        Pair p(0.0);
        p.a->SetAttribute("TcpAckTimeout", TimeValue(Seconds(2)));
        Simulator::ScheduleNow(
            [&p]()
            {
                p.b->Stop(); // the receiver is gone: its node still answers TCP, no DT listens
                DtDemandRequestHeader req;
                req.SetInputBytes(50000);
                req.SetDeadline(Seconds(10));
                p.a->Send(2, req, true);
            });
        Simulator::Schedule(Seconds(5),
                            [&p]()
                            {
                                p.a->Stop();
                                DtSyncAckHeader late;
                                p.a->Send(2, late, true); // ignored, no abort
                            });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(p.received.size(), 0, "nothing delivered");
        NS_TEST_EXPECT_MSG_EQ(p.failures, 1, "one failure report");
        Simulator::Destroy();
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Communication module test suite.
 */
class DtCommTestSuite : public TestSuite
{
  public:
    DtCommTestSuite()
        : TestSuite("multilayer-dt-comm", Type::UNIT)
    {
        AddTestCase(new DtReliableDatagramTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtGiveUpTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtLargeMessageTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtMalformedDatagramTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtTcpAckTimeoutTestCase, MLDT_TEST_QUICK);
    }
};

/// Static instance that registers the suite.
static DtCommTestSuite g_dtCommTestSuite;
