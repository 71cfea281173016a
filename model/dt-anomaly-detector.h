/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ANOMALY_DETECTOR_H
#define DT_ANOMALY_DETECTOR_H

#include <cstdint>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Multivariate anomaly detector of an edge DT's data module: the squared
 * Mahalanobis distance of an observation to the running mean and covariance
 * of the observations seen so far, against the chi-square quantile of a
 * false-alarm probability.
 *
 * For Gaussian data of dimension d, the squared distance is chi-square with
 * d degrees of freedom, so the threshold chi2_d(1 - FalseAlarm) flags a
 * fraction FalseAlarm of normal observations. Observations flagged as
 * anomalous do not update the statistics (they would inflate the
 * covariance and mask later anomalies); the covariance learned from the
 * remaining, truncated data is corrected by the known shrink factor of a
 * truncated Gaussian, F_{d+2}(t) / F_d(t). Nothing is flagged before Warmup
 * observations have been learned.
 */
class DtAnomalyDetector
{
  public:
    /**
     * \param dimension observation size, >= 1
     * \param falseAlarm false-alarm probability on Gaussian data, in (0, 1)
     * \param warmup observations learned before testing, > dimension
     */
    DtAnomalyDetector(uint32_t dimension, double falseAlarm, uint32_t warmup);
    ~DtAnomalyDetector();
    DtAnomalyDetector(DtAnomalyDetector&&) noexcept;            //!< Move.
    DtAnomalyDetector& operator=(DtAnomalyDetector&&) noexcept; //!< Move-assign.

    /**
     * Test an observation, then learn it unless it is anomalous.
     * \param x the observation (dimension values)
     * \param distance2 if not null, set to the observation's squared distance
     *        (0 during the warm-up)
     * \return true if it is flagged as anomalous
     */
    bool Observe(const std::vector<double>& x, double* distance2 = nullptr);

    /**
     * \param x an observation
     * \return its squared Mahalanobis distance to the current statistics
     */
    double Distance2(const std::vector<double>& x) const;

    /** \return the squared-distance threshold */
    double GetThreshold() const;
    /** \return observations learned */
    uint64_t GetCount() const;
    /** \return the running mean */
    std::vector<double> GetMean() const;
    /** \return the running covariance, row-major */
    std::vector<double> GetCovariance() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl; //!< Eigen state
};

} // namespace ns3

#endif /* DT_ANOMALY_DETECTOR_H */
