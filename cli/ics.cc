#include "cli/ics.h"

#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace missive::cli {
namespace {

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t DaysFromCivil(Civil date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy =
      (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Civil CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// `count` digits at `pos`, or -1.
int Digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool IsLeap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<Civil> ParseDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const int last = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  if (day > last) return std::nullopt;
  return Civil{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
}

std::string FormatDate(Civil date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04lld%02u%02u", static_cast<long long>(date.year),
                date.month, date.day);
  return buffer;
}

// Drops what no iCalendar value may carry: control characters but HTAB.
std::string WithoutControls(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
  }
  return out;
}

class Writer {
 public:
  void Line(std::string_view content) { out_ += IcsFold(content); }
  void Text(std::string_view name, std::string_view value) {
    Line(std::string(name) + ":" + IcsText(value));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// DTSTAMP must be UTC and must not change between runs: the document's own
// modification time, else its date, else a fixed instant.
std::string Stamp(const LetterRecord& record) {
  if (record.properties && record.properties->modified) {
    std::optional<std::string> stamp = IcsDateTime(*record.properties->modified);
    if (stamp && stamp->back() == 'Z') return *stamp;
  }
  if (record.letter && record.letter->date) {
    if (std::optional<std::string> date = IcsDate(*record.letter->date)) return *date + "T000000Z";
  }
  return "19700101T000000Z";
}

// What ties every component to its letter: the reference and the source.
std::string Provenance(const LetterRecord& record) {
  std::string text;
  if (record.letter && record.letter->reference) {
    const Reference& reference = *record.letter->reference;
    text += reference.key ? *reference.key + " (" + reference.text + ")" : reference.text;
    text += "\n";
  }
  text += "Source: " + record.source.path;
  return text;
}

void Begin(Writer& out, const LetterRecord& record, std::string_view kind, std::size_t index,
           const std::string& stamp) {
  out.Line("BEGIN:VEVENT");
  out.Line("UID:" + record.id + "-" + std::string(kind) + "-" + std::to_string(index) + "@missive");
  out.Line("DTSTAMP:" + stamp);
}

void End(Writer& out, std::string_view category, bool transparent) {
  out.Line("CATEGORIES:" + std::string(category));
  if (transparent) out.Line("TRANSP:TRANSPARENT");
  out.Line("END:VEVENT");
}

// DTSTART and DTEND of an all-day span; `last` is inclusive. False when
// `first` is not a date.
bool AllDay(Writer& out, std::string_view first, const OptString& last) {
  const std::optional<std::string> start = IcsDate(first);
  if (!start) return false;
  std::optional<std::string> end = last ? IcsDate(*last, 1) : std::nullopt;
  if (!end || *end <= *start) end = IcsDate(first, 1);
  out.Line("DTSTART;VALUE=DATE:" + *start);
  out.Line("DTEND;VALUE=DATE:" + *end);
  return true;
}

}  // namespace

std::string IcsFold(std::string_view line) {
  std::string out;
  std::size_t pos = 0;
  std::size_t limit = 75;  // octets on the first line; 74 after the leading space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;  // not UTF-8 at all: cut anywhere
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string IcsText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::optional<std::string> IcsDate(std::string_view iso, int days) {
  if (iso.size() != 10) return std::nullopt;
  const std::optional<Civil> date = ParseDate(iso);
  if (!date) return std::nullopt;
  return FormatDate(CivilFromDays(DaysFromCivil(*date) + days));
}

std::optional<std::string> IcsDateTime(std::string_view iso) {
  const std::optional<Civil> date = ParseDate(iso);
  if (!date || iso.size() < 16 || (iso[10] != 'T' && iso[10] != 't' && iso[10] != ' ') ||
      iso[13] != ':') {
    return std::nullopt;
  }
  const int hour = Digits(iso, 11, 2), minute = Digits(iso, 14, 2);
  int second = 0;
  std::size_t pos = 16;
  if (pos < iso.size() && iso[pos] == ':') {
    second = Digits(iso, pos + 1, 2);
    pos += 3;
    if (pos < iso.size() && iso[pos] == '.') {  // fractions of a second: iCalendar has none
      ++pos;
      while (pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9') ++pos;
    }
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::optional<int> offset_minutes;
  if (pos < iso.size()) {
    const std::string_view zone = iso.substr(pos);
    if (zone == "Z" || zone == "z") {
      offset_minutes = 0;
    } else if ((zone[0] == '+' || zone[0] == '-') &&
               (zone.size() == 3 || zone.size() == 5 || zone.size() == 6)) {
      const int oh = Digits(zone, 1, 2);
      int om = 0;
      if (zone.size() == 5) om = Digits(zone, 3, 2);
      if (zone.size() == 6) om = zone[3] == ':' ? Digits(zone, 4, 2) : -1;
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
      offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
  }
  std::int64_t minutes = DaysFromCivil(*date) * 1440 + hour * 60 + minute;
  if (offset_minutes) minutes -= *offset_minutes;  // local = UTC + offset
  const std::int64_t days = (minutes >= 0 ? minutes : minutes - 1439) / 1440;
  const std::int64_t in_day = minutes - days * 1440;
  char time[16];
  std::snprintf(time, sizeof time, "T%02d%02d%02d", static_cast<int>(in_day / 60),
                static_cast<int>(in_day % 60), second == 60 ? 59 : second);
  return FormatDate(CivilFromDays(days)) + time + (offset_minutes ? "Z" : "");
}

std::string IcsBegin(std::string_view version) {
  Writer out;
  out.Line("BEGIN:VCALENDAR");
  out.Line("VERSION:2.0");
  out.Line("PRODID:-//missive//missive " + std::string(version) + "//EN");
  out.Line("CALSCALE:GREGORIAN");
  return out.Take();
}

std::string IcsEnd() { return IcsFold("END:VCALENDAR"); }

std::string IcsComponents(const LetterRecord& record) {
  if (!record.ok()) return {};
  Writer out;
  const std::string stamp = Stamp(record);
  const std::string provenance = Provenance(record);

  if (record.meeting) {
    const Meeting& meeting = *record.meeting;
    const std::optional<std::string> opening =
        meeting.opening ? IcsDateTime(*meeting.opening) : std::nullopt;
    if ((meeting.start && IcsDate(*meeting.start)) || opening) {
      Begin(out, record, "meeting", 0, stamp);
      if (!(meeting.start && AllDay(out, *meeting.start, meeting.end))) {
        out.Line("DTSTART:" + *opening);
      }
      std::string summary = meeting.body_key ? *meeting.body_key : meeting.body;
      if (record.letter && record.letter->subject) summary = *record.letter->subject;
      out.Text("SUMMARY", summary);
      if (meeting.location) out.Text("LOCATION", *meeting.location);
      std::string description = "Meeting: " + meeting.body;
      if (meeting.body_key) description += " (" + *meeting.body_key + ")";
      if (meeting.opening) {
        description += "\nOpening: " + *meeting.opening;
        if (meeting.timezone) description += " (" + *meeting.timezone + ")";
      }
      if (meeting.mode) description += "\nMode: " + *meeting.mode;
      out.Text("DESCRIPTION", description + "\n" + provenance);
      End(out, "meeting", false);
    }
  }

  for (std::size_t i = 0; i < record.events.size(); ++i) {
    const Event& event = record.events[i];
    const std::optional<std::string> start = event.start ? IcsDateTime(*event.start) : std::nullopt;
    std::optional<std::string> end = event.end ? IcsDateTime(*event.end) : std::nullopt;
    if (!start && !(event.date && IcsDate(*event.date))) continue;
    Begin(out, record, "event", i, stamp);
    if (start) {
      out.Line("DTSTART:" + *start);
      // Both UTC or both floating, and after the start; otherwise no end.
      if (end && (end->back() == 'Z') == (start->back() == 'Z') && *end > *start) {
        out.Line("DTEND:" + *end);
      }
    } else {
      AllDay(out, *event.date, std::nullopt);
    }
    out.Text("SUMMARY", event.title);
    std::string description = event.text;
    if (event.start && event.timezone) description += "\nTime zone: " + *event.timezone;
    out.Text("DESCRIPTION", description + "\n" + provenance);
    if (event.url) out.Line("URL:" + WithoutControls(*event.url));
    End(out, "event", false);
  }

  for (std::size_t i = 0; i < record.deadlines.size(); ++i) {
    const Deadline& deadline = record.deadlines[i];
    if (!IcsDate(deadline.date)) continue;
    Begin(out, record, "deadline", i, stamp);
    AllDay(out, deadline.date, std::nullopt);
    out.Text("SUMMARY", "Deadline: " + deadline.text);
    out.Text("DESCRIPTION", deadline.text + "\n" + provenance);
    End(out, "deadline", true);
  }
  return out.Take();
}

}  // namespace missive::cli
