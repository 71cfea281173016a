/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_AGENT_POOL_H
#define DT_AGENT_POOL_H

#include "dt-digital-agent.h"
#include "dt-sample-codec.h"
#include "dt-status-update-header.h"

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The digital agents a DT hosts, one per terminal twin: their state (the
 * decoded samples of each source, the status update history), and their age
 * of information, integrated while they are here and kept when they leave.
 * Edge DTs host the twins of the terminals they serve; the cloud DT those
 * placed in the cloud (TwinPlacement).
 */
class DtAgentPool : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtAgentPool();
    ~DtAgentPool() override;

    /**
     * A terminal attached: host an agent for it (or update the one hosted).
     * \param terminal its DT id
     * \param servingCell its cell
     * \param modelVersion model version its local DT runs
     * \return true if a new agent was created
     */
    bool Join(uint32_t terminal, uint32_t servingCell, uint32_t modelVersion);
    /**
     * Host a migrated agent (replacing any agent of the same terminal).
     * \param agent the agent
     */
    void Adopt(DtDigitalAgent agent);
    /**
     * A synchronization reached the twin: refresh its age of information
     * and, if the state is newer than what the twin has, mirror it (the
     * latest sample of each source the terminal sent, e.g. its position and
     * velocity, which the proactive migration policy predicts from).
     * \param terminal its DT id
     * \param generated when the synchronized state was generated
     * \param state the synchronized state: a RAW sample block, possibly
     *        followed by padding (SyncExtraBytes); empty: none
     * \return false if no agent of that terminal is hosted
     */
    bool Synchronize(uint32_t terminal,
                     Time generated,
                     const std::vector<uint8_t>& state = std::vector<uint8_t>());
    /**
     * Age of information of every agent hosted so far, integrated up to now.
     * \param integral set to the integral of the age, s^2
     * \param duration set to the time it covers, s
     */
    void GetAgeOfInformation(double& integral, double& duration);
    /**
     * Let an agent go without closing its age of information (it migrates:
     * its account travels with it).
     * \param terminal its DT id
     */
    void Release(uint32_t terminal);
    /**
     * A terminal left: close its agent's age-of-information account and drop it.
     * \param terminal its DT id
     * \param leftAt when it left (negative: now)
     * \return false if no agent of that terminal was hosted
     */
    bool Leave(uint32_t terminal, Time leftAt = Time(-1));
    /**
     * Apply a status update to a terminal's agent (creating it if needed);
     * an update sent before the one last applied is ignored.
     * \param terminal its DT id
     * \param update the status update
     * \param sentAt when the terminal sent it
     * \param streams if not null, set to the decoded sample streams
     * \return false if the update was older than the agent's state
     */
    bool ApplyStatus(uint32_t terminal,
                     const DtStatusUpdateHeader& update,
                     Time sentAt,
                     std::vector<DtSampleStream>* streams = nullptr);
    /**
     * \param terminal a DT id
     * \return its agent, or null if none is hosted
     */
    const DtDigitalAgent* GetAgent(uint32_t terminal) const;
    /** \return the agents hosted, by terminal */
    const std::map<uint32_t, DtDigitalAgent>& GetAgents() const;
    /** \return sample blocks that did not decode */
    uint64_t GetUndecodableBlocks() const;

  private:
    Time m_history;                              //!< status update history an agent keeps
    uint32_t m_twinStateBytes{0};                //!< model size of each new twin
    double m_closedAoi{0};                       //!< age integral of agents that left, s^2
    double m_closedAoiDuration{0};               //!< time they covered, s
    uint64_t m_undecodable{0};                   //!< blocks that did not decode
    std::map<uint32_t, DtDigitalAgent> m_agents; //!< the pool
};

} // namespace ns3

#endif /* DT_AGENT_POOL_H */
