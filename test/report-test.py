#!/usr/bin/env python3
# Copyright (c) 2026 multilayer-dt authors
# SPDX-License-Identifier: GPL-2.0-only
"""Tests of the run report (tools/report.py) on short S1 and S2 runs.

    report-test.py REPORT_PY S1_BINARY S2_BINARY OUTPUT_DIR

S1 (both architectures, --report --netanim) and S2 (--report) write their
report and print its path. In each report: every section, in order; for every
run, the figures of its time series carry data (at least one series with
points; the latency distribution where demands completed, the energy where
the terminals have a battery, the queue panel of the late demands); every
image is a PNG that is not blank; nothing is loaded from the network. The
timeline of the S1 multi-layer run samples every edge and every terminal at
every sampling time, and its demand counts add up to summary.json's. The
NetAnim trace of S1 names the role of every DT node: one cloud, the edges,
as many terminals as the run has. report.py names a folder that holds no
run and exits 2. With Chromium installed, a screenshot of each page is not
blank. Exits 77 (skipped) if matplotlib cannot be imported.
"""

import base64
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.image as mpimg
except ImportError:
    print("matplotlib not importable: report test skipped")
    sys.exit(77)

if len(sys.argv) != 5:
    sys.exit("usage: report-test.py REPORT_PY S1_BINARY S2_BINARY OUTPUT_DIR")
report_py, s1_bin, s2_bin, out = [os.path.abspath(a) for a in sys.argv[1:5]]
SECTIONS = ["config", "headline", "demands-over-time", "latency-cdf", "late-demands",
            "terminals", "aoi", "load", "energy"]
TIMELINE_HEADER = ["time_s", "entity", "id", "variable", "value"]
PNG = b"\x89PNG\r\n\x1a\n"
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)
    return cond


def run(cmd, timeout=900):
    """Run a command in its own process group; (return code, stdout, stderr)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         cwd=out, start_new_session=True)
    try:
        so, se = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        so, se = p.communicate()
        return None, so, se
    return p.returncode, so, se


def run_folders(folder):
    """The runs a folder stands for, as report.py finds them: {name: folder}."""
    if os.path.isfile(os.path.join(folder, "summary.json")):
        return {os.path.basename(folder): folder}
    return {d: os.path.join(folder, d) for d in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, d, "summary.json"))}


def summary(folder):
    with open(os.path.join(folder, "summary.json")) as f:
        return json.load(f)


class Page(HTMLParser):
    """Sections, figure data, images and external references of a report."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections, self.data, self.images, self.external = [], [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "img":
            self.images.append(a.get("src") or "")
        for k, v in attrs:
            if k in ("src", "href") and v and re.search(r"https?://", v, re.I):
                self.external.append("<%s %s=%s>" % (tag, k, v[:80]))
        if tag == "script" and "figure-data" in (a.get("class") or "").split():
            self._script = [a.get("data-section"), a.get("data-run"), ""]

    def handle_data(self, data):
        if self._script is not None:
            self._script[2] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.data.append(tuple(self._script))
            self._script = None


def not_blank(image, what):
    """The image (float array) has contrast, and is not all white."""
    std = float(image.std())
    white = bool((image[..., :3] > 0.98).all()) if image.ndim == 3 else bool((image > 0.98).all())
    return check(std > 0.01 and not white, "%s is not blank (pixel std %.3f)" % (what, std))


def check_report(stdout, folder, name):
    """The report a run printed the path of, for the runs of folder."""
    paths = [line[len("report: "):].strip() for line in stdout.splitlines()
             if line.startswith("report: ")]
    if not check(paths, "%s printed 'report: PATH'" % name):
        return None
    path = paths[-1]
    expected = os.path.join(folder, "report.html")
    check(os.path.isfile(path) and os.path.samefile(path, expected),
          "%s report is %s (printed: %s)" % (name, expected, path))
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print("%s report: %s, %.0f KB" % (name, path, len(text) / 1024))
    page = Page()
    page.feed(text)
    check(page.sections == SECTIONS, "%s report: sections %s in order (found %s)"
          % (name, ", ".join(SECTIONS), page.sections))
    check(not page.external and "url(http" not in text,
          "%s report loads nothing from the network %s" % (name, page.external[:3]))
    check(len(text) < 8e6, "%s report is below 8 MB (%.1f MB)" % (name, len(text) / 1e6))
    data = {}
    for section, run_name, js in page.data:
        try:
            data[(section, run_name)] = json.loads(js)
        except ValueError as e:
            check(False, "%s report: figure data of %s/%s is JSON: %s"
                  % (name, section, run_name, e))
    runs = run_folders(folder)
    check(runs and {r for _, r in data} == set(runs),
          "%s report shows the runs %s (figure data of: %s)"
          % (name, sorted(runs), sorted({r for _, r in data})))
    for run_name, run_dir in runs.items():
        s = summary(run_dir)
        d = s.get("demands") or {}
        sync = s.get("sync") or {}
        needed = ["demands-over-time", "late-demands", "terminals", "load"]
        if d.get("completed_in_deadline", 0) + d.get("completed_late", 0) > 0:
            needed.append("latency-cdf")
        if sync.get("mean_aoi_ms") is not None or sync.get("cloud_aoi_ms") is not None:
            needed.append("aoi")  # the run's twins had a state
        if (s.get("energy_j") or {}).get("terminals"):
            needed.append("energy")
        for section in needed:
            fd = data.get((section, run_name))
            if not check(fd is not None, "%s report: %s/%s has figure data"
                         % (name, section, run_name)):
                continue
            series = fd.get("series") or {}
            if section == "late-demands":  # the queue panel
                series = {k: v for k, v in series.items() if k.startswith("queue")}
            if section == "terminals":  # the serving edges of the timeline
                series = {k: v for k, v in series.items() if k == "serving_edge"}
            check(any(n > 0 for n in series.values()),
                  "%s report: %s/%s has a series with points: %s"
                  % (name, section, run_name, json.dumps(series)[:120]))
        # Why the late demands were late: all of them, where they ran and
        # what held them, from the run's own demands.csv.
        fd = data.get(("late-demands", run_name)) or {}
        late = d.get("completed_late", 0)
        check(fd.get("late") == late, "%s report: %s: %s late demands shown, summary.json has %d"
              % (name, run_name, fd.get("late"), late))
        groups = fd.get("groups") or []
        if late:
            where = groups[0].get("where", "") if groups else ""
            check(sum(g.get("count", 0) for g in groups) == late and
                  ("ran at %s" % where) in fd.get("sentence", "") and
                  re.search(r"waited|service|network", fd.get("sentence", "")),
                  "%s report: %s: the late demands' groups add up to %d and the sentence names "
                  "where most ran and what their latency went to: %r"
                  % (name, run_name, late, fd.get("sentence")))
    plotted = sum(1 for fd in data.values() if fd.get("series"))
    check(plotted and len(page.images) >= plotted, "%s report: %d images for %d figures with "
          "data" % (name, len(page.images), plotted))
    bad = []
    for i, src in enumerate(page.images):
        m = re.fullmatch(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)", src)
        raw = base64.b64decode(m.group(1)) if m else b""
        if not raw.startswith(PNG):
            bad.append("image %d is not an embedded PNG" % i)
            continue
        img = mpimg.imread(io.BytesIO(raw), format="png")
        if not img.std() > 0.01:
            bad.append("image %d is blank (std %.4f)" % (i, img.std()))
    check(not bad, "%s report: every image is an embedded PNG that is not blank %s"
          % (name, bad[:3]))
    return path


def check_timeline(run_dir):
    """Samples of every edge and terminal; demand counts conserved."""
    path = os.path.join(run_dir, "timeline.csv")
    if not check(os.path.isfile(path), "%s exists" % path):
        return
    s = summary(run_dir)
    cfg = s.get("config") or {}
    with open(path, newline="") as f:
        r = csv.reader(f)
        header = next(r, [])
        rows = list(r)
    check(header == TIMELINE_HEADER, "timeline.csv header is %s (found %s)"
          % (",".join(TIMELINE_HEADER), ",".join(header)))
    samples = {row[0] for row in rows if row[1] == "demands"}
    check(len(samples) > 1, "timeline.csv has %d sampling times" % len(samples))
    for entity, variable, key in (("edge", "queue", "Edges"), ("terminal", "serving_edge",
                                                               "Terminals")):
        times = {}
        for row in rows:
            if row[1] == entity and row[3] == variable:
                times.setdefault(row[2], set()).add(row[0])
        check(len(times) == int(cfg.get(key, -1)), "timeline.csv: %d %s ids with %s samples, "
              "config %s=%s" % (len(times), entity, variable, key, cfg.get(key)))
        missing = {i: len(samples - t) for i, t in times.items() if samples - t}
        check(not missing, "timeline.csv: every %s sampled at every sampling time "
              "(missing samples: %s)" % (entity, missing))
    sums = {}
    for row in rows:
        if row[1] == "demands":
            sums[row[3]] = sums.get(row[3], 0) + float(row[4])
    d = s.get("demands") or {}
    for variable, key in (("created", "created"), ("in_deadline", "completed_in_deadline"),
                          ("late", "completed_late"), ("failed", "failed")):
        check(sums.get(variable, 0) == d.get(key), "timeline.csv: demands %s summed over "
              "time and tiers %g = summary.json demands.%s %s"
              % (variable, sums.get(variable, 0), key, d.get(key)))


def role(descr):
    """cloud, edge or terminal: the first of these words in a node description."""
    found = [(descr.lower().find(w), w) for w in ("cloud", "edge", "terminal")]
    found = [x for x in found if x[0] >= 0]
    return min(found)[1] if found else None


def check_netanim(folder):
    """Every NetAnim trace under folder describes its DT nodes by role."""
    traces = []
    for d, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".xml"):
                try:
                    root = ET.parse(os.path.join(d, f)).getroot()
                except ET.ParseError as e:
                    check(False, "%s parses as XML: %s" % (os.path.join(d, f), e))
                    continue
                if root.tag == "anim":
                    traces.append((os.path.join(d, f), root))
    if not check(traces, "a NetAnim trace (<anim> XML) under %s" % folder):
        return
    runs = run_folders(folder)
    for path, root in traces:
        run_dir = os.path.dirname(path)
        if not os.path.isfile(os.path.join(run_dir, "summary.json")):
            run_dir = next(iter(runs.values()))
        s = summary(run_dir)
        descr = {}  # node id -> its last description
        for el in root.iter():
            if (el.tag == "node" or (el.tag == "nu" and el.get("p") == "d")) and el.get("descr"):
                descr[el.get("id")] = el.get("descr")
        roles = {}
        for node, text in descr.items():
            roles.setdefault(role(text), []).append(node)
        n = {k: len(roles.get(k, [])) for k in ("cloud", "edge", "terminal")}
        terminals = int((s.get("config") or {}).get("Terminals", -1))
        check(n["cloud"] == 1 and n["edge"] >= 1 and n["terminal"] == terminals,
              "%s: 1 cloud, edges, %d terminals described (found %s; %d nodes, %d described)"
              % (path, terminals, n, len(root.findall("node")), len(descr)))


def screenshot(path):
    """A headless Chromium screenshot of the page is not blank."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium not installed: screenshot skipped")
        return
    shot = os.path.splitext(path)[0] + "-screenshot.png"
    if os.path.exists(shot):
        os.remove(shot)
    home = tempfile.mkdtemp(prefix="report-test-home-")
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--window-size=1400,2400", "--screenshot=" + shot, "file://" + path]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=dict(os.environ, HOME=home), start_new_session=True)
    try:
        p.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    shutil.rmtree(home, ignore_errors=True)
    if check(os.path.isfile(shot), "Chromium screenshot of %s written" % path):
        not_blank(mpimg.imread(shot), "the screenshot " + shot)


def same_results(a, b):
    """Two runs' summary.json (wall time aside) and CSVs are byte-identical."""
    differ = []
    for arch in sorted(run_folders(a)):
        for f in ("summary.json", "demands.csv", "sync.csv", "migrations.csv", "handovers.csv"):
            pa, pb = os.path.join(a, arch, f), os.path.join(b, arch, f)
            if f == "summary.json":
                ja, jb = summary(os.path.join(a, arch)), summary(os.path.join(b, arch))
                ja.pop("wall_time_s", None)
                jb.pop("wall_time_s", None)
                same = ja == jb
            else:
                with open(pa, "rb") as fa, open(pb, "rb") as fb:
                    same = fa.read() == fb.read()
            if not same:
                differ.append("%s/%s" % (arch, f))
    check(run_folders(a) and not differ, "S1 with --report --netanim has the results of S1 "
          "without them (differ: %s)" % differ)


os.makedirs(out, exist_ok=True)
for sub in ("s1", "s1-plain", "s2", "empty"):
    shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
s1, s2 = os.path.join(out, "s1"), os.path.join(out, "s2")
reports = []
for name, cmd, folder in (
        ("S1", [s1_bin, "--simTime=3", "--outputDir=" + s1, "--report", "--netanim"], s1),
        ("S2", [s2_bin, "--users=6", "--simTime=4", "--outputDir=" + s2, "--report",
                "--netanim"], s2)):
    print("running " + " ".join(cmd))
    rc, so, se = run(cmd)
    if not check(rc == 0, "%s ran (exit %s)" % (name, rc)):
        print(so[-3000:], se[-3000:])
        continue
    path = check_report(so, folder, name)
    if path:
        reports.append(path)
    else:
        print(so[-3000:], se[-3000:])
check_timeline(os.path.join(s1, "multilayer"))
check_netanim(s1)
check_netanim(s2)  # LTE: the EPC's nodes have no mobility model of their own

# Observing changes nothing: the same S1 without the timeline and animation.
plain = os.path.join(out, "s1-plain")
rc, so, se = run([s1_bin, "--simTime=3", "--outputDir=" + plain])
if check(rc == 0, "S1 without --report ran (exit %s)" % rc):
    same_results(s1, plain)

# A folder that holds no run is named, exit 2.
empty = os.path.join(out, "empty")
os.makedirs(empty)
rc, so, se = run([sys.executable, report_py, empty], timeout=120)
check(rc == 2 and empty in se, "report.py on a folder without a run exits 2 naming it "
      "(exit %s: %s)" % (rc, se.strip()[-200:]))

for path in reports:
    screenshot(path)

if failures:
    print("report test FAILED, %d checks:" % len(failures))
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("report test passed")
