"""room_load.py LADDER PHONES SECONDS: one run of tests/bench/room.sh. Starts
`ladder workshop demo --phones` on a free loopback port with a private data folder, joins
PHONES phones (one keep-alive connection each, as a browser holds one), then has every phone
vote once at a random moment within SECONDS while a projector polls /api/room/state every
second with If-None-Match, as the page does. Prints one line of KEY=VALUE: votes acknowledged,
votes counted in the tally, the time from the last vote's answer until the projector's next
poll shows the full tally, vote latency p50 and p99, the server's CPU seconds and peak RSS."""
import asyncio
import json
import os
import random
import re
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


async def request(reader, writer, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else b""
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1", "Connection: keep-alive"]
    if body is not None:
        lines += ["Content-Type: application/json", "Content-Length: %d" % len(data)]
    for k, v in (headers or {}).items():
        lines.append("%s: %s" % (k, v))
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    hdrs = {}
    while True:
        line = (await reader.readline()).decode().strip()
        if not line:
            break
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    n = int(hdrs.get("content-length", "0"))
    payload = await reader.readexactly(n) if n else b""
    return status, hdrs, payload


async def phone(port, code, seconds, lat, acked, start):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    st, h, _ = await request(reader, writer, "POST", "/api/room/join", {"code": code})
    cookie = h["set-cookie"].split(";")[0]
    await start.wait()
    await asyncio.sleep(random.uniform(0, seconds))
    t = time.perf_counter()
    st, _, _ = await request(reader, writer, "POST", "/api/room/vote",
                             {"decision": 1, "choice": random.randint(1, 4)},
                             {"Cookie": cookie})
    lat.append(time.perf_counter() - t)
    if st == 200:
        acked.append(time.perf_counter())
    writer.close()


async def projector(port, want, done, result):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    etag = None
    while True:
        hdrs = {"If-None-Match": etag} if etag else {}
        st, h, body = await request(reader, writer, "GET", "/api/room/state", None, hdrs)
        if st == 200:
            etag = h.get("etag")
            voted = json.loads(body)["vote"]["voted"]
            result["voted"] = voted
            if voted >= want and done.is_set():
                result["seen"] = time.perf_counter()
                break
        if done.is_set() and result.get("give_up", 0) < time.perf_counter():
            break
        await asyncio.sleep(1.0)
    writer.close()


def cpu_rss(pid):
    with open("/proc/%d/stat" % pid) as f:
        parts = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(parts[11]) + int(parts[12])) / ticks
    rss = 0
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) / 1024
    return cpu, rss


async def main():
    ladder, phones, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    work = tempfile.mkdtemp(prefix="ladder-room-bench-", dir=os.environ.get("BENCH_TMP"))
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"), HOME=work)
    log = open(os.path.join(work, "log"), "w+")
    proc = subprocess.Popen([ladder, "workshop", "demo", "--phones", "--listen",
                             "127.0.0.1:%d" % port, "--out", os.path.join(work, "out")],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    code = None
    for _ in range(200):
        with open(log.name) as f:
            m = re.search(r"room code ([A-Z0-9]{5})", f.read())
        if m:
            code = m.group(1)
            break
        time.sleep(0.05)
    try:
        if not code:
            print("error=the room did not start")
            return
        lat, acked, result = [], [], {}
        start, done = asyncio.Event(), asyncio.Event()
        tasks = [asyncio.create_task(phone(port, code, seconds, lat, acked, start))
                 for _ in range(phones)]
        await asyncio.sleep(0.5)  # everyone has joined
        while sum(1 for t in tasks if t.done()) == 0 and len(lat) == 0:
            break
        cpu0, _ = cpu_rss(proc.pid)
        proj = asyncio.create_task(projector(port, phones, done, result))
        start.set()
        await asyncio.gather(*tasks)
        done.set()
        result["give_up"] = time.perf_counter() + 10
        await proj
        cpu1, rss = cpu_rss(proc.pid)
        lat.sort()
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0
        settle = (result["seen"] - max(acked)) if "seen" in result and acked else float("nan")
        print("phones=%d acked=%d counted=%d settle=%.2f p50=%.1f p99=%.1f cpu=%.2f rss=%.1f"
              % (phones, len(acked), result.get("voted", 0), settle, p(0.5), p(0.99),
                 cpu1 - cpu0, rss))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


asyncio.run(main())
