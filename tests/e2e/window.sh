#!/bin/sh
# window.sh LADDER SOURCE_DIR: the window end to end under Xvfb with real key presses (xdotool):
# choose, open the menu, save to a slot, quit; then check the save files and a screenshot.
set -eu
ladder=$1
src=$2
first_display=91
. "$(dirname "$0")/xvfb.sh"
cd "$src"
start_window "$ladder" play tests/fixtures/good/office --seed 1 --ui sdl
press 2                 # walk the floor
press Escape            # menu: focus on "Back to the story"
press Down Return       # "Save the game": the slot list
press 1                 # slot 1
import -window root "$work/shot.png"
press Escape            # menu again
press Up Return         # wraps round to "Quit Ladder", which asks first (Cancel focused)
press Up Return         # "Quit"
wait_exit

saves="$work/data/ladder/saves/office"
test -f "$saves/slot1.json" || { echo "no slot1.json in $saves"; ls -la "$saves" || true; exit 1; }
grep -q '"choice":[[:space:]]*"walk"' "$saves/slot1.json" || { echo "slot 1 lacks the decision"; cat "$saves/slot1.json"; exit 1; }
grep -q '"choice":[[:space:]]*"walk"' "$saves/autosave.json" || { echo "no autosave of the decision"; exit 1; }
test -f "$work/config/ladder/settings.json" || { echo "settings were not remembered"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
echo "screenshot: $(identify -format '%wx%h' "$work/shot.png"), $colours colours"
[ "$colours" -gt 50 ] || { echo "the screenshot looks blank"; exit 1; }
echo "window end-to-end ok"
