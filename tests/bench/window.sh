#!/bin/sh
# window.sh [BUILD_DIR]: the window's start-up and idle cost, measured under Xvfb.
# Prints, for SDL's default renderer and for the software renderer: time to first frame and
# peak RSS of `ladder --frames 1` (the title screen) and of `ladder play demo --frames 1`, next
# to the floor (tests/bench/floor.c: one paragraph with SDL2 + SDL2_ttf), each the median of 9
# runs; then the CPU time an idle window uses over 10 s.
# Needs: xvfb, GNU time. Build first: cmake --build build (the bench_floor target included).
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/../.." && pwd)
ladder="$build/ladder"
floor="$build/tests/bench_floor"
font="$src/assets/fonts/CharisSIL-Regular.ttf"
[ -x "$ladder" ] && [ -x "$floor" ] || { echo "build first: cmake --build $build"; exit 1; }
work=$(mktemp -d /tmp/ladder-bench-XXXXXX)
disp=""
for n in $(seq 141 190); do
  if [ ! -e "/tmp/.X$n-lock" ]; then disp=":$n"; break; fi
done
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp > /dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$disp" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work"
sleep 1

# median of 9 runs of a command: prints "seconds megabytes"
measure() {
  i=0
  : > "$work/runs"
  while [ $i -lt 9 ]; do
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/one" "$@" > /dev/null 2>&1
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000 )) $(cat "$work/one")" | awk '{ print $1 / 1e6, $2 }' >> "$work/runs"
    i=$((i + 1))
  done
  t=$(cut -d' ' -f1 "$work/runs" | sort -n | sed -n 5p)
  m=$(cut -d' ' -f2 "$work/runs" | sort -n | sed -n 5p)
  echo "$t $m" | awk '{ printf "%6.0f ms %7.1f MB", $1 * 1000, $2 / 1024 }'
}

row() {
  label=$1
  shift
  printf "  %-34s %s\n" "$label" "$(measure "$@")"
}

for renderer in default software; do
  if [ "$renderer" = software ]; then
    # the software renderer, and no OpenGL behind the window surface either
    export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
  else
    unset SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION
  fi
  echo "renderer: $renderer"
  row "floor (one paragraph)" "$floor" "$font"
  row "ladder --frames 1 (title)" "$ladder" --ui sdl --frames 1
  row "ladder play demo --frames 1" "$ladder" play demo --seed 1 --ui sdl --frames 1
done
unset SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION

# idle: a window showing a scene, left alone for 10 s
"$ladder" play demo --seed 1 --ui sdl > /dev/null 2>&1 &
lpid=$!
sleep 2
ticks() { awk '{ print $14 + $15 }' "/proc/$lpid/stat"; }
before=$(ticks)
sleep 10
after=$(ticks)
kill "$lpid"
hz=$(getconf CLK_TCK)
echo "idle window over 10 s: $(echo "$before $after $hz" | awk '{ printf "%.2f", ($2 - $1) / $3 }') s of CPU"
