#!/usr/bin/env python3
"""Sort what Valgrind's memcheck found in a run of the module (tools/memcheck.sh).

    memcheck-report.py MEMCHECK.XML MODULE_OBJECT... 

Prints the leak summary (bytes and blocks per kind, as Valgrind's LEAK
SUMMARY), every memory error, and the definitely/indirectly lost blocks in
two groups: those whose allocation stack has a frame in one of the
MODULE_OBJECTs (the module's library, the example) and those entirely inside
ns-3 or the C++ runtime. Exit status 1 if there is a memory error or a lost
block of the module, else 0.
"""
import os
import sys
import xml.etree.ElementTree as ET

LEAK_KINDS = {
    'Leak_DefinitelyLost': 'definitely lost',
    'Leak_IndirectlyLost': 'indirectly lost',
    'Leak_PossiblyLost': 'possibly lost',
    'Leak_StillReachable': 'still reachable',
}


def frames(error):
    stack = error.find('stack')
    return [] if stack is None else stack.findall('frame')


def describe(frame):
    fn = frame.findtext('fn') or frame.findtext('ip') or '?'
    where = frame.findtext('file')
    if where:
        where += ':' + (frame.findtext('line') or '?')
    else:
        where = os.path.basename(frame.findtext('obj') or '?')
    return f'{fn} ({where})'


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root = ET.parse(sys.argv[1]).getroot()
    module = {os.path.realpath(p) for p in sys.argv[2:]}

    def in_module(error):
        return any(os.path.realpath(f.findtext('obj') or '') in module for f in frames(error))

    counts = {}
    for pair in root.findall('errorcounts/pair'):
        counts[pair.findtext('unique')] = int(pair.findtext('count'))

    leaks = {k: [0, 0] for k in LEAK_KINDS}
    memory_errors = []
    lost = {True: [], False: []}
    for error in root.findall('error'):
        kind = error.findtext('kind')
        if kind in LEAK_KINDS:
            xwhat = error.find('xwhat')
            nbytes = int(xwhat.findtext('leakedbytes'))
            blocks = int(xwhat.findtext('leakedblocks'))
            leaks[kind][0] += nbytes
            leaks[kind][1] += blocks
            if kind in ('Leak_DefinitelyLost', 'Leak_IndirectlyLost'):
                lost[in_module(error)].append((nbytes, blocks, kind, error))
        else:
            memory_errors.append(error)

    n_errors = sum(counts.get(e.findtext('unique'), 1) for e in memory_errors)
    print(f'memory errors: {n_errors} ({len(memory_errors)} distinct)')
    print('leak summary:')
    for kind, label in LEAK_KINDS.items():
        print(f'  {label}: {leaks[kind][0]} bytes in {leaks[kind][1]} blocks')

    for error in memory_errors:
        print(f'\nmemory error {error.findtext("kind")}: {error.findtext("what")}'
              f'{" (module)" if in_module(error) else " (ns-3 or runtime only)"}')
        for f in frames(error)[:15]:
            print('    ' + describe(f))

    for mod, title in ((True, 'lost blocks allocated through the module'),
                       (False, 'lost blocks inside ns-3 or the C++ runtime only')):
        items = sorted(lost[mod], key=lambda x: -x[0])
        total = sum(x[0] for x in items)
        print(f'\n{title}: {len(items)} records, {total} bytes')
        for nbytes, blocks, kind, error in items:
            print(f'  {nbytes} bytes in {blocks} blocks {LEAK_KINDS[kind]}')
            for f in frames(error)[:12]:
                print('    ' + describe(f))

    failed = bool(memory_errors) or bool(lost[True])
    print('\nmemcheck: ' + ('FAILED' if failed else 'passed') +
          f' ({n_errors} memory errors, {len(lost[True])} lost-block records of the module)')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
