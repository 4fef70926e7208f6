#!/usr/bin/env bash
# Makes a batch of COUNT distinct letters under DIR by copying the bundled
# letters (samples/*.docx, tests/letters/*.docx) into subfolders of 100, each
# copy with its own zip comment, so every file has its own sha256 and record
# id while reading exactly like its original.
#
#   tests/batch/make_batch.sh DIR COUNT
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 DIR COUNT" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
python3 - "$root" "$1" "$2" <<'PY'
import glob, os, struct, sys

root, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
letters = sorted(glob.glob(os.path.join(root, "samples", "*.docx")) +
                 glob.glob(os.path.join(root, "tests", "letters", "*.docx")))
if not letters:
    sys.exit("make_batch: no bundled letters found")
originals = [open(path, "rb").read() for path in letters]
for i in range(count):
    data = originals[i % len(originals)]
    # The end-of-central-directory record: its last field is the comment
    # length, then the comment; the package reads the same with a longer one.
    eocd = data.rfind(b"PK\x05\x06")
    if eocd < 0 or eocd + 22 > len(data):
        sys.exit("make_batch: %s has no end-of-central-directory record" % letters[i % len(letters)])
    (old,) = struct.unpack("<H", data[eocd + 20:eocd + 22])
    comment = data[eocd + 22:eocd + 22 + old] + b" missive batch copy %d" % i
    copy = data[:eocd + 20] + struct.pack("<H", len(comment)) + comment
    folder = os.path.join(out, "part-%03d" % (i // 100))
    os.makedirs(folder, exist_ok=True)
    name = "%05d-%s" % (i, os.path.basename(letters[i % len(letters)]))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(copy)
print("make_batch: %d letters in %s" % (count, out))
PY
