#!/usr/bin/env bash
# memcheck.sh — a short run of the S1 case study under Valgrind's memcheck.
#
#   tools/memcheck.sh [--simTime=S] [-- EXAMPLE ARGS]     (or: ./mldt memcheck ...)
#
# Runs build/examples/multilayer-dt-s1 (built with ./mldt build only if it is
# missing) with --simTime=S (default 1.5) and otherwise default arguments
# under memcheck with full leak checking, then sorts what Valgrind found
# (tools/memcheck-report.py). Fails on any memory error and on definitely or
# indirectly lost blocks whose allocation stack passes through the module
# (libns3-multilayer-dt or the example); leaks entirely inside ns-3 or the
# C++ runtime are listed separately and do not fail the run.
# Outputs in output/memcheck/: memcheck.xml (Valgrind), report.txt, and the
# example's own files.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${MLDT_BUILD_DIR:-$ROOT/build}
OUT=${MLDT_OUTPUT_DIR:-$ROOT/output}/memcheck
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

say() { printf 'memcheck: %s\n' "$*"; }
die() { printf 'memcheck: error: %s\n' "$*" >&2; exit 1; }

sim_time=1.5
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --simTime=*) sim_time=${1#--simTime=} ;;
    --) shift; args+=("$@"); break ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (expected --simTime=S or -- EXAMPLE ARGS)" ;;
  esac
  shift
done

command -v valgrind >/dev/null 2>&1 || die "valgrind is not installed (./mldt memcheck installs it)"
exe=$BUILD_DIR/examples/multilayer-dt-s1
if [ ! -x "$exe" ]; then
  say "$exe is missing: building"
  "$ROOT/mldt" build
fi
lib=$(find "$BUILD_DIR" -maxdepth 1 -name 'libns3-multilayer-dt.so*' -print -quit)
[ -n "$lib" ] || die "no libns3-multilayer-dt.so in $BUILD_DIR"

rm -rf "$OUT"
mkdir -p "$OUT/run"
say "valgrind --tool=memcheck multilayer-dt-s1 --simTime=$sim_time ${args[*]} (in $OUT/run)"
start=$(date +%s)
rc=0
(cd "$OUT/run" &&
  valgrind --tool=memcheck --leak-check=full --show-leak-kinds=all \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=40 \
    --xml=yes --xml-file="$OUT/memcheck.xml" \
    "$exe" --simTime="$sim_time" --outputDir="$OUT/run" "${args[@]}" >"$OUT/run/stdout.txt" \
    2>"$OUT/run/stderr.txt") || rc=$?
elapsed=$(($(date +%s) - start))
say "valgrind finished in ${elapsed} s with status $rc"
# 99: Valgrind found errors or lost blocks (sorted below); anything else is the example's.
if [ $rc -ne 0 ] && [ $rc -ne 99 ]; then
  tail -n 20 "$OUT/run/stderr.txt" >&2 || true
  die "multilayer-dt-s1 exited with status $rc under valgrind"
fi
"$PYTHON" "$ROOT/tools/memcheck-report.py" "$OUT/memcheck.xml" "$lib" "$exe" | tee "$OUT/report.txt"
status=${PIPESTATUS[0]}
say "report in $OUT/report.txt (${elapsed} s under valgrind)"
exit "$status"
