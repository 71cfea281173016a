/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_CORRELATED_FADING_LOSS_MODEL_H
#define DT_CORRELATED_FADING_LOSS_MODEL_H

#include "ns3/nstime.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class UniformRandomVariable;

/**
 * \ingroup multilayer-dt
 * Time-correlated flat fading: a Rician (K > 0) or Rayleigh (K = 0) channel
 * per pair of nodes whose gain evolves with the Doppler spread of their
 * relative speed, chained on a path loss model.
 *
 * The diffuse part is a sum of N sinusoids after Zheng and Xiao (IEEE Trans.
 * Commun. 51(6), 2003): arrival angles alpha_n = (2 pi n - pi + theta) / N
 * spread evenly over the circle with a random offset theta, each path with
 * a random phase, so that the complex gain's
 * autocorrelation approaches J0(2 pi fd tau) (Clarke/Jakes) and its envelope
 * the Rayleigh distribution. The line-of-sight part has power K/(K+1), a
 * random arrival angle and phase, its own Doppler shift. The mean power gain
 * is 1 (0 dB): the path loss keeps the mean.
 *
 * The Doppler frequency fd = |v_a - v_b| f / c follows the nodes' current
 * velocities: each path's phase advances by 2 pi fd cos(alpha) dt since the
 * pair's previous transmission, so a terminal that speeds up fades faster
 * and a still pair keeps its gain. The channel is reciprocal: both
 * directions of a pair share one process. Unlike NakagamiPropagationLossModel,
 * which draws a new gain for every transmission, consecutive transmissions
 * see a channel that changes over about 0.4 / fd (the coherence time:
 * 5.7 ms at 10 m/s and 2.12 GHz).
 */
class DtCorrelatedFadingLossModel : public PropagationLossModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtCorrelatedFadingLossModel();
    ~DtCorrelatedFadingLossModel() override;

    /**
     * \param a one end
     * \param b the other end
     * \return the Doppler frequency of the pair now, Hz
     */
    double GetDopplerFrequency(Ptr<const MobilityModel> a, Ptr<const MobilityModel> b) const;
    /** \return the pairs (links) with a fading process so far */
    std::size_t GetLinkCount() const;

    /**
     * TracedCallback signature of a gain drawn for a transmission.
     * \param a the transmitter's mobility
     * \param b the receiver's mobility
     * \param gainDb the fading gain, dB
     */
    typedef void (*GainTracedCallback)(Ptr<const MobilityModel> a,
                                       Ptr<const MobilityModel> b,
                                       double gainDb);

  protected:
    void DoDispose() override;

  private:
    /// The fading process of one pair of nodes.
    struct Link
    {
        Time last;                    //!< when its phases were last advanced
        std::vector<double> cosAngle; //!< per diffuse path, cos of its arrival angle
        std::vector<double> phase;    //!< per diffuse path, its phase now, rad
        double losCosAngle{0};        //!< cos of the line of sight's arrival angle
        double losPhase{0};           //!< the line of sight's phase now, rad
    };

    double DoCalcRxPower(double txPowerDbm,
                         Ptr<MobilityModel> a,
                         Ptr<MobilityModel> b) const override;
    int64_t DoAssignStreams(int64_t stream) override;

    /**
     * \param a one end
     * \param b the other end
     * \return the pair's process, created (with fresh random angles and
     *         phases) on its first transmission
     */
    Link& GetLink(Ptr<const MobilityModel> a, Ptr<const MobilityModel> b) const;

    double m_kFactor;                     //!< Rician K (linear; 0: Rayleigh)
    double m_frequency;                   //!< carrier frequency, Hz
    uint32_t m_sinusoids;                 //!< diffuse paths per link
    Ptr<UniformRandomVariable> m_uniform; //!< angles and phases
    /// Per unordered pair of mobility models, its process (looked up, never iterated).
    mutable std::map<std::pair<const MobilityModel*, const MobilityModel*>, Link> m_links;
    /// Every gain drawn.
    TracedCallback<Ptr<const MobilityModel>, Ptr<const MobilityModel>, double> m_gainTrace;
};

} // namespace ns3

#endif /* DT_CORRELATED_FADING_LOSS_MODEL_H */
