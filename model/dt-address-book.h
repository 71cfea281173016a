/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ADDRESS_BOOK_H
#define DT_ADDRESS_BOOK_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

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

  private:
    std::map<uint32_t, Entry> m_entries; //!< the book
};

} // namespace ns3

#endif /* DT_ADDRESS_BOOK_H */
