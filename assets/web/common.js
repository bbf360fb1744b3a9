/* Shared by Ladder's web pages: the reader's settings (theme, text size; applied before the page
   paints) and small DOM helpers. Exposes window.Ladder; app.js, chart.js and facilitator.js use it. */
(function () {
  'use strict';

  var root = document.documentElement;
  /* the settings and their labels, in the panel's order: the one list of them */
  var THEME_LABELS = [['system', 'Like my device'], ['light', 'Light'], ['dark', 'Dark'],
    ['contrast', 'High contrast']];
  var SIZE_LABELS = [['s', 'Small'], ['m', 'Normal'], ['l', 'Large'], ['xl', 'Larger']];
  var THEMES = THEME_LABELS.map(function (t) { return t[0]; });
  var SIZES = SIZE_LABELS.map(function (t) { return t[0]; });
  var SVGNS = 'http://www.w3.org/2000/svg';

  /* ---------- settings: applied at once, before the page paints ---------- */

  function readSetting(key, allowed, fallback) {
    var v = null;
    try { v = window.localStorage.getItem('ladder.' + key); } catch (e) { v = null; }
    return allowed.indexOf(v) >= 0 ? v : fallback;
  }
  function writeSetting(key, value) {
    try { window.localStorage.setItem('ladder.' + key, value); } catch (e) { /* private mode */ }
  }
  function applySettings() {
    var theme = readSetting('theme', THEMES, 'system');
    var size = readSetting('size', SIZES, 'm');
    if (theme === 'system') delete root.dataset.theme; else root.dataset.theme = theme;
    root.dataset.size = size;
  }
  applySettings();

  /* ---------- small DOM helpers ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    if (children === null || children === undefined || children === false) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* A scene's prose as the JSON protocol carries it ("paragraphs": runs of text, em, strong and
     breaks) as <p> elements. */
  function paragraphs(list) {
    return (list || []).map(function (runs) {
      var p = el('p');
      (runs || []).forEach(function (r) {
        if (r.break) { p.appendChild(el('br')); return; }
        var node = document.createTextNode(r.text || '');
        if (r.em) node = el('em', null, node);
        if (r.strong) node = el('strong', null, node);
        p.appendChild(node);
      });
      return p;
    });
  }

  /* The facilitator's token: taken from #admin=TOKEN (then kept under key in sessionStorage, for
     this tab only, and removed from the address bar), else the one kept before; or null. */
  function adminToken(key) {
    var m = /(?:^#|&)admin=([^&]*)/.exec(window.location.hash || '');
    var token = null;
    if (m) {
      try { token = decodeURIComponent(m[1]); } catch (e) { token = m[1]; }
      try { window.sessionStorage.setItem(key, token); } catch (e) { /* kept in memory only */ }
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    } else {
      try { token = window.sessionStorage.getItem(key); } catch (e) { token = null; }
    }
    return token || null;
  }

  var idCounter = 0;
  function uid(prefix) { idCounter += 1; return prefix + '-' + idCounter; }

  /* ---------- settings panel ---------- */

  /* One group of radio buttons: a legend and an option per [value, label]. */
  function choiceGroup(legend, name, options) {
    return el('fieldset', null, [el('legend', null, legend), el('div', { class: 'options' },
      options.map(function (o) {
        return el('label', null, [el('input', { type: 'radio', name: name, value: o[0] }), ' ' + o[1]]);
      }))]);
  }

  /* Fill the header's settings panel (an empty <section id="settings">, the same on every page)
     and wire its Settings button. */
  function initSettings() {
    var toggle = document.getElementById('settings-toggle');
    var panel = document.getElementById('settings');
    clear(panel);
    append(panel, [choiceGroup('Theme', 'theme', THEME_LABELS),
      choiceGroup('Text size', 'size', SIZE_LABELS)]);
    function setOpen(open) {
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    toggle.addEventListener('click', function () {
      setOpen(panel.hidden);
      if (!panel.hidden) {
        var checked = panel.querySelector('input:checked');
        if (checked) checked.focus();
      }
    });
    panel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { setOpen(false); toggle.focus(); }
    });
    var theme = readSetting('theme', THEMES, 'system');
    var size = readSetting('size', SIZES, 'm');
    panel.querySelectorAll('input[name="theme"]').forEach(function (r) {
      r.checked = r.value === theme;
      r.addEventListener('change', function () { writeSetting('theme', r.value); applySettings(); });
    });
    panel.querySelectorAll('input[name="size"]').forEach(function (r) {
      r.checked = r.value === size;
      r.addEventListener('change', function () { writeSetting('size', r.value); applySettings(); });
    });
  }

  window.Ladder = { el: el, append: append, svg: svg, clear: clear, uid: uid,
    paragraphs: paragraphs, adminToken: adminToken, initSettings: initSettings };
}());
