#!/usr/bin/env bash
# A mixed batch of good and bad files into a mirrored tree; the report; JSON
# Lines identical from -j1 and -j2 and in input order; es-bulk pairs; resume,
# --force, and paths streamed on stdin.
source "$(dirname "$0")/lib.sh"

make_mixed in
# Links to folders are not followed: this loop must not trap the walk.
ln -s .. in/family/loop
inputs=$(cd in && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
count=$(echo "$inputs" | wc -l)
good=$((count - 3))

# --- the tree: one record per input at OUT/<relative path>.json, exit 1 ---
expect_status 1 "$missive" convert in -o out -j2
grep -q "bad/not-a-zip.docx: not-a-zip" err || fail "the bad file is not named on stderr"
grep -q "converted, 0 skipped, 3 failed" err || fail "no summary: $(cat err)"
python3 - "$inputs" <<'PY'
import hashlib, json, os, sys
inputs = sys.argv[1].split("\n")
want = {"bad/not-a-zip.docx": "not-a-zip", "bad/truncated.docx": "truncated",
        "bad/empty.docx": "not-a-zip"}
for rel in inputs:
    with open(os.path.join("out", rel + ".json"), encoding="utf-8") as f:
        record = json.load(f)
    data = open(os.path.join("in", rel), "rb").read()
    assert record["source"]["path"] == "in/" + rel, record["source"]["path"]
    assert record["source"]["sha256"] == hashlib.sha256(data).hexdigest(), rel
    assert record["id"] == record["source"]["sha256"], rel
    if rel in want:
        assert record["status"] == "error" and record["error"]["code"] == want[rel], (rel, record["error"])
    else:
        assert record["status"] == "ok", (rel, record["error"])
found = sorted(os.path.relpath(os.path.join(d, n), "out")
               for d, _, names in os.walk("out") for n in names)
assert found == sorted([rel + ".json" for rel in inputs] + ["_report.json"]), found
report = json.load(open("out/_report.json"))
assert (report["total"], report["converted"], report["skipped"], report["failed"]) == \
    (len(inputs), len(inputs) - 3, 0, 3), report
assert report["errors_by_code"] == {"not-a-zip": 2, "truncated": 1}, report["errors_by_code"]
assert sorted((f["path"], f["code"]) for f in report["failures"]) == \
    sorted(("in/" + rel, code) for rel, code in want.items()), report["failures"]
assert all(f["message"] for f in report["failures"])
PY
pass "mixed batch: $good records ok, 3 error records, mirrored tree, report"

# --- resume: nothing changed, so every good record is skipped (not rewritten);
# error records are retried, so the failures stay reported ---
inode() { stat -c %i "out/$1.json"; }
before=$(inode zh/seed-letter-zh.docx)
expect_status 1 "$missive" convert in -o out -j2
grep -q "0 converted, $good skipped, 3 failed" err || fail "resume: $(cat err)"
[ "$(inode zh/seed-letter-zh.docx)" = "$before" ] || fail "a skipped record was rewritten"

# A changed input and a record of another schema version are converted again.
cp "$root/tests/letters/cl-7-11-en.docx" in/zh/seed-letter-zh.docx
sed -i 's/"schema_version": "1.0"/"schema_version": "0.9"/' out/family/cl-9-2-december.docx.json
expect_status 1 "$missive" convert in -o out -j2
grep -q "2 converted, $((good - 2)) skipped, 3 failed" err || fail "resume after changes: $(cat err)"
grep -q '"schema_version": "1.0"' out/family/cl-9-2-december.docx.json || fail "not reconverted"
grep -q '"language": "en"' out/zh/seed-letter-zh.docx.json || fail "changed input not reconverted"
expect_status 1 "$missive" convert in -o out -j2 --force
grep -q "$good converted, 0 skipped, 3 failed" err || fail "--force: $(cat err)"
[ -z "$(find out -name '*.tmp')" ] || fail "temporary files left"
make_mixed again && rm -r again/bad
expect_status 0 "$missive" convert again -o again-out --quiet
expect_status 0 "$missive" convert again -o again-out
grep -q "0 converted, $good skipped, 0 failed" err || fail "second run: $(cat err)"
pass "resume skips current records, redoes changed ones; --force redoes all"

# --- JSON Lines: input order, byte-identical whatever the number of workers ---
expect_status 1 "$missive" convert in --format jsonl -j1 -o one.jsonl
expect_status 1 "$missive" convert in --format jsonl -j2 -o two.jsonl
"$missive" convert in --format jsonl -j2 --quiet >stdout.jsonl 2>/dev/null || true
cmp one.jsonl two.jsonl || fail "-j1 and -j2 JSON Lines differ"
cmp one.jsonl stdout.jsonl || fail "JSON Lines to stdout and to -o differ"
python3 - "$inputs" <<'PY'
import json, sys
paths = [json.loads(line)["source"]["path"] for line in open("one.jsonl", encoding="utf-8")]
want = ["in/" + rel for rel in sys.argv[1].split("\n")]
assert paths == want, (paths, want)
PY
pass "JSON Lines in input order, identical from -j1 and -j2"

# --- es-bulk: an action line with _id = the record id, then the record ---
expect_status 1 "$missive" convert in --format es-bulk --index letters -j2 -o bulk.ndjson
expect_status 1 "$missive" convert in --format es-bulk -o bulk-noindex.ndjson
python3 - "$count" <<'PY'
import json, sys
for name, index in (("bulk.ndjson", "letters"), ("bulk-noindex.ndjson", None)):
    raw = open(name, "rb").read()
    assert raw.endswith(b"\n"), "a _bulk body ends with a newline"
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == 2 * int(sys.argv[1]), len(lines)
    for action_line, record_line in zip(lines[::2], lines[1::2]):
        action, record = json.loads(action_line), json.loads(record_line)
        want = {"_id": record["id"]}
        if index:
            want["_index"] = index
        assert action == {"index": want}, action
        assert record["schema_version"] == "1.0" and "source" in record
PY
pass "es-bulk: action and record pairs, _id = record id"

# --- paths on stdin: mirrored as given, converted as they arrive ---
find in -type f | LC_ALL=C sort >list
expect_status 1 "$missive" convert - -o from-stdin <list
[ -f from-stdin/in/family/more/cl-10-11-dst-hybrid.docx.json ] || fail "stdin paths not mirrored"
echo "../../in/./zh/seed-letter-zh.txt" | (cd in/zh && "$missive" convert - -o ../../escape --quiet)
[ -f escape/in/zh/seed-letter-zh.txt.json ] || fail "a path with .. must stay inside OUT"
python3 - "$missive" "$work/in/zh/seed-letter-zh.docx" "$work/in/family/cl-7-11-en.docx" <<'PY'
import json, select, subprocess, sys
missive, first, second = sys.argv[1:]
proc = subprocess.Popen([missive, "convert", "-", "--format", "jsonl", "--quiet"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
proc.stdin.write((first + "\n").encode()); proc.stdin.flush()
# The first record must come out while standard input is still open.
ready, _, _ = select.select([proc.stdout], [], [], 20)
assert ready, "no record before the end of standard input"
assert json.loads(proc.stdout.readline())["source"]["path"] == first
proc.stdin.write((second + "\n").encode()); proc.stdin.close()
rest = proc.stdout.read().decode().splitlines()
assert proc.wait() == 0 and [json.loads(l)["source"]["path"] for l in rest] == [second]
PY
pass "stdin paths: mirrored as given, streamed before EOF"

# --- usage errors exit 2 ---
expect_status 2 "$missive" convert in --shard 3/3
expect_status 2 "$missive" convert in --shard 1
expect_status 2 "$missive" convert in --format jsonl --index x
expect_status 2 "$missive" convert in -o bulk.ndjson
expect_status 2 "$missive" convert in --format jsonl -o out
expect_status 2 "$missive" convert in -j 0
pass "usage errors exit 2"
