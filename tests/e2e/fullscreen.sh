#!/bin/sh
# fullscreen.sh LADDER SOURCE_DIR: F11 under a bare X server (no window manager) makes the
# window cover the screen and lays the page out for it; F11 again gives the window back at its
# size (issue 16, item 13: the page was laid out for the screen inside the unchanged window).
set -eu
ladder=$1
src=$2
first_display=141
. "$(dirname "$0")/xvfb.sh"
cd "$src"
mkdir -p "$work/config/ladder"
echo '{"text_size": 20, "window": {"w": 800, "h": 600, "x": 0, "y": 0}}' > "$work/config/ladder/settings.json"
start_window "$ladder" play tests/fixtures/good/office --seed 1 --ui sdl
size() { xwininfo -id "$wid" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}'; }
[ "$(size)" = 800x600 ] || { echo "the window opened at $(size), not 800x600"; exit 1; }
press F11
sleep 0.5
[ "$(size)" = 1024x768 ] || { echo "F11 left the window at $(size) on a 1024x768 screen"; exit 1; }
import -window root "$work/full.png"
# the side panel (the light theme's panel colour) reaches the screen's right edge
panel=$(convert "$work/full.png" -format '%[pixel:p{1015,400}]' info:)
case "$panel" in *236,230,218*|*ECE6DA*|*ece6da*) ;; *) echo "the right edge shows $panel, not the stat panel"; exit 1;; esac
press F11
sleep 0.5
[ "$(size)" = 800x600 ] || { echo "F11 again left the window at $(size)"; exit 1; }
import -window "$wid" "$work/back.png"
# laid out for 800 again: the top bar's Menu button ends 20 px from the right edge
menu=$(convert "$work/back.png" -format '%[pixel:p{779,26}]' info:)
case "$menu" in *236,230,218*|*ECE6DA*|*ece6da*) echo "no Menu button at the right of an 800 px bar"; exit 1;; esac
press Escape Up Return Up Return
wait_exit
echo "fullscreen without a window manager ok"
