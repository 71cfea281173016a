/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_RADIO_PROBE_H
#define DT_RADIO_PROBE_H

#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class LteUeNetDevice;
class NetDevice;
class WifiNetDevice;
class Node;
class Packet;
class TraceSourceAccessor;
class WifiTxVector;
struct MpduInfo;
struct SignalNoiseDbm;

/**
 * \ingroup multilayer-dt
 * Reads a terminal's radio quality and serving cell from its devices' own
 * trace sources: for a Wi-Fi station, the PHY's MonitorSnifferRx (signal and
 * noise of every frame the serving AP sent) and the MAC's Assoc / DeAssoc;
 * for an LTE UE, the PHY's ReportCurrentCellRsrpSinr (RSRP and SINR of the
 * serving cell) and the RRC's ConnectionEstablished / HandoverEndOk.
 *
 * The local DT samples it periodically: Read returns the mean signal (Wi-Fi
 * RSSI or LTE RSRP, dBm) and quality (SNR or SINR, dB) reported since the
 * previous Read (for Wi-Fi: in the listening window before it), or NaN
 * when nothing was reported (a missing sample the data module's cleaning
 * step handles).
 *
 * A station's PHY reports every frame it hears, whoever sent it, and
 * building those reports (a packet per A-MPDU subframe) costs more than the
 * rest of the DT layer. So for Wi-Fi the probe listens only in a window
 * before each read the sampler announces (ListenBefore): from the attribute
 * Window before the read until it heard Frames frames of the serving AP,
 * or the read (a Window of the sampling period or more opens at the
 * previous read). A sample describes the link in that window, not the whole
 * sampling period. Window 0 listens all the time. Until the first
 * announcement the probe listens. An association to another AP while the
 * window is open (even one closed early) reopens it for the new AP's frames.
 * An LTE UE's PHY reports a few numbers once per TTI whatever the traffic:
 * those are followed all the time and averaged over the period.
 */
class DtRadioProbe : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtRadioProbe();
    ~DtRadioProbe() override;

    /**
     * Connect to the radio devices of a node (the Wi-Fi station devices;
     * others are ignored).
     * \param node the terminal
     * \return the number of devices connected
     */
    uint32_t Attach(Ptr<Node> node);

    /**
     * Mean radio quality since the previous call.
     * \param rssiDbm mean received signal strength, dBm (NaN if nothing heard)
     * \param snrDb mean signal-to-noise ratio, dB (NaN if nothing heard)
     */
    void Read(double& rssiDbm, double& snrDb);

    /**
     * Announce the next Read: a Wi-Fi station's frames are not followed
     * from now until Window before it (at once if that is now or past; all
     * the time if Window is 0).
     * \param read when the next Read comes (not in the past)
     */
    void ListenBefore(Time read);

    /** \return true if associated to an AP */
    bool IsAssociated() const;
    /** \return the serving AP's BSSID (meaningful when associated) */
    Mac48Address GetServingBssid() const;
    /** \return frames from the serving AP (or LTE reports) heard so far */
    uint64_t GetFramesHeard() const;
    /** \return Reads that found nothing heard (NaN samples) */
    uint64_t GetEmptyReads() const;
    /** \return true while a Wi-Fi station's per-frame source is connected */
    bool IsListening() const;
    /** \return the serving LTE cell id (0: none, or not LTE) */
    uint16_t GetServingCellId() const;

    /**
     * TracedCallback signature for an association change.
     * \param associated true on association, false on loss
     * \param bssid the AP
     */
    typedef void (*AssociationTracedCallback)(bool associated, Mac48Address bssid);

    /**
     * TracedCallback signature for a new LTE serving cell.
     * \param cellId the cell now serving the UE
     */
    typedef void (*CellTracedCallback)(uint16_t cellId);

  protected:
    void DoDispose() override;

  private:
    /** Forget the frames (reports) heard: sums and count. */
    void ForgetHeard();
    /**
     * \return true if the listening window heard its Frames frames of the
     *         serving AP (never without windows or without a limit)
     */
    bool WindowFull() const;
    /**
     * Connect or disconnect the per-frame source of every Wi-Fi station
     * device followed.
     * \param on true to listen
     */
    void SetListening(bool on);
    /**
     * Connect or disconnect one Wi-Fi station's MonitorSnifferRx.
     * \param device the station
     * \param on true to connect
     */
    void ListenTo(Ptr<WifiNetDevice> device, bool on);

    /**
     * A frame was received (WifiPhy MonitorSnifferRx).
     * \param packet the MPDU
     * \param freq channel frequency, MHz
     * \param tx TX vector
     * \param mpdu MPDU info
     * \param sn signal and noise, dBm
     * \param staId station id
     */
    void FrameReceived(Ptr<const Packet> packet,
                       uint16_t freq,
                       WifiTxVector tx,
                       MpduInfo mpdu,
                       SignalNoiseDbm sn,
                       uint16_t staId);
    /** \param bssid the AP associated to */
    void Associated(Mac48Address bssid);
    /** \param bssid the AP lost */
    void Deassociated(Mac48Address bssid);
    /**
     * An LTE RRC connection or handover completed (ConnectionEstablished,
     * HandoverEndOk).
     * \param imsi the UE
     * \param cellId the serving cell
     * \param rnti the UE's RNTI in it
     */
    void CellEntered(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    /**
     * The LTE PHY reported the serving cell's RSRP and SINR.
     * \param cellId the cell
     * \param rnti the UE's RNTI
     * \param rsrp RSRP, W
     * \param sinr SINR, linear
     * \param cc component carrier
     */
    void LteReport(uint16_t cellId, uint16_t rnti, double rsrp, double sinr, uint8_t cc);

    bool m_associated{false}; //!< associated to an AP
    Mac48Address m_bssid;     //!< serving AP
    double m_rssiSum{0};      //!< RSSI of the frames since the last Read, summed
    double m_snrSum{0};       //!< SNR of the frames since the last Read, summed
    uint32_t m_heard{0};      //!< frames since the last Read
    uint64_t m_heardTotal{0}; //!< frames heard
    uint16_t m_cellId{0};     //!< serving LTE cell

    Time m_window;              //!< how long before each announced Read it listens (0: always)
    bool m_listening{true};     //!< Wi-Fi per-frame sources connected
    bool m_windowed{false};     //!< a read was announced with a Window: listens in windows
    uint32_t m_frameLimit{4};   //!< frames that close a window early (0: none)
    uint32_t m_windowFrames{0}; //!< Wi-Fi frames of the serving AP in this window
    Time m_nextRead;            //!< the read announced last
    /// WifiPhy's MonitorSnifferRx, found at the first connection
    Ptr<const TraceSourceAccessor> m_sniffer;
    EventId m_listenEvent;    //!< starts listening before the next Read
    uint64_t m_emptyReads{0}; //!< Reads that found nothing heard

    std::vector<Ptr<WifiNetDevice>> m_wifiDevices;         //!< Wi-Fi stations followed
    std::vector<Ptr<LteUeNetDevice>> m_lteDevices;         //!< LTE UEs followed
    TracedCallback<bool, Mac48Address> m_associationTrace; //!< association changes
    TracedCallback<uint16_t> m_cellTrace;                  //!< LTE serving cell changes
};

} // namespace ns3

#endif /* DT_RADIO_PROBE_H */
