#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints the names of the tests in a meson testlog.json that failed with a
# LeakSanitizer report and nothing worse (no AddressSanitizer error, no undefined
# behaviour, no failed TAP subtest), one per line. Their leak stacks stop where frame pointers end, in
# GLib: .ci/run runs them again with full stacks, which the suppressions can match.
# Usage: leak-only-failures.sh TESTLOG.json
set -eu

[ -f "$1" ] || exit 0
awk '
  index ($0, "ERROR: LeakSanitizer") && !index ($0, "ERROR: AddressSanitizer") \
      && !index ($0, ": runtime error: ") && !index ($0, "not ok ") && match ($0, /^\{"name": *"[^"]*"/) {
    name = substr ($0, RSTART, RLENGTH)
    sub (/^\{"name": *"/, "", name)
    sub (/"$/, "", name)
    sub (/^[^ ]* \/ /, "", name)
    print name
  }
' "$1"
