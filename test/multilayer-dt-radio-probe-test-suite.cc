/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/ampdu-subframe-header.h"
#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/test.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-header.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-helper.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

/**
 * \file
 * \ingroup multilayer-dt-tests
 * The radio probe's listening windows (DtRadioProbe).
 */

using namespace ns3;

namespace
{

/**
 * The MAC header of a frame MonitorSnifferRx reported, read with ns-3's own
 * header classes (the probe's reference; the probe reads its bytes).
 * \param packet the MPDU (behind its delimiter when in an A-MPDU)
 * \param mpdu where it stands in its PSDU
 * \return its header
 */
WifiMacHeader
MacHeaderOf(Ptr<const Packet> packet, const MpduInfo& mpdu)
{
    Ptr<Packet> copy = packet->Copy();
    if (mpdu.type != NORMAL_MPDU)
    {
        AmpduSubframeHeader delimiter;
        copy->RemoveHeader(delimiter);
    }
    WifiMacHeader hdr;
    copy->PeekHeader(hdr);
    return hdr;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * A station hears its AP's downlink and another station's uplink. A
 * listener of its own, connected all the time, records every frame the AP
 * sent (the probe's reference); each Read must return the mean signal and
 * SNR of exactly the frames the rule names: all since the previous read
 * (Window 0), else those in the Window before the read (from the previous
 * read if the Window is longer than the period), the first Frames of them. Windows that hold no AP
 * frame read NaN and are counted; between windows the probe is not connected.
 */
class DtRadioProbeWindowTestCase : public TestCase
{
  public:
    /**
     * \param window the probe's Window
     * \param frames the probe's Frames
     */
    DtRadioProbeWindowTestCase(Time window, uint32_t frames)
        : TestCase(Name(window, frames))
        , m_window(window)
        , m_frames(frames)
    {
    }

  private:
    /// A frame of the AP, as the reference listener heard it.
    struct Frame
    {
        Time at;       //!< when
        double signal; //!< dBm
        double noise;  //!< dBm
    };

    /// One Read.
    struct Reading
    {
        Time at;                //!< when
        double rssi;            //!< what it returned
        double snr;             //!< what it returned
        bool listeningAfter;    //!< IsListening just after ListenBefore
        bool listeningInWindow; //!< IsListening just after the window opened
    };

    static std::string Name(Time window, uint32_t frames)
    {
        std::ostringstream os;
        os << "Radio probe: Window " << window.As(Time::MS) << ", Frames " << frames
           << ", reads exactly the frames of its rule";
        return os.str();
    }

    void Heard(Ptr<const Packet> packet,
               uint16_t,
               WifiTxVector,
               MpduInfo mpdu,
               SignalNoiseDbm sn,
               uint16_t)
    {
        const WifiMacHeader hdr = MacHeaderOf(packet, mpdu);
        if (!hdr.IsCtl() && hdr.GetAddr2() == m_ap)
        {
            m_truth.push_back({Simulator::Now(), sn.signal, sn.noise});
        }
    }

    void DoRun() override
    {
        const Time attach = Seconds(0.9);
        const Time period = MilliSeconds(250);
        const uint32_t reads = 8;

        NodeContainer nodes(3); // the AP, the probed station, another station
        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(nodes);
        nodes.Get(1)->GetObject<MobilityModel>()->SetPosition(Vector(10, 0, 0));
        nodes.Get(2)->GetObject<MobilityModel>()->SetPosition(Vector(0, 15, 0));
        YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
        YansWifiPhyHelper phy;
        phy.SetChannel(channel.Create());
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211ac); // A-MPDUs: subframes behind delimiters
        WifiMacHelper mac;
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(Ssid("probe")));
        NetDeviceContainer ap = wifi.Install(phy, mac, nodes.Get(0));
        mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(Ssid("probe")));
        NetDeviceContainer stations =
            wifi.Install(phy, mac, NodeContainer(nodes.Get(1), nodes.Get(2)));
        m_ap = Mac48Address::ConvertFrom(ap.Get(0)->GetAddress());
        InternetStackHelper internet;
        internet.Install(nodes);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = addresses.Assign(NetDeviceContainer(ap, stations));

        UdpServerHelper server(9);
        server.Install(nodes).Start(Seconds(0));
        UdpClientHelper down(ifs.GetAddress(1), 9); // AP to the probed station
        down.SetAttribute("MaxPackets", UintegerValue(100000));
        down.SetAttribute("Interval", TimeValue(MicroSeconds(4100)));
        down.SetAttribute("PacketSize", UintegerValue(500));
        down.Install(nodes.Get(0)).Start(Seconds(0.5));
        UdpClientHelper up(ifs.GetAddress(0), 9); // the other station to the AP
        up.SetAttribute("MaxPackets", UintegerValue(100000));
        up.SetAttribute("Interval", TimeValue(MicroSeconds(900)));
        up.SetAttribute("PacketSize", UintegerValue(1400));
        up.Install(nodes.Get(2)).Start(Seconds(0.5));

        Ptr<WifiNetDevice> probed = DynamicCast<WifiNetDevice>(stations.Get(0));
        probed->GetPhy()->TraceConnectWithoutContext(
            "MonitorSnifferRx", MakeCallback(&DtRadioProbeWindowTestCase::Heard, this));

        Ptr<DtRadioProbe> probe = CreateObject<DtRadioProbe>();
        probe->SetAttribute("Window", TimeValue(m_window));
        probe->SetAttribute("Frames", UintegerValue(m_frames));
        std::vector<Reading> readings;
        Simulator::Schedule(
            attach,
            [&]()
            {
                NS_TEST_EXPECT_MSG_EQ(probe->Attach(nodes.Get(1)), 1, "one station device");
                NS_TEST_EXPECT_MSG_EQ(probe->IsAssociated(), true, "associated before");
            });
        for (uint32_t k = 0; k < reads; ++k)
        {
            const Time at = Seconds(1) + period * k;
            Simulator::Schedule(at,
                                [&, at]()
                                {
                                    Reading r{at, 0, 0, true, true};
                                    probe->Read(r.rssi, r.snr);
                                    probe->ListenBefore(at + period);
                                    r.listeningAfter = probe->IsListening();
                                    readings.push_back(r);
                                });
            if (k + 1 < reads && m_window.IsStrictlyPositive() && m_window < period)
            {
                // Just after the next window opened (before any frame can close it).
                Simulator::Schedule(at + period - m_window + NanoSeconds(1),
                                    [&]()
                                    {
                                        readings.back().listeningInWindow = probe->IsListening();
                                    });
            }
        }
        Simulator::Stop(Seconds(1) + period * reads);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(readings.size(), reads, "every read ran");
        const bool windowed = m_window.IsStrictlyPositive();
        uint64_t used = 0;
        uint64_t empty = 0;
        for (uint32_t k = 0; k <= reads; ++k)
        {
            // k == reads: what the probe heard after the last read, until the end.
            const Time at = k < reads ? readings[k].at : Seconds(1) + period * reads;
            // Until the first announcement the probe listens from its attachment.
            const Time from = k == 0 ? attach
                                     : (windowed ? std::max(at - m_window, readings[k - 1].at)
                                                 : readings[k - 1].at);
            double signal = 0;
            double snr = 0;
            uint32_t n = 0;
            for (const Frame& f : m_truth)
            {
                if (f.at > from && f.at <= at
                    && (k == 0 || !windowed || m_frames == 0 || n < m_frames))
                {
                    signal += f.signal;
                    snr += f.signal - f.noise;
                    ++n;
                }
            }
            used += n;
            if (k == reads)
            {
                break;
            }
            const Reading& r = readings[k];
            NS_TEST_EXPECT_MSG_EQ(r.listeningAfter,
                                  !windowed || m_window >= period,
                                  "read " << k << ": deaf until the next window");
            NS_TEST_EXPECT_MSG_EQ(r.listeningInWindow, true, "read " << k << ": window open");
            if (n == 0)
            {
                ++empty;
                NS_TEST_EXPECT_MSG_EQ(std::isnan(r.rssi) && std::isnan(r.snr),
                                      true,
                                      "read " << k << " heard nothing: NaN");
                continue;
            }
            // (EQ_TOL passes NaN: test it first.)
            NS_TEST_EXPECT_MSG_EQ(std::isnan(r.rssi) || std::isnan(r.snr),
                                  false,
                                  "read " << k << " heard " << n << " frames");
            NS_TEST_EXPECT_MSG_EQ_TOL(r.rssi, signal / n, 1e-9, "read " << k << ": mean signal");
            NS_TEST_EXPECT_MSG_EQ_TOL(r.snr, snr / n, 1e-9, "read " << k << ": mean SNR");
        }
        NS_TEST_EXPECT_MSG_EQ(
            probe->GetFramesHeard(), used, "the probe heard the frames of its rule, no more");
        NS_TEST_EXPECT_MSG_EQ(probe->GetEmptyReads(), empty, "empty reads counted");
        NS_TEST_EXPECT_MSG_GT(m_truth.size(), 20 * reads, "the AP sent steadily");
        if (windowed && m_frames > 0)
        {
            NS_TEST_EXPECT_MSG_LT(used, m_truth.size() / 4, "a window takes a few frames");
        }
        if (m_window == MicroSeconds(1))
        {
            NS_TEST_EXPECT_MSG_GT(empty, reads / 2, "a 1 us window is mostly empty");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(empty, 0, "every window heard the AP");
        }
        probe->Dispose();
        Simulator::Destroy();
    }

    Time m_window;              //!< the probe's Window
    uint32_t m_frames;          //!< the probe's Frames
    Mac48Address m_ap;          //!< the AP's address
    std::vector<Frame> m_truth; //!< every frame the AP sent, as heard
};

/**
 * \ingroup multilayer-dt-tests
 * A window that closed early reopens for a new AP: two APs of one ESS, the
 * station near the first, which sends to it every 4 ms (each window closes
 * on its first frame, just after it opens: Window 300 ms, longer than the
 * 250 ms period, opens at each read). 10 ms after a read the station roams
 * to the second AP (DtWifiRoamingManager::RoamTo, the first still on). The
 * read that follows is the mean of the new AP's frames heard after the
 * association (its first), not NaN.
 */
class DtRadioProbeReassociationTestCase : public TestCase
{
  public:
    DtRadioProbeReassociationTestCase()
        : TestCase("Radio probe: a window closed early reopens when the station changes AP")
    {
    }

  private:
    /// A frame of an AP, as the reference listener heard it.
    struct Frame
    {
        Time at;             //!< when
        Mac48Address sender; //!< the AP
        double signal;       //!< dBm
    };

    void Heard(Ptr<const Packet> packet,
               uint16_t,
               WifiTxVector,
               MpduInfo mpdu,
               SignalNoiseDbm sn,
               uint16_t)
    {
        const WifiMacHeader hdr = MacHeaderOf(packet, mpdu);
        if (!hdr.IsCtl())
        {
            m_frames.push_back({Simulator::Now(), hdr.GetAddr2(), sn.signal});
        }
    }

    void DoRun() override
    {
        NodeContainer aps(2);
        Ptr<Node> station = CreateObject<Node>();
        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(aps);
        mobility.Install(station);
        aps.Get(1)->GetObject<MobilityModel>()->SetPosition(Vector(40, 0, 0));
        station->GetObject<MobilityModel>()->SetPosition(Vector(5, 0, 0));
        YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
        YansWifiPhyHelper phy;
        phy.SetChannel(channel.Create());
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211a);
        WifiMacHelper mac;
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(Ssid("ess")));
        NetDeviceContainer apDevs = wifi.Install(phy, mac, aps);
        mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(Ssid("ess")));
        NetDeviceContainer staDev = wifi.Install(phy, mac, station);
        const Mac48Address first = Mac48Address::ConvertFrom(apDevs.Get(0)->GetAddress());
        const Mac48Address second = Mac48Address::ConvertFrom(apDevs.Get(1)->GetAddress());
        InternetStackHelper internet;
        internet.Install(aps);
        internet.Install(station);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = addresses.Assign(NetDeviceContainer(staDev, apDevs));
        UdpServerHelper server(9);
        server.Install(station).Start(Seconds(0));
        UdpClientHelper down(ifs.GetAddress(0), 9);
        down.SetAttribute("MaxPackets", UintegerValue(100000));
        down.SetAttribute("Interval", TimeValue(MilliSeconds(4)));
        down.SetAttribute("PacketSize", UintegerValue(200));
        down.Install(aps.Get(0)).Start(Seconds(0.5));

        DynamicCast<WifiNetDevice>(staDev.Get(0))
            ->GetPhy()
            ->TraceConnectWithoutContext(
                "MonitorSnifferRx", MakeCallback(&DtRadioProbeReassociationTestCase::Heard, this));
        Ptr<DtRadioProbe> probe = CreateObject<DtRadioProbe>();
        probe->SetAttribute("Window", TimeValue(MilliSeconds(300)));
        probe->SetAttribute("Frames", UintegerValue(1));
        Time moved; // when the station associated to the second AP
        probe->TraceConnectWithoutContext("Association",
                                          Callback<void, bool, Mac48Address>(
                                              [&moved, second](bool associated, Mac48Address bssid)
                                              {
                                                  if (associated && bssid == second
                                                      && moved.IsZero())
                                                  {
                                                      moved = Simulator::Now();
                                                  }
                                              }));
        Simulator::Schedule(Seconds(0.9),
                            [&]()
                            {
                                probe->Attach(station);
                            });
        // Roams on command only, 10 ms after a read: the window is closed by then.
        Ptr<DtWifiRoamingManager> roaming = CreateObject<DtWifiRoamingManager>();
        roaming->SetAttribute("SnrRoaming", BooleanValue(false));
        DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(staDev.Get(0))->GetMac())
            ->SetAssocManager(roaming);
        roaming->Start();
        Simulator::Schedule(Seconds(2.01),
                            [&]()
                            {
                                roaming->RoamTo(second);
                            });
        const Time period = MilliSeconds(250);
        std::vector<std::pair<Time, double>> reads;
        for (uint32_t k = 0; k < 8; ++k)
        {
            const Time at = Seconds(1) + period * k;
            Simulator::Schedule(at,
                                [&, at]()
                                {
                                    double rssi;
                                    double snr;
                                    probe->Read(rssi, snr);
                                    probe->ListenBefore(at + period);
                                    reads.emplace_back(at, rssi);
                                });
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(moved.IsStrictlyPositive(), true, "the station changed AP");
        auto after = std::find_if(reads.begin(),
                                  reads.end(),
                                  [moved](const std::pair<Time, double>& r)
                                  {
                                      return r.first > moved;
                                  });
        NS_TEST_ASSERT_MSG_EQ((after != reads.end()), true, "a read after the change");
        // The window of that read had closed on the first AP's frame just after
        // the previous read, before the change.
        const Time previous = (after - 1)->first;
        auto closer = std::find_if(m_frames.begin(),
                                   m_frames.end(),
                                   [previous](const Frame& f)
                                   {
                                       return f.at > previous;
                                   });
        NS_TEST_ASSERT_MSG_EQ(
            (closer != m_frames.end() && closer->sender == first && closer->at < moved),
            true,
            "the window closed on the first AP before the change");
        auto fresh = std::find_if(m_frames.begin(),
                                  m_frames.end(),
                                  [moved, second](const Frame& f)
                                  {
                                      return f.at >= moved && f.sender == second;
                                  });
        NS_TEST_ASSERT_MSG_EQ((fresh != m_frames.end() && fresh->at <= after->first),
                              true,
                              "the second AP sent before the read");
        // (EQ_TOL passes NaN: test it first.)
        NS_TEST_EXPECT_MSG_EQ(std::isnan(after->second), false, "the read heard the new AP");
        NS_TEST_EXPECT_MSG_EQ_TOL(after->second, fresh->signal, 1e-9, "the new AP's first frame");
        probe->Dispose();
        Simulator::Destroy();
    }

    std::vector<Frame> m_frames; //!< every non-control frame the station heard
};

/**
 * \ingroup multilayer-dt-tests
 * The radio probe.
 */
class DtRadioProbeTestSuite : public TestSuite
{
  public:
    DtRadioProbeTestSuite()
        : TestSuite("multilayer-dt-radio-probe", Type::UNIT)
    {
        AddTestCase(new DtRadioProbeWindowTestCase(Seconds(0), 4), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeWindowTestCase(MilliSeconds(110), 4), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeWindowTestCase(MilliSeconds(110), 0), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeWindowTestCase(MilliSeconds(20), 1), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeWindowTestCase(MilliSeconds(300), 4), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeWindowTestCase(MicroSeconds(1), 4), MLDT_TEST_QUICK);
        AddTestCase(new DtRadioProbeReassociationTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtRadioProbeTestSuite g_dtRadioProbeTestSuite;
