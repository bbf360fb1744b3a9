/* Ladder's projector page (`ladder workshop STORY --phones`, /projector): for a 1920x1080 screen
   read from the back of a room. Polls GET /api/room/state every second and shows the scene, the
   room's question, one bar per choice with its count and share (never names), how many joined
   and voted, the join address, room code and QR code, a countdown that turns into an alert at
   zero, and the ending. Which of scene / votes is shown follows the room (S, V, A keys override). */
(function () {
  'use strict';

  var Ladder = window.Ladder, Room = window.LadderRoom;
  var el = Ladder.el, clear = Ladder.clear;
  var POLL_MS = 1000;

  var st = null;
  var mode = 'auto';          /* 'auto', 'scene' or 'vote': the S / V / A keys */
  var shownScene = null;      /* the scene key on screen */
  var choicesKey = null;
  var lastPhase = null;
  var wasZero = false;
  var clock = Room.clock();
  var announce = Room.announcer('announcer');
  var alertNow = Room.announcer('alerter');

  function $(id) { return document.getElementById(id); }

  function onData(data) {
    st = data;
    clock.update(st.timer);
    render();
  }

  /* ---------- which view ---------- */

  /* Automatic: the scene while the room reads it; the question and the bars once the timer
     starts, half the phones have voted, or the vote has closed. */
  function view(s, phase) {
    if (phase === 'ended') return 'ending';
    if (mode !== 'auto') return mode;
    var v = s.vote || {};
    if (phase === 'closed' || clock.left() !== null) return 'vote';
    if (phase === 'open' && v.voted > 0 && v.voted * 2 >= (v.joined || 0)) return 'vote';
    return 'scene';
  }

  function render() {
    var s = st;
    $('loading').hidden = true;
    $('pj-body').hidden = false;
    $('pj-title').textContent = s.title || 'Ladder';
    document.title = (s.title || 'The room') + ' \u2013 projector';
    var where = [];
    if (s.chapter && !s.ended) where.push(s.chapter);
    if (!s.ended && s.decision) where.push('Decision ' + s.decision);
    $('pj-where').textContent = where.join(' \u00b7 ');

    var decided = $('pj-decided');
    var phase = Room.phase(s);
    var v = view(s, phase);
    if (s.decided && v === 'scene') {
      clear(decided);
      decided.appendChild(el('span', { class: 'pj-decided-label' }, 'The room chose: '));
      decided.appendChild(el('strong', null, s.decided.text));
      decided.hidden = false;
    } else {
      decided.hidden = true;
    }

    $('pj-scene').hidden = v !== 'scene';
    $('pj-vote').hidden = v !== 'vote';
    $('pj-ending').hidden = v !== 'ending';
    $('pj-mode').textContent = mode === 'auto' ? 'automatic' : mode === 'scene' ? 'the scene' : 'the votes';
    renderScene(s);
    renderVote(s, phase);
    renderEnding(s);
    renderSide(s);
    announceChanges(s, phase);
    tick();
    window.requestAnimationFrame(fit);
  }

  /* Many or long choices: tighter spacing first, then (only then) smaller bar text; what still
     does not fit scrolls (arrow keys). */
  function fit() {
    var sec = $('pj-vote');
    var bars = $('pj-bars');
    if (sec.hidden) return;
    var key = choicesKey + ':' + window.innerWidth + 'x' + window.innerHeight;
    if (sec.getAttribute('data-fit') === key) return;
    sec.setAttribute('data-fit', key);
    sec.classList.remove('tight', 'tighter');
    function over() { return bars.scrollHeight > bars.clientHeight + 1; }
    if (over()) sec.classList.add('tight');
    if (over()) sec.classList.add('tighter');
    bars.tabIndex = over() ? 0 : -1;
  }

  function renderScene(s) {
    var key = Room.sceneKey(s);
    $('pj-scene-question').textContent = s.question || '';
    $('pj-scene-question').hidden = !s.question;
    if (key !== shownScene) {
      shownScene = key;
      mode = 'auto';
      Room.paragraphs($('pj-prose'), s.paragraphs);
      $('pj-scroll').scrollTop = 0;
    }
    window.requestAnimationFrame(moreCue);
  }

  function moreCue() {
    var box = $('pj-scroll');
    $('pj-more').hidden = $('pj-scene').hidden || box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
  }

  function renderVote(s, phase) {
    $('pj-question').textContent = s.question || 'What should the room do?';
    var vs = $('pj-vote-state');
    vs.className = 'pj-vote-state ' + phase;
    vs.textContent = phase === 'open' ? 'Vote now on your phone' : phase === 'closed' ? 'Vote closed' : phase === 'ended' ? '' : 'The vote opens soon';

    var choices = s.choices || [];
    var key = s.decision + ':' + choices.map(function (c) { return c.text; }).join('|');
    var list = $('pj-bars');
    if (key !== choicesKey) {
      choicesKey = key;
      clear(list);
      choices.forEach(function (c) {
        list.appendChild(el('li', { class: 'pj-bar', 'data-n': c.n }, [
          el('span', { class: 'pj-n', 'aria-hidden': 'true' }, String(c.n)),
          el('div', { class: 'pj-bar-main' }, [
            el('span', { class: 'pj-bar-text' }, c.text),
            el('span', { class: 'bar pj-bar-track', 'aria-hidden': 'true' }, el('span', { class: 'bar-fill pj-bar-fill' }))
          ]),
          el('span', { class: 'pj-bar-figures' }, [
            el('span', { class: 'pj-bar-count' }, '0'),
            el('span', { class: 'pj-bar-share' }, '0%')
          ])
        ]));
      });
    }
    var counts = (s.vote && s.vote.counts) || [];
    var voted = (s.vote && s.vote.voted) || 0;
    var most = Math.max.apply(null, [0].concat(counts));
    list.querySelectorAll('.pj-bar').forEach(function (li, i) {
      var n = counts[i] || 0;
      var share = voted ? Math.round((100 * n) / voted) : 0;
      li.querySelector('.pj-bar-count').textContent = String(n);
      li.querySelector('.pj-bar-share').textContent = share + '%';
      li.querySelector('.pj-bar-fill').style.width = (voted ? (100 * n) / voted : 0).toFixed(1) + '%';
      li.classList.toggle('leading', phase === 'closed' && most > 0 && n === most);
    });
  }

  var VERDICT_ICON = { good: '\u2713', bad: '\u2717', mixed: '\u223c' };

  function renderEnding(s) {
    if (!s.ended) return;
    var e = s.ending;
    $('pj-ending-title').textContent = e ? e.title : 'The session has ended';
    var v = $('pj-verdict');
    clear(v);
    if (e && e.verdict) {
      v.appendChild(el('span', { class: 'verdict pj-verdict verdict-' + e.verdict }, [
        el('span', { 'aria-hidden': 'true' }, (VERDICT_ICON[e.verdict] || '') + ' '), 'A ' + e.verdict + ' ending']));
    } else if (!e) {
      v.textContent = 'Thank you for playing together.';
    }
    $('pj-lesson').textContent = (e && e.lesson) || '';
  }

  function renderSide(s) {
    var v = s.vote || {};
    $('pj-joined').textContent = String(v.joined || 0);
    $('pj-voted').textContent = String(v.voted || 0);
    $('pj-voted').parentNode.hidden = !!s.ended;
    $('pj-timer').hidden = !!s.ended;
    var join = (s.join || window.location.origin + '/room').replace(/^https?:\/\//, '');
    $('pj-join-url').textContent = join;
    $('pj-code').textContent = s.room_code || '';
    $('pj-qr').alt = 'QR code: scan it to join room ' + (s.room_code || '');
  }

  function announceChanges(s, phase) {
    var key = s.decision + ':' + phase;
    if (key === lastPhase) return;
    var prev = lastPhase;
    lastPhase = key;
    if (prev === null) return;
    if (phase === 'ended') { announce(s.ending ? 'The ending: ' + s.ending.title + '.' : 'The session has ended.'); return; }
    var text = [];
    if (prev.split(':')[0] !== String(s.decision)) {
      if (s.decided) text.push('The room chose: ' + s.decided.text + '.');
      text.push('Decision ' + s.decision + '.');
    }
    if (phase === 'open') text.push('The vote is open.');
    if (phase === 'closed') text.push('Vote closed: ' + Room.tallySentence(s) + '.');
    if (text.length) announce(text.join(' '));
  }

  /* ---------- the countdown ---------- */

  function tick() {
    if (!st) return;
    var box = $('pj-timer');
    var left = clock.left();
    var label = $('pj-timer-label');
    var digits = $('pj-timer-digits');
    var zero = left === 0 && !st.ended;
    if (left === null || st.ended) {
      digits.textContent = clock.total() ? Room.mmss(clock.total()) : '\u2013:\u2013\u2013';
      label.textContent = st.ended ? '' : 'timer not started';
    } else {
      digits.textContent = Room.mmss(left);
      label.textContent = zero ? 'Time' : 'left to talk it over';
    }
    box.className = 'pj-timer' + (left === null || st.ended ? ' idle' : '') + (zero ? ' zero' : '') + (left !== null && left > 0 && left <= 10 ? ' ending-soon' : '');
    if (zero && !wasZero) alertNow('Time is up.');
    wasZero = zero;
  }

  /* ---------- keys ---------- */

  function onKey(ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var k = ev.key.toLowerCase();
    var box = $('pj-scroll');
    if (k === 's' || k === 'v' || k === 'a') {
      mode = k === 's' ? 'scene' : k === 'v' ? 'vote' : 'auto';
      if (st) render();
      return;
    }
    if (k === 'f') {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () { /* refused */ });
      return;
    }
    if (!$('pj-vote').hidden) box = $('pj-bars');
    else if ($('pj-scene').hidden) return;
    if (document.activeElement === box) return;
    var page = box.clientHeight * 0.8;
    var by = { arrowdown: 80, arrowup: -80, pagedown: page, pageup: -page, ' ': ev.shiftKey ? -page : page }[k];
    if (by !== undefined) { ev.preventDefault(); box.scrollBy({ top: by, behavior: 'smooth' }); }
    else if (k === 'home') { ev.preventDefault(); box.scrollTop = 0; }
    else if (k === 'end') { ev.preventDefault(); box.scrollTop = box.scrollHeight; }
  }

  function init() {
    var poller = Room.poller({
      url: '/api/room/state', ms: POLL_MS, onData: onData,
      onRefused: function (r) {
        $('loading').hidden = false;
        $('loading').textContent = (r.data && r.data.error) || 'The server answered ' + r.status + '.';
        return true;
      }
    });
    $('pj-scroll').addEventListener('scroll', moreCue);
    window.addEventListener('resize', function () { moreCue(); fit(); });
    document.addEventListener('keydown', onKey);
    window.setInterval(tick, 250);
    poller.now();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
