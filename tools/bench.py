#!/usr/bin/env python3
"""Benchmark: the DT layer's cost over the bare network it rides on, and scaling.

    bench.py overhead --bin-dir DIR --output-dir OUT [--reps N] [--full]
                      [--no-instructions] [--only s1,s2-lte,s2-wifi]
    bench.py scaling  --bin-dir DIR --output-dir OUT [--terminals 10,50,100,200]
                      [--access wifi,lte,wired] [--sim-time S] [--bare]

overhead: for each configuration, runs A B A B ... (A: the full DT scenario,
which records the traffic its DTs send; B: the same network, same RngRun,
without DTs, replaying that traffic with DtTrafficReplayApplication), and
prints wall time, simulator events per wall second and peak RSS of each, and
the median over the pairs of wall(A) / wall(B) as "overhead: X.XX". Interleaving cancels slow
drifts of the machine's speed; the pairs' ratios also get a 95 % interval
(Student's t), which on a shared machine is wide.

Instructions: before the wall-time pairs, one A-B pair of each configuration
(RngRun 1, INSTRUCTION_SIM_TIME simulated seconds of activity) runs under Valgrind's
callgrind, which counts the instructions executed: the same on every run of
the same binary, whatever else the machine does. It prints
"overhead (instructions): X.XXX" and the functions whose own instructions
(callgrind's self cost) grew most from B to A, with their share of the
difference. The counted runs go in parallel, one process per core.

scaling: the S2 topology at growing numbers of terminals on Wi-Fi and LTE,
and the DT logic alone (S1's DTs, a point-to-point link per terminal, no
radio) up to 10 000 terminals; wall time per simulated second, per terminal, peak RSS per
terminal, and the growth exponent b of wall = a * terminals^b (least squares
in log-log). With --bare, each point also runs as the bare network replaying
the DTs' traffic, and the exponents of the bare network and of the DT layer's
own cost (wall - bare wall) are fitted too. Writes scaling.csv and scaling.png.

Figures are measurements, not assertions: nothing here fails on a slow machine.
"""

import argparse
import concurrent.futures
import csv
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

# name, example, arguments, description
CONFIGS = [
    ("s1", "multilayer-dt-s1", ["--architecture=multilayer"],
     "S1: Wi-Fi 802.11ac, 10 terminals, 2 edges"),
    ("s2-lte", "multilayer-dt-s2", ["--users=30"],
     "S2: LTE, 5 cells, 30 users"),
    ("s2-wifi", "multilayer-dt-s2", ["--users=30", "--access=wifi"],
     "S2: Wi-Fi ESS, 5 APs, 30 users"),
]
# The wall-time pairs' simulated times, unless --full (the scenarios' own).
SHORT = {"s1": ["--simTime=4"], "s2-lte": ["--simTime=6", "--drainTime=1"],
         "s2-wifi": ["--simTime=6", "--drainTime=1"]}
# The instruction-counted pair (callgrind runs 50-100x slower): simulated
# seconds of activity (S2 LTE 2 s: its pair takes about 5 minutes on
# this machine), and S2 drains for 1 s instead of 5.
INSTRUCTION_SIM_TIME = {"s1": 3, "s2-lte": 2, "s2-wifi": 3}
INSTRUCTION_ARGS = {"s1": [], "s2-lte": ["--drainTime=1"], "s2-wifi": ["--drainTime=1"]}
# Two-sided 95 % quantiles of Student's t, by degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
       9: 2.262, 10: 2.228, 15: 2.131, 20: 2.086, 30: 2.042}


def t95(df):
    """The t quantile for df degrees of freedom (the nearest tabulated below, 1.96 past 30)."""
    if df > 30:
        return 1.96
    return T95[max(k for k in T95 if k <= df)]


def callgrind(cmd, cwd, out_file):
    """Runs cmd under callgrind; returns (instructions, {function: self instructions}) or None."""
    full = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cmd
    with open(out_file + ".log", "w") as log:
        rc = subprocess.call(full, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    if rc != 0 or not os.path.isfile(out_file):
        print("bench: %s failed under callgrind (exit %d); see %s.log"
              % (" ".join(cmd), rc, out_file), flush=True)
        return None
    total = None
    with open(out_file) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    ann = subprocess.run(["callgrind_annotate", "--inclusive=no", "--tree=none", "--auto=no",
                          "--threshold=100", out_file],
                         capture_output=True, text=True).stdout
    functions = {}
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*)$", line)
        if m and ":" in m.group(2) and not m.group(2).startswith("PROGRAM TOTALS"):
            # One function, whichever file (inlined headers) its lines came from.
            name = function_name(m.group(2).split(" [")[0])
            functions[name] = functions.get(name, 0) + int(m.group(1).replace(",", ""))
    return total, functions


def count_config(name, dt, bare):
    """(name, dt total, bare total, top differences) from two callgrind results."""
    if not dt or not bare or not dt[0] or not bare[0]:
        return name, None, None, []
    diff = {f: dt[1].get(f, 0) - bare[1].get(f, 0) for f in set(dt[1]) | set(bare[1])}
    top = sorted(diff.items(), key=lambda kv: -kv[1])[:12]
    return name, dt[0], bare[0], top


def function_name(name):
    """A callgrind "file:function" without its file."""
    if name.startswith("???:") or re.match(r"^[^:]*[/.][^:]*:", name):
        name = name.split(":", 1)[1]
    return name


def short_function(name, width=90):
    """A function's name, shortened to width."""
    return name if len(name) <= width else name[:width - 3] + "..."


def instructions(a, selected):
    """One callgrind pair per configuration, in parallel; prints the ratios and top functions."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        print("bench: valgrind is not installed: no instruction counts")
        return []
    print("counting instructions: one pair per configuration under callgrind, in parallel "
          "(S2 LTE about 5 minutes, the others 1)", flush=True)
    # The bare runs replay a record taken natively first, so that all the
    # counted runs are independent: they run one per core, the longest first.
    # The counted DT run does not record (writing the record is not the DTs').
    tasks = []
    for name, binary, args in selected:
        folder = os.path.join(a.output_dir, name, "instructions")
        os.makedirs(folder, exist_ok=True)
        traffic = os.path.join(folder, "traffic.txt")
        args = args + INSTRUCTION_ARGS.get(name, []) + ["--simTime=%g" % INSTRUCTION_SIM_TIME[name],
                                                         "--RngRun=1"]
        if run([binary] + args + ["--recordTraffic=" + traffic, "--outputDir=out-record"],
               folder) is None:
            continue
        for mode, extra in (("dt", []), ("bare", ["--replayTraffic=" + traffic])):
            tasks.append((name, mode, [binary] + args + extra + ["--outputDir=out-" + mode],
                          folder, os.path.join(folder, "callgrind." + mode)))
    tasks.sort(key=lambda t: t[0] != "s2-lte")
    jobs = max(1, min(len(tasks), os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        counted = dict(zip([(t[0], t[1]) for t in tasks],
                           pool.map(lambda t: callgrind(t[2], t[3], t[4]), tasks)))
    results = [count_config(name, counted.get((name, "dt")), counted.get((name, "bare")))
               for name, _, _ in selected]
    rows = []
    for name, dt, bare, top in results:
        if not dt:
            print("%s: no instruction count (a run failed)" % name)
            continue
        ratio = dt / bare
        rows.append((name, dt, bare, ratio))
        print("\n%s: %.3f G instructions with DTs, %.3f G bare network (RngRun 1, %g s)"
              % (name, dt / 1e9, bare / 1e9, INSTRUCTION_SIM_TIME[name]))
        print("overhead (instructions): %.3f  %s" % (ratio, name))
        print("  largest growth of a function's own instructions, DTs - bare "
              "(share of the difference):")
        for function, d in top:
            if d <= 0:
                break
            print("  %+14d  %5.1f %%  %s" % (d, 100.0 * d / (dt - bare) if dt > bare else 0,
                                            short_function(function)))
    with open(os.path.join(a.output_dir, "instructions.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["config", "instructions_dt", "instructions_bare", "ratio"])
        for name, dt, bare, ratio in rows:
            w.writerow([name, dt, bare, "%.4f" % ratio])
    return rows


def run(cmd, cwd):
    """Runs one simulation; returns wall seconds, CPU seconds, peak RSS (MiB) and its output."""
    start = time.perf_counter()
    with open(os.path.join(cwd, "log.txt"), "w") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=log, text=True)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        # Reported and left out; the other runs go on.
        print("bench: %s failed (exit %d); see %s/log.txt"
              % (" ".join(cmd), os.waitstatus_to_exitcode(status), cwd), flush=True)
        return None
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, out


def events_of(out):
    for line in out.splitlines():
        if line.startswith("simulator events"):
            return int(line.split()[-1])
    return 0


def overhead(a):
    os.makedirs(a.output_dir, exist_ok=True)
    rows = []
    ratios = []
    failed = []
    selected = [(name, os.path.join(os.path.abspath(a.bin_dir), example), args)
                for name, example, args, _ in CONFIGS
                if not a.only or name in a.only.split(",")]
    counted = [] if a.no_instructions else instructions(a, selected)
    print()
    print("%-8s %-5s %4s %9s %8s %11s %12s %9s" % ("config", "mode", "rep", "wall s", "CPU s",
                                                  "events", "events/s", "RSS MiB"))
    for name, example, args, desc in CONFIGS:
        if a.only and name not in a.only.split(","):
            continue
        binary = os.path.join(os.path.abspath(a.bin_dir), example)
        args = args + ([] if a.full else SHORT[name])
        walls = {"dt": [], "bare": []}
        cpus = {"dt": [], "bare": []}
        for rep in range(1, a.reps + 1):
            folder = os.path.join(a.output_dir, name, "rep-%d" % rep)
            os.makedirs(folder, exist_ok=True)
            traffic = os.path.join(folder, "traffic.txt")
            for mode, extra in (("dt", ["--recordTraffic=" + traffic, "--outputDir=out"]),
                                ("bare", ["--replayTraffic=" + traffic, "--outputDir=out"])):
                result = run([binary] + args + ["--RngRun=%d" % rep] + extra, folder)
                if result is None:
                    failed.append("%s %s rep %d" % (name, mode, rep))
                    if mode == "dt":
                        break  # no record to replay
                    walls["dt"].pop()
                    cpus["dt"].pop()
                    continue
                wall, cpu, rss, out = result
                ev = events_of(out)
                walls[mode].append(wall)
                cpus[mode].append(cpu)
                rows.append({"config": name, "mode": mode, "rep": rep, "wall_s": "%.3f" % wall,
                             "cpu_s": "%.3f" % cpu, "events": ev,
                             "events_per_s": "%.0f" % (ev / wall), "peak_rss_mib": "%.1f" % rss})
                print("%-8s %-5s %4d %9.2f %8.2f %11d %12.0f %9.1f"
                      % (name, mode, rep, wall, cpu, ev, ev / wall, rss), flush=True)
        if not walls["bare"]:
            continue
        # The ratio within each A-B pair cancels drifts of the machine's speed
        # between pairs; the overhead is the median of those ratios.
        pairs = [d / b for d, b in zip(walls["dt"], walls["bare"])]
        ratio = statistics.median(pairs)
        cpu_ratio = statistics.median(d / b for d, b in zip(cpus["dt"], cpus["bare"]))
        half = (t95(len(pairs) - 1) * statistics.stdev(pairs) / math.sqrt(len(pairs))
                if len(pairs) > 1 else float("nan"))
        ratios.append((name, desc, ratio, cpu_ratio, walls, statistics.mean(pairs), half))
    with open(os.path.join(a.output_dir, "bench.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print()
    for name, desc, ratio, cpu_ratio, walls, mean, half in ratios:
        print("%s: median wall %.2f s with DTs, %.2f s bare network (%d runs each); "
              "median of the pairs' CPU-time ratios %.2f"
              % (desc, statistics.median(walls["dt"]), statistics.median(walls["bare"]),
                 len(walls["dt"]), cpu_ratio))
        print("overhead: %.2f  %s (wall time; pairs' mean %.2f, 95 %% interval +- %.2f)"
              % (ratio, name, mean, half))
    for name, dt, bare, ratio in counted:
        print("overhead (instructions): %.3f  %s" % (ratio, name))
    for f in failed:
        print("failed (left out with its pair): %s" % f)
    print("results: %s" % os.path.join(a.output_dir, "bench.csv"))


def fit_exponent(xs, ys):
    """Least-squares slope of log y against log x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    sxx = sum((x - mx) ** 2 for x in lx)
    if sxx == 0:
        return float("nan")
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / sxx


def scaling(a):
    os.makedirs(a.output_dir, exist_ok=True)
    rows = []
    print("%-6s %9s %9s %13s %16s %9s %14s%s"
          % ("access", "terminals", "wall s", "wall/sim s", "ms/terminal/s", "RSS MiB",
             "KiB/terminal", "  bare wall s  DT-only wall s" if a.bare else ""))
    for access in a.access.split(","):
        example, args, extra_s, default_counts = a.scenarios[access]
        for n in [int(x) for x in (a.terminals or default_counts).split(",")]:
            folder = os.path.join(a.output_dir, "%s-%d" % (access, n))
            os.makedirs(folder, exist_ok=True)
            traffic = os.path.join(folder, "traffic.txt")
            cmd = [os.path.join(os.path.abspath(a.bin_dir), example)] + args(n) + [
                "--simTime=%g" % a.sim_time, "--outputDir=out"]
            result = run(cmd + (["--recordTraffic=" + traffic] if a.bare else []), folder)
            if result is None:
                continue
            wall, _, rss, out = result
            sim = a.sim_time + extra_s
            row = {"access": access, "terminals": n, "wall_s": wall, "sim_s": sim,
                   "wall_per_sim_s": wall / sim, "ms_per_terminal_s": 1e3 * wall / sim / n,
                   "peak_rss_mib": rss, "events": events_of(out)}
            extra = ""
            if a.bare:
                # The same network replaying the DTs' packets: what remains is
                # the DT layer's own cost.
                bare = run(cmd + ["--replayTraffic=" + traffic], folder)
                if bare is None:
                    continue
                row["bare_wall_s"] = bare[0]
                row["bare_peak_rss_mib"] = bare[2]
                row["dt_only_wall_s"] = wall - bare[0]
                extra = "  %12.2f  %14.2f" % (bare[0], wall - bare[0])
            rows.append(row)
            print("%-6s %9d %9.2f %13.3f %16.3f %9.1f %14.1f%s"
                  % (access, n, wall, wall / sim, row["ms_per_terminal_s"], rss,
                     rss * 1024 / n, extra), flush=True)
    if not rows:
        sys.exit("bench: no run completed")
    with open(os.path.join(a.output_dir, "scaling.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print()
    fits = {}
    for access in a.access.split(","):
        rs = [r for r in rows if r["access"] == access]
        if len(rs) >= 2:
            b = fit_exponent([r["terminals"] for r in rs], [r["wall_s"] for r in rs])
            fits[access] = b
            print("growth exponent (wall ~ terminals^b), %s: b = %.2f" % (access, b))
            if a.bare:
                print("  bare network: b = %.2f"
                      % fit_exponent([r["terminals"] for r in rs],
                                     [r["bare_wall_s"] for r in rs]))
                own = [r for r in rs if r["dt_only_wall_s"] > 0]
                if len(own) >= 2:
                    print("  DT layer alone (wall - bare wall): b = %.2f"
                          % fit_exponent([r["terminals"] for r in own],
                                         [r["dt_only_wall_s"] for r in own]))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for access in a.access.split(","):
            rs = [r for r in rows if r["access"] == access]
            line, = ax.plot([r["terminals"] for r in rs], [r["wall_per_sim_s"] for r in rs],
                            "o-", label="%s (b = %.2f)" % (access, fits.get(access, float("nan"))))
            if a.bare and rs:
                ax.plot([r["terminals"] for r in rs], [r["bare_wall_s"] / r["sim_s"] for r in rs],
                        "s--", color=line.get_color(), label="%s, bare network" % access)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("terminals")
        ax.set_ylabel("wall seconds per simulated second")
        ax.set_title("cost vs terminals (fit: wall ~ terminals^b)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(a.output_dir, "scaling.png"), dpi=100)
        print("plot: %s" % os.path.join(a.output_dir, "scaling.png"))
    except ImportError:
        print("matplotlib is missing: no plot")
    print("results: %s" % os.path.join(a.output_dir, "scaling.csv"))


# access: example, its arguments for n terminals, seconds simulated besides
# --simTime (warm-up and drain), default terminal counts.
SCALING = {
    "wifi": ("multilayer-dt-s2", lambda n: ["--users=%d" % n, "--access=wifi"], 6,
             "10,50,100,200"),
    "lte": ("multilayer-dt-s2", lambda n: ["--users=%d" % n], 6, "10,50,100,200"),
    # The DT logic alone: S1's DTs on a point-to-point link per terminal,
    # one edge per 100 terminals, the cloud's capacity growing with them (the
    # load per terminal stays that of S1).
    "wired": ("multilayer-dt-s1",
              lambda n: ["--access=wired", "--architecture=multilayer", "--terminals=%d" % n,
                         "--edges=%d" % max(2, n // 100), "--cloudCapacity=%d" % (50 * n)],
              11, "100,1000,10000"),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    o = sub.add_parser("overhead")
    o.add_argument("--bin-dir", required=True)
    o.add_argument("--output-dir", required=True)
    o.add_argument("--reps", type=int, default=5)
    o.add_argument("--no-instructions", action="store_true",
                   help="skip the instruction-counted pairs (callgrind)")
    o.add_argument("--full", action="store_true",
                   help="wall-time pairs at the scenarios' full length (S2 LTE: 90 s a run)")
    o.add_argument("--quick", action="store_true", help=argparse.SUPPRESS)  # the default now
    o.add_argument("--only", default="", help="comma-separated configurations: s1,s2-lte,s2-wifi")
    s = sub.add_parser("scaling")
    s.add_argument("--bin-dir", required=True)
    s.add_argument("--output-dir", required=True)
    s.add_argument("--terminals", default="",
                   help="terminal counts (default: 10,50,100,200 with radio; "
                        "100,1000,10000 wired)")
    s.add_argument("--access", default="wifi,lte,wired")
    s.add_argument("--sim-time", type=float, default=5)
    s.add_argument("--bare", action="store_true",
                   help="also run each point as the bare network replaying the DTs' traffic, "
                        "and fit the DT layer's own cost (wall - bare wall)")
    a = ap.parse_args()
    if a.cmd == "overhead":
        if a.reps < 1:
            sys.exit("bench: --reps=%d must be >= 1" % a.reps)
        overhead(a)
    else:
        a.scenarios = SCALING
        for acc in a.access.split(","):
            if acc not in SCALING:
                sys.exit("bench: --access=%s is not one of %s" % (acc, ", ".join(SCALING)))
        scaling(a)


if __name__ == "__main__":
    main()
