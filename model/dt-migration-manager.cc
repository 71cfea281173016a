/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-migration-manager.h"

#include "dt-address-book.h"
#include "dt-header.h"
#include "edge-dt-data-module.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtMigrationManager");

NS_OBJECT_ENSURE_REGISTERED(DtMigrationManager);

const char*
DtMigrationStateName(DtMigrationState state)
{
    switch (state)
    {
        case DtMigrationState::IDLE:
            return "IDLE";
        case DtMigrationState::PRE_COPIED:
            return "PRE_COPIED";
        case DtMigrationState::DEPARTED:
            return "DEPARTED";
        case DtMigrationState::AWAITING_JOIN:
            return "AWAITING_JOIN";
        case DtMigrationState::TRANSFERRING:
            return "TRANSFERRING";
        case DtMigrationState::REPLICA:
            return "REPLICA";
        case DtMigrationState::REPLICA_READY:
            return "REPLICA_READY";
        case DtMigrationState::PULLING:
            return "PULLING";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, DtMigrationState state)
{
    return os << DtMigrationStateName(state);
}

TypeId
DtMigrationManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtMigrationManager")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<DtMigrationManager>()
            .AddAttribute("SegmentBytes",
                          "Largest segment (one MIGRATION_STATE message) of an agent's state "
                          "sent to another edge DT, bytes; the agent's record goes whole in "
                          "the first segment. Default: DtPayload::MAX_BLOB (1 MiB), the most "
                          "a receiving DT keeps in memory for one message; at least 1 KiB "
                          "(smaller segments only multiply the messages).",
                          UintegerValue(DtPayload::MAX_BLOB),
                          MakeUintegerAccessor(&DtMigrationManager::m_segmentBytes),
                          MakeUintegerChecker<uint32_t>(1024, DtPayload::MAX_BLOB))
            .AddTraceSource("MigrationStateChanged",
                            "A terminal's migration state at this edge changed.",
                            MakeTraceSourceAccessor(&DtMigrationManager::m_stateTrace),
                            "ns3::DtMigrationManager::StateTracedCallback")
            .AddTraceSource("MigrationStarted",
                            "This edge asked the previous edge for a terminal's agent "
                            "(reactive), or pre-copied an agent to the edge of its "
                            "terminal's predicted cell (proactive).",
                            MakeTraceSourceAccessor(&DtMigrationManager::m_migrationStarted),
                            "ns3::EdgeDtApplication::MigrationStartedTracedCallback")
            .AddTraceSource("MigrationCompleted",
                            "A migrated agent's state arrived and runs here.",
                            MakeTraceSourceAccessor(&DtMigrationManager::m_migrationCompleted),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback")
            .AddTraceSource("MigrationFailed",
                            "A migration to this edge failed; the pre-copy, if any, or a "
                            "fresh agent runs here.",
                            MakeTraceSourceAccessor(&DtMigrationManager::m_migrationFailed),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback")
            .AddTraceSource("PreCopyDiscarded",
                            "A pre-copied agent was dropped unused (its terminal went "
                            "elsewhere, or a newer copy replaced it).",
                            MakeTraceSourceAccessor(&DtMigrationManager::m_preCopyDiscarded),
                            "ns3::EdgeDtApplication::MigrationEndedTracedCallback");
    return tid;
}

DtMigrationManager::DtMigrationManager()
{
    NS_LOG_FUNCTION(this);
}

DtMigrationManager::~DtMigrationManager()
{
    NS_LOG_FUNCTION(this);
}

void
DtMigrationManager::DoDispose()
{
    m_predictEvent.Cancel();
    for (auto& [terminal, r] : m_records)
    {
        r.timer.Cancel();
        r.replica.expiry.Cancel();
    }
    m_records.clear();
    m_reassembly.clear();
    m_data = nullptr;
    m_book = nullptr;
    m_policy = nullptr;
    m_send = SendCallback();
    m_deliver = DeliverCallback();
    Object::DoDispose();
}

void
DtMigrationManager::Setup(uint32_t dtId,
                          Ptr<EdgeDtDataModule> data,
                          Ptr<DtAddressBook> book,
                          Ptr<DtMigrationPolicy> policy,
                          const Timing& timing,
                          SendCallback send,
                          DeliverCallback deliver)
{
    NS_ASSERT_MSG(data && book && policy, "DtMigrationManager::Setup needs data, book and policy");
    m_dtId = dtId;
    m_data = data;
    m_book = book;
    m_policy = policy;
    m_timing = timing;
    m_send = send;
    m_deliver = deliver;
}

void
DtMigrationManager::Start()
{
    if (m_policy->GetPredictionInterval().IsStrictlyPositive())
    {
        m_predictEvent = Simulator::Schedule(
            m_policy->GetPredictionInterval(), &DtMigrationManager::Predict, this);
    }
}

void
DtMigrationManager::Stop()
{
    m_predictEvent.Cancel();
    m_reassembly.clear();
}

void
DtMigrationManager::DropMigrations()
{
    for (auto& [terminal, r] : m_records)
    {
        r.timer.Cancel();
        r.replica.expiry.Cancel();
        r.hasReplica = false;
        r.replica = Replica();
        r.incoming = Incoming();
        r.transfers.clear();
        SwitchToState(r, DtMigrationState::IDLE);
    }
    m_reassembly.clear();
    for (auto it = m_records.begin(); it != m_records.end();)
    {
        it = it->second.left || it->second.forwarding ? std::next(it) : m_records.erase(it);
    }
}

void
DtMigrationManager::Reset()
{
    DropMigrations();
    m_records.clear();
}

DtMigrationManager::Record&
DtMigrationManager::GetRecord(uint32_t terminal)
{
    auto [it, created] = m_records.try_emplace(terminal);
    if (created)
    {
        it->second.terminal = terminal;
    }
    return it->second;
}

DtMigrationManager::Record*
DtMigrationManager::FindRecord(uint32_t terminal)
{
    auto it = m_records.find(terminal);
    return it == m_records.end() ? nullptr : &it->second;
}

const DtMigrationManager::Record*
DtMigrationManager::FindRecord(uint32_t terminal) const
{
    auto it = m_records.find(terminal);
    return it == m_records.end() ? nullptr : &it->second;
}

void
DtMigrationManager::SwitchToState(Record& r, DtMigrationState state)
{
    if (r.state == state)
    {
        return;
    }
    const DtMigrationState old = r.state;
    NS_LOG_LOGIC("edge DT " << m_dtId << ", agent of DT " << r.terminal << ": " << old << " -> "
                            << state);
    r.state = state;
    m_stateTrace(r.terminal, old, state);
}

void
DtMigrationManager::Settle(Record& r)
{
    if (m_data->GetAgentPool()->GetAgent(r.terminal))
    {
        SwitchToState(r, DtMigrationState::IDLE);
    }
    else if (r.hasReplica)
    {
        SwitchToState(
            r, r.replica.complete ? DtMigrationState::REPLICA_READY : DtMigrationState::REPLICA);
    }
    else
    {
        SwitchToState(
            r, r.transfers.empty() ? DtMigrationState::IDLE : DtMigrationState::TRANSFERRING);
    }
}

void
DtMigrationManager::Tidy(uint32_t terminal)
{
    auto it = m_records.find(terminal);
    if (it != m_records.end() && it->second.state == DtMigrationState::IDLE
        && !it->second.hasReplica && it->second.transfers.empty() && !it->second.left
        && !it->second.forwarding)
    {
        m_records.erase(it);
    }
}

DtMigrationState
DtMigrationManager::GetState(uint32_t terminal) const
{
    const Record* r = FindRecord(terminal);
    return r ? r->state : DtMigrationState::IDLE;
}

bool
DtMigrationManager::IsDeparted(uint32_t terminal) const
{
    return GetState(terminal) == DtMigrationState::DEPARTED;
}

bool
DtMigrationManager::IsPulling(uint32_t terminal) const
{
    return GetState(terminal) == DtMigrationState::PULLING;
}

bool
DtMigrationManager::HasLeft(uint32_t terminal) const
{
    const Record* r = FindRecord(terminal);
    return r && r->left;
}

bool
DtMigrationManager::HoldStatus(uint32_t terminal, const DtStatusUpdateHeader& update, Time sentAt)
{
    Record* r = FindRecord(terminal);
    if (!r || r->state != DtMigrationState::PULLING)
    {
        return false;
    }
    r->incoming.held.emplace_back(update, sentAt);
    return true;
}

bool
DtMigrationManager::HoldAgentMessage(const DtAgentMessageHeader& m)
{
    Record* r = FindRecord(m.GetTo());
    if (!r || r->state != DtMigrationState::PULLING)
    {
        return false;
    }
    r->incoming.messages.push_back(m);
    return true;
}

bool
DtMigrationManager::GetNextEdge(uint32_t terminal, uint32_t& edge) const
{
    const Record* r = FindRecord(terminal);
    if (!r || !r->forwarding)
    {
        return false;
    }
    edge = r->nextEdge;
    return true;
}

void
DtMigrationManager::ForgetNextEdge(uint32_t terminal)
{
    if (Record* r = FindRecord(terminal))
    {
        r->forwarding = false;
        Tidy(terminal);
    }
}

std::size_t
DtMigrationManager::GetRecordCount() const
{
    return m_records.size();
}

void
DtMigrationManager::HandleJoin(const DtAgentJoinHeader& join)
{
    const uint32_t terminal = join.GetTerminal();
    const uint32_t previous = join.GetPreviousEdge();
    Ptr<DtAgentPool> pool = m_data->GetAgentPool();
    Record& r = GetRecord(terminal);
    r.left = false;
    r.forwarding = false;
    // Another edge already asked for this terminal's agent: the join is late
    // and the terminal has moved on; the agent goes there once it is here.
    std::vector<std::pair<uint32_t, uint64_t>> onward;
    if (r.state == DtMigrationState::AWAITING_JOIN)
    {
        r.timer.Cancel();
        onward.emplace_back(r.requester, r.requestId);
    }
    const bool fromAnotherEdge =
        previous != m_dtId && m_book->Has(previous) && m_book->Get(previous).layer == DtLayer::EDGE;
    if (r.hasReplica && (!fromAnotherEdge || r.replica.source != previous))
    {
        DiscardReplica(r); // a copy from where the terminal did not come from
    }
    if (fromAnotherEdge && m_policy->MovesOnHandover(terminal, previous, m_dtId)
        && !pool->GetAgent(terminal) && r.state != DtMigrationState::PULLING)
    {
        if (r.hasReplica && r.replica.complete)
        {
            // Pre-copy and delta are both here already.
            Replica rep = std::move(r.replica);
            r.hasReplica = false;
            r.replica = Replica();
            rep.expiry.Cancel();
            Incoming done;
            done.servingCell = join.GetServingCell();
            done.modelVersion = join.GetModelVersion();
            Restore(std::move(rep.agent), done);
            SwitchToState(r, DtMigrationState::IDLE);
            m_migrationCompleted(rep.id, terminal, rep.bytes, Seconds(0));
            done.onward = std::move(onward);
            FinishIncoming(r, done);
            Tidy(terminal);
            return;
        }
        Incoming& inc = r.incoming;
        inc = Incoming();
        inc.onward = std::move(onward);
        inc.source = previous;
        inc.servingCell = join.GetServingCell();
        inc.modelVersion = join.GetModelVersion();
        inc.start = Simulator::Now();
        r.timer = Simulator::Schedule(
            m_timing.migrationTimeout, &DtMigrationManager::FailIncoming, this, terminal);
        DtMigrationRequestHeader req;
        req.SetTerminal(terminal);
        req.SetEdges(previous, m_dtId);
        if (r.hasReplica)
        {
            // Pre-copied: the previous edge sends the delta as soon as the
            // terminal leaves it. Ask for it all the same, naming the copy:
            // if the previous edge pre-copied elsewhere since, it sends the
            // whole agent instead.
            inc.id = r.replica.id;
            inc.trigger = DtMigrationTrigger::PROACTIVE;
            req.SetTrigger(DtMigrationTrigger::PROACTIVE);
            SwitchToState(r, DtMigrationState::PULLING);
        }
        else
        {
            inc.id = (static_cast<uint64_t>(m_dtId) << 32) | m_nextMigration++;
            req.SetTrigger(DtMigrationTrigger::REACTIVE);
            NS_LOG_INFO("edge DT " << m_dtId << " pulls the agent of DT " << terminal
                                   << " from edge DT " << previous);
            SwitchToState(r, DtMigrationState::PULLING);
            m_migrationStarted(inc.id, terminal, previous, m_dtId, DtMigrationTrigger::REACTIVE);
        }
        req.SetMigrationId(inc.id);
        m_send(previous, req);
    }
    else if (r.state == DtMigrationState::PULLING)
    {
        r.incoming.onward.insert(r.incoming.onward.end(), onward.begin(), onward.end());
    }
    else
    {
        pool->Join(terminal, join.GetServingCell(), join.GetModelVersion());
        if (r.state != DtMigrationState::DEPARTED && r.state != DtMigrationState::PRE_COPIED)
        {
            Settle(r);
        }
        Incoming done;
        done.onward = std::move(onward);
        FinishIncoming(r, done);
    }
    Tidy(terminal);
}

void
DtMigrationManager::HandleLeave(const DtAgentLeaveHeader& leave)
{
    const uint32_t terminal = leave.GetTerminal();
    Ptr<DtAgentPool> pool = m_data->GetAgentPool();
    Record& r = GetRecord(terminal);
    r.left = true;
    if (leave.GetReason() == DtLeaveReason::HANDOVER && leave.GetNextEdge() != m_dtId)
    {
        r.forwarding = true; // agent messages follow it
        r.nextEdge = leave.GetNextEdge();
    }
    const bool preCopied = r.state == DtMigrationState::PRE_COPIED;
    const bool handover = leave.GetReason() == DtLeaveReason::HANDOVER
                          && m_policy->MovesOnHandover(terminal, m_dtId, leave.GetNextEdge())
                          && pool->GetAgent(terminal);
    if (handover && preCopied && r.preCopy.target == leave.GetNextEdge())
    {
        // Predicted right: the new edge holds a copy; send what changed.
        const PreCopy pc = r.preCopy;
        SendAgent(r, pc.target, pc.id, DtMigrationPhase::DELTA, pc.historyEnd);
    }
    else if (handover)
    {
        // Keep the agent for the new edge's request, for a while.
        if (r.state == DtMigrationState::DEPARTED)
        {
            r.timer.Cancel();
        }
        r.timer = Simulator::Schedule(m_timing.migrationTimeout,
                                      &DtMigrationManager::DepartureExpired,
                                      this,
                                      terminal,
                                      Simulator::Now());
        SwitchToState(r, DtMigrationState::DEPARTED);
    }
    else
    {
        pool->Leave(terminal);
        if (preCopied)
        {
            Settle(r);
        }
    }
    Tidy(terminal);
}

void
DtMigrationManager::DepartureExpired(uint32_t terminal, Time leftAt)
{
    Record* r = FindRecord(terminal);
    if (!r || r->state != DtMigrationState::DEPARTED)
    {
        return;
    }
    m_data->GetAgentPool()->Leave(terminal, leftAt);
    Settle(*r);
    Tidy(terminal);
}

void
DtMigrationManager::HandleRequest(uint32_t requester, const DtMigrationRequestHeader& req)
{
    const uint32_t terminal = req.GetTerminal();
    const uint64_t id = req.GetMigrationId();
    Ptr<DtAgentPool> pool = m_data->GetAgentPool();
    Record* found = FindRecord(terminal);
    if (found && found->transfers.count(id) > 0)
    {
        return; // the delta is on its way already
    }
    if (found && found->state == DtMigrationState::TRANSFERRING
        && found->preCopy.target == requester && found->transfers.count(found->preCopy.id) > 0)
    {
        // The requester asked before its copy came (or named an older one):
        // the copy and its delta are on their way to it.
        return;
    }
    if (found && found->state == DtMigrationState::PULLING && req.GetSourceEdge() == m_dtId)
    {
        // The terminal moved on before its agent got here: pass it on then.
        found->incoming.onward.emplace_back(requester, id);
        return;
    }
    if (req.GetSourceEdge() == m_dtId && !pool->GetAgent(terminal))
    {
        // The terminal's join has not arrived yet (it moved on quickly):
        // wait for it, then pass the agent on; refuse if it does not come.
        Record& r = GetRecord(terminal);
        if (r.state == DtMigrationState::AWAITING_JOIN)
        {
            r.timer.Cancel();
        }
        r.requester = requester;
        r.requestId = id;
        r.timer = Simulator::Schedule(
            m_timing.joinWait, &DtMigrationManager::JoinWaitExpired, this, terminal);
        SwitchToState(r, DtMigrationState::AWAITING_JOIN);
        return;
    }
    if (!pool->GetAgent(terminal) || req.GetSourceEdge() != m_dtId)
    {
        RejectRequest(requester, terminal, id);
        return;
    }
    Record& r = GetRecord(terminal);
    if (r.state == DtMigrationState::DEPARTED)
    {
        r.timer.Cancel();
    }
    if (r.state == DtMigrationState::PRE_COPIED && r.preCopy.id == id)
    {
        SendAgent(r, requester, id, DtMigrationPhase::DELTA, r.preCopy.historyEnd);
    }
    else
    {
        SendAgent(r, requester, id, DtMigrationPhase::FULL, Time::Min());
    }
    Tidy(terminal);
}

void
DtMigrationManager::JoinWaitExpired(uint32_t terminal)
{
    Record* r = FindRecord(terminal);
    if (!r || r->state != DtMigrationState::AWAITING_JOIN)
    {
        return;
    }
    Settle(*r);
    RejectRequest(r->requester, terminal, r->requestId);
    Tidy(terminal);
}

void
DtMigrationManager::SendAgent(
    Record& r, uint32_t target, uint64_t id, DtMigrationPhase phase, Time historyAfter)
{
    const uint32_t terminal = r.terminal;
    const DtDigitalAgent* agent = m_data->GetAgentPool()->GetAgent(terminal);
    std::vector<uint8_t> bytes = agent->Serialize(historyAfter);
    DtDigitalAgent copy = *agent;
    m_data->GetAgentPool()->Release(terminal);
    r.left = true;
    const uint32_t model = phase == DtMigrationPhase::DELTA ? 0 : copy.modelBytes;
    NS_LOG_INFO("edge DT " << m_dtId << " sends the agent of DT " << terminal << " ("
                           << bytes.size() << " + " << model << " model bytes"
                           << (phase == DtMigrationPhase::DELTA ? ", delta" : "") << ") to edge DT "
                           << target);
    SwitchToState(r, DtMigrationState::TRANSFERRING);
    std::vector<uint32_t> seqs = SendState(target, id, terminal, phase, std::move(bytes), model);
    r.transfers[id] = Transfer{std::move(seqs), std::move(copy)};
}

std::vector<uint32_t>
DtMigrationManager::SendState(uint32_t target,
                              uint64_t id,
                              uint32_t terminal,
                              DtMigrationPhase phase,
                              std::vector<uint8_t> record,
                              uint32_t modelBytes)
{
    NS_LOG_FUNCTION(this << target << id << terminal << record.size() << modelBytes);
    const uint64_t total = record.size() + static_cast<uint64_t>(modelBytes);
    NS_ABORT_MSG_IF(total > UINT32_MAX,
                    "the state of DT " << terminal << "'s agent (" << total
                                       << " bytes) exceeds the protocol's 4 GiB");
    const auto recordBytes = static_cast<uint32_t>(record.size());
    // Segment 0: the record and what fits of the model; then the model.
    const uint32_t first =
        std::min(modelBytes, m_segmentBytes > recordBytes ? m_segmentBytes - recordBytes : 0u);
    const uint32_t rest = modelBytes - first;
    const uint32_t count = 1 + rest / m_segmentBytes + (rest % m_segmentBytes ? 1 : 0);
    std::vector<uint32_t> seqs;
    seqs.reserve(count);
    uint32_t left = rest;
    for (uint32_t index = 0; index < count; ++index)
    {
        DtMigrationStateHeader state;
        state.SetMigrationId(id);
        state.SetTerminal(terminal);
        state.SetPhase(phase);
        if (index == 0)
        {
            state.SetSegment(0, count, static_cast<uint32_t>(total), std::move(record), first);
        }
        else
        {
            const uint32_t part = std::min(left, m_segmentBytes);
            left -= part;
            state.SetSegment(index, count, static_cast<uint32_t>(total), {}, part);
        }
        seqs.push_back(m_send(target, state));
    }
    return seqs;
}

void
DtMigrationManager::HandleState(uint32_t sender, const DtMigrationStateHeader& state)
{
    const uint64_t id = state.GetMigrationId();
    const uint32_t terminal = state.GetTerminal();
    const uint32_t count = state.GetSegmentCount();
    const uint32_t index = state.GetSegmentIndex();
    const uint64_t size = state.GetData().size() + static_cast<uint64_t>(state.GetModelBytes());
    if (count == 1)
    {
        HandleWholeState(sender,
                         id,
                         terminal,
                         state.GetPhase(),
                         state.GetData(),
                         state.GetTotalBytes(),
                         size == state.GetTotalBytes());
        return;
    }
    // The segments of one state come in order over the TCP connection
    // (IsOrdered); they are collected by index all the same.
    const auto key = std::make_pair(sender, id);
    auto [it, first] = m_reassembly.try_emplace(key);
    Reassembly& a = it->second;
    if (first)
    {
        a.terminal = terminal;
        a.phase = state.GetPhase();
        a.totalBytes = state.GetTotalBytes();
        a.received.assign(count, false);
    }
    if (a.terminal != terminal || a.phase != state.GetPhase() || a.received.size() != count
        || a.totalBytes != state.GetTotalBytes() || a.received[index]
        || size > a.totalBytes - a.bytes || (index > 0 && !state.GetData().empty()))
    {
        NS_LOG_LOGIC("edge DT " << m_dtId << " drops migration " << id << " from edge DT " << sender
                                << ": segment " << index << "/" << count
                                << " does not fit the others");
        m_reassembly.erase(it);
        return;
    }
    a.received[index] = true;
    a.bytes += size;
    ++a.count;
    if (index == 0)
    {
        a.record = state.GetData();
    }
    Record* r = FindRecord(terminal);
    if (r && r->state == DtMigrationState::PULLING
        && (r->incoming.id == id
            || (a.phase == DtMigrationPhase::PRECOPY && r->incoming.source == sender)))
    {
        // The state (or a copy its delta will follow) is arriving:
        // MigrationTimeout counts from its latest segment.
        r->timer.Cancel();
        r->timer = Simulator::Schedule(
            m_timing.migrationTimeout, &DtMigrationManager::FailIncoming, this, terminal);
    }
    if (a.count < count)
    {
        return;
    }
    Reassembly whole = std::move(a);
    m_reassembly.erase(it);
    HandleWholeState(sender,
                     id,
                     terminal,
                     whole.phase,
                     whole.record,
                     whole.totalBytes,
                     whole.bytes == whole.totalBytes);
}

void
DtMigrationManager::HandleWholeState(uint32_t sender,
                                     uint64_t id,
                                     uint32_t terminal,
                                     DtMigrationPhase phase,
                                     const std::vector<uint8_t>& record,
                                     uint32_t bytes,
                                     bool complete)
{
    DtMigrationAckHeader ack;
    ack.SetMigrationId(id);
    ack.SetTerminal(terminal);
    ack.SetBytesReceived(bytes);
    DtDigitalAgent agent;
    // A full state or a pre-copy carries the model the record announces, a
    // delta none.
    const uint64_t model = bytes - record.size();
    bool valid = complete && DtDigitalAgent::Deserialize(record, agent)
                 && agent.terminal == terminal
                 && model == (phase == DtMigrationPhase::DELTA ? 0 : agent.modelBytes);
    Record* found = FindRecord(terminal);
    const bool pulling = found && found->state == DtMigrationState::PULLING;
    const bool expected = pulling && found->incoming.id == id;
    if (phase == DtMigrationPhase::PRECOPY)
    {
        // While the terminal's agent is pulled from the edge that sent this
        // copy, that edge refreshed its pre-copy as the terminal left (or
        // before the join came): its delta will name this copy, so keep it.
        const bool refresh = pulling && found->incoming.source == sender;
        const bool usable =
            valid && (!pulling || refresh) && !m_data->GetAgentPool()->GetAgent(terminal);
        ack.SetStatus(usable ? DtMigrationStatus::ACCEPTED : DtMigrationStatus::REJECTED);
        m_send(sender, ack);
        if (usable && refresh && found->hasReplica)
        {
            // The older copy goes; the pull it named ends when the pull does.
            found->replica.expiry.Cancel();
            if (found->replica.id != found->incoming.id)
            {
                m_preCopyDiscarded(found->replica.id, terminal, found->replica.bytes, Seconds(0));
            }
            found->hasReplica = false;
            found->replica = Replica();
        }
        if (usable)
        {
            Record& r = GetRecord(terminal);
            DiscardReplica(r); // an older copy
            r.hasReplica = true;
            r.replica = Replica();
            r.replica.id = id;
            r.replica.source = sender;
            r.replica.agent = std::move(agent);
            r.replica.bytes = bytes;
            r.replica.expiry = Simulator::Schedule(
                m_timing.preCopyLifetime, &DtMigrationManager::ReplicaExpired, this, terminal);
            if (r.state == DtMigrationState::IDLE || r.state == DtMigrationState::REPLICA_READY)
            {
                SwitchToState(r, DtMigrationState::REPLICA);
            }
        }
        return;
    }
    uint32_t total = bytes;
    bool ends = expected; // this state ends the pull here
    if (phase == DtMigrationPhase::DELTA && valid && found && found->hasReplica
        && found->replica.id == id)
    {
        Replica& rep = found->replica;
        agent.PrependHistory(rep.agent);
        total += rep.bytes;
        // The delta of a copy refreshed while the terminal came ends the
        // pull, which named an older copy or none.
        ends = ends || (pulling && found->incoming.source == sender);
        if (!ends)
        {
            // Ahead of the terminal's join: keep it ready.
            rep.agent = std::move(agent);
            rep.bytes = total;
            rep.complete = true;
            if (found->state == DtMigrationState::REPLICA)
            {
                SwitchToState(*found, DtMigrationState::REPLICA_READY);
            }
            ack.SetStatus(DtMigrationStatus::COMPLETED);
            m_send(sender, ack);
            return;
        }
        rep.expiry.Cancel();
        found->hasReplica = false;
        found->replica = Replica();
    }
    else if (phase == DtMigrationPhase::DELTA && agent.modelBytes > 0)
    {
        valid = false; // a delta without its pre-copy: the model is not here
    }
    if (!ends)
    {
        return; // late or unknown: the migration already ended here
    }
    Record& r = *found;
    if (r.hasReplica && r.replica.id == id)
    {
        // The whole agent came instead of a delta: the copy is superseded.
        total += r.replica.bytes;
        r.replica.expiry.Cancel();
        r.hasReplica = false;
        r.replica = Replica();
    }
    ack.SetStatus(valid ? DtMigrationStatus::COMPLETED : DtMigrationStatus::REJECTED);
    m_send(sender, ack);
    if (!valid)
    {
        FailIncoming(terminal);
        return;
    }
    Incoming inc = std::move(r.incoming);
    r.incoming = Incoming();
    r.timer.Cancel();
    SwitchToState(r, DtMigrationState::IDLE);
    Restore(std::move(agent), inc);
    NS_LOG_INFO("edge DT " << m_dtId << " runs the agent of DT " << terminal << " after "
                           << (Simulator::Now() - inc.start).As(Time::MS));
    if (inc.id != id)
    {
        m_preCopyDiscarded(inc.id, terminal, 0, Seconds(0)); // the pull it superseded
    }
    m_migrationCompleted(id, terminal, total, Simulator::Now() - inc.start);
    FinishIncoming(r, inc);
    Tidy(terminal);
}

void
DtMigrationManager::RejectRequest(uint32_t edge, uint32_t terminal, uint64_t id)
{
    DtMigrationAckHeader nack;
    nack.SetMigrationId(id);
    nack.SetTerminal(terminal);
    nack.SetStatus(DtMigrationStatus::REJECTED);
    m_send(edge, nack);
}

void
DtMigrationManager::Restore(DtDigitalAgent agent, const Incoming& inc)
{
    const uint32_t terminal = agent.terminal;
    agent.servingCell = inc.servingCell;
    agent.modelVersion = inc.modelVersion;
    agent.joined = Simulator::Now();
    m_data->GetAgentPool()->Adopt(std::move(agent));
    for (const auto& [update, sentAt] : inc.held)
    {
        m_data->ApplyStatus(terminal, update, sentAt);
    }
}

void
DtMigrationManager::FinishIncoming(Record& r, const Incoming& inc)
{
    if (!m_deliver.IsNull())
    {
        m_deliver(inc.messages);
    }
    if (inc.onward.empty() || !m_data->GetAgentPool()->GetAgent(r.terminal))
    {
        return;
    }
    // The terminal moved on meanwhile: its agent follows to the edge that
    // asked last; edges that asked before are refused (the terminal left them).
    for (std::size_t i = 0; i + 1 < inc.onward.size(); ++i)
    {
        RejectRequest(inc.onward[i].first, r.terminal, inc.onward[i].second);
    }
    const auto& [edge, id] = inc.onward.back();
    SendAgent(r, edge, id, DtMigrationPhase::FULL, Time::Min());
}

void
DtMigrationManager::HandleAck(const DtMigrationAckHeader& ack)
{
    const uint32_t terminal = ack.GetTerminal();
    Record* r = FindRecord(terminal);
    if (!r)
    {
        return;
    }
    if (r->transfers.erase(ack.GetMigrationId()) > 0)
    {
        // The target has it (or could not use it; the terminal is there).
        if (r->state == DtMigrationState::TRANSFERRING)
        {
            Settle(*r);
        }
        Tidy(terminal);
        return;
    }
    if (r->state == DtMigrationState::PULLING && r->incoming.id == ack.GetMigrationId()
        && ack.GetStatus() == DtMigrationStatus::REJECTED)
    {
        FailIncoming(terminal); // the previous edge had no agent to give
    }
}

void
DtMigrationManager::FailIncoming(uint32_t terminal)
{
    Record* found = FindRecord(terminal);
    if (!found || found->state != DtMigrationState::PULLING)
    {
        return;
    }
    Record& r = *found;
    Incoming inc = std::move(r.incoming);
    r.incoming = Incoming();
    r.timer.Cancel();
    // Segments still on their way are dropped when they come.
    m_reassembly.erase(std::make_pair(inc.source, inc.id));
    if (r.hasReplica)
    {
        // The delta never came: the pre-copy is the best state there is.
        Replica rep = std::move(r.replica);
        r.hasReplica = false;
        r.replica = Replica();
        rep.expiry.Cancel();
        Restore(std::move(rep.agent), inc);
    }
    else
    {
        m_data->GetAgentPool()->Join(terminal, inc.servingCell, inc.modelVersion);
        for (const auto& [update, sentAt] : inc.held)
        {
            m_data->ApplyStatus(terminal, update, sentAt);
        }
    }
    SwitchToState(r, DtMigrationState::IDLE);
    m_migrationFailed(inc.id, terminal, 0, Simulator::Now() - inc.start);
    FinishIncoming(r, inc);
    Tidy(terminal);
}

void
DtMigrationManager::DiscardReplica(Record& r)
{
    if (!r.hasReplica || r.state == DtMigrationState::PULLING)
    {
        return; // none, or its terminal arrived and waits for the delta
    }
    r.replica.expiry.Cancel();
    NS_LOG_LOGIC("edge DT " << m_dtId << " drops the pre-copy of DT " << r.terminal);
    m_preCopyDiscarded(r.replica.id, r.terminal, r.replica.bytes, Seconds(0));
    r.hasReplica = false;
    r.replica = Replica();
    if (r.state == DtMigrationState::REPLICA || r.state == DtMigrationState::REPLICA_READY)
    {
        Settle(r);
    }
}

void
DtMigrationManager::ReplicaExpired(uint32_t terminal)
{
    if (Record* r = FindRecord(terminal))
    {
        DiscardReplica(*r);
        Tidy(terminal);
    }
}

void
DtMigrationManager::Predict()
{
    m_predictEvent =
        Simulator::Schedule(m_policy->GetPredictionInterval(), &DtMigrationManager::Predict, this);
    for (const auto& [terminal, agent] : m_data->GetAgentPool()->GetAgents())
    {
        uint32_t edge = m_dtId;
        const Record* r = FindRecord(terminal);
        // Only an agent at rest here is pre-copied (not one that waits for
        // a request, is being sent, or has a migration of its own pending).
        if ((r && r->state != DtMigrationState::IDLE && r->state != DtMigrationState::PRE_COPIED)
            || !m_policy->ChoosePreCopyTarget(agent, *m_book, m_dtId, edge) || edge == m_dtId)
        {
            continue;
        }
        if (r && r->state == DtMigrationState::PRE_COPIED && r->preCopy.target == edge
            && Simulator::Now() - r->preCopy.at < m_timing.preCopyLifetime)
        {
            continue; // that edge already holds a copy
        }
        SendPreCopy(agent, edge);
    }
}

void
DtMigrationManager::SendPreCopy(const DtDigitalAgent& agent, uint32_t target)
{
    Record& r = GetRecord(agent.terminal);
    PreCopy& pc = r.preCopy;
    pc.target = target;
    pc.id = (static_cast<uint64_t>(m_dtId) << 32) | m_nextMigration++;
    pc.at = Simulator::Now();
    pc.historyEnd = agent.history.empty() ? Time::Min() : agent.history.back().first;
    std::vector<uint8_t> bytes = agent.Serialize();
    NS_LOG_INFO("edge DT " << m_dtId << " pre-copies the agent of DT " << agent.terminal << " ("
                           << bytes.size() << " + " << agent.modelBytes
                           << " model bytes) to edge DT " << target);
    SwitchToState(r, DtMigrationState::PRE_COPIED);
    m_migrationStarted(pc.id, agent.terminal, m_dtId, target, DtMigrationTrigger::PROACTIVE);
    SendState(target,
              pc.id,
              agent.terminal,
              DtMigrationPhase::PRECOPY,
              std::move(bytes),
              agent.modelBytes);
}

void
DtMigrationManager::HandleSendFailure(uint32_t dst, const DtHeader& header)
{
    if (header.GetMessageType() == DtMessageType::MIGRATION_STATE)
    {
        // The state did not reach the new edge: the agent stays here.
        for (auto& [terminal, r] : m_records)
        {
            bool found = false;
            for (auto it = r.transfers.begin(); it != r.transfers.end(); ++it)
            {
                const auto& seqs = it->second.seqs;
                if (std::find(seqs.begin(), seqs.end(), header.GetSequence()) != seqs.end())
                {
                    m_data->GetAgentPool()->Adopt(std::move(it->second.agent));
                    r.transfers.erase(it);
                    found = true;
                    break;
                }
            }
            if (found)
            {
                if (r.state == DtMigrationState::TRANSFERRING)
                {
                    Settle(r);
                }
                break;
            }
        }
    }
    if (header.GetMessageType() == DtMessageType::MIGRATION_REQUEST)
    {
        for (const auto& [terminal, r] : m_records)
        {
            if (r.state == DtMigrationState::PULLING && r.incoming.source == dst)
            {
                Simulator::ScheduleNow(&DtMigrationManager::FailIncoming, this, terminal);
            }
        }
    }
}

} // namespace ns3
