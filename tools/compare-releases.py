#!/usr/bin/env python3
"""Run S1 and S2 built against different ns-3 releases and compare their results.

    compare-releases.py [--runs=3] [--outputDir=DIR] LABEL=FOLDER LABEL=FOLDER ...

Each FOLDER holds the S1 and S2 example programs of one build (the standalone
build's examples/, or an in-tree build's build/contrib/multilayer-dt/examples/,
where they are named ns3.48-multilayer-dt-s1-debug and so on). Both scenarios
run with their defaults for RngRun 1..runs; S1 runs both architectures.

Printed and written to DIR: the headline figures of every build (mean over
the runs) side by side, and for every run whether its outputs are
byte-identical to the first build's (summary.json without the wall time,
demands.csv, sync.csv, migrations.csv). DIR/releases.csv has every figure of
every run, DIR/releases.rst the table for the documentation.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys

# (figure, path in summary.json)
FIGURES = [
    ('created', ('demands', 'created')),
    ('in deadline', ('demands', 'completed_in_deadline')),
    ('late', ('demands', 'completed_late')),
    ('failed', ('demands', 'failed')),
    ('latency mean ms', ('latency_ms', 'all', 'mean')),
    ('latency local ms', ('latency_ms', 'local', 'mean')),
    ('latency edge ms', ('latency_ms', 'edge', 'mean')),
    ('latency cloud ms', ('latency_ms', 'cloud', 'mean')),
    ('sync requests', ('sync', 'requests')),
    ('sync failure ratio', ('sync', 'failure_ratio')),
    ('mean AoI ms', ('sync', 'mean_aoi_ms')),
    ('handovers', ('handovers', 'detected')),
    ('migrations', ('migrations', 'completed')),
    ('migration downtime ms', ('migrations', 'mean_downtime_ms')),
    ('energy J/terminal', ('energy_j', 'mean_per_terminal')),
]
CASES = [('s1', 'centralized'), ('s1', 'multilayer'), ('s2', '')]
OUTPUTS = ['demands.csv', 'sync.csv', 'migrations.csv']


def find_program(folder, scenario):
    hits = [p for p in glob.glob(os.path.join(folder, '**', f'*multilayer-dt-{scenario}*'),
                                 recursive=True)
            if os.path.isfile(p) and os.access(p, os.X_OK) and not p.endswith(('.o', '.d'))]
    if not hits:
        sys.exit(f'error: no multilayer-dt-{scenario} program under {folder}')
    return sorted(hits, key=len)[0]


def lookup(summary, path):
    if path[0] == 'latency_ms' and path[-1] != 'count' and \
            lookup(summary, path[:2] + ('count',)) == 0:
        return None  # no demand ran there
    for key in path:
        if not isinstance(summary, dict) or key not in summary:
            return None
        summary = summary[key]
    return summary


def comparable(folder):
    """The run's outputs, wall times left out."""
    out = {}
    summary = json.load(open(os.path.join(folder, 'summary.json')))
    summary.pop('wall_time_s', None)
    out['summary.json'] = json.dumps(summary, sort_keys=True)
    for name in OUTPUTS:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            out[name] = open(path, 'rb').read()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('builds', nargs='+', metavar='LABEL=FOLDER')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--outputDir', default='output/releases')
    args = parser.parse_args()
    builds = []
    for item in args.builds:
        label, sep, folder = item.partition('=')
        if not sep or not os.path.isdir(folder):
            sys.exit(f'error: "{item}" is not LABEL=FOLDER with an existing FOLDER')
        builds.append((label, {s: find_program(folder, s) for s in ('s1', 's2')}))
    if args.runs < 1:
        sys.exit(f'error: --runs must be at least 1, got {args.runs}')
    out = os.path.abspath(args.outputDir)

    values = {}  # (label, scenario, arch, run) -> summary
    identical = {}  # (label, scenario, arch) -> [bool per run] against the first build
    for label, programs in builds:
        for scenario in ('s1', 's2'):
            for run in range(1, args.runs + 1):
                folder = os.path.join(out, label, f'{scenario}-run{run}')
                if not os.path.exists(os.path.join(folder, 'done')):
                    os.makedirs(folder, exist_ok=True)
                    print(f'{label}: {scenario} RngRun {run} ({programs[scenario]})', flush=True)
                    with open(os.path.join(folder, 'stdout.txt'), 'w') as log:
                        subprocess.run([programs[scenario], f'--RngRun={run}',
                                        f'--outputDir={folder}'], cwd=folder, stdout=log,
                                       stderr=subprocess.STDOUT, check=True)
                    open(os.path.join(folder, 'done'), 'w').close()
                for sc, arch in CASES:
                    if sc != scenario:
                        continue
                    run_dir = os.path.join(folder, arch) if arch else folder
                    values[(label, sc, arch, run)] = json.load(
                        open(os.path.join(run_dir, 'summary.json')))
                    first = os.path.join(out, builds[0][0], f'{scenario}-run{run}', arch)
                    identical.setdefault((label, sc, arch), []).append(
                        comparable(run_dir) == comparable(first))

    labels = [label for label, _ in builds]
    rows = []
    for sc, arch in CASES:
        case = f'{sc.upper()} {arch}'.strip()
        for name, path in FIGURES:
            means = []
            for label in labels:
                vals = [lookup(values[(label, sc, arch, r)], path)
                        for r in range(1, args.runs + 1)]
                vals = [v for v in vals if isinstance(v, (int, float))]
                means.append(sum(vals) / len(vals) if vals else None)
            if all(m is None for m in means):
                continue
            rows.append([case, name] + means)
        rows.append([case, f'runs identical to {labels[0]}'] +
                    [sum(identical[(label, sc, arch)]) for label in labels])

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'releases.csv'), 'w', newline='') as f:
        writer = csv.writer(f)
        writer.writerow(['label', 'scenario', 'architecture', 'run', 'figure', 'value'])
        for (label, sc, arch, run), summary in sorted(values.items()):
            for name, path in FIGURES:
                writer.writerow([label, sc, arch, run, name, lookup(summary, path)])

    def fmt(v):
        if v is None:
            return '-'
        if isinstance(v, float) and not v.is_integer():
            # ratios with four decimals, counts, times and energies with one
            return f'{v:.4f}' if abs(v) < 1 else f'{v:.1f}'
        return f'{int(v)}'

    header = ['case', 'figure (mean of %d runs)' % args.runs] + labels
    table = [header] + [[r[0], r[1]] + [fmt(v) for v in r[2:]] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ['  '.join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
             for row in table]
    print('\n'.join(lines))
    rule = '  '.join('=' * w for w in widths)
    with open(os.path.join(out, 'releases.rst'), 'w') as f:
        f.write('\n'.join([rule, lines[0], rule] + lines[1:] + [rule]) + '\n')
    print(f'outputs: {out}/releases.csv, releases.rst')
    differ = [label for label in labels[1:]
              if not all(all(v) for (l, _, _), v in identical.items() if l == label)]
    print('identical outputs: ' + ('all' if not differ else 'not for ' + ', '.join(differ)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
