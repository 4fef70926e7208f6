// iCalendar (RFC 5545) for letter records: the meeting, the events and the
// deadlines of each letter as VEVENTs a person can import into a calendar.
//
// Choices, documented in README "## Archives":
// - Times are written in UTC (DTSTART:20210421T090000Z), converted with the
//   offset the record gives, so no VTIMEZONE is needed; a time without an
//   offset stays floating (local) time.
// - The meeting is an all-day event from its start to the day after its end
//   (DTEND is exclusive); its opening time is in the description. A meeting
//   with an opening time but no dates is a timed event at the opening.
// - Deadlines are all-day VEVENTs (TRANSP:TRANSPARENT), not VTODOs, since
//   common calendar applications import VEVENTs only.
// - UID is "<record id>-<meeting|event|deadline>-<index>@missive"; DTSTAMP is
//   the letter's properties.modified in UTC (else its date, else 1970-01-01),
//   so the same input always gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/record.h"

namespace missive::cli {

// BEGIN:VCALENDAR and the calendar properties, CRLF-terminated.
std::string IcsBegin(std::string_view version);
std::string IcsEnd();

// The VEVENTs of one record (empty for error records and letters without
// dates), CRLF-terminated and folded.
std::string IcsComponents(const LetterRecord& record);

// One content line folded at 75 octets (never inside a UTF-8 sequence),
// continuation lines starting with a space, each line ending in CRLF.
std::string IcsFold(std::string_view line);

// TEXT value escaping: backslash, semicolon, comma and newline; other
// control characters are dropped.
std::string IcsText(std::string_view text);

// "2021-04-21T11:00:00+02:00" -> "20210421T090000Z"; without an offset the
// local form "20210421T110000". nullopt when it is not such a date-time.
std::optional<std::string> IcsDateTime(std::string_view iso);

// "2021-05-27" plus `days` -> "20210528". nullopt when it is not a date.
std::optional<std::string> IcsDate(std::string_view iso, int days = 0);

}  // namespace missive::cli
