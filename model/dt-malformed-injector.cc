/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-malformed-injector.h"

#include "dt-demand-header.h"
#include "dt-message.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtMalformedInjector");

NS_OBJECT_ENSURE_REGISTERED(DtMalformedInjector);

const char*
DtMalformedKindName(DtMalformedKind kind)
{
    switch (kind)
    {
        case DtMalformedKind::TRUNCATED:
            return "truncated";
        case DtMalformedKind::CORRUPTED:
            return "corrupted";
        case DtMalformedKind::WRONG_VERSION:
            return "wrong-version";
        case DtMalformedKind::UNKNOWN_TYPE:
            return "unknown-type";
        case DtMalformedKind::OVERSIZED:
            return "oversized";
    }
    return "?";
}

TypeId
DtMalformedInjector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtMalformedInjector")
            .SetParent<Application>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtMalformedInjector>()
            .AddAttribute("Interval",
                          "Time between two malformed datagrams (over all targets).",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&DtMalformedInjector::m_interval),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("Port",
                          "Destination UDP port: the DTs' port, or an unused one as a control.",
                          UintegerValue(9500),
                          MakeUintegerAccessor(&DtMalformedInjector::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("SourceDtId",
                          "DT id written as the source of the datagrams (no DT should have it).",
                          UintegerValue(0xFFFFFFF0),
                          MakeUintegerAccessor(&DtMalformedInjector::m_sourceId),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A malformed datagram was sent (packet, destination, kind).",
                            MakeTraceSourceAccessor(&DtMalformedInjector::m_txTrace),
                            "ns3::DtMalformedInjector::TxTracedCallback");
    return tid;
}

DtMalformedInjector::DtMalformedInjector()
    : m_interval(MilliSeconds(10))
    , m_port(9500)
    , m_sourceId(0xFFFFFFF0)
{
    NS_LOG_FUNCTION(this);
}

DtMalformedInjector::~DtMalformedInjector()
{
    NS_LOG_FUNCTION(this);
}

void
DtMalformedInjector::DoDispose()
{
    m_event.Cancel();
    m_socket = nullptr;
    m_targets.clear();
    Application::DoDispose();
}

void
DtMalformedInjector::AddTarget(Ipv4Address address, uint32_t dtId)
{
    m_targets.push_back(Target{address, dtId});
}

uint64_t
DtMalformedInjector::GetSent() const
{
    return m_next;
}

Ptr<Packet>
DtMalformedInjector::MakeMalformed(DtMalformedKind kind, uint32_t source, uint32_t destination)
{
    DtHeader header;
    header.SetSource(source);
    header.SetDestination(destination);
    header.SetTimestamp(Simulator::Now());
    DtDemandRequestHeader req;
    req.SetDemandId(1);
    req.SetOrigin(source);
    req.SetTier(DtTier::EDGE);
    req.SetWorkloadGflop(1);
    req.SetInputBytes(64);
    req.SetOutputBytes(64);
    req.SetCreated(Simulator::Now());
    req.SetDeadline(Simulator::Now() + Seconds(1));
    Ptr<Packet> valid = DtMessage::Build(header, req);
    std::vector<uint8_t> b(valid->GetSize());
    valid->CopyData(b.data(), b.size());
    switch (kind)
    {
        case DtMalformedKind::TRUNCATED:
            b.resize(DtHeader::SIZE + (b.size() - DtHeader::SIZE) / 2);
            break;
        case DtMalformedKind::CORRUPTED:
            // The tier, after the demand id (8), origin (4), class (1), priority (1).
            b[DtHeader::SIZE + 14] = 9;
            break;
        case DtMalformedKind::WRONG_VERSION:
            b[2] = DtHeader::VERSION + 1;
            break;
        case DtMalformedKind::UNKNOWN_TYPE:
            b[3] = 0xEE;
            break;
        case DtMalformedKind::OVERSIZED:
        {
            // Payload length (bytes 20..23, big endian) above the protocol limit.
            const uint32_t length = DtHeader::MAX_PAYLOAD_LENGTH + 1;
            for (int k = 0; k < 4; ++k)
            {
                b[20 + k] = static_cast<uint8_t>(length >> (24 - 8 * k));
            }
            b.resize(4096, 0xA5);
            break;
        }
    }
    return Create<Packet>(b.data(), b.size());
}

void
DtMalformedInjector::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_targets.empty())
    {
        return;
    }
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    m_socket->Bind();
    m_event = Simulator::Schedule(m_interval, &DtMalformedInjector::SendNext, this);
}

void
DtMalformedInjector::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
DtMalformedInjector::SendNext()
{
    const Target& t = m_targets[m_next % m_targets.size()];
    const auto kind =
        static_cast<DtMalformedKind>((m_next / m_targets.size()) % DT_MALFORMED_KIND_COUNT);
    Ptr<Packet> p = MakeMalformed(kind, m_sourceId, t.dtId);
    NS_LOG_LOGIC("malformed " << DtMalformedKindName(kind) << " datagram of " << p->GetSize()
                              << " B to " << t.address << ":" << m_port);
    m_txTrace(p, t.address, kind);
    m_socket->SendTo(p, 0, InetSocketAddress(t.address, m_port));
    ++m_next;
    m_event = Simulator::Schedule(m_interval, &DtMalformedInjector::SendNext, this);
}

} // namespace ns3
