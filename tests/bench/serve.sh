#!/bin/sh
# serve.sh BUILD_DIR [COUNT...]: how `ladder serve` holds a room. For each COUNT (default 100,
# 300 and 1,000) simulated participants on loopback (tests/bench/serve_load.py, asyncio, one
# keep-alive connection each, as a browser holds one) each play a full random game of the
# bundled story downsized (about 21 decisions) in a workshop session: the page and its script,
# /api/hello, /api/start with a name, then a choice every THINK seconds (default 3, jittered
# from 0.3 to 1.7 times that; a human takes 20 to 60 s, compressed here so that a run takes
# about a minute and a half while the concurrency stays real); they join over the first 10 s,
# and a facilitator polls /api/room every 2 s with If-None-Match. Each participant's results file
# is rewritten at every decision, as in a real session. Prints requests/s, p50 and p99 latency
# (all requests, and choices alone), the facilitator's p99, the server's CPU seconds over the
# run and its peak RSS, beside the goal: 300 participants with p99 under 50 ms and peak RSS
# under 200 MB, on this 2-core machine (where the Python client takes a share of the CPU too).
# Environment: THINK (seconds), STORY (default downsized), BENCH_TMP (the folder for the data
# and results folders; /dev/shm shows the server without the cost of fsync).
set -eu
build=$(cd "$1" && pwd)
shift
ladder="$build/ladder"
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$ladder" ] || { echo "no $ladder: build first"; exit 1; }
[ $# -gt 0 ] || set -- 100 300 1000
think=${THINK:-3}
story=${STORY:-downsized}

field() { # KEY LINE: the value of KEY=... in LINE
  printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

echo "ladder serve: simulated participants playing $story on loopback, a choice every ${think} s"
echo "on average ($(nproc 2> /dev/null || echo '?') cores; the client runs on them too)"
printf '%6s %5s %5s %6s %6s %6s %6s %6s %6s %6s %6s  %-14s %s\n' players ended files \
  req/s p50 p99 play99 start99 room99 CPU_s RSS_MB errors goal
for n in "$@"; do
  line=$(/usr/bin/python3 "$here/serve_load.py" "$ladder" "$n" "$story" "$think")
  case $line in participants=*) ;; *) echo "$n: $line"; continue ;; esac
  p99=$(field p99 "$line")
  rss=$(field rss "$line")
  goal=""
  if [ "$n" = 300 ]; then
    goal=$(awk -v p="$p99" -v r="$rss" 'BEGIN {
      printf "p99 < 50 ms: %s, RSS < 200 MB: %s", (p < 50 ? "met" : "NOT met"),
        (r < 200 ? "met" : "NOT met") }')
  fi
  printf '%6s %5s %5s %6s %6s %6s %6s %6s %6s %6s %6s  %-14s %s\n' "$n" \
    "$(field finished "$line")" "$(field files "$line")" "$(field rps "$line")" \
    "$(field p50 "$line")" "$p99" "$(field play_p99 "$line")" "$(field start_p99 "$line")" \
    "$(field room_p99 "$line")" "$(field cpu "$line")" "$rss" "$(field errors "$line")" "$goal"
done
echo "(latencies in ms: p50 and p99 of every request, p99 of choices, of /api/start and of the"
echo " facilitator's /api/room; ended: games played to an ending; files: results files written;"
echo " errors: STATUS/kind:count)"
