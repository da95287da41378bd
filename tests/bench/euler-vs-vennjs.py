#!/usr/bin/env python3
"""Runs our Euler fitter (bench-euler: circles and ellipses) and venn.js (fit.mjs) on the same
cases file in one go, and prints one table with the cases file's eulerr anchors beside them.

Usage: tests/bench/euler-vs-vennjs.py [--build-dir _build] [--cases FILE] [--vennjs DIR]
                                      [--runs 50]

--cases defaults to ../shared/bench/euler-cases.json next to the source tree, else the copy in
tests/bench; --vennjs to ../shared/bench/vennjs. A venn.js folder without node_modules is
copied to a temporary folder and set up there with `npm install` (the original may be
read-only). Exit status 1 when a target of issue 5 is missed, 0 otherwise.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED_BENCH = os.path.join(os.path.dirname(SOURCE_ROOT), 'shared', 'bench')


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def prepare_vennjs(folder):
    if os.path.isdir(os.path.join(folder, 'node_modules', 'venn.js')):
        return folder, None
    tmp = tempfile.mkdtemp(prefix='zopa-vennjs-')
    work = os.path.join(tmp, 'vennjs')
    shutil.copytree(folder, work)
    for root, dirs, files in os.walk(work):
        for name in dirs + files:
            os.chmod(os.path.join(root, name), 0o755 if name in dirs else 0o644)
    os.chmod(work, 0o755)
    subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--silent'], cwd=work,
                   check=True, stdout=subprocess.DEVNULL)
    return work, tmp


def fmt(x, digits=3):
    if x is None:
        return '-'
    if x == 0:
        return '0'
    if abs(x) < 1e-3 or abs(x) >= 1e4:
        return f'{x:.{digits - 1}e}'
    return f'{x:.{digits}g}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--build-dir', default=os.path.join(SOURCE_ROOT, '_build'))
    default_cases = os.path.join(SHARED_BENCH, 'euler-cases.json')
    if not os.path.exists(default_cases):
        default_cases = os.path.join(HERE, 'euler-cases.json')
    parser.add_argument('--cases', default=default_cases)
    parser.add_argument('--vennjs', default=os.path.join(SHARED_BENCH, 'vennjs'))
    parser.add_argument('--runs', type=int, default=50)
    args = parser.parse_args()

    bench = os.path.join(args.build_dir, 'tests', 'bench', 'bench-euler')
    if not os.path.exists(bench):
        sys.exit(f'{bench} not found: build first (meson compile -C {args.build_dir})')
    with open(args.cases, encoding='utf-8') as f:
        cases = json.load(f)['cases']

    # Both tools in the same session, one after the other, so that their times compare.
    ours = json_lines(subprocess.run([bench, args.cases, str(args.runs)], check=True,
                                     capture_output=True, text=True).stdout)
    vennjs_dir, tmp = prepare_vennjs(args.vennjs)
    try:
        venn = json_lines(subprocess.run(['node', 'fit.mjs', os.path.abspath(args.cases),
                                          str(args.runs)], cwd=vennjs_dir, check=True,
                                         capture_output=True, text=True).stdout)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    ours_by = {(r['name'], r['shape']): r for r in ours}
    venn_by = {r['name']: r for r in venn}

    header = ('case', 'n',
              'circ diagErr', 'circ stress', 'circ ms',
              'vjs diagErr', 'vjs stress', 'vjs ms', 'ms ratio',
              'ell diagErr', 'ell stress', 'ell ms',
              'eulerr circ', 'eulerr ell', 'eulerr ell ms')
    rows = []
    failures = []
    for c in cases:
        name = c['name']
        n = len({s for k in c['regions'] for s in k.split('&')})
        oc, oe, v = ours_by[(name, 'circle')], ours_by[(name, 'ellipse')], venn_by[name]
        anchors = c.get('anchors', {})
        ec = anchors.get('eulerr-7.0.2-circles', {})
        ee = anchors.get('eulerr-7.0.2-ellipses', {})
        ratio = oc['median_ms'] / v['median_ms'] if v['median_ms'] > 0 else float('inf')
        rows.append((name[:34], str(n),
                     fmt(oc['diag_error']), fmt(oc['stress']), fmt(oc['median_ms']),
                     fmt(v['diag_error']), fmt(v['stress']), fmt(v['median_ms']), fmt(ratio, 2),
                     fmt(oe['diag_error']), fmt(oe['stress']), fmt(oe['median_ms']),
                     fmt(ec.get('diag_error')), fmt(ee.get('diag_error')),
                     fmt(ee.get('median_ms'))))

        # The targets of issue 5.
        short = name.split(' (')[0]
        if oc['diag_error'] > v['diag_error'] and oc['diag_error'] > 1e-9:
            failures.append(f'{short}: circles diagError {fmt(oc["diag_error"])} > venn.js')
        if ratio > 0.2:
            failures.append(f'{short}: circles take {fmt(ratio, 2)} of venn.js time (> 1/5)')
        if n == 3 and oc['median_ms'] >= 1.0:
            failures.append(f'{short}: circles take {fmt(oc["median_ms"])} ms (>= 1 ms)')
        if ee and oe['diag_error'] > ee['diag_error']:
            failures.append(f'{short}: ellipses diagError {fmt(oe["diag_error"])} > eulerr')
        if ee and ee['diag_error'] < 1e-6 and oe['diag_error'] >= 1e-6:
            failures.append(f'{short}: ellipses diagError {fmt(oe["diag_error"])} not < 1e-6')
        limit = 10.0 if n <= 5 else 50.0
        if oe['median_ms'] >= limit:
            failures.append(f'{short}: ellipses take {fmt(oe["median_ms"])} ms (>= {limit:g})')
        for r in (oc, oe):
            if not r.get('deterministic', True):
                failures.append(f'{short}: {r["shape"]} fits differ between runs')

    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    line = '  '.join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i])
                     for i, h in enumerate(header))
    print(f'Euler fits, median of {args.runs} runs each; ours (circ, ell) and venn.js (vjs) '
          f'measured now, eulerr 7.0.2 from the cases file')
    print(line)
    print('-' * len(line))
    for r in rows:
        print('  '.join(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i])
                        for i, v in enumerate(r)))
    print()
    if failures:
        print('Targets missed:')
        for f in failures:
            print('  ' + f)
        return 1
    print('All targets met: circles diagError <= venn.js and <= 1/5 of its time (< 1 ms for '
          '3 sets); ellipses diagError <= eulerr (< 1e-6 where eulerr is), < 10 ms up to 5 '
          'sets, < 50 ms for 6; every fit the same in every run.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
