/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ENERGY_COMPAT_H
#define DT_ENERGY_COMPAT_H

/**
 * \file
 * \ingroup multilayer-dt
 * ns-3's energy classes under the names of current releases.
 *
 * ns-3.42 moved the energy framework's classes into namespace ns3::energy
 * (ns3::energy::EnergySource, ns3::energy::DeviceEnergyModel, ...). The
 * module spells them that way everywhere; on older releases this header
 * makes the same names refer to the classes in namespace ns3. The helpers
 * (BasicEnergySourceHelper, ...) stayed in namespace ns3 in every release.
 */

#include "dt-ns3-version.h"

#include "ns3/basic-energy-source.h"
#include "ns3/device-energy-model-container.h"
#include "ns3/device-energy-model.h"
#include "ns3/energy-source-container.h"
#include "ns3/energy-source.h"

#if !MLDT_NS3_AT_LEAST(3, 42)
namespace ns3
{
namespace energy
{
using ns3::BasicEnergySource;
using ns3::DeviceEnergyModel;
using ns3::DeviceEnergyModelContainer;
using ns3::EnergySource;
using ns3::EnergySourceContainer;
} // namespace energy
} // namespace ns3
#endif

#endif /* DT_ENERGY_COMPAT_H */
