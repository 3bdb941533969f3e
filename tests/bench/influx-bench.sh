#!/usr/bin/env bash
# Reproduces README.md's InfluxDB streaming figure: starts a throw-away influxd (Debian package
# influxdb) on loopback, seeds it with N simulated 1-second bars through `veloce-cli
# influx-import`, then times `veloce-cli influx-bench` (bars parsed and merged) against curl
# fetching the same rows as raw JSON. Usage: tests/bench/influx-bench.sh [build-dir] [bars]
set -euo pipefail
build="${1:-build/release}"
bars="${2:-2000000}"
cli="$build/app/veloce-cli"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(( 20000 + RANDOM % 20000 ))
cat > "$work/influxd.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$((port + 1))"
[meta]
  dir = "$work/meta"
[data]
  dir = "$work/data"
  wal-dir = "$work/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$port"
  log-enabled = false
[logging]
  level = "warn"
CONF
influxd run -config "$work/influxd.conf" > "$work/influxd.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$url/ping" && break; sleep 0.1; done
"$cli" simulate --bars "$bars" --seed 7 --out "$work/bars.csv" > /dev/null
"$cli" influx-import --data "$work/bars.csv" --market BINANCE:btcusdt --influx "$url" --db bench >&2
from=2024-01-01T00:00:00Z
to=2030-01-01T00:00:00Z # past the last bar (the simulator leaves quiet seconds out)
echo "== veloce-cli influx-bench (bars parsed and merged)"
"$cli" influx-bench --influx "$url" --db bench --market BINANCE:btcusdt --from "$from" --to "$to"
echo "== curl, the same rows as raw JSON (chunked, 10000 rows per chunk)"
q="SELECT open,high,low,close,vbuy,vsell FROM \"aggr_1s\".\"trades_1s\" WHERE market = 'BINANCE:btcusdt' AND time >= '$from' AND time < '$to'"
/usr/bin/time -f "curl_seconds %e" curl -s -G "$url/query" --data-urlencode "db=bench" \
    --data-urlencode "epoch=ms" --data-urlencode "chunked=true" --data-urlencode "chunk_size=10000" \
    --data-urlencode "q=$q" -o "$work/raw.json"
echo "curl_bytes $(stat -c %s "$work/raw.json")"
