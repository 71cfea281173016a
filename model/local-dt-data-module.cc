/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-dt-data-module.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocalDtDataModule");

NS_OBJECT_ENSURE_REGISTERED(LocalDtDataModule);

TypeId
LocalDtDataModule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocalDtDataModule")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<LocalDtDataModule>()
            .AddAttribute("SamplePeriod",
                          "Period at which the terminal's state is sampled.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&LocalDtDataModule::m_samplePeriod),
                          MakeTimeChecker(MicroSeconds(100)))
            .AddAttribute("StatusInterval",
                          "Period of the status updates sent to the twin.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&LocalDtDataModule::m_statusInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxWindowSamples",
                          "Raw samples kept between two status updates (older ones dropped).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&LocalDtDataModule::m_maxSamples),
                          MakeUintegerChecker<uint32_t>(1, 65535));
    return tid;
}

LocalDtDataModule::LocalDtDataModule()
{
    NS_LOG_FUNCTION(this);
}

void
LocalDtDataModule::DoDispose()
{
    m_event.Cancel();
    m_node = nullptr;
    Object::DoDispose();
}

void
LocalDtDataModule::Start(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    m_windowStart = Simulator::Now();
    TakeSample();
}

void
LocalDtDataModule::Stop()
{
    m_event.Cancel();
}

Time
LocalDtDataModule::GetStatusInterval() const
{
    return m_statusInterval;
}

uint32_t
LocalDtDataModule::GetWindowSamples() const
{
    return static_cast<uint32_t>(m_window.size());
}

uint64_t
LocalDtDataModule::GetSamplesTaken() const
{
    return m_samples;
}

void
LocalDtDataModule::TakeSample()
{
    Sample s;
    s.t = Simulator::Now();
    if (Ptr<MobilityModel> mm = m_node->GetObject<MobilityModel>())
    {
        s.position = mm->GetPosition();
        s.velocity = mm->GetVelocity();
    }
    m_latest = s;
    if (m_window.size() >= m_maxSamples)
    {
        m_window.erase(m_window.begin());
    }
    m_window.push_back(s);
    ++m_samples;
    m_event = Simulator::Schedule(m_samplePeriod, &LocalDtDataModule::TakeSample, this);
}

namespace
{

/**
 * Append a big-endian value.
 * \param out the bytes
 * \param v the value
 * \param n its byte count
 */
void
PutBigEndian(std::vector<uint8_t>& out, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; --i)
    {
        out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
}

/**
 * Append a binary64 value, big-endian.
 * \param out the bytes
 * \param d the value
 */
void
PutDouble(std::vector<uint8_t>& out, double d)
{
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof(bits));
    PutBigEndian(out, bits, 8);
}

} // namespace

DtStatusUpdateHeader
LocalDtDataModule::BuildStatusUpdate(bool rawSamples, uint32_t queueLength, uint32_t servingCell)
{
    DtStatusUpdateHeader su;
    su.SetPosition(m_latest.position);
    su.SetVelocity(m_latest.velocity);
    su.SetQueueLength(queueLength);
    su.SetServingCell(servingCell);
    if (rawSamples)
    {
        std::vector<uint8_t> bytes;
        bytes.reserve(m_window.size() * RAW_SAMPLE_BYTES);
        for (const auto& s : m_window)
        {
            PutBigEndian(bytes, static_cast<uint64_t>((s.t - m_windowStart).GetMicroSeconds()), 4);
            PutDouble(bytes, s.position.x);
            PutDouble(bytes, s.position.y);
            PutDouble(bytes, s.position.z);
            PutDouble(bytes, s.velocity.x);
            PutDouble(bytes, s.velocity.y);
            PutDouble(bytes, s.velocity.z);
        }
        su.SetSamples(
            DtSampleEncoding::RAW, static_cast<uint16_t>(m_window.size()), std::move(bytes));
    }
    m_window.clear();
    m_windowStart = Simulator::Now();
    return su;
}

} // namespace ns3
