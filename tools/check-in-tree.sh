#!/usr/bin/env bash
# Build this module in-tree (contrib/) in an ns-3 source tree, in the debug
# profile (warnings are errors there), and run its test suites and examples
# with ns-3's own test.py.
#
#   tools/check-in-tree.sh                 # Debian's ns-3 source package (3.37)
#   tools/check-in-tree.sh ns-3.48         # a release tag (or 3.48), cloned from MLDT_NS3_GIT
#   tools/check-in-tree.sh /path/to/ns-3   # an existing ns-3 (>= 3.37) source tree
#
# Environment: MLDT_INTREE_WORK (work folder, default ./build-in-tree),
# MLDT_JOBS (parallel build jobs, default: all cores), MLDT_NS3_GIT (the ns-3
# repository to clone release tags from, default
# https://gitlab.com/nsnam/ns-3-dev.git; a local clone or mirror works too).
#
# Slow (the ns-3 core, network, internet, wifi, lte, ... modules are compiled
# from source, about an hour on 2 cores; ccache makes later runs fast): not
# part of ./mldt test. The build runs at the lowest CPU priority. Nothing on
# the system is changed for good: the deb-src entry lives in a private apt
# configuration under the work folder, which is removed again when the source
# is fetched. Logs: <work>/logs-<release>/.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
work=${MLDT_INTREE_WORK:-$here/build-in-tree}
jobs=${MLDT_JOBS:-$(nproc)}
module=multilayer-dt

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

fetch_tag() {
  local tag=$1 dest=$2
  local repo=${MLDT_NS3_GIT:-https://gitlab.com/nsnam/ns-3-dev.git}
  need_pkgs git
  say "cloning $tag from $repo"
  git -c advice.detachedHead=false clone -q --depth 1 --branch "$tag" "$repo" "$dest" ||
    die "cannot clone tag $tag from $repo (set MLDT_NS3_GIT to a reachable ns-3 repository)"
}

mkdir -p "$work"
if [ $# -ge 1 ] && [ -d "$1" ]; then
  src=$(cd "$1" && pwd)
elif [ $# -ge 1 ]; then
  tag=$1
  [[ $tag =~ ^[0-9]+\.[0-9]+(\.[0-9]+)?$ ]] && tag=ns-$tag
  [[ $tag =~ ^ns-[0-9]+\.[0-9]+(\.[0-9]+)?$ ]] ||
    die "'$1' is neither an ns-3 source folder nor a release tag (e.g. ns-3.48 or 3.48)"
  src=$work/$tag
  [ -x "$src/ns3" ] || { rm -rf "$src"; fetch_tag "$tag" "$src"; }
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
release=$(cat "$tree/VERSION" 2>/dev/null || echo unknown)
logs=$work/logs-$release
mkdir -p "$logs"
say "ns-3 tree: $tree (ns-3 $release), logs in $logs"

need_pkgs cmake g++ ninja-build ccache python3 libgsl-dev libsqlite3-dev libxml2-dev \
  libboost-dev libeigen3-dev nlohmann-json3-dev

say "copying the module into contrib/$module"
rm -rf "$tree/contrib/$module"
mkdir -p "$tree/contrib/$module"
(cd "$here" && git ls-files -z --cached --others --exclude-standard |
   xargs -0 cp --parents -t "$tree/contrib/$module")

cd "$tree"
say "configuring the debug profile (only $module, the modules it depends on, and csma)"
# csma: the test suites of the enabled ns-3 modules (internet's) need it to
# link the test runner. The debug profile builds with -Werror.
t0=$(date +%s)
./ns3 configure -d debug --enable-modules="$module;csma" --enable-tests --enable-examples \
  --disable-python -G Ninja >"$logs/configure.log" 2>&1 ||
  { tail -n 40 "$logs/configure.log"; die "configure failed (log: $logs/configure.log)"; }
grep -q "multilayer-dt: in-tree build for ns-3" "$logs/configure.log" ||
  die "the module was not configured (log: $logs/configure.log)"

# Only the module, its examples and the test runner: ns-3's own top-level
# examples need modules that --enable-modules leaves out.
examples=$(sed -n '/^set(MLDT_EXAMPLES/,/)/p' "$here/examples/CMakeLists.txt" |
             grep -oE 'multilayer-dt-[a-z0-9-]+')
say "building $module, its examples and the test runner with $jobs jobs"
t1=$(date +%s)
# The library's target name, as ns-3's build records it (lib<module> up to
# ns-3.37, <module> in later releases).
library=$(sed -n "s/^lib$module:INTERNAL=//p" cmake-cache/CMakeCache.txt)
[ -n "$library" ] || die "the ns-3 build records no target for $module (cmake-cache/CMakeCache.txt)"
# shellcheck disable=SC2086
nice -n 19 cmake --build cmake-cache -j "$jobs" --target "$library" $examples test-runner \
  >"$logs/build.log" 2>&1 ||
  { grep -E -B2 -A12 'error|FAILED' "$logs/build.log" | head -n 80; die "build failed (log: $logs/build.log)"; }
t2=$(date +%s)

say "running the module's test suites and examples with test.py"
# test.py colours its output; compare without the escape sequences.
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
# test.py --list: "<type> <name> [arguments]" per line; the examples' names
# are not suites.
suites=$(./test.py --no-build --list 2>/dev/null | plain |
           awk -v m="$module-" '$1 != "example" && index($2, m) == 1 { print $2 }' | sort -u)
[ -n "$suites" ] || die "test.py lists no $module suite"
status=0
: > "$logs/test.log"
# verdict N: the last test.py run passed N tests, skipped, failed and crashed none.
verdict() {
  tail -n 4 "$logs/test.log" | grep -qE "\($1 passed, 0 skipped, 0 failed, 0 crashed"
}
for s in $suites; do
  ./test.py --no-build --suite="$s" 2>&1 | plain | tee -a "$logs/test.log" | grep -E '^\[' || true
  verdict 1 || status=1
done
listed=$(python3 -c "
import runpy; l = runpy.run_path('contrib/$module/test/examples-to-run.py')['cpp_examples']
print(sum(1 for e in l if eval(e[1])))")
if grep -q 'example.endswith("\*")' test.py; then
  # ns-3 >= 3.46: every entry of test/examples-to-run.py, with its arguments.
  ./test.py --no-build --example="$module-*" 2>&1 | plain | tee -a "$logs/test.log" | grep -E '^\[' || true
  verdict "$listed" || status=1
else
  # Older test.py runs one example by name, with its default arguments.
  for ex in $examples; do
    ./test.py --no-build --example="$ex" 2>&1 | plain | tee -a "$logs/test.log" | grep -E '^\[' || true
    verdict 1 || status=1
  done
fi

t3=$(date +%s)
say "ns-3 $release: configure $((t1 - t0)) s, build $((t2 - t1)) s, tests $((t3 - t2)) s"
printf 'release %s configure_s %d build_s %d tests_s %d status %d\n' \
  "$release" $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) "$status" > "$logs/times.txt"
if [ $status -ne 0 ]; then die "in-tree tests failed (log: $logs/test.log)"; fi
say "OK: $module builds in-tree on ns-3 $release and its suites and examples pass"
