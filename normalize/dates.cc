// The grammars of dates, times and time zones. They are hand-written
// scanners over code points (no std::regex: this runs over every paragraph),
// and they hold no words of any language: month names, markers (年 月 日 时),
// range words ("du … au", "с … по") and zone names come from tables.cc.
//
// Supported:
//   [x] 2021年5月17日, 5月17日, 二〇一二年三月五日, 六月十一日至二十二日, ２０２１年
//   [x] 17 May 2021, 17 de mayo de 2021, 17 мая 2021 года, 17 مايو 2021, January 12, 2021
//   [x] ranges with a dash, a joiner (至, to, au ...) or a starter and a joiner
//       (from … to, du … au, del … al, с … по, من … إلى), across months and years
//   [x] weekdays beside a date, ordinals (1er, 1st), Arabic-Indic and fullwidth digits
//   [x] 2021-05-17, 2021/05/17, 17.05.2021
//   [x] 11时, 14时30分, 十四时三十分, 下午2时, 11:00, 11.00 horas, 11 h 00, 1100 hours,
//       11 a.m., 11 час. 00 мин., and ranges of these
//   [-] 5/17/2021 and 17/5/2021 (ambiguous between languages and countries)
//   [-] two-digit years, relative dates ("next Monday")

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "normalize/scan.h"
#include "normalize/tables.h"

namespace missive {

using internal::DateStyle;
using internal::LanguageTable;
using internal::LiteralOptions;
using internal::MatchLongest;
using internal::Number;
using internal::ScanNumber;
using internal::SkipBlanks;
using internal::Words;

namespace {

constexpr std::size_t kNo = std::string_view::npos;
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValid(const Date& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

std::span<const LanguageTable> TablesFor(const DateLanguage& language) {
  return {language.tables(), language.count()};
}

// The end of the longest of `words` at `pos`, or kNo.
std::size_t MatchWord(std::string_view text, std::size_t pos, const Words& words,
                      LiteralOptions options = {}) {
  if (!words.MayStart(text, pos)) return kNo;
  const auto hit = MatchLongest(text, pos, words.items(), options);
  return hit ? hit->end : kNo;
}

// The end of a range joiner at `pos`: a language's word or a dash.
std::size_t MatchJoiner(std::string_view text, std::size_t pos, const Words& words) {
  const std::size_t word = MatchWord(text, pos, words);
  const std::size_t dash = MatchWord(text, pos, internal::RangeDashes());
  if (word == kNo) return dash;
  if (dash == kNo) return word;
  return std::max(word, dash);
}

// Whether the character at `pos` is an upper-case letter.
bool CapitalAt(std::string_view text, std::size_t pos) {
  const char32_t initial = internal::DecodeAt(text, pos).value;
  return initial < 0x80 ? initial >= 'A' && initial <= 'Z'
                        : u_isupper(static_cast<UChar32>(initial)) != 0;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

bool StartsWith(std::string_view text, std::size_t pos, char32_t cp) {
  return pos < text.size() && internal::DecodeAt(text, pos).value == cp;
}

// True when `pos` starts a separator and a digit: the ".2021" of 17.05.2021.
bool SeparatorThenDigit(std::string_view text, std::size_t pos, bool hyphen = true) {
  if (pos + 1 >= text.size()) return false;
  const char c = text[pos];
  if (c != '.' && c != '/' && c != ':' && !(hyphen && c == '-')) return false;
  return internal::DigitValue(internal::DecodeAt(text, pos + 1).value) >= 0;
}

// The digits after a number continue it ("11:00", "7.1", "1/20"); a hyphen
// instead starts a range ("17-27 May").
bool NumberContinues(std::string_view text, std::size_t pos) {
  return SeparatorThenDigit(text, pos, /*hyphen=*/false);
}

// ---- Dates ----------------------------------------------------------------

// One end of a date or a range, as written; what is missing is filled from
// the other end or from the context date.
struct Part {
  std::optional<int> year, month;
  int day = 0;
  bool day_marked = true;         // kMarkers: the 日 was written ("17-27日" leaves it off the 17)
  bool month_before_day = false;  // "January 12"
  std::size_t begin = 0, end = 0;
};

struct Found {
  DateMatch match;
  bool year_known = true;
};

class DateScanner {
 public:
  DateScanner(std::string_view text, const LanguageTable& table, std::optional<Date> context)
      : text_(text), table_(table), context_(context) {}

  std::optional<Found> ParseAt(std::size_t pos) const {
    // Most positions start no range word: pass over the list at once.
    const std::span<const internal::RangeWords> ranges =
        table_.date_ranges.MayStart(text_, pos) ? table_.date_ranges.items()
                                                : std::span<const internal::RangeWords>();
    for (const internal::RangeWords& words : ranges) {
      const std::size_t starter = internal::MatchLiteral(text_, pos, words.starter);
      if (starter == kNo) continue;
      const std::size_t start = SkipWeekday(SkipBlanks(text_, starter));
      auto first = ParsePart(start);
      if (!first) continue;
      const std::size_t joiner_at = SkipBlanks(text_, SkipWeekday(first->end));
      std::size_t joiner = internal::MatchLiteral(text_, joiner_at, words.joiner);
      if (joiner == kNo) joiner = MatchWord(text_, joiner_at, internal::RangeDashes());
      if (joiner == kNo) continue;
      auto last = ParsePart(SkipWeekday(SkipBlanks(text_, joiner)));
      if (!last) continue;
      if (auto found = Range(*first, *last)) {
        found->match.begin = pos;
        return found;
      }
    }
    auto first = ParsePart(pos);
    if (!first) return std::nullopt;
    const std::size_t joiner_at = SkipBlanks(text_, SkipWeekday(first->end));
    const std::size_t joiner = MatchJoiner(text_, joiner_at, table_.date_joiners);
    if (joiner != kNo) {
      if (auto last = ParsePart(SkipWeekday(SkipBlanks(text_, joiner)))) {
        if (auto found = Range(*first, *last)) return found;
      }
    }
    return Single(*first);
  }

  // Skips a weekday written beside a date, "（星期一）", "(Monday)", "Monday,",
  // and the blanks after it.
  std::size_t SkipWeekday(std::size_t pos) const {
    std::size_t at = SkipBlanks(text_, pos);
    const bool bracket = StartsWith(text_, at, U'(') || StartsWith(text_, at, U'（');
    if (bracket) at = SkipBlanks(text_, internal::DecodeAt(text_, at).end);
    const std::size_t end = MatchWord(text_, at, table_.weekdays);
    if (end == kNo) return pos;
    at = SkipBlanks(text_, end);
    if (bracket) {
      if (!StartsWith(text_, at, U')') && !StartsWith(text_, at, U'）')) return pos;
      return SkipBlanks(text_, internal::DecodeAt(text_, at).end);
    }
    if (StartsWith(text_, at, U',') || StartsWith(text_, at, U'，')) {
      return SkipBlanks(text_, internal::DecodeAt(text_, at).end);
    }
    return at;
  }

 private:
  std::optional<Part> ParsePart(std::size_t pos) const {
    // The number at `pos`, scanned once for every kind of part. Digits read
    // the same with Chinese numerals allowed or not; a Chinese number is
    // what only MarkersPart reads.
    const auto number = ScanNumber(text_, pos, table_.cjk_numerals, true);
    // (A pointer, not an optional copy: GCC 12 warned of it as maybe uninitialized.)
    const Number* const digits = number && !number->cjk ? &*number : nullptr;
    if (auto numeric = NumericPart(pos, digits)) return numeric;
    return table_.style == DateStyle::kMarkers ? MarkersPart(pos, number) : WordsPart(pos, digits);
  }

  // 2021-05-17, 2021/05/17, 2021.05.17 and 17.05.2021: the same in every language.
  // `first` is ScanNumber(text_, pos, false, true), or null when none.
  std::optional<Part> NumericPart(std::size_t pos, const Number* first) const {
    if (!first || first->end >= text_.size()) return std::nullopt;
    const char separator = text_[first->end];
    if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
    const bool year_first = first->digits == 4;
    if (!year_first && (first->digits > 2 || separator != '.')) return std::nullopt;
    const auto second = ScanNumber(text_, first->end + 1, false, false);
    if (!second || second->digits > 2 || second->end >= text_.size() ||
        text_[second->end] != separator) {
      return std::nullopt;
    }
    const auto third = ScanNumber(text_, second->end + 1, false, false);
    if (!third || SeparatorThenDigit(text_, third->end)) return std::nullopt;
    if (year_first ? third->digits > 2 : third->digits != 4) return std::nullopt;
    Part part;
    part.year = static_cast<int>(year_first ? first->value : third->value);
    part.month = static_cast<int>(second->value);
    part.day = static_cast<int>(year_first ? third->value : first->value);
    if (*part.year < kMinYear || *part.year > kMaxYear) return std::nullopt;
    if (!IsValid(Date{*part.year, *part.month, part.day})) return std::nullopt;
    part.begin = pos;
    part.end = third->end;
    return part;
  }

  static bool IsYear(const Number& n) {
    return (n.cjk || n.digits == 4) && n.value >= kMinYear && n.value <= kMaxYear;
  }
  static bool IsDay(const Number& n) {
    return (n.cjk || n.digits <= 2) && n.value >= 1 && n.value <= 31;
  }

  // 2021年5月17日, 5月17日, 17日, and 2021年5月17 (a range's first end: 17-27日).
  // `number` is ScanNumber(text_, pos, table_.cjk_numerals, true).
  std::optional<Part> MarkersPart(std::size_t pos, std::optional<Number> number) const {
    if (!number) return std::nullopt;
    Part part;
    part.begin = pos;
    std::size_t at = SkipBlanks(text_, number->end);
    if (std::size_t end = MatchWord(text_, at, table_.year_markers); end != kNo) {
      if (!IsYear(*number)) return std::nullopt;
      part.year = static_cast<int>(number->value);
      number = ScanNumber(text_, SkipBlanks(text_, end), table_.cjk_numerals, false);
      if (!number) return std::nullopt;
      at = SkipBlanks(text_, number->end);
    }
    if (std::size_t end = MatchWord(text_, at, table_.month_markers); end != kNo) {
      if (!number->cjk && number->digits > 2) return std::nullopt;
      if (number->value < 1 || number->value > 12) return std::nullopt;
      part.month = static_cast<int>(number->value);
      number = ScanNumber(text_, SkipBlanks(text_, end), table_.cjk_numerals, false);
      if (!number) return std::nullopt;
      at = SkipBlanks(text_, number->end);
    } else if (part.year) {
      return std::nullopt;  // 2021年 alone, or 2016年，哈马马特
    }
    if (!IsDay(*number)) return std::nullopt;
    part.day = static_cast<int>(number->value);
    if (std::size_t end = MatchWord(text_, at, table_.day_markers); end != kNo) {
      part.end = end;
    } else {
      if (!part.month) return std::nullopt;  // a bare number
      part.day_marked = false;
      part.end = number->end;
    }
    return part;
  }

  // The year after a month name: "2021", ", 2021", "de 2021", "2021 года".
  void YearAfter(Part& part) const {
    std::size_t at = SkipBlanks(text_, part.end);
    if (std::size_t link = MatchWord(text_, at, table_.month_year_links); link != kNo) {
      at = SkipBlanks(text_, link);
    }
    const auto year = ScanNumber(text_, at, false, true);
    if (!year || !IsYear(*year) || NumberContinues(text_, year->end)) return;
    part.year = static_cast<int>(year->value);
    part.end = year->end;
    const std::size_t suffix_at = SkipBlanks(text_, year->end);
    const std::size_t suffix = MatchWord(text_, suffix_at, table_.year_suffixes,
                                         {.start_boundary = suffix_at != year->end});
    if (suffix != kNo) part.end = suffix;
  }

  // A day number and what may follow it: "17", "1er", "17 mai 2021", "12 de enero".
  // `day` is ScanNumber(text_, pos, false, true), or null when none.
  std::optional<Part> DayFirst(std::size_t pos, const Number* day) const {
    if (!day || !IsDay(*day)) return std::nullopt;
    Part part;
    part.begin = pos;
    part.day = static_cast<int>(day->value);
    part.end = day->end;
    const std::size_t ordinal =
        MatchWord(text_, day->end, table_.ordinal_suffixes, {.start_boundary = false});
    if (ordinal != kNo) part.end = ordinal;
    // "5G", "11:00", "7.1", "2,5": a number, not a day.
    if (part.end < text_.size()) {
      const char32_t next = internal::DecodeAt(text_, part.end).value;
      if (internal::IsWordLetter(next) || NumberContinues(text_, part.end)) return std::nullopt;
      if (next == ',' && part.end + 1 < text_.size() &&
          internal::DigitValue(internal::DecodeAt(text_, part.end + 1).value) >= 0) {
        return std::nullopt;
      }
    }
    std::size_t at = SkipBlanks(text_, part.end);
    if (std::size_t link = MatchWord(text_, at, table_.day_month_links); link != kNo) {
      at = SkipBlanks(text_, link);
    }
    const auto month = table_.months.MayStart(text_, at)
                           ? MatchLongest(text_, at, table_.months.items(),
                                          [](const internal::MonthName& m) { return m.name; },
                                          {.start_boundary = false})
                           : std::nullopt;
    if (month) {
      part.month = table_.months[month->index].month;
      part.end = month->end;
      YearAfter(part);
    } else if (table_.month_first) {
      YearAfter(part);  // "January 12-15, 2021": the second end is "15, 2021"
    }
    return part;
  }

  // "January 12", "January 12, 2021": months are capitalised where this is
  // written, which keeps "may" the verb out.
  std::optional<Part> MonthFirst(std::size_t pos) const {
    if (!table_.month_first || !CapitalAt(text_, pos)) return std::nullopt;
    if (!table_.months.MayStart(text_, pos)) return std::nullopt;
    const auto month = MatchLongest(text_, pos, table_.months.items(),
                                    [](const internal::MonthName& m) { return m.name; });
    if (!month) return std::nullopt;
    const std::size_t at = SkipBlanks(text_, month->end);
    if (at == month->end && text_[at - 1] != '.') return std::nullopt;  // "Jan.12" but not "May12"
    const auto day = ScanNumber(text_, at, false, true);
    if (!day || !IsDay(*day)) return std::nullopt;
    Part part;
    part.begin = pos;
    part.month = table_.months[month->index].month;
    part.month_before_day = true;
    part.day = static_cast<int>(day->value);
    part.end = day->end;
    const std::size_t ordinal =
        MatchWord(text_, day->end, table_.ordinal_suffixes, {.start_boundary = false});
    if (ordinal != kNo) part.end = ordinal;
    if (part.end < text_.size() &&
        (internal::IsWordLetter(internal::DecodeAt(text_, part.end).value) ||
         NumberContinues(text_, part.end))) {
      return std::nullopt;
    }
    YearAfter(part);
    return part;
  }

  std::optional<Part> WordsPart(std::size_t pos, const Number* digits) const {
    if (auto part = DayFirst(pos, digits)) return part;
    return MonthFirst(pos);
  }

  // A year left out: the context's year, or the next one when the date
  // would otherwise fall before the context (a letter of December announcing
  // a meeting in January).
  std::optional<int> InferYear(int month, int day) const {
    if (!context_) return std::nullopt;
    int year = context_->year;
    if (month < context_->month || (month == context_->month && day < context_->day)) ++year;
    return year;
  }

  std::optional<Found> Single(const Part& part) const {
    if (!part.month || !part.day_marked) return std::nullopt;
    Found found;
    found.match.begin = part.begin;
    found.match.end = part.end;
    if (part.year) {
      found.match.start = Date{*part.year, *part.month, part.day};
    } else {
      found.match.year_stated = false;
      const auto year = InferYear(*part.month, part.day);
      if (!year) {
        found.year_known = false;
        return found;
      }
      found.match.start = Date{*year, *part.month, part.day};
    }
    if (!IsValid(found.match.start)) return std::nullopt;
    return found;
  }

  std::optional<Found> Range(Part first, Part last) const {
    if (!last.day_marked) return std::nullopt;
    // Words: the month comes after the range ("17-27 May"), so the second end
    // needs one, except "January 12-15, 2021" where it came first. Otherwise
    // "17 May 2021 - 3 documents" would be a range.
    if (table_.style == DateStyle::kWords && !last.month &&
        !(first.month_before_day && !first.year)) {
      return std::nullopt;
    }
    if (!first.month) first.month = last.month;
    if (!last.month) last.month = first.month;
    if (!first.month) return std::nullopt;
    Found found;
    found.match.begin = first.begin;
    found.match.end = last.end;
    bool first_inherited = false, last_inherited = false;
    if (!first.year && last.year) {
      first.year = last.year;
      first_inherited = true;
    } else if (first.year && !last.year) {
      last.year = first.year;
      last_inherited = true;
    } else if (!first.year && !last.year) {
      found.match.year_stated = false;
      first.year = InferYear(*first.month, first.day);
      if (!first.year) {
        found.year_known = false;
        return found;
      }
      last.year = first.year;
      last_inherited = true;
    }
    Date start{*first.year, *first.month, first.day};
    Date end{*last.year, *last.month, last.day};
    // "31 December to 8 January 2021", "2021年12月31日至1月8日": across a year
    // end, which only a later month followed by an earlier one can be.
    if (end < start && end.month < start.month) {
      if (first_inherited) --start.year;
      if (last_inherited) ++end.year;
    }
    if (!IsValid(start) || !IsValid(end) || end < start) return std::nullopt;
    found.match.start = start;
    found.match.last = end;
    return found;
  }

  std::string_view text_;
  const LanguageTable& table_;
  std::optional<Date> context_;
};

// Whether a date or a time may begin with `cp`, which follows `before` (0 at
// the start): a digit, a Chinese numeral, the start of a word ("from",
// "January"), or the first character of one of `prefixes` (下午). Checked
// first because most positions of a text start nothing.
bool MayStartAt(std::string_view text, std::size_t pos, char32_t cp, char32_t before,
                std::span<const LanguageTable> tables, Words LanguageTable::*prefixes) {
  if (internal::DigitValue(cp) >= 0 || internal::IsChineseNumeral(cp)) return true;
  if (internal::IsWordLetter(cp)) return !internal::IsWordLetter(before);
  if (prefixes == nullptr) return false;
  for (const LanguageTable& table : tables) {
    if (!(table.*prefixes).MayStart(text, pos)) continue;  // no prefix starts with that byte
    for (std::string_view prefix : table.*prefixes) {
      if (internal::DecodeAt(prefix, 0).value == cp) return true;
    }
  }
  return false;
}

// ---- Times ----------------------------------------------------------------

enum class Shape {
  kColon,      // 11:00
  kDot,        // 11.00
  kFourDigit,  // 1100
  kMarker,     // 11时, 11 h 00, 11 час.
  kBare,       // 11
};

struct TimePart {
  int hour = 0, minute = 0;
  Shape shape = Shape::kBare;
  bool strong = false;  // a time on its own; weak ones only as a range's first end
  bool pm = false;      // p.m. or 下午 written
  std::size_t begin = 0, end = 0;
};

class TimeScanner {
 public:
  TimeScanner(std::string_view text, const LanguageTable& table) : text_(text), table_(table) {}

  std::optional<TimeMatch> ParseAt(std::size_t pos) const {
    const std::span<const internal::RangeWords> ranges =
        table_.time_ranges.MayStart(text_, pos) ? table_.time_ranges.items()
                                                : std::span<const internal::RangeWords>();
    for (const internal::RangeWords& words : ranges) {
      const std::size_t starter = internal::MatchLiteral(text_, pos, words.starter);
      if (starter == kNo) continue;
      auto first = PrefixedPart(SkipBlanks(text_, starter));
      if (!first) continue;
      const std::size_t joiner_at = SkipBlanks(text_, first->end);
      std::size_t joiner = internal::MatchLiteral(text_, joiner_at, words.joiner);
      if (joiner == kNo) joiner = MatchWord(text_, joiner_at, internal::RangeDashes());
      if (joiner == kNo) continue;
      auto last = PrefixedPart(SkipBlanks(text_, joiner));
      if (!last) continue;
      if (auto match = Range(*first, *last)) {
        match->begin = pos;
        return match;
      }
    }
    auto first = PrefixedPart(pos);
    if (!first) return std::nullopt;
    const std::size_t joiner =
        MatchJoiner(text_, SkipBlanks(text_, first->end), table_.time_joiners);
    if (joiner != kNo) {
      if (auto last = PrefixedPart(SkipBlanks(text_, joiner))) {
        if (auto match = Range(*first, *last)) return match;
      }
    }
    if (!first->strong) return std::nullopt;
    const std::string_view written = text_.substr(first->begin, first->end - first->begin);
    for (std::string_view word : table_.not_times) {
      if (written == word) return std::nullopt;
    }
    return TimeMatch{first->begin, first->end, {first->hour, first->minute}, std::nullopt};
  }

 private:
  static int Minutes(const TimePart& part) { return part.hour * 60 + part.minute; }

  std::optional<TimeMatch> Range(TimePart first, TimePart last) const {
    if (!last.strong) return std::nullopt;
    if (!first.strong) {
      const bool compatible =
          (first.shape == Shape::kDot && last.shape == Shape::kDot) ||
          (first.shape == Shape::kFourDigit && last.shape == Shape::kFourDigit) ||
          (first.shape == Shape::kBare &&
           (last.shape == Shape::kMarker || last.shape == Shape::kBare));
      if (!compatible) return std::nullopt;
      // "2-4 p.m.": the p.m. is both ends'; "11-1 p.m." starts in the morning.
      if (last.pm && !first.pm && first.hour < 12 && first.hour + 12 <= last.hour) {
        first.hour += 12;
      }
      if (Minutes(first) >= Minutes(last)) return std::nullopt;
    }
    // "下午2时至4时": the 下午 is both ends'.
    if (first.pm && !last.pm && last.hour < 12 && last.hour + 12 >= first.hour) last.hour += 12;
    return TimeMatch{
        first.begin, last.end, {first.hour, first.minute}, TimeOfDay{last.hour, last.minute}};
  }

  // A time, after an optional 下午.
  std::optional<TimePart> PrefixedPart(std::size_t pos) const {
    const std::size_t prefix = MatchWord(text_, pos, table_.pm_prefixes);
    auto part = Part(prefix == kNo ? pos : SkipBlanks(text_, prefix));
    if (!part || prefix == kNo) return part;
    if (part->hour < 12) part->hour += 12;
    part->pm = true;
    part->begin = pos;
    return part;
  }

  std::optional<TimePart> Part(std::size_t pos) const {
    const auto number = ScanNumber(text_, pos, table_.cjk_numerals, true);
    if (!number) return std::nullopt;
    TimePart part;
    part.begin = pos;
    if (!number->cjk && NumericForm(*number, part)) {
      // kColon, kDot or kFourDigit: a time word or a.m./p.m. may follow.
      const std::size_t at = SkipBlanks(text_, part.end);
      if (std::size_t word = MatchWord(text_, at, table_.time_words, {.start_boundary = false});
          word != kNo) {
        part.end = word;
        part.strong = true;
      }
    } else if (!MarkerForm(*number, part)) {
      if (!number->cjk && number->digits > 2) return std::nullopt;
      part.hour = static_cast<int>(number->value);
      part.shape = Shape::kBare;
      part.end = number->end;
    }
    if (part.shape != Shape::kMarker) ApplyMeridiem(part);
    if (part.hour > 24 || part.minute > 59 || (part.hour == 24 && part.minute != 0)) {
      return std::nullopt;
    }
    return part;
  }

  // 11:00, 11:00:00, 11.00, 1100.
  bool NumericForm(const Number& number, TimePart& part) const {
    const std::size_t after = number.end;
    if (number.digits <= 2 && after < text_.size() &&
        (text_[after] == ':' || text_[after] == '.')) {
      const auto minutes = ScanNumber(text_, after + 1, false, false);
      if (!minutes || minutes->digits != 2) return false;
      std::size_t end = minutes->end;
      if (text_[after] == ':' && end < text_.size() && text_[end] == ':') {
        const auto seconds = ScanNumber(text_, end + 1, false, false);
        if (seconds && seconds->digits == 2) end = seconds->end;
      }
      if (NumberContinues(text_, end)) return false;  // 17.05.2021 is a date
      part.hour = static_cast<int>(number.value);
      part.minute = static_cast<int>(minutes->value);
      part.shape = text_[after] == ':' ? Shape::kColon : Shape::kDot;
      part.strong = part.shape == Shape::kColon;
      part.end = end;
      return true;
    }
    if (number.digits == 4 && !NumberContinues(text_, after)) {
      part.hour = static_cast<int>(number.value / 100);
      part.minute = static_cast<int>(number.value % 100);
      part.shape = Shape::kFourDigit;
      part.end = after;
      return true;
    }
    return false;
  }

  // 11时, 14时30分, 十四时三十分, 11时半, 11 h 00, 11 heures, 11 час. 00 мин.
  bool MarkerForm(const Number& number, TimePart& part) const {
    if (!number.cjk && number.digits > 2) return false;
    const std::size_t marker = MatchWord(text_, SkipBlanks(text_, number.end), table_.hour_markers,
                                         {.start_boundary = false});
    if (marker == kNo) return false;
    if (MatchWord(text_, marker, table_.hour_marker_blockers) != kNo) return false;  // 时间
    part.hour = static_cast<int>(number.value);
    part.shape = Shape::kMarker;
    part.strong = true;
    part.end = marker;
    const std::size_t at = SkipBlanks(text_, marker);
    if (std::size_t half = MatchWord(text_, at, table_.half_hours); half != kNo) {
      part.minute = 30;
      part.end = half;
      return true;
    }
    const auto minutes = ScanNumber(text_, at, table_.cjk_numerals, false);
    if (!minutes || minutes->value > 59 || (!minutes->cjk && minutes->digits > 2)) return true;
    const std::size_t minute_marker = MatchWord(text_, SkipBlanks(text_, minutes->end),
                                                table_.minute_markers, {.start_boundary = false});
    if (minute_marker != kNo) {
      part.minute = static_cast<int>(minutes->value);
      part.end = minute_marker;
    } else if (!table_.minute_marker_required && !minutes->cjk && minutes->digits == 2 &&
               !NumberContinues(text_, minutes->end)) {
      part.minute = static_cast<int>(minutes->value);  // 11 h 00
      part.end = minutes->end;
    }
    return true;
  }

  void ApplyMeridiem(TimePart& part) const {
    const std::size_t at = SkipBlanks(text_, part.end);
    if (!table_.meridiems.MayStart(text_, at)) return;
    const auto hit =
        MatchLongest(text_, at, table_.meridiems.items(),
                     [](const internal::Meridiem& m) { return m.word; }, {.start_boundary = false});
    if (!hit || part.hour < 1 || part.hour > 12) return;
    const bool pm = table_.meridiems[hit->index].pm;
    if (pm && part.hour < 12) part.hour += 12;
    if (!pm && part.hour == 12) part.hour = 0;
    part.pm = pm;
    part.strong = true;
    part.end = hit->end;
  }

  std::string_view text_;
  const LanguageTable& table_;
};

// ---- Formatting -----------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long long DaysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long year_of_era = year - era * 400;
  const long long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const long long day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Appends `value` as printf's "%0<width>d" writes it: zero-padded to
// `width` characters, the sign included. Dates and times are formatted for
// every record; snprintf's format parsing cost more than the rest of it.
void AppendPadded(std::string& out, int value, int width) {
  char digits[16];
  const long long magnitude = value < 0 ? -static_cast<long long>(value) : value;
  const char* const end = std::to_chars(digits, digits + sizeof digits, magnitude).ptr;
  const int length = static_cast<int>(end - digits) + (value < 0 ? 1 : 0);
  if (value < 0) out.push_back('-');
  if (length < width) out.append(static_cast<std::size_t>(width - length), '0');
  out.append(digits, static_cast<std::size_t>(end - digits));
}

// Cuts `text` as snprintf into a buffer of `size` bytes did; only numbers
// far outside any date could ever be that long.
void CutAsSnprintf(std::string& text, std::size_t size) {
  if (text.size() >= size) text.resize(size - 1);
}

// Appends date.Iso() to `out`.
void AppendIso(std::string& out, const Date& date) {
  const std::size_t start = out.size();
  AppendPadded(out, date.year, 4);
  out.push_back('-');
  AppendPadded(out, date.month, 2);
  out.push_back('-');
  AppendPadded(out, date.day, 2);
  if (out.size() - start >= 32) out.resize(start + 31);  // as snprintf into 32 bytes
}

// An ICU zone the tables name, with what FormatDateTime asks of it decided
// once: creating one loads its rules from the resource data.
struct ZoneRules {
  std::string name;
  std::unique_ptr<icu::TimeZone> zone;        // nullptr when ICU could not make it
  const icu::BasicTimeZone* basic = nullptr;  // the zone, when it can resolve local times
  bool known = false;                         // not ICU's "Etc/Unknown"
};

// The rules of `name`, kept for the thread's life. A list: the tables name
// a handful of zones, and comparing names costs less than hashing one.
const ZoneRules& RulesOf(const std::string& name) {
  thread_local std::vector<ZoneRules> zones;
  auto it = std::find_if(zones.begin(), zones.end(),
                         [&](const ZoneRules& rules) { return rules.name == name; });
  if (it == zones.end()) {
    zones.push_back(ZoneRules{name, nullptr, nullptr, false});
    it = zones.end() - 1;
  }
  ZoneRules& rules = *it;
  if (!rules.zone) {
    rules.zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
    if (rules.zone) {
      rules.basic = dynamic_cast<const icu::BasicTimeZone*>(rules.zone.get());
      rules.known = *rules.zone != icu::TimeZone::getUnknown();
    }
  }
  return rules;
}

Date NextDay(Date date) {
  if (++date.day > DaysInMonth(date.year, date.month)) {
    date.day = 1;
    if (++date.month > 12) {
      date.month = 1;
      ++date.year;
    }
  }
  return date;
}

}  // namespace

namespace internal {

// Every part of a date but a month name written first starts with a
// number, so at a word only a range starter ("from", "du") or such a month
// name can start one, and MonthFirst reads that only with a capital
// ("March", not "meeting"). Most words are neither, and
// DateScanner::ParseAt would try each kind of part at them in vain.
bool WordMayStartDate(std::string_view text, std::size_t pos, const LanguageTable& table) {
  return table.date_ranges.MayStart(text, pos) ||
         (table.style == DateStyle::kWords && table.month_first &&
          table.months.MayStart(text, pos) && CapitalAt(text, pos));
}

// A time too starts with a number, but after a range starter ("from") or
// a prefix (下午).
bool WordMayStartTime(std::string_view text, std::size_t pos, const LanguageTable& table) {
  return table.time_ranges.MayStart(text, pos) || table.pm_prefixes.MayStart(text, pos);
}

bool TimeStartsAt(std::string_view text, std::size_t pos, const LanguageTable& table) {
  return TimeScanner(text, table).ParseAt(pos).has_value();
}

bool DateStartsAt(std::string_view text, std::size_t pos, const LanguageTable& table,
                  std::optional<Date> context_date) {
  return DateScanner(text, table, context_date).ParseAt(pos).has_value();
}

}  // namespace internal

DateLanguage::DateLanguage(std::string_view language) {
  if (const LanguageTable* table = internal::FindLanguageTable(language)) {
    tables_ = table;
    count_ = 1;
  } else {
    tables_ = internal::AllLanguageTables().data();
    count_ = internal::AllLanguageTables().size();
  }
}

std::string Date::Iso() const {
  std::string iso;
  AppendIso(iso, *this);
  return iso;
}

std::size_t SkipWeekdayAt(std::string_view text, std::size_t pos, std::string_view language) {
  return SkipWeekdayAt(text, pos, DateLanguage(language));
}

std::size_t SkipWeekdayAt(std::string_view text, std::size_t pos, const DateLanguage& language) {
  for (const LanguageTable& table : TablesFor(language)) {
    const std::size_t end = DateScanner(text, table, std::nullopt).SkipWeekday(pos);
    if (end != pos) return end;
  }
  return pos;
}

namespace {

// The loop of FindDates, stopped once `limit` dates are found, or after
// offset 0 when `start_only`. Stopping changes nothing found before: each
// step depends on the text and the position only, never on what follows
// in the loop.
std::vector<DateMatch> ScanDates(std::string_view text, std::span<const LanguageTable> tables,
                                 std::optional<Date> context_date, std::size_t limit,
                                 bool start_only) {
  std::vector<DateMatch> found;
  std::size_t pos = 0;
  char32_t before = 0;  // the code point before pos
  while (pos < text.size() && found.size() < limit) {
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    std::optional<Found> best;
    if (MayStartAt(text, pos, c.value, before, tables, nullptr)) {
      const bool number = internal::DigitValue(c.value) >= 0 || internal::IsChineseNumeral(c.value);
      for (const LanguageTable& table : tables) {
        if (!number && !internal::WordMayStartDate(text, pos, table)) continue;
        auto candidate = DateScanner(text, table, context_date).ParseAt(pos);
        if (candidate && (!best || candidate->match.end > best->match.end)) best = candidate;
      }
    }
    if (start_only) {
      // A date at offset 0 is found there; past it, none can begin at 0.
      if (best && best->year_known) found.push_back(best->match);
      break;
    }
    if (!best) {
      before = c.value;
      pos = c.end;
      continue;
    }
    // A date whose year cannot be known is passed over whole, never guessed.
    if (best->year_known) found.push_back(best->match);
    pos = best->match.end;
    before = internal::DecodeBefore(text, pos);
  }
  return found;
}

}  // namespace

std::vector<DateMatch> FindDates(std::string_view text, std::string_view language,
                                 std::optional<Date> context_date) {
  return FindDates(text, DateLanguage(language), context_date);
}

std::vector<DateMatch> FindDates(std::string_view text, const DateLanguage& language,
                                 std::optional<Date> context_date) {
  constexpr std::size_t kEveryDate = std::numeric_limits<std::size_t>::max();
  return ScanDates(text, TablesFor(language), context_date, kEveryDate, /*start_only=*/false);
}

std::vector<DateMatch> FindDates(std::string_view text, std::string_view language,
                                 std::optional<Date> context_date, std::size_t limit) {
  return FindDates(text, DateLanguage(language), context_date, limit);
}

std::vector<DateMatch> FindDates(std::string_view text, const DateLanguage& language,
                                 std::optional<Date> context_date, std::size_t limit) {
  return ScanDates(text, TablesFor(language), context_date, limit, /*start_only=*/false);
}

std::optional<DateMatch> FindDateAtStart(std::string_view text, std::string_view language,
                                         std::optional<Date> context_date) {
  return FindDateAtStart(text, DateLanguage(language), context_date);
}

std::optional<DateMatch> FindDateAtStart(std::string_view text, const DateLanguage& language,
                                         std::optional<Date> context_date) {
  std::vector<DateMatch> found =
      ScanDates(text, TablesFor(language), context_date, 1, /*start_only=*/true);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<TimeMatch> FindTimes(std::string_view text, std::string_view language) {
  return FindTimes(text, DateLanguage(language));
}

std::vector<TimeMatch> FindTimes(std::string_view text, const DateLanguage& language) {
  std::vector<TimeMatch> found;
  const auto tables = TablesFor(language);
  std::size_t pos = 0;
  char32_t before = 0;  // the code point before pos
  while (pos < text.size()) {
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    std::optional<TimeMatch> best;
    if (MayStartAt(text, pos, c.value, before, tables, &LanguageTable::pm_prefixes)) {
      const bool number = internal::DigitValue(c.value) >= 0 || internal::IsChineseNumeral(c.value);
      for (const LanguageTable& table : tables) {
        if (!number && !internal::WordMayStartTime(text, pos, table)) continue;
        auto candidate = TimeScanner(text, table).ParseAt(pos);
        if (candidate && (!best || candidate->end > best->end)) best = candidate;
      }
    }
    if (!best) {
      before = c.value;
      pos = c.end;
      continue;
    }
    found.push_back(*best);
    pos = best->end;
    before = internal::DecodeBefore(text, pos);
  }
  return found;
}

std::optional<std::string> FindTimeZone(std::string_view text, std::string_view language) {
  return FindTimeZone(text, DateLanguage(language));
}

std::optional<std::string> FindTimeZone(std::string_view text, const DateLanguage& language) {
  const auto tables = TablesFor(language);
  auto try_zones = [&](std::size_t pos, const internal::List<internal::ZoneName>& zones,
                       std::size_t& best_end, std::string_view& best_zone) {
    if (!zones.MayStart(text, pos)) return;
    for (const internal::ZoneName& zone : zones) {
      const std::size_t end =
          internal::MatchLiteral(text, pos, zone.phrase, {.exact_case = zone.exact_case});
      if (end == kNo || (best_end != kNo && end <= best_end)) continue;
      // "UTC+2" names an offset, not UTC.
      if (zone.exact_case) {
        const internal::CodePoint sign = internal::DecodeAt(text, SkipBlanks(text, end));
        const bool is_sign =
            sign.value == '+' || sign.value == '-' || sign.value == U'−' || sign.value == U'±';
        if (is_sign && internal::DigitValue(internal::DecodeAt(text, sign.end).value) >= 0)
          continue;
      }
      best_end = end;
      best_zone = zone.zone;
    }
  };
  for (std::size_t pos = 0; pos < text.size(); pos = internal::DecodeAt(text, pos).end) {
    // Inside a word: a name that may match an ASCII letter starts with a
    // letter, and MatchLiteral refuses one glued to a letter or digit before.
    if (pos > 0 && IsAsciiLetter(text[pos]) && IsAsciiAlnum(text[pos - 1])) continue;
    std::size_t best_end = kNo;
    std::string_view best_zone;
    for (const LanguageTable& table : tables) try_zones(pos, table.zones, best_end, best_zone);
    try_zones(pos, internal::CommonZones(), best_end, best_zone);
    if (best_end != kNo) return std::string(best_zone);
  }
  return std::nullopt;
}

std::string FormatDateTime(const Date& date, const TimeOfDay& time,
                           const std::optional<std::string>& zone) {
  // 24:00 is written in letters ("至24时"); ISO readers expect the next day's 00:00.
  Date day = date;
  int hour = time.hour;
  if (hour >= 24) {
    hour -= 24;
    day = NextDay(day);
  }
  std::string out;
  out.reserve(32);  // the date, the time and the offset: one allocation
  AppendIso(out, day);
  out.push_back('T');
  AppendPadded(out, hour, 2);
  out.push_back(':');
  AppendPadded(out, time.minute, 2);
  out.append(":00");
  CutAsSnprintf(out, 48);
  if (!zone) return out;

  const ZoneRules& rules = RulesOf(*zone);
  // An unknown zone gives no offset rather than a wrong one.
  if (!rules.zone || !rules.known) return out;
  const UDate local_ms =
      (static_cast<double>(DaysFromCivil(day.year, day.month, day.day)) * 86400.0 +
       (hour * 60 + time.minute) * 60.0) *
      1000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  // A wall time skipped by the spring change (02:30 on the last Sunday of
  // March in Geneva) takes the offset before the change; one repeated in
  // autumn takes the first, summer-time offset.
  if (rules.basic != nullptr) {
    rules.basic->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst,
                                    status);
  } else {
    rules.zone->getOffset(local_ms, /*local=*/true, raw, dst, status);
  }
  if (U_FAILURE(status)) return out;
  const int offset_minutes = (raw + dst) / 60000;
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  // At most "+596:31" (an int32 of milliseconds): 48 bytes never cut it.
  out.push_back(offset_minutes < 0 ? '-' : '+');
  AppendPadded(out, magnitude / 60, 2);
  out.push_back(':');
  AppendPadded(out, magnitude % 60, 2);
  return out;
}

}  // namespace missive
