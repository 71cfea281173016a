/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-migration-policy.h"

#include "dt-sample-codec.h"

#include "ns3/log.h"
#include "ns3/object-factory.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtMigrationPolicy");

NS_OBJECT_ENSURE_REGISTERED(DtMigrationPolicy);
NS_OBJECT_ENSURE_REGISTERED(DtReactiveMigration);
NS_OBJECT_ENSURE_REGISTERED(DtNoMigration);
NS_OBJECT_ENSURE_REGISTERED(DtProactiveMigration);

const char*
DtMigrationModeName(DtMigrationMode policy)
{
    switch (policy)
    {
        case DT_MIGRATION_REACTIVE:
            return "reactive";
        case DT_MIGRATION_NONE:
            return "none";
        case DT_MIGRATION_PROACTIVE:
            return "proactive";
    }
    return "unknown";
}

bool
DtMigrationModeMoves(DtMigrationMode policy)
{
    return policy == DT_MIGRATION_REACTIVE || policy == DT_MIGRATION_PROACTIVE;
}

TypeId
DtMigrationPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtMigrationPolicy").SetParent<Object>().SetGroupName("MultilayerDt");
    return tid;
}

Time
DtMigrationPolicy::GetPredictionInterval() const
{
    return Seconds(0);
}

bool
DtMigrationPolicy::ChoosePreCopyTarget(const DtDigitalAgent& /* agent */,
                                       const DtAddressBook& /* book */,
                                       uint32_t /* self */,
                                       uint32_t& /* target */) const
{
    return false;
}

TypeId
DtReactiveMigration::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtReactiveMigration")
                            .SetParent<DtMigrationPolicy>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtReactiveMigration>();
    return tid;
}

bool
DtReactiveMigration::MovesOnHandover(uint32_t, uint32_t, uint32_t) const
{
    return true;
}

TypeId
DtNoMigration::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtNoMigration")
                            .SetParent<DtMigrationPolicy>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtNoMigration>();
    return tid;
}

bool
DtNoMigration::MovesOnHandover(uint32_t, uint32_t, uint32_t) const
{
    return false;
}

TypeId
DtProactiveMigration::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtProactiveMigration")
            .SetParent<DtReactiveMigration>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtProactiveMigration>()
            .AddAttribute("PredictionInterval",
                          "Period of the next-cell predictions.",
                          TimeValue(MilliSeconds(250)),
                          MakeTimeAccessor(&DtProactiveMigration::m_interval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("PredictionHorizon",
                          "How far ahead a terminal's position is extrapolated from its "
                          "twin's position and velocity.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&DtProactiveMigration::m_horizon),
                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

Time
DtProactiveMigration::GetPredictionInterval() const
{
    return m_interval;
}

bool
DtProactiveMigration::ChoosePreCopyTarget(const DtDigitalAgent& agent,
                                          const DtAddressBook& book,
                                          uint32_t self,
                                          uint32_t& target) const
{
    // The position stream carries the terminal's Kalman state: x, y, vx, vy.
    const std::vector<double>& p = agent.mirror[static_cast<uint8_t>(DtSource::POSITION) - 1];
    if (p.size() < 4)
    {
        return false;
    }
    const double horizon = m_horizon.GetSeconds();
    const Vector ahead(p[0] + p[2] * horizon, p[1] + p[3] * horizon, 0);
    uint32_t cell = 0;
    uint32_t edge = self;
    if (!book.GetNearestCell(ahead, cell) || !book.GetEdgeOfCell(cell, edge) || edge == self)
    {
        return false;
    }
    target = edge;
    return true;
}

Ptr<DtMigrationPolicy>
DtMigrationPolicyFor(DtMigrationMode mode, Time predictionInterval, Time predictionHorizon)
{
    switch (mode)
    {
        case DT_MIGRATION_NONE:
            return CreateObject<DtNoMigration>();
        case DT_MIGRATION_PROACTIVE:
            return CreateObjectWithAttributes<DtProactiveMigration>(
                "PredictionInterval",
                TimeValue(predictionInterval),
                "PredictionHorizon",
                TimeValue(predictionHorizon));
        case DT_MIGRATION_REACTIVE:
            break;
    }
    return CreateObject<DtReactiveMigration>();
}

} // namespace ns3
