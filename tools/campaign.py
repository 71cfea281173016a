#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""Experiment campaigns over the multilayer-dt examples.

    campaign.py run SCENARIO --bin-dir DIR [--param NAME=V1,V2,...]... --runs N
                --output-dir OUT [--jobs J] [--slurm] [--no-plots]
    campaign.py aggregate OUT [--no-plots]
    campaign.py paired OUT --by NAME --base VALUE [--metric M]...
    campaign.py ci VALUES...            (mean and 95 % Student-t interval)

Every point of the cartesian product of the parameter values is run with
RngRun 1..N, each run in its own folder OUT/runs/<point>/run-<k>/ keyed by its
parameters; a run whose folder holds a DONE marker is not run again, so an
interrupted campaign resumes. A failed run is reported (its log stays in its
folder) and the others go on. Afterwards the summary.json files are
flattened into OUT/runs.csv (one row per run and architecture, with two
derived metrics: demands.in_deadline_ratio, completed in deadline over
created, and sync.migrating_failures_per_handover, synchronizations failed
'migrating' over handovers detected, where a run detected any), and
OUT/summary.csv gives, for every parameter point and architecture, the
mean and the 95 % confidence interval (Student t) of every metric;
OUT/plots/*.png plot the scenario's key metrics with those intervals.
`paired` compares the points of one parameter with a base value on the same
seeds: for every other point of NAME and every combination of the other
parameters, the difference of each metric (default sync.failure_ratio) from
the base point's run with the same RngRun, as mean and 95 % interval over
the seeds (OUT/paired.csv). Runs of one seed share their users, channels and
requests, so this difference is far narrower than the two points' own
intervals. --slurm writes OUT/slurm.sh (a Slurm array job, one run per task) and
OUT/tasks.txt instead of running anything.
"""

import argparse
import csv
import itertools
import json
import math
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# The parameters each scenario sweeps by default, and the metrics it plots.
SCENARIOS = {
    "s1": {
        "example": "multilayer-dt-s1",
        "params": {"terminals": ["5", "10", "20"], "workloadScale": ["0.5", "1", "2"]},
        "fixed": [],
        "plots": [
            ("latency_ms.all.mean", "mean demand latency (ms)"),
            ("latency_ms.local.mean", "mean latency, local tier (ms)"),
            ("latency_ms.edge.mean", "mean latency, edge tier (ms)"),
            ("latency_ms.cloud.mean", "mean latency, cloud tier (ms)"),
            ("bytes_per_demand.signaling.local", "signaling bytes per demand, local layer"),
            ("bytes_per_demand.signaling.edge", "signaling bytes per demand, edge layer"),
            ("bytes_per_demand.signaling.cloud", "signaling bytes per demand, cloud layer"),
            ("demands.in_deadline_ratio", "share of demands completed in deadline"),
        ],
    },
    "s2": {
        "example": "multilayer-dt-s2",
        "params": {
            "users": ["10", "20", "30", "40", "50"],
            "migrationPolicy": ["reactive", "proactive", "none"],
        },
        "fixed": [],
        "plots": [
            ("sync.failure_ratio", "synchronization failure ratio"),
            ("energy_j.mean_per_terminal", "energy per user (J)"),
            ("sync.mean_aoi_ms", "mean age of information (ms)"),
            ("migrations.completed", "migrations completed"),
        ],
    },
    "faults": {
        "example": "multilayer-dt-s1",
        "params": {"lossRate": ["0", "0.1", "0.3"], "failEdgeAt": ["0", "5"]},
        "fixed": ["--architecture=multilayer"],
        "plots": [
            ("demands.in_deadline_ratio", "share of demands completed in deadline"),
            ("demands.failed", "demands failed"),
            ("demands.retried", "demands retried after their DT was lost"),
            ("latency_ms.all.mean", "mean demand latency (ms)"),
        ],
    },
    "placement": {
        "example": "multilayer-dt-s1",
        "params": {"terminals": ["5", "10", "20"],
                   "placement": ["lowest-feasible", "min-latency"]},
        "fixed": ["--architecture=multilayer"],
        "plots": [
            ("latency_ms.all.mean", "mean demand latency (ms)"),
            ("demands.in_deadline_ratio", "share of demands completed in deadline"),
            ("latency_ms.local.mean", "mean latency, local tier (ms)"),
            ("latency_ms.edge.mean", "mean latency, edge tier (ms)"),
            ("latency_ms.cloud.mean", "mean latency, cloud tier (ms)"),
        ],
    },
    "cloud": {
        "example": "multilayer-dt-s1",
        "params": {"placement": ["lowest-feasible", "min-latency"],
                   "cloudKm": ["100", "1000", "3000"],
                   "highMobility": ["0", "1"]},
        "fixed": ["--wanRate=1Gbps"],
        "plots": [
            ("latency_ms.all.mean", "mean demand latency (ms)"),
            ("latency_ms.all.p95", "95th percentile of demand latency (ms)"),
            ("demands.in_deadline_ratio", "share of demands completed in deadline"),
            ("latency_ms.local.mean", "mean latency, local tier (ms)"),
            ("latency_ms.edge.mean", "mean latency, edge tier (ms)"),
            ("latency_ms.cloud.mean", "mean latency, cloud tier (ms)"),
        ],
    },
    "signaling": {
        "example": "multilayer-dt-s1",
        "params": {"access": ["wifi", "lte"], "highMobility": ["0", "1"]},
        "fixed": [],
        "plots": [
            ("bytes_per_demand.wire.local.signaling",
             "signaling on the links per demand, local layer (bytes)"),
            ("bytes_per_demand.wire.edge.signaling",
             "signaling on the links per demand, edge layer (bytes)"),
            ("bytes_per_demand.wire.cloud.signaling",
             "signaling on the links per demand, cloud layer (bytes)"),
            ("bytes_per_demand.signaling.local", "DT signaling per demand, local layer (bytes)"),
            ("bytes_per_demand.signaling.edge", "DT signaling per demand, edge layer (bytes)"),
            ("bytes_per_demand.wire.total.total",
             "everything on the links per demand, all layers (bytes)"),
        ],
    },
    "fading": {
        "example": "multilayer-dt-s2",
        "params": {"fading": ["correlated", "independent", "none"], "users": ["10", "30", "50"]},
        "fixed": [],
        "plots": [
            ("sync.failure_ratio", "synchronization failure ratio"),
            ("sync.mean_latency_ms", "mean synchronization time (ms)"),
            ("sync.mean_round_trip_ms", "mean synchronization round trip (ms)"),
        ],
    },
    "migration": {
        "example": "multilayer-dt-s2",
        "params": {"dtStateBytes": ["20000", "1000000", "10000000", "50000000"],
                   "migrationPolicy": ["reactive", "proactive", "none"]},
        "fixed": ["--users=20", "--simTime=60"],
        "xscale": "log",
        "plots": [
            ("sync.failure_ratio", "synchronization failure ratio"),
            ("sync.failures_by_reason.migrating", "synchronizations failed: twin migrating"),
            ("sync.migrating_failures_per_handover",
             "synchronizations failed 'migrating' per handover"),
            ("migrations.mean_downtime_ms", "mean migration downtime (ms)"),
            ("handovers.mean_window_ms", "mean handover window (ms)"),
            ("handovers.sync_failures_in_windows", "synchronizations failed in handover windows"),
        ],
    },
    "twins": {
        "example": "multilayer-dt-s2",
        "params": {"twinPlacement": ["edge", "cloud", "edgecloud"], "users": ["10", "30", "50"]},
        "fixed": ["--demandRate=0"],
        "plots": [
            ("sync.mean_latency_ms", "mean synchronization latency (ms)"),
            ("network.backhaul_bytes", "backhaul bytes"),
            ("sync.failure_ratio", "synchronization failure ratio"),
            ("sync.mean_aoi_ms", "mean age of information (ms)"),
        ],
    },
}


# --- statistics -------------------------------------------------------------


def _betacf(a, b, x):
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def betainc(a, b, x):
    """Regularized incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbeta = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    front = math.exp(lbeta + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    """CDF of Student's t distribution."""
    x = df / (df + t * t)
    tail = 0.5 * betainc(df / 2.0, 0.5, x)
    return 1.0 - tail if t > 0 else tail


def t_quantile(p, df):
    """Quantile of Student's t distribution (bisection on the CDF)."""
    lo, hi = -1e3, 1e3
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def mean_ci(values, level=0.95):
    """Mean, half-width of the Student-t interval, and n (half-width NaN if n < 2)."""
    n = len(values)
    if n == 0:
        return float("nan"), float("nan"), 0
    m = sum(values) / n
    if n < 2:
        return m, float("nan"), n
    var = sum((v - m) ** 2 for v in values) / (n - 1)
    half = t_quantile(0.5 + level / 2, n - 1) * math.sqrt(var / n)
    return m, half, n


# --- runs -------------------------------------------------------------------


def point_key(point):
    """Folder name of a parameter point, e.g. 'users=10,migrationPolicy=none'."""
    if not point:
        return "default"
    return ",".join("%s=%s" % (k, v) for k, v in point)


def plan(scenario, params, runs, out):
    """The runs of a campaign: (point, rng_run, folder)."""
    names = list(params)
    tasks = []
    for values in itertools.product(*(params[n] for n in names)):
        point = tuple(zip(names, values))
        for k in range(1, runs + 1):
            folder = os.path.join(out, "runs", point_key(point), "run-%d" % k)
            tasks.append((point, k, folder))
    return tasks


def command(binary, fixed, point, rng_run, folder):
    """The command line of one run."""
    args = [binary] + list(fixed)
    args += ["--%s=%s" % (k, v) for k, v in point]
    args += ["--RngRun=%d" % rng_run, "--outputDir=%s" % os.path.join(folder, "out")]
    return args


def run_one(args, folder):
    """Run one simulation; True if it succeeded (DONE marker written)."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "log.txt"), "w") as log:
        log.write("$ %s\n" % " ".join(shlex.quote(a) for a in args))
        log.flush()
        rc = subprocess.call(args, stdout=log, stderr=subprocess.STDOUT)
    if rc == 0:
        with open(os.path.join(folder, "DONE"), "w") as f:
            f.write("ok\n")
    return rc == 0


def cmd_run(a):
    spec = SCENARIOS[a.scenario]
    params = dict(spec["params"])
    for p in a.param:
        if "=" not in p or not p.split("=", 1)[1]:
            sys.exit("campaign: --param %s: expected NAME=V1,V2,..." % p)
        name, values = p.split("=", 1)
        params[name] = values.split(",")
    if a.runs < 1:
        sys.exit("campaign: --runs=%d: expected at least 1" % a.runs)
    if a.jobs < 1:
        sys.exit("campaign: --jobs=%d: expected at least 1" % a.jobs)
    binary = os.path.join(a.bin_dir, spec["example"])
    if not os.access(binary, os.X_OK):
        sys.exit("campaign: %s is not an executable example" % binary)
    out = os.path.abspath(a.output_dir)
    os.makedirs(out, exist_ok=True)
    tasks = plan(a.scenario, params, a.runs, out)
    with open(os.path.join(out, "campaign.json"), "w") as f:
        json.dump({"scenario": a.scenario, "params": params, "runs": a.runs,
                   "fixed": spec["fixed"]}, f, indent=2)
    if a.slurm:
        write_slurm(out, binary, spec["fixed"], tasks)
        return 0
    todo = [t for t in tasks if not os.path.exists(os.path.join(t[2], "DONE"))]
    total = len(tasks)
    print("campaign %s: %d runs (%d points x %d), %d already done, %d to run on %d jobs"
          % (a.scenario, total, total // a.runs, a.runs, total - len(todo), len(todo), a.jobs),
          flush=True)
    failed = []
    start = time.time()
    done = 0
    with ThreadPoolExecutor(max_workers=a.jobs) as pool:
        futures = {pool.submit(run_one, command(binary, spec["fixed"], p, k, d), d): (p, k, d)
                   for p, k, d in todo}
        for fut in as_completed(futures):
            p, k, d = futures[fut]
            done += 1
            if not fut.result():
                failed.append(d)
                print("\ncampaign: run failed: %s (log: %s)"
                      % (point_key(p) + ", RngRun " + str(k), os.path.join(d, "log.txt")),
                      flush=True)
            elapsed = time.time() - start
            eta = elapsed / done * (len(todo) - done)
            print("\r%d/%d done, %.0f s elapsed, ETA %.0f s   " % (done, len(todo), elapsed, eta),
                  end="", flush=True)
    if todo:
        print(flush=True)
    aggregate(out, a.scenario, plots=not a.no_plots)
    if failed:
        print("campaign: %d of %d runs failed; rerun the same command to retry them"
              % (len(failed), total))
        return 1
    return 0


def write_slurm(out, binary, fixed, tasks):
    """A Slurm array job, one run per task, and its task list."""
    with open(os.path.join(out, "tasks.txt"), "w") as f:
        for p, k, d in tasks:
            f.write(" ".join(shlex.quote(x) for x in command(binary, fixed, p, k, d)) + "\n")
    script = """#!/bin/bash
#SBATCH --job-name=mldt-campaign
#SBATCH --array=0-%d
#SBATCH --cpus-per-task=1
#SBATCH --output=%s/slurm-%%A_%%a.out
# One run of the campaign per array task; rerun skips runs that are DONE.
line=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" %s/tasks.txt)
folder=$(dirname "$(echo "$line" | sed -n 's/.*--outputDir=\\([^ ]*\\).*/\\1/p')")
[ -e "$folder/DONE" ] && exit 0
mkdir -p "$folder"
eval "$line" > "$folder/log.txt" 2>&1 && echo ok > "$folder/DONE"
""" % (len(tasks) - 1, out, out)
    path = os.path.join(out, "slurm.sh")
    with open(path, "w") as f:
        f.write(script)
    os.chmod(path, 0o755)
    print("campaign: wrote %s (%d tasks: sbatch %s), then: campaign.py aggregate %s"
          % (path, len(tasks), path, out))


# --- aggregation -------------------------------------------------------------


def flatten(obj, prefix=""):
    """Numeric leaves of a JSON object, with dotted names."""
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, prefix + k + "."))
    elif isinstance(obj, bool):
        out[prefix[:-1]] = float(obj)
    elif isinstance(obj, (int, float)):
        out[prefix[:-1]] = float(obj)
    return out


# Counts of the synchronizations that failed, by reason, in summary.json.
REASONS = "sync.failures_by_reason."


def load_rows(out):
    """One row per finished run and architecture."""
    rows = []
    runs_dir = os.path.join(out, "runs")
    if not os.path.isdir(runs_dir):
        return rows
    for point in sorted(os.listdir(runs_dir)):
        for run in sorted(os.listdir(os.path.join(runs_dir, point))):
            folder = os.path.join(runs_dir, point, run)
            if not os.path.exists(os.path.join(folder, "DONE")):
                continue
            for dirpath, _, files in os.walk(folder):
                if "summary.json" not in files:
                    continue
                with open(os.path.join(dirpath, "summary.json")) as f:
                    s = json.load(f)
                row = {"point": point, "rng_run": int(run.split("-")[1]),
                       "architecture": s.get("architecture", "")}
                for kv in ([] if point == "default" else point.split(",")):
                    k, v = kv.split("=", 1)
                    row["param." + k] = v
                metrics = flatten({k: v for k, v in s.items() if k not in ("config",)})
                d = s.get("demands", {})
                if d.get("created"):
                    metrics["demands.in_deadline_ratio"] = (
                        d.get("completed_in_deadline", 0) / d["created"])
                h = s.get("handovers") or {}
                if h.get("detected"):
                    failed = ((s.get("sync") or {}).get("failures_by_reason") or {})
                    metrics["sync.migrating_failures_per_handover"] = (
                        failed.get("migrating", 0) / h["detected"])
                metrics.pop("rng_run", None)
                row.update({"m." + k: v for k, v in metrics.items()})
                row["counts_sync_reasons"] = "failures_by_reason" in (s.get("sync") or {})
                rows.append(row)
    # summary.json names only the reasons that occurred: a run without a
    # reason another run has counts 0 of it (not a missing value that would
    # leave it out of the mean).
    reasons = {k for r in rows for k in r if k.startswith("m." + REASONS)}
    for r in rows:
        if r.pop("counts_sync_reasons"):
            for k in reasons:
                r.setdefault(k, 0)
    return rows


def _num(v):
    try:
        return float(v)
    except ValueError:
        return v


def aggregate(out, scenario=None, plots=True):
    """Write runs.csv, summary.csv and the plots; return the summary rows."""
    order = []
    path = os.path.join(out, "campaign.json")
    if os.path.exists(path):
        with open(path) as f:
            info = json.load(f)
        scenario = scenario or info["scenario"]
        order = ["param." + k for k in info["params"]]  # the sweep's order: x axis first
    rows = load_rows(out)
    if not rows:
        print("campaign: no finished run to aggregate in %s" % out)
        return []
    found = {k for r in rows for k in r if k.startswith("param.")}
    params = [p for p in order if p in found] + sorted(found - set(order))
    metrics = sorted({k for r in rows for k in r if k.startswith("m.")})
    head = ["point"] + params + ["architecture", "rng_run"]
    with open(os.path.join(out, "runs.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(head + [m[2:] for m in metrics])
        for r in rows:
            w.writerow([r.get(k, "") for k in head] + [r.get(m, "") for m in metrics])
    groups = {}
    for r in rows:
        groups.setdefault((r["point"], r["architecture"]), []).append(r)
    summary = []
    with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["point"] + params + ["architecture", "runs", "metric", "mean",
                                         "ci95_low", "ci95_high", "ci95_half_width"])
        for (point, arch), rs in sorted(groups.items()):
            for m in metrics:
                vals = [r[m] for r in rs if m in r and not math.isnan(r[m])]
                if not vals:
                    continue
                mean, half, n = mean_ci(vals)
                first = rs[0]
                line = [point] + [first.get(p, "") for p in params] + [arch, n, m[2:], mean,
                                                                        mean - half, mean + half,
                                                                        half]
                w.writerow(line)
                summary.append(dict(zip(["point"] + params + ["architecture", "runs", "metric",
                                                               "mean", "low", "high", "half"],
                                        line)))
    print("campaign: %d runs aggregated: %s, %s"
          % (len(rows), os.path.join(out, "runs.csv"), os.path.join(out, "summary.csv")))
    if plots:
        plot(out, scenario, params, summary)
    return summary


def paired(out, by, base, metrics):
    """Differences from the base value of one parameter on the same seeds.

    Returns the rows written to OUT/paired.csv: (other parameters, value,
    metric, pairs, mean, half width of the 95 % interval)."""
    rows = load_rows(out)
    # "architecture" pairs the two architectures of one run (S1 runs both).
    key = "architecture" if by == "architecture" else "param." + by
    if not any(key in r for r in rows):
        sys.exit("campaign: paired: no finished run has the parameter %s" % by)
    if not any(r.get(key) == base for r in rows):
        sys.exit("campaign: paired: no finished run has %s=%s" % (by, base))

    def others(r):
        return ",".join("%s=%s" % (k[6:], r[k]) for k in sorted(r)
                        if k.startswith("param.") and k != key)

    def arch(r):
        return "" if key == "architecture" else r["architecture"]

    bases = {(others(r), arch(r), r["rng_run"]): r for r in rows if r.get(key) == base}
    groups = {}
    for r in rows:
        if key not in r or r[key] == base:
            continue
        b = bases.get((others(r), arch(r), r["rng_run"]))
        if b is None:
            continue
        for m in metrics:
            if "m." + m in r and "m." + m in b:
                d = r["m." + m] - b["m." + m]
                if not math.isnan(d):
                    groups.setdefault((others(r), arch(r), r[key], m), []).append(d)
    result = []
    for (rest, arch, value, m), diffs in sorted(groups.items()):
        mean, half, n = mean_ci(diffs)
        result.append((rest, arch, value, m, n, mean, half))
    with open(os.path.join(out, "paired.csv"), "w", newline="") as f:
        w = csv.writer(f)
        one = key == "architecture"  # the architecture is the parameter itself
        w.writerow(["other_params"] + ([] if one else ["architecture"])
                   + [by, "minus", "metric", "pairs", "mean", "ci95_half_width"])
        for rest, arch_, value, m, n, mean, half in result:
            w.writerow([rest] + ([] if one else [arch_]) + [value, base, m, n, mean, half])
    for rest, arch, value, m, n, mean, half in result:
        print("%s%s%s=%s - %s: %s %+.6f +- %.6f (%d pairs)"
              % (rest + " " if rest else "", arch + " " if arch else "", by, value, base, m,
                 mean, half, n))
    if not result:
        print("campaign: paired: no run of another %s has a %s=%s run of the same seed"
              % (by, by, base))
    return result


def plot(out, scenario, params, summary):
    """One PNG per key metric: against the first parameter, a line per other combination."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("campaign: matplotlib missing (./mldt setup installs it): no plots")
        return
    if not params:
        return
    spec = SCENARIOS.get(scenario, {"plots": []})
    os.makedirs(os.path.join(out, "plots"), exist_ok=True)
    x_param = params[0]
    for metric, label in spec["plots"]:
        sel = [s for s in summary if s["metric"] == metric]
        if not sel:
            continue
        lines = {}
        for s in sel:
            key = tuple((p[6:], s[p]) for p in params[1:]) + (("arch", s["architecture"]),)
            lines.setdefault(key, []).append(s)
        fig, ax = plt.subplots(figsize=(6.4, 4.2))
        for key, pts in sorted(lines.items()):
            pts.sort(key=lambda s: _num(s[x_param]))
            xs = [_num(s[x_param]) for s in pts]
            ys = [s["mean"] for s in pts]
            err = [0 if math.isnan(s["half"]) else s["half"] for s in pts]
            name = ", ".join((v if k == "arch" else "%s=%s" % (k, v)) for k, v in key if v)
            ax.errorbar(xs, ys, yerr=err, marker="o", capsize=3, label=name)
        ax.set_xscale(spec.get("xscale", "linear"))
        ax.set_xlabel(x_param[6:])
        ax.set_ylabel(label)
        ax.set_title("%s: %s (mean, 95 %% CI, %s runs)" % (scenario, label, sel[0]["runs"]),
                     fontsize=9)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        path = os.path.join(out, "plots", metric.replace(".", "_") + ".png")
        fig.savefig(path, dpi=110)
        plt.close(fig)
    print("campaign: plots in %s" % os.path.join(out, "plots"))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("scenario", choices=sorted(SCENARIOS))
    r.add_argument("--bin-dir", required=True)
    r.add_argument("--param", action="append", default=[])
    r.add_argument("--runs", type=int, default=10)
    r.add_argument("--output-dir", "--outputDir", dest="output_dir", required=True)
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    r.add_argument("--slurm", action="store_true")
    r.add_argument("--no-plots", action="store_true")
    g = sub.add_parser("aggregate")
    g.add_argument("output_dir")
    g.add_argument("--no-plots", action="store_true")
    p = sub.add_parser("paired")
    p.add_argument("output_dir")
    p.add_argument("--by", required=True)
    p.add_argument("--base", required=True)
    p.add_argument("--metric", action="append", default=[])
    c = sub.add_parser("ci")
    c.add_argument("values", nargs="+", type=float)
    a = ap.parse_args()
    if a.cmd == "run":
        return cmd_run(a)
    if a.cmd == "aggregate":
        aggregate(os.path.abspath(a.output_dir), plots=not a.no_plots)
        return 0
    if a.cmd == "paired":
        paired(os.path.abspath(a.output_dir), a.by, a.base,
               a.metric or ["sync.failure_ratio"])
        return 0
    m, h, n = mean_ci(a.values)
    print("n %d mean %.12g ci95 [%.12g, %.12g] half %.12g" % (n, m, m - h, m + h, h))
    return 0


if __name__ == "__main__":
    sys.exit(main())
