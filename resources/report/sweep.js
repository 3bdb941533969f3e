/* Veloce sweep report: renders the JSON embedded by SweepHtmlReport (core/report). Every number is
 * read from that JSON (which comes from sweep.json and sweep.csv); this script formats and draws,
 * it never recomputes a statistic. The heatmap cells are SweepHeatmap's, computed in C++ (the
 * Optimizer view draws the same). Text goes into the page with textContent only. */
(function () {
  'use strict';

  var C = { bg: '#131722', grid: '#1e222d', line: '#2a2e39', text: '#d1d4dc', muted: '#787b86',
            up: '#26a69a', down: '#ef5350', accent: '#2962ff', gold: '#f0b90b', none: '#2a2e39' };
  // Perceptually uniform, colour-blind safe (viridis), dark to bright: bright is better.
  var SCALE = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  var PCT_KEYS = { total_return: 1, max_drawdown: 1, win_rate: 1, exposure: 1 };
  var INT_KEYS = { rank: 1, total_trades: 1 };
  var errors = [];
  var state = { errors: errors, heatmap: null, cellsDrawn: 0 };
  window.veloceSweep = state;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var fmt = {
    pct: function (v) { return v === null ? '\u2014' : (v * 100).toFixed(2) + ' %'; },
    prob: function (v) { return v === null ? '\u2014' : (v * 100).toFixed(1) + ' %'; },
    ratio: function (v) { return v === null ? '\u2014' : v.toFixed(3); },
    int: function (v) { return v === null ? '\u2014' : Math.round(v).toLocaleString('en-US'); },
    money: function (v) { return v === null ? '\u2014' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  };
  function formatMetric(key, v) {
    if (typeof v === 'string') return v;
    if (PCT_KEYS[key]) return fmt.pct(v);
    if (INT_KEYS[key]) return fmt.int(v);
    if (key === 'final_equity') return fmt.money(v);
    return fmt.ratio(v);
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function colour(t) {
    t = Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
    var i = Math.min(SCALE.length - 2, Math.floor(t)), f = t - i, a = SCALE[i], b = SCALE[i + 1];
    return 'rgb(' + Math.round(a[0] + (b[0] - a[0]) * f) + ',' + Math.round(a[1] + (b[1] - a[1]) * f) + ',' +
      Math.round(a[2] + (b[2] - a[2]) * f) + ')';
  }
  // The canvas at the device's pixel density, drawn in CSS pixels.
  function context(canvas) {
    var w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height, r = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * r);
    canvas.height = Math.round(h * r);
    var ctx = canvas.getContext('2d');
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, w, h);
    return { ctx: ctx, w: w, h: h };
  }

  function header(d) {
    var m0 = d.markets[0];
    $('headline').textContent = (m0 && m0.symbol ? m0.symbol + ' \u2014 ' : '') + d.completed.toLocaleString('en-US') +
      ' configurations' + (d.markets.length > 1 ? ' \u00d7 ' + d.markets.length + ' markets' : '');
    if (m0) $('period').textContent = day(m0.start_ms) + ' \u2192 ' + day(m0.end_ms);
    var meta = $('meta');
    function item(label, value) { var s = el('span', null, label + ' '); s.appendChild(el('b', null, value)); meta.appendChild(s); }
    item('grid', d.grid_file);
    item('keys', d.keys.join(', '));
    item('objective', d.objective.key + ' (' + d.objective.direction + ')');
    d.markets.forEach(function (m) { item('market', m.label + ' \u00b7 ' + m.bars.toLocaleString('en-US') + ' bars \u00b7 ' + m.bars_sha256.slice(0, 12)); });
    item('elapsed', (d.elapsed_ms / 1000).toFixed(2) + ' s on ' + d.jobs + ' threads');
    if (d.cancelled) meta.appendChild(el('span', 'warn', 'cancelled: ' + d.completed + ' of ' + d.configurations + ' ran'));
    var c = d.checks[0], badge = $('verdict');
    if (c) {
      var dsr = c.dsr.probability, pbo = c.pbo.probability;
      badge.textContent = 'DSR ' + fmt.prob(dsr) + ' \u00b7 PBO ' + fmt.prob(pbo);
      badge.className = 'badge ' + ((dsr !== null && dsr >= 0.95 && pbo !== null && pbo < 0.5) ? 'up' : 'down');
    }
  }

  function card(key, label, value, text, hint) {
    var c = el('div', 'card');
    c.dataset.key = key;
    c.dataset.value = JSON.stringify(value);
    c.appendChild(el('div', 'label', label));
    c.appendChild(el('div', 'value', text));
    if (hint) c.appendChild(el('div', 'hint', hint));
    return c;
  }

  function best(d) {
    var box = $('best');
    if (!d.best) { $('best-note').textContent = 'no configuration finished'; return; }
    $('best-note').textContent = 'configuration ' + d.best.index + ' of the grid, ranked first by the ' +
      (d.markets.length > 1 ? 'worst, then the median, ' : '') + d.objective.key;
    d.keys.forEach(function (k, i) {
      var v = d.values[i][d.best.coordinates[i]];
      box.appendChild(card('value.' + k, k, v, v));
    });
    var key = d.objective.key;
    if (d.markets.length > 1) {
      box.appendChild(card('worst', 'worst ' + key, d.best.worst, formatMetric(key, d.best.worst), 'over ' + d.markets.length + ' markets'));
      box.appendChild(card('median', 'median ' + key, d.best.median, formatMetric(key, d.best.median)));
    }
    d.markets.forEach(function (m, i) {
      box.appendChild(card('objective.' + m.label, key, d.best.per_market[i], formatMetric(key, d.best.per_market[i]), m.label));
    });
    d.checks.forEach(function (c) {
      var dsr = c.dsr.probability, pbo = c.pbo.probability;
      var a = card('dsr.' + c.market, 'deflated Sharpe', dsr, fmt.prob(dsr), c.market);
      a.querySelector('.value').className = 'value ' + (dsr !== null && dsr >= 0.95 ? 'up' : 'down');
      box.appendChild(a);
      var b = card('pbo.' + c.market, 'PBO', pbo, fmt.prob(pbo), c.market);
      b.querySelector('.value').className = 'value ' + (pbo !== null && pbo < 0.5 ? 'up' : 'down');
      box.appendChild(b);
    });
  }

  function checks(d) {
    var t = $('checks'), head = el('tr');
    ['market', 'deflated Sharpe', 'Sharpe (ann.)', 'SR\u2080 benchmark (ann.)', 'trials', 'returns', 'skewness', 'kurtosis',
     'PBO', 'blocks', 'splits'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead'); thead.appendChild(head); t.appendChild(thead);
    var body = el('tbody');
    d.checks.forEach(function (c) {
      var tr = el('tr');
      tr.dataset.market = c.market;
      var cells = [[null, c.market, 'text'], ['dsr', fmt.prob(c.dsr.probability), 'dsr'], [null, fmt.ratio(c.dsr.sharpe_ratio)],
        [null, fmt.ratio(c.dsr.benchmark_sharpe_ratio)], [null, fmt.int(c.dsr.trials)], [null, fmt.int(c.dsr.observations)],
        [null, fmt.ratio(c.dsr.skewness)], [null, fmt.ratio(c.dsr.kurtosis)], ['pbo', fmt.prob(c.pbo.probability), 'pbo'],
        [null, fmt.int(c.pbo.blocks)], [null, fmt.int(c.pbo.combinations)]];
      cells.forEach(function (x) {
        var td = el('td', x[2] === 'text' ? 'text' : null, x[1]);
        if (x[0]) { td.dataset.key = x[0]; td.dataset.value = JSON.stringify(x[0] === 'dsr' ? c.dsr.probability : c.pbo.probability); }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    var c0 = d.checks[0];
    if (c0) {
      $('histogram-note').textContent = 'logits \u03bb of the in-sample winner\u2019s out-of-sample rank over ' +
        c0.pbo.combinations.toLocaleString('en-US') + ' splits (' + c0.market + '); PBO = share of \u03bb \u2264 0 (red)';
      histogram(c0.pbo.histogram);
    }
  }

  function histogram(h) {
    var g = context($('histogram')), ctx = g.ctx;
    if (!h) { ctx.fillStyle = C.muted; ctx.fillText('no PBO: too few returns or configurations', 12, 20); return; }
    var max = Math.max.apply(null, h.counts), left = 44, bottom = g.h - 22, top = 8, width = g.w - left - 10;
    var bw = width / h.counts.length;
    ctx.font = '11px sans-serif';
    ctx.strokeStyle = C.line;
    ctx.beginPath(); ctx.moveTo(left, bottom); ctx.lineTo(left + width, bottom); ctx.stroke();
    h.counts.forEach(function (n, i) {
      var x0 = h.from + i * h.width, height = max > 0 ? (bottom - top) * n / max : 0;
      ctx.fillStyle = x0 + h.width <= 0 ? C.down : C.up;
      ctx.fillRect(left + i * bw + 1, bottom - height, bw - 2, height);
      if (i % 4 === 0) { ctx.fillStyle = C.muted; ctx.fillText(x0.toFixed(1), left + i * bw, g.h - 6); }
    });
    ctx.fillStyle = C.muted;
    ctx.fillText(String(max), 4, top + 10);
    ctx.fillText('0', 30, bottom);
  }

  function heatmaps(d) {
    var pick = $('heatmap-pick');
    if (!d.heatmaps.length) { $('heatmap-note').textContent = 'no grid key: nothing to map'; return; }
    d.heatmaps.forEach(function (h, i) {
      var label = d.keys[h.x] + (h.y >= 0 ? ' \u00d7 ' + d.keys[h.y] : '');
      var o = el('option', null, label); o.value = String(i); pick.appendChild(o);
    });
    pick.addEventListener('change', function () { drawHeatmap(d, d.heatmaps[Number(pick.value)]); });
    drawHeatmap(d, d.heatmaps[0]);
  }

  function drawHeatmap(d, h) {
    state.heatmap = h;
    var g = context($('heatmap')), ctx = g.ctx;
    var others = d.keys.filter(function (k, i) { return i !== h.x && i !== h.y; });
    $('heatmap-note').textContent = d.objective.key + (d.markets.length > 1 ? ' (worst over markets)' : '') +
      (others.length ? '; ' + others.join(', ') + ' at the best configuration\u2019s values' : '');
    var left = 110, bottom = 64, top = 12, right = 12;
    var cw = (g.w - left - right) / h.columns, ch = (g.h - top - bottom) / h.rows;
    var lo = h.min, hi = h.max, minimise = d.objective.direction === 'minimise';
    function t(v) { var s = hi > lo ? (v - lo) / (hi - lo) : 0.5; return minimise ? 1 - s : s; }
    ctx.font = '12px sans-serif';
    ctx.textBaseline = 'middle';
    state.cellsDrawn = 0;
    for (var y = 0; y < h.rows; ++y) {
      for (var x = 0; x < h.columns; ++x) {
        var v = h.cells[y * h.columns + x], px = left + x * cw, py = top + (h.rows - 1 - y) * ch;
        ctx.fillStyle = v === null ? C.none : colour(t(v));
        ctx.fillRect(px + 1, py + 1, cw - 2, ch - 2);
        if (v !== null) ++state.cellsDrawn;
        if (h.configs[y * h.columns + x] === d.best.index) {
          ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 2; ctx.strokeRect(px + 2, py + 2, cw - 4, ch - 4); ctx.lineWidth = 1;
        }
        if (cw > 44 && ch > 18 && v !== null) {
          ctx.fillStyle = t(v) > 0.6 ? '#111' : '#fff';
          ctx.textAlign = 'center';
          ctx.fillText(formatMetric(d.objective.key, v), px + cw / 2, py + ch / 2);
        }
      }
    }
    // Axes: every value when it fits, else every n-th.
    ctx.fillStyle = C.text;
    ctx.textAlign = 'center';
    var xs = d.values[h.x], xStep = Math.max(1, Math.ceil(xs.length * 60 / (g.w - left)));
    for (var i = 0; i < xs.length; i += xStep) ctx.fillText(xs[i], left + (i + 0.5) * cw, g.h - bottom + 14);
    ctx.fillStyle = C.muted;
    ctx.fillText(d.keys[h.x], left + (g.w - left - right) / 2, g.h - 18);
    ctx.textAlign = 'right';
    ctx.fillStyle = C.text;
    if (h.y >= 0) {
      var ys = d.values[h.y], yStep = Math.max(1, Math.ceil(ys.length * 18 / (g.h - top - bottom)));
      for (var j = 0; j < ys.length; j += yStep) ctx.fillText(ys[j], left - 8, top + (h.rows - 1 - j + 0.5) * ch);
      ctx.save(); ctx.translate(16, top + (g.h - top - bottom) / 2); ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center'; ctx.fillStyle = C.muted; ctx.fillText(d.keys[h.y], 0, 0); ctx.restore();
    }
    legend(d, h, t);
    $('heatmap').onmousemove = function (e) {
      var r = e.target.getBoundingClientRect(), cx = Math.floor((e.clientX - r.left - left) / cw),
          cy = h.rows - 1 - Math.floor((e.clientY - r.top - top) / ch);
      if (cx < 0 || cy < 0 || cx >= h.columns || cy >= h.rows) return;
      var v = h.cells[cy * h.columns + cx];
      $('heatmap-cell').textContent = d.keys[h.x] + ' = ' + d.values[h.x][cx] + (h.y >= 0 ? ', ' + d.keys[h.y] + ' = ' + d.values[h.y][cy] : '') +
        ': ' + d.objective.key + ' ' + (v === null ? 'did not run' : formatMetric(d.objective.key, v)) +
        ' (configuration ' + h.configs[cy * h.columns + cx] + ')';
    };
  }

  // The colour scale with its numbers: bright = better, whatever the objective's direction.
  function legend(d, h, t) {
    var g = context($('legend')), ctx = g.ctx, top = 12, bottom = 64, x = 8, w = 18, height = g.h - top - bottom;
    for (var i = 0; i < height; ++i) { ctx.fillStyle = colour(1 - i / height); ctx.fillRect(x, top + i, w, 1); }
    ctx.strokeStyle = C.line; ctx.strokeRect(x, top, w, height);
    ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle'; ctx.textAlign = 'left'; ctx.fillStyle = C.text;
    if (h.min === null) return;
    for (var k = 0; k <= 4; ++k) {
      var v = h.min + (h.max - h.min) * k / 4, yy = top + (1 - t(v)) * height;
      ctx.fillText(formatMetric(d.objective.key, v), x + w + 6, yy);
    }
    ctx.fillStyle = C.muted;
    ctx.fillText(d.objective.key, x, g.h - 40);
    ctx.fillText('better \u2191', x, g.h - 24);
    ctx.fillStyle = C.none; ctx.fillRect(x, g.h - 12, 10, 8);
    ctx.fillStyle = C.muted; ctx.fillText('not run', x + 14, g.h - 8);
  }

  function table(d) {
    var t = $('table'), cols = d.table.columns, rows = d.table.rows.slice();
    $('table-note').textContent = d.table.total > rows.length
      ? 'the ' + rows.length.toLocaleString('en-US') + ' best ranked of ' + d.table.total.toLocaleString('en-US') + ' rows (all in sweep.csv); click a column to sort'
      : d.table.total.toLocaleString('en-US') + ' rows; click a column to sort';
    var thead = el('thead'), tr = el('tr');
    cols.forEach(function (c, i) {
      var th = el('th', null, c);
      th.dataset.column = c;
      th.addEventListener('click', function () { sort(i, th); });
      tr.appendChild(th);
    });
    thead.appendChild(tr); t.appendChild(thead);
    var body = el('tbody'); t.appendChild(body);
    function render() {
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) {
        var row = el('tr', r[0] === 1 ? 'best' : null);
        r.forEach(function (v, i) {
          var td = el('td', typeof v === 'string' ? 'text' : null, formatMetric(cols[i], v));
          td.dataset.value = JSON.stringify(v);
          row.appendChild(td);
        });
        frag.appendChild(row);
      });
      body.textContent = '';
      body.appendChild(frag);
    }
    function sort(i, th) {
      var desc = th.getAttribute('aria-sort') !== 'descending';
      Array.prototype.forEach.call(thead.querySelectorAll('th'), function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      rows.sort(function (a, b) {
        var x = a[i], y = b[i];
        if (x === null) return 1; // undefined ratios last either way
        if (y === null) return -1;
        var c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
        return desc ? -c : c;
      });
      render();
    }
    render();
  }

  try {
    var d = JSON.parse($('veloce-data').textContent);
    header(d);
    best(d);
    checks(d);
    heatmaps(d);
    table(d);
  } catch (e) {
    errors.push(String(e && e.stack || e));
    var box = $('error'); box.hidden = false; box.textContent = 'This report could not be drawn: ' + e;
  }
  document.body.dataset.ready = errors.length ? 'error' : 'yes';
})();
