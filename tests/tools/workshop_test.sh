#!/bin/sh
# workshop_test.sh LADDER SOURCE_DIR: room mode driven through the terminal: votes, a tie the
# facilitator breaks, a rewind to play the road not taken, and the debrief files.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-workshop-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" HOME="$work" NO_COLOR=1 COLUMNS=80
fail() { echo "FAIL: $*"; cat "$work/out"; exit 1; }
# decision 1: 3 votes to 5 for walking the floor; decision 2: a 4-4 tie, the facilitator
# takes 1 (fix it yourself); decision 3: pick 1, which ends in collapse; then rewind to
# decision 2 and let Priya be taught instead, and end the session.
printf '3 5\n4 4\n7\n1\n1\nrewind 2\n0 6\n2 1\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --session ROOM9 --out "$work" > "$work/out" 2>&1 ||
  fail "workshop exited with status $?"
grep -q "The room: 3 for 1, 5 for 2. Option 2 it is." "$work/out" || fail "the votes were not counted"
grep -q "A tie between 1 and 2. Facilitator, your call:" "$work/out" || fail "no tie was called"
grep -q "Option 1 it is (the facilitator's call)" "$work/out" || fail "the tie was not broken as asked"
grep -q "== The end: Collapse (bad ending, after 3 decisions) ==" "$work/out" || fail "no ending"
grep -q "Back to decision 2. The road you left is kept in the debrief." "$work/out" || fail "no rewind"
grep -q "The room: 0 for 1, 6 for 2. Option 2 it is." "$work/out" || fail "no vote after the rewind"
grep -q "== The end: Promoted (good ending, after 3 decisions) ==" "$work/out" || fail "no second ending"
md=$(ls "$work"/workshop-office-ROOM9-*.md)
html=$(ls "$work"/workshop-office-ROOM9-*[0-9].html) # (not the participants' handout)
[ -f "$md" ] && [ -f "$html" ] || fail "no debrief files"
grep -q "^# Debrief: The Office" "$md" || fail "debrief title"
grep -q "^Votes: 3, 5 (8 voted)$" "$md" || fail "debrief lacks the first tally"
grep -q "^Votes: 0, 6 (6 voted)$" "$md" || fail "debrief lacks the tally after the rewind"
grep -q "^## Roads not taken" "$md" || fail "debrief lacks the road not taken"
# the room's road is the first to reach an ending; the one played after the rewind is explored
sed -n '/^## The road the room took/,/^## Where the stats ended/p' "$md" |
  grep -q "^\*\*Ending: Collapse\*\* (bad)" || fail "the room's road is not the one it took first"
grep -q "^### Explored after the ending, from decision 2: Promoted$" "$md" ||
  fail "the road explored after the ending is not named so"
grep -q "^| the room's | Collapse | 100 | 65 |$" "$md" || fail "no side-by-side row of the room's road"
grep -q "^| another | Promoted | 95 | 70 |$" "$md" || fail "no side-by-side row of the other road"
[ "$(ls "$work"/*.md | wc -l)" -eq 1 ] || fail "one session left more than one debrief"
grep -q "^Votes: 4, 4 (8 voted), a tie broken by the facilitator$" "$md" || fail "the tie is not in the record"
grep -q "^\*\*Ending: Collapse\*\* (bad)" "$md" || fail "the first road's ending is missing"
grep -q "^\*\*Ending: Promoted\*\* (good)" "$md" || fail "the final ending is missing"
grep -q "<svg" "$html" || fail "the HTML has no chart"
grep -q "<h2>Roads not taken</h2>" "$html" || fail "the HTML lacks the road not taken"
echo "workshop ok"

# The choice API in the room: a reply after the pick and in the debrief, the advice next to the
# choice taken (terminal debrief and files); locked choices are not options to vote on.
mkdir "$work/api"
printf 'pick 1\npick 2\nend\n' |
  "$ladder" workshop tests/fixtures/good/choice_api --session API --out "$work/api" \
    > "$work/out" 2>&1 || fail "workshop of choice_api exited with status $?"
grep -q "^You read it twice, slowly: acumen 70.$" "$work/out" || fail "no reply after the pick"
grep -q "2. Ask for the budget \[no change\] (follows the advice)" "$work/out" ||
  fail "no advice in the room's debrief"
! grep -q "Needs Business acumen" "$work/out" || fail "a locked choice was offered to the room"
md=$(ls "$work"/api/workshop-choice_api-API-*.md)
grep -q "^\*What followed:\* You read it twice, \*slowly\*: acumen 70.$" "$md" ||
  fail "the debrief lacks the reply"
grep -q "^The choice follows the advice.$" "$md" || fail "the debrief lacks the advice"
grep -q "<p>The choice follows the advice.</p>" "$work"/api/workshop-choice_api-API-*.html ||
  fail "the HTML debrief lacks the advice"
echo "workshop choice API ok"

# Participants: results files in the documented format, one per playthrough, never overwritten.
res="$work/results"
for i in 1 2 3; do
  printf '2\n2\n2\n' | "$ladder" play tests/fixtures/good/office --player Ana --session ROOM9 \
    --results "$res" > /dev/null 2>&1 || fail "participant run $i failed"
done
printf '1\nquit\n' | "$ladder" play tests/fixtures/good/office --player Ben --session ROOM9 \
  --results "$res" --anonymous > /dev/null 2>&1 || fail "the anonymous run failed"
n=$(ls "$res" | wc -l)
[ "$n" -eq 4 ] || fail "expected 4 results files (3 for Ana, never overwritten, 1 anonymous), found $n"
[ "$(ls "$res" | grep -c '^office-ROOM9-Ana-')" -eq 3 ] || fail "Ana's three files are not all there"
for f in "$res"/*.json; do
  for key in '"format":"ladder-results"' '"session":"ROOM9"' '"story":"office"' '"hash":' \
             '"seed":"' '"decisions":' '"stats":' '"ended":' '"ending":' '"scene":' '"choice":' \
             '"text":' '"seconds":' '"before":' '"after":'; do
    grep -qF "$key" "$f" || fail "$f lacks $key"
  done
done
seed=$(grep -ho '"seed":"[0-9]*"' "$res"/*.json | sort -u | wc -l)
[ "$seed" -eq 1 ] || fail "participants of one session got different seeds"
anon=$(ls "$res" | grep anonymous)
grep -q '"player":""' "$res/$anon" || fail "the anonymous file keeps a name"
grep -q '"ended":false' "$res/$anon" || fail "the quitter's file says it ended"
grep -q '"ending":"steady"' "$res"/office-ROOM9-Ana-*.json || fail "Ana's ending is missing"
echo "participants ok"
