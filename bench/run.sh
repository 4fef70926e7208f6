#!/usr/bin/env bash
# The speed benchmark in one command, from the repository root:
#
#   bench/run.sh            # full: 1,000 letters, real ITU documents, -j2/-j1,
#                           # a 10,000-file batch, a 20 MB letter, stage micro-benchmarks
#   bench/run.sh --quick    # the CI smoke test: small sizes, same sections
#
# Builds missive, missive_floor and missive_stages_bench first, in Release, into
# build-bench/ (or --build DIR: an existing build is reused as configured).
# Further options: python3 bench/bench.py --help.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(realpath -m "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
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
