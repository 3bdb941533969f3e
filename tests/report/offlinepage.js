// Opens a Veloce HTML report via file:// in Debian's headless Chromium (playwright-core, which never
// downloads a browser), the way both report checkers need it: every request but the file itself
// is recorded and refused, console errors, page errors and dialogs are recorded.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function openOffline(reportPath) {
  const report = path.resolve(reportPath);
  const url = 'file://' + report;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veloce-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.VELOCE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
           '--disable-component-update', '--disable-sync'],
  });
  // Playwright's implicit 30 s limit on navigation and actions is a wall-clock limit: on a busy
  // 2-core machine a large report takes a few seconds to load and draw, so allow 120 s (a deadline
  // against a hang, far above the measured step; speed is tests/bench/report-bench.sh's business).
  context.setDefaultTimeout(120000);
  context.setDefaultNavigationTimeout(120000);
  const result = { requests: [], consoleErrors: [], dialogs: [] };
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = context.pages()[0] || (await context.newPage());
  page.on('request', (r) => result.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push('pageerror: ' + e.message));
  page.on('dialog', (d) => { result.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { report, url, page, result, close };
}

// What must hold for any report: no console error, no dialog (escaping), no request but the file.
function offlineFailures(result, url) {
  const out = [];
  if (result.consoleErrors.length) out.push('console errors: ' + JSON.stringify(result.consoleErrors));
  if (result.dialogs.length) out.push('dialogs opened (script injection): ' + JSON.stringify(result.dialogs));
  const foreign = result.requests.filter((u) => u !== url);
  if (foreign.length) out.push('network requests besides the file: ' + JSON.stringify(foreign));
  if (!result.requests.length) out.push('the report itself was not requested?');
  return out;
}

module.exports = { openOffline, offlineFailures };
