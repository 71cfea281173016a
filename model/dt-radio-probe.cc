/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-radio-probe.h"

#include "ns3/log.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

#include <array>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtRadioProbe");

namespace
{
constexpr uint32_t AMPDU_DELIMITER = 4; //!< an A-MPDU subframe's delimiter
constexpr uint32_t ADDR2_OFFSET = 10;   //!< frame control, duration, address 1
constexpr uint32_t HEADER_START = 16;   //!< up to the end of address 2
constexpr uint8_t WIFI_CTL_TYPE = 1;    //!< frame control type of control frames
} // namespace

NS_OBJECT_ENSURE_REGISTERED(DtRadioProbe);

TypeId
DtRadioProbe::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtRadioProbe")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtRadioProbe>()
            .AddAttribute("Window",
                          "How long before each announced Read the probe listens to a Wi-Fi "
                          "station's frames (MonitorSnifferRx); a sample is the mean of the "
                          "serving AP's frames heard then. 0: listens all the time (every "
                          "frame a station hears costs a report; see the class description). "
                          "LTE reports are followed all the time.",
                          TimeValue(MilliSeconds(110)),
                          MakeTimeAccessor(&DtRadioProbe::m_window),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Frames",
                          "A Wi-Fi window closes once it heard this many frames of the "
                          "serving AP since it opened (0: at the read only).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&DtRadioProbe::m_frameLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Association",
                            "The station associated to an AP or lost its association.",
                            MakeTraceSourceAccessor(&DtRadioProbe::m_associationTrace),
                            "ns3::DtRadioProbe::AssociationTracedCallback")
            .AddTraceSource("CellChanged",
                            "An LTE UE connected to or was handed over to a cell.",
                            MakeTraceSourceAccessor(&DtRadioProbe::m_cellTrace),
                            "ns3::DtRadioProbe::CellTracedCallback");
    return tid;
}

DtRadioProbe::DtRadioProbe()
{
    NS_LOG_FUNCTION(this);
}

DtRadioProbe::~DtRadioProbe()
{
    NS_LOG_FUNCTION(this);
}

void
DtRadioProbe::DoDispose()
{
    // The devices may outlive the probe: stop their notifications (unless
    // they were disposed first).
    m_listenEvent.Cancel();
    SetListening(false);
    for (const auto& dev : m_wifiDevices)
    {
        if (Ptr<WifiMac> mac = dev->GetMac())
        {
            mac->TraceDisconnectWithoutContext("Assoc",
                                               MakeCallback(&DtRadioProbe::Associated, this));
            mac->TraceDisconnectWithoutContext("DeAssoc",
                                               MakeCallback(&DtRadioProbe::Deassociated, this));
        }
    }
    for (const auto& ue : m_lteDevices)
    {
        if (Ptr<LteUePhy> phy = ue->GetPhy())
        {
            phy->TraceDisconnectWithoutContext("ReportCurrentCellRsrpSinr",
                                               MakeCallback(&DtRadioProbe::LteReport, this));
        }
        if (Ptr<LteUeRrc> rrc = ue->GetRrc())
        {
            rrc->TraceDisconnectWithoutContext("ConnectionEstablished",
                                               MakeCallback(&DtRadioProbe::CellEntered, this));
            rrc->TraceDisconnectWithoutContext("HandoverEndOk",
                                               MakeCallback(&DtRadioProbe::CellEntered, this));
        }
    }
    m_wifiDevices.clear();
    m_lteDevices.clear();
    Object::DoDispose();
}

void
DtRadioProbe::ListenTo(Ptr<WifiNetDevice> device, bool on)
{
    Ptr<WifiPhy> phy = device->GetNPhys() > 0 ? device->GetPhy() : nullptr;
    if (!phy)
    {
        return; // disposed first
    }
    // Found once: a lookup by name costs more than the connection.
    if (!m_sniffer)
    {
        m_sniffer = phy->GetInstanceTypeId().LookupTraceSourceByName("MonitorSnifferRx");
        NS_ASSERT_MSG(m_sniffer, phy->GetInstanceTypeId() << " has no MonitorSnifferRx");
    }
    if (on)
    {
        m_sniffer->ConnectWithoutContext(PeekPointer(phy),
                                         MakeCallback(&DtRadioProbe::FrameReceived, this));
    }
    else
    {
        m_sniffer->DisconnectWithoutContext(PeekPointer(phy),
                                            MakeCallback(&DtRadioProbe::FrameReceived, this));
    }
}

void
DtRadioProbe::SetListening(bool on)
{
    if (on == m_listening)
    {
        return;
    }
    NS_LOG_LOGIC(this << (on ? " listens" : " stops listening"));
    m_listening = on;
    for (const auto& dev : m_wifiDevices)
    {
        ListenTo(dev, on);
    }
}

void
DtRadioProbe::ListenBefore(Time read)
{
    NS_LOG_FUNCTION(this << read);
    const Time now = Simulator::Now();
    NS_ABORT_MSG_IF(read < now,
                    "DtRadioProbe::ListenBefore: the next read ("
                        << read.As(Time::S) << ") is in the past (now " << now.As(Time::S) << ")");
    m_listenEvent.Cancel();
    m_windowed = !m_window.IsZero();
    m_nextRead = read;
    if (!m_windowed || read - m_window <= now)
    {
        SetListening(true);
        return;
    }
    SetListening(false);
    m_listenEvent =
        Simulator::Schedule(read - m_window - now, &DtRadioProbe::SetListening, this, true);
}

uint32_t
DtRadioProbe::Attach(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    uint32_t attached = 0;
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(node->GetDevice(i)))
        {
            ue->GetPhy()->TraceConnectWithoutContext("ReportCurrentCellRsrpSinr",
                                                     MakeCallback(&DtRadioProbe::LteReport, this));
            ue->GetRrc()->TraceConnectWithoutContext(
                "ConnectionEstablished", MakeCallback(&DtRadioProbe::CellEntered, this));
            ue->GetRrc()->TraceConnectWithoutContext(
                "HandoverEndOk", MakeCallback(&DtRadioProbe::CellEntered, this));
            m_cellId = ue->GetRrc()->GetCellId(); // attached before the probe
            m_lteDevices.push_back(ue);
            ++attached;
            continue;
        }
        Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(node->GetDevice(i));
        if (!dev)
        {
            continue;
        }
        Ptr<StaWifiMac> mac = DynamicCast<StaWifiMac>(dev->GetMac());
        if (!mac)
        {
            continue; // an AP or ad hoc device: no serving AP to measure
        }
        if (m_listening)
        {
            ListenTo(dev, true);
        }
        mac->TraceConnectWithoutContext("Assoc", MakeCallback(&DtRadioProbe::Associated, this));
        mac->TraceConnectWithoutContext("DeAssoc", MakeCallback(&DtRadioProbe::Deassociated, this));
        m_wifiDevices.push_back(dev);
        if (mac->IsAssociated())
        {
            m_associated = true; // attached after the association: take it as it is
            m_bssid = mac->GetBssid(0);
        }
        ++attached;
    }
    return attached;
}

void
DtRadioProbe::FrameReceived(Ptr<const Packet> packet,
                            uint16_t /* freq */,
                            WifiTxVector /* tx */,
                            MpduInfo mpdu,
                            SignalNoiseDbm sn,
                            uint16_t /* staId */)
{
    if (!m_associated || WindowFull())
    {
        return; // (the rest of an A-MPDU whose subframes completed the window)
    }
    // Frame control, duration, receiver and transmitter address, after the
    // subframe delimiter in an A-MPDU: read in place, no copy of the packet.
    const uint32_t offset = mpdu.type == NORMAL_MPDU ? 0 : AMPDU_DELIMITER;
    std::array<uint8_t, AMPDU_DELIMITER + HEADER_START> bytes;
    if (packet->GetSize() < offset + HEADER_START
        || packet->CopyData(bytes.data(), offset + HEADER_START) < offset + HEADER_START)
    {
        return;
    }
    const uint8_t type = (bytes[offset] >> 2) & 0x3;
    if (type == WIFI_CTL_TYPE)
    {
        return; // control frames carry no transmitter address worth trusting here
    }
    Mac48Address transmitter;
    transmitter.CopyFrom(bytes.data() + offset + ADDR2_OFFSET);
    if (transmitter != m_bssid)
    {
        return;
    }
    m_rssiSum += sn.signal;
    m_snrSum += sn.signal - sn.noise;
    ++m_heard;
    ++m_heardTotal;
    ++m_windowFrames;
    if (WindowFull())
    {
        // Not from inside the trace's own call: it is going through its sinks.
        m_listenEvent.Cancel();
        m_listenEvent = Simulator::ScheduleNow(&DtRadioProbe::SetListening, this, false);
    }
}

void
DtRadioProbe::Associated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    m_associated = true;
    m_bssid = bssid;
    ForgetHeard(); // frames of a previous AP do not describe this one
    m_windowFrames = 0;
    if (m_windowed && !m_listening && Simulator::Now() >= m_nextRead - m_window)
    {
        // The window closed early on the previous AP's frames: it is still
        // open for the new AP's.
        m_listenEvent.Cancel();
        SetListening(true);
    }
    m_associationTrace(true, bssid);
}

void
DtRadioProbe::Deassociated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    m_associated = false;
    m_associationTrace(false, bssid);
}

void
DtRadioProbe::CellEntered(uint64_t /* imsi */, uint16_t cellId, uint16_t /* rnti */)
{
    NS_LOG_FUNCTION(this << cellId);
    if (cellId == m_cellId)
    {
        return;
    }
    m_cellId = cellId;
    ForgetHeard(); // reports of the old cell do not describe the new one
    m_cellTrace(cellId);
}

void
DtRadioProbe::LteReport(uint16_t cellId, uint16_t, double rsrp, double sinr, uint8_t)
{
    if (cellId != m_cellId || !(rsrp > 0) || !(sinr > 0))
    {
        return;
    }
    m_rssiSum += 10 * std::log10(rsrp) + 30;
    m_snrSum += 10 * std::log10(sinr);
    ++m_heard;
    ++m_heardTotal;
}

uint16_t
DtRadioProbe::GetServingCellId() const
{
    return m_cellId;
}

void
DtRadioProbe::Read(double& rssiDbm, double& snrDb)
{
    if (m_heard == 0)
    {
        ++m_emptyReads;
        rssiDbm = std::numeric_limits<double>::quiet_NaN();
        snrDb = std::numeric_limits<double>::quiet_NaN();
    }
    else
    {
        rssiDbm = m_rssiSum / m_heard;
        snrDb = m_snrSum / m_heard;
    }
    ForgetHeard();
    m_windowFrames = 0;
}

void
DtRadioProbe::ForgetHeard()
{
    m_rssiSum = 0;
    m_snrSum = 0;
    m_heard = 0;
}

bool
DtRadioProbe::WindowFull() const
{
    return m_windowed && m_frameLimit > 0 && m_windowFrames >= m_frameLimit;
}

bool
DtRadioProbe::IsAssociated() const
{
    return m_associated;
}

Mac48Address
DtRadioProbe::GetServingBssid() const
{
    return m_bssid;
}

uint64_t
DtRadioProbe::GetFramesHeard() const
{
    return m_heardTotal;
}

uint64_t
DtRadioProbe::GetEmptyReads() const
{
    return m_emptyReads;
}

bool
DtRadioProbe::IsListening() const
{
    return m_listening;
}

} // namespace ns3
