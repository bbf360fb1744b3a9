#!/bin/sh
# room_fixes_test.sh LADDER SOURCE_DIR: what a facilitator new to Ladder found in room mode
# (issue 17's second review), each checked in the terminal room:
# 1. a rewind into an earlier chapter keeps the room's road: the first road to reach an ending
#    (here one that reached chapter 1's ending and went on into chapter 2) stays the room's,
#    with its own votes, title and stats; the replayed chapter is a road explored after it.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-room-fixes-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }

# 1. career: chapter 1 to its ending (decision 2 voted 20/7/3), next, decisions 11-12 of
# chapter 2, then rewind 2 into chapter 1, decision 2 voted 3/7/20, played to chapter 1's
# ending, end
{ echo "pick 1"; echo "20 7 3"; for i in 1 2 3 4 5 6 7 8; do echo "pick 1"; done
  echo next; echo "pick 1"; echo "pick 1"; echo "rewind 2"; echo "3 7 20"
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo "pick 1"; done; echo end; } |
  "$ladder" workshop career --session C --ui term --out "$work/c" > "$work/tc" 2>&1 ||
  { cat "$work/tc"; fail "ladder workshop career failed"; }
grep -q '^== Chapter 2 of 4: ' "$work/tc" || fail "the room did not reach chapter 2"
grep -q '^Back to decision 2\.' "$work/tc" || fail "rewind 2 did not go back into chapter 1"
md=$(ls "$work"/c/*.md)
html=$(ls "$work"/c/*.html | grep -v -- '-handout\.html$')
handout=$(ls "$work"/c/*-handout.html)
head -1 "$md" | grep -q '^# Debrief: A Career in Four Chapters, chapter 2 of 4: ' ||
  fail "the debrief is titled after the replayed chapter: $(head -1 "$md")"
grep -q '<h1>Debrief: A Career in Four Chapters, chapter 2 of 4: ' "$html" || fail "the HTML's title"
grep -q '^- \*\*5-10 min\*\*, what happened: 12 decisions;' "$md" ||
  fail "the plan does not tell the room's 12 decisions: $(grep '5-10 min' "$md")"
grep -q '^\*\*The room chose:\*\* Keep the Bridge yourself.* (20 of 30 votes)' "$md" ||
  fail "decision 2's votes are not the room's road's: $(grep 'room chose' "$md")"
grep -q '^### Explored after the ending, from decision 2: Steady Hands$' "$md" ||
  fail "the replayed chapter is not an explored road: $(grep '^### [LE]' "$md")"
grep -q '^### Left' "$md" && fail "the room's own road is listed as left: $(grep '^### Left' "$md")"
grep -q "^| the room's | (stopped before an ending) |" "$md" || fail "the side-by-side's room's row"
grep -q '^| Road | Ending | .*Job satisfaction' "$md" &&
  fail "the side-by-side shows a stat of chapter 1 for a road in chapter 2"
grep -q '^\*\*The other road:\*\* the room played it after a rewind; it led to Steady Hands, the end of chapter 1, after 10 decisions (Burnout [0-9]* against [0-9]*.* where the room.s road ended chapter 1)\.$' "$md" ||
  fail "the road played again is not set against the room's at chapter 1's end: $(grep 'other road:' "$md")"
grep -q '12 decisions' "$handout" || fail "the handout does not cover the room's road"

echo "room fixes ok"
