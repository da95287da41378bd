#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the README's screenshots: the window under Xvfb at 1280×800 (light, and dark on the
# issue map) and a slide exported by zopa-cli. Needs a build in _build, xvfb-run, xdotool
# and imagemagick's import. Clicks go to where the default layout puts things.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILDDIR:-$root/_build}
out=$root/docs/screenshots
mkdir -p "$out"

shoot () {
  local name=$1 color_scheme=$2 clicks=$3
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c "
    export GSETTINGS_SCHEMA_DIR='$build/data' GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
           NO_AT_BRIDGE=1 ADW_DEBUG_COLOR_SCHEME=$color_scheme
    '$build/src/ui/zopa' & pid=\$!
    sleep 6
    for xy in $clicks; do xdotool mousemove \${xy%,*} \${xy#*,} click 1; sleep 3; done
    xdotool mousemove 1279 799; sleep 2
    import -window root -crop 1280x760+0+0 '$out/$name.png'
    kill \$pid"
}

# The third draft in the sidebar is the Geneva framework.
shoot window default "150,230"
shoot window-dark-issue-map prefer-dark "150,230 416,74"

"$build/src/cli/zopa-cli" export -o "$out/slide.png" --width 1920 --height 1080 --drafts us-28,eu,geneva-19
echo "Screenshots in $out"
