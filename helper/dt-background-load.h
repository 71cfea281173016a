/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_BACKGROUND_LOAD_H
#define DT_BACKGROUND_LOAD_H

#include "ns3/application-container.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Background load of the built-in backhauls (the metro ring's hops, the
 * wide-area segment to the cloud): constant-rate UDP flows of 1500-byte IP
 * packets to the discard port, from the start of the simulation.
 */
class DtBackgroundLoad
{
  public:
    /**
     * Install the sinks of the load.
     * \param nodes the nodes that receive load
     * \return the sink applications
     */
    static ApplicationContainer InstallSinks(NodeContainer nodes);
    /**
     * Install one constant-rate flow whose IP packets make a fraction of a
     * link's rate.
     * \param from the sending node
     * \param to the receiver's address (on the loaded link)
     * \param linkRate the loaded link's rate
     * \param load the fraction of it, 0..1
     * \return the sender
     */
    static ApplicationContainer InstallFlow(Ptr<Node> from,
                                            Ipv4Address to,
                                            DataRate linkRate,
                                            double load);
    /**
     * \param linkRate a link's rate
     * \param load a fraction of it
     * \return the application-level rate of one flow (payload only)
     */
    static DataRate FlowRate(DataRate linkRate, double load);
};

} // namespace ns3

#endif /* DT_BACKGROUND_LOAD_H */
