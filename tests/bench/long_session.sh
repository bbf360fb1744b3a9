#!/bin/sh
# long_session.sh [BUILD_DIR] [--check]: 100,000 decisions in one process, and how much its
# resident memory grows meanwhile.
#   explore    `ladder explore` of tests/fixtures/good/endless (a story without an ending): 200
#              playthroughs of 500 decisions, against 2 of them (1,000 decisions); and of the
#              demo, 20,000 playthroughs against 200. Growth = the difference of peak RSS.
#   undo/redo  one `ladder play endless --ui json` fed 100,000 choices, each ten followed by ten
#              undos (200,000 messages, every one autosaved); RSS is read from /proc after the
#              first 1,000 choices and at the end, before the input closes. Growth = end - warm.
# Prints the figures. With --check, exits 1 if any growth is 10 MB or more (the CTest
# long_session). The autosaves go to /dev/shm when it is there (on a disk, fsync dominates).
set -eu
build=${1:-build}
check=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
ladder="$build/ladder"
[ -x "$ladder" ] || { echo "build first: cmake --build $build"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d "$base/ladder-long-XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
endless="$src/tests/fixtures/good/endless"
limit_kb=10240
failures=0

peak_kb() { # ARGS...: the peak RSS of ladder ARGS, in kB
  /usr/bin/time -f '%M' -o "$work/time" "$ladder" "$@" > /dev/null 2>&1 || true
  tail -n 1 "$work/time"
}

report() { # NAME DECISIONS SECONDS BEFORE_KB AFTER_KB
  growth=$(($5 - $4))
  printf '  %-34s %8s decisions %7.1f s   RSS %6d kB -> %6d kB   growth %5d kB\n' \
    "$1" "$2" "$3" "$4" "$5" "$growth"
  if [ $growth -ge $limit_kb ]; then
    echo "  ^ grows by 10 MB or more"
    failures=$((failures + 1))
  fi
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "long sessions: resident memory over 100,000 decisions in one process (limit: growth < 10 MB)"

# ---- explore ----
small=$(peak_kb explore "$endless" --random 2 --cap 500 --seed 1)
t0=$(now)
big=$(peak_kb explore "$endless" --random 200 --cap 500 --seed 1)
report "explore endless (500 per game)" 100000 "$(since "$t0")" "$small" "$big"
small=$(peak_kb explore demo --random 200 --seed 1)
t0=$(now)
big=$(peak_kb explore demo --random 20000 --seed 1)
n=$("$ladder" explore demo --random 20000 --seed 1 --json 2> /dev/null |
  grep -o '"decisions":{[^}]*}' | grep -o '"mean":[0-9.]*' | cut -d: -f2 || true)
report "explore demo (20,000 games)" "${n:+$(awk -v m="$n" 'BEGIN { printf "%d", m * 20000 }')}" \
  "$(since "$t0")" "$small" "$big"

# ---- undo/redo in one game ----
mkfifo "$work/in" "$work/out"
"$ladder" play "$endless" --seed 1 --ui json < "$work/in" > "$work/out" 2> "$work/err" &
pid=$!
# count the answers without keeping 90 MB of them: sed, its output line-buffered, prints the
# number of every 500th line as it comes (mawk would wait to fill its input buffer), and keeps
# the errors
stdbuf -oL sed -n -e '/"type":"error"/w '"$work/errors" -e '1~500=' -e '$=' < "$work/out" > "$work/count" &
exec 3> "$work/in"
# messages: blocks of ten choices (the first choice offered, by number) and ten undos
feed() { # BLOCKS
  awk -v n="$1" 'BEGIN { for (b = 0; b < n; b++) { for (i = 0; i < 10; i++) print "{\"choose\":1}";
                                                   for (i = 0; i < 10; i++) print "{\"undo\":true}" } }' >&3
}
answers() { n=$(tail -n 1 "$work/count" 2> /dev/null); echo "${n:-0}"; }
wait_answers() { # N: until the game has answered N times (or died)
  while [ "$(answers)" -lt "$1" ]; do
    kill -0 "$pid" 2> /dev/null || { echo "the game ended early:"; tail -c 500 "$work/err"; exit 1; }
    sleep 0.2
  done
}
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$pid/status"; }
t0=$(now)
feed 100 # 1,000 choices
wait_answers 2001
warm=$(rss_kb)
feed 9900 # 99,000 more
wait_answers 200001
end=$(rss_kb)
hwm=$(hwm_kb)
exec 3>&-
wait "$pid" || true
pid=""
wait
errors=$(wc -l < "$work/errors")
[ "$errors" -eq 0 ] || { echo "  $errors errors in the JSON session:"; head -n 3 "$work/errors"; failures=$((failures + 1)); }
report "undo/redo (10 choices, 10 undos)" 100000 "$(since "$t0")" "$warm" "$end"
echo "    (peak RSS of that game: $hwm kB; autosaves in $base)"

if [ "$check" = "--check" ] && [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
