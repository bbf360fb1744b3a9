#!/bin/sh
# output_test.sh LADDER SOURCE_DIR JSONL [--sanitized]: what Ladder writes is safe, whatever a
# story holds (issue 10, "Output and protocol").
#
# 1. Nothing a terminal acts on: the stories of tests/fixtures/output/ put escape sequences, BEL,
#    CR, DEL, C1 controls and bytes that are not UTF-8 into every string they can. Every command
#    that shows a story's strings (play in the terminal with every command, the title menu,
#    list, check, explore, replay, the room's terminal, and the error messages of each) must
#    write valid UTF-8 holding no C0 control but newline and tab, no DEL and no C1 control; the
#    symbols that replace them must be there.
# 2. Valid JSON Lines in UTF-8: every line of `play --ui json`, `check --json` and
#    `explore --json` on those stories (JSONL checks each line; python3 need not be installed).
# 3. A request line longer than the 64 KiB cap (1 MiB, and 64 MiB to measure memory) is refused
#    with an error and the game goes on; peak memory stays far below the line's size (not under
#    --sanitized, whose shadow memory would swamp it); a NUL byte, invalid UTF-8 and CRLF lines
#    are handled too.
set -u
ladder=$1
src=$2
jsonl=$3
mode=${4:-}
case $ladder in /*) ;; *) ladder=$PWD/$ladder ;; esac
case $jsonl in /*) ;; *) jsonl=$PWD/$jsonl ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac
work=$(mktemp -d /tmp/ladder-output-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1 \
  COLUMNS=80
unset LADDER_SCENARIOS
fx="$src/tests/fixtures/output"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# safe NAME FILE: FILE is valid UTF-8 with no control a terminal would act on
c1=$(printf '\302[\200-\237]')
safe() {
  if ! iconv -f UTF-8 -t UTF-8 "$2" > /dev/null 2>&1; then
    fail "$1: the output is not valid UTF-8"
  fi
  n=$(tr -d '\n\t\040-\176\200-\377' < "$2" | wc -c)
  [ "$n" -eq 0 ] || fail "$1: $n control bytes (C0 or DEL) in the output"
  if LC_ALL=C grep -q "$c1" "$2"; then
    fail "$1: a C1 control in the output"
  fi
}

# has NAME FILE TEXT: FILE contains TEXT
has() {
  grep -qF -- "$3" "$2" || fail "$1: the output lacks \"$3\""
}

# run NAME STATUS INPUT ARGS...: run ladder with INPUT on stdin (stdout and stderr to $work/out),
# check the exit status and that the output is safe
run() {
  name=$1
  want=$2
  input=$3
  shift 3
  printf "$input" | (cd "$work" && "$ladder" "$@") > "$work/out" 2>&1
  got=$?
  [ "$got" -eq "$want" ] || fail "$name: exit status $got, expected $want"
  safe "$name" "$work/out"
  printf '  %-58s exit %s\n' "$name" "$got"
}

ESC=$(printf '\342\220\233') # U+241B, the symbol for ESC
BEL=$(printf '\342\220\207') # U+2407
CR=$(printf '\342\220\215')  # U+240D
DEL=$(printf '\342\220\241') # U+2421
BS=$(printf '\342\220\210')  # U+2408
FFFD=$(printf '\357\277\275')

echo "the terminal: controls shown as symbols"
ev="$fx/escapes_everywhere.lua"
player=$(printf 'Ana\033]0;name\007')
run "play, every command" 0 'help\nstats\n1\nhistory\nsave one\nload\nload one\nundo\n1\n1\n' \
  play "$ev" --seed 1 --player "$player"
has "play" "$work/out" "Title${ESC}]0;retitled${BEL}"
has "play" "$work/out" "Summary${ESC}[2J cleared"
has "play" "$work/out" "Content note: Note${ESC}[8mhidden${ESC}[0m"
has "play" "$work/out" "-- Chapter${ESC}[5mblink --"
has "play" "$work/out" "Motto: flag${ESC}]52;c;cHduZWQ=${BEL}. C1: ${ESC}[2J and ${ESC}]0;t${ESC}\\ end. DEL${DEL} BS${BS}x"
has "play" "$work/out" "1. Choice${ESC}[1A${ESC}[2K gone"
has "play" "$work/out" "Burn${ESC}[31mout  [####"
has "play" "$work/out" "[Trust${CR}${ESC}[2K +5]"
has "play" "$work/out" "Dynamic ${ESC}[8mtext${ESC}[0m for Ana${ESC}]0;name${BEL}"
has "play" "$work/out" "1. Dynamic choice${ESC}[?25l"
has "play" "$work/out" "THE END: Ending${ESC}]0;owned${BEL} (a good ending"
has "play" "$work/out" "Choice lesson${ESC}]0;x${BEL}"
has "play" "$work/out" "Closing${ESC}[3J lesson"
has "play" "$work/out" "Ending text${ESC}c"
run "play, the threshold" 0 '2\n' play "$ev" --seed 1 --player Pat
has "threshold" "$work/out" "Burn${ESC}[31mout has reached 100."
has "threshold" "$work/out" "THE END: Flamed${ESC}[41m out"
run "play, the reproducer" 0 '1\n' play "$fx/term_escape_injection.lua" --seed 1
has "reproducer" "$work/out" "Hello${ESC}[2J${ESC}[8mhidden${ESC}[0m ${ESC}]52;c;ZWNobyBwd25lZAo=${BEL}done"
run "play, ill-formed UTF-8" 0 '1\n' play "$fx/invalid_utf8_everywhere.lua" --seed 1
has "ill-formed" "$work/out" "T${FFFD}itle"
run "play, a script error" 1 '1\n' play "$fx/escape_in_script_error.lua" --seed 1
has "script error" "$work/out" "bad${ESC}]0;retitled${BEL} ${FFFD}${FFFD}${FFFD} bytes"
run "play, a story that does not load" 1 '' play "$fx/escape_in_error.lua"
has "load error" "$work/out" "unknown scene 'nowhere${ESC}]0;retitled${BEL}${ESC}[2J'"

mkdir -p "$work/scenarios/escapes_everywhere" "$work/scenarios/invalid_utf8_everywhere"
cp "$ev" "$work/scenarios/escapes_everywhere/story.lua"
cp "$fx/invalid_utf8_everywhere.lua" "$work/scenarios/invalid_utf8_everywhere/story.lua"
export LADDER_SCENARIOS="$work/scenarios"
run "list" 0 '' list --where
has "list" "$work/out" "Title${ESC}]0;retitled${BEL}: Summary${ESC}[2J cleared"
run "the title menu" 0 '1\n1\nquit\n' --ui term
has "menu" "$work/out" "Title${ESC}]0;retitled${BEL}"
has "menu" "$work/out" "Summary${ESC}[2J cleared"
mkdir -p "$work/scenarios/broken"
cp "$fx/escape_in_error.lua" "$work/scenarios/broken/story.lua"
run "list, a bundled story that does not load" 1 '' list
has "list" "$work/out" "nowhere${ESC}]0;retitled${BEL}${ESC}[2J"
rm -rf "$work/scenarios/broken"
unset LADDER_SCENARIOS

run "check" 1 '' check "$fx/escape_in_error.lua" "$fx/escape_in_script_error.lua"
has "check" "$work/out" "unknown scene 'nowhere${ESC}]0;retitled${BEL}${ESC}[2J'"
has "check" "$work/out" "bad${ESC}]0;retitled${BEL} ${FFFD}${FFFD}${FFFD} bytes"
run "check, a story that loads" 0 '' check "$ev" "$fx/invalid_utf8_everywhere.lua"
run "explore" 0 '' explore "$ev" --random 20 --seed 1
has "explore" "$work/out" "escapes_everywhere (Title${ESC}]0;retitled${BEL})"
has "explore" "$work/out" "Burn${ESC}[31mout"
run "explore, script errors" 1 '' explore "$fx/escape_in_script_error.lua" --random 20 --seed 1
has "explore errors" "$work/out" "bad${ESC}]0;retitled${BEL}"
run "explore, exhaustive" 0 '' explore "$ev" --exhaustive
run "replay" 0 '' replay "$ev" --seed 1 --choices go,finish
has "replay" "$work/out" "THE END: Ending${ESC}]0;owned${BEL}"
run "replay, random" 0 '' replay "$ev" --seed 3 --random
run "room (terminal)" 0 '1 0\n1\nhistory\nstats\nnumbers off\nstats\nrewind 1\n0 1\nend\n' \
  workshop "$ev" --ui term --out "$work"
has "room" "$work/out" "LADDER workshop: Title${ESC}]0;retitled${BEL}"
has "room" "$work/out" "== Decision 1: Chapter${ESC}[5mblink =="
has "room" "$work/out" "For the room: Discuss${BEL} bell"
has "room" "$work/out" "  Trust${CR}${ESC}[2K"
has "room" "$work/out" "== The end: Ending${ESC}]0;owned${BEL}"
for f in "$work"/workshop-escapes_everywhere-room-*.md; do
  safe "the room's Markdown debrief" "$f"
  has "the room's debrief" "$f" "# Debrief: Title${ESC}]0;retitled${BEL}"
done
for f in "$work"/workshop-escapes_everywhere-room-*.html; do
  iconv -f UTF-8 -t UTF-8 "$f" > /dev/null 2>&1 || fail "the room's HTML debrief is not valid UTF-8"
done
run "room (terminal), ill-formed UTF-8" 0 '1 0\nend\n' \
  workshop "$fx/invalid_utf8_everywhere.lua" --ui term --out "$work"
for f in "$work"/workshop-invalid_utf8_everywhere-room-*; do
  iconv -f UTF-8 -t UTF-8 "$f" > /dev/null 2>&1 || fail "$f is not valid UTF-8"
done

echo "JSON: every line valid UTF-8 JSON"
jrun() {
  name=$1
  want=$2
  input=$3
  shift 3
  printf "$input" | (cd "$work" && "$ladder" "$@") > "$work/json" 2> "$work/err"
  got=$?
  [ "$got" -eq "$want" ] || fail "$name: exit status $got, expected $want"
  "$jsonl" $JSONL_ANY "$work/json" > /dev/null || fail "$name: not valid JSON Lines"
  safe "$name (stderr)" "$work/err"
  printf '  %-58s exit %s, %s lines\n' "$name" "$got" "$(wc -l < "$work/json")"
}
JSONL_ANY=""
jrun "play, the reproducer" 0 '{"choose":"go"}\n' play "$fx/invalid_utf8_prose.lua" --ui json --seed 1
has "reproducer" "$work/json" "\"title\":\"Bad $FFFD UTF-8\""
has "reproducer" "$work/json" "\"text\":\"caf$FFFD $FFFD$FFFD $FFFD$FFFD end\""
has "reproducer" "$work/json" "\"text\":\"Go $FFFD$FFFD$FFFD\""
jrun "play, everywhere" 0 '{"choose":"go"}\n' play "$fx/invalid_utf8_everywhere.lua" --ui json --seed 1
has "everywhere" "$work/json" "\"label\":\"Ca$FFFD${FFFD}lm\""
has "everywhere" "$work/json" "\"title\":\"End$FFFD$FFFD\",\"verdict\":\"good\",\"lesson\":\"L$FFFD$FFFD\""
jrun "play, a script error" 1 '{"choose":"fail"}\n{"choose":"stay"}\n' \
  play "$fx/escape_in_script_error.lua" --ui json --seed 1
has "script error" "$work/json" 'bad\u001b]0;retitled\u0007 '"$FFFD$FFFD$FFFD"' bytes'
jrun "play, escapes" 0 '{"choose":"go"}\n{"choose":"finish"}\n' play "$ev" --ui json --seed 1 --player Pat
has "escapes" "$work/json" '"title":"Title\u001b]0;retitled\u0007"'
JSONL_ANY=--any
jrun "check --json" 0 '' check --json "$fx/invalid_utf8_everywhere.lua" "$ev"
jrun "check --json, problems" 1 '' check --json "$fx/escape_in_error.lua" "$fx/escape_in_script_error.lua"
jrun "explore --json" 0 '' explore "$fx/invalid_utf8_everywhere.lua" --random 20 --json
jrun "explore --json, script errors" 1 '' explore "$fx/escape_in_script_error.lua" --random 20 --json

echo "JSON: lines the protocol refuses"
office="$src/tests/fixtures/good/office"
# lines: 1 MiB of one request, a NUL byte, invalid UTF-8, then CRLF lines that play on
{
  printf '{"choose":"'
  head -c 1048576 /dev/zero | tr '\0' 'x'
  printf '"}\n{"look":true}\000\n{"choose":"caf\303"}\n{"choose":"walk"}\r\n{"look":true}\r\n'
} > "$work/in"
"$ladder" play "$office" --ui json --seed 4 < "$work/in" > "$work/json" 2> "$work/err"
got=$?
[ "$got" -eq 0 ] || fail "refused lines: exit status $got"
"$jsonl" "$work/json" > /dev/null || fail "refused lines: not valid JSON Lines"
[ "$(wc -l < "$work/json")" -eq 6 ] || fail "refused lines: $(wc -l < "$work/json") lines, expected 6"
sed -n 2p "$work/json" | grep -qF '{"type":"error","message":"the line is longer than 65536 bytes; it was skipped","script":false}' ||
  fail "the 1 MiB line: $(sed -n 2p "$work/json" | head -c 200)"
sed -n 3p "$work/json" | grep -qF 'more after the JSON value' || fail "a NUL byte: $(sed -n 3p "$work/json")"
sed -n 4p "$work/json" | grep -qF 'not valid UTF-8 (RFC 8259 section 8.1): column 15' ||
  fail "invalid UTF-8: $(sed -n 4p "$work/json")"
sed -n 5p "$work/json" | grep -qF '"scene":"noon","decision":1' || fail "CRLF: $(sed -n 5p "$work/json")"
sed -n 6p "$work/json" | grep -qF '"scene":"noon","decision":1' || fail "CRLF: $(sed -n 6p "$work/json")"
echo "  1 MiB line, NUL byte, invalid UTF-8, CRLF                    answered in order"

if [ "$mode" != "--sanitized" ] && [ -x /usr/bin/time ]; then
  # 64 MiB in one line: memory must not follow it
  { head -c 67108864 /dev/zero | tr '\0' 'x'; printf '\n{"choose":"walk"}\n'; } |
    /usr/bin/time -f '%M %e' -o "$work/time" "$ladder" play "$office" --ui json --seed 4 \
      > "$work/json" 2> "$work/err"
  read -r kb secs < "$work/time"
  echo "  a 64 MiB line: peak memory $((kb / 1024)) MB, $secs s"
  [ "$kb" -lt 51200 ] || fail "a 64 MiB line took $((kb / 1024)) MB of memory"
  grep -qF '"scene":"noon","decision":1' "$work/json" || fail "the game did not go on after a 64 MiB line"
fi

[ $failures -eq 0 ] && echo "all output safe" && exit 0
echo "$failures failure(s)"
exit 1
