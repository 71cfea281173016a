/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_KALMAN_FILTER_H
#define DT_KALMAN_FILTER_H

#include <array>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Kalman filter of a 2D constant-velocity track (state x, y, vx, vy) from
 * noisy position measurements: the denoising step of a local DT's data
 * module.
 *
 * Process model: white acceleration noise of spectral density
 * ProcessNoise (m^2/s^3) per axis, i.e. the discretized covariance
 * q [dt^3/3, dt^2/2; dt^2/2, dt] per axis. Measurement model: position with
 * independent noise of variance MeasurementNoise (m^2) per axis. The
 * first measurement initializes the position (velocity 0, large variance).
 * Linear algebra is done with Eigen in the implementation; the interface
 * uses plain arrays so that includers need not compile Eigen.
 */
class DtKalmanFilter
{
  public:
    /// State vector (x, y, vx, vy).
    using State = std::array<double, 4>;
    /// Row-major 4x4 covariance.
    using Covariance = std::array<double, 16>;

    /**
     * \param processNoise acceleration noise spectral density, > 0
     * \param measurementNoise position measurement variance, > 0
     */
    DtKalmanFilter(double processNoise, double measurementNoise);

    /**
     * Advance the state by dt seconds and fuse a position measurement.
     * \param dt time since the previous step, >= 0 (ignored at the first step)
     * \param x measured x
     * \param y measured y
     */
    void Step(double dt, double x, double y);

    /** \return true once a measurement was fused */
    bool IsInitialized() const;
    /** \return the state estimate */
    State GetState() const;
    /** \return the estimate's covariance */
    Covariance GetCovariance() const;

  private:
    double m_q;         //!< process noise spectral density
    double m_r;         //!< measurement noise variance
    bool m_initialized; //!< a measurement was fused
    State m_x;          //!< state
    Covariance m_p;     //!< covariance
};

} // namespace ns3

#endif /* DT_KALMAN_FILTER_H */
