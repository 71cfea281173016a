/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-dt-data-module.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(LocalDtDataModule);

TypeId
LocalDtDataModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocalDtDataModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<LocalDtDataModule>()
            .AddAttribute("SamplePeriod",
                          "Period at which the terminal's state is measured.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&LocalDtDataModule::m_samplePeriod),
                          MakeTimeChecker(MicroSeconds(100)))
            .AddAttribute("StatusInterval",
                          "Period at which a status update is considered (sent when due).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LocalDtDataModule::m_statusInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxWindowSamples",
                          "Samples kept between two status updates (older ones dropped).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&LocalDtDataModule::m_maxSamples),
                          MakeUintegerChecker<uint32_t>(1, 65535))
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
            .AddAttribute("Sensor",
                          "The synthetic sensor's reading each sample (e.g. a temperature).",
                          StringValue("ns3::NormalRandomVariable[Mean=20|Variance=0.0625]"),
                          MakePointerAccessor(&LocalDtDataModule::m_sensor),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("SensorSmoothing",
                          "Exponential smoothing factor of the sensor, in (0, 1].",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorAlpha),
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
            .AddAttribute("ChangeThreshold",
                          "Position change since the last update that triggers one, m "
                          "(0: an update every StatusInterval).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_changeThreshold),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("SensorChangeThreshold",
                          "Sensor change since the last update that triggers one.",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&LocalDtDataModule::m_sensorChangeThreshold),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("MaxSilence",
                          "Longest time without a status update (heartbeat).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LocalDtDataModule::m_maxSilence),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("AnomalyRate",
                          "Injected sensor anomalies per second (Poisson; 0: none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&LocalDtDataModule::m_anomalyRate),
                          MakeDoubleChecker<double>(0, 1000))
            .AddAttribute("AnomalyMagnitude",
                          "Offset added to the sensor during an injected anomaly.",
                          DoubleValue(3.0),
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
    m_event.Cancel();
    m_anomalyEvent.Cancel();
    m_node = nullptr;
    m_sensor = nullptr;
    m_noise = nullptr;
    m_anomalyGap = nullptr;
    Object::DoDispose();
}

int64_t
LocalDtDataModule::AssignStreams(int64_t stream)
{
    m_noise->SetStream(stream);
    m_anomalyGap->SetStream(stream + 1);
    m_sensor->SetStream(stream + 2);
    return 3;
}

void
LocalDtDataModule::Start(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    m_kalman = std::make_unique<DtKalmanFilter>(m_processNoise,
                                                std::max(m_positionNoise * m_positionNoise, 1e-6));
    m_sensorPipeline = std::make_unique<DtSignalPipeline>();
    m_sensorPipeline->Add(std::make_unique<DtCleaner>(-1e6, 1e6, 1e9, 1))
        .Add(std::make_unique<DtExponentialSmoother>(m_sensorAlpha));
    m_windowStart = Simulator::Now();
    m_lastSentAt = Simulator::Now();
    TakeSample();
    if (m_anomalyRate > 0)
    {
        m_anomalyGap->SetAttribute("Mean", DoubleValue(1.0 / m_anomalyRate));
        m_anomalyEvent = Simulator::Schedule(
            Seconds(m_anomalyGap->GetValue()), &LocalDtDataModule::InjectAnomaly, this);
    }
}

void
LocalDtDataModule::Stop()
{
    m_event.Cancel();
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

double
LocalDtDataModule::GetReconstructionRmse() const
{
    return m_errorCount ? std::sqrt(m_squaredError / static_cast<double>(m_errorCount)) : 0.0;
}

double
LocalDtDataModule::GetSquaredErrorSum() const
{
    return m_squaredError;
}

uint64_t
LocalDtDataModule::GetCompressedValues() const
{
    return m_errorCount;
}

uint64_t
LocalDtDataModule::GetAnomaliesInjected() const
{
    return m_anomalies;
}

void
LocalDtDataModule::TakeSample()
{
    const Time now = Simulator::Now();
    Vector truth;
    if (Ptr<MobilityModel> mm = m_node->GetObject<MobilityModel>())
    {
        truth = mm->GetPosition();
    }
    DtSample raw;
    raw.offsetS = (now - m_windowStart).GetSeconds();
    raw.x = truth.x + m_positionNoise * m_noise->GetValue();
    raw.y = truth.y + m_positionNoise * m_noise->GetValue();
    raw.sensor = m_sensor->GetValue() + (now < m_anomalyUntil ? m_anomalyMagnitude : 0.0);

    // Processing: Kalman filter for position and velocity, cleaning and
    // smoothing for the sensor (a dropped reading keeps the last value).
    const double dt = m_samples ? m_samplePeriod.GetSeconds() : 0.0;
    m_kalman->Step(dt, raw.x, raw.y);
    const DtKalmanFilter::State s = m_kalman->GetState();
    DtSample processed;
    processed.offsetS = raw.offsetS;
    processed.x = s[0];
    processed.y = s[1];
    processed.vx = s[2];
    processed.vy = s[3];
    processed.sensor = m_latest.sensor;
    m_sensorPipeline->Process(raw.sensor, processed.sensor);
    raw.vx = processed.vx; // no velocity sensor: the raw record carries the estimate
    raw.vy = processed.vy;

    if (m_processed.size() >= m_maxSamples)
    {
        m_processed.erase(m_processed.begin());
        m_raw.erase(m_raw.begin());
    }
    m_raw.push_back(raw);
    m_processed.push_back(processed);
    m_latest = processed;
    ++m_samples;
    ++m_unprocessed;
    m_event = Simulator::Schedule(m_samplePeriod, &LocalDtDataModule::TakeSample, this);
}

bool
LocalDtDataModule::IsUpdateDue() const
{
    if (!m_sentOnce || m_changeThreshold <= 0 || Simulator::Now() - m_lastSentAt >= m_maxSilence)
    {
        return true;
    }
    const double moved = std::hypot(m_latest.x - m_lastSent.x, m_latest.y - m_lastSent.y);
    return moved > m_changeThreshold
           || std::fabs(m_latest.sensor - m_lastSent.sensor) > m_sensorChangeThreshold;
}

DtStatusUpdateHeader
LocalDtDataModule::BuildStatusUpdate(bool raw, uint32_t queueLength, uint32_t servingCell)
{
    DtStatusUpdateHeader su;
    su.SetPosition(Vector(m_latest.x, m_latest.y, 0));
    su.SetVelocity(Vector(m_latest.vx, m_latest.vy, 0));
    su.SetQueueLength(queueLength);
    su.SetServingCell(servingCell);
    const auto count = static_cast<uint16_t>(m_processed.size());
    std::vector<uint8_t> block;
    if (raw)
    {
        block = DtSampleCodec::EncodeRaw(m_raw);
        su.SetSamples(DtSampleEncoding::RAW, count, block);
    }
    else
    {
        block = DtSampleCodec::EncodeCompressed(
            m_processed,
            {m_positionBound, m_positionBound, m_velocityBound, m_velocityBound, m_sensorBound});
        // Measure what the twin will reconstruct.
        std::vector<DtSample> back;
        if (DtSampleCodec::DecodeCompressed(block, count, back))
        {
            for (std::size_t i = 0; i < back.size(); ++i)
            {
                const DtSample& a = m_processed[i];
                const DtSample& b = back[i];
                for (double d :
                     {a.x - b.x, a.y - b.y, a.vx - b.vx, a.vy - b.vy, a.sensor - b.sensor})
                {
                    m_squaredError += d * d;
                }
                m_errorCount += DtSampleCodec::CHANNELS;
            }
        }
        su.SetSamples(DtSampleEncoding::DELTA_QUANTIZED, count, block);
    }
    m_rawBytes += static_cast<uint64_t>(count) * DtSampleCodec::RAW_SAMPLE_BYTES;
    m_sentBytes += block.size();
    m_lastSent = m_latest;
    m_lastSentAt = Simulator::Now();
    m_sentOnce = true;
    m_raw.clear();
    m_processed.clear();
    m_windowStart = Simulator::Now();
    return su;
}

} // namespace ns3
