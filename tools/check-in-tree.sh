#!/usr/bin/env bash
# Build this module in-tree (contrib/) in an ns-3 source tree and run its tests
# with ns-3's own test.py.
#
#   tools/check-in-tree.sh                 # fetch Debian's ns-3 source (3.37), then build
#   tools/check-in-tree.sh /path/to/ns-3   # use an existing ns-3 (>= 3.36) source tree
#
# Environment: MLDT_INTREE_WORK (work folder, default ./build-in-tree),
# MLDT_JOBS (parallel build jobs, default: all cores).
#
# Slow (the ns-3 core, network, internet, ... modules are compiled from
# source): not part of ./mldt test. Nothing on the system is changed for good:
# the deb-src entry lives in a private apt configuration under the work folder,
# which is removed again when the source is fetched.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
work=${MLDT_INTREE_WORK:-$here/build-in-tree}
jobs=${MLDT_JOBS:-$(nproc)}
module=multilayer-dt
start=$(date +%s)

say() { printf '[check-in-tree] %s\n' "$*"; }
die() { printf '[check-in-tree] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_pkgs() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}

# The deb-src entry is derived from this machine's own Debian sources (the
# stanza serving bookworm), so the script works with whatever mirror is set up.
debsrc_stanza() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /Suites:[^\n]*bookworm([ \n]|$)/ && !/security/ { print; exit }' "$f" |
      sed -e 's/^Types:.*/Types: deb-src/' -e 's/^Suites:.*/Suites: bookworm/' -e '/^#/d'
    return 0
  done
  return 1
}
debsrc_line() {
  grep -hE '^deb[[:space:]]+[^[:space:]]+[[:space:]]+bookworm[[:space:]]' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1 |
    sed 's/^deb /deb-src /'
}

fetch_source() {
  need_pkgs dpkg-dev xz-utils
  local apt="$work/apt"
  rm -rf "$apt"
  mkdir -p "$apt/sources.list.d" "$apt/lists/partial"
  local stanza
  stanza=$(debsrc_stanza || true)
  if [ -n "$stanza" ]; then
    printf '%s\n' "$stanza" > "$apt/sources.list.d/mldt-ns3-src.sources"
    : > "$apt/sources.list"
  else
    local line
    line=$(debsrc_line)
    [ -n "$line" ] || die "no Debian bookworm entry in /etc/apt to derive a deb-src entry from"
    printf '%s\n' "$line" > "$apt/sources.list"
  fi
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list"
              -o "Dir::Etc::SourceParts=$apt/sources.list.d"
              -o "Dir::State::Lists=$apt/lists")
  say "fetching Debian's ns3 source package (temporary deb-src entry)"
  apt-get "${opts[@]}" update -q >/dev/null
  (cd "$work" && apt-get "${opts[@]}" source -q ns3 >/dev/null)
  rm -rf "$apt"
}

mkdir -p "$work"
if [ $# -ge 1 ]; then
  src=$(cd "$1" && pwd) || die "no such folder: $1"
else
  if ! ls -d "$work"/ns3-*/ >/dev/null 2>&1; then
    fetch_source
  fi
  src=$(ls -d "$work"/ns3-*/ | head -n 1)
fi

# The ns-3 tree is the folder holding the ./ns3 driver and contrib/ (Debian's
# source package nests it one level down).
tree=$(find "$src" -maxdepth 2 -name ns3 -type f -perm -u+x -printf '%h\n' | head -n 1)
[ -n "$tree" ] && [ -d "$tree/contrib" ] || die "no ns-3 source tree (./ns3 and contrib/) under $src"
say "ns-3 tree: $tree ($(cat "$tree/VERSION" 2>/dev/null || echo 'unknown version'))"

need_pkgs cmake g++ ninja-build python3 libgsl-dev libsqlite3-dev

say "copying the module into contrib/$module"
rm -rf "$tree/contrib/$module"
mkdir -p "$tree/contrib/$module"
(cd "$here" && git ls-files -z --cached --others --exclude-standard |
   xargs -0 cp --parents -t "$tree/contrib/$module")

cd "$tree"
say "configuring (only $module, the modules it depends on, and csma)"
# csma: ns-3.37's own test suites of the enabled modules (internet's) need it
# to link the test runner.
./ns3 configure --enable-modules="$module;csma" --enable-tests --enable-examples \
  --disable-python --disable-werror -G Ninja >"$work/configure.log" 2>&1 ||
  { tail -n 40 "$work/configure.log"; die "configure failed (log: $work/configure.log)"; }

# Only the module, its examples and the test runner: ns-3's own top-level
# examples need modules that --enable-modules leaves out.
examples=$(sed -n '/^set(MLDT_EXAMPLES/,/)/p' "$here/examples/CMakeLists.txt" |
             grep -oE 'multilayer-dt-[a-z0-9-]+')
say "building $module, its examples and the test runner with $jobs jobs"
# shellcheck disable=SC2086
cmake --build cmake-cache -j "$jobs" --target "lib$module" $examples test-runner \
  >"$work/build.log" 2>&1 ||
  { grep -E 'error|Error' "$work/build.log" | head -n 40; die "build failed (log: $work/build.log)"; }
built=$(date +%s)

say "running the module's test suites and examples with test.py"
suites=$(./test.py --no-build --list 2>/dev/null | grep -oE "$module-[a-z0-9-]+" | sort -u)
[ -n "$suites" ] || die "test.py lists no $module suite"
status=0
: > "$work/test.log"
# test.py colours its verdicts; compare without the escape sequences.
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
for s in $suites; do
  ./test.py --no-build --suite="$s" 2>&1 | plain | tee -a "$work/test.log" | grep -E '^\[' || true
  tail -n 4 "$work/test.log" | grep -q '(1 passed, 0 skipped, 0 failed, 0 crashed' || status=1
done
for ex in $examples; do
  ./test.py --no-build --example="$ex" 2>&1 | plain | tee -a "$work/test.log" | grep -E '^\[' || true
  tail -n 4 "$work/test.log" | grep -q '(1 passed, 0 skipped, 0 failed, 0 crashed' || status=1
done

end=$(date +%s)
say "build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
if [ $status -ne 0 ]; then die "in-tree tests failed (log: $work/test.log)"; fi
say "OK: $module builds in-tree and its suites pass"
