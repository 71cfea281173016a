/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-default-workload.h"

#include "ns3/double.h"
#include "ns3/dt-app-usage-model.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

std::vector<ObjectFactory>
DtDefaultWorkload::GetDemandClasses()
{
    // Three classes after the paper's demand levels (Section III.A): light
    // control demands with tight deadlines, regional demands for the edge, and
    // heavy analytics. The paper states no sizes; these are ours (see doc/).
    ObjectFactory control("ns3::DtDemandClass");
    control.Set("Name", StringValue("control"));
    control.Set("Weight", DoubleValue(0.5));
    control.Set("Priority", UintegerValue(6));
    control.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=0.02|Max=0.1]"));
    control.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=200|Max=2000]"));
    control.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=200]"));
    control.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=0.1]"));

    ObjectFactory regional("ns3::DtDemandClass");
    regional.Set("Name", StringValue("regional"));
    regional.Set("Weight", DoubleValue(0.35));
    regional.Set("Priority", UintegerValue(3));
    regional.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=0.5|Max=4]"));
    regional.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=10000|Max=100000]"));
    regional.Set("OutputBytes", StringValue("ns3::UniformRandomVariable[Min=1000|Max=10000]"));
    regional.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));

    ObjectFactory analytics("ns3::DtDemandClass");
    analytics.Set("Name", StringValue("analytics"));
    analytics.Set("Weight", DoubleValue(0.15));
    analytics.Set("Priority", UintegerValue(1));
    analytics.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=50|Max=200]"));
    analytics.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=200000|Max=1000000]"));
    analytics.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=20000]"));
    analytics.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=5.0]"));

    return {control, regional, analytics};
}

Ptr<DtAppUsageModel>
DtDefaultWorkload::CreateAppUsage()
{
    // What the terminal's user is doing; factors apply to the default classes
    // (control, regional, analytics).
    Ptr<DtAppUsageModel> m = CreateObject<DtAppUsageModel>();
    const uint32_t monitor = m->AddState("monitoring", Seconds(8), 1.0, {1.4, 0.6, 0.3});
    const uint32_t coord = m->AddState("coordination", Seconds(5), 1.2, {0.8, 1.6, 0.7});
    const uint32_t analysis = m->AddState("analysis", Seconds(3), 0.6, {0.6, 0.8, 3.0});
    m->SetTransition(monitor, coord, 0.7);
    m->SetTransition(monitor, analysis, 0.3);
    m->SetTransition(coord, monitor, 0.6);
    m->SetTransition(coord, analysis, 0.4);
    m->SetTransition(analysis, monitor, 0.7);
    m->SetTransition(analysis, coord, 0.3);
    return m;
}

} // namespace ns3
