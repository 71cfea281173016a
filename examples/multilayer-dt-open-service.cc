/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// multilayer-dt-open-service: the cloud DT's open service interface.
//
// An external "traffic forecast" service is registered at the cloud DT for
// the analytics demand class. For each demand it decides the work from the
// cloud's global state: 5 GFLOP plus 2 GFLOP per terminal the cloud knows of
// (from the edges' region summaries), and a result of 64 bytes per terminal.
//
//   ./mldt run open-service -- --terminals=6

#include "ns3/core-module.h"
#include "ns3/multilayer-dt-module.h"
#include "ns3/network-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    uint32_t terminals = 6;
    double simTime = 5;
    CommandLine cmd(__FILE__);
    cmd.Usage("Registers services at the cloud DT's open interface and shows them invoked.");
    cmd.AddValue("terminals", "Number of terminals (1..1000)", terminals);
    cmd.AddValue("simTime", "Seconds of demand generation (> 0)", simTime);
    // Attribute values are checked first: CommandLine would only say "invalid".
    if (const std::string bad = DtCheckAttributeArguments(argc, argv); !bad.empty())
    {
        std::cerr << "error: " << bad << std::endl;
        return 2;
    }
    cmd.Parse(argc, argv);
    if (terminals < 1 || terminals > 1000)
    {
        std::cerr << "error: --terminals=" << terminals << " is not in 1..1000" << std::endl;
        return 2;
    }
    if (!(simTime > 0))
    {
        std::cerr << "error: --simTime=" << simTime << " must be positive" << std::endl;
        return 2;
    }

    Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper>();
    dt->SetAttribute("Terminals", UintegerValue(terminals));
    dt->SetAttribute("SimTime", TimeValue(Seconds(simTime)));
    dt->Build();
    ApplicationContainer apps = dt->Install();
    Ptr<CloudDtApplication> cloud = DynamicCast<CloudDtApplication>(apps.Get(0));
    Ptr<CloudDtDataModule> global = cloud->GetDataModule();

    // Class 2 (analytics): a forecast sized by the global state.
    cloud->GetServiceModule()->RegisterService(
        2,
        "traffic-forecast",
        CloudDtServiceModule::ServiceCallback(
            [global](const DtDemandRequestHeader& req)
            {
                const uint32_t known = global->GetTerminalCount();
                DtServiceResult r;
                r.workloadGflop = 5.0 + 2.0 * known;
                r.outputBytes = 64 * std::max<uint32_t>(known, 1);
                std::cout << Simulator::Now().As(Time::S) << " traffic-forecast for terminal "
                          << req.GetOrigin() << " demand " << req.GetDemandId() << ": " << known
                          << " terminals known, " << r.workloadGflop << " GFLOP, " << r.outputBytes
                          << " B result" << std::endl;
                return r;
            }));

    Simulator::Stop(dt->GetStopTime());
    Simulator::Run();
    Ptr<DtStatsCollector> st = dt->GetStats();
    const uint64_t calls = cloud->GetServiceModule()->GetInvocations("traffic-forecast");
    std::cout << "traffic-forecast invoked " << calls << " times; demands created "
              << st->GetCreated() << ", completed in deadline "
              << st->GetCount(DtDemandState::COMPLETED_IN_DEADLINE) << ", late "
              << st->GetCount(DtDemandState::COMPLETED_LATE) << ", failed "
              << st->GetCount(DtDemandState::FAILED) << std::endl;
    Simulator::Destroy();
    return 0;
}
