/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-address-book.h"

#include "dt-header.h"

#include "ns3/abort.h"

#include <limits>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtAddressBook);

const char*
DtLayerName(DtLayer layer)
{
    switch (layer)
    {
        case DtLayer::LOCAL:
            return "local";
        case DtLayer::EDGE:
            return "edge";
        case DtLayer::CLOUD:
            return "cloud";
    }
    return "invalid-layer";
}

TypeId
DtAddressBook::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAddressBook")
                            .SetParent<Object>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAddressBook>();
    return tid;
}

void
DtAddressBook::Add(uint32_t dtId, Ipv4Address address, DtLayer layer)
{
    NS_ABORT_MSG_IF(dtId == DtHeader::BROADCAST_ID,
                    "DT id " << dtId << " is reserved for broadcast");
    m_entries[dtId] = Entry{address, layer};
}

bool
DtAddressBook::Has(uint32_t dtId) const
{
    return m_entries.count(dtId) > 0;
}

const DtAddressBook::Entry&
DtAddressBook::Get(uint32_t dtId) const
{
    auto it = m_entries.find(dtId);
    NS_ABORT_MSG_IF(it == m_entries.end(), "DT id " << dtId << " is not in the address book");
    return it->second;
}

void
DtAddressBook::AddCell(uint32_t cell, uint32_t edgeDtId)
{
    m_cellEdge[cell] = edgeDtId;
}

bool
DtAddressBook::GetEdgeOfCell(uint32_t cell, uint32_t& edgeDtId) const
{
    auto it = m_cellEdge.find(cell);
    if (it == m_cellEdge.end())
    {
        return false;
    }
    edgeDtId = it->second;
    return true;
}

void
DtAddressBook::SetCellSite(uint32_t cell, const Vector& site)
{
    m_cellSite[cell] = site;
}

bool
DtAddressBook::GetNearestCell(const Vector& position, uint32_t& cell) const
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto& [c, site] : m_cellSite)
    {
        const double dx = site.x - position.x;
        const double dy = site.y - position.y;
        const double d2 = dx * dx + dy * dy;
        if (d2 < best)
        {
            best = d2;
            cell = c;
        }
    }
    return !m_cellSite.empty();
}

void
DtAddressBook::AddAccessPoint(Mac48Address bssid, uint32_t cell)
{
    m_apCell[bssid] = cell;
}

bool
DtAddressBook::GetCellOfAccessPoint(Mac48Address bssid, uint32_t& cell) const
{
    auto it = m_apCell.find(bssid);
    if (it == m_apCell.end())
    {
        return false;
    }
    cell = it->second;
    return true;
}

} // namespace ns3
