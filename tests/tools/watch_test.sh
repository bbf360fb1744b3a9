#!/bin/sh
# watch_test.sh LADDER SOURCE_DIR: `ladder play --watch` reloads the story when a file changes,
# replays to the same decision, shows a script error in place, and carries on once it is fixed.
set -eu
ladder=$1
src=$2
work=$(mktemp -d /tmp/ladder-watch-XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" HOME="$work" NO_COLOR=1 COLUMNS=80
cp -r "$src/tests/fixtures/good/office" "$work/office"
mkfifo "$work/in"
"$ladder" play "$work/office" --watch --seed 1 < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
fail() { echo "FAIL: $*"; cat "$work/out"; exit 1; }
wait_for() { # text, seconds
  i=0
  while ! grep -qF "$1" "$work/out"; do
    i=$((i + 1)); [ $i -lt $(($2 * 10)) ] || fail "no \"$1\" after $2 s"
    sleep 0.1
  done
}
wait_for "The queue holds forty tickets" 5
echo 2 >&3
wait_for "At noon the printer" 5
# an edit of the prose: reloaded and replayed to the same decision
sed -i 's/jams again/jams for the fourth time/' "$work/office/story.lua"
wait_for "The story changed: reloaded" 5
wait_for "jams for the fourth time" 5
# a broken edit: the error shows in place, the game goes on
cp "$work/office/story.lua" "$work/good.lua"
printf 'scene "broken" {\n' >> "$work/office/story.lua"
wait_for "does not load" 5
wait_for "story.lua:" 5
echo stats >&3
wait_for "Trust" 5
# fixed again: reloaded
n=$(grep -c "The story changed: reloaded" "$work/out")
cp "$work/good.lua" "$work/office/story.lua"
i=0
while [ "$(grep -c "The story changed: reloaded" "$work/out")" -le "$n" ]; do
  i=$((i + 1)); [ $i -lt 50 ] || fail "no reload after the fix"
  sleep 0.1
done
echo 1 >&3
wait_for "Evening. The director asks for a summary." 5
echo quit >&3
exec 3>&-
wait $pid || fail "ladder exited with status $?"
pid=""
echo "watch ok"
