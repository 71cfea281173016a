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

#include <map>
#include <sstream>

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
    *out << node << ' ' << Simulator::Now().GetNanoSeconds() << ' ' << to << ' ' << bytes << ' '
         << (overTcp ? 1 : 0) << '\n';
}

} // namespace

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
        std::istringstream is(line);
        uint32_t node = 0;
        int64_t ns = 0;
        std::string address;
        uint32_t bytes = 0;
        int tcp = 0;
        is >> node >> ns >> address >> bytes >> tcp;
        NS_ABORT_MSG_IF(is.fail() || ns < 0 || bytes == 0 || (tcp != 0 && tcp != 1),
                        filename << ":" << n << ": '" << line
                                 << "' is not 'node timeNs address bytes tcp(0|1)'");
        auto app = byNode.find(node);
        NS_ABORT_MSG_IF(app == byNode.end(),
                        filename << ":" << n << ": node " << node
                                 << " is not among the nodes to replay on");
        app->second->AddSend(NanoSeconds(ns), Ipv4Address(address.c_str()), bytes, tcp == 1);
    }
    NS_LOG_INFO("replaying " << n << " sends of '" << filename << "' on " << nodes.GetN()
                             << " nodes");
    return apps;
}

} // namespace ns3
