/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-traffic-replay-helper.h"

#include "ns3/abort.h"
#include "ns3/dt-application.h"
#include "ns3/dt-comm-module.h"
#include "ns3/dt-traffic-replay-application.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <limits>
#include <map>
#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtTrafficReplayHelper");

namespace
{

/**
 * SocketTx sink: one line of the record.
 * \param out the record
 * \param node the sending node's id
 * \param to destination
 * \param bytes size
 * \param overTcp transport
 */
void
WriteSend(
    std::shared_ptr<std::ofstream> out, uint32_t node, Ipv4Address to, uint32_t bytes, bool overTcp)
{
    DtTrafficReplayHelper::Entry e;
    e.node = node;
    e.timeNs = Simulator::Now().GetNanoSeconds();
    e.address = to;
    e.bytes = bytes;
    e.tcp = overTcp;
    *out << DtTrafficReplayHelper::FormatLine(e) << '\n';
}

/**
 * \param c a character
 * \return true for the blanks that separate the fields of a record line
 */
bool
IsBlank(char c)
{
    return c == ' ' || c == '\t';
}

/**
 * Read an unsigned decimal number: digits only, no sign, no overflow.
 * \param s the text
 * \param max the largest value accepted
 * \param v the value, set on success
 * \return false if s is empty, holds anything but digits or exceeds max
 */
bool
ParseDecimal(const std::string& s, uint64_t max, uint64_t& v)
{
    if (s.empty())
    {
        return false;
    }
    uint64_t x = 0;
    for (char c : s)
    {
        if (c < '0' || c > '9')
        {
            return false;
        }
        const auto d = static_cast<uint64_t>(c - '0');
        if (d > max || x > (max - d) / 10)
        {
            return false;
        }
        x = x * 10 + d;
    }
    v = x;
    return true;
}

/**
 * Read a dotted-quad IPv4 address: four numbers 0..255 without leading
 * zeros (Ipv4Address's own parser accepts anything).
 * \param s the text
 * \param address the address, set on success
 * \return false if s is not a dotted quad
 */
bool
ParseDottedQuad(const std::string& s, Ipv4Address& address)
{
    uint32_t value = 0;
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i)
    {
        const std::size_t end = i < 3 ? s.find('.', start) : s.size();
        if (end == std::string::npos)
        {
            return false;
        }
        const std::string octet = s.substr(start, end - start);
        uint64_t v = 0;
        if (octet.size() > 3 || (octet.size() > 1 && octet[0] == '0')
            || !ParseDecimal(octet, 255, v))
        {
            return false;
        }
        value = (value << 8) | static_cast<uint32_t>(v);
        start = end + 1;
    }
    address = Ipv4Address(value);
    return true;
}

} // namespace

bool
DtTrafficReplayHelper::Entry::operator==(const Entry& other) const
{
    return node == other.node && timeNs == other.timeNs && address == other.address
           && bytes == other.bytes && tcp == other.tcp;
}

bool
DtTrafficReplayHelper::ParseLine(const std::string& line, Entry& out, std::string& error)
{
    std::size_t end = line.size();
    if (end > 0 && line[end - 1] == '\r')
    {
        --end; // a record copied through a CRLF system
    }
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (i < end)
    {
        if (IsBlank(line[i]))
        {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < end && !IsBlank(line[j]))
        {
            ++j;
        }
        if (fields.size() == 5)
        {
            error = "more than 5 fields";
            return false;
        }
        fields.push_back(line.substr(i, j - i));
        i = j;
    }
    if (fields.size() != 5)
    {
        error = std::to_string(fields.size()) + " fields instead of 5";
        return false;
    }
    Entry e;
    uint64_t v = 0;
    if (!ParseDecimal(fields[0], std::numeric_limits<uint32_t>::max(), v))
    {
        error = "node '" + fields[0] + "' is not a 32-bit unsigned number";
        return false;
    }
    e.node = static_cast<uint32_t>(v);
    if (!ParseDecimal(fields[1], std::numeric_limits<int64_t>::max(), v))
    {
        error = "time '" + fields[1] + "' is not a number of ns in 0.."
                + std::to_string(std::numeric_limits<int64_t>::max());
        return false;
    }
    e.timeNs = static_cast<int64_t>(v);
    if (!ParseDottedQuad(fields[2], e.address))
    {
        error = "address '" + fields[2] + "' is not a dotted-quad IPv4 address";
        return false;
    }
    if (fields[4] != "0" && fields[4] != "1")
    {
        error = "transport '" + fields[4] + "' is neither 0 (UDP) nor 1 (TCP)";
        return false;
    }
    e.tcp = fields[4] == "1";
    const uint32_t maxBytes = e.tcp ? MAX_TCP_BYTES : MAX_UDP_BYTES;
    if (!ParseDecimal(fields[3], maxBytes, v) || v == 0)
    {
        error = "size '" + fields[3] + "' is not in 1.." + std::to_string(maxBytes)
                + (e.tcp ? " (TCP)" : " (UDP)");
        return false;
    }
    e.bytes = static_cast<uint32_t>(v);
    out = e;
    return true;
}

std::string
DtTrafficReplayHelper::FormatLine(const Entry& entry)
{
    std::ostringstream os;
    os << entry.node << ' ' << entry.timeNs << ' ' << entry.address << ' ' << entry.bytes << ' '
       << (entry.tcp ? 1 : 0);
    return os.str();
}

DtTrafficReplayHelper::DtTrafficReplayHelper()
{
    m_factory.SetTypeId(DtTrafficReplayApplication::GetTypeId());
}

void
DtTrafficReplayHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
DtTrafficReplayHelper::Record(const ApplicationContainer& apps, const std::string& filename)
{
    m_out = std::make_shared<std::ofstream>(filename);
    NS_ABORT_MSG_IF(!*m_out, "cannot write the traffic record '" << filename << "'");
    for (auto it = apps.Begin(); it != apps.End(); ++it)
    {
        Ptr<DtApplication> dt = DynamicCast<DtApplication>(*it);
        if (!dt)
        {
            continue;
        }
        dt->GetCommModule()->TraceConnectWithoutContext(
            "SocketTx", MakeBoundCallback(&WriteSend, m_out, dt->GetNode()->GetId()));
    }
}

ApplicationContainer
DtTrafficReplayHelper::Install(const NodeContainer& nodes, const std::string& filename) const
{
    std::ifstream in(filename);
    NS_ABORT_MSG_IF(!in, "cannot read the traffic record '" << filename << "'");
    std::map<uint32_t, Ptr<DtTrafficReplayApplication>> byNode;
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<DtTrafficReplayApplication> app = m_factory.Create<DtTrafficReplayApplication>();
        (*it)->AddApplication(app);
        byNode[(*it)->GetId()] = app;
        apps.Add(app);
    }
    std::string line;
    uint64_t n = 0;
    while (std::getline(in, line))
    {
        ++n;
        Entry e;
        std::string error;
        NS_ABORT_MSG_IF(!ParseLine(line, e, error),
                        filename << ":" << n << ": " << error << " in '" << line
                                 << "' (expected 'node timeNs address bytes tcp(0|1)')");
        auto app = byNode.find(e.node);
        NS_ABORT_MSG_IF(app == byNode.end(),
                        filename << ":" << n << ": node " << e.node
                                 << " is not among the nodes to replay on");
        app->second->AddSend(NanoSeconds(e.timeNs), e.address, e.bytes, e.tcp);
    }
    NS_LOG_INFO("replaying " << n << " sends of '" << filename << "' on " << nodes.GetN()
                             << " nodes");
    return apps;
}

} // namespace ns3
