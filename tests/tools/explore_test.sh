#!/bin/sh
# explore_test.sh LADDER SOURCE_DIR: explore and replay.
# - the same seed gives byte-identical JSON, with one job or two;
# - a known unreachable ending and a never-true condition are reported;
# - a run with a script error names its seed, and replaying that seed reproduces the error;
# - the replay of a save prints the transcript of the game that made it.
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-explore-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 COLUMNS=80
fail() { echo "FAIL: $*"; exit 1; }

"$ladder" explore demo --random 3000 --seed 5 --json --jobs 1 > "$work/a.json"
"$ladder" explore demo --random 3000 --seed 5 --json --jobs 2 > "$work/b.json"
"$ladder" explore demo --random 3000 --seed 5 --json --jobs 1 > "$work/c.json"
cmp -s "$work/a.json" "$work/b.json" || fail "one job and two jobs differ"
cmp -s "$work/a.json" "$work/c.json" || fail "the same seed gave different JSON"
grep -q '"runs":3000' "$work/a.json" || fail "runs missing"
for key in '"story":"demo"' '"seed":5' '"scenes":{"total":11' '"choices":{"total":' \
           '"endings":{' '"decisions":{"min":' '"stats":{' '"errors":\[\]' '"stuck":0' '"words":'; do
  grep -q "$key" "$work/a.json" || fail "explore JSON lacks $key"
done
"$ladder" explore demo --random 3000 --seed 6 --json --jobs 1 > "$work/d.json"
! cmp -s "$work/a.json" "$work/d.json" || fail "another seed gave the same JSON"

rc=0
"$ladder" explore tests/fixtures/check/unreached_ending.lua --random 500 --json > "$work/u.json" || rc=$?
[ $rc -eq 0 ] || fail "explore of a story without errors exited $rc"
grep -q '"unreached":\["secret"\]' "$work/u.json" || fail "the unreachable ending is not reported"
grep -q '"always_false":\["a/never"\]' "$work/u.json" || fail "the never-true condition is not reported"
grep -q '"untaken":\["a/never"\]' "$work/u.json" || fail "the untaken choice is not reported"
"$ladder" explore tests/fixtures/check/unreached_ending.lua --exhaustive > "$work/u.txt"
grep -q "condition always false: tests/fixtures/check/unreached_ending.lua:6: scene 'a', choice 'never'" "$work/u.txt" ||
  fail "exhaustive mode does not report the condition"

rc=0
"$ladder" explore tests/fixtures/check/dead_end.lua --random 200 --seed 1 --json > "$work/e.json" || rc=$?
[ $rc -eq 1 ] || fail "explore with script errors exited $rc, not 1"
seed=$(sed 's/.*"errors":\[{"seed":\([0-9]*\),.*/\1/' "$work/e.json")
case $seed in ''|*[!0-9]*) fail "no seed in the error report";; esac
grep -q "a dead end" "$work/e.json" || fail "the dead end message is missing"
rc=0
"$ladder" replay tests/fixtures/check/dead_end.lua --seed "$seed" --random > "$work/r.txt" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "replaying seed $seed exited $rc, not 1"
grep -q "dead_end.lua:8: scene 'b' offers no choice here" "$work/r.txt" || fail "replay did not reproduce the error"

printf '2\n2\n1\n' | "$ladder" play tests/fixtures/good/office --seed 11 --player Ana > "$work/played.txt"
"$ladder" replay "$XDG_DATA_HOME/ladder/saves/office/autosave.json" --story tests/fixtures/good/office > "$work/replayed.txt"
diff "$work/played.txt" "$work/replayed.txt" > "$work/diff" || { cat "$work/diff"; fail "the replay differs from the game"; }
grep -q "THE END: Promoted" "$work/replayed.txt" || fail "the replay does not reach the ending"
"$ladder" replay tests/fixtures/good/office --seed 11 --choices walk,teach,tonight --player Ana > "$work/ids.txt"
diff "$work/replayed.txt" "$work/ids.txt" > /dev/null || fail "replay by ids differs from replay of the save"
echo "explore and replay ok"
