/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-wifi-roaming-manager.h"

#include "dt-ns3-version.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-phy.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtWifiRoamingManager");

NS_OBJECT_ENSURE_REGISTERED(DtWifiRoamingManager);

TypeId
DtWifiRoamingManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtWifiRoamingManager")
            .SetParent<WifiDefaultAssocManager>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtWifiRoamingManager>()
            .AddAttribute("SnrRoaming",
                          "Re-associate with an AP whose beacons are stronger than the serving "
                          "AP's (else only on beacon loss, as StaWifiMac does).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DtWifiRoamingManager::m_snrRoaming),
                          MakeBooleanChecker())
            .AddAttribute("Hysteresis",
                          "How far another AP's smoothed beacon SNR must exceed the serving "
                          "AP's, dB.",
                          DoubleValue(3.0),
                          MakeDoubleAccessor(&DtWifiRoamingManager::m_hysteresis),
                          MakeDoubleChecker<double>(0.0, 30.0))
            .AddAttribute("TimeToTrigger",
                          "How long another AP must stay Hysteresis above the serving one.",
                          TimeValue(MilliSeconds(512)),
                          MakeTimeAccessor(&DtWifiRoamingManager::m_timeToTrigger),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Smoothing",
                          "Weight of a new beacon in the smoothed SNR (1: no smoothing).",
                          DoubleValue(0.25),
                          MakeDoubleAccessor(&DtWifiRoamingManager::m_smoothing),
                          MakeDoubleChecker<double>(0.01, 1.0))
            .AddTraceSource("Roam",
                            "The station leaves its AP for another one.",
                            MakeTraceSourceAccessor(&DtWifiRoamingManager::m_roamTrace),
                            "ns3::DtWifiRoamingManager::RoamTracedCallback");
    return tid;
}

DtWifiRoamingManager::DtWifiRoamingManager()
    : m_serving(Mac48Address::GetBroadcast())
    , m_preferred(Mac48Address::GetBroadcast())
    , m_candidate(Mac48Address::GetBroadcast())
{
    NS_LOG_FUNCTION(this);
}

DtWifiRoamingManager::~DtWifiRoamingManager()
{
    NS_LOG_FUNCTION(this);
}

void
DtWifiRoamingManager::DoDispose()
{
    m_scanEvent.Cancel();
    m_leaveEvent.Cancel();
    m_snrDb.clear();
    WifiDefaultAssocManager::DoDispose();
}

void
DtWifiRoamingManager::Start()
{
    NS_ABORT_MSG_IF(!m_mac, "DtWifiRoamingManager::Start before StaWifiMac::SetAssocManager");
    m_mac->TraceConnectWithoutContext("ReceivedBeaconInfo",
                                      MakeCallback(&DtWifiRoamingManager::BeaconReceived, this));
    m_mac->TraceConnectWithoutContext("Assoc",
                                      MakeCallback(&DtWifiRoamingManager::Associated, this));
}

bool
DtWifiRoamingManager::CanBeInserted(const StaWifiMac::ApInfo& apInfo) const
{
    return !m_scanEvent.IsExpired();
}

bool
DtWifiRoamingManager::CanBeReturned(const StaWifiMac::ApInfo& apInfo) const
{
    if (apInfo.m_bssid == m_preferred || m_preferred == Mac48Address::GetBroadcast())
    {
        return true;
    }
    // Skip a stronger AP only if the chosen one is still among the candidates.
    const auto& rest = GetSortedList();
    return std::none_of(rest.begin(),
                        rest.end(),
                        [this](const StaWifiMac::ApInfo& ap)
                        {
                            return ap.m_bssid == m_preferred;
                        });
}

void
DtWifiRoamingManager::DoStartScanning()
{
    NS_LOG_FUNCTION(this);
    m_scanEvent.Cancel();
    const WifiScanParams& params = GetScanParams();
    Time dwell = params.maxChannelTime;
    if (params.type == MLDT_WIFI_SCAN_ACTIVE)
    {
        Simulator::Schedule(params.probeDelay, &DtSendProbeRequest<StaWifiMac>, m_mac, 0);
        dwell += params.probeDelay;
    }
    m_scanEvent = Simulator::Schedule(dwell, &DtWifiRoamingManager::EndScan, this);
}

void
DtWifiRoamingManager::EndScan()
{
    EndScanning();
}

void
DtWifiRoamingManager::RoamTo(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    if (!m_mac || !m_mac->IsAssociated() || m_leaving || bssid == m_serving)
    {
        NS_LOG_LOGIC("not associated, leaving already, or there already: ignored");
        return;
    }
    m_roamTrace(m_serving, bssid, std::numeric_limits<double>::quiet_NaN());
    m_preferred = bssid;
    m_leaving = true;
    Simulator::ScheduleNow(&DtWifiRoamingManager::Leave, this);
}

void
DtWifiRoamingManager::Leave()
{
    m_leaving = true;
    m_candidate = Mac48Address::GetBroadcast();
    Ptr<WifiPhy> phy = m_mac->GetWifiPhy(0);
    if (phy->IsStateRx() || phy->IsStateTx() || phy->IsStateSwitching())
    {
        // ns-3.37 asserts that a switch starts from idle: finish this frame first.
        m_leaveEvent = Simulator::Schedule(
            phy->GetDelayUntilIdle() + NanoSeconds(1), &DtWifiRoamingManager::Leave, this);
        return;
    }
    // A frame that just ended may be answered (Ack, Block Ack) a SIFS later;
    // a transmission that starts while the PHY switches aborts ns-3.37
    // ("Invalid WifiPhy state"): let the answer go first.
    const Time answerBy = phy->GetLastRxEndTime() + phy->GetSifs() + NanoSeconds(1);
    if (Simulator::Now() < answerBy)
    {
        m_leaveEvent =
            Simulator::Schedule(answerBy - Simulator::Now(), &DtWifiRoamingManager::Leave, this);
        return;
    }
    DtRestartAssociation(m_mac, 0);
}

void
DtWifiRoamingManager::Associated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    m_serving = bssid;
    m_preferred = Mac48Address::GetBroadcast();
    m_candidate = Mac48Address::GetBroadcast();
    m_leaving = false;
}

void
DtWifiRoamingManager::BeaconReceived(StaWifiMac::ApInfo info)
{
    const double snrDb = 10 * std::log10(std::max(info.m_snr, 1e-12));
    auto [it, fresh] = m_snrDb.emplace(info.m_bssid, snrDb);
    if (!fresh)
    {
        it->second += m_smoothing * (snrDb - it->second);
    }
    if (!m_snrRoaming || m_leaving || !m_mac->IsAssociated() || info.m_bssid == m_serving)
    {
        return;
    }
    auto serving = m_snrDb.find(m_serving);
    const double servingDb =
        serving == m_snrDb.end() ? -std::numeric_limits<double>::infinity() : serving->second;
    const double gain = it->second - servingDb;
    if (gain < m_hysteresis)
    {
        if (m_candidate == info.m_bssid)
        {
            m_candidate = Mac48Address::GetBroadcast();
        }
        return;
    }
    if (m_candidate != info.m_bssid)
    {
        auto current = m_snrDb.find(m_candidate);
        if (current != m_snrDb.end() && current->second >= it->second)
        {
            return; // a stronger candidate is already timing
        }
        m_candidate = info.m_bssid;
        m_candidateSince = Simulator::Now();
    }
    if (Simulator::Now() - m_candidateSince >= m_timeToTrigger)
    {
        NS_LOG_INFO("roaming from " << m_serving << " to " << info.m_bssid << ", " << gain
                                    << " dB stronger");
        m_roamTrace(m_serving, info.m_bssid, gain);
        m_preferred = info.m_bssid;
        m_leaving = true;
        // Not from inside the PHY's reception of this beacon: ns-3.37 asserts
        // that the PHY is idle when the reception ends.
        Simulator::ScheduleNow(&DtWifiRoamingManager::Leave, this);
    }
}

} // namespace ns3
