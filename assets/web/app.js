/* Ladder's player page: the story list, the game and its ending, drawn from the server's scene
   messages (README, "The JSON front end"; the routes: notes on `ladder serve`). No framework. */
(function () {
  'use strict';

  var L = window.Ladder;
  var el = L.el, append = L.append, svg = L.svg, clear = L.clear, uid = L.uid;
  var SLOT_RE = /^[A-Za-z0-9_-]{1,64}$/;

  /* ---------- state ---------- */

  var state = {
    hello: null,        // the last /api/hello answer
    scene: null,        // the last scene message
    view: 'loading',    // loading | list | start | game
    busy: false,        // a request is in flight: further clicks are ignored
    reconnecting: false,
    retryDelay: 1500,
    retryTimer: null,
    notices: [],        // shown above the scene until the next scene
    errors: [],
    panel: null,        // null | 'save' | 'load'
    saves: null,        // the last saves list
    historyOpen: false,
    startError: null
  };

  var view, banner, announcer;

  /* Announce text through the polite live region (cleared first, so a repeat is read again). */
  function announce(text) {
    if (!announcer || !text) return;
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 60);
  }

  function focusHeading(id) {
    var h = document.getElementById(id);
    if (!h) return;
    h.focus({ preventScroll: true });
    var top = h.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.4) h.scrollIntoView({ block: 'start' });
  }

  function signed(n) {
    if (n > 0) return '+' + n;
    if (n < 0) return '\u2212' + Math.abs(n);
    return '0';
  }

  /* ---------- the API ---------- */

  function Offline(message) { this.offline = true; this.message = message; }

  /* fetch one route; resolves {status, data}; rejects with Offline when the server is not there. */
  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return window.fetch(path, opts).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        /* 503 is the server restarting or shutting down (wait for it), except when starting a
           game, where it means the room is full: that refusal is shown as it is. */
        if (res.status === 502 || res.status === 504 || (res.status === 503 && path !== '/api/start')) {
          throw new Offline(data && typeof data.error === 'string' ? data.error : null);
        }
        if (state.reconnecting && path !== '/api/game') stopReconnecting();
        return { status: res.status, data: data };
      });
    }, function () { throw new Offline(null); });
  }

  function errorText(r, fallback) {
    return (r && r.data && typeof r.data.error === 'string') ? r.data.error : fallback;
  }

  /* ---------- reconnecting ---------- */

  function showBanner(text) { banner.textContent = text; banner.hidden = false; }
  function hideBanner() { banner.hidden = true; banner.textContent = ''; }

  function failed(err) {
    if (err && err.offline) { startReconnect(err.message); return; }
    state.busy = false;
    setBusy(false);
    state.errors.push('Something went wrong on this page: ' + (err && err.message ? err.message : String(err)));
    refreshAlerts();
    if (window.console) window.console.error(err);
  }

  function startReconnect(why) {
    state.busy = false;
    setBusy(false);
    if (state.reconnecting) return;
    state.reconnecting = true;
    state.retryDelay = 1500;
    showBanner('Reconnecting\u2026 ' + (why ? why + ' ' : '') +
      'The game is kept on the server; this page will carry on by itself.');
    state.retryTimer = window.setTimeout(tryReconnect, state.retryDelay);
  }

  /* Another request got through: the server is back, and that request's answer is on screen. */
  function stopReconnecting() {
    if (state.retryTimer) window.clearTimeout(state.retryTimer);
    state.retryTimer = null;
    state.reconnecting = false;
    hideBanner();
  }

  function tryReconnect() {
    state.retryTimer = null;
    if (!state.reconnecting) return;
    api('GET', '/api/game').then(function (r) {
      if (!state.reconnecting) return;
      stopReconnecting();
      var scene = r.status === 200 && r.data && lastScene(r.data.messages);
      if (state.view === 'game' && scene) {
        var same = sameScene(state.scene, scene);
        state.scene = scene;
        if (!same) { renderGame({ focus: true }); announce('Reconnected. ' + sceneAnnouncement(scene)); }
        else announce('Reconnected.');
      } else {
        announce('Reconnected.');
        boot();
      }
    }, function () {
      if (!state.reconnecting) return;
      state.retryDelay = Math.min(5000, Math.round(state.retryDelay * 1.5));
      state.retryTimer = window.setTimeout(tryReconnect, state.retryDelay);
    });
  }

  function sameScene(a, b) {
    return !!a && !!b && a.story === b.story && a.scene === b.scene && a.decision === b.decision &&
      !!a.ending === !!b.ending && !!a.ask_name === !!b.ask_name;
  }

  /* Back to a tab that slept (a phone's screen off): the game may have moved on elsewhere, or the
     server restarted; show what the server has now. */
  function resync(afterError) {
    if (afterError !== true && document.visibilityState !== 'visible') return;
    if (state.busy || state.reconnecting || state.view !== 'game') return;
    api('GET', '/api/game').then(function (r) {
      var scene = r.status === 200 && r.data && lastScene(r.data.messages);
      if (r.status === 404) { boot({ focus: true, showList: true }); return; }
      if (scene && !sameScene(state.scene, scene) && !state.busy) {
        state.scene = scene;
        var why = '';
        if (afterError === true) {
          why = 'The game had moved on (in another tab or window?): here is where it stands now.';
          state.errors = [why];
        }
        renderGame({ focus: true });
        announce((why ? why + ' ' : '') + sceneAnnouncement(scene));
      }
    }).catch(failed);
  }

  function lastScene(messages) {
    var s = null;
    (messages || []).forEach(function (m) { if (m && m.type === 'scene') s = m; });
    return s;
  }

  function setBusy(on) {
    if (view) view.setAttribute('aria-busy', on ? 'true' : 'false');
    document.body.classList.toggle('busy', on);
  }

  /* ---------- start-up ---------- */

  function boot(opts) {
    opts = opts || {};
    return api('GET', '/api/hello').then(function (r) {
      if (r.status !== 200 || !r.data) {
        renderFatal(errorText(r, 'The server did not answer as expected (' + r.status + ').'));
        return null;
      }
      state.hello = r.data;
      var p = r.data.player;
      if (p && p.playing) {
        return api('GET', '/api/game').then(function (g) {
          var scene = g.status === 200 && g.data && lastScene(g.data.messages);
          if (scene) {
            state.scene = scene;
            renderGame({ focus: !!opts.focus });
          } else {
            renderList(opts);
          }
        });
      }
      renderList(opts);
      return null;
    }).catch(failed);
  }

  /* ---------- the story list ---------- */

  function renderList(opts) {
    opts = opts || {};
    var hello = state.hello;
    var stories = hello.stories || [];
    state.view = 'list';
    state.scene = null;
    document.title = 'Ladder';
    if (hello.participant && stories.length === 1 && !stories[0].can_continue && !opts.showList) {
      renderStart(stories[0], opts);
      return;
    }
    clear(view);
    var h1 = el('h1', { id: 'page-heading', tabindex: '-1' },
      hello.participant ? 'Workshop' + (hello.session ? ' ' + hello.session : '') : 'Choose a story');
    append(view, h1);
    if (hello.participant) {
      append(view, el('p', { class: 'lead' },
        'You are taking part in a workshop. Your decisions are recorded for the debrief; ' +
        'you may give your name or play anonymously.'));
    } else {
      append(view, el('p', { class: 'lead' },
        'Career stories in which you make the decisions. Your game is kept: come back to it any time.'));
    }
    if (state.startError) {
      append(view, el('p', { class: 'alert error', role: 'alert' }, state.startError));
      state.startError = null;
    }
    var list = el('ul', { class: 'story-list' });
    stories.forEach(function (s) {
      var hid = uid('story');
      var actions = el('div', { class: 'actions' });
      if (s.can_continue) {
        append(actions, el('button', { type: 'button', class: 'primary', 'aria-describedby': hid,
          onclick: function () { start(s, { cont: true }); } }, 'Continue'));
        append(actions, el('button', { type: 'button',
          onclick: function () { chooseStart(s); }, 'aria-describedby': hid }, 'Start again'));
      } else {
        append(actions, el('button', { type: 'button', class: 'primary', 'aria-describedby': hid,
          onclick: function () { chooseStart(s); } }, 'Play'));
      }
      append(list, el('li', { class: 'card story-card' }, [
        el('h2', { id: hid }, s.title),
        s.summary ? el('p', null, s.summary) : null,
        s.content_note ? el('p', { class: 'content-note' }, [el('strong', null, 'Content note: '), s.content_note]) : null,
        actions
      ]));
    });
    append(view, list);
    if (!stories.length) append(view, el('p', null, 'This server has no stories to play.'));
    if (opts.focus) focusHeading('page-heading');
  }

  function chooseStart(story) {
    if (state.hello.participant) renderStart(story, { focus: true });
    else start(story, { cont: false });
  }

  /* The participant's start: a name, or play anonymously. */
  function renderStart(story, opts) {
    state.view = 'start';
    clear(view);
    var p = state.hello.player;
    var input = el('input', { id: 'player-name', name: 'name', type: 'text', autocomplete: 'name',
      maxlength: '60', required: true, 'aria-describedby': 'player-name-hint',
      value: p && p.name ? p.name : null });
    var err = el('p', { id: 'start-error', class: 'alert error', role: 'alert' });
    err.hidden = true;
    function showErr(t) { err.textContent = t; err.hidden = !t; }
    var form = el('form', { class: 'card start-form', novalidate: true }, [
      el('h2', null, 'Join'),
      el('label', { for: 'player-name' }, 'Your name'),
      el('p', { id: 'player-name-hint', class: 'hint' },
        'The facilitator sees it next to your progress, and it is in the session\u2019s report.'),
      input,
      err,
      el('div', { class: 'actions' }, [
        el('button', { type: 'submit', class: 'primary' }, 'Start'),
        el('button', { type: 'button', onclick: function () {
          start(story, { cont: false, anonymous: true, onError: showErr });
        } }, 'Play anonymously')
      ])
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var name = input.value.trim();
      if (!name) { showErr('Type your name, or choose \u201cPlay anonymously\u201d.'); input.focus(); return; }
      start(story, { cont: false, name: name, onError: showErr });
    });
    append(view, [
      el('h1', { id: 'page-heading', tabindex: '-1' }, story.title),
      state.hello.session ? el('p', { class: 'meta' }, 'Workshop session ' + state.hello.session) : null,
      story.summary ? el('p', { class: 'lead' }, story.summary) : null,
      story.content_note ? el('p', { class: 'content-note' }, [el('strong', null, 'Content note: '), story.content_note]) : null,
      form
    ]);
    if ((state.hello.stories || []).length > 1) {
      append(view, el('p', null, el('button', { type: 'button', class: 'link',
        onclick: function () { renderList({ focus: true, showList: true }); } }, 'Back to the stories')));
    }
    if (opts && opts.focus) focusHeading('page-heading');
  }

  function start(story, o) {
    if (state.busy) return;
    state.busy = true;
    setBusy(true);
    var body = { story: story.id, continue: !!o.cont };
    if (o.name) body.name = o.name;
    if (o.anonymous) body.anonymous = true;
    api('POST', '/api/start', body).then(function (r) {
      state.busy = false;
      setBusy(false);
      if (r.status !== 200 || !r.data) {
        var msg = errorText(r, 'The story could not start (' + r.status + ').');
        if (o.onError) o.onError(msg);
        else { state.startError = msg; renderList({ focus: true, showList: true }); }
        return;
      }
      state.notices = [];
      state.errors = [];
      state.panel = null;
      state.historyOpen = false;
      handleMessages(r.data.messages, { fresh: true });
    }).catch(failed);
  }

  function renderFatal(text) {
    state.view = 'list';
    clear(view);
    append(view, [el('h1', null, 'Ladder'), el('p', { class: 'alert error', role: 'alert' }, text)]);
  }

  /* ---------- playing ---------- */

  /* Send one protocol request; `how.focus` says whether a new scene takes the focus. */
  function play(request, how) {
    if (state.busy) return;
    state.busy = true;
    setBusy(true);
    state.errors = [];
    api('POST', '/api/play', request).then(function (r) {
      state.busy = false;
      setBusy(false);
      if (r.status === 404) {
        state.startError = errorText(r, 'That game is no longer on the server.');
        boot({ focus: true, showList: true });
        return;
      }
      if (r.status !== 200 || !r.data) {
        state.errors.push(errorText(r, 'The server refused that (' + r.status + ').'));
        refreshAlerts();
        return;
      }
      handleMessages(r.data.messages, how || {});
    }).catch(failed);
  }

  function handleMessages(messages, how) {
    var scene = null;
    var said = [];
    (messages || []).forEach(function (m) {
      if (!m || typeof m !== 'object') return;
      if (m.type === 'scene') scene = m;
      else if (m.type === 'notice') { state.notices.push(m.message); said.push(m.message); }
      else if (m.type === 'error') {
        var t = m.script ? 'The story\u2019s script failed: ' + m.message : capital(m.message);
        state.errors.push(t);
        said.push(t);
      } else if (m.type === 'saved') {
        var s = 'Saved as \u201c' + m.name + '\u201d.';
        state.notices.push(s);
        said.push(s);
        state.panel = null;
      } else if (m.type === 'saves') {
        state.saves = m.saves || [];
        state.panel = 'load';
      }
    });
    if (scene) {
      var prev = state.scene;
      state.scene = scene;
      if (!how.keepPanel) state.panel = null;
      renderGame({ focus: true });
      var text = sceneAnnouncement(scene);
      if (prev && prev.story === scene.story && scene.decision < prev.decision && !how.fresh) {
        text = 'Taken back. ' + text;
      }
      announce((said.length ? said.join(' ') + ' ' : '') + text);
    } else {
      renderPanel();
      refreshAlerts();
      announce(said.join(' '));
      if (state.panel === 'load') focusHeading('panel-heading');
      if (state.errors.length) resync(true);
    }
  }

  function capital(s) { s = String(s || ''); return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.'); }

  function firstSentence(text) {
    var t = String(text || '').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
    var m = t.match(/^.{1,240}?[.!?](?=\s|$)/);
    if (m) return m[0];
    return t.length > 240 ? t.slice(0, 240) + '\u2026' : t;
  }

  function changeWords(c) {
    var word = c.sign > 0 ? ' (better)' : c.sign < 0 ? ' (worse)' : '';
    return c.text.replace(/-(\d)/, '\u2212$1') + word;
  }

  function sceneAnnouncement(scene) {
    var parts = [];
    if (scene.ending) {
      parts.push('The end: ' + scene.ending.title + '.');
      if (scene.outcome && scene.outcome.verdict_text) parts.push(capital(scene.outcome.verdict_text));
    }
    if (scene.reply) parts.push(firstSentence(scene.reply));
    parts.push(firstSentence(scene.text));
    var ch = (scene.changes || []).map(changeWords);
    if (ch.length) parts.push('Changes: ' + ch.join(', ') + '.');
    return parts.join(' ');
  }

  function storyInfo(id) {
    var list = (state.hello && state.hello.stories) || [];
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  function statsById(scene) {
    var m = {};
    (scene.stats || []).forEach(function (s) { m[s.id] = s; });
    return m;
  }

  /* Paragraphs of runs -> <p> elements. */
  function renderParagraphs(paragraphs, fallbackText) {
    if (!paragraphs && fallbackText) {
      paragraphs = String(fallbackText).split(/\n\n+/).map(function (p) { return [{ text: p }]; });
    }
    return L.paragraphs(paragraphs);
  }

  function renderGame(opts) {
    var scene = state.scene;
    state.view = 'game';
    clear(view);
    var camp = scene.campaign || null;
    var ended = !!scene.ending;
    document.title = (ended ? scene.ending.title + ' \u2013 ' : '') + (camp ? camp.title : scene.title) + ' \u2013 Ladder';

    var metaBits = [];
    if (camp) metaBits.push('Chapter ' + camp.chapter + ' of ' + camp.chapters + ': ' + scene.title);
    if (!ended) metaBits.push(scene.decision === 0 ? 'The story begins' : 'Decisions so far: ' + scene.decision);
    var head = el('header', { class: 'story-head' }, [
      el('h1', null, camp ? camp.title : scene.title),
      el('p', { class: 'meta' }, metaBits.join(' \u00b7 '))
    ]);

    var main = el('div', { class: 'story-col' });
    append(main, head);
    append(main, el('div', { id: 'alerts', class: 'alerts' }));
    var info = storyInfo(scene.story);
    if (scene.decision === 0 && !ended && info && info.content_note) {
      append(main, el('p', { class: 'content-note' }, [el('strong', null, 'Content note: '), info.content_note]));
    }
    if (camp && camp.carried && !ended) {
      append(main, el('p', { class: 'carried' }, [el('strong', null, 'You carry into this chapter: '), camp.carried + '.']));
    }
    if (scene.ask_name && !ended) {
      append(main, renderNameForm());
      append(main, el('div', { class: 'toolbar' }, el('button', { type: 'button', onclick: leave }, 'Leave')));
      append(view, el('div', { class: 'game-layout' }, main));
      refreshAlerts();
      if (opts && opts.focus) document.getElementById('story-name').focus();
      return;
    }
    if (!ended && scene.history && scene.history.length) append(main, renderHistory(scene));

    var headingText = ended ? scene.ending.title : (scene.chapter || 'Decision ' + (scene.decision + 1));
    var sceneSection = el('section', { class: 'scene', 'aria-labelledby': 'scene-heading' });
    append(sceneSection, el('h2', { id: 'scene-heading', tabindex: '-1' }, headingText));
    if (ended) append(sceneSection, renderVerdict(scene));
    if (scene.changes && scene.changes.length) append(sceneSection, renderChanges(scene.changes));
    if (scene.reply) {
      append(sceneSection, el('div', { class: 'reply' },
        [el('p', { class: 'reply-label' }, 'After your choice')].concat(
          renderParagraphs(scene.reply_paragraphs, scene.reply))));
    }
    if (scene.forced && !ended) {
      var fs = statsById(scene)[scene.forced];
      append(sceneSection, el('p', { class: 'forced' }, (fs ? fs.label : scene.forced) + ' forced this turn of events.'));
    }
    append(sceneSection, el('div', { class: 'prose' }, renderParagraphs(scene.paragraphs, scene.text)));
    append(main, sceneSection);

    if (ended) append(main, renderEnding(scene));
    else append(main, renderChoices(scene));

    append(main, renderToolbar(scene));
    append(main, el('div', { id: 'panel', class: 'panel-slot' }));

    var layout = el('div', { class: 'game-layout' }, [main, renderStats(scene)]);
    append(view, layout);
    renderPanel();
    refreshAlerts();
    window.LadderExplain.refresh(scene);
    if (opts && opts.focus) focusHeading('scene-heading');
  }

  function refreshAlerts() {
    var box = document.getElementById('alerts');
    if (!box) return;
    clear(box);
    state.notices.forEach(function (n) { append(box, el('p', { class: 'alert notice' }, n)); });
    state.errors.forEach(function (e) { append(box, el('p', { class: 'alert error' }, [el('strong', null, 'Not done: '), e])); });
    state.notices = state.notices.slice(-3);
  }

  function renderHistory(scene) {
    var list = el('ol', { class: 'history-list' });
    scene.history.forEach(function (h) {
      append(list, el('li', null, [
        el('p', { class: 'history-choice' }, h.text),
        h.reply ? el('p', { class: 'history-reply' }, String(h.reply).replace(/\*+/g, '')) : null,
        h.changes ? el('p', { class: 'history-changes' }, h.changes.replace(/-(\d)/g, '\u2212$1')) : null
      ]));
    });
    var d = el('details', { class: 'history' }, [
      el('summary', null, 'Your decisions so far (' + scene.history.length + ')'),
      list
    ]);
    d.open = state.historyOpen;
    d.addEventListener('toggle', function () { state.historyOpen = d.open; });
    return d;
  }

  function renderChanges(changes) {
    var ul = el('ul', { class: 'changes', 'aria-label': 'What your last choice changed' });
    changes.forEach(function (c) {
      var kind = c.sign > 0 ? 'good' : c.sign < 0 ? 'bad' : 'neutral';
      append(ul, el('li', { class: 'change ' + kind }, [
        el('span', { class: 'change-icon', 'aria-hidden': 'true' }, kind === 'good' ? '\u2713' : kind === 'bad' ? '\u2717' : '\u2022'),
        ' ' + c.text.replace(/-(\d)/, '\u2212$1') + ' ',
        kind !== 'neutral' ? el('span', { class: 'change-word' }, kind === 'good' ? 'better' : 'worse') : null
      ]));
    });
    return ul;
  }

  function renderChoices(scene) {
    var section = el('section', { class: 'choices', 'aria-labelledby': 'choices-heading' });
    append(section, el('h2', { id: 'choices-heading' }, 'What do you do?'));
    var ol = el('ol', { class: 'choice-list' });
    (scene.choices || []).forEach(function (c) {
      var btn = el('button', { type: 'button', class: 'choice' + (c.locked ? ' locked' : ''), disabled: !!c.locked }, [
        el('span', { class: 'choice-n', 'aria-hidden': 'true' }, c.locked ? lockIcon() : String(c.n)),
        el('span', { class: 'choice-body' }, [
          el('span', { class: 'choice-text' }, c.text),
          c.locked ? el('span', { class: 'requirement' }, 'Locked: ' + (c.requirement || 'not available now')) : null
        ])
      ]);
      /* By id, not number: a page left open in a second tab must not take another choice. */
      if (!c.locked) btn.addEventListener('click', function () { play({ choose: c.id || c.n }); });
      append(ol, el('li', null, btn));
    });
    append(section, ol);
    if (!(scene.choices || []).length) append(section, el('p', null, 'There is nothing to choose here.'));
    return section;
  }

  /* A padlock drawn in SVG (no icon font: the page loads nothing but its own files). */
  function lockIcon() {
    var icon = svg('svg', { viewBox: '0 0 16 16', width: 14, height: 14, class: 'lock-icon', focusable: 'false' });
    icon.appendChild(svg('rect', { x: 2.5, y: 7, width: 11, height: 8, rx: 1.5 }));
    icon.appendChild(svg('path', { d: 'M5 7V5a3 3 0 0 1 6 0v2', fill: 'none', 'stroke-width': 1.8 }));
    return icon;
  }

  function renderNameForm() {
    var input = el('input', { id: 'story-name', type: 'text', autocomplete: 'given-name', maxlength: '60', required: true });
    var err = el('p', { class: 'alert error', role: 'alert' });
    err.hidden = true;
    var form = el('form', { class: 'card name-form', novalidate: true }, [
      el('h2', { id: 'name-heading' }, 'Before you begin'),
      el('label', { for: 'story-name' }, 'Your first name, as the story will call you'),
      input, err,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Begin'))
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var name = input.value.trim();
      if (!name) { err.textContent = 'Type a name first.'; err.hidden = false; input.focus(); return; }
      if (/[\u0000-\u001f\u007f]/.test(name) || name.length > 60) {
        err.textContent = 'A name is 1 to 60 characters, on one line.'; err.hidden = false; input.focus(); return;
      }
      play({ name: name });
    });
    return form;
  }

  function renderToolbar(scene) {
    var bar = el('div', { class: 'toolbar', role: 'group', 'aria-label': 'Game' });
    var ended = !!scene.ending;
    if (!ended) {
      append(bar, el('button', { type: 'button', disabled: scene.decision === 0,
        onclick: function () { play({ undo: true }); } }, 'Undo'));
    }
    append(bar, el('button', { type: 'button', 'aria-expanded': state.panel === 'save' ? 'true' : 'false', 'aria-controls': 'panel',
      onclick: function () { togglePanel('save'); } }, 'Save'));
    append(bar, el('button', { type: 'button', 'aria-expanded': state.panel === 'load' ? 'true' : 'false', 'aria-controls': 'panel',
      onclick: function () {
        if (state.panel === 'load') { togglePanel('load'); return; }
        play({ saves: true }, { keepPanel: true });
      } }, 'Load'));
    append(bar, explainButton('stats', 'stats-button', 'Stats explained'));
    append(bar, explainButton('endings', 'endings-button', 'Endings'));
    if (!ended) append(bar, el('button', { type: 'button', onclick: leave }, 'Leave'));
    return bar;
  }

  /* A button opening the Stats explained or Endings dialog (explain.js) on this scene. */
  function explainButton(kind, id, text) {
    return el('button', { type: 'button', id: id, 'aria-haspopup': 'dialog', onclick: function () {
      if (state.scene) window.LadderExplain.show(kind, state.scene, id);
    } }, text);
  }

  function togglePanel(which) {
    state.panel = state.panel === which ? null : which;
    renderPanel();
    if (state.panel) focusHeading('panel-heading');
  }

  function renderPanel() {
    var slot = document.getElementById('panel');
    if (!slot) return;
    clear(slot);
    var bar = document.querySelector('.toolbar');
    if (bar) {
      bar.querySelectorAll('[aria-expanded]').forEach(function (b) {
        var which = b.textContent === 'Save' ? 'save' : 'load';
        b.setAttribute('aria-expanded', state.panel === which ? 'true' : 'false');
      });
    }
    if (state.panel === 'save') append(slot, renderSavePanel());
    else if (state.panel === 'load') append(slot, renderLoadPanel());
  }

  function renderSavePanel() {
    var input = el('input', { id: 'slot-name', type: 'text', maxlength: '64', required: true,
      autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'slot-hint' });
    var err = el('p', { class: 'alert error', role: 'alert' });
    err.hidden = true;
    var form = el('form', { class: 'card panel', novalidate: true }, [
      el('h2', { id: 'panel-heading', tabindex: '-1' }, 'Save this game'),
      el('label', { for: 'slot-name' }, 'Name of the save'),
      el('p', { id: 'slot-hint', class: 'hint' }, 'Letters, digits, \u201c-\u201d and \u201c_\u201d; up to 64. A save of the same name is replaced.'),
      input, err,
      el('div', { class: 'actions' }, [
        el('button', { type: 'submit', class: 'primary' }, 'Save'),
        el('button', { type: 'button', onclick: function () { togglePanel('save'); } }, 'Cancel')
      ])
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var name = input.value.trim();
      var problem = !SLOT_RE.test(name) ? 'Use 1 to 64 letters, digits, \u201c-\u201d or \u201c_\u201d, with no spaces.'
        : /^autosave/i.test(name) ? 'That name is kept for the automatic save: choose another.' : null;
      if (problem) { err.textContent = problem; err.hidden = false; input.focus(); return; }
      play({ save: name }, { keepPanel: true });
    });
    return form;
  }

  function renderLoadPanel() {
    var saves = state.saves || [];
    var box = el('section', { class: 'card panel', 'aria-labelledby': 'panel-heading' }, [
      el('h2', { id: 'panel-heading', tabindex: '-1' }, 'Load a save')
    ]);
    if (!saves.length) {
      append(box, el('p', null, 'There are no saves of this story yet.'));
    } else {
      var ul = el('ul', { class: 'saves-list' });
      saves.forEach(function (s) {
        var hid = uid('save');
        var when = s.updated ? new Date(s.updated) : null;
        var details = [];
        if (s.at) details.push(s.at);
        details.push(s.decisions === 1 ? '1 decision' : (s.decisions || 0) + ' decisions');
        if (s.ended) details.push('ended');
        if (when && !isNaN(when.getTime())) details.push(when.toLocaleString());
        append(ul, el('li', null, [
          el('div', null, [el('strong', { id: hid }, s.name), el('p', { class: 'hint' }, details.join(' \u00b7 '))]),
          el('button', { type: 'button', 'aria-describedby': hid, onclick: function () { play({ load: s.name }); } }, 'Load')
        ]));
      });
      append(box, ul);
    }
    append(box, el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: function () { togglePanel('load'); } }, 'Close')));
    return box;
  }

  function leave() {
    if (state.busy) return;
    state.busy = true;
    setBusy(true);
    api('POST', '/api/leave', {}).then(function () {
      state.busy = false;
      setBusy(false);
      state.notices = [];
      state.errors = [];
      return boot({ focus: true, showList: true });
    }).catch(failed);
  }

  /* ---------- stats ---------- */

  function renderStats(scene) {
    var signs = {};
    (scene.changes || []).forEach(function (c) { signs[c.stat] = c.sign; });
    var aside = el('aside', { class: 'stats-col', 'aria-labelledby': 'stats-heading' }, [
      el('h2', { id: 'stats-heading' }, scene.ending ? 'Where you ended' : 'Where you stand')
    ]);
    var ul = el('ul', { class: 'stats' });
    (scene.stats || []).forEach(function (s) {
      if (s.hidden && !scene.ending) return;
      var span = (s.max - s.min) || 1;
      var pct = Math.max(0, Math.min(100, ((s.value - s.min) / span) * 100));
      var fill = el('span', { class: 'bar-fill' });
      fill.style.width = pct.toFixed(1) + '%';
      var bar = el('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
      var sign = signs[s.id];
      if (sign === undefined && s.change) {
        sign = s.good === 'high' ? Math.sign(s.change) : s.good === 'low' ? -Math.sign(s.change) : 0;
      }
      var delta = null;
      if (s.change) {
        var kind = sign > 0 ? 'good' : sign < 0 ? 'bad' : 'neutral';
        delta = el('span', { class: 'delta ' + kind }, [
          el('span', { class: 'visually-hidden' }, 'last change '),
          signed(s.change),
          kind !== 'neutral' ? ' ' : null,
          kind !== 'neutral' ? el('span', { class: 'change-word' }, [
            el('span', { class: 'change-icon', 'aria-hidden': 'true' }, kind === 'good' ? '\u2713 ' : '\u2717 '),
            kind === 'good' ? 'better' : 'worse']) : null
        ]);
      }
      var goodText = s.good === 'high' ? 'higher is better' : s.good === 'low' ? 'lower is better' : null;
      append(ul, el('li', { class: 'stat' }, [
        el('div', { class: 'stat-top' }, [
          el('span', { class: 'stat-label' }, s.label),
          el('span', { class: 'stat-value' }, [String(s.value), el('span', { class: 'stat-range' }, ' of ' + s.max)])
        ]),
        bar,
        (goodText || delta) ? el('div', { class: 'stat-foot' }, [
          goodText ? el('span', { class: 'stat-good' }, goodText) : el('span'),
          delta
        ]) : null
      ]));
    });
    append(aside, ul);
    return aside;
  }

  /* ---------- the ending ---------- */

  var VERDICT_ICON = { good: '\u2713', bad: '\u2717', mixed: '\u223c' };

  function renderVerdict(scene) {
    var v = scene.ending.verdict || 'none';
    var words = scene.outcome && scene.outcome.verdict_text ? scene.outcome.verdict_text : (v + ' ending');
    return el('p', { class: 'verdict verdict-' + v }, [
      el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, VERDICT_ICON[v] || '\u2022'),
      ' ' + capital(words).replace(/\.$/, '')
    ]);
  }

  function renderEnding(scene) {
    var outcome = scene.outcome || {};
    var camp = scene.campaign;
    var wrap = el('div', { class: 'ending' });
    if (outcome.forced_reason) append(wrap, el('p', { class: 'forced' }, outcome.forced_reason));
    if (scene.ending.lesson) {
      append(wrap, el('section', { class: 'lesson', 'aria-labelledby': 'lesson-heading' }, [
        el('h2', { id: 'lesson-heading' }, 'The lesson'),
        el('p', null, scene.ending.lesson)
      ]));
    }
    if (camp && camp.career && camp.career.length) { // the last chapter: the whole career
      var ol = el('ol', { class: 'career' });
      camp.career.forEach(function (c) {
        append(ol, el('li', null, [el('strong', null, c.story + ': '), c.ending + ' (a ' + c.verdict + ' ending)']));
      });
      append(wrap, el('section', { class: 'career-section', 'aria-labelledby': 'career-heading' }, [
        el('h2', { id: 'career-heading' }, 'Your career'), ol]));
    }
    if (typeof outcome.endings_found === 'number' && typeof outcome.endings_total === 'number') {
      append(wrap, el('p', { class: 'gallery' }, [
        el('strong', null, outcome.endings_found + ' of ' + outcome.endings_total),
        ' endings found' + (outcome.endings_found < outcome.endings_total ? ': play again to find the others.' : ': you have found them all.'),
        explainButton('endings', 'gallery-button', 'See the endings')
      ]));
    }
    var actions = el('div', { class: 'actions ending-actions' });
    if (camp && camp.next) append(actions, el('button', { type: 'button', class: 'primary', onclick: function () { play({ next: true }); } }, 'Next chapter'));
    append(actions, el('button', { type: 'button', class: camp && camp.next ? null : 'primary', onclick: function () { play({ restart: true }); } }, 'Play again'));
    append(actions, el('button', { type: 'button', onclick: function () { play({ undo: true }); } }, 'Undo the last decision'));
    append(actions, el('button', { type: 'button', onclick: leave }, 'Other stories'));
    append(wrap, actions);
    if (outcome.series && outcome.series.length) {
      append(wrap, L.chart(outcome.series, statsById(scene), view && view.clientWidth ? view.clientWidth - 34 : 640));
    }
    if (scene.debrief && scene.debrief.length) append(wrap, renderDebrief(scene));
    return wrap;
  }

  // One decision of the debrief; recap adds what the source advises and the road not taken.
  function debriefItem(d, recap) {
    var advice = d.advice === 'follows' ? el('p', { class: 'advice follows' }, [el('span', { 'aria-hidden': 'true' }, '\u2713 '), 'Follows the advice'])
      : d.advice === 'against' ? el('p', { class: 'advice against' }, [el('span', { 'aria-hidden': 'true' }, '\u2717 '), 'Goes against the advice']) : null;
    return el('li', null, [
      el('p', { class: 'debrief-choice' }, d.text),
      advice,
      d.reply ? el('p', { class: 'debrief-reply' }, String(d.reply).replace(/\*+/g, '')) : null,
      d.lesson ? el('p', { class: 'debrief-lesson' }, d.lesson) : null,
      recap && d.advises ? el('p', { class: 'debrief-advises' }, [el('strong', null, 'The advice: '), d.advises]) : null,
      recap && d.not_taken ? el('p', { class: 'debrief-not-taken' }, [el('strong', null, 'The road not taken: '), d.not_taken]) : null,
      d.discuss ? el('p', { class: 'debrief-discuss' }, [el('strong', null, 'To discuss: '), d.discuss]) : null
    ]);
  }

  // The end-of-run recap: the run's pivotal decisions (the screen model picks 5 to 7), then
  // every decision folded away.
  function renderDebrief(scene) {
    var pivotal = el('ol', { class: 'debrief' });
    var all = el('ol', { class: 'debrief' });
    scene.debrief.forEach(function (d) {
      if (d.pivotal) append(pivotal, debriefItem(d, true));
      append(all, debriefItem(d, false));
    });
    var n = scene.debrief.length;
    return el('section', { class: 'debrief-section', 'aria-labelledby': 'debrief-heading' }, [
      el('h2', { id: 'debrief-heading' }, 'The decisions that shaped your run'),
      pivotal,
      el('details', null, [el('summary', null, n === 1 ? 'Your one decision' : 'All ' + n + ' decisions'), all])
    ]);
  }

  function init() {
    view = document.getElementById('view');
    banner = document.getElementById('banner');
    announcer = document.getElementById('announcer');
    L.initSettings();
    document.addEventListener('visibilitychange', resync);
    window.addEventListener('online', function () {
      if (!state.reconnecting) return;
      if (state.retryTimer) window.clearTimeout(state.retryTimer);
      state.retryDelay = 1500;
      tryReconnect();
    });
    boot();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
