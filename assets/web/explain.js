/* The player page's two dialogs (issue 16: "a stats screen explaining each stat, the endings
   gallery"), as the window's S and E panels and the terminal's 'stats' and 'endings' show them:
   "Stats explained", each stat shown with its value, its range, which way is good and the
   story's description of it; and "Endings", the story's endings in its order, those this player
   has found by title and verdict (this game's marked), the others "Not found yet". Both are drawn
   from the scene message alone (README, "The JSON front end": stats[].description, and the
   scene's gallery, endings_found and endings_total). A native <dialog> opened modal: the rest of
   the page is inert while it is open, Esc closes it, and the focus goes back to the button that
   opened it. Exposes window.LadderExplain; app.js uses it. */
(function () {
  'use strict';

  var L = window.Ladder;
  var el = L.el, append = L.append, clear = L.clear;
  var VERDICT_WORDS = { good: 'a good ending', bad: 'a bad ending', mixed: 'a mixed ending' };
  var TITLES = { stats: 'Stats explained', endings: 'Endings' };

  var open = null; // {kind, dialog, body, opener}: the dialog on screen, or null

  function goodWords(g) {
    return g === 'low' ? 'lower is better' : g === 'neutral' ? 'neither way is better' : 'higher is better';
  }

  /* Each stat the page shows (a hidden one only at the ending, as the stats column does). */
  function statsBody(scene) {
    var shown = (scene.stats || []).filter(function (s) { return !s.hidden || scene.ending; });
    if (!shown.length) return el('p', null, 'This story shows no stats.');
    var ul = el('ul', { class: 'explain-list' });
    shown.forEach(function (s) {
      append(ul, el('li', null, [
        el('h3', null, s.label),
        el('p', { class: 'explain-figures' }, [
          el('strong', null, String(s.value)),
          ' (from ' + s.min + ' to ' + s.max + '), ',
          el('em', null, goodWords(s.good))
        ]),
        s.description ? el('p', null, s.description) : null
      ]));
    });
    return ul;
  }

  /* The endings gallery: found endings by title and verdict, the others kept back. */
  function endingsBody(scene) {
    var list = scene.gallery || (scene.outcome && scene.outcome.gallery) || [];
    var mine = scene.ending ? scene.ending.id : null;
    var box = el('div');
    append(box, el('p', { class: 'explain-count' }, scene.endings_total
      ? scene.endings_found + ' of ' + scene.endings_total + ' endings found.'
      : 'The endings you reach are not being recorded on this server.'));
    var ol = el('ol', { class: 'explain-endings' });
    list.forEach(function (e) {
      if (!e.found) {
        append(ol, el('li', { class: 'not-found' }, 'Not found yet'));
        return;
      }
      append(ol, el('li', { class: 'found verdict-text-' + (e.verdict || 'none') }, [
        el('strong', null, e.title),
        ' \u2014 ' + (VERDICT_WORDS[e.verdict] || 'an ending'),
        e.id === mine ? el('em', { class: 'this-game' }, ' (this game)') : null
      ]));
    });
    append(box, ol);
    return box;
  }

  function fill(kind, scene, body) {
    clear(body);
    append(body, kind === 'stats' ? statsBody(scene) : endingsBody(scene));
  }

  function close() {
    if (open && open.dialog.open) open.dialog.close();
  }

  /* Open the dialog kind ('stats' or 'endings') for scene; opener: the id of the button that
     opened it, focused again when the dialog closes (the page may have drawn it anew). */
  function show(kind, scene, opener) {
    close();
    var body = el('div', { class: 'explain-body' });
    var dialog = el('dialog', { class: 'explain', 'aria-labelledby': 'explain-heading' }, [
      el('div', { class: 'explain-inner' }, [
        el('div', { class: 'explain-head' }, [
          el('h2', { id: 'explain-heading' }, TITLES[kind]),
          el('button', { type: 'button', class: 'explain-close', onclick: close }, 'Close')
        ]),
        body
      ])
    ]);
    fill(kind, scene, body);
    /* a click on the backdrop (the dialog itself, outside its inner box) closes it too */
    dialog.addEventListener('click', function (ev) { if (ev.target === dialog) close(); });
    dialog.addEventListener('close', function () {
      var was = open;
      open = null;
      dialog.remove();
      var back = was && document.getElementById(was.opener);
      if (!back) back = document.getElementById('scene-heading');
      if (back) back.focus();
    });
    document.body.appendChild(dialog);
    open = { kind: kind, dialog: dialog, body: body, opener: opener };
    dialog.showModal();
  }

  /* The page drew a new scene (a resync from another tab, say): an open dialog follows it. */
  function refresh(scene) {
    if (open && scene) fill(open.kind, scene, open.body);
  }

  window.LadderExplain = { show: show, close: close, refresh: refresh };
}());
