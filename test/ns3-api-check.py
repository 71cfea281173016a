#!/usr/bin/env python3
"""Every C++ file of the module compiles against the headers of an ns-3 release.

    ns3-api-check.py HEADERS_DIR MODULE_INCLUDE_DIR [--compiler=g++] [--jobs=N]

HEADERS_DIR is one release's folder of ../shared/ns3-headers (for instance
.../ns3-headers/3.48): its ns3/ holds the release's public headers as an
installed tree has them and flags.txt the definitions and C++ standard the
release compiles with. MODULE_INCLUDE_DIR holds the module's own headers as
ns3/<name>.h (the build's include/ folder).

Each source file (model, helper, examples, tests, fuzz targets, the consumer
program) is checked with `-fsyntax-only`, the release's flags, the module's
release definitions (MLDT_NS3_VERSION_MAJOR/MINOR from the folder's name)
and -Werror, with ns-3's headers included as an in-tree build includes
them (not as system headers, whose macros' warnings the compiler hides). A file that includes an ns-3 header the release does not have fails
too: the compiler would otherwise find the installed ns-3's copy in
/usr/include and check against the wrong release.

Files that include the headers of a module HEADERS_DIR does not hold
(netanim: helper/dt-animation.cc) are listed as not checked.

Exit 77 (skipped) when HEADERS_DIR does not exist, so that a clone without
../shared still passes.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The module's own source files, from the project root.
SOURCES = ['model/*.cc', 'helper/*.cc', 'examples/*.cc', 'test/*.cc', 'test/gtest/*.cc',
           'fuzz/*.cc', 'test/consumer/*.cc']
WARNINGS = ['-Wall', '-Wextra', '-Wno-unused-parameter', '-Wpedantic', '-Werror']
# ns-3 modules whose headers a HEADERS_DIR may lack (with a header that tells
# whether it has them): files that include them are listed as not checked
# rather than failed. netanim's headers need the uan module's too.
OPTIONAL_MODULES = {'netanim': 'animation-interface.h'}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('headers')
    parser.add_argument('include')
    parser.add_argument('--compiler', default='g++')
    parser.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    headers = os.path.abspath(args.headers)
    release = os.path.basename(headers.rstrip('/'))
    if not os.path.isdir(os.path.join(headers, 'ns3')):
        print(f'skipped: no ns-3 {release} headers at {headers} (they come with ../shared)')
        return 77
    match = re.fullmatch(r'(\d+)\.(\d+)', release)
    if not match:
        print(f'error: the headers folder must be named after its release (e.g. 3.48), '
              f'got "{release}"')
        return 2
    flags_file = os.path.join(headers, 'flags.txt')
    if not os.path.isfile(flags_file):
        print(f'error: {flags_file} is missing (the release\'s definitions and C++ standard)')
        return 2
    flags = open(flags_file).read().split()
    include = os.path.abspath(args.include)
    if not os.path.isfile(os.path.join(include, 'ns3', 'dt-ns3-version.h')):
        print(f'error: {include} does not hold the module\'s headers (ns3/dt-ns3-version.h)')
        return 2

    sources = sorted(f for pattern in SOURCES for f in glob.glob(os.path.join(ROOT, pattern)))
    unchecked = []
    for module, header in OPTIONAL_MODULES.items():
        if os.path.isfile(os.path.join(headers, 'ns3', header)):
            continue
        needs = []
        for s in sources:
            with open(s) as f:
                if f'#include "ns3/{header}"' in f.read():
                    needs.append(s)
        unchecked += [(s, module) for s in needs]
        sources = [s for s in sources if s not in needs]
    defines = [f'-DMLDT_NS3_VERSION_MAJOR={match.group(1)}',
               f'-DMLDT_NS3_VERSION_MINOR={match.group(2)}']
    # ns-3's headers as an in-tree build sees them (not as system headers):
    # warnings from ns-3's macros expanded in the module's code (the test
    # macros' comparisons, say) are errors there too.
    system = [f'-I{headers}']
    for extra in ('/usr/include/eigen3',):
        if os.path.isdir(extra):
            system.append(f'-isystem{extra}')
    own_ns3 = (os.path.join(headers, 'ns3') + os.sep, os.path.join(include, 'ns3') + os.sep)

    with tempfile.TemporaryDirectory(prefix='mldt-ns3-api-') as tmp:

        def check(index_and_source):
            index, source = index_and_source
            deps = os.path.join(tmp, f'{index}.d')
            command = ([args.compiler, '-fsyntax-only'] + flags + defines + WARNINGS +
                       [f'-I{include}'] + system + ['-MD', '-MF', deps, source])
            run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            problems = run.stderr.strip()
            if run.returncode == 0 and os.path.exists(deps):
                text = open(deps).read().replace('\\\n', ' ')
                stray = sorted({p for p in text.split()
                                if re.search(r'/ns3/[^/]+\.h$', p) and
                                not os.path.abspath(os.path.join(ROOT, p)).startswith(own_ns3)})
                if stray:
                    problems = '\n'.join(f'includes {p}: ns-3 {release} has no such public header '
                                         'here (the installed ns-3\'s copy was used)'
                                         for p in stray)
                    return source, False, problems
            return source, run.returncode == 0, problems

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(check, enumerate(sources)))

    failed = [(s, p) for s, ok, p in results if not ok]
    for source, problems in failed:
        lines = problems.splitlines()
        print(f'--- {os.path.relpath(source, ROOT)}')
        print('\n'.join(lines[:40]))
        if len(lines) > 40:
            print(f'... ({len(lines) - 40} more lines)')
    for source, module in unchecked:
        print(f'not checked: {os.path.relpath(source, ROOT)} (the {module} module\'s headers '
              f'are not in {headers})')
    print(f'ns-3 {release}: {len(sources)} files checked with {args.compiler} '
          f'{" ".join(f for f in flags if f.startswith("-std"))}, {len(failed)} failed')
    if not sources:
        print('error: no source files found')
        return 1
    if failed:
        return 1
    print('ns-3 API check passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
