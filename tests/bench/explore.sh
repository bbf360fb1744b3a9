#!/bin/sh
# explore.sh [BUILD_DIR] [SCENES]: the throughput of `ladder explore` on a generated story
# (default 200 scenes), next to a plain Lua 5.4 walk of the same graph (the floor the engine
# adds its overhead to), then 10,000 random playthroughs of each bundled story.
# Needs: lua5.4 (apt-get install lua5.4).
set -eu
build=${1:-build}
n=${2:-200}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
ladder="$build/ladder"
command -v lua5.4 > /dev/null || { echo "needs lua5.4: apt-get install lua5.4"; exit 1; }
[ -x "$ladder" ] || { echo "build first: cmake --build $build"; exit 1; }
work=$(mktemp -d /tmp/ladder-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work" HOME="$work"
lua5.4 "$here/gen_story.lua" "$n" 1 > "$work/synthetic.lua"
runs=10000

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }

set -- $(lua5.4 "$here/walk.lua" "$work/synthetic.lua" $runs)
floor_runs=$1 floor_dec=$2 floor_s=$3
echo "synthetic story: $n scenes, $runs random playthroughs"
printf "  %-30s %10s %12s %14s\n" "" "seconds" "playthroughs/s" "decisions/s"
printf "  %-30s %10.3f %12.0f %14.0f\n" "plain Lua 5.4 walk (1 core)" "$floor_s" \
  "$(echo "$floor_runs $floor_s" | awk '{ print $1 / $2 }')" "$(echo "$floor_dec $floor_s" | awk '{ print $1 / $2 }')"
for jobs in 1 2; do
  t0=$(date +%s%N)
  "$ladder" explore "$work/synthetic.lua" --random $runs --jobs $jobs --json > "$work/out.json"
  t1=$(date +%s%N)
  s=$(secs "$t0" "$t1")
  mean=$(sed 's/.*"decisions":{"min":[0-9]*,"mean":\([0-9.]*\).*/\1/' "$work/out.json")
  printf "  %-30s %10.3f %12.0f %14.0f\n" "ladder explore --jobs $jobs" "$s" \
    "$(echo "$runs $s" | awk '{ print $1 / $2 }')" "$(echo "$runs $mean $s" | awk '{ print $1 * $2 / $3 }')"
  [ $jobs -eq 1 ] && one=$s
done
echo "  engine (1 job) vs the floor: $(echo "$floor_s $one" | awk '{ printf "%.2f", $1 / $2 }') of its speed (goal: at least 0.5)"
echo
echo "bundled stories, $runs random playthroughs each (goal: under 1 s each)"
for dir in "$src"/scenarios/*/; do
  id=$(basename "$dir")
  [ "$id" = career ] && continue
  t0=$(date +%s%N)
  "$ladder" explore "$dir" --random $runs --json > /dev/null || true
  t1=$(date +%s%N)
  printf "  %-14s %6.3f s\n" "$id" "$(secs "$t0" "$t1")"
done
