/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_FADING_H
#define DT_FADING_H

#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

class PropagationLossModel;

/**
 * \ingroup multilayer-dt
 * Fast fading on the radio links of a built-in access network, chained on
 * the path loss.
 */
struct DtFading
{
    /// How the fading gain of a transmission is drawn.
    enum Model
    {
        NONE,        //!< no fading: the path loss alone
        INDEPENDENT, //!< a new Nakagami-m gain for every transmission (no time correlation)
        CORRELATED,  //!< Rician/Rayleigh with the Doppler of the pair's speed (DtCorrelatedFadingLossModel)
    };

    Model model{NONE}; //!< how gains are drawn
    double kFactor{0}; //!< Rician K, linear (0: Rayleigh)
    /// INDEPENDENT's Nakagami shape (0: from kFactor, m = (K + 1)^2 / (2K + 1))
    double nakagamiM{0};

    /** Random streams Create uses at most. */
    static constexpr int64_t STREAMS = 2;

    /** \return the Nakagami shape INDEPENDENT draws with */
    double GetNakagamiM() const;
    /**
     * \param frequency carrier frequency, Hz (sets the Doppler of CORRELATED)
     * \param stream first random stream (at most STREAMS are used)
     * \return the loss model to chain after the path loss; nullptr for NONE
     */
    Ptr<PropagationLossModel> Create(double frequency, int64_t stream) const;
};

} // namespace ns3

#endif /* DT_FADING_H */
