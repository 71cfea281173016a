/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LOCAL_DT_DATA_MODULE_H
#define LOCAL_DT_DATA_MODULE_H

#include "dt-kalman-filter.h"
#include "dt-sample-codec.h"
#include "dt-signal-steps.h"
#include "dt-status-update-header.h"

#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup multilayer-dt
 * Data module of a local DT: measures the terminal's state, processes it
 * and builds the status updates its twin receives.
 *
 * Every SamplePeriod it measures the node's position (the MobilityModel's,
 * plus Gaussian noise of PositionNoise metres: a GNSS-like sensor) and a
 * synthetic sensor (the Sensor random variable, plus injected anomalies).
 * The pipeline then cleans (range checks, missing samples), denoises (a
 * constant-velocity Kalman filter for position and velocity, exponential
 * smoothing for the sensor) and keeps the processed samples of the window.
 *
 * Multi-layer: a status update carries the window's processed samples
 * compressed (DtSampleCodec DELTA_QUANTIZED, per-channel error bounds) and is
 * sent only when the state changed beyond ChangeThreshold /
 * SensorChangeThreshold since the last one sent, or MaxSilence has passed
 * (event-triggered updates). Centralized: every update carries the raw
 * measured samples (RAW), processing is left to the cloud twin.
 */
class LocalDtDataModule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalDtDataModule();
    ~LocalDtDataModule() override;

    /**
     * Start sampling.
     * \param node the terminal
     */
    void Start(Ptr<Node> node);
    /** Stop sampling. */
    void Stop();

    /**
     * \return true if an event-triggered update is due: the processed state
     *         changed beyond the thresholds since the last update built, or
     *         MaxSilence has passed
     */
    bool IsUpdateDue() const;

    /**
     * Build a status update from the samples since the previous one, and
     * start a new sample window.
     * \param raw carry the raw measured samples (centralized) or the
     *        processed samples compressed (multi-layer)
     * \param queueLength demands waiting at the terminal
     * \param servingCell the serving cell / AP id
     * \return the status update
     */
    DtStatusUpdateHeader BuildStatusUpdate(bool raw, uint32_t queueLength, uint32_t servingCell);

    /** \return the status update period */
    Time GetStatusInterval() const;
    /** \return samples taken since the last call (work the terminal has to pay for) */
    uint32_t TakeUnprocessedSamples();
    /** \return samples taken so far */
    uint64_t GetSamplesTaken() const;
    /** \return bytes the sent sample blocks would take in the RAW encoding */
    uint64_t GetRawBytes() const;
    /** \return bytes of the sample blocks actually sent */
    uint64_t GetSentBytes() const;
    /** \return root mean square error of the compressed values sent (0 if none) */
    double GetReconstructionRmse() const;
    /** \return sum of squared compression errors of the values sent */
    double GetSquaredErrorSum() const;
    /** \return number of values sent compressed */
    uint64_t GetCompressedValues() const;
    /** \return anomalies injected so far */
    uint64_t GetAnomaliesInjected() const;

    /**
     * \param stream first random stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for an injected anomaly.
     * \param start when it starts
     * \param end when it ends
     */
    typedef void (*AnomalyTracedCallback)(Time start, Time end);

  protected:
    void DoDispose() override;

  private:
    /** Take one sample and schedule the next. */
    void TakeSample();
    /** Start an injected anomaly and schedule the next. */
    void InjectAnomaly();

    Ptr<Node> m_node;                   //!< the terminal
    Time m_samplePeriod;                //!< sampling period
    Time m_statusInterval;              //!< status update period
    uint32_t m_maxSamples;              //!< window limit
    double m_positionNoise;             //!< measurement noise std, m
    double m_processNoise;              //!< Kalman process noise
    Ptr<RandomVariableStream> m_sensor; //!< synthetic sensor
    double m_sensorAlpha;               //!< sensor smoothing
    double m_positionBound;             //!< compression bound, m
    double m_velocityBound;             //!< compression bound, m/s
    double m_sensorBound;               //!< compression bound, sensor units
    double m_changeThreshold;           //!< position change that triggers an update
    double m_sensorChangeThreshold;     //!< sensor change that triggers an update
    Time m_maxSilence;                  //!< longest time without an update
    double m_anomalyRate;               //!< injected anomalies per second
    double m_anomalyMagnitude;          //!< added to the sensor during one
    Time m_anomalyDuration;             //!< length of one

    Ptr<NormalRandomVariable> m_noise;                  //!< position noise
    Ptr<ExponentialRandomVariable> m_anomalyGap;        //!< time between anomalies
    std::unique_ptr<DtKalmanFilter> m_kalman;           //!< position/velocity filter
    std::unique_ptr<DtSignalPipeline> m_sensorPipeline; //!< sensor cleaning and smoothing
    std::vector<DtSample> m_raw;                        //!< measured samples of the window
    std::vector<DtSample> m_processed;                  //!< processed samples of the window
    DtSample m_latest;                                  //!< latest processed sample
    DtSample m_lastSent;                                //!< latest sample of the last update
    bool m_sentOnce{false};                             //!< an update was built
    Time m_lastSentAt;                                  //!< when
    Time m_windowStart;                                 //!< start of the current window
    Time m_anomalyUntil;                                //!< end of the current anomaly
    uint64_t m_samples{0};                              //!< samples taken
    uint32_t m_unprocessed{0};                          //!< samples not yet paid for
    uint64_t m_rawBytes{0};                             //!< RAW size of what was sent
    uint64_t m_sentBytes{0};                            //!< size of what was sent
    double m_squaredError{0};                           //!< compression error, summed
    uint64_t m_errorCount{0};                           //!< values compared
    uint64_t m_anomalies{0};                            //!< anomalies injected
    EventId m_event;                                    //!< next sample
    EventId m_anomalyEvent;                             //!< next anomaly

    TracedCallback<Time, Time> m_anomalyTrace; //!< trace: anomaly injected
};

} // namespace ns3

#endif /* LOCAL_DT_DATA_MODULE_H */
