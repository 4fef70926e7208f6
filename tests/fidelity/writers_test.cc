// Documents written by pandoc and by LibreOffice (writers/, with the commands
// that made them in writers/README.md): the model each gives, and the record.
// Every expected value below is read from the source documents
// writers/pandoc-letter.md and writers/libreoffice-letter.fodt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/convert.h"
#include "extract/extract.h"
#include "tests/fidelity/fidelity_lines.h"

namespace missive::fidelity {
namespace {

Document Read(const std::string& name, bool accept_changes = true) {
  ExtractOptions options;
  options.accept_changes = accept_changes;
  Result<Document> result = Extract(ReadFile(kFidelity / "writers" / name), name, options);
  EXPECT_TRUE(result.ok()) << name << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : Document{};
}

std::vector<const Paragraph*> Paragraphs(const std::vector<Block>& blocks) {
  std::vector<const Paragraph*> paragraphs;
  for (const Block& block : blocks) {
    if (block.kind == Block::Kind::kParagraph) paragraphs.push_back(&block.paragraph);
  }
  return paragraphs;
}

std::vector<std::string> Texts(const std::vector<Block>& blocks) {
  std::vector<std::string> texts;
  for (const Block& block : blocks) {
    texts.push_back(block.kind == Block::Kind::kParagraph ? block.paragraph.text : "<table>");
  }
  return texts;
}

// Each cell's paragraphs joined with "|".
std::vector<std::vector<std::string>> Grid(const Table& table) {
  std::vector<std::vector<std::string>> grid;
  for (const TableRow& row : table.rows) {
    std::vector<std::string>& cells = grid.emplace_back();
    for (const TableCell& cell : row.cells) {
      std::string text;
      for (const Block& block : cell.blocks) {
        if (!text.empty()) text += "|";
        text += block.kind == Block::Kind::kParagraph ? block.paragraph.text : "<table>";
      }
      cells.push_back(text);
    }
  }
  return grid;
}

// "label text" for the listed paragraphs of `blocks`, in order.
std::vector<std::string> ListItems(const std::vector<Block>& blocks) {
  std::vector<std::string> items;
  for (const Paragraph* paragraph : Paragraphs(blocks)) {
    if (!paragraph->list_label.empty()) {
      items.push_back(paragraph->list_label + " " + paragraph->text + " @" +
                      std::to_string(paragraph->list_level));
    }
  }
  return items;
}

bool AnyBodyTextContains(const Document& document, std::string_view needle) {
  for (const Line& line : DocumentLines(document.body)) {
    if (line.text.find(needle) != std::string::npos) return true;
  }
  return false;
}

const Note* FindNote(const Document& document, Note::Kind kind) {
  for (const Note& note : document.notes) {
    if (note.kind == kind) return &note;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// pandoc 2.17 (Markdown -> DOCX).

TEST(PandocDocx, ParagraphsTableAndBoldRunSplitMidWord) {
  const Document document = Read("pandoc-letter.docx");
  EXPECT_TRUE(document.warnings.empty());
  ASSERT_EQ(
      Texts(document.body),
      (std::vector<std::string>{
          "第20研究组虚拟会议", "<table>", "尊敬的先生/女士：",
          // "日内**瓦**" and "Gene**va**": bold runs inside words, and the
          // footnote reference leaves no mark in the text.
          "第20研究组会议将于2021年5月17日在日内瓦举行，会议为Geneva time 11:00开始。", "会议开始",
          "通过议程", "发送给QAll/20的文稿", "报告", "会议闭幕", "详情请见第20研究组网页。"}));
  EXPECT_EQ(document.body[0].paragraph.style, "Title");
  EXPECT_EQ(Grid(document.body[1].table),
            (std::vector<std::vector<std::string>>{{"文号：", "电信标准化局第11/20号集体函"},
                                                   {"电话：", "+41 22 730 6301"},
                                                   {"电子邮件：", "tsbsg20@itu.int"}}));
  EXPECT_EQ(document.properties.title, "第20研究组虚拟会议");
}

TEST(PandocDocx, NestedListLabelsAreRendered) {
  // pandoc gives the sub-list its own w:num (lowerLetter "%2.") at level 1.
  EXPECT_EQ(
      ListItems(Read("pandoc-letter.docx").body),
      (std::vector<std::string>{"1. 会议开始 @0", "2. 通过议程 @0", "a. 发送给QAll/20的文稿 @1",
                                "b. 报告 @1", "3. 会议闭幕 @0"}));
}

TEST(PandocDocx, LinksResolveThroughTheRelationships) {
  const Document document = Read("pandoc-letter.docx");
  const TableCell& email = document.body[1].table.rows.at(2).cells.at(1);
  ASSERT_EQ(email.blocks.size(), 1u);
  ASSERT_EQ(email.blocks[0].paragraph.links.size(), 1u);
  EXPECT_EQ(email.blocks[0].paragraph.links[0].target, "mailto:tsbsg20@itu.int");
  const Paragraph& last = document.body.back().paragraph;
  ASSERT_EQ(last.links.size(), 1u);
  EXPECT_EQ(last.links[0].text, "第20研究组网页");
  EXPECT_EQ(last.links[0].target, "https://www.itu.int/go/tsg20");
}

TEST(PandocDocx, FootnoteIsANoteNotBodyText) {
  const Document document = Read("pandoc-letter.docx");
  ASSERT_EQ(document.notes.size(), 1u);
  EXPECT_EQ(document.notes[0].kind, Note::Kind::kFootnote);
  ASSERT_EQ(document.notes[0].blocks.size(), 1u);
  EXPECT_EQ(NormalizeLine(document.notes[0].blocks[0].paragraph.text), "日内瓦时间。");
  EXPECT_FALSE(AnyBodyTextContains(document, "日内瓦时间"));
}

TEST(PandocDocx, RecordKeepsTheLinkAndLeavesTheFootnoteOut) {
  const LetterRecord record = ConvertFile((kFidelity / "writers" / "pandoc-letter.docx").string());
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record.language, "zh");
  EXPECT_NE(std::find(record.urls.begin(), record.urls.end(), "https://www.itu.int/go/tsg20"),
            record.urls.end());
  ASSERT_TRUE(record.text.has_value());
  EXPECT_EQ(record.text->find("日内瓦时间"), std::string::npos);
  EXPECT_NE(record.text->find("日内瓦举行"), std::string::npos);
  ASSERT_EQ(record.notes.size(), 1u);
  EXPECT_EQ(record.notes[0].kind, "footnote");
  EXPECT_EQ(record.notes[0].text, "日内瓦时间。");
}

// ---------------------------------------------------------------------------
// LibreOffice 7.4 (flat ODT -> DOCX).

TEST(LibreOfficeDocx, BodyInReadingOrderWithTheTextBoxOnceAfterItsAnchor) {
  const Document document = Read("libreoffice-letter.docx");
  EXPECT_TRUE(document.warnings.empty());
  // LibreOffice writes the frame as mc:AlternateContent (DrawingML text box
  // with a VML fallback); it is read once, after its anchor paragraph.
  EXPECT_EQ(Texts(document.body),
            (std::vector<std::string>{"2021年1月12日，日内瓦", "<table>", "尊敬的先生/女士：",
                                      "第20研究组会议将于2021年5月17日在日内瓦举行，Geneva time。",
                                      "文本框中的注释", "议程草案", "会议开始", "通过议程",
                                      "发送给QAll/20的文稿", "第一份文稿", "第二份文稿", "报告",
                                      "会议闭幕", "详情请见第20研究组网页或上文。"}));
  // LibreOffice declares no default style; unstyled paragraphs are Normal.
  EXPECT_EQ(document.body[4].paragraph.style, "Normal");
  EXPECT_EQ(document.body[5].paragraph.style, "Heading 1");
  EXPECT_EQ(document.body[5].paragraph.heading_level, 1);
  EXPECT_EQ(document.properties.title, "第20研究组虚拟会议");
  EXPECT_EQ(document.properties.creator, "TSB");
}

TEST(LibreOfficeDocx, MergedCellsAndAListInACell) {
  const Document document = Read("libreoffice-letter.docx");
  ASSERT_EQ(document.body.at(1).kind, Block::Kind::kTable);
  const Table& table = document.body[1].table;
  EXPECT_EQ(Grid(table), (std::vector<std::vector<std::string>>{
                             {"文号：", "电信标准化局第11/20号集体函|SG20/CB",
                              "致：|国际电联各成员国主管部门；|ITU-T部门成员"},
                             {"电话：", "+41 22 730 6301", ""},
                             {"事由：", "ITU-T第20研究组虚拟会议，2021年5月17-27日"}}));
  // The rows-spanned cell continues as an empty cell; the columns-spanned one
  // spans two grid columns.
  EXPECT_TRUE(table.rows[1].cells[2].blocks.empty());
  EXPECT_EQ(table.rows[2].cells[1].column_span, 2);
  EXPECT_EQ(ListItems(table.rows[0].cells[2].blocks),
            (std::vector<std::string>{"• 国际电联各成员国主管部门； @0", "• ITU-T部门成员 @0"}));
}

TEST(LibreOfficeDocx, ChineseCountingListWithSubLevels) {
  // "一, 二, 三, ..." with suffix "、"; level 2 shows both levels ("%1.%2.");
  // level 3 is "(a)".
  EXPECT_EQ(ListItems(Read("libreoffice-letter.docx").body),
            (std::vector<std::string>{"一、 会议开始 @0", "二、 通过议程 @0",
                                      "二.1. 发送给QAll/20的文稿 @1", "(a) 第一份文稿 @2",
                                      "(b) 第二份文稿 @2", "二.2. 报告 @1", "三、 会议闭幕 @0"}));
}

TEST(LibreOfficeDocx, ExternalAndInternalLinksWithABookmarkInside) {
  const Document document = Read("libreoffice-letter.docx");
  ASSERT_FALSE(document.body.empty());
  const Paragraph& paragraph = document.body.back().paragraph;
  ASSERT_EQ(paragraph.links.size(), 2u);
  EXPECT_EQ(paragraph.links[0].text, "第20研究组网页");
  EXPECT_EQ(paragraph.links[0].target, "https://www.itu.int/go/tsg20");
  EXPECT_EQ(paragraph.links[1].text, "上文");
  EXPECT_EQ(paragraph.links[1].target, "#web");
}

TEST(LibreOfficeDocx, HeaderFooterAndFootnoteAreNotesApartFromTheBody) {
  const Document document = Read("libreoffice-letter.docx");
  const Note* header = FindNote(document, Note::Kind::kHeader);
  const Note* footer = FindNote(document, Note::Kind::kFooter);
  const Note* footnote = FindNote(document, Note::Kind::kFootnote);
  ASSERT_TRUE(header && footer && footnote);
  EXPECT_EQ(Texts(header->blocks), std::vector<std::string>{"国际电信联盟 电信标准化局"});
  // The page number is a field: its result shows, its code does not.
  EXPECT_EQ(Texts(footer->blocks), std::vector<std::string>{"第 1 页"});
  EXPECT_EQ(Texts(footnote->blocks), std::vector<std::string>{"日内瓦时间。"});
  EXPECT_FALSE(AnyBodyTextContains(document, "国际电信联盟"));
  EXPECT_FALSE(AnyBodyTextContains(document, "第 1 页"));
  EXPECT_FALSE(AnyBodyTextContains(document, "日内瓦时间"));
}

TEST(LibreOfficeDocx, TrackedChangeAcceptedOrRejected) {
  // LibreOffice recorded "16" deleted and "17" inserted.
  EXPECT_EQ(Read("libreoffice-letter.docx").body.at(3).paragraph.text,
            "第20研究组会议将于2021年5月17日在日内瓦举行，Geneva time。");
  EXPECT_EQ(Read("libreoffice-letter.docx", false).body.at(3).paragraph.text,
            "第20研究组会议将于2021年5月16日在日内瓦举行，Geneva time。");
}

TEST(LibreOfficeDocx, MacroEnabledAndTemplatePackagesReadLikeTheDocument) {
  // The same source saved as .docm (macro-enabled main part) and .dotx
  // (template main part): each has its own content type, the same text.
  const std::vector<std::string> expected = Texts(Read("libreoffice-letter.docx").body);
  for (const std::string name : {"libreoffice-letter.docm", "libreoffice-letter.dotx"}) {
    EXPECT_EQ(Texts(Read(name).body), expected) << name;
    const LetterRecord record = ConvertFile((kFidelity / "writers" / name).string());
    EXPECT_TRUE(record.ok()) << name;
    EXPECT_EQ(record.source.format, "docx") << name;
  }
}

}  // namespace
}  // namespace missive::fidelity
