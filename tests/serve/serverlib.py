"""serverlib.py: what the `ladder serve` tests share (Python 3 standard library only).

Server  starts `ladder serve` on a free loopback port with a private data folder, waits until it
        listens, and reads the facilitator's token it prints; stop() ends it with SIGTERM,
        kill() with SIGKILL.
Client  one browser: a cookie jar of one cookie (ladder_player) and JSON requests through
        http.client, a new connection per request.
Room    starts `ladder workshop STORY --phones` the same way (room mode with phones), reads the
        room code and the presenter's address it prints, and speaks its routes.
Checks  check(cond, what) counts and reports, so one run lists every failure.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

failures = []
passed = [0]


def check(cond, what):
    """Count a check; print and remember it when it fails. Returns cond."""
    if cond:
        passed[0] += 1
    else:
        failures.append(what)
        print("FAIL: " + what, flush=True)
    return cond


def finish(name):
    """Print the summary and exit 0 when every check passed, else 1."""
    print("%s: %d checks passed, %d failed" % (name, passed[0], len(failures)), flush=True)
    sys.exit(1 if failures else 0)


def free_port():
    """A loopback TCP port nobody listens on right now."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """One `ladder serve` process. args: the stories and options after `serve`."""

    def __init__(self, ladder, args, data=None, port=None):
        self.ladder = os.path.abspath(ladder)
        self.args = list(args)
        self.own_data = data is None
        self.data = data or tempfile.mkdtemp(prefix="ladder-serve-test-")
        self.port = port or free_port()
        self.proc = None
        self.admin = None
        self.out_path = os.path.join(self.data, "server-%d.out" % self.port)

    def env(self):
        e = dict(os.environ)
        e.update(XDG_DATA_HOME=os.path.join(self.data, "data"),
                 XDG_CONFIG_HOME=os.path.join(self.data, "config"),
                 HOME=self.data, NO_COLOR="1")
        return e

    def start(self, timeout=20):
        """Start the server and wait until it answers; returns self."""
        out = open(self.out_path, "w")
        self.proc = subprocess.Popen(
            [self.ladder, "serve"] + self.args + ["--listen", "127.0.0.1:%d" % self.port],
            stdout=out, stderr=subprocess.STDOUT, env=self.env(), cwd=self.data)
        out.close()
        end = time.time() + timeout
        while time.time() < end:
            text = self.output()
            m = re.search(r"#admin=([0-9a-f]{64})", text)
            if m and "Press Ctrl-C" in text:
                self.admin = m.group(1)
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("ladder serve exited with %s:\n%s" % (self.proc.returncode,
                                                                         text))
            time.sleep(0.05)
        raise RuntimeError("ladder serve did not start in %d s:\n%s" % (timeout, self.output()))

    def output(self):
        try:
            with open(self.out_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout=10):
        """SIGTERM, and wait; returns the exit status (SIGKILL after timeout)."""
        if not self.proc:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def kill(self):
        """kill -9, and reap."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def cleanup(self):
        self.kill()
        if self.own_data and not os.environ.get("LADDER_KEEP"):
            shutil.rmtree(self.data, ignore_errors=True)

    def connect(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """One request on a fresh connection: (status, headers as a dict of lists keyed by
        lower-case name, body bytes)."""
        c = self.connect(timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            h = {}
            for k, v in r.getheaders():
                h.setdefault(k.lower(), []).append(v)
            return r.status, h, data
        finally:
            c.close()


class Client:
    """A browser: its cookie and JSON requests."""

    def __init__(self, server, cookie=None):
        self.server = server
        self.cookie = cookie
        self.last_headers = {}

    def call(self, method, path, obj=None, raw=None, ctype="application/json", headers=None):
        """(status, parsed JSON or None, raw body). obj is sent as JSON, raw as it is."""
        h = dict(headers or {})
        body = None
        if obj is not None:
            body = json.dumps(obj).encode()
        elif raw is not None:
            body = raw
        if body is not None and ctype:
            h["Content-Type"] = ctype
        if self.cookie:
            h["Cookie"] = "ladder_player=" + self.cookie
        status, hd, data = self.server.request(method, path, body, h)
        self.last_headers = hd
        for sc in hd.get("set-cookie", []):
            m = re.match(r"ladder_player=([^;]*)", sc)
            if m:
                self.cookie = m.group(1)
        try:
            parsed = json.loads(data.decode("utf-8")) if data else None
        except (UnicodeDecodeError, ValueError):
            parsed = None
        return status, parsed, data

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, obj=None, **kw):
        return self.call("POST", path, obj=obj, **kw)

    def play(self, req):
        """POST /api/play req: (status, messages list)."""
        st, j, _ = self.post("/api/play", req)
        return st, (j or {}).get("messages", []) if isinstance(j, dict) else []


class Room:
    """One `ladder workshop STORY --phones` process on a free loopback port, with a private data
    folder under work and the debrief and journal in work/out. args: options after --phones."""

    def __init__(self, ladder, work, story, args=()):
        self.ladder = os.path.abspath(ladder)
        self.work, self.story, self.args = work, story, list(args)
        os.makedirs(work, exist_ok=True)
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.out = os.path.join(work, "out")
        self.log_path = os.path.join(work, "server.out")
        self.proc = None
        self.presenter = self.admin = self.code = None
        self.text = ""

    def start(self, resume=False, timeout=20):
        """Start (with --continue when resume) and wait until it serves; returns self. self.text
        is what this run printed."""
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.work, "data"),
                   XDG_CONFIG_HOME=os.path.join(self.work, "config"), HOME=self.work,
                   NO_COLOR="1")
        self.skip = len(self.output())  # a restart appends: read only what this run prints
        out = open(self.log_path, "a")
        self.proc = subprocess.Popen(
            [self.ladder, "workshop", self.story, "--phones", "--listen",
             "127.0.0.1:%d" % self.port, "--out", self.out] + self.args +
            (["--continue"] if resume else []),
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=self.work)
        out.close()
        end = time.time() + timeout
        while time.time() < end:
            text = self.output()[self.skip:]
            url = re.search(r"(http://\S+/presenter#admin=([0-9a-f]{64}))", text)
            code = re.search(r"type the room code ([A-Z0-9]{5})", text)
            if url and code and "Ctrl-C stops the server" in text:
                self.presenter, self.admin, self.code = url.group(1), url.group(2), code.group(1)
                self.text = text
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("ladder workshop exited with %s:\n%s"
                                   % (self.proc.returncode, text))
            time.sleep(0.05)
        raise RuntimeError("ladder workshop did not start in %d s:\n%s" % (timeout, self.output()))

    def output(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def request(self, method, path, body=None, cookie=None, admin=False):
        """(status, the JSON answer or None, the Set-Cookie's name=value or None). admin: True
        for the room's token, or a token string (a wrong one, say)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        if cookie:
            headers["Cookie"] = cookie
        if admin:
            headers["Authorization"] = "Bearer " + (admin if isinstance(admin, str) else self.admin)
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            set_cookie = r.getheader("Set-Cookie")
        finally:
            conn.close()
        try:
            payload = json.loads(data) if data else None
        except ValueError:
            payload = None
        return r.status, payload, set_cookie.split(";")[0] if set_cookie else None

    def join(self, code=None):
        """A phone joins: (status, its cookie or None)."""
        st, _, cookie = self.request("POST", "/api/room/join", {"code": code or self.code})
        return st, cookie

    def state(self, cookie=None):
        """What a phone (with cookie) or the projector sees."""
        return self.request("GET", "/api/room/state", cookie=cookie)[1]

    def presenter_state(self):
        return self.request("GET", "/api/room/presenter", admin=True)[1]

    def control(self, **action):
        """A presenter's control: (status, answer, cookie)."""
        return self.request("POST", "/api/room/control", action, admin=True)

    def kill(self):
        """kill -9, and reap."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self, timeout=20):
        """SIGINT (Ctrl-C), and wait; returns the exit status (SIGKILL after timeout). self.text
        becomes all this run printed."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self.text = self.output()[self.skip:]
        return self.proc.returncode if self.proc else None


def scene_of(messages):
    """The last scene message of a list, or None."""
    for m in reversed(messages or []):
        if m.get("type") == "scene":
            return m
    return None


def errors_of(messages):
    return [m for m in messages or [] if m.get("type") == "error"]


def open_choices(scene):
    return [c for c in scene.get("choices", []) if not c.get("locked")]
