#!/usr/bin/env bash
# Renders the chain picture shown in README.md (docs/chain.svg and .png)
# with Graphviz, installing it from Debian's packages when it is missing.
#
#   scripts/chain-picture.sh [ID] [DEPTH]
set -euo pipefail
cd "$(dirname "$0")/.."
id=${1:-python/modulenotfounderror-no-module-named}
depth=${2:-2}
if ! command -v dot >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq graphviz >/dev/null; else sudo apt-get install -y -qq graphviz >/dev/null; fi
fi
cargo run --quiet --release -- chain "$id" --depth "$depth" --format dot > docs/chain.dot
dot -Tsvg docs/chain.dot > docs/chain.svg
dot -Tpng -Gdpi=110 docs/chain.dot > docs/chain.png
echo "docs/chain.dot, docs/chain.svg and docs/chain.png from: errdex chain $id --depth $depth --format dot"
