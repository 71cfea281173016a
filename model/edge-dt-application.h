/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DT_APPLICATION_H
#define EDGE_DT_APPLICATION_H

#include "dt-application.h"
#include "edge-dt-data-module.h"
#include "edge-dt-service-module.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The edge DT of an edge server: data module (agent pool, region summaries),
 * service module (edge compute, escalation, relaying) and communication
 * module. It answers an AGENT_JOIN with a LOAD_REPORT, reports its load to
 * its agents every LoadReportInterval and summarizes its region to the cloud
 * DT every SummaryInterval. In the centralized architecture it stays idle:
 * the edge node only forwards packets.
 */
class EdgeDtApplication : public DtModularApplication<EdgeDtDataModule, EdgeDtServiceModule>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeDtApplication();
    ~EdgeDtApplication() override;

    DtLayer GetLayer() const override;

  protected:
    void DoDispose() override;
    void DoStartDt() override;
    void DoStopDt() override;
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
    /** Report the load to every agent, and schedule the next round. */
    void ReportLoad();
    /**
     * Send a load report to one terminal.
     * \param terminal its DT id
     */
    void SendLoadReport(uint32_t terminal);
    /** Send a region summary to the cloud DT, and schedule the next. */
    void Summarize();

    uint32_t m_cloudDtId;      //!< cloud DT
    Time m_loadReportInterval; //!< load report period
    Time m_summaryInterval;    //!< region summary period
    EventId m_loadEvent;       //!< next load report round
    EventId m_summaryEvent;    //!< next summary
};

} // namespace ns3

#endif /* EDGE_DT_APPLICATION_H */
