/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-dt-data-module.h"

#include "dt-sample-codec.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(EdgeDtDataModule);

TypeId
EdgeDtDataModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeDtDataModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<EdgeDtDataModule>()
            .AddAttribute("AgentPool",
                          "The digital agents of the terminals this edge DT serves.",
                          PointerValue(),
                          MakePointerAccessor(&EdgeDtDataModule::m_pool),
                          MakePointerChecker<DtAgentPool>())
            .AddAttribute("AnomalyFalseAlarm",
                          "False-alarm probability of the anomaly detector on normal data.",
                          DoubleValue(1e-4),
                          MakeDoubleAccessor(&EdgeDtDataModule::m_falseAlarm),
                          MakeDoubleChecker<double>(1e-12, 0.5))
            .AddAttribute("AnomalyWarmup",
                          "Samples the detector learns before it flags anything (few: an "
                          "anomaly learned during the warm-up inflates the statistics).",
                          UintegerValue(50),
                          MakeUintegerAccessor(&EdgeDtDataModule::m_warmup),
                          MakeUintegerChecker<uint32_t>(2))
            .AddTraceSource("AnomalyFlagged",
                            "A terminal's sample was flagged as anomalous.",
                            MakeTraceSourceAccessor(&EdgeDtDataModule::m_anomalyTrace),
                            "ns3::EdgeDtDataModule::AnomalyTracedCallback");
    return tid;
}

EdgeDtDataModule::EdgeDtDataModule()
    : m_pool(CreateObject<DtAgentPool>())
{
}

EdgeDtDataModule::~EdgeDtDataModule()
{
}

uint64_t
EdgeDtDataModule::GetAnomaliesFlagged() const
{
    return m_flagged;
}

uint64_t
EdgeDtDataModule::GetUndecodableBlocks() const
{
    return m_pool->GetUndecodableBlocks();
}

void
EdgeDtDataModule::ApplyStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt)
{
    std::vector<DtSampleStream> streams;
    if (!m_pool->ApplyStatus(terminal, update, sentAt, &streams))
    {
        return;
    }
    ++m_updatesInWindow;
    m_blockBytes += update.GetSamples().size();
    m_blockRawBytes += DtSampleCodec::RawSize(streams);
    for (const auto& st : streams)
    {
        if (st.source != DtSource::SENSOR)
        {
            continue;
        }
        auto& detector = m_detectors[st.channels];
        if (!detector)
        {
            detector = std::make_unique<DtAnomalyDetector>(st.channels, m_falseAlarm, m_warmup);
        }
        std::vector<double> feature(st.channels);
        for (uint32_t i = 0; i < st.GetCount(); ++i)
        {
            for (uint32_t c = 0; c < st.channels; ++c)
            {
                feature[c] = st.At(i, c);
            }
            double d2 = 0;
            if (detector->Observe(feature, &d2))
            {
                ++m_flagged;
                m_flaggedInWindow.insert(terminal);
                m_anomalyTrace(terminal, d2);
            }
        }
    }
}

double
EdgeDtDataModule::GetReduction() const
{
    return m_blockRawBytes > 0
               ? static_cast<double>(m_blockBytes) / static_cast<double>(m_blockRawBytes)
               : 1.0;
}

uint32_t
EdgeDtDataModule::Reduce(uint32_t rawBytes) const
{
    if (rawBytes == 0)
    {
        return 0;
    }
    const double reduced = std::ceil(rawBytes * std::min(1.0, GetReduction()));
    return std::max<uint32_t>(1, static_cast<uint32_t>(reduced));
}

Ptr<DtAgentPool>
EdgeDtDataModule::GetAgentPool() const
{
    return m_pool;
}

DtRegionSummaryHeader
EdgeDtDataModule::BuildRegionSummary()
{
    constexpr int D = 4; // x, y, vx, vy
    const std::map<uint32_t, DtDigitalAgent>& agents = m_pool->GetAgents();
    DtRegionSummaryHeader s;
    s.SetAgentCount(static_cast<uint32_t>(agents.size()));
    s.SetStatusUpdates(m_updatesInWindow);
    s.SetWindow(m_windowStart, Simulator::Now());
    std::vector<double> mean;
    std::vector<double> cov;
    if (!agents.empty())
    {
        Eigen::MatrixXd x(static_cast<Eigen::Index>(agents.size()), D);
        Eigen::Index row = 0;
        for (const auto& [id, a] : agents)
        {
            Vector p = a.state.GetPosition();
            Vector v = a.state.GetVelocity();
            x.row(row++) << p.x, p.y, v.x, v.y;
        }
        Eigen::RowVectorXd mu = x.colwise().mean();
        Eigen::MatrixXd centered = x.rowwise() - mu;
        const double n = static_cast<double>(x.rows());
        Eigen::MatrixXd c = (centered.transpose() * centered) / (n > 1 ? n - 1 : 1.0);
        for (int i = 0; i < D; ++i)
        {
            mean.push_back(mu(i));
            for (int j = i; j < D; ++j)
            {
                cov.push_back(c(i, j));
            }
        }
    }
    s.SetStatistics(mean, cov);
    s.SetAnomalies(std::vector<uint32_t>(m_flaggedInWindow.begin(), m_flaggedInWindow.end()));
    m_flaggedInWindow.clear();
    m_updatesInWindow = 0;
    m_windowStart = Simulator::Now();
    return s;
}

} // namespace ns3
