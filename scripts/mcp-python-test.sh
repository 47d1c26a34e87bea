#!/usr/bin/env bash
# Talks to `errdex mcp` with the official Python MCP SDK (tests/mcp_python.py).
# The SDK is installed into target/mcp-venv, never outside it.
set -euo pipefail
cd "$(dirname "$0")/.."

MCP_VERSION=2.3.0
VENV=target/mcp-venv
PY="$VENV/bin/python"

command -v python3 >/dev/null || { echo "python3 is required"; exit 2; }
if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
fi
if ! "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('mcp') != '$MCP_VERSION')" 2>/dev/null; then
    "$PY" -m pip install --quiet --disable-pip-version-check "mcp==$MCP_VERSION"
fi

if [ -z "${ERRDEX_BIN:-}" ]; then
    cargo build --quiet --bin errdex
    ERRDEX_BIN="${CARGO_TARGET_DIR:-target}/debug/errdex"
fi
"$PY" tests/mcp_python.py "$ERRDEX_BIN"
