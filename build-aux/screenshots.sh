#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the README's screenshots: the window under Xvfb at 1280×800 (light, and dark on the
# issue map), editors and the comparison at 360×640, and a slide exported by zopa-cli. Needs
# a build in _build, xvfb-run, xdotool and imagemagick's import and convert. Clicks go to
# where the default layout puts things.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILDDIR:-$root/_build}
out=$root/docs/screenshots
mkdir -p "$out"

# Each run in folders of its own: the user's recovery store or last session would show
# dialogs and windows of their own.
shoot () {
  local name=$1 color_scheme=$2 clicks=$3 home
  home=$(mktemp -d)
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c "
    export GSETTINGS_SCHEMA_DIR='$build/data' GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
           NO_AT_BRIDGE=1 ADW_DEBUG_COLOR_SCHEME=$color_scheme \
           XDG_DATA_HOME='$home/data' XDG_CONFIG_HOME='$home/config' \
           XDG_STATE_HOME='$home/state' XDG_CACHE_HOME='$home/cache'
    '$build/src/ui/zopa' & pid=\$!
    sleep 6
    for xy in $clicks; do
      case \$xy in
        key:*) xdotool key \${xy#key:} ;;
        *) xdotool mousemove \${xy%,*} \${xy#*,} click 1 ;;
      esac
      sleep 3
    done
    xdotool mousemove 1279 799; sleep 2
    import -window root -crop 1280x760+0+0 '$out/$name.png'
    kill \$pid"
  rm -rf "$home"
}

# The third draft in the sidebar is the Geneva framework.
shoot window default "150,230"
shoot window-dark-issue-map prefer-dark "150,230 416,74"
# The Storyboard window (Shift+Ctrl+B) over the window, after its sixth frame was shown.
shoot storyboard default "key:ctrl+shift+b 150,480"

# The window, every editor and the comparison at 360×640 and 1280×800, light and dark: the UI
# test that checks them at 360 px saves them (in-process, each window's own pixels). All of
# them go to a folder for a look; four narrow ones, side by side, into the README.
shots=$(mktemp -d)
ZOPA_SCREENSHOT_DIR=$shots xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C "$build" adaptive --print-errorlogs >/dev/null
gap=(-size 16x1 xc:none)
convert -background none -gravity north "$shots/issue-editor-narrow-light.png" "${gap[@]}" \
        "$shots/actor-editor-narrow-lower-dark.png" "${gap[@]}" "$shots/compare-narrow-light.png" "${gap[@]}" \
        "$shots/narrow-clause-editor-dark.png" +append +repage "$out/narrow.png"
echo "The adaptive screenshots, light and dark, are in $shots"

"$build/src/cli/zopa-cli" export -o "$out/slide.png" --width 1920 --height 1080 --drafts us-28,eu,geneva-19
"$build/src/cli/zopa-cli" export -o "$out/slide-proportional.png" --width 1920 --height 1080 --mode proportional
# The fourth page of the built-in storyboard: the bargaining view of Kyiv and Moscow.
series=$(mktemp -d)
"$build/src/cli/zopa-cli" export --storyboard -o "$series/talk.png" --width 1920 --height 1080
cp "$series/talk-04.png" "$out/storyboard-page.png"
rm -rf "$series"
echo "Screenshots in $out"
