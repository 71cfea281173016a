/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-app-usage-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <Eigen/Dense>

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtAppUsageModel");

NS_OBJECT_ENSURE_REGISTERED(DtAppUsageModel);

TypeId
DtAppUsageModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtAppUsageModel")
                            .SetParent<Object>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtAppUsageModel>()
                            .AddTraceSource("StateChanged",
                                            "The user switched application (from, to).",
                                            MakeTraceSourceAccessor(&DtAppUsageModel::m_stateTrace),
                                            "ns3::DtAppUsageModel::StateTracedCallback");
    return tid;
}

DtAppUsageModel::DtAppUsageModel()
    : m_dwell(CreateObject<ExponentialRandomVariable>())
    , m_pick(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

DtAppUsageModel::~DtAppUsageModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtAppUsageModel::DoDispose()
{
    m_event.Cancel();
    m_dwell = nullptr;
    m_pick = nullptr;
    Object::DoDispose();
}

int64_t
DtAppUsageModel::AssignStreams(int64_t stream)
{
    m_dwell->SetStream(stream);
    m_pick->SetStream(stream + 1);
    return 2;
}

uint32_t
DtAppUsageModel::AddState(const std::string& name,
                          Time meanDwell,
                          double rateFactor,
                          std::vector<double> classFactors)
{
    NS_ABORT_MSG_IF(!meanDwell.IsStrictlyPositive(),
                    "DtAppUsageModel: mean dwell of state '" << name << "' must be positive, got "
                                                             << meanDwell.As(Time::S));
    NS_ABORT_MSG_IF(!(std::isfinite(rateFactor) && rateFactor >= 0),
                    "DtAppUsageModel: rate factor of state '" << name << "' must be >= 0, got "
                                                              << rateFactor);
    for (double f : classFactors)
    {
        NS_ABORT_MSG_IF(!(std::isfinite(f) && f >= 0),
                        "DtAppUsageModel: class factors of state '" << name
                                                                    << "' must be >= 0, got " << f);
    }
    for (auto& s : m_states)
    {
        s.out.push_back(0);
    }
    State s{name, meanDwell, rateFactor, std::move(classFactors), {}, Seconds(0)};
    s.out.assign(m_states.size() + 1, 0.0);
    m_states.push_back(std::move(s));
    return static_cast<uint32_t>(m_states.size() - 1);
}

void
DtAppUsageModel::SetTransition(uint32_t from, uint32_t to, double weight)
{
    NS_ABORT_MSG_IF(from >= m_states.size() || to >= m_states.size() || from == to,
                    "DtAppUsageModel: no transition " << from << " -> " << to << " among "
                                                      << m_states.size() << " states");
    NS_ABORT_MSG_IF(!(std::isfinite(weight) && weight >= 0),
                    "DtAppUsageModel: transition weight must be >= 0, got " << weight);
    m_states[from].out[to] = weight;
}

std::vector<double>
DtAppUsageModel::GetStationaryDistribution() const
{
    const auto n = static_cast<Eigen::Index>(m_states.size());
    NS_ABORT_MSG_IF(n == 0, "DtAppUsageModel: no states");
    // Generator Q; solve Q^T pi = 0 with the normalisation replacing one equation.
    Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i)
    {
        const State& s = m_states[i];
        double total = 0;
        for (double w : s.out)
        {
            total += w;
        }
        if (total <= 0)
        {
            continue; // absorbing
        }
        const double rate = 1.0 / s.meanDwell.GetSeconds();
        for (Eigen::Index j = 0; j < n; ++j)
        {
            if (j != i)
            {
                q(i, j) = rate * s.out[j] / total;
                q(i, i) -= q(i, j);
            }
        }
    }
    Eigen::MatrixXd a = q.transpose();
    a.row(n - 1).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
    b(n - 1) = 1;
    Eigen::VectorXd pi = a.fullPivLu().solve(b);
    return std::vector<double>(pi.data(), pi.data() + n);
}

uint32_t
DtAppUsageModel::Draw(const std::vector<double>& weights)
{
    double total = 0;
    for (double w : weights)
    {
        total += std::max(0.0, w);
    }
    double pick = m_pick->GetValue(0, total);
    uint32_t k = 0;
    while (k + 1 < weights.size() && (weights[k] <= 0 || pick >= weights[k]))
    {
        pick -= std::max(0.0, weights[k]);
        ++k;
    }
    while (k > 0 && weights[k] <= 0)
    {
        --k; // rounding ran past the last positive weight
    }
    return k;
}

void
DtAppUsageModel::Start()
{
    NS_LOG_FUNCTION(this);
    if (m_started)
    {
        return;
    }
    m_started = true;
    NS_ABORT_MSG_IF(m_states.empty(), "DtAppUsageModel: no states");
    for (const auto& s : m_states)
    {
        double total = 0;
        for (double w : s.out)
        {
            total += w;
        }
        NS_ABORT_MSG_IF(total <= 0 && m_states.size() > 1,
                        "DtAppUsageModel: state '" << s.name << "' has no transition out");
    }
    std::vector<double> pi = GetStationaryDistribution();
    for (double& p : pi)
    {
        p = std::max(0.0, p);
    }
    m_state = Draw(pi);
    m_enteredAt = Simulator::Now();
    if (m_states.size() > 1)
    {
        m_event = Simulator::Schedule(
            Seconds(m_dwell->GetValue(m_states[m_state].meanDwell.GetSeconds(), 0)),
            &DtAppUsageModel::Transition,
            this);
    }
}

void
DtAppUsageModel::Stop()
{
    m_event.Cancel();
    m_started = false;
}

void
DtAppUsageModel::Transition()
{
    const uint32_t from = m_state;
    m_states[from].spent += Simulator::Now() - m_enteredAt;
    m_state = Draw(m_states[from].out);
    m_enteredAt = Simulator::Now();
    NS_LOG_LOGIC(m_states[from].name << " -> " << m_states[m_state].name);
    m_stateTrace(from, m_state);
    m_event =
        Simulator::Schedule(Seconds(m_dwell->GetValue(m_states[m_state].meanDwell.GetSeconds(), 0)),
                            &DtAppUsageModel::Transition,
                            this);
}

uint32_t
DtAppUsageModel::GetNStates() const
{
    return static_cast<uint32_t>(m_states.size());
}

uint32_t
DtAppUsageModel::GetState() const
{
    return m_state;
}

const std::string&
DtAppUsageModel::GetStateName(uint32_t state) const
{
    NS_ABORT_MSG_IF(state >= m_states.size(), "DtAppUsageModel: no state " << state);
    return m_states[state].name;
}

double
DtAppUsageModel::GetRateFactor() const
{
    return m_states.empty() ? 1.0 : m_states[m_state].rateFactor;
}

double
DtAppUsageModel::GetClassFactor(uint32_t demandClass) const
{
    if (m_states.empty())
    {
        return 1.0;
    }
    const auto& f = m_states[m_state].classFactors;
    return demandClass < f.size() ? f[demandClass] : 1.0;
}

std::vector<Time>
DtAppUsageModel::GetTimeInStates() const
{
    std::vector<Time> t;
    for (const auto& s : m_states)
    {
        t.push_back(s.spent);
    }
    if (!t.empty() && !m_enteredAt.IsNegative())
    {
        t[m_state] += Simulator::Now() - m_enteredAt;
    }
    return t;
}

} // namespace ns3
