#!/bin/sh
# report_files_test.sh LADDER SOURCE_DIR: the results files a facilitator's `ladder report`
# finds in a shared folder (issue 17, review D6 and D12 to D16).
# - Results files are written readable by others (0666 less the umask: 0644 with umask 022;
#   still 0600 under umask 077, as the participant asked): `ladder play`'s results files, the
#   room's debrief, the report.
# - Subfolders are read; the same file reached twice (named twice, a hard link) counts once
#   and silently; a byte-for-byte copy of a named player's file counts once and is named (two
#   anonymous ones are two participants); a folder named *.json, a broken
#   link, a looping link and a link back up are named in the skipped list, on stderr and on the
#   page; a file whose scene or choice ids the story does not have is named and not counted
#   (no phantom decision point); a reason does not repeat the path.
# - A room's folder given by mistake is named as one, with its debrief.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-report-files-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
story=tests/fixtures/good/office
res="$work/res"

play() { # folder player choice1 choice2 choice3 [options]
  dir=$1 player=$2 a=$3 b=$4 c=$5
  shift 5
  printf '{"choose":%s}\n{"choose":%s}\n{"choose":%s}\n' "$a" "$b" "$c" |
    "$ladder" play "$story" --ui json --session ROOM7 --results "$dir" --player "$player" "$@" \
      > /dev/null 2>> "$work/play.err" || fail "ladder play for $player failed"
}
mode() { stat -c %a "$1"; }

# ---- file modes ----
(umask 022 && play "$res/teamA" A1 1 2 1 && play "$res/teamA" A2 1 1 1 && play "$res/teamA" A3 2 2 2)
(umask 022 && play "$res/teamB" B1 2 1 2)
for f in "$res"/teamA/*.json "$res"/teamB/*.json; do
  [ "$(mode "$f")" = 644 ] || fail "$f is $(mode "$f"), not 644 under umask 022"
done
(umask 077 && play "$work/private" P1 1 1 1)
f=$(ls "$work"/private/*.json)
[ "$(mode "$f")" = 600 ] || fail "under umask 077 a results file is $(mode "$f"), not 600"
(umask 002 && play "$work/group" G1 1 1 1)
f=$(ls "$work"/group/*.json)
[ "$(mode "$f")" = 664 ] || fail "under umask 002 a results file is $(mode "$f"), not 664"
# the room's debrief, to be sent round, too (its journal stays the facilitator's)
printf '1\n1\n1\nend\n' | (umask 022 && "$ladder" workshop "$story" --session W1 --ui term \
  --out "$work/debrief" > /dev/null 2>&1) || fail "ladder workshop failed"
for f in "$work"/debrief/*.md "$work"/debrief/*.html; do
  [ "$(mode "$f")" = 644 ] || fail "the debrief $f is $(mode "$f"), not 644"
done

# ---- what a shared folder holds ----
a1=$(ls "$res"/teamA/office-ROOM7-A1-*.json)
cp "$a1" "$res/teamB/copy-of-A1.json"          # a copy: counted once, named
ln "$a1" "$res/teamB/hardlink-A1.json"          # the same file: counted once, silently
mkdir "$res/empty.json"                         # a folder named like a results file
ln -s nowhere.json "$res/dangling.json"         # a broken link
ln -s loop.json "$res/loop.json"                # a link to itself
ln -s .. "$res/teamB/up"                        # a link back up
mkdir -p "$res/deep/er/still"                   # a subfolder three down
(umask 022 && play "$res/deep/er/still" D1 2 1 1)
# another version of the story: its first scene renamed, and a choice renamed in a second file
sed 's/"desk"/"night_first_day"/g; s/"A1"/"W1"/' "$a1" > "$res/wrong-scene.json"
sed 's/"teach"/"shout"/g; s/"walk"/"run"/g; s/"A1"/"W2"/' "$a1" > "$res/wrong-choice.json"
grep -q night_first_day "$res/wrong-scene.json" || fail "the wrong scene was not written"

"$ladder" report "$res" "$a1" -o "$work/r.html" --csv "$work/r.csv" --story "$story" \
  > "$work/out" 2> "$work/err" || { cat "$work/err"; fail "report failed"; }
[ "$(mode "$work/r.html")" = "$(printf '%o' $((0666 & ~$(umask))))" ] ||
  fail "the page is $(mode "$work/r.html")"
grep -q "r.html: 5 results files in 1 section, 7 skipped" "$work/out" ||
  fail "summary: $(cat "$work/out") / $(cat "$work/err")"
html="$work/r.html"
grep -q '<span class="num">5</span><span class="what">played</span>' "$html" || fail "not 5 played"
for s in desk noon evening; do
  grep -q "scene <code>$s</code>.* reached by 5 of 5" "$html" || fail "$s is not reached by 5 of 5"
done
grep -q night_first_day "$html" && ! grep -q "wrong-scene.json</code>: decision 1 names the scene &#39;night_first_day&#39;" "$html" &&
  fail "the phantom scene reached the page outside the skipped list"
grep -q "scene <code>night_first_day</code>" "$html" && fail "a phantom decision point is shown"
[ "$(grep -c '^.*/.*,office,ROOM7,' "$work/r.csv")" -eq 15 ] || fail "the CSV has not 15 decision rows"
expect() { # what, in the skipped list on stderr and on the page
  grep -qF "skipped $1" "$work/err" || fail "stderr does not say: skipped $1"
}
expect "$res/teamB/copy-of-A1.json: the same results as $a1 (a copy, counted once)"
expect "$res/empty.json: a folder, not a results file (it holds no *.json file)"
expect "$res/dangling.json: a broken link (what it points to does not exist)"
expect "$res/loop.json: a link that loops (it leads back to itself)"
expect "$res/teamB/up: a folder read already"
expect "$res/wrong-scene.json: decision 1 names the scene 'night_first_day', which the story 'office' does not have"
expect "$res/wrong-choice.json: decision 2 names the choice 'shout' in the scene 'noon'"
grep -q hardlink "$work/err" && fail "a hard link to a file read already is named"
[ "$(grep -c '^ladder: report: skipped' "$work/err")" -eq 7 ] || fail "not 7 skipped: $(cat "$work/err")"
[ "$(grep -c '<li><code>' "$html")" -eq 7 ] || fail "the page does not list the 7 skipped"
grep -q 'empty.json</code>: a folder, not a results file' "$html" || fail "the page misses the folder"

# a reason names the path once
head -c 10 "$a1" > "$work/cut.json"
chmod 000 "$work/cut.json"
if ! cat "$work/cut.json" > /dev/null 2>&1; then
  "$ladder" report "$work/cut.json" "$a1" -o "$work/r2.html" > /dev/null 2> "$work/err2" || true
  grep -q "skipped $work/cut.json: cannot open: Permission denied" "$work/err2" ||
    fail "unreadable file: $(cat "$work/err2")"
fi
chmod 644 "$work/cut.json"
dd if=/dev/zero of="$work/big.json" bs=1M count=17 2> /dev/null
"$ladder" report "$work/big.json" "$a1" -o "$work/r3.html" > /dev/null 2> "$work/err3" || true
grep -q "skipped $work/big.json: file is too large" "$work/err3" || fail "big file: $(cat "$work/err3")"

# a folder of folders only (review D16)
mkdir -p "$work/nested"
cp -r "$res/teamA" "$res/teamB" "$work/nested/"
rm "$work/nested/teamB/copy-of-A1.json" "$work/nested/teamB/up"
"$ladder" report "$work/nested" -o "$work/r4.html" > "$work/out4" 2>&1 || fail "nested folders: $(cat "$work/out4")"
grep -q "r4.html: 4 results files in 1 section" "$work/out4" || fail "nested: $(cat "$work/out4")"

# two anonymous files byte for byte the same are two participants (the same road in the same
# second: nothing tells them from a copy), counted each
(umask 022 && play "$work/anon" X 1 2 1 --anonymous)
cp "$work"/anon/*.json "$work/anon/second.json"
"$ladder" report "$work/anon" -o "$work/r6.html" > "$work/out6" 2>&1 || fail "anonymous: $(cat "$work/out6")"
grep -q "r6.html: 2 results files in 1 section$" "$work/out6" || fail "anonymous twins: $(cat "$work/out6")"

# every file unfit: nothing written, exit 1
rc=0
"$ladder" report "$res/wrong-scene.json" -o "$work/r5.html" --story "$story" > /dev/null 2>&1 || rc=$?
[ $rc -eq 1 ] && [ ! -e "$work/r5.html" ] || fail "only unfit files: exit $rc"
# a room's folder (its journal and debrief, no results files) given by mistake: the message
# points to the room's debrief and says what report reads
mkdir "$work/room"
: > "$work/room/workshop-office-ROOM7-20261130-0900.journal"
: > "$work/room/workshop-office-ROOM7-20261130-0900.html"
rc=0
"$ladder" report "$work/room" -o "$work/r7.html" > "$work/out7" 2>&1 || rc=$?
[ $rc -eq 1 ] && [ ! -e "$work/r7.html" ] || fail "a room's folder: exit $rc"
grep -q "holds a room's record (workshop-office-ROOM7-20261130-0900.journal): the room's report is its debrief beside it, $work/room/workshop-office-ROOM7-20261130-0900.html" "$work/out7" ||
  fail "a room's folder: $(cat "$work/out7")"
grep -q "ladder play --results FOLDER" "$work/out7" || fail "a room's folder: $(cat "$work/out7")"
echo "report files ok"
