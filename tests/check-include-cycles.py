#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when modules of src/ include each other, directly or through a longer circle.

A module is a source file and its header (src/model/zopa-draft.c and .h). A private header
zopa-thing-private.h belongs to the module zopa-thing, and so do the files zopa-thing-*.c that
include it: that is one module spread over several files, not several modules.

A module depends on every module whose header it includes. A private header also belongs to
every module that defines a function or variable it declares, so a private header shared by
two modules that declares functions of both makes each depend on the other.

Usage: check-include-cycles.py SRC_DIR [KNOWN]. Prints TAP; exits 1 when a circle is found.
KNOWN lists modules (one a line, "analysis/zopa-flip"; # starts a comment) whose circles are
known and not yet broken: a circle made only of listed modules is reported but does not fail,
and a listed module that is in no circle any more is named so that it can be taken off.
"""

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
# GNU style: a function's name starts a line, its return type on the line before.
FUNCTION_DEFINITION = re.compile(r'^([A-Za-z_]\w*)\s*\(', re.MULTILINE)
# A variable defined at file level: "const char * const zopa_x_members[] = {".
VARIABLE_DEFINITION = re.compile(r'^(?!static\b)[A-Za-z_][\w\s\*]*?\b([A-Za-z_]\w*)\s*(?:\[\w*\])?\s*=',
                                 re.MULTILINE)
DECLARED_NAME = re.compile(r'\b([A-Za-z_]\w*)\s*(?:\(|\[\w*\]\s*;)')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)


def read_source(path):
    with open(path, encoding='utf-8') as f:
        return COMMENT.sub(' ', f.read())


def stem(path):
    base, _ = os.path.splitext(path)
    if base.endswith('-private'):
        base = base[:-len('-private')]
    return base


def collect(src_dir):
    files = {}
    for root, dirs, names in os.walk(src_dir):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                path = os.path.relpath(os.path.join(root, name), src_dir)
                files[path] = read_source(os.path.join(src_dir, path))
    return files


def resolve_include(including, target, files):
    for candidate in (os.path.normpath(os.path.join(os.path.dirname(including), target)),
                      os.path.normpath(target)):
        if candidate in files:
            return candidate
    return None


def assign_modules(files):
    module = {path: stem(path) for path in files}
    # zopa-thing-*.c including zopa-thing-private.h is part of zopa-thing.
    for path, text in files.items():
        for target in INCLUDE.findall(text):
            header = resolve_include(path, target, files)
            if header is None or not header.endswith('-private.h'):
                continue
            owner = stem(header)
            if module[path] != owner and module[path].startswith(owner + '-'):
                module[path] = owner
    return module


def exported_definitions(text):
    """Functions and variables a .c file defines for others: static ones are its own."""
    names = VARIABLE_DEFINITION.findall(text)
    for match in FUNCTION_DEFINITION.finditer(text):
        line_start = text.rfind('\n', 0, match.start() - 1) + 1
        return_type = text[line_start:match.start()]
        if not re.match(r'\s*static\b', return_type):
            names.append(match.group(1))
    return names


def header_owners(files, module):
    defined_by = {}
    for path, text in files.items():
        if not path.endswith('.c'):
            continue
        for name in exported_definitions(text):
            defined_by.setdefault(name, set()).add(module[path])

    owners = {}
    for path, text in files.items():
        if not path.endswith('.h'):
            continue
        found = {module[path]}
        if not path.endswith('-private.h'):
            owners[path] = found
            continue
        for name in DECLARED_NAME.findall(text):
            found |= defined_by.get(name, set())
        owners[path] = found
    return owners


def dependencies(files, module, owners):
    edges = {}
    for path, text in files.items():
        for target in INCLUDE.findall(text):
            header = resolve_include(path, target, files)
            if header is None:
                continue
            for owner in owners[header]:
                if owner != module[path]:
                    edges.setdefault(module[path], {}).setdefault(owner, []).append(
                        (path, header))
    return edges


def find_circles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, on_stack, stack, circles = {}, {}, set(), [], []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(edges.get(node, {})):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return circles


def read_known(path):
    known = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                known.add(line)
    return known


def print_circle(circle, edges):
    print('# circle: %s' % ' <-> '.join(circle))
    members = set(circle)
    for source in circle:
        for target, reasons in sorted(edges.get(source, {}).items()):
            if target in members:
                including, header = reasons[0]
                print('#   %s depends on %s: %s includes %s' % (source, target, including, header))


def main():
    if len(sys.argv) not in (2, 3):
        print('usage: check-include-cycles.py SRC_DIR [KNOWN]', file=sys.stderr)
        return 2
    src_dir = sys.argv[1]
    known = read_known(sys.argv[2]) if len(sys.argv) == 3 else set()
    files = collect(src_dir)
    module = assign_modules(files)
    owners = header_owners(files, module)
    edges = dependencies(files, module, owners)
    circles = find_circles(edges)

    new = [c for c in circles if not set(c) <= known]
    in_circles = {m for c in circles for m in c}

    print('1..2')
    if new:
        print('not ok 1 - modules that include each other')
        for circle in new:
            print_circle(circle, edges)
    else:
        print('ok 1 - no new circle among the %d modules of %s' % (len(set(module.values())), src_dir))
    for circle in circles:
        if circle not in new:
            print('# known, not yet broken:')
            print_circle(circle, edges)

    unknown = sorted(m for m in known if m not in set(module.values()))
    if unknown:
        print('not ok 2 - the list of known circles names modules that do not exist: %s'
              % ', '.join(unknown))
    else:
        print('ok 2 - the list of known circles names existing modules')
    for m in sorted(known - in_circles - set(unknown)):
        print('# %s is in no circle any more: take it off the list' % m)
    return 1 if new or unknown else 0

if __name__ == '__main__':
    sys.exit(main())
