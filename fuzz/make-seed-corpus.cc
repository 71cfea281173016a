/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// make-seed-corpus: writes the seed corpus of the fuzz targets, built with the
// module's own classes.
//
//   make-seed-corpus PROTOCOL_DIR TRAFFIC_RECORD_DIR
//
// PROTOCOL_DIR receives one valid message of every type (several for the
// types with nested blocks) and malformed variants of them: every message
// cut by one byte, with one byte too many, each header field wrong, payload
// fields out of range. TRAFFIC_RECORD_DIR receives valid and invalid record
// lines. Each file is named EXPECTED_DESCRIPTION: for a message, EXPECTED is
// the DtParseError name of the outcome ("none" if accepted); for a record,
// "valid" or "invalid". Every file is checked against its name before it is
// written, with the checks of the fuzz targets; the program fails if one
// does not match. test/fuzz-regressions/ holds a copy, read by the
// regression test.

#include "dt-fuzz-targets.h"

#include "ns3/dt-ack-header.h"
#include "ns3/dt-agent-header.h"
#include "ns3/dt-agent-message-header.h"
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

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// A named message.
struct Named
{
    std::string name;           //!< description, e.g. "status-update-raw"
    std::vector<uint8_t> bytes; //!< the whole message
};

/// Problems found while checking the files against their names.
int g_failures = 0;

/**
 * \param type a message type
 * \return its name in lower case with dashes, e.g. "status-update"
 */
std::string
TypeSlug(DtMessageType type)
{
    std::string s = DtMessageTypeName(type);
    for (char& c : s)
    {
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

/**
 * \param payload a payload
 * \param seq the header's sequence number
 * \return the whole message, as DtMessage::Build makes it
 */
std::vector<uint8_t>
Message(const DtPayload& payload, uint32_t seq)
{
    DtHeader h;
    h.SetSource(1);
    h.SetDestination(1000);
    h.SetSequence(seq);
    h.SetFlags(DtHeader::FLAG_ACK_REQUESTED);
    h.SetTimestamp(MilliSeconds(250 + seq));
    Ptr<Packet> p = DtMessage::Build(h, payload);
    std::vector<uint8_t> out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/**
 * Overwrite a big-endian field.
 * \param bytes the message
 * \param offset where the field starts
 * \param value its new value
 * \param n its byte count
 */
void
Put(std::vector<uint8_t>& bytes, std::size_t offset, uint64_t value, int n)
{
    for (int i = 0; i < n; ++i)
    {
        bytes.at(offset + i) = static_cast<uint8_t>(value >> (8 * (n - 1 - i)));
    }
}

/**
 * \param bytes a message
 * \return its header's payload length
 */
uint32_t
PayloadLength(const std::vector<uint8_t>& bytes)
{
    return (uint32_t{bytes[20]} << 24) | (uint32_t{bytes[21]} << 16) | (uint32_t{bytes[22]} << 8)
           | bytes[23];
}

/// Offset of the payload length in the common header.
constexpr std::size_t LENGTH_OFFSET = 20;

/**
 * A status update with a sample block.
 * \param encoding the block's encoding
 * \return the payload
 */
DtStatusUpdateHeader
StatusUpdate(DtSampleEncoding encoding)
{
    DtStatusUpdateHeader su;
    su.SetPosition(Vector(120.5, 48.0, 1.5));
    su.SetVelocity(Vector(3.2, -0.4, 0));
    su.SetServingCell(1);
    su.SetQueueLength(2);
    su.SetCpuLoadPermille(350);
    su.SetBatteryPermille(870);
    DtSampleStream position;
    position.source = DtSource::POSITION;
    position.channels = 4;
    position.firstAgeUs = 300000;
    position.periodUs = 100000;
    position.bounds = {0.1, 0.1, 0.1, 0.1};
    DtSampleStream radio;
    radio.source = DtSource::RADIO;
    radio.channels = 2;
    radio.firstAgeUs = 300000;
    radio.periodUs = 100000;
    radio.bounds = {0.5, 0.5};
    DtSampleStream behavior;
    behavior.source = DtSource::BEHAVIOR;
    behavior.channels = 1;
    behavior.firstAgeUs = 0;
    behavior.periodUs = 1000000;
    behavior.bounds = {0.25};
    for (uint32_t i = 0; i < 3; ++i)
    {
        position.values.insert(position.values.end(),
                               {119.1 + 0.32 * i, 48.2 - 0.04 * i, 3.2, -0.4});
        radio.values.insert(radio.values.end(), {-62.0 - 0.5 * i, 31.0 - 0.5 * i});
    }
    behavior.values = {2};
    if (encoding == DtSampleEncoding::RAW)
    {
        radio.values[1] = std::numeric_limits<double>::quiet_NaN(); // a missing measurement
        su.SetSamples(encoding, 7, DtSampleCodec::EncodeRaw({position, radio, behavior}));
    }
    else
    {
        su.SetSamples(encoding, 7, DtSampleCodec::EncodeCompressed({position, radio, behavior}));
    }
    return su;
}

/**
 * A status update whose compressed block holds one BEHAVIOR stream of two
 * samples: code 0, then the given code (both written by hand, as a sender
 * that does not use DtDeltaQuantizer could).
 * \param bound the error bound of the channel
 * \param code the second code
 * \return the payload
 */
DtStatusUpdateHeader
CompressedWithCode(float bound, int64_t code)
{
    std::vector<uint8_t> block{static_cast<uint8_t>(DtSource::BEHAVIOR), 1, 0, 2, 0, 0, 0, 0};
    block.insert(block.end(), {0, 0x0F, 0x42, 0x40}); // period 1 s
    uint32_t bits;
    std::memcpy(&bits, &bound, 4);
    for (int i = 3; i >= 0; --i)
    {
        block.push_back(static_cast<uint8_t>(bits >> (8 * i)));
    }
    std::vector<uint8_t> enc{0};                                                     // first code 0
    auto u = (static_cast<uint64_t>(code) << 1) ^ static_cast<uint64_t>(code >> 63); // zig-zag
    while (u >= 0x80)
    {
        enc.push_back(static_cast<uint8_t>(u | 0x80));
        u >>= 7;
    }
    enc.push_back(static_cast<uint8_t>(u));
    block.push_back(0);
    block.push_back(static_cast<uint8_t>(enc.size()));
    block.insert(block.end(), enc.begin(), enc.end());
    DtStatusUpdateHeader su;
    su.SetSamples(DtSampleEncoding::DELTA_QUANTIZED, 2, block);
    return su;
}

/**
 * \return a status update whose RAW block's only sample misses a measurement (NaN)
 */
DtStatusUpdateHeader
RawWithMissingMeasurement()
{
    DtSampleStream radio;
    radio.source = DtSource::RADIO;
    radio.channels = 2;
    radio.periodUs = 100000;
    radio.values = {-62.0, std::numeric_limits<double>::quiet_NaN()};
    DtStatusUpdateHeader su;
    su.SetSamples(DtSampleEncoding::RAW, 1, DtSampleCodec::EncodeRaw({radio}));
    return su;
}

/**
 * \return the state of an agent with a short history, as a migration carries it
 */
std::vector<uint8_t>
AgentState()
{
    DtDigitalAgent a;
    a.terminal = 7;
    a.servingCell = 2;
    a.modelVersion = 3;
    a.joined = Seconds(1);
    a.lastUpdate = MilliSeconds(2400);
    a.lastSampleTime = MilliSeconds(2390);
    a.updates = 3;
    a.state = StatusUpdate(DtSampleEncoding::DELTA_QUANTIZED);
    a.mirror[0] = {119.1, 48.2, 3.2, -0.4};
    a.mirror[3] = {-62.0, 31.0};
    for (int i = 0; i < 3; ++i)
    {
        a.history.emplace_back(MilliSeconds(2000 + 200 * i), StatusUpdate(DtSampleEncoding::RAW));
    }
    a.freshest = MilliSeconds(2390);
    a.aoiSince = Seconds(1);
    a.aoiLast = MilliSeconds(2400);
    a.aoiIntegral = 0.042;
    return a.Serialize();
}

/**
 * \return one valid message of every type, and more of those with nested blocks
 */
std::vector<Named>
ValidMessages()
{
    std::vector<std::pair<std::string, std::unique_ptr<DtPayload>>> payloads;
    auto add = [&payloads](std::string name, std::unique_ptr<DtPayload> p)
    {
        payloads.emplace_back(std::move(name), std::move(p));
    };

    add("status-update-compressed",
        std::make_unique<DtStatusUpdateHeader>(StatusUpdate(DtSampleEncoding::DELTA_QUANTIZED)));
    add("status-update-raw",
        std::make_unique<DtStatusUpdateHeader>(StatusUpdate(DtSampleEncoding::RAW)));
    // Found while fuzzing: an agent whose latest RAW sample missed a
    // measurement could not migrate (its state did not restore).
    add("status-update-raw-last-sample-missing-a-measurement",
        std::make_unique<DtStatusUpdateHeader>(RawWithMissingMeasurement()));
    // Found while fuzzing: codes near the quantizer's old limit (4e18) decoded
    // to values that DtDeltaQuantizer::Encode refused (abort); the limit is
    // now 2^50, and the decoder rejects larger codes.
    const int64_t limit = int64_t{1} << 50;
    add("status-update-compressed-code-4e18",
        std::make_unique<DtStatusUpdateHeader>(CompressedWithCode(0.7F, 4000000000000000000)));
    add("status-update-compressed-code-minus-4e18",
        std::make_unique<DtStatusUpdateHeader>(CompressedWithCode(3.3F, -4000000000000000000)));
    add("status-update-compressed-largest-code",
        std::make_unique<DtStatusUpdateHeader>(CompressedWithCode(0.011F, limit)));
    add("status-update-compressed-smallest-code",
        std::make_unique<DtStatusUpdateHeader>(CompressedWithCode(0.7F, -limit)));
    add("status-update-compressed-code-above-limit",
        std::make_unique<DtStatusUpdateHeader>(CompressedWithCode(0.7F, limit + 1)));

    auto dr = std::make_unique<DtDemandRequestHeader>();
    dr->SetDemandId(1);
    dr->SetOrigin(1);
    dr->SetDemandClass(1);
    dr->SetPriority(3);
    dr->SetTier(DtTier::EDGE);
    dr->SetWorkloadGflop(4.0);
    dr->SetInputBytes(48);
    dr->SetOutputBytes(400);
    dr->SetCreated(MilliSeconds(100));
    dr->SetDeadline(MilliSeconds(600));
    add("demand-request", std::move(dr));

    auto rsp = std::make_unique<DtDemandResponseHeader>();
    rsp->SetDemandId(1);
    rsp->SetOrigin(1);
    rsp->SetCompleted();
    rsp->SetExecutedTier(DtTier::EDGE);
    rsp->SetHops(1);
    rsp->SetCreated(MilliSeconds(100));
    rsp->SetCompletedAt(MilliSeconds(320));
    rsp->SetOutputBytes(40);
    add("demand-response", std::move(rsp));

    auto failed = std::make_unique<DtDemandResponseHeader>();
    failed->SetDemandId(2);
    failed->SetOrigin(1);
    failed->SetFailed(DtFailureReason::TIMEOUT);
    failed->SetExecutedTier(DtTier::CLOUD);
    failed->SetCreated(MilliSeconds(100));
    failed->SetCompletedAt(MilliSeconds(900));
    add("demand-response-failed", std::move(failed));

    auto rs = std::make_unique<DtRegionSummaryHeader>();
    rs->SetAgentCount(5);
    rs->SetStatusUpdates(50);
    rs->SetWindow(Seconds(0), Seconds(1));
    rs->SetStatistics({100.0, 50.0, 2.5}, {40.0, 1.0, 0.1, 30.0, 0.2, 0.5});
    rs->SetAnomalies({4});
    add("region-summary", std::move(rs));

    auto mu = std::make_unique<DtModelUpdateHeader>();
    mu->SetModelId(1);
    mu->SetVersion(3);
    mu->SetTrainedAt(Seconds(1));
    mu->SetTrainingSamples(500);
    mu->SetParameters({0.125, -0.5, 1.0, 0.0, 2.75, 1e-3, -7.0, 0.25});
    add("model-update", std::move(mu));

    auto aj = std::make_unique<DtAgentJoinHeader>();
    aj->SetTerminal(1);
    aj->SetPreviousEdge(1001);
    aj->SetServingCell(1);
    aj->SetModelVersion(3);
    add("agent-join", std::move(aj));

    auto al = std::make_unique<DtAgentLeaveHeader>();
    al->SetTerminal(1);
    al->SetNextEdge(1001);
    al->SetReason(DtLeaveReason::HANDOVER);
    add("agent-leave", std::move(al));

    auto mr = std::make_unique<DtMigrationRequestHeader>();
    mr->SetMigrationId(1);
    mr->SetTerminal(7);
    mr->SetEdges(1000, 1001);
    mr->SetTrigger(DtMigrationTrigger::PROACTIVE);
    mr->SetStateBytes(256);
    add("migration-request", std::move(mr));

    const std::vector<uint8_t> state = AgentState();
    auto ms = std::make_unique<DtMigrationStateHeader>();
    ms->SetMigrationId(1);
    ms->SetTerminal(7);
    ms->SetPhase(DtMigrationPhase::FULL);
    ms->SetSegment(0, 1, state.size(), state);
    add("migration-state-agent", std::move(ms));

    auto segment = std::make_unique<DtMigrationStateHeader>();
    segment->SetMigrationId(1);
    segment->SetTerminal(7);
    segment->SetPhase(DtMigrationPhase::PRECOPY);
    segment->SetSegment(
        1, 2, state.size(), std::vector<uint8_t>(state.begin() + state.size() / 2, state.end()));
    add("migration-state-second-segment", std::move(segment));

    auto ma = std::make_unique<DtMigrationAckHeader>();
    ma->SetMigrationId(1);
    ma->SetTerminal(7);
    ma->SetStatus(DtMigrationStatus::COMPLETED);
    ma->SetBytesReceived(256);
    add("migration-ack", std::move(ma));

    auto sr = std::make_unique<DtSyncRequestHeader>();
    sr->SetSyncId(1);
    sr->SetTerminal(1);
    sr->SetTimes(MilliSeconds(50), MilliSeconds(150));
    sr->SetState(std::vector<uint8_t>(24, 0x11));
    add("sync-request", std::move(sr));

    auto sa = std::make_unique<DtSyncAckHeader>();
    sa->SetSyncId(1);
    sa->SetTerminal(1);
    sa->SetStatus(DtSyncStatus::OK);
    sa->SetTwinUpdated(MilliSeconds(60));
    add("sync-ack", std::move(sa));

    auto ph = std::make_unique<DtPeerHelloHeader>();
    ph->SetTerminal(1);
    ph->SetPosition(Vector(120.5, 48.0, 0));
    ph->SetCapacityGflops(1.0);
    ph->SetQueueLength(3);
    ph->SetHasEdge(true);
    add("peer-hello", std::move(ph));

    auto pd = std::make_unique<DtPeerDemandHeader>();
    pd->SetDemandId(2);
    pd->SetOrigin(1);
    pd->SetTier(DtTier::PEER);
    pd->SetWorkloadGflop(0.5);
    pd->SetInputBytes(30);
    pd->SetOutputBytes(100);
    pd->SetCreated(MilliSeconds(200));
    pd->SetDeadline(MilliSeconds(400));
    add("peer-demand", std::move(pd));

    auto ack = std::make_unique<DtAckHeader>();
    ack->SetAcked(7, DtMessageType::MIGRATION_STATE);
    add("ack", std::move(ack));

    auto lr = std::make_unique<DtLoadReportHeader>();
    lr->SetLoad(20.0, 35.5);
    lr->SetUpstream(500.0, 120.0, 1e9, MicroSeconds(1200));
    add("load-report", std::move(lr));

    auto am = std::make_unique<DtAgentMessageHeader>();
    am->SetAgents(1002, 1007);
    am->SetFromEdge(100);
    am->SetHops(1);
    am->SetSentAt(MilliSeconds(250));
    am->SetBody(std::vector<uint8_t>(16, 0x5A));
    add("agent-message", std::move(am));

    std::vector<Named> out;
    uint32_t seq = 1;
    for (const auto& [name, p] : payloads)
    {
        out.push_back({name, Message(*p, seq++)});
    }
    return out;
}

/**
 * \param valid the valid messages
 * \param type a type
 * \return the first valid message of that type
 */
const Named&
Find(const std::vector<Named>& valid, DtMessageType type)
{
    return *std::find_if(valid.begin(),
                         valid.end(),
                         [type](const Named& n)
                         {
                             return n.bytes[3] == static_cast<uint8_t>(type);
                         });
}

/**
 * Check a message against its expected outcome and write it.
 * \param dir the folder
 * \param expected the DtParseError name of the expected outcome
 * \param name the description
 * \param bytes the message
 */
void
WriteMessage(const std::string& dir,
             const std::string& expected,
             const std::string& name,
             const std::vector<uint8_t>& bytes)
{
    const DtFuzzMessageOutcome o = DtFuzzCheckMessage(bytes.data(), bytes.size());
    const std::string got = DtParseErrorName(o.parse.error);
    if (got != expected || !o.problem.empty())
    {
        std::cerr << "make-seed-corpus: " << expected << "_" << name << ": got " << got << " "
                  << o.problem << "\n";
        ++g_failures;
    }
    std::ofstream f(dir + "/" + expected + "_" + name, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
    if (!f)
    {
        std::cerr << "make-seed-corpus: cannot write in " << dir << "\n";
        ++g_failures;
    }
}

/**
 * Write the protocol corpus.
 * \param dir the folder
 */
void
WriteProtocol(const std::string& dir)
{
    const std::vector<Named> valid = ValidMessages();
    for (const Named& m : valid)
    {
        WriteMessage(dir, "none", m.name, m.bytes);
    }

    // Every message cut, or with one byte more.
    for (const Named& m : valid)
    {
        std::vector<uint8_t> b(m.bytes.begin(), m.bytes.end() - 1);
        WriteMessage(dir, "truncated", m.name + "-minus-last-byte", b);
        Put(b, LENGTH_OFFSET, PayloadLength(m.bytes) - 1, 4);
        WriteMessage(dir, "truncated", m.name + "-payload-short-by-one", b);
        b = m.bytes;
        b.push_back(0);
        WriteMessage(dir, "length-mismatch", m.name + "-one-byte-after", b);
        Put(b, LENGTH_OFFSET, PayloadLength(m.bytes) + 1, 4);
        WriteMessage(dir, "length-mismatch", m.name + "-payload-one-byte-too-long", b);
    }

    // The common header.
    const std::vector<uint8_t> base = Find(valid, DtMessageType::AGENT_JOIN).bytes;
    WriteMessage(dir, "truncated", "empty", {});
    WriteMessage(dir, "truncated", "one-byte", {0x4D});
    WriteMessage(dir, "truncated", "header-31-bytes", {base.begin(), base.begin() + 31});
    WriteMessage(dir, "truncated", "header-only", {base.begin(), base.begin() + DtHeader::SIZE});
    std::vector<uint8_t> b = base;
    Put(b, LENGTH_OFFSET, PayloadLength(base) + 1000, 4);
    WriteMessage(dir, "truncated", "length-larger-than-packet", b);
    Put(b, LENGTH_OFFSET, DtHeader::MAX_PAYLOAD_LENGTH + 1, 4);
    WriteMessage(dir, "too-large", "length-above-limit", b);
    Put(b, LENGTH_OFFSET, 0xFFFFFFFF, 4);
    WriteMessage(dir, "too-large", "length-4-gib", b);
    b = base;
    Put(b, LENGTH_OFFSET, 0, 4);
    WriteMessage(dir, "length-mismatch", "length-zero", b);
    b = base;
    Put(b, 0, 0x444D, 2);
    WriteMessage(dir, "bad-magic", "magic-swapped", b);
    for (uint8_t v : {0, 2, 255})
    {
        b = base;
        b[2] = v;
        WriteMessage(dir, "bad-version", "version-" + std::to_string(v), b);
    }
    for (uint8_t v : {0, 18, 255})
    {
        b = base;
        b[3] = v;
        WriteMessage(dir, "unknown-type", "type-" + std::to_string(v), b);
    }
    b = base;
    Put(b, 4, 0x0008, 2);
    WriteMessage(dir, "bad-flags", "flag-0x0008", b);
    b = base;
    Put(b, 4, 0x8000, 2);
    WriteMessage(dir, "bad-flags", "flag-0x8000", b);
    b = base;
    Put(b, 6, 1, 2);
    WriteMessage(dir, "bad-reserved", "reserved-1", b);
    b = base;
    Put(b, 24, 0x8000000000000000ULL, 8);
    WriteMessage(dir, "bad-field", "timestamp-above-int64", b);
    b = base;
    b[3] = static_cast<uint8_t>(DtMessageType::SYNC_ACK);
    WriteMessage(dir, "truncated", "join-body-as-sync-ack", b);

    // Payload fields (offsets from the payload layouts in the headers).
    const std::size_t P = DtHeader::SIZE;
    b = Find(valid, DtMessageType::SYNC_REQUEST).bytes;
    Put(b, P + 28, 0xFFFFFFFF, 4);
    WriteMessage(dir, "too-large", "sync-state-length-4-gib", b);
    Put(b, P + 28, 25, 4);
    WriteMessage(dir, "truncated", "sync-state-length-one-past-end", b);
    Put(b, P + 28, 24, 4);
    Put(b, P + 20, 0, 8);
    WriteMessage(dir, "bad-field", "sync-deadline-before-generation", b);

    b = Find(valid, DtMessageType::MODEL_UPDATE).bytes;
    Put(b, P + 20, 0xFFFFFFFF, 4);
    WriteMessage(dir, "too-large", "model-update-parameter-count-4-gi", b);
    Put(b, P + 20, 9, 4);
    WriteMessage(dir, "truncated", "model-update-parameter-count-one-more", b);
    Put(b, P + 20, 8, 4);
    Put(b, P + 24, 0x7FF8000000000000ULL, 8);
    WriteMessage(dir, "bad-field", "model-update-parameter-nan", b);
    b = Find(valid, DtMessageType::MODEL_UPDATE).bytes;
    Put(b, P + 4, 0, 4);
    WriteMessage(dir, "bad-field", "model-update-version-0", b);

    b = Find(valid, DtMessageType::LOAD_REPORT).bytes;
    Put(b, P, 0x7FF0000000000000ULL, 8);
    WriteMessage(dir, "bad-field", "load-report-capacity-infinite", b);
    Put(b, P, 0x8000000000000000ULL, 8);
    WriteMessage(dir, "bad-field", "load-report-capacity-minus-zero", b);

    b = Find(valid, DtMessageType::DEMAND_REQUEST).bytes;
    b[P + 13] = 8;
    WriteMessage(dir, "bad-field", "demand-request-priority-8", b);
    b = Find(valid, DtMessageType::DEMAND_REQUEST).bytes;
    b[P + 14] = 4;
    WriteMessage(dir, "bad-field", "demand-request-tier-4", b);
    b = Find(valid, DtMessageType::DEMAND_REQUEST).bytes;
    Put(b, P + 24, DtHeader::MAX_PAYLOAD_LENGTH + 1, 4);
    WriteMessage(dir, "too-large", "demand-request-input-above-limit", b);

    b = Find(valid, DtMessageType::DEMAND_RESPONSE).bytes;
    b[P + 13] = 1;
    WriteMessage(dir, "bad-field", "demand-response-completed-with-reason", b);

    b = Find(valid, DtMessageType::STATUS_UPDATE).bytes;
    Put(b, P + 56, 1001, 2);
    WriteMessage(dir, "bad-field", "status-update-cpu-1001-permille", b);
    b = Find(valid, DtMessageType::STATUS_UPDATE).bytes;
    b[P + 60] = 2;
    WriteMessage(dir, "bad-field", "status-update-encoding-2", b);
    b = Find(valid, DtMessageType::STATUS_UPDATE).bytes;
    Put(b, P + 61, 8, 2);
    WriteMessage(dir, "none", "status-update-sample-count-wrong", b);
    b = Find(valid, DtMessageType::STATUS_UPDATE).bytes;
    b[P + 67] = 9;
    WriteMessage(dir, "none", "status-update-unknown-source", b);

    b = Find(valid, DtMessageType::MIGRATION_REQUEST).bytes;
    Put(b, P + 16, 1000, 4);
    WriteMessage(dir, "bad-field", "migration-request-same-edges", b);

    b = Find(valid, DtMessageType::MIGRATION_STATE).bytes;
    Put(b, P + 13, 1, 4);
    WriteMessage(dir, "bad-field", "migration-state-segment-index-equals-count", b);
    b = Find(valid, DtMessageType::MIGRATION_STATE).bytes;
    Put(b, P + 21, 1, 4);
    WriteMessage(dir, "bad-field", "migration-state-data-larger-than-total", b);
    b = Find(valid, DtMessageType::MIGRATION_STATE).bytes;
    b[P + 29] ^= 0xFF;
    WriteMessage(dir, "none", "migration-state-agent-magic-broken", b);

    b = Find(valid, DtMessageType::ACK).bytes;
    b[P + 4] = 0;
    WriteMessage(dir, "bad-field", "ack-acked-type-0", b);

    b = Find(valid, DtMessageType::AGENT_MESSAGE).bytes;
    b[P + 12] = DtAgentMessageHeader::MAX_HOPS + 1;
    WriteMessage(dir, "bad-field", "agent-message-hops-above-max", b);

    b = Find(valid, DtMessageType::PEER_HELLO).bytes;
    b[P + 32] = 2;
    WriteMessage(dir, "bad-field", "peer-hello-has-edge-2", b);

    // A region summary whose covariance does not match its mean: 2 means,
    // 6 covariance values (the triangle of 3), no anomalies.
    b.assign(Find(valid, DtMessageType::REGION_SUMMARY).bytes.begin(),
             Find(valid, DtMessageType::REGION_SUMMARY).bytes.begin() + P + 24);
    b.resize(P + 24 + 4 + 2 * 8 + 4 + 6 * 8 + 4, 0);
    Put(b, P + 24, 2, 4);
    Put(b, P + 44, 6, 4);
    Put(b, LENGTH_OFFSET, b.size() - P, 4);
    WriteMessage(dir, "bad-field", "region-summary-covariance-not-the-mean-triangle", b);
    b = Find(valid, DtMessageType::REGION_SUMMARY).bytes;
    Put(b, P + 24, 2, 4);
    WriteMessage(dir, "too-large", "region-summary-mean-count-2-reads-a-double-as-count", b);
}

/**
 * Check a record against its expected outcome and write it.
 * \param dir the folder
 * \param valid whether every line must be accepted (else one must be rejected)
 * \param name the description
 * \param text the record
 */
void
WriteRecord(const std::string& dir, bool valid, const std::string& name, const std::string& text)
{
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const DtFuzzRecordOutcome o = DtFuzzCheckTrafficRecord(data, text.size());
    if (!o.problem.empty() || (valid ? o.valid != o.lines : o.valid == o.lines))
    {
        std::cerr << "make-seed-corpus: record " << name << ": " << o.valid << " of " << o.lines
                  << " lines valid " << o.problem << "\n";
        ++g_failures;
    }
    std::ofstream f(dir + "/" + (valid ? "valid_" : "invalid_") + name, std::ios::binary);
    f << text;
    if (!f)
    {
        std::cerr << "make-seed-corpus: cannot write in " << dir << "\n";
        ++g_failures;
    }
}

/**
 * Write the traffic-record corpus.
 * \param dir the folder
 */
void
WriteRecords(const std::string& dir)
{
    WriteRecord(dir, true, "udp", "3 1500000000 10.1.1.2 412 0\n");
    WriteRecord(dir, true, "tcp", "12 2750000123 10.1.2.1 1460 1\n");
    WriteRecord(dir,
                true,
                "s1-excerpt",
                "1 100000000 10.1.1.1 180 0\n"
                "2 100000000 10.1.1.1 180 0\n"
                "11 100250000 10.2.1.2 96 0\n"
                "13 101000000 10.3.1.1 4096 1\n"
                "1 200000000 255.255.255.255 64 0\n");
    WriteRecord(
        dir, true, "largest-values", "4294967295 9223372036854775807 255.255.255.255 65507 0\n");
    WriteRecord(dir,
                true,
                "largest-tcp",
                "0 0 0.0.0.0 " + std::to_string(DtTrafficReplayHelper::MAX_TCP_BYTES) + " 1\n");
    WriteRecord(dir, true, "tabs-and-blanks", "  7\t8 10.0.0.1  9 1  \n");
    WriteRecord(dir, true, "crlf", "7 8 10.0.0.1 9 1\r\n");
    WriteRecord(dir, true, "no-final-newline", "7 8 10.0.0.1 9 0");

    WriteRecord(dir, false, "empty-line", "\n");
    WriteRecord(dir, false, "blank-line", "1 2 10.0.0.1 3 0\n \n");
    WriteRecord(dir, false, "four-fields", "1 2 10.0.0.1 3\n");
    WriteRecord(dir, false, "six-fields", "1 2 10.0.0.1 3 0 0\n");
    WriteRecord(dir, false, "trailing-garbage", "1 2 10.0.0.1 3 0x\n");
    WriteRecord(dir, false, "trailing-word", "1 2 10.0.0.1 3 0 # comment\n");
    WriteRecord(dir, false, "negative-time", "1 -2 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "negative-node", "-1 2 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "negative-bytes", "1 2 10.0.0.1 -3 0\n");
    WriteRecord(dir, false, "plus-sign", "+1 2 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "node-above-u32", "4294967296 2 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "time-above-int64", "1 9223372036854775808 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "time-20-digits", "1 99999999999999999999 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "time-exponent", "1 1e9 10.0.0.1 3 0\n");
    WriteRecord(dir, false, "zero-bytes", "1 2 10.0.0.1 0 0\n");
    WriteRecord(dir, false, "udp-above-65507", "1 2 10.0.0.1 65508 0\n");
    WriteRecord(dir,
                false,
                "tcp-above-limit",
                "1 2 10.0.0.1 " + std::to_string(DtTrafficReplayHelper::MAX_TCP_BYTES + 1ULL)
                    + " 1\n");
    WriteRecord(dir, false, "transport-2", "1 2 10.0.0.1 3 2\n");
    WriteRecord(dir, false, "transport-word", "1 2 10.0.0.1 3 tcp\n");
    WriteRecord(dir, false, "address-three-octets", "1 2 10.0.1 3 0\n");
    WriteRecord(dir, false, "address-five-octets", "1 2 10.0.0.1.5 3 0\n");
    WriteRecord(dir, false, "address-octet-256", "1 2 10.0.0.256 3 0\n");
    WriteRecord(dir, false, "address-leading-zero", "1 2 10.0.0.01 3 0\n");
    WriteRecord(dir, false, "address-empty-octet", "1 2 10..0.1 3 0\n");
    WriteRecord(dir, false, "address-trailing-dot", "1 2 10.0.0.1. 3 0\n");
    WriteRecord(dir, false, "address-name", "1 2 localhost 3 0\n");
    WriteRecord(dir, false, "address-negative-octet", "1 2 10.0.-1.1 3 0\n");
    WriteRecord(dir, false, "nul-byte", std::string("1 2 10.0.0.1 3 0\0\n", 18));
    WriteRecord(dir, false, "second-line-bad", "1 2 10.0.0.1 3 0\n1 2 10.0.0.1 3 0 junk\n");
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc != 3)
    {
        std::cerr << "usage: make-seed-corpus PROTOCOL_DIR TRAFFIC_RECORD_DIR\n";
        return 2;
    }
    WriteProtocol(argv[1]);
    WriteRecords(argv[2]);
    if (g_failures > 0)
    {
        std::cerr << "make-seed-corpus: " << g_failures << " files do not match their names\n";
        return 1;
    }
    return 0;
}
