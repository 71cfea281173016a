/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_TRAFFIC_REPLAY_HELPER_H
#define DT_TRAFFIC_REPLAY_HELPER_H

#include "ns3/application-container.h"
#include "ns3/dt-header.h"
#include "ns3/ipv4-address.h"
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
    /// Largest UDP send of a record: the largest IPv4 UDP payload.
    static constexpr uint32_t MAX_UDP_BYTES = 65507;
    /// Largest TCP send of a record: a DT message of the largest payload.
    static constexpr uint32_t MAX_TCP_BYTES = DtHeader::SIZE + DtHeader::MAX_PAYLOAD_LENGTH;

    /// One line of a traffic record: a message handed to a socket.
    struct Entry
    {
        uint32_t node{0};    //!< id of the sending node
        int64_t timeNs{0};   //!< send time in ns (>= 0)
        Ipv4Address address; //!< destination
        uint32_t bytes{0};   //!< size, 1..MAX_UDP_BYTES over UDP, 1..MAX_TCP_BYTES over TCP
        bool tcp{false};     //!< true over TCP, false over UDP

        /**
         * \param other another entry
         * \return true if every field is the same
         */
        bool operator==(const Entry& other) const;
    };

    DtTrafficReplayHelper();

    /**
     * Parse one line of a traffic record, without aborting.
     *
     * A line is five fields separated by spaces or tabs (surrounding blanks
     * and a final carriage return are ignored): the node id (u32), the send
     * time in ns (0..INT64_MAX), a dotted-quad IPv4 address (four decimal
     * numbers 0..255 without leading zeros), the size in bytes (at least 1,
     * at most MAX_UDP_BYTES over UDP and MAX_TCP_BYTES over TCP) and 1 for
     * TCP or 0 for UDP. Numbers are plain decimal digits: no sign, no
     * trailing characters.
     *
     * \param line the line, without its newline
     * \param out the entry, set only on success
     * \param error why the line was rejected, set only on failure
     * \return true if the line is valid
     */
    static bool ParseLine(const std::string& line, Entry& out, std::string& error);

    /**
     * \param entry a valid entry
     * \return its line in a traffic record, without the newline (ParseLine reads it back)
     */
    static std::string FormatLine(const Entry& entry);

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
