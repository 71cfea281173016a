#!/usr/bin/env python3
"""A loaded LTE network with fast terminals and no fault: no edge is taken for failed.

The custom-network example (DTs on a network built with ns-3's own LTE
helpers) with 20 UEs at 30 m/s and 2 demands per second each: the cells
queue their uplinks, cloud demands take seconds and some DT datagrams go
unacknowledged through their retransmissions. Such an edge is slow, not
failed: the local DTs probe it with a join (counted), and no demand may fail
with node-failed and no terminal may fail over.

    false-failure-test.py EXAMPLE_BINARY OUTPUT_DIR
"""
import csv
import json
import subprocess
import sys
from pathlib import Path


def main():
    binary, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    cmd = [binary, "--ues=20", "--stations=0", "--speed=30", "--demandRate=2",
           "--simTime=12", "--outputDir=" + str(out)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("exit status %d: %s\n%s" % (run.returncode, " ".join(cmd), run.stderr))
    summary = json.loads((out / "summary.json").read_text())
    faults = summary["faults"]
    with open(out / "demands.csv") as f:
        demands = list(csv.DictReader(f))
    problems = []
    created = summary["demands"]["created"]
    if len(demands) != created or created < 100:
        problems.append("%d demand records for %d created" % (len(demands), created))
    if any(d["final_state"] not in ("completed_in_deadline", "completed_late", "failed")
           for d in demands):
        problems.append("a demand without a final state")
    if faults["edge_failures"] != 0:
        problems.append("edge failures: %d (none was configured)" % faults["edge_failures"])
    # The situation that used to be taken for a failure occurred ...
    if faults["edge_probes"] == 0:
        problems.append("no edge was probed: the run is not loaded enough to test anything")
    # ... and was not taken for one.
    node_failed = sum(d["reason"] == "node-failed" for d in demands)
    if node_failed:
        problems.append("%d demands failed with node-failed" % node_failed)
    if faults["failovers"]:
        problems.append("%d failovers" % faults["failovers"])
    print("demands %d, failed %d, edge probes %d, node-failed %d, failovers %d"
          % (created, sum(d["final_state"] == "failed" for d in demands),
             faults["edge_probes"], node_failed, faults["failovers"]))
    if problems:
        sys.exit("false-failure test FAILED: " + "; ".join(problems))
    print("false-failure test passed")


if __name__ == "__main__":
    main()
