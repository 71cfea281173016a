/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_APP_USAGE_MODEL_H
#define DT_APP_USAGE_MODEL_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Behavioral data of a terminal: which application its user runs, as a
 * continuous-time Markov chain.
 *
 * Each state has a mean dwell time (exponential), a demand rate factor and a
 * factor per demand class; on leaving a state the next one is drawn from the
 * state's transition weights. The local DT's service module scales its
 * Poisson demand rate and its class weights by the current state's factors,
 * and its data module samples the state as the BEHAVIOR source.
 */
class DtAppUsageModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtAppUsageModel();
    ~DtAppUsageModel() override;

    /**
     * Add a state.
     * \param name its name, for outputs
     * \param meanDwell mean time spent in it, > 0
     * \param rateFactor demand rate multiplier, >= 0
     * \param classFactors class weight multipliers, >= 0 (classes beyond the
     *        vector keep a factor of 1)
     * \return the state's index
     */
    uint32_t AddState(const std::string& name,
                      Time meanDwell,
                      double rateFactor,
                      std::vector<double> classFactors);

    /**
     * Set the weight of the transition between two states (default 0; the
     * weights out of a state are normalised).
     * \param from source state
     * \param to destination state, != from
     * \param weight relative weight, >= 0
     */
    void SetTransition(uint32_t from, uint32_t to, double weight);

    /**
     * Start in a state drawn from the stationary distribution (nothing if
     * already started). Aborts if a state with a finite dwell has no way out.
     */
    void Start();
    /** Stop changing state. */
    void Stop();

    /** \return number of states */
    uint32_t GetNStates() const;
    /** \return the current state */
    uint32_t GetState() const;
    /**
     * \param state a state
     * \return its name
     */
    const std::string& GetStateName(uint32_t state) const;
    /** \return the current state's demand rate factor */
    double GetRateFactor() const;
    /**
     * \param demandClass a class index
     * \return the current state's factor for it
     */
    double GetClassFactor(uint32_t demandClass) const;

    /**
     * Stationary distribution of the chain: the solution of pi Q = 0,
     * sum(pi) = 1 for the generator Q (rates = transition weight / dwell).
     * \return pi, one entry per state
     */
    std::vector<double> GetStationaryDistribution() const;

    /** \return time spent in each state so far (the current visit included) */
    std::vector<Time> GetTimeInStates() const;

    /**
     * \param stream first random stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for a state change.
     * \param from the state left
     * \param to the state entered
     */
    typedef void (*StateTracedCallback)(uint32_t from, uint32_t to);

  protected:
    void DoDispose() override;

  private:
    /** One state. */
    struct State
    {
        std::string name;                 //!< name
        Time meanDwell;                   //!< mean dwell time
        double rateFactor;                //!< demand rate factor
        std::vector<double> classFactors; //!< class weight factors
        std::vector<double> out;          //!< transition weights, one per state
        Time spent;                       //!< time spent in it
    };

    /** Leave the current state. */
    void Transition();
    /**
     * \param weights relative weights, at least one > 0
     * \return an index drawn in proportion to them
     */
    uint32_t Draw(const std::vector<double>& weights);

    std::vector<State> m_states;            //!< states
    uint32_t m_state{0};                    //!< current state
    bool m_started{false};                  //!< Start ran (and no Stop since)
    Time m_enteredAt;                       //!< when it was entered
    EventId m_event;                        //!< next transition
    Ptr<ExponentialRandomVariable> m_dwell; //!< dwell time draws
    Ptr<UniformRandomVariable> m_pick;      //!< state draws

    TracedCallback<uint32_t, uint32_t> m_stateTrace; //!< state changes
};

} // namespace ns3

#endif /* DT_APP_USAGE_MODEL_H */
