#!/usr/bin/env node
// Opens a Veloce HTML report via file:// in Debian's headless Chromium (driven by playwright-core,
// which never downloads a browser) and checks what a trader would see:
//   no console errors, no request other than the file itself, no dialogs (escaping), every chart
//   pane has drawn pixels, the stat cards equal summary.json, markers exist, the timeframe switch
//   and the time sync between the charts work, the trades table sorts. Saves a screenshot.
// Usage: node checkreport.js --report FILE [--summary summary.json] [--screenshot PNG]
//        [--expect-symbol TEXT] [--expect-source TEXT] [--expect-config KEY=VALUE]...
// Prints "FAIL: ..." lines and "RESULT {json}"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const { openOffline, offlineFailures } = require('./offlinepage.js');

const args = { config: [] };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, ''), v = process.argv[i + 1];
  if (k === 'expect-config') args.config.push(v); else args[k] = v;
}
const failures = [];
function check(ok, what) { if (!ok) failures.push(what); return ok; }

// The stat cards' display rules, written independently of the page: the page must show these.
const fixed = (v, n) => Number(v).toLocaleString('en-US', { minimumFractionDigits: n, maximumFractionDigits: n });
const FORMAT = {
  pct: (v) => (v * 100).toFixed(2) + ' %',
  money: (v) => fixed(v, 2),
  ratio: (v) => (v === null ? '\u2014' : v.toFixed(3)),
  int: (v) => Math.round(v).toLocaleString('en-US'),
  seconds: (v) => (v / 1000).toFixed(2) + ' s',
};
const KIND = {
  total_return: 'pct', final_equity: 'money', max_drawdown: 'pct', sharpe_ratio: 'ratio', sortino_ratio: 'ratio',
  profit_factor: 'ratio', win_rate: 'pct', total_trades: 'int', exposure: 'pct', initial_capital: 'money',
  winning_trades: 'int', losing_trades: 'int', signals: 'int', rejected_signals: 'int', bars: 'int',
  elapsed_ms: 'seconds', bars_per_second: 'int',
};
const NOT_CARDS = new Set(['symbol', 'start_ms', 'end_ms', 'cancelled', 'phase_activity']);

// Pixels of series colour (saturated) on each wide pane canvas of every chart.
function paneInk() {
  const out = {};
  document.querySelectorAll('[data-chart]').forEach((box) => {
    const width = box.getBoundingClientRect().width;
    const counts = [];
    box.querySelectorAll('canvas').forEach((c) => {
      const r = c.getBoundingClientRect();
      if (r.width < width * 0.5 || r.height < 60 || !c.width || !c.height) return;
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] < 128) continue;
        const hi = Math.max(px[i], px[i + 1], px[i + 2]), lo = Math.min(px[i], px[i + 1], px[i + 2]);
        if (hi - lo > 40) ++n;
      }
      counts.push(n);
    });
    out[box.dataset.chart] = counts;
  });
  return out;
}

(async () => {
  const { report, url, page, result, close } = await openOffline(args.report);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const state = await page.evaluate(() => ({
      ready: document.body.dataset.ready, errors: window.veloceReport.errors, renderMs: window.veloceReport.renderMs,
      markerCount: window.veloceReport.markerCount, view: window.veloceReport.view, timings: window.veloceReport.timings,
      scripts: document.querySelectorAll('script').length, imgs: document.querySelectorAll('img').length,
      symbol: document.getElementById('symbol').textContent, title: document.title,
      meta: document.getElementById('meta').textContent,
      config: Object.fromEntries(Array.from(document.querySelectorAll('#config tbody tr'))
        .map((tr) => [tr.dataset.key, tr.children[1].textContent])),
      signalsTotal: Number(document.querySelector('#signals tr[data-reason="total"]').dataset.count),
      tradeRows: document.querySelectorAll('#trades tbody tr').length,
    }));
    Object.assign(result, { renderMs: state.renderMs, timings: state.timings, markerCount: state.markerCount, view: state.view,
                            fileBytes: fs.statSync(report).size });
    check(state.ready === 'yes', 'page reported errors: ' + JSON.stringify(state.errors));
    check(state.scripts === 3, 'expected exactly the 3 template scripts, found ' + state.scripts);
    check(state.imgs === 0, 'unexpected <img> elements: ' + state.imgs);
    result.ink = await page.evaluate(paneInk);
    const panes = { price: 1, equity: 2, scores: 2 };
    for (const [chart, n] of Object.entries(panes)) {
      const counts = result.ink[chart] || [];
      check(counts.filter((c) => c >= 300).length >= n,
            `chart "${chart}" should have ${n} pane(s) with drawn series, ink per canvas: ${JSON.stringify(counts)}`);
    }

    if (args.summary) {
      const summary = JSON.parse(fs.readFileSync(args.summary, 'utf8'));
      const cards = await page.evaluate(() => Array.from(document.querySelectorAll('.card'))
        .map((c) => ({ key: c.dataset.key, value: c.dataset.value, text: c.querySelector('.value').textContent })));
      const byKey = Object.fromEntries(cards.map((c) => [c.key, c]));
      let compared = 0;
      for (const key of Object.keys(summary)) {
        if (NOT_CARDS.has(key)) continue;
        const c = byKey[key];
        if (!check(c, `no stat card for summary.json key "${key}"`)) continue;
        check(JSON.parse(c.value) === summary[key], `card ${key}: value ${c.value} != summary.json ${summary[key]}`);
        const want = FORMAT[KIND[key]](summary[key]);
        check(c.text === want, `card ${key}: shows "${c.text}", summary.json says "${want}"`);
        ++compared;
      }
      for (const [phase, v] of Object.entries(summary.phase_activity)) {
        const c = byKey['phase_activity.' + phase];
        if (!check(c, `no card for phase_activity.${phase}`)) continue;
        check(JSON.parse(c.value) === v && c.text === FORMAT.pct(v), `card phase_activity.${phase}: "${c.text}" vs ${v}`);
        ++compared;
      }
      result.cardsCompared = compared;
      check(state.symbol === (summary.symbol || 'Backtest'), `header symbol "${state.symbol}" != "${summary.symbol}"`);
      check(state.meta.includes(summary.bars.toLocaleString('en-US')), 'header does not show the bar count');
      check(state.signalsTotal === summary.signals, `signals table total ${state.signalsTotal} != ${summary.signals}`);
      if (summary.total_trades > 0) {
        check(state.markerCount > 0, 'no entry/exit markers on the candles');
        check(state.tradeRows === Math.min(summary.total_trades, 5000), `trades table has ${state.tradeRows} rows`);
      }
    }
    if (args['expect-symbol'] !== undefined) {
      check(state.symbol === args['expect-symbol'], `symbol shown as "${state.symbol}"`);
      check(state.title.includes(args['expect-symbol']), `title "${state.title}" lacks the symbol text`);
    }
    if (args['expect-source'] !== undefined)
      check(state.meta.includes(args['expect-source']), `source not shown literally in "${state.meta}"`);
    for (const kv of args.config) {
      const eq = kv.indexOf('='), key = kv.slice(0, eq), value = kv.slice(eq + 1);
      check(state.config[key] === value, `config ${key} shown as ${JSON.stringify(state.config[key])}, want ${JSON.stringify(value)}`);
    }

    // Screenshot of the page as it opens (default view).
    if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });

    // Timeframe switch: every enabled view draws candles without errors.
    const buttons = await page.$$eval('#timeframes button', (bs) => bs.map((b) => ({ label: b.textContent, disabled: b.disabled })));
    result.views = buttons;
    for (const b of buttons) {
      if (b.disabled) continue;
      await page.click(`#timeframes button[data-view="${b.label}"]`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const ink = await page.evaluate(paneInk);
      const view = await page.evaluate(() => window.veloceReport.view);
      check(view === b.label, `clicking ${b.label} shows view ${view}`);
      check((ink.price || []).some((c) => c >= 300), `view ${b.label}: no candles drawn`);
      // Markers never bury the candles: clusters at least ~26 px apart, two markers each at most.
      const m = await page.evaluate(() => ({ count: window.veloceReport.markerCount,
        width: document.getElementById('chart-price').clientWidth }));
      const bound = 2 * (Math.ceil(m.width / 26) + 2);
      check(m.count <= bound, `view ${b.label}: ${m.count} markers on a ${m.width} px chart (at most ${bound})`);
      (result.markersPerView = result.markersPerView || {})[b.label] = m.count;
    }

    // Time sync: zooming the candles to a trade moves the equity and score charts with it.
    const sync = await page.evaluate(() => {
      const row = document.querySelector('#trades tbody tr');
      if (!row) return null;
      window.veloceCheckBefore = window.veloceReport.charts.price.timeScale().getVisibleRange();
      row.click();
      const p = window.veloceReport.charts.price.timeScale().getVisibleRange();
      const e = window.veloceReport.charts.equity.timeScale().getVisibleRange();
      const s = window.veloceReport.charts.scores.timeScale().getVisibleRange();
      return { p, e, s };
    });
    if (sync) {
      // The library applies a new range, and calls the listeners that sync the other charts, on a
      // later frame -- the candles' own range included. Wait until the candles have moved away from
      // the range they showed before the click AND the others agree (before the first frame all
      // three still show the old range and would "agree"); a generous deadline against a hang, not
      // a speed limit. A chart that never follows fails below.
      const synced = () => {
        const b = window.veloceCheckBefore;
        const [p, e, s] = ['price', 'equity', 'scores'].map((k) => window.veloceReport.charts[k].timeScale().getVisibleRange());
        if (!p || !e || !s || (p.from === b.from && p.to === b.to)) return false;
        const tol = Math.max((p.to - p.from) * 0.25, 3600);
        return [e, s].every((r) => Math.abs(r.from - p.from) <= tol && Math.abs(r.to - p.to) <= tol);
      };
      await page.waitForFunction(synced, null, { timeout: 30000 }).catch(() => {});
      const later = await page.evaluate(() => ['price', 'equity', 'scores'].map((k) => window.veloceReport.charts[k].timeScale().getVisibleRange()));
      const [p, e, s] = later;
      const b = await page.evaluate(() => window.veloceCheckBefore);
      check(p.from !== b.from || p.to !== b.to, `clicking a trade left the candles at ${JSON.stringify(p)}`);
      const span = p.to - p.from, tol = Math.max(span * 0.25, 3600);
      check(Math.abs(e.from - p.from) <= tol && Math.abs(e.to - p.to) <= tol, `equity range ${JSON.stringify(e)} not synced to ${JSON.stringify(p)}`);
      check(Math.abs(s.from - p.from) <= tol && Math.abs(s.to - p.to) <= tol, `score range ${JSON.stringify(s)} not synced to ${JSON.stringify(p)}`);
      result.sync = later;
    }

    // Sorting the trades by P&L.
    const sorted = await page.evaluate(() => {
      const th = Array.from(document.querySelectorAll('#trades thead th')).find((t) => t.textContent === 'P&L');
      th.click();
      const pnl = Array.from(document.querySelectorAll('#trades tbody tr')).map((tr) => Number(tr.children[8].textContent.replace(/[,+]/g, '')));
      return pnl;
    });
    for (let i = 1; i < sorted.length; ++i) if (!check(sorted[i - 1] <= sorted[i], 'trades not sorted by P&L')) break;

    failures.push(...offlineFailures(result, url));
  } catch (e) {
    failures.push('exception: ' + (e && e.stack ? e.stack : e));
  } finally {
    await close();
  }
  for (const f of failures) console.log('FAIL: ' + f);
  console.log('RESULT ' + JSON.stringify(result));
  process.exit(failures.length ? 1 : 0);
})();
