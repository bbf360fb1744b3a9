#!/bin/sh
# window_history.sh [BUILD_DIR [N ...]]: bench_window_history (tests/bench/window_history.c)
# under valgrind --tool=callgrind, which counts the instructions each phase takes: reading the
# autosave (session load), from there to the first frame, the first decision (a resumed game
# writes its autosave whole) and a decision after it with its autosave and frame (the mean of
# the bench's other 4). Instruction counts do not move with the machine's load,
# as wall time does. Default lengths: 10, 1,000 and 10,000 decisions (about a minute).
# Needs: valgrind. Build first: cmake --build BUILD_DIR --target bench_window_history.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
src=$(cd "$(dirname "$0")/../.." && pwd)
bench="$build/tests/bench_window_history"
[ -x "$bench" ] || { echo "build first: cmake --build $build --target bench_window_history"; exit 1; }
command -v valgrind > /dev/null || { echo "needs valgrind"; exit 1; }
[ $# -gt 0 ] || set -- 10 1000 10000
work=$(mktemp -d /tmp/ladder-callgrind-XXXXXX)
trap 'rm -rf "$work"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" "$bench" "$src" "$@" \
    > "$work/wall" 2> "$work/log" || { cat "$work/log"; exit 1; }
echo "wall time under callgrind (slowed down about 50 times):"
cat "$work/wall"
echo
echo "instructions (millions)"
echo "decisions   session load   first frame   first decision   a decision   (x floor: the first length)"
for f in $(ls "$work"/cg.*.* | sort -t. -k3 -n); do
  phase=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
  total=$(sed -n 's/^summary: //p' "$f")
  [ -n "$phase" ] && echo "$phase $total"
done | awk '
  { split($1, p, "-"); n = p[2]; v[n, p[1]] = $2; if (!(n in seen)) { seen[n] = 1; order[++k] = n } }
  END {
    for (i = 1; i <= k; i++) {
      n = order[i]; l = v[n, "load"] / 1e6; f = v[n, "first"] / 1e6
      o = v[n, "decision1"] / 1e6; d = v[n, "decisions"] / 4e6
      if (i == 1) { fl = l + f; ff = f; fd = d }
      printf "%9d   %12.1f   %11.1f   %14.1f   %10.2f   (load + first %.1fx, first %.1fx, decision %.1fx)\n", \
             n, l, f, o, d, (l + f) / fl, f / ff, d / fd
    }
  }'
