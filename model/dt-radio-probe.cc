/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-radio-probe.h"

#include "ns3/ampdu-subframe-header.h"
#include "ns3/log.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-mac-header.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtRadioProbe");

NS_OBJECT_ENSURE_REGISTERED(DtRadioProbe);

TypeId
DtRadioProbe::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtRadioProbe")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtRadioProbe>()
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
    for (const auto& dev : m_wifiDevices)
    {
        if (Ptr<WifiPhy> phy = dev->GetNPhys() > 0 ? dev->GetPhy() : nullptr)
        {
            phy->TraceDisconnectWithoutContext("MonitorSnifferRx",
                                               MakeCallback(&DtRadioProbe::FrameReceived, this));
        }
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
        dev->GetPhy()->TraceConnectWithoutContext("MonitorSnifferRx",
                                                  MakeCallback(&DtRadioProbe::FrameReceived, this));
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
    if (!m_associated)
    {
        return;
    }
    WifiMacHeader hdr;
    uint32_t read = 0;
    if (mpdu.type == NORMAL_MPDU)
    {
        read = packet->PeekHeader(hdr);
    }
    else
    {
        // An (S-)MPDU inside an A-MPDU starts with its subframe delimiter.
        Ptr<Packet> copy = packet->Copy();
        AmpduSubframeHeader delimiter;
        if (copy->RemoveHeader(delimiter) > 0)
        {
            read = copy->PeekHeader(hdr);
        }
    }
    if (read == 0 || hdr.IsCtl() || hdr.GetAddr2() != m_bssid)
    {
        return; // control frames carry no transmitter address worth trusting here
    }
    m_rssiSum += sn.signal;
    m_snrSum += sn.signal - sn.noise;
    ++m_heard;
    ++m_heardTotal;
}

void
DtRadioProbe::Associated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    m_associated = true;
    m_bssid = bssid;
    m_rssiSum = 0; // frames of a previous AP do not describe this one
    m_snrSum = 0;
    m_heard = 0;
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
    m_rssiSum = 0; // reports of the old cell do not describe the new one
    m_snrSum = 0;
    m_heard = 0;
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
        rssiDbm = std::numeric_limits<double>::quiet_NaN();
        snrDb = std::numeric_limits<double>::quiet_NaN();
        return;
    }
    rssiDbm = m_rssiSum / m_heard;
    snrDb = m_snrSum / m_heard;
    m_rssiSum = 0;
    m_snrSum = 0;
    m_heard = 0;
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

} // namespace ns3
