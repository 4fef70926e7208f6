#!/usr/bin/env bash
# The whole ctest suite once more, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (MISSIVE_SANITIZE) into build-asan/: any memory
# error, leak or undefined behaviour fails the suite that hit it. To keep CI
# short it builds only missive and the test programs, at -O1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${MISSIVE_ASAN_BUILD_DIR:-$root/build-asan}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DMISSIVE_SANITIZE=ON >/dev/null
# Every test program is named *_test; the rest of the suites run missive.
mapfile -t tests < <(cmake --build "$build" --target help | sed -n 's/^\.\.\. \([A-Za-z0-9_]*_test\)$/\1/p')
cmake --build "$build" -j"$(nproc)" --target missive "${tests[@]}"

export ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
ctest --output-on-failure -j"$(nproc)"
