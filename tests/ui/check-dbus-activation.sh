#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Zopa started the way a desktop starts it: through D-Bus activation, on a private session
# bus that knows only the service and desktop files made from data/ (pointing at the built
# program). `gapplication launch` must open a window, `gio open FILE.zopa.json` a second one
# in the same instance, and the quit action must end it. Needs a display (xvfb-run).
# Usage: check-dbus-activation.sh ZOPA DESKTOP-FILE SERVICE-FILE MIME-FILE
set -eu

app_id=io.github.zopa.Zopa
object=/io/github/zopa/Zopa

if [ "${1:-}" = --inside ]; then
  scenario=$2

  # Waits up to 60 s (a loaded machine) for a command to succeed; polls, never guesses.
  wait_for() {
    what=$1
    shift
    tries=0
    until "$@" >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ $tries -ge 600 ]; then
        echo "not ok - timed out waiting for $what"
        exit 1
      fi
      sleep 0.1
    done
  }
  has_window() {
    gdbus introspect --session --dest $app_id --object-path "$object/window/$1" | grep -q org.gtk.Actions
  }
  owned() {
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner $app_id | grep -q true
  }
  not_owned() { ! owned; }

  echo "1..4"
  gapplication launch $app_id
  wait_for "the first window" has_window 1
  echo "ok 1 - gapplication launch starts Zopa through D-Bus activation and opens a window"

  owner=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
            --method org.freedesktop.DBus.GetNameOwner $app_id)
  gio open "$scenario"
  wait_for "a window for the opened file" has_window 2
  echo "ok 2 - gio open FILE.zopa.json opens it in a second window"

  same=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
           --method org.freedesktop.DBus.GetNameOwner $app_id)
  if [ "$same" != "$owner" ]; then
    echo "not ok 3 - the file opened in another instance ($owner, then $same)"
    exit 1
  fi
  echo "ok 3 - one instance serves both"

  gapplication action $app_id quit
  wait_for "Zopa to quit" not_owned
  echo "ok 4 - the quit action ends it"
  exit 0
fi

zopa=$1
desktop=$2
service=$3
mime=$4

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/share/dbus-1/services" "$tmp/share/applications" "$tmp/share/mime/packages" \
         "$tmp/config" "$tmp/data" "$tmp/cache"

sed "s|^Exec=.*/zopa |Exec=$zopa |" "$service" > "$tmp/share/dbus-1/services/$app_id.service"
sed "s|^Exec=zopa |Exec=$zopa |" "$desktop" > "$tmp/share/applications/$app_id.desktop"
cp "$mime" "$tmp/share/mime/packages/$app_id.xml"
# What gnome.post_install does after an install: the MIME database and the desktop files'
# MIME cache, which GIO needs to find the application for a type.
update-mime-database "$tmp/share/mime" >/dev/null 2>&1
update-desktop-database "$tmp/share/applications"
grep -q "^Exec=$zopa --gapplication-service\$" "$tmp/share/dbus-1/services/$app_id.service"
grep -q '^DBusActivatable=true$' "$tmp/share/applications/$app_id.desktop"

printf '{"format": "zopa", "version": 1, "title": "Opened by gio open"}\n' > "$tmp/opened.zopa.json"

# In sanitizer builds the activated app checks no leaks: GTK 4.8 leaks a GDateTime each time it
# trims the recent files by age, which opening a file does; this test is about activation.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
XDG_DATA_DIRS="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  dbus-run-session -- sh "$0" --inside "$tmp/opened.zopa.json"
