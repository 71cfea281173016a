/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-scenario-placement.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/position-allocator.h"
#include "ns3/string.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

void
DtScenarioPlacement::Place(const Parameters& p,
                           NodeContainer cloud,
                           NodeContainer edges,
                           NodeContainer terminals,
                           const std::vector<uint32_t>& edgeOf)
{
    // Positions: access points on a line, terminals on a disc around theirs.
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> apPos = CreateObject<ListPositionAllocator>();
    NS_ABORT_MSG_IF(!p.sites.empty() && p.sites.size() != edges.GetN(),
                    p.sites.size() << " edge positions for " << edges.GetN() << " edges");
    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        apPos->Add(p.sites.empty() ? Vector(e * p.edgeSpacing, 0, 0) : p.sites[e]);
    }
    fixed.SetPositionAllocator(apPos);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(edges);
    fixed.Install(cloud);

    for (uint32_t e = 0; e < edges.GetN(); ++e)
    {
        NodeContainer stas;
        for (uint32_t i = 0; i < terminals.GetN(); ++i)
        {
            if (edgeOf[i] == e)
            {
                stas.Add(terminals.Get(i));
            }
        }
        Ptr<UniformDiscPositionAllocator> around = CreateObject<UniformDiscPositionAllocator>();
        const Vector site = edges.Get(e)->GetObject<MobilityModel>()->GetPosition();
        around->SetX(site.x);
        around->SetY(site.y);
        around->SetRho(p.terminalRadius);
        around->AssignStreams(p.stream + e);
        ObjectFactory model = p.mobilityFactory;
        if (model.GetTypeId() == TypeId())
        {
            model.SetTypeId("ns3::ConstantPositionMobilityModel");
            if (p.gaussMarkov)
            {
                // Wi-Fi: a square around the terminal's AP (no roaming);
                // LTE: the whole row of cells (handover).
                const double r = std::max(p.terminalRadius, 1.0);
                const bool roams = p.roaming;
                double x0 = roams ? -r : site.x - r;
                double x1 = roams ? (edges.GetN() - 1) * p.edgeSpacing + r : site.x + r;
                double y0 = site.y - r;
                double y1 = site.y + r;
                if (p.bounds.xMax > p.bounds.xMin && p.bounds.yMax > p.bounds.yMin)
                {
                    x0 = p.bounds.xMin;
                    x1 = p.bounds.xMax;
                    y0 = p.bounds.yMin;
                    y1 = p.bounds.yMax;
                }
                std::ostringstream speed;
                speed << "ns3::ConstantRandomVariable[Constant=" << p.meanSpeed << "]";
                model.SetTypeId("ns3::GaussMarkovMobilityModel");
                model.Set("Bounds", BoxValue(Box(x0, x1, y0, y1, 0, 0)));
                model.Set("TimeStep", TimeValue(p.gaussMarkovTimeStep));
                model.Set("Alpha", DoubleValue(p.gaussMarkovAlpha));
                model.Set("MeanVelocity", StringValue(speed.str()));
                model.Set("MeanPitch", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
                model.Set("NormalPitch",
                          StringValue("ns3::NormalRandomVariable[Mean=0|Variance=0]"));
            }
        }
        for (uint32_t k = 0; k < stas.GetN(); ++k)
        {
            Ptr<MobilityModel> mm = model.Create<MobilityModel>();
            NS_ABORT_MSG_IF(!mm,
                            "terminal mobility: " << model.GetTypeId().GetName()
                                                  << " is not an ns3::MobilityModel");
            stas.Get(k)->AggregateObject(mm);
            mm->SetPosition(around->GetNext());
        }
    }
}

} // namespace ns3
