#!/usr/bin/env bash
# Configures and builds missive into build/ (or $MISSIVE_BUILD_DIR), guided by
# a profile (GCC): an instrumented missive is built beside it, in
# <build>-profile/, and converts the bundled letters (tests/letters, the
# samples) once; build/ is then compiled with what that run counted, which
# makes a batch about 7 % faster (bench/README.md). The profile is made
# afresh each time, so it always matches the sources. MISSIVE_PGO=off builds
# without it. Further arguments go to CMake, for both builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MISSIVE_BUILD_DIR:-$root/build}
type=${CMAKE_BUILD_TYPE:-RelWithDebInfo}

profile_args=(-DMISSIVE_PROFILE=)
if [ "${MISSIVE_PGO:-on}" != off ]; then
  train="$build-profile"
  cmake -S "$root" -B "$train" -DCMAKE_BUILD_TYPE="$type" -DMISSIVE_BUILD_TESTS=OFF \
    -DMISSIVE_PROFILE=generate -DMISSIVE_PROFILE_DIR="$train/data" "$@" >/dev/null
  cmake --build "$train" -j"$(nproc)" --target missive
  rm -rf "$train/data"
  # The letters of every language and layout the tests hold; a record with
  # status "error" is a result too, so the exit status is not the point.
  "$train/cli/missive" convert "$root/tests/letters" "$root/samples" --format jsonl -j 1 -q \
    >/dev/null || true
  if [ -d "$train/data" ]; then
    profile_args=(-DMISSIVE_PROFILE=use -DMISSIVE_PROFILE_DIR="$train/data")
  else
    echo "build: no profile was written (a compiler other than GCC?); building without one" >&2
  fi
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="$type" "${profile_args[@]}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
