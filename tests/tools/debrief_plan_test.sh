#!/bin/sh
# debrief_plan_test.sh LADDER SOURCE_DIR: the room's debrief opens with a 30-minute plan
# (issue 17): an agenda whose minutes run 0-5, 5-10, then the pivotal decisions up to 25, then
# 25-30; each pivotal decision with why it was picked (a tied vote is "split", the largest
# moves of the stats), the room's choice with its share of the votes, and what the other road
# led to when the room played it after a rewind (its ending and stats beside the room's); the
# questions for the whole story; in the Markdown and in the HTML.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-debrief-plan-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
# office: three decisions of two options. Votes 9-1, a 5-5 tie (the facilitator picks 1), 2-8;
# then back to decision 2 and the other option, to its ending
printf '9 1\n5 5\n1\n2 8\nrewind 2\n1 9\n2\n8 2\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --session T1 --ui term --out "$work/out" \
    > "$work/transcript" 2>&1 || { cat "$work/transcript"; fail "ladder workshop failed"; }
md=$(ls "$work"/out/*.md)
html=$(ls "$work"/out/*.html)
sed -n '/^## The 30-minute debrief/,/^## The road the room took/p' "$md" > "$work/plan"
[ -s "$work/plan" ] || fail "no plan at the top of the debrief: $(head -20 "$md")"
grep -q '^- \*\*0-5 min\*\*, reactions' "$work/plan" || fail "no reactions in the agenda"
grep -q '^- \*\*5-10 min\*\*, what happened: 3 decisions' "$work/plan" || fail "no 'what happened'"
grep -q '^- \*\*25-30 min\*\*, what now' "$work/plan" || fail "no 'what now'"
# the decisions' slots follow each other from 10 to 25
sed -n 's/^- \*\*\([0-9]*\)-\([0-9]*\) min\*\*.*/\1 \2/p' "$work/plan" | awk '
  NR == 1 && $1 != 0 { bad = 1 } NR > 1 && $1 != last { bad = 1 } { last = $2; n++ }
  END { exit bad || last != 30 || n < 4 }' ||
  fail "the agenda's minutes do not run on to 30: $(grep 'min\*\*' "$work/plan")"
grep -q '^### Decision 2: ' "$work/plan" || fail "the tied decision is not picked"
grep -q '^Picked because the room was split, 5, 5 (10 voted)' "$work/plan" || fail "the tie is not why"
grep -q '^\*\*The room chose:\*\* .*(5 of 10 votes, a tie broken by the facilitator)' "$work/plan" ||
  fail "the room's choice and votes are missing"
grep -q 'it moved the stats most (Burnout +' "$work/plan" || fail "no decision picked for its stats"
grep -q '^\*\*The other road:\*\* the room played it after a rewind; it led to .* (Burnout [0-9]* against [0-9]*' "$work/plan" ||
  fail "the other road of decision 2 is not told"
grep -q '^\*\*The other road:\*\* not played: `rewind 1` in the room plays it.' "$work/plan" ||
  fail "an unexplored road does not say how to play it"
grep -q '^- What will you do differently on Monday?' "$work/plan" || fail "no questions for the whole story"
grep -q '<section class="plan">' "$html" || fail "no plan in the HTML"
grep -q '<p class="why">Picked because the room was split, 5, 5 (10 voted)' "$html" || fail "the HTML plan lacks the tie"
echo "debrief plan ok"
