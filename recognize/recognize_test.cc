// Focused recognizer cases on small documents built in code: what each rule
// finds, and what it must not invent.
#include "recognize/recognize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/normalize.h"

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
  EXPECT_EQ(record.letter->copies,
            (std::vector<std::string>{"第9研究组主席", "电信发展局主任"}));
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

}  // namespace
}  // namespace missive
