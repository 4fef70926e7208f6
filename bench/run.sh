#!/usr/bin/env bash
# The speed benchmark in one command, from the repository root:
#
#   bench/run.sh            # full: 1,000 letters, real ITU documents, -j2/-j1,
#                           # a 10,000-file batch, a 20 MB letter, stage micro-benchmarks
#   bench/run.sh --quick    # the CI smoke test: small sizes, same sections
#
# Builds missive, missive_floor and missive_stages_bench first, in Release, into
# build-bench/ the way scripts/build.sh builds (missive guided by a profile of
# the bundled letters; MISSIVE_PGO=off for a plain build), or uses --build DIR,
# an existing build, as it is configured.
# Further options: python3 bench/bench.py --help.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
own_build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(realpath -m "$2"); own_build=0; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ "$own_build" = 1 ]; then
  MISSIVE_BUILD_DIR="$build" CMAKE_BUILD_TYPE=Release "$root/scripts/build.sh" \
    -DMISSIVE_BUILD_TESTS=OFF >/dev/null
fi
targets=(missive missive_floor missive_measure)
# The micro-benchmarks exist only where Google Benchmark was found.
# (The list is captured first: with pipefail, grep -q closing the pipe early
# would fail the whole test.)
target_list=$(cmake --build "$build" --target help 2>/dev/null || true)
if grep -q missive_stages_bench <<<"$target_list"; then
  targets+=(missive_stages_bench)
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null
exec python3 "$root/bench/bench.py" --build "$build" "${args[@]}"
