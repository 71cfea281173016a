/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIFI_ROAMING_MANAGER_H
#define DT_WIFI_ROAMING_MANAGER_H

#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"
#include "ns3/wifi-default-assoc-manager.h"

#include <map>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * A station's association manager that roams between the access points of
 * one ESS (one SSID on one channel).
 *
 * ns-3's StaWifiMac leaves its AP only when it misses MaxMissedBeacons
 * beacons in a row. This manager also follows the beacons of every AP the
 * station hears (StaWifiMac's ReceivedBeaconInfo trace), smoothes their SNR,
 * and when another AP stays Hysteresis dB above the serving one for
 * TimeToTrigger it re-associates with that AP, as clients do on a received
 * signal threshold. RoamTo forces a re-association with a given AP (a
 * scripted handover, or an 802.11v BSS transition request). Either way the
 * station leaves its AP (the PHY is re-tuned to its own channel, which
 * disassociates the MAC), scans anew, and takes the chosen AP if it heard
 * it, else the strongest one. The station's
 * association, and so the DT's view of it, goes through the standard
 * Assoc / DeAssoc traces.
 */
class DtWifiRoamingManager : public WifiDefaultAssocManager
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtWifiRoamingManager();
    ~DtWifiRoamingManager() override;

    /**
     * Follow the station's beacons; call once StaWifiMac::SetAssocManager
     * has given this manager its MAC.
     */
    void Start();

    /**
     * Re-associate with an AP now.
     * \param bssid the AP's BSSID
     */
    void RoamTo(Mac48Address bssid);

    /**
     * TracedCallback signature for a roaming decision.
     * \param from the serving AP
     * \param to the AP chosen
     * \param gainDb smoothed SNR of the chosen AP minus the serving one's
     *        (NaN for RoamTo)
     */
    typedef void (*RoamTracedCallback)(Mac48Address from, Mac48Address to, double gainDb);

  protected:
    void DoDispose() override;
    /**
     * During a scan of this manager's.
     * \param apInfo an AP heard
     * \return true while scanning
     */
    bool CanBeInserted(const StaWifiMac::ApInfo& apInfo) const override;
    /**
     * The AP RoamTo or the SNR trigger chose, if it was heard; else the
     * strongest (the candidates come strongest first).
     * \param apInfo the next candidate
     * \return true if it is the one to associate with
     */
    bool CanBeReturned(const StaWifiMac::ApInfo& apInfo) const override;

  private:
    /**
     * Always scan anew (the default manager reuses the APs of its last scan,
     * whose SNRs are stale once the station has moved): passively for
     * WaitBeaconTimeout, or after a probe request.
     */
    void DoStartScanning() override;
    /** The scan is over: pick the AP. */
    void EndScan();
    /**
     * ReceivedBeaconInfo sink.
     * \param info the beacon's AP and SNR
     */
    void BeaconReceived(StaWifiMac::ApInfo info);
    /**
     * Assoc sink.
     * \param bssid the AP
     */
    void Associated(Mac48Address bssid);
    /** Leave the AP as a channel switch does (DtRestartAssociation): the MAC disassociates. */
    void Leave();

    bool m_snrRoaming;                      //!< roam on the SNR trigger
    double m_hysteresis;                    //!< dB above the serving AP
    Time m_timeToTrigger;                   //!< how long the condition must hold
    double m_smoothing;                     //!< weight of a new beacon's SNR
    Mac48Address m_serving;                 //!< associated AP (broadcast: none)
    Mac48Address m_preferred;               //!< ranked first at the next scan
    Mac48Address m_candidate;               //!< AP above the serving one
    Time m_candidateSince;                  //!< since when
    bool m_leaving{false};                  //!< a re-association is under way
    EventId m_scanEvent;                    //!< end of the running scan
    EventId m_leaveEvent;                   //!< a deferred Leave
    std::map<Mac48Address, double> m_snrDb; //!< smoothed beacon SNR per AP
    TracedCallback<Mac48Address, Mac48Address, double> m_roamTrace; //!< roaming decisions
};

} // namespace ns3

#endif /* DT_WIFI_ROAMING_MANAGER_H */
