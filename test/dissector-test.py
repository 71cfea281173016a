#!/usr/bin/env python3
"""The Wireshark dissector against PCAP traces of real runs.

    dissector-test.py CHECKER LUA HELLO S1 WORKDIR

1. multilayer-dt-hello --pcap=true --malformed=7: every message type once,
   and the 7 malformed datagrams flagged with the error names the simulation's
   parser gave them (truncated, bad-magic, bad-version, unknown-type,
   bad-field, length-mismatch, bad-flags), nothing else wrong.
2. 2000 datagrams made from those messages, damaged at random (bytes
   changed, cut, extended, random bodies, header checks broken): no Lua
   error, no exception, at least the broken headers flagged.
3. multilayer-dt-s1 --pcap=true --simTime=2 (802.11ac access with radiotap
   headers, point-to-point fibre, UDP and TCP): nothing malformed, every DT
   frame decoded, and per architecture the distinct messages of each type in
   the traces equal the run's own messages_sent counters.

Exit status 77 (skipped) when tshark is missing.
"""

import os
import random
import shutil
import struct
import subprocess
import sys


def run(cmd, cwd):
    print("$ " + " ".join(cmd), flush=True)
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    print(out.stdout + out.stderr, flush=True)
    return out


def read_pcap(path):
    """The link type and the frames of a classic PCAP file."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    frames, off = [], 24
    while off + 16 <= len(data):
        _, _, incl, _ = struct.unpack(endian + "IIII", data[off:off + 16])
        frames.append(data[off + 16:off + 16 + incl])
        off += 16 + incl
    return endian, linktype, frames


def write_fuzz_pcap(path, template):
    """Writes 2000 UDP datagrams to the DT port built from the valid messages
    of a hello trace: every byte of some changed at random, others cut,
    extended or random, the header's checks broken one at a time (fixed seed).
    Returns how many are damaged for sure (the header checks)."""
    endian, linktype, frames = read_pcap(template)
    rng = random.Random(9500)
    valid = frames[:17]
    # The point-to-point trace: 2 bytes of PPP, 20 of IPv4, 8 of UDP.
    head = 2 + 20 + 8
    out = []
    damaged = 0
    for i in range(2000):
        frame = bytearray(rng.choice(valid))
        msg = frame[head:]
        kind = i % 5
        if kind == 0:
            for _ in range(rng.randint(1, 8)):
                msg[rng.randrange(len(msg))] = rng.randrange(256)
        elif kind == 1:
            msg = msg[:rng.randrange(len(msg))]
        elif kind == 2:
            msg += bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif kind == 3:
            msg = bytearray(b"\x4d\x44\x01" + bytes(rng.randrange(256)
                                                 for _ in range(rng.randint(0, 200))))
        else:
            field = rng.choice([(0, 0x00), (2, 0x07), (3, 0x63), (5, 0x40), (7, 0x01)])
            msg[field[0]] ^= field[1] if field[1] else 0xFF
            damaged += 1
        ip = bytearray(frame[2:22])
        ip[2:4] = struct.pack(">H", 20 + 8 + len(msg))
        ip[4:6] = struct.pack(">H", i)  # each datagram its own identification
        ip[10:12] = b"\x00\x00"
        udp = bytearray(frame[22:30])
        udp[4:6] = struct.pack(">H", 8 + len(msg))
        udp[6:8] = b"\x00\x00"
        out.append(bytes(frame[:2]) + bytes(ip) + bytes(udp) + bytes(msg))
    with open(path, "wb") as f:
        f.write(struct.pack(endian + "IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for n, pkt in enumerate(out):
            f.write(struct.pack(endian + "IIII", n, 0, len(pkt), len(pkt)))
            f.write(pkt)
    return damaged


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

    # Random and damaged datagrams: whatever they hold, the dissector must
    # neither fail nor throw, and must flag the damaged ones.
    fuzz = os.path.join(work, "fuzz.pcap")
    damaged = write_fuzz_pcap(fuzz, os.path.join(hello_dir, "multilayer-dt-hello-1-0.pcap"))
    out = run([py, checker, "--lua", lua, "--malformed=-1", "--allow-sample-warnings", fuzz], work)
    flagged = [line for line in out.stdout.splitlines() if line.startswith("malformed: ")]
    if out.returncode != 0 or not flagged or int(flagged[0].split()[1]) < damaged:
        print("FAIL: the fuzzed trace (%d damaged datagrams)" % damaged)
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
