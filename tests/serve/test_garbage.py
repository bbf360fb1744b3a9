#!/usr/bin/python3
"""test_garbage.py LADDER: `ladder serve` under garbage, huge and slow clients (issue 13: "Bad
input never crashes, blocks or slows the server for the others").

While a well-behaved client asks GET /api/hello every 50 ms on a fresh connection (its round
trips must stay under 0.5 s, every one answered), the server gets in turn:
  - 300 idle connections opened at the start and left open, and 40 slowloris clients sending a
    header a byte a second, both for the whole run;
  - 200 raw sockets of random bytes (some with a request line first);
  - a request line of 100 KB, 200 headers, one header of 100 KB, a header without a colon, NUL
    bytes, a Content-Length larger than the body sent, a negative or absurd one, broken
    chunked encoding, HTTP/0.9, pipelined requests, a request cut in the middle;
  - bodies of invalid UTF-8 (lone bytes, overlong forms, surrogates, a NUL), JSON nested 10,000
    deep (arrays and objects, to /api/play and /api/start), numbers such as 1e999, NaN,
    2^64 and -0 in choose, duplicate keys, a name of 16 KiB;
each of which must get a 4xx answer or a closed connection, never a 5xx or a hang.
Afterwards the server process is still alive, its idle connections are closed after its idle
timeout (SERVE_IDLE_SECONDS, 30 s), a request on a connection past the cap gets a 503 with a
message while a player's connection opened before is still answered (and, below the cap
again, a new connection a 200), and a full game of the demo still works.
Python 3 standard library only. Prints one line per failed check; exits 1 if any failed.
"""
import json
import os
import random
import re
import resource
import socket
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Client, Server, check, errors_of, finish, open_choices, scene_of  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LADDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/ladder"
LIMIT = 0.5  # seconds a well-behaved round trip may take
IDLE = 300
SLOW = 40
IDLE_TIMEOUT = 30  # serve.h, SERVE_IDLE_SECONDS


class Prober(threading.Thread):
    """The well-behaved client: GET /api/hello every 50 ms; latencies by phase."""

    def __init__(self, sv):
        super().__init__(daemon=True)
        self.sv = sv
        self.phase = "start"
        self.times = {}
        self.failed = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            phase = self.phase
            t = time.monotonic()
            try:
                st, h, body = self.sv.request("GET", "/api/hello", timeout=5)
                ok = st == 200 and b'"welcome"' in body
            except OSError as e:
                ok, st = False, repr(e)
            dt = time.monotonic() - t
            self.times.setdefault(phase, []).append(dt)
            if not ok:
                self.failed.append((phase, st))
            self.stop.wait(0.05)


def raw(sv, data, wait=3.0, shut=False, until_close=False):
    """Send data on a fresh socket; what comes back within wait seconds (the first answer, or
    with until_close everything until the server closes): (status or None, closed by the
    server, bytes read)."""
    s = socket.create_connection(("127.0.0.1", sv.port), timeout=wait)
    got = b""
    closed = False
    try:
        try:
            s.sendall(data)
            if shut:
                s.shutdown(socket.SHUT_WR)
        except OSError:  # the server closed on us while we were sending: a refusal
            closed = True
        end = time.monotonic() + wait
        while not closed and time.monotonic() < end:
            s.settimeout(max(0.01, end - time.monotonic()))
            try:
                b = s.recv(65536)
            except socket.timeout:
                break
            except OSError:
                closed = True
                break
            if not b:
                closed = True
                break
            got += b
            if b"\r\n\r\n" in got and not until_close:
                m = re.search(rb"Content-Length: *(\d+)", got, re.I)
                head, _, rest = got.partition(b"\r\n\r\n")
                if m and len(rest) >= int(m.group(1)):
                    break
    finally:
        s.close()
    m = re.match(rb"HTTP/1\.[01] (\d{3})", got)
    return (int(m.group(1)) if m else None), closed, got


def raw_answer(s, wait=3.0):
    """The first answer on socket s: (status or None, closed, bytes)."""
    got, closed = b"", False
    s.settimeout(wait)
    try:
        while b"\r\n\r\n" not in got:
            b = s.recv(65536)
            if not b:
                closed = True
                break
            got += b
        head, _, rest = got.partition(b"\r\n\r\n")
        m = re.search(rb"Content-Length: *(\d+)", head, re.I)
        while m and len(rest) < int(m.group(1)):
            b = s.recv(65536)
            if not b:
                break
            rest += b
        got = head + b"\r\n\r\n" + rest
    except OSError:
        closed = True
    m = re.match(rb"HTTP/1\.[01] (\d{3})", got)
    return (int(m.group(1)) if m else None), closed, got


def refused(sv, what, data, allow_silence=False, shut=False, wait=3.0):
    """data must be answered with a 4xx or a closed connection (or, with allow_silence, no
    answer yet: the server waits for the rest, which costs it nothing)."""
    t = time.monotonic()
    st, closed, got = raw(sv, data, wait=wait, shut=shut)
    dt = time.monotonic() - t
    ok = (st is not None and 400 <= st < 500) or (st is None and closed) or \
        (st is None and allow_silence)
    check(ok, "%s: a 4xx or a closed connection (got %s, closed %s, %r)" % (what, st, closed,
                                                                            got[:120]))
    check(st is None or st < 500, "%s: never a 5xx (got %s)" % (what, st))
    return st, closed, dt


def post(path, body, ctype="application/json", cookie=None, extra=b""):
    head = b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n" % (
        path.encode(), ctype.encode(), len(body))
    if cookie:
        head += b"Cookie: ladder_player=%s\r\n" % cookie.encode()
    return head + extra + b"Connection: close\r\n\r\n" + body


def play_demo(sv):
    """A full game of the demo by its first open choices; True at an ending."""
    c = Client(sv)
    st, j, _ = c.post("/api/start", {"story": "demo"})
    scene = scene_of((j or {}).get("messages"))
    for _ in range(60):
        if not scene or scene.get("ending"):
            break
        if scene.get("ask_name"):
            scene = scene_of(c.play({"name": "Garbage Survivor"})[1])
            continue
        st, msgs = c.play({"choose": open_choices(scene)[0]["id"]})
        if errors_of(msgs):
            return False
        scene = scene_of(msgs)
    return bool(scene and scene.get("ending"))


def slowloris(sv, stop, socks_out):
    """SLOW clients, each sending a request's headers one byte a second, never finishing."""
    socks = []
    for _ in range(SLOW):
        try:
            s = socket.create_connection(("127.0.0.1", sv.port), timeout=2)
            s.setblocking(False)
            socks.append(s)
        except OSError:
            pass
    socks_out.extend(socks)
    text = b"GET /api/hello HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100000
    k = 0
    while not stop.is_set():
        for s in socks:
            try:
                s.send(text[k:k + 1])
            except OSError:
                pass
        k = min(k + 1, len(text) - 1)
        stop.wait(1.0)


def main():
    t0 = time.time()
    rng = random.Random(13)
    sv = Server(LADDER, ["demo"]).start()
    prober = Prober(sv)
    stop = threading.Event()
    try:
        c = Client(sv)
        c.post("/api/start", {"story": "demo"})
        cookie = c.cookie
        prober.start()
        time.sleep(0.5)

        prober.phase = "idle and slow connections"
        idle = []
        for _ in range(IDLE):
            idle.append(socket.create_connection(("127.0.0.1", sv.port), timeout=2))
        idle_opened = time.monotonic()
        slow_socks = []
        slow = threading.Thread(target=slowloris, args=(sv, stop, slow_socks), daemon=True)
        slow.start()
        time.sleep(2)

        prober.phase = "random bytes"
        socks = []
        for k in range(200):
            s = socket.create_connection(("127.0.0.1", sv.port), timeout=2)
            junk = os.urandom(rng.randint(1, 8192))
            if k % 3 == 0:
                junk = b"POST /api/play HTTP/1.1\r\n" + junk
            elif k % 3 == 1:
                junk = junk + b"\r\n\r\n"
            try:
                s.sendall(junk)
            except OSError:
                pass
            socks.append(s)
        time.sleep(1)
        answers = 0
        for s in socks:
            s.setblocking(False)
            try:
                b = s.recv(4096)
                m = re.match(rb"HTTP/1\.[01] (\d{3})", b)
                if m:
                    answers += 1
                    check(400 <= int(m.group(1)) < 500,
                          "random bytes: a 4xx answer (got %s)" % m.group(1).decode())
            except OSError:
                pass
            s.close()
        print("random bytes: %d of 200 connections answered with an HTTP status" % answers)

        prober.phase = "huge request lines and headers"
        refused(sv, "a request line of 100 KB",
                b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        refused(sv, "a query of 100 KB",
                b"GET /api/hello?" + b"q=1&" * 25000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        refused(sv, "200 headers of 500 bytes",
                b"GET /api/hello HTTP/1.1\r\nHost: x\r\n" +
                b"".join(b"X-H%d: %s\r\n" % (k, b"v" * 500) for k in range(200)) + b"\r\n")
        st, closed, _ = raw(sv, b"GET /api/hello HTTP/1.1\r\nHost: x\r\n" +
                            b"".join(b"X-H%d: v\r\n" % k for k in range(200)) +
                            b"Connection: close\r\n\r\n")
        check(st in (200, 431) or closed, "200 small headers: answered or refused (got %s)" % st)
        refused(sv, "one header of 100 KB",
                b"GET /api/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100000 + b"\r\n\r\n")
        refused(sv, "a cookie of 100 KB",
                b"GET /api/game HTTP/1.1\r\nHost: x\r\nCookie: ladder_player=" + b"c" * 100000 +
                b"\r\n\r\n")
        refused(sv, "a header without a colon",
                b"GET /api/hello HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n")
        refused(sv, "a NUL in the request line", b"GET /api/\x00hello HTTP/1.1\r\nHost: x\r\n\r\n")
        refused(sv, "HTTP/0.9", b"GET /\r\n\r\n", allow_silence=True)
        refused(sv, "an unknown protocol", b"GET / SPDY/9\r\nHost: x\r\n\r\n")
        st, closed, _ = raw(sv, b"GET /api/hello HTTP/1.1\r\nConnection: close\r\n\r\n")
        check(st in (200, 400) or closed, "no Host in HTTP/1.1: answered or refused (got %s)" % st)
        refused(sv, "a Content-Length over the cap",
                post("/api/play", b'{"choose":1}', extra=b"")[:-len(b'{"choose":1}')]
                .replace(b"Content-Length: 12", b"Content-Length: 99999999999"), shut=True)
        refused(sv, "a negative Content-Length",
                post("/api/play", b'{"choose":1}').replace(b"Content-Length: 12",
                                                           b"Content-Length: -5"))
        refused(sv, "a Content-Length of junk",
                post("/api/play", b'{"choose":1}').replace(b"Content-Length: 12",
                                                           b"Content-Length: 1x2"))
        refused(sv, "two Content-Lengths",
                post("/api/play", b'{"choose":1}', extra=b"Content-Length: 3\r\n"))
        refused(sv, "a body shorter than its Content-Length, then closed",
                post("/api/play", b'{"choose":1}', cookie=cookie).replace(
                    b"Content-Length: 12", b"Content-Length: 900"), shut=True, allow_silence=True)
        refused(sv, "broken chunked encoding",
                b"POST /api/play HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
        refused(sv, "a chunk size of 2^64",
                b"POST /api/play HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\n{}\r\n0\r\n\r\n")
        # pipelined: three requests in one packet, three answers
        st, closed, got = raw(sv, b"GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n" * 2 +
                              b"GET /api/hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                              wait=2, until_close=True)
        check(got.count(b"HTTP/1.1 200") == 3, "three pipelined requests: three answers (got %d)"
              % got.count(b"HTTP/1.1 200"))
        # requests cut off in the middle
        for k in (5, 20, 60):
            s = socket.create_connection(("127.0.0.1", sv.port))
            s.sendall(post("/api/play", b'{"choose":1}', cookie=cookie)[:k])
            s.close()

        prober.phase = "bad bodies"
        bodies = [
            ("a lone continuation byte", b'{"name":"\x80"}'),
            ("a lone lead byte", b'{"name":"\xc3"}'),
            ("an overlong slash", b'{"load":"\xc0\xafetc"}'),
            ("an overlong NUL", b'{"name":"a\xc0\x80b"}'),
            ("a UTF-8 surrogate", b'{"name":"\xed\xa0\x80"}'),
            ("a code point over U+10FFFF", b'{"name":"\xf4\x90\x80\x80"}'),
            ("0xFF bytes", b'\xff\xfe{"choose":1}'),
            ("a NUL byte", b'{"choose":1}\x00{"undo":true}'),
            ("an escaped NUL", b'{"name":"a\\u0000b"}'),
            ("a lone escaped surrogate", b'{"name":"\\ud800"}'),
            ("Latin-1", '{"name":"Chlo\xe9"}'.encode("latin-1")),
            ("UTF-16", '{"choose":1}'.encode("utf-16")),
            ("arrays nested 10,000 deep", b'{"choose":' + b"[" * 10000 + b"]" * 10000 + b"}"),
            ("objects nested 10,000 deep", b'{"choose":' + b'{"a":' * 10000 + b"1" +
             b"}" * 10000 + b"}"),
            ("nesting 10,000 deep never closed", b"[" * 10000),
            ("nested 2,700 deep, whole body",
             b'{"a":' * 2700 + b"1" + b"}" * 2700),
            ("choose 1e999", b'{"choose":1e999}'),
            ("choose -1e999", b'{"choose":-1e999}'),
            ("choose 1e-999", b'{"choose":1e-999}'),
            ("choose NaN", b'{"choose":NaN}'),
            ("choose Infinity", b'{"choose":Infinity}'),
            ("choose 2^64", b'{"choose":18446744073709551617}'),
            ("choose 2^31", b'{"choose":2147483648}'),
            ("choose -0", b'{"choose":-0}'),
            ("choose 0", b'{"choose":0}'),
            ("choose true", b'{"choose":true}'),
            ("choose null", b'{"choose":null}'),
            ("choose an object", b'{"choose":{}}'),
            ("choose a 10 KB id", b'{"choose":"' + b"x" * 10000 + b'"}'),
            ("duplicate keys", b'{"choose":1,"choose":2}'),
            ("a name of 16 KiB", b'{"name":"' + b"n" * (16 * 1024 - 11) + b'"}'),
            ("save to a path", b'{"save":"../../../../tmp/x"}'),
            ("trailing junk", b'{"look":true} junk'),
        ]
        for what, body in bodies:
            for path in ("/api/play", "/api/start"):
                t = time.monotonic()
                st, closed, got = raw(sv, post(path, body, cookie=cookie), wait=5)
                dt = time.monotonic() - t
                text = got.partition(b"\r\n\r\n")[2]
                ok = st is not None and (400 <= st < 500 or (
                    st == 200 and path == "/api/play" and b'"type":"error"' in text
                    and b'"type":"scene"' not in text))
                check(ok, "%s to %s: a 4xx or an error message (got %s %r)"
                      % (what, path, st, text[:150]))
                check(dt < 2, "%s to %s: answered in %.2f s" % (what, path, dt))
                try:
                    text.decode("utf-8")
                    json.loads(text)
                except (UnicodeDecodeError, ValueError):
                    check(False, "%s to %s: the answer is JSON in UTF-8 (got %r)"
                          % (what, path, text[:150]))
        st, j, _ = c.get("/api/game")
        g = scene_of((j or {}).get("messages"))
        check(g and g["decision"] == 0 and g.get("ask_name"),
              "the garbage did not move the cookie's game (got %r)" % (g or {}).get("decision"))

        prober.phase = "a game among the slow and idle"
        check(play_demo(sv), "a full game while the slow and idle clients hang on")

        # the idle connections are closed by the server after its idle timeout
        prober.phase = "waiting for the idle timeout"
        wait = idle_opened + IDLE_TIMEOUT + 2 - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        closed = 0
        for s in idle:
            s.settimeout(0.01)
            try:
                closed += s.recv(1) == b""
            except socket.timeout:
                pass
            except OSError:
                closed += 1
            s.close()
        check(closed == IDLE, "the server closed the %d idle connections after %d s (closed %d)"
              % (IDLE, IDLE_TIMEOUT, closed))
        slow_closed = 0
        for s in slow_socks:
            try:
                slow_closed += s.recv(1) == b""
            except BlockingIOError:
                pass
            except OSError:
                slow_closed += 1
        print("slowloris: %d of %d connections sending a byte a second were closed within %d s "
              "(their header reached %d bytes)" % (slow_closed, len(slow_socks),
                                                   IDLE_TIMEOUT + 2, IDLE_TIMEOUT + 2))
        stop.set()
        slow.join(5)
        for s in slow_socks:
            s.close()

        # the connection cap: a connection past SERVE_MAX_CONNECTIONS (read from serve.h) gets a
        # clear 503; a player whose connection was open before is still answered; service comes
        # back as soon as connections close
        with open(os.path.join(HERE, "..", "..", "engine", "tools", "serve", "serve.h")) as f:
            cap = int(re.search(r"#define SERVE_MAX_CONNECTIONS (\d+)", f.read()).group(1))
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < cap + 200:  # this process holds them all
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, cap + 200), hard))
        prober.phase = "at the connection cap"
        time.sleep(0.3)  # the prober's last connection closed
        hold = []
        player = sv.connect()
        try:
            player.request("GET", "/api/hello")
            r = player.getresponse()
            r.read()
            for _ in range(cap - 1):  # with the player's: the cap
                hold.append(socket.create_connection(("127.0.0.1", sv.port), timeout=2))
            time.sleep(0.3)
            prober.phase = "past the connection cap"
            hold.append(socket.create_connection(("127.0.0.1", sv.port), timeout=2))  # cap + 1
            hold[-1].sendall(b"GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n")
            st, closed, got = raw_answer(hold[-1])
            check(st == 503 and b"connections" in got,
                  "a request on connection %d: 503 with a message (got %s %r)"
                  % (cap + 1, st, got[:120]))
            player.request("GET", "/api/hello")
            r = player.getresponse()
            body = r.read()
            check(r.status == 200, "a player's connection opened before the cap was reached is "
                  "still answered when another connection goes past it (got %s %r)"
                  % (r.status, body[:120]))
        except OSError as e:
            check(False, "%d connections at once (the test's own file limit?): %r" % (cap, e))
        finally:
            player.close()
            for s in hold[:100]:
                s.close()
        time.sleep(0.3)
        st, j, raw_body = Client(sv).get("/api/hello")
        check(st == 200, "with %d connections open again: 200 (got %s)" % (cap - 100, st))
        for s in hold[100:]:
            s.close()
        for phase in ("at the connection cap", "past the connection cap"):  # refused, rightly
            prober.times.pop(phase, None)
            prober.failed = [f for f in prober.failed if f[0] != phase]

        prober.phase = "after"
        time.sleep(0.5)
        check(sv.alive(), "the server process is alive after the garbage")
        check(play_demo(sv), "a full game of the demo after the garbage")
    finally:
        stop.set()
        prober.stop.set()
        prober.join(10)
        code = sv.stop()
        sv.cleanup()
    check(code == 0, "SIGTERM stops the server with status 0 afterwards (got %s)" % code)

    print("well-behaved GET /api/hello round trips, by phase (limit %.1f s):" % LIMIT)
    worst = 0
    for phase, ts in prober.times.items():
        ts = sorted(ts)
        worst = max(worst, ts[-1])
        print("  %-36s %4d requests  median %6.1f ms  max %6.1f ms"
              % (phase, len(ts), 1000 * ts[len(ts) // 2], 1000 * ts[-1]))
    check(not prober.failed, "every well-behaved request was answered (failed: %r)"
          % prober.failed[:5])
    check(worst < LIMIT, "every well-behaved round trip under %.1f s (worst %.3f s)" % (LIMIT, worst))
    print("took %.1f s" % (time.time() - t0))
    finish("serve_garbage")


if __name__ == "__main__":
    main()
