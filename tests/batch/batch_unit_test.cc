// The pieces of a batch that must be exact: the shard hash, shard and path
// parsing, and the iCalendar value rules of RFC 5545.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include "cli/ics.h"
#include "cli/inputs.h"
#include "extract/extract.h"

namespace missive::cli {
namespace {

TEST(Shard, HashIsFnv1a64) {
  // Published FNV-1a 64 test vectors.
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(Shard, ParsesKOfN) {
  ASSERT_TRUE(ParseShard("0/1"));
  EXPECT_EQ(ParseShard("3/4")->index, 3u);
  EXPECT_EQ(ParseShard("3/4")->count, 4u);
  EXPECT_FALSE(ParseShard("4/4"));
  EXPECT_FALSE(ParseShard("0/0"));
  EXPECT_FALSE(ParseShard("1"));
  EXPECT_FALSE(ParseShard("-1/4"));
  EXPECT_FALSE(ParseShard("1/4x"));
  EXPECT_FALSE(ParseShard("/4"));
}

TEST(Inputs, MirrorNameStaysInsideTheOutputFolder) {
  EXPECT_EQ(MirrorName("a/b/letter.docx"), "a/b/letter.docx");
  EXPECT_EQ(MirrorName("./a//b/./letter.docx"), "a/b/letter.docx");
  EXPECT_EQ(MirrorName("/archive/2021/letter.docx"), "archive/2021/letter.docx");
  EXPECT_EQ(MirrorName("../../x/letter.docx"), "x/letter.docx");
  EXPECT_EQ(MirrorName("a/../../letter.docx"), "letter.docx");
}

TEST(Inputs, ConvertibleExtensions) {
  EXPECT_TRUE(IsConvertible("a.docx"));
  EXPECT_TRUE(IsConvertible("A.DOCM"));
  EXPECT_TRUE(IsConvertible("t.dotx"));
  EXPECT_TRUE(IsConvertible("notes.txt"));
  EXPECT_FALSE(IsConvertible("a.doc"));
  EXPECT_FALSE(IsConvertible("docx"));
  EXPECT_FALSE(IsConvertible("a.docx.json"));
}

TEST(Ics, DateTimesAreConvertedToUtcWithTheirOffset) {
  EXPECT_EQ(IcsDateTime("2021-04-21T11:00:00+02:00"), "20210421T090000Z");
  EXPECT_EQ(IcsDateTime("2022-10-31T12:00:00+01:00"), "20221031T110000Z");
  EXPECT_EQ(IcsDateTime("2021-01-01T01:30:00+05:30"), "20201231T200000Z");  // the day before
  EXPECT_EQ(IcsDateTime("2020-02-28T20:00:00-05:00"), "20200229T010000Z");  // leap day
  EXPECT_EQ(IcsDateTime("2021-12-31T23:00:00-02:00"), "20220101T010000Z");  // the year after
  EXPECT_EQ(IcsDateTime("2021-01-12T14:03:00Z"), "20210112T140300Z");
  EXPECT_EQ(IcsDateTime("2021-01-12T14:03:07.25Z"), "20210112T140307Z");
  EXPECT_EQ(IcsDateTime("2021-01-12T14:03+0100"), "20210112T130300Z");
  EXPECT_EQ(IcsDateTime("2021-04-21T11:00:00"), "20210421T110000");  // floating stays local
  EXPECT_FALSE(IcsDateTime("2021-04-21"));
  EXPECT_FALSE(IcsDateTime("2021-02-30T11:00:00Z"));
  EXPECT_FALSE(IcsDateTime("2021-04-21T25:00:00Z"));
  EXPECT_FALSE(IcsDateTime("2021-04-21T11:00:00+2"));
}

TEST(Ics, DatesAndTheDayAfter) {
  EXPECT_EQ(IcsDate("2021-05-27"), "20210527");
  EXPECT_EQ(IcsDate("2021-05-27", 1), "20210528");
  EXPECT_EQ(IcsDate("2021-12-31", 1), "20220101");
  EXPECT_EQ(IcsDate("2024-02-28", 1), "20240229");
  EXPECT_EQ(IcsDate("2023-02-28", 1), "20230301");
  EXPECT_FALSE(IcsDate("2021-13-01"));
  EXPECT_FALSE(IcsDate("2021-05-27T11:00"));
}

TEST(Ics, TextEscaping) {
  EXPECT_EQ(IcsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(IcsText("x\r\ny\rz"), "x\\ny\\nz");
  EXPECT_EQ(IcsText(std::string("bell\x07") + "\ttab"), "bell\ttab");
  EXPECT_EQ(IcsText("会议：日内瓦，2021年"),
            "会议：日内瓦，2021年");  // CJK punctuation is not syntax
}

TEST(Ics, FoldsAt75OctetsWithoutSplittingCharacters) {
  EXPECT_EQ(IcsFold("VERSION:2.0"), "VERSION:2.0\r\n");
  const std::string ascii(200, 'a');
  const std::string folded = IcsFold(ascii);
  EXPECT_EQ(folded, ascii.substr(0, 75) + "\r\n " + ascii.substr(75, 74) + "\r\n " +
                        ascii.substr(149) + "\r\n");
  // 3-octet characters after "SUMMARY:" (8 octets): 22 fit in the first 75.
  std::string chinese = "SUMMARY:";
  for (int i = 0; i < 40; ++i) chinese += "会";
  const std::string out = IcsFold(chinese);
  const std::size_t first = out.find("\r\n");
  EXPECT_EQ(first, 8u + 22 * 3);
  std::string unfolded;
  std::size_t pos = 0;
  while (pos < out.size()) {
    const std::size_t end = out.find("\r\n", pos);
    ASSERT_LE(end - pos, 75u);
    unfolded += out.substr(pos == 0 ? 0 : pos + 1, end - (pos == 0 ? 0 : pos + 1));
    pos = end + 2;
  }
  EXPECT_EQ(unfolded, chinese);
}

TEST(Ics, ComponentsOfAnErrorRecordAreEmpty) {
  LetterRecord record;
  record.error = Error{ErrorCode::kNotAZip, "no"};
  EXPECT_EQ(IcsComponents(record), "");
}

TEST(Ics, MeetingIsAllDayThroughItsLastDay) {
  LetterRecord record;
  record.id = "abc";
  record.source.path = "x.docx";
  record.properties = Properties{};
  record.properties->modified = "2021-01-12T15:03:00+01:00";
  Meeting meeting;
  meeting.body = "SG20";
  meeting.start = "2021-05-17";
  meeting.end = "2021-05-27";
  record.meeting = meeting;
  Deadline deadline{"2021-03-17", "contributions"};
  record.deadlines.push_back(deadline);
  const std::string ics = IcsComponents(record);
  EXPECT_NE(ics.find("UID:abc-meeting-0@missive\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTAMP:20210112T140300Z\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20210517\r\nDTEND;VALUE=DATE:20210528\r\n"),
            std::string::npos)
      << ics;
  EXPECT_NE(ics.find("UID:abc-deadline-0@missive\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20210317\r\nDTEND;VALUE=DATE:20210318\r\n"),
            std::string::npos)
      << ics;
}

TEST(Help, ShowsTheDefaultsOfTheExtractLimits) {
  std::string help;
  FILE* pipe = popen((std::string(MISSIVE_BINARY) + " convert --help").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) help.append(buffer.data(), n);
  ASSERT_EQ(pclose(pipe), 0);
  const ExtractOptions defaults;
  auto shown = [&](const std::string& flag, std::uint64_t value) {
    const std::size_t at = help.find(flag + " ");
    if (at == std::string::npos) return false;
    const std::size_t line_end = help.find('\n', at);
    return help.substr(at, line_end - at).ends_with("=" + std::to_string(value));
  };
  EXPECT_TRUE(shown("--max-inflated-mb", defaults.max_inflated_bytes >> 20)) << help;
  EXPECT_TRUE(shown("--max-compression-ratio", defaults.max_compression_ratio)) << help;
  EXPECT_TRUE(shown("--max-zip-entries", defaults.max_zip_entries)) << help;
  EXPECT_TRUE(shown("--max-xml-depth", defaults.max_xml_depth)) << help;
  EXPECT_TRUE(shown("--max-paragraphs", defaults.max_paragraphs)) << help;
}

}  // namespace
}  // namespace missive::cli
