#!/usr/bin/env bash
# Self-test of the letter-record schema and tests/validate_schema.sh: every
# tests/schema_fixtures/valid-* file must validate, every invalid-* file must
# be rejected. Prints "N passed, M failed" on its last line; exits non-zero
# if any fixture did not behave as expected.
#
#   tests/schema_selftest.sh [SCHEMA]   (default: schema/letter-record.schema.json)
set -uo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
schema=${1:-$repo_root/schema/letter-record.schema.json}
validate=$script_dir/validate_schema.sh
fixtures=$script_dir/schema_fixtures

passed=0
failed=0

# The schema is embedded in the binary as a C++ raw string delimited by )~~~".
if grep -qF ')~~~' "$schema"; then
  echo "FAIL schema contains the raw-string delimiter )~~~"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

shopt -s nullglob
valid=("$fixtures"/valid-*.json "$fixtures"/valid-*.jsonl)
invalid=("$fixtures"/invalid-*.json "$fixtures"/invalid-*.jsonl)
if [[ ${#valid[@]} -eq 0 || ${#invalid[@]} -eq 0 ]]; then
  echo "FAIL no fixtures found in $fixtures"
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
fi

for file in "${valid[@]}"; do
  name=${file#"$fixtures"/}
  if out=$("$validate" "$schema" "$file" 2>&1); then
    echo "ok   $name (valid, accepted)"
    passed=$((passed + 1))
  else
    rc=$?
    echo "FAIL $name: expected valid, validator exit $rc:"
    printf '%s\n' "$out" | sed 's/^/     /'
    failed=$((failed + 1))
  fi
done

for file in "${invalid[@]}"; do
  name=${file#"$fixtures"/}
  out=$("$validate" "$schema" "$file" 2>&1)
  rc=$?
  if [[ $rc -eq 1 ]]; then
    echo "ok   $name (invalid, rejected: $(printf '%s\n' "$out" | grep -m1 ' invalid: ' | sed 's/.* invalid: //'))"
    passed=$((passed + 1))
  else
    # 0 = wrongly accepted; 2 = the validator could not run at all.
    echo "FAIL $name: expected rejection (exit 1), validator exit $rc:"
    printf '%s\n' "$out" | sed 's/^/     /'
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
