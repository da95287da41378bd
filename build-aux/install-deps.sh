#!/bin/sh
# Installs the Debian 12 packages that building Zopa ("build") or building and
# testing it ("test") needs. Only missing packages are installed, through sudo
# when not run as root; nothing is done when everything is present.
# Usage: install-deps.sh build|test
set -eu

# Compiler and build system, and the libraries Zopa links.
build_packages="
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libcairo2-dev libpango1.0-dev
  libgtk-4-dev libadwaita-1-dev libglpk-dev
"

# What the test suite runs: the validators of the files in data/; a headless X
# server and a session bus for the UI tests; X input (xdotool) and the
# accessibility bus with its Python client for the test that drives the real
# application; the converters that check exported SVG and PDF files.
# Add a package here when a test starts using it.
test_packages="
  desktop-file-utils appstream libxml2-utils shared-mime-info
  xvfb xauth dbus
  python3 python3-gi python3-pyatspi at-spi2-core xdotool
  librsvg2-bin poppler-utils
"

case "${1:-}" in
  build) wanted=$build_packages ;;
  test)  wanted="$build_packages $test_packages" ;;
  *)     echo "usage: $0 build|test" >&2; exit 2 ;;
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

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-deps: these packages are missing and sudo is not available:$missing" >&2
  echo "install-deps: install them as root, then run make again." >&2
  exit 1
fi

echo "install-deps: installing$missing"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update
# shellcheck disable=SC2086 # the list is meant to split into words
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
