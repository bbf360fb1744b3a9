"""test_room.py LADDER: room mode with phones (`ladder workshop STORY --phones`), end to end
over HTTP with 30 simulated phones: joining with the room code (and refused without it),
votes changed and counted, a stale or malformed vote refused without changing anything, a
participant cookie refused on presenter routes, the majority taken, a tie broken by a pick,
kill -9 in the middle of a vote and `--continue`: the same decision with every vote cast
before the kill, the phones' cookies still good; then a rewind, the end, and the debrief
checked for every tally and the handout beside it; a campaign room going on to its next
chapter. Python 3 standard library only."""
import glob
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Room, check, finish  # noqa: E402

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OFFICE = os.path.join(SOURCE, "tests", "fixtures", "good", "office")


def main():
    ladder = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="ladder-room-test-")
    try:
        run(ladder, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("test_room")


def run(ladder, work):
    room = Room(ladder, work, OFFICE, ["--session", "PH1"]).start()
    # the pages are there, and nothing of the players' API
    for page in ("/room", "/projector", "/presenter", "/"):
        st, _, _ = room.request("GET", page)
        check(st == 200, "GET %s answers 200 (got %d)" % (page, st))
    check(room.request("GET", "/api/hello")[0] == 404, "the players' API is off in room mode")
    # joining: the wrong code is refused, the right one (any case) gives a cookie
    st, cookie = room.join("ZZZZZ" if room.code != "ZZZZZ" else "YYYYY")
    check(st == 403 and cookie is None, "a wrong room code is refused (%d)" % st)
    st, _, _ = room.request("POST", "/api/room/vote", {"decision": 1, "choice": 1})
    check(st == 401, "a phone that has not joined cannot vote (%d)" % st)
    st, _, _ = room.request("POST", "/api/room/vote", {"decision": 1, "choice": 1},
                            cookie="ladder_room=" + "0" * 48)
    check(st == 403, "a forged cookie cannot vote (%d)" % st)
    phones = []
    for i in range(30):
        st, cookie = room.join(room.code.lower() if i == 0 else room.code)
        check(st == 200 and cookie, "phone %d joins" % i)
        phones.append(cookie)
    s = room.state()
    check(s["vote"]["joined"] == 30, "30 joined (%s)" % s["vote"]["joined"])
    # a code as people type it from the wall: outer spaces, a dash or a space in the middle,
    # any case (issue 17); a wrong length or another separator is not it, and the refusal
    # says what a code looks like
    c = room.code
    for typed in (" " + c + " ", c[:3] + "-" + c[3:], c[:2].lower() + " " + c[2:].lower(),
                  "\t" + c[:1] + " - " + c[1:]):
        st, cookie = room.join(typed)
        check(st == 200 and cookie, "the code typed as %r is this room's (%d)" % (typed, st))
    for typed in (c[:4], c + c[:1], c[:2] + "." + c[2:], ""):
        st, body, _ = room.request("POST", "/api/room/join", {"code": typed})
        check(st == 403 and "5 letters and digits" in body.get("error", ""),
              "%r is refused, saying what a code looks like (%d %s)" % (typed, st, body))
    n = len(s["choices"])
    check(n == 2, "decision 1 has two options")
    # a participant cookie is not the presenter's
    st, _, _ = room.request("GET", "/api/room/presenter", cookie=phones[0])
    check(st == 401, "a phone cannot read the presenter's page (%d)" % st)
    st, _, _ = room.request("POST", "/api/room/control", {"action": "majority"},
                            cookie=phones[0], admin="f" * 64)
    check(st == 403, "a wrong token cannot control the room (%d)" % st)
    # decision 1: 12 for 1, 18 for 2, after phone 0 changes its mind twice
    for i, c in enumerate(phones):
        st, body, _ = room.request("POST", "/api/room/vote",
                                   {"decision": 1, "choice": 1 if i < 12 else 2}, cookie=c)
        check(st == 200 and body["your_vote"] == (1 if i < 12 else 2), "vote %d counted" % i)
    room.request("POST", "/api/room/vote", {"decision": 1, "choice": 2}, cookie=phones[0])
    room.request("POST", "/api/room/vote", {"decision": 1, "choice": 1}, cookie=phones[0])
    for bad in ({"decision": 1, "choice": 3}, {"decision": 1, "choice": 0},
                {"decision": 2, "choice": 1}, {"decision": 1}, {"decision": "1", "choice": 1},
                {"decision": 1, "choice": 1.5}):
        st, _, _ = room.request("POST", "/api/room/vote", bad, cookie=phones[1])
        check(400 <= st < 500, "a malformed or stale vote %s is refused (%d)" % (bad, st))
    st, _, _ = room.request("POST", "/api/room/vote", None, cookie=phones[1])
    check(st in (400, 415), "a vote without a body is refused (%d)" % st)
    s = room.state(phones[0])
    check(s["vote"]["counts"] == [12, 18] and s["vote"]["voted"] == 30,
          "decision 1's tally is 12, 18 (%s)" % s["vote"])
    check(s["your_vote"] == 1, "phone 0 sees its own vote")
    check(s["joined"] and not room.state()["joined"], "the state says whether the phone joined")
    st, p, _ = room.control(action="timer", seconds=30)
    check(st == 200 and p["timer"]["running"] and 28 <= p["timer"]["left"] <= 30,
          "the presenter starts the timer (%s)" % (p and p.get("timer")))
    st, p, _ = room.control(action="timer", seconds=0)
    check(st == 200 and p["timer"]["left"] is None, "the presenter stops the timer")
    st, p, _ = room.control(action="majority")
    check(st == 200 and p["decision"] == 2, "the majority takes decision 1 (%d)" % st)
    check(p["timeline"][0]["counts"] == [12, 18], "the timeline keeps decision 1's votes")
    # decision 2: a 10-10 tie; closed, a late vote is refused; the presenter breaks the tie
    for i, c in enumerate(phones[:20]):
        room.request("POST", "/api/room/vote", {"decision": 2, "choice": 1 + i % 2}, cookie=c)
    st, body, _ = room.control(action="majority")
    check(st == 409 and body.get("tie") == [1, 2], "a tie is put to the presenter (%s)" % body)
    room.control(action="close")
    st, body, _ = room.request("POST", "/api/room/vote", {"decision": 2, "choice": 1},
                               cookie=phones[25])
    check(st == 409 and body.get("reason") == "closed",
          "a vote after the close is refused, saying why (%d %s)" % (st, body))
    st, body, _ = room.request("POST", "/api/room/vote", {"decision": 1, "choice": 1},
                               cookie=phones[25])
    check(st == 409 and body.get("reason") == "moved_on",
          "a vote for an earlier decision is refused, saying why (%d %s)" % (st, body))
    check(room.state()["vote"]["voted"] == 20, "the refused vote changed nothing")
    room.control(action="open")
    st, p, _ = room.control(action="pick", choice=2)
    check(st == 200 and p["decision"] == 3, "the tie is broken by a pick")
    # decision 3: eight votes, then kill -9 mid-vote
    for i, c in enumerate(phones[:8]):
        room.request("POST", "/api/room/vote", {"decision": 3, "choice": 1 if i < 3 else 2},
                     cookie=c)
    before = room.state()["vote"]
    room.kill()
    room.start(resume=True)
    check("Continuing the room" in room.text, "--continue says it continues")
    s = room.state(phones[5])
    check(s["decision"] == 3, "the room continues at decision 3 (%s)" % s["decision"])
    check(s["vote"]["counts"] == before["counts"] and s["vote"]["voted"] == 8,
          "every vote cast before the kill is counted (%s, was %s)" % (s["vote"], before))
    check(s["your_vote"] == 2, "a phone's cookie still knows its vote after the restart")
    st, _, _ = room.request("POST", "/api/room/vote", {"decision": 3, "choice": 1},
                            cookie=phones[9])
    check(st == 200, "a phone votes after the restart without joining again (%d)" % st)
    st, p, _ = room.control(action="majority")
    check(st == 200 and p["ended"], "decision 3 ends the story (%s)" % (p and p.get("ending")))
    first_end = p["ending"]["title"]
    # a rewind to decision 2, the other road, then the end
    st, p, _ = room.control(action="rewind", to=2)
    check(st == 200 and p["decision"] == 2, "rewound to decision 2")
    for i, c in enumerate(phones[:6]):
        room.request("POST", "/api/room/vote", {"decision": 2, "choice": 1}, cookie=c)
    room.control(action="majority")
    st, p, _ = room.control(action="pick", choice=2)
    st, p, _ = room.control(action="end")
    check(st == 200, "the presenter ends the session (%d)" % st)
    s = room.state(phones[3])
    check(s["session_ended"] and not s["vote"]["open"], "phones see the session has ended")
    st, body, _ = room.request("POST", "/api/room/vote",
                               {"decision": s["decision"], "choice": 1}, cookie=phones[3])
    check(st == 409 and body.get("reason") == "ended", "no vote after the end (%d)" % st)
    check(room.stop() == 0, "Ctrl-C stops the room with exit status 0")
    mds = glob.glob(os.path.join(work, "out", "*.md"))
    check(len(mds) == 1, "one debrief for the session (%s)" % mds)
    md = open(mds[0]).read() if mds else ""
    check("Votes: 12, 18 (30 voted" in md, "the debrief has decision 1's tally")
    check("Votes: 10, 10 (20 voted" in md and "a tie broken by the facilitator" in md,
          "the debrief has the tie")
    check("Votes: 4, 5 (9 voted" in md, "the debrief has the vote split by the kill")
    check("Votes: 6, 0 (6 voted" in md, "the debrief has the vote after the rewind")
    check("**Ending: %s**" % first_end in md, "the debrief has the room's ending")
    check("## The roads side by side" in md, "the debrief sets the roads side by side")
    handouts = glob.glob(os.path.join(work, "out", "*-handout.html"))
    check(len(handouts) == 1, "the participants' handout beside the debrief (%s)" % handouts)
    check(handouts and handouts[0] in room.output(),
          "the server's closing lines say where the handout is")
    campaign(ladder, os.path.join(work, "career"))


def campaign(ladder, work):
    """A campaign room with phones: at chapter 1's end the presenter goes on with 'next', the
    phones' decision numbers run on across chapters, and a vote in chapter 2 counts."""
    room = Room(ladder, work, "career", ["--session", "CH2"]).start()
    st, cookie = room.join()
    check(st == 200 and cookie, "a phone joins the campaign room")
    st, _, _ = room.control(action="next")
    check(st == 409, "next before the chapter's end is refused (%d)" % st)
    p = room.presenter_state()
    for _ in range(60):
        if p["ended"]:
            break
        st, p, _ = room.control(action="pick", choice=1)
        check(st == 200, "a pick in chapter 1 (%d)" % st)
    check(p["ended"] and p["next_chapter"] == "derailed",
          "chapter 1 ends with a next chapter named (%s)" % p.get("next_chapter"))
    done = len(p["timeline"])
    st, p, _ = room.control(action="next")
    check(st == 200 and not p["ended"] and p["next_chapter"] is None,
          "next starts chapter 2 (%d)" % st)
    s = room.state(cookie)
    check(s["decision"] == done + 1, "chapter 2's first decision is number %d on the phones (%s)"
          % (done + 1, s["decision"]))
    st, body, _ = room.request("POST", "/api/room/vote", {"decision": done + 1, "choice": 1},
                               cookie=cookie)
    check(st == 200 and body["your_vote"] == 1, "a vote in chapter 2 counts (%d)" % st)
    st, p, _ = room.control(action="majority")
    check(st == 200 and p["decision"] == done + 2 and len(p["timeline"]) == done + 1
          and p["timeline"][done]["counts"][0] == 1,
          "the timeline runs on across chapters with chapter 2's vote (%s)"
          % (p and p.get("decision")))
    check(room.stop() == 0, "the campaign room stops")


if __name__ == "__main__":
    main()
