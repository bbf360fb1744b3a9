#!/bin/sh
# room.sh LADDER SOURCE_DIR: room mode in a real window under Xvfb: votes typed with the number
# keys, a tie the facilitator breaks, a rewind from the timeline, and the debrief files.
set -eu
ladder=$1
src=$2
work=$(mktemp -d /tmp/ladder-room-XXXXXX)
disp=""
for n in $(seq 191 240); do
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
  i=$((i + 1)); [ $i -lt 100 ] || { echo "Xvfb did not start"; exit 1; }
  sleep 0.1
done
cd "$src"
"$ladder" workshop tests/fixtures/good/office --session E2E --ui sdl --out "$work/out" \
  > "$work/ladder.log" 2>&1 &
lpid=$!
wid=$(timeout 10 xdotool search --sync --name '^Ladder$' | head -n 1)
[ -n "$wid" ] || { echo "no window appeared"; cat "$work/ladder.log"; exit 1; }
xdotool windowfocus --sync "$wid" 2> /dev/null || true
press() { xdotool key --clearmodifiers "$@"; sleep 0.4; }
sleep 0.5
press 1 1 2 2 Return    # a 2-2 tie: the facilitator's list opens
press Down Return       # ... and takes option 2, walking the floor
press 1 1 1 2 Return    # decision 2: 3 to 1 for fixing it yourself
press 2 Return          # decision 3: send it in the morning: the end
import -window root "$work/shot.png"
press r                 # the timeline
press Down Return       # rewind to before decision 2
press 2 Return 2 Return # teach Priya, then the morning again
press Escape            # the menu
press Up Return         # "End the session"
i=0
while kill -0 "$lpid" 2> /dev/null; do
  i=$((i + 1)); [ $i -lt 50 ] || { echo "ladder did not end"; exit 1; }
  sleep 0.1
done
wait "$lpid" || { echo "ladder exited with status $?"; cat "$work/ladder.log"; exit 1; }
lpid=""
md=$(ls "$work"/out/workshop-office-E2E-*.md 2> /dev/null | head -n 1)
[ -n "$md" ] || { echo "no debrief written"; cat "$work/ladder.log"; exit 1; }
grep -q "^Votes: 2, 2 (a tie, broken by the facilitator)$" "$md" || { echo "the tie is not recorded"; cat "$md"; exit 1; }
grep -q "^Votes: 3, 1$" "$md" || { echo "the second vote is not recorded"; cat "$md"; exit 1; }
grep -q "^## Roads not taken" "$md" || { echo "the rewind left no road not taken"; cat "$md"; exit 1; }
grep -q "^\*\*Ending: Steady\*\*" "$md" || { echo "no ending in the debrief"; cat "$md"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
[ "$colours" -gt 50 ] || { echo "the screenshot looks blank"; exit 1; }
echo "room mode in the window ok ($colours colours)"
