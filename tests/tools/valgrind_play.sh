#!/bin/sh
# valgrind_play.sh LADDER SOURCE_DIR: a scripted full playthrough of the demo under valgrind's
# memcheck, in the terminal front end with piped input: choices, stats, history, an undo, a
# save and a load, on to the good ending. Fails on any memory error and on any definite leak
# (possible and reachable blocks are the libraries' business); the game must reach its ending.
set -u
ladder=$1
src=$2
work=$(mktemp -d /tmp/ladder-valgrind-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 \
  COLUMNS=80
cd "$src" || exit 1
printf '2\nstats\n1\nundo\n1\nhistory\nsave slot1\nload slot1\n2\n2\n2\nhistory\nquit\n' > "$work/in"
valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
  --show-leak-kinds=definite --track-origins=yes --num-callers=30 --log-file="$work/valgrind.log" \
  "$ladder" play demo --seed 7 --player Sam --ui term < "$work/in" > "$work/out" 2>&1
status=$?
grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|total heap usage' "$work/valgrind.log"
if [ $status -ne 0 ]; then
  echo "FAIL: exit status $status under valgrind"
  cat "$work/valgrind.log"
  tail -n 20 "$work/out"
  exit 1
fi
if ! grep -q "THE END" "$work/out"; then
  echo "FAIL: the playthrough did not reach an ending"
  tail -n 40 "$work/out"
  exit 1
fi
echo "valgrind: no memory errors, no definite leaks, ending reached"
