/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ADDRESS_BOOK_H
#define DT_ADDRESS_BOOK_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/object.h"
#include "ns3/vector.h"

#include <map>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The layer a DT belongs to.
 */
enum class DtLayer : uint8_t
{
    LOCAL = 0, //!< a terminal's local DT
    EDGE = 1,  //!< an edge server's edge DT
    CLOUD = 2, //!< the cloud DT
};

/**
 * \ingroup multilayer-dt
 * \param layer a layer
 * \return its lower-case name, e.g. "edge"
 */
const char* DtLayerName(DtLayer layer);

/**
 * \ingroup multilayer-dt
 * Where every DT of a scenario can be reached: DT id -> IPv4 address and
 * layer. Shared by the DTs of one scenario; filled by the helper (or by hand
 * in a custom topology) before the applications start.
 */
class DtAddressBook : public Object
{
  public:
    /// One DT's entry.
    struct Entry
    {
        Ipv4Address address; //!< where its node receives DT traffic
        DtLayer layer;       //!< its layer
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Add or replace a DT.
     * \param dtId the DT id (not DtHeader::BROADCAST_ID)
     * \param address its IPv4 address
     * \param layer its layer
     */
    void Add(uint32_t dtId, Ipv4Address address, DtLayer layer);

    /**
     * \param dtId a DT id
     * \return true if the DT is known
     */
    bool Has(uint32_t dtId) const;

    /**
     * \param dtId a known DT id (aborts with a clear message otherwise)
     * \return its entry
     */
    const Entry& Get(uint32_t dtId) const;

    /** \return all entries by DT id */
    const std::map<uint32_t, Entry>& GetAll() const
    {
        return m_entries;
    }

    /**
     * Record which edge DT serves a radio cell (the network plan: an LTE cell
     * id, or a Wi-Fi AP's cell number).
     * \param cell the cell
     * \param edgeDtId the edge DT serving it
     */
    void AddCell(uint32_t cell, uint32_t edgeDtId);
    /**
     * \param cell a cell
     * \param edgeDtId set to the edge DT serving it, if known
     * \return true if the cell is known
     */
    bool GetEdgeOfCell(uint32_t cell, uint32_t& edgeDtId) const;
    /**
     * Record where a cell's antenna stands (for mobility prediction).
     * \param cell the cell (AddCell)
     * \param site its antenna position
     */
    void SetCellSite(uint32_t cell, const Vector& site);
    /**
     * The cell whose antenna is nearest to a position: with equal powers and
     * path loss, the cell the radio would pick there.
     * \param position a position
     * \param cell set to the nearest cell, if any cell has a site
     * \return true if some cell has a site
     */
    bool GetNearestCell(const Vector& position, uint32_t& cell) const;
    /**
     * Record the cell of a Wi-Fi access point.
     * \param bssid the AP's BSSID
     * \param cell its cell number
     */
    void AddAccessPoint(Mac48Address bssid, uint32_t cell);
    /**
     * \param bssid a BSSID
     * \param cell set to the AP's cell, if known
     * \return true if the AP is known
     */
    bool GetCellOfAccessPoint(Mac48Address bssid, uint32_t& cell) const;

  private:
    std::map<uint32_t, Entry> m_entries;       //!< the book
    std::map<uint32_t, uint32_t> m_cellEdge;   //!< cell -> edge DT
    std::map<Mac48Address, uint32_t> m_apCell; //!< BSSID -> cell
    std::map<uint32_t, Vector> m_cellSite;     //!< cell -> antenna position
};

} // namespace ns3

#endif /* DT_ADDRESS_BOOK_H */
