/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-dt-data-module.h"

#include "compute-resource.h"
#include "dt-app-usage-model.h"
#include "dt-energy-compat.h"
#include "dt-radio-probe.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(LocalDtDataModule);

namespace
{

/**
 * \param source a source
 * \return its index in the source array
 */
uint32_t
Index(DtSource source)
{
    return static_cast<uint32_t>(source) - 1;
}

/// Bytes a value takes in a window (memory the DT holds).
constexpr uint64_t VALUE_BYTES = 8;

} // namespace

TypeId
LocalDtDataModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocalDtDataModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<LocalDtDataModule>()
            .AddAttribute("PositionPeriod",
                          "Sampling period of the position (0: source off).",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&LocalDtDataModule::m_positionPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SensorPeriod",
                          "Sampling period of the synthetic sensors (0: source off).",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&LocalDtDataModule::m_sensorPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("InternalPeriod",
                          "Sampling period of CPU load, memory, backlog and battery "
                          "(0: source off).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LocalDtDataModule::m_internalPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RadioPeriod",
                          "Sampling period of the radio quality (0: source off).",
                          TimeValue(MilliSeconds(250)),
                          MakeTimeAccessor(&LocalDtDataModule::m_radioPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("BehaviorPeriod",
                          "Sampling period of the app-usage state (0: source off).",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&LocalDtDataModule::m_behaviorPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("StatusInterval",
                          "Period at which a status update is considered (sent when due).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LocalDtDataModule::m_statusInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxWindowSamples",
                          "Samples a source keeps between two status updates (older ones "
                          "dropped).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&LocalDtDataModule::m_maxSamples),
                          MakeUintegerChecker<uint32_t>(1, 6000))
            .AddAttribute("PositionNoise",
                          "Standard deviation of the position measurement noise, m.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_positionNoise),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("KalmanProcessNoise",
                          "Acceleration noise density assumed by the Kalman filter, m^2/s^3.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_processNoise),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("SensorChannels",
                          "Number of synthetic sensor channels.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&LocalDtDataModule::m_sensorChannels),
                          MakeUintegerChecker<uint32_t>(1, 8))
            .AddAttribute("SensorMean",
                          "Mean of every sensor channel (e.g. a temperature).",
                          DoubleValue(20),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorMean),
                          MakeDoubleChecker<double>(-1e6, 1e6))
            .AddAttribute("SensorStd",
                          "Standard deviation of every sensor channel.",
                          DoubleValue(0.25),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorStd),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SensorCorrelation",
                          "Correlation between any two sensor channels, in [0, 1).",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorCorrelation),
                          MakeDoubleChecker<double>(0, 0.999))
            .AddAttribute("SensorSmoothing",
                          "Exponential smoothing factor of the sensor, in (0, 1].",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorAlpha),
                          MakeDoubleChecker<double>(1e-6, 1.0))
            .AddAttribute("RadioSmoothing",
                          "Exponential smoothing factor of RSSI and SNR, in (0, 1].",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_radioAlpha),
                          MakeDoubleChecker<double>(1e-6, 1.0))
            .AddAttribute("PositionErrorBound",
                          "Largest position error the compression may introduce, m.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&LocalDtDataModule::m_positionBound),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("VelocityErrorBound",
                          "Largest velocity error the compression may introduce, m/s.",
                          DoubleValue(0.05),
                          MakeDoubleAccessor(&LocalDtDataModule::m_velocityBound),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("SensorErrorBound",
                          "Largest sensor error the compression may introduce.",
                          DoubleValue(0.02),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorBound),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("CpuLoadErrorBound",
                          "Largest CPU load error the compression may introduce (load in [0, 1]).",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&LocalDtDataModule::m_cpuBound),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("MemoryErrorBound",
                          "Largest memory error the compression may introduce, bytes.",
                          DoubleValue(512),
                          MakeDoubleAccessor(&LocalDtDataModule::m_memoryBound),
                          MakeDoubleChecker<double>(1e-3))
            .AddAttribute("BatteryErrorBound",
                          "Largest battery level error the compression may introduce "
                          "(level in [0, 1]).",
                          DoubleValue(1e-4),
                          MakeDoubleAccessor(&LocalDtDataModule::m_batteryBound),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("RadioErrorBound",
                          "Largest RSSI / SNR error the compression may introduce, dB.",
                          DoubleValue(0.25),
                          MakeDoubleAccessor(&LocalDtDataModule::m_radioBound),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("ChangeThreshold",
                          "Position change since the last update that triggers one, m "
                          "(0: the position goes in every update).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_changeThreshold),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SensorChangeThreshold",
                          "Sensor change (any channel) since the last update that triggers "
                          "one.",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorChangeThreshold),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("StreamSensor",
                          "Every update carries the sensor samples taken since the previous "
                          "one, so the edge's detector sees the whole stream (a sensor change "
                          "beyond SensorChangeThreshold still triggers an update); false: the "
                          "sensor is sent on change like the other sources.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LocalDtDataModule::m_streamSensor),
                          MakeBooleanChecker())
            .AddAttribute("StandardizedChangeThreshold",
                          "Change of an INTERNAL or RADIO channel since the last update that "
                          "triggers one, in running standard deviations of the channel.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_zThreshold),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("MaxSilence",
                          "Longest time a source goes without being sent (heartbeat).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LocalDtDataModule::m_maxSilence),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("AnomalyRate",
                          "Injected sensor anomalies per second (Poisson; 0: none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_anomalyRate),
                          MakeDoubleChecker<double>(0, 1000))
            .AddAttribute("AnomalyMagnitude",
                          "Offset added to sensor channel 0 during an injected anomaly.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_anomalyMagnitude),
                          MakeDoubleChecker<double>())
            .AddAttribute("AnomalyDuration",
                          "Duration of an injected anomaly.",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&LocalDtDataModule::m_anomalyDuration),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddTraceSource("AnomalyInjected",
                            "An anomaly was injected into the sensor (start and end times).",
                            MakeTraceSourceAccessor(&LocalDtDataModule::m_anomalyTrace),
                            "ns3::LocalDtDataModule::AnomalyTracedCallback");
    return tid;
}

LocalDtDataModule::LocalDtDataModule()
    : m_noise(CreateObject<NormalRandomVariable>())
    , m_anomalyGap(CreateObject<ExponentialRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

LocalDtDataModule::~LocalDtDataModule()
{
    NS_LOG_FUNCTION(this);
}

void
LocalDtDataModule::DoDispose()
{
    Stop();
    m_node = nullptr;
    m_cpu = nullptr;
    m_usage = nullptr;
    m_radio = nullptr;
    m_heldBytes = Callback<uint64_t>();
    m_noise = nullptr;
    m_anomalyGap = nullptr;
    Object::DoDispose();
}

int64_t
LocalDtDataModule::AssignStreams(int64_t stream)
{
    m_noise->SetStream(stream);
    m_anomalyGap->SetStream(stream + 1);
    return 2;
}

void
LocalDtDataModule::SetInternalSources(Ptr<ComputeResource> cpu,
                                      Callback<uint64_t> heldBytes,
                                      Ptr<DtAppUsageModel> usage)
{
    m_cpu = cpu;
    m_heldBytes = heldBytes;
    m_usage = usage;
}

void
LocalDtDataModule::Start(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    m_radio = CreateObject<DtRadioProbe>();
    m_radio->Attach(node);
    m_kalman = std::make_unique<DtKalmanFilter>(m_processNoise,
                                                std::max(m_positionNoise * m_positionNoise, 1e-6));
    const double inf = std::numeric_limits<double>::infinity();
    auto setup = [this](DtSource id, Time period, uint8_t channels, std::vector<double> bounds)
    {
        Source& s = m_sources[Index(id)];
        s.id = id;
        s.period = period;
        s.channels = channels;
        s.bounds = std::move(bounds);
        s.latest.assign(channels, 0.0);
        s.lastSent.assign(channels, 0.0);
        s.standardizers.resize(channels);
        s.pipelines.clear();
        s.pipelines.resize(channels);
        return &s;
    };
    setup(DtSource::POSITION,
          m_positionPeriod,
          4,
          {m_positionBound, m_positionBound, m_velocityBound, m_velocityBound})
        ->threshold = m_changeThreshold;

    Source* sensor = setup(DtSource::SENSOR,
                           m_sensorPeriod,
                           static_cast<uint8_t>(m_sensorChannels),
                           std::vector<double>(m_sensorChannels, m_sensorBound));
    sensor->threshold = m_sensorChangeThreshold;
    for (auto& p : sensor->pipelines)
    {
        p = std::make_unique<DtSignalPipeline>();
        p->Add(std::make_unique<DtCleaner>(-1e6, 1e6, 1e9, 1))
            .Add(std::make_unique<DtExponentialSmoother>(m_sensorAlpha));
    }

    // Backlog and app state are integers: a bound of 0.5 reconstructs them exactly.
    Source* internal = setup(
        DtSource::INTERNAL, m_internalPeriod, 4, {m_cpuBound, m_memoryBound, 0.5, m_batteryBound});
    internal->threshold = m_zThreshold;
    internal->standardizedThreshold = true;
    const std::array<std::pair<double, double>, 4> ranges{{{0, 1}, {0, inf}, {0, inf}, {0, 1}}};
    for (uint32_t c = 0; c < 4; ++c)
    {
        internal->pipelines[c] = std::make_unique<DtSignalPipeline>();
        internal->pipelines[c]->Add(
            std::make_unique<DtCleaner>(ranges[c].first, ranges[c].second, 1e9, 1));
    }

    Source* radio = setup(DtSource::RADIO, m_radioPeriod, 2, {m_radioBound, m_radioBound});
    radio->threshold = m_zThreshold;
    radio->standardizedThreshold = true;
    radio->pipelines[0] = std::make_unique<DtSignalPipeline>();
    radio->pipelines[0]
        ->Add(std::make_unique<DtCleaner>(-200, 30, 1e9, 1))
        .Add(std::make_unique<DtExponentialSmoother>(m_radioAlpha));
    radio->pipelines[1] = std::make_unique<DtSignalPipeline>();
    radio->pipelines[1]
        ->Add(std::make_unique<DtCleaner>(-100, 200, 1e9, 1))
        .Add(std::make_unique<DtExponentialSmoother>(m_radioAlpha));

    setup(DtSource::BEHAVIOR, m_usage ? m_behaviorPeriod : Seconds(0), 1, {0.5})->threshold = 0.5;

    m_lastBusy = m_cpu ? m_cpu->GetBusyCoreSeconds() : 0.0;
    m_lastBusyAt = Simulator::Now();
    for (uint32_t i = 0; i < N_SOURCES; ++i)
    {
        if (m_sources[i].period.IsStrictlyPositive())
        {
            TakeSample(i);
        }
    }
    if (m_anomalyRate > 0 && m_sources[Index(DtSource::SENSOR)].period.IsStrictlyPositive())
    {
        m_anomalyGap->SetAttribute("Mean", DoubleValue(1.0 / m_anomalyRate));
        m_anomalyEvent = Simulator::Schedule(
            Seconds(m_anomalyGap->GetValue()), &LocalDtDataModule::InjectAnomaly, this);
    }
}

void
LocalDtDataModule::Stop()
{
    for (auto& s : m_sources)
    {
        s.event.Cancel();
    }
    m_anomalyEvent.Cancel();
}

void
LocalDtDataModule::InjectAnomaly()
{
    const Time start = Simulator::Now();
    m_anomalyUntil = start + m_anomalyDuration;
    ++m_anomalies;
    m_anomalyTrace(start, m_anomalyUntil);
    m_anomalyEvent = Simulator::Schedule(m_anomalyDuration + Seconds(m_anomalyGap->GetValue()),
                                         &LocalDtDataModule::InjectAnomaly,
                                         this);
}

Time
LocalDtDataModule::GetStatusInterval() const
{
    return m_statusInterval;
}

uint32_t
LocalDtDataModule::TakeUnprocessedSamples()
{
    uint32_t n = m_unprocessed;
    m_unprocessed = 0;
    return n;
}

uint64_t
LocalDtDataModule::GetSamplesTaken() const
{
    return m_samples;
}

uint64_t
LocalDtDataModule::GetRawBytes() const
{
    return m_rawBytes;
}

uint64_t
LocalDtDataModule::GetSentBytes() const
{
    return m_sentBytes;
}

const DtSourceStats&
LocalDtDataModule::GetSourceStats(DtSource source) const
{
    NS_ABORT_MSG_IF(Index(source) >= N_SOURCES,
                    "LocalDtDataModule: no source " << +static_cast<uint8_t>(source));
    return m_sources[Index(source)].stats;
}

uint64_t
LocalDtDataModule::GetAnomaliesInjected() const
{
    return m_anomalies;
}

Ptr<DtRadioProbe>
LocalDtDataModule::GetRadioProbe() const
{
    return m_radio;
}

void
LocalDtDataModule::Measure(Source& s, std::vector<double>& raw)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (s.id)
    {
        case DtSource::POSITION:
        {
            Vector truth;
            if (Ptr<MobilityModel> mm = m_node->GetObject<MobilityModel>())
            {
                truth = mm->GetPosition();
            }
            raw[0] = truth.x + m_positionNoise * m_noise->GetValue();
            raw[1] = truth.y + m_positionNoise * m_noise->GetValue();
            raw[2] = nan; // no velocity sensor: the Kalman filter estimates it
            raw[3] = nan;
            break;
        }
        case DtSource::SENSOR:
        {
            // Equicorrelated channels: a common and a private standard normal part.
            const double common = m_noise->GetValue();
            const double a = std::sqrt(m_sensorCorrelation);
            const double b = std::sqrt(1 - m_sensorCorrelation);
            for (uint32_t c = 0; c < s.channels; ++c)
            {
                raw[c] = m_sensorMean + m_sensorStd * (a * common + b * m_noise->GetValue());
            }
            if (Simulator::Now() < m_anomalyUntil)
            {
                raw[0] += m_anomalyMagnitude;
            }
            break;
        }
        case DtSource::INTERNAL:
        {
            const Time now = Simulator::Now();
            double load = 0;
            uint32_t backlog = 0;
            if (m_cpu)
            {
                const double busy = m_cpu->GetBusyCoreSeconds();
                const double span = (now - m_lastBusyAt).GetSeconds() * m_cpu->GetCores();
                load = span > 0 ? std::min(1.0, (busy - m_lastBusy) / span) : 0.0;
                m_lastBusy = busy;
                m_lastBusyAt = now;
                backlog = m_cpu->GetQueueLength() + m_cpu->GetBusyCores();
            }
            double battery = 1.0; // mains powered without an energy source
            if (Ptr<energy::EnergySourceContainer> e =
                    m_node->GetObject<energy::EnergySourceContainer>())
            {
                if (e->GetN() > 0)
                {
                    battery = e->Get(0)->GetEnergyFraction();
                }
            }
            raw[0] = load;
            // Demand data held, not the sample windows: those empty at every
            // update and would make the channel trigger updates by itself.
            raw[1] = static_cast<double>(m_heldBytes.IsNull() ? 0 : m_heldBytes());
            raw[2] = backlog;
            raw[3] = battery;
            break;
        }
        case DtSource::RADIO:
            m_radio->Read(raw[0], raw[1]);
            m_radio->ListenBefore(Simulator::Now() + s.period);
            break;
        case DtSource::BEHAVIOR:
            raw[0] = m_usage ? m_usage->GetState() : 0;
            break;
    }
}

void
LocalDtDataModule::TakeSample(uint32_t index)
{
    Source& s = m_sources[index];
    std::vector<double> raw(s.channels);
    Measure(s, raw);
    std::vector<double> processed = s.latest;
    if (s.id == DtSource::POSITION)
    {
        const double dt = s.stats.samples ? s.period.GetSeconds() : 0.0;
        m_kalman->Step(dt, raw[0], raw[1]);
        const DtKalmanFilter::State k = m_kalman->GetState();
        processed.assign(k.begin(), k.end());
    }
    else
    {
        bool accepted = true;
        for (uint32_t c = 0; c < s.channels; ++c)
        {
            // A sample a step drops (out of range, missing with nothing to
            // hold) keeps the channel's last processed value.
            if (s.pipelines[c])
            {
                accepted = s.pipelines[c]->Process(raw[c], processed[c]) && accepted;
            }
            else if (std::isnan(raw[c]))
            {
                accepted = false;
            }
            else
            {
                processed[c] = raw[c];
            }
        }
        if (!accepted && !s.primed)
        {
            // Nothing valid to hold yet (e.g. no frame heard): no sample.
            ++s.stats.samples;
            ++m_samples;
            ++m_unprocessed;
            s.event = Simulator::Schedule(s.period, &LocalDtDataModule::TakeSample, this, index);
            return;
        }
        s.primed = true;
    }
    for (uint32_t c = 0; s.standardizedThreshold && c < s.channels; ++c)
    {
        double z;
        s.standardizers[c].Process(processed[c], z);
    }

    if (s.processed.size() >= static_cast<std::size_t>(m_maxSamples) * s.channels)
    {
        s.raw.erase(s.raw.begin(), s.raw.begin() + s.channels);
        s.processed.erase(s.processed.begin(), s.processed.begin() + s.channels);
        s.windowFirst += s.period;
    }
    if (s.processed.empty())
    {
        s.windowFirst = Simulator::Now();
    }
    s.raw.insert(s.raw.end(), raw.begin(), raw.end());
    s.processed.insert(s.processed.end(), processed.begin(), processed.end());
    s.latest = processed;
    ++s.stats.samples;
    ++m_samples;
    ++m_unprocessed;
    s.event = Simulator::Schedule(s.period, &LocalDtDataModule::TakeSample, this, index);
}

bool
LocalDtDataModule::IsDue(const Source& s) const
{
    if (s.processed.empty())
    {
        return false;
    }
    if (!s.sentOnce || s.threshold <= 0 || Simulator::Now() - s.lastSentAt >= m_maxSilence)
    {
        return true;
    }
    if (s.id == DtSource::POSITION)
    {
        return std::hypot(s.latest[0] - s.lastSent[0], s.latest[1] - s.lastSent[1]) > s.threshold;
    }
    for (uint32_t c = 0; c < s.channels; ++c)
    {
        const double delta = std::fabs(s.latest[c] - s.lastSent[c]);
        const double change = s.standardizedThreshold ? s.standardizers[c].InStd(delta) : delta;
        if (change > s.threshold)
        {
            return true;
        }
    }
    return false;
}

bool
LocalDtDataModule::IsUpdateDue() const
{
    for (const auto& s : m_sources)
    {
        if (IsDue(s))
        {
            return true;
        }
    }
    return false;
}

std::vector<uint8_t>
LocalDtDataModule::GetCurrentState() const
{
    std::vector<DtSampleStream> streams;
    for (const auto& s : m_sources)
    {
        if (s.stats.samples == 0 || s.latest.empty() || (s.id != DtSource::POSITION && !s.primed))
        {
            continue;
        }
        DtSampleStream st;
        st.source = s.id;
        st.channels = s.channels;
        st.periodUs = static_cast<uint32_t>(s.period.GetMicroSeconds());
        st.values = s.latest;
        streams.push_back(std::move(st));
    }
    return DtSampleCodec::EncodeRaw(streams);
}

DtSampleStream
LocalDtDataModule::MakeStream(const Source& s, bool processed) const
{
    DtSampleStream st;
    st.source = s.id;
    st.channels = s.channels;
    st.firstAgeUs = static_cast<uint32_t>(std::min<int64_t>(
        0xFFFFFFFF, std::max<int64_t>(0, (Simulator::Now() - s.windowFirst).GetMicroSeconds())));
    st.periodUs = static_cast<uint32_t>(s.period.GetMicroSeconds());
    st.values = processed ? s.processed : s.raw;
    st.bounds = s.bounds;
    return st;
}

DtStatusUpdateHeader
LocalDtDataModule::BuildStatusUpdate(bool raw, uint32_t queueLength, uint32_t servingCell)
{
    const Source& pos = m_sources[Index(DtSource::POSITION)];
    const Source& internal = m_sources[Index(DtSource::INTERNAL)];
    DtStatusUpdateHeader su;
    su.SetPosition(Vector(pos.latest[0], pos.latest[1], 0));
    su.SetVelocity(Vector(pos.latest[2], pos.latest[3], 0));
    su.SetQueueLength(queueLength);
    su.SetServingCell(servingCell);
    su.SetCpuLoadPermille(static_cast<uint16_t>(std::lround(internal.latest[0] * 1000)));
    su.SetBatteryPermille(
        static_cast<uint16_t>(std::lround(std::clamp(internal.latest[3], 0.0, 1.0) * 1000)));

    std::vector<DtSampleStream> streams;
    std::vector<Source*> carried;
    uint32_t count = 0;
    for (auto& s : m_sources)
    {
        if (s.processed.empty())
        {
            continue;
        }
        const bool streamed = s.id == DtSource::SENSOR && m_streamSensor;
        if (!raw && !streamed && !IsDue(s))
        {
            ++s.stats.streamsSuppressed; // the twin's copy is still good enough
            continue;
        }
        streams.push_back(MakeStream(s, !raw));
        carried.push_back(&s);
        count += streams.back().GetCount();
    }
    NS_ABORT_MSG_IF(count > 0xFFFF,
                    "LocalDtDataModule: " << count << " samples in one status update, more than "
                                          << "65535: lower MaxWindowSamples or the periods");

    // A block is its streams' encodings one after the other: encode them one
    // by one to know each source's share.
    std::vector<uint8_t> block;
    for (std::size_t k = 0; k < streams.size(); ++k)
    {
        const std::vector<DtSampleStream> one{streams[k]};
        const std::vector<uint8_t> enc =
            raw ? DtSampleCodec::EncodeRaw(one) : DtSampleCodec::EncodeCompressed(one);
        DtSourceStats& st = carried[k]->stats;
        const uint64_t rawSize = DtSampleCodec::RawSize(one);
        ++st.streamsSent;
        st.rawBytes += rawSize;
        st.sentBytes += enc.size();
        m_rawBytes += rawSize;
        block.insert(block.end(), enc.begin(), enc.end());
    }
    if (raw)
    {
        su.SetSamples(DtSampleEncoding::RAW, static_cast<uint16_t>(count), block);
    }
    else
    {
        // Measure what the twin will reconstruct.
        std::vector<DtSampleStream> back;
        if (DtSampleCodec::DecodeCompressed(block, count, back))
        {
            for (std::size_t k = 0; k < back.size(); ++k)
            {
                DtSourceStats& st = carried[k]->stats;
                for (std::size_t v = 0; v < back[k].values.size(); ++v)
                {
                    const double d = streams[k].values[v] - back[k].values[v];
                    st.squaredError += d * d;
                    st.maxErrorOverBound =
                        std::max(st.maxErrorOverBound,
                                 std::fabs(d) / streams[k].bounds[v % streams[k].channels]);
                }
                st.values += back[k].values.size();
            }
        }
        su.SetSamples(DtSampleEncoding::DELTA_QUANTIZED, static_cast<uint16_t>(count), block);
    }
    m_sentBytes += block.size();
    for (auto* s : carried)
    {
        s->lastSent = s->latest;
        s->sentOnce = true;
        s->lastSentAt = Simulator::Now();
    }
    for (auto& s : m_sources)
    {
        s.raw.clear();
        s.processed.clear();
    }
    return su;
}

} // namespace ns3
