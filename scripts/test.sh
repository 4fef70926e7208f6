#!/usr/bin/env bash
# The second README command: installs what is missing, builds once, and runs
# every test suite against that one build (ctest: unit, end-to-end, CLI and
# JSON Schema validation of every sample's record), then each extra suite in
# scripts/ci.d/ (in name order) that needs more than the main build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
(cd "$root/build" && ctest --output-on-failure -j"$(nproc)")
for suite in "$root"/scripts/ci.d/*.sh; do
  [ -e "$suite" ] || continue
  echo "== $(basename "$suite")"
  bash "$suite"
done
