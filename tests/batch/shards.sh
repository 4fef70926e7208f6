#!/usr/bin/env bash
# --shard K/N: shards 0..N-1 cover the inputs exactly once, by the documented
# hash (FNV-1a 64 of the relative path); a GNU parallel run over N shards
# gives the same records as one run.
source "$(dirname "$0")/lib.sh"
command -v parallel >/dev/null || fail "GNU parallel is not installed (scripts/install-deps.sh)"

total=60
bash "$here/make_batch.sh" in "$total" >/dev/null
make_mixed in/mixed
(cd in && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >list
total=$(wc -l <list)

n=3
for k in $(seq 0 $((n - 1))); do
  "$missive" convert in --format jsonl --shard "$k/$n" --quiet >"shard$k.jsonl" 2>/dev/null || true
done
python3 - "$n" <<'PY'
import json, sys
n = int(sys.argv[1])
inputs = open("list").read().split("\n")[:-1]

def fnv1a64(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001b3) % 2**64
    return h

seen = []
for k in range(n):
    paths = [json.loads(l)["source"]["path"] for l in open("shard%d.jsonl" % k, encoding="utf-8")]
    assert paths, "shard %d is empty" % k
    for path in paths:
        relative = path[len("in/"):]
        assert fnv1a64(relative) % n == k, (path, k)
    seen += paths
assert len(seen) == len(set(seen)), "an input is in two shards"
assert sorted(seen) == sorted("in/" + p for p in inputs), "shards do not cover the inputs"
PY
pass "shards 0..$((n - 1)) cover $total inputs exactly once, by FNV-1a 64 of the relative path"

# One run, and N shard runs under GNU parallel sharing one OUT.
"$missive" convert in -o single -j2 --quiet 2>/dev/null || true
parallel --will-cite -j "$n" "$missive" convert in -o sharded -j1 --quiet --shard {}/"$n" \
  ::: $(seq 0 $((n - 1))) 2>/dev/null || true
diff -r -x '_report*' single sharded >/dev/null || fail "sharded records differ from one run"
[ "$(records sharded | wc -l)" -eq "$total" ] || fail "sharded run: wrong number of records"
python3 - "$n" "$total" <<'PY'
import json, sys
n, total = int(sys.argv[1]), int(sys.argv[2])
reports = [json.load(open("sharded/_report.shard-%d-of-%d.json" % (k, n))) for k in range(n)]
assert sum(r["total"] for r in reports) == total
assert sum(r["failed"] for r in reports) == 3
PY
# The same with JSON Lines gathered from the shards' stdout.
"$missive" convert in --format jsonl --quiet >single.jsonl 2>/dev/null || true
parallel --will-cite -j "$n" "$missive" convert in --format jsonl -j1 --quiet --shard {}/"$n" \
  ::: $(seq 0 $((n - 1))) >sharded.jsonl 2>/dev/null || true
cmp <(LC_ALL=C sort single.jsonl) <(LC_ALL=C sort sharded.jsonl) ||
  fail "sharded JSON Lines differ from one run"
pass "GNU parallel over $n shards gives the same records as one run"

# Through standard input, as a line-streaming engine would feed it.
parallel --will-cite -j "$n" "cat list | (cd in && $missive convert - --format jsonl --quiet --shard {}/$n)" \
  ::: $(seq 0 $((n - 1))) >piped.jsonl 2>/dev/null || true
python3 -c '
import json
paths = sorted(json.loads(l)["source"]["path"] for l in open("piped.jsonl", encoding="utf-8"))
assert paths == sorted(open("list").read().split()), "stdin shards do not cover the inputs"
' || fail "stdin shards"
pass "stdin shards under GNU parallel: $total records"
