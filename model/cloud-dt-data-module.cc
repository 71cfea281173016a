/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cloud-dt-data-module.h"

#include "dt-sample-codec.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <Eigen/Dense>

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CloudDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(CloudDtDataModule);

TypeId
CloudDtDataModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CloudDtDataModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<CloudDtDataModule>()
            .AddAttribute("AgentPool",
                          "The twins placed in the cloud (multi-layer architecture).",
                          PointerValue(),
                          MakePointerAccessor(&CloudDtDataModule::m_pool),
                          MakePointerChecker<DtAgentPool>())
            .AddAttribute("AnomalyFalseAlarm",
                          "False-alarm probability of the anomaly detector on normal data.",
                          DoubleValue(1e-4),
                          MakeDoubleAccessor(&CloudDtDataModule::m_falseAlarm),
                          MakeDoubleChecker<double>(1e-12, 0.5))
            .AddAttribute("AnomalyWarmup",
                          "Samples the detector learns before it flags anything (few: an "
                          "anomaly learned during the warm-up inflates the statistics).",
                          UintegerValue(50),
                          MakeUintegerAccessor(&CloudDtDataModule::m_warmup),
                          MakeUintegerChecker<uint32_t>(2))
            .AddAttribute("SensorSmoothing",
                          "Exponential smoothing factor applied to raw sensor samples.",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&CloudDtDataModule::m_sensorAlpha),
                          MakeDoubleChecker<double>(1e-6, 1.0))
            .AddAttribute("LoadArOrder",
                          "Order of the autoregressive model of each edge's demand load.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&CloudDtDataModule::m_arOrder),
                          MakeUintegerChecker<uint32_t>(1, 16))
            .AddAttribute("LoadHistory",
                          "Windows of load kept per edge to fit its model.",
                          UintegerValue(120),
                          MakeUintegerAccessor(&CloudDtDataModule::m_history),
                          MakeUintegerChecker<uint32_t>(8, 100000))
            .AddAttribute("MinTrainingSamples",
                          "Served demands needed before a delay model is trained.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&CloudDtDataModule::m_minTraining),
                          MakeUintegerChecker<uint32_t>(2))
            .AddTraceSource("LoadForecast",
                            "The next window's demand work of an edge was forecast.",
                            MakeTraceSourceAccessor(&CloudDtDataModule::m_forecastTrace),
                            "ns3::CloudDtDataModule::ForecastTracedCallback")
            .AddTraceSource("SummaryApplied",
                            "A region summary arrived (edge DT id, window start and end).",
                            MakeTraceSourceAccessor(&CloudDtDataModule::m_summaryTrace),
                            "ns3::CloudDtDataModule::SummaryTracedCallback")
            .AddTraceSource("AnomalyFlagged",
                            "A terminal's raw sample was flagged as anomalous.",
                            MakeTraceSourceAccessor(&CloudDtDataModule::m_anomalyTrace),
                            "ns3::CloudDtDataModule::AnomalyTracedCallback");
    return tid;
}

CloudDtDataModule::CloudDtDataModule()
    : m_pool(CreateObject<DtAgentPool>())
{
}

CloudDtDataModule::~CloudDtDataModule()
{
}

uint64_t
CloudDtDataModule::GetAnomaliesFlagged() const
{
    return m_flagged;
}

bool
CloudDtDataModule::TrainDelayModel(const std::vector<std::pair<double, double>>& samples,
                                   std::vector<double>& parameters)
{
    m_training.insert(m_training.end(), samples.begin(), samples.end());
    const std::size_t keep = 50 * static_cast<std::size_t>(m_history);
    if (m_training.size() > keep)
    {
        m_training.erase(m_training.begin(), m_training.end() - keep);
    }
    if (m_training.size() < m_minTraining)
    {
        return false;
    }
    const auto n = static_cast<Eigen::Index>(m_training.size());
    Eigen::MatrixXd a(n, 2);
    Eigen::VectorXd b(n);
    for (Eigen::Index i = 0; i < n; ++i)
    {
        a(i, 0) = 1.0;
        a(i, 1) = m_training[i].first;
        b(i) = m_training[i].second;
    }
    const Eigen::VectorXd x = a.colPivHouseholderQr().solve(b);
    if (!x.allFinite())
    {
        return false;
    }
    parameters = {x(0), x(1)};
    m_trainedOn = static_cast<uint32_t>(n);
    return true;
}

uint32_t
CloudDtDataModule::GetTrainingSamples() const
{
    return m_trainedOn;
}

std::map<uint32_t, double>
CloudDtDataModule::ForecastLoad(const std::map<uint32_t, double>& arrived)
{
    for (const auto& [edge, gflop] : arrived)
    {
        m_load.try_emplace(edge);
    }
    std::map<uint32_t, double> forecast;
    for (auto& [edge, series] : m_load)
    {
        auto it = arrived.find(edge);
        series.push_back(it == arrived.end() ? 0.0 : it->second);
        if (series.size() > m_history)
        {
            series.erase(series.begin());
        }
        double next = series.back();
        DtArForecaster ar(m_arOrder);
        if (ar.Fit(series))
        {
            next = std::max(0.0, ar.Forecast(series, 1).front());
        }
        forecast[edge] = next;
        m_forecastTrace(edge, next);
    }
    return forecast;
}

void
CloudDtDataModule::ApplySummary(uint32_t edge, const DtRegionSummaryHeader& summary)
{
    // Summaries held back while the cloud was unreachable arrive late: the
    // region view keeps the newest window.
    auto it = m_regions.find(edge);
    if (it == m_regions.end() || it->second.GetWindowEnd() <= summary.GetWindowEnd())
    {
        m_regions[edge] = summary;
    }
    ++m_summaries;
    m_summaryTrace(edge, summary.GetWindowStart(), summary.GetWindowEnd());
}

void
CloudDtDataModule::ApplyRawStatus(uint32_t terminal, const DtStatusUpdateHeader& update)
{
    m_twins[terminal] = update;
    m_rawSamples += update.GetSampleCount();
    std::vector<DtSampleStream> streams;
    if (update.GetEncoding() != DtSampleEncoding::RAW
        || !DtSampleCodec::DecodeRaw(update.GetSamples(), update.GetSampleCount(), streams))
    {
        return;
    }
    for (const auto& st : streams)
    {
        if (st.source != DtSource::SENSOR)
        {
            continue;
        }
        // The cloud twin does the processing the local DT does in the
        // multi-layer architecture: cleaning and smoothing, then detection.
        auto& pipes = m_pipelines[terminal];
        if (pipes.size() != st.channels)
        {
            pipes.clear();
            pipes.resize(st.channels);
            for (auto& p : pipes)
            {
                p.Add(std::make_unique<DtCleaner>(-1e6, 1e6, 1e9, 1))
                    .Add(std::make_unique<DtExponentialSmoother>(m_sensorAlpha));
            }
        }
        auto& detector = m_detectors[st.channels];
        if (!detector)
        {
            detector = std::make_unique<DtAnomalyDetector>(st.channels, m_falseAlarm, m_warmup);
        }
        std::vector<double> feature(st.channels, 0.0);
        for (uint32_t i = 0; i < st.GetCount(); ++i)
        {
            bool ok = true;
            for (uint32_t c = 0; c < st.channels; ++c)
            {
                ok = pipes[c].Process(st.At(i, c), feature[c]) && ok;
            }
            double d2 = 0;
            if (ok && detector->Observe(feature, &d2))
            {
                ++m_flagged;
                m_anomalyTrace(terminal, d2);
            }
        }
    }
}

const std::map<uint32_t, DtRegionSummaryHeader>&
CloudDtDataModule::GetRegions() const
{
    return m_regions;
}

const std::map<uint32_t, DtStatusUpdateHeader>&
CloudDtDataModule::GetTwins() const
{
    return m_twins;
}

uint32_t
CloudDtDataModule::GetTerminalCount() const
{
    uint32_t n = static_cast<uint32_t>(m_twins.size());
    for (const auto& [edge, s] : m_regions)
    {
        n += s.GetAgentCount();
    }
    return n;
}

uint64_t
CloudDtDataModule::GetSummariesReceived() const
{
    return m_summaries;
}

uint64_t
CloudDtDataModule::GetRawSamplesReceived() const
{
    return m_rawSamples;
}

Ptr<DtAgentPool>
CloudDtDataModule::GetAgentPool() const
{
    return m_pool;
}

} // namespace ns3
