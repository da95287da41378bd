#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs our Euler fitter (bench-euler: circles and ellipses) and venn.js side by side, the two
interleaved in slices of cases so that both see the same load, and prints:

1. the benchmark cases (euler-cases.json) with the eulerr 7.0.2 anchors of the cases file;
2. the win/loss table on the 250 random cases (euler-random-250.json): diagError against
   venn.js, wanted regions missing and unwanted regions shown, speed ratios, ellipses against
   circles, axis ratios;
3. the 12 cases that earlier versions lost (euler-losses-12.json), one row each.

Usage: tests/bench/euler-vs-vennjs.py [--build-dir _build] [--vennjs DIR] [--runs 50]
                                      [--random-runs 5] [--slice 10] [--only cases|random|losses]
                                      [--dump FILE]

venn.js is not part of Zopa. --vennjs (or $ZOPA_VENNJS_DIR) names a folder holding venn.js:
either one with node_modules/venn.js, or one with a package.json naming it (then it is copied
to a temporary folder and set up there with `npm install`). It defaults to
../shared/bench/vennjs next to the source tree. Without node or venn.js the comparison is
skipped with a message (exit status 77). Exit status 1 when a target is missed, 0 otherwise.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED_BENCH = os.path.join(os.path.dirname(SOURCE_ROOT), 'shared', 'bench')
RUNNER = os.path.join(HERE, 'euler-vennjs-run.mjs')
SKIP = 77
# Circles may be this much worse than venn.js on a case and still count as a tie.
TIE = 1.05
AXIS_RATIO_BOUND = 8.0


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def prepare_vennjs(folder):
    """Returns (folder with node_modules/venn.js, temporary folder to remove) or a reason."""
    if shutil.which('node') is None:
        return None, 'node is not installed'
    if os.path.isdir(os.path.join(folder, 'node_modules', 'venn.js')):
        return (folder, None), None
    if not os.path.exists(os.path.join(folder, 'package.json')):
        return None, f'no venn.js in {folder} (set --vennjs or ZOPA_VENNJS_DIR)'
    if shutil.which('npm') is None:
        return None, f'{folder} has no node_modules and npm is not installed'
    tmp = tempfile.mkdtemp(prefix='zopa-vennjs-')
    work = os.path.join(tmp, 'vennjs')
    shutil.copytree(folder, work)
    for root, dirs, files in os.walk(work):
        for name in dirs + files:
            os.chmod(os.path.join(root, name), 0o755 if name in dirs else 0o644)
    os.chmod(work, 0o755)
    done = subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--silent'], cwd=work,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        return None, f'npm install in a copy of {folder} failed: {done.stderr.strip()[:200]}'
    return (work, tmp), None


def run_side_by_side(bench, vennjs_dir, cases_file, runs, slice_size):
    """Ours and venn.js on slices of the cases, alternating which goes first."""
    with open(cases_file, encoding='utf-8') as f:
        count = len(json.load(f)['cases'])
    ours, venn = [], []
    for index, first in enumerate(range(0, count, slice_size)):
        n = min(slice_size, count - first)
        ours_cmd = [bench, cases_file, str(runs), str(first), str(n)]
        venn_cmd = ['node', RUNNER, vennjs_dir, cases_file, str(runs), str(first), str(n)]
        order = [(ours_cmd, ours), (venn_cmd, venn)]
        if index % 2:
            order.reverse()
        for cmd, out in order:
            out.extend(json_lines(subprocess.run(cmd, check=True, capture_output=True,
                                                 text=True).stdout))
    return ({(r['name'], r['shape']): r for r in ours}, {r['name']: r for r in venn})


def fmt(x, digits=3):
    if x is None:
        return '-'
    if x == 0:
        return '0'
    if abs(x) < 1e-3 or abs(x) >= 1e4:
        return f'{x:.{digits - 1}e}'
    return f'{x:.{digits}g}'


def print_table(header, rows):
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    line = '  '.join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i])
                     for i, h in enumerate(header))
    print(line)
    print('-' * len(line))
    for r in rows:
        print('  '.join(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i])
                        for i, v in enumerate(r)))


def set_count(case):
    return len({s for k in case['regions'] for s in k.split('&')})


def loses(oc, v):
    """Circles lose a case when their diagError is over TIE × venn.js's (both ~0 is a tie)."""
    return oc['diag_error'] > TIE * v['diag_error'] and oc['diag_error'] > 1e-9


def ell_worse(oc, oe):
    return oe['diag_error'] > oc['diag_error'] * (1 + 1e-9) + 1e-12


def report_cases(cases, ours_by, venn_by, runs):
    """The benchmark cases: every figure, and the targets of issue 5."""
    header = ('case', 'n',
              'circ diagErr', 'circ stress', 'circ ms',
              'vjs diagErr', 'vjs stress', 'vjs ms', 'ms ratio',
              'ell diagErr', 'ell stress', 'ell ms', 'ell axes',
              'eulerr circ', 'eulerr ell', 'eulerr ell ms')
    rows, failures = [], []
    for c in cases:
        name = c['name']
        n = set_count(c)
        oc, oe, v = ours_by[(name, 'circle')], ours_by[(name, 'ellipse')], venn_by[name]
        anchors = c.get('anchors', {})
        ec = anchors.get('eulerr-7.0.2-circles', {})
        ee = anchors.get('eulerr-7.0.2-ellipses', {})
        ratio = oc['median_ms'] / v['median_ms'] if v['median_ms'] > 0 else float('inf')
        rows.append((name[:34], str(n),
                     fmt(oc['diag_error']), fmt(oc['stress']), fmt(oc['median_ms']),
                     fmt(v['diag_error']), fmt(v['stress']), fmt(v['median_ms']), fmt(ratio, 2),
                     fmt(oe['diag_error']), fmt(oe['stress']), fmt(oe['median_ms']),
                     fmt(oe['axis_ratio']),
                     fmt(ec.get('diag_error')), fmt(ee.get('diag_error')),
                     fmt(ee.get('median_ms'))))
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
    print(f'Benchmark cases, median of {runs} runs each; ours (circ, ell) and venn.js (vjs) '
          f'measured now, eulerr 7.0.2 from the cases file')
    print_table(header, rows)
    return failures


def report_random(cases, ours_by, venn_by, runs, label):
    """Win/loss against venn.js, regions kept, speed, ellipses: the targets of issue 17."""
    total = len(cases)
    lost, ell_lost, ties, wins = [], [], 0, 0
    miss_ours = miss_venn = miss_ell = 0
    miss_regions_ours = miss_regions_venn = miss_regions_ell = 0
    extra_ours = extra_venn = extra_ell = 0
    speed, ell5_ms, ell5_cpu, axis, nondet = [], [], [], [], []
    for c in cases:
        name = c['name']
        oc, oe, v = ours_by[(name, 'circle')], ours_by[(name, 'ellipse')], venn_by[name]
        if loses(oc, v):
            lost.append((oc['diag_error'] / max(v['diag_error'], 1e-300), name))
        elif oc['diag_error'] < v['diag_error'] / TIE:
            wins += 1
        else:
            ties += 1
        if ell_worse(oc, oe):
            ell_lost.append((oe['diag_error'] / max(oc['diag_error'], 1e-300), name))
        miss_ours += oc['missing'] > 0
        miss_ell += oe['missing'] > 0
        miss_venn += len(v['missing']) > 0
        miss_regions_ours += oc['missing']
        miss_regions_ell += oe['missing']
        miss_regions_venn += len(v['missing'])
        extra_ours += oc['extra']
        extra_ell += oe['extra']
        extra_venn += len(v['extra'])
        speed.append(v['median_ms'] / max(oc['median_ms'], 1e-9))
        if set_count(c) == 5:
            ell5_ms.append(oe['median_ms'])
            ell5_cpu.append(oe['median_cpu_ms'])
        axis.append((oe['axis_ratio'], name))
        nondet += [f'{name} {r["shape"]}' for r in (oc, oe) if not r['deterministic']]

    fast = sum(s >= 5.0 for s in speed)
    lost.sort(reverse=True)
    ell_lost.sort(reverse=True)
    worst_axis = max(axis)
    print(f'{label}: {total} cases, median of {runs} runs each, ours and venn.js interleaved')
    print_table(('measure', 'Zopa circles', 'venn.js', 'Zopa ellipses'), [
        ('circles diagError: wins / ties / losses vs venn.js',
         f'{wins} / {ties} / {len(lost)}', '', ''),
        ('worst diagError ratio to venn.js',
         f'{fmt(lost[0][0])} ({lost[0][1]})' if lost else 'none over 1.05', '', ''),
        ('cases with a wanted region missing', str(miss_ours), str(miss_venn), str(miss_ell)),
        ('wanted regions missing', str(miss_regions_ours), str(miss_regions_venn),
         str(miss_regions_ell)),
        ('unwanted regions shown', str(extra_ours), str(extra_venn), str(extra_ell)),
        ('speed vs venn.js: median ratio', f'{fmt(statistics.median(speed))}x', '', ''),
        ('speed vs venn.js: cases >= 5x', f'{fast} ({100.0 * fast / total:.1f} %)', '', ''),
        ('ellipses worse than circles', '', '', str(len(ell_lost))),
        ('largest axis ratio', '', '', f'{fmt(worst_axis[0])} ({worst_axis[1]})'),
        ('five-set ellipse median ms (CPU ms)', '', '',
         f'{fmt(statistics.median(ell5_ms))} ({fmt(statistics.median(ell5_cpu))})'
         if ell5_ms else '-'),
        ('nondeterministic fits', str(len(nondet)), '', ''),
    ])
    failures = [f'{name}: circles diagError {fmt(r)}x venn.js' for r, name in lost]
    failures += [f'{name}: ellipses diagError {fmt(r)}x circles' for r, name in ell_lost]
    if miss_ours >= miss_venn and miss_ours > 0:
        failures.append(f'circles miss wanted regions on {miss_ours} cases, venn.js on '
                        f'{miss_venn}')
    if statistics.median(speed) < 5.0:
        failures.append(f'circles only {fmt(statistics.median(speed))}x faster than venn.js '
                        'on the median')
    if fast < 0.95 * total:
        failures.append(f'circles >= 5x faster than venn.js on only {fast} of {total} cases')
    if worst_axis[0] > AXIS_RATIO_BOUND * (1 + 1e-9):
        failures.append(f'{worst_axis[1]}: axis ratio {fmt(worst_axis[0])} over the bound')
    if ell5_ms and statistics.median(ell5_ms) >= 10.0:
        failures.append(f'five-set ellipses take {fmt(statistics.median(ell5_ms))} ms median')
    failures += [f'{f}: fits differ between runs' for f in nondet]
    return failures


def report_losses(cases, ours_by, venn_by, runs):
    header = ('case', 'circ diagErr', 'vjs diagErr', 'ratio', 'circ miss', 'vjs miss',
              'ell diagErr', 'ell miss', 'ell axes', 'circ ms', 'vjs ms', 'ell ms')
    rows = []
    for c in cases:
        name = c['name']
        oc, oe, v = ours_by[(name, 'circle')], ours_by[(name, 'ellipse')], venn_by[name]
        rows.append((name, fmt(oc['diag_error']), fmt(v['diag_error']),
                     fmt(oc['diag_error'] / max(v['diag_error'], 1e-300)),
                     str(oc['missing']), str(len(v['missing'])), fmt(oe['diag_error']),
                     str(oe['missing']), fmt(oe['axis_ratio']), fmt(oc['median_ms']),
                     fmt(v['median_ms']), fmt(oe['median_ms'])))
    print(f'Cases lost before (euler-losses-12.json), median of {runs} runs each')
    print_table(header, rows)
    return [f'{name}: circles diagError over {TIE}x venn.js' for name in
            (c['name'] for c in cases)
            if loses(ours_by[(name, 'circle')], venn_by[name])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--build-dir', default=os.path.join(SOURCE_ROOT, '_build'))
    parser.add_argument('--vennjs', default=os.environ.get('ZOPA_VENNJS_DIR',
                                                           os.path.join(SHARED_BENCH, 'vennjs')))
    parser.add_argument('--runs', type=int, default=50, help='runs per benchmark case')
    parser.add_argument('--random-runs', type=int, default=5, help='runs per random case')
    parser.add_argument('--slice', type=int, default=10, help='cases per interleaved slice')
    parser.add_argument('--only', choices=('cases', 'random', 'losses'))
    parser.add_argument('--dump', metavar='FILE',
                        help='also write every measured line (ours and venn.js) to FILE')
    args = parser.parse_args()

    bench = os.path.join(args.build_dir, 'tests', 'bench', 'bench-euler')
    if not os.path.exists(bench):
        sys.exit(f'{bench} not found: build first (meson compile -C {args.build_dir})')
    prepared, reason = prepare_vennjs(args.vennjs)
    if prepared is None:
        print(f'euler-vs-vennjs: skipped, {reason}')
        return SKIP
    vennjs_dir, tmp = prepared

    sections = [('cases', 'euler-cases.json', args.runs),
                ('random', 'euler-random-250.json', args.random_runs),
                ('losses', 'euler-losses-12.json', args.random_runs)]
    failures = []
    try:
        for key, file_name, runs in sections:
            if args.only and args.only != key:
                continue
            cases_file = os.path.join(HERE, file_name)
            with open(cases_file, encoding='utf-8') as f:
                cases = json.load(f)['cases']
            ours_by, venn_by = run_side_by_side(bench, vennjs_dir, cases_file, runs, args.slice)
            if args.dump:
                with open(args.dump, 'a', encoding='utf-8') as f:
                    for r in ours_by.values():
                        f.write(json.dumps(dict(r, tool='zopa', file=file_name)) + '\n')
                    for r in venn_by.values():
                        f.write(json.dumps(dict(r, tool='venn.js', file=file_name)) + '\n')
            if key == 'cases':
                found = report_cases(cases, ours_by, venn_by, runs)
            elif key == 'random':
                found = report_random(cases, ours_by, venn_by, runs, 'Random cases')
            else:
                found = report_losses(cases, ours_by, venn_by, runs)
            failures += found
            print()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print('Targets missed:')
        for f in failures:
            print('  ' + f)
        return 1
    print('All targets met.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
