/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_AR_FORECASTER_H
#define DT_AR_FORECASTER_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Autoregressive forecaster of a cloud DT's data module: fits
 * x_t = c + a_1 x_{t-1} + ... + a_p x_{t-p} + e_t by least squares (Eigen,
 * column-pivoting QR) and forecasts ahead by iterating the fitted model.
 */
class DtArForecaster
{
  public:
    /**
     * \param order the AR order p, >= 1
     */
    explicit DtArForecaster(uint32_t order);

    /**
     * Fit the model to a series.
     * \param series at least 2 p + 1 values
     * \return false (model unchanged) if the series is too short
     */
    bool Fit(const std::vector<double>& series);

    /** \return true once a fit succeeded */
    bool IsFitted() const;
    /** \return the coefficients: intercept c, then a_1 .. a_p */
    const std::vector<double>& GetCoefficients() const;

    /**
     * \param history the most recent values, at least p
     * \param steps how far ahead, >= 1
     * \return the forecasts for the next steps values
     */
    std::vector<double> Forecast(const std::vector<double>& history, uint32_t steps) const;

  private:
    uint32_t m_order;                   //!< p
    std::vector<double> m_coefficients; //!< c, a_1 .. a_p (empty before a fit)
};

} // namespace ns3

#endif /* DT_AR_FORECASTER_H */
