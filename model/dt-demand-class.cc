/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-demand-class.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtDemandClass");

NS_OBJECT_ENSURE_REGISTERED(DtDemandClass);

TypeId
DtDemandClass::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtDemandClass")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtDemandClass>()
            .AddAttribute("Name",
                          "Name of the class, used in outputs.",
                          StringValue("default"),
                          MakeStringAccessor(&DtDemandClass::m_name),
                          MakeStringChecker())
            .AddAttribute("Weight",
                          "Relative frequency of the class among a terminal's demands.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DtDemandClass::m_weight),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("Priority",
                          "Priority of the class's demands, 0 (lowest) to 7.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&DtDemandClass::m_priority),
                          MakeUintegerChecker<uint8_t>(0, 7))
            .AddAttribute("Workload",
                          "Workload of a demand in GFLOP (draws <= 0 are raised to 1e-6).",
                          StringValue("ns3::ConstantRandomVariable[Constant=1.0]"),
                          MakePointerAccessor(&DtDemandClass::m_workload),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("WorkloadScale",
                          "Factor on every workload drawn (to sweep workload sizes).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DtDemandClass::m_workloadScale),
                          MakeDoubleChecker<double>(1e-6, 1e6))
            .AddAttribute("InputBytes",
                          "Bytes of input data sent with a demand.",
                          StringValue("ns3::ConstantRandomVariable[Constant=1000]"),
                          MakePointerAccessor(&DtDemandClass::m_inputBytes),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("OutputBytes",
                          "Bytes of result data returned for a demand.",
                          StringValue("ns3::ConstantRandomVariable[Constant=1000]"),
                          MakePointerAccessor(&DtDemandClass::m_outputBytes),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Deadline",
                          "Relative deadline of a demand in seconds (draws <= 0 are raised "
                          "to 1 ms).",
                          StringValue("ns3::ConstantRandomVariable[Constant=1.0]"),
                          MakePointerAccessor(&DtDemandClass::m_deadline),
                          MakePointerChecker<RandomVariableStream>());
    return tid;
}

DtDemandClass::DtDemandClass()
{
    NS_LOG_FUNCTION(this);
}

void
DtDemandClass::DoDispose()
{
    m_workload = nullptr;
    m_inputBytes = nullptr;
    m_outputBytes = nullptr;
    m_deadline = nullptr;
    Object::DoDispose();
}

std::string
DtDemandClass::GetName() const
{
    return m_name;
}

double
DtDemandClass::GetWeight() const
{
    return m_weight;
}

uint8_t
DtDemandClass::GetPriority() const
{
    return m_priority;
}

namespace
{

/**
 * \param v a draw
 * \return v rounded to a byte count in [0, 16 MiB]
 */
uint32_t
ToBytes(double v)
{
    return static_cast<uint32_t>(std::clamp(std::round(v), 0.0, 16.0 * (1 << 20)));
}

} // namespace

double
DtDemandClass::DrawWorkloadGflop()
{
    return std::max(1e-6, m_workloadScale * m_workload->GetValue());
}

uint32_t
DtDemandClass::DrawInputBytes()
{
    return ToBytes(m_inputBytes->GetValue());
}

uint32_t
DtDemandClass::DrawOutputBytes()
{
    return ToBytes(m_outputBytes->GetValue());
}

Time
DtDemandClass::DrawDeadline()
{
    return Seconds(std::max(1e-3, m_deadline->GetValue()));
}

int64_t
DtDemandClass::AssignStreams(int64_t stream)
{
    m_workload->SetStream(stream);
    m_inputBytes->SetStream(stream + 1);
    m_outputBytes->SetStream(stream + 2);
    m_deadline->SetStream(stream + 3);
    return 4;
}

} // namespace ns3
