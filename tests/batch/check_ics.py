"""Checks an iCalendar file written by `missive convert --format ics` with a
real parser (python3-icalendar) and against RFC 5545's octet-level rules.

    check_ics.py FILE
"""
import datetime
import sys

import icalendar

UTC = datetime.timezone.utc
CEST = datetime.timezone(datetime.timedelta(hours=2))
CET = datetime.timezone(datetime.timedelta(hours=1))

raw = open(sys.argv[1], "rb").read()

# Octets: CRLF line ends only; no line over 75 octets; folding never splits
# a UTF-8 sequence (each physical line decodes on its own).
assert raw.endswith(b"\r\n"), "the file must end with CRLF"
assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
lines = raw.split(b"\r\n")[:-1]
for line in lines:
    assert len(line) <= 75, (len(line), line)
    line.decode("utf-8")
assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
assert any(len(line) == 75 for line in lines), "no folded line: the test proves nothing"

calendar = icalendar.Calendar.from_ical(raw)
assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
events = calendar.walk("VEVENT")
uids = [str(e["UID"]) for e in events]
assert len(uids) == len(set(uids)), "duplicate UIDs"
for event in events:
    assert "DTSTAMP" in event and "DTSTART" in event and "SUMMARY" in event, event


def find(summary, source):
    found = [e for e in events if str(e["SUMMARY"]) == summary and
             str(e["DESCRIPTION"]).endswith("Source: in/" + source)]
    assert len(found) == 1, (summary, len(found))
    return found[0]


def start_end(event):
    end = event.decoded("DTEND") if "DTEND" in event else None
    return event.decoded("DTSTART"), end


def uid_kind(event):
    return str(event["UID"]).split("-")[1]


# samples/seed-letter-zh.docx: 新代表情况介绍会 2021-04-21 11:00-13:00 Geneva (+02:00).
start, end = start_end(find("新代表情况介绍会", "seed-letter-zh.docx"))
assert start == datetime.datetime(2021, 4, 21, 11, 0, tzinfo=CEST), start
assert end == datetime.datetime(2021, 4, 21, 13, 0, tzinfo=CEST), end
assert start.utcoffset() == datetime.timedelta(0), "times are written in UTC"

# Its meeting: all day, 2021-05-17 to 2021-05-27 inclusive (DTEND exclusive).
meeting = find("ITU-T第20研究组虚拟会议，2021年5月17-27日", "seed-letter-zh.docx")
assert uid_kind(meeting) == "meeting"
assert start_end(meeting) == (datetime.date(2021, 5, 17), datetime.date(2021, 5, 28))
assert "Europe/Zurich" in str(meeting["DESCRIPTION"])

# Its deadlines: all-day events.
for day, text in ((datetime.date(2021, 3, 17), "提交需要翻译的ITU-T成员文稿"),
                  (datetime.date(2021, 5, 4), "提交ITU-T成员文稿（通过文件直传系统）")):
    deadline = find("Deadline: " + text, "seed-letter-zh.docx")
    assert uid_kind(deadline) == "deadline"
    assert start_end(deadline) == (day, day + datetime.timedelta(days=1))
    assert str(deadline["TRANSP"]) == "TRANSPARENT"

# tests/letters/cl-10-11-dst-hybrid.docx: a forum after the end of summer
# time, 2022-10-31 12:00-13:30 Geneva (+01:00).
start, end = start_end(find("“打击假冒和被盗ICT设备”论坛", "cl-10-11-dst-hybrid.docx"))
assert start == datetime.datetime(2022, 10, 31, 12, 0, tzinfo=CET), start
assert end == datetime.datetime(2022, 10, 31, 13, 30, tzinfo=CET), end

# tests/letters/addendum-1-cl-8-16.docx: a meeting across the new year.
spans = [start_end(e) for e in events if uid_kind(e) == "meeting"]
assert (datetime.date(2020, 12, 31), datetime.date(2021, 1, 9)) in spans, spans

# tests/letters/cl-12-15-wp3-hybrid.docx: an event with a date and no time.
start, end = start_end(find("第15研究组非洲区域组会议", "cl-12-15-wp3-hybrid.docx"))
assert (start, end) == (datetime.date(2024, 11, 17), datetime.date(2024, 11, 18)), (start, end)

print("check_ics: %d events" % len(events))
