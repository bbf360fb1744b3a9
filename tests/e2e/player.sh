#!/bin/sh
# player.sh LADDER SOURCE_DIR: issue 16's defects 1, 3, 7 and 9 with real input under Xvfb
# (xdotool): the focus of a closed menu takes no choice; the Menu button opens the menu with a
# click; saving starts on an empty slot and asks before overwriting; Continue resumes the save
# loaded last.
set -eu
ladder=$1
src=$2
first_display=111
. "$(dirname "$0")/xvfb.sh"
cd "$src"
mkdir -p "$work/config/ladder"
echo '{"text_size": 20, "window": {"w": 800, "h": 600, "x": 0, "y": 0}}' > "$work/config/ladder/settings.json"
saves="$work/data/ladder/saves/office"
steps() { [ -f "$1" ] && grep -o '"choice":[[:space:]]*"[a-z]*"' "$1" | wc -l || echo 0; }
start_window "$ladder" play tests/fixtures/good/office --seed 1 --ui sdl

# 3: Esc, Down, Down, Esc, Space takes no choice
press Escape Down Down Escape space
[ "$(steps "$saves/autosave.json")" = 0 ] || { echo "Space took a choice after the menu closed"; exit 1; }

# 1: a click on the Menu button (top right of the 800 px window) opens the menu: the page dims
xdotool mousemove 740 26 click 1
sleep 0.4
import -window root "$work/menu.png"
page=$(convert "$work/menu.png" -format '%[fx:round(255*p{40,560}.r)]' info:)
[ "$page" -lt 200 ] || { echo "the Menu button did not open the menu (page red $page)"; exit 1; }
press Escape

# 9: save to the first empty slot (slot 1), decide, then saving again asks before slot 1
press Escape Down Return Return
[ "$(steps "$saves/slot1.json")" = 0 ] || { echo "slot 1 was not saved at the start"; exit 1; }
press 1
press Escape Down Return Up Return   # slot 1: asked, Cancel focused
press Return                         # Cancel: back to the slots
press Escape                         # the story
[ "$(steps "$saves/slot1.json")" = 0 ] || { echo "slot 1 was overwritten without asking"; exit 1; }

# 7: load slot 1 (second in the list, after the newer autosave), quit without deciding,
# relaunch, Continue, take choice 2: the game goes on from slot 1, not from the autosave
press Escape Down Down Return 2
press Escape Up Return Up Return     # Quit asks; Quit
wait_exit
# the title lists the fixtures, office among them
LADDER_SCENARIOS="$src/tests/fixtures/good" start_window "$ladder" --ui sdl
press Tab Return                     # Continue
press 2                              # walk the floor
press Escape Up Return Up Return
wait_exit
[ "$(steps "$saves/autosave.json")" = 1 ] && grep -q '"choice":[[:space:]]*"walk"' "$saves/autosave.json" ||
  { echo "Continue did not resume slot 1"; cat "$saves/autosave.json"; exit 1; }
echo "player's defects 1, 3, 7 and 9 ok under Xvfb"
