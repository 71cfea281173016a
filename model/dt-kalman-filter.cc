/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-kalman-filter.h"

#include "ns3/abort.h"

#include <Eigen/Dense>

#include <cmath>

namespace ns3
{

namespace
{
using Mat4 = Eigen::Matrix<double, 4, 4, Eigen::RowMajor>;
using Vec4 = Eigen::Matrix<double, 4, 1>;
} // namespace

DtKalmanFilter::DtKalmanFilter(double processNoise, double measurementNoise)
    : m_q(processNoise)
    , m_r(measurementNoise)
    , m_initialized(false)
    , m_x{}
    , m_p{}
{
    NS_ABORT_MSG_IF(!(std::isfinite(processNoise) && processNoise > 0),
                    "Kalman process noise must be positive, got " << processNoise);
    NS_ABORT_MSG_IF(!(std::isfinite(measurementNoise) && measurementNoise > 0),
                    "Kalman measurement noise must be positive, got " << measurementNoise);
}

bool
DtKalmanFilter::IsInitialized() const
{
    return m_initialized;
}

DtKalmanFilter::State
DtKalmanFilter::GetState() const
{
    return m_x;
}

DtKalmanFilter::Covariance
DtKalmanFilter::GetCovariance() const
{
    return m_p;
}

void
DtKalmanFilter::Step(double dt, double x, double y)
{
    Eigen::Map<Vec4> state(m_x.data());
    Eigen::Map<Mat4> p(m_p.data());
    if (!m_initialized)
    {
        state << x, y, 0, 0;
        p.setZero();
        p(0, 0) = p(1, 1) = m_r;
        p(2, 2) = p(3, 3) = 1e4; // unknown velocity
        m_initialized = true;
        return;
    }
    NS_ABORT_MSG_IF(!(dt >= 0), "Kalman step with negative dt " << dt);

    // Predict.
    Mat4 f = Mat4::Identity();
    f(0, 2) = f(1, 3) = dt;
    const double dt2 = dt * dt;
    const double dt3 = dt2 * dt;
    Mat4 q = Mat4::Zero();
    for (int axis = 0; axis < 2; ++axis)
    {
        q(axis, axis) = m_q * dt3 / 3;
        q(axis, axis + 2) = q(axis + 2, axis) = m_q * dt2 / 2;
        q(axis + 2, axis + 2) = m_q * dt;
    }
    state = f * state;
    p = f * p * f.transpose() + q;

    // Update with the position measurement.
    Eigen::Matrix<double, 2, 4> h = Eigen::Matrix<double, 2, 4>::Zero();
    h(0, 0) = h(1, 1) = 1;
    const Eigen::Matrix2d s = h * p * h.transpose() + m_r * Eigen::Matrix2d::Identity();
    const Eigen::Matrix<double, 4, 2> k = p * h.transpose() * s.inverse();
    const Eigen::Vector2d innovation = Eigen::Vector2d(x, y) - h * state;
    state += k * innovation;
    // Joseph form keeps the covariance symmetric and positive.
    const Mat4 ikh = Mat4::Identity() - k * h;
    p = ikh * p * ikh.transpose() + k * (m_r * Eigen::Matrix2d::Identity()) * k.transpose();
}

} // namespace ns3
