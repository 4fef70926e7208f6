#!/usr/bin/env bash
# kill -9 in the middle of a batch, then the same command again: every record
# present, valid, not duplicated, and no temporary file left.
source "$(dirname "$0")/lib.sh"

total=600
bash "$here/make_batch.sh" in "$total" >/dev/null
find in -type f | LC_ALL=C sort >list

# Paths are fed in bursts, so the kill always lands before the batch ends
# and usually while workers are writing.
feed() {
  python3 -c '
import sys, time
lines = open(sys.argv[1]).read().splitlines()
for start in range(0, len(lines), 40):
    sys.stdout.write("".join(l + "\n" for l in lines[start:start + 40]))
    sys.stdout.flush()
    time.sleep(0.15)
' list 2>/dev/null
}
feed | "$missive" convert - -o out -j2 --quiet 2>/dev/null &
pid=$!
for _ in $(seq 1 1000); do
  [ "$(records out 2>/dev/null | wc -l)" -ge 150 ] && break
  sleep 0.01
done
status=0
kill -9 "$pid" 2>/dev/null || { wait "$pid" || status=$?; fail "missive ended before the kill, exit $status"; }
wait "$pid" || status=$?
[ "$status" -eq 137 ] || fail "the batch was not killed (exit $status)"
before=$(records out | wc -l)
[ "$before" -ge 150 ] && [ "$before" -lt "$total" ] || fail "killed with $before of $total records"
left=$(find out -name '*.tmp' | wc -l)
# What the killed run wrote is complete: every record parses.
python3 -c '
import json, sys
for path in sys.stdin.read().split():
    json.load(open(path, encoding="utf-8"))
' <<<"$(records out)"
pass "killed after $before of $total records ($left temporary files left), all complete"

# What a kill in the middle of a write leaves: the temporary of a record not
# yet renamed, and of a record being rewritten. The rerun must clear both.
done_target=$(records out | sed -n 1p)
todo_target=out/$(while read -r path; do
  [ -e "out/$path.json" ] || { echo "$path.json"; break; }
done <list)
printf '{"schema_version": "1.0", "id": "cut sh' >"$done_target.tmp"
printf '{"schema_version": "1.0", "id": "cut sh' >"$todo_target.tmp"

expect_status 0 "$missive" convert - -o out -j2 <list
grep -q "$((total - before)) converted, $before skipped, 0 failed" err || fail "rerun: $(cat err)"
[ -z "$(find out -name '*.tmp')" ] || fail "temporary files left: $(find out -name '*.tmp')"
records out >found
python3 - "$total" <<'PY'
import hashlib, json, sys
total = int(sys.argv[1])
paths = open("found").read().split()
inputs = open("list").read().split()
assert len(paths) == total, len(paths)
assert sorted(p[len("out/"):-len(".json")] for p in paths) == sorted(inputs)
ids, sources = set(), set()
for path in paths:
    record = json.load(open(path, encoding="utf-8"))
    source = record["source"]["path"]
    assert path == "out/" + source + ".json", (path, source)
    assert record["status"] == "ok", path
    assert record["id"] == hashlib.sha256(open(source, "rb").read()).hexdigest(), path
    ids.add(record["id"]); sources.add(source)
assert len(ids) == total and len(sources) == total, "duplicated records"
PY
pass "rerun: all $total records present, valid, distinct, matching their inputs"
