#!/usr/bin/env python3
"""report_xlsx_test.py LADDER SOURCE_DIR: `ladder report --xlsx`'s workbook read back with the
standard library alone (zipfile and xml.etree) and checked row by row against the results
files (issue 17).

Participants play the office fixture and the two-chapter campaign through the engine (as in
report_csv_test.py: a comma, quotes, an accent, a formula-like name, an anonymous player, one
who stops early, a name with a control character). Then `ladder report --xlsx`:
- the workbook has the sheets Summary, Participants and Decisions, each with a bold header row,
  frozen, a filter on it, and column widths that follow what the columns hold;
- Participants: one row per results file with --participants-csv's columns, each cell equal to
  what the file says, counts, seconds and stats stored as numbers, names as text (Chloé intact,
  =1+1 as the text =1+1, never a formula; a control character, which a worksheet cannot hold,
  as U+FFFD);
- Decisions: one row per decision of each file, in the file's order, as --csv's rows;
- Summary: per section and ending, the participants who reached it and the share (a number
  formatted as a percentage), matching the files' endings;
- an existing workbook is replaced whole, readable by others, with no temporary left beside it;
  a path that cannot be written is a clear message, exit status 1, and nothing written.
"""
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_room import CAMPAIGN as campaign, OFFICE as office, Room, decisions, fail  # noqa: E402

ladder, src = sys.argv[1], sys.argv[2]
room = Room(ladder, src, "xlsx", extra_names=["Bell\x07Ringer"])
work, env, res, files, data = room.work, room.env, room.res, room.files, room.data
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
M = "{%s}" % NS["m"]

book = work + "/out/report.xlsx"
os.makedirs(work + "/out")
open(book, "w").write("an older workbook")
os.chmod(book, 0o600)
out = subprocess.run([ladder, "report", res, "-o", work + "/r.html", "--xlsx", book, "--story",
                      office, "--story", campaign], env=env, capture_output=True)
if out.returncode != 0:
    fail("report --xlsx: " + out.stderr.decode())
if book.encode() not in out.stdout:
    fail("the summary line does not name the workbook: " + out.stdout.decode())
if sorted(os.listdir(work + "/out")) != ["report.xlsx"]:
    fail("beside the workbook: %s" % os.listdir(work + "/out"))
if stat.S_IMODE(os.stat(book).st_mode) & 0o044 != 0o044:
    fail("the workbook is not readable by others: %o" % os.stat(book).st_mode)

# ---- the workbook, read back ----
z = zipfile.ZipFile(book)
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter(M + "t")))
styles = ET.fromstring(z.read("xl/styles.xml"))
fonts = styles.findall("m:fonts/m:font", NS)
xfs = styles.findall("m:cellXfs/m:xf", NS)
numfmts = {n.get("numFmtId"): n.get("formatCode")
           for n in styles.findall("m:numFmts/m:numFmt", NS)}
wb = ET.fromstring(z.read("xl/workbook.xml"))
rels_xml = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
rels = {r.get("Id"): r.get("Target") for r in rels_xml.findall("rel:Relationship", NS)}
sheets = {s.get("name"): "xl/" + rels[s.get("{%s}id" % NS["r"])]
          for s in wb.findall("m:sheets/m:sheet", NS)}
if list(sheets) != ["Summary", "Participants", "Decisions"]:
    fail("the sheets are %s" % list(sheets))


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Cell:
    def __init__(self, c):
        self.t = c.get("t", "n")
        self.style = int(c.get("s", "0"))
        if c.find("m:f", NS) is not None:
            fail("a cell holds a formula: %s" % ET.tostring(c))
        if self.t == "inlineStr":
            self.value = "".join(t.text or "" for t in c.iter(M + "t"))
        elif self.t == "s":
            self.value = shared[int(c.find("m:v", NS).text)]
        elif self.t in ("n", "str"):
            v = c.find("m:v", NS)
            self.value = float(v.text) if self.t == "n" else v.text
        else:
            fail("a cell of type %s" % self.t)

    def bold(self):
        return fonts[int(xfs[self.style].get("fontId", "0"))].find("m:b", NS) is not None

    def numfmt(self):
        return numfmts.get(xfs[self.style].get("numFmtId", "0"), "")


def read_sheet(name):
    """The header, the rows as {header: Cell} and the sheet's XML root."""
    root = ET.fromstring(z.read(sheets[name]))
    rows = []
    for r in root.findall("m:sheetData/m:row", NS):
        row = {}
        for c in r.findall("m:c", NS):
            row[col_index(c.get("r"))] = Cell(c)
        rows.append((int(r.get("r")), row))
    if not rows or rows[0][0] != 1:
        fail("%s has no header row" % name)
    head = rows[0][1]
    header = [head[i].value for i in range(len(head))]
    if not all(head[i].bold() for i in head):
        fail("%s's header is not bold" % name)
    pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
    if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "1":
        fail("%s's header row is not frozen" % name)
    if root.find("m:autoFilter", NS) is None:
        fail("%s has no filter on its header" % name)
    widths = {}
    for c in root.findall("m:cols/m:col", NS):
        for i in range(int(c.get("min")) - 1, int(c.get("max"))):
            widths[header[i] if i < len(header) else i] = float(c.get("width"))
    for k, (num, _) in enumerate(rows):
        if num != k + 1:
            fail("%s: row %d is numbered %d" % (name, k + 1, num))
    body = [{header[i]: c for i, c in row.items()} for _, row in rows[1:]]
    return header, body, widths


def text(row, key):
    c = row.get(key)
    if c is None:
        return ""
    if c.t == "n":
        fail("%s is a number where a text belongs: %r" % (key, c.value))
    return c.value


def num(row, key):
    c = row.get(key)
    if c is None:
        return None
    if c.t != "n":
        fail("%s is stored as text (%r), not as a number" % (key, c.value))
    return c.value


def shown(s):
    """A text as a cell holds it: control characters a worksheet cannot hold become U+FFFD."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", s)


# ---- Participants ----
header, people, widths = read_sheet("Participants")
fixed = ["file", "participant", "anonymous", "session", "story", "ending", "finished",
         "decisions", "seconds"]
if header[:9] != fixed:
    fail("Participants' first columns are %s" % header[:9])
if len(people) != len(files):
    fail("Participants has %d rows for %d files" % (len(people), len(files)))
seen = set()
for row in people:
    f = text(row, "file")
    if f not in data or f in seen:
        fail("a Participants row names %r" % f)
    seen.add(f)
    d = data[f]
    decs = decisions(d)
    want = {"participant": shown(d["player"]) if not d["anonymous"] else "",
            "anonymous": "yes" if d["anonymous"] else "no", "session": d["session"],
            "story": d["story"], "ending": d.get("ending", "") if d["ended"] else "",
            "finished": "yes" if d["ended"] else "no"}
    for k, v in want.items():
        if text(row, k) != v:
            fail("%s: %s is %r, the file says %r" % (f, k, text(row, k), v))
    if num(row, "decisions") != len(decs):
        fail("%s: decisions %r, the file has %d" % (f, num(row, "decisions"), len(decs)))
    secs = sum(x.get("seconds", 0) for _, x in decs)
    if abs(num(row, "seconds") - secs) > 1e-6 * max(1, secs):
        fail("%s: seconds %r, the file says %s" % (f, num(row, "seconds"), secs))
    for sid, v in d["stats"].items():
        if num(row, sid) != v:
            fail("%s: final %s is %r, the file says %r" % (f, sid, num(row, sid), v))
    for k, (_, x) in enumerate(decs, 1):
        if text(row, "decision_%d" % k) != "%s/%s" % (x["scene"], x["choice"]):
            fail("%s: decision_%d is %r" % (f, k, text(row, "decision_%d" % k)))
    extra = [k for k in row if k.startswith("decision_") and int(k[9:]) > len(decs)]
    if extra:
        fail("%s: decisions past its last: %s" % (f, extra))
names_read = [text(r, "participant") for r in people]
for n in ("Chloé Dubois", "=1+1", "Smith, Jane", '"Eve" & Co', "Zoë Ångström",
          "Bell\ufffdRinger"):
    if n not in names_read:
        fail("%r is not read back as it was typed: %s" % (n, names_read))
if widths.get("file", 0) <= widths.get("anonymous", 99):
    fail("the file column is not wider than anonymous: %s" % widths)

# ---- Decisions ----
header, rows, widths = read_sheet("Decisions")
if header[:12] != ["file", "story", "session", "player", "ending", "chapter", "decision",
                   "scene", "choice", "text", "seconds", "forced"]:
    fail("Decisions' first columns are %s" % header[:12])
by_file = {}
for row in rows:
    by_file.setdefault(text(row, "file"), []).append(row)
total = 0
for f, d in data.items():
    got, decs = by_file.get(f, []), decisions(d)
    total += len(decs)
    if len(got) != len(decs):
        fail("%s: %d Decisions rows, the file has %d decisions" % (f, len(got), len(decs)))
    for k, (row, (story, x)) in enumerate(zip(got, decs), 1):
        if (num(row, "decision"), text(row, "chapter"), text(row, "scene"),
                text(row, "choice")) != (k, story, x["scene"], x["choice"]):
            fail("%s: row %d is %s" % (f, k, {a: c.value for a, c in row.items()}))
        if text(row, "text") != x.get("text", "").replace("*", ""):
            fail("%s: row %d's text %r" % (f, k, text(row, "text")))
        if num(row, "seconds") != x.get("seconds", 0):
            fail("%s: row %d's seconds %r" % (f, k, num(row, "seconds")))
        if text(row, "player") != (shown(d["player"]) if not d["anonymous"] else ""):
            fail("%s: row %d's player %r" % (f, k, text(row, "player")))
        for sid, v in x.get("before", {}).items():
            if num(row, sid + "_before") != v or num(row, sid + "_after") != x["after"][sid]:
                fail("%s: row %d's %s" % (f, k, sid))
if len(rows) != total:
    fail("Decisions has %d rows for %d decisions" % (len(rows), total))
if widths.get("text", 0) <= widths.get("decision", 99):
    fail("the text column is not wider than decision: %s" % widths)

# ---- Summary ----
header, summary, _ = read_sheet("Summary")
if header != ["story", "session", "participants", "ending", "verdict", "reached", "share"]:
    fail("Summary's columns are %s" % header)
sections = {}
for f, d in data.items():
    sections.setdefault(d["story"], []).append(d)
for story, ds in sections.items():
    mine = [r for r in summary if num(r, "participants") == len(ds)]
    if not mine:
        fail("no Summary row counts the %d participants of %s" % (len(ds), story))
    if any(text(r, "session") != "ROOM7" for r in mine):
        fail("a Summary row's session is not ROOM7")
    shares = sum(num(r, "share") for r in mine)
    if abs(shares - 1) > 1e-9:
        fail("%s: the shares add up to %s" % (story, shares))
    for r in mine:
        if abs(num(r, "share") - num(r, "reached") / len(ds)) > 1e-12:
            fail("%s: share %s for %s of %d"
                 % (story, num(r, "share"), num(r, "reached"), len(ds)))
        if r["share"].numfmt() != "0.0%":
            fail("a share is not shown as a percentage: %r" % r["share"].numfmt())
    unfinished = [r for r in mine if text(r, "ending") == "Not finished"]
    stopped = sum(1 for d in ds if not d["ended"])
    if stopped and (not unfinished or num(unfinished[0], "reached") != stopped):
        fail("%s: %d stopped early, the Summary says %s" % (story, stopped, unfinished))
    # each ending's count, by the ending's verdict word and count (titles come from the story)
    for e in {d["ending"] for d in ds if d["ended"] and "chapters" not in d}:
        n = sum(1 for d in ds if d["ended"] and d.get("ending") == e)
        if not [r for r in mine if num(r, "reached") == n and text(r, "verdict")]:
            fail("%s: no Summary row with a verdict counts the %d who reached %s" % (story, n, e))
if not [r for r in summary if text(r, "story") and text(r, "story") not in sections]:
    fail("the Summary names stories by id, not by title: %s" % [text(r, "story") for r in summary])

# ---- a path that cannot be written ----
bad = work + "/r.html/report.xlsx"  # under a file
out = subprocess.run([ladder, "report", res, "-o", work + "/r3.html", "--xlsx", bad], env=env,
                     capture_output=True)
err = out.stderr.decode()
if out.returncode != 1 or "cannot" not in err or "r.html" not in err:
    fail("an unwritable workbook path: status %d, %r" % (out.returncode, err))
if os.path.exists(bad) or [f for f in os.listdir(work) if ".tmp-" in f]:
    fail("something was written for an unwritable path")
if not os.environ.get("KEEP"):  # KEEP=1 leaves the workbook to look at
    subprocess.run(["rm", "-rf", work])
print("report xlsx ok: %d participants, %d decision rows, %d summary rows checked"
      % (len(people), len(rows), len(summary)))
