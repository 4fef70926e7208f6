#!/usr/bin/env bash
# Installs what missive needs to build and test, from Debian packages only,
# and only what is missing. Safe to run again.
set -euo pipefail

# Libraries and headers: checked as Debian packages.
packages=(
  build-essential cmake pkg-config
  libpugixml-dev libzip-dev zlib1g-dev libdeflate-dev libicu-dev nlohmann-json3-dev libssl-dev
  libcli11-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
# Tools: checked as commands, since a machine may carry them from elsewhere
# (Node.js builds that bundle npm conflict with Debian's npm package).
declare -A tools=(
  [python3]=python3   # the sample generators
  [node]=nodejs       # the JSON Schema validator (ajv) used by the tests
  [npm]=npm
)

# Suites that need more list their packages in scripts/packages.d/*.txt (one
# per line, '#' comments).
root=$(cd "$(dirname "$0")/.." && pwd)
for list in "$root"/scripts/packages.d/*.txt; do
  [ -e "$list" ] || continue
  while read -r package _; do
    [ -n "$package" ] && [ "${package#\#}" = "$package" ] && packages+=("$package")
  done < "$list"
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
