#!/usr/bin/env bash
# The first README command: installs what is missing, builds, and converts
# the bundled samples into out/samples/ (one JSON record per sample).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
out="$root/out/samples"
mkdir -p "$out"
status=0
"$root/build/cli/missive" convert "$root/samples" -o "$out" || status=$?
ls -1 "$out"
echo "samples: records written to $out (exit $status)"
exit $status
