#!/usr/bin/env bash
# Progress on stderr: a live bar on a terminal, plain periodic lines
# otherwise, nothing with --quiet; the summary at the end.
source "$(dirname "$0")/lib.sh"
command -v script >/dev/null || fail "script (util-linux) is not installed"

bash "$here/make_batch.sh" in 300 >/dev/null
# A terminal: `script` runs missive under a pseudo-terminal.
script -qec "'$missive' convert in -o out -j2" /dev/null >tty.log || fail "tty run failed"
grep -q $'\r\\[#*\\.*\\] [0-9]*/300' tty.log || fail "no live bar: $(head -c 300 tty.log)"
grep -q 'files/s  ETA' tty.log || fail "no rate/ETA on the bar"
grep -q 'errors 0' tty.log || fail "no error count on the bar"
grep -q '300 inputs in .*: 300 converted, 0 skipped, 0 failed' tty.log || fail "no summary"
pass "live bar on a terminal"

# Not a terminal: no control characters, a plain line every 5 s.
{ head -2 <(find in -type f | sort); sleep 6; find in -type f | sort | tail -n +3; } |
  "$missive" convert - --format jsonl -j2 >/dev/null 2>plain.log
grep -q $'\r' plain.log && fail "control characters in a log"
grep -q '^missive: 2/2+ done, .* files/s, 0 errors$' plain.log ||
  fail "no periodic line: $(cat plain.log)"
grep -q '^missive: 300 inputs in ' plain.log || fail "no summary: $(cat plain.log)"
pass "periodic plain lines when stderr is not a terminal"

"$missive" convert in -o quiet -j2 --quiet 2>quiet.log
[ ! -s quiet.log ] || fail "--quiet printed: $(cat quiet.log)"
printf 'x' >in/bad.docx
"$missive" convert in -o quiet -j2 --quiet 2>quiet.log && fail "a failed input must exit 1"
[ "$(cat quiet.log)" = "missive: in/bad.docx: not-a-zip: $(sed -n 's/.*"message": "\(.*\)"/\1/p' quiet/bad.docx.json)" ] ||
  fail "--quiet still names failed inputs, and only them: $(cat quiet.log)"
pass "--quiet: only failed inputs"
