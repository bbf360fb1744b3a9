"""report_room.py: the workshop room that report_csv_test.py and report_xlsx_test.py both
read back. Participants play the office fixture and the two-chapter campaign through the
engine (`ladder play --ui json --session ROOM7 --results DIR`): names with a comma, quotes, an
accent, a formula, an anonymous player, one who stops early, and any extra names a test adds;
then one decision's text is given markup ("*" emphasis, "**" strong), as a story may write
one, which the spreadsheets give as plain prose (core/text.h's text_plain)."""
import json
import os
import subprocess
import sys
import tempfile

OFFICE, CAMPAIGN = "tests/fixtures/good/office", "tests/fixtures/good/campaign"
NAMES = ["Chloé Dubois", "Smith, Jane", '"Eve" & Co', "=1+1", "Zoë Ångström", "P6", "P7", "P8"]
MARKED = "Say yes, as *acting* supervisor, **for now**"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


class Room:
    """The room played in a fresh temporary folder: work, env (XDG folders inside work), res
    (the results folder), files (sorted paths) and data (each file's JSON)."""

    def __init__(self, ladder, src, name, extra_names=()):
        os.chdir(src)
        self.ladder = ladder
        self.work = tempfile.mkdtemp(prefix="ladder-report-%s-" % name)
        self.env = dict(os.environ, XDG_DATA_HOME=self.work + "/data",
                        XDG_CONFIG_HOME=self.work + "/config", HOME=self.work, NO_COLOR="1")
        self.res = self.work + "/results"
        names = NAMES + list(extra_names)
        for i, player in enumerate(names):
            picks = [{"choose": 1 + (i >> k) % 2} for k in range(3)]
            if i == 5:
                picks = picks[:1]  # stops after one decision
            self.play(OFFICE, player, picks, *(["--anonymous"] if i == 6 else []))
        for i in range(2):
            self.play(CAMPAIGN, "C%d" % i, [{"choose": 1 + i}, {"choose": 1}, {"choose": 2 - i},
                                            {"next": True}, {"choose": 1}])
        self.files = sorted(os.path.join(self.res, f) for f in os.listdir(self.res))
        if len(self.files) != len(names) + 2:
            fail("expected %d results files, got %d" % (len(names) + 2, len(self.files)))
        d0 = json.load(open(self.files[0], encoding="utf-8"))
        (d0["chapters"][0] if "chapters" in d0 else d0)["decisions"][0]["text"] = MARKED
        json.dump(d0, open(self.files[0], "w", encoding="utf-8"), ensure_ascii=False)
        self.data = {f: json.load(open(f, encoding="utf-8")) for f in self.files}

    def play(self, story, player, choices, *extra):
        lines = "".join(json.dumps(c) + "\n" for c in choices)
        p = subprocess.run([self.ladder, "play", story, "--ui", "json", "--session", "ROOM7",
                            "--results", self.res, "--player", player, *extra],
                           input=lines.encode(), env=self.env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if p.returncode != 0:
            fail("ladder play %s for %s: %s" % (story, player, p.stderr.decode()))


def decisions(d):
    """Every decision of a results file, in order, with its chapter's story."""
    if "chapters" in d:
        return [(c["story"], x) for c in d["chapters"] for x in c["decisions"]]
    return [(d["story"], x) for x in d["decisions"]]
