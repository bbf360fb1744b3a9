/* The ending's chart for Ladder's player page: outcome.series as an SVG line chart built with
   createElementNS (markers and dashes differ per stat, not only colours), a legend, and the numbers
   as a table. Ladder.chart(series, statsById, availablePixels) returns a <section>. */
(function () {
  'use strict';

  var Ladder = window.Ladder;
  var el = Ladder.el, append = Ladder.append, svg = Ladder.svg, uid = Ladder.uid;

  /* An SVG line chart of outcome.series: one line per stat, each drawn on its own min..max scale. */
  function chart(series, byId, avail) {
    var W = Math.round(Math.max(280, Math.min(704, avail)));
    var H = W < 480 ? 220 : 280, L = 44, R = 16, T = 16, B = 40;
    var steps = 1;
    series.forEach(function (s) { steps = Math.max(steps, (s.values || []).length - 1); });
    var x = function (i) { return L + (W - L - R) * (steps ? i / steps : 0); };
    var y = function (v, st) {
      var lo = st ? st.min : 0, hi = st ? st.max : 100;
      var f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
      return T + (H - T - B) * (1 - Math.max(0, Math.min(1, f)));
    };
    var titleId = uid('chart-title'), descId = uid('chart-desc');
    var pic = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img',
      'aria-labelledby': titleId + ' ' + descId, preserveAspectRatio: 'xMidYMid meet' });
    var title = svg('title', { id: titleId });
    title.textContent = 'Your stats over ' + steps + (steps === 1 ? ' decision' : ' decisions');
    var desc = svg('desc', { id: descId });
    desc.textContent = series.map(function (s) {
      var st = byId[s.stat], v = s.values || [];
      var label = st ? st.label : s.stat;
      return v.length ? label + ' went from ' + v[0] + ' to ' + v[v.length - 1] : label;
    }).join('; ') + '.';
    pic.appendChild(title);
    pic.appendChild(desc);
    [0, 0.5, 1].forEach(function (f) {
      var yy = T + (H - T - B) * (1 - f);
      pic.appendChild(svg('line', { x1: L, x2: W - R, y1: yy, y2: yy, class: f === 0 ? 'axis' : 'grid' }));
    });
    var top = svg('text', { x: L - 6, y: T + 4, 'text-anchor': 'end', class: 'tick' }); top.textContent = 'high';
    var bot = svg('text', { x: L - 6, y: H - B - 2, 'text-anchor': 'end', class: 'tick' }); bot.textContent = 'low';
    pic.appendChild(top); pic.appendChild(bot);
    var every = Math.max(1, Math.ceil(steps / 10));
    for (var i = 0; i <= steps; i += every) {
      var t = svg('text', { x: x(i), y: H - B + 18, 'text-anchor': 'middle', class: 'tick' });
      t.textContent = i === 0 ? 'start' : String(i);
      pic.appendChild(t);
    }
    var xl = svg('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', class: 'tick axis-label' });
    xl.textContent = 'decision';
    pic.appendChild(xl);
    var legend = el('ul', { class: 'chart-legend' });
    series.forEach(function (s, k) {
      var st = byId[s.stat];
      var cls = 'series s' + (k % 6);
      var pts = (s.values || []).map(function (v, i) { return x(i).toFixed(1) + ',' + y(v, st).toFixed(1); });
      var g = svg('g', { class: cls });
      g.appendChild(svg('polyline', { points: pts.join(' '), class: 'line' }));
      (s.values || []).forEach(function (v, i) { g.appendChild(marker(k, x(i), y(v, st), 3.5)); });
      pic.appendChild(g);
      var key = svg('svg', { viewBox: '0 0 36 12', width: 36, height: 12, class: 'legend-key ' + cls, 'aria-hidden': 'true', focusable: 'false' });
      key.appendChild(svg('line', { x1: 2, x2: 34, y1: 6, y2: 6, class: 'line' }));
      key.appendChild(marker(k, 18, 6, 3.5));
      var v = s.values || [];
      append(legend, el('li', null, [key, ' ' + (st ? st.label : s.stat) + (v.length ? ': ' + v[0] + ' \u2192 ' + v[v.length - 1] : '')]));
    });
    return el('section', { class: 'chart-section', 'aria-labelledby': 'chart-heading' }, [
      el('h2', { id: 'chart-heading' }, 'How it went'),
      el('figure', { class: 'chart-figure' }, [
        pic,
        el('figcaption', null, [
          el('p', { class: 'hint' }, 'Each line runs from the stat\u2019s lowest possible value (bottom) to its highest (top).'),
          legend
        ])
      ]),
      renderChartTable(series, byId, steps)
    ]);
  }

  /* A marker whose shape differs per series, so lines differ by more than colour. */
  function marker(k, cx, cy, r) {
    switch (k % 6) {
      case 1: return svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: 'mark' });
      case 2: return svg('polygon', { points: [cx, cy - r * 1.2, cx + r * 1.1, cy + r * 0.9, cx - r * 1.1, cy + r * 0.9].join(' '), class: 'mark' });
      case 3: return svg('polygon', { points: [cx, cy - r * 1.3, cx + r * 1.3, cy, cx, cy + r * 1.3, cx - r * 1.3, cy].join(' '), class: 'mark' });
      case 4: return svg('circle', { cx: cx, cy: cy, r: r, class: 'mark hollow' });
      case 5: return svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: 'mark hollow' });
      default: return svg('circle', { cx: cx, cy: cy, r: r, class: 'mark' });
    }
  }

  function renderChartTable(series, byId, steps) {
    var headRow = el('tr', null, [el('th', { scope: 'col' }, 'Stat')]);
    for (var i = 0; i <= steps; i++) append(headRow, el('th', { scope: 'col' }, i === 0 ? 'Start' : String(i)));
    var body = el('tbody');
    series.forEach(function (s) {
      var st = byId[s.stat];
      var row = el('tr', null, el('th', { scope: 'row' }, st ? st.label : s.stat));
      for (var j = 0; j <= steps; j++) {
        append(row, el('td', null, (s.values || [])[j] === undefined ? '' : String(s.values[j])));
      }
      append(body, row);
    });
    return el('details', { class: 'chart-table' }, [
      el('summary', null, 'The numbers behind the chart'),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Stats after each decision' },
        el('table', null, [el('caption', { class: 'visually-hidden' }, 'Stats at the start and after each decision'),
          el('thead', null, headRow), body]))
    ]);
  }

  Ladder.chart = chart;
}());
