#!/usr/bin/env bash
# A deeper run of the property tests, as a stand-in for coverage-guided
# fuzzing (cargo-fuzz needs a nightly toolchain). Runs the validator and
# matcher properties in the release profile with many cases, again and
# again with fresh random seeds, until MINUTES have passed or a case fails.
# A failure is shrunk and saved in tests/<file>.proptest-regressions, which
# every later `cargo test` replays first.
#
#   scripts/fuzz.sh               # 30 minutes, 100000 cases per property a round
#   scripts/fuzz.sh 120 1000000   # minutes, cases per property a round
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
cases=${2:-100000}
deadline=$(( $(date +%s) + minutes * 60 ))
round=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  round=$((round + 1))
  echo "=== round $round ($cases cases per property)"
  PROPTEST_CASES=$cases cargo test --release --quiet \
    --test props_validator --test props_matcher
done
