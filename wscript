# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
#
# waf build of multilayer-dt for ns-3 source trees that still build with waf
# (ns-3 <= 3.35): put this folder in contrib/ and run ./waf configure/build.
# The source, header, test and ns-3 module lists are read from CMakeLists.txt
# (and examples/CMakeLists.txt), so both builds always compile the same files.

import os
import re


def cmake_lists(text):
    """Return {NAME: [items]} for every `set(NAME item ...)` block of a CMake file."""
    lists = {}
    for match in re.finditer(r'^\s*set\(\s*(\w+)((?:\s+[^\s()#]+)*)\s*\)', text, re.M | re.S):
        lists[match.group(1)] = match.group(2).split()
    return lists


def _lists(node):
    return cmake_lists(node.read())


def configure(conf):
    pass


def build(bld):
    lists = _lists(bld.path.find_node('CMakeLists.txt'))
    ns3_modules = lists['MLDT_NS3_MODULES']
    module = bld.create_ns3_module('multilayer-dt', ns3_modules)
    module.source = lists['MLDT_SOURCES']

    module_test = bld.create_ns3_module_test_library('multilayer-dt')
    module_test.source = lists['MLDT_TEST_SOURCES']

    headers = bld(features='ns3header')
    headers.module = 'multilayer-dt'
    headers.source = lists['MLDT_HEADERS']

    if bld.env.ENABLE_EXAMPLES:
        examples = _lists(bld.path.find_node('examples/CMakeLists.txt'))
        for name in examples['MLDT_EXAMPLES']:
            program = bld.create_ns3_program(name, ['multilayer-dt'] + ns3_modules)
            program.source = os.path.join('examples', name + '.cc')
