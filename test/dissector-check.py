#!/usr/bin/env python3
"""Decode DT PCAP traces with tshark and the Wireshark Lua dissector, and check them.

    dissector-check.py --lua doc/wireshark/multilayer-dt.lua [options] PATH...

PATH is a PCAP file or a folder; a folder stands for its *.pcap files and, if
it holds a summary.json, for the simulation run that wrote them. The same
packet captured at several devices (sender, access point, fibre hops) counts
once: a UDP message is identified by its IP source, destination and
identification, a message in a TCP stream by its DT source, destination,
sequence number and type.

Checks (exit status 1 on any failure, 77 when tshark is missing):
  * every frame to or from the DT port decodes as mldt (a TCP segment counts
    as decoded when the message it carries is reassembled in a later frame);
  * no Lua error and no exception ("Malformed Packet") in any frame;
  * exactly --malformed distinct messages are flagged mldt.malformed (0 by
    default), with the error names of --malformed-kinds if given, and no
    sample block fails to decode (unless --allow-sample-warnings);
  * for a folder with a summary.json: the distinct messages of each type in
    the traces equal the run's own "messages_sent" count of that type,
    within --tolerance messages (those still queued at the end of the run
    or dropped before a device);
  * --each-type-once: every message type 1..17 is seen exactly once.
"""

import argparse
import collections
import glob
import json
import os
import shutil
import subprocess
import sys

TYPE_NAMES = [
    None, "STATUS_UPDATE", "DEMAND_REQUEST", "DEMAND_RESPONSE", "REGION_SUMMARY",
    "MODEL_UPDATE", "AGENT_JOIN", "AGENT_LEAVE", "MIGRATION_REQUEST", "MIGRATION_STATE",
    "MIGRATION_ACK", "SYNC_REQUEST", "SYNC_ACK", "PEER_HELLO", "PEER_DEMAND", "ACK",
    "LOAD_REPORT", "AGENT_MESSAGE",
]

FIELDS = [
    "frame.number", "ip.src", "ip.dst", "ip.id", "udp.port", "udp.length", "tcp.port",
    "tcp.len",
    "tcp.reassembled_in", "tcp.analysis.retransmission", "tcp.analysis.spurious_retransmission",
    "tcp.analysis.fast_retransmission", "wlan.fc.retry", "mldt.src", "mldt.dst", "mldt.seq", "mldt.type", "mldt.malformed",
    "mldt.continuation", "_ws.malformed", "_ws.malformed.reassembly", "_ws.malformed.expert",
    "_ws.expert.message",
]


# A TCP segment sent again (by TCP, or by the Wi-Fi MAC as a retry) carries
# bytes already reassembled from its first copy.
RESENT = ["tcp.analysis.retransmission", "tcp.analysis.spurious_retransmission",
          "tcp.analysis.fast_retransmission", "wlan.fc.retry"]


def last(value):
    """The innermost occurrence of a field (tunnelled packets carry two IP headers)."""
    return value.split(";")[-1] if value else ""


def decode(tshark, lua, port, pcap):
    """Runs tshark on one file; returns one dict of field strings per frame."""
    cmd = [tshark, "-n", "-2", "-r", pcap, "-X", "lua_script:" + lua,
           "-o", "mldt.port:%d" % port, "-o", "tcp.reassemble_out_of_order:TRUE",
           "-Y", "udp.port == %d || tcp.port == %d" % (port, port),
           "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=;"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("dissector-check: tshark failed on %s:\n%s" % (pcap, out.stderr))
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        parts += [""] * (len(FIELDS) - len(parts))
        rows.append(dict(zip(FIELDS, parts)))
    return rows


def check_group(name, pcaps, args, tshark, problems):
    """Decodes the files of one run; returns per-type distinct counts and malformed keys."""
    seen = set()
    per_type = collections.Counter()
    malformed = {}
    frames = 0
    resent = 0
    over_tcp = 0
    gaps = 0
    for pcap in pcaps:
        for r in decode(tshark, args.lua, args.port, pcap):
            frames += 1
            where = "%s frame %s" % (os.path.basename(pcap), r["frame.number"])
            for msg in r["_ws.expert.message"].split(";"):
                if msg.startswith("Lua Error"):
                    problems.append("%s: %s" % (where, msg))
                elif "does not decode" in msg and not args.allow_sample_warnings:
                    problems.append("%s: %s" % (where, msg))
            # An mldt.malformed message is also a Malformed Packet in Wireshark's
            # terms; so is a Wi-Fi retry that overlaps TCP data reassembled
            # before. Anything else is a dissector exception.
            duplicate = any(r[k] for k in RESENT) and r["_ws.malformed.reassembly"]
            if r["_ws.malformed.expert"] or (
                    r["_ws.malformed"] and not r["mldt.malformed"] and not duplicate):
                problems.append("%s: Malformed Packet (exception)" % where)
            if r["mldt.continuation"]:
                gaps += 1
            types = [t for t in r["mldt.type"].split(";") if t]
            is_tcp = bool(r["tcp.port"])
            if not types and r["mldt.malformed"]:
                # Too short to have a type: flagged, counted as malformed.
                malformed[("short", where)] = r["mldt.malformed"]
                continue
            if not types:
                payload = (int(last(r["tcp.len"]) or 0) if is_tcp
                           else int(last(r["udp.length"]) or 8) - 8)
                if payload == 0 or r["tcp.reassembled_in"] or r["mldt.continuation"]:
                    continue
                if is_tcp and any(r[k] for k in RESENT):
                    resent += 1
                    continue
                problems.append("%s: not decoded as mldt" % where)
                continue
            bad = r["mldt.malformed"]
            if is_tcp:
                srcs, dsts, seqs = (r[k].split(";") for k in ("mldt.src", "mldt.dst", "mldt.seq"))
                keys = [("tcp", srcs[i] if i < len(srcs) else "", dsts[i] if i < len(dsts) else "",
                         seqs[i] if i < len(seqs) else "", t) for i, t in enumerate(types)]
            else:
                keys = [("udp", last(r["ip.src"]), last(r["ip.dst"]), last(r["ip.id"]), types[0])]
            for key in keys:
                if bad:
                    malformed[key] = bad
                    continue
                if key in seen:
                    continue
                seen.add(key)
                if is_tcp:
                    over_tcp += 1
                per_type[TYPE_NAMES[int(key[-1])] if 0 < int(key[-1]) < len(TYPE_NAMES)
                         else key[-1]] += 1
    print("%s: %d frames in %d files, %d distinct messages (%d over TCP), %d malformed, "
          "%d TCP segments sent again, %d after a capture gap"
          % (name, frames, len(pcaps), sum(per_type.values()), over_tcp, len(malformed), resent,
             gaps))
    return per_type, malformed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lua", required=True, help="the dissector (multilayer-dt.lua)")
    ap.add_argument("--port", type=int, default=9500, help="DT port (default 9500)")
    ap.add_argument("--malformed", type=int, default=0,
                    help="distinct malformed messages expected (default 0; -1: any number)")
    ap.add_argument("--malformed-kinds", default=None,
                    help="comma-separated parser error names the malformed messages must have")
    ap.add_argument("--tolerance", type=int, default=0,
                    help="allowed |traces - messages_sent| per type (default 0)")
    ap.add_argument("--each-type-once", action="store_true",
                    help="every message type appears exactly once")
    ap.add_argument("--allow-sample-warnings", action="store_true",
                    help="do not fail on STATUS_UPDATE sample blocks that do not decode")
    ap.add_argument("paths", nargs="+", help="PCAP files or run folders")
    args = ap.parse_args()

    tshark = shutil.which("tshark")
    if not tshark:
        print("dissector-check: tshark is not installed (./mldt setup installs it); skipped")
        return 77
    if not os.path.isfile(args.lua):
        sys.exit("dissector-check: %s: no such dissector" % args.lua)

    problems = []
    total_types = collections.Counter()
    total_malformed = 0
    kinds = []
    groups = []
    loose = [p for p in args.paths if not os.path.isdir(p)]
    for p in args.paths:
        if os.path.isdir(p):
            pcaps = sorted(glob.glob(os.path.join(p, "*.pcap")))
            if not pcaps:
                problems.append("%s: no PCAP files" % p)
                continue
            groups.append((p, pcaps, os.path.join(p, "summary.json")))
    if loose:
        for f in loose:
            if not os.path.isfile(f):
                sys.exit("dissector-check: %s: no such file or folder" % f)
        groups.append(("files", loose, None))

    for name, pcaps, summary in groups:
        per_type, malformed = check_group(name, pcaps, args, tshark, problems)
        total_types.update(per_type)
        total_malformed += len(malformed)
        kinds += malformed.values()
        if summary and os.path.isfile(summary):
            with open(summary) as f:
                sent = json.load(f).get("messages_sent", {})
            for t in sorted(set(sent) | set(per_type)):
                a, b = per_type.get(t, 0), sent.get(t, 0)
                mark = "" if abs(a - b) <= args.tolerance else "   <-- differs"
                print("  %-18s traces %6d   messages_sent %6d%s" % (t, a, b, mark))
                if mark:
                    problems.append("%s: %s: %d in the traces, %d sent by the simulation"
                                    % (name, t, a, b))

    if args.each_type_once:
        for t in TYPE_NAMES[1:]:
            if total_types.get(t, 0) != 1:
                problems.append("%s seen %d times, expected once" % (t, total_types.get(t, 0)))
    if args.malformed >= 0 and total_malformed != args.malformed:
        problems.append("%d malformed messages flagged, expected %d"
                        % (total_malformed, args.malformed))
    print("types: " + ", ".join("%s %d" % kv for kv in sorted(total_types.items())))
    print("malformed: %d (%s)" % (total_malformed, ", ".join(
        "%s %d" % kv for kv in sorted(collections.Counter(kinds).items()))))
    if args.malformed_kinds is not None:
        want = sorted(k for k in args.malformed_kinds.split(",") if k)
        if sorted(kinds) != want:
            problems.append("malformed kinds %s, expected %s" % (sorted(kinds), want))
    for p in problems[:50]:
        print("FAIL " + p)
    if len(problems) > 50:
        print("FAIL ... and %d more" % (len(problems) - 50))
    print("dissector-check: %s" % ("FAILED" if problems else "OK"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
