#!/usr/bin/env bash
# Measures errdex at the shipped seeds and at synthetic sizes: clean release
# build time, binary size, and the figures of benches/lookup.rs (warm lookup,
# cold process, scan). Results go to stdout; BENCHMARKS.md records a run.
#
#   scripts/bench.sh                 # shipped, 2500 and 25000 records
#   scripts/bench.sh shipped 2500    # chosen sizes
#
# Needs ripgrep for the scan comparison (apt-get install ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(shipped 2500 25000)
work=${ERRDEX_BENCH_WORK:-/tmp/errdex-bench}
mkdir -p "$work"

for size in "${sizes[@]}"; do
  echo "=== $size records"
  if [ "$size" = shipped ]; then
    seeds=$PWD/seeds
  else
    seeds=$work/synth-$size/seeds
    if [ ! -d "$seeds" ]; then
      cargo run --quiet --release --example synth -- --records "$size" --out "$seeds"
    fi
  fi
  target=$work/target-$size
  rm -rf "$target"
  # Dependencies are fetched already; the clean build compiles everything.
  start=$(date +%s%N)
  ERRDEX_SEEDS_DIR=$seeds CARGO_TARGET_DIR=$target cargo build --quiet --release --bin errdex
  end=$(date +%s%N)
  echo "clean release build: $(( (end - start) / 1000000 )) ms"
  printf 'binary size: %s bytes\n' "$(stat -c %s "$target/release/errdex")"
  ERRDEX_SEEDS_DIR=$seeds CARGO_TARGET_DIR=$target cargo build --quiet --release --example hello --example baseline
  ERRDEX_SEEDS_DIR=$seeds ERRDEX_BENCH_SEEDS=$seeds CARGO_TARGET_DIR=$target cargo bench --quiet --bench lookup
done
