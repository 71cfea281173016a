/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-demand-header.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(DtDemandRequestHeader);
NS_OBJECT_ENSURE_REGISTERED(DtPeerDemandHeader);
NS_OBJECT_ENSURE_REGISTERED(DtDemandResponseHeader);

const char*
DtTierName(DtTier tier)
{
    switch (tier)
    {
        case DtTier::LOCAL:
            return "local";
        case DtTier::EDGE:
            return "edge";
        case DtTier::CLOUD:
            return "cloud";
        case DtTier::PEER:
            return "peer";
    }
    return "invalid-tier";
}

const char*
DtFailureReasonName(DtFailureReason reason)
{
    switch (reason)
    {
        case DtFailureReason::NONE:
            return "none";
        case DtFailureReason::QUEUE_FULL:
            return "queue-full";
        case DtFailureReason::UNREACHABLE:
            return "unreachable";
        case DtFailureReason::TIMEOUT:
            return "timeout";
        case DtFailureReason::MIGRATING:
            return "migrating";
        case DtFailureReason::UNKNOWN_SERVICE:
            return "unknown-service";
        case DtFailureReason::NODE_FAILED:
            return "node-failed";
        case DtFailureReason::SIMULATION_END:
            return "simulation-end";
    }
    return "invalid-reason";
}

// ---------------------------------------------------------------- request

TypeId
DtDemandRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtDemandRequestHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtDemandRequestHeader>();
    return tid;
}

DtMessageType
DtDemandRequestHeader::GetMessageType() const
{
    return DtMessageType::DEMAND_REQUEST;
}

uint32_t
DtDemandRequestHeader::GetBulkSize() const
{
    return m_inputBytes;
}

void
DtDemandRequestHeader::SetPriority(uint8_t p)
{
    NS_ABORT_MSG_IF(p > MAX_PRIORITY,
                    "demand priority " << +p << " out of range 0.." << +MAX_PRIORITY);
    m_priority = p;
}

void
DtDemandRequestHeader::SetWorkloadGflop(double gflop)
{
    NS_ABORT_MSG_IF(!(std::isfinite(gflop) && gflop > 0),
                    "demand workload must be a finite positive GFLOP count, got " << gflop);
    m_workloadGflop = gflop;
}

void
DtDemandRequestHeader::SetInputBytes(uint32_t bytes)
{
    NS_ABORT_MSG_IF(bytes > DtHeader::MAX_PAYLOAD_LENGTH,
                    "demand input of " << bytes << " bytes exceeds the protocol limit");
    m_inputBytes = bytes;
}

void
DtDemandRequestHeader::SetCreated(Time t)
{
    m_createdNs = DtTimeToWire(t);
}

Time
DtDemandRequestHeader::GetCreated() const
{
    return DtTimeFromWire(m_createdNs);
}

void
DtDemandRequestHeader::SetDeadline(Time t)
{
    NS_ABORT_MSG_IF(DtTimeToWire(t) < m_createdNs,
                    "demand deadline " << t << " is before its creation time");
    m_deadlineNs = DtTimeToWire(t);
}

Time
DtDemandRequestHeader::GetDeadline() const
{
    return DtTimeFromWire(m_deadlineNs);
}

// ---------------------------------------------------------------- peer demand

TypeId
DtPeerDemandHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtPeerDemandHeader")
                            .SetParent<DtDemandRequestHeader>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtPeerDemandHeader>();
    return tid;
}

TypeId
DtPeerDemandHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

DtMessageType
DtPeerDemandHeader::GetMessageType() const
{
    return DtMessageType::PEER_DEMAND;
}

// ---------------------------------------------------------------- response

TypeId
DtDemandResponseHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DtDemandResponseHeader")
                            .SetParent<DtPayload>()
                            .SetGroupName("MultilayerDt")
                            .AddConstructor<DtDemandResponseHeader>();
    return tid;
}

DtDemandResponseHeader
DtDemandResponseHeader::Answer(const DtDemandRequestHeader& req,
                               DtTier executed,
                               DtFailureReason reason,
                               uint32_t outputBytes)
{
    DtDemandResponseHeader rsp;
    rsp.SetDemandId(req.GetDemandId());
    rsp.SetOrigin(req.GetOrigin());
    if (reason == DtFailureReason::NONE)
    {
        rsp.SetCompleted();
        rsp.SetOutputBytes(outputBytes);
    }
    else
    {
        rsp.SetFailed(reason);
    }
    rsp.SetExecutedTier(executed);
    rsp.SetHops(req.GetHops());
    rsp.SetCreated(req.GetCreated());
    rsp.SetCompletedAt(std::max(Simulator::Now(), req.GetCreated()));
    return rsp;
}

DtMessageType
DtDemandResponseHeader::GetMessageType() const
{
    return DtMessageType::DEMAND_RESPONSE;
}

uint32_t
DtDemandResponseHeader::GetBulkSize() const
{
    return m_outputBytes;
}

void
DtDemandResponseHeader::SetCompleted()
{
    m_outcome = DtDemandOutcome::COMPLETED;
    m_reason = DtFailureReason::NONE;
}

void
DtDemandResponseHeader::SetFailed(DtFailureReason reason)
{
    NS_ABORT_MSG_IF(reason == DtFailureReason::NONE, "a failed demand needs a reason");
    m_outcome = DtDemandOutcome::FAILED;
    m_reason = reason;
}

void
DtDemandResponseHeader::SetCreated(Time t)
{
    m_createdNs = DtTimeToWire(t);
}

Time
DtDemandResponseHeader::GetCreated() const
{
    return DtTimeFromWire(m_createdNs);
}

void
DtDemandResponseHeader::SetCompletedAt(Time t)
{
    m_completedNs = DtTimeToWire(t);
}

Time
DtDemandResponseHeader::GetCompletedAt() const
{
    return DtTimeFromWire(m_completedNs);
}

void
DtDemandResponseHeader::SetOutputBytes(uint32_t bytes)
{
    NS_ABORT_MSG_IF(bytes > DtHeader::MAX_PAYLOAD_LENGTH,
                    "demand result of " << bytes << " bytes exceeds the protocol limit");
    m_outputBytes = bytes;
}

} // namespace ns3
