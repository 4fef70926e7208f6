// The scanners' shortcuts past ICU: each one must give ICU's answer for
// every code point, so these tests ask ICU about all of them.
#include "normalize/scan.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

#include "normalize/tables.h"

namespace missive::internal {
namespace {

constexpr UChar32 kLastCodePoint = 0x10FFFF;

// How many code points fold to each one, the code point itself not counted.
std::vector<int> FoldedFromOthers() {
  std::vector<int> count(kLastCodePoint + 1, 0);
  for (UChar32 c = 0; c <= kLastCodePoint; ++c) {
    const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (folded != c) ++count[folded];
  }
  return count;
}

bool IcuFoldsAlone(UChar32 c, const std::vector<int>& folded_from_others) {
  return u_foldCase(c, U_FOLD_CASE_DEFAULT) == c && folded_from_others[c] == 0;
}

TEST(FoldsAlone, AgreesWithIcuCaseFolding) {
  const std::vector<int> others = FoldedFromOthers();
  for (UChar32 c = 0; c <= kLastCodePoint; ++c) {
    if (FoldsAlone(static_cast<char32_t>(c))) {
      EXPECT_TRUE(IcuFoldsAlone(c, others)) << std::hex << c;
    }
  }
}

TEST(FoldsAloneLead, EveryCodePointOfTheLeadFoldsAlone) {
  const std::vector<int> others = FoldedFromOthers();
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    const unsigned lead = c < 0x800 ? 0xC0 | (c >> 6) : 0xE0 | (c >> 12);
    if (FoldsAloneLead(static_cast<unsigned char>(lead))) {
      EXPECT_TRUE(IcuFoldsAlone(c, others)) << std::hex << c;
    }
  }
}

TEST(IsWordLetter, FastPathsAgreeWithIcu) {
  for (UChar32 c = 0; c <= kLastCodePoint; ++c) {
    const auto cp = static_cast<char32_t>(c);
    EXPECT_EQ(IsWordLetter(cp), IsWordLetterSlow(cp)) << std::hex << c;
  }
}

TEST(DigitValue, FastPathsAgreeWithIcu) {
  for (UChar32 c = 0; c <= kLastCodePoint; ++c) {
    if (c >= 0x3000 && c < 0xA000) continue;  // 〇 and the like: decided as not digits
    EXPECT_EQ(DigitValue(static_cast<char32_t>(c)), u_charDigitValue(c)) << std::hex << c;
  }
}

// Every literal of the tables, the ones the scanners try at each position.
std::vector<std::string_view> TableLiterals() {
  std::vector<std::string_view> literals;
  const auto add = [&](Words words) {
    literals.insert(literals.end(), words.begin(), words.end());
  };
  for (const LanguageTable& table : AllLanguageTables()) {
    for (Words words : {table.year_markers, table.month_markers, table.day_markers,
                        table.ordinal_suffixes, table.day_month_links, table.month_year_links,
                        table.year_suffixes, table.date_joiners, table.weekdays, table.hour_markers,
                        table.hour_marker_blockers, table.minute_markers, table.half_hours,
                        table.time_words, table.pm_prefixes, table.time_joiners, table.not_times}) {
      add(words);
    }
    for (const MonthName& month : table.months) literals.push_back(month.name);
    for (const ZoneName& zone : table.zones) literals.push_back(zone.phrase);
    for (const RangeWords& range : table.date_ranges) {
      literals.push_back(range.starter);
      literals.push_back(range.joiner);
    }
    for (const RangeWords& range : table.time_ranges) {
      literals.push_back(range.starter);
      literals.push_back(range.joiner);
    }
  }
  add(RangeDashes());
  for (const ZoneName& zone : CommonZones()) literals.push_back(zone.phrase);
  return literals;
}

// FirstByteMayMatch reads that U+FFFD is in no literal, and FirstBytes
// reads the literals' first bytes: both hold for the tables.
TEST(FirstByteMayMatch, TableLiteralsAreWellFormedWithoutReplacementCharacter) {
  for (std::string_view literal : TableLiterals()) {
    ASSERT_FALSE(literal.empty());
    for (std::size_t pos = 0; pos < literal.size();) {
      const CodePoint c = DecodeAt(literal, pos);
      ASSERT_NE(c.value, 0xFFFDu) << literal;
      pos = c.end;
    }
  }
}

std::string Upper(std::string_view text) {
  std::string upper;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = DecodeAt(text, pos);
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, u_toupper(static_cast<UChar32>(c.value)));
    upper.append(buffer, static_cast<std::size_t>(length));
    pos = c.end;
  }
  return upper;
}

// A shortcut in FirstByteMayMatch must never refuse a literal that
// MatchLiteral, tried without it, would match.
TEST(FirstByteMayMatch, RefusesOnlyWhatCannotMatch) {
  std::vector<std::string> texts;
  for (std::string_view literal : TableLiterals()) {
    texts.emplace_back(literal);
    // The literal in capitals, and cut short into ill-formed text.
    texts.push_back(Upper(literal));
    texts.push_back(std::string(literal.substr(0, 2)) + "\xFF");
  }
  texts.insert(texts.end(), {"\xC5\xBF", "\xE2\x84\xAA", "\xEF\xBF\xBD", "\xFF"});
  for (std::string_view literal : TableLiterals()) {
    for (const std::string& text : texts) {
      for (bool exact_case : {false, true}) {
        const LiteralOptions options{.start_boundary = false, .exact_case = exact_case};
        if (MatchLiteralFrom(text, 0, literal, options) != std::string_view::npos) {
          EXPECT_TRUE(FirstByteMayMatch(text, 0, literal, exact_case)) << text << " " << literal;
        }
      }
    }
  }
}

// IsChineseNumeral reads a bitmap built from a list of the characters that
// IsChineseNumeralPlain asks: both agree on every code point.
// DecodeBefore's inline paths read what ICU's U8_PREV_OR_FFFD reads, at
// every position of texts of random bytes and of pieces of UTF-8.
TEST(DecodeBefore, AgreesWithIcuAtEveryPosition) {
  const std::vector<std::string> pieces = {
      "a",    " ",    "中",           "日",           "é",    "ё",    "😀",           "\xe4",
      "\xb8", "\xff", "\xed\xa0\x80", "\xe0\x80\x80", "\xc3", "\x80", "\xef\xbc\x91"};
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int i = 0, count = static_cast<int>(random() % 8); i < count; ++i) {
      text += n % 2 == 0 ? pieces[random() % pieces.size()]
                         : std::string(1, static_cast<char>(random() % 256));
    }
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      UChar32 expected = 0;
      if (pos > 0) {
        auto i = static_cast<int32_t>(pos);
        U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), 0, i, expected);
      }
      ASSERT_EQ(DecodeBefore(text, pos), static_cast<char32_t>(expected)) << text << " @" << pos;
    }
  }
}

TEST(ChineseNumeral, BitmapAgreesWithTheSwitchesForEveryCodePoint) {
  int numerals = 0;
  for (char32_t c = 0; c <= static_cast<char32_t>(kLastCodePoint); ++c) {
    ASSERT_EQ(IsChineseNumeral(c), IsChineseNumeralPlain(c))
        << std::hex << static_cast<unsigned>(c);
    numerals += IsChineseNumeral(c) ? 1 : 0;
  }
  EXPECT_GT(numerals, 30);
  EXPECT_TRUE(IsChineseNumeral(U'○'));
  EXPECT_TRUE(IsChineseNumeral(U'陸'));
  EXPECT_FALSE(IsChineseNumeral(U'中'));
  EXPECT_FALSE(IsChineseNumeral(0xFFFFFFFF));
}

// A List's MayStart lets through every first byte at which one of its
// literals may match: what MatchWord, DayFirst, MonthFirst, ApplyMeridiem,
// MayStartAt and FindTimeZone skip on its word could never have matched.
template <typename T>
void ExpectMayStartHolds(const List<T>& list) {
  for (int first = 0; first <= 0xFF; ++first) {
    for (int second = 0; second <= 0xFF; ++second) {
      const std::string text = {static_cast<char>(first), static_cast<char>(second)};
      bool may_match = false;
      for (const T& item : list) {
        for (bool exact_case : {false, true}) {
          may_match = may_match || FirstByteMayMatch(text, 0, LiteralOf(item), exact_case);
        }
      }
      if (may_match) {
        ASSERT_TRUE(list.MayStart(text, 0)) << first << " " << second;
      }
    }
  }
  EXPECT_FALSE(list.MayStart("", 0));
  EXPECT_FALSE(list.MayStart("abc", 3));
}

TEST(List, MayStartHoldsEveryByteAWordMayStartAt) {
  for (const LanguageTable& table : AllLanguageTables()) {
    for (const Words& words :
         {table.year_markers, table.month_markers, table.day_markers, table.ordinal_suffixes,
          table.day_month_links, table.month_year_links, table.year_suffixes, table.date_joiners,
          table.weekdays, table.hour_markers, table.hour_marker_blockers, table.minute_markers,
          table.half_hours, table.time_words, table.pm_prefixes, table.time_joiners,
          table.not_times}) {
      ExpectMayStartHolds(words);
    }
    ExpectMayStartHolds(table.months);
    ExpectMayStartHolds(table.meridiems);
    ExpectMayStartHolds(table.zones);
    ExpectMayStartHolds(table.date_ranges);
    ExpectMayStartHolds(table.time_ranges);
  }
  ExpectMayStartHolds(RangeDashes());
  ExpectMayStartHolds(CommonZones());
  // A list with nothing in it starts nowhere.
  EXPECT_FALSE(Words().MayStart("a", 0));
}

TEST(FirstBytes, HoldsEveryByteFirstByteMayMatchLetsThrough) {
  for (std::string_view literal : TableLiterals()) {
    FirstBytes first_bytes;
    first_bytes.Add(literal);
    for (int first = 0; first <= 0xFF; ++first) {
      for (int second = 0; second <= 0xFF; ++second) {
        const std::string text = {static_cast<char>(first), static_cast<char>(second)};
        for (bool exact_case : {false, true}) {
          if (FirstByteMayMatch(text, 0, literal, exact_case)) {
            ASSERT_TRUE(first_bytes.MayStart(static_cast<unsigned char>(first)))
                << literal << " " << first;
            ASSERT_TRUE(first_bytes.MayStart(text, 0)) << literal << " " << first << " " << second;
          }
          // A text that ends after its first byte.
          if (FirstByteMayMatch(text.substr(0, 1), 0, literal, exact_case)) {
            ASSERT_TRUE(first_bytes.MayStart(text.substr(0, 1), 0)) << literal << " " << first;
          }
        }
      }
    }
  }
}

// The second byte rules out most Chinese characters, whose first bytes are
// those of the table's words.
TEST(FirstBytes, SecondByteRulesOutOtherChineseCharacters) {
  FirstBytes zones;
  for (std::string_view literal : {"日内瓦时间", "欧洲中部时间", "中欧时间", "瑞士时间"}) {
    zones.Add(literal);
  }
  EXPECT_TRUE(zones.MayStart("日内瓦", 0));
  EXPECT_TRUE(zones.MayStart("中欧", 0));
  EXPECT_TRUE(zones.MayStart("中", 0));  // the third byte is not looked at
  EXPECT_TRUE(zones.MayStart(static_cast<unsigned char>(std::string_view("的")[0])));
  EXPECT_FALSE(zones.MayStart("的", 0));
  EXPECT_FALSE(zones.MayStart("会议", 0));
  EXPECT_FALSE(zones.MayStart("\xe4", 0));  // a lead byte at the end
  EXPECT_FALSE(zones.MayStart("a", 0));
}

}  // namespace
}  // namespace missive::internal
