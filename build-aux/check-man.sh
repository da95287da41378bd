#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Formats each manual page with every groff warning on; fails on a warning or an error, or
# when a page is missing its NAME, SYNOPSIS or DESCRIPTION.
# Usage: check-man.sh GROFF PAGE...
set -u
groff=$1
shift
status=0
for page in "$@"; do
  warnings=$(LC_ALL=C.UTF-8 "$groff" -man -ww -z -Tutf8 "$page" 2>&1)
  if [ -n "$warnings" ]; then
    echo "$page:"
    echo "$warnings"
    status=1
  fi
  for section in NAME SYNOPSIS DESCRIPTION; do
    if ! grep -q "^\.SH $section\$" "$page"; then
      echo "$page: no $section section"
      status=1
    fi
  done
done
exit $status
