#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks po/POTFILES.in against the source tree: every file it lists exists
# (xgettext fails otherwise), and every source file or .ui template that marks
# strings for translation is listed (their strings would never be translated).
# With --update, rewrites po/POTFILES.in from the tree instead.
# Usage: check-potfiles.sh SOURCE-ROOT [--update]
set -eu

cd "$1"

# Files that mark strings for translation, the way xgettext will find them.
marked_files () {
  {
    find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                             -o -name '*.gschema.xml' -o -name '*.mime.xml' \) -print
    find src -name '*.[ch]' -exec \
      grep -lE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext|g_dpgettext2?)[[:space:]]*\(' {} + || true
    find resources -name '*.ui' -exec grep -l 'translatable="yes"' {} + || true
  } | LC_ALL=C sort -u
}

if [ "${2:-}" = "--update" ]; then
  {
    echo "# Files with translatable strings, one per line, relative to the source root."
    echo "# build-aux/check-potfiles.sh . --update rewrites this list from the tree."
    marked_files
  } > po/POTFILES.in
  echo "po/POTFILES.in: updated"
  exit 0
fi

listed=$(sed -e '/^#/d' -e '/^[[:space:]]*$/d' po/POTFILES.in)
fail=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    fail=1
  fi
done

for file in $(marked_files); do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file marks strings for translation but is not in po/POTFILES.in"
    fail=1
  fi
done

if [ "$fail" -ne 0 ]; then
  echo "(build-aux/check-potfiles.sh . --update rewrites the list from the tree)"
  exit 1
fi
echo "po/POTFILES.in: ok"
