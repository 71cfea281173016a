/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fault-error-model.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/llc-snap-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtFaultErrorModel");

NS_OBJECT_ENSURE_REGISTERED(DtFaultErrorModel);

TypeId
DtFaultErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtFaultErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtFaultErrorModel>()
            .AddAttribute("LossRate",
                          "Probability that a received packet is lost, in [0, 1].",
                          DoubleValue(0),
                          MakeDoubleAccessor(&DtFaultErrorModel::m_lossRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("IpOnly",
                          "Lose only frames that carry an LLC/SNAP-encapsulated IPv4 or ARP "
                          "packet (Wi-Fi data frames); management and control frames pass. "
                          "Down drops everything either way.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DtFaultErrorModel::m_ipOnly),
                          MakeBooleanChecker());
    return tid;
}

DtFaultErrorModel::DtFaultErrorModel()
    : m_lossRate(0)
    , m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

DtFaultErrorModel::~DtFaultErrorModel()
{
    NS_LOG_FUNCTION(this);
}

void
DtFaultErrorModel::SetDown(bool down)
{
    NS_LOG_FUNCTION(this << down);
    m_down = down;
}

bool
DtFaultErrorModel::IsDown() const
{
    return m_down;
}

uint64_t
DtFaultErrorModel::GetLossDropped() const
{
    return m_lossDropped;
}

uint64_t
DtFaultErrorModel::GetLossExposed() const
{
    return m_exposed;
}

uint64_t
DtFaultErrorModel::GetDownDropped() const
{
    return m_downDropped;
}

int64_t
DtFaultErrorModel::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

bool
DtFaultErrorModel::CarriesIp(Ptr<const Packet> p)
{
    LlcSnapHeader llc;
    if (p->GetSize() < llc.GetSerializedSize())
    {
        return false;
    }
    p->PeekHeader(llc);
    return llc.GetType() == 0x0800 || llc.GetType() == 0x0806; // IPv4, ARP
}

bool
DtFaultErrorModel::DoCorrupt(Ptr<Packet> p)
{
    if (m_down)
    {
        ++m_downDropped;
        return true;
    }
    if (m_ipOnly && !CarriesIp(p))
    {
        return false;
    }
    ++m_exposed;
    if (m_lossRate > 0 && m_uniform->GetValue() < m_lossRate)
    {
        ++m_lossDropped;
        return true;
    }
    return false;
}

void
DtFaultErrorModel::DoReset()
{
}

} // namespace ns3
