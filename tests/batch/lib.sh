# Shared by the batch suites: sourced with the built binary as $1. Gives
# $missive, $root, $here, a scratch folder $work (removed on exit) and helpers.
set -euo pipefail
missive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the suites cd
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/tests/batch"
work=$(mktemp -d "${TMPDIR:-/tmp}/missive-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
pass() { echo "ok: $*"; }

# Runs a command that must exit with status $1; its stderr goes to $work/err.
expect_status() {
  local want=$1 got=0
  shift
  "$@" 2>"$work/err" || got=$?
  [ "$got" -eq "$want" ] || { cat "$work/err" >&2; fail "exit $got, want $want: $*"; }
}

# A mixed batch in DIR: the bundled letters in subfolders, and three bad
# files: text named .docx, a letter cut short, an empty file.
make_mixed() {
  local dir=$1
  mkdir -p "$dir/zh" "$dir/family/more" "$dir/bad"
  cp "$root"/samples/*.docx "$root"/samples/*.txt "$dir/zh/"
  cp "$root"/tests/letters/*.docx "$dir/family/"
  mv "$dir"/family/cl-1*.docx "$dir/family/more/"
  printf 'this is not a zip, just text' >"$dir/bad/not-a-zip.docx"
  head -c 3000 "$root/samples/seed-letter-zh.docx" >"$dir/bad/truncated.docx"
  : >"$dir/bad/empty.docx"
  # First in input order and slow to read (6,000 paragraphs), so with -j2
  # later inputs finish before it: the output order must not follow them.
  python3 - "$dir/a-long.docx" <<'PY'
import sys, zipfile
ns = "http://schemas.openxmlformats.org/"
body = "".join("<w:p><w:r><w:t>Paragraph %d of a long letter.</w:t></w:r></w:p>" % i
               for i in range(6000))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8"?>'
               '<Types xmlns="%spackage/2006/content-types">'
               '<Default Extension="rels" '
               'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
               '</Types>' % ns)
    z.writestr("_rels/.rels",
               '<?xml version="1.0" encoding="UTF-8"?>'
               '<Relationships xmlns="%spackage/2006/relationships">'
               '<Relationship Id="rId1" Type="%sofficeDocument/2006/relationships/'
               'officeDocument" Target="word/document.xml"/></Relationships>' % (ns, ns))
    z.writestr("word/document.xml",
               '<?xml version="1.0" encoding="UTF-8"?>'
               '<w:document xmlns:w="%swordprocessingml/2006/main"><w:body>%s</w:body>'
               '</w:document>' % (ns, body))
PY
}

# Every record file under OUT (not the reports), one per line, sorted.
records() { find "$1" -name '*.json' ! -name '_report*.json' | LC_ALL=C sort; }
