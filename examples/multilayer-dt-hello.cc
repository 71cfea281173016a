/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// multilayer-dt-hello: every DT protocol message type, once, over a real link.
//
//   n0 (local DT) ---- point-to-point ---- n1 (edge DT)
//
// n0 sends one message of each of the 17 types over UDP, then optionally some
// malformed datagrams (in turn: truncated, wrong magic, wrong version, unknown
// type, a field out of range, a byte too many, an undefined flag).
// n1 parses every datagram with DtMessage::Parse, prints what it decoded and
// counts what it dropped. The program exits non-zero unless every type
// arrived and every malformed datagram was dropped, so it doubles as a test.
//
//   ./mldt run hello -- --malformed=3 --pcap=true

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <map>
#include <memory>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("MultilayerDtHello");

namespace
{

/// Receiver-side tallies.
struct Tally
{
    std::map<DtMessageType, uint32_t> byType; //!< well-formed messages per type
    std::map<DtParseError, uint32_t> dropped; //!< malformed datagrams per error
    bool verbose{true};                       //!< print each message
};

/**
 * One payload of every type, filled with plausible values.
 * \return the payloads, in type order
 */
std::vector<std::unique_ptr<DtPayload>>
MakeOneOfEach()
{
    std::vector<std::unique_ptr<DtPayload>> out;

    auto su = std::make_unique<DtStatusUpdateHeader>();
    su->SetPosition(Vector(120.5, 48.0, 1.5));
    su->SetVelocity(Vector(3.2, -0.4, 0));
    su->SetServingCell(1);
    su->SetQueueLength(2);
    su->SetCpuLoadPermille(350);
    su->SetBatteryPermille(870);
    // Five position samples 100 ms apart and five radio samples, compressed
    // as a local DT sends them (error bounds 0.1 m, 0.1 m/s, 0.5 dB).
    DtSampleStream position;
    position.source = DtSource::POSITION;
    position.channels = 4;
    position.firstAgeUs = 450000;
    position.periodUs = 100000;
    position.bounds = {0.1, 0.1, 0.1, 0.1};
    DtSampleStream radio;
    radio.source = DtSource::RADIO;
    radio.channels = 2;
    radio.firstAgeUs = 450000;
    radio.periodUs = 100000;
    radio.bounds = {0.5, 0.5};
    for (uint32_t i = 0; i < 5; ++i)
    {
        position.values.insert(position.values.end(),
                               {119.1 + 0.32 * i, 48.2 - 0.04 * i, 3.2, -0.4});
        radio.values.insert(radio.values.end(), {-62.0 - 0.5 * i, 31.0 - 0.5 * i});
    }
    su->SetSamples(
        DtSampleEncoding::DELTA_QUANTIZED, 10, DtSampleCodec::EncodeCompressed({position, radio}));
    out.push_back(std::move(su));

    auto dr = std::make_unique<DtDemandRequestHeader>();
    dr->SetDemandId(1);
    dr->SetOrigin(1);
    dr->SetDemandClass(1);
    dr->SetPriority(3);
    dr->SetTier(DtTier::EDGE);
    dr->SetWorkloadGflop(4.0);
    dr->SetInputBytes(1200);
    dr->SetOutputBytes(400);
    dr->SetCreated(MilliSeconds(100));
    dr->SetDeadline(MilliSeconds(600));
    out.push_back(std::move(dr));

    auto rsp = std::make_unique<DtDemandResponseHeader>();
    rsp->SetDemandId(1);
    rsp->SetOrigin(1);
    rsp->SetCompleted();
    rsp->SetExecutedTier(DtTier::EDGE);
    rsp->SetHops(1);
    rsp->SetCreated(MilliSeconds(100));
    rsp->SetCompletedAt(MilliSeconds(320));
    rsp->SetOutputBytes(400);
    out.push_back(std::move(rsp));

    auto rs = std::make_unique<DtRegionSummaryHeader>();
    rs->SetAgentCount(5);
    rs->SetStatusUpdates(50);
    rs->SetWindow(Seconds(0), Seconds(1));
    rs->SetStatistics({100.0, 50.0, 2.5}, {40.0, 1.0, 0.1, 30.0, 0.2, 0.5});
    rs->SetAnomalies({4});
    out.push_back(std::move(rs));

    auto mu = std::make_unique<DtModelUpdateHeader>();
    mu->SetModelId(1);
    mu->SetVersion(3);
    mu->SetTrainedAt(Seconds(1));
    mu->SetTrainingSamples(500);
    mu->SetParameters(std::vector<double>(32, 0.125));
    out.push_back(std::move(mu));

    auto aj = std::make_unique<DtAgentJoinHeader>();
    aj->SetTerminal(1);
    aj->SetServingCell(1);
    aj->SetModelVersion(3);
    out.push_back(std::move(aj));

    auto al = std::make_unique<DtAgentLeaveHeader>();
    al->SetTerminal(1);
    al->SetNextEdge(1001);
    al->SetReason(DtLeaveReason::HANDOVER);
    out.push_back(std::move(al));

    auto mr = std::make_unique<DtMigrationRequestHeader>();
    mr->SetMigrationId(1);
    mr->SetTerminal(1);
    mr->SetEdges(1000, 1001);
    mr->SetTrigger(DtMigrationTrigger::REACTIVE);
    mr->SetStateBytes(256);
    out.push_back(std::move(mr));

    auto ms = std::make_unique<DtMigrationStateHeader>();
    ms->SetMigrationId(1);
    ms->SetTerminal(1);
    ms->SetSegment(0, 1, 256, std::vector<uint8_t>(256, 0xA5));
    out.push_back(std::move(ms));

    auto ma = std::make_unique<DtMigrationAckHeader>();
    ma->SetMigrationId(1);
    ma->SetTerminal(1);
    ma->SetStatus(DtMigrationStatus::COMPLETED);
    ma->SetBytesReceived(256);
    out.push_back(std::move(ma));

    auto sr = std::make_unique<DtSyncRequestHeader>();
    sr->SetSyncId(1);
    sr->SetTerminal(1);
    sr->SetTimes(MilliSeconds(50), MilliSeconds(150));
    sr->SetState(std::vector<uint8_t>(64, 0x11));
    out.push_back(std::move(sr));

    auto sa = std::make_unique<DtSyncAckHeader>();
    sa->SetSyncId(1);
    sa->SetTerminal(1);
    sa->SetStatus(DtSyncStatus::OK);
    sa->SetTwinUpdated(MilliSeconds(60));
    out.push_back(std::move(sa));

    auto ph = std::make_unique<DtPeerHelloHeader>();
    ph->SetTerminal(1);
    ph->SetPosition(Vector(120.5, 48.0, 0));
    ph->SetCapacityGflops(1.0);
    ph->SetHasEdge(true);
    out.push_back(std::move(ph));

    auto pd = std::make_unique<DtPeerDemandHeader>();
    pd->SetDemandId(2);
    pd->SetOrigin(1);
    pd->SetTier(DtTier::PEER);
    pd->SetWorkloadGflop(0.5);
    pd->SetInputBytes(300);
    pd->SetOutputBytes(100);
    pd->SetCreated(MilliSeconds(200));
    pd->SetDeadline(MilliSeconds(400));
    out.push_back(std::move(pd));

    auto ack = std::make_unique<DtAckHeader>();
    ack->SetAcked(7, DtMessageType::MIGRATION_STATE);
    out.push_back(std::move(ack));

    auto lr = std::make_unique<DtLoadReportHeader>();
    lr->SetLoad(20.0, 35.5);
    lr->SetUpstream(500.0, 120.0, 1e9, MicroSeconds(1200));
    out.push_back(std::move(lr));

    auto am = std::make_unique<DtAgentMessageHeader>();
    am->SetAgents(1002, 1007);
    am->SetFromEdge(100);
    am->SetHops(1);
    am->SetSentAt(MilliSeconds(250));
    am->SetBody(std::vector<uint8_t>(64, 0x5A));
    out.push_back(std::move(am));
    return out;
}

/**
 * Malformed variants of a valid message, one per kind of damage.
 * \param valid a valid message
 * \param n how many to make
 * \return n damaged packets
 */
std::vector<Ptr<Packet>>
MakeMalformed(Ptr<const Packet> valid, uint32_t n)
{
    std::vector<uint8_t> bytes(valid->GetSize());
    valid->CopyData(bytes.data(), bytes.size());
    std::vector<Ptr<Packet>> out;
    for (uint32_t i = 0; i < n; ++i)
    {
        std::vector<uint8_t> b = bytes;
        switch (i % 7)
        {
            case 0: // truncated in the middle of the payload
                b.resize(b.size() / 2);
                break;
            case 1: // wrong magic
                b[0] ^= 0xFF;
                break;
            case 2: // unsupported version
                b[2] = DtHeader::VERSION + 1;
                break;
            case 3: // undefined message type
                b[3] = 0xEE;
                break;
            case 4: // a field out of range: the demand's tier (after id, origin, class, priority)
                b[DtHeader::SIZE + 14] = 9;
                break;
            case 5: // one byte more than the header declares
                b.push_back(0);
                break;
            default: // an undefined flag bit
                b[5] |= 0x80;
                break;
        }
        out.push_back(Create<Packet>(b.data(), b.size()));
    }
    return out;
}

/**
 * Receive callback of the edge node: parse, print, count.
 * \param tally where to count
 * \param socket the socket with data
 */
void
Receive(Tally* tally, Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        DtMessage msg;
        DtParseResult r = DtMessage::Parse(p, msg);
        if (!r.Ok())
        {
            ++tally->dropped[r.error];
            std::cout << Simulator::Now().As(Time::MS) << " dropped malformed datagram of "
                      << p->GetSize() << " bytes: " << r << std::endl;
            continue;
        }
        ++tally->byType[msg.GetMessageType()];
        if (tally->verbose)
        {
            std::cout << Simulator::Now().As(Time::MS) << " " << p->GetSize() << " B " << msg
                      << std::endl;
        }
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string dataRate = "50Mbps";
    std::string delay = "2ms";
    uint32_t port = 9500;
    uint32_t malformed = 0;
    bool pcap = false;
    bool verbose = true;
    Time interval = MilliSeconds(10);

    CommandLine cmd(__FILE__);
    cmd.Usage("Sends one DT protocol message of every type over a point-to-point link "
              "and prints what the receiver decodes.");
    cmd.AddValue("dataRate", "Link data rate (ns3::DataRate string)", dataRate);
    cmd.AddValue("delay", "Link propagation delay (ns3::Time string)", delay);
    cmd.AddValue("port", "UDP port of the receiving DT (1..65535)", port);
    cmd.AddValue("malformed",
                 "Number of malformed datagrams to send after the valid ones (7 kinds in turn)",
                 malformed);
    cmd.AddValue("interval", "Time between two sends", interval);
    cmd.AddValue("pcap", "Write PCAP traces multilayer-dt-hello-<node>-<device>.pcap", pcap);
    cmd.AddValue("verbose", "Print every decoded message", verbose);
    // Attribute values are checked first: CommandLine would only say "invalid".
    if (const std::string bad = DtCheckAttributeArguments(argc, argv); !bad.empty())
    {
        std::cerr << "error: " << bad << std::endl;
        return 2;
    }
    cmd.Parse(argc, argv);

    if (port == 0 || port > 65535)
    {
        std::cerr << "error: --port=" << port << " is not a UDP port (expected 1..65535)"
                  << std::endl;
        return 2;
    }
    if (!interval.IsStrictlyPositive())
    {
        std::cerr << "error: --interval=" << interval << " must be positive" << std::endl;
        return 2;
    }
    DataRateValue rateCheck;
    if (!rateCheck.DeserializeFromString(dataRate, MakeDataRateChecker()))
    {
        std::cerr << "error: --dataRate=" << dataRate
                  << " is not a data rate (expected e.g. 50Mbps)" << std::endl;
        return 2;
    }
    TimeValue delayCheck;
    if (!delayCheck.DeserializeFromString(delay, MakeTimeChecker())
        || delayCheck.Get().IsStrictlyNegative())
    {
        std::cerr << "error: --delay=" << delay << " is not a non-negative time (expected e.g. 2ms)"
                  << std::endl;
        return 2;
    }

    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(dataRate));
    p2p.SetChannelAttribute("Delay", StringValue(delay));
    NetDeviceContainer devices = p2p.Install(nodes);
    InternetStackHelper internet;
    internet.Install(nodes);
    Ipv4AddressHelper ipv4;
    ipv4.SetBase("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer ifaces = ipv4.Assign(devices);
    if (pcap)
    {
        p2p.EnablePcapAll("multilayer-dt-hello");
    }

    Tally tally;
    tally.verbose = verbose;
    TypeId udp = UdpSocketFactory::GetTypeId();
    Ptr<Socket> rx = Socket::CreateSocket(nodes.Get(1), udp);
    rx->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    rx->SetRecvCallback(MakeBoundCallback(&Receive, &tally));

    Ptr<Socket> tx = Socket::CreateSocket(nodes.Get(0), udp);
    tx->Connect(InetSocketAddress(ifaces.GetAddress(1), port));

    std::vector<std::unique_ptr<DtPayload>> payloads = MakeOneOfEach();
    std::vector<Ptr<Packet>> packets;
    uint32_t seq = 0;
    for (const auto& payload : payloads)
    {
        DtHeader h;
        h.SetSource(1);
        h.SetDestination(1000);
        h.SetSequence(seq++);
        h.SetTimestamp(interval * seq);
        packets.push_back(DtMessage::Build(h, *payload));
    }
    for (const auto& bad : MakeMalformed(packets[1], malformed))
    {
        packets.push_back(bad);
    }
    for (std::size_t i = 0; i < packets.size(); ++i)
    {
        Ptr<Packet> p = packets[i];
        Simulator::Schedule(interval * (i + 1),
                            [tx, p]()
                            {
                                tx->Send(p);
                            });
    }

    Simulator::Stop(interval * (packets.size() + 10));
    Simulator::Run();
    Simulator::Destroy();

    uint32_t typesSeen = 0;
    for (uint32_t t = 1; t <= DT_MESSAGE_TYPE_COUNT; ++t)
    {
        uint32_t n = tally.byType[static_cast<DtMessageType>(t)];
        typesSeen += (n == 1) ? 1 : 0;
    }
    uint32_t droppedTotal = 0;
    for (const auto& [error, n] : tally.dropped)
    {
        droppedTotal += n;
    }
    std::cout << "received " << typesSeen << "/" << DT_MESSAGE_TYPE_COUNT << " message types, "
              << droppedTotal << " malformed dropped" << std::endl;
    const bool ok = typesSeen == DT_MESSAGE_TYPE_COUNT && droppedTotal == malformed;
    if (!ok)
    {
        std::cerr << "error: expected every type exactly once and " << malformed
                  << " malformed datagrams dropped" << std::endl;
    }
    return ok ? 0 : 1;
}
