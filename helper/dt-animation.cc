/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-animation.h"

#include "ns3/animation-interface.h"
#include "ns3/boolean.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/dt-migration-policy.h"
#include "ns3/edge-dt-application.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtAnimation");

NS_OBJECT_ENSURE_REGISTERED(DtAnimation);

namespace
{

/// An RGB colour.
struct Colour
{
    uint8_t r; //!< red
    uint8_t g; //!< green
    uint8_t b; //!< blue
};

constexpr Colour CLOUD_COLOUR{230, 120, 20};    //!< the cloud DT
constexpr Colour EDGE_COLOUR{40, 160, 60};      //!< edge DTs
constexpr Colour TERMINAL_COLOUR{30, 100, 220}; //!< terminals
constexpr Colour MIGRATING_COLOUR{235, 200, 0}; //!< a terminal whose twin migrates
constexpr Colour NETWORK_COLOUR{150, 150, 150}; //!< nodes without a DT

} // namespace

TypeId
DtAnimation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtAnimation")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtAnimation>()
            .AddAttribute("MobilityPollInterval",
                          "How often the animation reads the nodes' positions.",
                          TimeValue(MilliSeconds(250)),
                          MakeTimeAccessor(&DtAnimation::m_pollInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("Packets",
                          "Animate every packet too (large files: every Wi-Fi, LTE and "
                          "point-to-point transmission becomes an XML element).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DtAnimation::m_packets),
                          MakeBooleanChecker());
    return tid;
}

DtAnimation::DtAnimation()
{
    NS_LOG_FUNCTION(this);
}

DtAnimation::~DtAnimation() = default;

void
DtAnimation::DoDispose()
{
    // ns-3's AnimationInterface stays connected to every node's traces and
    // its position polling stays scheduled: it may only go once the
    // simulation has stopped.
    NS_ABORT_MSG_IF(m_anim && !Simulator::IsFinished(),
                    "DtAnimation disposed while the simulation runs: dispose it after "
                    "Simulator::Run");
    m_anim.reset(); // closes the file
    m_terminals.clear();
    Object::DoDispose();
}

void
DtAnimation::Install(const std::string& file)
{
    NS_LOG_FUNCTION(this << file);
    NS_ABORT_MSG_IF(m_anim, "DtAnimation::Install: already writing an animation");
    // Nodes without a mobility model get a fixed place in a row above the
    // others (AnimationInterface would draw them at random places).
    double xMin = std::numeric_limits<double>::max();
    double xMax = std::numeric_limits<double>::lowest();
    double yMin = std::numeric_limits<double>::max();
    std::vector<Ptr<Node>> fixed;
    for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
    {
        if (Ptr<MobilityModel> m = (*it)->GetObject<MobilityModel>())
        {
            xMin = std::min(xMin, m->GetPosition().x);
            xMax = std::max(xMax, m->GetPosition().x);
            yMin = std::min(yMin, m->GetPosition().y);
        }
        else
        {
            // A terminal's DT reads its position: placing it would change what it sends.
            for (uint32_t a = 0; a < (*it)->GetNApplications(); ++a)
            {
                NS_ABORT_MSG_IF(DynamicCast<LocalDtApplication>((*it)->GetApplication(a)),
                                "DtAnimation: node " << (*it)->GetId()
                                                     << " runs a terminal DT but has no mobility "
                                                        "model; give it one before Install");
            }
            fixed.push_back(*it);
        }
    }
    if (xMin > xMax)
    {
        xMin = xMax = yMin = 0;
    }
    const double width = std::max(xMax - xMin, 100.0);
    for (std::size_t i = 0; i < fixed.size(); ++i)
    {
        const double x = xMin + width * (static_cast<double>(i) + 0.5) / fixed.size();
        AnimationInterface::SetConstantPosition(fixed[i], x, yMin - 0.3 * width);
    }

    m_anim = std::make_unique<AnimationInterface>(file);
    m_anim->SetMobilityPollInterval(m_pollInterval);
    m_anim->EnablePacketMetadata(false);
    if (!m_packets)
    {
        m_anim->SkipPacketTracing();
    }
    for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
    {
        Ptr<Node> node = *it;
        m_anim->UpdateNodeColor(node, NETWORK_COLOUR.r, NETWORK_COLOUR.g, NETWORK_COLOUR.b);
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            Ptr<Application> app = node->GetApplication(a);
            if (auto cloud = DynamicCast<CloudDtApplication>(app))
            {
                Describe(node, "cloud DT " + std::to_string(cloud->GetDtId()));
                m_anim->UpdateNodeColor(node, CLOUD_COLOUR.r, CLOUD_COLOUR.g, CLOUD_COLOUR.b);
                m_anim->UpdateNodeSize(node->GetId(), 12, 12);
            }
            else if (auto edge = DynamicCast<EdgeDtApplication>(app))
            {
                Describe(node, "edge DT " + std::to_string(edge->GetDtId()));
                m_anim->UpdateNodeColor(node, EDGE_COLOUR.r, EDGE_COLOUR.g, EDGE_COLOUR.b);
                m_anim->UpdateNodeSize(node->GetId(), 8, 8);
                edge->TraceConnectWithoutContext(
                    "MigrationStarted",
                    Callback<void, uint64_t, uint32_t, uint32_t, uint32_t, DtMigrationTrigger>(
                        [this](uint64_t,
                               uint32_t terminal,
                               uint32_t from,
                               uint32_t to,
                               DtMigrationTrigger trigger)
                        {
                            auto t = m_terminals.find(terminal);
                            if (t != m_terminals.end())
                            {
                                t->second.migration =
                                    std::string(trigger == DtMigrationTrigger::PROACTIVE
                                                    ? "twin pre-copied "
                                                    : "twin migrating ")
                                    + std::to_string(from) + " -> " + std::to_string(to);
                                t->second.migrating = true;
                                ShowTerminal(terminal);
                            }
                        }));
                auto ended = [this](std::string what)
                {
                    return Callback<void, uint64_t, uint32_t, uint32_t, Time>(
                        [this, what](uint64_t, uint32_t terminal, uint32_t, Time)
                        {
                            auto t = m_terminals.find(terminal);
                            if (t != m_terminals.end())
                            {
                                t->second.migration = what;
                                t->second.migrating = false;
                                ShowTerminal(terminal);
                            }
                        });
                };
                const std::string here = std::to_string(edge->GetDtId());
                edge->TraceConnectWithoutContext("MigrationCompleted", ended("twin at " + here));
                edge->TraceConnectWithoutContext("MigrationFailed",
                                                 ended("migration to " + here + " failed"));
                edge->TraceConnectWithoutContext("PreCopyDiscarded", ended(""));
            }
            else if (auto local = DynamicCast<LocalDtApplication>(app))
            {
                const uint32_t id = local->GetDtId();
                m_terminals[id] = Terminal{node, local->GetEdgeDtId(), "", false};
                local->TraceConnectWithoutContext(
                    "HandoverDetected",
                    Callback<void, uint32_t, uint32_t, uint32_t, uint32_t>(
                        [this, id](uint32_t, uint32_t, uint32_t, uint32_t toEdge)
                        {
                            m_terminals[id].edge = toEdge;
                            ShowTerminal(id);
                        }));
                ShowTerminal(id);
            }
        }
    }
}

void
DtAnimation::ShowTerminal(uint32_t dtId)
{
    if (!m_anim)
    {
        return;
    }
    const Terminal& t = m_terminals.at(dtId);
    std::string text = "terminal DT " + std::to_string(dtId);
    if (t.edge != 0)
    {
        text += ", serving edge " + std::to_string(t.edge);
    }
    if (!t.migration.empty())
    {
        text += ", " + t.migration;
    }
    Describe(t.node, text);
    const Colour& c = t.migrating ? MIGRATING_COLOUR : TERMINAL_COLOUR;
    m_anim->UpdateNodeColor(t.node, c.r, c.g, c.b);
}

void
DtAnimation::Describe(Ptr<Node> node, const std::string& text)
{
    m_descriptions[node->GetId()] = text;
    if (m_anim)
    {
        m_anim->UpdateNodeDescription(node, text);
    }
}

std::string
DtAnimation::GetDescription(Ptr<Node> node) const
{
    auto it = m_descriptions.find(node->GetId());
    return it == m_descriptions.end() ? std::string() : it->second;
}

} // namespace ns3
