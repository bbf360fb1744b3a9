#!/usr/bin/env python3
"""report_csv_test.py LADDER SOURCE_DIR: `ladder report`'s CSVs read back with Python's csv
module and checked row by row against the results files (issue 17).

Participants play the office fixture and the two-chapter campaign through the engine (`ladder
play --ui json --session ... --results DIR`): names with a comma, quotes, an accent, a formula,
an anonymous player, one who stops early. Then `ladder report --csv --participants-csv --bom`:
- both files start with the UTF-8 byte-order mark and decode with utf-8-sig;
- the participants' CSV has one row per results file, each field equal to what the file says
  (name, anonymous, session, story, ending, finished, decisions, seconds, final stats, then
  scene/choice at each decision; a formula-like name starts with ');
- the per-decision CSV has one row per decision of each file, in the file's order, its scene,
  choice, text and stats before and after equal to the file's;
- without --bom neither file has the mark.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ladder, src = sys.argv[1], sys.argv[2]
os.chdir(src)
work = tempfile.mkdtemp(prefix="ladder-report-csv-")
env = dict(os.environ, XDG_DATA_HOME=work + "/data", XDG_CONFIG_HOME=work + "/config",
           HOME=work, NO_COLOR="1")
res = work + "/results"
BOM = b"\xef\xbb\xbf"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def play(story, session, player, choices, *extra):
    lines = "".join(json.dumps(c) + "\n" for c in choices)
    p = subprocess.run([ladder, "play", story, "--ui", "json", "--session", session, "--results",
                        res, "--player", player, *extra], input=lines.encode(), env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        fail("ladder play %s for %s: %s" % (story, player, p.stderr.decode()))


office, campaign = "tests/fixtures/good/office", "tests/fixtures/good/campaign"
names = ["Chloé Dubois", "Smith, Jane", '"Eve" & Co', "=1+1", "Zoë Ångström", "P6", "P7", "P8"]
for i, name in enumerate(names):
    picks = [{"choose": 1 + (i >> k) % 2} for k in range(3)]
    if i == 5:
        picks = picks[:1]  # stops after one decision
    play(office, "ROOM7", name, picks, *(["--anonymous"] if i == 6 else []))
for i in range(2):
    play(campaign, "ROOM7", "C%d" % i,
         [{"choose": 1 + i}, {"choose": 1}, {"choose": 2 - i}, {"next": True}, {"choose": 1}])

files = sorted(os.path.join(res, f) for f in os.listdir(res))
if len(files) != 10:
    fail("expected 10 results files, got %d" % len(files))
# a choice's text with markup ("*" emphasis, "**" strong), as a story may write one: the
# spreadsheet gives the text as plain prose (core/text.h's text_plain leaves the markers out)
MARKED = "Say yes, as *acting* supervisor, **for now**"
d0 = json.load(open(files[0], encoding="utf-8"))
(d0["chapters"][0] if "chapters" in d0 else d0)["decisions"][0]["text"] = MARKED
json.dump(d0, open(files[0], "w", encoding="utf-8"), ensure_ascii=False)
data = {f: json.load(open(f, encoding="utf-8")) for f in files}

out = subprocess.run([ladder, "report", res, "-o", work + "/r.html", "--csv", work + "/d.csv",
                      "--participants-csv", work + "/p.csv", "--bom", "--story", office,
                      "--story", campaign], env=env, capture_output=True)
if out.returncode != 0:
    fail("report: " + out.stderr.decode())
for name in ("d.csv", "p.csv"):
    raw = open(work + "/" + name, "rb").read()
    if not raw.startswith(BOM):
        fail(name + " has no byte-order mark")
    if b"\r\n" not in raw:
        fail(name + " does not end its lines with CRLF")


def rows(name):
    with open(work + "/" + name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def decisions(d):
    """Every decision of a results file, in order, with its chapter's story."""
    if "chapters" in d:
        return [(c["story"], x) for c in d["chapters"] for x in c["decisions"]]
    return [(d["story"], x) for x in d["decisions"]]


def cell(s):
    """What the CSV shows for a text: a formula-like one starts with '."""
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


people = rows("p.csv")
if len(people) != len(files):
    fail("the participants' CSV has %d rows for %d files" % (len(people), len(files)))
seen = set()
stat_cols = None
for row in people:
    f = row["file"]
    if f not in data:
        fail("a row names a file that is not a results file: " + f)
    if f in seen:
        fail("two rows for " + f)
    seen.add(f)
    d = data[f]
    decs = decisions(d)
    want = {
        "participant": cell(d["player"]),
        "anonymous": "yes" if d["anonymous"] else "no",
        "session": d["session"],
        "story": d["story"],
        "ending": d.get("ending", "") if d["ended"] else "",
        "finished": "yes" if d["ended"] else "no",
        "decisions": str(len(decs)),
    }
    for k, v in want.items():
        if row[k] != v:
            fail("%s: %s is %r, the file says %r" % (f, k, row[k], v))
    secs = sum(x.get("seconds", 0) for _, x in decs)
    if abs(float(row["seconds"]) - secs) > 1e-6 * max(1, secs):
        fail("%s: seconds %s, the file says %s" % (f, row["seconds"], secs))
    for sid, v in d["stats"].items():
        if row.get(sid) != str(v):
            fail("%s: final %s is %r, the file says %r" % (f, sid, row.get(sid), v))
    for k, (_, x) in enumerate(decs, 1):
        if row["decision_%d" % k] != "%s/%s" % (x["scene"], x["choice"]):
            fail("%s: decision_%d is %r" % (f, k, row["decision_%d" % k]))
    extra = [k for k in row if k.startswith("decision_") and int(k[9:]) > len(decs) and row[k]]
    if extra:
        fail("%s: decisions past its last: %s" % (f, extra))
if "Chloé Dubois" not in [r["participant"] for r in people]:
    fail("Chloé is not read back as Chloé")
if "'=1+1" not in [r["participant"] for r in people]:
    fail("the formula-like name is not defused")
if [r for r in people if r["anonymous"] == "yes" and r["participant"]]:
    fail("an anonymous participant has a name")

per_decision = rows("d.csv")
by_file = {}
for row in per_decision:
    by_file.setdefault(row["file"], []).append(row)
for f, d in data.items():
    got, decs = by_file.get(f, []), decisions(d)
    if len(got) != len(decs):
        fail("%s: %d decision rows, the file has %d decisions" % (f, len(got), len(decs)))
    for k, (row, (story, x)) in enumerate(zip(got, decs), 1):
        if (row["decision"], row["chapter"], row["scene"], row["choice"]) != (str(k), story, x["scene"], x["choice"]):
            fail("%s: row %d is %s" % (f, k, row))
        if row["text"] != cell(x.get("text", "").replace("*", "")):
            fail("%s: row %d's text %r" % (f, k, row["text"]))
        for sid, v in x.get("before", {}).items():
            if row[sid + "_before"] != str(v) or row[sid + "_after"] != str(x["after"][sid]):
                fail("%s: row %d's %s" % (f, k, sid))

# without --bom, no mark
out = subprocess.run([ladder, "report", res, "-o", work + "/r2.html", "--csv", work + "/d2.csv",
                      "--participants-csv", work + "/p2.csv"], env=env, capture_output=True)
if out.returncode != 0 or open(work + "/p2.csv", "rb").read(3) == BOM or \
        open(work + "/d2.csv", "rb").read(3) == BOM:
    fail("a mark without --bom, or the report failed: " + out.stderr.decode())
subprocess.run(["rm", "-rf", work])
print("report csv ok: %d participants, %d decision rows checked" % (len(people), len(per_decision)))
