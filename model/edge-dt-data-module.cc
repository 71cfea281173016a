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
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <Eigen/Dense>

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
            .AddAttribute("AgentHistory",
                          "How much status update history an agent keeps (and a migration "
                          "transfers).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&EdgeDtDataModule::m_history),
                          MakeTimeChecker(Seconds(0)))
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
    return m_undecodable;
}

bool
EdgeDtDataModule::Join(uint32_t terminal, uint32_t servingCell, uint32_t modelVersion)
{
    auto [it, inserted] = m_agents.try_emplace(terminal);
    DtDigitalAgent& a = it->second;
    a.terminal = terminal;
    a.servingCell = servingCell;
    a.modelVersion = modelVersion;
    if (inserted)
    {
        a.joined = Simulator::Now();
        NS_LOG_LOGIC("agent of DT " << terminal << " joined (" << m_agents.size() << " agents)");
    }
    return inserted;
}

void
EdgeDtDataModule::Adopt(DtDigitalAgent agent)
{
    const uint32_t terminal = agent.terminal;
    m_agents[terminal] = std::move(agent);
    NS_LOG_LOGIC("agent of DT " << terminal << " migrated in (" << m_agents.size() << " agents)");
}

bool
EdgeDtDataModule::Synchronize(uint32_t terminal, Time generated)
{
    auto it = m_agents.find(terminal);
    if (it == m_agents.end())
    {
        return false;
    }
    it->second.Refresh(generated);
    return true;
}

void
EdgeDtDataModule::GetAgeOfInformation(double& integral, double& duration)
{
    integral = m_closedAoi;
    duration = m_closedAoiDuration;
    for (auto& [terminal, a] : m_agents)
    {
        if (a.aoiSince.IsNegative())
        {
            continue;
        }
        a.IntegrateAge(Simulator::Now());
        integral += a.aoiIntegral;
        duration += (a.aoiLast - a.aoiSince).GetSeconds();
    }
}

void
EdgeDtDataModule::Release(uint32_t terminal)
{
    m_agents.erase(terminal);
}

bool
EdgeDtDataModule::Leave(uint32_t terminal, Time leftAt)
{
    auto it = m_agents.find(terminal);
    if (it == m_agents.end())
    {
        return false;
    }
    DtDigitalAgent& a = it->second;
    if (!a.aoiSince.IsNegative())
    {
        a.IntegrateAge(leftAt.IsNegative() ? Simulator::Now() : leftAt);
        m_closedAoi += a.aoiIntegral;
        m_closedAoiDuration += (a.aoiLast - a.aoiSince).GetSeconds();
    }
    m_agents.erase(it);
    return true;
}

void
EdgeDtDataModule::ApplyStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt)
{
    auto [it, inserted] = m_agents.try_emplace(terminal);
    DtDigitalAgent& a = it->second;
    if (inserted)
    {
        a.terminal = terminal;
        a.joined = Simulator::Now();
    }
    if (sentAt < a.lastSampleTime)
    {
        return; // reordered: an older state must not overwrite a newer one
    }
    if (update.GetSampleCount() > 0)
    {
        std::vector<DtSampleStream> streams;
        const bool ok =
            update.GetEncoding() == DtSampleEncoding::DELTA_QUANTIZED
                ? DtSampleCodec::DecodeCompressed(
                    update.GetSamples(), update.GetSampleCount(), streams)
                : DtSampleCodec::DecodeRaw(update.GetSamples(), update.GetSampleCount(), streams);
        if (!ok)
        {
            ++m_undecodable;
        }
        for (const auto& st : streams)
        {
            const uint32_t n = st.GetCount();
            const auto first = st.values.end() - st.channels;
            a.mirror[static_cast<uint8_t>(st.source) - 1].assign(first, st.values.end());
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
            for (uint32_t i = 0; i < n; ++i)
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
    a.servingCell = update.GetServingCell();
    a.state = update;
    a.Remember(update, sentAt, m_history);
    a.Refresh(sentAt);
    a.lastSampleTime = sentAt;
    a.lastUpdate = Simulator::Now();
    ++a.updates;
    ++m_updatesInWindow;
}

const DtDigitalAgent*
EdgeDtDataModule::GetAgent(uint32_t terminal) const
{
    auto it = m_agents.find(terminal);
    return it == m_agents.end() ? nullptr : &it->second;
}

const std::map<uint32_t, DtDigitalAgent>&
EdgeDtDataModule::GetAgents() const
{
    return m_agents;
}

DtRegionSummaryHeader
EdgeDtDataModule::BuildRegionSummary()
{
    constexpr int D = 4; // x, y, vx, vy
    DtRegionSummaryHeader s;
    s.SetAgentCount(static_cast<uint32_t>(m_agents.size()));
    s.SetStatusUpdates(m_updatesInWindow);
    s.SetWindow(m_windowStart, Simulator::Now());
    std::vector<double> mean;
    std::vector<double> cov;
    if (!m_agents.empty())
    {
        Eigen::MatrixXd x(static_cast<Eigen::Index>(m_agents.size()), D);
        Eigen::Index row = 0;
        for (const auto& [id, a] : m_agents)
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
