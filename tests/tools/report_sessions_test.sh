#!/bin/sh
# report_sessions_test.sh LADDER SOURCE_DIR: session codes are read without case or spaces at
# either end (issue 17, review D7): participants who typed ROOM7, room7, " ROOM7" and "ROOM7 "
# play with one seed and make one section of the report (its code as most typed it, in the
# page and the CSV, with a note on the others); a code one character away from a session at
# least four times its size (WS9O beside WS90) is flagged as a likely typo on stderr and the page;
# short codes (A, B) and sessions of like size (ROOM7, ROOM8) are not.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-report-sessions-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
story=tests/fixtures/good/office
res="$work/res"
k=0
play() { # code
  k=$((k + 1))
  printf '{"choose":1}\n{"choose":2}\n' |
    "$ladder" play "$story" --ui json --session "$1" --results "$res" --player "P$k" \
      > /dev/null 2>&1 || fail "ladder play with code '$1' failed"
}
for c in ROOM7 ROOM7 room7 " ROOM7" "ROOM7 " "	Room7" WS90 WS90 WS90 WS90 WS90 WS9O ROOM8 ROOM8 ROOM8 A B B; do
  play "$c"
done
# one seed per session, whatever the spelling
grep -il '"session":"[^"]*room7 *"' "$res"/*.json > "$work/room7"
[ "$(wc -l < "$work/room7")" -eq 6 ] || fail "not 6 ROOM7 files"
seeds=$(xargs grep -ho '"seed":"[0-9]*"' < "$work/room7" | sort -u)
[ "$(echo "$seeds" | wc -l)" -eq 1 ] || fail "the spellings of ROOM7 played with different seeds: $seeds"

"$ladder" report "$res" -o "$work/r.html" --csv "$work/r.csv" --story "$story" \
  > "$work/out" 2> "$work/err" || { cat "$work/err"; fail "report failed"; }
grep -q "r.html: 18 results files in 6 sections" "$work/out" || fail "sections: $(cat "$work/out")"
html="$work/r.html"
grep -q '<a href="#[^"]*">The Office &middot; session ROOM7</a> (6 played)</li>' "$html" ||
  fail "ROOM7's spellings are not one section of 6"
grep -q 'session room7\|session  ROOM7\|session Room7' "$html" && fail "a spelling of ROOM7 has a section"
grep -q '2 of these participants typed the code in other capitals' "$html" ||
  fail "no note on the other spellings"
[ "$(grep -c ',office,ROOM7,' "$work/r.csv")" -eq 12 ] || fail "the CSV does not put ROOM7's 12 decisions under ROOM7"
grep -q ',office,room7,\|,office, ROOM7,' "$work/r.csv" && fail "the CSV keeps a spelling apart"
# the typo
grep -q "session WS9O (1 played) is probably a mistyped WS90 (5 played)" "$work/err" ||
  fail "the typo is not said on stderr: $(cat "$work/err")"
grep -q 'session WS9O</a> (1 played) <span class="typo">probably a mistyped WS90</span>' "$html" ||
  fail "the contents do not flag WS9O"
grep -q '<b>Likely a typo.</b> 1 played with the code WS9O, one character away from session WS90 (5 played)' "$html" ||
  fail "the section does not flag WS9O"
[ "$(grep -c 'mistyped' "$work/err")" -eq 1 ] || fail "more than one typo flagged: $(cat "$work/err")"
[ "$(grep -c '<span class="typo">' "$html")" -eq 1 ] || fail "more than one section flagged"
echo "report sessions ok"
