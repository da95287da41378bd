#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer harness of tests/fuzz for a bounded time, one after the other.
#
#   tests/fuzz/run-fuzzers.sh [--seconds N] [--ci] [HARNESS...]
#
# --seconds N  how long each harness runs (default 60)
# --ci         exit 0 with a note when clang or libFuzzer is missing, instead of failing, and
#              build unoptimised (a new build directory only)
# HARNESS      scenario-load, analysis, stance-import, euler-fit (default: all four)
#
# Builds the harnesses with clang, libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer
# in $ZOPA_FUZZ_BUILDDIR (default _build-fuzz), starts from the seed corpus of the project
# (the test files, the built-in scenario, tests/fuzz/corpus) and keeps what it finds in
# $ZOPA_FUZZ_BUILDDIR/fuzz-corpus/HARNESS, so later runs go on from there. Each input has
# $ZOPA_FUZZ_TIME_LIMIT CPU seconds (default 10; see fuzz-common.h). Prints executions, speed and coverage per
# harness; the exit status is non-zero when a harness found a crash, a sanitizer report, a
# leak or an input over the time limit. An input that fails is kept in
# $ZOPA_FUZZ_BUILDDIR/fuzz-artifacts/HARNESS; once the bug is fixed, copy it into
# tests/fuzz/corpus/ as a regression file.
#
# While tests/fuzz/known-hangs/analysis holds inputs (the analysis has unbounded searches on
# some valid files), the analysis harness runs with a small maximum input length, and an
# input over the time limit there is reported and kept but does not fail the run.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 1

seconds=60
ci=0
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    --ci) ci=1; shift ;;
    scenario-load|analysis|stance-import|euler-fit) harnesses+=("$1"); shift ;;
    *) echo "usage: $0 [--seconds N] [--ci] [scenario-load|analysis|stance-import|euler-fit]..." >&2; exit 2 ;;
  esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=(scenario-load analysis stance-import euler-fit)
case "$seconds" in
  ''|*[!0-9]*) echo "$0: --seconds needs a whole number" >&2; exit 2 ;;
esac

build=${ZOPA_FUZZ_BUILDDIR:-_build-fuzz}
time_limit=${ZOPA_FUZZ_TIME_LIMIT:-10}
fuzz_src=tests/fuzz
known_hangs=$fuzz_src/known-hangs/analysis

# libFuzzer comes with clang (Debian: clang and libclang-rt-dev).
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' > "$probe/probe.c"
if ! command -v clang >/dev/null 2>&1 \
   || ! clang -fsanitize=fuzzer,address "$probe/probe.c" -o "$probe/probe" >/dev/null 2>&1; then
  if [ "$ci" = 1 ]; then
    echo "fuzz: clang with libFuzzer is not installed; fuzzing skipped (the corpus was replayed by the test suite)"
    exit 0
  fi
  echo "fuzz: clang with libFuzzer is needed (Debian: clang libclang-rt-dev)" >&2
  exit 1
fi

# Long runs build optimised (about 1.1–1.7 times the executions per second); a CI run builds
# unoptimised, which takes a fraction of the time to compile and leaves more of its few
# minutes for fuzzing.
buildtype=debugoptimized
[ "$ci" = 1 ] && buildtype=debug
if [ ! -f "$build/build.ninja" ]; then
  setup_options=(-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false --buildtype=$buildtype)
  if [ -f "$build/meson-private/coredata.dat" ]; then
    CC=clang meson setup --wipe "$build" "${setup_options[@]}" || exit 1
  else
    CC=clang meson setup "$build" "${setup_options[@]}" || exit 1
  fi
fi
targets=(src/cli/zopa-cli)
for h in "${harnesses[@]}"; do targets+=("tests/fuzz/fuzz-$h"); done
meson compile -C "$build" "${targets[@]}" || exit 1

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_summary=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:print_summary=1
export G_SLICE=always-malloc
export ZOPA_FUZZ_TIME_LIMIT=$time_limit

# The seeds, rebuilt every run from the tree (the built-in scenario as zopa-cli prints it).
seeds=$build/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds/scenario" "$seeds/stance-import" "$seeds/euler-fit"
cp tests/data/valid/*.json tests/data/invalid/*.json tests/analysis/data/*.json \
   "$fuzz_src"/corpus/scenario/* "$seeds/scenario/" 2>/dev/null
"$build/src/cli/zopa-cli" builtin > "$seeds/scenario/builtin.zopa.json" || exit 1
cp tests/bench/euler-cases.json "$fuzz_src"/corpus/euler-fit/* "$seeds/euler-fit/" 2>/dev/null
cp "$fuzz_src"/corpus/stance-import/* "$seeds/stance-import/" 2>/dev/null

hangs_known=0
if [ -d "$known_hangs" ] && [ -n "$(ls -A "$known_hangs" | grep -v '^README')" ]; then
  hangs_known=1
fi

status=0
for h in "${harnesses[@]}"; do
  case "$h" in
    scenario-load) seed=scenario; dict=scenario.dict; max_len=4096 ;;
    analysis)      seed=scenario; dict=scenario.dict; max_len=4096
                   [ "$hangs_known" = 1 ] && max_len=${ZOPA_FUZZ_ANALYSIS_MAX_LEN:-600} ;;
    stance-import) seed=stance-import; dict=stance-import.dict; max_len=2048 ;;
    euler-fit)     seed=euler-fit; dict=euler-fit.dict; max_len=1024 ;;
  esac
  corpus=$build/fuzz-corpus/$h
  artifacts=$build/fuzz-artifacts/$h
  mkdir -p "$corpus" "$artifacts"
  log=$build/fuzz-logs/$h.log
  mkdir -p "$(dirname "$log")"
  : > "$log"

  # A run ends early at the first failing input; a tolerated one (a known-class hang) is
  # recorded and fuzzing goes on for the rest of the time.
  start=$(date +%s)
  runs=0 timeouts=0 result=ok
  while :; do
    left=$(( seconds - ($(date +%s) - start) ))
    [ "$left" -gt 0 ] || break
    before=$(ls "$artifacts" | wc -l)
    # The harness limits each input's CPU time; libFuzzer's wall-clock limit only backs it up.
        "$build/tests/fuzz/fuzz-$h" -max_total_time="$left" -timeout=600 \
        -max_len="$max_len" -rss_limit_mb=2560 -dict="$fuzz_src/$dict" \
        -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$corpus" "$seeds/$seed" > "$log.part" 2>&1
    code=$?
    cat "$log.part" >> "$log"
    # The last "#N" line when a run ends before its final stats.
    n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log.part" | grep -o '[0-9]*$')
    [ -n "$n" ] || n=$(grep -o '^#[0-9]*' "$log.part" | tail -1 | tr -d '#')
    runs=$(( runs + ${n:-0} ))
    [ "$code" = 0 ] && break
    newest=$(ls -t "$artifacts" | head -1)
    if [ "$h" = analysis ] && [ "$hangs_known" = 1 ] && [ "$(ls "$artifacts" | wc -l)" -gt "$before" ] \
       && grep -q 'over the time limit of' "$log.part"; then
      timeouts=$(( timeouts + 1 ))
      echo "fuzz: $h: an input over the time limit of $time_limit s, kept as $artifacts/$newest" \
           "(tolerated while $known_hangs has inputs: the analysis has known unbounded searches)"
      continue
    fi
    result="FAILED (exit status $code): see $log and $artifacts/$newest"
    status=1
    break
  done
  rm -f "$log.part"
  elapsed=$(( $(date +%s) - start ))
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  corpus_size=$(ls "$corpus" | wc -l)
  echo "fuzz: $h: $runs executions in $elapsed s ($(( runs / (elapsed > 0 ? elapsed : 1) )) exec/s)," \
       "${cov:-cov: ?}, corpus $corpus_size inputs, $timeouts tolerated time-limit hits: $result"
done
exit "$status"
