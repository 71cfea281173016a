/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wire-counter.h"

#include "ns3/boolean.h"
#include "ns3/dt-bulk-tag.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-rlc.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/node-list.h"
#include "ns3/object-map.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-mac-header.h"
#include "ns3/wifi-mpdu.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/wifi-psdu.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtWireCounter");
NS_OBJECT_ENSURE_REGISTERED(DtWireCounter);

namespace
{
constexpr uint16_t GTPU_PORT = 2152;        //!< GTP-U (S1-U, X2-U)
constexpr uint16_t PPP_IPV4 = 0x0021;       //!< PPP protocol number of IPv4
constexpr uint16_t ETHERTYPE_IPV4 = 0x0800; //!< LLC/SNAP type of IPv4
constexpr std::size_t NOT_DT = 3;           //!< index of non-DT bytes beside the three layers

// Header sizes as ns-3 writes them: PppHeader, LlcSnapHeader, UdpHeader,
// GtpuHeader (always with its optional fields).
constexpr uint32_t PPP_HEADER = 2;      //!< PPP: protocol
constexpr uint32_t LLC_SNAP_HEADER = 8; //!< LLC/SNAP: DSAP, SSAP, control, OUI, type
constexpr uint32_t UDP_HEADER = 8;      //!< UDP
constexpr uint32_t GTPU_HEADER = 12;    //!< GTP-U with sequence and N-PDU fields

/**
 * \param p two bytes in network order
 * \return their value
 */
uint16_t
ReadBe16(const uint8_t* p)
{
    return static_cast<uint16_t>(p[0] << 8 | p[1]);
}

/**
 * \param p four bytes in network order
 * \return their value
 */
uint32_t
ReadBe32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | p[3];
}
} // namespace

TypeId
DtWireCounter::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtWireCounter")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtWireCounter>()
            .AddAttribute("Enabled",
                          "Count the frames of the DT exchange on every link (summary.json "
                          "bytes_per_demand.wire). Off: no device trace is connected.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DtWireCounter::m_enabled),
                          MakeBooleanChecker())
            .AddTraceSource("Frame",
                            "A frame of the DT exchange was counted (LTE transport blocks, "
                            "which are shared out at the end, are not reported here).",
                            MakeTraceSourceAccessor(&DtWireCounter::m_frameTrace),
                            "ns3::DtWireCounter::FrameTracedCallback");
    return tid;
}

DtWireCounter::DtWireCounter()
    : m_enabled(true)
{
    NS_LOG_FUNCTION(this);
}

void
DtWireCounter::DoDispose()
{
    m_lte.clear();
    m_lastPsdu.clear();
    m_fragments.clear();
    Object::DoDispose();
}

void
DtWireCounter::AddNode(Ptr<Node> node, DtLayer layer)
{
    NS_ABORT_MSG_IF(!node, "DtWireCounter::AddNode: no node");
    m_nodes[node->GetId()] = layer;
}

void
DtWireCounter::AddPort(uint16_t port)
{
    m_ports.insert(port);
}

bool
DtWireCounter::IsStarted() const
{
    return m_started;
}

void
DtWireCounter::Start()
{
    if (m_started || !m_enabled)
    {
        return;
    }
    m_started = true;
    for (const auto& [id, layer] : m_nodes)
    {
        Ptr<Ipv4> ipv4 = NodeList::GetNode(id)->GetObject<Ipv4>();
        for (uint32_t i = 0; ipv4 && i < ipv4->GetNInterfaces(); ++i)
        {
            for (uint32_t a = 0; a < ipv4->GetNAddresses(i); ++a)
            {
                const Ipv4Address address = ipv4->GetAddress(i, a).GetLocal();
                if (!address.IsLocalhost())
                {
                    m_addresses[address.Get()] = static_cast<int>(layer);
                }
            }
        }
    }
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (uint32_t d = 0; d < node->GetNDevices(); ++d)
        {
            Ptr<NetDevice> device = node->GetDevice(d);
            if (auto p2p = DynamicCast<PointToPointNetDevice>(device))
            {
                p2p->TraceConnectWithoutContext("PhyTxBegin",
                                                MakeCallback(&DtWireCounter::PointToPointTx, this));
            }
            else if (auto wifi = DynamicCast<WifiNetDevice>(device))
            {
                for (const Ptr<WifiPhy>& phy : wifi->GetPhys())
                {
                    if (phy)
                    {
                        phy->TraceConnectWithoutContext(
                            "PhyTxPsduBegin",
                            MakeCallback(&DtWireCounter::WifiTx, this)
                                .Bind(Mac48Address::ConvertFrom(wifi->GetAddress())));
                    }
                }
            }
            else if (auto ue = DynamicCast<LteUeNetDevice>(device))
            {
                LteTerminal t;
                t.device = ue;
                Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
                t.interface = ipv4 ? ipv4->GetInterfaceForDevice(ue) : -1;
                const std::size_t index = m_lte.size();
                m_lte.push_back(t);
                m_imsi[ue->GetImsi()] = index;
                ue->GetPhy()->TraceConnectWithoutContext(
                    "UlPhyTransmission", MakeCallback(&DtWireCounter::LteUplink, this).Bind(index));
                // Each (re)created radio bearer has a new RLC entity.
                ue->GetRrc()->TraceConnectWithoutContext(
                    "DrbCreated", MakeCallback(&DtWireCounter::LteUeBearer, this).Bind(index));
                if (t.interface >= 0)
                {
                    ipv4->TraceConnectWithoutContext(
                        "Tx",
                        MakeCallback(&DtWireCounter::LteIp, this).Bind(index, std::size_t{0}));
                    ipv4->TraceConnectWithoutContext(
                        "Rx",
                        MakeCallback(&DtWireCounter::LteIp, this).Bind(index, std::size_t{1}));
                }
            }
            else if (auto enb = DynamicCast<LteEnbNetDevice>(device))
            {
                for (uint8_t cc = 0; cc < enb->GetCcMap().size(); ++cc)
                {
                    enb->GetPhy(cc)->TraceConnectWithoutContext(
                        "DlPhyTransmission", MakeCallback(&DtWireCounter::LteDownlink, this));
                }
                enb->GetRrc()->TraceConnectWithoutContext(
                    "NewUeContext",
                    MakeCallback(&DtWireCounter::LteNewUeContext, this)
                        .Bind(PeekPointer(enb->GetRrc())));
            }
        }
    }
    NS_LOG_INFO("counting DT frames on " << NodeList::GetNNodes() << " nodes, " << m_lte.size()
                                         << " LTE terminals, " << m_addresses.size()
                                         << " DT addresses");
}

int
DtWireCounter::LayerOf(uint32_t address) const
{
    auto it = m_addresses.find(address);
    return it == m_addresses.end() ? -1 : it->second;
}

DtWireCounter::Seen
DtWireCounter::Classify(Ptr<const Packet> frame, uint32_t linkHeader, uint16_t ipv4)
{
    const uint32_t size = frame->GetSize();
    if (size < linkHeader)
    {
        return Seen{};
    }
    std::array<uint8_t, HEADER_BYTES> bytes;
    const uint32_t copied = frame->CopyData(bytes.data(), std::min(size, HEADER_BYTES));
    if (linkHeader > 0 && ReadBe16(bytes.data() + linkHeader - 2) != ipv4)
    {
        return Seen{};
    }
    return ClassifyIpv4(bytes.data() + linkHeader, copied - linkHeader, size - linkHeader);
}

DtWireCounter::Seen
DtWireCounter::ClassifyIpv4(const uint8_t* ip, uint32_t available, uint32_t size)
{
    Seen s;
    if (size < 20 || available < 20)
    {
        return s;
    }
    const uint32_t ipHeader = (ip[0] & 0x0f) * 4u;
    if ((ip[0] >> 4) != 4 || ipHeader < 20 || ipHeader > available)
    {
        return s;
    }
    const uint8_t protocol = ip[9];
    const uint32_t source = ReadBe32(ip + 12);
    const uint32_t destination = ReadBe32(ip + 16);
    const bool moreFragments = (ip[6] & 0x20) != 0;
    const bool firstFragment = (ReadBe16(ip + 6) & 0x1fff) == 0;
    // ns-3 numbers IP identifications per source, destination and protocol.
    const FragmentKey train{source, destination, protocol, ReadBe16(ip + 4)};
    const uint8_t* transport = ip + ipHeader;
    available -= ipHeader;
    size -= ipHeader;
    if (!firstFragment)
    {
        // No transport header: what the train's first fragment said.
        auto it = m_fragments.find(train);
        if (it == m_fragments.end())
        {
            return s;
        }
        // Kept after the last fragment: the train crosses more links, and
        // link-layer retransmissions repeat it.
        s = it->second;
        s.payload = size;
        return s;
    }
    bool dt = false;
    bool towardsPeer = false; // counts for the destination's layer, not the source's
    if (protocol == UdpL4Protocol::PROT_NUMBER)
    {
        if (size < UDP_HEADER || available < UDP_HEADER)
        {
            return s;
        }
        const uint16_t sourcePort = ReadBe16(transport);
        if (sourcePort == GTPU_PORT && ReadBe16(transport + 2) == GTPU_PORT)
        {
            const uint32_t tunnel = UDP_HEADER + GTPU_HEADER;
            if (size < tunnel + 20 || available < tunnel)
            {
                return s;
            }
            return ClassifyIpv4(transport + tunnel, available - tunnel, size - tunnel);
        }
        // DT datagrams leave the DT port (its UDP socket is bound to it); a
        // datagram to the port from elsewhere (the malformed-packet injector,
        // say) is not the DT's.
        dt = m_ports.count(sourcePort) > 0;
        s.payload = size - UDP_HEADER;
    }
    else if (protocol == TcpL4Protocol::PROT_NUMBER)
    {
        if (size < 20 || available < 13)
        {
            return s;
        }
        const uint32_t tcpHeader = (transport[12] >> 4) * 4u;
        if (tcpHeader < 20 || tcpHeader > size)
        {
            return s;
        }
        const bool fromPort = m_ports.count(ReadBe16(transport)) > 0;
        const bool toPort = m_ports.count(ReadBe16(transport + 2)) > 0;
        dt = fromPort || toPort;
        // A DT sends on connections it opens and only receives on those it
        // accepts: the whole connection is its opener's.
        towardsPeer = fromPort && !toPort;
        s.payload = size - tcpHeader;
    }
    if (!dt)
    {
        return Seen{};
    }
    s.dt = true;
    const int from = LayerOf(source);
    const int to = LayerOf(destination);
    s.layer = towardsPeer ? (to >= 0 ? to : from) : (from >= 0 ? from : to);
    if (moreFragments)
    {
        m_fragments[train] = s;
    }
    return s;
}

void
DtWireCounter::Count(const Seen& s, Medium medium, uint32_t bytes, uint32_t data)
{
    if (!s.dt || s.layer < 0)
    {
        return;
    }
    m_bytes[s.layer][medium] += bytes;
    m_data[s.layer] += data;
    m_payload[s.layer] += s.payload;
    ++m_frames[s.layer];
    m_frameTrace(static_cast<uint8_t>(s.layer), medium, bytes);
}

void
DtWireCounter::PointToPointTx(Ptr<const Packet> frame)
{
    const Seen s = Classify(frame, PPP_HEADER, PPP_IPV4);
    if (s.dt)
    {
        Count(s, WIRED, frame->GetSize(), DtBulkTag::CountBytes(frame));
    }
}

void
DtWireCounter::WifiTx(Mac48Address self, WifiConstPsduMap psdus, WifiTxVector, double)
{
    for (const auto& entry : psdus)
    {
        Ptr<const WifiPsdu> psdu = entry.second;
        const uint32_t size = psdu->GetSize();
        if (psdu->GetNMpdus() == 0)
        {
            continue;
        }
        const WifiMacHeader& first = psdu->GetHeader(0);
        if (first.IsCtl())
        {
            // An answer counts like what it answers; a request like what it asks about.
            std::pair<Mac48Address, Mac48Address> exchange;
            if (first.IsAck() || first.IsBlockAck() || first.IsCts())
            {
                exchange = {first.GetAddr1(), self};
            }
            else if (first.IsBlockAckReq() || first.IsRts())
            {
                exchange = {self, first.GetAddr1()};
            }
            else
            {
                continue;
            }
            auto it = m_lastPsdu.find(exchange);
            if (it == m_lastPsdu.end())
            {
                continue;
            }
            CountShares(size, it->second, {}, {}); // carries no payload of its own
            continue;
        }
        // Data (and management) MPDUs: each weighs its A-MPDU subframe.
        std::array<uint32_t, 4> weight{}; // by layer; [NOT_DT]: not the DT's
        std::array<uint32_t, 3> payload{};
        std::array<uint32_t, 3> data{};
        std::size_t i = 0;
        for (auto it = psdu->begin(); it != psdu->end(); ++it, ++i)
        {
            const uint32_t w = psdu->IsAggregate() ? psdu->GetAmpduSubframeSize(i) : size;
            weight[NOT_DT] += w; // moved to its layer below if it is the DT's
            const WifiMacHeader& h = (*it)->GetHeader();
            if (!h.IsData())
            {
                continue;
            }
            Ptr<const Packet> msdu = (*it)->GetPacket();
            const Seen s = Classify(msdu, LLC_SNAP_HEADER, ETHERTYPE_IPV4);
            if (s.dt && s.layer >= 0)
            {
                weight[s.layer] += w;
                weight[NOT_DT] -= w;
                payload[s.layer] += s.payload;
                data[s.layer] += DtBulkTag::CountBytes(msdu);
            }
        }
        m_lastPsdu[{self, first.GetAddr1()}] = weight;
        CountShares(size, weight, payload, data);
    }
}

void
DtWireCounter::CountShares(uint32_t size,
                           const std::array<uint32_t, 4>& weight,
                           const std::array<uint32_t, 3>& payload,
                           const std::array<uint32_t, 3>& data)
{
    uint64_t all = 0;
    for (uint32_t w : weight)
    {
        all += w;
    }
    for (int l = 0; l < 3 && all > 0; ++l)
    {
        if (weight[l] > 0)
        {
            Seen s;
            s.dt = true;
            s.layer = l;
            s.payload = payload[l];
            Count(s, RADIO, static_cast<uint32_t>(uint64_t{size} * weight[l] / all), data[l]);
        }
    }
}

void
DtWireCounter::LteUplink(std::size_t terminal, PhyTransmissionStatParameters params)
{
    if (terminal >= m_lte.size())
    {
        return;
    }
    LteTerminal& t = m_lte[terminal];
    t.blocks[0] += params.m_size;
    t.newBlocks[0] += params.m_ndi ? params.m_size : 0;
}

void
DtWireCounter::ConnectRlc(Ptr<Object> owner,
                          const std::string& idAttribute,
                          uint8_t id,
                          std::size_t terminal,
                          std::size_t direction)
{
    // Only the bearer just created: holding on to others' RLC entities
    // would keep them (and their timers) alive after their bearer is gone.
    ObjectMapValue bearers;
    owner->GetAttribute("DataRadioBearerMap", bearers);
    for (auto it = bearers.Begin(); it != bearers.End(); ++it)
    {
        UintegerValue bearerId;
        it->second->GetAttribute(idAttribute, bearerId);
        PointerValue rlc;
        it->second->GetAttribute("LteRlc", rlc);
        Ptr<LteRlc> entity = rlc.Get<LteRlc>();
        if (bearerId.Get() == id && entity)
        {
            entity->TraceConnectWithoutContext(
                "TxPDU", MakeCallback(&DtWireCounter::LteRlcTx, this).Bind(terminal, direction));
        }
    }
}

void
DtWireCounter::LteUeBearer(std::size_t terminal, uint64_t, uint16_t, uint16_t, uint8_t drb)
{
    if (terminal < m_lte.size())
    {
        ConnectRlc(m_lte[terminal].device->GetRrc(), "DrbIdentity", drb, terminal, 0);
    }
}

void
DtWireCounter::LteNewUeContext(LteEnbRrc* rrc, uint16_t, uint16_t rnti)
{
    rrc->GetUeManager(rnti)->TraceConnectWithoutContext(
        "DrbCreated", MakeCallback(&DtWireCounter::LteEnbBearer, this).Bind(rrc));
}

void
DtWireCounter::LteEnbBearer(LteEnbRrc* rrc, uint64_t imsi, uint16_t, uint16_t rnti, uint8_t lcid)
{
    // By IMSI: the cell's PDUs still count after the terminal's RNTI or cell changed.
    auto terminal = m_imsi.find(imsi);
    if (terminal != m_imsi.end() && rrc->HasUeManager(rnti))
    {
        ConnectRlc(rrc->GetUeManager(rnti), "logicalChannelIdentity", lcid, terminal->second, 1);
    }
}

void
DtWireCounter::LteRlcTx(
    std::size_t terminal, std::size_t direction, uint16_t, uint8_t, uint32_t bytes)
{
    if (terminal < m_lte.size())
    {
        m_lte[terminal].rlc[direction] += bytes;
    }
}

std::size_t
DtWireCounter::FindLteTerminal(uint16_t cellId, uint16_t rnti)
{
    const auto key = std::make_pair(cellId, rnti);
    auto matches = [this, cellId, rnti](std::size_t t)
    {
        Ptr<LteUeRrc> rrc = m_lte[t].device->GetRrc();
        return rrc->GetCellId() == cellId && rrc->GetRnti() == rnti;
    };
    auto it = m_rnti.find(key);
    if (it != m_rnti.end() && matches(it->second))
    {
        return it->second;
    }
    for (std::size_t t = 0; t < m_lte.size(); ++t)
    {
        if (matches(t))
        {
            m_rnti[key] = t;
            return t;
        }
    }
    return m_lte.size();
}

void
DtWireCounter::LteDownlink(PhyTransmissionStatParameters params)
{
    const std::size_t t = FindLteTerminal(params.m_cellId, params.m_rnti);
    if (t == m_lte.size())
    {
        m_unattributed += params.m_size;
        return;
    }
    m_lte[t].blocks[1] += params.m_size;
    m_lte[t].newBlocks[1] += params.m_ndi ? params.m_size : 0;
}

void
DtWireCounter::LteIp(std::size_t terminal,
                     std::size_t direction,
                     Ptr<const Packet> packet,
                     Ptr<Ipv4>,
                     uint32_t interface)
{
    if (terminal >= m_lte.size())
    {
        return;
    }
    LteTerminal& t = m_lte[terminal];
    if (static_cast<int32_t>(interface) != t.interface)
    {
        return;
    }
    const Seen s = Classify(packet, 0, 0);
    const bool dt = s.dt && s.layer >= 0;
    t.ip[direction][dt ? static_cast<std::size_t>(s.layer) : NOT_DT] += packet->GetSize();
    if (dt)
    {
        t.data[direction][s.layer] += DtBulkTag::CountBytes(packet);
        t.payload[direction][s.layer] += s.payload;
    }
}

double
DtWireCounter::LteTerminal::Harq(std::size_t d) const
{
    // HARQ retransmissions resend whole blocks, and what they carry with them.
    return newBlocks[d] > 0 ? static_cast<double>(blocks[d]) / static_cast<double>(newBlocks[d])
                            : 1.0;
}

uint64_t
DtWireCounter::LteRadio(std::size_t layer) const
{
    // The bearers' RLC PDUs, shared out by IP bytes.
    double bytes = 0;
    for (const auto& t : m_lte)
    {
        for (std::size_t d = 0; d < 2; ++d)
        {
            uint64_t ip = 0;
            for (uint64_t b : t.ip[d])
            {
                ip += b;
            }
            if (ip > 0)
            {
                bytes += t.Harq(d) * static_cast<double>(t.rlc[d])
                         * static_cast<double>(t.ip[d][layer]) / static_cast<double>(ip);
            }
        }
    }
    return static_cast<uint64_t>(std::llround(bytes));
}

uint64_t
DtWireCounter::LteInside(const std::array<std::array<uint64_t, 4>, 2> LteTerminal::*part,
                         std::size_t layer) const
{
    // Bytes inside the IP packets, as many times as HARQ sent them.
    double bytes = 0;
    for (const auto& t : m_lte)
    {
        for (std::size_t d = 0; d < 2; ++d)
        {
            bytes += t.Harq(d) * static_cast<double>((t.*part)[d][layer]);
        }
    }
    return static_cast<uint64_t>(std::llround(bytes));
}

uint64_t
DtWireCounter::GetBytes(DtLayer layer, Medium medium) const
{
    const auto l = static_cast<std::size_t>(layer);
    return m_bytes[l][medium] + (medium == RADIO ? LteRadio(l) : 0);
}

uint64_t
DtWireCounter::GetDataBytes(DtLayer layer) const
{
    const auto l = static_cast<std::size_t>(layer);
    return m_data[l] + LteInside(&LteTerminal::data, l);
}

uint64_t
DtWireCounter::GetPayloadBytes(DtLayer layer) const
{
    const auto l = static_cast<std::size_t>(layer);
    return m_payload[l] + LteInside(&LteTerminal::payload, l);
}

uint64_t
DtWireCounter::GetFrames(DtLayer layer) const
{
    return m_frames[static_cast<std::size_t>(layer)];
}

uint64_t
DtWireCounter::GetUnattributedRadioBytes() const
{
    uint64_t blocks = m_unattributed;
    for (const auto& t : m_lte)
    {
        blocks += t.blocks[0] + t.blocks[1];
    }
    uint64_t attributed = 0;
    for (std::size_t l = 0; l < 3; ++l)
    {
        attributed += LteRadio(l);
    }
    return blocks > attributed ? blocks - attributed : 0;
}

} // namespace ns3
