-- multilayer-dt.lua: Wireshark dissector for the multilayer-dt DT protocol.
--
-- Decodes the 32-byte DtHeader and the payload of every message type
-- (doc/multilayer-dt.rst, "The DT wire protocol") with named fields, over UDP
-- (one message per datagram) and TCP (messages back to back, reassembled).
-- It applies the validation rules of DtMessage::Parse and marks a message
-- that breaks one with the field mldt.malformed (the parser's error name:
-- truncated, bad-magic, bad-version, unknown-type, bad-flags, bad-reserved,
-- length-mismatch, bad-field, too-large) and a "malformed" expert item.
--
-- Use:
--   wireshark -X lua_script:doc/wireshark/multilayer-dt.lua trace.pcap
--   tshark -X lua_script:doc/wireshark/multilayer-dt.lua -r trace.pcap -Y mldt
-- or copy the file to ~/.local/lib/wireshark/plugins/. The port (9500, the
-- ns3::DtCommModule::Port default) is the preference "mldt.port".
-- Display filters: mldt, mldt.type == 9, mldt.sync_request.terminal == 4,
-- mldt.malformed, mldt.flags.retx == 1, ...

local mldt = Proto("mldt", "Multilayer DT Protocol")

local HEADER_LEN = 32
local MAGIC = 0x4D44
local VERSION = 1
local FLAGS_MASK = 0x0007
local MAX_PAYLOAD_LENGTH = 64 * 1024 * 1024
local MAX_BLOB = 1024 * 1024
local MAX_VALUES = 1024 * 1024
local MAX_DIMENSION = 64
local MAX_ANOMALIES = 65536
local MAX_TIMESTAMP = UInt64.new(0xFFFFFFFF, 0x7FFFFFFF)

local TYPE_NAMES = {
    [1] = "STATUS_UPDATE", [2] = "DEMAND_REQUEST", [3] = "DEMAND_RESPONSE",
    [4] = "REGION_SUMMARY", [5] = "MODEL_UPDATE", [6] = "AGENT_JOIN",
    [7] = "AGENT_LEAVE", [8] = "MIGRATION_REQUEST", [9] = "MIGRATION_STATE",
    [10] = "MIGRATION_ACK", [11] = "SYNC_REQUEST", [12] = "SYNC_ACK",
    [13] = "PEER_HELLO", [14] = "PEER_DEMAND", [15] = "ACK", [16] = "LOAD_REPORT",
    [17] = "AGENT_MESSAGE",
}
local TYPE_MAX = 17

local TIERS = { [0] = "local", [1] = "edge", [2] = "cloud", [3] = "peer" }
local OUTCOMES = { [0] = "completed", [1] = "failed" }
local REASONS = {
    [0] = "none", [1] = "queue-full", [2] = "unreachable", [3] = "timeout",
    [4] = "migrating", [5] = "unknown-service", [6] = "node-failed", [7] = "simulation-end",
}
local LEAVE_REASONS = { [0] = "handover", [1] = "detach", [2] = "failure" }
local TRIGGERS = { [0] = "reactive", [1] = "proactive" }
local PHASES = { [0] = "full", [1] = "pre-copy", [2] = "delta" }
local MIGRATION_STATUS = { [0] = "accepted", [1] = "completed", [2] = "rejected" }
local SYNC_STATUS = { [0] = "ok", [1] = "migrating", [2] = "unknown-agent", [3] = "late" }
local ENCODINGS = { [0] = "raw", [1] = "delta-quantized" }
local SOURCES = { [1] = "position", [2] = "sensor", [3] = "internal", [4] = "radio", [5] = "behavior" }

-- Largest value of each enumeration (DtMessage::Parse rejects larger ones).
local function max_of(t)
    local m = 0
    for k in pairs(t) do
        if k > m then m = k end
    end
    return m
end

------------------------------------------------------------------------------
-- Fields

local pf = {}
local fields = {}
local function add(key, field)
    pf[key] = field
    fields[#fields + 1] = field
end

add("magic", ProtoField.uint16("mldt.magic", "Magic", base.HEX))
add("version", ProtoField.uint8("mldt.version", "Version", base.DEC))
add("type", ProtoField.uint8("mldt.type", "Type", base.DEC, TYPE_NAMES))
add("flags", ProtoField.uint16("mldt.flags", "Flags", base.HEX))
add("flag_ack", ProtoField.bool("mldt.flags.ack", "Acknowledgement requested", 16, nil, 0x0001))
add("flag_retx", ProtoField.bool("mldt.flags.retx", "Retransmission", 16, nil, 0x0002))
add("flag_relayed", ProtoField.bool("mldt.flags.relayed", "Relayed", 16, nil, 0x0004))
add("reserved", ProtoField.uint16("mldt.reserved", "Reserved", base.HEX))
add("src", ProtoField.uint32("mldt.src", "Source DT", base.DEC))
add("dst", ProtoField.uint32("mldt.dst", "Destination DT", base.DEC))
add("seq", ProtoField.uint32("mldt.seq", "Sequence", base.DEC))
add("length", ProtoField.uint32("mldt.length", "Payload length", base.DEC))
add("timestamp", ProtoField.uint64("mldt.timestamp_ns", "Send time (ns)", base.DEC))
add("payload", ProtoField.bytes("mldt.payload", "Payload"))
add("bulk", ProtoField.bytes("mldt.bulk", "Bulk data"))
add("malformed", ProtoField.string("mldt.malformed", "Malformed"))
add("continuation", ProtoField.bytes("mldt.continuation", "Continuation (message start not captured)"))

-- Payload layouts, in wire order, as in each header's Fields template.
-- kind: u8 u16 u32 u64 f64 enum blob f64[] u32[]; vs: value names;
-- max: largest enumeration value or largest length/count.
local function F(kind, name, label, extra)
    local f = extra or {}
    f.kind, f.name, f.label = kind, name, label
    return f
end

local demand_request = {
    F("u64", "demandId", "Demand id"),
    F("u32", "origin", "Origin terminal"),
    F("u8", "demandClass", "Demand class"),
    F("u8", "priority", "Priority"),
    F("enum", "tier", "Tier", { vs = TIERS }),
    F("u8", "hops", "Hops"),
    F("f64", "workloadGflop", "Workload (GFLOP)"),
    F("u32", "inputBytes", "Input bytes"),
    F("u32", "outputBytes", "Output bytes"),
    F("u64", "createdNs", "Created (ns)"),
    F("u64", "deadlineNs", "Deadline (ns)"),
}

local LAYOUTS = {
    [1] = {
        key = "status_update",
        F("f64", "posX", "Position x (m)"), F("f64", "posY", "Position y (m)"),
        F("f64", "posZ", "Position z (m)"), F("f64", "velX", "Velocity x (m/s)"),
        F("f64", "velY", "Velocity y (m/s)"), F("f64", "velZ", "Velocity z (m/s)"),
        F("u32", "servingCell", "Serving cell"), F("u32", "queueLength", "Queue length"),
        F("u16", "cpuLoadPermille", "CPU load (permille)"),
        F("u16", "batteryPermille", "Battery (permille)"),
        F("enum", "encoding", "Sample encoding", { vs = ENCODINGS }),
        F("u16", "sampleCount", "Samples"),
        F("blob", "samples", "Sample block", { max = MAX_BLOB, samples = true }),
    },
    [2] = { key = "demand_request", bulk = "inputBytes" },
    [3] = {
        key = "demand_response", bulk = "outputBytes",
        F("u64", "demandId", "Demand id"), F("u32", "origin", "Origin terminal"),
        F("enum", "outcome", "Outcome", { vs = OUTCOMES }),
        F("enum", "reason", "Failure reason", { vs = REASONS }),
        F("enum", "executedTier", "Executed tier", { vs = TIERS }),
        F("u8", "hops", "Hops"), F("u64", "createdNs", "Created (ns)"),
        F("u64", "completedNs", "Completed (ns)"), F("u32", "outputBytes", "Output bytes"),
    },
    [4] = {
        key = "region_summary",
        F("u32", "agentCount", "Agents"), F("u32", "statusUpdates", "Status updates"),
        F("u64", "windowStartNs", "Window start (ns)"), F("u64", "windowEndNs", "Window end (ns)"),
        F("f64[]", "mean", "Mean", { max = MAX_DIMENSION }),
        F("f64[]", "covariance", "Covariance (upper triangle)",
            { max = MAX_DIMENSION * (MAX_DIMENSION + 1) / 2 }),
        F("u32[]", "anomalies", "Anomalous terminals", { max = MAX_ANOMALIES }),
    },
    [5] = {
        key = "model_update",
        F("u32", "modelId", "Model id"), F("u32", "version", "Model version"),
        F("u64", "trainedAtNs", "Trained at (ns)"), F("u32", "trainingSamples", "Training samples"),
        F("f64[]", "parameters", "Parameters", { max = MAX_VALUES }),
    },
    [6] = {
        key = "agent_join",
        F("u32", "terminal", "Terminal"), F("u32", "previousEdge", "Previous edge"),
        F("u32", "servingCell", "Serving cell"), F("u32", "modelVersion", "Model version"),
    },
    [7] = {
        key = "agent_leave",
        F("u32", "terminal", "Terminal"), F("u32", "nextEdge", "Next edge"),
        F("enum", "reason", "Reason", { vs = LEAVE_REASONS }),
    },
    [8] = {
        key = "migration_request",
        F("u64", "migrationId", "Migration id"), F("u32", "terminal", "Terminal"),
        F("u32", "sourceEdge", "Source edge"), F("u32", "targetEdge", "Target edge"),
        F("enum", "trigger", "Trigger", { vs = TRIGGERS }), F("u32", "stateBytes", "State bytes"),
    },
    [9] = {
        key = "migration_state", bulk = "modelBytes",
        F("u64", "migrationId", "Migration id"), F("u32", "terminal", "Terminal"),
        F("enum", "phase", "Phase", { vs = PHASES }),
        F("u32", "segmentIndex", "Segment index"), F("u32", "segmentCount", "Segment count"),
        F("u32", "totalBytes", "Total bytes"), F("blob", "data", "Agent record", { max = MAX_BLOB }),
        F("u32", "modelBytes", "Model bytes"),
    },
    [10] = {
        key = "migration_ack",
        F("u64", "migrationId", "Migration id"), F("u32", "terminal", "Terminal"),
        F("enum", "status", "Status", { vs = MIGRATION_STATUS }),
        F("u32", "bytesReceived", "Bytes received"),
    },
    [11] = {
        key = "sync_request",
        F("u64", "syncId", "Sync id"), F("u32", "terminal", "Terminal"),
        F("u64", "generatedNs", "Generated (ns)"), F("u64", "deadlineNs", "Deadline (ns)"),
        F("blob", "state", "State", { max = MAX_BLOB }),
    },
    [12] = {
        key = "sync_ack",
        F("u64", "syncId", "Sync id"), F("u32", "terminal", "Terminal"),
        F("enum", "status", "Status", { vs = SYNC_STATUS }),
        F("u64", "twinUpdatedNs", "Twin updated (ns)"),
    },
    [13] = {
        key = "peer_hello",
        F("u32", "terminal", "Terminal"), F("f64", "posX", "Position x (m)"),
        F("f64", "posY", "Position y (m)"), F("f64", "capacityGflops", "Capacity (GFLOPS)"),
        F("u32", "queueLength", "Queue length"), F("u8", "hasEdge", "Has edge"),
    },
    [14] = { key = "peer_demand", bulk = "inputBytes" },
    [15] = {
        key = "ack",
        F("u32", "ackedSequence", "Acknowledged sequence"),
        F("u8", "ackedType", "Acknowledged type", { vs = TYPE_NAMES }),
    },
    [16] = {
        key = "load_report",
        F("f64", "capacityGflops", "Capacity (GFLOPS)"), F("f64", "backlogGflop", "Backlog (GFLOP)"),
        F("f64", "upstreamCapacityGflops", "Upstream capacity (GFLOPS)"),
        F("f64", "upstreamBacklogGflop", "Upstream backlog (GFLOP)"),
        F("f64", "upstreamRateBps", "Upstream rate (bit/s)"), F("u64", "upstreamRttNs", "Upstream RTT (ns)"),
    },
    [17] = {
        key = "agent_message",
        F("u32", "from", "From terminal"), F("u32", "to", "To terminal"),
        F("u32", "fromEdge", "Sender's edge"), F("u8", "hops", "Hops"),
        F("u64", "sentAtNs", "Sent at (ns)"), F("blob", "body", "Body", { max = MAX_BLOB }),
    },
}
for _, t in ipairs({ 2, 14 }) do
    for i, f in ipairs(demand_request) do
        LAYOUTS[t][i] = F(f.kind, f.name, f.label, { vs = f.vs })
    end
end

-- Cross-field and range rules (DtParseError names), checked after the walk.
local function ts_ok(v)
    return v <= MAX_TIMESTAMP
end
local RULES = {
    [2] = function(v)
        if v.priority > 7 then return "bad-field", "priority" end
        if not (v.workloadGflop > 0) then return "bad-field", "workloadGflop" end
        if v.inputBytes > MAX_PAYLOAD_LENGTH then return "too-large", "inputBytes" end
        if v.deadlineNs < v.createdNs or not ts_ok(v.deadlineNs) then return "bad-field", "deadlineNs" end
    end,
    [3] = function(v)
        if (v.outcome == 0) ~= (v.reason == 0) then return "bad-field", "reason" end
        if v.completedNs < v.createdNs or not ts_ok(v.completedNs) then return "bad-field", "completedNs" end
        if v.outputBytes > MAX_PAYLOAD_LENGTH then return "too-large", "outputBytes" end
    end,
    [4] = function(v)
        if v.windowEndNs < v.windowStartNs or not ts_ok(v.windowEndNs) then return "bad-field", "windowEndNs" end
        local d = v.mean
        if v.covariance ~= d * (d + 1) / 2 then return "bad-field", "covariance" end
    end,
    [5] = function(v)
        if v.version < 1 then return "bad-field", "version" end
        if not ts_ok(v.trainedAtNs) then return "bad-field", "trainedAtNs" end
    end,
    [8] = function(v)
        if v.targetEdge == v.sourceEdge then return "bad-field", "targetEdge" end
    end,
    [9] = function(v)
        if v.segmentCount < 1 or v.segmentIndex >= v.segmentCount then return "bad-field", "segmentCount" end
        if v.data + v.modelBytes > v.totalBytes then return "bad-field", "modelBytes" end
    end,
    [11] = function(v)
        if v.deadlineNs < v.generatedNs or not ts_ok(v.deadlineNs) then return "bad-field", "deadlineNs" end
    end,
    [12] = function(v)
        if not ts_ok(v.twinUpdatedNs) then return "bad-field", "twinUpdatedNs" end
    end,
    [13] = function(v)
        if not (v.capacityGflops >= 0) then return "bad-field", "capacityGflops" end
        if v.hasEdge > 1 then return "bad-field", "hasEdge" end
    end,
    [15] = function(v)
        if v.ackedType < 1 or v.ackedType > TYPE_MAX then return "bad-field", "ackedType" end
    end,
    [16] = function(v)
        if not (v.capacityGflops > 0) then return "bad-field", "capacityGflops" end
        for _, n in ipairs({ "backlogGflop", "upstreamCapacityGflops", "upstreamBacklogGflop", "upstreamRateBps" }) do
            if not (v[n] >= 0) then return "bad-field", n end
        end
        if not ts_ok(v.upstreamRttNs) then return "bad-field", "upstreamRttNs" end
    end,
    [17] = function(v)
        if v.hops > 4 then return "bad-field", "hops" end
        if not ts_ok(v.sentAtNs) then return "bad-field", "sentAtNs" end
    end,
}
RULES[14] = RULES[2]

-- One ProtoField per payload field: mldt.<message>.<field>.
local FTYPES = {
    u8 = ProtoField.uint8, u16 = ProtoField.uint16, u32 = ProtoField.uint32,
    u64 = ProtoField.uint64, enum = ProtoField.uint8,
}
for _, layout in pairs(LAYOUTS) do
    for _, f in ipairs(layout) do
        local abbr = "mldt." .. layout.key .. "." .. f.name
        if FTYPES[f.kind] then
            f.pf = FTYPES[f.kind](abbr, f.label, base.DEC, f.vs)
        elseif f.kind == "f64" then
            f.pf = ProtoField.double(abbr, f.label)
        else
            -- blob and arrays: the count is the field, the items are children
            f.pf = ProtoField.uint32(abbr .. ".count", f.label .. (f.kind == "blob" and " length" or " count"), base.DEC)
            if f.kind == "blob" then
                f.data = ProtoField.bytes(abbr, f.label)
            elseif f.kind == "f64[]" then
                f.data = ProtoField.double(abbr, f.label)
            else
                f.data = ProtoField.uint32(abbr, f.label, base.DEC)
            end
            fields[#fields + 1] = f.data
        end
        if f.kind == "enum" then
            f.max = max_of(f.vs)
        end
        fields[#fields + 1] = f.pf
    end
end

-- Sample block streams (STATUS_UPDATE).
add("stream", ProtoField.bytes("mldt.stream", "Stream"))
add("stream_source", ProtoField.uint8("mldt.stream.source", "Source", base.DEC, SOURCES))
add("stream_channels", ProtoField.uint8("mldt.stream.channels", "Channels", base.DEC))
add("stream_count", ProtoField.uint16("mldt.stream.count", "Samples", base.DEC))
add("stream_first_age", ProtoField.uint32("mldt.stream.first_age_us", "Age of first sample (us)", base.DEC))
add("stream_period", ProtoField.uint32("mldt.stream.period_us", "Sampling period (us)", base.DEC))
add("stream_value", ProtoField.double("mldt.stream.value", "Value"))
add("stream_bound", ProtoField.float("mldt.stream.error_bound", "Error bound"))
add("stream_code_bytes", ProtoField.uint16("mldt.stream.code_bytes", "Code bytes", base.DEC))
add("stream_codes", ProtoField.bytes("mldt.stream.codes", "Quantizer codes"))

mldt.fields = fields

local ef_malformed = ProtoExpert.new("mldt.malformed.expert", "Malformed DT message",
    expert.group.MALFORMED, expert.severity.ERROR)
-- DtMessage::Parse accepts such a message (the block is opaque to it); the
-- receiving DT's decoder refuses the block: a protocol warning.
local ef_samples = ProtoExpert.new("mldt.samples.expert", "Sample block does not decode",
    expert.group.PROTOCOL, expert.severity.WARN)
local ef_continuation = ProtoExpert.new("mldt.continuation.expert",
    "TCP data inside a DT message whose start is not in this capture",
    expert.group.SEQUENCE, expert.severity.NOTE)
mldt.experts = { ef_malformed, ef_samples, ef_continuation }

mldt.prefs.port = Pref.uint("DT port", 9500, "UDP and TCP port of the DTs (ns3::DtCommModule::Port)")

------------------------------------------------------------------------------
-- Dissection

local function flag(tree, key, text, range)
    tree:add(pf.malformed, range, key):set_generated()
    tree:add_proto_expert_info(ef_malformed, text)
end

local CHANNELS = { [1] = 4, [3] = 4, [4] = 2, [5] = 1 }

-- Decodes a sample block; returns false if it does not decode.
local function dissect_samples(tvb, tree, encoding, expected)
    local off, stop, total, seen = 0, tvb:len(), 0, {}
    while off < stop do
        if stop - off < 12 then return false end
        local source = tvb(off, 1):uint()
        local channels = tvb(off + 1, 1):uint()
        local count = tvb(off + 2, 2):uint()
        local want = CHANNELS[source]
        if not SOURCES[source] or seen[source] or count < 1 or channels < 1
            or (want and channels ~= want) or (source == 2 and channels > 8) then
            return false
        end
        seen[source] = true
        local size
        if encoding == 0 then
            size = 12 + 8 * count * channels
        else
            size = 12
            for _ = 1, channels do
                if stop - off < size + 6 then return false end
                size = size + 6 + tvb(off + size + 4, 2):uint()
            end
        end
        if stop - off < size then return false end
        local st = tree:add(pf.stream, tvb(off, size))
        st:set_text(string.format("Stream: %s, %d channel(s), %d sample(s)",
            SOURCES[source], channels, count))
        st:add(pf.stream_source, tvb(off, 1))
        st:add(pf.stream_channels, tvb(off + 1, 1))
        st:add(pf.stream_count, tvb(off + 2, 2))
        st:add(pf.stream_first_age, tvb(off + 4, 4))
        st:add(pf.stream_period, tvb(off + 8, 4))
        local p = off + 12
        if encoding == 0 then
            for _ = 1, count * channels do
                st:add(pf.stream_value, tvb(p, 8))
                p = p + 8
            end
        else
            for _ = 1, channels do
                st:add(pf.stream_bound, tvb(p, 4))
                st:add(pf.stream_code_bytes, tvb(p + 4, 2))
                local n = tvb(p + 4, 2):uint()
                if n > 0 then st:add(pf.stream_codes, tvb(p + 6, n)) end
                p = p + 6 + n
            end
        end
        off = off + size
        total = total + count
    end
    return total == expected
end

-- Walks a payload layout; returns consumed bytes and the decoded values, or
-- nil, error, field name.
local function dissect_fields(tvb, tree, layout, values)
    local off, len = 0, tvb:len()
    for _, f in ipairs(layout) do
        local size = ({ u8 = 1, enum = 1, u16 = 2, u32 = 4, u64 = 8, f64 = 8 })[f.kind] or 4
        if len - off < size then
            return nil, "truncated", f.name
        end
        local r = tvb(off, size)
        if f.kind == "u64" then
            values[f.name] = r:uint64()
            tree:add(f.pf, r)
        elseif f.kind == "f64" then
            local x = r:float()
            values[f.name] = x
            tree:add(f.pf, r)
            if x ~= x or x == math.huge or x == -math.huge then
                return nil, "bad-field", f.name
            end
        elseif FTYPES[f.kind] then
            values[f.name] = r:uint()
            tree:add(f.pf, r)
            if f.kind == "enum" and values[f.name] > f.max then
                return nil, "bad-field", f.name
            end
        else
            local n = r:uint()
            values[f.name] = n
            local item = size + n * (f.kind == "blob" and 1 or (f.kind == "f64[]" and 8 or 4))
            local sub = tree:add(f.pf, r)
            if n > f.max then
                return nil, "too-large", f.name
            end
            if len - off < item then
                return nil, "truncated", f.name
            end
            if f.kind == "blob" then
                if n > 0 then
                    local data = tvb(off + 4, n)
                    sub:add(f.data, data)
                    if f.samples and not dissect_samples(data:tvb(), sub, values.encoding, values.sampleCount) then
                        sub:add_proto_expert_info(ef_samples)
                    end
                end
            else
                local step = f.kind == "f64[]" and 8 or 4
                for i = 0, n - 1 do
                    local e = tvb(off + 4 + i * step, step)
                    sub:add(f.data, e)
                    if step == 8 then
                        local x = e:float()
                        if x ~= x or x == math.huge or x == -math.huge then
                            return nil, "bad-field", f.name
                        end
                    end
                end
            end
            size = item
        end
        off = off + size
    end
    return off
end

-- Dissects one message at the start of tvb (exactly its bytes); returns the
-- message type, or nil if the header is unusable.
local function dissect_message(tvb, pinfo, tree)
    local len = tvb:len()
    local t = tree:add(mldt, tvb())
    if len < HEADER_LEN then
        flag(t, "truncated", "fewer than 32 bytes", tvb())
        return nil
    end
    local h = t:add(mldt, tvb(0, HEADER_LEN), "Header")
    h:set_text("Header")
    h:add(pf.magic, tvb(0, 2))
    h:add(pf.version, tvb(2, 1))
    h:add(pf.type, tvb(3, 1))
    local fl = h:add(pf.flags, tvb(4, 2))
    fl:add(pf.flag_ack, tvb(4, 2))
    fl:add(pf.flag_retx, tvb(4, 2))
    fl:add(pf.flag_relayed, tvb(4, 2))
    h:add(pf.reserved, tvb(6, 2))
    h:add(pf.src, tvb(8, 4))
    local di = h:add(pf.dst, tvb(12, 4))
    if tvb(12, 4):uint() == 0xFFFFFFFF then
        di:append_text(" (every DT)")
    end
    h:add(pf.seq, tvb(16, 4))
    h:add(pf.length, tvb(20, 4))
    h:add(pf.timestamp, tvb(24, 8))

    local mtype = tvb(3, 1):uint()
    local name = TYPE_NAMES[mtype] or ("type " .. mtype)
    local src, dst, seq = tvb(8, 4):uint(), tvb(12, 4):uint(), tvb(16, 4):uint()
    t:append_text(string.format(", %s, %u -> %u, seq %u", name, src, dst, seq))
    pinfo.cols.info:append(string.format("%s %u→%u seq=%u ", name, src, dst, seq))

    local length = tvb(20, 4):uint()
    local err
    if tvb(0, 2):uint() ~= MAGIC then
        err = "bad-magic"
    elseif tvb(2, 1):uint() ~= VERSION then
        err = "bad-version"
    elseif not TYPE_NAMES[mtype] then
        err = "unknown-type"
    elseif bit.band(tvb(4, 2):uint(), bit.bnot(FLAGS_MASK)) ~= 0 then
        err = "bad-flags"
    elseif tvb(6, 2):uint() ~= 0 then
        err = "bad-reserved"
    elseif length > MAX_PAYLOAD_LENGTH then
        err = "too-large"
    elseif not ts_ok(tvb(24, 8):uint64()) then
        err = "bad-field"
    elseif len - HEADER_LEN < length then
        err = "truncated"
    elseif len - HEADER_LEN > length then
        err = "length-mismatch"
    end
    if err then
        local text = err .. " in the header"
        if err == "truncated" or err == "length-mismatch" then
            text = string.format("%s: the header declares %u payload bytes, %u follow", err, length, len - HEADER_LEN)
        end
        flag(t, err, text, tvb(0, HEADER_LEN))
        pinfo.cols.info:append("[malformed: " .. err .. "] ")
        return mtype
    end
    if length == 0 then
        flag(t, "truncated", "no payload", tvb(0, HEADER_LEN))
        return mtype
    end

    local layout = LAYOUTS[mtype]
    local ptvb = tvb(HEADER_LEN, length):tvb()
    local p = t:add(mldt, tvb(HEADER_LEN, length), name)
    p:set_text(name)
    local values = {}
    local used, perr, pfield = dissect_fields(ptvb, p, layout, values)
    if used then
        local rule = RULES[mtype]
        if rule then
            perr, pfield = rule(values)
        end
    end
    if used and not perr then
        local bulk = layout.bulk and values[layout.bulk] or 0
        if used + bulk > length then
            perr, pfield = "truncated", "bulk"
        elseif used + bulk < length then
            perr, pfield = "length-mismatch", "bulk"
        elseif bulk > 0 then
            p:add(pf.bulk, ptvb(used, bulk))
        end
    end
    if perr then
        flag(p, perr, perr .. " at " .. pfield, tvb(HEADER_LEN, length))
        pinfo.cols.info:append("[malformed: " .. perr .. " " .. pfield .. "] ")
    end
    return mtype
end

local function begin(pinfo)
    pinfo.cols.protocol = "MLDT"
    if not pinfo.private.mldt_info then
        pinfo.cols.info:clear()
        pinfo.private.mldt_info = "1"
    end
end

-- One whole message: a UDP datagram, or a PDU cut out of a TCP stream.
local function dissect_one(tvb, pinfo, tree)
    begin(pinfo)
    dissect_message(tvb, pinfo, tree)
    return tvb:len()
end

-- TCP: 32-byte header, then payloadLength bytes; a header that cannot be a DT
-- header takes the rest of the segment.
local function pdu_length(tvb, pinfo, offset)
    local magic = tvb(offset, 2):uint()
    local length = tvb(offset + 20, 4):uint()
    if magic ~= MAGIC or length > MAX_PAYLOAD_LENGTH then
        return tvb:len() - offset
    end
    return HEADER_LEN + length
end

-- TCP hands over data at message boundaries, except after a gap in the
-- capture (a segment the capturing device did not see): then the data starts
-- inside a message, and a stream has no marker to resynchronize on. Such data
-- is shown as a continuation, not as a malformed message.
local function dissect_tcp(tvb, pinfo, tree)
    if tvb:len() >= 3 and (tvb(0, 2):uint() ~= MAGIC or tvb(2, 1):uint() ~= VERSION) then
        begin(pinfo)
        local t = tree:add(mldt, tvb())
        t:append_text(", continuation of a message whose start is not in this capture")
        t:add(pf.continuation, tvb()):set_generated()
        t:add_proto_expert_info(ef_continuation)
        pinfo.cols.info:append("[continuation: message start not captured] ")
        return tvb:len()
    end
    return dissect_tcp_pdus(tvb, tree, HEADER_LEN, pdu_length, dissect_one, true)
end

local mldt_tcp = Proto("mldt_tcp", "Multilayer DT Protocol over TCP")
mldt_tcp.dissector = dissect_tcp
mldt.dissector = dissect_one

local registered = nil
local function register(port)
    local udp, tcp = DissectorTable.get("udp.port"), DissectorTable.get("tcp.port")
    if registered then
        udp:remove(registered, mldt)
        tcp:remove(registered, mldt_tcp)
    end
    udp:add(port, mldt)
    tcp:add(port, mldt_tcp)
    registered = port
end

function mldt.prefs_changed()
    if registered ~= mldt.prefs.port then
        register(mldt.prefs.port)
    end
end

register(mldt.prefs.port)
