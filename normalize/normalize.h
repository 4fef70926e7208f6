// The normalize stage: ICU-based text cleaning, and the grammar of dates,
// times and numbers (Chinese numerals included) into canonical values.
// Language-specific knowledge (month names, date grammars, zone names) is
// held as per-language tables inside the stage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace missive {

// ---- Text cleaning -------------------------------------------------------

// Cleans every paragraph of `doc` (body, tables, notes) in place: Unicode
// NFC; zero-width characters, soft hyphens, BOMs and bidi controls removed;
// fullwidth digits and Latin letters (U+FF10..FF19, FF21..FF3A, FF41..FF5A)
// folded to ASCII; runs of other white space (space, NBSP, U+3000 ...)
// collapsed to one space, or removed between two CJK characters; each
// segment trimmed. '\t' and '\n' are kept as the layout separators.
void Normalize(Document& doc);

// The same cleaning for one string, and additionally '\t' and '\n' treated as
// white space: the form of every text value in the record.
std::string CleanText(std::string_view text);

// Joins two cleaned pieces of text with one space, or with nothing when the
// join would sit next to a CJK character (a wrapped CJK line).
std::string JoinWrapped(std::string_view left, std::string_view right);

// text = JoinWrapped(text, part), in place: a text built piece by piece is
// not copied at each piece.
void AppendWrapped(std::string& text, std::string_view part);

// True for Han, kana, Hangul and CJK/fullwidth punctuation code points.
bool IsCjk(char32_t code_point);

// ---- Numbers -------------------------------------------------------------

// Parses a Chinese numeral (二〇一二, 十一, 二十二, 三十, 〇/零, 一百零五) or
// ASCII digits. nullopt when `text` is not entirely a number.
std::optional<long long> ParseChineseNumber(std::string_view text);

// Whether `code_point` is one of the characters ParseChineseNumber reads as
// a digit or a unit (一, 〇, 十, 万, 壹, ...).
bool IsChineseNumeralCharacter(char32_t code_point);

// ---- Dates and times -----------------------------------------------------

namespace internal {
struct LanguageTable;
}  // namespace internal

// The grammar tables of a language, as the functions below look them up
// from a BCP 47 tag: one looked up once stands for the tag in every call of
// a reader that makes many for one language.
class DateLanguage {
 public:
  // `language` as the functions below take it; an unknown tag stands for
  // every table.
  explicit DateLanguage(std::string_view language);

  const internal::LanguageTable* tables() const { return tables_; }
  std::size_t count() const { return count_; }

 private:
  const internal::LanguageTable* tables_ = nullptr;
  std::size_t count_ = 0;
};

struct Date {
  int year = 0, month = 0, day = 0;
  std::string Iso() const;  // "YYYY-MM-DD"
  auto operator<=>(const Date&) const = default;
};

struct TimeOfDay {
  int hour = 0, minute = 0;
  auto operator<=>(const TimeOfDay&) const = default;
};

// A date or a date range found in text. Offsets are bytes into the text.
struct DateMatch {
  std::size_t begin = 0, end = 0;
  Date start;
  std::optional<Date> last;  // the end of a range; nullopt for a single date
  bool year_stated = true;   // false when the year was inferred
};

// Finds every date and date range in `text`, in order. `language` is a BCP 47
// primary tag ("zh", "en", ...). A year left out is `context_date`'s year, or
// the next year when the date would otherwise fall before `context_date`.
std::vector<DateMatch> FindDates(std::string_view text, std::string_view language,
                                 std::optional<Date> context_date = std::nullopt);
std::vector<DateMatch> FindDates(std::string_view text, const DateLanguage& language,
                                 std::optional<Date> context_date = std::nullopt);

// The first `limit` dates of FindDates(text, language, context_date), the
// same matches: the scan stops at the last of them, so the first date of a
// long text costs what the text up to it costs.
std::vector<DateMatch> FindDates(std::string_view text, std::string_view language,
                                 std::optional<Date> context_date, std::size_t limit);
std::vector<DateMatch> FindDates(std::string_view text, const DateLanguage& language,
                                 std::optional<Date> context_date, std::size_t limit);

// FindDates(text, language, context_date).front() when it begins at offset
// 0, else nullopt: whether a date opens `text`, found by reading what a
// date at offset 0 reads, not the rest of the text.
std::optional<DateMatch> FindDateAtStart(std::string_view text, std::string_view language,
                                         std::optional<Date> context_date = std::nullopt);
std::optional<DateMatch> FindDateAtStart(std::string_view text, const DateLanguage& language,
                                         std::optional<Date> context_date = std::nullopt);

// The end of a weekday written beside a date at `pos` in `text` ("（星期三）",
// "(Wednesday)", "Monday,"), the blanks after it included; `pos` when no
// weekday is there.
std::size_t SkipWeekdayAt(std::string_view text, std::size_t pos, std::string_view language);
std::size_t SkipWeekdayAt(std::string_view text, std::size_t pos, const DateLanguage& language);

struct TimeMatch {
  std::size_t begin = 0, end = 0;
  TimeOfDay start;
  std::optional<TimeOfDay> last;  // the end of a range
};

// Finds every time of day and time range ("11时", "14时30分", "十四时三十分",
// "11:00", "11时至13时", "1100-1300 hours") in `text`, in order.
std::vector<TimeMatch> FindTimes(std::string_view text, std::string_view language);
std::vector<TimeMatch> FindTimes(std::string_view text, const DateLanguage& language);

// The IANA zone a text names ("日内瓦时间", "欧洲中部时间", "Geneva time",
// "CET/CEST" -> "Europe/Zurich"), or nullopt.
std::optional<std::string> FindTimeZone(std::string_view text, std::string_view language);
std::optional<std::string> FindTimeZone(std::string_view text, const DateLanguage& language);

// "2021-05-17T11:00:00+02:00": the local time in `zone` with the UTC offset
// ICU's zone data gives for that date and time. Without a zone, the local
// time without offset ("2021-05-17T11:00:00").
std::string FormatDateTime(const Date& date, const TimeOfDay& time,
                           const std::optional<std::string>& zone);

}  // namespace missive
