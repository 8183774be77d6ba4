#!/usr/bin/env bash
# Merges what fuzz/run.sh found (target/fuzz-work/<target>) into the repository's corpus,
# minimised (libFuzzer's -merge: the smallest set of inputs with the same coverage), then drops
# the inputs over KEEP_MAX bytes (768) that are not seeds (the repository stays small). The seeds (samples, a
# CSV export, typed values…) are the files named seed-*, and what a run found (a crash, a
# timeout: the reproducer of a fixed bug) found-*: always kept, never merged away. Then
# `cargo test --test fuzz_corpus` replays the result. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=${*:-normalize stats_json roster_json entries_json csv coverage aggregate stats_huge_key split_json}
bin=$root/fuzz/target/x86_64-unknown-linux-gnu/release
for t in $targets; do
  new=$root/target/fuzz-work/cmin-$t
  rm -rf "$new"
  mkdir -p "$new"
  mkdir -p "target/fuzz-work/$t"
  nice -n 19 "$bin/$t" -merge=1 -max_len=1048576 -timeout=30 "$new" "fuzz/corpus/$t" "target/fuzz-work/$t" \
    > "target/fuzz-work/logs/$t.cmin.log" 2>&1
  find "$new" -type f -size +"${KEEP_MAX:-768}"c -delete
  find "fuzz/corpus/$t" -type f ! -name 'seed-*' ! -name 'found-*' -delete
  find "$new" -type f -exec cp -n {} "fuzz/corpus/$t/" \;
  echo "$t: $(ls "fuzz/corpus/$t" | wc -l) files, $(du -sb "fuzz/corpus/$t" | cut -f1) B"
done
