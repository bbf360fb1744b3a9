#!/usr/bin/python3
"""serve_load.py LADDER N [STORY] [THINK]: one run of the serve benchmark (tests/bench/serve.sh).

Starts `ladder serve STORY --session BENCH --results DIR` on a free loopback port with a
private data folder, then N simulated participants on asyncio (Python standard library), each
on a keep-alive connection of its own as a browser would hold one: GET /, GET /app.js,
GET /api/hello, POST /api/start with a name, the name when the story asks it, then a random
open choice after a think time of THINK seconds (uniform from 0.3 THINK to 1.7 THINK) until an
ending. Participants join over the first 10 seconds. A facilitator polls GET /api/room every 2 s
with If-None-Match, as the facilitator's page does.

Prints one line of figures as key=value (read by serve.sh): participants, games finished,
requests, errors as STATUS/kind:count (a status other than 200/304, or "dropped"), requests/s
over the run, p50 and p99 latency of every request (ms), the server's CPU seconds (utime +
stime, /proc/PID/stat) and its peak RSS (VmHWM, MB), the results files written, and KIND_p50,
KIND_p99 and KIND_n for each kind of request: page (/ and /app.js), hello, start, play (choices,
and /api/game after a refusal) and room (the facilitator's polls).
"""
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Conn:
    """One keep-alive HTTP/1.1 connection; reconnects when the server closed it."""

    def __init__(self, port):
        self.port = port
        self.r = self.w = None

    async def request(self, method, path, body=None, headers=None):
        """(status, headers dict, body bytes); raises OSError on a dropped connection."""
        for attempt in (0, 1):
            if self.w is None:
                self.r, self.w = await asyncio.open_connection("127.0.0.1", self.port)
            h = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % (method, path, self.port)
            for k, v in (headers or {}).items():
                h += "%s: %s\r\n" % (k, v)
            data = b""
            if body is not None:
                data = json.dumps(body).encode()
                h += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(data)
            try:
                self.w.write(h.encode() + b"\r\n" + data)
                await self.w.drain()
                line = await self.r.readline()
                if not line:
                    raise ConnectionResetError("closed")
                status = int(line.split()[1])
                hd = {}
                while True:
                    l = await self.r.readline()
                    if l in (b"\r\n", b""):
                        break
                    k, _, v = l.decode("latin-1").partition(":")
                    hd[k.strip().lower()] = v.strip()
                n = int(hd.get("content-length", "0"))
                payload = await self.r.readexactly(n) if n else b""
                if hd.get("connection", "").lower() == "close":
                    self.close()
                return status, hd, payload
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                self.close()
                if attempt == 1:
                    raise OSError("connection dropped")
        raise OSError("unreachable")

    def close(self):
        if self.w is not None:
            self.w.close()
        self.r = self.w = None


class Stats:
    def __init__(self):
        self.all = []
        self.kinds = {}  # page, hello, start, play, room: their latencies
        self.errors = {}  # "STATUS/kind": count
        self.finished = 0

    def add(self, kind, dt, status):
        self.all.append(dt)
        self.kinds.setdefault(kind, []).append(dt)
        if status not in (200, 304):
            key = "%s/%s" % (status, kind)
            self.errors[key] = self.errors.get(key, 0) + 1


async def timed(stats, conn, kind, method, path, body=None, headers=None):
    t = time.monotonic()
    try:
        st, hd, data = await conn.request(method, path, body, headers)
    except OSError:
        stats.add(kind, time.monotonic() - t, "dropped")
        return None, {}, None
    stats.add(kind, time.monotonic() - t, st)
    try:
        return st, hd, json.loads(data) if data and hd.get("content-type", "").startswith(
            "application/json") else data
    except ValueError:
        return st, hd, None


def scene_of(j):
    for m in reversed((j or {}).get("messages", []) if isinstance(j, dict) else []):
        if m.get("type") == "scene":
            return m
    return None


async def participant(k, port, story, think, stats, rng, t_end):
    await asyncio.sleep(rng.uniform(0, 10))  # people join over the first ten seconds
    c = Conn(port)
    cookie = None
    try:
        await timed(stats, c, "page", "GET", "/")
        await timed(stats, c, "page", "GET", "/app.js")
        await timed(stats, c, "hello", "GET", "/api/hello")
        st, hd, j = await timed(stats, c, "start", "POST", "/api/start",
                                {"story": story, "name": "P%04d" % k})
        if st != 200:
            return
        cookie = {"Cookie": hd.get("set-cookie", "").split(";")[0]}
        scene = scene_of(j)
        while scene and not scene.get("ending") and time.monotonic() < t_end:
            await asyncio.sleep(rng.uniform(0.3 * think, 1.7 * think))
            if scene.get("ask_name"):
                req = {"name": "P%04d" % k}
            else:
                choices = [ch for ch in scene.get("choices", []) if not ch.get("locked")]
                req = {"choose": rng.choice(choices)["id"]}
            st, hd, j = await timed(stats, c, "play", "POST", "/api/play", req, cookie)
            new = scene_of(j) if st == 200 else None
            if new is None and st == 200:  # refused (an error message): look again
                st, hd, j = await timed(stats, c, "play", "GET", "/api/game", None, cookie)
                new = scene_of(j)
            if new is None:
                await asyncio.sleep(1)
                continue
            scene = new
        if scene and scene.get("ending"):
            stats.finished += 1
    finally:
        c.close()


async def facilitator(port, admin, stats, done):
    c = Conn(port)
    etag = None
    auth = {"Authorization": "Bearer " + admin}
    while not done.is_set():
        h = dict(auth)
        if etag:
            h["If-None-Match"] = etag
        st, hd, j = await timed(stats, c, "room", "GET", "/api/room", None, h)
        if st == 200:
            etag = hd.get("etag")
        try:
            await asyncio.wait_for(done.wait(), 2.0)
        except asyncio.TimeoutError:
            pass
    c.close()


def proc_figures(pid):
    """(CPU seconds, peak RSS in MB) of a running process."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14, 15)
    hwm = 0
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    return cpu, hwm


def pct(v, p):
    if not v:
        return 0.0
    v = sorted(v)
    return 1000 * v[min(len(v) - 1, int(p / 100 * len(v)))]


async def run(n, port, admin, story, think, stats):
    done = asyncio.Event()
    rng = random.Random(n)
    t_end = time.monotonic() + 600
    fac = asyncio.ensure_future(facilitator(port, admin, stats, done))
    await asyncio.gather(*(participant(k, port, story, think, stats,
                                       random.Random(rng.random()), t_end) for k in range(n)))
    done.set()
    await fac


def main():
    ladder = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2])
    story = sys.argv[3] if len(sys.argv) > 3 else "downsized"
    think = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    # the data and results folders: on the disk by default (every decision is fsynced, as in a
    # real room); BENCH_TMP=/dev/shm shows what the server costs without the disk
    work = tempfile.mkdtemp(prefix="ladder-bench-serve-", dir=os.environ.get("BENCH_TMP"))
    results = os.path.join(work, "results")
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"), HOME=work, NO_COLOR="1")
    out = open(os.path.join(work, "server.out"), "w")
    proc = subprocess.Popen([ladder, "serve", story, "--session", "BENCH", "--results", results,
                             "--listen", "127.0.0.1:%d" % port], stdout=out,
                            stderr=subprocess.STDOUT, env=env, cwd=work)
    try:
        admin = None
        for _ in range(200):
            text = open(os.path.join(work, "server.out")).read()
            if "#admin=" in text and "Press Ctrl-C" in text:
                admin = text.split("#admin=")[1][:64]
                break
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        if not admin:
            print("error=the server did not start: " + open(os.path.join(work, "server.out")).read())
            sys.exit(1)
        cpu0, _ = proc_figures(proc.pid)
        stats = Stats()
        t0 = time.monotonic()
        asyncio.run(run(n, port, admin, story, think, stats))
        wall = time.monotonic() - t0
        cpu1, hwm = proc_figures(proc.pid)
        files = len([f for f in os.listdir(results) if f.endswith(".json")]) \
            if os.path.isdir(results) else 0
        errs = ",".join("%s:%d" % kv for kv in sorted(stats.errors.items())) or "none"
        by_kind = " ".join("%s_p50=%.1f %s_p99=%.1f %s_n=%d" % (k, pct(v, 50), k, pct(v, 99), k,
                                                              len(v))
                           for k, v in sorted(stats.kinds.items()))
        print("participants=%d finished=%d requests=%d errors=%s seconds=%.1f rps=%.1f "
              "p50=%.1f p99=%.1f cpu=%.1f rss=%.1f files=%d %s"
              % (n, stats.finished, len(stats.all), errs, wall, len(stats.all) / wall,
                 pct(stats.all, 50), pct(stats.all, 99), cpu1 - cpu0, hwm, files, by_kind))
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
