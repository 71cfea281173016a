/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-anomaly-detector.h"

#include "ns3/abort.h"

#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>

namespace ns3
{

/// Running statistics (Welford's algorithm, multivariate).
struct DtAnomalyDetector::Impl
{
    uint32_t d;              //!< dimension
    uint32_t warmup;         //!< observations before testing
    double threshold;        //!< squared-distance threshold
    double truncation;       //!< covariance shrink of threshold-truncated Gaussian data
    uint64_t untruncated{0}; //!< observations learned before testing began
    uint64_t n{0};           //!< observations learned
    Eigen::VectorXd mean;    //!< running mean
    Eigen::MatrixXd m2;      //!< sum of outer products of deviations
};

DtAnomalyDetector::DtAnomalyDetector(uint32_t dimension, double falseAlarm, uint32_t warmup)
    : m_impl(std::make_unique<Impl>())
{
    NS_ABORT_MSG_IF(dimension < 1, "anomaly detector dimension must be >= 1");
    NS_ABORT_MSG_IF(!(falseAlarm > 0 && falseAlarm < 1),
                    "false-alarm probability must be in (0, 1), got " << falseAlarm);
    NS_ABORT_MSG_IF(warmup <= dimension,
                    "warm-up of " << warmup << " observations must exceed the dimension "
                                  << dimension);
    m_impl->d = dimension;
    m_impl->warmup = warmup;
    boost::math::chi_squared chi2(dimension);
    m_impl->threshold = boost::math::quantile(boost::math::complement(chi2, falseAlarm));
    // Only observations inside the threshold ellipsoid are learned once
    // testing starts; for Gaussian data their covariance is the true one times
    // F_{d+2}(t) / F_d(t) (F: chi-square CDF), which is divided out below.
    boost::math::chi_squared chi2plus(dimension + 2);
    m_impl->truncation = boost::math::cdf(chi2plus, m_impl->threshold) / (1 - falseAlarm);
    m_impl->mean = Eigen::VectorXd::Zero(dimension);
    m_impl->m2 = Eigen::MatrixXd::Zero(dimension, dimension);
}

DtAnomalyDetector::~DtAnomalyDetector() = default;
DtAnomalyDetector::DtAnomalyDetector(DtAnomalyDetector&&) noexcept = default;
DtAnomalyDetector& DtAnomalyDetector::operator=(DtAnomalyDetector&&) noexcept = default;

double
DtAnomalyDetector::Distance2(const std::vector<double>& x) const
{
    NS_ABORT_MSG_IF(x.size() != m_impl->d,
                    "observation of size " << x.size() << ", expected " << m_impl->d);
    if (m_impl->n < 2)
    {
        return 0;
    }
    const Eigen::Map<const Eigen::VectorXd> v(x.data(), m_impl->d);
    const double n = static_cast<double>(m_impl->n);
    const double untruncated = static_cast<double>(m_impl->untruncated);
    const double shrink = (untruncated + (n - untruncated) * m_impl->truncation) / n;
    const Eigen::MatrixXd cov = m_impl->m2 / ((n - 1) * shrink);
    const Eigen::VectorXd diff = v - m_impl->mean;
    // A tiny ridge keeps degenerate features (e.g. a constant) from
    // making the covariance singular.
    const Eigen::MatrixXd reg = cov + 1e-9 * Eigen::MatrixXd::Identity(m_impl->d, m_impl->d);
    return diff.dot(reg.ldlt().solve(diff));
}

bool
DtAnomalyDetector::Observe(const std::vector<double>& x, double* distance2)
{
    const bool testing = m_impl->n >= m_impl->warmup;
    const double d2 = testing ? Distance2(x) : 0.0;
    if (distance2)
    {
        *distance2 = d2;
    }
    if (testing && d2 > m_impl->threshold)
    {
        return true;
    }
    NS_ABORT_MSG_IF(x.size() != m_impl->d,
                    "observation of size " << x.size() << ", expected " << m_impl->d);
    const Eigen::Map<const Eigen::VectorXd> v(x.data(), m_impl->d);
    ++m_impl->n;
    if (!testing)
    {
        ++m_impl->untruncated;
    }
    const Eigen::VectorXd delta = v - m_impl->mean;
    m_impl->mean += delta / static_cast<double>(m_impl->n);
    m_impl->m2 += delta * (v - m_impl->mean).transpose();
    return false;
}

double
DtAnomalyDetector::GetThreshold() const
{
    return m_impl->threshold;
}

uint64_t
DtAnomalyDetector::GetCount() const
{
    return m_impl->n;
}

std::vector<double>
DtAnomalyDetector::GetMean() const
{
    return std::vector<double>(m_impl->mean.data(), m_impl->mean.data() + m_impl->d);
}

std::vector<double>
DtAnomalyDetector::GetCovariance() const
{
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> c =
        m_impl->n > 1 ? Eigen::MatrixXd(m_impl->m2 / static_cast<double>(m_impl->n - 1))
                      : Eigen::MatrixXd::Zero(m_impl->d, m_impl->d);
    return std::vector<double>(c.data(), c.data() + c.size());
}

} // namespace ns3
