#!/bin/sh
# Checks po/POTFILES.in against the tree: every file with translatable strings is listed,
# and every listed file exists. Prints what is wrong; exits 1 when anything is.
root=${1:-.}
cd "$root" || exit 1
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

for file in $(ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; \
              grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\("|g_dngettext|translatable="yes"' src resources \
                --include='*.c' --include='*.ui' | sort); do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
exit $status
