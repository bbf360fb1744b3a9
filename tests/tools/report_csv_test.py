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
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_room import CAMPAIGN as campaign, OFFICE as office, Room, decisions, fail  # noqa: E402

ladder, src = sys.argv[1], sys.argv[2]
room = Room(ladder, src, "csv")
work, env, res, files, data = room.work, room.env, room.res, room.files, room.data
BOM = b"\xef\xbb\xbf"

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
