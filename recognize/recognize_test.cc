// Focused recognizer cases on small documents built in code: what each rule
// finds, and what it must not invent.
#include "recognize/recognize.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "recognize/scan.h"
#include "recognize/tables.h"

namespace missive {
namespace {

Block Para(std::string text) {
  Block block;
  block.paragraph.text = std::move(text);
  return block;
}

Block TableOf(const std::vector<std::vector<std::vector<std::string>>>& rows) {
  Block block;
  block.kind = Block::Kind::kTable;
  for (const auto& row : rows) {
    TableRow table_row;
    for (const auto& cell : row) {
      TableCell table_cell;
      for (const std::string& text : cell) table_cell.blocks.push_back(Para(text));
      table_row.cells.push_back(std::move(table_cell));
    }
    block.table.rows.push_back(std::move(table_row));
  }
  return block;
}

LetterRecord RecognizeBlocks(std::vector<Block> blocks) {
  Document doc;
  doc.body = std::move(blocks);
  Normalize(doc);
  return Recognize(doc);
}

bool HasWarning(const LetterRecord& record, const std::string& code) {
  for (const Warning& warning : record.warnings) {
    if (warning.code == code) return true;
  }
  return false;
}

TEST(Reference, CorrigendumCarriesItsOwnNumberBeforeTheLetters) {
  LetterRecord record = RecognizeBlocks({
      Para("2022年3月1日，日内瓦"),
      Para("文号：\t电信标准化局第412号通函的更正1"),
      Para("事由：\t第412号通函的更正"),
      Para("尊敬的先生/女士："),
  });
  ASSERT_TRUE(record.letter->reference);
  EXPECT_EQ(record.letter->reference->kind, "circular");
  EXPECT_EQ(record.letter->reference->number, "412");
  EXPECT_EQ(record.letter->reference->key, "Corrigendum 1 to TSB Circular 412");
}

TEST(Reference, ReferenceOverTwoLinesIsJoinedBeforeTheFileCode) {
  // "Corrigendum 1 to" names no kind of letter yet: the next line finishes it.
  LetterRecord en = RecognizeBlocks({
      TableOf({{{"Ref:"}, {"Corrigendum 1 to", "TSB Circular 300", "TSB Events/XY"}}}),
      Para("Dear Sir/Madam,"),
  });
  ASSERT_TRUE(en.letter->reference);
  EXPECT_EQ(en.letter->reference->text, "Corrigendum 1 to TSB Circular 300");
  EXPECT_EQ(en.letter->reference->kind, "circular");
  EXPECT_EQ(en.letter->reference->number, "300");
  EXPECT_EQ(en.letter->reference->file, "TSB Events/XY");
  EXPECT_EQ(en.letter->reference->key, "Corrigendum 1 to TSB Circular 300");
  // "的补遗1" on the next line names the addendum.
  LetterRecord zh = RecognizeBlocks({
      TableOf({{{"文号："}, {"电信标准化局第8/16号集体函", "的补遗1", "SG16/SC"}}}),
      Para("尊敬的先生/女士："),
  });
  ASSERT_TRUE(zh.letter->reference);
  EXPECT_EQ(zh.letter->reference->text, "电信标准化局第8/16号集体函的补遗1");
  EXPECT_EQ(zh.letter->reference->number, "8/16");
  EXPECT_EQ(zh.letter->reference->file, "SG16/SC");
  EXPECT_EQ(zh.letter->reference->key, "Addendum 1 to TSB Collective Letter 8/16");
}

TEST(Reference, FileCodeAfterACompleteReferenceIsNotJoined) {
  LetterRecord record = RecognizeBlocks({
      TableOf({{{"文号："}, {"电信标准化局第11/20号集体函", "SG20/CB"}}}),
      Para("尊敬的先生/女士："),
  });
  ASSERT_TRUE(record.letter->reference);
  EXPECT_EQ(record.letter->reference->text, "电信标准化局第11/20号集体函");
  EXPECT_EQ(record.letter->reference->file, "SG20/CB");
  EXPECT_EQ(record.letter->reference->key, "TSB Collective Letter 11/20");
  // A reference naming no kind is not joined with a file code either.
  LetterRecord odd = RecognizeBlocks({
      TableOf({{{"Ref:"}, {"TSB/SG17 42", "SG17/AM"}}}),
      Para("Dear Sir/Madam,"),
  });
  ASSERT_TRUE(odd.letter->reference);
  EXPECT_EQ(odd.letter->reference->text, "TSB/SG17 42");
  EXPECT_EQ(odd.letter->reference->file, "SG17/AM");
}

TEST(Reference, RadiocommunicationBureauCircularLetter) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tBR Circular 1234"),
      Para("Dear Sir/Madam,"),
  });
  ASSERT_TRUE(record.letter->reference);
  EXPECT_EQ(record.letter->reference->issuer, "BR");
  EXPECT_EQ(record.letter->reference->key, "BR Circular 1234");
}

TEST(Header, CopiesAndBulletedAddresseesWithoutSeparators) {
  LetterRecord record = RecognizeBlocks({
      TableOf({{{"致："}, {"• 各成员国主管部门", "• ITU-T部门成员"}},
               {{"抄送："}, {"- 第9研究组主席", "- 电信发展局主任"}},
               {{"联系人："}, {"王 芳"}}}),
      Para("尊敬的先生/女士："),
  });
  EXPECT_EQ(record.letter->addressees,
            (std::vector<std::string>{"各成员国主管部门", "ITU-T部门成员"}));
  EXPECT_EQ(record.letter->copies, (std::vector<std::string>{"第9研究组主席", "电信发展局主任"}));
  ASSERT_TRUE(record.letter->contact);
  EXPECT_EQ(record.letter->contact->name, "王芳");  // white space between CJK is removed
}

TEST(Header, LabelInsideRunningTextIsNotALabel) {
  LetterRecord record = RecognizeBlocks({
      Para("致力于标准化的各方"),  // starts with 致 but is not "致："
      Para("尊敬的先生/女士："),
  });
  EXPECT_TRUE(record.letter->addressees.empty());
}

TEST(Warnings, NonLetterGetsOneNotALetterWarningAndNoInventedFields) {
  LetterRecord record = RecognizeBlocks({
      Para("Recommendation ITU-T Q.850"),
      Para("Usage of cause and location in the Digital Subscriber Signalling System No. 1"),
      Para("1\tScope"),
      Para("This Recommendation defines the format of the cause information element."),
  });
  ASSERT_EQ(record.warnings.size(), 1u);
  EXPECT_EQ(record.warnings[0].code, "not-a-letter");
  EXPECT_FALSE(record.meeting);
  EXPECT_FALSE(record.agenda);
  EXPECT_TRUE(record.deadlines.empty());
  EXPECT_TRUE(record.events.empty());
  EXPECT_EQ(record.language, "en");
  EXPECT_EQ(record.recommendations, std::vector<std::string>{"ITU-T Q.850"});
}

TEST(Meeting, OpeningWithoutAZoneHasNoOffsetAndAWarning) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第2/9号集体函"),
      Para("事由：\tITU-T第9研究组会议，2023年4月3-6日"),
      Para("尊敬的先生/女士："),
      Para("第9研究组会议将于2023年4月3日至6日在日内瓦举行。"),
      Para("会议第一天将于9时30分开幕。"),
  });
  ASSERT_TRUE(record.meeting);
  EXPECT_EQ(record.meeting->opening, "2023-04-03T09:30:00");
  EXPECT_EQ(record.meeting->timezone, std::nullopt);
  EXPECT_EQ(record.meeting->mode, "in-person");
  EXPECT_EQ(record.meeting->location, "日内瓦");
  EXPECT_TRUE(HasWarning(record, "timezone-not-stated"));
}

TEST(Meeting, AMeetingHeldBeforeTheLetterIsNotTheMeeting) {
  LetterRecord past = RecognizeBlocks({
      Para("Geneva, 2 May 2022"),
      Para("Ref:\tTSB Circular 12"),
      Para("Subject:\tApproval of new ITU-T Recommendation X.1234"),
      Para("Dear Sir/Madam,"),
      Para("At the meeting of Study Group 17 held on 12 April 2022, "
           "Recommendation ITU-T X.1234 was approved."),
  });
  EXPECT_FALSE(past.meeting);
  EXPECT_TRUE(HasWarning(past, "meeting-not-found"));
  // A meeting on the letter's own day, or after it, is still the meeting.
  LetterRecord same_day = RecognizeBlocks({
      Para("Geneva, 12 April 2022"),
      Para("Ref:\tTSB Collective letter 3/17"),
      Para("Subject:\tMeeting of Study Group 17, 12-22 April 2022"),
      Para("Dear Sir/Madam,"),
  });
  ASSERT_TRUE(same_day.meeting);
  EXPECT_EQ(same_day.meeting->start, "2022-04-12");
  EXPECT_EQ(same_day.meeting->end, "2022-04-22");
}

TEST(Meeting, CircularWithoutMeetingSaysSoInAWarning) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("事由：\t关于ITU-T X.509建议书修订的问卷"),
      Para("尊敬的先生/女士："),
      Para("请于2023年5月1日前回复本问卷。"),
      Para("顺致敬意！"),
  });
  EXPECT_FALSE(record.meeting);
  EXPECT_TRUE(HasWarning(record, "meeting-not-found"));
  ASSERT_EQ(record.deadlines.size(), 1u);
  EXPECT_EQ(record.deadlines[0].date, "2023-05-01");
  EXPECT_EQ(record.deadlines[0].text, "请于2023年5月1日前回复本问卷。");
  EXPECT_EQ(record.letter->closing, "顺致敬意！");
}

TEST(Deadlines, ParagraphNumbersAreNoPartOfDeadlineOrEventText) {
  LetterRecord en = RecognizeBlocks({
      Para("Ref:\tTSB Circular 88"),
      Para("Dear Sir/Madam,"),
      Para("3\tPlease register no later than 4 May 2021."),
      Para("6\tA webinar on AI for health will take place on 27 June 2021, "
           "1100-1300 hours (Geneva time)."),
  });
  ASSERT_EQ(en.deadlines.size(), 1u);
  EXPECT_EQ(en.deadlines[0].text, "Please register no later than 4 May 2021.");
  ASSERT_EQ(en.events.size(), 1u);
  EXPECT_EQ(en.events[0].title, "A webinar on AI for health");
  EXPECT_EQ(en.events[0].text,
            "A webinar on AI for health will take place on 27 June 2021, "
            "1100-1300 hours (Geneva time).");
  EXPECT_EQ(en.events[0].start, "2021-06-27T11:00:00+02:00");
  LetterRecord zh = RecognizeBlocks({
      Para("文号：\t电信标准化局第8/16号集体函"),
      Para("尊敬的先生/女士："),
      Para("3.1\t请于2022年1月3日前完成注册。"),
      Para("4\t新代表情况介绍会将于2022年1月14日11时至13时（日内瓦时间）举办。"),
  });
  ASSERT_EQ(zh.deadlines.size(), 1u);
  EXPECT_EQ(zh.deadlines[0].text, "请于2022年1月3日前完成注册。");
  ASSERT_EQ(zh.events.size(), 1u);
  EXPECT_EQ(zh.events[0].title, "新代表情况介绍会");
  EXPECT_EQ(zh.events[0].text, "新代表情况介绍会将于2022年1月14日11时至13时（日内瓦时间）举办。");
}

TEST(Deadlines, ANumberStartingASentenceWithoutATabIsKept) {
  // "4 May 2021" opens with a number, but no tab follows it: no paragraph number.
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Circular 88"),
      Para("Dear Sir/Madam,"),
      Para("30 comments must reach TSB no later than 4 May 2021."),
  });
  ASSERT_EQ(record.deadlines.size(), 1u);
  EXPECT_EQ(record.deadlines[0].text, "30 comments must reach TSB no later than 4 May 2021.");
}

TEST(Deadlines, AShortLineNamingADeadlineWithItsDateIsADeadlineNotAHeading) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("注册截止日期：2021年4月5日。"),
      Para("截止日期为2021年3月20日：提交需要翻译的文稿。"),
      Para("与会补贴申请截止日期为2021年3月15日。"),
  });
  ASSERT_EQ(record.deadlines.size(), 3u);
  EXPECT_EQ(record.deadlines[0].date, "2021-04-05");
  EXPECT_EQ(record.deadlines[0].text, "注册截止日期：2021年4月5日。");
  EXPECT_EQ(record.deadlines[1].date, "2021-03-20");
  EXPECT_EQ(record.deadlines[1].text, "截止日期为2021年3月20日：提交需要翻译的文稿。");
  EXPECT_EQ(record.deadlines[2].date, "2021-03-15");
}

TEST(Deadlines, AHeadingWithoutADateStillOpensItsSection) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("重要截止日期："),
      Para("2021年3月17日\t–\t提交需要翻译的ITU-T成员文稿"),
      Para("Deadline for registration: 5 April 2021."),
  });
  ASSERT_EQ(record.deadlines.size(), 1u);
  EXPECT_EQ(record.deadlines[0].date, "2021-03-17");
  EXPECT_EQ(record.deadlines[0].text, "提交需要翻译的ITU-T成员文稿");
}

// A numbered heading is read for its deadline markers first: its deadline
// word is found whether it holds a marker ("截止日期", "deadline") or not
// ("最后期限").
TEST(Deadlines, HeadingsWithANumberStillOpenTheirSection) {
  auto deadlines_under = [](const std::string& salutation, const std::string& heading,
                            const std::string& line) {
    return RecognizeBlocks({Para(salutation), Para(heading), Para(line)}).deadlines;
  };
  const auto zh_with =
      deadlines_under("尊敬的先生/女士：", "2021年会议截止日期：", "2021年3月17日\t–\t提交文稿");
  ASSERT_EQ(zh_with.size(), 1u);
  EXPECT_EQ(zh_with[0].text, "提交文稿");
  const auto zh_without =
      deadlines_under("尊敬的先生/女士：", "2021年最后期限：", "2021年3月17日\t–\t提交文稿");
  ASSERT_EQ(zh_without.size(), 1u);
  EXPECT_EQ(zh_without[0].text, "提交文稿");
  const auto en = deadlines_under("Dear Sir/Madam,", "Deadlines for 2021",
                                  "17 March 2021\t–\tSubmit contributions");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].text, "Submit contributions");
}

TEST(Closing, AFormulaOverTwoLinesIsOneClosingAndNoSignatureName) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第302号通函"),
      Para("尊敬的先生/女士："),
      Para("请于2021年4月30日前答复本问卷。"),
      Para("此致"),
      Para("敬礼！"),
      Para("电信标准化局主任"),
      Para("李在摄"),
  });
  EXPECT_EQ(record.letter->closing, "此致敬礼！");
  ASSERT_TRUE(record.letter->signature);
  EXPECT_EQ(record.letter->signature->name, "李在摄");
  EXPECT_EQ(record.letter->signature->title, "电信标准化局主任");
}

TEST(Closing, AOneLineFormulaTakesNoFollowingLine) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第302号通函"),
      Para("尊敬的先生/女士："),
      Para("顺致敬意！"),
      Para("李在摄"),
      Para("电信标准化局主任"),
  });
  EXPECT_EQ(record.letter->closing, "顺致敬意！");
  ASSERT_TRUE(record.letter->signature);
  EXPECT_EQ(record.letter->signature->name, "李在摄");
  EXPECT_EQ(record.letter->signature->title, "电信标准化局主任");
}

TEST(Deadlines, NoLaterThanInEnglishProse) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Circular 88"),
      Para("Dear Sir/Madam,"),
      Para("Replies should reach TSB no later than 4 May 2021. The survey closes then."),
  });
  ASSERT_EQ(record.deadlines.size(), 1u);
  EXPECT_EQ(record.deadlines[0].date, "2021-05-04");
  EXPECT_EQ(record.deadlines[0].text, "Replies should reach TSB no later than 4 May 2021.");
}

TEST(Agenda, DocumentsCellSplitsReferencesAndKeepsProseAsNotes) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Collective letter 1/5"),
      Para("Dear Sir/Madam,"),
      Para("Annex A"),
      Para("Draft agenda"),
      TableOf({{{"No."}, {"Item"}, {"Documents"}},
               {{"1."}, {"Opening"}, {"TD 12, TD 13 (PLEN/5)"}},
               {{"1.1"}, {"Approval"}, {"To be announced at the meeting."}},
               {{""}, {"continued title line"}, {""}}}),
  });
  ASSERT_TRUE(record.agenda);
  EXPECT_EQ(record.agenda->annex, "A");
  ASSERT_EQ(record.agenda->items.size(), 2u);
  EXPECT_EQ(record.agenda->items[0].number, "1");
  EXPECT_EQ(record.agenda->items[0].documents,
            (std::vector<std::string>{"TD 12", "TD 13 (PLEN/5)"}));
  EXPECT_EQ(record.agenda->items[1].parent, "1");
  EXPECT_TRUE(record.agenda->items[1].documents.empty());
  EXPECT_EQ(record.agenda->items[1].notes, "To be announced at the meeting.");
  EXPECT_EQ(record.agenda->items[1].title, "Approval\ncontinued title line");
}

TEST(Agenda, NumberAndTitleInOneCellWithDocumentsBeside) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      TableOf({{{"议程项目"}, {"文件"}},
               {{"1 会议开幕"}, {""}},
               {{"2 通过议程"}, {"TD 7"}},
               {{"2.1 时间表"}, {"TD 8、TD 9"}}}),
  });
  ASSERT_TRUE(record.agenda);
  ASSERT_EQ(record.agenda->items.size(), 3u);
  EXPECT_EQ(record.agenda->items[0].title, "会议开幕");
  EXPECT_EQ(record.agenda->items[1].documents, std::vector<std::string>{"TD 7"});
  EXPECT_EQ(record.agenda->items[2].number, "2.1");
  EXPECT_EQ(record.agenda->items[2].parent, "2");
  EXPECT_EQ(record.agenda->items[2].documents, (std::vector<std::string>{"TD 8", "TD 9"}));
}

TEST(Agenda, ChineseEnumerationMarksAndBulletLines) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件1"),
      Para("会议议程"),
      Para("2022年3月7日，日内瓦"),
      Para("1、会议开幕"),
      Para("2．通过议程"),
      Para("• 审议时间表"),
      Para("3.工作组报告"),
  });
  ASSERT_TRUE(record.agenda);
  EXPECT_EQ(record.agenda->annex, "1");
  ASSERT_EQ(record.agenda->items.size(), 3u);
  EXPECT_EQ(record.agenda->items[0].number, "1");
  EXPECT_EQ(record.agenda->items[0].title, "会议开幕");
  EXPECT_EQ(record.agenda->items[1].title, "通过议程\n• 审议时间表");
  EXPECT_EQ(record.agenda->items[2].number, "3");
  EXPECT_EQ(record.agenda->items[2].title, "工作组报告");
}

TEST(Annexes, ASentenceNamingAnAnnexIsNotAHeading) {
  LetterRecord record = RecognizeBlocks({
      Para("Dear Sir/Madam,"),
      Para("附件A所述的安排适用于所有会议。"),
      Para("Annex 1 to TSB Circular 300 lists the questions, which every Member State is "
           "kindly invited to answer in full before the deadline given in this letter."),
  });
  EXPECT_TRUE(record.annexes.empty());
}

// Agenda items numbered in Chinese numerals: "一、" at the top, "（一）" and
// "(一)" a level below, under the item before them.
TEST(Agenda, ChineseNumeralItemsWithBracketedSubItems) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      Para("一、议程通过"),
      Para("二、工作组报告"),
      Para("（一）第1工作组"),
      Para("(二)第2工作组"),
      Para("十一、其他事宜"),
  });
  ASSERT_TRUE(record.agenda);
  ASSERT_EQ(record.agenda->items.size(), 5u);
  const auto& items = record.agenda->items;
  EXPECT_EQ(items[0].number, "一");
  EXPECT_EQ(items[0].title, "议程通过");
  EXPECT_EQ(items[0].level, 1);
  EXPECT_EQ(items[0].parent, std::nullopt);
  EXPECT_EQ(items[2].number, "一");
  EXPECT_EQ(items[2].level, 2);
  EXPECT_EQ(items[2].parent, "二");
  EXPECT_EQ(items[2].title, "第1工作组");
  EXPECT_EQ(items[3].number, "二");
  EXPECT_EQ(items[3].parent, "二");
  EXPECT_EQ(items[4].number, "十一");
  EXPECT_EQ(items[4].level, 1);
  EXPECT_EQ(items[4].parent, std::nullopt);
}

TEST(Agenda, ChineseNumeralsInTheNumberColumnOfATable) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件2"),
      Para("议程"),
      TableOf({{{"序号"}, {"议题"}, {"文件"}},
               {{"一"}, {"会议开幕"}, {""}},
               {{"二、"}, {"通过议程"}, {"TD 1"}},
               {{"（一）"}, {"时间表"}, {""}}}),
  });
  ASSERT_TRUE(record.agenda);
  ASSERT_EQ(record.agenda->items.size(), 3u);
  EXPECT_EQ(record.agenda->items[0].number, "一");
  EXPECT_EQ(record.agenda->items[1].number, "二");
  EXPECT_EQ(record.agenda->items[1].documents, std::vector<std::string>{"TD 1"});
  EXPECT_EQ(record.agenda->items[2].number, "一");
  EXPECT_EQ(record.agenda->items[2].level, 2);
  EXPECT_EQ(record.agenda->items[2].parent, "二");
}

Block Numbered(std::string label, std::string text) {
  Block block = Para(std::move(text));
  block.paragraph.list_label = std::move(label);
  return block;
}

// Word numbering over Chinese counting: level 2 shows both levels
// ("%1.%2." renders "二.1."), level 3 is "(a)". As LibreOffice writes it
// (tests/fidelity/writers/libreoffice-letter.docx).
TEST(Agenda, WordNumberingWithAChineseFirstLevelAndDecimalSubLevels) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      Numbered("一、", "会议开始"),
      Numbered("二、", "通过议程"),
      Numbered("二.1.", "发送给QAll/20的文稿"),
      Numbered("(a)", "第一份文稿"),
      Numbered("二.2.", "报告"),
      Numbered("（一）", "第1工作组"),
      Numbered("三、", "会议闭幕"),
  });
  ASSERT_TRUE(record.agenda);
  const auto& items = record.agenda->items;
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[1].number, "二");
  EXPECT_EQ(items[2].number, "二.1");
  EXPECT_EQ(items[2].level, 2);
  EXPECT_EQ(items[2].parent, "二");
  // A lettered line stays with its item, as bullet lines do.
  EXPECT_EQ(items[2].title, "发送给QAll/20的文稿\n(a) 第一份文稿");
  EXPECT_EQ(items[3].number, "二.2");
  EXPECT_EQ(items[3].parent, "二");
  // A new kind of label goes one level below the item before it.
  EXPECT_EQ(items[4].number, "一");
  EXPECT_EQ(items[4].level, 3);
  EXPECT_EQ(items[4].parent, "二.2");
  EXPECT_EQ(items[5].number, "三");
  EXPECT_EQ(items[5].level, 1);
  EXPECT_EQ(items[5].parent, std::nullopt);
}

// Roman numerals with "." or " –", "(1)" under them, and "1)" after "III".
TEST(Agenda, RomanNumeralsAndBracketedNumbersInEnglish) {
  LetterRecord record = RecognizeBlocks({
      Para("Dear Sir/Madam,"),
      Para("Annex B"),
      Para("Draft agenda"),
      Para("8 May 2023, Geneva"),
      Para("I.\tOpening of the meeting"),
      Para("II. Adoption of the agenda"),
      Para("(1) Time plan"),
      Para("(2) Allocation of documents"),
      Para("III – Reports"),
      Para("1) Working Party 1"),
      Para("IV. Closing"),
  });
  ASSERT_TRUE(record.agenda);
  const auto& items = record.agenda->items;
  ASSERT_EQ(items.size(), 7u);  // the date line is no item 8
  EXPECT_EQ(items[0].number, "I");
  EXPECT_EQ(items[0].title, "Opening of the meeting");
  EXPECT_EQ(items[2].number, "1");
  EXPECT_EQ(items[2].level, 2);
  EXPECT_EQ(items[2].parent, "II");
  EXPECT_EQ(items[4].number, "III");
  EXPECT_EQ(items[4].title, "Reports");
  EXPECT_EQ(items[4].level, 1);
  EXPECT_EQ(items[5].number, "1");
  EXPECT_EQ(items[5].level, 2);
  EXPECT_EQ(items[5].parent, "III");
  EXPECT_EQ(items[6].number, "IV");
  EXPECT_EQ(items[6].level, 1);
}

// What must stay as it was: "一" as a word, a numbered date, a list of one
// kind of label (flat, dotted numbers nesting by their dots).
TEST(Agenda, WordsAndDatesStartingWithNumeralsAreNoItems) {
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      Para("2021年5月17-27日，虚拟会议"),
      Para("二〇二一年五月十七日，日内瓦"),
      Para("一些代表可远程参会。"),
      Para("一般性讨论"),
      Para("1\t会议开幕"),
      Para("2)\t通过议程"),
      Para("2.1\t时间表"),
  });
  ASSERT_TRUE(record.agenda);
  const auto& items = record.agenda->items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].number, "1");
  EXPECT_EQ(items[1].number, "2");
  EXPECT_EQ(items[1].level, 1);
  EXPECT_EQ(items[2].number, "2.1");
  EXPECT_EQ(items[2].level, 2);
  EXPECT_EQ(items[2].parent, "2");
}

// StartsWithDate runs the date grammar only where a year may be written:
// dates with one are no items, numbers and dates without one still are.
TEST(Agenda, EnglishDatesWithTheirYearAreNoItems) {
  LetterRecord record = RecognizeBlocks({
      Para("Dear Sir/Madam,"),
      Para("Annex B"),
      Para("Draft agenda"),
      Para("17 May 2021, Geneva"),
      Para("12.4.2021 Geneva"),
      Para("2021-05-17 Geneva"),
      Para("1 January meeting report"),
      Para("2\tAdoption of the agenda"),
      Para("2.1\tTime plan"),
  });
  ASSERT_TRUE(record.agenda);
  const auto& items = record.agenda->items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].number, "1");
  EXPECT_EQ(items[0].title, "January meeting report");
  EXPECT_EQ(items[1].number, "2");
  EXPECT_EQ(items[2].number, "2.1");
}

TEST(ScanItemLabels, RomanAndChineseNumeralsNeedTheirMark) {
  scan::ItemLabelRules rules;
  rules.roman_numerals = rules.chinese_numerals = true;
  const std::string_view marks[] = {"、", ".", "–"};
  const std::pair<std::string_view, std::string_view> brackets[] = {{"（", "）"}, {"(", ")"}};
  rules.marks = marks;
  rules.brackets = brackets;
  for (std::string_view no_item :
       {"I am pleased", "Item 3", "IIII. Reports", "VX. Reports", "IV.Reports", "一些代表",
        "一般性讨论", "二〇二一年", "零、开幕", "(2021) 年报", "（注）见附件"}) {
    EXPECT_FALSE(scan::SplitItemLabel(no_item, rules)) << no_item;
  }
  auto split = scan::SplitItemLabel("XIV – Closing", rules);
  ASSERT_TRUE(split);
  EXPECT_EQ(split->first.number, "XIV");
  EXPECT_EQ(split->second, "Closing");
  split = scan::SplitItemLabel("二十一、闭幕", rules);
  ASSERT_TRUE(split);
  EXPECT_EQ(split->first.number, "二十一");
  EXPECT_EQ(split->first.style, scan::LabelStyle::kChinese);
  EXPECT_EQ(split->second, "闭幕");
  ASSERT_TRUE(scan::ParseItemLabel("（三）", rules));
  EXPECT_EQ(scan::ParseItemLabel("（三）", rules)->style, scan::LabelStyle::kBracketedChinese);
  EXPECT_FALSE(scan::ParseItemLabel("三月", rules));
  // Without the rules of a language that writes them, they are no labels.
  EXPECT_FALSE(scan::SplitItemLabel("一、议程通过", scan::ItemLabelRules{}));
  EXPECT_FALSE(scan::SplitItemLabel("II. Adoption", scan::ItemLabelRules{}));
}

// Dated happenings listed as bullets with no 将于: each is an event, its
// title after the colon, times and zone from the line, the link after it.
TEST(Events, ALeadInBeforeTheTitleIsNoPartOfIt) {
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第9/17号集体函"),
      Para("尊敬的先生/女士："),
      Para("此外，新代表情况介绍会将于2021年5月14日（日内瓦时间）11时至12时举办。"),
      Para("请注意，安全研讨会将于2021年5月16日举行。"),
      Para("“人工智能，5G与物联网”论坛将于2021年5月18日举行。"),
  });
  ASSERT_EQ(record.events.size(), 3u);
  EXPECT_EQ(record.events[0].title, "新代表情况介绍会");
  EXPECT_EQ(record.events[0].start, "2021-05-14T11:00:00+02:00");
  EXPECT_EQ(record.events[0].text,
            "此外，新代表情况介绍会将于2021年5月14日（日内瓦时间）11时至12时举办。");
  EXPECT_EQ(record.events[1].title, "安全研讨会");
  EXPECT_EQ(record.events[1].date, "2021-05-16");
  // A comma inside the quoted title stays.
  EXPECT_EQ(record.events[2].title, "“人工智能，5G与物联网”论坛");
}

TEST(Events, AnEnglishTitleKeepsItsCommas) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Circular 88"),
      Para("Dear Sir/Madam,"),
      Para("A workshop on AI, 5G and IoT will be held on 4 May 2021."),
  });
  ASSERT_EQ(record.events.size(), 1u);
  EXPECT_EQ(record.events[0].title, "A workshop on AI, 5G and IoT");
}

TEST(Events, DateLedBulletsWithoutAMarkerAreEvents) {
  LetterRecord record = RecognizeBlocks({
      Para("2021年1月12日，日内瓦"),
      Para("事由：\tITU-T第20研究组虚拟会议，2021年5月17-27日"),
      Para("尊敬的先生/女士："),
      Para("我高兴地邀请您参加第20研究组计划于2021年5月17-27日（含）以完全虚拟方式召开的会议。"),
      Para("另请注意："),
      Para("•\t2021年4月21日（日内瓦时间）11时至13时：新代表情况介绍会，注册：https://www.itu.int/"
           "go/new"),
      Para("•\t2021年4月22日：“标准的作用”虚拟论坛"),
  });
  ASSERT_EQ(record.events.size(), 2u);
  EXPECT_EQ(record.events[0].title, "新代表情况介绍会");
  EXPECT_EQ(record.events[0].date, "2021-04-21");
  EXPECT_EQ(record.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(record.events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(record.events[0].timezone, "Europe/Zurich");
  EXPECT_EQ(record.events[0].url, "https://www.itu.int/go/new");
  EXPECT_EQ(
      record.events[0].text,
      "2021年4月21日（日内瓦时间）11时至13时：新代表情况介绍会，注册：https://www.itu.int/go/new");
  EXPECT_EQ(record.events[1].title, "“标准的作用”虚拟论坛");
  EXPECT_EQ(record.events[1].start, std::nullopt);
  EXPECT_EQ(record.events[1].url, std::nullopt);
  EXPECT_TRUE(record.deadlines.empty());
}

TEST(Events, EnglishDashLinesWithTheLinkOnTheNextLine) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Collective letter 7/11"),
      Para("Dear Sir/Madam,"),
      Para("Please also note the following sessions:"),
      Para("–\t21 April 2021, 11:00–13:00 Geneva time: Newcomers' session"),
      Para("Registration: https://www.itu.int/go/newcomers"),
      Para("–\t23 April 2021\t–\tJoint workshop on smart cities"),
  });
  ASSERT_EQ(record.events.size(), 2u);
  EXPECT_EQ(record.events[0].title, "Newcomers' session");
  EXPECT_EQ(record.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(record.events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(record.events[0].url, "https://www.itu.int/go/newcomers");
  EXPECT_EQ(record.events[1].title, "Joint workshop on smart cities");
  EXPECT_EQ(record.events[1].date, "2021-04-23");
  EXPECT_EQ(record.events[1].url, std::nullopt);
}

// What must stay as it was: date-led deadlines under their heading, an
// action with no heading, the meeting's own days, and prose.
TEST(Events, DeadlinesTheMeetingAndProseAreNoDateLedEvents) {
  LetterRecord record = RecognizeBlocks({
      Para("事由：\tITU-T第20研究组会议，2021年5月17-27日"),
      Para("尊敬的先生/女士："),
      Para("第20研究组会议将于2021年5月17日至27日在日内瓦举行。"),
      Para("重要截止日期："),
      Para("•\t2021年3月17日：提交需要翻译的文稿"),
      Para("•\t2021年4月16日：研讨会注册"),
      Para("另请注意："),
      Para("•\t2021年5月4日：提交会议文稿"),
      Para("•\t2021年4月20日前：报名参加介绍会"),
      Para("•\t2021年5月17日：会议开幕"),
      Para("•\t2021年5月18日：第20研究组全体会议"),
      Para("2021年4月21日召开了新代表情况介绍会。"),
  });
  EXPECT_TRUE(record.events.empty());
  ASSERT_EQ(record.deadlines.size(), 3u);
  EXPECT_EQ(record.deadlines[0].text, "提交需要翻译的文稿");
  EXPECT_EQ(record.deadlines[1].text, "研讨会注册");
  EXPECT_EQ(record.deadlines[2].date, "2021-04-20");
  EXPECT_EQ(record.deadlines[2].text, "2021年4月20日前：报名参加介绍会");
}

TEST(Notes, FootnotesAndHeadersAreKeptApartFromTheBodyText) {
  Document doc;
  doc.body = {Para("Dear Sir/Madam,"), Para("See the report.")};
  Note header;
  header.kind = Note::Kind::kHeader;
  header.id = "word/header1.xml";
  header.blocks = {Para("- 2 -")};
  Note footnote;
  footnote.kind = Note::Kind::kFootnote;
  footnote.id = "1";
  footnote.blocks = {Para("Available at https://www.itu.int/md/T17-SG20-R-0015/en.")};
  doc.notes = {header, footnote};
  Normalize(doc);
  LetterRecord record = Recognize(doc);
  ASSERT_EQ(record.notes.size(), 2u);
  EXPECT_EQ(record.notes[0].kind, "header");
  EXPECT_EQ(record.notes[0].id, "word/header1.xml");
  EXPECT_EQ(record.notes[0].text, "- 2 -");
  EXPECT_EQ(record.notes[1].kind, "footnote");
  EXPECT_EQ(record.notes[1].text, "Available at https://www.itu.int/md/T17-SG20-R-0015/en.");
  EXPECT_EQ(record.text, "Dear Sir/Madam,\nSee the report.");
  EXPECT_EQ(record.urls, std::vector<std::string>{"https://www.itu.int/md/T17-SG20-R-0015/en"});
}

// ---- Scanners: each fast path against the plain computation it replaces ----

std::string Utf8(char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, static_cast<UChar32>(c),
            error);
  (void)error;  // every code point given is valid
  return std::string(buffer, static_cast<std::size_t>(length));
}

std::string Hex(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// A text of pieces drawn from `pieces`, `count` of them.
std::string RandomText(std::mt19937& random, const std::vector<std::string>& pieces, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
  return text;
}

// Pieces that put every rule of the cleaning to work: layout and other white
// space, CJK on both sides of a space, combining marks and jamo that compose
// once a space between them goes, ignorables, fullwidth letters, controls,
// broken UTF-8.
const std::vector<std::string> kCleaningPieces = {
    "a",           "Z",          "7",        ".",       " ",      " ",
    "  ",          "\t",         "\n",       "\r",      "\v",     "\x01",
    "\x7f",        "中",         "文",       "。",      "，",     "「",
    "か",          "\u3099",     "\u302a",   "\u302b",  "\u1100", "\u1161",
    "가",          "\u11a8",     "é",        "e\u0301", "\u0301", "й",
    "и",           "\u0306",     "ب",        "\u064b",  "\u00a0", "\u3000",
    "\u200b",      "\u00ad",     "\ufeff",   "\uff11",  "\uff21", "\uff0c",
    "–",           "“",          "•",        "■",       "Ω",      "\u2126",
    "\uf900",      "\U0001F600", "\xe4\xb8", "\xff",    "\xc3",   "\xed\xa0\x80",
    "\xe0\x80\xaf"};

TEST(ScanCleanWork, AgreesWithCleanTextOnRandomTexts) {
  std::mt19937 random(1);
  int none = 0, white_space = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string text =
        RandomText(random, kCleaningPieces, 1 + static_cast<int>(random() % 8));
    switch (scan::CleanWorkFor(text)) {
      case scan::CleanWork::kNone:
        ++none;
        ASSERT_EQ(CleanText(text), text) << text;
        break;
      case scan::CleanWork::kWhiteSpace:
        ++white_space;
        ASSERT_EQ(scan::CollapseWhiteSpace(text), CleanText(text)) << text;
        break;
      case scan::CleanWork::kFull:
        break;
    }
  }
  EXPECT_GT(none, 1000);
  EXPECT_GT(white_space, 1000);
}

// CollapseWhiteSpace skips eight bytes at a time where none is below '!':
// long texts, with runs of such bytes across every eight-byte boundary
// beside white space, controls and other scripts.
TEST(ScanCleanWork, CollapseSkipsLongRunsAsCleanTextReadsThem) {
  std::mt19937 random(12);
  const std::vector<std::string> pieces = {
      "abcdefgh", "Study", "Group", "1234567", "x", " ", "  ",       "\t",
      "\n",       "\r",    "\x01",  "\x1f",    "!", "~", "中文汉字", "。",
      "，",       "ب",     "ت",     "й",       "и", "–", "\u00a0",   "\u200b"};
  int collapsed = 0;
  for (int n = 0; n < 100000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 40));
    if (scan::CleanWorkFor(text) == scan::CleanWork::kFull) continue;
    ++collapsed;
    ASSERT_EQ(scan::CollapseWhiteSpace(text), CleanText(text)) << text;
  }
  EXPECT_GT(collapsed, 10000);
  EXPECT_EQ(scan::CollapseWhiteSpace(""), "");
  EXPECT_EQ(scan::CollapseWhiteSpace("abcdefghijklmnop qrstuvwxyz\t0123456789"),
            "abcdefghijklmnop qrstuvwxyz 0123456789");
}

TEST(ScanCleanWork, CleanedPartsJoinAsTheCleanedWhole) {
  std::mt19937 random(10);
  for (int n = 0; n < 100000; ++n) {
    std::vector<std::string> parts;
    std::string whole, joined;
    for (int i = 0, count = 1 + static_cast<int>(random() % 4); i < count; ++i) {
      parts.push_back(RandomText(random, kCleaningPieces, static_cast<int>(random() % 6)));
      if (scan::CleanWorkFor(parts.back()) == scan::CleanWork::kFull) parts.pop_back();
    }
    for (const std::string& part : parts) {
      whole += (whole.empty() ? "" : "\t") + part;
      scan::AppendCollapsed(joined, scan::CollapseWhiteSpace(part));
    }
    ASSERT_EQ(joined, CleanText(whole)) << whole;
  }
}

TEST(ScanCleanWork, EveryAcceptedCodePointIsInertForNfcAndKeptByCleanText) {
  for (const scan::CodePointRange& range : scan::AlreadyCleanRanges()) {
    for (char32_t c = range.first; c <= range.last; ++c) {
      const auto code = static_cast<UChar32>(c);
      // NFC_Quick_Check=Yes and combining class 0: any string of these is NFC.
      ASSERT_EQ(u_getIntPropertyValue(code, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << Hex(c);
      ASSERT_EQ(u_getCombiningClass(code), 0) << Hex(c);
      ASSERT_FALSE(u_isUWhiteSpace(code)) << Hex(c);
      ASSERT_NE(u_charType(code), U_SPACE_SEPARATOR) << Hex(c);
      // Appended, not concatenated: GCC 12 warns falsely (-Wrestrict) on "a" + string.
      std::string text = "a";
      text += Utf8(c) + "b" + Utf8(c);
      ASSERT_EQ(scan::CleanWorkFor(text), scan::CleanWork::kNone) << Hex(c);
      ASSERT_EQ(CleanText(text), text) << Hex(c);
    }
  }
}

TEST(ScanCleanWork, SpacesAndLayout) {
  EXPECT_EQ(scan::CleanWorkFor(""), scan::CleanWork::kNone);
  EXPECT_EQ(scan::CleanWorkFor("Dear Sir/Madam,"), scan::CleanWork::kNone);
  EXPECT_EQ(scan::CleanWorkFor("尊敬的先生/女士："), scan::CleanWork::kNone);
  EXPECT_EQ(scan::CleanWorkFor(" lead"), scan::CleanWork::kWhiteSpace);
  EXPECT_EQ(scan::CleanWorkFor("trail "), scan::CleanWork::kWhiteSpace);
  EXPECT_EQ(scan::CleanWorkFor("two  spaces"), scan::CleanWork::kWhiteSpace);
  EXPECT_EQ(scan::CleanWorkFor("文号：\t电信标准化局"), scan::CleanWork::kWhiteSpace);
  EXPECT_EQ(scan::CleanWorkFor("王 芳"), scan::CleanWork::kWhiteSpace);  // the space goes
  EXPECT_EQ(scan::CleanWorkFor("ITU-T 第20研究组"), scan::CleanWork::kNone);
  EXPECT_EQ(scan::CleanWorkFor("a\u00a0b"), scan::CleanWork::kFull);
  EXPECT_EQ(scan::CleanWorkFor("\uff12\uff10"), scan::CleanWork::kFull);
  EXPECT_EQ(scan::CollapseWhiteSpace("\t14 May 2017\t–\tSubmit  \n"), "14 May 2017 – Submit");
  EXPECT_EQ(scan::CollapseWhiteSpace("日期\t事项"), "日期事项");
}

// The decoding of recognize before the inline fast paths.
char32_t DecodeWithIcu(std::string_view text, std::size_t i, std::size_t* next) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()),
          c);
  *next = static_cast<std::size_t>(offset);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

TEST(ScanDecode, AgreesWithIcuOnRandomBytes) {
  std::mt19937 random(2);
  const unsigned char interesting[] = {0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                       0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xff};
  for (int n = 0; n < 200000; ++n) {
    std::string text;
    for (int i = 0, size = 1 + static_cast<int>(random() % 5); i < size; ++i) {
      text += static_cast<char>(random() % 2 ? interesting[random() % sizeof interesting]
                                             : 0x80 + random() % 0x40);
    }
    std::size_t next = 0, expected_next = 0;
    ASSERT_EQ(scan::DecodeAt(text, 0, &next), DecodeWithIcu(text, 0, &expected_next));
    ASSERT_EQ(next, expected_next);
  }
}

TEST(ScanScript, AgreesWithIcuForEveryCodePoint) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    scan::Script expected = scan::Script::kOther;
    switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
      case USCRIPT_LATIN:
        expected = scan::Script::kLatin;
        break;
      case USCRIPT_HAN:
        expected = scan::Script::kHan;
        break;
      case USCRIPT_CYRILLIC:
        expected = scan::Script::kCyrillic;
        break;
      case USCRIPT_ARABIC:
        expected = scan::Script::kArabic;
        break;
      default:
        break;
    }
    ASSERT_EQ(scan::ScriptOf(c), expected) << Hex(c);
  }
}

TEST(ScanScript, HanRunCountsTheIdeographsInARow) {
  std::mt19937 random(11);
  const std::vector<std::string> pieces = {
      "一", "\u9fff", "中",       "\u4dff",   "\u3400",       "a",
      " ",  "\xe4",   "\xe4\xb8", "\xe9\xbf", "\xea\x80\x80", "。"};
  for (int n = 0; n < 50000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 10));
    const std::size_t from = random() % (text.size() + 1);
    std::size_t expected = 0;
    for (std::size_t i = from, next = 0; i < text.size(); i = next, ++expected) {
      const char32_t c = DecodeWithIcu(text, i, &next);
      if (c < 0x4E00 || c > 0x9FFF) break;
    }
    ASSERT_EQ(scan::HanRun(text, from), expected) << text << " / " << from;
  }
}

// FindFold as it was: compared at every position.
std::size_t PlainFindFold(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (scan::StartsWithFold(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

const std::vector<std::string> kSearchPieces = {"a",  "A",  "b",    "n", "N", "o",  " ",
                                                ".",  "w",  "W",    ":", "/", "前", "之",
                                                "截", "止", "\xe5", "é", "É", "\t"};

TEST(ScanFind, AgreesWithPlainSearchesOnRandomTexts) {
  std::mt19937 random(3);
  for (int n = 0; n < 100000; ++n) {
    const std::string needle =
        RandomText(random, kSearchPieces, static_cast<int>(random() % (n % 5 == 0 ? 16 : 4)));
    std::string text = RandomText(random, kSearchPieces, static_cast<int>(random() % 60));
    if (random() % 2) text.insert(random() % (text.size() + 1), needle);
    const std::size_t from = random() % (text.size() + 3);
    ASSERT_EQ(scan::Find(text, needle, from), std::string_view(text).find(needle, from))
        << text << " / " << needle << " / " << from;
    ASSERT_EQ(scan::FindFold(text, needle, from), PlainFindFold(text, needle, from))
        << text << " / " << needle << " / " << from;
  }
}

TEST(ScanWordSet, AgreesWithLookingForEachWord) {
  std::mt19937 random(4);
  for (int n = 0; n < 30000; ++n) {
    // Mostly short words, some long ones (past the padded copy's room).
    const int word_pieces = n % 10 == 0 ? 60 : n % 3 == 0 ? 14 : 5;
    std::vector<std::string> exact, folded;
    for (int i = 0, count = static_cast<int>(random() % 4); i < count; ++i) {
      exact.push_back(RandomText(random, kSearchPieces, static_cast<int>(random() % word_pieces)));
    }
    for (int i = 0, count = static_cast<int>(random() % 4); i < count; ++i) {
      folded.push_back(RandomText(random, kSearchPieces, static_cast<int>(random() % word_pieces)));
    }
    std::vector<std::string_view> exact_views(exact.begin(), exact.end());
    std::vector<std::string_view> folded_views(folded.begin(), folded.end());
    scan::WordSet set;
    set.Add(exact_views, /*fold=*/false);
    set.Add(folded_views, /*fold=*/true);
    for (int t = 0; t < 10; ++t) {
      std::string text = RandomText(random, kSearchPieces, static_cast<int>(random() % 70));
      // Often one of the words, somewhere in the text.
      std::vector<std::string>& source = random() % 2 ? exact : folded;
      if (!source.empty() && random() % 2) {
        text.insert(random() % (text.size() + 1), source[random() % source.size()]);
      }
      bool expected = false;
      for (const std::string& word : exact)
        expected |= std::string_view(text).find(word) != std::string_view::npos;
      for (const std::string& word : folded)
        expected |= PlainFindFold(text, word, 0) != std::string_view::npos;
      std::string words;
      for (const std::string& word : exact) words += "[" + word + "]";
      words += " folded ";
      for (const std::string& word : folded) words += "[" + word + "]";
      ASSERT_EQ(set.AnyIn(text), expected) << text << " / " << words;
    }
  }
}

TEST(ScanCodePoints, AtMostAgreesWithCounting) {
  std::mt19937 random(5);
  for (int n = 0; n < 50000; ++n) {
    const std::string text = RandomText(random, kCleaningPieces, static_cast<int>(random() % 40));
    const std::size_t limit = random() % 50;
    ASSERT_EQ(scan::AtMostCodePoints(text, limit), scan::CodePointCount(text) <= limit) << text;
  }
}

// Sentences as it was: code point by code point.
std::vector<scan::Piece> PlainSentences(std::string_view text) {
  std::vector<scan::Piece> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = 0;
    char32_t c = DecodeWithIcu(text, i, &next);
    bool end = c == U'。' || c == U'！' || c == U'？' || c == U'\n';
    if ((c == U'.' || c == U'!' || c == U'?') && (next == text.size() || text[next] == ' '))
      end = true;
    // A stop before a number or a lower-case word ends an abbreviation.
    std::size_t word = text.find_first_not_of(' ', next);
    if (c == U'.' && end && next < text.size() && word != std::string_view::npos) {
      std::size_t after = 0;
      char32_t w = DecodeWithIcu(text, word, &after);
      if ((w >= U'0' && w <= U'9') || u_islower(static_cast<UChar32>(w))) end = false;
    }
    if (end) {
      pieces.push_back({start, next});
      start = next;
    }
    i = next;
  }
  if (start < text.size()) pieces.push_back({start, text.size()});
  return pieces;
}

TEST(ScanSentences, AgreesWithDecodingEveryCharacter) {
  std::mt19937 random(6);
  const std::vector<std::string> pieces = {
      "a",    " ",        ".",        "!",    "?",    "\n",   "。", "！", "？", "中",
      "\xe3", "\xe3\x80", "\xef\xbc", "\xef", "\x80", "\x82", "1",  "A",  "д",  "Д"};
  for (int n = 0; n < 100000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 20));
    const std::vector<scan::Piece> got = scan::Sentences(text), expected = PlainSentences(text);
    ASSERT_EQ(got.size(), expected.size()) << text;
    for (std::size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].begin, expected[i].begin) << text;
      ASSERT_EQ(got[i].end, expected[i].end) << text;
    }
  }
}

TEST(ScanNumbers, TextWithoutAnyNumberHasNoDateOrTime) {
  // No decimal digit but ASCII below U+0660 nor in general punctuation, and
  // none that is a Chinese numeral.
  for (char32_t c = 0x80; c <= 0x206F; c = c == 0x065F ? 0x2000 : c + 1) {
    ASSERT_LT(u_charDigitValue(static_cast<UChar32>(c)), 0) << Hex(c);
    ASSERT_FALSE(ParseChineseNumber(Utf8(c))) << Hex(c);
    ASSERT_FALSE(scan::MayHoldNumber(Utf8(c))) << Hex(c);
  }
  EXPECT_TRUE(scan::MayHoldNumber("Study Group 16"));
  EXPECT_TRUE(scan::MayHoldNumber("二〇二一年五月十七日"));
  EXPECT_TRUE(scan::MayHoldNumber("١٧ مايو"));
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"May ", "12",   "January", "from ", "to ", "h", " ",
                                           "mai ", "мая ", "du ",     "au ",   "– ",  "-", ".",
                                           ":",    "noon", "a.m.",    "pm",    "é",   "’"};
  for (int n = 0; n < 20000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 12));
    if (scan::MayHoldNumber(text)) continue;
    for (std::string_view language : {"en", "fr", "ru", "zh", "und"}) {
      ASSERT_TRUE(FindDates(text, language, Date{2021, 1, 12}).empty()) << text;
      ASSERT_TRUE(FindTimes(text, language).empty()) << text;
    }
  }
}

// MayHoldNumber as it was: every code point decoded and asked.
bool PlainMayHoldNumber(std::string_view text) {
  for (std::size_t i = 0, next = 0; i < text.size(); i = next) {
    const char32_t c = scan::DecodeAt(text, i, &next);
    if (c >= '0' && c <= '9') return true;
    if (c >= 0x0660 && !(c >= 0x2000 && c <= 0x206F)) return true;
  }
  return false;
}

// Eight ASCII bytes at a time: digits and other bytes at every position of
// an eight-byte word, Chinese, Arabic and Cyrillic text, invisible characters.
TEST(ScanNumbers, MayHoldNumberSkipsAsciiAsDecodingEveryCharacter) {
  std::mt19937 random(13);
  const std::vector<std::string> pieces = {
      "a",    "Study Group ", "abcdefg", " ",      "/",      ":",      "0", "9",      "5", "\x7f",
      "\t",   "中",           "文",      "。",     "\u200b", "\ufeff", "ب", "\u0660", "й", "–",
      "\xe4", "\xff",         "\uff11",  "\u25cb", ""};
  int with = 0, without = 0;
  for (int n = 0; n < 200000; ++n) {
    const std::string text =
        RandomText(random, pieces, static_cast<int>(random() % (n % 2 == 0 ? 30 : 6)));
    const bool expected = PlainMayHoldNumber(text);
    (expected ? with : without) += 1;
    ASSERT_EQ(scan::MayHoldNumber(text), expected) << text;
  }
  EXPECT_GT(with, 10000);
  EXPECT_GT(without, 10000);
  EXPECT_FALSE(scan::MayHoldNumber(""));
  EXPECT_FALSE(scan::MayHoldNumber("abcdefghijklmnopqrstuvwxyz /:;"));
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'x');
    text[at] = '7';
    EXPECT_TRUE(scan::MayHoldNumber(text)) << at;
  }
}

TEST(ScanDates, DateLedLineIsReadFromItsFirstSegment) {
  // recognize reads a date-led deadline line ("14 May 2017\t–\tSubmit ...")
  // from the part before its first tab or line break: a date starting the
  // line is the same there.
  std::mt19937 random(8);
  const std::vector<std::string> pieces = {
      "14", " ",  "May", "2017", "\t",       "\n",     "–",  "-",  "年",     "5",  "月", "17",
      "日", "至", "to",  ",",    "(Monday)", "星期一", "（", "）", "Submit", "前", "."};
  for (int n = 0; n < 30000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 10));
    const std::string_view first = std::string_view(text).substr(0, text.find_first_of("\t\n"));
    for (std::string_view language : {"en", "zh"}) {
      const std::vector<DateMatch> whole = FindDates(text, language, Date{2017, 3, 22});
      const std::vector<DateMatch> part = FindDates(first, language, Date{2017, 3, 22});
      const bool whole_leads = !whole.empty() && whole.front().begin == 0;
      const bool part_leads = !part.empty() && part.front().begin == 0;
      ASSERT_EQ(whole_leads, part_leads) << text;
      if (!whole_leads) continue;
      ASSERT_EQ(whole.front().end, part.front().end) << text;
      ASSERT_EQ(whole.front().start, part.front().start) << text;
      ASSERT_EQ(whole.front().last, part.front().last) << text;
    }
  }
}

TEST(ScanDates, IsoDateWritesWhatIsoDoes) {
  for (int year : {-5, 0, 7, 99, 1800, 2021, 2199, 9999, 10000}) {
    for (int month : {-1, 0, 1, 9, 10, 12, 99, 100}) {
      for (int day : {-3, 0, 1, 9, 10, 31, 99, 100}) {
        const Date date{year, month, day};
        ASSERT_EQ(scan::IsoDate(date), date.Iso()) << year << " " << month << " " << day;
      }
    }
  }
}

TEST(ScanLetters, AsciiLetterMaskAgreesWithEveryByte) {
  std::mt19937 random(11);
  for (int n = 0; n < 100000; ++n) {
    unsigned char bytes[8];
    unsigned expected = 0;
    for (int k = 0; k < 8; ++k) {
      // Mostly the bytes around the letters' bounds ('@' 'A' 'Z' '[' '`' 'a' 'z' '{').
      bytes[k] =
          static_cast<unsigned char>(random() % 3 ? 0x3F + random() % 0x3E : random() % 0x80);
      if (std::isalpha(bytes[k])) expected |= 1u << k;
    }
    std::uint64_t word = 0;
    for (int k = 7; k >= 0; --k) word = word << 8 | bytes[k];  // byte k read from memory k
    ASSERT_EQ(scan::AsciiLetterMask(word), expected) << n;
  }
}

// StripTrailingSeparators as it was: every separator tried in turn.
std::string_view StripEachSeparatorInTurn(std::string_view text) {
  for (bool changed = true; changed;) {
    changed = false;
    text = scan::Trim(text);
    for (std::string_view separator : {"；", ";", "，", ",", "؛", "،"}) {
      if (text.size() >= separator.size() &&
          text.substr(text.size() - separator.size()) == separator) {
        text.remove_suffix(separator.size());
        changed = true;
      }
    }
  }
  return text;
}

TEST(ScanSeparators, StripTrailingSeparatorsAgreesWithTryingEverySeparator) {
  std::mt19937 random(12);
  // Separators, their bytes alone (broken UTF-8) and what surrounds them.
  const std::vector<std::string> pieces = {"；",   ";",    "，",   ",",        "؛",    "،",
                                           " ",    "\t",   "a",    "中",       "\x9b", "\x8c",
                                           "\xbc", "\xd8", "\xef", "\xd8\x9b", ";;"};
  for (int n = 0; n < 100000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 7));
    const std::string_view expected = StripEachSeparatorInTurn(text);
    ASSERT_EQ(scan::StripTrailingSeparators(text), expected) << text;
    ASSERT_EQ(scan::EndsWithSeparator(text), expected.size() != scan::Trim(text).size()) << text;
  }
}

// The language guess as it was, one code point at a time: the script of
// each, and the stopwords among the Latin words.
std::string GuessLanguageByCodePoint(const std::vector<std::string>& paragraphs) {
  const auto& tables = LanguageTables();
  std::size_t han = 0, latin = 0, cyrillic = 0, arabic = 0;
  std::vector<std::size_t> counts(tables.size(), 0);
  std::string word;
  auto end_word = [&] {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      for (std::string_view stopword : tables[t].stopwords) {
        if (!word.empty() && word == stopword) ++counts[t];
      }
    }
    word.clear();
  };
  for (const std::string& text : paragraphs) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t next = 0;
      const char32_t c = scan::DecodeAt(text, i, &next);
      i = next;
      const scan::Script script = scan::ScriptOf(c);
      if (script == scan::Script::kHan) ++han;
      if (script == scan::Script::kCyrillic) ++cyrillic;
      if (script == scan::Script::kArabic) ++arabic;
      if (script == scan::Script::kLatin) {
        ++latin;
        word += c < 0x80 ? static_cast<char>(c | 0x20) : '?';
      } else {
        end_word();
      }
    }
    end_word();
  }
  std::array<std::pair<std::size_t, std::string_view>, 4> scripts = {
      {{han * 3, "zh"}, {cyrillic, "ru"}, {arabic, "ar"}, {latin, "latin"}}};
  auto best = std::max_element(scripts.begin(), scripts.end());
  if (best->first == 0) return "und";
  if (best->second != "latin") return std::string(best->second);
  std::size_t best_count = 0;
  std::string language = "en";
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (counts[t] > best_count) {
      best_count = counts[t];
      language = std::string(tables[t].language);
    }
  }
  return language;
}

TEST(Language, EightAsciiBytesAtOnceGuessAsOneCodePointAtATime) {
  std::mt19937 random(13);
  std::vector<std::string> pieces = {" ", ",", ".",        "\t",  "7",   "é",   "É",  "中文",
                                     "и", "ب", "abcdefgh", "xyz", "THE", "Los", "Ωx", "-"};
  for (const LanguageTable& table : LanguageTables()) {
    for (std::string_view stopword : table.stopwords) pieces.emplace_back(stopword);
  }
  for (int n = 0; n < 3000; ++n) {
    std::vector<std::string> paragraphs;
    std::vector<Block> blocks;
    for (int p = 0, count = 1 + static_cast<int>(random() % 3); p < count; ++p) {
      paragraphs.push_back(RandomText(random, pieces, static_cast<int>(random() % 40)));
      blocks.push_back(Para(paragraphs.back()));
    }
    Document doc;
    doc.body = std::move(blocks);
    ASSERT_EQ(Recognize(doc).language, GuessLanguageByCodePoint(paragraphs)) << paragraphs[0];
  }
}

// The counts of one text as the language guess took them before they were
// fused with the cleaning check: one code point at a time.
scan::LanguageCounts CountByCodePoint(std::string_view text) {
  const auto& tables = LanguageTables();
  scan::LanguageCounts counts;
  std::string word;
  auto end_word = [&] {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      for (std::string_view stopword : tables[t].stopwords) {
        if (!word.empty() && word == stopword) ++counts.stopwords[t];
      }
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = 0;
    const char32_t c = scan::DecodeAt(text, i, &next);
    i = next;
    const scan::Script script = scan::ScriptOf(c);
    if (script == scan::Script::kHan) ++counts.han;
    if (script == scan::Script::kCyrillic) ++counts.cyrillic;
    if (script == scan::Script::kArabic) ++counts.arabic;
    if (script == scan::Script::kLatin) {
      ++counts.latin;
      word += c < 0x80 ? static_cast<char>(c | 0x20) : '?';
    } else {
      end_word();
    }
  }
  end_word();
  return counts;
}

scan::StopwordIndex EveryStopword() {
  scan::StopwordIndex index;
  for (std::size_t t = 0; t < LanguageTables().size(); ++t) {
    for (std::string_view word : LanguageTables()[t].stopwords) index.Add(word, t);
  }
  return index;
}

std::string HexBytes(std::string_view text) {
  std::string out;
  char byte[4];
  for (char c : text) {
    std::snprintf(byte, sizeof byte, "%02x ", static_cast<unsigned char>(c));
    out += byte;
  }
  return out;
}

void ExpectCountsAndWorkAsPlain(std::string_view text, const scan::StopwordIndex& index) {
  scan::LanguageCounts counts;
  counts.latin = 5;  // added to, not replaced
  const scan::CleanWork work = scan::CleanWorkAndCount(text, index, counts);
  ASSERT_EQ(work, scan::CleanWorkFor(text)) << HexBytes(text);
  scan::LanguageCounts expected = CountByCodePoint(text);
  expected.latin += 5;
  ASSERT_EQ(counts.han, expected.han) << HexBytes(text);
  ASSERT_EQ(counts.latin, expected.latin) << HexBytes(text);
  ASSERT_EQ(counts.cyrillic, expected.cyrillic) << HexBytes(text);
  ASSERT_EQ(counts.arabic, expected.arabic) << HexBytes(text);
  ASSERT_EQ(counts.stopwords, expected.stopwords) << HexBytes(text);
}

// AddLine reads a paragraph once for the cleaning check and the language
// guess: both must come out as their plain computations, on texts of every
// script, white space, invisible characters and broken UTF-8, with ASCII
// runs across the eight-byte boundaries.
TEST(ScanCleanWorkAndCount, AgreesWithCleanWorkForAndCountingByCodePoint) {
  const scan::StopwordIndex index = EveryStopword();
  std::vector<std::string> pieces = kCleaningPieces;
  for (std::string piece : {"abcdefgh", "Study Group", "the", "THE", "Los ", "и", "Москва", "جدول",
                            "中文汉字", "截止日期", "〇", "\u3400", "\u3400中", " 中", "中 ",
                            "ITU-T", "x  y", "\t\t", "        "}) {
    pieces.push_back(piece);
  }
  for (const LanguageTable& table : LanguageTables()) {
    for (std::string_view stopword : table.stopwords) pieces.emplace_back(stopword);
  }
  std::mt19937 random(21);
  for (int n = 0; n < 200000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 12));
    ExpectCountsAndWorkAsPlain(text, index);
  }
  for (std::string_view text : {"",
                                " ",
                                "a",
                                "        ",
                                "abcdefgh",
                                " abcdefg",
                                "abcdefg ",
                                "abcdefgh ",
                                "abcdefgh  x",
                                "abcdefg  hijklmnop",
                                "abcdefgh\x01",
                                "中 文",
                                "\u3400 中",
                                "中中 \u3400",
                                "王 芳abc",
                                "\xe4\xb8",
                                "\xed\xa0\x80",
                                "\U0001F600",
                                "\ufffd",
                                "a\u200bb",
                                "\xef\xbb\xbfthe end"}) {
    ExpectCountsAndWorkAsPlain(text, index);
  }
}

// CleanWorkAndCount reads runs of three-byte characters apart: ideographs
// four bytes at a time, the rest through its class table, leaving Latin,
// Cyrillic and Arabic ones, overlong sequences and surrogates to the
// character loop. Runs of every length at every offset, ending at the end
// of the text or before a broken sequence, against the plain computations;
// and CleanWorkFor, which skips ideographs the same way, against CleanText.
TEST(ScanCleanWorkAndCount, ReadsRunsOfThreeByteCharactersAsByCodePoint) {
  const scan::StopwordIndex index = EveryStopword();
  // Han and beside it, the punctuation of Chinese text, the ideographic
  // space, Han marks, combining marks, jamo, Latin and Cyrillic and Arabic
  // letters of three bytes, invisible characters, other scripts, ASCII,
  // broken sequences, surrogates and overlong ones.
  std::vector<std::string> pieces;
  for (std::string_view piece :
       {"中", "文", "\u4e00", "\u9fff", "\u4dff", "\ua000", "\u3400", "\uf900"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece : {"，", "。", "、", "“", "”", "（", "）", "：", "《"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece :
       {"\u3000", "\u3005", "\u3007", "\u3021", "\u302a", "\u1100", "\ud7a3"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece :
       {"\uff21", "\uff41", "\u1e00", "\u2c60", "\uff10", "\ua640", "\u2de0", "\ufb50", "\ufe70"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece :
       {"\u0800", "\u0fff", "\ue000", "\ufeff", "\ufffd", "\u200b", "\u00ad"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece :
       {"é", "и", "ب", "\U00020000", "a", "x", "7", " ", "  ", "\t", "\n", "the", "la"}) {
    pieces.emplace_back(piece);
  }
  for (std::string_view piece : {"\xe4\xb8", "\xe4", "\xb8", "\xef\xbf", "\xf0\x9f", "\xff",
                                 "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\xaf", "\xe0\xa0\x80"}) {
    pieces.emplace_back(piece);
  }
  std::mt19937 random(34);
  int none = 0, white_space = 0;
  for (int n = 0; n < 200000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 16));
    ExpectCountsAndWorkAsPlain(text, index);
    switch (scan::CleanWorkFor(text)) {
      case scan::CleanWork::kNone:
        ++none;
        ASSERT_EQ(CleanText(text), text) << HexBytes(text);
        break;
      case scan::CleanWork::kWhiteSpace:
        ++white_space;
        ASSERT_EQ(scan::CollapseWhiteSpace(text), CleanText(text)) << HexBytes(text);
        break;
      case scan::CleanWork::kFull:
        break;
    }
  }
  EXPECT_GT(none, 100);
  EXPECT_GT(white_space, 100);
  // Long runs of ideographs, at every offset and length, with one other
  // character inside or after them.
  for (std::size_t offset = 0; offset < 4; ++offset) {
    for (std::size_t length = 0; length < 12; ++length) {
      for (std::string other : {"", "，", "a", " ", "\xe4\xb8", "\uff21", "\ua640", "\u3000"}) {
        std::string ideographs;
        for (std::size_t k = 0; k < length; ++k) ideographs += k % 2 == 0 ? "中" : "\u9fa5";
        const std::string text = std::string(offset, 'x') + ideographs + other + ideographs;
        ExpectCountsAndWorkAsPlain(text, index);
        ExpectCountsAndWorkAsPlain(text.substr(0, text.size() - 1), index);
      }
    }
  }
}

// Every bullet tried in turn, as before the first-byte test.
TEST(ScanBullets, StripBulletAgreesWithTryingEveryBullet) {
  std::mt19937 random(9);
  const std::vector<std::string> pieces = {"·",  "•", "-",  "–",    "—",        "▪",      "■",
                                           "○",  "●", "◦",  "*",    "‒",        "・",     " ",
                                           "\t", "a", "中", "\xe2", "\xef\x82", "\uF0B7", "\uF0A7"};
  for (int n = 0; n < 50000; ++n) {
    const std::string text = RandomText(random, pieces, static_cast<int>(random() % 6));
    std::string_view rest = scan::Trim(text);
    std::size_t length = 0;
    for (std::string_view bullet :
         {"·", "•", "-", "–", "—", "▪", "■", "○", "●", "◦", "*", "\uF0B7", "\uF0A7", "‒", "・"}) {
      if (rest.substr(0, bullet.size()) == bullet) {
        length = bullet.size();
        break;
      }
    }
    const bool separated = length > 0 && (length == rest.size() || rest[length] == ' ' ||
                                          rest[length] == '\t' || rest.substr(0, length) != "-");
    bool bulleted = false;
    const std::string_view got = scan::StripBullet(text, &bulleted);
    ASSERT_EQ(bulleted, separated) << text;
    ASSERT_EQ(got, separated ? scan::Trim(rest.substr(length)) : rest) << text;
  }
}

// "‒" (figure dash), "・" (katakana middle dot, common in CJK lists) and
// Word's private-use symbol bullets start list items like "•" does.
TEST(ScanBullets, FigureDashMiddleDotAndSymbolFontBulletsAreBullets) {
  for (const std::string bullet : {"‒", "・", "\uF0B7", "\uF0A7"}) {
    bool bulleted = false;
    EXPECT_EQ(scan::StripBullet(bullet + " 开幕", &bulleted), "开幕") << bullet;
    EXPECT_TRUE(bulleted) << bullet;
    EXPECT_TRUE(scan::IsBulletOnly(bullet)) << bullet;
  }
  bool bulleted = true;
  EXPECT_EQ(scan::StripBullet("开幕・闭幕", &bulleted), "开幕・闭幕");
  EXPECT_FALSE(bulleted);
}

// ---- Other languages: what a French, Spanish, Russian or Arabic reader
// writes the same letter with ----

TEST(ScanSentences, AStopBeforeANumberOrALowerCaseWordEndsNoSentence) {
  auto texts = [](std::string_view text) {
    std::vector<std::string> out;
    for (const scan::Piece& piece : scan::Sentences(text)) {
      out.emplace_back(text.substr(piece.begin, piece.end - piece.begin));
    }
    return out;
  };
  EXPECT_EQ(
      texts("Собрание откроется в 11 час. 00 мин. по женевскому времени."),
      std::vector<std::string>{"Собрание откроется в 11 час. 00 мин. по женевскому времени."});
  EXPECT_EQ(
      texts("The session runs from 11 a.m. to 1 p.m. Register first."),
      (std::vector<std::string>{"The session runs from 11 a.m. to 1 p.m.", " Register first."}));
  // Unchanged: a capital, a non-cased script or a CJK stop after it.
  EXPECT_EQ(texts("Prepared by Sr. Nasser. Thanks."),
            (std::vector<std::string>{"Prepared by Sr.", " Nasser.", " Thanks."}));
  EXPECT_EQ(texts("الاجتماع. سيبدأ"), (std::vector<std::string>{"الاجتماع.", " سيبدأ"}));
  EXPECT_EQ(texts("会议开始。请注册。"), (std::vector<std::string>{"会议开始。", "请注册。"}));
}

TEST(Deadlines, FrenchAndRussianHeadingsInLowerCaseOpenTheSection) {
  LetterRecord fr = RecognizeBlocks({
      Para("Réf.:\tLettre collective 11/20 du TSB"),
      Para("Madame, Monsieur,"),
      Para("Principales dates limites:"),
      Para("17 mars 2021\t–\tSoumission des contributions pour lesquelles une traduction est "
           "demandée"),
      Para("16 avril 2021\t–\tInscription (au moyen du formulaire en ligne)"),
      Para("Des informations pratiques figurent dans l'Annexe A."),
  });
  ASSERT_EQ(fr.deadlines.size(), 2u);
  EXPECT_EQ(fr.deadlines[0].date, "2021-03-17");
  EXPECT_EQ(fr.deadlines[0].text,
            "Soumission des contributions pour lesquelles une traduction est demandée");
  EXPECT_EQ(fr.deadlines[1].date, "2021-04-16");
  EXPECT_EQ(fr.deadlines[1].text, "Inscription (au moyen du formulaire en ligne)");

  LetterRecord ru = RecognizeBlocks({
      Para("Осн.:\tКоллективное письмо БСЭ 11/20"),
      Para("Уважаемая госпожа, уважаемый господин,"),
      Para("Основные предельные сроки:"),
      Para("17 марта 2021 г.\t–\tПредставление вкладов Членов МСЭ-Т"),
      Para("Просим также принять к сведению следующее:"),
  });
  ASSERT_EQ(ru.deadlines.size(), 1u);
  EXPECT_EQ(ru.deadlines[0].date, "2021-03-17");
  EXPECT_EQ(ru.deadlines[0].text, "Представление вкладов Членов МСЭ-Т");

  // Unchanged: a date-led line with no deadlines heading above it.
  LetterRecord none = RecognizeBlocks({
      Para("Réf.:\tLettre collective 11/20 du TSB"),
      Para("Madame, Monsieur,"),
      Para("Rappel:"),
      Para("17 mars 2021\t–\tSoumission des contributions"),
  });
  EXPECT_TRUE(none.deadlines.empty());
}

TEST(Reference, RussianAndArabicAddendaNameTheirLetterInAnotherCase) {
  auto key_of = [](std::string reference_line, std::string salutation) {
    LetterRecord record = RecognizeBlocks({Para(reference_line), Para(salutation)});
    return record.letter->reference ? record.letter->reference->key : std::nullopt;
  };
  EXPECT_EQ(key_of("Осн.:\tДобавление 1 к Коллективному письму БСЭ 11/20",
                   "Уважаемая госпожа, уважаемый господин,"),
            "Addendum 1 to TSB Collective Letter 11/20");
  EXPECT_EQ(key_of("المرجع:\tالإضافة 1 للرسالة الجماعية 11/20 لمكتب تقييس الاتصالات",
                   "حضرات السادة والسيدات،"),
            "Addendum 1 to TSB Collective Letter 11/20");
  EXPECT_EQ(key_of("المرجع:\tالتصويب 1 للرسالة المعممة 300 لمكتب تقييس الاتصالات",
                   "حضرات السادة والسيدات،"),
            "Corrigendum 1 to TSB Circular 300");
  // Unchanged: the nominative forms.
  EXPECT_EQ(
      key_of("Осн.:\tКоллективное письмо БСЭ 11/20", "Уважаемая госпожа, уважаемый господин,"),
      "TSB Collective Letter 11/20");
  EXPECT_EQ(key_of("Осн.:\tЦиркуляр БСЭ 300", "Уважаемая госпожа, уважаемый господин,"),
            "TSB Circular 300");
  EXPECT_EQ(
      key_of("المرجع:\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات", "حضرات السادة والسيدات،"),
      "TSB Collective Letter 11/20");
}

TEST(Meeting, RussianOpeningWithMinutesAndAtHeadquarters) {
  LetterRecord record = RecognizeBlocks({
      Para("Осн.:\tКоллективное письмо БСЭ 5/13"),
      Para("Предмет:\tСобрание 13-й Исследовательской комиссии, Женева, 4–15 июля 2022 года"),
      Para("Уважаемая госпожа, уважаемый господин,"),
      Para("Собрание 13-й Исследовательской комиссии состоится в штаб-квартире МСЭ в Женеве с 4 "
           "по 15 июля 2022 года."),
      Para("Собрание откроется в 09 час. 30 мин. по женевскому времени в первый день."),
  });
  ASSERT_TRUE(record.meeting);
  EXPECT_EQ(record.meeting->body_key, "ITU-T SG13");
  EXPECT_EQ(record.meeting->start, "2022-07-04");
  EXPECT_EQ(record.meeting->end, "2022-07-15");
  EXPECT_EQ(record.meeting->mode, "in-person");
  EXPECT_EQ(record.meeting->opening, "2022-07-04T09:30:00+02:00");
  EXPECT_EQ(record.meeting->timezone, "Europe/Zurich");
}

// A working party named with its study group is that group's working party,
// whichever comes first; a study group and a working party of another kind
// of phrase ("and") stay apart, and a number with its group is kept.
TEST(Meeting, AWorkingPartyNamedWithItsStudyGroup) {
  auto body_of = [](std::string subject, std::string invitation) {
    const bool zh = subject.find("研究组") != std::string::npos;
    LetterRecord record = RecognizeBlocks({
        Para(zh ? "文号：\t电信标准化局第5/17号集体函" : "Ref:\tTSB Collective letter 5/17"),
        Para((zh ? "事由：\t" : "Subject:\t") + subject),
        Para(zh ? "尊敬的先生/女士：" : "Dear Sir/Madam,"),
        Para(std::move(invitation)),
    });
    return record.meeting ? std::pair{record.meeting->body, record.meeting->body_key.value_or("")}
                          : std::pair<std::string, std::string>{};
  };
  EXPECT_EQ(body_of("第17研究组第2工作组会议，2022年4月20-29日，日内瓦",
                    "我谨邀请您参加将于2022年4月20日至29日在日内瓦举行的会议。"),
            (std::pair<std::string, std::string>{"第17研究组第2工作组", "ITU-T WP2/17"}));
  EXPECT_EQ(body_of("第17研究组的第2工作组会议，2022年4月20-29日，日内瓦",
                    "我谨邀请您参加将于2022年4月20日至29日在日内瓦举行的会议。")
                .second,
            "ITU-T WP2/17");
  EXPECT_EQ(
      body_of("Meeting of Working Party 2 of Study Group 17, Geneva, 20-29 April 2022",
              "I am pleased to invite you to the meeting to be held in Geneva from 20 to 29 "
              "April 2022."),
      (std::pair<std::string, std::string>{"Working Party 2 of Study Group 17", "ITU-T WP2/17"}));
  EXPECT_EQ(body_of("Study Group 13 WP3 meeting, Geneva, 20-29 April 2022",
                    "I am pleased to invite you to the meeting to be held in Geneva from 20 to 29 "
                    "April 2022.")
                .second,
            "ITU-T WP3/13");
  auto key_of = [](std::string subject) {
    LetterRecord record = RecognizeBlocks(
        {Para("Ref:\tTSB Collective letter 5/17"), Para("Subject:\t" + subject),
         Para("Dear Sir/Madam,"),
         Para("I am pleased to invite you to the meeting to be held in Geneva from 20 to 29 "
              "April 2022.")});
    return record.meeting ? record.meeting->body_key.value_or("") : "";
  };
  EXPECT_EQ(key_of("Réunion du Groupe de travail 2 de la Commission d'études 17"), "ITU-T WP2/17");
  EXPECT_EQ(key_of("Reunión del Grupo de Trabajo 2 de la Comisión de Estudio 17"), "ITU-T WP2/17");
  EXPECT_EQ(key_of("Собрание Рабочей группы 2 17-й Исследовательской комиссии"), "ITU-T WP2/17");
  EXPECT_EQ(key_of("Study Group 17 Working Party 2/17 meeting"), "ITU-T SG17");
  // Unchanged: groups joined by "and", and a working party with its own number.
  EXPECT_EQ(body_of("Study Group 17 and Working Party 2, Geneva, 20-29 April 2022",
                    "I am pleased to invite you to the meetings to be held in Geneva from 20 to "
                    "29 April 2022.")
                .second,
            "ITU-T SG17");
  EXPECT_EQ(body_of("Study Group 17, Working Party 2/17 meeting, Geneva, 20-29 April 2022",
                    "I am pleased to invite you to the meeting to be held in Geneva from 20 to 29 "
                    "April 2022.")
                .second,
            "ITU-T SG17");
  EXPECT_EQ(body_of("第17研究组会议，2022年4月20-29日，日内瓦",
                    "我谨邀请您参加将于2022年4月20日至29日在日内瓦举行的会议。"),
            (std::pair<std::string, std::string>{"第17研究组", "ITU-T SG17"}));
}

TEST(Meeting, ArabicOpeningVerbAndHeadquarters) {
  LetterRecord record = RecognizeBlocks({
      Para("المرجع:\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات"),
      Para("الموضوع:\tاجتماع لجنة الدراسات 20، جنيف، 17-27 مايو 2021"),
      Para("حضرات السادة والسيدات،"),
      Para("يسرني أن أدعوكم إلى اجتماع لجنة الدراسات 20 الذي سيعقد في مقر الاتحاد في جنيف في "
           "الفترة من 17 إلى 27 مايو 2021."),
      Para("وسيبدأ الاجتماع في الساعة 09:30 (بتوقيت جنيف) في اليوم الأول."),
  });
  ASSERT_TRUE(record.meeting);
  EXPECT_EQ(record.meeting->body_key, "ITU-T SG20");
  EXPECT_EQ(record.meeting->mode, "in-person");
  EXPECT_EQ(record.meeting->opening, "2021-05-17T09:30:00+02:00");
  EXPECT_EQ(record.meeting->timezone, "Europe/Zurich");
  EXPECT_TRUE(record.events.empty());  // the opening is not an event

  // Unchanged: a virtual meeting stays virtual.
  LetterRecord virtual_meeting = RecognizeBlocks({
      Para("الموضوع:\tاجتماع افتراضي للجنة الدراسات 20، من 17 إلى 27 مايو 2021"),
      Para("حضرات السادة والسيدات،"),
  });
  ASSERT_TRUE(virtual_meeting.meeting);
  EXPECT_EQ(virtual_meeting.meeting->mode, "virtual");
}

TEST(Events, RussianTimeRangeInHoursAndMinutes) {
  LetterRecord record = RecognizeBlocks({
      Para("Осн.:\tКоллективное письмо БСЭ 11/20"),
      Para("Уважаемая госпожа, уважаемый господин,"),
      Para("-\tБрифинг для новых делегатов состоится 21 апреля 2021 года с 11 час. 00 мин. до 13 "
           "час. 00 мин. по женевскому времени в виртуальном формате."),
  });
  ASSERT_EQ(record.events.size(), 1u);
  EXPECT_EQ(record.events[0].title, "Брифинг для новых делегатов");
  EXPECT_EQ(record.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(record.events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(record.events[0].timezone, "Europe/Zurich");
  EXPECT_FALSE(HasWarning(record, "timezone-not-stated"));
}

TEST(Events, TitleAfterTheMarkerWhenOnlyTheDateStandsBeforeIt) {
  LetterRecord ar = RecognizeBlocks({
      Para("المرجع:\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات"),
      Para("حضرات السادة والسيدات،"),
      Para("-\tستعقد جلسة إحاطة للمندوبين الجدد في 21 أبريل 2021 من الساعة 11:00 إلى الساعة "
           "13:00 (بتوقيت جنيف) بشكل افتراضي."),
  });
  ASSERT_EQ(ar.events.size(), 1u);
  EXPECT_EQ(ar.events[0].title, "جلسة إحاطة للمندوبين الجدد");
  EXPECT_EQ(ar.events[0].date, "2021-04-21");
  EXPECT_EQ(ar.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(ar.events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(ar.events[0].timezone, "Europe/Zurich");

  LetterRecord es = RecognizeBlocks({
      Para("Ref.:\tCarta Colectiva TSB 11/20"),
      Para("Muy Señora mía/Muy Señor mío:"),
      Para("-\tEl 21 de abril de 2021 tendrá lugar una sesión informativa virtual para los nuevos "
           "delegados, de 11.00 a 13.00 horas (hora de Ginebra)."),
      // Unchanged: a title before the marker.
      Para("-\tUn foro virtual sobre las ciudades se celebrará el 22 de abril de 2021."),
  });
  ASSERT_EQ(es.events.size(), 2u);
  EXPECT_EQ(es.events[0].title, "una sesión informativa virtual para los nuevos delegados");
  EXPECT_EQ(es.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(es.events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(es.events[1].title, "Un foro virtual sobre las ciudades");
  EXPECT_EQ(es.events[1].date, "2021-04-22");
}

TEST(Events, ArabicMarkersWithVowelMarksTheConjunctionOrOpeningTheParagraph) {
  LetterRecord record = RecognizeBlocks({
      Para("المرجع:\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات"),
      Para("حضرات السادة والسيدات،"),
      Para("-\tستُعقد جلسة إحاطة للمندوبين الجدد في 21 أبريل 2021 من الساعة 11:00 إلى الساعة "
           "13:00 (بتوقيت جنيف) بشكل افتراضي."),
      Para("وسيعقد منتدى افتراضي حول المدن في 22 أبريل 2021."),
      Para("ستعقد ورشة عمل في 23 أبريل 2021."),
      Para("يرجى ملاحظة ما يلي. وسيُعقد مؤتمر للشباب في 24 أبريل 2021."),
  });
  ASSERT_EQ(record.events.size(), 4u);
  EXPECT_EQ(record.events[0].title, "جلسة إحاطة للمندوبين الجدد");
  EXPECT_EQ(record.events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(record.events[1].title, "منتدى افتراضي حول المدن");
  EXPECT_EQ(record.events[1].date, "2021-04-22");
  EXPECT_EQ(record.events[2].title, "ورشة عمل");
  EXPECT_EQ(record.events[2].date, "2021-04-23");
  EXPECT_EQ(record.events[3].title, "مؤتمر للشباب");
  EXPECT_EQ(record.events[3].date, "2021-04-24");
  // The text is as written, vowel marks included.
  EXPECT_EQ(record.events[3].text, "يرجى ملاحظة ما يلي. وسيُعقد مؤتمر للشباب في 24 أبريل 2021.");

  // Unchanged: text without marks, a title before the marker, and a dated
  // sentence with no marker.
  LetterRecord plain = RecognizeBlocks({
      Para("المرجع:\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات"),
      Para("حضرات السادة والسيدات،"),
      Para("-\tستعقد جلسة إحاطة للمندوبين الجدد في 21 أبريل 2021."),
      Para("منتدى المدن الذي سيعقد في 22 أبريل 2021 مفتوح للجميع."),
      Para("يجب تقديم طلبات التأشيرة في موعد أقصاه 1 أبريل 2021."),
  });
  ASSERT_EQ(plain.events.size(), 2u);
  EXPECT_EQ(plain.events[0].title, "جلسة إحاطة للمندوبين الجدد");
  EXPECT_EQ(plain.events[1].title, "منتدى المدن الذي");
}

TEST(ScanArabicMarks, FindSkipsVowelMarksOnlyWhereTheTextHasThem) {
  std::size_t end = 0;
  const std::string text = "الذي سيُعقدُ في";
  EXPECT_TRUE(scan::HasArabicMarks(text));
  EXPECT_EQ(scan::WithoutArabicMarks(text), "الذي سيعقد في");
  EXPECT_EQ(scan::FindSkippingArabicMarks(text, " سيعقد", 0, &end), std::string("الذي").size());
  EXPECT_EQ(text.substr(end), " في");
  EXPECT_FALSE(scan::HasArabicMarks("الذي سيعقد في"));
  EXPECT_FALSE(scan::HasArabicMarks("Уважаемая госпожа"));
  EXPECT_EQ(scan::FindSkippingArabicMarks("abc abd", "abd", 0, &end), 4u);
  EXPECT_EQ(end, 7u);
  EXPECT_EQ(scan::FindSkippingArabicMarks("سيعقد", "ستعقد", 0, &end), std::string::npos);
}

TEST(Salutation, RussianSalutationOverTwoParagraphs) {
  LetterRecord record = RecognizeBlocks({
      Para("Осн.:\tКоллективное письмо БСЭ 11/20"),
      Para("Предмет:\tВиртуальное собрание 20-й Исследовательской комиссии МСЭ-Т"),
      Para("Уважаемая госпожа,"),
      Para("уважаемый господин,"),
      Para("Имею честь пригласить вас на собрание 20-й Исследовательской комиссии, которое "
           "будет проведено в виртуальном формате с 17 по 27 мая 2021 года."),
  });
  EXPECT_EQ(record.letter->salutation, "Уважаемая госпожа, уважаемый господин,");
  ASSERT_TRUE(record.meeting);
  EXPECT_EQ(record.meeting->start, "2021-05-17");
  EXPECT_EQ(record.meeting->end, "2021-05-27");

  // Unchanged: on one line, and a first body paragraph is never taken, in
  // upper case or ending as a sentence does.
  auto salutation_of = [](std::vector<Block> blocks) {
    return RecognizeBlocks(std::move(blocks)).letter->salutation;
  };
  EXPECT_EQ(salutation_of({Para("Уважаемая госпожа, уважаемый господин,"),
                           Para("имею честь пригласить вас на собрание.")}),
            "Уважаемая госпожа, уважаемый господин,");
  EXPECT_EQ(salutation_of({Para("Уважаемая госпожа,"), Para("имею честь пригласить вас.")}),
            "Уважаемая госпожа,");
  EXPECT_EQ(salutation_of({Para("Réf.:\tCirculaire TSB 300"), Para("Madame, Monsieur,"),
                           Para("J'ai l'honneur de vous inviter à la réunion de la commission,")}),
            "Madame, Monsieur,");
  EXPECT_EQ(salutation_of({Para("Dear Sir/Madam,"), Para("I am pleased to invite you.")}),
            "Dear Sir/Madam,");
  EXPECT_EQ(salutation_of({Para("حضرات السادة والسيدات،"), Para("يسرني أن أدعوكم،")}),
            "حضرات السادة والسيدات،");
}

TEST(Signature, TitleOverTwoLinesOfATextExport) {
  auto signature_of = [](std::string language, std::vector<std::string> after_closing) {
    std::vector<Block> blocks;
    if (language == "ru") {
      blocks = {Para("Осн.:\tЦиркуляр БСЭ 300"), Para("Уважаемая госпожа, уважаемый господин,"),
                Para("Просим ответить не позднее 1 апреля 2021 года."), Para("С уважением,")};
    } else if (language == "fr") {
      blocks = {Para("Réf.:\tCirculaire TSB 300"), Para("Madame, Monsieur,"),
                Para("Je vous prie de répondre pour le 1er avril 2021 et de noter les dates."),
                Para("Veuillez agréer, Madame, Monsieur, l'assurance de ma considération.")};
    } else {
      blocks = {Para("Ref:\tTSB Circular 300"), Para("Dear Sir/Madam,"),
                Para("Please reply by 1 April 2021."), Para("Yours faithfully,")};
    }
    for (std::string& text : after_closing) blocks.push_back(Para(std::move(text)));
    return RecognizeBlocks(std::move(blocks)).letter->signature;
  };
  auto ru = signature_of(
      "ru", {"(подпись)", "Чхе Суб Ли", "Директор Бюро стандартизации", "электросвязи"});
  ASSERT_TRUE(ru);
  EXPECT_EQ(ru->name, "Чхе Суб Ли");
  EXPECT_EQ(ru->title, "Директор Бюро стандартизации электросвязи");
  auto fr = signature_of(
      "fr", {"Chaesub Lee", "Directeur du Bureau de la normalisation", "des télécommunications"});
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->title, "Directeur du Bureau de la normalisation des télécommunications");
  // Title first: its second line is not the name.
  auto first = signature_of(
      "fr", {"Directeur du Bureau de la normalisation", "des télécommunications", "Chaesub Lee"});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->name, "Chaesub Lee");
  EXPECT_EQ(first->title, "Directeur du Bureau de la normalisation des télécommunications");

  // English: a title case title cut after "of the", its name above it.
  auto en = signature_of(
      "en", {"Chaesub Lee", "Director of the Telecommunication", "Standardization Bureau"});
  ASSERT_TRUE(en);
  EXPECT_EQ(en->name, "Chaesub Lee");
  EXPECT_EQ(en->title, "Director of the Telecommunication Standardization Bureau");
  // With the name below the title, the paragraph after it is the name.
  auto name_below = signature_of("en", {"Director of TSB", "Seizo Onoe"});
  ASSERT_TRUE(name_below);
  EXPECT_EQ(name_below->name, "Seizo Onoe");
  EXPECT_EQ(name_below->title, "Director of TSB");
  // A line with a number or an address goes on no title.
  auto contact = signature_of(
      "en", {"Chaesub Lee", "Director of the Telecommunication", "Tel +41 22 730 5111"});
  ASSERT_TRUE(contact);
  EXPECT_EQ(contact->title, "Director of the Telecommunication");

  // Unchanged: a line after a title that ends a sentence, or one in upper case.
  auto ended = signature_of("en", {"Chaesub Lee", "Director, TSB.", "see the annex"});
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->title, "Director, TSB.");
  auto upper =
      signature_of("en", {"Chaesub Lee", "Director", "Telecommunication Standardization Bureau"});
  ASSERT_TRUE(upper);
  EXPECT_EQ(upper->title, "Director");
}

// Layout variations of real letters: the same content as Word lays it out
// in other ways.

// A weekday beside the date of a date-led deadline, on the date's own line
// or on the next line of the date cell, is layout of the date, not the action.
TEST(Deadlines, AWeekdayBesideTheDateIsNoPartOfTheAction) {
  LetterRecord table = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("重要截止日期："),
      TableOf({{{"日期"}, {"事项"}},
               {{"2023年4月5日\n（星期三）"}, {"提交需要翻译的ITU-T成员文稿"}},
               {{"2023年4月21日", "（星期五）"}, {"提交与会补贴申请"}},
               {{"2023年5月26日"}, {"提交ITU-T成员文稿"}}}),
  });
  ASSERT_EQ(table.deadlines.size(), 3u);
  EXPECT_EQ(table.deadlines[0].date, "2023-04-05");
  EXPECT_EQ(table.deadlines[0].text, "提交需要翻译的ITU-T成员文稿");
  EXPECT_EQ(table.deadlines[1].date, "2023-04-21");
  EXPECT_EQ(table.deadlines[1].text, "提交与会补贴申请");
  EXPECT_EQ(table.deadlines[2].text, "提交ITU-T成员文稿");

  LetterRecord lines = RecognizeBlocks({
      Para("Ref:\tTSB Circular 301"),
      Para("Dear Sir/Madam,"),
      Para("Important deadlines:"),
      Para("5 April 2023 (Wednesday)\t–\tSubmission of contributions"),
      Para("21 April 2023\t–\tFellowship requests"),
  });
  ASSERT_EQ(lines.deadlines.size(), 2u);
  EXPECT_EQ(lines.deadlines[0].date, "2023-04-05");
  EXPECT_EQ(lines.deadlines[0].text, "Submission of contributions");
  EXPECT_EQ(lines.deadlines[1].text, "Fellowship requests");

  // A bracket after the date that is no weekday stays in the action.
  LetterRecord kept = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("重要截止日期："),
      Para("2023年4月5日\t–\t（可选）提交需要翻译的ITU-T成员文稿"),
  });
  ASSERT_EQ(kept.deadlines.size(), 1u);
  EXPECT_EQ(kept.deadlines[0].text, "（可选）提交需要翻译的ITU-T成员文稿");
}

// An agenda table whose first cell holds the title, numbered by Word's
// automatic numbering ("%1", "%1.%2"), with the documents in the next cell.
TEST(Agenda, WordNumberedTitleCellWithDocumentsBeside) {
  Block table = TableOf({{{"会议开幕"}, {""}},
                         {{"通过议程"}, {"TD 1"}},
                         {{"工作组的报告", "各工作组主席报告"}, {""}},
                         {{"1/5工作组的报告"}, {"TD 10, TD 11"}},
                         {{"会议闭幕"}, {"请与会者事先阅读报告。"}}});
  const char* labels[] = {"1", "2", "3", "3.1", "4"};
  for (std::size_t r = 0; r < 5; ++r) {
    table.table.rows[r].cells[0].blocks[0].paragraph.list_label = labels[r];
  }
  LetterRecord record = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      table,
  });
  ASSERT_TRUE(record.agenda);
  const auto& items = record.agenda->items;
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].number, "1");
  EXPECT_EQ(items[0].title, "会议开幕");
  EXPECT_TRUE(items[0].documents.empty());
  EXPECT_EQ(items[1].documents, std::vector<std::string>{"TD 1"});
  EXPECT_EQ(items[2].title, "工作组的报告\n各工作组主席报告");
  EXPECT_EQ(items[3].number, "3.1");
  EXPECT_EQ(items[3].level, 2);
  EXPECT_EQ(items[3].parent, "3");
  EXPECT_EQ(items[3].title, "1/5工作组的报告");
  EXPECT_EQ(items[3].documents, (std::vector<std::string>{"TD 10", "TD 11"}));
  EXPECT_EQ(items[4].notes, "请与会者事先阅读报告。");

  // Bulleted first cells are no items: a bullet is no number.
  Block bullets = TableOf({{{"会议开幕"}, {"TD 1"}}, {{"会议闭幕"}, {""}}});
  for (auto& row : bullets.table.rows) row.cells[0].blocks[0].paragraph.list_label = "•";
  LetterRecord none = RecognizeBlocks({
      Para("尊敬的先生/女士："),
      Para("附件B"),
      Para("议程草案"),
      bullets,
  });
  EXPECT_TRUE(!none.agenda || none.agenda->items.empty());
}

// A deadlines table whose date cell is merged down over two actions (the
// continuation cell holds no paragraph) or left blank under a date: each row
// is a deadline by the date above; the rows after it are still read.
TEST(Deadlines, ARowUnderAMergedOrBlankDateCellTakesTheDateAbove) {
  Block merged = TableOf({{{"2023年4月5日"}, {"提交需要翻译的ITU-T成员文稿"}},
                          {{"x"}, {"提交与会补贴申请"}},
                          {{""}, {"提交签证申请"}},
                          {{"2023年5月26日"}, {"提交ITU-T成员文稿"}}});
  merged.table.rows[1].cells[0].blocks.clear();  // as extract reads <w:vMerge/>
  LetterRecord record = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("重要截止日期："),
      merged,
  });
  ASSERT_EQ(record.deadlines.size(), 4u);
  EXPECT_EQ(record.deadlines[0].date, "2023-04-05");
  EXPECT_EQ(record.deadlines[1].date, "2023-04-05");
  EXPECT_EQ(record.deadlines[1].text, "提交与会补贴申请");
  EXPECT_EQ(record.deadlines[2].date, "2023-04-05");
  EXPECT_EQ(record.deadlines[2].text, "提交签证申请");
  EXPECT_EQ(record.deadlines[3].date, "2023-05-26");
  EXPECT_EQ(record.deadlines[3].text, "提交ITU-T成员文稿");

  // No dated row above: a blank date cell borrows nothing.
  LetterRecord undated = RecognizeBlocks({
      Para("文号：\t电信标准化局第301号通函"),
      Para("尊敬的先生/女士："),
      Para("重要截止日期："),
      TableOf({{{"日期"}, {"事项"}},
               {{""}, {"提交与会补贴申请"}},
               {{"2023年5月26日"}, {"提交ITU-T成员文稿"}}}),
  });
  for (const Deadline& deadline : undated.deadlines) EXPECT_NE(deadline.text, "提交与会补贴申请");
}

// The action first and the date alone in the last cell, under a header row.
TEST(Deadlines, ATableWithTheDateInTheLastColumn) {
  LetterRecord record = RecognizeBlocks({
      Para("Ref:\tTSB Circular 301"),
      Para("Dear Sir/Madam,"),
      Para("Important deadlines:"),
      TableOf({{{"Action"}, {"Deadline"}},
               {{"Submission of contributions"}, {"5 April 2023 (Wednesday)"}},
               {{"Fellowship requests", "(by e-mail)"}, {"21 April 2023"}},
               {{"Registration"}, {"before 26 May 2023"}}}),
      Para("The meeting will discuss 3 Recommendations:"),
      TableOf({{{"ITU-T K.100"}, {"12 May 2023"}}}),
  });
  ASSERT_EQ(record.deadlines.size(), 3u);
  EXPECT_EQ(record.deadlines[0].date, "2023-04-05");
  EXPECT_EQ(record.deadlines[0].text, "Submission of contributions");
  EXPECT_EQ(record.deadlines[1].date, "2023-04-21");
  EXPECT_EQ(record.deadlines[1].text, "Fellowship requests (by e-mail)");
  // A last cell that is more than a date is read as a sentence, as before;
  // a date-ended table after the section closed gives none.
  EXPECT_EQ(record.deadlines[2].date, "2023-05-26");
  EXPECT_EQ(record.deadlines[2].text, "Registration before 26 May 2023");
}

// ReadMentions reads a line for Recommendations only when it holds a '.',
// and for URLs only when it holds a '.' or a ':': every identifier
// FindRecommendations reads and every URL FindUrls reads holds one. Random
// texts of URL and identifier pieces, with the dots and colons of other
// scripts in place of the ASCII ones.
TEST(Mentions, NoneInALineWithoutAnAsciiDotOrColon) {
  scan::RecommendationWords words;  // every table's, as the recognizer joins them
  for (const LanguageTable& table : LanguageTables()) {
    for (const Phrase& sector : table.sectors)
      words.sectors.emplace_back(sector.text, sector.value);
    words.before.insert(words.before.end(), table.recommendation_before.begin(),
                        table.recommendation_before.end());
    words.after.insert(words.after.end(), table.recommendation_after.begin(),
                       table.recommendation_after.end());
  }
  const std::vector<std::string> pieces = {"http",
                                           "https",
                                           "HTTP",
                                           "://",
                                           ":",
                                           "：",
                                           "//",
                                           "www",
                                           "WWW",
                                           ".",
                                           "．",
                                           "。",
                                           "itu",
                                           "int",
                                           "/en",
                                           "ITU-T ",
                                           "UIT-T ",
                                           "МСЭ-Т ",
                                           "Recommendation ",
                                           "建议书",
                                           "Y",
                                           "H",
                                           "X",
                                           "4471",
                                           "264",
                                           " ",
                                           "主页",
                                           "www.itu.int",
                                           "http://itu.int",
                                           "Y.4471",
                                           "H.264"};
  std::mt19937 random(61);
  int with_mentions = 0, without_marks = 0;
  for (int n = 0; n < 50000; ++n) {
    std::string text;
    for (int i = 0, count = static_cast<int>(random() % 10); i < count; ++i) {
      text += pieces[random() % pieces.size()];
    }
    std::vector<std::string> recommendations;
    scan::FindRecommendations(text, words, recommendations);
    const std::vector<scan::UrlMatch> urls = scan::FindUrls(text);
    const bool dot = text.find('.') != std::string::npos;
    const bool colon = text.find(':') != std::string::npos;
    if (!dot) {
      ASSERT_TRUE(recommendations.empty()) << text;
    }
    if (!dot && !colon) {
      ASSERT_TRUE(urls.empty()) << text;
      ++without_marks;
    }
    with_mentions += !recommendations.empty() || !urls.empty() ? 1 : 0;
  }
  EXPECT_GT(with_mentions, 10000);
  EXPECT_GT(without_marks, 10000);
}

}  // namespace
}  // namespace missive
