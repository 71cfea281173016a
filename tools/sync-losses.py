#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""Where the lost synchronizations of a Wi-Fi run were lost, from its PCAPs.

    sync-losses.py RUN_DIR [--csv FILE]

RUN_DIR is the output folder of an S2 (or any) run over Wi-Fi with --pcap=true:
sync.csv and the radiotap traces PREFIX-wifi-NODE-DEVICE.pcap. The Wireshark
dissector (doc/wireshark/multilayer-dt.lua) decodes the DT messages in the
frames every Wi-Fi device sent and received; each synchronization that
sync.csv counts 'lost' (no answer within 1 s) falls in exactly one of:

  request never on the air          the terminal transmitted no frame with it
                                    (not associated, or queued behind ARP)
  request not decoded by its AP     transmitted, never received by the AP it
                                    was addressed to (the MAC's retries failed)
  request received, not answered    the AP's MAC received it and no answer to
                                    it went on the air; those after which DT
                                    messages went to the terminal within 50 ms
                                    of its next BlockAckReq were held in the
                                    AP's Block Ack reordering buffer
  answer not decoded by terminal    the answer was transmitted, never received
  answer received by terminal MAC   received by the terminal's MAC, not handed
                                    to the local DT in time

The counts add up to the lost synchronizations of sync.csv (the script fails
when one appears twice there). --csv writes one row per lost synchronization with its place.
"""

import argparse
import bisect
import collections
import csv
import glob
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "doc", "wireshark", "multilayer-dt.lua")
PLACES = [
    "request never on the air",
    "request not decoded by its AP",
    "request received, not answered",
    "answer not decoded by terminal",
    "answer received by terminal MAC",
]
FIELDS = ["frame.time_epoch", "wlan.ta", "wlan.ra", "radiotap.dbm_antsignal",
          "wlan.fc.type_subtype", "mldt.type", "mldt.sync_request.terminal",
          "mldt.sync_request.syncId", "mldt.sync_ack.terminal", "mldt.sync_ack.syncId"]
BLOCK_ACK_REQ = "0x0018"
SYNC_REQUEST, SYNC_ACK = "11", "12"


def read_trace(path):
    """The device's own address and its frames (DT messages and BlockAckReqs)."""
    cmd = ["tshark", "-X", "lua_script:" + LUA, "-r", path, "-Y",
           "mldt || wlan.fc.type_subtype == 0x18", "-T", "fields", "-E", "separator=|"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("sync-losses: tshark could not read %s: %s" % (path, out.stderr.strip()))
    frames = []
    for line in out.stdout.splitlines():
        v = line.split("|")
        if len(v) != len(FIELDS):
            continue
        frames.append(dict(zip(("t", "ta", "ra", "signal", "subtype", "type", "req_term",
                                "req_id", "ack_term", "ack_id"), v)))
    # What a device sent carries no received signal strength; its most frequent
    # transmitter address is its own.
    own = collections.Counter(f["ta"] for f in frames if not f["signal"] and f["ta"])
    return (own.most_common(1)[0][0] if own else None), frames


def classify(run_dir):
    """{(terminal, sync id): place} for every lost synchronization, the number
    of those received and not answered that a BlockAckReq released, and the
    number of lost rows in sync.csv."""
    traces = sorted(glob.glob(os.path.join(run_dir, "*-wifi-*.pcap")))
    if not traces:
        sys.exit("sync-losses: no Wi-Fi PCAP in %s (run the example with --pcap=true)" % run_dir)
    sent = set()                               # sync keys transmitted by a terminal
    received = {}                              # sync key -> (t, terminal addr, AP addr)
    answer_sent = set()
    answer_received = set()
    replies = collections.defaultdict(list)    # (AP addr, terminal addr) -> [t]
    bars = collections.defaultdict(list)       # (terminal addr, AP addr) -> [t]
    for path in traces:
        me, frames = read_trace(path)
        for f in frames:
            t = float(f["t"])
            mine = not f["signal"] and f["ta"] == me
            heard = bool(f["signal"]) and f["ra"] == me
            if f["subtype"] == BLOCK_ACK_REQ:
                if heard:
                    bars[(f["ta"], me)].append(t)
                continue
            if f["type"] == SYNC_REQUEST:
                key = (f["req_term"], f["req_id"])
                if mine:
                    sent.add(key)
                elif heard:
                    received.setdefault(key, (t, f["ta"], me))
            elif f["type"] == SYNC_ACK:
                key = (f["ack_term"], f["ack_id"])
                if mine:
                    answer_sent.add(key)
                elif heard:
                    answer_received.add(key)
            if mine and f["type"]:
                replies[(me, f["ra"])].append(t)
    for v in list(replies.values()) + list(bars.values()):
        v.sort()
    places = {}
    released = 0
    lost = 0
    with open(os.path.join(run_dir, "sync.csv")) as f:
        for r in csv.DictReader(f):
            if r["outcome"] != "lost":
                continue
            lost += 1
            key = (r["terminal"], r["id"])
            if key not in sent:
                place = PLACES[0]
            elif key not in received:
                place = PLACES[1]
            elif key not in answer_sent:
                place = PLACES[2]
                t, terminal, ap = received[key]
                later = bars[(terminal, ap)]
                i = bisect.bisect_right(later, t)
                if i < len(later):
                    burst = replies[(ap, terminal)]
                    j = bisect.bisect_left(burst, later[i])
                    if j < len(burst) and burst[j] - later[i] <= 0.05:
                        released += 1
            elif key not in answer_received:
                place = PLACES[3]
            else:
                place = PLACES[4]
            places[key] = place
    return places, released, lost


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run_dir")
    ap.add_argument("--csv")
    a = ap.parse_args()
    if shutil.which("tshark") is None:
        sys.exit("sync-losses: tshark is missing (./mldt setup installs it)")
    if not os.path.exists(os.path.join(a.run_dir, "sync.csv")):
        sys.exit("sync-losses: %s has no sync.csv" % a.run_dir)
    places, released, lost = classify(a.run_dir)
    counts = collections.Counter(places.values())
    print("lost synchronizations: %d" % lost)
    for p in PLACES:
        extra = ""
        if p == PLACES[2] and counts[p]:
            extra = (" (%d of them released by the terminal's next BlockAckReq: DT messages"
                     " to it within 50 ms)" % released)
        print("  %-34s %5d%s" % (p, counts[p], extra))
    if a.csv:
        with open(a.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["terminal", "id", "place"])
            for (terminal, sync), p in sorted(places.items()):
                w.writerow([terminal, sync, p])
    if sum(counts.values()) != lost:
        sys.exit("sync-losses: %d lost synchronizations, %d placed" % (lost, sum(counts.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
