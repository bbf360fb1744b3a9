"""test_room_browser.py LADDER: room mode with phones (`ladder workshop demo --phones`, issue 14)
in real browsers.

Headless Chromium, driven by Selenium: the projector page at 1920x1080, the presenter page
(opened at the printed #admin= address) at 1280x800 and three phones at 360x740, each its own
browser (its own cookie, so its own participant), plus 20 phones simulated over HTTP.
  joining    a wrong room code shows an error; the right one, typed (in lower case, with
             spaces and a dash), shows the room
  voting     a phone votes by tapping and changes its vote; the projector's bars show the
             counts cast and shares that add up, and "N joined, M voted"
  timer      the presenter starts a 4 s timer; the projector counts down and alerts at zero
  decisions  the vote closed (the phones show it); the majority taken (the phones show the
             room's choice); a tie broken on the presenter page; a rewind from its timeline
  crash      kill -9 mid-vote, `--continue`: the phones show Reconnecting, then the same
             decision with their vote still marked, without a reload
  the end    the story's ending on phones, projector and presenter; End the session; the
             presenter names the debrief and the participants' handout written beside it
  sizes      on the projector at 1920x1080: the body text's cap height >= 36 px and the timer's
             digits >= 120 px, measured in the page's computed font (canvas text metrics)
  axe-core   test_browser.py's audit (every wcag2a/wcag2aa rule) of the phone (join form,
             voting, closed, ending), the projector and the presenter, in light and dark
Every wait is an explicit WebDriverWait on what the pages show; nothing asserts after a sleep.
A JavaScript error in a page fails the test. Screenshots: $LADDER_WEB_SHOTS or a temporary folder
(printed). Needs what test_browser.py needs (its helpers are imported from it).
"""
import glob
import os
import shutil
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import test_browser as tb  # noqa: E402  (the Browser, check, audit helpers)
import serverlib  # noqa: E402  (test_browser put tests/serve on the path)
from test_browser import Browser, audit, check, log  # noqa: E402

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

STORY = "demo"
HTTP_PHONES = 20


# ---------------------------------------------------------------- the server

class Room(serverlib.Room):
    """serverlib's room-mode server, with a phone's vote over HTTP counted as a check."""

    def __init__(self, ladder, work):
        super().__init__(ladder, work, STORY)

    def vote(self, cookie, decision, choice):
        st, body, _ = self.request("POST", "/api/room/vote",
                                   {"decision": decision, "choice": choice}, cookie=cookie)
        return check(st == 200, "an HTTP phone's vote %d at decision %d is counted (%d %s)"
                     % (choice, decision, st, body))


# ---------------------------------------------------------------- the pages

class Page(Browser):
    """test_browser's Browser, with a summary of a room page for failed waits."""

    def summary(self):
        try:
            return repr(self.js("""
              var b = document.getElementById('banner');
              return {banner: b && !b.hidden ? b.textContent : null,
                      text: document.body.innerText.replace(/\\s+/g, ' ').slice(0, 400)};"""))
        except WebDriverException as e:
            return "(no snapshot: %s)" % e.msg


PHONE_JS = """
  var $ = function (id) { return document.getElementById(id); };
  var shown = function (e) { return !!e && !e.hidden && e.getClientRects().length > 0; };
  var b = $('banner');
  var buttons = [].slice.call(document.querySelectorAll('button.room-choice'));
  return {
    join: shown($('join')), room: shown($('room')),
    error: shown($('join-error')) ? $('join-error').textContent : null,
    meta: $('story-meta').textContent, title: $('story-title').textContent,
    decided: shown($('decided')) ? $('decided').textContent : null,
    question: shown($('question')) ? $('question').textContent : null,
    choices: buttons.map(function (x) {  /* the option's own words, not the hidden "Option 1:" */
      return [].filter.call(x.querySelector('.choice-body').childNodes, function (t) { return t.nodeType === 3; })
        .map(function (t) { return t.textContent; }).join('').trim(); }),
    pressed: buttons.filter(function (x) { return x.getAttribute('aria-pressed') === 'true'; })
                    .map(function (x) { return +x.getAttribute('data-n'); }),
    enabled: buttons.filter(function (x) { return !x.disabled; }).length,
    results: buttons.map(function (x) { return x.querySelector('.choice-result').textContent; }),
    phase: $('vote-state').className.replace('vote-state', '').trim(),
    voteState: $('vote-state').textContent, tally: $('tally').textContent,
    voteError: shown($('vote-error')) ? $('vote-error').textContent : null,
    banner: shown(b) ? b.textContent : null,
    ending: shown($('ending')) ? $('ending-title').textContent : null
  };"""

PROJECTOR_JS = """
  var $ = function (id) { return document.getElementById(id); };
  var shown = function (e) { return !!e && !e.hidden && e.getClientRects().length > 0; };
  var b = $('banner');
  return {
    where: $('pj-where').textContent, scene: shown($('pj-scene')), vote: shown($('pj-vote')),
    ending: shown($('pj-ending')) ? $('pj-ending-title').textContent : null,
    decided: shown($('pj-decided')) ? $('pj-decided').textContent : null,
    question: $('pj-question').textContent,
    bars: [].map.call(document.querySelectorAll('#pj-bars .pj-bar'), function (li) {
      return {n: +li.getAttribute('data-n'), text: li.querySelector('.pj-bar-text').textContent,
              count: li.querySelector('.pj-bar-count').textContent,
              share: li.querySelector('.pj-bar-share').textContent,
              width: li.querySelector('.pj-bar-fill').style.width}; }),
    joined: $('pj-joined').textContent, voted: $('pj-voted').textContent,
    joinedLabel: $('pj-joined').parentNode.innerText.replace(/\\s+/g, ' ').trim(),
    votedLabel: $('pj-voted').parentNode.innerText.replace(/\\s+/g, ' ').trim(),
    timer: {digits: $('pj-timer-digits').textContent, label: $('pj-timer-label').textContent,
            cls: $('pj-timer').className, bg: getComputedStyle($('pj-timer')).backgroundColor},
    alerter: $('alerter').textContent, code: $('pj-code').textContent,
    banner: shown(b) ? b.textContent : null
  };"""

PRESENTER_JS = """
  var $ = function (id) { return document.getElementById(id); };
  var shown = function (e) { return !!e && !e.hidden && e.getClientRects().length > 0; };
  return {
    room: shown($('room')), where: $('pr-where').textContent, status: $('pr-status').textContent,
    summary: $('tally-summary').textContent, result: $('control-result').textContent,
    error: shown($('control-error')) ? $('control-error').textContent : null,
    tie: shown($('tie')) ? $('tie-text').textContent : null,
    tieButtons: [].map.call(document.querySelectorAll('#tie-buttons button'), function (x) { return x.textContent; }),
    timer: $('timer-now').textContent, busy: document.body.classList.contains('busy'),
    rewinds: [].map.call(document.querySelectorAll('.pr-rewind'), function (x) { return x.textContent; }),
    confirm: shown($('confirm')) ? $('confirm-text').textContent : null,
    ending: shown($('ending')) ? $('ending-title').textContent : null,
    files: shown($('debrief-files')) ? $('debrief-files').textContent : null,
    lesson: $('lesson').textContent, discuss: $('discuss').textContent
  };"""


def phone(b):
    return b.js(PHONE_JS)


def projector(b):
    return b.js(PROJECTOR_JS)


def presenter(b):
    return b.js(PRESENTER_JS)


def wait_phone(b, cond, what, timeout=tb.WAIT):
    return b.wait(lambda _: (lambda s: s if cond(s) else False)(phone(b)), what, timeout)


def wait_projector(b, cond, what, timeout=tb.WAIT):
    return b.wait(lambda _: (lambda s: s if cond(s) else False)(projector(b)), what, timeout)


def wait_presenter(b, cond, what, timeout=tb.WAIT):
    return b.wait(lambda _: (lambda s: s if cond(s) else False)(presenter(b)), what, timeout)


def click_control(pr, element_id):
    """Click one of the presenter's buttons once it is enabled (not while a control is busy)."""
    btn = pr.wait(lambda d: (lambda e: e if e.is_enabled() and e.is_displayed() else False)(
        d.find_element(By.ID, element_id)), "the presenter's #%s enabled" % element_id)
    btn.click()


def tap(b, n):
    """The phone taps option n (once the vote is open there)."""
    btn = b.wait(lambda d: (lambda e: e if e.is_enabled() else False)(
        d.find_element(By.CSS_SELECTOR, "button.room-choice[data-n='%d']" % n)),
        "%s: option %d can be tapped" % (b.tag, n))
    btn.click()
    return wait_phone(b, lambda s: s["pressed"] == [n] and not s["voteError"],
                      "%s: option %d marked as its vote" % (b.tag, n))


def join_phone(b, code, base):
    b.d.get(base + "/room")
    field = b.wait(lambda d: (lambda e: e if e.is_displayed() else False)(
        d.find_element(By.ID, "code-input")), "%s: the join form" % b.tag)
    field.clear()
    field.send_keys(code.lower() + Keys.ENTER)  # typed in lower case: the page upper-cases it


def expect_tally(room, pj, pr, counts, joined, what):
    """The projector's bars show counts (and shares that add up), 'joined' and 'voted'; the
    presenter and a phone say the same."""
    voted = sum(counts)
    want = [str(c) for c in counts]
    s = wait_projector(pj, lambda s: [x["count"] for x in s["bars"]] == want
                       and s["voted"] == str(voted) and s["joined"] == str(joined),
                       "%s: the projector's bars show %s, %d joined, %d voted"
                       % (what, want, joined, voted))
    check(True, "%s: the projector's bars show the counts cast %s" % (what, want))
    shares = [int(x["share"].rstrip("%")) for x in s["bars"]]
    check(all(sh == round(100 * c / voted) for sh, c in zip(shares, counts)) and
          99 <= sum(shares) <= 101, "%s: the shares %s add up (%d%%)" % (what, shares, sum(shares)))
    widths = [float(x["width"].rstrip("%")) for x in s["bars"]]
    check(abs(sum(widths) - 100) < 0.5 and all(abs(w - 100.0 * c / voted) < 0.1
                                                for w, c in zip(widths, counts)),
          "%s: the bars' lengths are the shares (%s)" % (what, widths))
    check(s["joinedLabel"] == "%d joined" % joined and s["votedLabel"] == "%d voted" % voted,
          "%s: the projector says '%s, %s'" % (what, s["joinedLabel"], s["votedLabel"]))
    api = room.presenter_state()["vote"]
    check(api["counts"] == counts and api["voted"] == voted and api["joined"] == joined,
          "%s: the server counted the same (%s)" % (what, api))
    wait_presenter(pr, lambda p: p["summary"].startswith("%d of %d voted" % (voted, joined)),
                   "%s: the presenter says %d of %d voted" % (what, voted, joined))
    return s


# ---------------------------------------------------------------- text sizes

MEASURE_JS = """
var done = arguments[arguments.length - 1];
var sel = arguments[0];
document.fonts.ready.then(function () {
  var ctx = document.createElement('canvas').getContext('2d');
  var out = {};
  Object.keys(sel).forEach(function (name) {
    var node = document.querySelector(sel[name][0]);
    if (!node) { out[name] = null; return; }
    var cs = getComputedStyle(node);
    ctx.font = [cs.fontStyle, cs.fontWeight, cs.fontSize, cs.fontFamily].join(' ');
    if ('letterSpacing' in ctx) ctx.letterSpacing = cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing;
    var text = sel[name][1] || node.textContent.trim();
    var m = ctx.measureText(text);
    /* the same text's width in the page, to show the canvas drew it in the page's font */
    var r = document.createRange();
    r.selectNodeContents(node);
    var box = r.getBoundingClientRect();
    out[name] = {px: m.actualBoundingBoxAscent, fontSize: cs.fontSize,
                 family: cs.fontFamily.split(',')[0], shown: node.getClientRects().length > 0,
                 canvasWidth: m.width, pageWidth: sel[name][1] ? null : box.width,
                 boxHeight: box.height};
  });
  done(out);
});"""

# name: (selector, text measured: 'H' for a cap height, None for the element's own text)
BODY_TEXT = {"scene text": (".pj-prose p", "H"), "question under the scene": ("#pj-scene-question", "H")}
VOTE_TEXT = {"question": ("#pj-question", "H"), "a choice's text": (".pj-bar-text", "H"),
             "a count": (".pj-bar-count", "H"), "joined count": (".pj-count-n", "H"),
             "room code": ("#pj-code", "H")}
# smaller labels beside the body text: measured and printed, not held to the 36 px
LABEL_TEXT = {"'joined'/'voted' label": (".pj-count-label", "H"),
              "vote state": ("#pj-vote-state", "H"), "join address": ("#pj-join-url", "H")}
TIMER_TEXT = {"timer digits": ("#pj-timer-digits", None)}


def measure(pj, sel, least, what):
    """Measure sel's text on the projector; each below least pixels fails (least None: print)."""
    r = pj.d.execute_async_script(MEASURE_JS, sel)
    for name, m in sorted(r.items()):
        if not check(m is not None and m["shown"], "%s: the projector shows its %s" % (what, name)):
            continue
        log("  %s %s: %.1f px (font %s %s%s)" % (what, name, m["px"], m["fontSize"], m["family"],
            ", %.1f px wide in the canvas, %.1f in the page" % (m["canvasWidth"], m["pageWidth"])
            if m["pageWidth"] else ""))
        check(least is None or m["px"] >= least, "%s: the %s is %.1f px high at 1920x1080 (at least %s)"
              % (what, name, m["px"], least))
        if m["pageWidth"]:
            check(abs(m["canvasWidth"] - m["pageWidth"]) <= 0.02 * m["pageWidth"],
                  "%s: measured in the page's own font (%s: %.0f px wide in the canvas, %.0f in "
                  "the page)" % (what, name, m["canvasWidth"], m["pageWidth"]))
    return r


# ---------------------------------------------------------------- the session

def session(ladder, tmp, shots):
    room = Room(ladder, os.path.join(tmp, "room")).start()
    pages = []
    try:
        log("room %s at %s" % (room.code, room.base))
        pj = Page(1920, 1080, "light", shots, "projector")
        pages.append(pj)
        pj.d.get(room.base + "/projector")
        pr = Page(1280, 800, "light", shots, "presenter")
        pages.append(pr)
        pr.d.get(room.presenter)
        phones = []
        for i in range(3):
            phones.append(Page(360, 740, "light", shots, "phone%d" % (i + 1)))
            pages.append(phones[-1])
        p1, p2, p3 = phones

        # ---- joining: a wrong code shows an error, the right one the room
        p1.d.get(room.base + "/room")
        field = p1.wait(lambda d: (lambda e: e if e.is_displayed() else False)(
            d.find_element(By.ID, "code-input")), "the phone's join form")
        wrong = "ZZZZ2" if room.code != "ZZZZ2" else "YYYY3"
        field.send_keys(wrong + Keys.ENTER)
        s = wait_phone(p1, lambda s: s["error"], "the wrong code's error on the phone")
        check(s["join"] and not s["room"], "a wrong room code keeps the phone on the join form (%s)"
              % s["error"])
        p1.shot("1-wrong-code")
        audit(p1, "the phone's join form (a wrong code's error)")
        p1.scheme("light")
        for b in phones:
            if b is not p1:
                join_phone(b, room.code, room.base)
            else:
                field = p1.d.find_element(By.ID, "code-input")
                field.clear()  # typed as read off a wall: spaces, a dash (issue 17)
                c = room.code.lower()
                field.send_keys(" " + c[:2] + " - " + c[2:] + " " + Keys.ENTER)
        for b in phones:
            s = wait_phone(b, lambda s: s["room"] and s["question"], "%s: the room after joining" % b.tag)
        check(s["title"] == "The Outage" and not s["error"], "a phone joins by typing the room code")
        st = room.presenter_state()
        d1 = st["decision"]
        choices = [c["text"] for c in st["choices"]]
        check(s["choices"] == choices, "the phone shows the decision's choices (%s)" % s["choices"])
        check(len(choices) >= 3, "decision %d has three options or more" % d1)

        # the presenter, from the printed address
        p = wait_presenter(pr, lambda p: p["room"] and room.code in p["where"], "the presenter's room")
        check("#admin" not in pr.d.current_url, "the presenter's token is taken off the address bar")
        check(p["lesson"] == st.get("lesson") and p["discuss"] in (st.get("discuss"), st.get("question")),
              "the presenter shows the decision's lesson and discuss question")

        # the projector before any vote: the scene, measured
        wait_projector(pj, lambda s: s["scene"] and s["code"] == room.code and s["joined"] == "3",
                       "the projector's scene, the room code and 3 joined")
        pj.shot("1-scene")
        measure(pj, BODY_TEXT, 36, "cap height")

        # ---- voting: tap, change; 20 more phones over HTTP, 18 of them vote
        if not st["vote"]["open"]:
            click_control(pr, "open-vote")
        wait_phone(p1, lambda s: s["phase"] == "open" and s["enabled"] == len(choices), "the vote open on the phone")
        tap(p1, 1)
        tap(p1, 2)
        check(True, "a phone votes by tapping and changes its vote")
        tap(p2, 1)
        tap(p3, 3)
        cookies = []
        for i in range(HTTP_PHONES):
            status, _, cookie = room.request("POST", "/api/room/join", {"code": room.code})
            check(status == 200 and cookie, "HTTP phone %d joins (%d)" % (i, status))
            cookies.append(cookie)
        pattern = [1, 2, 2, 3, 1, 2]
        counts = [0] * len(choices)
        counts[0], counts[1], counts[2] = 1, 1, 1
        for i, c in enumerate(cookies[:18]):
            room.vote(c, d1, pattern[i % 6])
            counts[pattern[i % 6] - 1] += 1
        joined = 3 + HTTP_PHONES
        s = expect_tally(room, pj, pr, counts, joined, "decision %d" % d1)
        check(s["vote"], "the projector shows the votes once most of the room voted")
        s = wait_phone(p1, lambda s: s["tally"].startswith("%d of %d" % (sum(counts), joined)),
                       "the phone's '%d of %d have voted'" % (sum(counts), joined))
        p1.shot("2-voted")
        audit(p1, "the phone, voting")
        p1.scheme("light")
        pj.shot("2-votes")
        measure(pj, VOTE_TEXT, 36, "cap height")
        measure(pj, LABEL_TEXT, None, "cap height (a label)")

        # ---- the timer: 3 s from the presenter; the projector counts down and alerts at zero
        running = projector(pj)["timer"]
        field = pr.d.find_element(By.ID, "timer-seconds")
        field.clear()
        field.send_keys("4")
        click_control(pr, "start-timer")
        seen = set()

        def counting(_):
            t = projector(pj)["timer"]
            if "idle" not in t["cls"] and "zero" not in t["cls"]:
                seen.add(t["digits"])
            return len(seen) >= 2 and t
        pj.wait(counting, "the projector counting down from 0:04")
        check(seen <= {"0:04", "0:03", "0:02", "0:01"}, "the countdown shows %s" % sorted(seen))
        measure(pj, TIMER_TEXT, 120, "height")
        t = wait_projector(pj, lambda s: "zero" in s["timer"]["cls"], "the timer at zero", timeout=8)
        check(t["timer"]["digits"] == "0:00" and t["timer"]["label"] == "Time",
              "at zero the projector shows 0:00 and 'Time' (%s, %s)"
              % (t["timer"]["digits"], t["timer"]["label"]))
        check(t["timer"]["bg"] != running["bg"], "the timer's box changes colour at zero (%s, was %s)"
              % (t["timer"]["bg"], running["bg"]))
        wait_projector(pj, lambda s: s["alerter"] == "Time is up.", "'Time is up.' in the alert region")
        pj.shot("3-time-up")
        wait_phone(p1, lambda s: "Time is up" in s["voteState"], "'Time is up' on the phone")
        wait_presenter(pr, lambda p: p["timer"] == "Time is up.", "'Time is up.' on the presenter")

        # ---- the vote closed: the phones show it, with each option's votes
        click_control(pr, "close-vote")
        for b in phones:
            s = wait_phone(b, lambda s: s["phase"] == "closed" and s["enabled"] == 0,
                           "%s: the vote closed" % b.tag)
        check(s["results"][1].startswith("%d votes" % counts[1]),
              "a closed vote shows each option's votes on the phone (%s)" % s["results"])
        p1.shot("3-closed")
        audit(p1, "the phone, the vote closed")
        p1.scheme("light")
        audit(pj, "the projector, the votes")
        pj.scheme("light")

        # ---- the majority: the phones show the room's choice
        click_control(pr, "majority")
        winner = choices[counts.index(max(counts))]
        for b in phones:
            s = wait_phone(b, lambda s: s["decided"] and winner in s["decided"]
                           and "Decision %d" % (d1 + 1) in s["meta"],
                           "%s: the room's choice (%s)" % (b.tag, winner))
        check(True, "the presenter takes the majority and the phones show the room's choice")
        wait_projector(pj, lambda s: s["decided"] and winner in s["decided"], "the room's choice on the projector")
        p2.shot("4-room-chose")

        # ---- decision 2: a tie, broken on the presenter page
        d2 = d1 + 1
        st = room.presenter_state()
        if not st["vote"]["open"]:
            click_control(pr, "open-vote")
        tap(p1, 1)
        tap(p2, 2)
        for i, c in enumerate(cookies[:10]):
            room.vote(c, d2, 1 + i % 2)
        wait_presenter(pr, lambda p: p["summary"].startswith("12 of %d voted; a tie" % joined),
                       "the presenter's tally, 12 voted in a tie")
        click_control(pr, "majority")
        p = wait_presenter(pr, lambda p: p["tie"] and len(p["tieButtons"]) == 2, "the tie put to the presenter")
        check("options 1 and 2" in p["tie"] and "6 votes each" in p["tie"],
              "the presenter is told of the tie (%s)" % p["tie"])
        pr.shot("1-tie")
        audit(pr, "the presenter, a tie")
        pr.scheme("light")
        pr.d.find_elements(By.CSS_SELECTOR, "#tie-buttons button")[1].click()
        second = st["choices"][1]["text"]
        wait_presenter(pr, lambda p: "Decision %d" % (d2 + 1) in p["where"], "decision %d on the presenter" % (d2 + 1))
        for b in phones:
            wait_phone(b, lambda s: s["decided"] and second in s["decided"], "%s: the tie's pick" % b.tag)
        check(True, "a tie is broken on the presenter page; the phones show the pick")
        tl = room.presenter_state()["timeline"]
        check(tl[-1].get("counts") == [6, 6] + [0] * (len(tl[-1].get("counts") or []) - 2),
              "the timeline keeps the tie's votes (%s)" % tl[-1].get("counts"))

        # ---- a rewind from the presenter's timeline, to decision 2
        btn = pr.wait(lambda d: [x for x in d.find_elements(By.CSS_SELECTOR, ".pr-rewind")
                                 if x.text.startswith("Rewind to %d" % d2) and x.is_enabled()],
                      "the timeline's 'Rewind to %d'" % d2)[0]
        pr.js("arguments[0].scrollIntoView({block: 'center'})", btn)
        btn.click()
        p = wait_presenter(pr, lambda p: p["confirm"], "the rewind asked first")
        check(p["confirm"].startswith("Rewind the room to decision %d" % d2),
              "the presenter asks before rewinding (%s)" % p["confirm"])
        pr.d.find_element(By.ID, "confirm-yes").click()
        wait_presenter(pr, lambda p: "Decision %d" % d2 in p["where"] and not p["busy"],
                       "the presenter back at decision %d" % d2)
        for b in phones:
            wait_phone(b, lambda s: "Decision %d" % d2 in s["meta"], "%s: back at decision %d" % (b.tag, d2))
        check(True, "a rewind from the presenter's timeline takes the phones back")
        pr.shot("2-rewound")

        # ---- kill -9 mid-vote, then --continue: the phones reconnect by themselves
        st = room.presenter_state()
        if not st["vote"]["open"]:
            click_control(pr, "open-vote")
        mine = {p1: 1, p2: 2, p3: 1}
        for b, n in mine.items():
            tap(b, n)
        for i, c in enumerate(cookies[:8]):
            room.vote(c, d2, 1 + i % 2)
        before = room.presenter_state()["vote"]
        check(before["voted"] == 11, "11 voted before the kill (%s)" % before)
        for b in phones:
            wait_phone(b, lambda s: s["tally"].startswith("11 of %d" % joined),
                       "%s: '11 of %d have voted' before the kill" % (b.tag, joined))
        for b in phones:
            b.js("window.__sameDocument = 'yes';")
        room.kill()
        for b in phones:
            s = wait_phone(b, lambda s: s["banner"], "%s: the Reconnecting banner" % b.tag)
            check("Reconnecting" in s["banner"], "%s says Reconnecting (%s)" % (b.tag, s["banner"]))
        p1.shot("5-reconnecting")
        s = wait_projector(pj, lambda s: s["banner"], "the projector's Reconnecting banner")
        check("Reconnecting" in s["banner"], "the projector says Reconnecting (%s)" % s["banner"])
        room.start(resume=True)
        for b in phones:
            s = wait_phone(b, lambda s: not s["banner"] and "Decision %d" % d2 in s["meta"],
                           "%s: the banner gone after --continue" % b.tag, timeout=25)
            check(s["pressed"] == [mine[b]] and s["phase"] == "open",
                  "%s: the same decision, its vote %d still marked (%s)" % (b.tag, mine[b], s["pressed"]))
            check(b.js("return window.__sameDocument") == "yes", "%s: ... without a reload" % b.tag)
        after = room.presenter_state()["vote"]
        check(after["counts"] == before["counts"] and after["voted"] == 11,
              "every vote cast before the kill is counted (%s, was %s)" % (after, before))
        wait_projector(pj, lambda s: not s["banner"] and s["voted"] == "11",
                       "the projector back, 11 voted", timeout=25)
        tap(p3, 2)  # a vote changed after the restart, without joining again
        check(True, "a phone changes its vote after the restart")
        p3.shot("6-after-restart")

        # ---- the end: the majority, then picks to an ending; End the session
        wait_presenter(pr, lambda p: "Decision %d" % d2 in p["where"] and not p["error"],
                       "the presenter back after --continue", timeout=25)
        click_control(pr, "majority")
        wait_presenter(pr, lambda p: "Decision %d" % (d2 + 1) in p["where"] or p["ending"],
                       "the majority at decision %d" % d2)
        for _ in range(15):
            st = room.presenter_state()
            if st["ended"]:
                break
            status, _, _ = room.request("POST", "/api/room/control", {"action": "pick", "choice": 1},
                                        admin=True)
            check(status == 200, "the presenter's pick (%d)" % status)
        title = st["ending"]["title"] if st.get("ending") else None
        check(title, "the story reached an ending (%s)" % title)
        for b in phones:
            s = wait_phone(b, lambda s: s["ending"] == title, "%s: the ending %s" % (b.tag, title))
        check(True, "the phones show the ending")
        wait_projector(pj, lambda s: s["ending"] == title, "the projector's ending")
        wait_presenter(pr, lambda p: p["ending"] and title in p["ending"], "the presenter's ending")
        p1.shot("7-ending")
        pj.shot("4-ending")
        audit(p1, "the phone, the ending")
        audit(pj, "the projector, the ending")
        click_control(pr, "end-session")
        wait_presenter(pr, lambda p: p["confirm"], "the end asked first")
        pr.d.find_element(By.ID, "confirm-yes").click()
        p = wait_presenter(pr, lambda p: "debrief" in p["result"], "the presenter's 'debrief written'")
        handouts = glob.glob(os.path.join(room.out, "*-handout.html"))
        check(len(handouts) == 1, "the participants' handout beside the debrief (%s)" % handouts)
        files = wait_presenter(pr, lambda p: p["files"], "the presenter's ending card names the files")
        check(handouts and handouts[0] in files["files"] and "Handout for the participants" in files["files"],
              "the presenter names where the handout is (%s)" % files["files"])
        pr.shot("3-ended")
        audit(pr, "the presenter, ended")
        mds = glob.glob(os.path.join(room.out, "*.md"))
        check(len(mds) == 1, "one debrief written (%s)" % mds)
        md = open(mds[0]).read() if mds else ""
        check("Votes: %s (%d voted" % (", ".join(map(str, counts)), sum(counts)) in md,
              "the debrief has decision %d's tally %s" % (d1, counts))
    finally:
        for b in pages:
            b.quit()
        room.stop()


def main():
    if len(sys.argv) != 2:
        print("usage: test_room_browser.py LADDER", file=sys.stderr)
        return 2
    ladder = os.path.abspath(sys.argv[1])
    for what, path in (("chromium", tb.CHROMIUM), ("chromedriver", tb.CHROMEDRIVER)):
        if not path:
            print("%s is missing (apt-get install chromium chromium-driver)" % what)
            return 1
    if not os.path.exists(tb.AXE_JS):
        print("axe-core is missing: npm ci --prefix tests/web")
        return 1
    tmp = tempfile.mkdtemp(prefix="ladder-room-browser-")
    shots = os.environ.get("LADDER_WEB_SHOTS") or tempfile.mkdtemp(prefix="ladder-room-shots-")
    os.makedirs(shots, exist_ok=True)
    t0 = time.time()
    try:
        try:
            session(ladder, tmp, shots)
        except (AssertionError, WebDriverException, RuntimeError) as e:
            check(False, "the session stopped: %s" % e)
            traceback.print_exc()
    finally:
        if os.environ.get("LADDER_KEEP"):
            log("kept: " + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    log("screenshots: " + shots)
    log("test_room_browser: %d checks passed, %d failed, %d axe audits, %.1f s"
        % (tb.passed[0], len(tb.failures), tb.audits[0], time.time() - t0))
    return 1 if tb.failures else 0


if __name__ == "__main__":
    sys.exit(main())
