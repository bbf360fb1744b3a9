#!/bin/bash
# leave_test.sh LADDER SOURCE_DIR: leaving by a signal is leaving. A workshop participant
# (terminal and JSON front ends) who takes three decisions of a story without an ending and
# then gets SIGINT (Ctrl-C), SIGHUP (the terminal closed) or SIGTERM must hand in the same
# results file as one who typed quit: the same decisions, and exit status 128 + the signal
# (130, 129, 143). A signal that comes while the game is busy (between reading a line and the
# next read) is honoured too. The terminal room mode writes its debrief with the room's votes
# on SIGINT and SIGHUP. Each signal is sent to the game's own process id.
set -u
set -m # job control: the games run in the background, where a shell without it ignores SIGINT
ladder=$1
src=$2
story="$src/tests/fixtures/good/endless"
work=$(mktemp -d /tmp/ladder-leave-XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2> /dev/null
  exec 3>&- 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 \
  COLUMNS=80
failures=0
fail() {
  echo "FAIL: $what: $*"
  failures=$((failures + 1))
  for f in out err; do
    [ -s "$work/$f" ] && sed 's/^/    | /' "$work/$f" | tail -n 8
  done
}

# wait_for FILE TEXT COUNT: until FILE holds TEXT at least COUNT times (10 s at most)
wait_for() {
  for _ in $(seq 1 200); do
    [ "$(grep -c -- "$2" "$1" 2> /dev/null)" -ge "$3" ] && return 0
    sleep 0.05
  done
  return 1
}

# the choice ids of a results file, in order
choices() { grep -o '"choice":[[:space:]]*"[^"]*"' "$1" | sed 's/.*"\([^"]*\)"$/\1/' | tr '\n' ' '; }

# participant UI SIGNAL: three decisions, then SIGNAL (or "quit"); sets $status and $file
participant() {
  local ui=$1 sig=$2
  rm -rf "$work/res" "$work/data" "$work/in"
  mkfifo "$work/in"
  "$ladder" play "$story" --ui "$ui" --seed 5 --player Ana --session ROOM --results "$work/res" \
    < "$work/in" > "$work/out" 2> "$work/err" &
  pid=$!
  exec 3> "$work/in"
  local k
  for k in 1 2 3; do
    if [ "$ui" = json ]; then printf '{"choose":1}\n' >&3; else printf '1\n' >&3; fi
    if [ "$ui" = json ]; then
      wait_for "$work/out" "\"decision\":$k," 1 || fail "no answer to decision $k"
    else
      wait_for "$work/out" '^> ' $((k + 1)) || fail "no answer to decision $k"
    fi
  done
  if [ "$sig" = quit ]; then
    if [ "$ui" = json ]; then printf '{"quit":true}\n' >&3; else printf 'quit\n' >&3; fi
  elif [ "$sig" = busy ]; then
    # the signal lands while the game works on a line: it leaves before reading another
    if [ "$ui" = json ]; then printf '{"choose":1}\n{"choose":1}\n' >&3; else printf '1\n1\n' >&3; fi
    kill -TERM "$pid"
  else
    kill -"$sig" "$pid"
  fi
  local t=0
  while kill -0 "$pid" 2> /dev/null && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
  if kill -0 "$pid" 2> /dev/null; then
    fail "still running 10 s after $sig"
    kill -9 "$pid"
  fi
  wait "$pid"
  status=$?
  pid=""
  exec 3>&-
  file=$(ls "$work/res"/*.json 2> /dev/null | head -n 1)
}

for ui in term json; do
  what="$ui, quit"
  participant "$ui" quit
  [ "$status" = 0 ] || fail "exit status $status after quit"
  [ -n "$file" ] || { fail "no results file after quit"; continue; }
  want=$(choices "$file")
  [ "$(echo $want | wc -w)" = 3 ] || fail "the results hold '$want', not three decisions"
  for sig in INT HUP TERM; do
    what="$ui, SIG$sig"
    participant "$ui" "$sig"
    case $sig in INT) code=130 ;; HUP) code=129 ;; TERM) code=143 ;; esac
    [ "$status" = "$code" ] || fail "exit status $status, expected $code"
    if [ -z "$file" ]; then
      fail "no results file"
      continue
    fi
    [ "$(choices "$file")" = "$want" ] || fail "the results hold '$(choices "$file")', not '$want'"
    grep -qF "results were written to $file" "$work/err" || fail "the player is not told the file"
    grep -qF "leaving on SIG$sig" "$work/err" || fail "no word of the signal"
    echo "  $what: exit $status, $(basename "$file") holds $(echo $want | wc -w) decisions"
  done
  what="$ui, SIGTERM while busy"
  participant "$ui" busy
  [ "$status" = 143 ] || fail "exit status $status, expected 143"
  [ -n "$file" ] || fail "no results file"
  n=$(choices "$file" | wc -w)
  [ "$n" -ge 3 ] && [ "$n" -le 5 ] || fail "the results hold $n decisions"
  echo "  $what: exit $status, $n decisions"
done

# the terminal room: three rounds of votes, then a signal; the debrief keeps the votes
for sig in INT HUP; do
  what="room, SIG$sig"
  rm -rf "$work/room" "$work/in" "$work/data"
  mkdir -p "$work/room"
  mkfifo "$work/in"
  "$ladder" workshop "$story" --ui term --session ROOM --out "$work/room" < "$work/in" \
    > "$work/out" 2> "$work/err" &
  pid=$!
  exec 3> "$work/in"
  printf '3 5\n' >&3
  wait_for "$work/out" 'Option 2 it is' 1 || fail "round 1"
  printf '6 1\n' >&3
  wait_for "$work/out" 'Option 1 it is' 1 || fail "round 2"
  printf '2 4\n' >&3
  wait_for "$work/out" 'Option 2 it is' 2 || fail "round 3"
  kill -"$sig" "$pid"
  t=0
  while kill -0 "$pid" 2> /dev/null && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
  wait "$pid"
  status=$?
  pid=""
  exec 3>&-
  case $sig in INT) code=130 ;; HUP) code=129 ;; esac
  [ "$status" = "$code" ] || fail "exit status $status, expected $code"
  md=$(ls "$work/room"/*.md 2> /dev/null | head -n 1)
  if [ -z "$md" ]; then
    fail "no debrief"
    continue
  fi
  for v in "Votes: 3, 5" "Votes: 6, 1" "Votes: 2, 4"; do
    grep -qF "$v" "$md" || fail "the debrief lacks '$v'"
  done
  echo "  $what: exit $status, debrief with three rounds of votes"
done

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "every signal left the game as quit does"
