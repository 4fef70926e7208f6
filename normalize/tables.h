// Private to the normalize stage: what the date, time and zone grammars know
// about each language. The grammars in dates.cc hold no words of any
// language; adding a language is adding one LanguageTable in tables.cc.
#pragma once

#include <span>
#include <string_view>

namespace missive::internal {

using Words = std::span<const std::string_view>;

struct MonthName {
  std::string_view name;  // as written, any case; a space matches any run of blanks
  int month = 0;          // 1..12
};

// A range written with a word before each end: "from … to", "du … au".
struct RangeWords {
  std::string_view starter;
  std::string_view joiner;
};

struct Meridiem {
  std::string_view word;  // "a.m.", "pm"
  bool pm = false;
};

struct ZoneName {
  std::string_view phrase;
  std::string_view zone;    // IANA name
  bool exact_case = false;  // abbreviations: "CET" yes, French "cet" (this) no
};

enum class DateStyle {
  kMarkers,  // numbers each followed by a marker: 2021年5月17日
  kWords,    // a day number and a month name: 17 May 2021, 17 de mayo de 2021
};

struct LanguageTable {
  std::string_view tag;  // BCP 47 primary language
  DateStyle style = DateStyle::kWords;
  bool cjk_numerals = false;  // 二〇一二年, 十四时

  // kMarkers dates.
  Words year_markers = {};
  Words month_markers = {};
  Words day_markers = {};

  // kWords dates.
  std::span<const MonthName> months = {};
  bool month_first = false;     // "January 12, 2021" besides "12 January 2021"
  Words ordinal_suffixes = {};  // glued to the day: 1er, 1st
  Words day_month_links = {};   // between day and month: "de", "of"
  Words month_year_links = {};  // between month and year: "de", ","
  Words year_suffixes = {};     // after the year: "года", "г."

  // Both styles.
  std::span<const RangeWords> date_ranges = {};
  Words date_joiners = {};  // joiners that need no starter; the dashes are common to all
  Words weekdays = {};      // skipped next to a date, with or without brackets

  // Times.
  Words hour_markers = {};          // 11时, 11 h, 11 час.: the hour, minutes may follow
  Words hour_marker_blockers = {};  // 日内瓦时间: a marker followed by these is a word
  Words minute_markers = {};        // 30分, 00 мин.
  bool minute_marker_required = false;
  Words half_hours = {};  // 11时半
  Words time_words = {};  // after 1100, 11.00 or 11:00: "hours", "horas"
  std::span<const Meridiem> meridiems = {};
  Words pm_prefixes = {};  // 下午2时
  std::span<const RangeWords> time_ranges = {};
  Words time_joiners = {};
  Words not_times = {};  // whole matches that are words: 一时 ("for a while")

  std::span<const ZoneName> zones = {};
};

// The table for a primary language tag ("zh", "en-GB" -> "en"), or nullptr.
const LanguageTable* FindLanguageTable(std::string_view language);

// Every table, for text whose language is unknown.
std::span<const LanguageTable> AllLanguageTables();

// Dashes and tildes that join the ends of a range in every language.
Words RangeDashes();

// Zone names written the same in every language (UTC, CET ...).
std::span<const ZoneName> CommonZones();

}  // namespace missive::internal
