// Fits cases of a cases file (the format of tests/bench/euler-cases.json) with venn.js, for
// tests/bench/euler-vs-vennjs.py. venn.js is not part of Zopa: it is loaded from the folder
// given on the command line (one with node_modules/venn.js in it).
//
// Usage: node euler-vennjs-run.mjs VENNJS_DIR CASES.json RUNS [FIRST [COUNT]]
//        node euler-vennjs-run.mjs VENNJS_DIR CASES.json --serve
// The second form reads requests "RUNS FIRST COUNT" from stdin, one a line, and answers each as
// the first form would; the process stays up, so its JIT stays warm between requests.
//
// Prints one JSON line per case: name, stress, diag_error, median_ms, min_ms, median_cpu_ms,
// min_cpu_ms (CPU time of the whole process, from process.cpuUsage), runs, and the regions
// wanted but fitted below 1e-4 of the total area (missing) and wanted empty but fitted above
// it (extra), by name. Sets are numbered in the order they first appear in a case, as
// bench-euler numbers them.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const [dir, casesFile, runsArg, firstArg, countArg] = process.argv.slice(2);
if (!dir || !casesFile) {
  console.error('usage: node euler-vennjs-run.mjs VENNJS_DIR CASES.json RUNS [FIRST [COUNT]]');
  process.exit(2);
}
const venn = createRequire(join(resolve(dir), 'package.json'))('venn.js');
const all = JSON.parse(readFileSync(casesFile, 'utf8')).cases;
const VISIBLE = 1e-4;

function setsOf(regions) {
  const names = [];
  for (const key of Object.keys(regions))
    for (const s of key.split('&')) if (!names.includes(s)) names.push(s);
  return names;
}

function fitCase(c, runs) {
  const names = setsOf(c.regions);
  const n = names.length;
  const full = 1 << n;
  const maskOf = (key) => key.split('&').reduce((m, s) => m | (1 << names.indexOf(s)), 0);
  const wanted = new Array(full).fill(0);
  for (const [key, size] of Object.entries(c.regions)) wanted[maskOf(key)] = size;
  const setsIn = (mask) => names.filter((_, k) => mask & (1 << k));

  // venn.js wants the size of every intersection (inclusive); it is given all pairs and every
  // larger intersection that is not empty.
  const inclusive = (mask) => wanted.reduce((acc, w, r) => acc + ((r & mask) === mask ? w : 0), 0);
  const input = [];
  for (let mask = 1; mask < full; mask++) {
    const size = inclusive(mask);
    const k = setsIn(mask).length;
    if (k <= 2 || size > 0) input.push({ sets: setsIn(mask), size });
  }

  const times = [], cpuTimes = [];
  let circles = null;
  for (let r = 0; r < runs; r++) {
    const copy = input.map((a) => ({ sets: a.sets.slice(), size: a.size }));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    circles = venn.venn(copy);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1e3);
  }

  // Disjoint areas from the inclusive intersection areas (Möbius inversion over supersets).
  const inter = new Array(full).fill(0);
  for (let mask = 1; mask < full; mask++)
    inter[mask] = venn.intersectionArea(setsIn(mask).map((s) => circles[s]));
  const fitted = new Array(full).fill(0);
  for (let mask = 1; mask < full; mask++) {
    let a = 0;
    for (let sup = mask; sup < full; sup = (sup + 1) | mask) {
      const extraBits = setsIn(sup).length - setsIn(mask).length;
      a += (extraBits % 2 ? -1 : 1) * inter[sup];
    }
    fitted[mask] = Math.max(0, a);
  }

  let sumW = 0, sumA = 0, sww = 0, swa = 0;
  for (let r = 1; r < full; r++) {
    sumW += wanted[r];
    sumA += fitted[r];
    sww += wanted[r] * wanted[r];
    swa += wanted[r] * fitted[r];
  }
  const beta = swa / sww;
  let num = 0, den = 0, diag = 0;
  const missing = [], extra = [];
  for (let r = 1; r < full; r++) {
    num += (fitted[r] - beta * wanted[r]) ** 2;
    den += fitted[r] ** 2;
    diag = Math.max(diag, Math.abs(fitted[r] / sumA - wanted[r] / sumW));
    const visible = fitted[r] > VISIBLE * sumA;
    if (wanted[r] > 0 && !visible) missing.push(setsIn(r).join('&'));
    if (wanted[r] === 0 && visible) extra.push(setsIn(r).join('&'));
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    name: c.name, stress: num / den, diag_error: diag, median_ms: times[Math.floor(runs / 2)],
    min_ms: times[0], median_cpu_ms: cpuTimes[Math.floor(runs / 2)], min_cpu_ms: cpuTimes[0],
    runs, missing, extra,
  };
}

function answer(runsArg, firstArg, countArg) {
  const runs = Math.max(1, Number(runsArg || 20));
  const first = Number(firstArg || 0);
  const end = countArg === undefined ? all.length : first + Number(countArg);
  for (const c of all.slice(first, end)) console.log(JSON.stringify(fitCase(c, runs)));
}

if (runsArg === '--serve') {
  const lines = createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) {
      console.error(`euler-vennjs-run: bad request "${line}": want RUNS FIRST COUNT`);
      process.exit(2);
    }
    answer(...parts);
  });
} else {
  answer(runsArg, firstArg, countArg);
}
