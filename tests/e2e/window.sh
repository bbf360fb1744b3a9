#!/bin/sh
# window.sh LADDER SOURCE_DIR: the window end to end under Xvfb with real key presses (xdotool):
# choose, open the menu, save to a slot, quit; then check the save files and a screenshot.
set -eu
ladder=$1
src=$2
work=$(mktemp -d /tmp/ladder-e2e-XXXXXX)
disp=""
for n in $(seq 91 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then disp=":$n"; break; fi
done
[ -n "$disp" ] || { echo "no free X display number"; exit 1; }
Xvfb "$disp" -screen 0 1024x768x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xpid=$!
lpid=""
cleanup() {
  [ -n "$lpid" ] && kill "$lpid" 2>/dev/null || true
  kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY="$disp" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
i=0
until xdotool getmouselocation > /dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
  sleep 0.1
done

cd "$src"
"$ladder" play tests/fixtures/good/office --seed 1 --ui sdl > "$work/ladder.log" 2>&1 &
lpid=$!
wid=$(timeout 10 xdotool search --sync --name '^Ladder$' | head -n 1)
[ -n "$wid" ] || { echo "no window appeared"; cat "$work/ladder.log"; exit 1; }
xdotool windowfocus --sync "$wid" 2> /dev/null || true
press() { xdotool key --clearmodifiers "$@"; sleep 0.4; }
sleep 0.5
press 2                 # walk the floor
press Escape            # menu: focus on "Back to the story"
press Down Return       # "Save the game": the slot list
press 1                 # slot 1
import -window root "$work/shot.png"
press Escape            # menu again
press Up Return         # wraps round to "Quit Ladder"
i=0
while kill -0 "$lpid" 2> /dev/null; do
  i=$((i + 1)); [ $i -lt 50 ] || { echo "ladder did not quit"; exit 1; }
  sleep 0.1
done
wait "$lpid" || { echo "ladder exited with status $?"; cat "$work/ladder.log"; exit 1; }
lpid=""

saves="$work/data/ladder/saves/office"
test -f "$saves/slot1.json" || { echo "no slot1.json in $saves"; ls -la "$saves" || true; exit 1; }
grep -q '"choice":[[:space:]]*"walk"' "$saves/slot1.json" || { echo "slot 1 lacks the decision"; cat "$saves/slot1.json"; exit 1; }
grep -q '"choice":[[:space:]]*"walk"' "$saves/autosave.json" || { echo "no autosave of the decision"; exit 1; }
test -f "$work/config/ladder/settings.json" || { echo "settings were not remembered"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
echo "screenshot: $(identify -format '%wx%h' "$work/shot.png"), $colours colours"
[ "$colours" -gt 50 ] || { echo "the screenshot looks blank"; exit 1; }
echo "window end-to-end ok"
