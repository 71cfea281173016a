/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-status-update-header.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtStatusUpdateHeader);

TypeId
DtStatusUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtStatusUpdateHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtStatusUpdateHeader>();
    return tid;
}

DtMessageType
DtStatusUpdateHeader::GetMessageType() const
{
    return DtMessageType::STATUS_UPDATE;
}

void
DtStatusUpdateHeader::SetCpuLoadPermille(uint16_t permille)
{
    NS_ABORT_MSG_IF(permille > PERMILLE_MAX, "CPU load " << permille << " permille exceeds 1000");
    m_cpuLoadPermille = permille;
}

void
DtStatusUpdateHeader::SetBatteryPermille(uint16_t permille)
{
    NS_ABORT_MSG_IF(permille > PERMILLE_MAX,
                    "battery level " << permille << " permille exceeds 1000");
    m_batteryPermille = permille;
}

void
DtStatusUpdateHeader::SetSamples(DtSampleEncoding encoding,
                                 uint16_t sampleCount,
                                 std::vector<uint8_t> samples)
{
    NS_ABORT_MSG_IF(samples.size() > DtPayload::MAX_BLOB,
                    "status sample block of " << samples.size() << " bytes exceeds "
                                              << DtPayload::MAX_BLOB);
    m_encoding = encoding;
    m_sampleCount = sampleCount;
    m_samples = std::move(samples);
}

} // namespace ns3
