#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Counts meson test results in testlog.json files and prints "N passed, N failed".
# OK and EXPECTEDFAIL count as passed; FAIL, TIMEOUT, ERROR and UNEXPECTEDPASS as
# failed; SKIP as neither. A missing log (the build failed before the tests ran)
# counts as one failure. With --sanitized, a test whose output holds a sanitizer
# report fails even when it exited 0 (for example when a child process reported).
# With --rerun, the tests of the log that follows are counted by their results there
# instead of in the log named just before it (a second run of tests whose first failed).
# Usage: count-tests.sh [--sanitized] [--rerun] TESTLOG.json [...]
set -eu

passed=0
failed=0
skipped=0
sanitized=0
rerun=0
rerun_names=""
rerun_target=""

# The names of the tests in a meson test log, one per line.
test_names () {
  sed -n 's/^{"name": *"\([^"]*\)".*/\1/p' "$1"
}

# A rerun log replaces the results of its tests in the log just before it, which is
# counted without them.
previous=""
for arg in "$@"; do
  case "$arg" in
    --sanitized) ;;
    --rerun) rerun=1 ;;
    *)
      if [ "$rerun" = 1 ] && [ -f "$arg" ]; then
        rerun_names=$(test_names "$arg")
        rerun_target=$previous
      fi
      rerun=0
      previous=$arg ;;
  esac
done

for arg in "$@"; do
  if [ "$arg" = "--sanitized" ]; then
    sanitized=1
    continue
  fi
  if [ "$arg" = "--rerun" ]; then
    rerun=1
    continue
  fi
  if [ ! -f "$arg" ]; then
    echo "count-tests: $arg is missing: the suite did not run" >&2
    failed=$((failed + 1))
    sanitized=0
    continue
  fi
  # One JSON object per line; the result member is the only unescaped
  # "result": "..." in it, since quotes inside captured output are escaped.
  skip=""
  [ "$arg" = "$rerun_target" ] && skip=$rerun_names
  counts=$(awk -v sanitized="$sanitized" -v skip="$skip" '
    BEGIN {
      n = split (skip, names, "\n")
      for (i = 1; i <= n; i++)
        skipped_name[names[i]] = 1
    }
    {
      result = ""
      if (match ($0, /"result": *"[A-Z]+"/)) {
        result = substr ($0, RSTART, RLENGTH)
        sub (/^"result": *"/, "", result)
        sub (/"$/, "", result)
      }
      if (result == "")
        next
      name = "?"
      if (match ($0, /"name": *"[^"]*"/)) {
        name = substr ($0, RSTART, RLENGTH)
        sub (/^"name": *"/, "", name)
        sub (/"$/, "", name)
      }
      if (name in skipped_name)
        next
      if (sanitized && (index ($0, "ERROR: AddressSanitizer") || index ($0, "ERROR: LeakSanitizer") \
                        || index ($0, ": runtime error: "))) {
        if (result == "OK" || result == "EXPECTEDFAIL" || result == "SKIP")
          print "count-tests: sanitizer report in " name > "/dev/stderr"
        else
          print "count-tests: " result " " name > "/dev/stderr"
        f++
      } else if (result == "OK" || result == "EXPECTEDFAIL")
        p++
      else if (result == "SKIP")
        s++
      else {
        print "count-tests: " result " " name > "/dev/stderr"
        f++
      }
    }
    END { printf "%d %d %d\n", p + 0, f + 0, s + 0 }
  ' "$arg")
  read -r p f s <<COUNTS
$counts
COUNTS
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  sanitized=0
  rerun=0
done

if [ "$skipped" -gt 0 ]; then
  echo "count-tests: $skipped skipped" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
