/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SIGNAL_STEPS_H
#define DT_SIGNAL_STEPS_H

#include <cstdint>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * One step of a local DT's scalar processing pipeline (cleaning, denoising,
 * standardization). Steps are composed with DtSignalPipeline.
 */
class DtSignalStep
{
  public:
    virtual ~DtSignalStep() = default;
    /**
     * \param in a sample (NaN marks a missing one)
     * \param out the processed sample
     * \return false if the sample is dropped
     */
    virtual bool Process(double in, double& out) = 0;
};

/**
 * \ingroup multilayer-dt
 * Cleaning: a missing sample (NaN) is replaced by the last valid one;
 * samples outside [Min, Max] are dropped; so are outliers farther than
 * OutlierSigmas standard deviations from the running mean of the accepted
 * samples (after Warmup samples; running statistics with Boost.Accumulators).
 */
class DtCleaner : public DtSignalStep
{
  public:
    /**
     * \param min smallest valid value
     * \param max largest valid value
     * \param outlierSigmas rejection distance in standard deviations, > 0
     * \param warmup samples accepted before outliers are rejected
     */
    DtCleaner(double min, double max, double outlierSigmas, uint32_t warmup);
    ~DtCleaner() override;
    bool Process(double in, double& out) override;
    /** \return samples dropped so far */
    uint64_t GetDropped() const;
    /** \return missing samples filled so far */
    uint64_t GetFilled() const;

  private:
    struct Stats;
    double m_min;                   //!< lower bound
    double m_max;                   //!< upper bound
    double m_sigmas;                //!< outlier distance
    uint32_t m_warmup;              //!< samples before rejection
    std::unique_ptr<Stats> m_stats; //!< running mean and variance
    bool m_haveLast{false};         //!< a valid sample was seen
    double m_last{0};               //!< last valid sample
    uint64_t m_dropped{0};          //!< dropped samples
    uint64_t m_filled{0};           //!< filled samples
};

/**
 * \ingroup multilayer-dt
 * Denoising of a scalar: exponential smoothing y = a x + (1 - a) y_prev.
 */
class DtExponentialSmoother : public DtSignalStep
{
  public:
    /**
     * \param alpha smoothing factor in (0, 1]
     */
    explicit DtExponentialSmoother(double alpha);
    bool Process(double in, double& out) override;

  private:
    double m_alpha;        //!< smoothing factor
    bool m_started{false}; //!< first sample seen
    double m_y{0};         //!< smoothed value
};

/**
 * \ingroup multilayer-dt
 * Standardization: the z-score of a sample against the running mean and
 * standard deviation of the samples so far (Boost.Accumulators); 0 until two
 * samples are known or while the deviation is 0.
 */
class DtStandardizer : public DtSignalStep
{
  public:
    DtStandardizer();
    ~DtStandardizer() override;
    DtStandardizer(DtStandardizer&&) noexcept;            //!< Move.
    DtStandardizer& operator=(DtStandardizer&&) noexcept; //!< Move.
    bool Process(double in, double& out) override;
    /** \return running mean of the samples seen (0 before any) */
    double GetMean() const;
    /** \return running standard deviation of the samples seen (0 before two) */
    double GetStd() const;
    /**
     * \param delta a difference of two samples
     * \return delta in standard deviations (0 while the deviation is 0)
     */
    double InStd(double delta) const;

  private:
    struct Stats;
    std::unique_ptr<Stats> m_stats; //!< running mean and variance
};

/**
 * \ingroup multilayer-dt
 * A chain of steps; a sample dropped by one step goes no further.
 */
class DtSignalPipeline
{
  public:
    /**
     * \param step the next step (owned by the pipeline)
     * \return this pipeline, for chaining
     */
    DtSignalPipeline& Add(std::unique_ptr<DtSignalStep> step);
    /**
     * \param in a sample
     * \param out its processed value
     * \return false if a step dropped it
     */
    bool Process(double in, double& out);

  private:
    std::vector<std::unique_ptr<DtSignalStep>> m_steps; //!< the chain
};

} // namespace ns3

#endif /* DT_SIGNAL_STEPS_H */
