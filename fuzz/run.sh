#!/usr/bin/env bash
# Runs fuzz targets one after another (one process: the machine is shared), each until RUNS
# executions (default 10 000 000) or SECONDS_PER_TARGET seconds (default 3600), whichever comes
# first, at the lowest CPU priority (nice 19; NICE=0 on a machine of its own), without a sanitizer (the crate is safe Rust: ASan
# finds nothing a panic would not, at half the speed) and with inputs up to MAX_LEN bytes (4096).
# Each run works on a copy of the corpus in target/fuzz-work/<target> (the repository's corpus is
# the seed); `fuzz/cmin.sh` merges what was found back. Logs: target/fuzz-work/logs/<target>.log,
# whose last lines (stat::…) say how many executions ran; a finding is saved as
# target/fuzz-work/artifacts/<target>-crash-… (or timeout-, oom-, slow-unit-). Needs nightly and
# cargo-fuzz (`cargo install cargo-fuzz`). BUILD_FLAGS adds to the build (`--no-trace-compares`: about
# 1.4× the executions per second on csv, with less guidance at comparisons). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-10000000}
secs=${SECONDS_PER_TARGET:-3600}
max_len=${MAX_LEN:-4096}
targets=${*:-normalize stats_json roster_json entries_json csv coverage aggregate stats_huge_key split_json}
work=$root/target/fuzz-work
mkdir -p "$work/logs" "$work/artifacts"
nice -n 19 cargo +nightly fuzz build -O --sanitizer none ${BUILD_FLAGS:-}
bin=$root/fuzz/target/x86_64-unknown-linux-gnu/release
for t in $targets; do
  mkdir -p "$work/$t"
  cp -n fuzz/corpus/$t/* "$work/$t/"
  echo "== $t: $runs runs or $secs s ($(date -u +%H:%M:%S))"
  nice -n "${NICE:-19}" "$bin/$t" "$work/$t" -runs="$runs" -max_total_time="$secs" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" > "$work/logs/$t.log" 2>&1 \
    || echo "$t: FOUND (see $work/logs/$t.log)"
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|^Done" "$work/logs/$t.log" || true
done
