/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FAULT_HELPER_H
#define DT_FAULT_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <map>
#include <vector>

namespace ns3
{

class DtFaultErrorModel;
class DtMalformedInjector;
class DtStatsCollector;
class DtSystemHelper;
class NetDevice;
class Node;
class Socket;

/**
 * \ingroup multilayer-dt
 * Faults on any network: packet loss on devices, node failures and
 * recoveries, and malformed DT datagrams.
 *
 * - Loss (Install): a DtFaultErrorModel on each device, LossRate per packet;
 *   a Wi-Fi device after reception for data frames only (ns-3.37's block-ack
 *   code does not survive lost management frames), any device with a
 *   ReceiveErrorModel attribute (point-to-point, CSMA, ...) as that. Other
 *   devices (the LTE radio, with its own channel and HARQ) are left as they
 *   are.
 * - Failure (ScheduleFailure): first every device of the node and the far
 *   ends of its point-to-point links drop everything they receive (with a
 *   fault model from Install; a shared medium such as CSMA keeps working for
 *   the other nodes) and its Wi-Fi access points switch off, then its DTs crash
 *   (DtApplication::Fail, state lost); Recover brings the devices back and
 *   restarts the DTs with empty state.
 * - The injector (InstallMalformedInjector) sends malformed datagrams to
 *   every DT in turn.
 *
 * The events it schedules hold it, so it may go out of scope once set up.
 */
class DtFaultHelper : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtFaultHelper();
    ~DtFaultHelper() override;

    /**
     * Count the fault models' drops in these statistics (summary.json's faults).
     * \param stats the statistics
     */
    void SetStats(Ptr<DtStatsCollector> stats);

    /**
     * Give devices a fault model each.
     * \param devices the devices
     * \param stream first random stream, one per device
     * \return streams used
     */
    int64_t Install(NetDeviceContainer devices, int64_t stream);

    /**
     * Fail a node at a time and bring it back later.
     * \param node the node
     * \param at when it fails
     * \param recoverAt when it comes back (0: never; else after at)
     */
    void ScheduleFailure(Ptr<Node> node, Time at, Time recoverAt = Seconds(0));
    /**
     * Fail a node now.
     * \param node the node
     */
    void Fail(Ptr<Node> node);
    /**
     * Bring a failed node back now, its DTs with empty state.
     * \param node the node
     */
    void Recover(Ptr<Node> node);

    /**
     * Install the malformed-datagram injector on a node, sending to every DT
     * the installer knows, from the local DTs' start to the DTs' stop.
     * \param node where it runs
     * \param dt the installer (after every Install*)
     * \param interval seconds between datagrams (> 0)
     * \param port destination port (0: the DTs' own port; another gets a
     *        discarding socket on every DT node, the control run)
     * \return the injector
     */
    Ptr<DtMalformedInjector> InstallMalformedInjector(Ptr<Node> node,
                                                      const DtSystemHelper& dt,
                                                      Time interval,
                                                      uint16_t port);

    /**
     * \param device a device
     * \return its fault model, or null
     */
    Ptr<DtFaultErrorModel> GetErrorModel(Ptr<NetDevice> device) const;

  protected:
    void DoDispose() override;

  private:
    /**
     * Switch the devices of a node and the far ends of its links down or up.
     * \param node the node
     * \param down true: down
     */
    void SetDown(Ptr<Node> node, bool down);

    double m_lossRate;                                         //!< loss probability
    Ptr<DtStatsCollector> m_stats;                             //!< statistics (if any)
    std::map<Ptr<NetDevice>, Ptr<DtFaultErrorModel>> m_models; //!< per device
    std::vector<Ptr<Socket>> m_discard; //!< injector control: sockets that discard
};

} // namespace ns3

#endif /* DT_FAULT_HELPER_H */
