/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-comm-module.h"

#include "dt-ack-header.h"
#include "dt-ns3-version.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtCommModule");

namespace
{

/**
 * \param type a message type
 * \return for a type that carries bulk data after a fixed-size structured
 *         part (demands and their results), the size of that part; for the
 *         others, the largest payload (every byte is structured)
 */
uint32_t
BulkOffset(DtMessageType type)
{
    // Fixed sizes, measured once on default instances.
    static const uint32_t request =
        DtMessage::CreatePayload(DtMessageType::DEMAND_REQUEST)->GetSerializedSize();
    static const uint32_t peer =
        DtMessage::CreatePayload(DtMessageType::PEER_DEMAND)->GetSerializedSize();
    static const uint32_t response =
        DtMessage::CreatePayload(DtMessageType::DEMAND_RESPONSE)->GetSerializedSize();
    switch (type)
    {
        case DtMessageType::DEMAND_REQUEST:
            return request;
        case DtMessageType::PEER_DEMAND:
            return peer;
        case DtMessageType::DEMAND_RESPONSE:
            return response;
        default:
            return DtHeader::MAX_PAYLOAD_LENGTH;
    }
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(DtCommModule);

TypeId
DtCommModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtCommModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtCommModule>()
            .AddAttribute("Port",
                          "UDP and TCP port on which every DT of a scenario listens.",
                          UintegerValue(9500),
                          MakeUintegerAccessor(&DtCommModule::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("DatagramTos",
                          "IP TOS byte of the DT's UDP datagrams (0: unmarked), by which a "
                          "network can carry them apart from the bulk transfers over TCP (an "
                          "LTE TFT, a queue discipline).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&DtCommModule::m_datagramTos),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("MaxDatagramBytes",
                          "Largest message sent as one UDP datagram; larger ones go over TCP.",
                          UintegerValue(1400),
                          MakeUintegerAccessor(&DtCommModule::m_maxDatagram),
                          MakeUintegerChecker<uint32_t>(DtHeader::SIZE + 64, 65507))
            .AddAttribute("InitialRtt",
                          "Round-trip time assumed towards a DT before one is measured.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&DtCommModule::m_initialRtt),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("MinRto",
                          "Lower bound of the retransmission timeout of reliable datagrams.",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&DtCommModule::m_minRto),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("MaxRetransmissions",
                          "Retransmissions of a reliable datagram before it is reported failed.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&DtCommModule::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>(0, 64))
            .AddAttribute("TcpAckTimeout",
                          "A reliable message sent over TCP that is not acknowledged by the "
                          "receiving DT within this time after TCP took its last byte is "
                          "reported failed (time queued behind earlier messages does not "
                          "count).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DtCommModule::m_tcpAckTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("DuplicateWindow",
                          "Sequence numbers remembered per source to drop duplicates.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&DtCommModule::m_dedupWindow),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Tx",
                            "A DT message was handed to a socket (retransmissions included).",
                            MakeTraceSourceAccessor(&DtCommModule::m_txTrace),
                            "ns3::DtCommModule::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A well-formed DT message was received.",
                            MakeTraceSourceAccessor(&DtCommModule::m_rxTrace),
                            "ns3::DtCommModule::MessageTracedCallback")
            .AddTraceSource("MalformedDropped",
                            "Received bytes that are not a valid DT message were dropped.",
                            MakeTraceSourceAccessor(&DtCommModule::m_malformedTrace),
                            "ns3::DtCommModule::MalformedTracedCallback")
            .AddTraceSource("SendFailed",
                            "A reliable message could not be delivered.",
                            MakeTraceSourceAccessor(&DtCommModule::m_failTrace),
                            "ns3::DtCommModule::SendFailedTracedCallback")
            .AddTraceSource("SocketTx",
                            "A message was handed to a socket: destination, size and "
                            "transport (retransmissions and broadcasts included). "
                            "DtTrafficReplayApplication replays these.",
                            MakeTraceSourceAccessor(&DtCommModule::m_socketTxTrace),
                            "ns3::DtCommModule::SocketTxTracedCallback");
    return tid;
}

DtCommModule::DtCommModule()
{
    NS_LOG_FUNCTION(this);
}

DtCommModule::~DtCommModule()
{
    NS_LOG_FUNCTION(this);
}

void
DtCommModule::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Stop();
    m_node = nullptr;
    m_book = nullptr;
    m_receive = ReceiveCallback();
    m_failure = FailureCallback();
    m_forward = ForwardCallback();
    Object::DoDispose();
}

void
DtCommModule::Setup(Ptr<Node> node, uint32_t dtId, Ptr<DtAddressBook> book)
{
    NS_LOG_FUNCTION(this << node << dtId << book);
    NS_ABORT_MSG_IF(!node || !book, "DtCommModule::Setup needs a node and an address book");
    m_node = node;
    m_dtId = dtId;
    m_book = book;
}

void
DtCommModule::SetReceiveCallback(ReceiveCallback cb)
{
    m_receive = cb;
}

void
DtCommModule::SetFailureCallback(FailureCallback cb)
{
    m_failure = cb;
}

void
DtCommModule::SetForwardCallback(ForwardCallback cb)
{
    m_forward = cb;
}

void
DtCommModule::Forward(Ptr<const Packet> message, Ipv4Address address)
{
    NS_LOG_FUNCTION(this << message << address);
    if (!m_running)
    {
        return;
    }
    Ptr<Packet> p = message->Copy();
    DtHeader h;
    p->RemoveHeader(h);
    h.SetFlags(h.GetFlags() | DtHeader::FLAG_RELAYED);
    p->AddHeader(h);
    NS_LOG_LOGIC("DT " << m_dtId << " forwards " << h.GetMessageType() << " of DT " << h.GetSource()
                       << " to DT " << h.GetDestination() << " at " << address);
    SendDatagram(address, p);
}

uint32_t
DtCommModule::GetDtId() const
{
    return m_dtId;
}

uint64_t
DtCommModule::GetMalformedDropped() const
{
    return m_malformed;
}

void
DtCommModule::Start()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_node, "DtCommModule::Start before Setup");
    if (m_running)
    {
        return;
    }
    m_running = true;
    m_udp = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_udp->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "DT " << m_dtId << ": cannot bind UDP port " << m_port);
    m_udp->SetAllowBroadcast(true);
    m_udp->SetIpTos(m_datagramTos); // see DtSetAddressTos
    m_udp->SetRecvCallback(MakeCallback(&DtCommModule::HandleUdpRead, this));

    m_listener = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "DT " << m_dtId << ": cannot bind TCP port " << m_port);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeCallback(&DtCommModule::HandleAccept, this),
                                  MakeCallback(&DtCommModule::HandleAccepted, this));
}

void
DtCommModule::Discard(Ptr<Socket> socket)
{
    while (socket->Recv())
    {
    }
}

void
DtCommModule::Stop()
{
    NS_LOG_FUNCTION(this);
    m_running = false;
    for (auto& [seq, pending] : m_pending)
    {
        pending.timer.Cancel();
    }
    m_pending.clear();
    auto quiet = [](Ptr<Socket> s)
    {
        // A closing socket still receives until its peer closes too: it is
        // drained, not left to fill, so that it never advertises a zero window
        // (ns-3.37's persist timer then crashes the peer).
        s->SetRecvCallback(MakeCallback(&DtCommModule::Discard));
        s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                             MakeNullCallback<void, Ptr<Socket>>());
        s->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
        s->Close();
    };
    for (auto& [dst, peer] : m_tcpPeers)
    {
        quiet(peer.socket);
    }
    m_tcpPeers.clear();
    // Closed in the order they were accepted: each close sends (and times)
    // a FIN, so the order must not depend on where the sockets sit in memory.
    std::vector<std::pair<uint64_t, Ptr<Socket>>> accepted;
    for (const auto& [socket, rx] : m_rxStreams)
    {
        accepted.emplace_back(rx.accepted, socket);
    }
    std::sort(accepted.begin(), accepted.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    for (auto& [order, socket] : accepted)
    {
        quiet(socket);
    }
    m_rxStreams.clear();
    if (m_listener)
    {
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listener->Close();
        m_listener = nullptr;
    }
    if (m_udp)
    {
        m_udp->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_udp->Close();
        m_udp = nullptr;
    }
}

uint32_t
DtCommModule::Send(uint32_t dst, const DtPayload& payload, bool reliable, uint16_t flags)
{
    return SendTo(m_book->Get(dst).address, dst, payload, reliable, flags);
}

void
DtCommModule::Broadcast(Ipv4Address broadcast, const DtPayload& payload)
{
    if (!m_running)
    {
        NS_LOG_LOGIC("DT " << m_dtId << " is stopped: broadcast not sent");
        return;
    }
    DtHeader header;
    header.SetSource(m_dtId);
    header.SetDestination(DtHeader::BROADCAST_ID);
    header.SetSequence(m_nextSeq++);
    header.SetTimestamp(Simulator::Now());
    Ptr<Packet> packet = DtMessage::Build(header, payload);
    NS_ABORT_MSG_IF(packet->GetSize() > m_maxDatagram,
                    "a broadcast " << payload.GetMessageType() << " must fit in one datagram");
    header.SetMessageType(payload.GetMessageType());
    header.SetPayloadLength(packet->GetSize() - DtHeader::SIZE);
    NS_LOG_LOGIC("DT " << m_dtId << " broadcasts " << payload.GetMessageType() << " to "
                       << broadcast);
    SendDatagram(broadcast, packet);
    m_txTrace(header, packet->GetSize(), payload.GetBulkSize());
}

uint32_t
DtCommModule::SendTo(
    Ipv4Address address, uint32_t dst, const DtPayload& payload, bool reliable, uint16_t flags)
{
    if (!m_running)
    {
        // A DT that stopped sends nothing (e.g. a job finishing during shutdown).
        NS_LOG_LOGIC("DT " << m_dtId << " is stopped: " << payload.GetMessageType() << " to DT "
                           << dst << " not sent");
        return m_nextSeq++;
    }
    DtHeader header;
    header.SetSource(m_dtId);
    header.SetDestination(dst);
    header.SetSequence(m_nextSeq++);
    header.SetTimestamp(Simulator::Now());
    const uint32_t seq = header.GetSequence();
    const uint32_t bulk = payload.GetBulkSize();
    const uint32_t size = DtHeader::SIZE + payload.GetSerializedSize() + bulk;
    const bool tcp = size > m_maxDatagram || payload.IsOrdered();
    if (reliable)
    {
        flags |= DtHeader::FLAG_ACK_REQUESTED;
    }
    header.SetFlags(flags);
    Ptr<Packet> packet = DtMessage::Build(header, payload);
    header.SetMessageType(payload.GetMessageType());
    header.SetPayloadLength(size - DtHeader::SIZE);
    NS_LOG_LOGIC("DT " << m_dtId << " -> " << dst << " " << payload.GetMessageType() << " seq "
                       << seq << " " << size << " B over " << (tcp ? "TCP" : "UDP"));

    if (reliable)
    {
        // Over UDP: retransmitted until acknowledged. Over TCP: TCP
        // retransmits; the DT-level ACK tells that the message got through,
        // even if the connection breaks after TCP took it.
        PendingDatagram& p = m_pending[seq];
        p.packet = tcp ? nullptr : packet;
        p.dst = dst;
        p.address = address;
        p.header = header;
        p.bulk = bulk;
        p.retries = 0;
        p.overTcp = tcp;
        p.firstSent = Simulator::Now();
        // Over TCP on an open connection the timer starts when TCP has taken
        // the whole message (FlushTcp), not while it waits behind others;
        // while the connection is being opened, from now (HandleConnected
        // hands the queue over to FlushTcp's timers).
        auto peer = m_tcpPeers.find(dst);
        if (!tcp || peer == m_tcpPeers.end() || !peer->second.connected)
        {
            p.timer = Simulator::Schedule(
                tcp ? m_tcpAckTimeout : GetRto(dst), &DtCommModule::Retransmit, this, seq);
        }
    }
    m_txTrace(header, size, bulk);

    if (tcp)
    {
        m_socketTxTrace(address, size, true);
        TcpPeer& peer = m_tcpPeers[dst];
        peer.queue.push_back(packet);
        peer.headers.push_back(header);
        if (!peer.socket)
        {
            peer.socket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
            peer.socket->SetConnectCallback(
                MakeCallback(&DtCommModule::HandleConnected, this, dst),
                MakeCallback(&DtCommModule::HandleConnectFailed, this, dst));
            peer.socket->SetSendCallback(MakeCallback(&DtCommModule::HandleSendSpace, this, dst));
            // A close by the receiver, orderly or not, ends this connection.
            peer.socket->SetCloseCallbacks(
                MakeCallback(&DtCommModule::HandleConnectFailed, this, dst),
                MakeCallback(&DtCommModule::HandleConnectFailed, this, dst));
            if (peer.socket->Bind() != 0
                || peer.socket->Connect(InetSocketAddress(address, m_port)) != 0)
            {
                // No route, for example: no callback will come, fail it now.
                Simulator::ScheduleNow(&DtCommModule::FailTcpPeer, this, dst);
            }
        }
        else
        {
            FlushTcp(dst);
        }
        return seq;
    }

    SendDatagram(address, packet);
    return seq;
}

void
DtCommModule::SendDatagram(Ipv4Address address, Ptr<Packet> packet)
{
    m_socketTxTrace(address, packet->GetSize(), false);
    InetSocketAddress to(address, m_port);
    DtSetAddressTos(to, m_datagramTos, 0);
    m_udp->SendTo(packet->Copy(), 0, to);
}

void
DtCommModule::Retransmit(uint32_t seq)
{
    auto it = m_pending.find(seq);
    if (it == m_pending.end())
    {
        return;
    }
    PendingDatagram& p = it->second;
    if (p.overTcp || p.retries >= m_maxRetransmissions)
    {
        NS_LOG_LOGIC("DT " << m_dtId << ": seq " << seq << " to " << p.dst << " given up after "
                           << p.retries << " retransmissions");
        DtHeader header = p.header;
        uint32_t dst = p.dst;
        m_pending.erase(it);
        m_failTrace(header);
        if (!m_failure.IsNull())
        {
            m_failure(dst, header);
        }
        return;
    }
    ++p.retries;
    // Same message, same sequence number, marked as a retransmission.
    Ptr<Packet> again = p.packet->Copy();
    again->RemoveAtStart(DtHeader::SIZE);
    DtHeader h = p.header;
    h.SetFlags(h.GetFlags() | DtHeader::FLAG_RETRANSMISSION);
    again->AddHeader(h);
    SendDatagram(p.address, again);
    m_txTrace(h, again->GetSize(), p.bulk);
    // Exponential back-off.
    Time rto = GetRto(p.dst) * static_cast<int64_t>(1u << std::min<uint32_t>(p.retries, 10));
    p.timer = Simulator::Schedule(rto, &DtCommModule::Retransmit, this, seq);
}

Time
DtCommModule::GetRtt(uint32_t dst) const
{
    auto it = m_rtt.find(dst);
    return it == m_rtt.end() ? m_initialRtt : it->second.srtt;
}

Time
DtCommModule::GetRto(uint32_t dst) const
{
    auto it = m_rtt.find(dst);
    if (it == m_rtt.end())
    {
        return std::max(m_minRto, 3 * m_initialRtt);
    }
    return std::max(m_minRto, it->second.srtt + 4 * it->second.rttvar);
}

void
DtCommModule::UpdateRtt(uint32_t dst, Time sample)
{
    auto it = m_rtt.find(dst);
    if (it == m_rtt.end())
    {
        m_rtt[dst] = RttState{sample, sample / 2};
        return;
    }
    RttState& s = it->second;
    Time err = sample > s.srtt ? sample - s.srtt : s.srtt - sample;
    s.rttvar = (3 * s.rttvar + err) / 4;
    s.srtt = (7 * s.srtt + sample) / 8;
}

bool
DtCommModule::IsDuplicate(uint32_t src, uint32_t seq)
{
    std::set<uint32_t>& seen = m_seen[src];
    if (seen.count(seq))
    {
        return true;
    }
    seen.insert(seq);
    std::deque<uint32_t>& order = m_seenOrder[src];
    order.push_back(seq);
    if (order.size() > m_dedupWindow)
    {
        seen.erase(order.front());
        order.pop_front();
    }
    return false;
}

void
DtCommModule::DropMalformed(Ptr<const Packet> packet, DtParseError error)
{
    ++m_malformed;
    NS_LOG_LOGIC("DT " << m_dtId << " dropped " << packet->GetSize()
                       << " malformed bytes: " << error);
    m_malformedTrace(packet, error);
}

void
DtCommModule::Deliver(Ptr<Packet> packet, Ipv4Address from)
{
    DtMessage msg;
    DtParseResult r = DtMessage::Parse(packet, msg);
    if (!r.Ok())
    {
        DropMalformed(packet, r.error);
        return;
    }
    const DtHeader& h = msg.GetHeader();
    if (h.GetDestination() != m_dtId && h.GetDestination() != DtHeader::BROADCAST_ID)
    {
        if (!m_forward.IsNull() && packet->GetSize() <= m_maxDatagram)
        {
            m_forward(packet, h, from);
            return;
        }
        NS_LOG_LOGIC("DT " << m_dtId << " ignores a message for DT " << h.GetDestination());
        return;
    }
    m_rxTrace(h, packet->GetSize(), msg.GetPayload().GetBulkSize());
    NS_LOG_LOGIC("DT " << m_dtId << " <- " << h.GetSource() << " " << msg.GetMessageType()
                       << " seq " << h.GetSequence() << " from " << from);

    if (msg.GetMessageType() == DtMessageType::ACK)
    {
        const auto& ack = msg.GetPayloadAs<DtAckHeader>();
        auto it = m_pending.find(ack.GetAckedSequence());
        if (it != m_pending.end() && it->second.dst == h.GetSource())
        {
            // Karn: no samples from retransmitted messages; none from TCP
            // transfers either, whose time includes the transfer itself.
            if (it->second.retries == 0 && !it->second.overTcp)
            {
                UpdateRtt(h.GetSource(), Simulator::Now() - it->second.firstSent);
            }
            it->second.timer.Cancel();
            m_pending.erase(it);
        }
        return;
    }

    if (h.HasFlag(DtHeader::FLAG_ACK_REQUESTED))
    {
        // Acknowledge to where the message came from (a peer may only be
        // reachable at that address).
        DtAckHeader ack;
        ack.SetAcked(h.GetSequence(), h.GetMessageType());
        SendTo(from, h.GetSource(), ack, false);
        if (IsDuplicate(h.GetSource(), h.GetSequence()))
        {
            NS_LOG_LOGIC("DT " << m_dtId << " drops duplicate seq " << h.GetSequence() << " from "
                               << h.GetSource());
            return;
        }
    }
    if (!m_receive.IsNull())
    {
        m_receive(msg, from);
    }
}

void
DtCommModule::HandleUdpRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        if (packet->GetSize() == 0)
        {
            continue;
        }
        Deliver(packet, InetSocketAddress::ConvertFrom(from).GetIpv4());
    }
}

bool
DtCommModule::HandleAccept(Ptr<Socket>, const Address&)
{
    return m_running;
}

void
DtCommModule::HandleAccepted(Ptr<Socket> socket, const Address& from)
{
    RxStream& rx = m_rxStreams[socket];
    rx.sender = InetSocketAddress::ConvertFrom(from).GetIpv4();
    rx.accepted = m_accepted++;
    socket->SetRecvCallback(MakeCallback(&DtCommModule::HandleTcpRead, this));
    socket->SetCloseCallbacks(MakeCallback(&DtCommModule::HandleTcpClosed, this),
                              MakeCallback(&DtCommModule::HandleTcpClosed, this));
}

void
DtCommModule::HandleTcpClosed(Ptr<Socket> socket)
{
    m_rxStreams.erase(socket);
}

void
DtCommModule::HandleTcpRead(Ptr<Socket> socket)
{
    auto it = m_rxStreams.find(socket);
    if (it == m_rxStreams.end())
    {
        return;
    }
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        // Moves take bytes of p into the message, keeping the first keep of them.
        auto consume = [&p](RxStream& rx, uint32_t take, uint32_t keep)
        {
            const auto old = rx.prefix.size();
            rx.prefix.resize(old + keep);
            p->CopyData(rx.prefix.data() + old, keep);
            p->RemoveAtStart(take);
            rx.received += take;
        };
        while (p->GetSize() > 0)
        {
            RxStream& rx = it->second;
            if (rx.whole == 0)
            {
                // The header: kept until complete, then the message's sizes.
                const uint32_t take =
                    std::min<uint32_t>(DtHeader::SIZE - rx.prefix.size(), p->GetSize());
                consume(rx, take, take);
                if (rx.prefix.size() < DtHeader::SIZE)
                {
                    continue;
                }
                DtHeader h;
                Create<Packet>(rx.prefix.data(), DtHeader::SIZE)->PeekHeader(h);
                if (h.GetParseError() != DtParseError::NONE)
                {
                    // The framing is lost: drop what is buffered and the connection.
                    DropMalformed(Create<Packet>(rx.prefix.data(), rx.prefix.size()),
                                  h.GetParseError());
                    m_rxStreams.erase(it);
                    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
                    socket->Close();
                    return;
                }
                rx.whole = DtHeader::SIZE + h.GetPayloadLength();
                rx.structured = std::min(rx.whole, DtHeader::SIZE + BulkOffset(h.GetMessageType()));
            }
            // The structured part is kept; bulk bytes are counted.
            const uint32_t take = std::min(rx.whole - rx.received, p->GetSize());
            consume(rx,
                    take,
                    rx.received < rx.structured ? std::min(rx.structured - rx.received, take) : 0);
            if (rx.received < rx.whole)
            {
                continue;
            }
            Ptr<Packet> message = Create<Packet>(rx.prefix.data(), rx.prefix.size());
            if (rx.whole > rx.structured)
            {
                message->AddAtEnd(Create<Packet>(rx.whole - rx.structured));
            }
            const Ipv4Address sender = rx.sender;
            rx.prefix.clear();
            rx.whole = 0;
            rx.structured = 0;
            rx.received = 0;
            Deliver(message, sender);
            it = m_rxStreams.find(socket);
            if (it == m_rxStreams.end())
            {
                return;
            }
        }
    }
}

void
DtCommModule::HandleConnected(uint32_t dst, Ptr<Socket>)
{
    auto it = m_tcpPeers.find(dst);
    if (it == m_tcpPeers.end())
    {
        return;
    }
    it->second.connected = true;
    for (const auto& header : it->second.headers)
    {
        auto pending = m_pending.find(header.GetSequence());
        if (pending != m_pending.end())
        {
            pending->second.timer.Cancel(); // restarted when TCP takes the message
        }
    }
    FlushTcp(dst);
}

void
DtCommModule::HandleConnectFailed(uint32_t dst, Ptr<Socket>)
{
    NS_LOG_LOGIC("DT " << m_dtId << ": TCP connection to DT " << dst << " failed");
    FailTcpPeer(dst);
}

void
DtCommModule::HandleSendSpace(uint32_t dst, Ptr<Socket>, uint32_t)
{
    FlushTcp(dst);
}

void
DtCommModule::FlushTcp(uint32_t dst)
{
    auto it = m_tcpPeers.find(dst);
    if (it == m_tcpPeers.end() || !it->second.connected)
    {
        return;
    }
    TcpPeer& peer = it->second;
    while (!peer.queue.empty())
    {
        Ptr<Packet> head = peer.queue.front();
        uint32_t left = head->GetSize() - peer.offset;
        uint32_t room = peer.socket->GetTxAvailable();
        if (room == 0)
        {
            return;
        }
        uint32_t chunk = std::min(left, room);
        int sent = peer.socket->Send(head->CreateFragment(peer.offset, chunk));
        if (sent <= 0)
        {
            return;
        }
        peer.offset += static_cast<uint32_t>(sent);
        if (peer.offset == head->GetSize())
        {
            // TcpAckTimeout runs from the moment TCP has taken the whole
            // message, not from its queueing behind others.
            auto pending = m_pending.find(peer.headers.front().GetSequence());
            if (pending != m_pending.end())
            {
                pending->second.timer.Cancel();
                pending->second.timer = Simulator::Schedule(
                    m_tcpAckTimeout, &DtCommModule::Retransmit, this, pending->first);
            }
            peer.queue.pop_front();
            peer.headers.pop_front();
            peer.offset = 0;
        }
    }
}

void
DtCommModule::FailTcpPeer(uint32_t dst)
{
    auto it = m_tcpPeers.find(dst);
    if (it == m_tcpPeers.end())
    {
        return;
    }
    std::deque<DtHeader> lost;
    lost.swap(it->second.headers);
    Ptr<Socket> socket = it->second.socket;
    m_tcpPeers.erase(it);
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                               MakeNullCallback<void, Ptr<Socket>>());
    for (const auto& header : lost)
    {
        auto pending = m_pending.find(header.GetSequence());
        if (pending != m_pending.end())
        {
            pending->second.timer.Cancel();
            m_pending.erase(pending);
        }
        m_failTrace(header);
        if (!m_failure.IsNull())
        {
            m_failure(dst, header);
        }
    }
}

} // namespace ns3
