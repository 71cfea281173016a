/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the time-correlated fading (DtCorrelatedFadingLossModel) against
// theory: the power autocorrelation of a Rayleigh channel against Clarke's
// J0^2, the power distribution against Rayleigh's and Rician's, a still pair
// that keeps its gain, reciprocity and determinism.

#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/double.h"
#include "ns3/dt-correlated-fading-loss-model.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <vector>

using namespace ns3;

namespace
{

constexpr double FREQUENCY = 2.12e9; //!< Hz, LTE band 1 downlink (EARFCN 100)
constexpr double SPEED = 10;         //!< m/s

/// Fading samples of many links.
struct Samples
{
    /// per link, its power gains (linear) at the sample times
    std::vector<std::vector<double>> power;
};

/**
 * Sample the power gain of `links` terminals moving at SPEED towards a
 * still base station every `period`, `count` times.
 * \param k Rician K factor
 * \param links links
 * \param count samples per link
 * \param period sampling period
 * \param stream random stream
 * \return the samples
 */
Samples
Sample(double k, uint32_t links, uint32_t count, Time period, int64_t stream)
{
    Ptr<DtCorrelatedFadingLossModel> model = CreateObject<DtCorrelatedFadingLossModel>();
    model->SetAttribute("KFactor", DoubleValue(k));
    model->SetAttribute("Frequency", DoubleValue(FREQUENCY));
    model->AssignStreams(stream);
    Ptr<ConstantVelocityMobilityModel> bs = CreateObject<ConstantVelocityMobilityModel>();
    std::vector<Ptr<ConstantVelocityMobilityModel>> ues;
    for (uint32_t i = 0; i < links; ++i)
    {
        Ptr<ConstantVelocityMobilityModel> ue = CreateObject<ConstantVelocityMobilityModel>();
        const double heading = 2 * M_PI * i / links;
        ue->SetVelocity(Vector(SPEED * std::cos(heading), SPEED * std::sin(heading), 0));
        ues.push_back(ue);
    }
    Samples s;
    s.power.assign(links, {});
    for (uint32_t t = 0; t < count; ++t)
    {
        Simulator::Schedule(period * t,
                            [&s, model, bs, &ues]()
                            {
                                for (std::size_t i = 0; i < ues.size(); ++i)
                                {
                                    const double db = model->CalcRxPower(0, ues[i], bs);
                                    s.power[i].push_back(std::pow(10, db / 10));
                                }
                            });
    }
    Simulator::Run();
    Simulator::Destroy();
    model->Dispose();
    return s;
}

/**
 * \param s samples
 * \return every sample, sorted
 */
std::vector<double>
Sorted(const Samples& s)
{
    std::vector<double> all;
    for (const auto& link : s.power)
    {
        all.insert(all.end(), link.begin(), link.end());
    }
    std::sort(all.begin(), all.end());
    return all;
}

/**
 * Largest distance between the empirical distribution of sorted samples and
 * a distribution function (Kolmogorov-Smirnov statistic).
 * \param sorted samples, sorted
 * \param cdf the distribution function
 * \return the statistic
 */
template <typename F>
double
KsDistance(const std::vector<double>& sorted, F cdf)
{
    double d = 0;
    const double n = sorted.size();
    for (std::size_t i = 0; i < sorted.size(); ++i)
    {
        const double f = cdf(sorted[i]);
        d = std::max({d, std::abs((i + 1) / n - f), std::abs(i / n - f)});
    }
    return d;
}

/**
 * Distribution function of the power gain of a Rician channel of factor K
 * and mean power 1 (the envelope's density integrated numerically).
 * \param k K factor
 * \param x power gain
 * \return P(gain <= x)
 */
double
RicianPowerCdf(double k, double x)
{
    if (x <= 0)
    {
        return 0;
    }
    // Density of the power gain p: (K+1) exp(-K - (K+1) p) I0(2 sqrt(K (K+1) p)).
    auto pdf = [k](double p)
    { return (k + 1) * std::exp(-k - (k + 1) * p) * std::cyl_bessel_i(0.0, 2 * std::sqrt(k * (k + 1) * p)); };
    const int steps = 400; // Simpson's rule, even
    const double h = x / steps;
    double sum = pdf(0) + pdf(x);
    for (int i = 1; i < steps; ++i)
    {
        sum += (i % 2 ? 4 : 2) * pdf(i * h);
    }
    return sum * h / 3;
}

} // namespace

/**
 * \ingroup multilayer-dt-tests
 * A Rayleigh channel's power gain decorrelates as Clarke's model says:
 * its normalized autocovariance at lag tau is J0(2 pi fd tau)^2, with
 * fd = v f / c (70.7 Hz at 10 m/s and 2.12 GHz; first zero at 5.4 ms).
 */
class DtFadingAutocorrelationTestCase : public TestCase
{
  public:
    DtFadingAutocorrelationTestCase()
        : TestCase("Rayleigh power autocorrelation follows J0^2 of the Doppler")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t links = 200;
        const uint32_t count = 300;
        const Time period = MilliSeconds(1);
        Samples s = Sample(0, links, count, period, 11);
        double mean = 0;
        uint64_t n = 0;
        for (const auto& l : s.power)
        {
            for (double p : l)
            {
                mean += p;
                ++n;
            }
        }
        mean /= n;
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, 1.0, 0.05, "mean power gain is 1 (0 dB)");
        auto covariance = [&s, mean, count](uint32_t lag)
        {
            double c = 0;
            uint64_t m = 0;
            for (const auto& l : s.power)
            {
                for (uint32_t t = 0; t + lag < count; ++t)
                {
                    c += (l[t] - mean) * (l[t + lag] - mean);
                    ++m;
                }
            }
            return c / m;
        };
        const double variance = covariance(0);
        const double fd = SPEED * FREQUENCY / 299792458.0;
        for (uint32_t lag : {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20})
        {
            const double tau = (period * lag).GetSeconds();
            const double j0 = std::cyl_bessel_j(0.0, 2 * M_PI * fd * tau);
            const double rho = covariance(lag) / variance;
            NS_TEST_EXPECT_MSG_EQ_TOL(rho,
                                      j0 * j0,
                                      0.08,
                                      "autocorrelation at " << lag << " ms (fd " << fd << " Hz)");
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * The power gain is distributed as theory says: exponential for Rayleigh,
 * Rician for K = 3 and K = 7.94 (9 dB), with mean 1; samples 50 ms apart
 * (nine coherence times) over 400 links.
 */
class DtFadingDistributionTestCase : public TestCase
{
  public:
    DtFadingDistributionTestCase()
        : TestCase("power gain distribution: Rayleigh and Rician")
    {
    }

  private:
    void DoRun() override
    {
        for (double k : {0.0, 3.0, std::pow(10, 0.9)})
        {
            const std::vector<double> all = Sorted(Sample(k, 400, 40, MilliSeconds(50), 21));
            double mean = 0;
            for (double p : all)
            {
                mean += p;
            }
            mean /= all.size();
            NS_TEST_EXPECT_MSG_EQ_TOL(mean, 1.0, 0.04, "mean power gain, K = " << k);
            const double d = KsDistance(all,
                                        [k](double x)
                                        {
                                            return k == 0 ? 1 - std::exp(-x)
                                                          : RicianPowerCdf(k, x);
                                        });
            NS_TEST_EXPECT_MSG_LT(d, 0.03, "distance to the distribution, K = " << k);
            // The deep fades a Rayleigh channel has and a strong line of sight has not.
            const double below10dB =
                std::lower_bound(all.begin(), all.end(), 0.1) - all.begin();
            const double expected = k == 0 ? 1 - std::exp(-0.1) : RicianPowerCdf(k, 0.1);
            NS_TEST_EXPECT_MSG_EQ_TOL(below10dB / all.size(),
                                      expected,
                                      0.02,
                                      "fades 10 dB below the mean, K = " << k);
        }
    }
};

/**
 * \ingroup multilayer-dt-tests
 * A still pair keeps its gain; a moving pair's gain changes; the channel is
 * reciprocal; the same stream gives the same gains; a pair that stands still
 * for a while resumes where it stopped.
 */
class DtFadingStateTestCase : public TestCase
{
  public:
    DtFadingStateTestCase()
        : TestCase("still pairs keep their gain, reciprocity, determinism")
    {
    }

  private:
    /**
     * \param stream random stream
     * \return gains (dB): still pair at 0, 1, 2 s; moving pair at 0, 1 ms, 2 ms;
     *         the moving pair the other way round at 2 ms
     */
    std::vector<double> Run(int64_t stream)
    {
        Ptr<DtCorrelatedFadingLossModel> model = CreateObject<DtCorrelatedFadingLossModel>();
        model->SetAttribute("KFactor", DoubleValue(3));
        model->AssignStreams(stream);
        Ptr<ConstantVelocityMobilityModel> bs = CreateObject<ConstantVelocityMobilityModel>();
        Ptr<ConstantVelocityMobilityModel> still = CreateObject<ConstantVelocityMobilityModel>();
        Ptr<ConstantVelocityMobilityModel> moving = CreateObject<ConstantVelocityMobilityModel>();
        moving->SetVelocity(Vector(SPEED, 0, 0));
        std::vector<double> still3(3);
        std::vector<double> moving4(4);
        for (uint32_t i = 0; i < 3; ++i)
        {
            Simulator::Schedule(Seconds(i),
                                [&still3, i, model, bs, still]()
                                { still3[i] = model->CalcRxPower(0, still, bs); });
            Simulator::Schedule(MilliSeconds(i),
                                [&moving4, i, model, bs, moving]()
                                { moving4[i] = model->CalcRxPower(0, moving, bs); });
        }
        Simulator::Schedule(MilliSeconds(2),
                            [&moving4, model, bs, moving]()
                            { moving4[3] = model->CalcRxPower(0, bs, moving); });
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(model->GetLinkCount(), 2, "one process per pair");
        NS_TEST_EXPECT_MSG_EQ_TOL(model->GetDopplerFrequency(moving, bs),
                                  SPEED * 2.12e9 / 299792458.0,
                                  1e-9,
                                  "Doppler from the relative speed");
        model->Dispose();
        still3.insert(still3.end(), moving4.begin(), moving4.end());
        return still3;
    }

    void DoRun() override
    {
        const std::vector<double> a = Run(5);
        NS_TEST_ASSERT_MSG_EQ(a.size(), 7, "every gain taken");
        NS_TEST_EXPECT_MSG_EQ(a[0], a[1], "a still pair keeps its gain");
        NS_TEST_EXPECT_MSG_EQ(a[1], a[2], "a still pair keeps its gain");
        NS_TEST_EXPECT_MSG_NE(a[3], a[4], "a moving pair's gain changes");
        NS_TEST_EXPECT_MSG_NE(a[4], a[5], "a moving pair's gain changes");
        // 1 ms at fd 70.7 Hz: the correlation is high, the change small.
        NS_TEST_EXPECT_MSG_LT(std::abs(a[4] - a[3]), 6.0, "changes over time, not per draw");
        NS_TEST_EXPECT_MSG_EQ(a[5], a[6], "both directions share the channel");
        const std::vector<double> b = Run(5);
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "the same stream gives the same gains");
        const std::vector<double> c = Run(6);
        NS_TEST_EXPECT_MSG_EQ((a == c), false, "another stream, other gains");
    }
};

/**
 * \ingroup multilayer-dt-tests
 * Time-correlated fading against theory.
 */
class DtFadingTestSuite : public TestSuite
{
  public:
    DtFadingTestSuite()
        : TestSuite("multilayer-dt-fading", Type::UNIT)
    {
        AddTestCase(new DtFadingAutocorrelationTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtFadingDistributionTestCase, MLDT_TEST_QUICK);
        AddTestCase(new DtFadingStateTestCase, MLDT_TEST_QUICK);
    }
};

/// The suite's instance.
static DtFadingTestSuite g_dtFadingTestSuite;
