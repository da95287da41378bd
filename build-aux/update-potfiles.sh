#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Rewrites po/POTFILES.in from the files that hold translatable strings.
cd "${1:-.}" || exit 1
{
  echo "# Files with translatable strings, one per line, relative to the source root."
  echo "# Regenerate with build-aux/update-potfiles.sh; a test checks it is complete."
  {
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml
    grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\("|g_dngettext|translatable="yes"' src resources \
      --include='*.c' --include='*.ui'
  } | sort -u
} > po/POTFILES.in
