#!/usr/bin/env bash
# Peak memory (maximum resident set size) of `errdex scan -` on 1 GiB of
# input generated on the fly into a pipe (nothing is written to disk):
#   1. one line of 1 GiB, then a line with a real error;
#   2. 1 GiB of ordinary log lines, then the same error line.
# The scanner keeps a block plus at most MAX_LINE (1 MiB) of an unfinished
# line, so both figures should stay a few MiB whatever the input size.
#
#   scripts/peak-rss.sh            # 1 GiB each
#   scripts/peak-rss.sh 268435456  # another size, in bytes
#
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1073741824}
error='RangeError: Invalid WebSocket frame: invalid UTF-8 sequence'
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin errdex
bin=$PWD/target/release/errdex

one_long_line() {
  head -c "$size" /dev/zero | tr '\0' 'x'
  printf '\n%s\n' "$error"
}

ordinary_lines() {
  # `yes` ends on SIGPIPE when `head` has enough: not a failure here.
  (set +o pipefail; yes '2024-05-01T12:00:00Z INFO request handled path=/api/v1/items status=200 in 12ms' | head -c "$size")
  printf '\n%s\n' "$error"
}

measure() {
  local label=$1 generator=$2 report
  report=$(mktemp)
  # The error line is found, so errdex exits 0.
  "$generator" | /usr/bin/time -v -o "$report" "$bin" scan - >/dev/null
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$report")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$report")
  rm -f "$report"
  printf '%-40s peak RSS %6.1f MiB   wall %s\n' "$label ($size bytes)" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$wall"
}

measure "one line" one_long_line
measure "ordinary lines" ordinary_lines
