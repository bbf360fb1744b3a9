#!/usr/bin/env bash
# crash_test.sh LADDER SOURCE_DIR [KILLS] [SEED]: kill -9 a game at KILLS (default 50) random
# moments of one scripted session, and check each time that the autosave loads and has lost at
# most the last decision.
#
# The session plays tests/fixtures/good/endless (a story without an ending) through the JSON
# front end, fed from a FIFO one message at a time: a choice (three times in four) or an undo,
# each sent only once the previous one was answered. A killer shoots the game with SIGKILL after
# a random delay (0 to 400 ms), wherever it is: reading, replaying, writing the autosave,
# renaming it. Then:
#   - the autosave must be a whole save: its journal (the choice ids, in order) is the one the
#     game had acknowledged, or that one with the message in flight applied (a choice added or
#     the last one undone), never anything else;
#   - `ladder play endless --continue` must load it, showing that many decisions;
# and the session goes on from there with --continue, until it has been killed KILLS times.
# The RANDOM seed is printed (and taken as SEED) so that a failure can be replayed.
set -u
ladder=$1
src=$2
kills=${3:-50}
seed=${4:-$(( $(date +%s) % 100000 ))}
RANDOM=$seed
story="$src/tests/fixtures/good/endless"
work=$(mktemp -d /tmp/ladder-crash-XXXXXX)
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
saves="$XDG_DATA_HOME/ladder/saves/endless"
autosave="$saves/autosave.json"
pid=""
killer=""
cleanup() {
  [ -n "$killer" ] && kill "$killer" 2> /dev/null
  [ -n "$pid" ] && kill -9 "$pid" 2> /dev/null
  exec 3>&- 4<&- 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap '' PIPE # a write to a killed game fails instead of killing this script
# bash reports each killed game ("line N: PID Killed ..."): keep that out of the log, and show
# the rest of stderr only if something fails
exec 5>&2 2> "$work/stderr"

failures=0
fail() {
  echo "FAIL (round $round, seed $seed): $*"
  failures=$((failures + 1))
}

journal=()      # the choice ids of the game as last acknowledged
total_ops=0
longest=0
in_write=0      # kills that left a temporary autosave file behind (killed mid-write)
tmp_before=0

# parse LINE: sets decision, scene, choice_ids (array); returns 1 if it is not a scene (or the
# hello that opens a session, which carries the opening scene)
parse() {
  local line=$1
  [[ $line == '{"type":"scene"'* || $line == '{"type":"hello"'* ]] || return 1
  [[ $line =~ \"decision\":([0-9]+) ]] && decision=${BASH_REMATCH[1]}
  [[ $line =~ \"scene\":\"([^\"]*)\" ]] && scene=${BASH_REMATCH[1]}
  choice_ids=()
  local rest=${line#*\"choices\":[}
  rest=${rest%%]*}
  while [[ $rest =~ \"id\":\"([^\"]*)\" ]]; do
    choice_ids+=("${BASH_REMATCH[1]}")
    rest=${rest#*\"id\":\"${BASH_REMATCH[1]}\"}
  done
  return 0
}

# the choice ids of the autosave's journal, space-separated: its whole decision lines (a
# version-2 save has one per line; a torn last line, left by a kill in the middle of an append,
# is not a decision and the reader leaves it out too)
saved_journal() {
  grep -E '^\{"n":[0-9]+,.*\},?$' "$autosave" | grep -o '"choice":"[^"]*"' |
    sed 's/.*"\([^"]*\)"$/\1/' | tr '\n' ' '
}

echo "crash test: $kills kills, seed $seed"
round=0
while [ $round -lt "$kills" ]; do
  round=$((round + 1))
  rm -f "$work/in" "$work/out"
  mkfifo "$work/in" "$work/out"
  if [ -e "$autosave" ]; then
    "$ladder" play "$story" --continue --ui json < "$work/in" > "$work/out" 2> "$work/err" &
  else
    "$ladder" play "$story" --seed 1 --ui json < "$work/in" > "$work/out" 2> "$work/err" &
  fi
  pid=$!
  exec 3> "$work/in" 4< "$work/out"
  if ! read -r -t 10 -u 4 line || ! parse "$line"; then
    fail "the game did not start: $(head -c 300 "$work/err")"
    kill -9 "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    pid=""
    exec 3>&- 4<&-
    break
  fi
  [ "$decision" = "${#journal[@]}" ] ||
    fail "continued at decision $decision, but the autosave holds ${#journal[@]}"
  delay=$(printf '0.%03d' $((RANDOM % 400)))
  (sleep "$delay"; kill -9 "$pid" 2> /dev/null) &
  killer=$!
  pending=""     # the message in flight: "choose ID" or "undo"
  while :; do
    if [ ${#journal[@]} -gt 0 ] && [ $((RANDOM % 4)) -eq 0 ]; then
      pending="undo"
      msg='{"undo":true}'
    else
      id=${choice_ids[$((RANDOM % ${#choice_ids[@]}))]}
      pending="choose $id"
      msg="{\"choose\":\"$id\"}"
    fi
    printf '%s\n' "$msg" >&3 2> /dev/null || break
    read -r -t 10 -u 4 line || break
    if ! parse "$line"; then
      fail "unexpected answer to $msg: ${line:0:200}"
      break
    fi
    case $pending in
      undo) unset 'journal[${#journal[@]}-1]' ;;
      *) journal+=("${pending#choose }") ;;
    esac
    pending=""
    total_ops=$((total_ops + 1))
    [ "$decision" = "${#journal[@]}" ] || fail "the game shows decision $decision after ${#journal[@]}"
  done
  wait "$pid" 2> /dev/null
  status=$?
  pid=""
  wait "$killer" 2> /dev/null
  killer=""
  exec 3>&- 4<&-
  if [ $status -ne 137 ]; then
    fail "the game ended with status $status before it was killed: $(head -c 300 "$work/err")"
    break
  fi
  tmp_now=$(ls "$saves" 2> /dev/null | grep -c '\.tmp-')
  [ "$tmp_now" -gt "$tmp_before" ] && in_write=$((in_write + 1))
  tmp_before=$tmp_now
  # the autosave: the acknowledged journal, or that with the message in flight applied
  acked="${journal[*]}"
  [ -n "$acked" ] && acked="$acked "
  if [ ! -e "$autosave" ]; then
    [ ${#journal[@]} -eq 0 ] || fail "no autosave after ${#journal[@]} decisions"
    continue
  fi
  got=$(saved_journal)
  case $pending in
    "") allowed=("$acked") ;;
    undo)
      short=("${journal[@]}")
      unset 'short[${#short[@]}-1]'
      s="${short[*]}"
      [ -n "$s" ] && s="$s "
      allowed=("$acked" "$s")
      ;;
    *) allowed=("$acked" "$acked${pending#choose } ") ;;
  esac
  ok=0
  for a in "${allowed[@]}"; do [ "$got" = "$a" ] && ok=1; done
  if [ $ok -eq 0 ]; then
    fail "the autosave's journal ($(echo $got | wc -w) decisions) is neither the acknowledged one (${#journal[@]}) nor that plus the message in flight ($pending)"
    break
  fi
  read -r -a journal <<< "$got"
  [ ${#journal[@]} -gt $longest ] && longest=${#journal[@]}
  # and it loads
  if ! "$ladder" play "$story" --continue --ui json < /dev/null > "$work/cont" 2> "$work/err"; then
    fail "the autosave does not load: $(head -c 300 "$work/err")"
    break
  fi
  parse "$(head -n 1 "$work/cont")" || fail "no scene after --continue"
  [ "$decision" = "${#journal[@]}" ] ||
    fail "--continue shows decision $decision, the autosave holds ${#journal[@]}"
done
left=$(ls "$saves" 2> /dev/null | grep -c '\.tmp-')
echo "$round kills, $total_ops messages answered, journal up to $longest decisions;" \
  "$in_write kills left a temporary file behind (killed while writing; $left in the save folder," \
  "never read)"
if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  grep -v ' Killed ' "$work/stderr" >&5
  exit 1
fi
echo "every kill left an autosave that loads and lost at most the decision in flight"
