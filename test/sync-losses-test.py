#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""tools/sync-losses.py on a short S2 Wi-Fi run with PCAP traces.

    sync-losses-test.py TOOL S2 WORKDIR

30 users for 4 s (RngRun 1) lose synchronizations; the tool places every lost
one exactly once (its CSV has one row per lost synchronization of sync.csv,
the same keys, and a known place each; its printed counts add up to them),
and finds requests that the AP received and did not answer. Exit status 77
(skipped) when tshark is missing.
"""

import collections
import csv
import os
import shutil
import subprocess
import sys

tool, s2, work = sys.argv[1], sys.argv[2], sys.argv[3]
if shutil.which("tshark") is None:
    print("tshark missing: skipped")
    sys.exit(77)
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


run = subprocess.run([s2, "--access=wifi", "--users=30", "--simTime=4", "--pcap=true",
                      "--RngRun=1", "--outputDir=" + work], capture_output=True, text=True)
check(run.returncode == 0, "the S2 Wi-Fi run")
places_csv = os.path.join(work, "losses.csv")
out = subprocess.run([sys.executable, tool, work, "--csv", places_csv], capture_output=True,
                     text=True)
print(out.stdout + out.stderr)
check(out.returncode == 0, "the tool ran")
with open(os.path.join(work, "sync.csv")) as f:
    lost = {(r["terminal"], r["id"]) for r in csv.DictReader(f) if r["outcome"] == "lost"}
with open(places_csv) as f:
    rows = list(csv.DictReader(f))
keys = [(r["terminal"], r["id"]) for r in rows]
check(len(lost) > 0, "the run lost synchronizations: %d" % len(lost))
check(len(keys) == len(set(keys)) and set(keys) == lost,
      "every lost synchronization placed once: %d rows, %d lost" % (len(keys), len(lost)))
known = {"request never on the air", "request not decoded by its AP",
         "request received, not answered", "answer not decoded by terminal",
         "answer received by terminal MAC"}
counts = collections.Counter(r["place"] for r in rows)
check(set(counts) <= known, "known places only: %s" % sorted(counts))
printed = {}
for line in out.stdout.splitlines():
    for p in known:
        if line.strip().startswith(p):
            printed[p] = int(line.strip()[len(p):].split()[0])
check(printed == {p: counts.get(p, 0) for p in known} and sum(printed.values()) == len(lost),
      "printed counts equal the CSV's and add up: %s" % printed)
check(counts["request received, not answered"] > 0,
      "requests received by the AP and not answered: %d" % counts["request received, not answered"])

# An independent look at a few placed synchronizations: tshark's own filters
# over every trace (frames a device sent carry no signal strength).
LUA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(tool))), "doc", "wireshark",
                   "multilayer-dt.lua")
traces = [os.path.join(work, f) for f in sorted(os.listdir(work)) if "-wifi-" in f]


def scan():
    """(terminal, sync id) -> [requests sent, requests heard, answers sent], all traces."""
    seen = collections.defaultdict(lambda: [0, 0, 0])
    for t in traces:
        r = subprocess.run(["tshark", "-X", "lua_script:" + LUA, "-r", t, "-Y",
                            "mldt.type == 11 || mldt.type == 12", "-T", "fields", "-E",
                            "separator=|", "-e", "radiotap.dbm_antsignal",
                            "-e", "mldt.sync_request.terminal", "-e", "mldt.sync_request.syncId",
                            "-e", "mldt.sync_ack.terminal", "-e", "mldt.sync_ack.syncId"],
                           capture_output=True, text=True)
        for line in r.stdout.splitlines():
            signal, rt, rid, at, aid = line.split("|")
            if rt:
                seen[(rt, rid)][1 if signal else 0] += 1
            elif at and not signal:
                seen[(at, aid)][2] += 1
    return seen


seen = scan()
for place in ("request received, not answered", "request not decoded by its AP"):
    for r in [r for r in rows if r["place"] == place][:3]:
        sent, heard, answered = seen[(r["terminal"], r["id"])]
        ok = sent > 0 and answered == 0 and (heard > 0 or place != "request received, not answered")
        check(ok, "%s %s/%s: request sent %d, heard %d, answer sent %d"
              % (place, r["terminal"], r["id"], sent, heard, answered))

if failures:
    print("sync-losses test: %d failures" % len(failures))
    sys.exit(1)
print("sync-losses test passed")
