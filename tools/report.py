#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""One self-contained HTML page of a run of the multilayer-dt examples.

    report.py RUN_DIR [RUN_DIR ...] [-o OUT.html]

A run folder holds summary.json and the CSVs the examples write next to it
(demands.csv, sync.csv, migrations.csv, handovers.csv and, when the timeline
is on, timeline.csv). A folder without summary.json whose subfolders hold
one (S1's output folder: centralized/ and multilayer/) stands for those runs.
Several runs are shown side by side, one column each, on the same axes where
they compare. The page is written to OUT.html (default RUN_DIR/report.html
of the first folder); its sections:

    config             scenario, architecture, seed and the run's attributes
    headline           demands, latency per tier, synchronizations, handovers,
                       migrations, energy, signaling per demand
    demands-over-time  demands per interval by outcome, one panel per tier
    latency-cdf        distribution of the latency per executed tier, with the
                       deadlines of the demand classes
    late-demands       why the late demands were late: queue wait, service and
                       the rest of their latency where they ran, and the queue
                       of those DTs over time
    terminals          one lane per terminal: serving edge, handovers,
                       migrations, failed synchronizations, late and failed
                       demands
    aoi                age of information of every twin over time
    load               queue, busy cores and twins of the edges and the cloud
    energy             energy drawn by each terminal and its battery over time

The page needs nothing but itself (figures are PNGs inside it, no program,
no font, no link out of it). Next to every figure, a
<script type="application/json" class="figure-data"> gives the number of
points of each series it plots ("series": {name: points}; the queues of the
late-demands figure are "queue <edge|cloud|terminal> <DT id>", the serving
edges of the terminals figure "serving_edge") and a few of its values, for a
program to read. A run without the data a figure needs says so; where
nothing of it can be drawn, its series are empty.
"""

import argparse
import base64
import html
import importlib.util
import io
import json
import math
import os
import re
import sys

TIERS = ("local", "edge", "cloud", "peer")
OUTCOMES = (("in_deadline", "completed_in_deadline", "in deadline", "#4c9a2a"),
            ("late", "completed_late", "late", "#f0a030"),
            ("failed", "failed", "failed", "#d03030"))
NO_TIMELINE = "no timeline.csv: run with --report, or set ns3::DtTimeline::Interval"
WIDTH_IN, DPI = 10.0, 90  # 900 pixels wide
MAX_LANES = 60  # terminals drawn in the terminals section
SECTIONS = [
    ("config", "Configuration"),
    ("headline", "Headline figures"),
    ("demands-over-time", "Demands over time"),
    ("latency-cdf", "Latency distribution"),
    ("late-demands", "Why late demands were late"),
    ("terminals", "Terminals"),
    ("aoi", "Age of information"),
    ("load", "Edge and cloud load"),
    ("energy", "Energy"),
]
CSS = """
body{font-family:sans-serif;margin:16px;color:#222;background:#fff}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #bbb;margin-top:1.6em}
h3{font-size:1em;margin:.3em 0}
.runs{display:grid;gap:20px}
.run{min-width:0}
.run img{width:100%;max-width:900px;display:block}
table{border-collapse:collapse;font-size:.85em;margin:.4em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top;
 overflow-wrap:break-word}
th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}
tr.differs td{background:#fff6d8}
p.note{color:#a04000}p.what{color:#555;font-size:.9em}
nav a{margin-right:1em}code{font-size:.95em}code.key{white-space:nowrap}
"""


# --- runs -------------------------------------------------------------------


def find_runs(folder):
    """The run folders a folder stands for: itself or its subfolders with summary.json."""
    if not os.path.isdir(folder):
        raise ValueError("%s is not a folder" % folder)
    if os.path.isfile(os.path.join(folder, "summary.json")):
        return [folder]
    subs = [os.path.join(folder, d) for d in sorted(os.listdir(folder))]
    runs = [d for d in subs if os.path.isfile(os.path.join(d, "summary.json"))]
    if not runs:
        raise ValueError("%s holds no run (no summary.json in it or in its subfolders)"
                         % folder)
    return runs


class Run:
    """The outputs of one run: summary.json, its CSVs and its timeline."""

    def __init__(self, folder, name):
        import pandas as pd
        self.folder, self.name = folder, name
        with open(os.path.join(folder, "summary.json")) as f:
            self.summary = json.load(f)

        def table(file, **kw):
            path = os.path.join(folder, file)
            return pd.read_csv(path, **kw) if os.path.isfile(path) else None

        self.demands = table("demands.csv", dtype={"ran_at": str})
        self.syncs = table("sync.csv")
        self.migrations = table("migrations.csv")
        self.handovers = table("handovers.csv")
        tl = table("timeline.csv", dtype={"id": str})
        if tl is not None:  # "1000.0" is DT 1000
            tl["id"] = tl["id"].str.replace(r"\.0+$", "", regex=True)
        self.timeline = tl
        self.parts = {} if tl is None else {k: g for k, g in tl.groupby(["entity", "variable"])}
        self.kind = {}  # DT id -> edge, cloud or terminal
        for entity in ("edge", "cloud", "terminal"):
            for dt in self.ids(entity):
                self.kind[dt] = entity

    def tl(self, entity, variable):
        """Rows (time_s, id, value) of one variable of the timeline (empty if none)."""
        import pandas as pd
        g = self.parts.get((entity, variable))
        return g[["time_s", "id", "value"]] if g is not None else pd.DataFrame(
            columns=["time_s", "id", "value"])

    def ids(self, entity):
        """DT ids of an entity in the timeline, in numeric order."""
        found = set()
        for (e, _), g in self.parts.items():
            if e == entity:
                found.update(g["id"])
        return sorted(found, key=_id_key)

    def where(self, dt, tier=""):
        """'edge 100' for a DT id (what it is from the timeline, else from the tier)."""
        if dt is None or dt == "" or (isinstance(dt, float) and math.isnan(dt)):
            return "no processor"
        kind = self.kind.get(str(dt)) or {"edge": "edge", "cloud": "cloud"}.get(tier, "terminal")
        return "%s %s" % (kind, dt)

    def end(self):
        """Last time the run has anything at."""
        ends = [self.summary.get("sim_time_s") or 0]
        if self.timeline is not None and len(self.timeline):
            ends.append(self.timeline["time_s"].max())
        if self.demands is not None and len(self.demands):
            ends.append(self.demands["created_s"].max())
        return float(max(ends))

    def class_name(self, index):
        """A demand class's name (its DemandClassN Name=), or "class N"."""
        found = self.deadlines().get(int(index))
        return found[0] if found else "class %d" % int(index)

    def deadlines(self):
        """Demand class index -> (name, deadline in s), from the config's DemandClassN."""
        out = {}
        for key, value in (self.summary.get("config") or {}).items():
            m = re.fullmatch(r"DemandClass(\d+)", key)
            d = re.search(r"Deadline=ns3::ConstantRandomVariable\[Constant=([0-9.eE+-]+)\]",
                          str(value))
            if m and d:
                name = re.search(r"Name=([^|\]]+)", str(value))
                out[int(m.group(1))] = (name.group(1) if name else key, float(d.group(1)))
        return out


def _dt(x):
    """A DT id as the timeline spells it: 1000, not 1000.0."""
    try:
        f = float(x)
        return str(int(f)) if f.is_integer() else str(x)
    except (TypeError, ValueError):
        return str(x)


def _id_key(dt):
    """Sort key of DT ids: numbers in numeric order, then names."""
    return (0, float(dt), "") if re.fullmatch(r"-?[0-9.]+", str(dt)) else (1, 0, str(dt))


def load_runs(run_dirs):
    """The runs of the folders, with names unique on the page."""
    folders = [r for d in run_dirs for r in find_runs(d)]
    paths = [os.path.normpath(os.path.abspath(f)) for f in folders]
    base = [os.path.basename(p) for p in paths]
    # The same name twice: add the parent folder, then a number.
    names = [os.path.join(os.path.basename(os.path.dirname(p)), b) if base.count(b) > 1 else b
             for p, b in zip(paths, base)]
    names = ["%s (%d)" % (n, i + 1) if names.count(n) > 1 else n for i, n in enumerate(names)]
    return [Run(f, n) for f, n in zip(folders, names)]


# --- formatting -------------------------------------------------------------


def num(v, unit=""):
    """A number for a table: '–' if missing, 3 significant digits if not whole."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return html.escape(str(v))
    if isinstance(v, int) or float(v).is_integer() and abs(v) < 1e12:
        s = "%d" % v
    elif abs(v) >= 100:
        s = "%.0f" % v
    else:
        s = "%.3g" % v
    return s + (" " + unit if unit else "")


def short_value(v):
    """A config value made readable: times in s, random variables and classes shortened."""
    s = json.dumps(v) if isinstance(v, bool) else str(v)
    m = re.fullmatch(r"\+?(-?[0-9.]+(?:e[+-]?[0-9]+)?)ns", s)
    if m:
        return "%g s" % (float(m.group(1)) / 1e9)
    m = re.fullmatch(r"([0-9]+)bps", s)
    if m and int(m.group(1)) >= 1000:
        bps = int(m.group(1))
        for div, unit in ((1e9, "Gbps"), (1e6, "Mbps"), (1e3, "kbps")):
            if bps >= div:
                return "%g %s" % (bps / div, unit)

    def rv(m):
        kind, args = m.group(1), dict(a.split("=", 1) for a in m.group(2).split("|") if "=" in a)
        if kind == "Constant":
            return args.get("Constant", "?")
        if kind == "Uniform":
            return "U(%s..%s)" % (args.get("Min", "0"), args.get("Max", "1"))
        return "%s(%s)" % (kind, ", ".join("%s=%s" % kv for kv in args.items()))

    s = re.sub(r"ns3::(\w+)RandomVariable\[([^\]]*)\]", rv, s)
    m = re.fullmatch(r"ns3::(\w+)\[(.*?)\|?\]", s)
    if m:
        s = m.group(2)
    return s.replace("|", ", ").replace("ns3::", "")


def table(rows, head=None, classes=None):
    """An HTML table; rows are lists of cells already escaped."""
    out = ["<table>"]
    if head:
        out.append("<tr>%s</tr>" % "".join("<th>%s</th>" % h for h in head))
    for i, r in enumerate(rows):
        cls = ' class="%s"' % classes[i] if classes and classes[i] else ""
        out.append("<tr%s>%s</tr>" % (cls, "".join(
            '<td class="n">%s</td>' % c if re.fullmatch(r"[-–0-9.,%\s]+[a-zA-Z/]*", c) else
            "<td>%s</td>" % c for c in r)))
    return "".join(out) + "</table>"


# --- figures ----------------------------------------------------------------


def figure(panels, height, layout="constrained", **kw):
    """A figure WIDTH_IN wide with its panels stacked (a list of axes)."""
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(panels, 1, figsize=(WIDTH_IN, height), squeeze=False,
                             layout=layout, **kw)
    return fig, list(axes[:, 0])


def png(fig):
    """The figure as an <img> with a base64 PNG data URI; the figure is closed."""
    import matplotlib.pyplot as plt
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return '<img alt="" src="data:image/png;base64,%s">' % base64.b64encode(
        buf.getvalue()).decode("ascii")


def no_data(text):
    """A section's cell for a run without its data."""
    return '<p class="note">%s</p>' % html.escape(text), {"series": {}}


def time_axis(ax, t_end, label="time (s)"):
    """The time axis shared by the runs."""
    ax.set_xlim(0, t_end)
    ax.set_xlabel(label)
    ax.grid(alpha=0.3)


def top(values, margin=1.1, floor=1.0):
    """Upper limit of an axis shared by the runs."""
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return max([floor] + vals) * margin


# --- sections ---------------------------------------------------------------


def sec_config(runs, ctx):
    """Scenario, seed and the run's attributes (highlighted: they differ between the runs)."""
    keys = ("scenario", "architecture", "rng_seed", "rng_run", "sim_time_s", "wall_time_s")
    configs = [r.summary.get("config") or {} for r in runs]
    names = sorted(set().union(*configs))
    cells = []
    for r, cfg in zip(runs, configs):
        rows = [[k, num(r.summary.get(k))] for k in keys]
        differs = ["differs" if len({json.dumps(c.get(k)) for c in configs}) > 1 else ""
                   for k in names]
        attrs = [['<code class="key">%s</code>' % html.escape(k),
                  html.escape(short_value(cfg[k])) if k in cfg else "–"] for k in names]
        changed = [k for k, d in zip(names, differs) if d]
        summary = "%d attributes%s" % (len(names), "; differing between the runs: " + ", ".join(
            changed) if changed and len(runs) > 1 else "")
        # The attributes fold away so that the figures come first.
        cells.append((table(rows, ["", "value"]) + "<details><summary>%s</summary>%s</details>"
                      % (html.escape(summary), table(attrs, ["attribute", "value"], differs)),
                      None))
    return cells


def sec_headline(runs, ctx):
    """The headline figures of summary.json."""
    cells = []
    for r in runs:
        s = r.summary
        d, lat, sy = s.get("demands") or {}, s.get("latency_ms") or {}, s.get("sync") or {}
        rows = []
        created = d.get("created")
        for key, label in (("created", "demands created"),
                           ("completed_in_deadline", "completed in deadline"),
                           ("completed_late", "completed late"), ("failed", "failed"),
                           ("escalated", "escalated"), ("retried", "retried")):
            if key in d:
                share = (" (%.1f %%)" % (100.0 * d[key] / created)
                         if created and key not in ("created",) else "")
                rows.append([label, num(d[key]) + share])
        if d.get("failed_reasons"):
            rows.append(["failed, by reason", html.escape(", ".join(
                "%s: %s" % kv for kv in sorted(d["failed_reasons"].items())))])
        for tier in ("all",) + TIERS:
            t = lat.get(tier) or {}
            if t.get("count"):
                rows.append(["latency %s (ms): mean / p95 (count)" % tier, "%s / %s (%s)" % (
                    num(t.get("mean")), num(t.get("p95")), num(t.get("count")))])
        if sy.get("requests"):
            rows.append(["synchronizations", num(sy["requests"])])
            rows.append(["sync failure ratio", num(sy.get("failure_ratio"))])
            if sy.get("failures_by_reason"):
                rows.append(["sync failures, by reason", html.escape(", ".join(
                    "%s: %s" % kv for kv in sorted(sy["failures_by_reason"].items())))])
            rows.append(["sync latency, mean (ms)", num(sy.get("mean_latency_ms"))])
        for key, label in (("mean_aoi_ms", "age of information, mean (ms)"),
                           ("cloud_aoi_ms", "age of information in the cloud, mean (ms)")):
            if sy.get(key) is not None:
                rows.append([label, num(sy[key])])
        ho, mig = s.get("handovers") or {}, s.get("migrations") or {}
        if "detected" in ho:
            rows.append(["handovers detected", num(ho["detected"])])
            if ho.get("mean_window_ms") is not None:
                rows.append(["handover window, mean (ms)", num(ho["mean_window_ms"])])
        if "started" in mig:
            rows.append(["migrations started / completed / failed", "%s / %s / %s" % (
                num(mig.get("started")), num(mig.get("completed")), num(mig.get("failed")))])
            if mig.get("mean_downtime_ms") is not None:
                rows.append(["migration downtime, mean (ms)", num(mig["mean_downtime_ms"])])
        e = s.get("energy_j") or {}
        if e:
            rows.append(["energy drawn, total (J)", num(e.get("total"))])
            rows.append(["energy per terminal, mean (J)", num(e.get("mean_per_terminal"))])
            rows.append(["battery left, lowest fraction", num(e.get("battery_min_fraction"))])
        sig = (s.get("bytes_per_demand") or {}).get("signaling") or {}
        for layer in ("local", "edge", "cloud", "total"):
            if layer in sig:
                rows.append(["signaling per demand, %s (bytes)" % layer, num(sig[layer])])
        cells.append((table(rows, ["", r.summary.get("architecture", r.name)]), None))
    return cells


def demand_bins(r, t_end):
    """(bin edges, {tier: {outcome: counts}}, x label) or None without the data."""
    import numpy as np
    times = sorted(set().union(*[set(g["time_s"]) for (e, _), g in r.parts.items()
                                 if e == "demands"])) if r.timeline is not None else []
    if times:
        counts = {t: {} for t in TIERS}
        for var, _, _, _ in OUTCOMES:
            g = r.tl("demands", var).groupby(["id", "time_s"])["value"].sum()
            for tier in TIERS:
                c = g.loc[tier] if tier in g.index.get_level_values(0) else None
                counts[tier][var] = (np.zeros(len(times)) if c is None else
                                     c.reindex(times, fill_value=0).to_numpy(dtype=float))
        return np.array([0.0] + times), counts, "end of each interval of the timeline (s)"
    if r.demands is None:
        return None
    width = max(0.1, round(t_end / 60, 1))
    edges = np.arange(0, t_end + width, width)
    counts = {t: {} for t in TIERS}
    for tier in TIERS:
        for var, state, _, _ in OUTCOMES:
            sel = r.demands[(r.demands["tier"] == tier) & (r.demands["final_state"] == state)]
            counts[tier][var] = np.histogram(sel["created_s"], bins=edges)[0].astype(float)
    return edges, counts, "creation time of the demands (s), bins of %g s" % width


def sec_demands(runs, ctx):
    """Demands per interval by outcome, one panel per tier."""
    bins = [demand_bins(r, ctx["t_end"]) for r in runs]
    tiers = [t for t in TIERS if t != "peer" or any(
        b and b[1]["peer"][v].sum() for b in bins for v, _, _, _ in OUTCOMES)]
    ymax = {t: top([sum(b[1][t][v] for v, _, _, _ in OUTCOMES).max() for b in bins
                    if b and len(b[0]) > 1]) for t in tiers}
    cells = []
    for r, b in zip(runs, bins):
        if b is None:
            cells.append(no_data(NO_TIMELINE + "; no demands.csv either"))
            continue
        edges, counts, xlabel = b
        fig, axes = figure(len(tiers), 1.5 * len(tiers) + 0.6, sharex=True)
        series = {}
        for ax, tier in zip(axes, tiers):
            bottom = 0
            for var, _, label, color in OUTCOMES:
                c = counts[tier][var]
                ax.stairs(bottom + c, edges, baseline=bottom, fill=True, color=color,
                          label=label)
                bottom = bottom + c
                series["%s.%s" % (tier, var)] = len(c)
            total = {v: int(counts[tier][v].sum()) for v, _, _, _ in OUTCOMES}
            ax.set_ylabel(tier)
            ax.set_ylim(0, ymax[tier])
            ax.set_title("%s: %d in deadline, %d late, %d failed" % (
                tier, total["in_deadline"], total["late"], total["failed"]), fontsize=9, loc="left")
            time_axis(ax, ctx["t_end"], "")
        axes[0].legend(fontsize=8, loc="upper right")
        axes[-1].set_xlabel(xlabel)
        note = "" if r.timeline is not None else '<p class="note">%s; binned from demands.csv</p>' \
            % html.escape(NO_TIMELINE)
        cells.append((note + png(fig), {"series": series, "source": "timeline" if
                                        r.timeline is not None else "demands.csv"}))
    return cells


def completed(r):
    """The completed demands of a run (None without demands.csv)."""
    if r.demands is None:
        return None
    d = r.demands
    return d[(d["final_state"] != "failed") & d["latency_ms"].notna()]


def sec_latency(runs, ctx):
    """Distribution of the latency of the completed demands per executed tier."""
    import numpy as np
    done = [completed(r) for r in runs]
    lats = [x for d in done if d is not None for x in d["latency_ms"] if x > 0]
    deadlines = [v * 1e3 for r in runs for _, v in r.deadlines().values()]
    lo = min(lats + deadlines) / 1.5 if lats else 1
    hi = max(lats + deadlines) * 1.5 if lats else 10
    cells = []
    for r, d in zip(runs, done):
        if d is None:
            cells.append(no_data("no demands.csv"))
            continue
        if not len(d):
            cells.append(no_data("no completed demand"))
            continue
        fig, (ax,) = figure(1, 3.6)
        series, values = {}, {}
        for tier in TIERS:
            v = np.sort(d.loc[d["tier"] == tier, "latency_ms"].to_numpy(dtype=float))
            v = v[v > 0]
            if not len(v):
                continue
            ax.step(v, np.arange(1, len(v) + 1) / len(v), where="post", label="%s (%d)" % (
                tier, len(v)))
            series[tier] = len(v)
            values[tier] = {"p50_ms": float(np.percentile(v, 50)),
                            "p95_ms": float(np.percentile(v, 95))}
        classes = r.deadlines()
        for k in sorted(set(d["class"].dropna().astype(int)) & set(classes)):
            name, dl = classes[k]
            ax.axvline(dl * 1e3, color="#555", ls="--", lw=1)
            ax.text(dl * 1e3, 0.02, " %s deadline %g ms" % (name, dl * 1e3), rotation=90,
                    fontsize=8, va="bottom", color="#555")
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("latency (ms), completed demands, by the tier that ran them")
        ax.set_ylabel("fraction of demands")
        ax.grid(alpha=0.3, which="both")
        ax.legend(fontsize=8, loc="lower right")
        cells.append((png(fig), {"series": series, "percentiles": values}))
    return cells


def late_groups(r):
    """Late demands (with rest_ms) and their groups by tier and DT that ran them."""
    d = r.demands
    late = d[d["final_state"] == "completed_late"].copy()
    split = all(c in d.columns for c in ("ran_at", "queue_ms", "service_ms"))
    if split:
        late["ran_at"] = late["ran_at"].fillna("")
        late["rest_ms"] = late["latency_ms"] - late["queue_ms"].fillna(0) - late[
            "service_ms"].fillna(0)
    else:
        late["ran_at"] = ""
    groups = []
    for (tier, at), g in late.groupby(["tier", "ran_at"]):
        lat = g["latency_ms"].sum()
        kinds = g["class"].dropna().astype(int).map(r.class_name)
        groups.append({
            "classes": ", ".join(kinds.value_counts().index),
            "tier": tier, "ran_at": at, "where": r.where(at, tier), "count": len(g),
            "latency_ms": g["latency_ms"].mean(),
            "queue_ms": g["queue_ms"].mean() if split else None,
            "service_ms": g["service_ms"].mean() if split else None,
            "rest_ms": g["rest_ms"].mean() if split else None,
            "queue_share": g["queue_ms"].sum() / lat if split and lat > 0 else None,
            "first_s": g["created_s"].min(), "last_s": g["created_s"].max()})
    groups.sort(key=lambda x: (-x["count"], -x["latency_ms"]))
    return late, groups, split


def blockers(r, late, where):
    """What the core of DT `where` ran while its late demands waited for it.

    Each late demand waited from started_s - queue_ms to started_s; the
    demands that ran on the same DT during that window (started_s,
    service_ms) held its core. Returns [(class name, ms of the waits they
    covered, how many, their mean service ms)], largest first, and the ms
    of the waits no demand covered (twin updates, sample processing, or
    several cores), or None when demands.csv has no started_s."""
    d = r.demands
    if "started_s" not in d.columns or not len(late):
        return None
    ran = d[d["ran_at"].fillna("") == where].dropna(subset=["started_s", "service_ms"])
    covered, seen = {}, {}
    waited = 0.0
    for _, x in late[late["ran_at"] == where].dropna(subset=["started_s"]).iterrows():
        end = x["started_s"]
        start = end - (x["queue_ms"] or 0) / 1e3
        waited += end - start
        if end <= start:
            continue
        on = ran[(ran["started_s"] < end) & (ran["started_s"] + ran["service_ms"] / 1e3 > start)]
        for _, y in on.iterrows():
            if y["terminal"] == x["terminal"] and y["id"] == x["id"]:
                continue
            overlap = min(end, y["started_s"] + y["service_ms"] / 1e3) - max(start, y["started_s"])
            name = r.class_name(y["class"])
            covered[name] = covered.get(name, 0.0) + overlap
            seen.setdefault(name, {})[(y["terminal"], y["id"])] = y["service_ms"]
    rows = sorted(((n, 1e3 * t, len(seen[n]), sum(seen[n].values()) / len(seen[n]))
                   for n, t in covered.items()), key=lambda v: -v[1])
    # With several cores, a wait is covered by up to that many jobs at once.
    cores = r.tl(r.kind.get(where, ""), "cores")
    cores = cores[cores["id"] == where]["value"]
    cores = int(cores.max()) if len(cores) else 1
    core_ms = 1e3 * waited * cores
    return rows, max(0.0, core_ms - sum(v[1] for v in rows)), core_ms, cores


def late_sentence(groups, total, split, behind=None):
    """Where most late demands ran and what their latency went to."""
    g = groups[0]
    who = ("All %d late demands" % total if g["count"] == total else
           "%d of %d late demands" % (g["count"], total))
    if g.get("classes"):
        who += " (%s)" % g["classes"]
    when = "created between %.1f s and %.1f s" % (g["first_s"], g["last_s"])
    if g["count"] == 1:
        who, when = "The only late demand" if total == 1 else who.replace(
            "demands", "demand"), "created at %.1f s" % g["first_s"]
    if not split:
        return "%s ran at the %s tier (%.0f ms on average), %s; demands.csv does not split " \
            "their latency (no ran_at, queue_ms, service_ms)." % (
                who, g["tier"], g["latency_ms"], when)
    share = lambda v: 100.0 * v / g["latency_ms"] if g["latency_ms"] else 0.0  # noqa: E731
    parts = {"queue": g["queue_ms"] or 0, "service": g["service_ms"] or 0,
             "rest": g["rest_ms"] or 0}
    cause = max(parts, key=parts.get)
    plural = g["count"] > 1
    if cause == "queue":
        what = "%s waited %.0f ms%s for a core (%.0f %% of %s latency)" % (
            "they" if plural else "it", parts["queue"], " on average" if plural else "",
            share(parts["queue"]), "their" if plural else "its")
    elif cause == "service":
        what = "%s on its core took %.0f ms%s (%.0f %% of %s latency)" % (
            "their service" if plural else "its service", parts["service"],
            " on average" if plural else "", share(parts["service"]),
            "their" if plural else "its")
    else:
        what = "%.0f ms%s (%.0f %% of %s latency) went to the network and the way to and " \
            "from the processor, not to its core" % (
                parts["rest"], " on average" if plural else "", share(parts["rest"]),
                "their" if plural else "its")
    text = "%s ran at %s; %s, %s." % (who, g["where"], what, when)
    if cause == "queue" and behind and behind[0] and behind[2] > 0:
        rows, _, core_ms, cores = behind
        n, t, count, service = rows[0]
        text += " Meanwhile its %s ran %s demands for %.0f %% of that wait (%d of them, " \
            "%.0f ms each on average)." % ("core" if cores == 1 else "%d cores" % cores, n,
                                           100 * t / core_ms, count, service)
    others = groups[1:4]
    if others:
        text += " The others: %s%s." % (", ".join("%d at %s" % (o["count"], o["where"])
                                                 for o in others),
                                        ", ..." if len(groups) > 4 else "")
    return text


def server_queues(r, dts):
    """Queue length over time of DTs (edge, cloud or terminal): {label: (t, v)}."""
    out = {}
    for dt in dts:
        kind = r.kind.get(dt)
        if not kind:
            continue
        g = r.tl(kind, "queue")
        g = g[g["id"] == dt].sort_values("time_s")
        if len(g):
            out["queue %s %s" % (kind, dt)] = (g["time_s"].to_numpy(), g["value"].to_numpy())
    return out


def sec_late(runs, ctx):
    """Where the late demands ran and what their latency went to; the queues there."""
    prep = []
    for r in runs:
        if r.demands is None:
            prep.append(None)
            continue
        late, groups, split = late_groups(r)
        hot = [str(g["ran_at"]) for g in groups if g["ran_at"] != ""]
        dts = hot if hot else r.ids("edge") + r.ids("cloud")
        prep.append((late, groups, split, server_queues(r, dts) if r.timeline is not None else {}))
    lat_max = top([p[0]["latency_ms"].max() for p in prep if p and len(p[0])], floor=10)
    q_max = top([v.max() for p in prep if p for _, v in p[3].values()])
    cells = []
    for r, p in zip(runs, prep):
        if p is None:
            cells.append(no_data("no demands.csv"))
            continue
        late, groups, split, queues = p
        text = []
        if len(late):
            behind = blockers(r, late, str(groups[0]["ran_at"])) if split else None
            sentence = late_sentence(groups, len(late), split, behind)
            text.append("<p>%s</p>" % html.escape(sentence))
            pct = lambda v: "–" if v is None else "%.0f %%" % (100 * v)  # noqa: E731
            text.append(table([[g["tier"], html.escape(g["where"]), num(g["count"]),
                                num(g["latency_ms"]), num(g["queue_ms"]), num(g["service_ms"]),
                                num(g["rest_ms"]), pct(g["queue_share"]),
                                "%.2f" % g["first_s"], "%.2f" % g["last_s"]] for g in groups],
                              ["tier", "ran at", "late", "latency (ms)", "queue wait (ms)",
                               "service (ms)", "rest (ms)", "share queueing",
                               "first created (s)", "last created (s)"]))
        else:
            sentence = "no late demand"
            text.append("<p>no late demand</p>")
        if r.timeline is None:
            text.append('<p class="note">%s</p>' % html.escape(NO_TIMELINE))
        fig, (ax, axq) = figure(2, 4.8, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
        series = {}
        if len(late):
            w = ctx["t_end"] / 250
            x = late["created_s"].to_numpy()
            if split:
                bottom = 0
                for col, label, color in (("queue_ms", "queue wait", "#d03030"),
                                          ("service_ms", "service", "#3060c0"),
                                          ("rest_ms", "network and rest", "#999999")):
                    v = late[col].fillna(0).clip(lower=0).to_numpy()
                    ax.bar(x, v, width=w, bottom=bottom, color=color, label=label)
                    bottom = bottom + v
            else:
                ax.bar(x, late["latency_ms"], width=w, color="#999999", label="latency")
            series["late demands"] = len(late)
            ax.legend(fontsize=8, loc="upper left")
        else:
            ax.text(0.5, 0.5, "no late demand", transform=ax.transAxes, ha="center")
        ax.set_ylim(0, lat_max)
        ax.set_ylabel("late demands:\nlatency (ms)")
        time_axis(ax, ctx["t_end"], "")
        for label, (t, v) in queues.items():
            axq.step(t, v, where="post", label=label[6:])
            series[label] = len(t)
        if len(late):
            axq.axvspan(late["created_s"].min(), late["created_s"].max(), color="#f0a030",
                        alpha=0.15, lw=0)
        if queues:
            axq.legend(fontsize=8, loc="upper left")
        else:
            axq.text(0.5, 0.5, NO_TIMELINE if r.timeline is None else "no queue samples",
                     transform=axq.transAxes, ha="center", fontsize=8)
        axq.set_ylim(0, q_max)
        axq.set_ylabel("jobs waiting\nfor a core")
        time_axis(axq, ctx["t_end"], "time (s): creation of the late demands above, queue of "
                  "the DTs that ran them below" if len(late) else "time (s): queue of the edge "
                  "and cloud DTs")
        cells.append(("".join(text) + png(fig), {
            "series": series, "late": int(len(late)), "sentence": sentence,
            "groups": [{k: (None if isinstance(v, float) and math.isnan(v) else v)
                        for k, v in g.items()} for g in groups[:10]]}))
    return cells


def terminal_ids(r):
    """DT ids of the terminals of a run, from the timeline and the CSVs."""
    ids = set(r.ids("terminal"))
    for t in (r.demands, r.syncs, r.handovers, r.migrations):
        if t is not None and "terminal" in t.columns:
            ids.update(_dt(x) for x in t["terminal"].dropna())
    return sorted(ids, key=_id_key)


def sec_terminals(runs, ctx):
    """One lane per terminal: serving edge, handovers, migrations, failures."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    edges = sorted({str(int(v)) for r in runs for v in r.tl("terminal", "serving_edge")["value"]
                    if v >= 0}, key=_id_key)
    # Not the orange, red and purple of the events drawn over them.
    palette = [plt.get_cmap("tab10")(i) for i in (0, 2, 5, 6, 8, 9)]
    color = {e: palette[i % len(palette)] for i, e in enumerate(edges)}
    color["-1"] = "#e4e4e4"
    lanes_max = min(MAX_LANES, max(len(terminal_ids(r)) for r in runs) or 1)
    cells = []
    for r in runs:
        ids = terminal_ids(r)
        if not ids:
            cells.append(no_data("no terminal in this run's outputs"))
            continue
        shown = ids[:MAX_LANES]
        lane = {t: i for i, t in enumerate(shown)}
        fig, (ax,) = figure(1, 1.6 + 0.28 * lanes_max, layout=None)
        series = {}
        se = r.tl("terminal", "serving_edge")
        series["serving_edge"] = len(se)
        for t, g in se.groupby("id"):
            if t not in lane:
                continue
            g = g.sort_values("time_s")
            times = [0.0] + list(g["time_s"])
            vals = [str(int(v)) for v in g["value"]]
            start = 0
            for i in range(1, len(vals) + 1):  # run lengths of the same serving edge
                if i == len(vals) or vals[i] != vals[start]:
                    ax.broken_barh([(times[start], times[i] - times[start])],
                                   (lane[t] - 0.3, 0.6), color=color.get(vals[start], "#888"),
                                   alpha=0.45, lw=0)
                    start = i

        def marks(t, y, marker, c, size, key, dy=0.0):
            keep = [(a, lane[_dt(b)]) for a, b in zip(t, y) if _dt(b) in lane]
            series[key] = len(keep)
            if keep:
                ax.scatter([a for a, _ in keep], [b + dy for _, b in keep], marker=marker,
                           c=[c], s=size, zorder=3, linewidths=1.5 if marker in "x|" else 0.6,
                           edgecolors=None if marker in "x|" else "k")

        ho = r.tl("terminal", "handover")
        if r.timeline is None and r.handovers is not None:
            marks(r.handovers["time_s"], r.handovers["terminal"], "|", "k", 120, "handovers")
        else:
            marks(ho["time_s"], ho["id"], "|", "k", 120, "handovers")
        series["migrations"] = 0
        if r.migrations is not None and len(r.migrations):
            m = r.migrations
            for _, row in m.iterrows():
                t = _dt(row["terminal"])
                if t not in lane or math.isnan(row["start_s"]):
                    continue
                end = row["end_s"] if not math.isnan(row["end_s"]) else row["start_s"]
                ok = str(row.get("status", "completed")) == "completed"
                ax.broken_barh([(row["start_s"], max(end - row["start_s"], ctx["t_end"] / 400))],
                               (lane[t] + 0.12, 0.26), color="#7030a0" if ok else "#d03030",
                               zorder=2)
                if len(m) <= 40 and not math.isnan(row["downtime_ms"]):
                    ax.text(end, lane[t] + 0.3, " %.3g ms" % row["downtime_ms"], fontsize=7,
                            va="bottom")
                series["migrations"] += 1
        if r.syncs is not None and len(r.syncs):
            bad = r.syncs[r.syncs["outcome"] != "ok"]
            marks(bad["end_s"], bad["terminal"], "x", "#c00000", 14, "sync failures", -0.2)
        if r.demands is not None and len(r.demands):
            d = r.demands
            late, failed = d[d["final_state"] == "completed_late"], d[d["final_state"] == "failed"]
            marks(late["created_s"], late["terminal"], "v", "#f0a030", 22, "late demands", 0.2)
            marks(failed["created_s"], failed["terminal"], "X", "#d03030", 26, "failed demands",
                  0.2)
        ax.set_yticks(range(len(shown)))
        ax.set_yticklabels(shown, fontsize=7 if len(shown) > 20 else 8)
        ax.set_ylim(lanes_max - 0.5, -0.5)
        ax.set_ylabel("terminal")
        time_axis(ax, ctx["t_end"])
        handles = [Patch(color=color[e], alpha=0.45, label="served by edge %s" % e) for e in edges
                   if e in set(str(int(v)) for v in se["value"])]
        handles += [Patch(color=color["-1"], label="no serving edge"),
                    Line2D([], [], marker="|", color="k", ls="", ms=10, label="handover"),
                    Patch(color="#7030a0", label="migration (downtime)"),
                    Patch(color="#d03030", label="migration failed"),
                    Line2D([], [], marker="x", color="#c00000", ls="", label="sync failed"),
                    Line2D([], [], marker="v", color="#f0a030", mec="k", mew=0.6, ls="",
                           label="late demand"),
                    Line2D([], [], marker="X", color="#d03030", mec="k", mew=0.6, ls="",
                           label="failed demand")]
        height = fig.get_figheight()
        fig.subplots_adjust(bottom=1.3 / height, top=1 - 0.1 / height)
        fig.legend(handles=handles, fontsize=8, ncol=4, loc="lower center",
                   bbox_to_anchor=(0.5, 0.0))
        notes = []
        if r.timeline is None:
            notes.append(NO_TIMELINE + ": serving edges not shown")
        if len(ids) > len(shown):
            notes.append("%d of %d terminals shown" % (len(shown), len(ids)))
        cells.append(("".join('<p class="note">%s</p>' % html.escape(n) for n in notes)
                      + png(fig), {"series": series, "terminals": len(ids)}))
    return cells


def sec_aoi(runs, ctx):
    """Age of information of every twin over time, and its mean."""
    data = [r.tl("terminal", "aoi_s") for r in runs]
    y = top([d["value"].max() for d in data if len(d)], floor=0.01)
    cells = []
    for r, d in zip(runs, data):
        if r.timeline is None:
            cells.append(no_data(NO_TIMELINE))
            continue
        if not len(d):
            cells.append(no_data("no age of information: no twin had any state"))
            continue
        fig, (ax,) = figure(1, 3.4)
        series = {}
        for t, g in d.groupby("id"):
            g = g.sort_values("time_s")
            ax.plot(g["time_s"], g["value"], lw=0.7, alpha=0.5)
            series["terminal %s" % t] = len(g)
        mean = d.groupby("time_s")["value"].mean()
        ax.plot(mean.index, mean.to_numpy(), color="k", lw=2, label="mean over the twins")
        series["mean"] = len(mean)
        ax.set_ylim(0, y)
        ax.set_ylabel("age of information (s)")
        ax.legend(fontsize=8, loc="upper right", title="one thin line per twin (%d)" % (
            len(series) - 1), title_fontsize=8)
        time_axis(ax, ctx["t_end"])
        cells.append((png(fig), {"series": series, "mean_s": float(d["value"].mean())}))
    return cells


def sec_load(runs, ctx):
    """Queue, busy cores and twins hosted of the edge DTs and the cloud DT."""
    panels = (("queue", "jobs waiting\nfor a core"), ("busy_cores", "busy cores"),
              ("agents", "twins hosted"))
    ymax = {}
    for var, _ in panels:
        vals = [r.tl(k, v)["value"].max() for r in runs for k in ("edge", "cloud")
                for v in ((var, "cores") if var == "busy_cores" else (var,))
                if len(r.tl(k, v))]
        ymax[var] = top(vals)
    cells = []
    for r in runs:
        if r.timeline is None:
            cells.append(no_data(NO_TIMELINE))
            continue
        servers = [("edge", e) for e in r.ids("edge")] + [("cloud", c) for c in r.ids("cloud")]
        if not servers:
            cells.append(no_data("no edge or cloud DT in the timeline"))
            continue
        fig, axes = figure(3, 6.0, sharex=True)
        series = {}
        for ax, (var, label) in zip(axes, panels):
            for i, (kind, dt) in enumerate(servers):
                g = r.tl(kind, var)
                g = g[g["id"] == dt].sort_values("time_s")
                line = ax.step(g["time_s"], g["value"], where="post", label="%s %s" % (kind, dt))
                series["%s %s %s" % (var, kind, dt)] = len(g)
                if var == "busy_cores":
                    c = r.tl(kind, "cores")
                    c = c[c["id"] == dt].sort_values("time_s")
                    ax.step(c["time_s"], c["value"], where="post", ls="--", lw=0.8,
                            color=line[0].get_color())
            ax.set_ylim(0, ymax[var])
            ax.set_ylabel(label)
            time_axis(ax, ctx["t_end"], "")
        axes[0].legend(fontsize=8, loc="upper right", ncol=min(4, len(servers)))
        axes[1].text(0.005, 0.95, "dashed: cores", transform=axes[1].transAxes, fontsize=8,
                     va="top")
        axes[-1].set_xlabel("time (s)")
        cells.append((png(fig), {"series": series}))
    return cells


def sec_energy(runs, ctx):
    """Energy drawn by each terminal and its battery over time."""
    energy = [r.tl("terminal", "energy_j") for r in runs]
    battery = [r.tl("terminal", "battery") for r in runs]
    e_max = top([d["value"].max() for d in energy if len(d)], floor=1e-3)
    b_min = min([d["value"].min() for d in battery if len(d)] or [0])
    cells = []
    for r, e, b in zip(runs, energy, battery):
        if r.timeline is None:
            cells.append(no_data(NO_TIMELINE))
            continue
        if not len(e):
            cells.append(no_data("no battery on the terminals"))
            continue
        final = e.sort_values("time_s").groupby("id")["value"].last()
        final = final.reindex(sorted(final.index, key=_id_key))
        fig, (ax, axb) = figure(2, 5.2)
        ax.bar(range(len(final)), final.to_numpy(), color="#3060c0")
        ax.set_xticks(range(len(final)))
        ax.set_xticklabels(final.index, rotation=90 if len(final) > 16 else 0,
                           fontsize=7 if len(final) > 20 else 8)
        ax.set_xlim(-0.6, max(len(final), 10) - 0.4)
        ax.set_ylim(0, e_max)
        ax.set_ylabel("energy drawn (J)")
        ax.set_xlabel("terminal")
        ax.grid(alpha=0.3, axis="y")
        for t, g in b.groupby("id"):
            g = g.sort_values("time_s")
            axb.plot(g["time_s"], g["value"], lw=0.8)
        span = max(1 - b_min, 1e-6)
        axb.set_ylim(1 - span * 1.1, 1 + span * 0.05)
        axb.set_ylabel("battery left (fraction)")
        axb.ticklabel_format(axis="y", useOffset=False)
        time_axis(axb, ctx["t_end"])
        cells.append((png(fig), {"series": {"energy_j": len(final), "battery": len(b)},
                                 "total_j": float(final.sum()),
                                 "battery_min": float(b["value"].min()) if len(b) else None}))
    return cells


BUILDERS = {"config": sec_config, "headline": sec_headline, "demands-over-time": sec_demands,
            "latency-cdf": sec_latency, "late-demands": sec_late, "terminals": sec_terminals,
            "aoi": sec_aoi, "load": sec_load, "energy": sec_energy}
WHAT = {
    "demands-over-time": "Demands per interval by outcome, one panel per executed tier "
                         "(from timeline.csv; without it, demands.csv by creation time).",
    "latency-cdf": "Empirical distribution of the latency of the completed demands by the "
                   "tier that ran them; dashed: deadlines of the demand classes.",
    "late-demands": "Late demands split into the wait for a core where they ran, the service "
                    "on it, and the rest (network, forwarding); below, the queue of those DTs "
                    "(shaded: when the late demands were created).",
    "terminals": "One lane per terminal: its serving edge, handovers, migrations (with their "
                 "downtime), failed synchronizations, late and failed demands.",
    "aoi": "Age of the freshest state of every twin where it is synchronized.",
    "load": "Jobs waiting for a core, busy cores (dashed: cores) and twins hosted, for every "
            "edge DT and the cloud DT.",
    "energy": "Energy drawn from each terminal's battery by the end of the run, and the "
              "battery left over time.",
}


def build_report(run_dirs, out_path):
    """Write the report of the runs in run_dirs to out_path; return its absolute path.

    Raises ValueError if a folder holds no run."""
    import matplotlib
    matplotlib.use("Agg")
    runs = load_runs(run_dirs)
    ctx = {"t_end": max(r.end() for r in runs) or 1.0}
    title = "multilayer-dt report: " + ", ".join(r.name for r in runs)
    body = ["<h1>%s</h1>" % html.escape(title),
            "<p>%s</p>" % "<br>".join("<b>%s</b>: %s" % (html.escape(r.name), html.escape(
                os.path.abspath(r.folder))) for r in runs),
            "<nav>%s</nav>" % "".join('<a href="#%s">%s</a>' % s for s in SECTIONS)]
    grid = "grid-template-columns:repeat(%d,minmax(0,1fr))" % len(runs)
    for sid, heading in SECTIONS:
        cells = BUILDERS[sid](runs, ctx)
        body.append('<section id="%s"><h2>%s</h2>' % (sid, html.escape(heading)))
        if sid in WHAT:
            body.append('<p class="what">%s</p>' % html.escape(WHAT[sid]))
        body.append('<div class="runs" style="%s">' % grid)
        for r, (content, data) in zip(runs, cells):
            body.append('<div class="run" data-run="%s"><h3>%s</h3>%s' % (
                html.escape(r.name), html.escape(r.name), content))
            if data is not None:
                text = json.dumps(data, default=_json_default).replace("</", "<\\/")
                body.append('<script type="application/json" class="figure-data" '
                            'data-section="%s" data-run="%s">%s</script>' % (
                                sid, html.escape(r.name), text))
            body.append("</div>")
        body.append("</div></section>")
    page = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            "<title>%s</title><style>%s</style></head><body style=\"min-width:%dpx\">\n%s\n"
            "</body></html>\n" % (html.escape(title), CSS, 460 * len(runs), "\n".join(body)))
    out_path = os.path.abspath(out_path)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(page)
    return out_path


def _json_default(v):
    """numpy numbers in the figure data."""
    if hasattr(v, "item"):
        return v.item()
    raise TypeError(type(v))


def main():
    p = argparse.ArgumentParser(description="One self-contained HTML page of one or more runs "
                                            "of the multilayer-dt examples.")
    p.add_argument("run_dirs", nargs="+", metavar="RUN_DIR",
                   help="a run's folder (with summary.json), or a folder of runs")
    p.add_argument("-o", "--output", metavar="OUT.html",
                   help="the page (default: report.html in the first RUN_DIR)")
    a = p.parse_args()
    try:
        for d in a.run_dirs:
            find_runs(d)
    except ValueError as e:
        print("report: %s" % e, file=sys.stderr)
        return 2
    if not importlib.util.find_spec("matplotlib") or not importlib.util.find_spec("pandas"):
        print("report: matplotlib or pandas missing (./mldt setup installs them)",
              file=sys.stderr)
        return 1
    out = a.output or os.path.join(a.run_dirs[0], "report.html")
    print("report: %s" % build_report(a.run_dirs, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
