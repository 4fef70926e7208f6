#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalize.h"
#include "normalize/scan.h"
#include "normalize/tables.h"

namespace missive {
namespace {

constexpr Date D(int year, int month, int day) { return Date{year, month, day}; }
constexpr TimeOfDay T(int hour, int minute) { return TimeOfDay{hour, minute}; }

std::string_view Matched(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

// ---- Dates ----------------------------------------------------------------

// FindDates (FindTimes) passes over a character where WordMayStartDate
// (WordMayStartTime) says none starts:
// at every such position of texts in every language, with range words,
// month names in any case, weekdays, digits of other scripts, Chinese
// numerals and broken UTF-8, the date grammar finds none either.
// Pieces of date and time grammar in every language, to build texts from.
const std::vector<std::string>& GrammarPieces() {
  static const std::vector<std::string> pieces = {"from ",
                                                  "From ",
                                                  "FROM ",
                                                  "between ",
                                                  "to ",
                                                  "and ",
                                                  "du ",
                                                  "au ",
                                                  "del ",
                                                  "al ",
                                                  "с ",
                                                  "по ",
                                                  "من ",
                                                  "إلى ",
                                                  "January ",
                                                  "january ",
                                                  "JANUARY ",
                                                  "Jan. ",
                                                  "May ",
                                                  "may ",
                                                  "mai ",
                                                  "mayo ",
                                                  "мая ",
                                                  "مايو ",
                                                  "Monday ",
                                                  "(Monday) ",
                                                  "12 ",
                                                  "17-27 ",
                                                  "2021 ",
                                                  "2021年",
                                                  "5月",
                                                  "17日",
                                                  "二〇二一年",
                                                  "三月",
                                                  "十七日",
                                                  "至",
                                                  "–",
                                                  "-",
                                                  ", ",
                                                  "1er ",
                                                  "1st ",
                                                  "١٧ ",
                                                  "\uff11\uff17 ",
                                                  "x",
                                                  "the ",
                                                  "Study ",
                                                  "é",
                                                  "\xe4\xb8",
                                                  "\xff",
                                                  "\t",
                                                  "11:00 ",
                                                  "10.30 ",
                                                  "1100 hours ",
                                                  "下午2时",
                                                  "上午",
                                                  "14时30分",
                                                  "十四时",
                                                  "a.m. ",
                                                  "p.m. ",
                                                  "h ",
                                                  "heures ",
                                                  "час. ",
                                                  "until ",
                                                  "à ",
                                                  "de "};
  return pieces;
}

TEST(FindDatesWordFilter, NoDateStartsWhereTheFilterSaysNone) {
  const std::vector<std::string>& pieces = GrammarPieces();
  std::mt19937 random(31);
  int skipped = 0, found = 0, skipped_times = 0, found_times = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int i = 0, count = static_cast<int>(random() % 10); i < count; ++i) {
      text += pieces[random() % pieces.size()];
    }
    for (const internal::LanguageTable& table : internal::AllLanguageTables()) {
      for (std::size_t pos = 0; pos < text.size(); pos = internal::DecodeAt(text, pos).end) {
        const char32_t c = internal::DecodeAt(text, pos).value;
        const bool date = internal::DateStartsAt(text, pos, table, D(2021, 1, 1));
        const bool time = internal::TimeStartsAt(text, pos, table);
        found += date ? 1 : 0;
        found_times += time ? 1 : 0;
        if (internal::DigitValue(c) >= 0 || internal::IsChineseNumeral(c)) continue;
        if (!internal::WordMayStartDate(text, pos, table)) {
          ++skipped;
          ASSERT_FALSE(date) << table.tag << ": " << text << " @" << pos;
        }
        if (!internal::WordMayStartTime(text, pos, table)) {
          ++skipped_times;
          ASSERT_FALSE(time) << table.tag << ": " << text << " @" << pos;
        }
      }
    }
  }
  EXPECT_GT(skipped, 100000);
  EXPECT_GT(found, 1000);
  EXPECT_GT(skipped_times, 100000);
  EXPECT_GT(found_times, 1000);
}

bool SameMatch(const DateMatch& a, const DateMatch& b) {
  return a.begin == b.begin && a.end == b.end && a.start == b.start && a.last == b.last &&
         a.year_stated == b.year_stated;
}

// FindDates with a limit and FindDateAtStart stop the scan early: what they
// return is what FindDates finds, at every start of random texts in every
// language, with and without a context date.
TEST(FindDates, WithALimitFindsTheFirstOfAll) {
  // Whole dates too, so that texts hold several.
  std::vector<std::string> pieces = GrammarPieces();
  for (const char* date :
       {"17 May 2021 ", "2021年5月17日", "5月17日", "January 12, 2021 ", "17 mai 2021 ",
        "17 de mayo de 2021 ", "17 мая 2021 года ", "17 مايو 2021 ", "2021-05-17 ", "17.05.2021 ",
        "二〇二一年三月五日", "六月十一日至二十二日", "17-27 May ", "du 3 au 5 juin "}) {
    pieces.insert(pieces.end(), 3, date);
  }
  std::mt19937 random(47);
  int several = 0, at_start = 0;  // texts with two dates or more; dates at a start
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    for (int i = 0, count = static_cast<int>(random() % 12); i < count; ++i) {
      text += pieces[random() % pieces.size()];
    }
    for (std::string_view language : {"zh", "en", "fr", "es", "ru", "ar", "und"}) {
      for (const std::optional<Date> context :
           {std::optional<Date>(), std::optional(D(2021, 6, 1))}) {
        const std::vector<DateMatch> all = FindDates(text, language, context);
        several += all.size() >= 2 ? 1 : 0;
        for (std::size_t limit = 0; limit <= all.size() + 1; ++limit) {
          const std::vector<DateMatch> first = FindDates(text, language, context, limit);
          ASSERT_EQ(first.size(), std::min(limit, all.size())) << language << ": " << text;
          for (std::size_t i = 0; i < first.size(); ++i) {
            ASSERT_TRUE(SameMatch(first[i], all[i])) << language << ": " << text << " #" << i;
          }
        }
        for (std::size_t pos = 0; pos < text.size(); pos = internal::DecodeAt(text, pos).end) {
          const std::string_view rest = std::string_view(text).substr(pos);
          const std::vector<DateMatch> dates = FindDates(rest, language, context);
          const std::optional<DateMatch> start = FindDateAtStart(rest, language, context);
          const bool expected = !dates.empty() && dates.front().begin == 0;
          ASSERT_EQ(start.has_value(), expected) << language << ": " << rest;
          if (start) {
            ASSERT_TRUE(SameMatch(*start, dates.front())) << language << ": " << rest;
          }
          at_start += expected ? 1 : 0;
        }
      }
    }
  }
  EXPECT_GT(several, 10000);
  EXPECT_GT(at_start, 80000);
}

// A DateLanguage stands for its tag: every function gives what it gives
// with the tag, for known, regional, unknown and empty tags.
TEST(DateLanguage, FindsWhatItsTagFinds) {
  std::vector<std::string> pieces = GrammarPieces();
  pieces.insert(pieces.end(), {"17 May 2021 ", "2021年5月17日", "（星期三）", "Wednesday, ",
                               "Geneva time", "日内瓦时间", "CET", "UTC+2"});
  std::mt19937 random(53);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    for (int i = 0, count = static_cast<int>(random() % 10); i < count; ++i) {
      text += pieces[random() % pieces.size()];
    }
    for (std::string_view tag : {"zh", "en", "fr", "es", "ru", "ar", "zh-CN", "EN_gb", "und", ""}) {
      const DateLanguage language(tag);
      const std::vector<DateMatch> dates = FindDates(text, tag, D(2021, 6, 1));
      const std::vector<DateMatch> by_language = FindDates(text, language, D(2021, 6, 1));
      ASSERT_EQ(dates.size(), by_language.size()) << tag << ": " << text;
      for (std::size_t i = 0; i < dates.size(); ++i) {
        ASSERT_TRUE(SameMatch(dates[i], by_language[i])) << tag << ": " << text;
      }
      ASSERT_EQ(FindDates(text, tag, std::nullopt, 1).size(),
                FindDates(text, language, std::nullopt, 1).size());
      ASSERT_EQ(FindDateAtStart(text, tag).has_value(),
                FindDateAtStart(text, language).has_value());
      const std::vector<TimeMatch> times = FindTimes(text, tag);
      const std::vector<TimeMatch> times_by_language = FindTimes(text, language);
      ASSERT_EQ(times.size(), times_by_language.size()) << tag << ": " << text;
      for (std::size_t i = 0; i < times.size(); ++i) {
        ASSERT_EQ(times[i].begin, times_by_language[i].begin);
        ASSERT_EQ(times[i].end, times_by_language[i].end);
        ASSERT_EQ(times[i].start, times_by_language[i].start);
        ASSERT_EQ(times[i].last, times_by_language[i].last);
      }
      ASSERT_EQ(FindTimeZone(text, tag), FindTimeZone(text, language)) << tag << ": " << text;
      for (std::size_t pos = 0; pos <= text.size(); ++pos) {
        ASSERT_EQ(SkipWeekdayAt(text, pos, tag), SkipWeekdayAt(text, pos, language));
      }
    }
  }
}

struct DateCase {
  std::string_view language;
  std::string_view text;
  Date start;
  std::optional<Date> last = std::nullopt;  // a range's end
  std::string_view matched = "";            // the text the match covers; "" = the whole text
  std::optional<Date> context = std::nullopt;
  bool year_stated = true;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.language << ": " << c.text; }

class FindDatesTest : public testing::TestWithParam<DateCase> {};

TEST_P(FindDatesTest, FindsOneDate) {
  const DateCase& c = GetParam();
  const std::vector<DateMatch> dates = FindDates(c.text, c.language, c.context);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].start.Iso(), c.start.Iso());
  EXPECT_EQ(dates[0].last.has_value(), c.last.has_value());
  if (dates[0].last && c.last) {
    EXPECT_EQ(dates[0].last->Iso(), c.last->Iso());
  }
  EXPECT_EQ(dates[0].year_stated, c.year_stated);
  EXPECT_EQ(Matched(c.text, dates[0].begin, dates[0].end), c.matched.empty() ? c.text : c.matched);
}

constexpr std::optional<Date> kJan12 = D(2021, 1, 12);

INSTANTIATE_TEST_SUITE_P(
    Chinese, FindDatesTest,
    testing::Values(
        DateCase{"zh", "2021年1月12日", D(2021, 1, 12)},
        DateCase{"zh", "计划于2021年5月17-27日（含）以完全虚拟方式召开", D(2021, 5, 17),
                 D(2021, 5, 27), "2021年5月17-27日"},
        DateCase{"zh", "2021年5月17日至27日", D(2021, 5, 17), D(2021, 5, 27)},
        DateCase{"zh", "2021年6月28日至7月9日", D(2021, 6, 28), D(2021, 7, 9)},
        DateCase{"zh", "2020年12月31日至2021年1月8日", D(2020, 12, 31), D(2021, 1, 8)},
        DateCase{"zh", "2021年12月31日至1月8日", D(2021, 12, 31), D(2022, 1, 8)},
        DateCase{"zh", "5月17日–27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "5月17日-27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "5月17日～27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "5月17日〜27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "5月17日到27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "5月17日—27日", D(2021, 5, 17), D(2021, 5, 27), "", kJan12, false},
        DateCase{"zh", "二〇一二年三月五日", D(2012, 3, 5)},
        DateCase{"zh", "二〇二一年十二月三十一日", D(2021, 12, 31)},
        DateCase{"zh", "会议定于六月十一日至二十二日举行", D(2012, 6, 11), D(2012, 6, 22),
                 "六月十一日至二十二日", D(2012, 3, 5), false},
        DateCase{"zh", "2021年5月17日（星期一）至21日（星期五）", D(2021, 5, 17), D(2021, 5, 21),
                 "2021年5月17日（星期一）至21日"},
        DateCase{"zh", "２０２１年５月１７日", D(2021, 5, 17)},
        DateCase{"zh", "2021 年 5 月 17 日", D(2021, 5, 17)},
        DateCase{"zh", "2021年5月17号", D(2021, 5, 17)},
        DateCase{"zh", "论坛将于4月22日举行", D(2021, 4, 22), std::nullopt, "4月22日", kJan12,
                 false},
        DateCase{"zh", "1月10日", D(2022, 1, 10), std::nullopt, "", D(2021, 12, 15), false},
        DateCase{"zh", "12月31日至1月8日", D(2021, 12, 31), D(2022, 1, 8), "", D(2021, 12, 1),
                 false},
        DateCase{"zh", "2024年2月29日", D(2024, 2, 29)},
        DateCase{"zh", "（2020年12月16日，虚拟会议）", D(2020, 12, 16), std::nullopt,
                 "2020年12月16日"},
        DateCase{"zh", "2021/05/17", D(2021, 5, 17)}));

INSTANTIATE_TEST_SUITE_P(
    English, FindDatesTest,
    testing::Values(
        DateCase{"en", "12 January 2021", D(2021, 1, 12)},
        DateCase{"en", "17-27 May 2021", D(2021, 5, 17), D(2021, 5, 27)},
        DateCase{"en", "17 to 27 May 2021", D(2021, 5, 17), D(2021, 5, 27)},
        DateCase{"en", "from 28 June to 9 July 2021", D(2021, 6, 28), D(2021, 7, 9)},
        DateCase{"en", "28 June - 9 July 2021", D(2021, 6, 28), D(2021, 7, 9)},
        DateCase{"en", "31 December 2020 to 8 January 2021", D(2020, 12, 31), D(2021, 1, 8)},
        DateCase{"en", "31 December to 8 January 2021", D(2020, 12, 31), D(2021, 1, 8)},
        DateCase{"en", "January 12, 2021", D(2021, 1, 12)},
        DateCase{"en", "January 12-15, 2021", D(2021, 1, 12), D(2021, 1, 15)},
        DateCase{"en", "on 1 May.", D(2021, 5, 1), std::nullopt, "1 May", kJan12, false},
        DateCase{"en", "1 May", D(2022, 5, 1), std::nullopt, "", D(2021, 6, 1), false},
        DateCase{"en", "Monday, 17 May 2021", D(2021, 5, 17), std::nullopt, "17 May 2021"},
        DateCase{"en", "from Monday, 17 May to Friday, 21 May 2021", D(2021, 5, 17),
                 D(2021, 5, 21)},
        DateCase{"en", "on the 1st of May 2021", D(2021, 5, 1), std::nullopt, "1st of May 2021"},
        DateCase{"en", "no later than 4 May 2021.", D(2021, 5, 4), std::nullopt, "4 May 2021"},
        DateCase{"en", "12 Jan. 2021", D(2021, 1, 12)},
        DateCase{"en", "between 17 and 21 May 2021", D(2021, 5, 17), D(2021, 5, 21)},
        DateCase{"en", "29 February 2024", D(2024, 2, 29)},
        DateCase{"en", "29 February", D(2024, 2, 29), std::nullopt, "", D(2023, 3, 1), false},
        DateCase{"en", "2021-05-17", D(2021, 5, 17)},
        DateCase{"en", "2021-05-17 – 2021-05-27", D(2021, 5, 17), D(2021, 5, 27)}));

INSTANTIATE_TEST_SUITE_P(
    French, FindDatesTest,
    testing::Values(
        DateCase{"fr", "12 janvier 2021", D(2021, 1, 12)},
        DateCase{"fr", "le 1er avril 2021", D(2021, 4, 1), std::nullopt, "1er avril 2021"},
        DateCase{"fr", "du 17 au 27 mai 2021", D(2021, 5, 17), D(2021, 5, 27)},
        DateCase{"fr", "du 28 juin au 9 juillet 2021", D(2021, 6, 28), D(2021, 7, 9)},
        DateCase{"fr", "le 3 février 2021", D(2021, 2, 3), std::nullopt, "3 février 2021"},
        DateCase{"fr", "15 août 2021", D(2021, 8, 15)},
        DateCase{"fr", "du 20 décembre 2021 au 7 janvier 2022", D(2021, 12, 20), D(2022, 1, 7)},
        DateCase{"fr", "lundi 17 mai 2021", D(2021, 5, 17), std::nullopt, "17 mai 2021"}));

INSTANTIATE_TEST_SUITE_P(
    Spanish, FindDatesTest,
    testing::Values(DateCase{"es", "12 de enero de 2021", D(2021, 1, 12)},
                    DateCase{"es", "del 17 al 27 de mayo de 2021", D(2021, 5, 17), D(2021, 5, 27)},
                    DateCase{"es", "del 28 de junio al 9 de julio de 2021", D(2021, 6, 28),
                             D(2021, 7, 9)},
                    DateCase{"es", "1 de setiembre de 2021", D(2021, 9, 1)},
                    DateCase{"es", "30 de septiembre del 2021", D(2021, 9, 30)}));

INSTANTIATE_TEST_SUITE_P(
    Russian, FindDatesTest,
    testing::Values(DateCase{"ru", "12 января 2021 года", D(2021, 1, 12)},
                    DateCase{"ru", "17–27 мая 2021 года", D(2021, 5, 17), D(2021, 5, 27)},
                    DateCase{"ru", "с 17 по 27 мая 2021 г.", D(2021, 5, 17), D(2021, 5, 27)},
                    DateCase{"ru", "с 28 июня по 9 июля 2021 года", D(2021, 6, 28), D(2021, 7, 9)},
                    DateCase{"ru", "17.05.2021", D(2021, 5, 17)}));

INSTANTIATE_TEST_SUITE_P(
    Arabic, FindDatesTest,
    testing::Values(DateCase{"ar", "12 يناير 2021", D(2021, 1, 12)},
                    DateCase{"ar", "من 17 إلى 27 مايو 2021", D(2021, 5, 17), D(2021, 5, 27)},
                    DateCase{"ar", "١٢ يناير ٢٠٢١", D(2021, 1, 12)},
                    DateCase{"ar", "من ١٧ إلى ٢٧ مايو ٢٠٢١", D(2021, 5, 17), D(2021, 5, 27)},
                    DateCase{"ar", "3 كانون الثاني 2021", D(2021, 1, 3)}));

struct NoDateCase {
  std::string_view language;
  std::string_view text;
  std::optional<Date> context = std::nullopt;
};

void PrintTo(const NoDateCase& c, std::ostream* os) { *os << c.language << ": " << c.text; }

class NoDateTest : public testing::TestWithParam<NoDateCase> {};

TEST_P(NoDateTest, FindsNone) {
  EXPECT_TRUE(FindDates(GetParam().text, GetParam().language, GetParam().context).empty());
}

INSTANTIATE_TEST_SUITE_P(
    All, NoDateTest,
    testing::Values(NoDateCase{"zh", "TSAG（2021年1月）与第20研究组"},  // no day
                    NoDateCase{"zh", "（2016年，哈马马特）"}, NoDateCase{"zh", "第20研究组"},
                    NoDateCase{"zh", "电信标准化局第11/20号集体函"},
                    NoDateCase{"zh", "ITU-T Y.4471（前Y.NDA-arch）建议书"},
                    NoDateCase{"zh", "2021年2月29日"},        // 2021 is not a leap year
                    NoDateCase{"zh", "论坛将于4月22日举行"},  // year unknown: not guessed
                    NoDateCase{"zh", "1 / 20工作组"}, NoDateCase{"en", "31 April 2021"},
                    NoDateCase{"en", "29 February 2021"}, NoDateCase{"en", "1 May"},
                    NoDateCase{"en", "Tel. +41 22 730 6301"}, NoDateCase{"en", "ITU-T Y.4471"},
                    NoDateCase{"en", "2021-02-30"},
                    NoDateCase{"en", "members may 12 times", D(2021, 1, 1)},
                    NoDateCase{"en", "at 11:00 on 7.1 of Report 15"}));

TEST(FindDates, ReportsByteOffsets) {
  const std::string_view text =
      "新代表情况介绍会将于2021年4月21日（日内瓦时间）11时至13时以虚拟方式举办。";
  const auto dates = FindDates(text, "zh");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].begin, text.find("2021"));
  EXPECT_EQ(dates[0].end, text.find("（日内瓦"));
}

TEST(FindDates, FindsSeveralInOrder) {
  const std::string_view text = "请于2021年3月17日、2021年4月16日和5月4日前提交";
  const auto dates = FindDates(text, "zh", D(2021, 1, 12));
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].start, D(2021, 3, 17));
  EXPECT_EQ(dates[1].start, D(2021, 4, 16));
  EXPECT_EQ(dates[2].start, D(2021, 5, 4));
  EXPECT_TRUE(dates[1].year_stated);
  EXPECT_FALSE(dates[2].year_stated);
  EXPECT_LT(dates[0].end, dates[1].begin);
  EXPECT_LT(dates[1].end, dates[2].begin);
}

TEST(FindDates, RangeIsOneMatchNotTwo) {
  const auto dates = FindDates("17-27 May 2021 and 2 June 2021", "en");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].last, D(2021, 5, 27));
  EXPECT_EQ(dates[1].start, D(2021, 6, 2));
  EXPECT_FALSE(dates[1].last);
}

TEST(FindDates, AcceptsRegionSubtags) {
  EXPECT_EQ(FindDates("2021年5月17日", "zh-CN").size(), 1u);
  EXPECT_EQ(FindDates("17 May 2021", "en-GB").size(), 1u);
}

TEST(FindDates, UnknownLanguageTriesEveryTable) {
  const auto dates = FindDates("17 mai 2021 / 2021年5月18日 / 19 мая 2021 г.", "und");
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].start, D(2021, 5, 17));
  EXPECT_EQ(dates[1].start, D(2021, 5, 18));
  EXPECT_EQ(dates[2].start, D(2021, 5, 19));
}

TEST(FindDates, DeadlineTableRowIsNotARange) {
  // The seed's deadline rows: date, tab, dash, tab, action. The dash is layout.
  const auto dates = FindDates("\t2021年3月17日\t–\t提交需要翻译的ITU-T成员文稿", "zh");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_FALSE(dates[0].last);
}

// ---- Times ----------------------------------------------------------------

struct TimeCase {
  std::string_view language;
  std::string_view text;
  TimeOfDay start;
  std::optional<TimeOfDay> last = std::nullopt;
  std::string_view matched = "";  // "" = the whole text
};

void PrintTo(const TimeCase& c, std::ostream* os) { *os << c.language << ": " << c.text; }

class FindTimesTest : public testing::TestWithParam<TimeCase> {};

TEST_P(FindTimesTest, FindsOneTime) {
  const TimeCase& c = GetParam();
  const std::vector<TimeMatch> times = FindTimes(c.text, c.language);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(times[0].start, c.start);
  EXPECT_EQ(times[0].last, c.last);
  EXPECT_EQ(Matched(c.text, times[0].begin, times[0].end), c.matched.empty() ? c.text : c.matched);
}

INSTANTIATE_TEST_SUITE_P(
    Chinese, FindTimesTest,
    testing::Values(
        TimeCase{"zh", "11时", T(11, 0)}, TimeCase{"zh", "14时30分", T(14, 30)},
        TimeCase{"zh", "十四时三十分", T(14, 30)}, TimeCase{"zh", "11时至13时", T(11, 0), T(13, 0)},
        TimeCase{"zh", "12时至14时30分", T(12, 0), T(14, 30)},
        TimeCase{"zh", "（日内瓦时间）11时至13时以虚拟方式", T(11, 0), T(13, 0), "11时至13时"},
        TimeCase{"zh", "会议第一天将于（日内瓦时间）11时开始", T(11, 0), std::nullopt, "11时"},
        TimeCase{"zh", "下午2时", T(14, 0)}, TimeCase{"zh", "下午2时至4时", T(14, 0), T(16, 0)},
        TimeCase{"zh", "11时半", T(11, 30)}, TimeCase{"zh", "11-13时", T(11, 0), T(13, 0)},
        TimeCase{"zh", "会议时间：11:00", T(11, 0), std::nullopt, "11:00"}));

INSTANTIATE_TEST_SUITE_P(
    OtherLanguages, FindTimesTest,
    testing::Values(
        TimeCase{"en", "11:00", T(11, 0)}, TimeCase{"en", "11:00-13:00", T(11, 0), T(13, 0)},
        TimeCase{"en", "at 1100 hours", T(11, 0), std::nullopt, "1100 hours"},
        TimeCase{"en", "1100-1300 hours (Geneva time)", T(11, 0), T(13, 0), "1100-1300 hours"},
        TimeCase{"en", "11 a.m.", T(11, 0)}, TimeCase{"en", "2-4 p.m.", T(14, 0), T(16, 0)},
        TimeCase{"en", "12.30 p.m.", T(12, 30)},
        TimeCase{"en", "from 11:00 to 13:00", T(11, 0), T(13, 0)},
        TimeCase{"en", "until 24:00", T(24, 0), std::nullopt, "24:00"},
        TimeCase{"fr", "à 11 heures", T(11, 0), std::nullopt, "11 heures"},
        TimeCase{"fr", "11 h 00", T(11, 0)}, TimeCase{"fr", "11h30", T(11, 30)},
        TimeCase{"fr", "de 11 heures à 13 heures", T(11, 0), T(13, 0)},
        TimeCase{"fr", "11 h - 13 h", T(11, 0), T(13, 0)},
        TimeCase{"es", "a las 11.00 horas", T(11, 0), std::nullopt, "11.00 horas"},
        TimeCase{"es", "de las 11.00 a las 13.00 horas", T(11, 0), T(13, 0)},
        TimeCase{"es", "11:00 horas", T(11, 0)}, TimeCase{"ru", "11 час. 00 мин.", T(11, 0)},
        TimeCase{"ru", "11 ч. 30 мин.", T(11, 30)},
        TimeCase{"ru", "с 11:00 до 13:00", T(11, 0), T(13, 0)},
        TimeCase{"ar", "من 11:00 إلى 13:00", T(11, 0), T(13, 0)},
        TimeCase{"ar", "من الساعة 11:00 إلى الساعة 13:00", T(11, 0), T(13, 0)},
        TimeCase{"ar", "في الساعة 09:30 (بتوقيت جنيف)", T(9, 30), std::nullopt, "09:30"},
        TimeCase{"ar", "الساعة ١١:٠٠", T(11, 0), std::nullopt, "١١:٠٠"}));

struct NoTimeCase {
  std::string_view language;
  std::string_view text;
};

void PrintTo(const NoTimeCase& c, std::ostream* os) { *os << c.language << ": " << c.text; }

class NoTimeTest : public testing::TestWithParam<NoTimeCase> {};

TEST_P(NoTimeTest, FindsNone) {
  EXPECT_TRUE(FindTimes(GetParam().text, GetParam().language).empty());
}

INSTANTIATE_TEST_SUITE_P(
    All, NoTimeTest,
    testing::Values(NoTimeCase{"zh", "1 / 20工作组"}, NoTimeCase{"zh", "1/20"},
                    NoTimeCase{"zh", "ITU-T Y.4471"}, NoTimeCase{"zh", "2021年"},
                    NoTimeCase{"zh", "第20研究组"}, NoTimeCase{"zh", "电话：+41 22 730 6301"},
                    NoTimeCase{"zh", "日内瓦时间"}, NoTimeCase{"zh", "2021年5月17-27日（含）"},
                    NoTimeCase{"zh", "一时无法连接"}, NoTimeCase{"zh", "会议为期2小时"},
                    NoTimeCase{"zh", "20时间"}, NoTimeCase{"en", "25:00"},
                    NoTimeCase{"en", "11:60"}, NoTimeCase{"en", "see section 12.30"},
                    NoTimeCase{"en", "17.05.2021"}, NoTimeCase{"en", "2021-05-17"},
                    NoTimeCase{"en", "a meeting of 3 hours"}, NoTimeCase{"en", "Report 15"}));

// ---- Time zones -----------------------------------------------------------

struct ZoneCase {
  std::string_view language;
  std::string_view text;
  std::optional<std::string> zone;
};

void PrintTo(const ZoneCase& c, std::ostream* os) { *os << c.language << ": " << c.text; }

// FindTimeZone as it was: every zone tried at every position, none passed
// over for the byte there or for standing inside a word.
std::optional<std::string> PlainFindTimeZone(std::string_view text, std::string_view language) {
  std::vector<internal::ZoneName> zones;
  if (const internal::LanguageTable* table = internal::FindLanguageTable(language)) {
    zones.assign(table->zones.begin(), table->zones.end());
  } else {
    for (const internal::LanguageTable& table : internal::AllLanguageTables()) {
      zones.insert(zones.end(), table.zones.begin(), table.zones.end());
    }
  }
  zones.insert(zones.end(), internal::CommonZones().begin(), internal::CommonZones().end());
  for (std::size_t pos = 0; pos < text.size(); pos = internal::DecodeAt(text, pos).end) {
    std::size_t best_end = std::string_view::npos;
    std::string_view best_zone;
    for (const internal::ZoneName& zone : zones) {
      const std::size_t end =
          internal::MatchLiteral(text, pos, zone.phrase, {.exact_case = zone.exact_case});
      if (end == std::string_view::npos ||
          (best_end != std::string_view::npos && end <= best_end)) {
        continue;
      }
      if (zone.exact_case) {
        const internal::CodePoint sign = internal::DecodeAt(text, internal::SkipBlanks(text, end));
        const bool is_sign =
            sign.value == '+' || sign.value == '-' || sign.value == U'−' || sign.value == U'±';
        if (is_sign && internal::DigitValue(internal::DecodeAt(text, sign.end).value) >= 0)
          continue;
      }
      best_end = end;
      best_zone = zone.zone;
    }
    if (best_end != std::string_view::npos) return std::string(best_zone);
  }
  return std::nullopt;
}

// FindTimeZone skips positions inside a word and bytes no zone name starts
// with: names glued to letters and digits, in every case, beside Chinese,
// Arabic and Cyrillic text and invisible characters.
TEST(FindTimeZone, SkipsAsTryingEveryZoneAtEveryPosition) {
  std::mt19937 random(21);
  const std::vector<std::string> pieces = {"Geneva time",
                                           "geneva TIME",
                                           "CET",
                                           "cet",
                                           "UTC",
                                           "UTC+2",
                                           "GMT",
                                           "CEST",
                                           "heure de Genève",
                                           "hora de Ginebra",
                                           "женевскому времени",
                                           "توقيت جنيف",
                                           "日内瓦时间",
                                           "北京时间",
                                           "a",
                                           "x",
                                           "7",
                                           " ",
                                           "\t",
                                           "(",
                                           "中",
                                           "ب",
                                           "й",
                                           "\u200b",
                                           "-",
                                           "+",
                                           "é",
                                           "\xe4"};
  int found = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string text;
    for (int i = static_cast<int>(random() % 8); i > 0; --i)
      text += pieces[random() % pieces.size()];
    for (std::string_view language : {"en", "fr", "es", "ru", "ar", "zh", "und"}) {
      const std::optional<std::string> expected = PlainFindTimeZone(text, language);
      found += expected ? 1 : 0;
      ASSERT_EQ(FindTimeZone(text, language), expected) << text << " / " << language;
    }
  }
  EXPECT_GT(found, 1000);
  EXPECT_EQ(FindTimeZone("", "en"), std::nullopt);
}

class FindTimeZoneTest : public testing::TestWithParam<ZoneCase> {};

TEST_P(FindTimeZoneTest, Finds) {
  EXPECT_EQ(FindTimeZone(GetParam().text, GetParam().language), GetParam().zone);
}

INSTANTIATE_TEST_SUITE_P(
    All, FindTimeZoneTest,
    testing::Values(ZoneCase{"zh", "将于2021年4月21日（日内瓦时间）11时", "Europe/Zurich"},
                    ZoneCase{"zh", "欧洲中部时间11时", "Europe/Zurich"},
                    ZoneCase{"zh", "瑞士时间", "Europe/Zurich"},
                    ZoneCase{"en", "1100 hours (Geneva time)", "Europe/Zurich"},
                    ZoneCase{"en", "11:00 CET", "Europe/Zurich"},
                    ZoneCase{"en", "11:00 (CEST)", "Europe/Zurich"},
                    ZoneCase{"en", "Central European Summer Time", "Europe/Zurich"},
                    ZoneCase{"en", "12:00 UTC", "UTC"}, ZoneCase{"en", "12:00 GMT", "UTC"},
                    ZoneCase{"fr", "11 heures (heure de Genève)", "Europe/Zurich"},
                    ZoneCase{"es", "11.00 horas (hora de Ginebra)", "Europe/Zurich"},
                    ZoneCase{"ru", "11:00 по женевскому времени", "Europe/Zurich"},
                    ZoneCase{"ar", "الساعة 11:00 بتوقيت جنيف", "Europe/Zurich"},
                    ZoneCase{"ar", "حسب توقيت جنيف", "Europe/Zurich"},
                    ZoneCase{"fr", "cet événement", std::nullopt},  // French "this", not CET
                    ZoneCase{"en", "11:00 UTC+2", std::nullopt},    // an offset, not UTC
                    ZoneCase{"zh", "时间表草案", std::nullopt},
                    ZoneCase{"en", "held in Geneva", std::nullopt}));

// ---- Formatting -----------------------------------------------------------

struct FormatCase {
  Date date;
  TimeOfDay time;
  std::optional<std::string> zone;
  std::string_view expected;
};

void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.expected; }

class FormatDateTimeTest : public testing::TestWithParam<FormatCase> {};

TEST_P(FormatDateTimeTest, Formats) {
  EXPECT_EQ(FormatDateTime(GetParam().date, GetParam().time, GetParam().zone), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    All, FormatDateTimeTest,
    testing::Values(
        FormatCase{D(2021, 4, 21), T(11, 0), "Europe/Zurich", "2021-04-21T11:00:00+02:00"},
        FormatCase{D(2021, 1, 12), T(11, 0), "Europe/Zurich", "2021-01-12T11:00:00+01:00"},
        // Geneva moves to summer time at 02:00 on 2021-03-28 and back at 03:00 on 2021-10-31.
        FormatCase{D(2021, 3, 28), T(1, 0), "Europe/Zurich", "2021-03-28T01:00:00+01:00"},
        FormatCase{D(2021, 3, 28), T(3, 0), "Europe/Zurich", "2021-03-28T03:00:00+02:00"},
        FormatCase{D(2021, 3, 28), T(2, 30), "Europe/Zurich", "2021-03-28T02:30:00+01:00"},
        FormatCase{D(2021, 10, 31), T(2, 30), "Europe/Zurich", "2021-10-31T02:30:00+02:00"},
        FormatCase{D(2021, 10, 31), T(3, 0), "Europe/Zurich", "2021-10-31T03:00:00+01:00"},
        FormatCase{D(2021, 5, 17), T(11, 0), "UTC", "2021-05-17T11:00:00+00:00"},
        FormatCase{D(2021, 5, 17), T(11, 0), "Asia/Shanghai", "2021-05-17T11:00:00+08:00"},
        FormatCase{D(2021, 7, 1), T(9, 30), "America/New_York", "2021-07-01T09:30:00-04:00"},
        FormatCase{D(2021, 4, 21), T(11, 0), std::nullopt, "2021-04-21T11:00:00"},
        FormatCase{D(2021, 4, 21), T(11, 0), "Mars/Olympus", "2021-04-21T11:00:00"},
        FormatCase{D(2021, 12, 31), T(24, 0), "Europe/Zurich", "2022-01-01T00:00:00+01:00"}));

TEST(Date, Iso) {
  EXPECT_EQ(D(2021, 5, 17).Iso(), "2021-05-17");
  EXPECT_EQ(D(2021, 12, 1).Iso(), "2021-12-01");
}

// Iso and FormatDateTime write numbers themselves: for any values, the bytes
// snprintf wrote into their former buffers (32 and 48 bytes).
const int kOddValues[] = {std::numeric_limits<int>::min(),
                          -100000,
                          -1000,
                          -10,
                          -1,
                          0,
                          1,
                          9,
                          10,
                          59,
                          99,
                          100,
                          999,
                          1000,
                          9999,
                          10000,
                          std::numeric_limits<int>::max()};

TEST(Date, IsoWritesWhatSnprintfWroteForAnyValues) {
  for (int year : kOddValues) {
    for (int month : kOddValues) {
      for (int day : {-7, 0, 5, 31, 123456, std::numeric_limits<int>::min()}) {
        char expected[32];
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", year, month, day);
        EXPECT_EQ(D(year, month, day).Iso(), expected);
      }
    }
  }
}

TEST(FormatDateTime, WritesWhatSnprintfWroteForAnyValues) {
  for (int year : kOddValues) {
    for (int hour : kOddValues) {
      if (hour >= 24) continue;  // the next day: its own test above
      for (int minute : kOddValues) {
        const Date date = D(year, -3, 1234567);
        char expected[48];
        std::snprintf(expected, sizeof expected, "%sT%02d:%02d:00", date.Iso().c_str(), hour,
                      minute);
        EXPECT_EQ(FormatDateTime(date, T(hour, minute), std::nullopt), expected);
      }
    }
  }
}

// ---- The seed letter --------------------------------------------------------

std::string ReadSeedLetter() {
  std::ifstream in(std::string(MISSIVE_SHARED_DIR) + "/seed-letter-zh.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first line of the seed containing `needle`.
std::string LineWith(const std::string& text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return {};
  const std::size_t begin = text.rfind('\n', at) + 1;  // npos + 1 == 0 at the first line
  const std::size_t end = text.find('\n', at);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(SeedLetter, FindsItsDates) {
  const std::string text = ReadSeedLetter();
  ASSERT_FALSE(text.empty());
  const std::vector<DateMatch> dates = FindDates(text, "zh");
  auto has = [&](Date start, std::optional<Date> last) {
    for (const DateMatch& match : dates) {
      if (match.start == start && match.last == last) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(D(2021, 1, 12), std::nullopt));
  EXPECT_TRUE(has(D(2021, 5, 17), D(2021, 5, 27)));
  EXPECT_TRUE(has(D(2021, 3, 17), std::nullopt));
  EXPECT_TRUE(has(D(2021, 4, 16), std::nullopt));
  EXPECT_TRUE(has(D(2021, 5, 4), std::nullopt));
  EXPECT_TRUE(has(D(2021, 4, 21), std::nullopt));
  EXPECT_TRUE(has(D(2021, 4, 22), std::nullopt));
  EXPECT_TRUE(has(D(2021, 4, 23), std::nullopt));
  EXPECT_TRUE(has(D(2020, 12, 16), std::nullopt));
  EXPECT_EQ(dates.front().start, D(2021, 1, 12));
  for (std::size_t i = 1; i < dates.size(); ++i) EXPECT_LE(dates[i - 1].end, dates[i].begin);
  // Every date the letter writes, and nothing else: 1 + 2 (subject and body
  // ranges) + 3 deadlines + 3 events + the report's date + the agenda's range.
  EXPECT_EQ(dates.size(), 11u);
}

TEST(SeedLetter, BriefingAt11To13GenevaTime) {
  const std::string line = LineWith(ReadSeedLetter(), "新代表情况介绍会");
  const auto dates = FindDates(line, "zh");
  const auto times = FindTimes(line, "zh");
  const auto zone = FindTimeZone(line, "zh");
  ASSERT_EQ(dates.size(), 1u);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(dates[0].start, D(2021, 4, 21));
  EXPECT_EQ(times[0].start, T(11, 0));
  EXPECT_EQ(times[0].last, T(13, 0));
  ASSERT_EQ(zone, "Europe/Zurich");
  EXPECT_EQ(FormatDateTime(dates[0].start, times[0].start, zone), "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(FormatDateTime(dates[0].start, *times[0].last, zone), "2021-04-21T13:00:00+02:00");
}

TEST(SeedLetter, ForumAt12To1430GenevaTime) {
  const std::string line = LineWith(ReadSeedLetter(), "虚拟论坛将于");
  const auto dates = FindDates(line, "zh");
  const auto times = FindTimes(line, "zh");
  ASSERT_EQ(dates.size(), 1u);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(dates[0].start, D(2021, 4, 22));
  EXPECT_EQ(times[0].start, T(12, 0));
  EXPECT_EQ(times[0].last, T(14, 30));
  EXPECT_EQ(FindTimeZone(line, "zh"), "Europe/Zurich");
}

TEST(SeedLetter, OpeningAt11GenevaTime) {
  const std::string line = LineWith(ReadSeedLetter(), "会议第一天将于");
  const auto times = FindTimes(line, "zh");
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(times[0].start, T(11, 0));
  EXPECT_FALSE(times[0].last);
}

TEST(SeedLetter, NoTimesOutsideTheTimedSentences) {
  const std::string text = ReadSeedLetter();
  // 11时 (opening), 11时至13时 twice (briefing, JCA meeting), 12时至14时30分 (forum).
  EXPECT_EQ(FindTimes(text, "zh").size(), 4u);
}

TEST(SkipWeekdayAt, SkipsAWeekdayBesideADateAndNothingElse) {
  const std::string zh = "2023年4月5日（星期三）提交";
  EXPECT_EQ(SkipWeekdayAt(zh, 15, "zh"), zh.find("提交"));
  EXPECT_EQ(SkipWeekdayAt("（可选）提交", 0, "zh"), 0u);
  EXPECT_EQ(SkipWeekdayAt("(Wednesday) Submit", 0, "en"), std::string_view("(Wednesday) ").size());
  EXPECT_EQ(SkipWeekdayAt("(by e-mail)", 0, "en"), 0u);
  EXPECT_EQ(SkipWeekdayAt("", 0, "en"), 0u);
}

}  // namespace
}  // namespace missive
