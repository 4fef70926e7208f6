// Private to the normalize stage: what the date, time and zone grammars know
// about each language. The grammars in dates.cc hold no words of any
// language; adding a language is adding one LanguageTable in tables.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "normalize/normalize.h"
#include "normalize/scan.h"

namespace missive::internal {

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

// The literal the scanners match for an entry of each kind of list.
constexpr std::string_view LiteralOf(std::string_view word) { return word; }
constexpr std::string_view LiteralOf(const MonthName& month) { return month.name; }
constexpr std::string_view LiteralOf(const Meridiem& meridiem) { return meridiem.word; }
constexpr std::string_view LiteralOf(const ZoneName& zone) { return zone.phrase; }
// A range with words starts with its starter.
constexpr std::string_view LiteralOf(const RangeWords& range) { return range.starter; }

// A table's list, with the bytes its literals may begin with: the scanners
// try a list at most positions of a text, where mostly none can match, and
// MayStart tells that without trying each literal.
template <typename T>
class List {
 public:
  constexpr List() = default;
  template <std::size_t N>
  constexpr List(const T (&items)[N]) : items_(items) {  // NOLINT: implicit, as a span is
    for (const T& item : items_) first_bytes_.Add(LiteralOf(item));
  }

  // False when no literal of the list can match at `pos` (FirstByteMayMatch
  // fails for each); true may still match none.
  bool MayStart(std::string_view text, std::size_t pos) const {
    return pos < text.size() && first_bytes_.MayStart(text, pos);
  }

  constexpr std::span<const T> items() const { return items_; }
  constexpr operator std::span<const T>() const { return items_; }  // NOLINT: implicit
  constexpr auto begin() const { return items_.begin(); }
  constexpr auto end() const { return items_.end(); }
  constexpr std::size_t size() const { return items_.size(); }
  constexpr bool empty() const { return items_.empty(); }
  constexpr const T& operator[](std::size_t i) const { return items_[i]; }

 private:
  std::span<const T> items_;
  FirstBytes first_bytes_;
};

using Words = List<std::string_view>;

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
  List<MonthName> months = {};
  bool month_first = false;     // "January 12, 2021" besides "12 January 2021"
  Words ordinal_suffixes = {};  // glued to the day: 1er, 1st
  Words day_month_links = {};   // between day and month: "de", "of"
  Words month_year_links = {};  // between month and year: "de", ","
  Words year_suffixes = {};     // after the year: "года", "г."

  // Both styles.
  List<RangeWords> date_ranges = {};
  Words date_joiners = {};  // joiners that need no starter; the dashes are common to all
  Words weekdays = {};      // skipped next to a date, with or without brackets

  // Times.
  Words hour_markers = {};          // 11时, 11 h, 11 час.: the hour, minutes may follow
  Words hour_marker_blockers = {};  // 日内瓦时间: a marker followed by these is a word
  Words minute_markers = {};        // 30分, 00 мин.
  bool minute_marker_required = false;
  Words half_hours = {};  // 11时半
  Words time_words = {};  // after 1100, 11.00 or 11:00: "hours", "horas"
  List<Meridiem> meridiems = {};
  Words pm_prefixes = {};  // 下午2时
  List<RangeWords> time_ranges = {};
  Words time_joiners = {};
  Words not_times = {};  // whole matches that are words: 一时 ("for a while")

  List<ZoneName> zones = {};
};

// The table for a primary language tag ("zh", "en-GB" -> "en"), or nullptr.
const LanguageTable* FindLanguageTable(std::string_view language);

// Every table, for text whose language is unknown.
std::span<const LanguageTable> AllLanguageTables();

// Dashes and tildes that join the ends of a range in every language.
const Words& RangeDashes();

// Zone names written the same in every language (UTC, CET ...).
const List<ZoneName>& CommonZones();

// Whether a date of `table` may start at `pos`, where a character that is
// neither a digit nor a Chinese numeral stands: false when none can
// (FindDates then passes it over). DateStartsAt, the date grammar at
// one position, is what the tests compare it with.
bool WordMayStartDate(std::string_view text, std::size_t pos, const LanguageTable& table);
bool DateStartsAt(std::string_view text, std::size_t pos, const LanguageTable& table,
                  std::optional<Date> context_date);
// The same for times, with TimeStartsAt the time grammar at one position.
bool WordMayStartTime(std::string_view text, std::size_t pos, const LanguageTable& table);
bool TimeStartsAt(std::string_view text, std::size_t pos, const LanguageTable& table);

}  // namespace missive::internal
