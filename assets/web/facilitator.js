/* Ladder's facilitator page: the room's join address and QR code, who has joined and where they
   are, the endings reached, and the session's report; polls GET /api/room with the admin token. */
(function () {
  'use strict';

  var Ladder = window.Ladder;
  var el = Ladder.el, clear = Ladder.clear;
  var POLL_MS = 2000;
  var TOKEN_KEY = 'ladder.admin';

  /* ---------- the admin token: from #admin=TOKEN, kept for this tab only ---------- */

  var token = Ladder.adminToken(TOKEN_KEY);
  var etag = null;
  var room = null;
  var timer = null;
  var failures = 0;

  /* ---------- DOM helpers ---------- */

  function $(id) { return document.getElementById(id); }

  function showBanner(text) { var b = $('banner'); b.textContent = text; b.hidden = false; }
  function hideBanner() { var b = $('banner'); b.hidden = true; b.textContent = ''; }

  /* ---------- polling ---------- */

  function schedule(ms) {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(poll, ms);
  }

  function poll() {
    timer = null;
    if (!token) { showTokenProblem(null); return; }
    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + token };
    if (etag) headers['If-None-Match'] = etag;
    window.fetch('/api/room', { headers: headers, cache: 'no-store', credentials: 'same-origin' }).then(function (res) {
      if (res.status === 304) { connected(); stamp(); schedule(POLL_MS); return null; }
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (res.status === 401 || res.status === 403) {
          connected();
          showTokenProblem(token);
          return;
        }
        if (res.status === 502 || res.status === 503 || res.status === 504) { lost(data && data.error); return; }
        if (res.status !== 200 || !data) {
          connected();
          showRoomError((data && data.error) || 'The server answered ' + res.status + '.');
          schedule(5000);
          return;
        }
        connected();
        etag = res.headers.get('ETag');
        room = data;
        render();
        schedule(POLL_MS);
      });
    }).catch(function () { lost(null); });
  }

  function connected() {
    if (failures) { hideBanner(); failures = 0; }
  }

  function lost(message) {
    failures += 1;
    showBanner('Reconnecting\u2026 ' + (message || 'The server is not answering; this page keeps trying.'));
    schedule(Math.min(5000, POLL_MS * Math.pow(1.5, failures - 1)));
  }

  /* ---------- the token problem ---------- */

  function showTokenProblem(badToken) {
    if (badToken) { try { window.sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ } }
    token = null;
    etag = null;
    $('loading').hidden = true;
    $('room').hidden = true;
    $('token-message').textContent = badToken
      ? 'The server refused this admin token: it may be from an earlier run of the server. ' +
        'Open the facilitator address that ladder serve printed when it started, or paste its token here.'
      : 'Open this page from the facilitator address that ladder serve printed when it started ' +
        '(it ends in #admin= and a token), or paste the token here.';
    $('token-problem').hidden = false;
  }

  function showRoomError(text) {
    $('loading').hidden = false;
    $('loading').textContent = text;
  }

  /* ---------- rendering ---------- */

  function render() {
    $('loading').hidden = true;
    $('token-problem').hidden = true;
    $('room').hidden = false;
    var title = room.session ? 'Room ' + room.session : 'The room';
    $('room-title').textContent = title;
    document.title = title + ' \u2013 Ladder';

    var join = room.join || (window.location.origin + '/');
    $('join-url').textContent = join;
    $('qr').alt = 'QR code of the join address ' + join;

    var c = room.counts || {};
    $('count-joined').textContent = String(c.joined || 0);
    $('count-playing').textContent = String(c.playing || 0);
    $('count-finished').textContent = String(c.finished || 0);

    renderParticipants(room.participants || []);
    renderEndings(room.endings || [], c.finished || 0);
    $('make-report').disabled = !room.results;
    if (!room.results && !$('report-status').textContent) {
      $('report-status').textContent = 'No report: this server was started without --results, so no results are written.';
    }
    stamp();
  }

  function stamp() {
    $('updated').textContent = 'Up to date at ' + new Date().toLocaleTimeString() + ': the page checks every two seconds.';
  }

  function nameOf(p) { return p.name ? p.name : 'Anonymous'; }

  function timeOf(iso) {
    var d = iso ? new Date(iso) : null;
    return d && !isNaN(d.getTime()) ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  }

  var VERDICT_ICON = { good: '\u2713', bad: '\u2717', mixed: '\u223c' };

  function verdictBadge(ending) {
    var v = ending.verdict || 'none';
    return el('span', { class: 'verdict small verdict-' + v }, [
      el('span', { 'aria-hidden': 'true' }, (VERDICT_ICON[v] || '\u2022') + ' '),
      ending.title,
      el('span', { class: 'verdict-word' }, ' (' + v + ')')
    ]);
  }

  function renderParticipants(list) {
    var box = $('participants');
    clear(box);
    if (!list.length) {
      box.appendChild(el('p', null, 'No one has joined yet. Ask the room to open the address above or to scan the code.'));
      return;
    }
    var sorted = list.slice().sort(function (a, b) {
      if (!a.name !== !b.name) return a.name ? -1 : 1;
      return String(a.name || '').localeCompare(String(b.name || '')) || String(a.id).localeCompare(String(b.id));
    });
    var stories = {};
    list.forEach(function (p) { stories[p.story] = true; });
    var manyStories = Object.keys(stories).length > 1;
    var head = el('tr', null, [
      el('th', { scope: 'col' }, 'Participant'),
      manyStories ? el('th', { scope: 'col' }, 'Story') : null,
      el('th', { scope: 'col' }, 'Where'),
      el('th', { scope: 'col', class: 'num' }, 'Decisions'),
      el('th', { scope: 'col' }, 'Stats'),
      el('th', { scope: 'col' }, 'Ending'),
      el('th', { scope: 'col', class: 'nowrap' }, 'Last move')
    ]);
    var body = el('tbody');
    sorted.forEach(function (p) {
      var stats = el('ul', { class: 'mini-stats' });
      (p.stats || []).forEach(function (s) {
        stats.appendChild(el('li', null, [el('span', { class: 'mini-label' }, s.label), ' ', el('strong', null, String(s.value))]));
      });
      body.appendChild(el('tr', { class: p.ended ? 'ended' : null }, [
        el('th', { scope: 'row' }, [nameOf(p), p.anonymous && p.name ? ' (anonymous)' : null]),
        manyStories ? el('td', { 'data-label': 'Story' }, p.title || p.story) : null,
        el('td', { 'data-label': 'Where' }, [p.chapter ? el('span', { class: 'where-chapter' }, p.chapter) : null, p.chapter ? ' ' : null,
          el('code', { class: 'where-scene' }, p.scene || '')]),
        el('td', { class: 'num', 'data-label': 'Decisions' }, String(p.decisions || 0)),
        el('td', { 'data-label': 'Stats' }, stats),
        el('td', { 'data-label': 'Ending' }, p.ending ? verdictBadge(p.ending) : el('span', { class: 'muted' }, p.ended ? 'ended' : 'playing')),
        el('td', { 'data-label': 'Last move', class: 'nowrap' }, timeOf(p.updated))
      ]));
    });
    box.appendChild(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Table of participants' },
      el('table', { class: 'participants' }, [
        el('caption', { class: 'visually-hidden' }, 'Participants: where each one is, their stats and ending'),
        el('thead', null, head), body])));
  }

  function renderEndings(endings, finished) {
    var box = $('endings');
    clear(box);
    if (!endings.length) {
      box.appendChild(el('p', null, 'No one has reached an ending yet.'));
      return;
    }
    var most = 1;
    endings.forEach(function (e) { most = Math.max(most, e.count || 0); });
    var sorted = endings.slice().sort(function (a, b) { return (b.count || 0) - (a.count || 0) || String(a.title).localeCompare(String(b.title)); });
    var ul = el('ul', { class: 'endings-list' });
    var stories = {};
    endings.forEach(function (e) { stories[e.story] = true; });
    var manyStories = Object.keys(stories).length > 1;
    sorted.forEach(function (e) {
      var fill = el('span', { class: 'bar-fill verdict-fill-' + (e.verdict || 'none') });
      fill.style.width = ((100 * (e.count || 0)) / most).toFixed(1) + '%';
      ul.appendChild(el('li', null, [
        el('div', { class: 'ending-top' }, [
          el('span', null, [verdictBadge(e), manyStories ? el('span', { class: 'muted' }, ' \u00b7 ' + e.story) : null]),
          el('strong', { class: 'ending-count' }, (e.count || 0) + (e.count === 1 ? ' person' : ' people'))
        ]),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, fill)
      ]));
    });
    box.appendChild(ul);
    if (finished) box.appendChild(el('p', { class: 'hint' }, finished + (finished === 1 ? ' participant has' : ' participants have') + ' finished.'));
  }

  /* ---------- the report ---------- */

  function makeReport() {
    var btn = $('make-report');
    var status = $('report-status');
    if (!token) { showTokenProblem(null); return; }
    btn.disabled = true;
    status.textContent = 'Making the report\u2026';
    window.fetch('/api/report', {
      method: 'POST', cache: 'no-store', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: '{}'
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        btn.disabled = false;
        if (res.status === 401 || res.status === 403) { showTokenProblem(token); return; }
        if (res.status !== 200 || !data || typeof data.url !== 'string') {
          status.textContent = (data && data.error) || 'The report could not be made (' + res.status + ').';
          return;
        }
        var w = window.open(data.url, '_blank');
        if (w) { try { w.opener = null; } catch (e) { /* ignore */ } }
        clear(status);
        status.appendChild(el('p', null, [
          w ? 'The report opened in a new tab. ' : 'The report is ready. ',
          el('a', { href: data.url, target: '_blank', rel: 'noopener' }, 'Open the report'),
          ' (this address works once, for five minutes).'
        ]));
      });
    }).catch(function () {
      btn.disabled = false;
      status.textContent = 'The server is not answering; try again in a moment.';
    });
  }

  function init() {
    Ladder.initSettings();
    $('make-report').addEventListener('click', makeReport);
    $('token-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var t = $('token-input').value.trim().replace(/^.*#admin=/, '');
      if (!t) { $('token-input').focus(); return; }
      token = t;
      try { window.sessionStorage.setItem(TOKEN_KEY, t); } catch (e) { /* ignore */ }
      $('token-input').value = '';
      $('loading').hidden = false;
      $('loading').textContent = 'Loading\u2026';
      $('token-problem').hidden = true;
      poll();
    });
    window.addEventListener('hashchange', function () {
      var t = Ladder.adminToken(TOKEN_KEY);
      if (t) { token = t; etag = null; poll(); }
    });
    poll();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
