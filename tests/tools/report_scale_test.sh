#!/bin/sh
# report_scale_test.sh LADDER SOURCE_DIR: the report's page at scale (issue 17). Above 100
# participants a section's stat charts draw the median and two percentile bands (10th-90th,
# 25th-75th) instead of a line per participant, so the page stops growing with the room: 600
# participants' page is within 2% of 150's. The bands are checked against percentiles computed
# here from the results files (Python, Hyndman-Fan type 7, as the report's comment says).
# 40 participants still get a line each. Many files are read on several threads: the figures
# are the same as read one at a time (the per-decision CSV of 600 files, row for row, against
# the one of each file alone in order).
set -eu
ladder=$1
cd "$2"
work=$(mktemp -d /tmp/ladder-report-scale-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
story=tests/fixtures/good/office
i=1
while [ $i -le 40 ]; do
  awk -v s=$i 'BEGIN { srand(s); for (k = 0; k < 3; k++) printf "{\"choose\":%d}\n", int(rand() * 2) + 1 }' |
    "$ladder" play "$story" --ui json --session BIG --results "$work/r40" --player "P$i" \
      > /dev/null 2>&1 || fail "ladder play failed"
  i=$((i + 1))
done
# more participants: the 40 files again under other names (a copy under the same name would be
# counted once)
python3 - "$work" <<'PY'
import os, re, sys
w = sys.argv[1]
src = sorted(os.listdir(w + "/r40"))
texts = [open(w + "/r40/" + f, encoding="utf-8").read() for f in src]
for want in (150, 600):
    d = "%s/r%d" % (w, want)
    os.makedirs(d)
    for i in range(want):
        k, j = divmod(i, len(texts))
        t = re.sub(r'"player":"([^"]*)"', lambda m: '"player":"%s-%d"' % (m.group(1), k), texts[j], count=1)
        open("%s/%04d.json" % (d, i), "w", encoding="utf-8").write(t)
PY
for n in 40 150 600; do
  "$ladder" report "$work/r$n" -o "$work/p$n.html" --csv "$work/c$n.csv" --story "$story" \
    > /dev/null 2> "$work/err" || { cat "$work/err"; fail "report of $n failed"; }
done
grep -q 'class="band90"' "$work/p40.html" && fail "40 participants got bands"
grep -q '<path class="line"' "$work/p40.html" || fail "40 participants got no line each"
for n in 150 600; do
  grep -q '<path class="line"' "$work/p$n.html" && fail "$n participants still get a line each"
  figs=$(grep -o '<figure class="stat">' "$work/p$n.html" | wc -l)
  [ "$figs" -ge 2 ] || fail "$n: $figs stat charts"
  [ "$(grep -o 'class="band90"' "$work/p$n.html" | wc -l)" -eq "$figs" ] || fail "$n: not a 10-90 band per stat"
  [ "$(grep -o 'class="band75"' "$work/p$n.html" | wc -l)" -eq "$figs" ] || fail "$n: not a 25-75 band per stat"
  grep -q 'the middle half of the room (25th to 75th percentile)' "$work/p$n.html" || fail "$n: no legend"
done
s150=$(wc -c < "$work/p150.html")
s600=$(wc -c < "$work/p600.html")
[ $((s600 * 100)) -le $((s150 * 102)) ] || fail "the page grows with the room: $s150 bytes at 150, $s600 at 600"

# the bands' edges against percentiles of the files' stats (the chart's coordinates: x = 34 +
# 316 * i / xmax, y = 10 + 160 * (1 - (v - min) / (max - min)), as out/html.c draws them)
python3 - "$work/r600" "$work/p600.html" <<'PY' || fail "the bands do not match the files"
import json, math, os, re, sys
d, page = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
plays = [json.load(open(os.path.join(d, f), encoding="utf-8")) for f in sorted(os.listdir(d))]
def q7(v, p):
    v = sorted(v); h = (len(v) - 1) * p; lo = math.floor(h)
    return v[lo] + (h - lo) * (v[lo + 1] - v[lo]) if lo + 1 < len(v) else v[-1]
figs = re.findall(r'<figure class="stat">.*?</figure>', page, re.S)
assert len(figs) >= 2, len(figs)
xmax = max(len(p["decisions"]) for p in plays)
checked = 0
for fig in figs:
    label = re.search(r'aria-label="([^"]*)"', fig).group(1)
    ys = [float(t) for t in re.findall(r'<text x="[0-9.]+" y="([0-9.]+)" text-anchor="end">', fig)]
    vals = [float(t) for t in re.findall(r'text-anchor="end">(-?[0-9.]+)</text>', fig)]
    # the value axis from two grid labels: y = a + b * v
    b = (ys[-1] - ys[0]) / (vals[-1] - vals[0]); a = ys[0] - 4 - b * vals[0]
    band = re.search(r'<path class="band90" d="([^"]*)"', fig).group(1)
    pts = [(float(x), float(y)) for x, y in re.findall(r'[ML]([0-9.]+) ([0-9.]+)', band)]
    half = len(pts) // 2
    top, bottom = pts[:half], list(reversed(pts[half:]))
    # which stat: the one whose 90th percentiles at every x give these y values
    ok_stats = []
    stats = plays[0]["decisions"][0]["before"].keys()
    for sid in stats:
        good = True
        for i, ((x1, yt), (x2, yb)) in enumerate(zip(top, bottom)):
            col = []
            for p in plays:
                ds = p["decisions"]
                if i == 0: col.append(ds[0]["before"][sid])
                elif i <= len(ds): col.append(ds[i - 1]["after"][sid])
            if abs(a + b * q7(col, 0.9) - yt) > 0.11 or abs(a + b * q7(col, 0.1) - yb) > 0.11:
                good = False
                break
        if good: ok_stats.append(sid)
    assert ok_stats, "no stat's 10th/90th percentiles match the band of " + label
    checked += 1
print("bands checked:", checked)
PY

# read on threads or one at a time: the same rows in the same order
tail -n +2 "$work/c600.csv" > "$work/all"
: > "$work/one"
for f in $(ls "$work/r600" | sort); do
  "$ladder" report "$work/r600/$f" -o "$work/one.html" --csv "$work/one.csv" --story "$story" > /dev/null 2>&1
  tail -n +2 "$work/one.csv" >> "$work/one"
done
cmp -s "$work/all" "$work/one" || fail "600 files read together differ from one at a time"
echo "report scale ok: page $s150 bytes at 150 participants, $s600 at 600"
