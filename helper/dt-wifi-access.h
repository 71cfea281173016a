/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIFI_ACCESS_H
#define DT_WIFI_ACCESS_H

#include "dt-access-network.h"
#include "dt-fading.h"

#include "ns3/data-rate.h"

#include <string>
#include <vector>

namespace ns3
{

class YansWifiChannel;
class YansWifiPhyHelper;

/**
 * \ingroup multilayer-dt
 * What the built-in Wi-Fi access networks are built from.
 */
struct DtWifiParameters
{
    uint16_t channelWidth{80};        //!< MHz: 20, 40, 80 or 160
    double pathLossExponent{3};       //!< log-distance path loss exponent
    DtFading fading;                  //!< fast fading on the path loss
    double txPower{16.0206};          //!< dBm, every device
    DataRate uplinkRate{"50Mbps"};    //!< station data rate to reach (one BSS per edge)
    DataRate downlinkRate{"200Mbps"}; //!< access point data rate to reach (one BSS per edge)
    int64_t stream{0};                //!< first random stream
};

/**
 * \ingroup multilayer-dt
 * Wi-Fi with one 802.11ac BSS per edge server: the edge is the access point
 * (SSID mldt-edge-E, subnet 10.(E+1).0.0/16, one channel object per BSS, so
 * that cells do not interfere), its terminals the stations. Station and
 * access point send at the slowest VHT MCS (1 stream) whose PHY rate
 * reaches the uplink and downlink rates. Routing: ns-3's global routing.
 */
class DtWifiAccess : public DtAccessNetwork
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtWifiAccess();
    /** \param parameters what the network is built from */
    explicit DtWifiAccess(const DtWifiParameters& parameters);
    ~DtWifiAccess() override;

    void Build(const DtAccessPlan& plan) override;
    void Route(const DtAccessPlan& plan, const DtFibreCore& core) override;
    Ipv4Address GetEdgeAddress(uint32_t edge) const override;
    Ptr<NetDevice> GetAccessPoint(uint32_t edge) const override;
    void EnablePcap(const std::string& prefix) const override;

    /** \return the VHT mode the stations send with */
    std::string GetUplinkMode() const;
    DataRate GetUplinkCapacity() const override;
    /** \return the VHT mode the access points send with */
    std::string GetDownlinkMode() const;

    /**
     * \param exponent log-distance path loss exponent
     * \param fading fast fading on top
     * \param channelWidth the BSS's channel width, MHz (its carrier sets the Doppler)
     * \param stream first random stream of the fading
     * \return a Wi-Fi channel with that path loss, at the speed of light
     */
    static Ptr<YansWifiChannel> CreateChannel(double exponent,
                                              const DtFading& fading,
                                              uint16_t channelWidth,
                                              int64_t stream);
    /**
     * \param channelWidth 20, 40, 80 or 160 MHz
     * \return the centre frequency (Hz) of the 5 GHz channel ns-3 picks for
     *         that width when the channel number is 0 (36, 38, 42 or 50)
     */
    static double ChannelFrequency(uint16_t channelWidth);
    /**
     * \param channel the channel
     * \param txPower transmit power, dBm
     * \return a PHY helper on that channel, radiotap PCAP
     */
    static YansWifiPhyHelper PhyOn(Ptr<YansWifiChannel> channel, double txPower);

  private:
    DtWifiParameters m_parameters;       //!< what it is built from
    std::string m_uplinkMode;            //!< stations' data mode
    std::string m_downlinkMode;          //!< access points' data mode
    std::vector<Ipv4Address> m_edgeAddr; //!< per edge, its AP address
    std::vector<Ptr<NetDevice>> m_ap;    //!< per edge, its AP
};

} // namespace ns3

#endif /* DT_WIFI_ACCESS_H */
