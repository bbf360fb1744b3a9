"""test_browser.py LADDER: `ladder serve`'s web pages in a real browser (issue 13, "Tests").

Headless Chromium, driven by Selenium, clicks like a player:
  player       `ladder serve demo` at 360x740: the story list, Play, the story asks a name, choices
               clicked; a reload resumes the same scene; Undo goes back one decision; Tab to a
               choice and Enter takes it; kill -9 of the server, a click shows "Reconnecting", the
               server starts again and the page shows the same scene by itself (no reload); then
               to an ending: verdict, chart (an svg), "endings found". The same at 1280x800, dark.
               Saved, loaded and left before deciding: Continue resumes the save loaded. The
               Stats explained and Endings dialogs (opened by click and by keyboard) during play
               and at the ending against /api/game's scene: each stat's figures, which way is good
               and description; found endings by title and verdict, the others "Not found yet";
               modal, within the window at both sizes, Esc and Close return the focus.
  room         `--session S --results DIR`: two browsers join (a name; anonymous) and play; the
               facilitator page, opened at the printed #admin= address, lists both and follows a
               new decision by itself (polling); its report button opens the session's report.
  accessibility axe-core (tests/web/node_modules/axe-core, `npm ci --prefix tests/web`), its
               default rules (which include every wcag2a and wcag2aa rule), on the story list, a
               scene, an ending, each dialog open (phone mid-game, desktop at the ending) and the
               facilitator page, each in light and dark: any violation
               fails the test and is printed.
Every wait is an explicit WebDriverWait on what the page shows; nothing asserts after a sleep.
A JavaScript error in a page (an uncaught exception, console.error) fails the test too.
Screenshots go to $LADDER_WEB_SHOTS, or a new temporary folder; the folder is printed.
Needs: python3 with selenium 4, chromium and chromedriver (CHROMIUM, CHROMEDRIVER override).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
AXE_JS = os.path.join(HERE, "node_modules", "axe-core", "axe.min.js")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
WAIT = 15          # seconds: the longest any one step of the page may take
PLAYER = "Morgan"  # the name given when the demo asks

sys.path.insert(0, os.path.join(HERE, "..", "serve"))
from serverlib import check, failures, free_port, passed  # noqa: E402,F401 (the shared checks)


def log(text):
    print(text, flush=True)


# ---------------------------------------------------------------- the server

class Server:
    """One `ladder serve` process on a free loopback port, with a private data folder."""

    def __init__(self, ladder, args, work):
        self.ladder = ladder
        self.args = list(args)
        self.work = work
        os.makedirs(work, exist_ok=True)
        self.port = free_port()
        self.proc = None
        self.base = "http://127.0.0.1:%d" % self.port
        self.facilitator = None
        self.out_path = os.path.join(work, "server.out")

    def start(self, timeout=20):
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.work, "data"),
                   XDG_CONFIG_HOME=os.path.join(self.work, "config"), HOME=self.work, NO_COLOR="1")
        out = open(self.out_path, "a")
        skip = len(self.output())  # a restart appends: read only what this run prints
        self.proc = subprocess.Popen(
            [self.ladder, "serve"] + self.args + ["--listen", "127.0.0.1:%d" % self.port],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=self.work)
        out.close()
        end = time.time() + timeout
        while time.time() < end:
            text = self.output()[skip:]
            url = re.search(r"(http://\S+/facilitator#admin=[0-9a-f]{64})", text)
            if url and "Press Ctrl-C" in text:
                self.facilitator = url.group(1)
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("ladder serve exited with %s:\n%s" % (self.proc.returncode, text))
            time.sleep(0.05)
        raise RuntimeError("ladder serve did not start in %d s:\n%s" % (timeout, self.output()))

    def output(self):
        try:
            with open(self.out_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def kill(self):
        """kill -9, and reap."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


# ---------------------------------------------------------------- the browser

class Browser:
    """One headless Chromium of a given viewport and colour scheme ('light' or 'dark')."""

    def __init__(self, width, height, scheme, shots, tag):
        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-first-run", "--disable-background-networking", "--disable-sync",
                  "--disable-component-update", "--hide-scrollbars",
                  "--window-size=%d,%d" % (width, height)):
            o.add_argument(a)
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)
        self.d.set_script_timeout(60)
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.width, self.shots, self.tag = width, shots, tag
        self.scheme(scheme)

    def scheme(self, scheme):
        """Emulate the system's colour scheme (the pages follow it by default)."""
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.current_scheme = scheme

    def wait(self, cond, what, timeout=WAIT):
        """Wait until cond(driver) is true-ish and return it; raise AssertionError(what) if not."""
        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.05).until(cond)
        except TimeoutException:
            raise AssertionError("%s: not seen within %d s (page: %s)"
                                 % (what, timeout, self.summary()))

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def snap(self):
        """What the player's page shows now: view kind, decision count, scene heading and text."""
        return self.js("""
          var q = function (s) { return document.querySelector(s); };
          var t = function (s) { var e = q(s); return e ? e.textContent.trim() : null; };
          var meta = t('.story-head .meta') || '';
          var m = /Decisions so far: (\\d+)/.exec(meta);
          var b = document.getElementById('banner');
          return {
            list: !!q('.story-list'), start: !!q('.start-form'), askname: !!q('#story-name'),
            game: !!q('.story-head'), ending: !!q('.ending'),
            decision: m ? +m[1] : (/The story begins/.test(meta) ? 0 : null),
            heading: t('#scene-heading'), prose: t('.scene .prose'),
            choices: document.querySelectorAll('.choice:not([disabled])').length,
            busy: document.body.classList.contains('busy'),
            banner: b && !b.hidden ? b.textContent : null,
            alerts: t('#alerts')
          };""")

    def summary(self):
        try:
            s = self.snap()
            if s.get("prose"):
                s["prose"] = s["prose"][:80]
            return repr(s)
        except WebDriverException as e:
            return "(no snapshot: %s)" % e.msg

    def settle(self):
        """Wait until no animation runs (a new scene fades in): what is measured or pictured is
        the page's final look."""
        self.wait(lambda d: d.execute_script(
            "return document.getAnimations().every(function (a) {"
            " return a.playState !== 'running'; })"), "animations finished")

    def shot(self, name):
        self.settle()
        path = os.path.join(self.shots, "%s-%s.png" % (self.tag, name))
        self.d.save_screenshot(path)
        return path

    def console_errors(self):
        """The page's JavaScript errors since the last call (network failures are not counted:
        the server is killed on purpose, and a 404 from /api/game is how 'no game' is told)."""
        out = []
        for e in self.d.get_log("browser"):
            if e.get("level") == "SEVERE" and e.get("source") in ("javascript", "console-api"):
                out.append(e.get("message", "")[:300])
        return out

    def quit(self):
        try:
            for e in self.console_errors():
                check(False, "%s: a JavaScript error in the page: %s" % (self.tag, e))
        except WebDriverException:
            pass
        self.d.quit()


# ---------------------------------------------------------------- playing

def ready_game(b, decision=None):
    """Wait for a scene (or an ending) on screen, not busy; with decision, that count."""
    def cond(_):
        s = b.snap()
        if s["busy"] or not s["game"] or s["askname"]:
            return False
        if decision is not None and not s["ending"] and s["decision"] != decision:
            return False
        return s
    return b.wait(cond, "a scene at decision %s" % decision)


def pick_story(b, title):
    """On the story list, press the Play button of the story titled title."""
    b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".story-list .story-card"), "the story list")
    for card in b.d.find_elements(By.CSS_SELECTOR, ".story-card"):
        if card.find_element(By.TAG_NAME, "h2").text.strip() == title:
            card.find_element(By.XPATH, ".//button[normalize-space()='Play']").click()
            return
    raise AssertionError("no story card titled %r" % title)


def answer_name(b, name):
    """The story asks the player's name: type it and press Enter."""
    field = b.wait(lambda d: d.find_element(By.ID, "story-name")
                   if d.find_elements(By.ID, "story-name") else False, "the story's name question")
    field.send_keys(name + Keys.ENTER)


def choose(b, index=0):
    """Click the index-th open choice and wait for the next scene; returns its snapshot."""
    before = ready_game(b)
    b.d.find_elements(By.CSS_SELECTOR, ".choice:not([disabled])")[index].click()
    return ready_game(b, before["decision"] + 1)


def play_to_ending(b, limit=60):
    for _ in range(limit):
        s = ready_game(b)
        if s["ending"]:
            return s
        choose(b, 0)
    raise AssertionError("no ending after %d choices" % limit)


def check_ending(b, label):
    """The ending shows its verdict, the chart (an svg) and how many endings were found."""
    b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".ending"), "%s: the ending" % label)
    verdict = b.d.find_elements(By.CSS_SELECTOR, ".scene .verdict")
    check(verdict and verdict[0].is_displayed() and verdict[0].text.strip(),
          "%s: the ending shows its verdict" % label)
    chart = b.d.find_elements(By.CSS_SELECTOR, ".ending svg")
    check(chart and chart[0].is_displayed() and
          b.js("return arguments[0].querySelectorAll('path, polyline, line').length", chart[0]) > 0,
          "%s: the ending shows a chart (an svg with lines)" % label)
    gallery = b.d.find_elements(By.CSS_SELECTOR, ".ending .gallery")
    check(gallery and re.search(r"\d+ of \d+ endings found", gallery[0].text),
          "%s: the ending says how many endings were found (%s)"
          % (label, gallery[0].text if gallery else "nothing"))
    check(b.d.find_elements(By.XPATH, "//button[normalize-space()='Play again']"),
          "%s: the ending offers Play again" % label)
    # the end-of-run recap: the run's pivotal decisions (1 to 7), then every decision folded
    heading = b.d.find_elements(By.CSS_SELECTOR, ".debrief-section h2")
    check(heading and heading[0].text == "The decisions that shaped your run",
          "%s: the ending has the recap of pivotal decisions" % label)
    pivotal = b.d.find_elements(By.CSS_SELECTOR, ".debrief-section > ol.debrief > li")
    folded = b.d.find_elements(By.CSS_SELECTOR, ".debrief-section details ol.debrief > li")
    check(1 <= len(pivotal) <= 7 and len(folded) >= len(pivotal),
          "%s: the recap names 1 to 7 pivotal decisions of the %d (%d)"
          % (label, len(folded), len(pivotal)))
    advice = b.d.find_elements(By.CSS_SELECTOR, ".debrief-section > ol.debrief .debrief-advises")
    check(advice and advice[0].text.startswith("The advice:"),
          "%s: a pivotal decision says what the source advises" % label)


def continue_after_load(b):
    """Save, decide once more, load the save, leave before deciding: the story list's Continue
    resumes the save loaded (issue 16, item 7), not the game played before the load."""
    def toolbar(text):
        return b.d.find_element(By.XPATH, "//div[contains(@class,'toolbar')]//button[normalize-space()='%s']" % text)
    saved = ready_game(b)["decision"]
    toolbar("Save").click()
    b.wait(lambda d: d.find_elements(By.ID, "slot-name"), "the save panel")[0].send_keys(
        "before" + Keys.ENTER)
    b.wait(lambda d: "Saved as" in (b.snap()["alerts"] or ""), "the save made")
    choose(b, 0)
    toolbar("Load").click()
    rows = b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".saves-list li"), "the saves listed")
    row = [r for r in rows if r.find_element(By.TAG_NAME, "strong").text == "before"]
    check(row, "the save 'before' is listed")
    row[0].find_element(By.TAG_NAME, "button").click()
    ready_game(b, saved)
    toolbar("Leave").click()
    b.wait(lambda d: d.find_elements(By.XPATH, "//button[normalize-space()='Continue']"),
           "the story list with Continue")[0].click()
    back = ready_game(b)
    check(back["decision"] == saved, "Continue after a load and Leave resumes the save loaded "
          "(decision %s, the save's %d, the game before it %d)" % (back["decision"], saved, saved + 1))


# ---------------------------------------------------------------- Stats explained, Endings

SCENE_NOW = """
var done = arguments[arguments.length - 1];
fetch('/api/game', {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {
  return r.json(); }).then(function (d) {
  var s = null;
  (d.messages || []).forEach(function (m) { if (m.type === 'scene') s = m; });
  done(s); }).catch(function (e) { done(null); });
"""

DIALOG_NOW = """
var d = document.querySelector('dialog.explain');
if (!d || !d.open) return null;
var r = d.getBoundingClientRect(), a = document.activeElement;
return {modal: d.matches(':modal'), name: document.getElementById(d.getAttribute('aria-labelledby')).textContent,
        focus_inside: d.contains(a), focus_text: a ? a.textContent : null,
        left: r.left, top: r.top, right: r.right, bottom: r.bottom,
        width: innerWidth, height: innerHeight, scroll_w: d.scrollWidth, client_w: d.clientWidth,
        items: [].map.call(d.querySelectorAll('.explain-list > li, .explain-endings > li'),
                           function (li) { return li.textContent.replace(/\\s+/g, ' ').trim(); }),
        count: (d.querySelector('.explain-count') || {}).textContent || null,
        close_visible: (function () { var c = d.querySelector('.explain-close').getBoundingClientRect();
                                      return c.top >= r.top && c.bottom <= r.bottom; })()};
"""


def open_dialog(b, button_id, by_keyboard):
    """Open a dialog with its button (a click, or Tab focus and Enter) and return DIALOG_NOW."""
    button = b.d.find_element(By.ID, button_id)
    b.js("arguments[0].scrollIntoView({block: 'center'})", button)
    if by_keyboard:
        b.js("arguments[0].focus()", button)
        b.d.switch_to.active_element.send_keys(Keys.ENTER)
    else:
        button.click()
    return b.wait(lambda d: b.js(DIALOG_NOW), "the dialog of #%s" % button_id)


def check_fits(label, dlg):
    check(dlg["modal"] and dlg["focus_inside"],
          "%s: a modal dialog, the focus inside it (%s)" % (label, dlg["focus_text"]))
    check(dlg["left"] >= 0 and dlg["top"] >= 0 and dlg["right"] <= dlg["width"] and
          dlg["bottom"] <= dlg["height"] and dlg["scroll_w"] <= dlg["client_w"] and
          dlg["close_visible"],
          "%s: the dialog fits the %dx%d window, no sideways scroll, Close in view (%s)"
          % (label, dlg["width"], dlg["height"], dlg))


def close_dialog(b, label, how, button_id):
    """Close the open dialog by Esc or its Close button; the focus returns to button_id."""
    if how == "esc":
        b.d.switch_to.active_element.send_keys(Keys.ESCAPE)
    else:
        b.d.find_element(By.CSS_SELECTOR, "dialog.explain .explain-close").click()
    b.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog.explain"),
           "%s: the dialog closed by %s" % (label, how))
    active = b.js("return document.activeElement.id")
    check(active == button_id, "%s: %s closes it and the focus returns to #%s (%s)"
          % (label, how, button_id, active))


def check_explain(b, label, tag, audited=False):
    """The Stats explained and Endings dialogs on the scene on screen, against the scene the
    JSON protocol gives (/api/game): each stat shown with its figures, which way is good and its
    description; each ending found by title and verdict, the others 'Not found yet'."""
    scene = b.d.execute_async_script(SCENE_NOW)
    check(scene is not None, "%s: /api/game gives the scene" % label)
    if not scene:
        return
    ended = bool(scene.get("ending"))
    dlg = open_dialog(b, "stats-button", by_keyboard=True)
    check(dlg["name"] == "Stats explained", "%s: the dialog is named Stats explained" % label)
    check_fits(label + ", stats", dlg)
    shown = [st for st in scene["stats"] if ended or not st.get("hidden")]
    good = {"high": "higher is better", "low": "lower is better", "neutral": "neither way is better"}
    check(len(dlg["items"]) == len(shown), "%s: one entry per stat shown (%d of %d)"
          % (label, len(dlg["items"]), len(shown)))
    for item, st in zip(dlg["items"], shown):
        want = "%s%d (from %d to %d), %s" % (st["label"], st["value"], st["min"], st["max"],
                                            good[st["good"]])
        check(item.startswith(want) and st.get("description", "") in item,
              "%s: %s explained: figures, %s, its description (%r)"
              % (label, st["label"], good[st["good"]], item[:120]))
    check(any(st.get("description") for st in shown), "%s: the story describes its stats" % label)
    b.shot(tag + "-stats")
    if not audited:
        audit(b, label + ", Stats explained open")
        b.scheme("light" if "phone" in b.tag else "dark")
    close_dialog(b, label + ", stats", "esc", "stats-button")

    dlg = open_dialog(b, "endings-button", by_keyboard=False)
    check(dlg["name"] == "Endings", "%s: the dialog is named Endings" % label)
    check_fits(label + ", endings", dlg)
    gallery = scene.get("gallery") or []
    check(len(gallery) >= 2 and len(dlg["items"]) == len(gallery),
          "%s: every ending of the story listed (%d of %d)" % (label, len(dlg["items"]), len(gallery)))
    found = sum(1 for e in gallery if e["found"])
    check(dlg["count"] == "%d of %d endings found." % (found, len(gallery)),
          "%s: the count (%s)" % (label, dlg["count"]))
    verdicts = {"good": "a good ending", "bad": "a bad ending", "mixed": "a mixed ending"}
    for item, e in zip(dlg["items"], gallery):
        if not e["found"]:
            check(item == "Not found yet", "%s: an ending not found keeps its title back (%r)"
                  % (label, item))
            continue
        want = "%s \u2014 %s" % (e["title"], verdicts[e["verdict"]])
        mine = ended and scene["ending"]["id"] == e["id"]
        check(item == want + (" (this game)" if mine else ""),
              "%s: a found ending by title and verdict%s (%r)"
              % (label, ", this game marked" if mine else "", item))
    b.shot(tag + "-endings")
    if not audited:
        audit(b, label + ", Endings open")
        b.scheme("light" if "phone" in b.tag else "dark")
    close_dialog(b, label + ", endings", "close", "endings-button")
    if ended:  # the ending's own button opens the same list
        dlg = open_dialog(b, "gallery-button", by_keyboard=True)
        check(dlg["name"] == "Endings" and len(dlg["items"]) == len(gallery),
              "%s: the ending's 'See the endings' opens the endings" % label)
        close_dialog(b, label + ", the ending's endings", "esc", "gallery-button")


# ---------------------------------------------------------------- axe-core

AXE_RUN = """
var done = arguments[arguments.length - 1];
var wanted = axe.getRules(['wcag2a', 'wcag2aa']).map(function (x) { return x.ruleId; });
var rules = {};  /* the default rules, and the wcag2a/wcag2aa ones off by default (experimental) */
wanted.forEach(function (id) { rules[id] = {enabled: true}; });
axe.run(document, {resultTypes: ['violations'], rules: rules}).then(function (r) {
  var ran = {};
  ['passes', 'violations', 'incomplete', 'inapplicable'].forEach(function (k) {
    r[k].forEach(function (x) { ran[x.id] = true; });
  });
  done({
    missing: wanted.filter(function (id) { return !ran[id]; }),
    violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
        return n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
      })};
    })
  });
}).catch(function (e) { done({missing: [], violations: [{id: 'axe-error', impact: null,
  help: String(e), nodes: []}]}); });
"""
audits = [0]


def audit(b, label):
    """axe-core's default rules on the page as it is now, in light and then dark."""
    axe = open(AXE_JS).read()
    backgrounds = []
    for scheme in ("light", "dark"):
        b.scheme(scheme)
        backgrounds.append(b.js("return getComputedStyle(document.body).backgroundColor"))
        b.settle()
        if not b.js("return !!window.axe"):
            b.js(axe)
        r = b.d.execute_async_script(AXE_RUN)
        audits[0] += 1
        what = "%s, %s %s" % (label, b.tag, scheme)
        check(not r["missing"], "axe ran every wcag2a/wcag2aa rule on %s (missing: %s)"
              % (what, ", ".join(r["missing"])))
        if check(not r["violations"], "axe: no violations on %s (%d found)"
                 % (what, len(r["violations"]))):
            continue
        for v in r["violations"]:
            log("    %s (%s): %s" % (v["id"], v["impact"], v["help"]))
            for n in v["nodes"]:
                log("        " + n[:400])
    check(backgrounds[0] != backgrounds[1], "%s: the dark theme is not the light one (%s)"
          % (label, " / ".join(backgrounds)))


# ---------------------------------------------------------------- the parts

def part_player(ladder, tmp, shots):
    """The demo at 360x740, light: play, reload, undo, keyboard, kill -9, ending; audits."""
    server = Server(ladder, ["demo"], os.path.join(tmp, "player")).start()
    b = None
    try:
        b = Browser(360, 740, "light", shots, "phone")
        b.d.get(server.base + "/")
        b.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".story-card"), "the story list")
        check(b.d.find_element(By.TAG_NAME, "h1").text == "Choose a story",
              "the first page is the story list")
        b.shot("1-list")
        audit(b, "the story list")
        b.scheme("light")
        pick_story(b, "The Outage")
        answer_name(b, PLAYER)
        s0 = ready_game(b, 0)
        check(s0["choices"] >= 2, "the first scene offers choices (%d)" % s0["choices"])
        s1 = choose(b, 0)
        check(s1["prose"] and s1["prose"] != s0["prose"], "a choice moves to another scene")
        s2 = choose(b, 1 if s1["choices"] > 1 else 0)
        check(s2["decision"] == 2, "two decisions counted")
        b.shot("2-mid")
        continue_after_load(b)  # and back at decision 2, on the same scene

        # a reload resumes the same scene
        b.js("window.__sameDocument = 'yes';")
        b.d.refresh()
        r = ready_game(b)
        check(b.js("return window.__sameDocument") is None, "the page was reloaded")
        check(r["decision"] == 2 and r["prose"] == s2["prose"] and r["heading"] == s2["heading"],
              "a reload resumes the same scene (decision %s)" % r["decision"])

        # Undo: back one decision, to the scene that was on screen then
        b.d.find_element(By.XPATH, "//div[contains(@class,'toolbar')]//button[normalize-space()='Undo']").click()
        u = ready_game(b, 1)
        check(u["prose"] == s1["prose"], "Undo shows the scene of the decision before")

        # the keyboard: Tab from the scene's heading to a choice, Enter takes it
        active = b.d.switch_to.active_element
        for _ in range(12):
            if "choice" in (active.get_attribute("class") or "").split():
                break
            active.send_keys(Keys.TAB)
            active = b.d.switch_to.active_element
        is_choice = "choice" in (active.get_attribute("class") or "").split()
        check(is_choice, "Tab reaches a choice")
        if is_choice:
            ring = b.js("var s = getComputedStyle(arguments[0]);"
                        "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;", active)
            check(ring, "the focused choice has a visible focus ring")
            b.shot("3-keyboard-focus")
            active.send_keys(Keys.ENTER)
            k = ready_game(b, 2)
            check(k["decision"] == 2, "Enter on a choice takes it")

        # kill -9 the server: the page says Reconnecting, then carries on by itself
        before = ready_game(b)
        b.js("window.__sameDocument = 'yes';")
        server.kill()
        b.d.find_elements(By.CSS_SELECTOR, ".choice:not([disabled])")[0].click()
        banner = b.wait(lambda d: d.find_element(By.ID, "banner")
                        if d.find_element(By.ID, "banner").is_displayed() else False,
                        "the Reconnecting banner")
        check("Reconnecting" in banner.text, "the banner says Reconnecting (%s)" % banner.text)
        b.shot("4-reconnecting")
        server.start()
        b.wait(lambda d: not d.find_element(By.ID, "banner").is_displayed(),
               "the banner gone after the server's restart", timeout=25)
        after = ready_game(b)
        check(after["decision"] == before["decision"] and after["prose"] == before["prose"],
              "after the restart the same scene is shown (decision %s, was %s)"
              % (after["decision"], before["decision"]))
        check(b.js("return window.__sameDocument") == "yes", "... without a reload of the page")
        choose(b, 0)  # and the game goes on
        b.js("var d = document.querySelector('.history'); if (d) d.open = true;")
        audit(b, "a scene (history open)")
        b.scheme("light")
        check_explain(b, "phone, a scene", "7")

        play_to_ending(b)
        check_ending(b, "phone")
        check_explain(b, "phone, an ending", "8", audited=True)
        b.js("document.querySelector('.debrief-section').scrollIntoView()")
        b.shot("6-recap")
        b.js("window.scrollTo(0, 0)")
        b.shot("5-ending")
        b.js("var d = document.querySelector('.chart-table'); if (d) d.open = true;")
        audit(b, "an ending")
    finally:
        if b:
            b.quit()
        server.stop()


def part_desktop(ladder, tmp, shots):
    """The demo at 1280x800 in dark: the two-column layout, to an ending; audits."""
    server = Server(ladder, ["demo", "downsized"], os.path.join(tmp, "desktop")).start()
    b = None
    try:
        b = Browser(1280, 800, "dark", shots, "desktop")
        b.d.get(server.base + "/")
        b.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".story-card")) == 2, "two stories")
        b.shot("1-list")
        pick_story(b, "The Outage")
        answer_name(b, PLAYER)
        ready_game(b, 0)
        choose(b, 0)
        choose(b, 0)
        stats = b.d.find_elements(By.CSS_SELECTOR, ".stats-col .stat")
        check(stats and stats[0].is_displayed(), "the stats are shown beside the story")
        b.shot("2-mid")
        audit(b, "a scene")
        b.scheme("dark")
        check_explain(b, "desktop, a scene", "4", audited=True)
        play_to_ending(b)
        check_ending(b, "desktop")
        check_explain(b, "desktop, an ending", "5")
        b.js("window.scrollTo(0, 0)")
        b.shot("3-ending")
        audit(b, "an ending")
        b.scheme("dark")
        # Play again starts the story over
        b.d.find_element(By.XPATH, "//button[normalize-space()='Play again']").click()
        again = b.wait(lambda d: (lambda x: x if x["game"] and not x["ending"] and not x["busy"]
                                  and x["decision"] in (0, None) else False)(b.snap()),
                       "the story again after Play again")
        check(again["decision"] == 0 or again["askname"], "Play again starts over")
    finally:
        if b:
            b.quit()
        server.stop()


def room_rows(b):
    """The facilitator's table: {name: decisions}."""
    return b.js("""
      var out = {};
      document.querySelectorAll('table.participants tbody tr').forEach(function (tr) {
        var name = tr.querySelector('th').textContent.trim();
        var d = tr.querySelector('td.num');
        out[name] = d ? +d.textContent : null;
      });
      return out;""")


def part_room(ladder, tmp, shots):
    """Participant mode: a named and an anonymous browser; the facilitator page follows them."""
    work = os.path.join(tmp, "room")
    results = os.path.join(work, "results")
    server = Server(ladder, ["demo", "--session", "S", "--results", results], work).start()
    people = []
    fac = None
    try:
        # Chloé on a phone, by name; someone on a laptop, anonymously
        a = Browser(360, 740, "light", shots, "room-phone")
        people.append(a)
        a.d.get(server.base + "/")
        field = a.wait(lambda d: d.find_element(By.ID, "player-name")
                       if d.find_elements(By.ID, "player-name") else False, "the join form")
        a.shot("1-join")
        audit(a, "the join form")
        a.scheme("light")
        field.send_keys("Chloé" + Keys.ENTER)
        if a.wait(lambda d: (lambda x: x if x["askname"] or (x["game"] and not x["busy"]) else False)(a.snap()),
                  "Chloé's first scene")["askname"]:
            answer_name(a, "Chloé")
        ready_game(a, 0)
        choose(a, 0)
        choose(a, 0)

        n = Browser(1280, 800, "light", shots, "room-laptop")
        people.append(n)
        n.d.get(server.base + "/")
        n.wait(lambda d: d.find_elements(By.ID, "player-name"), "the join form")
        n.d.find_element(By.XPATH, "//button[normalize-space()='Play anonymously']").click()
        if n.wait(lambda d: (lambda x: x if x["askname"] or (x["game"] and not x["busy"]) else False)(n.snap()),
                  "the anonymous player's first scene")["askname"]:
            answer_name(n, "Alex")
        ready_game(n, 0)
        choose(n, 1)

        fac = Browser(1280, 800, "light", shots, "facilitator")
        fac.d.get(server.facilitator)
        fac.wait(lambda d: room_rows(fac) == {"Chloé": 2, "Anonymous": 1},
                 "the facilitator lists Chloé at 2 decisions and Anonymous at 1")
        check(True, "the facilitator lists both participants")
        check("#admin" not in fac.d.current_url, "the token is taken out of the address bar")
        check(fac.d.find_element(By.ID, "count-joined").text == "2", "the counts say 2 joined")
        # a decision in the room shows up by itself (the page polls)
        choose(n, 0)
        fac.wait(lambda d: room_rows(fac).get("Anonymous") == 2,
                 "the anonymous player's second decision on the facilitator page", timeout=10)
        check(True, "the facilitator page follows a new decision without a reload")
        # Chloé finishes: the endings section fills in
        play_to_ending(a)
        check_ending(a, "participant")
        fac.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#endings .endings-list li"),
                 "an ending reached, on the facilitator page", timeout=10)
        check(fac.d.find_element(By.ID, "count-finished").text == "1", "the counts say 1 finished")
        fac.shot("1-room")
        fac.js("document.getElementById('participants-heading').scrollIntoView()")
        fac.shot("2-participants")
        audit(fac, "the facilitator page")
        fac.scheme("light")

        # the report button: a new tab with the session's report
        fac.d.find_element(By.ID, "make-report").click()
        fac.wait(lambda d: len(d.window_handles) > 1, "the report's tab")
        first = fac.d.current_window_handle
        fac.d.switch_to.window([h for h in fac.d.window_handles if h != first][0])
        fac.wait(lambda d: "/report/" in d.current_url and "Chloé" in d.find_element(By.TAG_NAME, "body").text,
                 "the report, naming Chloé")
        check(True, "the report button opens the session's report")
        fac.shot("3-report")
        fac.d.close()
        fac.d.switch_to.window(first)
        status = fac.d.find_element(By.ID, "report-status").text
        check("report" in status.lower(), "the page says the report was made (%s)" % status)
        check(any(f.endswith(".json") for f in os.listdir(results)), "results files were written")
        # the facilitator's page without the token asks for it
        n.d.get(server.base + "/facilitator")
        n.wait(lambda d: d.find_element(By.ID, "token-problem").is_displayed(),
               "the facilitator page asking for its token")
        check(True, "the facilitator page without a token asks for it")
        audit(n, "the facilitator page without a token")
    finally:
        for p in people + ([fac] if fac else []):
            p.quit()
        server.stop()


def main():
    if len(sys.argv) != 2:
        print("usage: test_browser.py LADDER", file=sys.stderr)
        return 2
    ladder = os.path.abspath(sys.argv[1])
    for what, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)):
        if not path:
            print("%s is missing (apt-get install chromium chromium-driver)" % what)
            return 1
    if not os.path.exists(AXE_JS):
        print("axe-core is missing: npm ci --prefix tests/web")
        return 1
    tmp = tempfile.mkdtemp(prefix="ladder-browser-")
    shots = os.environ.get("LADDER_WEB_SHOTS") or tempfile.mkdtemp(prefix="ladder-web-shots-")
    os.makedirs(shots, exist_ok=True)
    t0 = time.time()
    try:
        for part in (part_player, part_desktop, part_room):
            t = time.time()
            try:
                part(ladder, tmp, shots)
            except (AssertionError, WebDriverException, RuntimeError) as e:
                check(False, "%s stopped: %s" % (part.__name__, e))
                traceback.print_exc()
            log("%s: %.1f s" % (part.__name__, time.time() - t))
    finally:
        if os.environ.get("LADDER_KEEP"):
            log("kept: " + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    log("screenshots: " + shots)
    log("test_browser: %d checks passed, %d failed, %d axe audits, %.1f s"
        % (passed[0], len(failures), audits[0], time.time() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
