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

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <memory>
#include <vector>

namespace ns3
{

class ComputeResource;
class DtAppUsageModel;
class DtRadioProbe;
class Node;

/**
 * \ingroup multilayer-dt
 * Figures of one data source of a local DT.
 */
struct DtSourceStats
{
    uint64_t samples{0};           //!< samples taken
    uint64_t streamsSent{0};       //!< windows sent in a status update
    uint64_t streamsSuppressed{0}; //!< windows not sent: nothing changed enough
    uint64_t rawBytes{0};          //!< RAW size of the windows sent
    uint64_t sentBytes{0};         //!< size of the windows sent
    double squaredError{0};        //!< compression error of the values sent, squared and summed
    uint64_t values{0};            //!< values sent compressed
    double maxErrorOverBound{0};   //!< largest |error| / bound of a value sent compressed
};

/**
 * \ingroup multilayer-dt
 * Data module of a local DT: measures the terminal's state from several
 * sources, each at its own period, processes it and builds the status
 * updates its twin receives.
 *
 * Sources (DtSource), each with a period attribute (0 disables it):
 * - POSITION: the MobilityModel's position plus Gaussian noise of
 *   PositionNoise metres (a GNSS-like sensor), denoised by a
 *   constant-velocity Kalman filter that also estimates the velocity;
 * - SENSOR: SensorChannels correlated Gaussian readings (mean SensorMean,
 *   deviation SensorStd, pairwise correlation SensorCorrelation) plus
 *   injected anomalies on channel 0; cleaned and exponentially smoothed;
 * - INTERNAL: CPU load of the terminal's ComputeResource over the period,
 *   memory the DT holds for pending demands (their input data), compute
 *   backlog (demands waiting or running) and battery level (the node's ns-3
 *   EnergySource; 1 without one); cleaned;
 * - RADIO: mean RSSI and SNR of the frames of the serving AP (DtRadioProbe,
 *   from the device's trace sources); a period with no frame is a missing
 *   sample the cleaner fills; smoothed;
 * - BEHAVIOR: the app-usage state (DtAppUsageModel).
 *
 * The INTERNAL and RADIO channels also feed a running standardizer (mean
 * and deviation), so their change thresholds are in standard deviations.
 *
 * Multi-layer: a status update carries the windows of the sources whose
 * state changed beyond their threshold since their last update, or that were
 * not sent for MaxSilence (a per-source heartbeat); the other windows are
 * dropped, since the twin's copy is still within the thresholds. The sensor
 * is streamed by default (StreamSensor): its samples ride with every update,
 * so the edge's anomaly detector sees all of them. Windows are
 * compressed (DtSampleCodec
 * DELTA_QUANTIZED with per-channel error bounds). Centralized: every update
 * carries every source's raw measured samples (RAW); processing is left to
 * the cloud twin.
 */
class LocalDtDataModule : public Object
{
  public:
    /// Number of sources.
    static constexpr uint32_t N_SOURCES = 5;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalDtDataModule();
    ~LocalDtDataModule() override;

    /**
     * Set what the INTERNAL and BEHAVIOR sources read (before Start).
     * \param cpu the terminal's processor (null: CPU load and backlog 0)
     * \param heldBytes bytes of demand data the DT holds (may be null)
     * \param usage the app-usage model (null: no BEHAVIOR samples)
     */
    void SetInternalSources(Ptr<ComputeResource> cpu,
                            Callback<uint64_t> heldBytes,
                            Ptr<DtAppUsageModel> usage);

    /**
     * Start sampling.
     * \param node the terminal
     */
    void Start(Ptr<Node> node);
    /** Stop sampling. */
    void Stop();

    /**
     * \return true if an event-triggered update is due: a source's processed
     *         state changed beyond its threshold since its last update, or
     *         MaxSilence has passed
     */
    bool IsUpdateDue() const;

    /**
     * Build a status update from the samples since the previous one, and
     * start new sample windows.
     * \param raw carry every source's raw measured samples (centralized) or
     *        the changed sources' processed samples compressed (multi-layer)
     * \param queueLength demands waiting at the terminal
     * \param servingCell the serving cell / AP id
     * \return the status update
     */
    DtStatusUpdateHeader BuildStatusUpdate(bool raw, uint32_t queueLength, uint32_t servingCell);

    /**
     * \return the latest processed sample of every source, in the RAW
     *         sample block encoding (what a synchronization carries)
     */
    std::vector<uint8_t> GetCurrentState() const;

    /** \return the status update period */
    Time GetStatusInterval() const;
    /** \return samples taken since the last call (work the terminal has to pay for) */
    uint32_t TakeUnprocessedSamples();
    /** \return samples taken so far, all sources */
    uint64_t GetSamplesTaken() const;
    /** \return bytes the sent sample blocks would take in the RAW encoding */
    uint64_t GetRawBytes() const;
    /** \return bytes of the sample blocks actually sent */
    uint64_t GetSentBytes() const;
    /**
     * \param source a source
     * \return its figures
     */
    const DtSourceStats& GetSourceStats(DtSource source) const;
    /** \return anomalies injected so far */
    uint64_t GetAnomaliesInjected() const;
    /** \return the radio probe (null before Start) */
    Ptr<DtRadioProbe> GetRadioProbe() const;

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
    /// One source's state.
    struct Source
    {
        DtSource id{DtSource::POSITION};   //!< which
        uint8_t channels{0};               //!< values per sample
        Time period;                       //!< sampling period (0: off)
        std::vector<double> bounds;        //!< compression error bounds
        double threshold{0};               //!< change that triggers an update
        bool standardizedThreshold{false}; //!< threshold in standard deviations
        std::vector<double> raw;           //!< measured samples of the window
        std::vector<double> processed;     //!< processed samples of the window
        Time windowFirst;                  //!< time of the window's first sample
        std::vector<double> latest;        //!< latest processed sample
        std::vector<double> lastSent;      //!< latest sample of the last update
        bool sentOnce{false};              //!< an update carried this source
        bool primed{false};                //!< every channel had a valid sample
        Time lastSentAt;                   //!< when an update last carried it
        std::vector<std::unique_ptr<DtSignalPipeline>> pipelines; //!< per channel
        std::vector<DtStandardizer> standardizers;                //!< per channel
        EventId event;                                            //!< next sample
        DtSourceStats stats;                                      //!< figures
    };

    /**
     * Take one sample of a source and schedule the next.
     * \param index the source's index
     */
    void TakeSample(uint32_t index);
    /**
     * Measure a source.
     * \param s the source
     * \param raw the measurement (channels values; NaN: missing)
     */
    void Measure(Source& s, std::vector<double>& raw);
    /**
     * \param s a source
     * \return true if its window is due: its state changed beyond its
     *         threshold since its last update, or it was not sent for MaxSilence
     */
    bool IsDue(const Source& s) const;
    /**
     * Turn a source's window into a stream.
     * \param s the source
     * \param processed the processed samples (else the raw ones)
     * \return the stream
     */
    DtSampleStream MakeStream(const Source& s, bool processed) const;
    /** Start an injected anomaly and schedule the next. */
    void InjectAnomaly();

    Ptr<Node> m_node;               //!< the terminal
    Time m_statusInterval;          //!< status update period
    uint32_t m_maxSamples;          //!< window limit per source
    double m_positionNoise;         //!< measurement noise std, m
    double m_processNoise;          //!< Kalman process noise
    uint32_t m_sensorChannels;      //!< sensor channels
    double m_sensorMean;            //!< sensor mean
    double m_sensorStd;             //!< sensor deviation
    double m_sensorCorrelation;     //!< pairwise correlation of the channels
    double m_sensorAlpha;           //!< sensor smoothing
    double m_radioAlpha;            //!< radio smoothing
    double m_positionBound;         //!< compression bound, m
    double m_velocityBound;         //!< compression bound, m/s
    double m_sensorBound;           //!< compression bound, sensor units
    double m_cpuBound;              //!< compression bound, CPU load
    double m_memoryBound;           //!< compression bound, bytes
    double m_batteryBound;          //!< compression bound, battery fraction
    double m_radioBound;            //!< compression bound, dB
    bool m_streamSensor;            //!< sensor rides with every update
    double m_zThreshold;            //!< standardized change threshold
    Time m_maxSilence;              //!< longest time without an update
    double m_anomalyRate;           //!< injected anomalies per second
    double m_anomalyMagnitude;      //!< added to sensor channel 0 during one
    Time m_anomalyDuration;         //!< length of one
    Time m_positionPeriod;          //!< POSITION sampling period
    Time m_sensorPeriod;            //!< SENSOR sampling period
    Time m_internalPeriod;          //!< INTERNAL sampling period
    Time m_radioPeriod;             //!< RADIO sampling period
    Time m_behaviorPeriod;          //!< BEHAVIOR sampling period
    double m_changeThreshold;       //!< position change that triggers an update, m
    double m_sensorChangeThreshold; //!< sensor change that triggers an update

    Ptr<ComputeResource> m_cpu;     //!< INTERNAL: the processor
    Callback<uint64_t> m_heldBytes; //!< INTERNAL: demand data held
    Ptr<DtAppUsageModel> m_usage;   //!< BEHAVIOR: app usage
    Ptr<DtRadioProbe> m_radio;      //!< RADIO: the probe
    double m_lastBusy{0};           //!< CPU busy core-seconds at the last sample
    Time m_lastBusyAt;              //!< when

    Ptr<NormalRandomVariable> m_noise;           //!< position and sensor noise
    Ptr<ExponentialRandomVariable> m_anomalyGap; //!< time between anomalies
    std::unique_ptr<DtKalmanFilter> m_kalman;    //!< position/velocity filter
    std::array<Source, N_SOURCES> m_sources;     //!< the sources, indexed by DtSource - 1
    Time m_anomalyUntil;                         //!< end of the current anomaly
    uint64_t m_samples{0};                       //!< samples taken
    uint32_t m_unprocessed{0};                   //!< samples not yet paid for
    uint64_t m_rawBytes{0};                      //!< RAW size of what was sent
    uint64_t m_sentBytes{0};                     //!< size of what was sent
    uint64_t m_anomalies{0};                     //!< anomalies injected
    EventId m_anomalyEvent;                      //!< next anomaly

    TracedCallback<Time, Time> m_anomalyTrace; //!< trace: anomaly injected
};

} // namespace ns3

#endif /* LOCAL_DT_DATA_MODULE_H */
