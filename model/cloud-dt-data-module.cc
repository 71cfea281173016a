/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cloud-dt-data-module.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CloudDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(CloudDtDataModule);

TypeId
CloudDtDataModule::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CloudDtDataModule")
                            .SetParent<Object>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<CloudDtDataModule>();
    return tid;
}

void
CloudDtDataModule::ApplySummary(uint32_t edge, const DtRegionSummaryHeader& summary)
{
    m_regions[edge] = summary;
    ++m_summaries;
}

void
CloudDtDataModule::ApplyRawStatus(uint32_t terminal, const DtStatusUpdateHeader& update)
{
    m_twins[terminal] = update;
    m_rawSamples += update.GetSampleCount();
}

const std::map<uint32_t, DtRegionSummaryHeader>&
CloudDtDataModule::GetRegions() const
{
    return m_regions;
}

const std::map<uint32_t, DtStatusUpdateHeader>&
CloudDtDataModule::GetTwins() const
{
    return m_twins;
}

uint32_t
CloudDtDataModule::GetTerminalCount() const
{
    uint32_t n = static_cast<uint32_t>(m_twins.size());
    for (const auto& [edge, s] : m_regions)
    {
        n += s.GetAgentCount();
    }
    return n;
}

uint64_t
CloudDtDataModule::GetSummariesReceived() const
{
    return m_summaries;
}

uint64_t
CloudDtDataModule::GetRawSamplesReceived() const
{
    return m_rawSamples;
}

} // namespace ns3
