#!/bin/sh
# report_test.sh LADDER SOURCE_DIR [KEEP_DIR]: `ladder report` over genuine results files.
# - 200 participants play through the real engine (`ladder play --ui json --session --results`,
#   choices drawn at random by awk): 180 play the office story in session ROOM7 (some stop
#   early, some are anonymous, some have names to escape), 14 in session OTHER, 6 play the
#   two-chapter campaign; 3 broken files sit among them (truncated, not JSON, a save).
# - The expected figures are counted from the JSON files with grep and awk, independently of
#   the report: participants, endings, the choices taken at each scene and their shares, the
#   decisions per scene; the page and the CSV must show exactly those.
# - Broken files are named on stderr with the reason and skipped, the exit status is still 0;
#   stories and sessions get their own sections; names are escaped; the baseline is
#   deterministic; no valid file means exit 1, usage errors exit 2.
# With KEEP_DIR the page, the CSV and the results are left there (for the browser test).
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-report-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
res="$work/results"
mkdir -p "$res"

# n random choices among 1 and 2 (the office story offers two everywhere), seeded
choices() { # seed count
  awk -v s="$1" -v n="$2" 'BEGIN { srand(s); for (k = 0; k < n; k++) printf "{\"choose\":%d}\n", int(rand() * 2) + 1 }'
}
play() { # story session player [options...] < input
  story=$1 session=$2 player=$3
  shift 3
  "$ladder" play "$story" --ui json --session "$session" --results "$res" --player "$player" "$@" \
    > /dev/null 2>> "$work/play.err" || fail "ladder play $story for $player failed"
}

i=1
while [ $i -le 180 ]; do
  n=3
  [ $((i % 17)) -eq 0 ] && n=1          # stops after the first decision
  [ $((i % 23)) -eq 0 ] && n=2          # stops after the second
  name="P$i"
  [ $i -eq 7 ] && name="<b>\"Eve\" & 'Co'</b>"
  [ $i -eq 8 ] && name="Smith, Jane"
  [ $i -eq 9 ] && name="=1+1"
  if [ $((i % 10)) -eq 5 ]; then
    choices $i $n | play tests/fixtures/good/office ROOM7 "$name" --anonymous
  else
    choices $i $n | play tests/fixtures/good/office ROOM7 "$name"
  fi
  i=$((i + 1))
done
i=1
while [ $i -le 14 ]; do
  choices $((1000 + i)) 3 | play tests/fixtures/good/office OTHER "Q$i"
  i=$((i + 1))
done
i=1
while [ $i -le 6 ]; do
  { choices $((2000 + i)) 3; echo '{"next":true}'; echo '{"choose":1}'; } |
    play tests/fixtures/good/campaign ROOM7 "C$i"
  i=$((i + 1))
done
[ "$(ls "$res" | wc -l)" -eq 200 ] || fail "expected 200 results files, got $(ls "$res" | wc -l)"

# three broken files among them
valid=$(ls "$res"/office-ROOM7-P1-*.json | head -n 1)
head -c 400 "$valid" > "$res/zz-truncated.json"
printf 'participant,choice\nAna,walk\n' > "$res/zz-not-json.json"
cp tests/fixtures/saves/office_v1.json "$res/zz-a-save.json"

rc=0
"$ladder" report "$res" -o "$work/report.html" --csv "$work/report.csv" --baseline 400 \
  --story tests/fixtures/good/office --story tests/fixtures/good/campaign \
  > "$work/out" 2> "$work/err" || rc=$?
[ $rc -eq 0 ] || { cat "$work/err"; fail "report exited $rc"; }
grep -q "zz-truncated.json: not JSON: it ends too early (a truncated file?)" "$work/err" ||
  fail "the truncated file is not reported: $(cat "$work/err")"
grep -q "zz-not-json.json: not JSON" "$work/err" || fail "the CSV file is not reported"
grep -q "zz-a-save.json: a Ladder save, not a results file" "$work/err" || fail "the save is not reported"
[ "$(grep -c 'skipped' "$work/err")" -eq 3 ] || fail "expected 3 skipped files: $(cat "$work/err")"
grep -q "200 results files in 3 sections, 3 skipped" "$work/out" || fail "summary: $(cat "$work/out")"
grep -q 'zz-truncated.json</code>: not JSON' "$work/report.html" || fail "the page does not list the skipped files"

# ---- the expected figures, from the JSON files ----
# counted with grep and awk in a copy of each valid file laid out one field per line, as
# cJSON prints (results files are written one decision per line: README.md, "Saves")
pretty="$work/pretty"
mkdir -p "$pretty"
for f in "$res"/*.json; do
  case $f in */zz-*) continue;; esac
  python3 -c 'import json, sys
print(json.dumps(json.load(open(sys.argv[1])), indent="\t", separators=(",", ":\t"), ensure_ascii=False))' \
    "$f" > "$pretty/$(basename "$f")" || fail "$f is not JSON"
done
html="$work/report.html"
csv="$work/report.csv"
# the files of a group (story, session): the valid results files with these fields
group_files() { # story session
  for f in "$pretty"/*.json; do
    case $f in */zz-*) continue;; esac # the broken ones
    grep -q "^	\"story\":	\"$1\"" "$f" && grep -q "^	\"session\":	\"$2\"" "$f" && echo "$f"
  done
  return 0
}
# the lines of one section of the page
section() { # story session
  awk -v key="data-story=\"$1\" data-session=\"$2\"" '
    /<section class="group"/ { on = index($0, key) > 0 }
    /<section class="skipped"/ { on = 0 }
    on' "$html"
}
pct() { awk -v k="$1" -v n="$2" 'BEGIN { printf "%.0f%%", k / n * 100 }'; }
# the value cell of a bar row: "<b>48%</b> <span class="n">(12)</span>"
bar_value() { # section-file data-id
  grep -F "data-id=\"$2\"" "$1" | sed -n 's/.*<div class="bar-value"><b>\([^<]*\)<\/b> <span class="n">(\([0-9]*\))<\/span>.*/\1 \2/p' | head -n 1
}

check_group() { # story session scene:choice...
  story=$1 session=$2
  shift 2
  group_files "$story" "$session" > "$work/files"
  n=$(wc -l < "$work/files")
  [ "$n" -gt 0 ] || fail "no files for $story/$session"
  section "$story" "$session" > "$work/section"
  [ -s "$work/section" ] || fail "no section for $story / $session"
  grep -q "<span class=\"num\">$n</span><span class=\"what\">played</span>" "$work/section" ||
    fail "$story/$session: the page does not say $n played"
  # endings
  for e in $(cat $(cat "$work/files") | sed -n 's/^	"ending":	"\([a-z_]*\)",$/\1/p' | sort -u); do
    k=$(cat $(cat "$work/files") | grep -c "^	\"ending\":	\"$e\",$")
    want="$(pct "$k" "$n") $k"
    got=$(bar_value "$work/section" "$e")
    [ "$got" = "$want" ] || fail "$story/$session: ending $e shows '$got', expected '$want'"
  done
  open=$(cat $(cat "$work/files") | grep -c '^	"ended":	false') || true
  if [ "$open" -gt 0 ]; then
    want="$(pct "$open" "$n") $open"
    got=$(bar_value "$work/section" "(unfinished)")
    [ "$got" = "$want" ] || fail "$story/$session: unfinished shows '$got', expected '$want'"
  fi
  # every decision point: scene:choice1,choice2
  for point in "$@"; do
    scene=${point%%:*}
    opts=$(echo "${point#*:}" | tr ',' ' ')
    total=0
    for c in $opts; do
      k=$(cat $(cat "$work/files") | grep -c "^	*\"choice\":	\"$c\",$") || true
      total=$((total + k))
    done
    people=0
    for f in $(cat "$work/files"); do
      for c in $opts; do
        if grep -q "^	*\"choice\":	\"$c\",$" "$f"; then people=$((people + 1)); break; fi
      done
    done
    grep -q "scene <code>$scene</code>.* reached by $people of $n" "$work/section" ||
      fail "$story/$session: scene $scene is not 'reached by $people of $n'"
    for c in $opts; do
      k=$(cat $(cat "$work/files") | grep -c "^	*\"choice\":	\"$c\",$") || true
      want="$(pct "$k" "$total") $k"
      got=$(bar_value "$work/section" "$scene/$c")
      [ "$got" = "$want" ] || fail "$story/$session: $scene/$c shows '$got', expected '$want'"
      # the CSV: one row per decision, scene and choice side by side
      rows=$(grep -c ",$story,$session,.*,$scene,$c," "$csv") || true
      [ "$rows" -eq "$k" ] || fail "$story/$session: the CSV has $rows rows of $scene/$c, expected $k"
    done
  done
  echo "$story / $session: $n played, figures match"
}
check_group office ROOM7 desk:phones,walk noon:fix,teach evening:tonight,morning
check_group office OTHER desk:phones,walk noon:fix,teach evening:tonight,morning
check_group office_career ROOM7 desk:phones,walk noon:fix,teach evening:tonight,morning monday:ask

# sections: three, in order, nothing mixed
[ "$(grep -c '<section class="group"' "$html")" -eq 3 ] || fail "expected 3 sections"
grep -q '<li><a href="#s1">The Office &middot; session OTHER</a> (14 played)</li>' "$html" || fail "the contents miss office/OTHER"
grep -q '<li><a href="#s2">The Office &middot; session ROOM7</a> (180 played)</li>' "$html" || fail "the contents miss office/ROOM7"
grep -q '<li><a href="#s3">Office Career &middot; session ROOM7</a> (6 played)</li>' "$html" || fail "the contents miss the campaign"
section office OTHER > "$work/section"
grep -q '<td title="[^"]*">P[0-9]' "$work/section" && fail "ROOM7 players appear in the OTHER section"
section office_career ROOM7 > "$work/section"
grep -q 'monday/ask' "$work/section" || fail "the campaign's second chapter is missing"
grep -q 'Year two' "$work/section" || fail "the campaign's ending title is missing"

# the CSV: a header, one row per decision of each valid file, quoting
head -n 1 "$csv" | grep -q '^file,story,session,player,ending,chapter,decision,scene,choice,text,seconds,forced,burnout_before,burnout_after,trust_before,trust_after,budget_before,budget_after' ||
  fail "CSV header: $(head -n 1 "$csv")"
want=0
for f in "$pretty"/*.json; do
  case $f in */zz-*) continue;; esac
  want=$((want + $(grep -c '"choice":' "$f")))
done
rows=$(($(wc -l < "$csv") - 1))
[ "$rows" -eq "$want" ] || fail "the CSV has $rows decision rows, expected $want"
grep -q ',"Smith, Jane",' "$csv" || fail "a name with a comma is not quoted in the CSV"
grep -q ',"<b>""Eve"" & '"'"'Co'"'"'</b>",' "$csv" || fail "a name with quotes is not quoted in the CSV"
grep -q ",\"'=1+1\"," "$csv" || fail "a name that looks like a formula is not defused in the CSV"
grep -q ',"Walk the floor and ask what hurts",\|,Walk the floor and ask what hurts,' "$csv" || fail "choice texts missing"

# escaping and anonymous players
grep -q '&lt;b&gt;&quot;Eve&quot; &amp; &#39;Co&#39;&lt;/b&gt;' "$html" || fail "the name with markup is not escaped"
grep -q '<b>"Eve"' "$html" && fail "a name reached the page unescaped"
grep -q '<i>anonymous</i>' "$html" || fail "anonymous players are not shown as anonymous"
grep -qi '<script' "$html" && fail "the page has a script"
grep -qi 'src="http\|href="http' "$html" && fail "the page refers to the network"

# the baseline: random play is shown and is the same every time
grep -q 'Compared with 400 random playthroughs' "$html" || fail "no baseline"
grep -q 'chance [0-9]*%' "$html" || fail "no chance shares"
"$ladder" report "$res" -o "$work/again.html" --baseline 400 --story tests/fixtures/good/office \
  --story tests/fixtures/good/campaign > /dev/null 2>&1
grep -o 'chance [0-9]*%' "$html" > "$work/c1"
grep -o 'chance [0-9]*%' "$work/again.html" > "$work/c2"
cmp -s "$work/c1" "$work/c2" || fail "the baseline differs between two runs"

# without --story the stories cannot be found: ids instead of titles, still a page
"$ladder" report "$res" -o "$work/ids.html" > /dev/null 2> "$work/err2" || fail "report without stories failed"
grep -q "the story 'office' cannot be loaded" "$work/err2" || fail "the missing story is not said"
grep -q 'data-id="desk/walk"' "$work/ids.html" || fail "the page without the story lacks decisions"

# exit status: no valid file 1, an output that cannot be written 1, usage 2
rc=0; "$ladder" report "$res/zz-truncated.json" -o "$work/none.html" 2> /dev/null || rc=$?
[ $rc -eq 1 ] || fail "no valid file: exit $rc, not 1"
[ ! -e "$work/none.html" ] || fail "a page was written without valid files"
rc=0; "$ladder" report "$res" -o /proc/no/such/dir/report.html > /dev/null 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "unwritable output: exit $rc, not 1"
rc=0; "$ladder" report "$res" 2> /dev/null || rc=$?
[ $rc -eq 2 ] || fail "no -o: exit $rc, not 2"
rc=0; "$ladder" report -o "$work/x.html" 2> /dev/null || rc=$?
[ $rc -eq 2 ] || fail "no PATH: exit $rc, not 2"
rc=0; "$ladder" report "$res" -o "$work/x.html" --baseline lots 2> /dev/null || rc=$?
[ $rc -eq 2 ] || fail "a bad --baseline: exit $rc, not 2"
"$ladder" report --help | grep -q 'Usage: ladder report PATH' || fail "no --help"

if [ $# -ge 3 ]; then
  mkdir -p "$3"
  cp "$html" "$csv" "$3/"
fi
echo "report ok"
