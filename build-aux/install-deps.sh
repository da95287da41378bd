#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages that building Zopa ("build") or building and
# testing it ("test") needs. Only missing packages are installed, through sudo
# when not run as root; nothing is done when everything is present.
# Usage: install-deps.sh build|test|fuzz
set -eu

# Compiler and build system, and the libraries Zopa links.
build_packages="
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libcairo2-dev libpango1.0-dev
  libgtk-4-dev libadwaita-1-dev libglpk-dev
"

# What the test suite runs: the validators of the files in data/, of the JSON
# Schema of the file format, of the manual and help pages; the shells whose
# completions are checked; a headless X server and a session bus for the UI
# tests; X input (xdotool) and the accessibility bus with its Python client for
# the test that drives the real application; the converters that check
# exported SVG and PDF files; the locales the translations are shown in.
# Add a package here when a test starts using it.
test_packages="
  desktop-file-utils appstream libxml2-utils shared-mime-info python3-jsonschema
  groff-base yelp-tools bash-completion zsh fish
  xvfb xauth dbus
  python3 python3-gi python3-pyatspi at-spi2-core xdotool
  librsvg2-bin poppler-utils locales
"

# The locales the translation tests render the window in (generated with locale-gen).
test_locales="de_DE.UTF-8 uk_UA.UTF-8"

# The fuzz harnesses (tests/fuzz/run-fuzzers.sh): clang, and libFuzzer with the
# sanitizer runtimes, which clang only recommends.
fuzz_packages="
  clang libclang-rt-dev
"

case "${1:-}" in
  build) wanted=$build_packages; locales="" ;;
  test)  wanted="$build_packages $test_packages"; locales=$test_locales ;;
  fuzz)  wanted="$build_packages $fuzz_packages"; locales="" ;;
  *)     echo "usage: $0 build|test|fuzz" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  # shellcheck disable=SC2086 # one package per word
  echo "install-deps: not a Debian system; install the equivalents of:" $wanted >&2
  exit 0
fi

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != "installed" ]; then
    missing="$missing $pkg"
  fi
done

# locale -a spells them de_DE.utf8.
missing_locales=""
for loc in $locales; do
  short=$(echo "$loc" | sed 's/\.UTF-8$/.utf8/')
  if ! locale -a 2>/dev/null | grep -qx "$short"; then
    missing_locales="$missing_locales $loc"
  fi
done

if [ -z "$missing" ] && [ -z "$missing_locales" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-deps: these packages or locales are missing and sudo is not available:$missing$missing_locales" >&2
  echo "install-deps: install them as root, then run make again." >&2
  exit 1
fi

if [ -n "$missing" ]; then
  echo "install-deps: installing$missing"
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  # shellcheck disable=SC2086 # the list is meant to split into words
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

if [ -n "$missing_locales" ]; then
  echo "install-deps: generating the locales$missing_locales"
  for loc in $missing_locales; do
    if grep -q "^# *$loc UTF-8" /etc/locale.gen; then
      $as_root sed -i "s/^# *$loc UTF-8/$loc UTF-8/" /etc/locale.gen
    elif ! grep -q "^$loc UTF-8" /etc/locale.gen; then
      echo "$loc UTF-8" | $as_root tee -a /etc/locale.gen >/dev/null
    fi
  done
  $as_root locale-gen
fi
