/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SCENARIO_PLACEMENT_H
#define DT_SCENARIO_PLACEMENT_H

#include "ns3/box.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/vector.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Where the built-in scenarios put their nodes and how terminals move: the
 * edge sites on a line EdgeSpacing apart (or at the given sites), the cloud
 * at the first site, every terminal at a random point within TerminalRadius
 * of its edge's site, standing still, moving with a Gauss-Markov model
 * (within a square around its site, or over the whole row of sites where it
 * can hand over, or within the given bounds), or with a mobility model of
 * the user's.
 */
class DtScenarioPlacement
{
  public:
    /// What the placement is made from.
    struct Parameters
    {
        std::vector<Vector> sites;            //!< edge sites (empty: on a line)
        double edgeSpacing{200};              //!< metres between sites on the line
        double terminalRadius{10};            //!< terminals within this of their site, m
        bool gaussMarkov{false};              //!< terminals move (else they stand still)
        bool roaming{false};                  //!< they may hand over: move over every site
        double meanSpeed{1.5};                //!< Gauss-Markov mean speed, m/s
        double gaussMarkovAlpha{0.85};        //!< Gauss-Markov memory
        Time gaussMarkovTimeStep{Seconds(1)}; //!< Gauss-Markov update period
        Box bounds;                           //!< Gauss-Markov area (empty: automatic)
        ObjectFactory mobilityFactory;        //!< the user's terminal mobility (if set)
        int64_t stream{0};                    //!< first random stream, + edge
    };

    /**
     * Give the nodes their mobility models and positions.
     * \param p the parameters
     * \param cloud the cloud node
     * \param edges the edge servers
     * \param terminals the terminals
     * \param edgeOf terminal index -> edge index
     */
    static void Place(const Parameters& p,
                      NodeContainer cloud,
                      NodeContainer edges,
                      NodeContainer terminals,
                      const std::vector<uint32_t>& edgeOf);
};

} // namespace ns3

#endif /* DT_SCENARIO_PLACEMENT_H */
