/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DEFAULT_WORKLOAD_H
#define DT_DEFAULT_WORKLOAD_H

#include "ns3/object-factory.h"
#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

class DtAppUsageModel;

/**
 * \ingroup multilayer-dt
 * The workload of the built-in scenarios, for networks of your own too:
 * three demand classes after the multi-layer DT paper's demand levels
 * (light control demands with tight deadlines, regional demands for the
 * edge, heavy analytics) and a three-state app-usage chain that scales their
 * rates. The paper states no sizes and no usage model: the values are this
 * module's (doc/, Demand classes and Behavioral data).
 */
class DtDefaultWorkload
{
  public:
    /** \return the three classes: control, regional, analytics */
    static std::vector<ObjectFactory> GetDemandClasses();
    /** \return a new app-usage chain (monitoring, coordination, analysis) */
    static Ptr<DtAppUsageModel> CreateAppUsage();
};

} // namespace ns3

#endif /* DT_DEFAULT_WORKLOAD_H */
