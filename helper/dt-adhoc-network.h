/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ADHOC_NETWORK_H
#define DT_ADHOC_NETWORK_H

#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object.h"

#include <string>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The terminals' own network for peer-to-peer offload: 802.11a ad hoc at
 * 24 Mb/s on one channel, subnet 192.168.0.0/16 (the local DTs' PeerBroadcast
 * is 192.168.255.255).
 */
class DtAdhocNetwork : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtAdhocNetwork();
    ~DtAdhocNetwork() override;

    /**
     * Give every terminal an ad hoc device and an address.
     * \param terminals the terminals
     * \param stream first random stream of the devices
     */
    void Build(NodeContainer terminals, int64_t stream);
    /** \return the ad hoc devices */
    NetDeviceContainer GetDevices() const;
    /**
     * Write PCAP traces of the ad hoc devices.
     * \param prefix file name prefix
     */
    void EnablePcap(const std::string& prefix) const;

  protected:
    void DoDispose() override;

  private:
    NetDeviceContainer m_devices; //!< the ad hoc devices
};

} // namespace ns3

#endif /* DT_ADHOC_NETWORK_H */
