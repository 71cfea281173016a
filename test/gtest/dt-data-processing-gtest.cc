/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Analytic tests of the data-module processing steps: Kalman filter against
// its theoretical steady-state error, compression error bound and size,
// Mahalanobis detector against the chi-square tail, AR least squares.

#include "ns3/dt-anomaly-detector.h"
#include "ns3/dt-ar-forecaster.h"
#include "ns3/dt-delta-quantizer.h"
#include "ns3/dt-kalman-filter.h"
#include "ns3/dt-sample-codec.h"
#include "ns3/dt-signal-steps.h"

#include <Eigen/Dense>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

using namespace ns3;

TEST(DtKalmanFilter, SteadyStateErrorMatchesTheory)
{
    // A constant-velocity track driven by white acceleration noise of the
    // same density the filter assumes, measured with the assumed noise: the
    // filter is consistent, so its empirical squared error converges to the
    // covariance it reports.
    const double q = 0.5;
    const double r = 4.0;
    const double dt = 0.1;
    Eigen::Matrix2d qAxis;
    qAxis << q * dt * dt * dt / 3, q * dt * dt / 2, q * dt * dt / 2, q * dt;
    const Eigen::Matrix2d l = qAxis.llt().matrixL();
    std::mt19937 rng(7);
    std::normal_distribution<double> n01(0, 1);

    DtKalmanFilter kf(q, r);
    Eigen::Vector2d tx(0, 3);  // x position, x velocity
    Eigen::Vector2d ty(0, -1); // y position, y velocity
    double se = 0;
    double seRaw = 0;
    double seVel = 0;
    int counted = 0;
    const int steps = 40000;
    for (int k = 0; k < steps; ++k)
    {
        for (Eigen::Vector2d* t : {&tx, &ty})
        {
            Eigen::Vector2d next((*t)(0) + dt * (*t)(1), (*t)(1));
            *t = next + l * Eigen::Vector2d(n01(rng), n01(rng));
        }
        const double zx = tx(0) + std::sqrt(r) * n01(rng);
        const double zy = ty(0) + std::sqrt(r) * n01(rng);
        kf.Step(dt, zx, zy);
        if (k >= 500)
        {
            const auto s = kf.GetState();
            se += (s[0] - tx(0)) * (s[0] - tx(0));
            seVel += (s[2] - tx(1)) * (s[2] - tx(1));
            seRaw += (zx - tx(0)) * (zx - tx(0));
            ++counted;
        }
    }
    const auto p = kf.GetCovariance();
    const double pxx = p[0];  // steady-state position variance
    const double pvv = p[10]; // steady-state velocity variance
    EXPECT_NEAR(se / counted / pxx, 1.0, 0.1);
    EXPECT_NEAR(seVel / counted / pvv, 1.0, 0.1);
    EXPECT_NEAR(seRaw / counted / r, 1.0, 0.05);
    EXPECT_LT(pxx, r); // it denoises
}

TEST(DtDeltaQuantizer, ReconstructionWithinBound)
{
    const double e = 0.01;
    DtDeltaQuantizer dq(e);
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0, 1);
    std::vector<double> v;
    for (int i = 0; i < 5000; ++i)
    {
        v.push_back(100 * std::sin(i * 0.001) + 0.002 * noise(rng) - 50);
    }
    std::vector<double> back;
    ASSERT_TRUE(dq.Decode(dq.Encode(v), v.size(), back));
    ASSERT_EQ(back.size(), v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
    {
        ASSERT_LE(std::fabs(back[i] - v[i]), e * (1 + 1e-9)) << "value " << i;
    }
}

TEST(DtDeltaQuantizer, SmoothCompressesNoisyGrows)
{
    DtDeltaQuantizer dq(0.01);
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0, 1);
    std::vector<double> smooth;
    std::vector<double> noisy;
    for (int i = 0; i < 2000; ++i)
    {
        smooth.push_back(5 * std::sin(i * 0.002)); // < 1 step of change per sample
        noisy.push_back(5 * std::sin(i * 0.002) + noise(rng));
    }
    const std::size_t raw = 8 * smooth.size();
    const std::size_t s = dq.Encode(smooth).size();
    const std::size_t n = dq.Encode(noisy).size();
    EXPECT_LT(s, raw / 6); // about one byte per value
    EXPECT_GT(n, s);       // noise costs bytes
    EXPECT_LT(n, raw);     // still smaller than raw at this bound
    // A tighter bound costs more bytes on the same signal.
    EXPECT_GT(DtDeltaQuantizer(0.0001).Encode(noisy).size(), n);
}

TEST(DtDeltaQuantizer, RejectsMalformedEncodings)
{
    DtDeltaQuantizer dq(0.5);
    std::vector<uint8_t> bytes = dq.Encode({1, 2, 3, 1000});
    std::vector<double> out{42};
    EXPECT_FALSE(dq.Decode(bytes, 5, out)); // fewer values than asked
    EXPECT_FALSE(dq.Decode(bytes, 3, out)); // trailing bytes
    std::vector<uint8_t> endless(11, 0xFF);
    EXPECT_FALSE(dq.Decode(endless, 1, out)); // varint over 64 bits
    EXPECT_EQ(out, std::vector<double>{42});  // untouched on failure
    EXPECT_TRUE(dq.Decode(bytes, 4, out));
}

TEST(DtAnomalyDetector, FalseAlarmRateIsTheChiSquareTail)
{
    const double alpha = 0.01;
    DtAnomalyDetector det(3, alpha, 500);
    Eigen::Matrix3d sigma;
    sigma << 4, 1.2, 0.5, 1.2, 2, -0.3, 0.5, -0.3, 1;
    const Eigen::Matrix3d l = sigma.llt().matrixL();
    std::mt19937 rng(11);
    std::normal_distribution<double> n01(0, 1);
    const int n = 40000;
    int flagged = 0;
    for (int i = 0; i < n; ++i)
    {
        Eigen::Vector3d x =
            Eigen::Vector3d(10, -5, 2) + l * Eigen::Vector3d(n01(rng), n01(rng), n01(rng));
        flagged += det.Observe({x(0), x(1), x(2)}) ? 1 : 0;
    }
    const double rate = static_cast<double>(flagged) / (n - 500);
    std::printf("false-alarm rate %.5f\n", rate);
    // Binomial standard deviation at n = 40000 is 0.0005; allow estimation error too.
    EXPECT_NEAR(rate, alpha, 0.002);
    EXPECT_NEAR(det.GetThreshold(), 11.3449, 1e-3); // chi2_3 quantile at 0.99

    // Large injected anomalies (10 standard deviations along a random direction) are caught.
    int caught = 0;
    for (int i = 0; i < 200; ++i)
    {
        Eigen::Vector3d dir(n01(rng), n01(rng), n01(rng));
        dir.normalize();
        Eigen::Vector3d x = Eigen::Vector3d(10, -5, 2) + 10 * (l * dir);
        caught += det.Observe({x(0), x(1), x(2)}) ? 1 : 0;
    }
    EXPECT_GE(caught, 196);
}

TEST(DtArForecaster, RecoversArCoefficients)
{
    const double c = 1.0;
    const double a1 = 0.6;
    const double a2 = -0.2;
    std::mt19937 rng(13);
    std::normal_distribution<double> e(0, 0.5);
    std::vector<double> x{0, 0};
    for (int t = 2; t < 20000; ++t)
    {
        x.push_back(c + a1 * x[t - 1] + a2 * x[t - 2] + e(rng));
    }
    DtArForecaster ar(2);
    ASSERT_FALSE(ar.Fit({1, 2, 3, 4}));
    ASSERT_TRUE(ar.Fit(x));
    const auto& k = ar.GetCoefficients();
    ASSERT_EQ(k.size(), 3u);
    EXPECT_NEAR(k[0], c, 0.05);
    EXPECT_NEAR(k[1], a1, 0.02);
    EXPECT_NEAR(k[2], a2, 0.02);
    // Far ahead the forecast tends to the process mean c / (1 - a1 - a2).
    const auto f = ar.Forecast(x, 200);
    EXPECT_NEAR(f.back(), c / (1 - a1 - a2), 0.05);
}

TEST(DtSignalSteps, CleanSmoothStandardize)
{
    DtCleaner clean(-100, 100, 4.0, 20);
    double out = 0;
    EXPECT_FALSE(clean.Process(std::numeric_limits<double>::quiet_NaN(), out)); // nothing to hold
    for (int i = 0; i < 40; ++i)
    {
        ASSERT_TRUE(clean.Process(i % 2 ? 1.0 : -1.0, out));
    }
    EXPECT_FALSE(clean.Process(150, out)); // out of range
    EXPECT_FALSE(clean.Process(50, out));  // 50 sigma outlier
    EXPECT_TRUE(clean.Process(std::numeric_limits<double>::quiet_NaN(), out));
    EXPECT_EQ(out, 1.0); // held last valid sample (i = 39 gave 1)
    EXPECT_EQ(clean.GetDropped(), 3u);
    EXPECT_EQ(clean.GetFilled(), 1u);

    DtExponentialSmoother smooth(0.25);
    smooth.Process(8, out);
    EXPECT_EQ(out, 8);
    smooth.Process(0, out);
    EXPECT_DOUBLE_EQ(out, 6); // 0.25 * 0 + 0.75 * 8

    DtSignalPipeline pipe;
    pipe.Add(std::make_unique<DtStandardizer>());
    for (double v : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0})
    {
        pipe.Process(v, out);
    }
    ASSERT_TRUE(pipe.Process(9.0, out));
    // Samples 2,4,4,4,5,5,7,9: mean 5, population sd 2 (sample sd as Boost's variance).
    EXPECT_NEAR(out, (9.0 - 5.0) / 2.0, 1e-12);
}

TEST(DtSampleCodec, RoundTripsStreamsAndRejectsDamage)
{
    // Position at 20 ms and two sensor channels at 50 ms: two streams.
    DtSampleStream pos;
    pos.source = DtSource::POSITION;
    pos.channels = 4;
    pos.firstAgeUs = 0;
    pos.periodUs = 20000;
    pos.bounds = {0.1, 0.1, 0.05, 0.05};
    for (int i = 0; i < 50; ++i)
    {
        pos.values.insert(pos.values.end(), {100 + 0.3 * i, -20 + 0.01 * i * i, 15, 0.02 * i});
    }
    DtSampleStream sensor;
    sensor.source = DtSource::SENSOR;
    sensor.channels = 2;
    sensor.firstAgeUs = 10000;
    sensor.periodUs = 50000;
    sensor.bounds = {0.02, 0.02};
    for (int i = 0; i < 20; ++i)
    {
        sensor.values.insert(sensor.values.end(), {20 + std::sin(i), 21 + std::cos(i)});
    }
    const std::vector<DtSampleStream> in{pos, sensor};
    const uint32_t count = 70;

    std::vector<DtSampleStream> out;
    const std::vector<uint8_t> raw = DtSampleCodec::EncodeRaw(in);
    ASSERT_EQ(raw.size(), 2 * DtSampleCodec::STREAM_HEAD_BYTES + (50 * 4 + 20 * 2) * 8);
    ASSERT_EQ(raw.size(), DtSampleCodec::RawSize(in));
    ASSERT_TRUE(DtSampleCodec::DecodeRaw(raw, count, out));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].values, pos.values); // RAW is exact
    EXPECT_EQ(out[1].source, DtSource::SENSOR);
    EXPECT_EQ(out[1].firstAgeUs, 10000u);
    EXPECT_EQ(out[1].periodUs, 50000u);
    EXPECT_EQ(out[1].GetCount(), 20u);

    const std::vector<uint8_t> packed = DtSampleCodec::EncodeCompressed(in);
    EXPECT_LT(packed.size() * 4, raw.size());
    ASSERT_TRUE(DtSampleCodec::DecodeCompressed(packed, count, out));
    ASSERT_EQ(out.size(), 2u);
    for (std::size_t k = 0; k < in.size(); ++k)
    {
        ASSERT_EQ(out[k].values.size(), in[k].values.size());
        for (std::size_t v = 0; v < in[k].values.size(); ++v)
        {
            const double bound = in[k].bounds[v % in[k].channels];
            EXPECT_LE(std::fabs(out[k].values[v] - in[k].values[v]), bound * (1 + 1e-6))
                << "stream " << k << " value " << v;
        }
    }
    // A block is the concatenation of its streams' encodings.
    std::vector<uint8_t> cat = DtSampleCodec::EncodeCompressed({pos});
    const std::vector<uint8_t> second = DtSampleCodec::EncodeCompressed({sensor});
    cat.insert(cat.end(), second.begin(), second.end());
    EXPECT_EQ(cat, packed);

    std::vector<DtSampleStream> untouched(1);
    for (std::size_t cut = 0; cut < packed.size(); ++cut)
    {
        std::vector<uint8_t> shorter(packed.begin(), packed.begin() + cut);
        EXPECT_FALSE(DtSampleCodec::DecodeCompressed(shorter, count, untouched)) << cut;
    }
    for (std::size_t cut = 1; cut < raw.size(); cut += 7)
    {
        std::vector<uint8_t> shorter(raw.begin(), raw.begin() + cut);
        EXPECT_FALSE(DtSampleCodec::DecodeRaw(shorter, count, untouched)) << cut;
    }
    EXPECT_FALSE(DtSampleCodec::DecodeRaw(raw, count + 1, untouched)); // count mismatch
    std::vector<uint8_t> dup = DtSampleCodec::EncodeRaw({pos, pos});   // a source twice
    EXPECT_FALSE(DtSampleCodec::DecodeRaw(dup, 100, untouched));
    std::vector<uint8_t> bad = raw;
    bad[0] = 9; // unknown source
    EXPECT_FALSE(DtSampleCodec::DecodeRaw(bad, count, untouched));
    bad = raw;
    bad[1] = 3; // position with 3 channels
    EXPECT_FALSE(DtSampleCodec::DecodeRaw(bad, count, untouched));
    EXPECT_EQ(untouched.size(), 1u);

    // RAW carries a missing measurement as NaN; infinity is rejected.
    DtSampleStream radio;
    radio.source = DtSource::RADIO;
    radio.channels = 2;
    radio.periodUs = 250000;
    radio.values = {std::numeric_limits<double>::quiet_NaN(), 20.0};
    ASSERT_TRUE(DtSampleCodec::DecodeRaw(DtSampleCodec::EncodeRaw({radio}), 1, out));
    EXPECT_TRUE(std::isnan(out[0].values[0]));
    radio.values[0] = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(DtSampleCodec::DecodeRaw(DtSampleCodec::EncodeRaw({radio}), 1, out));
}

TEST(DtSampleCodec, IntegerChannelsAtHalfBoundAreExact)
{
    DtSampleStream b;
    b.source = DtSource::BEHAVIOR;
    b.channels = 1;
    b.periodUs = 500000;
    b.bounds = {0.5};
    b.values = {0, 2, 2, 1, 3, 0, 0, 2};
    std::vector<DtSampleStream> out;
    ASSERT_TRUE(DtSampleCodec::DecodeCompressed(DtSampleCodec::EncodeCompressed({b}), 8, out));
    EXPECT_EQ(out[0].values, b.values);
}
