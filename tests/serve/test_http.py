#!/usr/bin/python3
"""test_http.py LADDER: every route of `ladder serve` over HTTP (issue 13, "Tests").

Two servers, each on a free loopback port with a private data folder:
  solo         `ladder serve demo`: the pages and assets and their headers, /api/hello, start,
               game, a full game of the demo by choosing (name entry, a locked choice refused,
               undo, save and load, the saves list, play again at the ending), leave and
               continue, every kind of bad request, wrong and missing tokens, /api/room with
               its ETag, the QR code, the report refused without a results folder.
  capped       `ladder serve demo --max-players 3`: the fourth player is refused (503), the
               others play on, before and after a restart.
  participant  `ladder serve demo --session ROOM1 --results DIR`: a name or anonymous is
               required, each participant's results file appears after the first decision and
               is rewritten in place, a second game gets a second file, `ladder report` reads
               the folder, and /api/report's one-time address serves the report page.
Python 3 standard library only. Prints one line per failed check; exits 1 if any failed.
"""
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (Client, Server, check, errors_of, finish, open_choices,  # noqa: E402
                       scene_of)

LADDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/ladder"

# The demo to its good ending, by choice id (tests/transcripts/demo_json_good.txt); when a
# scene offers none of these, the first open choice is taken.
ROUTE = ["call_team", "let_priya_lead", "promise_0200", "spot_check", "business_plan"]
SECURITY = {
    "content-security-policy": "default-src 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def one(h, name):
    v = h.get(name, [])
    return v[0] if v else None


def check_headers(h, what):
    """The security headers on every answer, and no CORS."""
    for name, must in SECURITY.items():
        v = one(h, name)
        check(v is not None and must in v, "%s: header %s holds %r (got %r)" % (what, name, must, v))
    cors = [k for k in h if k.startswith("access-control-")]
    check(not cors, "%s: no Access-Control-* header (got %s)" % (what, cors))


def check_error(st, j, raw, status, what):
    """A refusal: the status, and a JSON body {"error": "a sentence"}."""
    ok = check(st == status, "%s: status %d (got %s: %r)" % (what, status, st, raw[:200]))
    check(isinstance(j, dict) and isinstance(j.get("error"), str) and len(j["error"]) > 10,
          "%s: {\"error\": message} (got %r)" % (what, raw[:200]))
    return ok


def choose_next(c, scene, said=None):
    """Take the next choice of ROUTE on offer (else the first open one); the new scene. The
    messages answered are added to said when given."""
    offered = {ch["id"]: ch for ch in scene.get("choices", [])}
    pick = next((cid for cid in ROUTE if cid in offered and not offered[cid].get("locked")), None)
    if pick is None:
        pick = open_choices(scene)[0]["id"]
    st, msgs = c.play({"choose": pick})
    if said is not None:
        said += msgs
    new = scene_of(msgs)
    check(st == 200 and new is not None and not errors_of(msgs),
          "choose %s at %s: a new scene (got %s %r)" % (pick, scene["scene"], st, msgs))
    return new


def play_to_ending(c, scene, limit=60, keep_messages=False):
    """Choose until an ending; the ending's scene (and with keep_messages, every message the
    choices were answered with)."""
    said = []
    for _ in range(limit):
        if scene is None or scene.get("ending"):
            break
        if scene.get("ask_name"):
            st, msgs = c.play({"name": "Sam"})
            said += msgs
            scene = scene_of(msgs)
            continue
        scene = choose_next(c, scene, said)
    else:
        check(False, "the demo ends within %d decisions" % limit)
    return (scene, said) if keep_messages else scene


# ---------------------------------------------------------------------------------------------
def test_assets(sv):
    c = Client(sv)
    for path, ctype in (("/", "text/html"), ("/facilitator", "text/html")):
        st, h, body = sv.request("GET", path)
        check(st == 200, "GET %s: 200 (got %s)" % (path, st))
        check((one(h, "content-type") or "").startswith(ctype),
              "GET %s: %s (got %s)" % (path, ctype, one(h, "content-type")))
        check_headers(h, "GET " + path)
        html = body.decode("utf-8", "replace")
        check("<html" in html.lower(), "GET %s is an HTML page" % path)
        refs = set(re.findall(r'(?:src|href)="(/[^"#?]*)"', html))
        for ref in sorted(refs):
            if ref.startswith("/api/"):
                continue
            st, h2, b2 = sv.request("GET", ref)
            ext = ref.rsplit(".", 1)[-1]
            want = {"js": "text/javascript", "css": "text/css", "svg": "image/svg+xml",
                    "html": "text/html", "png": "image/png", "ico": "image/"}.get(ext, "")
            got = one(h2, "content-type") or ""
            check(st == 200 and len(b2) > 0, "GET %s (named by %s): 200 (got %s)" % (ref, path, st))
            check(got.startswith(want) or (ext == "js" and "javascript" in got),
                  "GET %s: type %s (got %s)" % (ref, want, got))
            check_headers(h2, "GET " + ref)
    # HEAD of a page; a page by another method
    st, h, body = sv.request("HEAD", "/")
    check(st == 200 and body == b"", "HEAD /: 200 without a body (got %s, %d bytes)" % (st, len(body)))
    st, j, raw = c.post("/", {})
    check_error(st, j, raw, 405, "POST /")
    # nothing from the file system, whatever the path
    for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                 "/assets/web/index.html", "/CMakeLists.txt", "/index.html/", "//etc/passwd",
                 "/.git/config", "/web_assets.c"):
        st, h, body = sv.request("GET", path)
        check(st in (400, 404), "GET %s: 404 (got %s)" % (path, st))
        check(b"root:" not in body and b"[core]" not in body, "GET %s: no file's text" % path)
    # libmicrohttpd decodes %00 and the path ends there: at worst an embedded asset is served
    _, _, page = sv.request("GET", "/")
    _, _, js = sv.request("GET", "/app.js")
    for path, same in (("/%00", page), ("/app.js%00.html", js), ("/app.js%00/../../etc/passwd", js)):
        st, h, body = sv.request("GET", path)
        check(st in (400, 404) or (st == 200 and body == same),
              "GET %s: refused or the embedded file before the NUL (got %s)" % (path, st))
    st, j, raw = c.get("/no/such/page")
    check_error(st, j, raw, 404, "GET /no/such/page")
    check_headers(c.last_headers, "GET /no/such/page")
    # a cross-origin browser gets no CORS answer, for a request or a preflight
    for method in ("GET", "OPTIONS"):
        st, h, body = sv.request(method, "/api/hello", headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
        cors = [k for k in h if k.startswith("access-control-")]
        check(not cors, "%s /api/hello with an Origin: no Access-Control-* (got %s)" % (method, cors))
    st, h, body = sv.request("OPTIONS", "/api/play")
    check(st in (404, 405), "OPTIONS /api/play: refused (got %s)" % st)


def test_hello_and_start(sv):
    c = Client(sv)
    st, j, raw = c.get("/api/hello")
    check(st == 200, "GET /api/hello: 200 (got %s)" % st)
    check_headers(c.last_headers, "GET /api/hello")
    check(one(c.last_headers, "cache-control") == "no-store",
          "/api/hello: Cache-Control no-store (got %s)" % one(c.last_headers, "cache-control"))
    check(isinstance(j, dict) and j.get("type") == "welcome" and j.get("protocol") == 1,
          "/api/hello: a welcome of protocol 1 (got %r)" % raw[:200])
    check(j.get("session") is None and j.get("participant") is False and j.get("player") is None,
          "/api/hello without a cookie: no session, not a participant, no player (got %r)" % j)
    stories = j.get("stories", [])
    check([s.get("id") for s in stories] == ["demo"], "/api/hello lists the demo (got %r)" % stories)
    check(stories and stories[0].get("title") == "The Outage" and stories[0].get("can_continue") is False,
          "/api/hello: the demo's title, nothing to continue (got %r)" % stories)

    st, j, raw = c.get("/api/game")
    check_error(st, j, raw, 404, "GET /api/game before any start")
    check(c.cookie is None, "no cookie is set before /api/start")
    st, j, raw = c.post("/api/start", {"story": "nope"})
    check_error(st, j, raw, 404, "start an unknown story")
    st, j, raw = c.post("/api/start", {})
    check_error(st, j, raw, 400, "start without a story")
    st, j, raw = c.post("/api/start", {"story": "demo", "continue": "yes"})
    check_error(st, j, raw, 400, "start with continue not a boolean")
    st, j, raw = c.post("/api/start", {"story": "demo", "name": "a\nb"})
    check_error(st, j, raw, 400, "start with a control character in the name")
    st, j, raw = c.post("/api/start", {"story": "demo", "name": 7})
    check_error(st, j, raw, 400, "start with a number as the name")
    check(c.cookie is None, "a refused start sets no cookie")

    st, j, raw = c.post("/api/start", {"story": "demo"})
    check(st == 200, "POST /api/start: 200 (got %s %r)" % (st, raw[:200]))
    sc = one(c.last_headers, "set-cookie") or ""
    check(re.match(r"ladder_player=[0-9a-f]{48};", sc) is not None,
          "start sets ladder_player to 48 hex digits (got %r)" % sc)
    attrs = [a.strip().lower() for a in sc.split(";")[1:]]
    check("httponly" in attrs and "samesite=strict" in attrs and "path=/" in attrs,
          "the cookie is HttpOnly, SameSite=Strict, Path=/ (got %r)" % sc)
    check(any(a.startswith("max-age=") and int(a[8:]) > 86400 for a in attrs),
          "the cookie lasts (Max-Age) (got %r)" % sc)
    scene = scene_of((j or {}).get("messages"))
    check(scene is not None and scene.get("scene") == "page" and scene.get("decision") == 0,
          "start answers the first scene (got %r)" % raw[:300])
    check(scene and scene.get("ask_name") is True, "the demo asks the player's name first")
    return c, scene


def test_game(sv, c, scene):
    st, j, raw = c.get("/api/game")
    g = scene_of((j or {}).get("messages"))
    check(st == 200 and g and g["scene"] == "page", "GET /api/game after start: the scene (got %s)" % st)
    st, j, raw = c.get("/api/hello")
    check(j and j.get("player") and j["player"].get("playing") is True and j["player"].get("story") == "demo",
          "/api/hello with the cookie: playing the demo (got %r)" % (j or {}).get("player"))

    # name entry: a choice before the name is refused, the name moves the game on
    st, msgs = c.play({"choose": 1})
    check(st == 200 and errors_of(msgs) and not scene_of(msgs),
          "a choice before the name: an error message, no scene (got %r)" % msgs)
    st, msgs = c.play({"name": "Sam"})
    scene = scene_of(msgs)
    check(st == 200 and scene and scene["scene"] == "page" and not scene.get("ask_name"),
          "{\"name\":\"Sam\"}: the same scene, no longer asking (got %r)" % msgs)
    check(scene and "Sam" in scene.get("text", ""), "the name appears in the story's text")
    st, j, raw = c.get("/api/hello")
    check(j and j.get("player", {}).get("name") == "Sam", "/api/hello names the player Sam")

    scene = choose_next(c, scene)  # call_team -> huddle
    check(scene["scene"] == "huddle" and scene["decision"] == 1, "call_team leads to the huddle")
    # undo, and the same choice again
    st, msgs = c.play({"undo": True})
    s2 = scene_of(msgs)
    check(st == 200 and s2 and s2["scene"] == "page" and s2["decision"] == 0,
          "undo: back to the page at decision 0 (got %r)" % msgs)
    st, msgs = c.play({"undo": True})
    check(st == 200 and errors_of(msgs) and not scene_of(msgs), "undo at the start: an error (got %r)" % msgs)
    scene = choose_next(c, s2)
    scene = choose_next(c, scene)  # let_priya_lead -> dolores
    check(scene["scene"] == "dolores", "let_priya_lead leads to Dolores (got %s)" % scene["scene"])
    # a locked choice is shown with its requirement and refused
    locked = [ch for ch in scene.get("choices", []) if ch.get("locked")]
    check(len(locked) == 1 and locked[0].get("id") == "handle_alone" and locked[0].get("requirement"),
          "Dolores's scene shows handle_alone locked with a requirement (got %r)" % scene.get("choices"))
    for req in ({"choose": "handle_alone"}, {"choose": locked[0]["n"] if locked else 2}):
        st, msgs = c.play(req)
        check(st == 200 and errors_of(msgs) and "locked" in errors_of(msgs)[0].get("message", "")
              and not scene_of(msgs), "%s: refused as locked (got %r)" % (json.dumps(req), msgs))
    st, msgs = c.play({"choose": 99})
    check(st == 200 and errors_of(msgs) and not scene_of(msgs), "choose 99: an error (got %r)" % msgs)
    st, msgs = c.play({"look": True})
    check(scene_of(msgs) and scene_of(msgs)["scene"] == "dolores" and scene_of(msgs)["decision"] == 2,
          "refusals did not move the game (got %r)" % msgs)

    # save, move on, the saves list, load back
    st, msgs = c.play({"save": "slot1"})
    check(st == 200 and any(m.get("type") == "saved" and m.get("name") == "slot1" for m in msgs),
          "save slot1: saved (got %r)" % msgs)
    scene = choose_next(c, scene)  # promise_0200 -> cutoff
    check(scene["decision"] == 3, "a decision after the save")
    st, msgs = c.play({"saves": True})
    saves = next((m.get("saves") for m in msgs if m.get("type") == "saves"), None)
    names = [s.get("name") for s in saves or []]
    check(st == 200 and "slot1" in names, "the saves list holds slot1 (got %r)" % names)
    slot = next((s for s in saves or [] if s.get("name") == "slot1"), {})
    check(slot.get("decisions") == 2 and slot.get("ended") is False,
          "slot1 was saved at decision 2, not ended (got %r)" % slot)
    # web_api.md: the saves of a browser carry name, updated, decisions, at, ended; the server's
    # own file system paths are none of the browser's business
    leaked = [s.get("path") for s in saves or [] if "path" in s]
    check(not leaked, "the saves list sent to a browser names no server file path (got %r)" % leaked)
    for bad in ({"load": "../slot1"}, {"load": "/etc/passwd"}, {"load": "a/b"}, {"load": ""},
                {"save": "../x"}):
        st, j, raw = c.post("/api/play", bad)
        if "load" in bad:
            check_error(st, j, raw, 400, "%s" % json.dumps(bad))
        else:
            msgs = (j or {}).get("messages", [])
            check(st == 400 or (st == 200 and errors_of(msgs) and not scene_of(msgs)),
                  "%s: refused (got %s %r)" % (json.dumps(bad), st, raw[:200]))
    st, msgs = c.play({"load": "nosuchslot"})
    check(st == 200 and errors_of(msgs) and not scene_of(msgs), "load of a missing slot: an error")
    st, msgs = c.play({"load": "slot1"})
    s2 = scene_of(msgs)
    check(st == 200 and s2 and s2["scene"] == "dolores" and s2["decision"] == 2,
          "load slot1: back at Dolores, decision 2 (got %r)" % msgs)
    st, j, raw = c.post("/api/play", {"quit": True})
    check_error(st, j, raw, 400, "quit through /api/play")

    ending = play_to_ending(c, s2)
    check(ending and ending.get("ending") and ending["ending"].get("verdict") == "good"
          and ending["ending"].get("id") == "seat_at_table",
          "the route ends at A Seat at the Table, good (got %r)" % (ending or {}).get("ending"))
    check(ending and isinstance(ending.get("outcome"), dict) and ending["outcome"].get("series"),
          "the ending carries the outcome with its series")
    check(ending and ending.get("debrief"), "the ending carries the debrief")
    check(ending and not ending.get("choices"), "no choices at the ending")
    st, msgs = c.play({"choose": 1})
    check(errors_of(msgs) and not scene_of(msgs), "a choice at the ending: an error (got %r)" % msgs)
    st, j, raw = c.get("/api/game")
    g = scene_of((j or {}).get("messages"))
    check(g and g.get("ending") and g["scene"] == ending["scene"], "GET /api/game shows the ending")

    # undo at the ending, then the ending again; play again
    st, msgs = c.play({"undo": True})
    s2 = scene_of(msgs)
    check(s2 and not s2.get("ending") and s2["decision"] == ending["decision"] - 1,
          "undo at the ending: the decision before it (got %r)" % msgs)
    ending = play_to_ending(c, s2)
    st, msgs = c.play({"restart": True})
    s2 = scene_of(msgs)
    check(st == 200 and s2 and s2["scene"] == "page" and s2["decision"] == 0 and not s2.get("ending"),
          "play again at the ending: the first scene, decision 0 (got %r)" % msgs)
    st, msgs = c.play({"restart": True})
    check(errors_of(msgs) and not scene_of(msgs), "play again mid-story: an error (got %r)" % msgs)
    scene = play_to_ending(c, s2) if s2 else None
    # three decisions into a new game, leave, continue
    st, msgs = c.play({"restart": True})
    scene = scene_of(msgs)
    if scene.get("ask_name"):
        scene = scene_of(c.play({"name": "Sam"})[1])
    for _ in range(3):
        scene = choose_next(c, scene)
    at = (scene["scene"], scene["decision"])
    st, j, raw = c.post("/api/leave", {})
    check(st == 200 and j == {"ok": True}, "POST /api/leave: {\"ok\":true} (got %s %r)" % (st, raw))
    st, j, raw = c.get("/api/game")
    check_error(st, j, raw, 404, "GET /api/game after leave")
    st, j, raw = c.get("/api/hello")
    check(j and j["player"]["playing"] is False and j["stories"][0]["can_continue"] is True,
          "/api/hello after leave: not playing, the demo can be continued (got %r)" % j)
    st, msgs = c.play({"choose": 1})
    check(st == 404, "/api/play after leave: 404 (got %s)" % st)
    st, j, raw = c.post("/api/start", {"story": "demo", "continue": True})
    s2 = scene_of((j or {}).get("messages"))
    check(st == 200 and s2 and (s2["scene"], s2["decision"]) == at,
          "start with continue: back at %s (got %s %r)" % (at, st, raw[:200]))
    check(not one(c.last_headers, "set-cookie"), "continuing with a cookie sets no new cookie")
    st, j, raw = c.get("/api/game")
    g = scene_of((j or {}).get("messages"))
    check(st == 200 and g and (g["scene"], g["decision"]) == at, "GET /api/game after continue")
    # a new game of the same story, by the same browser
    st, j, raw = c.post("/api/start", {"story": "demo", "continue": False})
    s2 = scene_of((j or {}).get("messages"))
    check(st == 200 and s2 and s2["decision"] == 0, "start without continue: a new game at decision 0")


def test_bad_requests(sv, c):
    cases = [
        # (what, method, path, body bytes, content type, status)
        ("malformed JSON", "POST", "/api/play", b'{"choose":', "application/json", 400),
        ("JSON not an object", "POST", "/api/play", b'[1,2]', "application/json", 400),
        ("a JSON string", "POST", "/api/play", b'"choose"', "application/json", 400),
        ("an empty body", "POST", "/api/play", b"", "application/json", 400),
        ("an unknown request", "POST", "/api/play", b'{"fly":true}', "application/json", 400),
        ("two requests at once", "POST", "/api/play", b'{"choose":1,"undo":true}', "application/json", 400),
        ("choose a negative number", "POST", "/api/play", b'{"choose":-1}', "application/json", 400),
        ("choose 1e999", "POST", "/api/play", b'{"choose":1e999}', "application/json", 400),
        ("choose 1.5", "POST", "/api/play", b'{"choose":1.5}', "application/json", 400),
        ("invalid UTF-8", "POST", "/api/play", b'{"choose":"\xff\xfe"}', "application/json", 400),
        ("text/plain", "POST", "/api/play", b'{"choose":1}', "text/plain", 415),
        ("a form", "POST", "/api/play", b'choose=1', "application/x-www-form-urlencoded", 415),
        ("no Content-Type", "POST", "/api/play", b'{"choose":1}', None, 415),
        ("start as text/plain", "POST", "/api/start", b'{"story":"demo"}', "text/plain", 415),
        ("start malformed", "POST", "/api/start", b'{story:demo}', "application/json", 400),
        ("start not an object", "POST", "/api/start", b'null', "application/json", 400),
        ("unknown route", "GET", "/api/nothing", None, None, 404),
        ("unknown route by POST", "POST", "/api/nothing", b'{}', "application/json", 404),
        ("GET /api/play", "GET", "/api/play", None, None, 405),
        ("GET /api/start", "GET", "/api/start", None, None, 405),
        ("GET /api/leave", "GET", "/api/leave", None, None, 405),
        ("POST /api/hello", "POST", "/api/hello", b'{}', "application/json", 405),
        ("DELETE /api/game", "DELETE", "/api/game", None, None, 405),
        ("PUT /api/play", "PUT", "/api/play", b'{"choose":1}', "application/json", 405),
    ]
    for what, method, path, body, ctype, status in cases:
        st, j, raw = c.call(method, path, raw=body, ctype=ctype)
        check_error(st, j, raw, status, "%s (%s %s)" % (what, method, path))
        check_headers(c.last_headers, what)
    st, msgs = c.play({"look": True})
    check(st == 200 and scene_of(msgs) and scene_of(msgs)["decision"] == 0,
          "after the bad requests the game has not moved")

    # bodies over 16 KiB: announced by Content-Length, and sent in chunks without one
    big = json.dumps({"name": "x" * (20 * 1024)}).encode()
    st, j, raw = c.call("POST", "/api/play", raw=big)
    check_error(st, j, raw, 413, "a 20 KiB body")
    st, j, raw = c.call("POST", "/api/play", raw=b" " * (16 * 1024 + 1))
    check_error(st, j, raw, 413, "a body of 16 KiB + 1")
    conn = sv.connect()
    try:
        conn.putrequest("POST", "/api/play")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Cookie", "ladder_player=" + c.cookie)
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        piece = b" " * 4096
        for _ in range(8):
            conn.send(b"%x\r\n%s\r\n" % (len(piece), piece))
        conn.send(b"0\r\n\r\n")
        r = conn.getresponse()
        data = r.read()
        check(r.status == 413, "a 32 KiB chunked body: 413 (got %s %r)" % (r.status, data[:100]))
    finally:
        conn.close()
    # 16 KiB exactly is not too big (a JSON object padded with spaces)
    body = b'{"look":true}'
    body += b" " * (16 * 1024 - len(body))
    st, j, raw = c.call("POST", "/api/play", raw=body)
    check(st == 200, "a body of exactly 16 KiB is read (got %s %r)" % (st, raw[:100]))


def test_cookies(sv, c):
    good = c.cookie
    forged = good[:16] + secrets.token_hex(16)
    for what, cookie in (("no cookie", None), ("an unknown cookie", secrets.token_hex(24)),
                         ("a forged cookie (a real id, a wrong secret)", forged),
                         ("a short cookie", good[:47]), ("a long cookie", good + "0"),
                         ("upper-case hex", good.upper()), ("a cookie of junk", "../../etc")):
        x = Client(sv, cookie)
        st, j, raw = x.get("/api/game")
        check_error(st, j, raw, 404, "GET /api/game with %s" % what)
        st, j, raw = x.post("/api/play", {"choose": 1})
        check_error(st, j, raw, 404, "POST /api/play with %s" % what)
        st, j, raw = x.post("/api/leave", {})
        check_error(st, j, raw, 404, "POST /api/leave with %s" % what)
        st, j, raw = x.get("/api/hello")
        check(st == 200 and j.get("player") is None, "/api/hello with %s: no player" % what)
    # the real one still works
    st, j, raw = c.get("/api/game")
    check(st == 200, "the real cookie still works after the forgeries")


def test_room(sv, c):
    for what, auth in (("no token", None), ("a wrong token", "Bearer " + "0" * 64),
                       ("a short token", "Bearer " + sv.admin[:63]),
                       ("the token and more", "Bearer " + sv.admin + "0"),
                       ("the token as Basic", "Basic " + sv.admin), ("the bare token", sv.admin),
                       ("an upper-case token", "Bearer " + sv.admin.upper())):
        h = {"Authorization": auth} if auth else {}
        want = 401 if auth is None else 403
        st, j, raw = c.call("GET", "/api/room", headers=h)
        check_error(st, j, raw, want, "GET /api/room with %s" % what)
        st, j, raw = c.call("POST", "/api/report", raw=b"{}", headers=h)
        check_error(st, j, raw, want, "POST /api/report with %s" % what)
    auth = {"Authorization": "Bearer " + sv.admin}
    st, j, raw = c.call("GET", "/api/room", headers=auth)
    check(st == 200, "GET /api/room with the token: 200 (got %s)" % st)
    check_headers(c.last_headers, "GET /api/room")
    etag = one(c.last_headers, "etag")
    check(etag is not None and etag.startswith('"'), "/api/room has a quoted ETag (got %r)" % etag)
    check(isinstance(j, dict) and j.get("session") is None and j.get("results") is None
          and j.get("join") == "http://127.0.0.1:%d/" % sv.port,
          "/api/room: no session, the join address (got %r)" % {k: (j or {}).get(k) for k in ("session", "join", "results")})
    people = (j or {}).get("participants", [])
    ids = [p.get("id") for p in people]
    check(c.cookie[:16] in ids, "/api/room lists the player by id (got %r)" % ids)
    me = next((p for p in people if p.get("id") == c.cookie[:16]), {})
    check(me.get("name") == "Sam" and me.get("story") == "demo" and "scene" in me,
          "/api/room: the player's name, story and scene (got %r)" % me)
    check(all(c.cookie[16:] not in json.dumps(p) for p in people), "/api/room shows no secret")
    check(j.get("counts", {}).get("joined") == len(people), "/api/room counts who joined")
    st, j, raw = c.call("GET", "/api/room", headers=dict(auth, **{"If-None-Match": etag}))
    check(st == 304 and raw == b"", "If-None-Match with the ETag: 304, no body (got %s)" % st)
    st, j, raw = c.call("GET", "/api/room", headers=dict(auth, **{"If-None-Match": '"other"'}))
    check(st == 200, "If-None-Match with another ETag: 200 (got %s)" % st)
    c.play({"name": "Sam"})
    c.play({"choose": 1})
    st, j, raw = c.call("GET", "/api/room", headers=dict(auth, **{"If-None-Match": etag}))
    check(st == 200 and one(c.last_headers, "etag") != etag,
          "after a move, the old ETag: 200 with a new ETag (got %s)" % st)
    st, j, raw = c.call("POST", "/api/room", raw=b"{}", headers=auth)
    check(st in (404, 405), "POST /api/room: refused (got %s)" % st)
    # the QR code (no token needed)
    st, h, body = sv.request("GET", "/api/qr.svg")
    check(st == 200 and (one(h, "content-type") or "").startswith("image/svg+xml"),
          "GET /api/qr.svg: 200 image/svg+xml (got %s %s)" % (st, one(h, "content-type")))
    check(b"<svg" in body[:300] and body.rstrip().endswith(b"</svg>"), "/api/qr.svg is an SVG")
    check_headers(h, "GET /api/qr.svg")
    # the report without a results folder
    st, j, raw = c.call("POST", "/api/report", raw=b"{}", headers=auth)
    check_error(st, j, raw, 409, "POST /api/report without --results")
    st, j, raw = c.get("/report/" + "0" * 32)
    check_error(st, j, raw, 404, "GET /report/ of an unknown nonce")


def test_player_cap(ladder):
    """`--max-players 3`: three players join, the fourth is refused with 503 and a message and
    no cookie, while the three play on; a player who left still counts; the cap holds across a
    restart (players are kept)."""
    sv = Server(ladder, ["demo", "--max-players", "3"]).start()
    try:
        ps = [Client(sv) for _ in range(3)]
        for k, x in enumerate(ps):
            st, j, raw = x.post("/api/start", {"story": "demo"})
            check(st == 200 and x.cookie, "player %d of 3 joins (got %s %r)" % (k + 1, st, raw[:200]))
        ps[2].post("/api/leave", {})
        x = Client(sv)
        st, j, raw = x.post("/api/start", {"story": "demo"})
        check_error(st, j, raw, 503, "the fourth player past --max-players 3")
        check(x.cookie is None, "the refused player gets no cookie")
        st, msgs = ps[0].play({"name": "Sam"})
        check(st == 200 and scene_of(msgs), "a player who joined before the cap plays on")
        st, j, raw = ps[2].post("/api/start", {"story": "demo", "continue": True})
        check(st == 200, "a player who left comes back at the cap (got %s %r)" % (st, raw[:200]))
        sv.stop()
        sv = Server(ladder, ["demo", "--max-players", "3"], data=sv.data, port=sv.port).start()
        sv.own_data = True
        x = Client(sv)
        st, j, raw = x.post("/api/start", {"story": "demo"})
        check_error(st, j, raw, 503, "the fourth player after a restart")
        ps[1].server = sv
        st, j, raw = ps[1].get("/api/game")
        check(st == 200, "a player of before the restart plays on at the cap (got %s)" % st)
    finally:
        sv.stop()
        sv.cleanup()


# ---------------------------------------------------------------------------------------------
def results_files(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".json"))


def test_participants(ladder, work):
    results = os.path.join(work, "results")
    sv = Server(ladder, ["demo", "--session", "ROOM1", "--results", results]).start()
    try:
        c = Client(sv)
        st, j, raw = c.get("/api/hello")
        check(j.get("session") == "ROOM1" and j.get("participant") is True,
              "/api/hello in a session: ROOM1, participant (got %r)" % j)
        for body in ({"story": "demo"}, {"story": "demo", "anonymous": False},
                     {"story": "demo", "name": None}, {"story": "demo", "name": ""}):
            st, j, raw = c.post("/api/start", body)
            check_error(st, j, raw, 400, "participant start with %s" % json.dumps(body))
            check(c.cookie is None, "a refused participant gets no cookie")
        st, j, raw = c.post("/api/start", {"story": "demo", "name": "Chloé"})
        scene = scene_of((j or {}).get("messages"))
        check(st == 200 and c.cookie and scene, "participant start with a name (got %s %r)" % (st, raw[:200]))
        check(results_files(results) == [], "no results file before the first decision (got %r)" % results_files(results))
        if scene.get("ask_name"):
            scene = scene_of(c.play({"name": "Chloé"})[1])
        scene = choose_next(c, scene)
        files = results_files(results)
        check(len(files) == 1 and "ROOM1" in files[0] and c.cookie[:16] in files[0],
              "one results file after the first decision, named for ROOM1 and the player (got %r)" % files)
        first = files[0] if files else None
        with open(os.path.join(results, first)) as f:
            doc = json.load(f)
        n1 = len(json.dumps(doc))
        scene = choose_next(c, scene)
        files = results_files(results)
        check(files == [first], "the same single file after the second decision (got %r)" % files)
        with open(os.path.join(results, first)) as f:
            doc2 = json.load(f)
        check(len(json.dumps(doc2)) > n1, "the results file grew with the second decision")
        check("Chlo" in json.dumps(doc2, ensure_ascii=False), "the results file names the participant")
        # an anonymous participant
        a = Client(sv)
        st, j, raw = a.post("/api/start", {"story": "demo", "anonymous": True})
        s_a = scene_of((j or {}).get("messages"))
        check(st == 200 and a.cookie, "anonymous participant start (got %s %r)" % (st, raw[:200]))
        if s_a.get("ask_name"):
            s_a = scene_of(a.play({"name": "Nobody"})[1])
        s_a = choose_next(a, s_a)
        anon = [f for f in results_files(results) if a.cookie[:16] in f]
        check(len(anon) == 1 and "anonymous" in anon[0], "the anonymous participant's file (got %r)" % anon)
        # every participant plays the session's seed: the same first scene
        ending, said = play_to_ending(c, scene, keep_messages=True)
        check(ending and ending.get("ending"), "the participant reaches an ending")
        # the participant is told their results are kept, without the server's own folders
        notices = [m.get("message", "") for m in said if m.get("type") == "notice"]
        check(notices == [n for n in notices if results not in n and work not in n],
              "no message to a participant names the server's results folder (got %r)" % notices)
        check(results_files(results).count(first) == 1 and
              len([f for f in results_files(results) if c.cookie[:16] in f]) == 1,
              "still one results file for the participant's game at its ending")
        out = os.path.join(work, "x.html")
        r = subprocess.run([ladder, "report", results, "-o", out], env=sv.env(),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        check(r.returncode == 0 and os.path.getsize(out) > 1000,
              "ladder report reads the results folder (status %s: %s)" % (r.returncode, r.stdout[-300:]))
        html = open(out, encoding="utf-8").read()
        check("ROOM1" in html, "the report names the session ROOM1")
        # play again: a second game, a second file
        st, msgs = c.play({"restart": True})
        s2 = scene_of(msgs)
        if s2 and s2.get("ask_name"):
            s2 = scene_of(c.play({"name": "Chloé"})[1])
        choose_next(c, s2)
        mine = [f for f in results_files(results) if c.cookie[:16] in f]
        check(len(mine) == 2 and first in mine, "play again: a second results file, the first kept (got %r)" % mine)
        # the facilitator: the room and the report
        auth = {"Authorization": "Bearer " + sv.admin}
        st, j, raw = c.call("GET", "/api/room", headers=auth)
        people = {p["id"]: p for p in (j or {}).get("participants", [])}
        check(j.get("session") == "ROOM1" and j.get("results") == results,
              "/api/room: the session and the results folder (got %r)" % {k: j.get(k) for k in ("session", "results")})
        me = people.get(c.cookie[:16], {})
        check(me.get("name") == "Chloé" and me.get("results_file") in mine,
              "/api/room: the participant's name and results file (got %r)" % me)
        an = people.get(a.cookie[:16], {})
        check(an.get("anonymous") is True and an.get("name") is None,
              "/api/room: the anonymous participant has no name (got %r)" % an)
        st, j, raw = c.call("POST", "/api/report", raw=b"{}", headers=auth)
        url = (j or {}).get("url", "")
        check(st == 200 and re.fullmatch(r"/report/[0-9a-f]{32}", url or ""),
              "POST /api/report: a /report/NONCE address (got %s %r)" % (st, raw[:200]))
        st, h, body = sv.request("GET", url)
        check(st == 200 and (one(h, "content-type") or "").startswith("text/html"),
              "GET %s: the report page (got %s %s)" % (url, st, one(h, "content-type")))
        check(b"ROOM1" in body and b"<html" in body.lower(), "the report page is the session's report")
        check_headers(h, "GET /report/NONCE")
        check("script-src" not in (one(h, "content-security-policy") or "script-src"),
              "the report page allows no script (CSP %r)" % one(h, "content-security-policy"))
        for bad in ("0" * 32, url[8:-1] + ("0" if url[-1] != "0" else "1"), url[8:] + "0", "",
                    "../../etc/passwd"):
            st, j, raw = c.get("/report/" + bad)
            check_error(st, j, raw, 404, "GET /report/%s" % bad)
        st, j, raw = c.call("POST", url, raw=b"{}")
        check(st in (404, 405), "POST %s: refused (got %s)" % (url, st))
    finally:
        sv.stop()
        sv.cleanup()


def main():
    work = tempfile.mkdtemp(prefix="ladder-serve-http-")
    t0 = time.time()
    sv = Server(LADDER, ["demo"]).start()
    try:
        test_assets(sv)
        c, scene = test_hello_and_start(sv)
        test_game(sv, c, scene)
        test_bad_requests(sv, c)
        test_cookies(sv, c)
        test_room(sv, c)
        check(sv.alive(), "the server is still running")
        rc = sv.stop()
        check(rc == 0, "SIGTERM stops the server with status 0 (got %s)" % rc)
    finally:
        sv.cleanup()
    test_player_cap(LADDER)
    test_participants(LADDER, work)
    import shutil
    shutil.rmtree(work, ignore_errors=True)
    print("took %.1f s" % (time.time() - t0))
    finish("serve_http")


if __name__ == "__main__":
    main()
