/* Ladder's room page for a participant's phone (`ladder workshop STORY --phones`): joins the room
   with its code (POST /api/room/join), then polls GET /api/room/state every 2 s and shows the
   scene, the room's question, the choices as large buttons and this phone's vote, which can be
   changed until the vote closes (POST /api/room/vote); then the room's choice, and the ending. */
(function () {
  'use strict';

  var Ladder = window.Ladder, Room = window.LadderRoom;
  var el = Ladder.el, clear = Ladder.clear;
  var POLL_MS = 2000;
  var JOINED_KEY = 'ladder.room.joined'; /* the room code this phone joined (the cookie is HttpOnly) */
  var READ_KEY = 'ladder.room.read';     /* set once a first scene has been shown open */
  var CODE_RE = /^[A-Z2-9]{5}$/;

  var st = null;          /* the last state from the server */
  var busy = false;       /* a vote is on its way */
  var pending = null;     /* the choice on its way, shown at once */
  var sceneKey = null;    /* which decision's scene is shown (to reset the collapsible) */
  var choicesKey = null;
  var lastPhase = null;   /* for what is announced: 'waiting', 'open', 'closed', 'ended' */
  var focusAfterJoin = false; /* after a join, the room's title takes the focus */
  var clock = Room.clock();
  var announce = Room.announcer('announcer');

  function $(id) { return document.getElementById(id); }
  function store(kind, key, value) {
    try {
      var s = window[kind];
      if (value === undefined) return s.getItem(key);
      if (value === null) s.removeItem(key); else s.setItem(key, value);
    } catch (e) { return null; }
    return null;
  }
  function isPhone() { return window.matchMedia('(max-width: 40em)').matches; }

  /* ---------- joining ---------- */

  function showJoin(message) {
    stopPolling();
    $('loading').hidden = true;
    $('room').hidden = true;
    $('join').hidden = false;
    var err = $('join-error');
    err.textContent = message || '';
    err.hidden = !message;
    var input = $('code-input');
    if (!input.value) {
      var m = /[?&]code=([A-Za-z0-9]{1,8})/.exec(window.location.search);
      if (m) input.value = m[1].toUpperCase().slice(0, 5);
    }
    if (CODE_RE.test(input.value)) $('join-button').focus(); else input.focus();
  }

  /* The code as typed, read as the projector shows it (the server's rule, phones.c
     code_as_typed): any case, spaces and dashes anywhere left out ("kq7-zp", " KQ7 ZP "). */
  function roomCode(typed) {
    return typed.toUpperCase().replace(/[\s-]+/g, '');
  }

  function join(ev) {
    ev.preventDefault();
    var input = $('code-input');
    var code = roomCode(input.value);
    input.value = code;
    if (!CODE_RE.test(code)) {
      showJoin('The room code is 5 characters: letters A to Z and digits 2 to 9.');
      input.focus();
      return;
    }
    var btn = $('join-button');
    btn.disabled = true;
    Room.request('POST', '/api/room/join', { code: code }).then(function (r) {
      btn.disabled = false;
      if (r.status === 200) {
        store('localStorage', JOINED_KEY, code);
        focusAfterJoin = true;
        $('join').hidden = true;
        $('loading').hidden = false;
        poller.now();
        return;
      }
      if (r.status === 403) { showJoin((r.data && r.data.error) || 'That is not this room\u2019s code. Check the code on the projector.'); input.select(); return; }
      showJoin((r.data && r.data.error) || 'The server answered ' + r.status + '. Try again in a moment.');
    }, function () {
      btn.disabled = false;
      showJoin('The server is not answering. Check that this phone is on the room\u2019s network, then try again.');
    });
  }

  /* ---------- polling ---------- */

  var poller = null;
  function stopPolling() { if (poller) poller.stop(); }

  function onData(data) {
    var joined = store('localStorage', JOINED_KEY);
    if (joined !== data.room_code) {
      showJoin(joined ? 'The room has a new code since this phone joined: type the code on the projector.' : null);
      return;
    }
    st = data;
    clock.update(st.timer);
    render();
  }

  /* ---------- rendering ---------- */

  function choiceText(n) {
    var c = (st.choices || []).filter(function (x) { return x.n === n; })[0];
    return c ? c.text : '';
  }

  function render() {
    $('loading').hidden = true;
    $('join').hidden = true;
    $('room').hidden = false;
    var s = st;
    $('story-title').textContent = s.title || 'The story';
    document.title = (s.title || 'The room') + ' \u2013 vote with the room';
    var meta = [];
    if (s.chapter) meta.push(s.chapter);
    if (!s.ended && s.decision) meta.push('Decision ' + s.decision);
    $('story-meta').textContent = meta.join(' \u00b7 ');

    var decided = $('decided');
    if (s.decided && !s.ended) {
      clear(decided);
      decided.appendChild(el('span', { class: 'decided-label' }, 'The room chose: '));
      decided.appendChild(el('strong', null, s.decided.text));
      decided.hidden = false;
    } else {
      decided.hidden = true;
    }

    renderScene(s);
    var phase = Room.phase(s);
    renderVote(s, phase);
    renderEnding(s);
    announceChanges(s, phase);
    if (focusAfterJoin) { focusAfterJoin = false; $('story-title').focus(); }
  }

  function renderScene(s) {
    var key = Room.sceneKey(s);
    var details = $('scene');
    details.hidden = !(s.paragraphs && s.paragraphs.length) || !!s.ending;
    if (key === sceneKey) return;
    var first = sceneKey === null;
    sceneKey = key;
    Room.paragraphs($('scene-text'), s.paragraphs);
    /* Open the first scene this phone sees; after that, collapsed on a phone (the projector
       shows it), open on a larger screen. */
    var read = store('localStorage', READ_KEY) === '1';
    details.open = !(read && isPhone());
    if (first || !read) store('localStorage', READ_KEY, '1');
  }

  function renderVote(s, phase) {
    var section = $('vote-section');
    section.hidden = phase === 'ended' || !s.choices || !s.choices.length;
    if (section.hidden) return;
    $('question').textContent = s.question || 'What should the room do?';

    var mine = pending !== null ? pending : s.your_vote;
    var open = phase === 'open';
    var stateText;
    if (open) stateText = mine ? 'Vote open: you can change your vote until it closes.' : 'Vote open: tap your choice.';
    else if (phase === 'closed') stateText = 'Vote closed.' + (mine ? ' Your vote: ' + mine + '.' : ' You did not vote this time.');
    else stateText = 'The vote opens when the facilitator says so. Read the choices and talk it over.';
    var vs = $('vote-state');
    vs.textContent = stateText;
    vs.className = 'vote-state ' + phase;
    var t = timerText();
    if (t) vs.appendChild(el('span', { class: 'phone-timer' + (timerLeft() === 0 ? ' zero' : '') }, t));

    var key = s.decision + ':' + s.choices.map(function (c) { return c.n + c.text; }).join('|');
    var list = $('choices');
    if (key !== choicesKey) {
      choicesKey = key;
      clear(list);
      s.choices.forEach(function (c) {
        var btn = el('button', { type: 'button', class: 'choice room-choice', 'data-n': c.n, 'aria-pressed': 'false', onclick: function () { vote(c.n); } }, [
          el('span', { class: 'choice-n', 'aria-hidden': 'true' }, String(c.n)),
          el('span', { class: 'choice-body' }, [
            el('span', { class: 'visually-hidden' }, 'Option ' + c.n + ': '),
            c.text,
            el('span', { class: 'visually-hidden' }, '. '),
            el('span', { class: 'choice-result' }),
            el('span', { class: 'your-vote' }, [el('span', { class: 'visually-hidden' }, '. '), 'Your vote'])
          ])
        ]);
        list.appendChild(el('li', null, btn));
      });
    }
    var v = s.vote || { counts: [], voted: 0, joined: 0 };
    var most = Math.max.apply(null, [0].concat(v.counts || []));
    list.querySelectorAll('button.room-choice').forEach(function (b, i) {
      var n = Number(b.getAttribute('data-n'));
      var count = (v.counts || [])[i] || 0;
      /* once the vote is closed, each option carries its votes */
      b.querySelector('.choice-result').textContent = phase === 'closed'
        ? Room.plural(count, 'vote', 'votes') + (v.voted ? ' \u00b7 ' + Math.round((100 * count) / v.voted) + '%' : '') : '';
      b.classList.toggle('leading', phase === 'closed' && most > 0 && count === most);
      var chosen = mine === n;
      b.setAttribute('aria-pressed', chosen ? 'true' : 'false');
      b.classList.toggle('chosen', chosen);
      b.classList.toggle('sending', pending === n);
      b.disabled = !open;
    });

    var tally = $('tally');
    tally.textContent = open ? v.voted + ' of ' + v.joined + ' in the room ' + (v.voted === 1 ? 'has' : 'have') + ' voted.' : '';
  }

  function renderEnding(s) {
    var box = $('ending');
    box.hidden = !s.ended;
    if (!s.ended) return;
    var e = s.ending;
    $('ending-title').textContent = e ? e.title : 'The session has ended';
    var v = $('ending-verdict');
    clear(v);
    if (e && e.verdict) {
      v.appendChild(el('span', { class: 'verdict verdict-' + e.verdict }, 'A ' + e.verdict + ' ending'));
    } else if (!e) {
      v.textContent = 'Thank you for voting.';
    }
    var hasLesson = !!(e && e.lesson);
    $('ending-lesson').hidden = !hasLesson;
    $('ending-lesson-text').textContent = hasLesson ? e.lesson : '';
  }

  function announceChanges(s, phase) {
    var key = s.decision + ':' + phase;
    if (key === lastPhase) return;
    var prev = lastPhase;
    lastPhase = key;
    if (prev === null) return; /* the first render is read as the page */
    if (phase === 'ended') { announce(s.ending ? 'The story has ended: ' + s.ending.title + '.' : 'The session has ended.'); return; }
    var text = [];
    if (prev.split(':')[0] !== String(s.decision)) {
      if (s.decided) text.push('The room chose: ' + s.decided.text + '.');
      text.push('Decision ' + s.decision + '.');
      if (s.question) text.push(s.question);
    }
    if (phase === 'open') text.push('The vote is open.');
    if (phase === 'closed') {
      var v = s.vote || { counts: [] };
      text.push('Vote closed. ' + s.choices.map(function (c, i) {
        var n = (v.counts || [])[i] || 0;
        return 'Option ' + c.n + ': ' + n + (n === 1 ? ' vote' : ' votes');
      }).join(', ') + '.');
    }
    if (text.length) announce(text.join(' '));
  }

  /* ---------- the timer: counted down here between polls ---------- */

  function timerLeft() { return clock.left(); }
  function timerText() {
    if (!st || st.ended || Room.phase(st) === 'ended') return '';
    var left = timerLeft();
    if (left === null) return '';
    if (left === 0) return 'Time is up';
    return Room.mmss(left) + ' left';
  }
  function tick() {
    var span = document.querySelector('.phone-timer');
    var t = timerText();
    if (span && t) { span.textContent = t; span.classList.toggle('zero', timerLeft() === 0); }
  }

  /* ---------- voting ---------- */

  function vote(n) {
    if (busy || !st || Room.phase(st) !== 'open') return;
    if (st.your_vote === n) { announce('Your vote is already ' + n + '.'); return; }
    busy = true;
    pending = n;
    $('vote-error').hidden = true;
    renderVote(st, Room.phase(st));
    Room.request('POST', '/api/room/vote', { decision: st.decision, choice: n }).then(function (r) {
      busy = false;
      pending = null;
      if (r.status === 200) {
        st.your_vote = (r.data && r.data.your_vote) || n;
        renderVote(st, Room.phase(st));
        announce('Your vote: ' + n + ', ' + choiceText(n) + '. Counted.');
        poller.soon(300);
        return;
      }
      if (r.status === 401 || r.status === 403) {
        store('localStorage', JOINED_KEY, null);
        showJoin((r.data && r.data.error ? r.data.error + '. ' : '') + 'Join the room again with the code on the projector.');
        return;
      }
      voteError(r.status === 409 ? 'Your vote did not count: the vote closed or moved on before it arrived.'
        : (r.data && r.data.error) || 'Your vote did not count (the server answered ' + r.status + ').');
      poller.now();
    }, function () {
      busy = false;
      pending = null;
      renderVote(st, Room.phase(st));
      voteError('Your vote did not reach the server. Check the connection and tap again.');
    });
  }

  function voteError(text) {
    var e = $('vote-error');
    e.textContent = text;
    e.hidden = false;
  }

  /* ---------- start ---------- */

  function init() {
    Ladder.initSettings();
    $('join-form').addEventListener('submit', join);
    $('code-input').addEventListener('input', function () {
      var input = $('code-input');
      var start = input.selectionStart;
      var up = input.value.toUpperCase();
      if (up !== input.value) { input.value = up; try { input.setSelectionRange(start, start); } catch (e) { /* ignore */ } }
    });
    poller = Room.poller({
      url: '/api/room/state', ms: POLL_MS, onData: onData,
      onRefused: function (r) { showJoin((r.data && r.data.error) || 'The server answered ' + r.status + '.'); return false; }
    });
    window.setInterval(tick, 1000);
    if (store('localStorage', JOINED_KEY)) poller.now(); else showJoin(null);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
