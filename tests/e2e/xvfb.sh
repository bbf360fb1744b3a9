# xvfb.sh: sourced by the window end-to-end tests. Starts Xvfb on a free display (from
# $first_display on), with a fresh work folder as HOME and XDG folders, and cleans up on exit.
# Provides: $work, start_window CMD... (runs it, waits for the Ladder window, sets $lpid),
# press KEYS... (xdotool, then a pause), wait_exit (the game must end by itself, status 0).
work=$(mktemp -d /tmp/ladder-e2e-XXXXXX)
disp=""
for n in $(seq "${first_display:-91}" $(( ${first_display:-91} + 49 ))); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then disp=":$n"; break; fi
done
[ -n "$disp" ] || { echo "no free X display number"; exit 1; }
Xvfb "$disp" -screen 0 1024x768x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xpid=$!
lpid=""
cleanup() {
  [ -n "$lpid" ] && kill "$lpid" 2>/dev/null || true
  kill "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY="$disp" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
i=0
until xdotool getmouselocation > /dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
  sleep 0.1
done

start_window() {
  "$@" > "$work/ladder.log" 2>&1 &
  lpid=$!
  # the window's title is "Ladder", or names the story: "The Office - Ladder"
  wid=$(timeout 10 xdotool search --sync --name 'Ladder$' | head -n 1)
  [ -n "$wid" ] || { echo "no window appeared"; cat "$work/ladder.log"; exit 1; }
  xdotool windowfocus --sync "$wid" 2> /dev/null || true
  sleep 0.5
}

press() { xdotool key --clearmodifiers "$@"; sleep 0.4; }

wait_exit() {
  i=0
  while kill -0 "$lpid" 2> /dev/null; do
    i=$((i + 1)); [ $i -lt 50 ] || { echo "ladder did not end"; exit 1; }
    sleep 0.1
  done
  wait "$lpid" || { echo "ladder exited with status $?"; cat "$work/ladder.log"; exit 1; }
  lpid=""
}
