#!/bin/sh
# room.sh BUILD_DIR [PHONES] [SECONDS]: how room mode with phones takes a room's votes. PHONES
# (default 500) simulated phones join `ladder workshop demo --phones` on loopback and each
# votes once within SECONDS (default 10), while the projector page's poll (every second, with
# If-None-Match) watches the tally (tests/bench/room_load.py). Prints the votes acknowledged
# and counted (must both be PHONES), how long after the last vote the projector showed the full
# tally (goal: under 1 s, one poll), the vote latency p50 and p99, the server's CPU seconds
# and peak RSS. Every vote is journaled (fdatasync) before its answer, as in a real room;
# BENCH_TMP=/dev/shm shows the server without the disk.
set -eu
build=$(cd "$1" && pwd)
phones=${2:-500}
secs=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$build/ladder" ] || { echo "no $build/ladder: build first"; exit 1; }
line=$(/usr/bin/python3 "$here/room_load.py" "$build/ladder" "$phones" "$secs")
case $line in phones=*) ;; *) echo "$line"; exit 1 ;; esac
get() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
printf '%-34s %10s   %s\n' "room mode with phones, $phones phones" "measured" "floor"
printf '%-34s %10s   %s\n' "votes acknowledged" "$(get acked)" "$phones"
printf '%-34s %10s   %s\n' "votes counted on the projector" "$(get counted)" "$phones"
printf '%-34s %10s   %s\n' "projector right after last vote (s)" "$(get settle)" "< 1"
printf '%-34s %10s\n' "vote latency p50 (ms)" "$(get p50)"
printf '%-34s %10s\n' "vote latency p99 (ms)" "$(get p99)"
printf '%-34s %10s\n' "server CPU over the votes (s)" "$(get cpu)"
printf '%-34s %10s\n' "server peak RSS (MB)" "$(get rss)"
