/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CLOUD_DT_DATA_MODULE_H
#define CLOUD_DT_DATA_MODULE_H

#include "dt-agent-pool.h"
#include "dt-anomaly-detector.h"
#include "dt-ar-forecaster.h"
#include "dt-region-summary-header.h"
#include "dt-signal-steps.h"
#include "dt-status-update-header.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <memory>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Data module of the cloud DT: the global state. In the multi-layer
 * architecture it is built from the edges' region summaries; in the
 * centralized one, from every terminal's raw status updates (the cloud holds
 * every twin). Forecasting and model training plug in here.
 *
 * In the centralized architecture the cloud twin does the processing the
 * local DTs do otherwise: it smooths each terminal's raw sensor samples
 * (SensorSmoothing) and tests them with a DtAnomalyDetector
 * (AnomalyFalseAlarm, AnomalyWarmup), as edge DTs do on processed samples.
 */
class CloudDtDataModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CloudDtDataModule();
    ~CloudDtDataModule() override;

    /** \return anomalous samples flagged so far */
    uint64_t GetAnomaliesFlagged() const;

    /**
     * Append one window of demand work per edge to the edges' load series,
     * refit each edge's AR model and forecast its next window.
     * \param arrived GFLOP that arrived from each edge in the window (edges
     *        known before and absent here get 0)
     * \return the forecast of the next window's work by edge (the last
     *         observed value while a series is too short to fit)
     */
    std::map<uint32_t, double> ForecastLoad(const std::map<uint32_t, double>& arrived);

    /**
     * Train the cloud delay model on served demands: least squares fit of
     * delay = c0 + c1 w over the samples of this window and the previous ones
     * kept (at most LoadHistory windows of samples).
     * \param samples (workload GFLOP, seconds from arrival to completion)
     * \param parameters set to (c0, c1) when a model was fitted
     * \return true if at least MinTrainingSamples samples were available
     */
    bool TrainDelayModel(const std::vector<std::pair<double, double>>& samples,
                         std::vector<double>& parameters);
    /** \return samples the last trained model used */
    uint32_t GetTrainingSamples() const;

    /**
     * TracedCallback signature for a load forecast.
     * \param edge the edge DT id
     * \param gflop the forecast work of the next window
     */
    typedef void (*ForecastTracedCallback)(uint32_t edge, double gflop);

    /**
     * TracedCallback signature for a flagged anomaly.
     * \param terminal the terminal's DT id
     * \param distance2 the squared Mahalanobis distance of the sample
     */
    typedef void (*AnomalyTracedCallback)(uint32_t terminal, double distance2);

    /**
     * \param edge the edge DT id
     * \param summary its latest region summary
     */
    void ApplySummary(uint32_t edge, const DtRegionSummaryHeader& summary);

    /**
     * TracedCallback signature of a region summary received.
     * \param edge the edge DT id
     * \param start its window's start
     * \param end its window's end
     */
    typedef void (*SummaryTracedCallback)(uint32_t edge, Time start, Time end);
    /**
     * \param terminal the terminal DT id
     * \param update its latest raw status update
     */
    void ApplyRawStatus(uint32_t terminal, const DtStatusUpdateHeader& update);

    /** \return latest region summary by edge */
    const std::map<uint32_t, DtRegionSummaryHeader>& GetRegions() const;
    /** \return latest raw state by terminal (centralized twins) */
    const std::map<uint32_t, DtStatusUpdateHeader>& GetTwins() const;
    /** \return total terminals in the global state (sum of region agents, or twins) */
    uint32_t GetTerminalCount() const;
    /** \return region summaries received */
    uint64_t GetSummariesReceived() const;
    /**
     * \return the twins placed in the cloud in the multi-layer architecture
     *         (TwinPlacement Cloud, or the cloud copies of EdgeCloud)
     */
    Ptr<DtAgentPool> GetAgentPool() const;
    /** \return raw samples received */
    uint64_t GetRawSamplesReceived() const;

  private:
    double m_falseAlarm;  //!< detector false-alarm probability
    uint32_t m_warmup;    //!< detector warm-up samples
    double m_sensorAlpha; //!< sensor smoothing factor
    std::map<uint8_t, std::unique_ptr<DtAnomalyDetector>> m_detectors; //!< over all twins, by
                                                                       //!< dimension
    std::map<uint32_t, std::vector<DtSignalPipeline>> m_pipelines;     //!< per terminal, per sensor
                                                                       //!< channel
    uint64_t m_flagged{0};                                             //!< samples flagged
    uint32_t m_arOrder;                                  //!< AR order of the load models
    uint32_t m_history;                                  //!< windows kept per series
    std::map<uint32_t, std::vector<double>> m_load;      //!< load series by edge
    TracedCallback<uint32_t, double> m_forecastTrace;    //!< trace: load forecast
    uint32_t m_minTraining;                              //!< samples needed to train
    std::vector<std::pair<double, double>> m_training;   //!< training set
    uint32_t m_trainedOn{0};                             //!< samples of the last model
    TracedCallback<uint32_t, double> m_anomalyTrace;     //!< trace: anomaly flagged
    TracedCallback<uint32_t, Time, Time> m_summaryTrace; //!< trace: region summary received
    std::map<uint32_t, DtRegionSummaryHeader> m_regions; //!< by edge
    std::map<uint32_t, DtStatusUpdateHeader> m_twins;    //!< by terminal
    uint64_t m_summaries{0};                             //!< summaries received
    uint64_t m_rawSamples{0};                            //!< raw samples received
    Ptr<DtAgentPool> m_pool;                             //!< twins placed in the cloud
};

} // namespace ns3

#endif /* CLOUD_DT_DATA_MODULE_H */
