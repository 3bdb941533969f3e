#!/usr/bin/env bash
# Fuzzes every libFuzzer target of the asan preset for a bounded time and prints, per target,
# executions per second and total executions. Usage:
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 10 s, all targets)
#   cmake --preset asan && cmake --build --preset asan     (build first; .ci/veloce test does both)
# First every seed and regression input runs once (a crash fixed once stays fixed), then each
# target fuzzes from its seeds; new inputs go to build/asan/fuzz-work/<target>/corpus (never into the
# source tree). A crash, leak or sanitizer report stops the script with exit 1 and leaves the input
# as build/asan/fuzz-work/<target>/crash-*: fix the bug, then copy the input into
# tests/fuzz/regressions/<target>/ so CI runs it from then on.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/asan"
seconds="${1:-10}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd "$here/corpus" && ls -1)
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
printf '%-20s %12s %14s %8s\n' target execs/s "total execs" corpus
for t in "${targets[@]}"; do
    bin="$build/tests/fuzz/$t"
    [ -x "$bin" ] || { echo "missing $bin: cmake --build --preset asan" >&2; exit 1; }
    work="$build/fuzz-work/$t"
    mkdir -p "$work/corpus"
    inputs=("$here/corpus/$t")
    [ -d "$here/regressions/$t" ] && inputs+=("$here/regressions/$t")
    log="$work/fuzz.log"
    # -rss_limit_mb: a parser that allocates without bound is a bug here too.
    if ! (cd "$work" && "$bin" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=1024 \
        -timeout=10 -max_len=16384 -artifact_prefix="$work/" corpus "${inputs[@]}" >"$log" 2>&1); then
        echo "== $t FAILED; the last lines of $log:" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(find "$work/corpus" -type f | wc -l)
    printf '%-20s %12s %14s %8s\n' "$t" "$rate" "$execs" "$units"
done
