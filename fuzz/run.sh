#!/usr/bin/env bash
# Runs every fuzz target in turn, one process each (the machine is shared), for SECONDS seconds
# (default 180), then minimises each corpus in place (cargo fuzz cmin). Needs nightly and
# cargo-fuzz (`cargo install cargo-fuzz`). Logs go to target/fuzz-logs/<target>.log; the last
# line of each says how many executions ran. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${SECONDS_PER_TARGET:-180}
targets=${*:-normalize stats_json roster_json entries_json csv coverage aggregate}
mkdir -p target/fuzz-logs
for t in $targets; do
  echo "== $t ($secs s)"
  cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -max_len=16384 \
    -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 > "target/fuzz-logs/$t.log" 2>&1 || { echo "$t: FOUND (see target/fuzz-logs/$t.log)"; continue; }
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "target/fuzz-logs/$t.log" || true
done
for t in $targets; do
  cargo +nightly fuzz cmin -O "$t" "fuzz/corpus/$t" > "target/fuzz-logs/$t.cmin.log" 2>&1 || echo "$t: cmin failed"
done
