#!/usr/bin/env bash
# Converts every bundled sample (and every bad-input case that yields an error
# record) with the built binary and validates each record against the
# shipped schema with a real JSON Schema validator (ajv).
set -euo pipefail
missive=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$missive" schema > "$work/schema.json"
cmp -s "$work/schema.json" "$root/schema/letter-record.schema.json" ||
  { echo "missive schema differs from schema/letter-record.schema.json"; exit 1; }

"$missive" convert "$root/samples" -o "$work/records"
"$missive" convert "$root/samples" --format jsonl -o "$work/all.jsonl"
# Error records must match the schema too.
printf 'not a zip' > "$work/broken.docx"
"$missive" convert "$work/broken.docx" "$work/missing.docx" --format jsonl -o "$work/errors.jsonl" || true

# Records only: _report.json is the batch report, not a record.
files=("$work"/records/[!_]*.json "$work/all.jsonl" "$work/errors.jsonl")
bash "$root/tests/validate_schema.sh" "$work/schema.json" "${files[@]}"
echo "validated ${#files[@]} files"
