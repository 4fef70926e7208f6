#!/usr/bin/env bash
# Builds fuzz_convert (clang, libFuzzer, ASan + UBSan) into build-fuzz/ and
# fuzzes the whole path from bytes to record for SECONDS (default 60).
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#
# Seeds: samples/, tests/letters/*.docx (also re-zipped without compression)
# and the bad-input corpus of tests/bad/make_bad.py (cases up to 256 KiB but
# big-legit). New inputs accumulate in build-fuzz/corpus; crashes, timeouts
# and OOMs land in build-fuzz/artifacts/ and make the script fail. Reproduce
# one with
#   build-fuzz/fuzz/fuzz_convert build-fuzz/artifacts/crash-...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
build=${MISSIVE_FUZZ_BUILD_DIR:-$root/build-fuzz}

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1" \
  -DMISSIVE_FUZZ=ON -DMISSIVE_SANITIZE=ON -DMISSIVE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_convert -j"$(nproc)"

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus" "$build/artifacts"
cp "$root"/samples/*.docx "$root"/samples/*.txt "$root"/tests/letters/*.docx "$seeds"/
python3 "$root/tests/bad/make_bad.py" "$seeds/bad"
# Big seeds (and big-legit, slow under the sanitizers) only slow each run down.
find "$seeds/bad" -type f \( -size +256k -o -name 'big-legit.*' \) -delete
mv "$seeds"/bad/* "$seeds"/ && rmdir "$seeds/bad"
# The letters again with stored (uncompressed) entries, so that mutations
# reach the XML readers instead of breaking the deflate streams.
python3 - "$seeds" "$root"/samples/*.docx "$root"/tests/letters/*.docx <<'PY'
import os, sys, zipfile
for path in sys.argv[2:]:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(
            os.path.join(sys.argv[1], "stored-" + os.path.basename(path)), "w",
            zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
PY

# -timeout and -rss_limit_mb turn hangs and ballooning into failures. A
# smaller ASan quarantine (default 256 MiB) keeps the RSS about the program.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
"$build/fuzz/fuzz_convert" -max_total_time="$seconds" -rss_limit_mb=512 -timeout=10 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$@" \
  "$build/corpus" "$seeds"
