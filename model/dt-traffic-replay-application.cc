/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-traffic-replay-application.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtTrafficReplayApplication");

NS_OBJECT_ENSURE_REGISTERED(DtTrafficReplayApplication);

TypeId
DtTrafficReplayApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtTrafficReplayApplication")
            .SetParent<Application>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtTrafficReplayApplication>()
            .AddAttribute("Port",
                          "UDP and TCP port to send to and to listen on (the DTs' port).",
                          UintegerValue(9500),
                          MakeUintegerAccessor(&DtTrafficReplayApplication::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddTraceSource("Tx",
                            "Bytes were handed to a socket.",
                            MakeTraceSourceAccessor(&DtTrafficReplayApplication::m_txTrace),
                            "ns3::DtTrafficReplayApplication::BytesTracedCallback")
            .AddTraceSource("Rx",
                            "Bytes were received.",
                            MakeTraceSourceAccessor(&DtTrafficReplayApplication::m_rxTrace),
                            "ns3::DtTrafficReplayApplication::BytesTracedCallback");
    return tid;
}

DtTrafficReplayApplication::DtTrafficReplayApplication()
    : m_port(9500)
{
    NS_LOG_FUNCTION(this);
}

DtTrafficReplayApplication::~DtTrafficReplayApplication()
{
    NS_LOG_FUNCTION(this);
}

void
DtTrafficReplayApplication::AddSend(Time at, Ipv4Address to, uint32_t bytes, bool overTcp)
{
    NS_LOG_FUNCTION(this << at << to << bytes << overTcp);
    m_sends.push_back({at, to, bytes, overTcp});
}

uint32_t
DtTrafficReplayApplication::GetSendCount() const
{
    return static_cast<uint32_t>(m_sends.size());
}

uint64_t
DtTrafficReplayApplication::GetBytesSent() const
{
    return m_bytesSent;
}

uint64_t
DtTrafficReplayApplication::GetBytesReceived() const
{
    return m_bytesReceived;
}

void
DtTrafficReplayApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    m_udp = nullptr;
    m_listener = nullptr;
    m_tcpPeers.clear();
    m_accepted.clear();
    m_sends.clear();
    Application::DoDispose();
}

void
DtTrafficReplayApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_udp = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    m_udp->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port));
    m_udp->SetAllowBroadcast(true);
    m_udp->SetRecvCallback(MakeCallback(&DtTrafficReplayApplication::HandleRead, this));

    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port));
    m_listener->Listen();
    m_listener->SetAcceptCallback(
        MakeCallback(&DtTrafficReplayApplication::HandleConnectionRequest, this),
        MakeCallback(&DtTrafficReplayApplication::HandleAccept, this));

    std::stable_sort(m_sends.begin(),
                     m_sends.end(),
                     [](const Send& a, const Send& b)
                     {
                         return a.at < b.at;
                     });
    const Time now = Simulator::Now();
    m_next = 0;
    while (m_next < m_sends.size() && m_sends[m_next].at < now)
    {
        ++m_next;
    }
    if (m_next < m_sends.size())
    {
        m_sendEvent = Simulator::Schedule(
            m_sends[m_next].at - now, &DtTrafficReplayApplication::SendNext, this);
    }
}

void
DtTrafficReplayApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent.Cancel();
    for (auto& [to, peer] : m_tcpPeers)
    {
        peer.socket->Close();
    }
    for (auto& s : m_accepted)
    {
        s->Close();
    }
    if (m_listener)
    {
        m_listener->Close();
    }
    if (m_udp)
    {
        m_udp->Close();
    }
}

void
DtTrafficReplayApplication::SendNext()
{
    const Send& s = m_sends[m_next++];
    if (!s.overTcp)
    {
        m_udp->SendTo(Create<Packet>(s.bytes), 0, InetSocketAddress(s.to, m_port));
        m_bytesSent += s.bytes;
        m_txTrace(s.bytes);
    }
    else
    {
        TcpPeer& peer = m_tcpPeers[s.to];
        peer.pending += s.bytes;
        if (!peer.socket)
        {
            peer.socket = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
            peer.socket->SetConnectCallback(
                MakeCallback(&DtTrafficReplayApplication::HandleConnected, this),
                MakeCallback(&DtTrafficReplayApplication::HandleConnectFailed, this));
            peer.socket->SetSendCallback(
                MakeCallback(&DtTrafficReplayApplication::HandleSendSpace, this));
            peer.socket->SetRecvCallback(
                MakeCallback(&DtTrafficReplayApplication::HandleRead, this));
            peer.socket->Bind();
            peer.socket->Connect(InetSocketAddress(s.to, m_port));
        }
        else
        {
            FlushTcp(s.to);
        }
    }
    if (m_next < m_sends.size())
    {
        m_sendEvent = Simulator::Schedule(
            m_sends[m_next].at - Simulator::Now(), &DtTrafficReplayApplication::SendNext, this);
    }
}

void
DtTrafficReplayApplication::FlushTcp(Ipv4Address to)
{
    TcpPeer& peer = m_tcpPeers[to];
    if (!peer.connected)
    {
        return;
    }
    while (peer.pending > 0)
    {
        const uint32_t room = peer.socket->GetTxAvailable();
        const auto chunk = static_cast<uint32_t>(std::min<uint64_t>(peer.pending, room));
        if (chunk == 0)
        {
            return; // HandleSendSpace continues
        }
        const int sent = peer.socket->Send(Create<Packet>(chunk));
        if (sent <= 0)
        {
            return;
        }
        peer.pending -= static_cast<uint32_t>(sent);
        m_bytesSent += static_cast<uint32_t>(sent);
        m_txTrace(static_cast<uint32_t>(sent));
    }
}

Ipv4Address
DtTrafficReplayApplication::PeerOf(Ptr<Socket> socket) const
{
    for (const auto& [to, peer] : m_tcpPeers)
    {
        if (peer.socket == socket)
        {
            return to;
        }
    }
    return Ipv4Address::GetAny();
}

void
DtTrafficReplayApplication::HandleConnected(Ptr<Socket> socket)
{
    const Ipv4Address to = PeerOf(socket);
    NS_LOG_FUNCTION(this << to);
    auto it = m_tcpPeers.find(to);
    if (it != m_tcpPeers.end())
    {
        it->second.connected = true;
        FlushTcp(to);
    }
}

void
DtTrafficReplayApplication::HandleConnectFailed(Ptr<Socket> socket)
{
    const Ipv4Address to = PeerOf(socket);
    NS_LOG_FUNCTION(this << to);
    // What was pending is dropped, as the DTs report such messages failed;
    // the next send towards that address opens a new connection.
    m_tcpPeers.erase(to);
}

void
DtTrafficReplayApplication::HandleSendSpace(Ptr<Socket> socket, uint32_t /* space */)
{
    const Ipv4Address to = PeerOf(socket);
    if (m_tcpPeers.count(to))
    {
        FlushTcp(to);
    }
}

void
DtTrafficReplayApplication::HandleRead(Ptr<Socket> socket)
{
    while (Ptr<Packet> p = socket->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        m_bytesReceived += p->GetSize();
        m_rxTrace(p->GetSize());
    }
}

bool
DtTrafficReplayApplication::HandleConnectionRequest(Ptr<Socket> /* socket */,
                                                    const Address& /* from */)
{
    return true;
}

void
DtTrafficReplayApplication::HandleAccept(Ptr<Socket> socket, const Address& /* from */)
{
    socket->SetRecvCallback(MakeCallback(&DtTrafficReplayApplication::HandleRead, this));
    m_accepted.push_back(socket);
}

} // namespace ns3
