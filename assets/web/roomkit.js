/* Shared by the room pages (room.js, projector.js, presenter.js; `ladder workshop --phones`):
   JSON requests, polling with ETag and a Reconnecting banner, the scene's paragraphs, the
   countdown counted between polls, and a live-region announcer. Exposes window.LadderRoom. */
(function () {
  'use strict';

  var clear = window.Ladder.clear;

  /* A JSON request: resolves to {status, data (parsed or null), etag}; rejects when the server
     cannot be reached. */
  function request(method, url, body, headers) {
    var h = { Accept: 'application/json' };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    var opts = { method: method, cache: 'no-store', credentials: 'same-origin', headers: h };
    if (body !== undefined) { h['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return window.fetch(url, opts).then(function (res) {
      if (res.status === 304) return { status: 304, data: null, etag: res.headers.get('ETag') };
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: res.status, data: data, etag: res.headers.get('ETag') };
      });
    });
  }

  /* Polls opts.url every opts.ms with If-None-Match. opts.headers() adds headers (or returns null
     to stop); opts.onData(data) gets each new 200 body; opts.onRefused(r) any other 4xx (return
     true to keep polling); a 5xx or no answer shows the banner (#banner) and retries, slower. */
  function poller(opts) {
    var etag = null, timer = null, failures = 0, stopped = false;
    function banner(text) {
      var b = document.getElementById('banner');
      if (!b) return;
      b.textContent = text || '';
      b.hidden = !text;
    }
    function schedule(ms) {
      if (timer) window.clearTimeout(timer);
      timer = stopped ? null : window.setTimeout(poll, ms);
    }
    function lost(message) {
      failures += 1;
      banner('Reconnecting\u2026 ' + (message || 'The room\u2019s server is not answering; this page keeps trying.'));
      schedule(Math.min(5000, opts.ms * Math.pow(1.5, failures - 1)));
    }
    function poll() {
      timer = null;
      var h = opts.headers ? opts.headers() : {};
      if (h === null) return;
      if (etag) h['If-None-Match'] = etag;
      request('GET', opts.url, undefined, h).then(function (r) {
        if (r.status >= 500) { lost(r.data && r.data.error); return; }
        if (failures) { failures = 0; banner(null); }
        if (r.status === 304) { schedule(opts.ms); return; }
        if (r.status !== 200 || !r.data) {
          etag = null;
          if (opts.onRefused && opts.onRefused(r)) schedule(opts.ms * 2);
          return;
        }
        etag = r.etag;
        /* a session the facilitator ended reads as an ending without a story's ending */
        if (r.data.session_ended && !r.data.ended) { r.data.ended = true; r.data.ending = null; }
        opts.onData(r.data);
        schedule(opts.ms);
      }, function () { lost(null); });
    }
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible' && !stopped) { etag = null; schedule(0); }
    });
    return {
      now: function () { stopped = false; etag = null; schedule(0); },
      soon: function (ms) { stopped = false; etag = null; schedule(ms || 0); },
      stop: function () { stopped = true; if (timer) window.clearTimeout(timer); timer = null; }
    };
  }

  /* The scene's paragraphs (runs of text, em, strong and breaks) into box, as <p> elements. */
  function paragraphs(box, list) {
    clear(box);
    Ladder.append(box, Ladder.paragraphs(list));
  }

  /* A short key for "the same scene": the decision and the scene's first words. */
  function sceneKey(s) {
    var runs = (s.paragraphs && s.paragraphs[0]) || [];
    return s.decision + ':' + runs.map(function (r) { return r.text || ''; }).join('').slice(0, 60);
  }

  /* 'ended', 'open', 'closed' (closed with votes in), or 'waiting' (not opened yet). */
  function phase(s) {
    if (s.ended || s.session_ended) return 'ended';
    if (!s.choices || !s.choices.length) return 'waiting';
    if (s.vote && s.vote.open) return 'open';
    return s.vote && s.vote.voted > 0 ? 'closed' : 'waiting';
  }

  /* The countdown: the server's timer.left as last polled, counted down here in between. A
     poll re-bases it only when it differs by more than a second (polls are not exact). */
  function clock() {
    var deadline = null, frozen = null, total = null;
    return {
      update: function (t) {
        if (!t || t.left === null || t.left === undefined) { deadline = null; frozen = null; total = t ? t.total : null; return; }
        total = t.total;
        if (!t.running || t.left <= 0) { deadline = null; frozen = Math.max(0, t.left); return; }
        frozen = null;
        var predicted = deadline === null ? null : (deadline - Date.now()) / 1000;
        if (predicted === null || Math.abs(predicted - t.left) > 1.2) deadline = Date.now() + t.left * 1000;
      },
      /* seconds left (whole, rounded up), or null when no timer was started */
      left: function () {
        if (frozen !== null) return frozen;
        if (deadline === null) return null;
        return Math.max(0, Math.ceil((deadline - Date.now()) / 1000 - 0.05));
      },
      total: function () { return total; }
    };
  }

  function mmss(s) {
    s = Math.max(0, Math.round(s));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  /* A function that reads text out through the live region with id (cleared first, so the same
     sentence twice is read twice). */
  function announcer(id) {
    var pendingTimer = null;
    return function (text) {
      var a = document.getElementById(id);
      if (!a) return;
      if (pendingTimer) window.clearTimeout(pendingTimer);
      a.textContent = '';
      pendingTimer = window.setTimeout(function () { a.textContent = text; }, 80);
    };
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  /* "Option 1: 5 votes, option 2: 3 votes" for a live region. */
  function tallySentence(s) {
    var counts = (s.vote && s.vote.counts) || [];
    return (s.choices || []).map(function (c, i) {
      return 'option ' + c.n + ': ' + plural(counts[i] || 0, 'vote', 'votes');
    }).join(', ');
  }

  window.LadderRoom = {
    request: request, poller: poller, paragraphs: paragraphs, sceneKey: sceneKey, phase: phase,
    clock: clock, mmss: mmss, announcer: announcer, plural: plural, tallySentence: tallySentence
  };
}());
