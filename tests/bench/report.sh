#!/bin/sh
# report.sh BUILD_DIR [STORY] [N]: how `ladder report` holds at a workshop's scale and far past
# it (issue 17). Plays 20,000 random playthroughs of STORY (default derailed, about 20
# decisions each) through the engine, as participants would (`ladder play --ui json --session
# BENCH --results DIR`, two plays at a time: several minutes), and takes the first N (default
# 1,000) of them as the small folder. For each folder it prints, best of three runs by wall time:
#   the page alone, and with --csv and --participants-csv (the time --csv adds), and with
#   --xlsx (the workbook), each with its peak RSS (/usr/bin/time -v), and the page's, the
#   CSVs' and the workbook's sizes,
# beside the goals: 20,000 files in under 2 s, --csv under 1 s more, a page that does not grow
# with the participants past a few MB (at scale its stat charts draw percentile bands).
# At 20,000 files it also counts the instructions the two CSVs take (callgrind, toggled on
# report_csv and report_participants_csv: repeatable on a loaded machine, where the times are
# not; about two minutes; INSTR=0 skips it).
# STORY is a bundled story's id or a story's folder (e.g. one taken from an older commit with
# git archive, which an older build can still load). LADDER=path/to/other/ladder times another build (e.g. from before a change); BENCH_DIR=DIR
# keeps the generated folders there and uses them again on the next run.
set -eu
build=$(cd "$1" && pwd)
story_arg=${2:-derailed}
story=$(basename "$story_arg")
n=${3:-1000}
ladder=${LADDER:-$build/ladder}
cd "$(dirname "$0")/../.."
[ -x "$ladder" ] || { echo "no $ladder: build first"; exit 1; }
[ -x /usr/bin/time ] || { echo "no /usr/bin/time (apt-get install time)"; exit 1; }
work=$(mktemp -d /tmp/ladder-bench-report-XXXXXX)
trap 'rm -rf "$work"' EXIT
data=${BENCH_DIR:-$work}
mkdir -p "$data"
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
small="$data/$story-$n"
big="$data/$story-20000"

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
# the story as it is now, kept with the files: a story edited later would not hold their scenes
# (the report would skip them)
snap="$data/$story-story"
if [ ! -d "$big" ]; then
  rm -rf "$small" "$big.part" "$snap"
  case $story_arg in */*) cp -r "$story_arg" "$snap" ;; *) cp -r "scenarios/$story" "$snap" ;; esac
  t0=$(now)
  # one participant: random numbers from 1 to 4 (a number the scene does not offer is
  # refused, so every offered choice is equally likely)
  export ladder snap big
  seq 1 20000 | xargs -P 2 -n 50 sh -c '
    for i; do
      awk -v s=$i "BEGIN { srand(s); for (k = 0; k < 600; k++) printf \"{\\\"choose\\\":%d}\\n\", int(rand() * 4) + 1 }" |
        "$ladder" play "$snap" --ui json --session BENCH --results "$big.part" --player "P$i" > /dev/null 2>&1
    done' sh
  mv "$big.part" "$big"
  t1=$(now)
  printf 'generated %d results files of %s in %s s\n' "$(ls "$big" | wc -l)" "$story" "$(sub "$t1" "$t0")"
fi
if [ ! -d "$small" ]; then # the first N of them
  mkdir -p "$small.part"
  ls "$big" | head -n "$n" | while read -r f; do cp "$big/$f" "$small.part/"; done
  mv "$small.part" "$small"
fi

kib() { echo $(($(wc -c < "$1") / 1024)); }
# best of three by wall time: prints "wall_s rss_kib cpu_s" (CPU: user + system, on every
# thread; on a busy machine it says more than the wall time)
measure() { # out-file, ladder args...
  out=$1
  shift
  best=""
  for k in 1 2 3; do
    /usr/bin/time -v -o "$work/time" "$ladder" "$@" > "$work/out" 2> "$work/err" ||
      { head -n 5 "$work/err"; echo "ladder report failed"; exit 1; }
    grep -q ' skipped' "$work/out" && { head -n 3 "$work/err"; echo "files were skipped"; exit 1; }
    w=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
    m=$(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time")
    c=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time")
    if [ -z "$best" ] || awk -v t="$w" -v b="${best%% *}" 'BEGIN { exit !(t < b) }'; then best="$w $m $c"; fi
  done
  echo "$best" > "$out"
}
printf '\n%-8s %-22s %10s %10s %10s %12s %12s\n' files run "wall (s)" "CPU (s)" "RSS (MB)" "page (KiB)" "other (KiB)"
for dir in "$small" "$big"; do
  files=$(ls "$dir" | wc -l)
  measure "$work/m1" report "$dir" -o "$work/page.html" --story "$snap"
  page=$(kib "$work/page.html")
  : > "$work/p.csv"
  if "$ladder" report --help | grep -q participants-csv; then
    measure "$work/m2" report "$dir" -o "$work/page.html" --csv "$work/d.csv" \
      --participants-csv "$work/p.csv" --story "$snap"
  else # a build from before the participants' CSV
    measure "$work/m2" report "$dir" -o "$work/page.html" --csv "$work/d.csv" --story "$snap"
  fi
  csvs=$(($(kib "$work/d.csv") + $(kib "$work/p.csv")))
  read -r w1 m1 c1 < "$work/m1"
  read -r w2 m2 c2 < "$work/m2"
  printf '%-8s %-22s %10.2f %10.2f %10.0f %12s %12s\n' "$files" "page" "$w1" "$c1" "$((m1 / 1024))" "$page" "-"
  printf '%-8s %-22s %10.2f %10.2f %10.0f %12s %12s\n' "$files" "page + both CSVs" "$w2" "$c2" "$((m2 / 1024))" "$page" "$csvs"
  printf '%-8s %-22s %10.2f %10.2f\n' "$files" "the CSVs add" "$(awk -v a="$w2" -v b="$w1" 'BEGIN { print a - b }')" \
    "$(awk -v a="$c2" -v b="$c1" 'BEGIN { print a - b }')"
  xlsx=""
  if "$ladder" report --help | grep -q -- --xlsx; then
    measure "$work/m3" report "$dir" -o "$work/page.html" --xlsx "$work/r.xlsx" --story "$snap"
    read -r w3 m3 c3 < "$work/m3"
    printf '%-8s %-22s %10.2f %10.2f %10.0f %12s %12s\n' "$files" "page + workbook" "$w3" "$c3" \
      "$((m3 / 1024))" "$page" "$(kib "$work/r.xlsx")"
    xlsx=$(awk -v a="$w3" -v b="$w1" 'BEGIN { printf "%.2f", a - b }')
    printf '%-8s %-22s %10s %10.2f\n' "$files" "the workbook adds" "$xlsx" \
      "$(awk -v a="$c3" -v b="$c1" 'BEGIN { print a - b }')"
  fi
  instr=""
  if [ "$files" -eq 20000 ] && [ "${INSTR:-1}" != 0 ] && command -v valgrind > /dev/null; then
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" --toggle-collect=report_csv \
      --toggle-collect=report_participants_csv "$ladder" report "$dir" -o "$work/page.html" \
      --csv "$work/d.csv" --participants-csv "$work/p.csv" --story "$snap" > /dev/null 2>&1 &&
      instr=$(awk '/^summary:|^totals:/ { printf "%.0f", $2 / 1e6; exit }' "$work/cg.out")
  fi
  if [ "$files" -eq 20000 ]; then
    verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v < g ? "met" : "NOT met") }'; }
    printf '\ngoals at 20,000: page under 2 s: %s (%.2f s); CSVs under 1 s more: %s (%.2f s); ' \
      "$(verdict "$w1" 2)" "$w1" "$(verdict "$(awk -v a="$w2" -v b="$w1" 'BEGIN { print a - b }')" 1)" \
      "$(awk -v a="$w2" -v b="$w1" 'BEGIN { print a - b }')"
    printf 'page a few MB at most: %s (%d KiB); load average %s\n' "$(verdict "$page" 5120)" "$page" \
      "$(cut -d' ' -f1 /proc/loadavg)"
    if [ -n "$instr" ]; then
      printf 'the CSVs take %s million instructions (callgrind)\n' "$instr"
    fi
    if [ -n "$xlsx" ]; then
      printf 'the workbook (--xlsx) adds %s s\n' "$xlsx"
    fi
  fi
done
