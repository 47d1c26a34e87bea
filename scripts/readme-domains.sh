#!/usr/bin/env bash
# Rewrites the domain table in README.md from the compiled-in data.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo run --quiet -- stats --markdown)
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1] + "\n"
text = open("README.md", encoding="utf-8").read()
start, end = "<!-- domains:start -->\n", "<!-- domains:end -->"
a = text.index(start) + len(start)
b = text.index(end)
open("README.md", "w", encoding="utf-8").write(text[:a] + table + text[b:])
PY
