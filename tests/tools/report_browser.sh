#!/bin/sh
# report_browser.sh LADDER SOURCE_DIR CHROMIUM [OUT_DIR]: the report page in a real browser.
# 30 participants play the demo story (and 4 the campaign) through the engine; the report of
# their results (with a random-play baseline) is opened in headless Chromium, which must draw
# a page that is not blank (ImageMagick counts its colours) and print it to PDF in at most 26
# A4 pages (64 before issue 17's print CSS); each section opens with the projector's first
# screen (figures, endings, the three most divided decisions). OUT_DIR keeps the page, the
# screenshot and the PDF to look at.
set -eu
ladder=$1
cd "$2"
chromium=$3
out=${4:-}
work=$(mktemp -d /tmp/ladder-report-browser-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
res="$work/results"

# random choices: a number from 1 to 4 (one the scene does not offer is refused and the next
# line is read, so each offered choice is equally likely)
choices() { # seed count
  awk -v s="$1" -v n="$2" 'BEGIN { srand(s); for (k = 0; k < n; k++) printf "{\"choose\":%d}\n", int(rand() * 4) + 1 }'
}
i=1
while [ $i -le 30 ]; do
  anon=""
  [ $((i % 9)) -eq 0 ] && anon=--anonymous
  choices $i 200 | "$ladder" play demo --ui json --session "Leaders-March" --results "$res" \
    --player "Participant $i" $anon > /dev/null 2>&1 || fail "ladder play demo failed"
  i=$((i + 1))
done
i=1
while [ $i -le 4 ]; do
  awk -v s=$i 'BEGIN { srand(s); for (k = 0; k < 800; k++) if (k % 40 == 39) print "{\"next\":true}"; else printf "{\"choose\":%d}\n", int(rand() * 4) + 1 }' |
    "$ladder" play career --ui json --session "Leaders-March" --results "$res" --player "C$i" \
      > /dev/null 2>&1 || fail "ladder play career failed"
  i=$((i + 1))
done
"$ladder" report "$res" -o "$work/report.html" --baseline 300 --handout "$work/handout.html" \
  > /dev/null || fail "report failed"

browse() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile-XXXXXX")" "$@" > "$work/chromium.log" 2>&1 ||
    { cat "$work/chromium.log"; fail "chromium failed"; }
}
browse --screenshot="$work/report.png" --window-size=1200,2000 "file://$work/report.html"
[ -s "$work/report.png" ] || { cat "$work/chromium.log"; fail "no screenshot"; }
size=$(identify -format '%wx%h' "$work/report.png")
[ "$size" = "1200x2000" ] || fail "the screenshot is $size"
colours=$(identify -format '%k' "$work/report.png")
[ "$colours" -gt 50 ] || fail "the screenshot looks blank: $colours colours"
# the first screen shows the title, figures and the endings chart: not blank in its top half
top=$(convert "$work/report.png" -crop 1200x1000+0+0 +repage -format '%k' info:)
[ "$top" -gt 50 ] || fail "the top of the page looks blank: $top colours"

browse --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || fail "no PDF"
[ "$(wc -c < "$work/report.pdf")" -gt 20000 ] || fail "the PDF is too small to hold the report"
# printed, the details leave out what only the screen needs: 64 pages before the print CSS of
# issue 17, 22 after (A4; 30 and 4 participants)
pages=$(python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$work/report.pdf")
[ "$pages" -gt 2 ] && [ "$pages" -le 26 ] || fail "the report prints to $pages pages"

# the projector's first screen of each section: the figures and endings beside the three most
# divided decisions, which are the first three of the full list, in that order
python3 - "$work/report.html" <<'PY' || fail "the first screen is not the session's story"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sections = re.findall(r'<section class="group".*?</section>', page, re.S)
assert len(sections) == 2, len(sections)
for sec in sections:
    first = sec.split('<h2 class="details"')[0]
    assert '<div class="first-screen">' in first and 'How it ended</h3>' in first, "no first screen"
    top = re.findall(r'<article class="decision compact[^"]*">.*?</article>', first, re.S)
    assert len(top) == 3, "%d decisions on the first screen" % len(top)
    every = re.findall(r'<article class="decision(?! compact)[^"]*">.*?</article>', sec, re.S)
    ids = lambda arts: [re.search(r'scene <code>([^<]*)</code>', a).group(1) for a in arts]
    assert ids(top) == ids(every)[:3], (ids(top), ids(every)[:3])
    assert all('class="discuss"' not in a for a in top), "the first screen holds the texts"
PY

# the participants' handout: one or two pages per section on A4 and on Letter
[ "$(grep -c '<article class="handout">' "$work/handout.html")" -eq 2 ] || fail "not a handout per section"
grep -q '<h2>The decisions that divided the room</h2>' "$work/handout.html" || fail "the handout has no decisions"
grep -q '<h2>What the articles advise</h2>' "$work/handout.html" || fail "the handout has no advice"
for size in A4 Letter; do
  sed "s|@page{size:auto;|@page{size:$size;|" "$work/handout.html" > "$work/handout-$size.html"
  grep -q "@page{size:$size;" "$work/handout-$size.html" || fail "the handout's @page rule changed"
  browse --no-pdf-header-footer --print-to-pdf="$work/handout-$size.pdf" "file://$work/handout-$size.html"
  hp=$(python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$work/handout-$size.pdf")
  [ "$hp" -ge 2 ] && [ "$hp" -le 4 ] || fail "the handout prints to $hp $size pages for 2 sections"
done

if [ -n "$out" ]; then
  mkdir -p "$out"
  cp "$work/report.html" "$work/report.png" "$work/report.pdf" "$work/handout.html" \
    "$work/handout-A4.pdf" "$work/handout-Letter.pdf" "$out/"
fi
echo "report in the browser ok: $colours colours"
