/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-payload.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtPayload);

TypeId
DtPayload::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtPayload").SetParent<Header>().SetGroupName("MultilayerDt");
    return tid;
}

uint32_t
DtPayload::GetBulkSize() const
{
    return 0;
}

bool
DtPayload::IsOrdered() const
{
    return false;
}

} // namespace ns3
