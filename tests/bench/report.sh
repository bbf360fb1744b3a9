#!/bin/sh
# report.sh BUILD_DIR [STORY] [N]: how long `ladder report` takes over a workshop's results.
# Plays N (default 1,000) random playthroughs of STORY (default downsized, about 25 decisions
# each) through the engine, as participants would (`ladder play --ui json --session CODE
# --results DIR`, a few plays at a time), then times `ladder report` over the folder: the page
# alone, the page and the CSV, and with --baseline 1000. Each figure is the best of three runs.
# The target: 1,000 results files in under 2 seconds.
set -eu
build=$(cd "$1" && pwd)
story=${2:-downsized}
n=${3:-1000}
ladder="$build/ladder"
cd "$(dirname "$0")/../.."
[ -x "$ladder" ] || { echo "no $ladder: build first"; exit 1; }
work=$(mktemp -d /tmp/ladder-bench-report-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
res="$work/results"
jobs=$(nproc 2>/dev/null || echo 2)

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
t0=$(now)
# one participant: random numbers from 1 to 4 (a number the scene does not offer is refused,
# so every offered choice is equally likely)
export ladder story res
seq 1 "$n" | xargs -P "$jobs" -I{} sh -c '
  awk -v s={} "BEGIN { srand(s); for (k = 0; k < 600; k++) printf \"{\\\"choose\\\":%d}\\n\", int(rand() * 4) + 1 }" |
    "$ladder" play "$story" --ui json --session BENCH --results "$res" --player "P{}" > /dev/null 2>&1'
t1=$(now)
files=$(ls "$res" | wc -l)
size=$(du -sk "$res" | cut -f1)
decisions=$(cat "$res"/*.json | grep -c '"choice":')
printf 'generated %d results files of %s (%d decisions, %d KiB) in %.1f s with %d jobs\n' \
  "$files" "$story" "$decisions" "$size" "$(sub "$t1" "$t0")" "$jobs"

best() { # label, command...
  label=$1
  shift
  b=""
  for k in 1 2 3; do
    s=$(now)
    "$@" > /dev/null
    e=$(now)
    t=$(sub "$e" "$s")
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  printf '%-40s %6.3f s\n' "$label" "$b"
}
best "ladder report ($files files)" "$ladder" report "$res" -o "$work/report.html"
best "ladder report --csv" "$ladder" report "$res" -o "$work/report.html" --csv "$work/report.csv"
best "ladder report --csv --baseline 1000" "$ladder" report "$res" -o "$work/report.html" \
  --csv "$work/report.csv" --baseline 1000
printf 'page %d KiB, CSV %d KiB (%d rows)\n' "$(($(wc -c < "$work/report.html") / 1024))" \
  "$(($(wc -c < "$work/report.csv") / 1024))" "$(($(wc -l < "$work/report.csv") - 1))"
