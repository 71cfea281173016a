#!/usr/bin/env python3
"""The build lists are complete and both builds read the same ones.

Checks that every model/*.cc, model/*.h, test suite and example on disk is
listed in CMakeLists.txt, that nothing listed is missing, and that ns-3's
module scanner, which reads CMakeLists.txt for the libraries' variable names,
finds exactly the ns-3 modules the module links.
"""
import glob
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)


def parse(text):
    """Return {NAME: [items]} for every `set(NAME item ...)` block of a CMake file."""
    lists = {}
    for match in re.finditer(r'^\s*set\(\s*(\w+)((?:\s+[^\s()#]+)*)\s*\)', text, re.M | re.S):
        lists[match.group(1)] = match.group(2).split()
    return lists


lists = parse(open('CMakeLists.txt').read())
examples = parse(open('examples/CMakeLists.txt').read())['MLDT_EXAMPLES']
errors = []


def same(name, listed, on_disk):
    listed, on_disk = set(listed), set(on_disk)
    for f in sorted(on_disk - listed):
        errors.append(f'{f} exists but is not in {name}')
    for f in sorted(listed - on_disk):
        errors.append(f'{f} is in {name} but does not exist')


same('MLDT_SOURCES', lists.get('MLDT_SOURCES', []),
     glob.glob('model/*.cc') + glob.glob('helper/*.cc'))
same('MLDT_HEADERS', lists.get('MLDT_HEADERS', []),
     glob.glob('model/*.h') + glob.glob('helper/*.h'))
same('MLDT_TEST_SOURCES', lists.get('MLDT_TEST_SOURCES', []),
     glob.glob('test/multilayer-dt-*-test-suite.cc'))
same('MLDT_EXAMPLES', [f'examples/{e}.cc' for e in examples], glob.glob('examples/*.cc'))
if not lists.get('MLDT_NS3_MODULES'):
    errors.append('MLDT_NS3_MODULES is empty')
cmake = open('CMakeLists.txt').read()
# ns-3's filter_libraries() (build-support/custom-modules/ns3-filter-modules.cmake)
# takes every match of "{lib[^}]*[^obj]}" anywhere in the file, comments
# included, as a module this one depends on.
scanned = {m[4:-1] for m in re.findall(r'\{lib[^}]*[^obj]\}', cmake)} - {'raries_to_link'}
wanted = set(lists.get('MLDT_NS3_MODULES', []))
for m in sorted(wanted - scanned):
    errors.append(f'ns-3 module {m} is missing from the in-tree build_lib() call')
for m in sorted(scanned - wanted):
    errors.append(f'ns-3\'s module scanner reads a dependency on "{m}" in CMakeLists.txt, '
                  'which is not in MLDT_NS3_MODULES')

for e in errors:
    print('error:', e)
n = sum(len(lists.get(k, [])) for k in ('MLDT_SOURCES', 'MLDT_HEADERS', 'MLDT_TEST_SOURCES'))
print(f'{n + len(examples)} listed files checked, {len(errors)} problems')
sys.exit(1 if errors else 0)
