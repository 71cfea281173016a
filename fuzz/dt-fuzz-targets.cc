/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-fuzz-targets.h"

#include "ns3/buffer.h"
#include "ns3/dt-ack-header.h"
#include "ns3/dt-agent-header.h"
#include "ns3/dt-agent-message-header.h"
#include "ns3/dt-agent-pool.h"
#include "ns3/dt-demand-header.h"
#include "ns3/dt-digital-agent.h"
#include "ns3/dt-load-report-header.h"
#include "ns3/dt-migration-header.h"
#include "ns3/dt-model-update-header.h"
#include "ns3/dt-peer-hello-header.h"
#include "ns3/dt-region-summary-header.h"
#include "ns3/dt-sample-codec.h"
#include "ns3/dt-status-update-header.h"
#include "ns3/dt-sync-header.h"
#include "ns3/dt-traffic-replay-helper.h"
#include "ns3/packet.h"

#include <cstring>
#include <sstream>
#include <vector>

namespace ns3
{

namespace
{

/**
 * \param h a header
 * \return its serialized bytes
 */
std::vector<uint8_t>
Bytes(const Header& h)
{
    Buffer b;
    b.AddAtStart(h.GetSerializedSize());
    h.Serialize(b.Begin());
    std::vector<uint8_t> out(b.GetSize());
    if (!out.empty())
    {
        b.CopyData(out.data(), out.size());
    }
    return out;
}

/**
 * \param p a packet
 * \return its bytes
 */
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> out(p->GetSize());
    if (!out.empty())
    {
        p->CopyData(out.data(), out.size());
    }
    return out;
}

/**
 * A copy of a demand request (or peer demand) made with its setters.
 * \param h the demand
 * \return the copy
 */
template <class T>
std::unique_ptr<DtPayload>
CopyDemand(const DtDemandRequestHeader& h)
{
    auto r = std::make_unique<T>();
    r->SetDemandId(h.GetDemandId());
    r->SetOrigin(h.GetOrigin());
    r->SetDemandClass(h.GetDemandClass());
    r->SetPriority(h.GetPriority());
    r->SetTier(h.GetTier());
    r->SetHops(h.GetHops());
    r->SetWorkloadGflop(h.GetWorkloadGflop());
    r->SetInputBytes(h.GetInputBytes());
    r->SetOutputBytes(h.GetOutputBytes());
    r->SetCreated(h.GetCreated());
    r->SetDeadline(h.GetDeadline());
    return r;
}

/**
 * A copy of a payload made with its public getters and setters, as a DT
 * that relays or answers a message does. The setters abort on values they
 * do not accept: a value the parser accepts must not be one of those.
 * \param p a parsed payload
 * \return the copy
 */
std::unique_ptr<DtPayload>
CopyThroughSetters(const DtPayload& p)
{
    switch (p.GetMessageType())
    {
        case DtMessageType::STATUS_UPDATE:
        {
            const auto& h = dynamic_cast<const DtStatusUpdateHeader&>(p);
            auto r = std::make_unique<DtStatusUpdateHeader>();
            r->SetPosition(h.GetPosition());
            r->SetVelocity(h.GetVelocity());
            r->SetServingCell(h.GetServingCell());
            r->SetQueueLength(h.GetQueueLength());
            r->SetCpuLoadPermille(h.GetCpuLoadPermille());
            r->SetBatteryPermille(h.GetBatteryPermille());
            r->SetSamples(h.GetEncoding(), h.GetSampleCount(), h.GetSamples());
            return r;
        }
        case DtMessageType::DEMAND_REQUEST:
            return CopyDemand<DtDemandRequestHeader>(dynamic_cast<const DtDemandRequestHeader&>(p));
        case DtMessageType::PEER_DEMAND:
            return CopyDemand<DtPeerDemandHeader>(dynamic_cast<const DtPeerDemandHeader&>(p));
        case DtMessageType::DEMAND_RESPONSE:
        {
            const auto& h = dynamic_cast<const DtDemandResponseHeader&>(p);
            auto r = std::make_unique<DtDemandResponseHeader>();
            r->SetDemandId(h.GetDemandId());
            r->SetOrigin(h.GetOrigin());
            if (h.GetOutcome() == DtDemandOutcome::COMPLETED)
            {
                r->SetCompleted();
            }
            else
            {
                r->SetFailed(h.GetReason());
            }
            r->SetExecutedTier(h.GetExecutedTier());
            r->SetHops(h.GetHops());
            r->SetCreated(h.GetCreated());
            r->SetCompletedAt(h.GetCompletedAt());
            r->SetOutputBytes(h.GetOutputBytes());
            return r;
        }
        case DtMessageType::REGION_SUMMARY:
        {
            const auto& h = dynamic_cast<const DtRegionSummaryHeader&>(p);
            auto r = std::make_unique<DtRegionSummaryHeader>();
            r->SetAgentCount(h.GetAgentCount());
            r->SetStatusUpdates(h.GetStatusUpdates());
            r->SetWindow(h.GetWindowStart(), h.GetWindowEnd());
            r->SetStatistics(h.GetMean(), h.GetCovariance());
            r->SetAnomalies(h.GetAnomalies());
            return r;
        }
        case DtMessageType::MODEL_UPDATE:
        {
            const auto& h = dynamic_cast<const DtModelUpdateHeader&>(p);
            auto r = std::make_unique<DtModelUpdateHeader>();
            r->SetModelId(h.GetModelId());
            r->SetVersion(h.GetVersion());
            r->SetTrainedAt(h.GetTrainedAt());
            r->SetTrainingSamples(h.GetTrainingSamples());
            r->SetParameters(h.GetParameters());
            return r;
        }
        case DtMessageType::AGENT_JOIN:
        {
            const auto& h = dynamic_cast<const DtAgentJoinHeader&>(p);
            auto r = std::make_unique<DtAgentJoinHeader>();
            r->SetTerminal(h.GetTerminal());
            r->SetPreviousEdge(h.GetPreviousEdge());
            r->SetServingCell(h.GetServingCell());
            r->SetModelVersion(h.GetModelVersion());
            return r;
        }
        case DtMessageType::AGENT_LEAVE:
        {
            const auto& h = dynamic_cast<const DtAgentLeaveHeader&>(p);
            auto r = std::make_unique<DtAgentLeaveHeader>();
            r->SetTerminal(h.GetTerminal());
            r->SetNextEdge(h.GetNextEdge());
            r->SetReason(h.GetReason());
            return r;
        }
        case DtMessageType::MIGRATION_REQUEST:
        {
            const auto& h = dynamic_cast<const DtMigrationRequestHeader&>(p);
            auto r = std::make_unique<DtMigrationRequestHeader>();
            r->SetMigrationId(h.GetMigrationId());
            r->SetTerminal(h.GetTerminal());
            r->SetEdges(h.GetSourceEdge(), h.GetTargetEdge());
            r->SetTrigger(h.GetTrigger());
            r->SetStateBytes(h.GetStateBytes());
            return r;
        }
        case DtMessageType::MIGRATION_STATE:
        {
            const auto& h = dynamic_cast<const DtMigrationStateHeader&>(p);
            auto r = std::make_unique<DtMigrationStateHeader>();
            r->SetMigrationId(h.GetMigrationId());
            r->SetTerminal(h.GetTerminal());
            r->SetPhase(h.GetPhase());
            r->SetSegment(h.GetSegmentIndex(),
                          h.GetSegmentCount(),
                          h.GetTotalBytes(),
                          h.GetData(),
                          h.GetModelBytes());
            return r;
        }
        case DtMessageType::MIGRATION_ACK:
        {
            const auto& h = dynamic_cast<const DtMigrationAckHeader&>(p);
            auto r = std::make_unique<DtMigrationAckHeader>();
            r->SetMigrationId(h.GetMigrationId());
            r->SetTerminal(h.GetTerminal());
            r->SetStatus(h.GetStatus());
            r->SetBytesReceived(h.GetBytesReceived());
            return r;
        }
        case DtMessageType::SYNC_REQUEST:
        {
            const auto& h = dynamic_cast<const DtSyncRequestHeader&>(p);
            auto r = std::make_unique<DtSyncRequestHeader>();
            r->SetSyncId(h.GetSyncId());
            r->SetTerminal(h.GetTerminal());
            r->SetTimes(h.GetGenerated(), h.GetDeadline());
            r->SetState(h.GetState());
            return r;
        }
        case DtMessageType::SYNC_ACK:
        {
            const auto& h = dynamic_cast<const DtSyncAckHeader&>(p);
            auto r = std::make_unique<DtSyncAckHeader>();
            r->SetSyncId(h.GetSyncId());
            r->SetTerminal(h.GetTerminal());
            r->SetStatus(h.GetStatus());
            r->SetTwinUpdated(h.GetTwinUpdated());
            return r;
        }
        case DtMessageType::PEER_HELLO:
        {
            const auto& h = dynamic_cast<const DtPeerHelloHeader&>(p);
            auto r = std::make_unique<DtPeerHelloHeader>();
            r->SetTerminal(h.GetTerminal());
            r->SetPosition(h.GetPosition());
            r->SetCapacityGflops(h.GetCapacityGflops());
            r->SetQueueLength(h.GetQueueLength());
            r->SetHasEdge(h.GetHasEdge());
            return r;
        }
        case DtMessageType::ACK:
        {
            const auto& h = dynamic_cast<const DtAckHeader&>(p);
            auto r = std::make_unique<DtAckHeader>();
            r->SetAcked(h.GetAckedSequence(), h.GetAckedType());
            return r;
        }
        case DtMessageType::LOAD_REPORT:
        {
            const auto& h = dynamic_cast<const DtLoadReportHeader&>(p);
            auto r = std::make_unique<DtLoadReportHeader>();
            r->SetLoad(h.GetCapacityGflops(), h.GetBacklogGflop());
            r->SetUpstream(h.GetUpstreamCapacityGflops(),
                           h.GetUpstreamBacklogGflop(),
                           h.GetUpstreamRateBps(),
                           h.GetUpstreamRtt());
            return r;
        }
        case DtMessageType::AGENT_MESSAGE:
        {
            const auto& h = dynamic_cast<const DtAgentMessageHeader&>(p);
            auto r = std::make_unique<DtAgentMessageHeader>();
            r->SetAgents(h.GetFrom(), h.GetTo());
            r->SetFromEdge(h.GetFromEdge());
            r->SetHops(h.GetHops());
            r->SetSentAt(h.GetSentAt());
            r->SetBody(h.GetBody());
            return r;
        }
    }
    return nullptr;
}

/**
 * \param a samples
 * \param b samples
 * \return true if both hold the same streams, values compared bit for bit
 *         (a RAW block may carry NaN for a missing measurement)
 */
bool
SameStreams(const std::vector<DtSampleStream>& a, const std::vector<DtSampleStream>& b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        const DtSampleStream& x = a[i];
        const DtSampleStream& y = b[i];
        if (x.source != y.source || x.channels != y.channels || x.firstAgeUs != y.firstAgeUs
            || x.periodUs != y.periodUs || x.values.size() != y.values.size()
            || x.bounds.size() != y.bounds.size()
            || (!x.values.empty()
                && std::memcmp(x.values.data(), y.values.data(), 8 * x.values.size()) != 0)
            || (!x.bounds.empty()
                && std::memcmp(x.bounds.data(), y.bounds.data(), 8 * x.bounds.size()) != 0))
        {
            return false;
        }
    }
    return true;
}

/**
 * Decode the sample block of a status update as the edge and cloud DTs do;
 * what decodes must encode back to what it was.
 * \param h the status update
 * \return a broken invariant, or ""
 */
std::string
CheckSamples(const DtStatusUpdateHeader& h)
{
    std::vector<DtSampleStream> streams;
    if (h.GetEncoding() == DtSampleEncoding::RAW)
    {
        if (DtSampleCodec::DecodeRaw(h.GetSamples(), h.GetSampleCount(), streams)
            && DtSampleCodec::EncodeRaw(streams) != h.GetSamples())
        {
            return "a RAW sample block decodes but does not encode back to its bytes";
        }
        return "";
    }
    if (!DtSampleCodec::DecodeCompressed(h.GetSamples(), h.GetSampleCount(), streams))
    {
        return "";
    }
    // The encoding of reconstructed values need not be the same bytes (a varint
    // may be written longer than needed) but must reconstruct the same values.
    std::vector<DtSampleStream> again;
    if (!DtSampleCodec::DecodeCompressed(
            DtSampleCodec::EncodeCompressed(streams), h.GetSampleCount(), again)
        || !SameStreams(streams, again))
    {
        return "a compressed sample block decodes, but its values do not encode and decode "
               "back to themselves";
    }
    return "";
}

/**
 * Apply a status update to an agent as an edge DT does on receipt, then
 * migrate the agent: its state must restore at the target and serialize back
 * to the same bytes.
 * \param h the status update
 * \param sentAt its send time (the common header's timestamp)
 * \return a broken invariant, or ""
 */
std::string
CheckAgentUpdate(const DtStatusUpdateHeader& h, Time sentAt)
{
    Ptr<DtAgentPool> pool = CreateObject<DtAgentPool>();
    pool->Join(1, h.GetServingCell(), 1);
    pool->ApplyStatus(1, h, sentAt, nullptr);
    const std::vector<uint8_t> state = pool->GetAgent(1)->Serialize();
    pool->Dispose();
    DtDigitalAgent migrated;
    if (!DtDigitalAgent::Deserialize(state, migrated))
    {
        return "an agent updated by an accepted status update does not restore after migration";
    }
    if (migrated.Serialize() != state)
    {
        return "an agent updated by an accepted status update restores differently";
    }
    return "";
}

/**
 * Restore a migrated agent from a MIGRATION_STATE segment as the target edge
 * DT does; what restores must serialize back to the same bytes.
 * \param h the segment
 * \return a broken invariant, or ""
 */
std::string
CheckAgentState(const DtMigrationStateHeader& h)
{
    DtDigitalAgent agent;
    if (DtDigitalAgent::Deserialize(h.GetData(), agent) && agent.Serialize() != h.GetData())
    {
        return "an agent state restores but does not serialize back to its bytes";
    }
    return "";
}

/**
 * The invariants of an accepted message.
 * \param msg the parsed message
 * \param input the bytes it was parsed from
 * \return a broken invariant, or ""
 */
std::string
CheckAccepted(const DtMessage& msg, const std::vector<uint8_t>& input)
{
    if (!msg.HasPayload())
    {
        return "accepted without a payload";
    }
    const DtPayload& payload = msg.GetPayload();
    if (payload.GetMessageType() != msg.GetMessageType())
    {
        return "the payload's type differs from the header's";
    }
    if (msg.GetSize() != input.size())
    {
        return "the message size differs from the bytes parsed";
    }
    std::ostringstream printed;
    msg.Print(printed);
    if (printed.str().empty())
    {
        return "an accepted message prints nothing";
    }
    (void) msg.GetHeader().GetTimestamp();

    // Build again: the same bytes up to the bulk data (zero-filled by Build).
    const std::size_t structured = input.size() - payload.GetBulkSize();
    Ptr<Packet> rebuilt = DtMessage::Build(msg.GetHeader(), payload);
    const std::vector<uint8_t> bytes = Bytes(rebuilt);
    if (bytes.size() != input.size()
        || !std::equal(bytes.begin(), bytes.begin() + structured, input.begin()))
    {
        return "DtMessage::Build does not give back the bytes parsed";
    }
    DtMessage again;
    const DtParseResult r = DtMessage::Parse(rebuilt, again);
    if (!r.Ok())
    {
        std::ostringstream os;
        os << "the rebuilt message does not parse: " << r;
        return os.str();
    }
    if (Bytes(again.GetHeader()) != Bytes(msg.GetHeader())
        || Bytes(again.GetPayload()) != Bytes(payload))
    {
        return "the rebuilt message parses into another header or payload";
    }

    // Through the public setters, as a relay does: same bytes.
    DtHeader header;
    header.SetFlags(msg.GetHeader().GetFlags());
    header.SetSource(msg.GetHeader().GetSource());
    header.SetDestination(msg.GetHeader().GetDestination());
    header.SetSequence(msg.GetHeader().GetSequence());
    header.SetTimestamp(msg.GetHeader().GetTimestamp());
    std::unique_ptr<DtPayload> copy = CopyThroughSetters(payload);
    if (!copy)
    {
        return "no setter copy for this message type";
    }
    const std::vector<uint8_t> copied = Bytes(DtMessage::Build(header, *copy));
    if (copied.size() != input.size()
        || !std::equal(copied.begin(), copied.begin() + structured, input.begin()))
    {
        return "a copy made with the getters and setters differs from the message";
    }

    // Blocks nested in the payload that receivers decode.
    switch (msg.GetMessageType())
    {
        case DtMessageType::STATUS_UPDATE:
        {
            const auto& update = msg.GetPayloadAs<DtStatusUpdateHeader>();
            const std::string samples = CheckSamples(update);
            return samples.empty() ? CheckAgentUpdate(update, msg.GetHeader().GetTimestamp())
                                   : samples;
        }
        case DtMessageType::MIGRATION_STATE:
            return CheckAgentState(msg.GetPayloadAs<DtMigrationStateHeader>());
        default:
            return "";
    }
}

} // namespace

DtFuzzMessageOutcome
DtFuzzCheckMessage(const uint8_t* data, std::size_t size)
{
    DtFuzzMessageOutcome outcome;
    const std::vector<uint8_t> input(data, data + size);
    Ptr<Packet> packet =
        input.empty() ? Create<Packet>() : Create<Packet>(input.data(), input.size());
    DtMessage msg;
    outcome.parse = DtMessage::Parse(packet, msg);
    if (!outcome.parse.Ok())
    {
        std::ostringstream os;
        os << outcome.parse;
        if (outcome.parse.field == nullptr || std::string(outcome.parse.field).empty())
        {
            outcome.problem = "rejected without naming a field: " + os.str();
        }
        else if (msg.HasPayload())
        {
            outcome.problem = "a rejected message filled the output";
        }
        return outcome;
    }
    outcome.problem = CheckAccepted(msg, input);
    return outcome;
}

DtFuzzRecordOutcome
DtFuzzCheckTrafficRecord(const uint8_t* data, std::size_t size)
{
    DtFuzzRecordOutcome outcome;
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
    {
        ++outcome.lines;
        DtTrafficReplayHelper::Entry sentinel;
        sentinel.node = 0xDEADBEEF;
        sentinel.timeNs = 12345;
        sentinel.address = Ipv4Address("192.0.2.1");
        sentinel.bytes = 777;
        sentinel.tcp = true;
        DtTrafficReplayHelper::Entry e = sentinel;
        std::string error;
        if (!DtTrafficReplayHelper::ParseLine(line, e, error))
        {
            if (error.empty())
            {
                outcome.problem =
                    "line " + std::to_string(outcome.lines) + " rejected without a reason";
                return outcome;
            }
            if (!(e == sentinel))
            {
                outcome.problem = "line " + std::to_string(outcome.lines)
                                  + " rejected, but the entry was changed";
                return outcome;
            }
            continue;
        }
        ++outcome.valid;
        const uint32_t maxBytes =
            e.tcp ? DtTrafficReplayHelper::MAX_TCP_BYTES : DtTrafficReplayHelper::MAX_UDP_BYTES;
        if (e.timeNs < 0 || e.bytes == 0 || e.bytes > maxBytes || !error.empty())
        {
            outcome.problem =
                "line " + std::to_string(outcome.lines) + " accepted with a value out of range";
            return outcome;
        }
        const std::string formatted = DtTrafficReplayHelper::FormatLine(e);
        DtTrafficReplayHelper::Entry back;
        if (!DtTrafficReplayHelper::ParseLine(formatted, back, error) || !(back == e)
            || DtTrafficReplayHelper::FormatLine(back) != formatted)
        {
            outcome.problem = "line " + std::to_string(outcome.lines) + " does not round-trip: '"
                              + formatted + "' (" + error + ")";
            return outcome;
        }
    }
    return outcome;
}

} // namespace ns3
