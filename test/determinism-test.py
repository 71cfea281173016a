#!/usr/bin/env python3
"""Determinism of an example: the same RngRun gives byte-identical outputs.

Runs PROG three times with ARGS: twice with RngRun 1 and once with RngRun 2,
each in its own output folder. The second RngRun 1 run has another heap
layout (glibc's per-thread allocation cache off), so that results that
depend on where objects sit in memory (iterating containers keyed by
pointers, for instance) show. Every summary.json (wall time removed) and
every demands.csv and sync.csv of the two RngRun 1 runs must be identical;
the RngRun 2 run's demands.csv must differ.

usage: determinism-test.py OUTPUT_DIR PROG [ARGS...]
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys

# Outputs whose every byte depends on RngRun only; summary.json also holds the
# wall-clock time, which is removed before comparing.
COMPARED = ("summary.json", "demands.csv", "sync.csv")


def run(prog, args, out, rng_run, env=None):
    if out.exists():
        shutil.rmtree(out)
    cmd = [prog, *args, f"--outputDir={out}", f"--RngRun={rng_run}"]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          env=env)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited with {done.returncode}\n{done.stdout}")
    files = {}
    for path in sorted(out.rglob("*")):
        if path.name not in COMPARED:
            continue
        text = path.read_text()
        if path.name == "summary.json":
            summary = json.loads(text)
            if "wall_time_s" not in summary:
                sys.exit(f"FAIL: {path} has no wall_time_s")
            del summary["wall_time_s"]
            text = json.dumps(summary, sort_keys=True, indent=1)
        files[str(path.relative_to(out))] = text
    if not any(name.endswith("demands.csv") for name in files):
        sys.exit(f"FAIL: {' '.join(cmd)} wrote no demands.csv")
    return files


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base = pathlib.Path(sys.argv[1])
    prog, args = sys.argv[2], sys.argv[3:]
    first = run(prog, args, base / "run1-a", 1)
    other_heap = dict(os.environ, GLIBC_TUNABLES="glibc.malloc.tcache_count=0")
    second = run(prog, args, base / "run1-b", 1, other_heap)
    other = run(prog, args, base / "run2", 2)
    if sorted(first) != sorted(second):
        sys.exit(f"FAIL: the two runs wrote different files: {sorted(first)} vs {sorted(second)}")
    for name in sorted(first):
        if first[name] != second[name]:
            a = first[name].splitlines()
            b = second[name].splitlines()
            line = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            sys.exit(f"FAIL: {name} differs between two runs with RngRun 1 (line {line + 1}; "
                     "the second run had another heap layout)")
    demands = [name for name in first if name.endswith("demands.csv")]
    for name in demands:
        if other.get(name) == first[name]:
            sys.exit(f"FAIL: {name} is the same with RngRun 2 as with RngRun 1")
    print(f"determinism test passed: {len(first)} files identical for RngRun 1, "
          f"{len(demands)} demands.csv differ for RngRun 2")


if __name__ == "__main__":
    main()
