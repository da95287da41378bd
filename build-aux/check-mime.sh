#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Registers the MIME definition in a private database and checks that a
# *.zopa.json file is recognised as application/x-zopa+json, a kind of JSON.
# Usage: check-mime.sh MIME-PACKAGE.xml
set -eu

if ! command -v update-mime-database >/dev/null 2>&1; then
  echo "update-mime-database not installed (shared-mime-info)"
  exit 77
fi

package=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir -p "$tmp/mime/packages"
cp "$package" "$tmp/mime/packages/io.github.zopa.Zopa.xml"
update-mime-database "$tmp/mime"

fail=0
if ! grep -qx '[0-9]*:application/x-zopa+json:\*\.zopa\.json' "$tmp/mime/globs2"; then
  echo "no glob *.zopa.json for application/x-zopa+json in globs2:"
  cat "$tmp/mime/globs2"
  fail=1
fi
if ! grep -qx 'application/x-zopa+json application/json' "$tmp/mime/subclasses"; then
  echo "application/x-zopa+json is not a sub-class of application/json:"
  cat "$tmp/mime/subclasses"
  fail=1
fi

# GIO reads XDG_DATA_HOME/mime first: check what a file manager would see.
if command -v gio >/dev/null 2>&1; then
  printf '{}\n' > "$tmp/example.zopa.json"
  type=$(XDG_DATA_HOME="$tmp" gio info -a standard::content-type "$tmp/example.zopa.json" 2>/dev/null \
         | sed -n 's/^ *standard::content-type: *//p')
  if [ "$type" != "application/x-zopa+json" ]; then
    echo "GIO sees example.zopa.json as '$type', expected application/x-zopa+json"
    fail=1
  fi
fi

[ "$fail" -eq 0 ] && echo "MIME type application/x-zopa+json: ok"
exit "$fail"
