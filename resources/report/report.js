/* Veloce backtest report: renders the JSON embedded by HtmlReport (core/report). Every number shown
 * is read from that JSON -- metrics from its "summary" (the object summary.json is written from);
 * this script formats and draws, it never recomputes a metric. Text goes into the page with
 * textContent only. */
(function () {
  'use strict';

  var C = {
    bg: '#131722', grid: '#1e222d', line: '#2a2e39', text: '#b2b5be', muted: '#787b86',
    up: '#26a69a', down: '#ef5350', accent: '#2962ff', gold: '#f0b90b',
    target: '#42a5f5', stop: '#ff9800', end: '#9e9e9e', other: '#ab47bc'
  };
  var PHASES = [
    // key, label, colour, maximum score (docs/strategy.md section 2), colour as r,g,b
    ['squeeze', 'Squeeze', '#ba68c8', 3, '186,104,200'], ['divergence', 'Divergence', '#29b6f6', 3, '41,182,246'],
    ['reset', 'Reset', '#ffa726', 2, '255,167,38'], ['momentum', 'Momentum', '#66bb6a', 1.5, '102,187,106'],
    ['volume', 'Volume', '#f06292', 1.5, '240,98,146']
  ];
  // Markers are clustered so that two clusters are at least this far apart on screen: zoomed out
  // on a run with hundreds of trades the candles stay visible, zoomed in every trade shows.
  var MARKER_SPACING_PX = 26;

  // ---------- small helpers ----------
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // Cached formatters: toLocaleString() builds a new one per call, far too slow for tables.
  var numberFormats = {};
  function fixed(v, n) {
    var f = numberFormats[n] || (numberFormats[n] = new Intl.NumberFormat('en-US', { minimumFractionDigits: n, maximumFractionDigits: n }));
    return f.format(Number(v));
  }
  var fmt = {
    pct: function (v) { return (v * 100).toFixed(2) + ' %'; },
    money: function (v) { return fixed(v, 2); },
    ratio: function (v) { return v === null ? '\u2014' : v.toFixed(3); },
    int: function (v) { return fixed(Math.round(v), 0); },
    seconds: function (v) { return (v / 1000).toFixed(2) + ' s'; }
  };
  function fmtTime(ms) { return new Date(ms).toISOString().replace('T', ' ').slice(0, 19); }
  function fmtDuration(ms) {
    var s = Math.round(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
        m = Math.floor(s % 3600 / 60), sec = s % 60;
    if (d) return d + 'd ' + h + 'h';
    if (h) return h + 'h ' + m + 'm';
    if (m) return m + 'm ' + sec + 's';
    return sec + 's';
  }
  function fmtWidth(ms) {
    if (ms % 86400000 === 0) return ms / 86400000 + 'd';
    if (ms % 3600000 === 0) return ms / 3600000 + 'h';
    if (ms % 60000 === 0) return ms / 60000 + 'm';
    if (ms >= 3600000) return (ms / 3600000).toFixed(1) + 'h';
    if (ms >= 60000) return (ms / 60000).toFixed(1) + 'm';
    return ms / 1000 + 's';
  }
  function priceDigits(p) { p = Math.abs(p); return p >= 1000 ? 2 : p >= 10 ? 3 : p >= 1 ? 4 : 6; }
  function decodeTimes(s) {
    var t = new Array(s.d.length), cur = s.t0;
    for (var i = 0; i < s.d.length; ++i) { cur += s.d[i] * s.width_ms; t[i] = cur; }
    return t;
  }
  // Index of the last time <= t (times ascending), or -1.
  function floorIndex(times, t) {
    var lo = 0, hi = times.length - 1, ans = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (times[mid] <= t) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }
  function sec(ms) { return Math.floor(ms / 1000); }
  // Like fitContent(), with 2 % room on the left: flush against the edge the first time label
  // (often a month name) would be cut in half. n = points in the chart's series.
  function fitAll(chart, n) {
    var room = Math.max(1, n * 0.02);
    chart.timeScale().setVisibleLogicalRange({ from: -room, to: n - 1 + 4 }); // 4 = rightOffset
  }

  function chartOptions(extra) {
    var o = {
      autoSize: true,
      layout: {
        background: { type: 'solid', color: C.bg }, textColor: C.text, fontSize: 11,
        fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
        attributionLogo: true, panes: { separatorColor: C.line, separatorHoverColor: '#363a45' }
      },
      grid: { vertLines: { color: C.grid }, horzLines: { color: C.grid } },
      rightPriceScale: { borderColor: C.line },
      // minBarSpacing: a whole run must fit the width (the default 0.5 px would clip 20 000 points).
      timeScale: { borderColor: C.line, timeVisible: true, secondsVisible: false, rightOffset: 4, minBarSpacing: 0.001 },
      crosshair: { mode: 0, vertLine: { color: '#5d606b', labelBackgroundColor: '#363a45' },
                   horzLine: { color: '#5d606b', labelBackgroundColor: '#363a45' } },
      localization: { locale: 'en-US', dateFormat: 'yyyy-MM-dd' }
    };
    for (var k in extra) o[k] = extra[k];
    return o;
  }

  // ---------- data ----------
  var started = performance.now();
  var D = JSON.parse($('veloce-data').textContent);
  var S = D.summary;
  var LWC = window.LightweightCharts;
  var report = { ready: false, charts: {}, markerCount: 0, view: null, errors: [] };
  window.veloceReport = report;

  function fail(e) {
    var box = $('error');
    box.hidden = false;
    box.textContent = 'The report could not be drawn completely: ' + (e && e.message ? e.message : e);
    report.errors.push(String(e && e.stack ? e.stack : e));
    console.error(e);
  }

  // ---------- header ----------
  function renderHeader() {
    $('symbol').textContent = S.symbol || 'Backtest';
    $('period').textContent = S.bars > 0
      ? fmtTime(S.start_ms) + '  \u2192  ' + fmtTime(S.end_ms) + ' UTC   (' + fmtDuration(S.end_ms - S.start_ms) + ')'
      : 'no bars';
    var badge = $('result-badge');
    badge.textContent = (S.total_return >= 0 ? '+' : '') + fmt.pct(S.total_return);
    badge.className = 'badge ' + (S.total_return >= 0 ? 'up' : 'down');
    var meta = $('meta');
    function item(label, value, cls) {
      var s = el('span', null, label + ' ');
      s.appendChild(el('b', cls, value));
      meta.appendChild(s);
    }
    item('Source', D.source || '\u2014');
    item('Bars', fmt.int(S.bars));
    item('Data resolution', D.data_spacing_ms > 0 ? fmtWidth(D.data_spacing_ms) : '\u2014');
    item('Engine', 'Veloce ' + D.app_version);
    item('Config hash', D.config_hash, 'hash');
    if (S.cancelled) item('Status', 'cancelled before the end of the data', 'warn');
  }

  // ---------- stat cards (every docs/strategy.md section 6 metric + the rest of summary.json) ----------
  var CARDS = [
    ['total_return', 'Total return', 'pct', 'final / initial \u2212 1', true],
    ['final_equity', 'Final equity', 'money', 'cash after end-of-data closes', true],
    ['max_drawdown', 'Max drawdown', 'pct', 'largest peak-to-equity drop', true],
    ['sharpe_ratio', 'Sharpe ratio', 'ratio', 'per-minute returns, annualised', true],
    ['sortino_ratio', 'Sortino ratio', 'ratio', 'downside deviation only', true],
    ['profit_factor', 'Profit factor', 'ratio', 'gross win / gross loss', true],
    ['win_rate', 'Win rate', 'pct', 'trades with pnl > 0', true],
    ['total_trades', 'Trades', 'int', 'round trips', true],
    ['exposure', 'Exposure', 'pct', 'bars with an open position', true],
    ['initial_capital', 'Initial capital', 'money', 'config initial_capital'],
    ['winning_trades', 'Winning trades', 'int', 'pnl > 0'],
    ['losing_trades', 'Losing trades', 'int', 'pnl < 0'],
    ['signals', 'Signals', 'int', 'bars with score \u2265 threshold'],
    ['rejected_signals', 'Rejected signals', 'int', 'refused by the portfolio'],
    ['bars', 'Bars', 'int', 'processed'],
    ['elapsed_ms', 'Run time', 'seconds', 'reading included'],
    ['bars_per_second', 'Bars / second, end to end', 'int', 'reading and decoding included']
  ];
  function card(key, label, kind, hint, primary, value, meter) {
    var c = el('div', 'card' + (primary ? ' primary' : ''));
    c.dataset.key = key;
    c.dataset.value = JSON.stringify(value === undefined ? null : value);
    c.appendChild(el('div', 'label', label));
    var v = el('div', 'value', value === null || value === undefined ? fmt.ratio(null) : fmt[kind](value));
    if (key === 'total_return') v.className += value >= 0 ? ' up' : ' down';
    if (key === 'max_drawdown' && value > 0) v.className += ' down';
    c.appendChild(v);
    if (meter !== undefined) {
      var m = el('div', 'meter'), bar = el('i');
      bar.style.width = Math.max(0, Math.min(100, meter * 100)) + '%';
      m.appendChild(bar);
      c.appendChild(m);
    }
    c.appendChild(el('div', 'hint', hint));
    c.title = label + ': ' + hint;
    return c;
  }
  function renderCards() {
    var box = $('cards');
    CARDS.forEach(function (k) { box.appendChild(card(k[0], k[1], k[2], k[3], k[4], S[k[0]])); });
    PHASES.forEach(function (p) {
      var v = S.phase_activity[p[0]];
      box.appendChild(card('phase_activity.' + p[0], p[1] + ' active', 'pct', 'share of bars scoring > 0', false, v, v));
    });
  }

  // ---------- charts ----------
  var views = D.views.map(function (v) { return { meta: v, data: null }; });
  var charts = [];
  var active = null; // the chart the user is working with drives the others' time range
  function syncFrom(chart) {
    chart.timeScale().subscribeVisibleTimeRangeChange(function (range) {
      if (!range || active !== chart) return;
      charts.forEach(function (o) {
        if (o !== chart) { try { o.timeScale().setVisibleRange(range); } catch (e) { /* no data there */ } }
      });
    });
  }
  function track(chart, container) {
    charts.push(chart);
    ['pointerdown', 'pointerenter', 'wheel', 'touchstart'].forEach(function (ev) {
      container.addEventListener(ev, function () { active = chart; }, { passive: true });
    });
    syncFrom(chart);
  }

  var price = {};
  function viewData(i) {
    var v = views[i];
    if (!v.data) {
      var m = v.meta, t = decodeTimes(m), candles = new Array(t.length), vol = new Array(t.length);
      for (var k = 0; k < t.length; ++k) {
        var time = sec(t[k]);
        candles[k] = { time: time, open: m.o[k], high: m.h[k], low: m.l[k], close: m.c[k] };
        vol[k] = { time: time, value: m.v[k], color: m.c[k] >= m.o[k] ? 'rgba(38,166,154,0.45)' : 'rgba(239,83,80,0.45)' };
      }
      v.data = { times: t, candles: candles, volume: vol };
    }
    return v.data;
  }
  // Entry and exit events per candle of view i (candle index -> counts), built once per view.
  function eventGroups(i) {
    var v = views[i];
    if (v.groups) return v.groups;
    var times = viewData(i).times, groups = {}, keys = [];
    function group(t) {
      var idx = Math.max(0, floorIndex(times, t));
      if (!groups[idx]) {
        groups[idx] = { idx: idx, long: 0, short: 0, stop: 0, target: 0, end: 0, other: 0, pnl: 0 };
        keys.push(idx);
      }
      return groups[idx];
    }
    if (times.length) {
      var et = decodeTimes(D.entries), xt = decodeTimes(D.exits);
      for (var a = 0; a < et.length; ++a) { var g = group(et[a]); g.long += D.entries.long[a]; g.short += D.entries.short[a]; }
      for (var b = 0; b < xt.length; ++b) {
        var h = group(xt[b]);
        h.stop += D.exits.stop[b]; h.target += D.exits.target[b]; h.end += D.exits.end[b]; h.other += D.exits.other[b];
        h.pnl += D.exits.pnl ? D.exits.pnl[b] : 0;
      }
    }
    keys.sort(function (x, y) { return x - y; });
    v.groups = keys.map(function (idx) { return groups[idx]; });
    return v.groups;
  }
  // Markers for view i with at most one cluster per `span` candles, and at most two markers per
  // cluster: the entries below the bar, the exits above it. Zoomed out, a cluster stands for many
  // trades and says how many ("12 in / 12 out"); zoomed in, every trade has its own marker.
  function markersFor(i, span) {
    var times = viewData(i).times, out = [], clusters = [], last = null;
    if (!times.length) return out;
    eventGroups(i).forEach(function (src) {
      var key = Math.floor(src.idx / span);
      if (!last || last.key !== key) {
        last = { key: key, idx: src.idx, long: 0, short: 0, stop: 0, target: 0, end: 0, other: 0, pnl: 0 };
        clusters.push(last);
      }
      ['long', 'short', 'stop', 'target', 'end', 'other', 'pnl'].forEach(function (f) { last[f] += src[f]; });
    });
    clusters.forEach(function (c) {
      var time = sec(times[c.idx]), ins = c.long + c.short, outs = c.stop + c.target + c.end + c.other;
      if (ins === 1)
        out.push({ time: time, position: c.long ? 'belowBar' : 'aboveBar', shape: c.long ? 'arrowUp' : 'arrowDown',
                   color: c.long ? C.up : C.down, text: c.long ? 'L' : 'S', size: 1 });
      else if (ins > 1)
        out.push({ time: time, position: 'belowBar', shape: c.long >= c.short ? 'arrowUp' : 'arrowDown',
                   color: c.long >= c.short ? C.up : C.down, text: ins + ' in', size: 1 });
      if (outs === 1) {
        var kind = c.target ? ['circle', C.target, 'TP'] : c.stop ? ['square', C.stop, 'SL']
                 : c.end ? ['square', C.end, 'END'] : ['square', C.other, 'KILL'];
        out.push({ time: time, position: 'aboveBar', shape: kind[0], color: kind[1], text: kind[2], size: 1 });
      } else if (outs > 1) {
        out.push({ time: time, position: 'aboveBar', shape: 'circle', color: c.pnl >= 0 ? C.up : C.down,
                   text: outs + ' out', size: 1 });
      }
    });
    out.sort(function (x, y) { return x.time - y.time; });
    return out;
  }
  // Candles per cluster so that clusters are at least MARKER_SPACING_PX apart at the current zoom.
  function markerSpan() {
    var range = price.chart.timeScale().getVisibleLogicalRange(), width = $('chart-price').clientWidth || 800;
    var candles = range ? Math.max(1, range.to - range.from) : viewData(price.view).times.length;
    return Math.max(1, Math.ceil(candles * MARKER_SPACING_PX / width));
  }
  function updateMarkers() {
    if (price.view === undefined) return;
    var span = markerSpan();
    if (span === price.span) return;
    price.span = span;
    var markers = markersFor(price.view, span);
    price.markers.setMarkers(markers);
    report.markerCount = markers.length;
    report.markerSpan = span;
  }
  function renderPrice() {
    var container = $('chart-price');
    var chart = LWC.createChart(container, chartOptions({}));
    var mid = 0;
    for (var i = 0; i < D.views.length && !mid; ++i) if (D.views[i].c.length) mid = D.views[i].c[0];
    var digits = priceDigits(mid || 1);
    price.candles = chart.addSeries(LWC.CandlestickSeries, {
      upColor: C.up, downColor: C.down, borderVisible: false, wickUpColor: C.up, wickDownColor: C.down,
      priceFormat: { type: 'price', precision: digits, minMove: Math.pow(10, -digits) }
    });
    price.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.22 } });
    price.volume = chart.addSeries(LWC.HistogramSeries, {
      priceFormat: { type: 'volume' }, priceScaleId: 'volume', lastValueVisible: false, priceLineVisible: false
    });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.82, bottom: 0 }, visible: false });
    price.markers = LWC.createSeriesMarkers(price.candles, []);
    price.chart = chart;
    var pending = false;
    chart.timeScale().subscribeVisibleLogicalRangeChange(function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; updateMarkers(); });
    });
    report.charts.price = chart;
    track(chart, container);
    active = chart;

    var ohlc = $('ohlc');
    chart.subscribeCrosshairMove(function (p) {
      var bar = p && p.seriesData ? p.seriesData.get(price.candles) : null;
      var vol = p && p.seriesData ? p.seriesData.get(price.volume) : null;
      ohlc.textContent = '';
      if (!bar) return;
      [['O', bar.open], ['H', bar.high], ['L', bar.low], ['C', bar.close]].forEach(function (f) {
        ohlc.appendChild(document.createTextNode(f[0] + ' '));
        ohlc.appendChild(el('b', bar.close >= bar.open ? 'up' : 'down', fixed(f[1], digits)));
      });
      if (vol) { ohlc.appendChild(document.createTextNode('Vol ')); ohlc.appendChild(el('b', null, fixed(vol.value, 3))); }
      ohlc.appendChild(document.createTextNode(fmtTime(p.time * 1000) + ' UTC'));
    });

    var box = $('timeframes');
    views.forEach(function (v, i) {
      var m = v.meta, b = el('button', null, m.label);
      b.type = 'button';
      b.dataset.view = m.label;
      if (m.state !== 'shown' || !m.d.length) {
        b.disabled = true;
        b.title = m.state === 'finer_than_data'
          ? 'The data has ' + fmtWidth(D.data_spacing_ms) + ' bars: no ' + m.label + ' candles exist'
          : m.state === 'coarser_view_suffices'
            ? fmt.int(m.run_candles) + ' ' + m.label + ' candles are too many for one file; use a coarser view'
            : 'no bars';
      } else {
        b.title = fmt.int(m.run_candles) + ' ' + m.label + ' candles in the run';
      }
      b.addEventListener('click', function () { setView(i); });
      box.appendChild(b);
    });
  }
  function setView(i) {
    var m = views[i].meta, data = viewData(i);
    price.candles.setData(data.candles);
    price.volume.setData(data.volume);
    price.view = i;
    price.span = 0;
    report.view = m.label;
    price.chart.applyOptions({ timeScale: { secondsVisible: m.width_ms < 60000 } });
    Array.prototype.forEach.call($('timeframes').children, function (b, k) { b.classList.toggle('active', k === i); });
    var note = fmt.int(data.candles.length) + ' candles of ' + fmtWidth(m.width_ms);
    if (m.width_ms !== m.timeframe_ms)
      note += ' \u2014 the run has ' + fmt.int(m.run_candles) + ' ' + m.label +
              ' candles; neighbours merged (exact OHLC) to keep the file small';
    $('view-note').textContent = note;
    fitAll(price.chart, data.candles.length);
    updateMarkers();
    active = price.chart;
  }
  function defaultView() {
    var shown = [];
    views.forEach(function (v, i) { if (v.meta.state === 'shown' && v.meta.d.length) shown.push(i); });
    if (!shown.length) return -1;
    for (var k = 0; k < shown.length; ++k) {
      var m = views[shown[k]].meta;
      if (m.width_ms === m.timeframe_ms && m.d.length <= 2000) return shown[k];
    }
    return shown[shown.length - 1];
  }

  function renderEquity() {
    var container = $('chart-equity');
    var chart = LWC.createChart(container, chartOptions({}));
    var t = decodeTimes(D.equity), eq = new Array(t.length), dd = new Array(t.length);
    for (var i = 0; i < t.length; ++i) {
      eq[i] = { time: sec(t[i]), value: D.equity.equity[i] };
      dd[i] = { time: sec(t[i]), value: -D.equity.drawdown[i] * 100 };
    }
    var equity = chart.addSeries(LWC.AreaSeries, {
      lineColor: C.accent, lineWidth: 2, topColor: 'rgba(41,98,255,0.32)', bottomColor: 'rgba(41,98,255,0.02)',
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 }, title: 'equity'
    });
    equity.setData(eq);
    equity.createPriceLine({ price: S.initial_capital, color: C.muted, lineWidth: 1, lineStyle: 2,
                             axisLabelVisible: true, title: 'initial' });
    var drawdown = chart.addSeries(LWC.BaselineSeries, {
      baseValue: { type: 'price', price: 0 }, lineWidth: 1,
      bottomLineColor: C.down, bottomFillColor1: 'rgba(239,83,80,0.05)', bottomFillColor2: 'rgba(239,83,80,0.45)',
      topLineColor: C.down, topFillColor1: 'rgba(0,0,0,0)', topFillColor2: 'rgba(0,0,0,0)',
      priceFormat: { type: 'custom', minMove: 0.01, formatter: function (v) { return v.toFixed(2) + ' %'; } },
      title: 'drawdown'
    }, 1);
    drawdown.setData(dd);
    drawdown.createPriceLine({ price: -S.max_drawdown * 100, color: C.down, lineWidth: 1, lineStyle: 2,
                               axisLabelVisible: true, title: 'max' });
    var panes = chart.panes();
    if (panes.length > 1) panes[1].setHeight(95);
    fitAll(chart, t.length);
    report.charts.equity = chart;
    track(chart, container);
    $('equity-note').textContent = t.length
      ? fmt.int(t.length) + ' points, one per ' + fmtWidth(D.equity.width_ms) +
        ' (last equity of each; drawdown: the deepest in it)'
      : 'no equity rows';
  }

  function renderScores() {
    var container = $('chart-scores');
    var chart = LWC.createChart(container, chartOptions({}));
    var t = decodeTimes(D.scores), times = t.map(sec);
    function line(key) {
      var src = D.scores[key], out = new Array(times.length);
      for (var i = 0; i < times.length; ++i) out[i] = { time: times[i], value: src[i] };
      return out;
    }
    var fixedRange = function (lo, hi) { return function () { return { priceRange: { minValue: lo, maxValue: hi } }; }; };
    var total = chart.addSeries(LWC.LineSeries, {
      color: C.gold, lineWidth: 2, title: 'total', priceLineVisible: false,
      autoscaleInfoProvider: fixedRange(0, 10), priceFormat: { type: 'price', precision: 2, minMove: 0.01 }
    });
    total.setData(line('total'));
    total.createPriceLine({ price: D.entry_threshold, color: C.down, lineWidth: 1, lineStyle: 2, axisLabelVisible: true,
                            title: 'entry \u2265 ' + D.entry_threshold });
    // The phases as five stacked strips: bar height and colour strength follow the phase score
    // (its maximum in the bucket), so one sees at a glance which phase fires when.
    var series = { total: total }, strip = 1 / PHASES.length;
    PHASES.forEach(function (p, k) {
      var src = D.scores[p[0]], max = p[3], data = new Array(times.length);
      for (var i = 0; i < times.length; ++i) {
        var f = Math.max(0, Math.min(1, src[i] / max));
        data[i] = { time: times[i], value: src[i], color: 'rgba(' + p[4] + ',' + (0.25 + 0.75 * f).toFixed(2) + ')' };
      }
      var s = chart.addSeries(LWC.HistogramSeries, {
        color: p[2], priceScaleId: 'phase-' + p[0], priceLineVisible: false, lastValueVisible: false, base: 0,
        autoscaleInfoProvider: fixedRange(0, max), priceFormat: { type: 'price', precision: 2, minMove: 0.01 }
      }, 1);
      s.priceScale().applyOptions({ visible: false, scaleMargins: { top: k * strip + 0.03, bottom: 1 - (k + 1) * strip + 0.03 } });
      s.setData(data);
      series[p[0]] = s;
    });
    var panes = chart.panes();
    if (panes.length > 1) panes[1].setHeight(150);
    fitAll(chart, times.length);
    report.charts.scores = chart;
    track(chart, container);
    // Strip names over the left edge of the phase pane.
    var labels = PHASES.map(function (p) {
      var l = el('div', 'strip-label', p[1]);
      l.style.color = p[2];
      container.appendChild(l);
      return l;
    });
    function placeLabels() {
      var pane = panes.length > 1 ? panes[1].getHTMLElement() : null;
      if (!pane) return;
      var box = container.getBoundingClientRect(), r = pane.getBoundingClientRect();
      labels.forEach(function (l, k) {
        l.style.top = (r.top - box.top + r.height * (k + 0.5) * strip - 8) + 'px';
        l.style.right = (box.right - r.right + 6) + 'px';
      });
    }
    requestAnimationFrame(placeLabels);
    window.addEventListener('resize', placeLabels);

    var legend = $('score-legend');
    [['total', 'Total', C.gold]].concat(PHASES).forEach(function (p) {
      var b = el('button');
      b.type = 'button';
      b.setAttribute('aria-pressed', 'true');
      var sw = el('span', 'swatch');
      sw.style.background = p[2];
      b.appendChild(sw);
      b.appendChild(document.createTextNode(p[1]));
      b.addEventListener('click', function () {
        var on = b.getAttribute('aria-pressed') !== 'true';
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        series[p[0]].applyOptions({ visible: on });
      });
      legend.appendChild(b);
    });
    $('score-note').textContent = t.length
      ? 'maximum per ' + fmtWidth(D.scores.width_ms) + ' \u2014 top: total vs the entry threshold; below: each phase, strength = score'
      : 'no bars';
  }

  // ---------- tables ----------
  function row(table, cells, cls) {
    var tr = el('tr', cls);
    cells.forEach(function (c) {
      var td = el('td', c && c.cls, c && c.node ? null : (c && typeof c === 'object' ? c.text : c));
      if (c && c.node) td.appendChild(c.node);
      tr.appendChild(td);
    });
    table.appendChild(tr);
    return tr;
  }
  function head(table, names) {
    var thead = el('thead'), tr = el('tr');
    names.forEach(function (n) { tr.appendChild(el('th', null, n)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    return tr;
  }
  function bar(n, total, color) {
    var b = el('span', 'bar');
    b.style.width = (total > 0 ? Math.max(n > 0 ? 1 : 0, 100 * n / total) : 0) + '%';
    b.style.background = color;
    return b;
  }
  function renderSignals() {
    var g = D.signals, table = $('signals');
    head(table, ['Decision', 'Long', 'Short', 'Total', '']);
    var body = el('tbody');
    g.reasons.forEach(function (r, i) {
      var n = g.long[i] + g.short[i];
      if (i > 0 && n === 0) return;
      var tr = row(body, [{ text: i === 0 ? 'accepted' : 'rejected: ' + r, cls: 'text' }, fmt.int(g.long[i]),
                          fmt.int(g.short[i]), fmt.int(n), { node: bar(n, g.total, i === 0 ? C.up : C.down), cls: 'bars' }]);
      tr.dataset.reason = r;
      tr.dataset.count = n;
    });
    var tot = row(body, [{ text: 'all signals', cls: 'text' }, fmt.int(g.long.reduce(function (a, b) { return a + b; }, 0)),
                         fmt.int(g.short.reduce(function (a, b) { return a + b; }, 0)), fmt.int(g.total), ''], 'total');
    tot.dataset.reason = 'total';
    tot.dataset.count = g.total;
    table.appendChild(body);
    $('signals-note').textContent = 'summary: ' + fmt.int(S.signals) + ' signals, ' + fmt.int(S.rejected_signals) +
      ' rejected (first failing check of docs/strategy.md \u00a75)';
  }
  function renderExits() {
    var x = D.exits, table = $('exits');
    head(table, ['Exit reason', 'Trades', '']);
    var body = el('tbody'), sum = function (a) { return a.reduce(function (p, q) { return p + q; }, 0); };
    var rows = [['target', 'target (TP)', C.target], ['stop', 'stop (SL)', C.stop], ['end', 'end of data', C.end],
                ['other', 'kill switch / manual', C.other]];
    var total = D.trades.count;
    rows.forEach(function (r) {
      var n = sum(x[r[0]]);
      if (!n && r[0] === 'other') return;
      row(body, [{ text: r[1], cls: 'text' }, fmt.int(n), { node: bar(n, total, r[2]), cls: 'bars' }]).dataset.reason = r[0];
    });
    row(body, [{ text: 'all trades', cls: 'text' }, fmt.int(total), ''], 'total');
    table.appendChild(body);
  }

  var TRADE_COLUMNS = [
    ['#', function (r, i) { return i + 1; }, function (v) { return v; }],
    ['Side', function (r) { return r[2]; }, null],
    ['Entry (UTC)', function (r) { return r[0]; }, fmtTime],
    ['Exit (UTC)', function (r) { return r[1]; }, fmtTime],
    ['Held', function (r) { return r[1] - r[0]; }, fmtDuration],
    ['Entry', function (r) { return r[3]; }, null],
    ['Exit', function (r) { return r[4]; }, null],
    ['Qty', function (r) { return r[5]; }, function (v) { return fixed(v, 6); }],
    ['P&L', function (r) { return r[6]; }, function (v) { return (v >= 0 ? '+' : '') + fixed(v, 2); }],
    ['Fees', function (r) { return r[7]; }, function (v) { return fixed(v, 2); }],
    ['Exit reason', function (r) { return r[8]; }, null],
    ['Score', function (r) { return r[9]; }, function (v) { return v.toFixed(2); }]
  ];
  function renderTrades() {
    var rows = D.trades.rows, table = $('trades');
    var digits = rows.length ? priceDigits(rows[0][3]) : 2;
    TRADE_COLUMNS[5][2] = TRADE_COLUMNS[6][2] = function (v) { return fixed(v, digits); };
    var headRow = head(table, TRADE_COLUMNS.map(function (c) { return c[0]; }));
    var body = el('tbody');
    table.appendChild(body);
    var order = rows.map(function (r, i) { return i; });
    var sortCol = 0, asc = true;
    function fill() {
      body.textContent = '';
      var frag = document.createDocumentFragment();
      order.forEach(function (i) {
        var r = rows[i], tr = el('tr');
        TRADE_COLUMNS.forEach(function (c, k) {
          var v = c[1](r, i), td;
          if (k === 1) td = el('td', 'text side-' + v.toLowerCase(), v);
          else if (k === 10) { td = el('td', 'text'); td.appendChild(el('span', 'tag ' + v, v)); }
          else td = el('td', k === 8 ? (v > 0 ? 'up' : v < 0 ? 'down' : null) : null, c[2] ? c[2](v) : v);
          tr.appendChild(td);
        });
        tr.addEventListener('click', function () { showTrade(r); });
        frag.appendChild(tr);
      });
      body.appendChild(frag);
      Array.prototype.forEach.call(headRow.children, function (th, k) {
        th.setAttribute('aria-sort', k === sortCol ? (asc ? 'ascending' : 'descending') : 'none');
      });
    }
    Array.prototype.forEach.call(headRow.children, function (th, k) {
      th.title = 'Sort';
      th.addEventListener('click', function () {
        asc = sortCol === k ? !asc : true;
        sortCol = k;
        var key = TRADE_COLUMNS[k][1];
        order.sort(function (a, b) {
          var x = key(rows[a], a), y = key(rows[b], b);
          var c = x < y ? -1 : x > y ? 1 : a - b;
          return asc ? c : -c;
        });
        fill();
      });
    });
    fill();
    var note = fmt.int(D.trades.count) + ' trades, in exit order; click a row to show it on the charts';
    if (rows.length < D.trades.count)
      note = 'the first ' + fmt.int(rows.length) + ' of ' + fmt.int(D.trades.count) +
             ' trades (all of them are in trades.csv); click a row to show it on the charts';
    $('trades-note').textContent = note;
  }
  function showTrade(r) {
    if (!price.chart) return;
    var pad = Math.max(r[1] - r[0], 60000) * 1.5;
    active = price.chart;
    try { price.chart.timeScale().setVisibleRange({ from: sec(r[0] - pad), to: sec(r[1] + pad) }); } catch (e) { /* ignore */ }
    $('chart-price').scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  function renderConfig() {
    var table = $('config'), body = el('tbody');
    head(table, ['Key', 'Value']);
    var keys = Object.keys(D.config);
    keys.forEach(function (k) {
      var v = D.config[k];
      row(body, [{ text: k, cls: 'text' }, { text: typeof v === 'string' ? v : JSON.stringify(v), cls: 'text' }]).dataset.key = k;
    });
    table.appendChild(body);
    $('config-note').textContent = keys.length + ' values, secrets redacted \u2014 hash ' + D.config_hash;
  }

  // ---------- go ----------
  report.timings = { start: started, parsed: performance.now() };
  var steps = [renderHeader, renderCards, renderConfig, renderSignals, renderExits, renderTrades];
  steps.forEach(function (f) { try { f(); } catch (e) { fail(e); } });
  report.timings.tables = performance.now();
  try {
    if (!LWC) throw new Error('the charting library is missing');
    renderPrice();
    var v = defaultView();
    if (v >= 0) setView(v);
    else $('view-note').textContent = 'no bars in this run';
    report.timings.price = performance.now();
    renderEquity();
    report.timings.equity = performance.now();
    renderScores();
    report.timings.scores = performance.now();
  } catch (e) {
    fail(e);
  }
  report.renderMs = performance.now();
  report.ready = true;
  document.body.dataset.ready = report.errors.length ? 'error' : 'yes';
})();
