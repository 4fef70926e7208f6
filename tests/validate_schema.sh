#!/usr/bin/env bash
# Validates letter records against the letter-record JSON Schema (draft 2020-12)
# with a real validator: ajv-cli 5 + ajv-formats 2 from the npm registry.
#
#   tests/validate_schema.sh SCHEMA FILE...
#
# A FILE ending in .jsonl or .ndjson is JSON Lines: every non-blank line is
# validated on its own and reported as FILE:LINE. Any other FILE holds one
# JSON value.
#
# The validator is installed on first use into <repo>/.tools/node (git-ignored)
# and reused afterwards. Set MISSIVE_TOOLS_DIR to use another directory.
#
# Exit status: 0 all valid, 1 some file invalid (each one is named on stderr),
# 2 usage error or the validator is not available.
set -euo pipefail

usage() {
  echo "usage: $0 SCHEMA FILE..." >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
schema=$1
shift
[[ -f $schema ]] || { echo "validate_schema: schema not found: $schema" >&2; exit 2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
tools_dir=${MISSIVE_TOOLS_DIR:-$repo_root/.tools/node}
ajv_bin=$tools_dir/node_modules/.bin/ajv

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "validate_schema: '$tool' not found. Schema validation needs Node.js and npm" >&2
    echo "  (Debian/Ubuntu: apt-get install nodejs npm; the project's install script does this)." >&2
    exit 2
  fi
done

# Install ajv-cli + ajv-formats once; a lock keeps parallel runs from racing.
if [[ ! -x $ajv_bin || ! -d $tools_dir/node_modules/ajv-formats ]]; then
  mkdir -p "$tools_dir"
  (
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    if [[ ! -x $ajv_bin || ! -d $tools_dir/node_modules/ajv-formats ]]; then
      echo "validate_schema: installing ajv-cli@5 and ajv-formats@2 into $tools_dir" >&2
      npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error \
        ajv-cli@5 ajv-formats@2 >&2
    fi
  ) 9>"$tools_dir/.install.lock" || {
    echo "validate_schema: npm install of ajv-cli/ajv-formats failed" >&2
    exit 2
  }
fi
[[ -x $ajv_bin ]] || { echo "validate_schema: $ajv_bin missing after install" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/validate_schema.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Every unit (a file, or one non-blank line of a JSON Lines file) is written
# to a tmp file with a plain name, so ajv never globs or misreads a user's
# path, and is checked for JSON syntax first (ajv-cli aborts its whole run on
# unparsable data). One node run does this for all files; it prints
#   U <tab> unit-path <tab> arg-index <tab> line     (a unit to validate)
#   B <tab> arg-index <tab> line <tab> reason        (rejected already)
# where line is 0 for a whole file.
split_js='
const fs = require("fs");
const path = require("path");
const [work, ...files] = process.argv.slice(1);
let n = 0;
const one = (text) => text.replace(/[\t\r\n]+/g, " ");
function unit(text, index, line) {
  try {
    JSON.parse(text);
  } catch (e) {
    console.log(["B", index, line, "not JSON: " + one(e.message)].join("\t"));
    return;
  }
  const file = path.join(work, "unit-" + String(++n).padStart(6, "0") + ".json");
  fs.writeFileSync(file, text);
  console.log(["U", file, index, line].join("\t"));
}
files.forEach((name, index) => {
  let text;
  try {
    text = fs.readFileSync(name, "utf8");
  } catch (e) {
    console.log(["B", index, 0, "cannot read file: " + one(e.message)].join("\t"));
    return;
  }
  if (/\.(jsonl|ndjson)$/i.test(name)) {
    let lines = 0;
    text.split("\n").forEach((line, i) => {
      if (line.trim() === "") return;
      lines++;
      unit(line, index, i + 1);
    });
    if (lines === 0) console.log(["B", index, 0, "no JSON lines"].join("\t"));
  } else {
    unit(text, index, 0);
  }
});
'
args=("$@")
label() {  # label ARG-INDEX LINE
  if [[ $2 -eq 0 ]]; then printf '%s' "${args[$1]}"; else printf '%s:%s' "${args[$1]}" "$2"; fi
}
node -e "$split_js" "$work" "$@" >"$work/units.tsv" </dev/null || {
  echo "validate_schema: could not read the input files" >&2
  exit 2
}

units=()
labels=()
failed=()
while IFS=$'\t' read -r kind a b c; do
  if [[ $kind == U ]]; then
    units+=("$a")
    labels+=("$(label "$b" "$c")")
  else
    echo "$(label "$a" "$b") invalid: $c" >&2
    failed+=("$(label "$a" "$b")")
  fi
done <"$work/units.tsv"

if [[ ${#units[@]} -gt 0 ]]; then
  # One ajv run over all units; its output names tmp files, mapped back here.
  data_args=()
  for unit in "${units[@]}"; do data_args+=(-d "$unit"); done
  set +e
  ajv_out=$("$ajv_bin" validate --spec=draft2020 -c ajv-formats --strict=false \
    --all-errors --errors=text -s "$schema" "${data_args[@]}" 2>&1)
  ajv_rc=$?
  set -e
  if [[ $ajv_rc -ne 0 && $ajv_rc -ne 1 ]] || grep -qE "^schema .* is invalid|^error: " <<<"$ajv_out"; then
    echo "validate_schema: ajv could not run (exit $ajv_rc):" >&2
    printf '%s\n' "$ajv_out" >&2
    exit 2
  fi
  # ajv prints "<unit> valid", or "<unit> invalid" followed by the errors.
  declare -A verdict=() reason=()
  pending=
  while IFS= read -r line; do
    if [[ -n $pending ]]; then
      reason[$pending]=$line
      pending=
    elif [[ $line == "$work"/unit-*.json" valid" ]]; then
      verdict[${line% valid}]=valid
    elif [[ $line == "$work"/unit-*.json" invalid" ]]; then
      verdict[${line% invalid}]=invalid
      pending=${line% invalid}
    fi
  done <<<"$ajv_out"
  for i in "${!units[@]}"; do
    unit=${units[i]}
    case ${verdict[$unit]:-} in
      valid) echo "${labels[i]} valid" ;;
      invalid)
        echo "${labels[i]} invalid: ${reason[$unit]:-}" >&2
        failed+=("${labels[i]}")
        ;;
      *)
        echo "${labels[i]} invalid: no verdict from ajv" >&2
        failed+=("${labels[i]}")
        ;;
    esac
  done
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "validate_schema: ${#failed[@]} invalid: ${failed[*]}" >&2
  exit 1
fi
exit 0
