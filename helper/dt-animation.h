/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_ANIMATION_H
#define DT_ANIMATION_H

#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <map>
#include <memory>
#include <string>

namespace ns3
{

class AnimationInterface;

/**
 * \ingroup multilayer-dt
 * A NetAnim animation of a DT system (ns-3's AnimationInterface) in which
 * every node shows its DT role.
 *
 * Install finds the DTs on the nodes of the simulation (whatever network
 * they run on) and gives each node a description and a colour: the cloud
 * DT (orange), edge DTs (green), terminals (blue), other nodes (grey, their
 * description unchanged). A terminal's description names its serving edge
 * and follows it at every handover; while its twin migrates the terminal
 * turns yellow and its description names the migration, which it replaces
 * with the outcome when the migration ends. Positions follow the nodes'
 * mobility models; nodes without one (routers, gateways, the cloud) are
 * placed in a row above the area the others occupy (a
 * ConstantPositionMobilityModel is aggregated to them; a terminal without
 * a mobility model is an error, as its DT reads its position).
 *
 * Create it after the DTs are installed and before Simulator::Run, and
 * keep it until Run returns: the file is complete when the object is
 * disposed (only once the simulation has stopped) or destroyed.
 *
 * The animation reads the nodes' positions every MobilityPollInterval.
 * Reading a Gauss-Markov position advances its integration, which can
 * change positions in their last bits and so, rarely, a result: compare
 * runs with or without an animation, not across (S1 and S2 RngRun 1 are
 * byte-identical either way).
 */
class DtAnimation : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtAnimation();
    ~DtAnimation() override;

    /**
     * Start writing the animation of every node of the simulation.
     * \param file the NetAnim XML file
     */
    void Install(const std::string& file);

    /**
     * \param node a node
     * \return its current description ("" if it has no DT role)
     */
    std::string GetDescription(Ptr<Node> node) const;

  protected:
    void DoDispose() override;

  private:
    /// What the animation shows of a terminal.
    struct Terminal
    {
        Ptr<Node> node;        //!< its node
        uint32_t edge{0};      //!< serving edge DT (0: none)
        std::string migration; //!< its twin's migration state ("": none)
        bool migrating{false}; //!< its twin is being migrated or pre-copied
    };

    /**
     * Write a terminal's description and colour.
     * \param dtId its DT id
     */
    void ShowTerminal(uint32_t dtId);
    /**
     * Set and remember a node's description.
     * \param node the node
     * \param text the description
     */
    void Describe(Ptr<Node> node, const std::string& text);

    Time m_pollInterval;                            //!< mobility polling period
    bool m_packets{false};                          //!< animate packets too
    std::unique_ptr<AnimationInterface> m_anim;     //!< ns-3's animation writer
    std::map<uint32_t, Terminal> m_terminals;       //!< terminals by DT id
    std::map<uint32_t, std::string> m_descriptions; //!< node id -> description
};

} // namespace ns3

#endif /* DT_ANIMATION_H */
