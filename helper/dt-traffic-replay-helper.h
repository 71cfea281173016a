/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TRAFFIC_REPLAY_HELPER_H
#define DT_TRAFFIC_REPLAY_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <fstream>
#include <memory>
#include <string>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Records the traffic of installed DTs and replays it on the same network
 * without them (DtTrafficReplayApplication), so that a run's cost can be
 * compared with the bare packet-level network carrying the same packets.
 *
 * The record is a text file, one line per message handed to a socket:
 * `node timeNs address bytes tcp` (node id, send time in ns, destination
 * IPv4 address, size, 1 over TCP / 0 over UDP). Replay it on a network built
 * the same way (same scenario, same RngRun): node ids and addresses are the
 * same.
 */
class DtTrafficReplayHelper
{
  public:
    DtTrafficReplayHelper();

    /**
     * Set an attribute of the DtTrafficReplayApplication instances.
     * \param name the attribute
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Record what the DTs among apps hand to their sockets, until the
     * simulation is destroyed. Aborts with a message if the file cannot be
     * written.
     * \param apps applications; those that are DTs are recorded
     * \param filename the record to write
     */
    void Record(const ApplicationContainer& apps, const std::string& filename);

    /**
     * Install a DtTrafficReplayApplication on every node, each sending what
     * its node sent in the record and listening on the DT port. Aborts with
     * a message naming the file and the line if the record is unreadable or
     * names a node not in nodes.
     * \param nodes the nodes (every node that ran a DT)
     * \param filename a record written by Record
     * \return the applications, one per node
     */
    ApplicationContainer Install(const NodeContainer& nodes, const std::string& filename) const;

  private:
    ObjectFactory m_factory;              //!< DtTrafficReplayApplication factory
    std::shared_ptr<std::ofstream> m_out; //!< the record being written
};

} // namespace ns3

#endif /* DT_TRAFFIC_REPLAY_HELPER_H */
