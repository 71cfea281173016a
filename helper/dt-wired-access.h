/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_WIRED_ACCESS_H
#define DT_WIRED_ACCESS_H

#include "dt-access-network.h"

#include "ns3/data-rate.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * No radio: a point-to-point link per terminal to its edge (edge E's
 * terminals share 10.(E+1).0.0/16, a /30 each), for studies of the DT logic
 * alone. Static routes: terminals through their edge, edges through the
 * cloud.
 */
class DtWiredAccess : public DtAccessNetwork
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtWiredAccess();
    /** \param rate every link's data rate */
    explicit DtWiredAccess(DataRate rate);
    ~DtWiredAccess() override;

    void Build(const DtAccessPlan& plan) override;
    void Route(const DtAccessPlan& plan, const DtFibreCore& core) override;
    void EnablePcap(const std::string& prefix) const override;

  private:
    DataRate m_rate{"50Mbps"}; //!< every link's data rate
};

} // namespace ns3

#endif /* DT_WIRED_ACCESS_H */
