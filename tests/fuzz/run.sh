#!/bin/sh
# tests/fuzz/run.sh [SECONDS]: build the fuzz targets with clang (libFuzzer, AddressSanitizer,
# UndefinedBehaviorSanitizer) in build-fuzz/ and fuzz each for SECONDS (default 60):
#   fuzz_save   the save and results reader (save_parse), and replays of what it accepts
#   fuzz_story  scenario loading from arbitrary bytes (story_load), and a few decisions
#   fuzz_protocol  the JSON front end's request lines (request_read_line, request_parse) and
#               the UTF-8 repair and terminal-safe text of core/utf8.h
# Seeds: tests/fuzz/corpus/TARGET and every crash found so far, tests/fuzz/crashes/TARGET.
# Anything new that crashes, hangs (over 25 s for one input), leaks or runs out of memory is
# written to tests/fuzz/crashes/TARGET/ (commit it with the fix: from then on every build
# replays it, see CTest fuzz_corpus_TARGET) and the script fails. New interesting inputs go to a
# scratch folder, not into git. Needs clang and libclang-rt-14-dev (Debian).
# LADDER_FUZZ_BUILD=DIR builds elsewhere; CC picks another clang. CI runs `run.sh 60`: three
# targets, about 3.5 minutes with the build.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
secs=${1:-60}
build=${LADDER_FUZZ_BUILD:-$src/build-fuzz}
cc=${CC:-clang}
command -v "$cc" > /dev/null || { echo "fuzz: needs clang (apt-get install clang libclang-rt-14-dev)"; exit 1; }
scratch=$(mktemp -d /tmp/ladder-fuzz-corpus-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
scratch_log="$scratch/configure.log"
echo "== building the fuzz targets in $build with $cc"
CC=$cc cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DLADDER_SANITIZE=ON -DLADDER_FUZZ=ON \
  > "$scratch_log" 2>&1 || { cat "$scratch_log"; exit 1; }
cmake --build "$build" -j2 --target fuzz_save fuzz_story fuzz_protocol || exit 1
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" HOME="$scratch" \
  TMPDIR="$scratch"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:print_stacktrace=1:halt_on_error=1"
failed=0
for t in save story protocol; do
  crashes="$here/crashes/$t"
  mkdir -p "$crashes" "$scratch/$t"
  before=$(ls "$crashes" | wc -l)
  echo "== fuzz_$t for $secs s"
  "$build/tests/fuzz_$t" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 \
    -dict="$here/$t.dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
    "$scratch/$t" "$here/corpus/$t" "$crashes" > "$scratch/$t.log" 2>&1
  rc=$?
  tail -n 12 "$scratch/$t.log"
  after=$(ls "$crashes" | wc -l)
  if [ $rc -ne 0 ] || [ "$after" -ne "$before" ]; then
    echo "fuzz_$t FAILED (exit status $rc); the input is kept in $crashes:"
    ls -t "$crashes" | head -n 3
    grep -m 1 -A 30 -E '==ERROR|runtime error|ERROR: libFuzzer' "$scratch/$t.log"
    failed=1
  else
    echo "fuzz_$t: no crash, hang or leak ($(ls "$scratch/$t" | wc -l) new corpus inputs, not kept)"
  fi
done
exit $failed
