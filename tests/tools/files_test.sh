#!/bin/sh
# files_test.sh LADDER SOURCE_DIR: damaged files through the real binary. Saves (--load and the
# `load` list), the autosave (--continue), workshop results (ladder replay, --results) and the
# window's settings.json: empty, truncated, not JSON, the wrong shape, 100 MB, from a newer
# Ladder, a folder, a FIFO. Each run must end within 5 s (a run still going after 10 s is
# killed) with its expected exit status and a message naming the file, and never a crash. A
# damaged autosave is set aside (renamed, its bytes kept) and the player is told; a file the
# player named is never moved.
#
# The settings are checked with SDL's dummy video driver (no display needed): a screenshot of
# the title screen and of a game with a damaged settings.json must differ from one with good
# settings, because the window shows a message; and the settings file must not be changed by a
# screenshot run.
set -u
ladder=$1
src=$2
work=$(mktemp -d /tmp/ladder-files-XXXXXX)
trap 'rm -rf "$work"' EXIT
story="$src/tests/fixtures/good/office"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" NO_COLOR=1 \
  SDL_VIDEODRIVER=dummy \
  COLUMNS=80
mkdir -p "$HOME"
saves="$XDG_DATA_HOME/ladder/saves/office"
failures=0
fail() {
  echo "FAIL: $what: $*"
  failures=$((failures + 1))
  if [ -f "$work/out" ]; then
    sed 's/^/    | /' "$work/out" | head -c 1500
    echo
  fi
}

# go WHAT STATUS INPUT ARGS...: run ladder with INPUT on stdin; check the exit status and time
go() {
  what=$1
  want=$2
  input=$3
  shift 3
  printf '%b' "$input" > "$work/in"
  /usr/bin/time -f '%e %M' -o "$work/time" timeout -s KILL 10 "$ladder" "$@" \
    < "$work/in" > "$work/out" 2>&1
  status=$?
  secs=$(tail -n 1 "$work/time" | cut -d' ' -f1)
  printf '  %-58s exit %-3s %5.2f s\n' "$what" "$status" "${secs:-0}"
  if [ "$status" = 137 ]; then
    fail "still running after 10 s (killed)"
    return
  fi
  [ "$status" = "$want" ] || fail "exit status $status, expected $want"
  awk -v s="${secs:-0}" 'BEGIN { exit !(s > 5) }' && fail "took $secs s (limit 5 s)"
}
says() { grep -qF -- "$1" "$work/out" || fail "the output does not say \"$1\""; }
same_bytes() { cmp -s "$1" "$2" || fail "$1 changed"; }

# ---- saves named with --load, and the list of saves ----
echo "saves given to --load"
mkdir -p "$work/files" "$saves"
good_save="$src/tests/fixtures/saves/office_v1.json"
printf '' > "$work/files/empty.json"
head -c 200 "$good_save" > "$work/files/truncated.json"
printf 'not json\n' > "$work/files/text.json"
printf '[{"format": "ladder-save", "version": 1}]\n' > "$work/files/array.json"
printf '{"format": "ladder-save", "version": 1, "story": "office", "seed": "1", "decisions": {"a": 1}}\n' \
  > "$work/files/shape.json"
printf '{"format": "ladder-save", "version": 3, "story": "office", "seed": "1", "decisions": []}\n' \
  > "$work/files/newer.json"
truncate -s 100M "$work/files/huge.json"
mkdir -p "$work/files/folder.json"
mkfifo "$work/files/fifo.json"
for f in empty truncated text array shape newer huge folder fifo; do
  cp -R "$work/files/$f.json" "$work/before.json" 2> /dev/null
  go "--load $f.json" 1 "" play "$story" --load "$work/files/$f.json" --ui term
  says "$work/files/$f.json"
  [ -e "$work/files/$f.json" ] || fail "the file the player named was moved or deleted"
  [ -f "$work/files/$f.json" ] && [ "$f" != huge ] && same_bytes "$work/before.json" "$work/files/$f.json"
  rm -rf "$work/before.json"
done

echo "the list of saves beside damaged ones"
go "a game and a slot" 0 "1\nsave good\n" play "$story" --seed 1 --ui term
for f in empty truncated text array newer huge folder fifo; do
  cp -R "$work/files/$f.json" "$saves/$f.json" 2> /dev/null || mkfifo "$saves/$f.json"
done
[ -p "$saves/fifo.json" ] || { rm -f "$saves/fifo.json"; mkfifo "$saves/fifo.json"; }
go "load (terminal)" 0 "load\n" play "$story" --continue --ui term
says "good"
go "load by name (terminal)" 0 "load good\n" play "$story" --continue --ui term
go "load a damaged one (json)" 0 '{"load":"text"}\n{"load":"good"}\n' play "$story" --continue --ui json
says '"type":"error"'
says "text.json"
go "title screen beside damaged saves" 0 "" --ui sdl --screenshot "$work/t.png"
rm -rf "$saves"

# ---- the autosave ----
echo "damaged autosaves and --continue"
for ui in term json; do
  for f in empty truncated text array huge; do
    rm -rf "$saves"
    mkdir -p "$saves"
    cp "$work/files/$f.json" "$saves/autosave.json"
    go "--continue, $f autosave ($ui)" 1 "" play "$story" --continue --ui $ui
    says "damaged"
    says "autosave-damaged-"
    kept=$(ls "$saves" | grep '^autosave-damaged-' | head -n 1)
    [ -n "$kept" ] || { fail "not set aside"; continue; }
    grep -qF "$kept" "$work/out" || fail "the message does not name the kept file $kept"
    [ ! -e "$saves/autosave.json" ] || fail "autosave.json is still there"
    if [ "$f" = huge ]; then
      [ "$(stat -c %s "$saves/$kept")" = 104857600 ] || fail "the kept file is not the whole autosave"
    else
      same_bytes "$work/files/$f.json" "$saves/$kept"
    fi
    # then a new game plays, and continues, and the kept file is still there
    go "  a new game after it ($ui)" 0 "1\n" play "$story" --seed 1 --ui term
    go "  continue that game ($ui)" 0 "" play "$story" --continue --ui term
    says "Continuing after 1 decision"
    [ -e "$saves/$kept" ] || fail "the kept file is gone"
  done
done
rm -rf "$saves"
mkdir -p "$saves"
cp "$work/files/newer.json" "$saves/autosave.json"
go "--continue, autosave from a newer Ladder" 1 "" play "$story" --continue --ui term
says "newer"
same_bytes "$work/files/newer.json" "$saves/autosave.json"
rm -rf "$saves"
mkdir -p "$saves"
mkfifo "$saves/autosave.json"
go "--continue, the autosave is a FIFO" 1 "" play "$story" --continue --ui term
says "autosave"
rm -rf "$saves"

# ---- the autosave's journal: torn ends, damage in the middle ----
echo "the autosave's journal (version 2, one decision per line)"
es="$src/tests/fixtures/good/endless" # a story without an ending
esaves="$XDG_DATA_HOME/ladder/saves/endless"
rm -rf "$esaves"
go "a game of four decisions" 0 "1\n1\n1\n1\n" play "$es" --seed 2 --ui term
journal="$work/files/journal.json"
cp "$esaves/autosave.json" "$journal"
lines=$(wc -l < "$journal")
# the decision lines are lines 3 to lines-2; a torn last line is left out, with a word
for cut in 7 40; do
  rm -rf "$esaves"
  mkdir -p "$esaves"
  head -n $((lines - 3)) "$journal" > "$esaves/autosave.json"
  tail -n 3 "$journal" | head -n 1 | head -c $cut >> "$esaves/autosave.json"
  go "--continue, last decision line torn after $cut bytes" 0 "" play "$es" --continue --ui term
  says "Continuing after 3 decisions"
  says "cut short"
done
rm -rf "$esaves"
mkdir -p "$esaves"
head -n $((lines - 2)) "$journal" > "$esaves/autosave.json"
go "--continue, the state line missing" 0 "" play "$es" --continue --ui term
says "Continuing after 4 decisions"
# damage before the last line is damage: set aside, named
damaged() { # WHAT SED-SCRIPT
  rm -rf "$esaves"
  mkdir -p "$esaves"
  sed "$2" "$journal" > "$esaves/autosave.json"
  go "--continue, $1" 1 "" play "$es" --continue --ui term
  says "damaged"
  says "autosave-damaged-"
}
damaged "garbage in the middle" '4s/.*/@@@ garbage @@@/'
damaged "a decision out of order" '4s/"n":2/"n":3/'
damaged "no header line" '1d'
damaged "a decision with a huge stat" '5s/"burnout":[0-9]*/"burnout":1e308/'
damaged "a decision line of NUL bytes" '4s/.*/\x00\x00\x00/'

# ---- workshop results ----
echo "results files"
mkdir -p "$work/results"
go "a participant's game" 0 "1\n1\n1\n" play "$story" --seed 3 --player Bo --session ROOM \
  --results "$work/results" --ui term
results=$(ls "$work/results"/*.json 2> /dev/null | head -n 1)
if [ -z "$results" ]; then
  what="results"
  fail "no results file was written"
else
  go "replay the results file" 0 "" replay "$results" --story "$story"
  len=$(wc -c < "$results")
  # cut before its list of decisions opens (line 2): refused
  list=$(head -n 2 "$results" | wc -c)
  for k in 0 1 $((list / 2)) $((list - 3)); do
    head -c $k "$results" > "$work/files/results-$k.json"
    go "replay results cut at byte $k of $len" 1 "" replay "$work/files/results-$k.json" --story "$story"
    says "results-$k.json"
  done
  # cut after it: a torn end, read up to the last whole decision
  for k in $((list + 5)) $((len / 2)) $((len - 3)); do
    head -c $k "$results" > "$work/files/results-$k.json"
    go "replay results cut at byte $k of $len (torn end)" 0 "" replay "$work/files/results-$k.json" --story "$story"
  done
  sed 's/"version":[^,]*/"version": 4/' "$results" > "$work/files/results-newer.json"
  go "replay results from a newer Ladder" 1 "" replay "$work/files/results-newer.json" --story "$story"
  says "newer"
  for f in huge fifo folder shape; do
    go "replay a $f results file" 1 "" replay "$work/files/$f.json" --story "$story"
    says "$work/files/$f.json"
  done
fi
printf 'a file where the results folder should be\n' > "$work/not-a-folder"
cp "$work/not-a-folder" "$work/before.json"
# results that cannot be written: the player is told, and the exit status says so
go "--results into a file, not a folder" 1 "1\n1\n1\n" play "$story" --seed 3 --player Bo \
  --results "$work/not-a-folder" --ui term
says "could not be written"
says "your results are in no file"
same_bytes "$work/before.json" "$work/not-a-folder"
go "--results under a file" 1 '{"choose":1}\n' play "$story" --seed 3 --player Bo \
  --results "$work/not-a-folder/sub" --ui json
says "could not be written"
go "--results, quitting with nothing decided" 0 "quit\n" play "$story" --seed 3 --player Bo \
  --results "$work/not-a-folder" --ui term

# ---- the window's settings ----
echo "settings.json (window, SDL dummy driver)"
conf="$XDG_CONFIG_HOME/ladder"
rm -rf "$saves" "$conf"
shot() { # NAME: title and game screenshots into $work/NAME-title.png, $work/NAME-game.png
  go "$1: title screen" 0 "" --ui sdl --screenshot "$work/$1-title.png"
  [ -s "$work/$1-title.png" ] || fail "no screenshot"
  go "$1: a game" 0 "" play "$story" --seed 1 --ui sdl \
    --screenshot "$work/$1-game.png"
  [ -s "$work/$1-game.png" ] || fail "no screenshot"
}
shot clean
mkdir -p "$conf"
printf '{"text_size": 22, "theme": "dark"}' > "$work/good-settings.json"
good_len=$(wc -c < "$work/good-settings.json")
printf '' > "$work/s-empty"
head -c $((good_len / 2)) "$work/good-settings.json" > "$work/s-truncated"
printf 'text_size = 22\n' > "$work/s-text"
printf '[22, "dark"]' > "$work/s-array"
truncate -s 100M "$work/s-huge"
for f in empty truncated text array huge folder fifo; do
  rm -rf "$conf/settings.json"
  case $f in
    folder) mkdir "$conf/settings.json" ;;
    fifo) mkfifo "$conf/settings.json" ;;
    *) cp "$work/s-$f" "$conf/settings.json" ;;
  esac
  shot "$f"
  for screen in title game; do
    what="$f settings.json: $screen"
    if cmp -s "$work/clean-$screen.png" "$work/$f-$screen.png"; then
      fail "the window looks as with good settings: the player is not told the file is damaged"
    fi
  done
  what="$f settings.json"
  case $f in
    folder) [ -d "$conf/settings.json" ] || fail "settings.json changed" ;;
    fifo) [ -p "$conf/settings.json" ] || fail "settings.json changed" ;;
    huge) [ "$(stat -c %s "$conf/settings.json")" = 104857600 ] || fail "settings.json changed" ;;
    *) same_bytes "$work/s-$f" "$conf/settings.json" ;;
  esac
done
# a settings file from a newer Ladder is used for what this one knows
rm -rf "$conf/settings.json"
printf '{"version": 5, "text_size": 22, "theme": "dark", "hologram": {"on": true}}' > "$conf/settings.json"
shot newer
cp "$work/good-settings.json" "$conf/settings.json"
shot good
cmp -s "$work/newer-game.png" "$work/good-game.png" ||
  { what="newer settings.json"; fail "not used like the same settings without the new fields"; }

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all damaged files gave a clear message, promptly, and nothing was lost"
