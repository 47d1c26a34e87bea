#!/usr/bin/env bash
# The linker for x86-64 Linux builds of this repository (.cargo/config.toml):
# the C compiler, with `-pie` turned into `-no-pie`. Rust's code is
# position-independent either way; linking it position-dependent resolves
# the pointers in the compiled-in records at link time, so the loader has
# nothing to relocate and a cold start skips hundreds of page faults
# (BENCHMARKS.md). Shared objects (proc-macros) are linked unchanged.
args=()
for a in "$@"; do
  if [ "$a" = "-pie" ]; then args+=("-no-pie"); else args+=("$a"); fi
done
exec "${ERRDEX_LINKER_CC:-cc}" "${args[@]}"
