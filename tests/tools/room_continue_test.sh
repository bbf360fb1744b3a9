#!/bin/sh
# room_continue_test.sh LADDER SOURCE_DIR: a room killed with SIGKILL mid-session continues
# with --continue where it was, with every vote cast before the kill (the journal), and the
# session leaves one debrief, rewritten in place. The same session as workshop_test.sh, cut in
# two by the kill: the debrief must hold exactly what the uncut session's holds.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-room-continue-XXXXXX)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" HOME="$work" NO_COLOR=1 COLUMNS=80
fail() { echo "FAIL: $*"; cat "$work/out1" "$work/out2" 2>/dev/null; exit 1; }
wait_for() { # wait_for FILE TEXT: up to 20 s
  i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1)); [ $i -le 200 ] || fail "waited 20 s for '$2'"; sleep 0.1
  done
}
mkfifo "$work/in"
"$ladder" workshop tests/fixtures/good/office --session KILL9 --ui term --out "$work" \
  < "$work/in" > "$work/out1" 2>&1 &
pid=$!
exec 3> "$work/in"
# decision 1: 3 to 5; decision 2: a 4-4 tie the facilitator breaks for option 1
printf '3 5\n4 4\n7\n1\n' >&3
wait_for "$work/out1" "Option 1 it is (the facilitator's call)"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
exec 3>&-
journal=$(ls "$work"/workshop-office-KILL9-*.journal)
[ "$(wc -l < "$journal")" -eq 3 ] || fail "the journal does not hold a header and two decisions"
# a torn last line (a kill while it was written) is left out and cut off
printf '{"decide":3,"cho' >> "$journal"

printf '1\nrewind 2\n0 6\n2 1\nend\n' |
  "$ladder" workshop tests/fixtures/good/office --session KILL9 --ui term --out "$work" \
    --continue > "$work/out2" 2>&1 || fail "workshop --continue exited with status $?"
grep -q "Continuing the room from .*KILL9.*journal, at decision 3 with every vote so far." \
  "$work/out2" || fail "it did not continue at decision 3"
grep -q "== The end: Collapse (bad ending, after 3 decisions) ==" "$work/out2" ||
  fail "the continued room did not reach the first ending"
grep -q "== The end: Promoted (good ending, after 3 decisions) ==" "$work/out2" ||
  fail "no second ending after the rewind"
[ "$(ls "$work"/*.md | wc -l)" -eq 1 ] || fail "more than one Markdown debrief: $(ls "$work")"
[ "$(ls "$work"/*.html | grep -vc -- '-handout\.html$')" -eq 1 ] || fail "more than one HTML debrief: $(ls "$work")"
[ "$(ls "$work"/*-handout.html | wc -l)" -eq 1 ] || fail "not one handout: $(ls "$work")"
md=$(ls "$work"/workshop-office-KILL9-*.md)
grep -q "^Votes: 3, 5" "$md" || fail "the vote before the kill is lost"
grep -q "^Votes: 4, 4 (8 voted), a tie broken by the facilitator" "$md" || fail "the tie before the kill is lost"
grep -q "^Votes: 0, 6" "$md" || fail "the vote after the rewind is missing"
grep -q "^## Roads not taken" "$md" || fail "the road rewound away from is missing"
# the journal goes on from where it was: header, 3 decisions, a rewind, 2 decisions
[ "$(wc -l < "$journal")" -eq 7 ] || fail "the journal has $(wc -l < "$journal") lines, not 7"
grep -q '"rewind":2' "$journal" || fail "the rewind is not journaled"

# --continue with nothing to continue says so
if "$ladder" workshop tests/fixtures/good/office --session NOPE --ui term --out "$work" \
    --continue < /dev/null > "$work/out3" 2>&1; then
  fail "--continue without a journal succeeded"
fi
grep -q "there is no room of 'office' with session NOPE to continue" "$work/out3" ||
  fail "no clear message without a journal: $(cat "$work/out3")"
echo "room continue ok"
