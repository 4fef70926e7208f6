#!/usr/bin/env bash
# Fuzzes the whole path from bytes to record for about a minute
# (fuzz/run.sh: clang, libFuzzer, ASan + UBSan, build-fuzz/). Fails on a
# crash, a 10 s hang or 512 MiB of memory; the input is in
# build-fuzz/artifacts/. Longer runs: fuzz/run.sh SECONDS.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/fuzz/run.sh" "${MISSIVE_FUZZ_SECONDS:-60}"
