#!/usr/bin/env bash
# Speed smoke test: the benchmark (bench/run.sh) at small sizes against the
# build that scripts/test.sh just made. Figures are printed, never asserted:
# CI machines are shared, and speed is judged from full runs (README, Speed).
# It fails only if a program fails (a crash on a generated letter is a bug).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/bench/run.sh" --quick --build "${MISSIVE_BUILD_DIR:-$root/build}"
