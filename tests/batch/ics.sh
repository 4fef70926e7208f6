#!/usr/bin/env bash
# --format ics: parsed back by python3-icalendar with the right dates and
# times, RFC 5545 line rules, and the same bytes on every run.
source "$(dirname "$0")/lib.sh"
# The Debian package installs into the system Python, which may not be the
# first python3 on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" -c 'import icalendar' 2>/dev/null ||
  fail "python3-icalendar is not installed (scripts/install-deps.sh)"

mkdir in
cp "$root"/samples/seed-letter-zh.docx "$root"/tests/letters/*.docx in/
printf 'not a zip' >in/broken.docx
# The same bytes twice: its events must not repeat their UIDs.
cp "$root/samples/seed-letter-zh.docx" in/zz-copy-of-seed.docx
expect_status 1 "$missive" convert in --format ics -o letters.ics -j2
expect_status 1 "$missive" convert in --format ics -o again.ics -j1
cmp letters.ics again.ics || fail "iCalendar output differs between runs"
"$missive" convert in --format ics --quiet >stdout.ics 2>/dev/null || true
cmp stdout.ics letters.ics || fail "iCalendar to stdout differs from -o"
"$python" "$here/check_ics.py" letters.ics
pass "iCalendar parsed back with the right dates and times, byte-identical across runs"
