#!/usr/bin/env node
// Opens a Veloce sweep report via file:// in Debian's headless Chromium (playwright-core, which never
// downloads a browser) and checks what a trader would see:
//   no console errors, no request other than the file itself, the heatmap, its colour legend and
//   the PBO histogram have drawn pixels, every heatmap (key pair) draws, the best configuration,
//   the deflated Sharpe ratio and the PBO shown equal sweep.json, the table has every row and sorts.
// Usage: node checksweepreport.js --report FILE --sweep sweep.json [--screenshot PNG]
// Prints "FAIL: ..." lines and "RESULT {json}"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const { openOffline, offlineFailures } = require('./offlinepage.js');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const failures = [];
function check(ok, what) { if (!ok) failures.push(what); return ok; }
// The page's display rule for probabilities, written independently of the page.
const prob = (v) => (v === null ? '\u2014' : (v * 100).toFixed(1) + ' %');

// Saturated pixels of a canvas (drawn colour, not the background or grey text).
function ink(id) {
  const c = document.getElementById(id);
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const hi = Math.max(px[i], px[i + 1], px[i + 2]), lo = Math.min(px[i], px[i + 1], px[i + 2]);
    if (px[i + 3] > 128 && hi - lo > 40) ++n;
  }
  return n;
}

(async () => {
  const sweep = JSON.parse(fs.readFileSync(args.sweep, 'utf8'));
  const { url, page, result, close } = await openOffline(args.report);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    const ready = await page.evaluate(() => ({ ready: document.body.dataset.ready, errors: window.veloceSweep.errors }));
    check(ready.ready === 'yes', 'page reported errors: ' + JSON.stringify(ready.errors));

    // Canvases: heatmap cells, the legend's colour bar, the histogram's bars.
    result.ink = {};
    for (const id of ['heatmap', 'legend', 'histogram']) result.ink[id] = await page.evaluate(ink, id);
    for (const [id, n] of Object.entries(result.ink)) check(n >= 500, `canvas ${id} is (nearly) empty: ${n} coloured pixels`);

    // Every key pair draws its heatmap, with a value in every cell that ran.
    const pairs = await page.$$eval('#heatmap-pick option', (os) => os.map((o) => o.value));
    result.heatmaps = pairs.length;
    const keys = Object.keys(sweep.grid).length;
    check(pairs.length === (keys === 1 ? 1 : keys * (keys - 1) / 2), `${pairs.length} heatmaps for ${keys} grid keys`);
    for (const p of pairs) {
      await page.selectOption('#heatmap-pick', p);
      const drawn = await page.evaluate(() => ({ cells: window.veloceSweep.cellsDrawn, h: window.veloceSweep.heatmap }));
      drawn.ink = await page.evaluate(ink, 'heatmap');
      check(drawn.cells === drawn.h.cells.filter((v) => v !== null).length && drawn.cells > 0, `heatmap ${p}: ${drawn.cells} cells drawn`);
      check(drawn.ink >= 500, `heatmap ${p} has no colour`);
    }

    // The best configuration, DSR and PBO are sweep.json's.
    const cards = await page.$$eval('.card', (cs) => Object.fromEntries(cs.map((c) => [c.dataset.key,
      { value: c.dataset.value, text: c.querySelector('.value').textContent }])));
    let compared = 0;
    for (const [key, value] of Object.entries(sweep.best.values)) {
      const c = cards['value.' + key];
      if (!check(c, `no card for best ${key}`)) continue;
      const want = typeof value === 'string' ? value : String(value);
      check(c.text === want, `best ${key}: page "${c.text}", sweep.json ${want}`);
      ++compared;
    }
    for (const o of sweep.overfitting) {
      const dsr = o.deflated_sharpe.probability, pbo = o.pbo.probability;
      const a = cards['dsr.' + o.market], b = cards['pbo.' + o.market];
      if (check(a && b, `no DSR/PBO cards for ${o.market}`)) {
        check(JSON.parse(a.value) === dsr && a.text === prob(dsr), `DSR ${o.market}: "${a.text}" (${a.value}) vs ${dsr}`);
        check(JSON.parse(b.value) === pbo && b.text === prob(pbo), `PBO ${o.market}: "${b.text}" (${b.value}) vs ${pbo}`);
        compared += 2;
      }
      const row = await page.$$eval(`#checks tbody tr`, (rs, m) => {
        const r = rs.find((x) => x.dataset.market === m);
        return r && { dsr: r.querySelector('[data-key="dsr"]').dataset.value, pbo: r.querySelector('[data-key="pbo"]').dataset.value };
      }, o.market);
      check(row && JSON.parse(row.dsr) === dsr && JSON.parse(row.pbo) === pbo, `checks table for ${o.market}: ${JSON.stringify(row)}`);
    }
    for (const [market, v] of Object.entries(sweep.best.objective.markets)) {
      const c = cards['objective.' + market];
      if (check(c, `no objective card for ${market}`)) { check(JSON.parse(c.value) === v, `objective ${market}: ${c.value} vs ${v}`); ++compared; }
    }
    result.compared = compared;

    if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });

    // Table: every ranked row (up to the cap), the best first, sortable.
    const rows = await page.$$eval('#table tbody tr', (rs) => rs.length);
    check(rows === Math.min(sweep.completed * sweep.data.length, 5000), `table has ${rows} rows, sweep.json ${sweep.completed} x ${sweep.data.length}`);
    const first = await page.$eval('#table tbody tr', (r) => r.children[0].textContent);
    check(first === '1', `first row has rank ${first}`);
    const column = sweep.objective.key;
    const sorted = await page.evaluate((col) => {
      const th = Array.from(document.querySelectorAll('#table thead th')).find((t) => t.dataset.column === col);
      const i = Array.from(th.parentNode.children).indexOf(th);
      th.click();
      return Array.from(document.querySelectorAll('#table tbody tr')).map((tr) => JSON.parse(tr.children[i].dataset.value));
    }, column);
    const nums = sorted.filter((v) => v !== null);
    for (let i = 1; i < nums.length; ++i) if (!check(nums[i - 1] >= nums[i], `table not sorted by ${column} (descending)`)) break;

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
