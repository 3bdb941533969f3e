#!/usr/bin/env bash
# Reproduces README.md's HTML report figure: `veloce-cli backtest --simulate N --report` over N
# simulated 1-second bars (default a year, 31 536 000), then the report opened RUNS times via
# file:// in Debian's headless Chromium by tests/report/checkreport.js (the browser test's driver:
# playwright-core from the build tree, flags --headless --no-sandbox --disable-gpu
# --disable-background-networking --no-first-run). Prints the report's size and, per opening, the
# time from navigation start until every chart is drawn (the page's own renderMs). The checker's
# checks run too: a report that opens broken fails the benchmark instead of timing it.
# Usage: tests/bench/report-bench.sh [build-dir] [bars] [runs]
# Needs: cmake --build --preset release --target veloce-cli report_browser_deps
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-build/release}"
bars="${2:-31536000}"
runs="${3:-3}"
cli="$build/app/veloce-cli"
modules="$build/tests/report/npm/node_modules"
if [ ! -x "$cli" ] || [ ! -f "$modules/playwright-core/package.json" ]; then
    echo "report-bench: build first: cmake --build --preset release --target veloce-cli report_browser_deps" >&2
    exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== veloce-cli backtest --simulate $bars --report (1-second bars)"
/usr/bin/time -f "backtest_and_report_seconds %e (peak RSS %M kB)" \
    "$cli" backtest --simulate "$bars" --out "$work/run" --report "$work/report.html" > /dev/null
echo "report_bytes $(stat -c %s "$work/report.html")"
echo "== headless Chromium, $runs opening(s)"
for _ in $(seq "$runs"); do
    if ! out="$(NODE_PATH="$modules" node "$root/tests/report/checkreport.js" \
        --report "$work/report.html" --summary "$work/run/summary.json")"; then
        echo "$out" >&2
        exit 1
    fi
    sed -n 's/^RESULT //p' <<< "$out" \
        | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
              console.log("render_ms " + JSON.parse(s).renderMs.toFixed(0)));'
done
