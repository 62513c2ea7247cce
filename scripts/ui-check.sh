#!/usr/bin/env bash
# A tour of the real app on a plain X11 desktop: Xvfb, no window manager, no XDG portal.
# For each size (1400x900, 900x600) and theme (light, dark) it opens the sample, tags an
# attribution, keeps the mouse moving for a few seconds, opens every tab and the export
# dialog, imports a committed test page from a local web server (File → Import from
# address…, Ctrl+L), and saves screenshots. Look at them before and after a UI change.
#
#   scripts/ui-check.sh [OUT_DIR]     (default target/ui-check; builds the release app)
#
# Needs xvfb, xdotool and imagemagick (installed with apt-get when missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/ui-check}
mkdir -p "$out"
need=()
for tool in Xvfb xdotool import; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq xvfb xdotool imagemagick >/dev/null
fi
cargo build --release --quiet
bin=$PWD/target/release/lateral
display=:97
# A web server on this machine only, for Import from address.
port=8797
(cd tests/data/readability && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) & web=$!
trap 'kill "$web" 2>/dev/null || true' EXIT

shot() { import -window root "$out/$1.png"; echo "$out/$1.png"; }
# Move the mouse over the window for about N seconds (a layout that feeds back shows then).
wiggle() {
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    for x in 300 420 540 660 540 420; do xdotool mousemove "$x" $((y0 + x / 4)); sleep 0.05; done
  done
}

for size in 1400x900 900x600; do
  w=${size%x*}; h=${size#*x}
  for theme in light dark; do
    Xvfb $display -screen 0 "${size}x24" >/dev/null 2>&1 & xvfb=$!
    sleep 1
    home=$(mktemp -d)
    mkdir -p "$home/.config/lateral"
    dark=false; [ "$theme" = dark ] && dark=true
    printf '(dark: %s)\n' "$dark" > "$home/.config/lateral/preferences.ron"
    DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config "$bin" >"$out/app-$size-$theme.log" 2>&1 & app=$!
    export DISPLAY=$display
    for _ in $(seq 1 50); do xdotool search --name Lateral >/dev/null 2>&1 && break; sleep 0.2; done
    win=$(xdotool search --name Lateral | head -1)
    # Open large, then shrink: panels must shrink with the window, as a user resizing it sees.
    xdotool windowsize "$win" 1400 900 windowmove "$win" 0 0
    sleep 1
    xdotool windowsize "$win" "$w" "$h"
    xdotool windowfocus --sync "$win" 2>/dev/null || true
    sleep 1.5
    tag="$size-$theme"
    shot "$tag-1-read"
    # Tag an attribution: double-click a word in the first column, press 2.
    left=$(( w > 1000 ? 290 : 250 ))
    y0=$(( h / 3 ))
    xdotool mousemove $((left + 60)) $((y0)) click --repeat 2 --delay 80 1
    sleep 0.3
    xdotool key 2
    sleep 0.3
    wiggle 4
    shot "$tag-2-attribution-after-mouse"
    # The views by their shortcuts: Ctrl+2 Compare, Ctrl+3 Overview, Ctrl+4 Class.
    for view in 2:Compare 3:Overview 4:Class; do
      xdotool key "ctrl+${view%:*}"
      sleep 1.5
      wiggle 2
      shot "$tag-3-${view#*:}"
    done
    xdotool key ctrl+1
    # The export dialog (Ctrl+E), and the window without its side panels (F9, F10).
    xdotool key ctrl+e; sleep 1
    shot "$tag-4-export"
    xdotool key Escape; sleep 0.3
    xdotool key F9 F10; sleep 0.8
    shot "$tag-5-no-side-panels"
    xdotool key F9 F10; sleep 0.5
    # Import from address: the dialog, then the page read from 127.0.0.1.
    xdotool key ctrl+l; sleep 0.8
    xdotool type --delay 10 "http://127.0.0.1:$port/heise/source.html"
    shot "$tag-6-import-address"
    xdotool key Return; sleep 3
    shot "$tag-7-imported-page"
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
    rm -rf "$home"
  done
done
echo "screenshots in $out"
