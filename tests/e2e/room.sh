#!/bin/sh
# room.sh LADDER SOURCE_DIR: room mode in a real window under Xvfb: the discussion timer run
# out (an alert box on screen), votes typed with the number keys, a tie the facilitator breaks,
# a rewind from the timeline, and the debrief files.
set -eu
ladder=$1
src=$2
first_display=191
. "$(dirname "$0")/xvfb.sh"
cd "$src"
start_window "$ladder" workshop tests/fixtures/good/office --session E2E --ui sdl --out "$work/out" --timer 1
press t                 # one second of discussion...
sleep 1.5               # ... runs out
import -window root "$work/timer.png"
# "Time is up" in a box of the light theme's alert colour (its 'bad', #AA3C00), not a word in grey
alert=$(convert "$work/timer.png" -fill black +opaque "rgb(170,60,0)" -fill white -opaque "rgb(170,60,0)" -format "%[fx:round(mean*w*h)]" info:)
[ "$alert" -gt 20000 ] || { echo "no alert on screen when the time ran out ($alert pixels)"; exit 1; }
press 1 1 2 2 Return    # a 2-2 tie: the facilitator's list opens
press Down Return       # ... and takes option 2, walking the floor
press 1 1 1 2 Return    # decision 2: 3 to 1 for fixing it yourself
press 2 Return          # decision 3: send it in the morning: the end
import -window root "$work/shot.png"
sleep 1                 # the ending page settles before the timeline is asked for
press r                 # the timeline
press Down Return       # rewind to before decision 2
press 2 Return 2 Return # teach Priya, then the morning again
press Escape            # the menu
press Up Return         # "End the session"
wait_exit
md=$(ls "$work"/out/workshop-office-E2E-*.md 2> /dev/null | head -n 1)
[ -n "$md" ] || { echo "no debrief written"; cat "$work/ladder.log"; exit 1; }
grep -q "^Votes: 2, 2 (4 voted[;)].*, a tie broken by the facilitator$" "$md" || { echo "the tie is not recorded"; cat "$md"; exit 1; }
grep -q "^Votes: 3, 1 (4 voted[;)]" "$md" || { echo "the second vote is not recorded"; cat "$md"; exit 1; }
grep -q "^## Roads not taken" "$md" || { echo "the rewind left no road not taken"; cat "$md"; exit 1; }
grep -q "^\*\*Ending: Steady\*\*" "$md" || { echo "no ending in the debrief"; cat "$md"; exit 1; }
colours=$(identify -format '%k' "$work/shot.png")
[ "$colours" -gt 50 ] || { echo "the screenshot looks blank"; exit 1; }
echo "room mode in the window ok ($colours colours)"
