#!/usr/bin/python3
"""test_restart.py LADDER: nothing lost when `ladder serve` is killed (issue 13, "Nothing lost").

20 participants (`--session ROOM1 --results DIR`) join and play the demo, each in a thread of
its own, choosing at random as fast as the server answers. After every 25 decisions answered in
all, the server is killed with SIGKILL (requests in flight) and started again with the same
options and port, three times. After each restart:
  - every participant's cookie still names them, and GET /api/game shows the scene of their
    last answered decision, or one decision later when a decision was in flight at the kill;
At the end:
  - they play on to an ending; a quarter of them play again and take a decision;
  - DIR holds exactly one results file per game (20 + 5), no stray temporary, each file the
    game as it ended (its decisions, scene and ending), and `ladder report DIR` reads all of
    them (its CSV names every file).
Python 3 standard library only. Prints one line per failed check; exits 1 if any failed.
"""
import csv
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Client, Server, check, errors_of, finish, open_choices, scene_of  # noqa: E402

LADDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/ladder"
PLAYERS = 20
AGAIN = 5  # participants who play a second game after the restart
KILLS = 3  # times the server is killed and started again
KILL_AFTER = 25  # decisions answered in all before each kill


class Participant:
    def __init__(self, sv, k):
        self.k = k
        self.c = Client(sv)
        self.rng = random.Random(k)
        self.scene = None  # the last scene the server answered with
        self.in_flight = False  # a request was unanswered when the server died
        self.done = 0

    def join(self):
        body = {"story": "demo", "anonymous": True} if self.k % 4 == 3 else \
            {"story": "demo", "name": "P%02d" % self.k}
        st, j, raw = self.c.post("/api/start", body)
        self.scene = scene_of((j or {}).get("messages"))
        check(st == 200 and self.c.cookie and self.scene,
              "participant %d joins (got %s %r)" % (self.k, st, raw[:200]))
        if self.scene and self.scene.get("ask_name"):
            st, msgs = self.c.play({"name": "P%02d" % self.k})
            self.scene = scene_of(msgs)

    def step(self):
        """One random open choice; the new scene (None at an ending)."""
        if self.scene.get("ending"):
            return None
        pick = self.rng.choice(open_choices(self.scene))
        st, msgs = self.c.play({"choose": pick["id"]})
        new = scene_of(msgs)
        check(st == 200 and new and not errors_of(msgs),
              "participant %d: choose %s at %s (got %s %r)" % (self.k, pick["id"],
                                                               self.scene["scene"], st, msgs))
        self.scene = new
        return new


def before_kill(p, stop, counter, lock):
    """Play until stop is set or the game ends; a request cut off by the kill is in flight."""
    while not stop.is_set() and not p.scene.get("ending"):
        try:
            p.step()
        except ConnectionRefusedError:  # sent after the kill: nothing was in flight
            return
        except (OSError, http.client.HTTPException):  # cut off: the request was in flight
            p.in_flight = True
            return
        p.done += 1
        with lock:
            counter[0] += 1
        time.sleep(p.rng.uniform(0, 0.02))


def resumed(sv, ps):
    """After a restart: each participant's cookie works and the game is where it was (or one
    decision on, when one was in flight). Returns how many decisions in flight were lost."""
    lost = 0
    for p in ps:
        p.c.server = sv
        st, j, raw = p.c.get("/api/game")
        g = scene_of((j or {}).get("messages"))
        if not check(st == 200 and g, "participant %d: GET /api/game after the restart (got %s %r)"
                     % (p.k, st, raw[:200])):
            continue
        d = p.scene["decision"]
        if g["decision"] == d:
            check(g["scene"] == p.scene["scene"],
                  "participant %d: back at %s (got %s)" % (p.k, p.scene["scene"], g["scene"]))
            lost += p.in_flight
        else:
            print("participant %d: the decision in flight was kept (%s, decision %d)"
                  % (p.k, g["scene"], g["decision"]), flush=True)
            check(p.in_flight and g["decision"] == d + 1,
                  "participant %d: at decision %d%s after the restart (got %d at %s)"
                  % (p.k, d, " or the one in flight" if p.in_flight else "", g["decision"],
                     g["scene"]))
        p.scene = g
        st, j, raw = p.c.get("/api/hello")
        check(st == 200 and (j or {}).get("player", {}).get("playing") is True,
              "participant %d: /api/hello knows them, playing" % p.k)
    return lost


def results_files(d):
    return sorted(os.listdir(d))


def main():
    t0 = time.time()
    work = tempfile.mkdtemp(prefix="ladder-serve-restart-")
    results = os.path.join(work, "results")
    args = ["demo", "--session", "ROOM1", "--results", results]
    sv = Server(LADDER, args, data=work).start()
    try:
        ps = [Participant(sv, k) for k in range(PLAYERS)]
        for p in ps:
            p.join()
        cut = lost = 0
        for cycle in range(KILLS):
            stop = threading.Event()
            counter, lock = [0], threading.Lock()
            threads = [threading.Thread(target=before_kill, args=(p, stop, counter, lock))
                       for p in ps]
            for p in ps:
                p.in_flight = False
            for t in threads:
                t.start()
            end = time.time() + 30
            while counter[0] < KILL_AFTER and time.time() < end:
                time.sleep(0.002)
            sv.kill()
            stop.set()
            for t in threads:
                t.join(20)
            cut += sum(p.in_flight for p in ps)
            check(counter[0] >= KILL_AFTER, "kill %d: the participants took %d decisions before it"
                  % (cycle + 1, KILL_AFTER))
            # the same options, the same port: the pages reconnect to the same address
            sv = Server(LADDER, args, data=work, port=sv.port)
            for _ in range(50):  # the port may linger a moment
                try:
                    sv.start()
                    break
                except RuntimeError:
                    time.sleep(0.1)
            check("20 players from before carry on" in sv.output(),
                  "the restarted server says 20 players carry on (said %r)" % sv.output()[:300])
            lost += resumed(sv, ps)
        print("%d kills: %d requests cut off in flight, %d of them lost; %d games at an ending"
              % (KILLS, cut, lost, sum(bool(p.scene.get("ending")) for p in ps)), flush=True)

        # everybody to an ending; a few play again
        for p in ps:
            for _ in range(80):
                if p.step() is None:
                    break
            check(p.scene.get("ending"), "participant %d reaches an ending" % p.k)
        for p in ps[:AGAIN]:
            st, msgs = p.c.play({"restart": True})
            p.scene = scene_of(msgs)
            if p.scene and p.scene.get("ask_name"):
                p.scene = scene_of(p.c.play({"name": "P%02d" % p.k})[1])
            check(p.scene and p.scene["decision"] == 0, "participant %d plays again" % p.k)
            p.step()

        # the room agrees
        st, room, raw = Client(sv).get("/api/room",
                                        headers={"Authorization": "Bearer " + sv.admin})
        check(st == 200 and room["counts"]["joined"] == PLAYERS,
              "/api/room: %d joined (got %r)" % (PLAYERS, (room or {}).get("counts")))
        check(room["counts"]["finished"] == PLAYERS - AGAIN,
              "/api/room: %d finished (got %r)" % (PLAYERS - AGAIN, room["counts"]))

        files = results_files(results)
        stray = [f for f in files if not f.endswith(".json")]
        check(not stray, "no stray file in the results folder (got %r)" % stray)
        for k, p in enumerate(ps):
            mine = sorted(f for f in files if p.c.cookie[:16] in f and f.endswith(".json"))
            want = 2 if k < AGAIN else 1
            check(len(mine) == want, "participant %d: %d results file(s) (got %r)" % (k, want, mine))
            if not mine:
                continue
            with open(os.path.join(results, mine[0])) as f:
                doc = json.load(f)
            if k >= AGAIN:  # the one game, at its ending
                check(doc.get("ended") is True and doc.get("scene") == p.scene["scene"] and
                      len(doc.get("decisions", [])) == p.scene["decision"],
                      "participant %d: the results file is the game as it ended (%s, %d "
                      "decisions; got %s, %s, %d)" % (k, p.scene["scene"], p.scene["decision"],
                                                     doc.get("ended"), doc.get("scene"),
                                                     len(doc.get("decisions", []))))
            check(doc.get("session") == "ROOM1" and doc.get("anonymous") == (k % 4 == 3),
                  "participant %d: the file's session and anonymity" % k)
        check(len([f for f in files if f.endswith(".json")]) == PLAYERS + AGAIN,
              "%d results files in all (got %d)" % (PLAYERS + AGAIN, len(files)))
        out, table = os.path.join(work, "x.html"), os.path.join(work, "x.csv")
        r = subprocess.run([LADDER, "report", results, "-o", out, "--csv", table], env=sv.env(),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        check(r.returncode == 0, "ladder report reads every file (status %s: %s)"
              % (r.returncode, r.stdout[-400:]))
        if r.returncode == 0:
            with open(table, newline="", encoding="utf-8") as f:
                named = {row["file"].rsplit("/", 1)[-1] for row in csv.DictReader(f)}
            check(named == {f for f in files if f.endswith(".json")},
                  "the report's CSV has every results file's decisions (%d of %d)"
                  % (len(named), len(files)))
        check(sv.alive(), "the restarted server is running")
        check(sv.stop() == 0, "it stops cleanly")
    finally:
        sv.kill()
        if not os.environ.get("LADDER_KEEP"):
            shutil.rmtree(work, ignore_errors=True)
    print("took %.1f s" % (time.time() - t0))
    finish("serve_restart")


if __name__ == "__main__":
    main()
