/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-correlated-fading-loss-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtCorrelatedFadingLossModel");

NS_OBJECT_ENSURE_REGISTERED(DtCorrelatedFadingLossModel);

namespace
{
constexpr double TWO_PI = 2 * M_PI;
constexpr double SPEED_OF_LIGHT = 299792458.0; // m/s

/**
 * \param phase a phase, rad
 * \return the same phase in [0, 2 pi)
 */
double
Wrap(double phase)
{
    phase = std::fmod(phase, TWO_PI);
    return phase < 0 ? phase + TWO_PI : phase;
}
} // namespace

TypeId
DtCorrelatedFadingLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtCorrelatedFadingLossModel")
            .SetParent<PropagationLossModel>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtCorrelatedFadingLossModel>()
            .AddAttribute("KFactor",
                          "Rician K factor, linear: power of the line of sight over the diffuse "
                          "power (0: Rayleigh).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&DtCorrelatedFadingLossModel::m_kFactor),
                          MakeDoubleChecker<double>(0, 1e6))
            .AddAttribute("Frequency",
                          "Carrier frequency, Hz (sets the Doppler frequency for a speed).",
                          DoubleValue(2.12e9),
                          MakeDoubleAccessor(&DtCorrelatedFadingLossModel::m_frequency),
                          MakeDoubleChecker<double>(1e6, 1e12))
            .AddAttribute("Sinusoids",
                          "Diffuse paths summed per link (8 or more for Clarke's statistics).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&DtCorrelatedFadingLossModel::m_sinusoids),
                          MakeUintegerChecker<uint32_t>(1, 1024))
            .AddTraceSource("Gain",
                            "A fading gain drawn for a transmission (transmitter, receiver, dB).",
                            MakeTraceSourceAccessor(&DtCorrelatedFadingLossModel::m_gainTrace),
                            "ns3::DtCorrelatedFadingLossModel::GainTracedCallback");
    return tid;
}

DtCorrelatedFadingLossModel::DtCorrelatedFadingLossModel()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

DtCorrelatedFadingLossModel::~DtCorrelatedFadingLossModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtCorrelatedFadingLossModel::DoDispose()
{
    m_links.clear();
    m_uniform = nullptr;
    PropagationLossModel::DoDispose();
}

double
DtCorrelatedFadingLossModel::GetDopplerFrequency(Ptr<const MobilityModel> a,
                                                 Ptr<const MobilityModel> b) const
{
    const Vector va = a->GetVelocity();
    const Vector vb = b->GetVelocity();
    const double speed = (va - vb).GetLength();
    return speed * m_frequency / SPEED_OF_LIGHT;
}

std::size_t
DtCorrelatedFadingLossModel::GetLinkCount() const
{
    return m_links.size();
}

DtCorrelatedFadingLossModel::Link&
DtCorrelatedFadingLossModel::GetLink(Ptr<const MobilityModel> a, Ptr<const MobilityModel> b) const
{
    const MobilityModel* pa = PeekPointer(a);
    const MobilityModel* pb = PeekPointer(b);
    const std::pair<const MobilityModel*, const MobilityModel*> key = std::minmax(pa, pb);
    auto it = m_links.find(key);
    if (it != m_links.end())
    {
        return it->second;
    }
    Link link;
    link.last = Simulator::Now();
    const double offset = m_uniform->GetValue(-M_PI, M_PI);
    link.cosAngle.resize(m_sinusoids);
    link.phase.resize(m_sinusoids);
    for (uint32_t n = 0; n < m_sinusoids; ++n)
    {
        link.cosAngle[n] = std::cos((TWO_PI * (n + 1) - M_PI + offset) / m_sinusoids);
        link.phase[n] = m_uniform->GetValue(0, TWO_PI);
    }
    link.losCosAngle = std::cos(m_uniform->GetValue(0, TWO_PI));
    link.losPhase = m_uniform->GetValue(0, TWO_PI);
    NS_LOG_DEBUG("new link " << pa << " " << pb << " (" << m_links.size() + 1 << " links)");
    return m_links.emplace(key, std::move(link)).first->second;
}

double
DtCorrelatedFadingLossModel::DoCalcRxPower(double txPowerDbm,
                                           Ptr<MobilityModel> a,
                                           Ptr<MobilityModel> b) const
{
    Link& link = GetLink(a, b);
    const Time now = Simulator::Now();
    const double dt = (now - link.last).GetSeconds();
    if (dt > 0)
    {
        const double turn = TWO_PI * GetDopplerFrequency(a, b) * dt;
        if (turn > 0)
        {
            for (uint32_t n = 0; n < m_sinusoids; ++n)
            {
                link.phase[n] = Wrap(link.phase[n] + turn * link.cosAngle[n]);
            }
            link.losPhase = Wrap(link.losPhase + turn * link.losCosAngle);
        }
        link.last = now;
    }
    double re = 0;
    double im = 0;
    for (uint32_t n = 0; n < m_sinusoids; ++n)
    {
        re += std::cos(link.phase[n]);
        im += std::sin(link.phase[n]);
    }
    const double diffuse = std::sqrt(1.0 / ((m_kFactor + 1) * m_sinusoids));
    re *= diffuse;
    im *= diffuse;
    if (m_kFactor > 0)
    {
        const double los = std::sqrt(m_kFactor / (m_kFactor + 1));
        re += los * std::cos(link.losPhase);
        im += los * std::sin(link.losPhase);
    }
    const double gainDb = 10 * std::log10(std::max(re * re + im * im, 1e-30));
    m_gainTrace(a, b, gainDb);
    return txPowerDbm + gainDb;
}

int64_t
DtCorrelatedFadingLossModel::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace ns3
