/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-signal-steps.h"

#include "ns3/abort.h"

#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/count.hpp>
#include <boost/accumulators/statistics/mean.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <boost/accumulators/statistics/variance.hpp>

#include <cmath>

namespace ns3
{

namespace acc = boost::accumulators;

/// Running count, mean and variance.
using RunningStats =
    acc::accumulator_set<double, acc::stats<acc::tag::count, acc::tag::mean, acc::tag::variance>>;

struct DtCleaner::Stats
{
    RunningStats s; //!< accepted samples
};

struct DtStandardizer::Stats
{
    RunningStats s; //!< all samples
};

DtCleaner::DtCleaner(double min, double max, double outlierSigmas, uint32_t warmup)
    : m_min(min)
    , m_max(max)
    , m_sigmas(outlierSigmas)
    , m_warmup(warmup)
    , m_stats(std::make_unique<Stats>())
{
    NS_ABORT_MSG_IF(!(min <= max), "cleaner range [" << min << ", " << max << "] is empty");
    NS_ABORT_MSG_IF(!(outlierSigmas > 0), "outlier distance must be positive");
}

DtCleaner::~DtCleaner() = default;

bool
DtCleaner::Process(double in, double& out)
{
    if (std::isnan(in))
    {
        if (!m_haveLast)
        {
            ++m_dropped;
            return false;
        }
        ++m_filled;
        out = m_last;
        return true;
    }
    if (!(in >= m_min && in <= m_max))
    {
        ++m_dropped;
        return false;
    }
    if (acc::count(m_stats->s) >= m_warmup)
    {
        const double sd = std::sqrt(acc::variance(m_stats->s));
        if (sd > 0 && std::fabs(in - acc::mean(m_stats->s)) > m_sigmas * sd)
        {
            ++m_dropped;
            return false;
        }
    }
    m_stats->s(in);
    m_last = in;
    m_haveLast = true;
    out = in;
    return true;
}

uint64_t
DtCleaner::GetDropped() const
{
    return m_dropped;
}

uint64_t
DtCleaner::GetFilled() const
{
    return m_filled;
}

DtExponentialSmoother::DtExponentialSmoother(double alpha)
    : m_alpha(alpha)
{
    NS_ABORT_MSG_IF(!(alpha > 0 && alpha <= 1),
                    "smoothing factor must be in (0, 1], got " << alpha);
}

bool
DtExponentialSmoother::Process(double in, double& out)
{
    m_y = m_started ? m_alpha * in + (1 - m_alpha) * m_y : in;
    m_started = true;
    out = m_y;
    return true;
}

DtStandardizer::DtStandardizer()
    : m_stats(std::make_unique<Stats>())
{
}

DtStandardizer::~DtStandardizer() = default;
DtStandardizer::DtStandardizer(DtStandardizer&&) noexcept = default;
DtStandardizer& DtStandardizer::operator=(DtStandardizer&&) noexcept = default;

bool
DtStandardizer::Process(double in, double& out)
{
    m_stats->s(in);
    const double sd = std::sqrt(acc::variance(m_stats->s));
    out = (acc::count(m_stats->s) >= 2 && sd > 0) ? (in - acc::mean(m_stats->s)) / sd : 0.0;
    return true;
}

double
DtStandardizer::GetMean() const
{
    return acc::count(m_stats->s) ? acc::mean(m_stats->s) : 0.0;
}

double
DtStandardizer::GetStd() const
{
    return acc::count(m_stats->s) >= 2 ? std::sqrt(acc::variance(m_stats->s)) : 0.0;
}

double
DtStandardizer::InStd(double delta) const
{
    const double sd = GetStd();
    return sd > 0 ? delta / sd : 0.0;
}

DtSignalPipeline&
DtSignalPipeline::Add(std::unique_ptr<DtSignalStep> step)
{
    NS_ABORT_MSG_IF(!step, "null pipeline step");
    m_steps.push_back(std::move(step));
    return *this;
}

bool
DtSignalPipeline::Process(double in, double& out)
{
    double v = in;
    for (auto& step : m_steps)
    {
        if (!step->Process(v, v))
        {
            return false;
        }
    }
    out = v;
    return true;
}

} // namespace ns3
