/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CLOUD_DT_APPLICATION_H
#define CLOUD_DT_APPLICATION_H

#include "cloud-dt-data-module.h"
#include "cloud-dt-service-module.h"
#include "dt-application.h"
#include "dt-sync-deadlines.h"
#include "dt-sync-header.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The cloud DT: data module (global state from region summaries, or every
 * twin in the centralized architecture), service module (cloud compute, open
 * service interface) and communication module. Its compute resource shares
 * itself across the DTs that send it demands (deficit round robin: the edges,
 * or the terminals when centralized). In the multi-layer architecture, every
 * ForecastInterval it forecasts each edge's demand work for the next window
 * (an AR model per edge, CloudDtDataModule::ForecastLoad) and gives each edge
 * a share of the compute in proportion to its forecast. Reports its load to the edge DTs every
 * LoadReportInterval (multi-layer).
 */
class CloudDtApplication : public DtModularApplication<CloudDtDataModule, CloudDtServiceModule>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CloudDtApplication();
    ~CloudDtApplication() override;

    DtLayer GetLayer() const override;
    /** \return the version of the last delay model pushed (0: none yet) */
    uint32_t GetModelVersion() const;

    /**
     * TracedCallback signature for a model update.
     * \param version the new version
     * \param samples the samples it was trained on
     */
    typedef void (*ModelTracedCallback)(uint32_t version, uint32_t samples);

  protected:
    void DoDispose() override;
    void DoStartDt() override;
    void DoStopDt() override;
    void HandleMessage(const DtMessage& msg, Ipv4Address from) override;
    void HandleSendFailure(uint32_t dst, const DtHeader& header) override;

  private:
    /**
     * A terminal (or an edge DT relaying a copy) asks a twin here to apply
     * its state: applied after the cloud's work on it, unless the
     * requirement has passed (late).
     * \param h the message header
     * \param req the request
     */
    void HandleSyncRequest(const DtHeader& h, const DtSyncRequestHeader& req);
    /**
     * The cloud's work on a synchronization is done: update the twin unless
     * the requirement has passed, and answer.
     * \param from the terminal's (or relaying edge's) DT id
     * \param req the request
     * \param relayed true for an edge twin's copy (no answer)
     */
    void ApplySync(uint32_t from, const DtSyncRequestHeader& req, bool relayed);
    /**
     * Answer a synchronization.
     * \param to the terminal's DT id
     * \param req the request
     * \param status the outcome
     */
    void AnswerSync(uint32_t to, const DtSyncRequestHeader& req, DtSyncStatus status);
    /** Report the load to every edge DT, and schedule the next round. */
    void ReportLoad();
    /** Forecast each edge's load and set its share of the cloud; schedule the next. */
    void Forecast();
    /** Train the delay model and push a new version to the edges; schedule the next. */
    void PublishModel();

    DtSyncDeadlines m_syncDeadlines;                 //!< syncs being applied, until their deadlines
    Time m_loadReportInterval;                       //!< load report period
    EventId m_loadEvent;                             //!< next round
    Time m_forecastInterval;                         //!< forecast window
    EventId m_forecastEvent;                         //!< next forecast
    Time m_modelInterval;                            //!< model training period
    EventId m_modelEvent;                            //!< next training
    uint32_t m_modelVersion{0};                      //!< last version pushed
    TracedCallback<uint32_t, uint32_t> m_modelTrace; //!< trace: model updated
};

} // namespace ns3

#endif /* CLOUD_DT_APPLICATION_H */
