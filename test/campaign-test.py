#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""Tests of tools/campaign.py on a small S2 campaign.

    campaign-test.py CAMPAIGN_PY BIN_DIR WORK_DIR

Two parameter points x 2 runs make 4 run folders; running the same campaign
again runs nothing; summary.csv's interval for a metric is the Student-t
interval computed here by hand from runs.csv; the interval of known numbers
matches a hand-computed one; the paired difference of the two points on the
same seeds matches one computed by hand; the plots are written.
"""

import csv
import json
import math
import os
import shutil
import subprocess
import sys

campaign, bin_dir, work = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*extra):
    cmd = [sys.executable, campaign, "run", "s2", "--bin-dir", bin_dir, "--output-dir", work,
           "--runs=2", "--jobs=2", "--param", "users=2,3", "--param", "simTime=1",
           "--param", "migrationPolicy=reactive"] + list(extra)
    return subprocess.run(cmd, capture_output=True, text=True)


first = run("--no-plots")
print(first.stdout, first.stderr)
check(first.returncode == 0, "the campaign ran")
done = [d for d, _, files in os.walk(os.path.join(work, "runs")) if "DONE" in files]
check(len(done) == 4, "4 run folders (2 points x 2 runs): %d" % len(done))
check("4 to run" in first.stdout, "4 runs to run at first")

again = run()
print(again.stdout)
check(again.returncode == 0 and "4 already done, 0 to run" in again.stdout,
      "the same campaign again runs nothing")
plots = os.path.join(work, "plots")
check(os.path.isdir(plots) and any(f.endswith(".png") for f in os.listdir(plots)),
      "plots written")

# Hand-computed 95 % interval of 2 runs: t(0.975, 1) = 12.7062047362.
with open(os.path.join(work, "runs.csv")) as f:
    rows = list(csv.DictReader(f))
check(len(rows) == 4, "runs.csv has one row per run: %d" % len(rows))
metric = "sync.requests"
by_point = {}
for r in rows:
    by_point.setdefault(r["point"], []).append(float(r[metric]))
with open(os.path.join(work, "summary.csv")) as f:
    summary = [r for r in csv.DictReader(f) if r["metric"] == metric]
check(len(summary) == 2, "summary.csv has %s for both points" % metric)
for s in summary:
    v = by_point[s["point"]]
    mean = sum(v) / 2
    half = 12.7062047362 * math.sqrt(((v[0] - mean) ** 2 + (v[1] - mean) ** 2) / 1) / math.sqrt(2)
    check(abs(float(s["mean"]) - mean) < 1e-9 and abs(float(s["ci95_half_width"]) - half)
          < 1e-6 * max(1.0, half), "%s at %s: mean %s half %s (by hand %g, %g)"
          % (metric, s["point"], s["mean"], s["ci95_half_width"], mean, half))

# Paired differences: users=3 minus users=2 on the same seed, by hand from runs.csv.
pair = subprocess.run([sys.executable, campaign, "paired", work, "--by", "users", "--base", "2",
                       "--metric", metric], capture_output=True, text=True)
print(pair.stdout, pair.stderr)
seeds = {(r["param.users"], r["rng_run"]): float(r[metric]) for r in rows}
diffs = [seeds[("3", k)] - seeds[("2", k)] for k in ("1", "2")]
mean = sum(diffs) / 2
half = 12.7062047362 * abs(diffs[0] - diffs[1]) / 2
with open(os.path.join(work, "paired.csv")) as f:
    got = list(csv.DictReader(f))
check(pair.returncode == 0 and len(got) == 1 and got[0]["users"] == "3"
      and got[0]["pairs"] == "2" and abs(float(got[0]["mean"]) - mean) < 1e-9
      and abs(float(got[0]["ci95_half_width"]) - half) < 1e-6 * max(1.0, half),
      "paired users=3 - users=2: %s (by hand %g +- %g)" % (got, mean, half))
nobase = subprocess.run([sys.executable, campaign, "paired", work, "--by", "users", "--base",
                         "7"], capture_output=True, text=True)
check(nobase.returncode != 0 and "users=7" in nobase.stderr,
      "a base value without runs is refused: %s" % nobase.stderr.strip())

# Known numbers: 1..5, s = sqrt(2.5), t(0.975, 4) = 2.7764451052.
out = subprocess.run([sys.executable, campaign, "ci", "1", "2", "3", "4", "5"],
                     capture_output=True, text=True).stdout
half = 2.7764451052 * math.sqrt(2.5) / math.sqrt(5)
got = float(out.split("half")[1])
check(abs(got - half) < 1e-8, "interval of 1..5: %s (by hand %.10f)" % (out.strip(), half))

# A failing run (users=0 is refused) is reported; the other one still runs.
bad_dir = work + "-failing"
shutil.rmtree(bad_dir, ignore_errors=True)
bad = subprocess.run([sys.executable, campaign, "run", "s2", "--bin-dir", bin_dir, "--output-dir",
                      bad_dir, "--runs=1", "--jobs=2", "--param", "users=0,2", "--param",
                      "simTime=1", "--param", "migrationPolicy=none", "--no-plots"],
                     capture_output=True, text=True)
print(bad.stdout)
done = [d for d, _, files in os.walk(os.path.join(bad_dir, "runs")) if "DONE" in files]
check(bad.returncode == 1 and "run failed: users=0" in bad.stdout and "1 of 2 runs failed"
      in bad.stdout, "a failed run is reported")
check(len(done) == 1 and "users=2" in done[0], "the other run completed")

# Derived metrics, from summary.json files written here: 3 'migrating' failures over
# 4 handovers; a run without handovers has no such metric (not a 0 that would pull
# the mean down).
fake = work + "-derived"
shutil.rmtree(fake, ignore_errors=True)
for k, summary in ((1, {"sync": {"failures_by_reason": {"migrating": 3, "late": 5}},
                        "handovers": {"detected": 4},
                        "demands": {"created": 8, "completed_in_deadline": 6}}),
                   (2, {"sync": {"failures_by_reason": {}}, "handovers": {"detected": 0}})):
    folder = os.path.join(fake, "runs", "users=2", "run-%d" % k)
    os.makedirs(os.path.join(folder, "out"))
    with open(os.path.join(folder, "out", "summary.json"), "w") as f:
        json.dump(summary, f)
    with open(os.path.join(folder, "DONE"), "w") as f:
        f.write("ok\n")
agg = subprocess.run([sys.executable, campaign, "aggregate", fake, "--no-plots"],
                     capture_output=True, text=True)
with open(os.path.join(fake, "runs.csv")) as f:
    rows = {r["rng_run"]: r for r in csv.DictReader(f)}
check(agg.returncode == 0 and rows["1"]["sync.migrating_failures_per_handover"] == "0.75"
      and rows["2"]["sync.migrating_failures_per_handover"] == "",
      "migrating failures per handover: %s, %s (expected 0.75 and none)"
      % (rows["1"].get("sync.migrating_failures_per_handover"),
         rows["2"].get("sync.migrating_failures_per_handover")))
check(rows["2"]["sync.failures_by_reason.migrating"] == "0"
      and rows["2"]["sync.failures_by_reason.late"] == "0",
      "a reason another run had counts 0: %s, %s (expected 0 and 0)"
      % (rows["2"].get("sync.failures_by_reason.migrating"),
         rows["2"].get("sync.failures_by_reason.late")))
check(rows["1"]["demands.in_deadline_ratio"] == "0.75",
      "in-deadline ratio 6/8: %s" % rows["1"].get("demands.in_deadline_ratio"))

# Paired by architecture (S1 runs both on one seed): multilayer minus centralized.
arch = work + "-architecture"
shutil.rmtree(arch, ignore_errors=True)
for k, means in ((1, {"centralized": 100.0, "multilayer": 80.0}),
                 (2, {"centralized": 120.0, "multilayer": 90.0})):
    folder = os.path.join(arch, "runs", "cloudKm=3000", "run-%d" % k)
    for name, mean in means.items():
        os.makedirs(os.path.join(folder, "out", name))
        with open(os.path.join(folder, "out", name, "summary.json"), "w") as f:
            json.dump({"architecture": name, "latency_ms": {"all": {"mean": mean}}}, f)
    with open(os.path.join(folder, "DONE"), "w") as f:
        f.write("ok\n")
byarch = subprocess.run([sys.executable, campaign, "paired", arch, "--by", "architecture",
                         "--base", "centralized", "--metric", "latency_ms.all.mean"],
                        capture_output=True, text=True)
with open(os.path.join(arch, "paired.csv")) as f:
    got = list(csv.DictReader(f))
# Differences -20 and -30: mean -25, half width t(0.975, 1) x |(-20) - (-30)| / 2.
check(byarch.returncode == 0 and len(got) == 1 and got[0]["architecture"] == "multilayer"
      and abs(float(got[0]["mean"]) + 25) < 1e-9
      and abs(float(got[0]["ci95_half_width"]) - 12.7062047362 * 5) < 1e-6,
      "paired by architecture: %s %s" % (got, byarch.stderr.strip()))

if failures:
    print("campaign test: %d failures" % len(failures))
    sys.exit(1)
print("campaign test passed")
