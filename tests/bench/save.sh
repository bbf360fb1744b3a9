#!/bin/sh
# save.sh BUILD_DIR: what autosaving costs over a long game. Plays 10, 1,000 and 10,000
# decisions of tests/fixtures/good/endless (a story that never ends) through the JSON front end,
# once with the autosave on and once with saving off (no data folder), and prints both times,
# their difference (the save I/O: every decision autosaved), and the cost per decision, beside
# the goal: 10,000 decisions under 1 s of save I/O in total. Each figure is the best of three
# runs. Before the journal (version-1 saves rewritten whole at every decision) 2,000 decisions
# took 35 s of save I/O. It also checks that the autosave it made loads (--continue) and holds
# every decision, and prints its size.
set -eu
build=$(cd "$1" && pwd)
ladder="$build/ladder"
cd "$(dirname "$0")/../.."
[ -x "$ladder" ] || { echo "no $ladder: build first"; exit 1; }
story=tests/fixtures/good/endless
work=$(mktemp -d /tmp/ladder-bench-save-XXXXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

# play N SAVING: the best of three wall times of N decisions, with the autosave on or off
play() {
  n=$1
  best=""
  awk -v n="$n" 'BEGIN { for (k = 0; k < n; k++) print "{\"choose\":1}" }' > "$work/in"
  for k in 1 2 3; do
    rm -rf "$work/data"
    s=$(now)
    if [ "$2" = on ]; then
      env XDG_DATA_HOME="$work/data" HOME="$work" "$ladder" play "$story" --ui json --seed 1 \
        < "$work/in" > /dev/null
    else
      env -u XDG_DATA_HOME -u HOME "$ladder" play "$story" --ui json --seed 1 \
        < "$work/in" > /dev/null
    fi
    e=$(now)
    t=$(sub "$e" "$s")
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}

printf '%-10s %12s %12s %14s %16s  %s\n' decisions "saving off" "autosave on" "save I/O" \
  "per decision" "goal"
for n in 10 1000 10000; do
  off=$(play "$n" off)
  on=$(play "$n" on)
  cost=$(awk -v a="$on" -v b="$off" 'BEGIN { d = a - b; if (d < 0) d = 0; printf "%.3f", d }')
  per=$(awk -v c="$cost" -v n="$n" 'BEGIN { printf "%.1f", c / n * 1e6 }')
  goal=""
  [ "$n" = 10000 ] && goal=$(awk -v c="$cost" 'BEGIN { print (c < 1 ? "under 1 s: met" : "under 1 s: NOT met") }')
  printf '%-10s %10s s %10s s %12s s %13s us  %s\n' "$n" "$off" "$on" "$cost" "$per" "$goal"
done
auto="$work/data/ladder/saves/endless/autosave.json"
size=$(wc -c < "$auto")
first=$(env XDG_DATA_HOME="$work/data" HOME="$work" "$ladder" play "$story" --continue --ui json \
  < /dev/null | grep -o '"decision":[0-9]*' | head -n 1)
printf 'the autosave of 10,000 decisions: %d KiB, and --continue resumes at %s\n' \
  "$((size / 1024))" "$first"
