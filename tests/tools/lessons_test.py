#!/usr/bin/env python3
"""lessons_test.py LADDER STORY [RUNS]: do the story's lessons bite? Plays STORY with
`ladder explore --strategy advice:0.8,advice:0.2` (seeded, so the figures repeat), prints the
figures and fails unless
  - players who follow the source's advice 80 % of the time reach a good ending at least 3x as
    often as players who follow it 20 % of the time,
  - the 20 % players reach a bad ending at least 40 % of the time,
  - no single ending is a formality for the 80 % players (at most 70 % of their playthroughs).
For a campaign (`career`) it plays random careers and fails unless at most 20 % end (in their
last chapter) in a burnout ending, and at least 60 % reach the heart of the fourth chapter
(its scene named by HEART below). The goals are issue 15's."""
import json, subprocess, sys

BURNOUT_ENDINGS = {"running_empty", "flameout", "burned_out", "running_on_empty"}
HEART = {"undercover": "waffle_house"}   # the first morning on the road with the loan officer


def explore(ladder, story, runs, strategies):
    out = subprocess.run([ladder, "explore", story, "--random", str(runs), "--seed", "1",
                          "--strategy", strategies, "--json"],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        sys.exit("explore failed (%d): %s" % (out.returncode, out.stderr.strip()[:2000]))
    return json.loads(out.stdout)


def story_figures(ladder, story, runs):
    d = explore(ladder, story, runs, "advice:0.8,advice:0.2")
    s = {x["strategy"]: x for x in d["strategies"]}
    hi, lo = s["advice:0.8"], s["advice:0.2"]
    good_hi, good_lo = hi["shares"]["good"], lo["shares"]["good"]
    bad_lo = lo["shares"]["bad"]
    best_id, best_n = max(hi["endings"].items(), key=lambda kv: kv[1])
    best = best_n / hi["runs"]
    print("%s: %d playthroughs per strategy, seed 1" % (story, hi["runs"]))
    print("  good ending   advice:0.8 %5.1f %%   advice:0.2 %5.1f %%   ratio %.2f (floor 3.00)"
          % (100 * good_hi, 100 * good_lo, good_hi / good_lo if good_lo else float("inf")))
    print("  bad ending    advice:0.2 %5.1f %%   (floor 40.0 %%)" % (100 * bad_lo))
    print("  most common ending for advice:0.8: %s %5.1f %%   (ceiling 70.0 %%)"
          % (best_id, 100 * best))
    fails = []
    if good_hi < 3 * good_lo or good_hi == 0:
        fails.append("followers do not reach a good ending 3x as often")
    if bad_lo < 0.40:
        fails.append("against-players reach a bad ending less than 40 % of the time")
    if best > 0.70:
        fails.append("the ending '%s' is a formality for followers" % best_id)
    return fails


def campaign_figures(ladder, story, runs):
    d = explore(ladder, story, runs, "random")
    chapters, n = d["chapters"], d["runs"]
    burnt = [sum(v for k, v in c["endings"].items() if k in BURNOUT_ENDINGS) for c in chapters]
    last = chapters[-1]
    heart = HEART.get(last["story"])
    reached = last["scenes"]["hits"].get(heart, 0) if heart else n
    print("%s: %d random careers, seed 1" % (story, n))
    for c, b in zip(chapters, burnt):
        print("  chapter %-11s ends in burnout %5.1f %%" % (c["story"], 100 * b / n))
    print("  the career ends in burnout    %5.1f %%   (ceiling 20.0 %%)" % (100 * burnt[-1] / n))
    print("  reach chapter 4's '%s'  %5.1f %%   (floor 60.0 %%)" % (heart, 100 * reached / n))
    fails = []
    if burnt[-1] > 0.20 * n:
        fails.append("more than 20 % of careers end burnt out")
    if reached < 0.60 * n:
        fails.append("fewer than 60 % of careers reach the fourth chapter's week")
    return fails


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    ladder, story = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) == 4 else 2000
    fails = (campaign_figures if story == "career" else story_figures)(ladder, story, runs)
    for f in fails:
        print("FAIL: " + f)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
