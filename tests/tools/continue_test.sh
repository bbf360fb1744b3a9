#!/bin/bash
# continue_test.sh LADDER SOURCE_DIR: Continue resumes the game played last, whichever file it
# came from (issue 16, item 7), end to end in the terminal and the JSON front end: a save loaded
# with --load or the load command (or the JSON "load") and left before any decision is what
# --continue and the title menu's Continue resume, not the autosave of the game played before;
# that game is kept as a save (autosave-TIME) once, and loading the same save again keeps
# nothing more.
set -u
ladder=$1
src=$2
cd "$src" || exit 1
office=tests/fixtures/good/office
work=$(mktemp -d /tmp/ladder-continue-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 \
  COLUMNS=80
saves="$work/data/ladder/saves/office"
failures=0
fail() {
  echo "FAIL: $what: $*"
  failures=$((failures + 1))
  sed 's/^/    | /' "$work/out" | tail -n 12
}
# run INPUT ARGS...: the terminal (or --ui json) with these lines typed, output in $work/out
run() {
  local input=$1
  shift
  printf '%b' "$input" | timeout 20 "$ladder" "$@" > "$work/out" 2>&1
}
has() { grep -q -F -- "$1" "$work/out"; }
kept() { find "$saves" -name 'autosave-2*.json' | wc -l; }

# slot 'one' after 'walk' (the noon scene); the autosave goes on to the evening
what="setup"
run '2\nsave one\n1\nquit\n' play "$office" --seed 9 --ui term
has "Saved as 'one'." || fail "no save 'one'"

what="play --load, then quit before deciding"
run 'quit\n' play "$office" --seed 3 --load one --ui term
has "Your previous game was kept as the save 'autosave-" || fail "the player was not told"
[ "$(kept)" = 1 ] || fail "$(kept) games kept aside, not 1"
run 'quit\n' play "$office" --continue --ui term
has "Continuing after 1 decision" && has "At noon the printer" ||
  fail "--continue did not resume 'one' (1 decision, noon)"

what="--load of the same save again"
run 'quit\n' play "$office" --load one --ui term
has "previous game was kept" && fail "the same game was kept aside again"
[ "$(kept)" = 1 ] || fail "$(kept) games kept aside, not 1"

what="the load command in a new game, then quit"
run '1\nload one\nquit\n' play "$office" --seed 5 --ui term
has "Loaded 'one'." || fail "not loaded"
run 'quit\n' play "$office" --continue --ui term
has "Continuing after 1 decision" && has "At noon the printer" ||
  fail "--continue did not resume 'one'"
# kept: the game before, when the new one decided; the new one, at the load
[ "$(kept)" = 3 ] || fail "$(kept) games kept aside, not 3"

what="the title menu, another story played since"
run '1\nquit\n' play tests/fixtures/good/hidden_stat --seed 1 --ui term
sleep 1.1 # the title compares autosaves to the second
run 'quit\n' play "$office" --load one --ui term
export LADDER_SCENARIOS="$src/tests/fixtures/good"
run 'c\nquit\nq\n' --ui term
has "c. Continue The Office" || fail "the title's Continue is not The Office"
has "Continuing after 1 decision" || fail "the title's Continue did not resume 'one'"
unset LADDER_SCENARIOS

what="JSON: load, quit, --continue"
run '{"choose":"phones"}\n{"load":"one"}\n{"quit":true}\n' play "$office" --seed 6 --ui json
has '"type":"notice","message":"Your previous game was kept as the save' ||
  fail "no notice at the load"
run '{"quit":true}\n' play "$office" --continue --ui json
has '"type":"hello"' && has '"scene":"noon","decision":1' && has '"choice":"walk"' &&
  ! has '"choice":"phones"' ||
  fail "--continue did not resume 'one'"

[ "$failures" = 0 ] && echo "Continue resumes the game loaded last: terminal, title menu, JSON"
exit $((failures > 0))
