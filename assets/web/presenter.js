/* Ladder's presenter page (`ladder workshop STORY --phones`, /presenter#admin=TOKEN): the
   facilitator's laptop. Polls GET /api/room/presenter every second with the token and shows the
   decision's lesson and discuss question, the live tally, notes kept in this browser per
   decision, the scene, the timeline of decisions (scrollable), and every control through
   POST /api/room/control: open / close the vote, take the majority, break a tie, pick outright,
   start the timer, rewind to an earlier decision, end the session (both confirmed first). */
(function () {
  'use strict';

  var Ladder = window.Ladder, Room = window.LadderRoom;
  var el = Ladder.el, clear = Ladder.clear;
  var POLL_MS = 1000;
  var TOKEN_KEY = 'ladder.room.admin';

  var token = Ladder.adminToken(TOKEN_KEY);
  var st = null;
  var poller = null;
  var busy = false;
  var clock = Room.clock();
  var notesKey = null;
  var notesTimer = null;
  var timelineLength = -1;
  var confirmAction = null;
  var secondsTouched = false;
  var tieAsked = null;     /* the decision at which 'majority' met a tie */

  function $(id) { return document.getElementById(id); }

  /* ---------- the token: from #admin=TOKEN, kept for this tab only (as facilitator.js) ---------- */

  function auth() { return token ? { Authorization: 'Bearer ' + token } : null; }

  function showTokenProblem(refused) {
    if (refused) { try { window.sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ } }
    token = null;
    if (poller) poller.stop();
    $('loading').hidden = true;
    $('room').hidden = true;
    $('token-message').textContent = refused
      ? 'The server refused this token: it may be from an earlier run. Open the presenter address that ladder workshop printed when it started, or paste its token here.'
      : 'Open this page from the presenter address that ladder workshop printed when it started (it ends in #admin= and a token), or paste the token here.';
    $('token-problem').hidden = false;
  }

  /* ---------- rendering ---------- */

  function onData(data) {
    st = data;
    clock.update(st.timer);
    render();
  }

  function render() {
    var s = st;
    $('loading').hidden = true;
    $('token-problem').hidden = true;
    $('room').hidden = false;
    $('pr-title').textContent = s.title || 'The room';
    document.title = (s.title || 'The room') + ' \u2013 presenter';
    var where = [];
    if (s.chapter) where.push(s.chapter);
    if (!s.ended && s.decision) where.push('Decision ' + s.decision);
    if (s.room_code) where.push('room ' + s.room_code);
    $('pr-where').textContent = where.join(' \u00b7 ');

    renderControls(s);
    renderTally(s);
    renderEnding(s);
    $('teaching').hidden = !!s.ended;
    $('discuss').textContent = s.discuss || s.question || 'This decision has no discuss question.';
    $('lesson').textContent = s.lesson || 'This decision has no lesson.';
    renderNotes(s);
    Room.paragraphs($('scene-text'), s.paragraphs);
    $('scene').hidden = !(s.paragraphs && s.paragraphs.length);
    renderTimeline(s);
    $('room-code').textContent = s.room_code || '';
    $('join-url').textContent = s.join || '';
    var v = s.vote || {};
    $('counts').textContent = Room.plural(v.joined || 0, 'phone has', 'phones have') + ' joined.';
    tick();
  }

  function renderControls(s) {
    var phase = Room.phase(s);
    var open = !!(s.vote && s.vote.open);
    var deciding = !s.ended && s.choices && s.choices.length > 0;
    var v = s.vote || {};
    var status = s.ended ? (s.ending ? 'The story has ended.' : 'The session has ended.')
      : !deciding ? 'No decision to vote on.'
      : open ? 'The vote is open: ' + v.voted + ' of ' + v.joined + ' voted.'
      : phase === 'closed' ? 'The vote is closed: ' + v.voted + ' voted. Take the majority or pick.'
      : 'The vote is not open yet.';
    var ps = $('pr-status');
    ps.textContent = status;
    ps.className = 'pr-status ' + phase;
    $('open-vote').disabled = busy || !deciding || open;
    $('close-vote').disabled = busy || !deciding || !open;
    $('majority').disabled = busy || !deciding || !v.voted;
    /* the next step is the one drawn as primary */
    var next = !deciding ? null : !open && !v.voted ? 'open-vote' : open ? 'close-vote' : 'majority';
    ['open-vote', 'close-vote', 'majority'].forEach(function (id) { $(id).classList.toggle('primary', id === next); });
    $('start-timer').disabled = busy || s.ended;
    $('vote-buttons').hidden = !!s.ended;
    $('timer-form').hidden = !!s.ended;
    $('end-session').disabled = busy || (s.ended && !s.ending);
    var secs = $('timer-seconds');
    if (!secondsTouched && document.activeElement !== secs && s.timer && s.timer.total) secs.value = String(s.timer.total);

    /* a tie is offered once the vote is closed, or when the majority was asked for */
    var tie = s.tie && s.tie.length > 1 && deciding && v.voted && (!open || tieAsked === s.decision) ? s.tie : null;
    $('tie').hidden = !tie;
    if (tie) {
      $('tie-text').textContent = 'A tie: options ' + tie.join(' and ') + ' have ' + Room.plural(Math.max.apply(null, v.counts || [0]), 'vote', 'votes') + ' each. Pick one:';
      var key = tie.join(',');
      var box = $('tie-buttons');
      if (box.getAttribute('data-key') !== key + ':' + s.decision) {
        box.setAttribute('data-key', key + ':' + s.decision);
        clear(box);
        tie.forEach(function (n) {
          box.appendChild(el('button', { type: 'button', class: 'primary', onclick: function () { control({ action: 'pick', choice: n }, 'Picked option ' + n + '.'); } },
            'Pick ' + n + ': ' + shorten(choiceText(s, n), 40)));
        });
      }
      box.querySelectorAll('button').forEach(function (b) { b.disabled = busy; });
    }
  }

  function choiceText(s, n) {
    var c = (s.choices || []).filter(function (x) { return x.n === n; })[0];
    return c ? c.text : '';
  }
  function shorten(t, n) { return t.length > n ? t.slice(0, n - 1).replace(/\s+\S*$/, '') + '\u2026' : t; }

  function renderTally(s) {
    var section = $('tally-section');
    var choices = s.choices || [];
    section.hidden = !choices.length || s.ended;
    if (section.hidden) return;
    var v = s.vote || {};
    var counts = v.counts || [];
    var voted = v.voted || 0;
    $('tally-summary').textContent = voted + ' of ' + (v.joined || 0) + ' voted' + (s.tie && voted ? '; a tie' : '') + '.';
    var list = $('tally');
    var key = s.decision + ':' + choices.map(function (c) { return c.text; }).join('|');
    if (list.getAttribute('data-key') !== key) {
      list.setAttribute('data-key', key);
      clear(list);
      choices.forEach(function (c) {
        list.appendChild(el('li', { class: 'pr-choice', 'data-n': c.n }, [
          el('div', { class: 'pr-choice-top' }, [
            el('span', { class: 'choice-n', 'aria-hidden': 'true' }, String(c.n)),
            el('span', { class: 'pr-choice-text' }, [el('span', { class: 'visually-hidden' }, 'Option ' + c.n + ': '), c.text]),
            el('span', { class: 'pr-choice-count' }),
            el('button', { type: 'button', class: 'pr-pick', onclick: function () { confirmPick(c); } }, [
              'Pick', el('span', { class: 'visually-hidden' }, ' option ' + c.n)])
          ]),
          el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'bar-fill' }))
        ]));
      });
    }
    var most = Math.max.apply(null, [0].concat(counts));
    list.querySelectorAll('.pr-choice').forEach(function (li, i) {
      var n = counts[i] || 0;
      var share = voted ? Math.round((100 * n) / voted) : 0;
      li.querySelector('.pr-choice-count').textContent = Room.plural(n, 'vote', 'votes') + ' \u00b7 ' + share + '%';
      li.querySelector('.bar-fill').style.width = (voted ? (100 * n) / voted : 0).toFixed(1) + '%';
      li.classList.toggle('leading', most > 0 && n === most);
      li.querySelector('.pr-pick').disabled = busy;
    });
  }

  function renderEnding(s) {
    var box = $('ending');
    box.hidden = !s.ended;
    if (!s.ended) return;
    var e = s.ending;
    $('ending-title').textContent = e ? 'The ending: ' + e.title : 'The session has ended';
    var v = $('ending-verdict');
    clear(v);
    if (e && e.verdict) v.appendChild(el('span', { class: 'verdict verdict-' + e.verdict }, 'A ' + e.verdict + ' ending'));
    else if (!e) v.textContent = 'The debrief and the participants\u2019 handout are written to the --out folder.';
    $('ending-lesson').textContent = (e && e.lesson) || '';
    /* where the debrief and the participants' handout were written (the server's paths) */
    var files = $('debrief-files');
    files.hidden = !s.debrief;
    if (s.debrief) files.textContent = 'Debrief: ' + s.debrief.html + '. Handout for the participants (print it, A4 or Letter): ' + s.debrief.handout + '.';
    /* a campaign's chapter that ended goes on to the next one */
    var next = $('next-chapter');
    next.hidden = !(e && s.next_chapter && !s.session_ended);
    next.disabled = busy;
  }

  /* ---------- notes: localStorage, one key per room, decision and scene ---------- */

  function renderNotes(s) {
    var key = 'ladder.notes.' + (s.room_code || 'room') + '.' + Room.sceneKey(s).replace(/\s+/g, ' ');
    if (key === notesKey) return;
    flushNotes();
    notesKey = key;
    var text = '';
    try { text = window.localStorage.getItem(key) || ''; } catch (e) { text = ''; }
    $('notes').value = text;
    $('notes-label').textContent = s.ended ? 'Your notes for the ending' : 'Your notes for decision ' + s.decision;
    $('notes-saved').textContent = '';
  }
  function flushNotes() {
    if (!notesTimer || !notesKey) return;
    window.clearTimeout(notesTimer);
    notesTimer = null;
    saveNotes();
  }
  function saveNotes() {
    notesTimer = null;
    try {
      var v = $('notes').value;
      if (v) window.localStorage.setItem(notesKey, v); else window.localStorage.removeItem(notesKey);
      $('notes-saved').textContent = 'Saved in this browser at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.';
    } catch (e) {
      $('notes-saved').textContent = 'Not saved: this browser keeps no local storage here (private mode?). Copy your notes elsewhere.';
    }
  }

  /* ---------- the timeline ---------- */

  function renderTimeline(s) {
    var list = $('timeline');
    var items = s.timeline || [];
    var key = JSON.stringify(items) + '|' + s.decision + '|' + s.ended;
    if (list.getAttribute('data-key') === key) return;
    list.setAttribute('data-key', key);
    var box = $('timeline-box');
    var atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 8;
    clear(list);
    items.forEach(function (d) {
      var counts = d.counts ? d.counts.join(' \u00b7 ') : null;
      var facts = [];
      if (counts !== null) facts.push('votes ' + counts + ' (' + Room.plural(d.voted || 0, 'voted', 'voted') + ')');
      else facts.push('picked without a vote');
      if (typeof d.seconds === 'number') facts.push(formatSeconds(d.seconds));
      list.appendChild(el('li', { class: 'pr-step' }, [
        el('p', { class: 'pr-step-head' }, [el('span', { class: 'pr-step-n' }, String(d.n)), ' ', el('strong', null, d.heading || 'Decision ' + d.n)]),
        el('p', { class: 'pr-step-choice' }, [el('span', { class: 'muted' }, 'Chose: '), d.choice || '']),
        el('p', { class: 'pr-step-facts hint' }, facts.join(' \u00b7 ')),
        el('button', { type: 'button', class: 'pr-rewind', onclick: function () { confirmRewind(d); } }, [
          'Rewind to ' + d.n, el('span', { class: 'visually-hidden' }, ': ' + (d.heading || ''))])
      ]));
    });
    list.appendChild(el('li', { class: 'pr-step now' }, [
      el('p', { class: 'pr-step-head' }, [el('span', { class: 'pr-step-n' }, s.ended ? '\u2713' : String(s.decision || '')), ' ',
        el('strong', null, s.ended ? (s.ending ? 'The ending: ' + s.ending.title : 'Ended') : 'Now: decision ' + s.decision)])
    ]));
    list.querySelectorAll('.pr-rewind').forEach(function (b) { b.disabled = busy; });
    if (items.length !== timelineLength || atBottom) box.scrollTop = box.scrollHeight;
    timelineLength = items.length;
  }

  function formatSeconds(s) {
    s = Math.round(s);
    return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s';
  }

  /* ---------- controls ---------- */

  function setBusy(b) {
    busy = b;
    document.body.classList.toggle('busy', b);
    if (st) { renderControls(st); renderTally(st); }
    $('timeline').querySelectorAll('.pr-rewind').forEach(function (x) { x.disabled = b; });
  }

  function control(body, done) {
    if (busy) return;
    if (!token) { showTokenProblem(false); return; }
    setBusy(true);
    $('control-error').hidden = true;
    $('control-result').textContent = '';
    Room.request('POST', '/api/room/control', body, auth()).then(function (r) {
      setBusy(false);
      if (r.status === 401 || r.status === 403) { showTokenProblem(true); return; }
      if (r.status === 200 && r.data) {
        $('control-result').textContent = done;
        onData(r.data);
        /* a control that moved the room on may have disabled the button in focus */
        var f = document.activeElement;
        if (!f || f === document.body || f.disabled || !document.body.contains(f)) $('controls-heading').focus();
        poller.soon(POLL_MS);
        return;
      }
      if (r.status === 409 && r.data && r.data.tie && st) {
        st.tie = r.data.tie;
        tieAsked = st.decision;
        renderControls(st);
        $('control-result').textContent = 'No majority: options ' + r.data.tie.join(' and ') + ' tie. Pick one of them.';
        var first = $('tie-buttons').querySelector('button');
        if (first) first.focus();
        return;
      }
      controlError((r.data && r.data.error) || 'The server answered ' + r.status + '.');
      poller.now();
    }, function () {
      setBusy(false);
      controlError('The server is not answering: nothing was done. Try again in a moment.');
    });
  }
  function controlError(text) { var e = $('control-error'); e.textContent = text; e.hidden = false; }

  function askConfirm(text, yesLabel, action, returnTo) {
    confirmAction = { run: action, back: returnTo };
    $('confirm-text').textContent = text;
    $('confirm-yes').textContent = yesLabel;
    $('confirm').hidden = false;
    $('confirm-no').focus();
  }
  function closeConfirm(run) {
    var a = confirmAction;
    confirmAction = null;
    $('confirm').hidden = true;
    if (!a) return;
    if (run) a.run(); else if (a.back && document.body.contains(a.back)) a.back.focus();
  }
  function confirmRewind(d) {
    askConfirm('Rewind the room to decision ' + d.n + (d.heading ? ' (' + d.heading + ')' : '') +
      '? The phones vote on it again; the road after it stays in the record.', 'Rewind to ' + d.n,
      function () { control({ action: 'rewind', to: d.n }, 'Rewound to decision ' + d.n + '.'); }, document.activeElement);
  }
  function confirmPick(c) {
    var v = st && st.vote;
    if (v && v.open) {
      askConfirm('The vote is still open. Pick option ' + c.n + ' (' + shorten(c.text, 60) + ') for the room anyway?', 'Pick ' + c.n,
        function () { control({ action: 'pick', choice: c.n }, 'Picked option ' + c.n + '.'); }, document.activeElement);
      return;
    }
    control({ action: 'pick', choice: c.n }, 'Picked option ' + c.n + '.');
  }

  function startTimer(ev) {
    ev.preventDefault();
    var input = $('timer-seconds');
    var n = Number(input.value);
    if (!Number.isInteger(n) || n < 1 || n > 3600) {
      controlError('The timer takes a whole number of seconds from 1 to 3600.');
      input.focus();
      return;
    }
    secondsTouched = false;
    control({ action: 'timer', seconds: n }, 'Timer started: ' + Room.mmss(n) + '.');
  }

  function tick() {
    if (!st) return;
    var left = clock.left();
    var out = $('timer-now');
    out.textContent = left === null ? 'Not started.' : left === 0 ? 'Time is up.' : Room.mmss(left) + ' left.';
    out.classList.toggle('zero', left === 0);
  }

  /* ---------- start ---------- */

  function init() {
    Ladder.initSettings();
    ['open-vote', 'close-vote', 'majority'].forEach(function (id) {
      var b = $(id);
      b.addEventListener('click', function () {
        var a = b.getAttribute('data-action');
        control({ action: a }, a === 'open' ? 'Vote opened.' : a === 'close' ? 'Vote closed.' : 'The majority was taken.');
      });
    });
    $('timer-form').addEventListener('submit', startTimer);
    $('timer-seconds').addEventListener('input', function () { secondsTouched = true; });
    $('next-chapter').addEventListener('click', function () {
      control({ action: 'next' }, 'The next chapter has begun: the stats carry over.');
    });
    $('end-session').addEventListener('click', function () {
      askConfirm('End the session? The debrief of the room\u2019s road so far is written to the --out folder.', 'End the session',
        function () {
          control({ action: 'end' }, st && st.timeline && st.timeline.length
            ? 'Ended: the debrief and the participants\u2019 handout are written to the --out folder. Stop the server (Ctrl-C) when the room has left.'
            : 'Ended. The room took no decision, so there is no debrief. Stop the server with Ctrl-C.');
        }, $('end-session'));
    });
    $('confirm-yes').addEventListener('click', function () { closeConfirm(true); });
    $('confirm-no').addEventListener('click', function () { closeConfirm(false); });
    $('confirm').addEventListener('keydown', function (ev) { if (ev.key === 'Escape') closeConfirm(false); });
    $('notes').addEventListener('input', function () {
      if (notesTimer) window.clearTimeout(notesTimer);
      notesTimer = window.setTimeout(saveNotes, 400);
    });
    $('notes').addEventListener('blur', flushNotes);
    window.addEventListener('pagehide', flushNotes);
    $('token-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var t = $('token-input').value.trim().replace(/^.*#admin=/, '');
      if (!t) { $('token-input').focus(); return; }
      token = t;
      try { window.sessionStorage.setItem(TOKEN_KEY, t); } catch (e) { /* ignore */ }
      $('token-input').value = '';
      $('token-problem').hidden = true;
      $('loading').hidden = false;
      poller.now();
    });
    window.addEventListener('hashchange', function () {
      var t = Ladder.adminToken(TOKEN_KEY);
      if (t) { token = t; poller.now(); }
    });
    poller = Room.poller({
      url: '/api/room/presenter', ms: POLL_MS, onData: onData, headers: auth,
      onRefused: function (r) {
        if (r.status === 401 || r.status === 403) { showTokenProblem(true); return false; }
        $('loading').hidden = false;
        $('loading').textContent = (r.data && r.data.error) || 'The server answered ' + r.status + '.';
        return true;
      }
    });
    window.setInterval(tick, 250);
    if (token) poller.now(); else showTokenProblem(false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
