/* Shared by Ladder's web pages: the reader's settings (theme, text size; applied before the page
   paints) and small DOM helpers. Exposes window.Ladder; app.js, chart.js and facilitator.js use it. */
(function () {
  'use strict';

  var root = document.documentElement;
  var THEMES = ['system', 'light', 'dark', 'contrast'];
  var SIZES = ['s', 'm', 'l', 'xl'];
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

  var idCounter = 0;
  function uid(prefix) { idCounter += 1; return prefix + '-' + idCounter; }

  /* ---------- settings panel ---------- */

  /* Wire the header's Settings button and its panel (the same markup on both pages). */
  function initSettings() {
    var toggle = document.getElementById('settings-toggle');
    var panel = document.getElementById('settings');
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

  window.Ladder = { el: el, append: append, svg: svg, clear: clear, uid: uid, initSettings: initSettings };
}());
