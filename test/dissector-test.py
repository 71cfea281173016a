#!/usr/bin/env python3
"""The Wireshark dissector against PCAP traces of real runs.

    dissector-test.py CHECKER LUA HELLO S1 WORKDIR

1. multilayer-dt-hello --pcap=true --malformed=7: every message type once,
   and the 7 malformed datagrams flagged with the error names the simulation's
   parser gave them (truncated, bad-magic, bad-version, unknown-type,
   bad-field, length-mismatch, bad-flags), nothing else wrong.
2. multilayer-dt-s1 --pcap=true --simTime=2 (802.11ac access with radiotap
   headers, point-to-point fibre, UDP and TCP): nothing malformed, every DT
   frame decoded, and per architecture the distinct messages of each type in
   the traces equal the run's own messages_sent counters.

Exit status 77 (skipped) when tshark is missing.
"""

import os
import shutil
import subprocess
import sys


def run(cmd, cwd):
    print("$ " + " ".join(cmd), flush=True)
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    print(out.stdout + out.stderr, flush=True)
    return out


def main():
    checker, lua, hello, s1, work = sys.argv[1:6]
    if not shutil.which("tshark"):
        print("tshark is not installed (./mldt setup installs it): skipped")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    py = sys.executable

    hello_dir = os.path.join(work, "hello")
    os.makedirs(hello_dir)
    out = run([hello, "--pcap=true", "--malformed=7"], hello_dir)
    if out.returncode != 0:
        print("FAIL: multilayer-dt-hello failed")
        return 1
    # The error names the simulation's parser gave, from its own output.
    kinds = [line.split(": ")[1].split(" ")[0] for line in out.stdout.splitlines()
             if "dropped malformed datagram" in line]
    if len(kinds) != 7:
        print("FAIL: multilayer-dt-hello dropped %d malformed datagrams, not 7" % len(kinds))
        return 1
    out = run([py, checker, "--lua", lua, "--malformed=7", "--malformed-kinds=" + ",".join(kinds),
               "--each-type-once", hello_dir], work)
    if out.returncode != 0 or "dissector-check: OK" not in out.stdout:
        print("FAIL: the hello trace")
        return 1

    s1_dir = os.path.join(work, "s1")
    out = run([s1, "--pcap=true", "--simTime=2", "--outputDir=" + s1_dir], work)
    if out.returncode != 0:
        print("FAIL: multilayer-dt-s1 failed")
        return 1
    folders = [os.path.join(s1_dir, a) for a in ("centralized", "multilayer")]
    out = run([py, checker, "--lua", lua] + folders, work)
    if out.returncode != 0 or "dissector-check: OK" not in out.stdout:
        print("FAIL: the S1 traces")
        return 1
    # The traces must hold real traffic of several kinds, over both transports.
    for kind in ("STATUS_UPDATE", "DEMAND_REQUEST", "DEMAND_RESPONSE", "LOAD_REPORT"):
        if ("  %s" % kind) not in out.stdout:
            print("FAIL: no %s in the S1 traces" % kind)
            return 1
    if " 0 over TCP" in out.stdout or "over TCP" not in out.stdout:
        print("FAIL: an S1 trace without DT messages over TCP")
        return 1
    print("dissector test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
