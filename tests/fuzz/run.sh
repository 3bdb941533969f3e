#!/usr/bin/env bash
# Fuzzes every libFuzzer target of the asan preset for a bounded time and prints, per target,
# executions per second and total executions. Usage:
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 10 s, all targets)
#   VELOCE_FUZZ_JOBS=N: targets fuzzed at once (default: one per core)
#   cmake --preset asan && cmake --build --preset asan     (build first; .ci/veloce test does both)
# First every seed and regression input runs once (a crash fixed once stays fixed), then each
# target fuzzes from its seeds; new inputs go to build/asan/fuzz-work/<target>/corpus (never into the
# source tree). A crash, leak or sanitizer report makes the script exit 1 and leaves the input
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
# One target per core at a time: each is a single-threaded process, so on CI's 2 cores the 12
# targets take 6 x SECONDS_PER_TARGET.
jobs="${VELOCE_FUZZ_JOBS:-$(nproc)}"

fuzz_one() {
    local t="$1" bin="$build/tests/fuzz/$1" work="$build/fuzz-work/$1"
    local inputs=("$here/corpus/$t")
    [ -d "$here/regressions/$t" ] && inputs+=("$here/regressions/$t")
    mkdir -p "$work/corpus"
    rm -f "$work/failed"
    # -rss_limit_mb: a parser that allocates without bound is a bug here too.
    (cd "$work" && "$bin" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=1024 \
        -timeout=10 -max_len=16384 -artifact_prefix="$work/" corpus "${inputs[@]}" >"$work/fuzz.log" 2>&1) ||
        touch "$work/failed"
}

for t in "${targets[@]}"; do
    [ -x "$build/tests/fuzz/$t" ] || { echo "missing $build/tests/fuzz/$t: cmake --build --preset asan" >&2; exit 1; }
done
running=0
for t in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    fuzz_one "$t" &
    running=$((running + 1))
done
wait

failed=0
printf '%-20s %12s %14s %8s\n' target execs/s "total execs" corpus
for t in "${targets[@]}"; do
    work="$build/fuzz-work/$t"
    log="$work/fuzz.log"
    if [ -e "$work/failed" ]; then
        echo "== $t FAILED; the last lines of $log:" >&2
        tail -n 40 "$log" >&2
        failed=1
        continue
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    units=$(find "$work/corpus" -type f | wc -l)
    printf '%-20s %12s %14s %8s\n' "$t" "$rate" "$execs" "$units"
done
exit "$failed"
