/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-ar-forecaster.h"

#include "ns3/abort.h"

#include <Eigen/Dense>

namespace ns3
{

DtArForecaster::DtArForecaster(uint32_t order)
    : m_order(order)
{
    NS_ABORT_MSG_IF(order < 1, "AR order must be >= 1");
}

bool
DtArForecaster::Fit(const std::vector<double>& series)
{
    const std::size_t p = m_order;
    if (series.size() < 2 * p + 1)
    {
        return false;
    }
    const auto rows = static_cast<Eigen::Index>(series.size() - p);
    Eigen::MatrixXd a(rows, static_cast<Eigen::Index>(p + 1));
    Eigen::VectorXd b(rows);
    for (Eigen::Index r = 0; r < rows; ++r)
    {
        const std::size_t t = static_cast<std::size_t>(r) + p;
        a(r, 0) = 1.0;
        for (std::size_t k = 1; k <= p; ++k)
        {
            a(r, static_cast<Eigen::Index>(k)) = series[t - k];
        }
        b(r) = series[t];
    }
    const Eigen::VectorXd x = a.colPivHouseholderQr().solve(b);
    m_coefficients.assign(x.data(), x.data() + x.size());
    return true;
}

bool
DtArForecaster::IsFitted() const
{
    return !m_coefficients.empty();
}

const std::vector<double>&
DtArForecaster::GetCoefficients() const
{
    return m_coefficients;
}

std::vector<double>
DtArForecaster::Forecast(const std::vector<double>& history, uint32_t steps) const
{
    NS_ABORT_MSG_IF(!IsFitted(), "AR forecast before a fit");
    NS_ABORT_MSG_IF(history.size() < m_order,
                    "AR(" << m_order << ") forecast needs " << m_order << " past values, got "
                          << history.size());
    std::vector<double> window(history.end() - m_order, history.end());
    std::vector<double> out;
    for (uint32_t s = 0; s < steps; ++s)
    {
        double next = m_coefficients[0];
        for (uint32_t k = 1; k <= m_order; ++k)
        {
            next += m_coefficients[k] * window[window.size() - k];
        }
        out.push_back(next);
        window.push_back(next);
    }
    return out;
}

} // namespace ns3
