#include "extract/extract.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/document_dump.h"
#include "tests/support/word_namespaces.h"
#include "tests/support/zip_builder.h"

namespace missive {
namespace {

// ---------------------------------------------------------------------------
// Building packages the way Word writes them.

using test_support::Zip;

constexpr std::string_view kXmlDeclaration =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
constexpr std::string_view kNamespaces = test_support::kWordNamespaces;
constexpr std::string_view kRelationshipTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

std::string Relationship(std::string_view id, std::string_view type, std::string_view target,
                         bool external = false) {
  std::string xml = "<Relationship Id=\"" + std::string(id) + "\" Type=\"" +
                    std::string(kRelationshipTypes) + std::string(type) + "\" Target=\"" +
                    std::string(target) + "\"";
  if (external) xml += " TargetMode=\"External\"";
  return xml + "/>";
}

std::string Relationships(std::string_view inner) {
  return std::string(kXmlDeclaration) +
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         std::string(inner) + "</Relationships>";
}

// An XML part with the WordprocessingML namespaces declared on its root.
std::string WordPart(std::string_view root, std::string_view inner) {
  return std::string(kXmlDeclaration) + "<w:" + std::string(root) + std::string(kNamespaces) + ">" +
         std::string(inner) + "</w:" + std::string(root) + ">";
}

// A part related from word/document.xml, or an external target.
struct Related {
  std::string type;     // relationship type after ".../relationships/", e.g. "styles"
  std::string target;   // relative to word/, or a URL when external
  std::string content;  // the part's XML; unused when external
  bool external = false;
};

// A minimal .docx: word/document.xml holding `body`, with the parts in
// `related` related from it as rId1, rId2, ... in order.
std::string Docx(std::string_view body, const std::vector<Related>& related = {},
                 const std::vector<std::pair<std::string, std::string>>& more = {}) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", std::string(kContentTypes)},
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "word/document.xml"))},
      {"word/document.xml", WordPart("document", "<w:body>" + std::string(body) + "</w:body>")},
  };
  std::string relationships;
  for (std::size_t i = 0; i < related.size(); ++i) {
    relationships += Relationship("rId" + std::to_string(i + 1), related[i].type, related[i].target,
                                  related[i].external);
    if (!related[i].external) parts.emplace_back("word/" + related[i].target, related[i].content);
  }
  parts.emplace_back("word/_rels/document.xml.rels", Relationships(relationships));
  for (const auto& part : more) parts.push_back(part);
  return Zip(parts);
}

std::string P(std::string_view text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

// Reads `bytes`, and checks on the way that the tree reader alone reads the
// same (the body is streamed where it can be: extract/body_stream.h).
Document Read(const std::string& bytes, const ExtractOptions& options = {}) {
  Result<Document> result = ExtractDocx(bytes, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  ExtractOptions tree_only = options;
  tree_only.tree_reader_only = true;
  Result<Document> tree = ExtractDocx(bytes, tree_only);
  EXPECT_EQ(result.ok(), tree.ok());
  if (result.ok() && tree.ok()) {
    EXPECT_EQ(test_support::DumpDocument(result.value()), test_support::DumpDocument(tree.value()))
        << "the streaming and the tree reader disagree";
  }
  return result.ok() ? std::move(result).value() : Document{};
}

// The texts of the paragraph blocks in `blocks`, tables shown as "<table>".
std::vector<std::string> Texts(const std::vector<Block>& blocks) {
  std::vector<std::string> texts;
  for (const Block& block : blocks) {
    texts.push_back(block.kind == Block::Kind::kParagraph ? block.paragraph.text : "<table>");
  }
  return texts;
}

const Paragraph& FirstParagraph(const Document& document) {
  static const Paragraph kEmpty;
  if (document.body.empty() || document.body[0].kind != Block::Kind::kParagraph) {
    ADD_FAILURE() << "the body does not start with a paragraph";
    return kEmpty;
  }
  return document.body[0].paragraph;
}

std::string CellText(const TableCell& cell) {
  std::string text;
  for (const Block& block : cell.blocks) {
    if (!text.empty()) text += "|";
    text += block.kind == Block::Kind::kParagraph ? block.paragraph.text : "<table>";
  }
  return text;
}

std::vector<std::vector<std::string>> Grid(const Table& table) {
  std::vector<std::vector<std::string>> grid;
  for (const TableRow& row : table.rows) {
    std::vector<std::string>& cells = grid.emplace_back();
    for (const TableCell& cell : row.cells) cells.push_back(CellText(cell));
  }
  return grid;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::filesystem::path kShared = MISSIVE_SHARED_DIR;

// ---------------------------------------------------------------------------
// Paragraph text.

TEST(DocxText, RunsSplitMidWordJoinWithoutSpaces) {
  const Document document = Read(
      Docx(R"(<w:p w:rsidR="00A1"><w:r w:rsidRPr="00B2"><w:rPr><w:b/></w:rPr><w:t>Gene</w:t></w:r>)"
           R"(<w:r><w:t>va</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>)"
           R"(<w:r><w:rPr><w:i/></w:rPr><w:t>Ber</w:t></w:r><w:r><w:t>n</w:t></w:r></w:p>)"));
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"Geneva and Bern"});
  EXPECT_EQ(document.format, SourceFormat::kDocx);
}

TEST(DocxText, ProofingMarksBookmarksAndCommentMarksLeaveNoTrace) {
  const Document document = Read(
      Docx(R"(<w:p><w:bookmarkStart w:id="0" w:name="_Hlk1"/><w:proofErr w:type="spellStart"/>)"
           R"(<w:r><w:t>Itu</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>)"
           R"(<w:commentRangeStart w:id="3"/><w:permStart w:id="1" w:edGrp="everyone"/>)"
           R"(<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> letter</w:t></w:r>)"
           R"(<w:permEnd w:id="1"/><w:commentRangeEnd w:id="3"/>)"
           R"(<w:r><w:commentReference w:id="3"/></w:r></w:p>)"));
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"Itu letter"});
}

TEST(DocxText, WhitespaceOnlyRunIsKeptButIndentationBetweenElementsIsNot) {
  const Document document =
      Read(Docx("\n  <w:p>\n    <w:r>\n      <w:t>a</w:t>\n    </w:r>\n"
                "    <w:r><w:t xml:space=\"preserve\"> </w:t></w:r>\n"
                "    <w:r>\n      <w:t>b</w:t>\n    </w:r>\n  </w:p>\n"));
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"a b"});
}

TEST(DocxText, TabsBreaksAndHyphensBecomeCharacters) {
  const Document document =
      Read(Docx(R"(<w:p><w:r><w:t>Tel:</w:t><w:tab/><w:t>+41</w:t><w:br/><w:t>Fax</w:t>)"
                R"(<w:br w:type="page"/><w:t>co</w:t><w:softHyphen/><w:t>operate</w:t><w:cr/>)"
                R"(<w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t><w:ptab w:relativeTo="margin")"
                R"( w:alignment="right" w:leader="none"/><w:t>end</w:t></w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "Tel:\t+41\nFax\ncooperate\ne-mail\tend");
}

TEST(DocxText, SymbolCharactersMapToPlainCharacters) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Symbol" w:char="F0E3"/>)"
      R"(<w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="Wingdings" w:char="F0FC"/>)"
      R"(<w:sym w:font="Times New Roman" w:char="F041"/><w:sym w:font="SimSun" w:char="4E2D"/>)"
      R"(</w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "•©α✓A中");
}

TEST(DocxText, HiddenRunsAreDropped) {
  const Document document =
      Read(Docx(R"(<w:p><w:r><w:t xml:space="preserve">shown </w:t></w:r>)"
                R"(<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>)"
                R"(<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>also shown</w:t></w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "shown also shown");
}

TEST(DocxText, MathTextIsKept) {
  const Document document = Read(
      Docx(R"(<w:p><w:r><w:t xml:space="preserve">so </w:t></w:r><m:oMath><m:r><m:t>x</m:t></m:r>)"
           R"(<m:sSup><m:e><m:r><m:t>y</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup>)"
           R"(</m:sSup></m:oMath></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "so xy2");
}

TEST(DocxText, EmptyParagraphsAreKeptInOrder) {
  const Document document = Read(Docx(P("one") + "<w:p/>" + P("two")));
  EXPECT_EQ(Texts(document.body), (std::vector<std::string>{"one", "", "two"}));
}

TEST(DocxText, EveryBreakTypeIsALineBreak) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:t>line</w:t><w:br/><w:t>page</w:t><w:br w:type="page"/><w:t>column</w:t>)"
      R"(<w:br w:type="column"/><w:t>wrap</w:t><w:br w:type="textWrapping" w:clear="all"/>)"
      R"(<w:t>end</w:t></w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "line\npage\ncolumn\nwrap\nend");
}

TEST(DocxText, MarksBetweenParagraphsRowsAndCellsLeaveNoTrace) {
  // Word writes bookmark, permission and comment-range marks between blocks,
  // rows and cells, and lets one start in a paragraph and end in another.
  const Document document = Read(
      Docx(R"(<w:bookmarkStart w:id="1" w:name="_Toc1"/><w:permStart w:id="2" w:edGrp="everyone"/>)"
           R"(<w:p><w:r><w:t>first</w:t></w:r><w:bookmarkStart w:id="3" w:name="span"/></w:p>)"
           R"(<w:commentRangeStart w:id="4"/><w:tbl><w:bookmarkStart w:id="5" w:name="row"/><w:tr>)"
           R"(<w:bookmarkStart w:id="6" w:name="cell"/><w:tc><w:bookmarkEnd w:id="3"/>)" +
           P("cell") +
           R"(</w:tc><w:bookmarkEnd w:id="6"/><w:permEnd w:id="2"/></w:tr>)"
           R"(<w:bookmarkEnd w:id="5"/></w:tbl><w:commentRangeEnd w:id="4"/>)"
           R"(<w:p><w:bookmarkEnd w:id="1"/><w:r><w:t>last</w:t></w:r></w:p>)"));
  ASSERT_EQ(Texts(document.body), (std::vector<std::string>{"first", "<table>", "last"}));
  EXPECT_EQ(Grid(document.body[1].table), (std::vector<std::vector<std::string>>{{"cell"}}));
  EXPECT_EQ(document.body[1].table.rows[0].cells.size(), 1u);
}

// ---------------------------------------------------------------------------
// Hyperlinks and fields.

TEST(DocxLinks, HyperlinkTakesItsTargetFromTheRelationships) {
  const Document document =
      Read(Docx(R"(<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId1">)"
                R"(<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>www.itu.int/</w:t></w:r>)"
                R"(<w:r><w:t>go/tsg20</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>)",
                {{"hyperlink", "https://www.itu.int/go/tsg20", "", true}}));
  const Paragraph& paragraph = FirstParagraph(document);
  EXPECT_EQ(paragraph.text, "See www.itu.int/go/tsg20.");
  ASSERT_EQ(paragraph.links.size(), 1u);
  EXPECT_EQ(paragraph.links[0].text, "www.itu.int/go/tsg20");
  EXPECT_EQ(paragraph.links[0].target, "https://www.itu.int/go/tsg20");
}

TEST(DocxLinks, HyperlinkWithAnchorTargetsTheBookmark) {
  const Document document = Read(
      Docx(R"(<w:p><w:hyperlink w:anchor="_Annex_B" w:history="1"><w:r><w:t>Annex B</w:t></w:r>)"
           R"(</w:hyperlink></w:p>)"));
  const Paragraph& paragraph = FirstParagraph(document);
  ASSERT_EQ(paragraph.links.size(), 1u);
  EXPECT_EQ(paragraph.links[0].text, "Annex B");
  EXPECT_EQ(paragraph.links[0].target, "#_Annex_B");
}

TEST(DocxFields, FieldCodeIsHiddenAndResultShown) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
      R"(<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>)"
      R"(<w:r><w:instrText>\* MERGEFORMAT</w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of 9</w:t>)"
      R"(</w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "Page 3 of 9");
  EXPECT_TRUE(FirstParagraph(document).links.empty());
}

TEST(DocxFields, HyperlinkFieldRecordsTargetAndResultText) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:t xml:space="preserve">Register at </w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">)"
      R"( HYPERLINK "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285" )"
      R"(</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>)"
      R"(<w:r><w:t>the registration page</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:r><w:t xml:space="preserve"> or see </w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
      R"(<w:r><w:instrText xml:space="preserve"> HYPERLINK \l "_Toc1" \o "tip" </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>clause 1</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>)"));
  const Paragraph& paragraph = FirstParagraph(document);
  EXPECT_EQ(paragraph.text, "Register at the registration page or see clause 1");
  ASSERT_EQ(paragraph.links.size(), 2u);
  EXPECT_EQ(paragraph.links[0].text, "the registration page");
  EXPECT_EQ(paragraph.links[0].target,
            "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285");
  EXPECT_EQ(paragraph.links[1].text, "clause 1");
  EXPECT_EQ(paragraph.links[1].target, "#_Toc1");
}

TEST(DocxFields, NestedFieldsHideEveryCodeAndShowTheOuterResult) {
  // { IF { PAGE } > 1 "more" "first" } with result "more".
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
      R"(<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:r><w:instrText xml:space="preserve"> &gt; 1 "more" "first" </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>more</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>!</w:t></w:r></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "more!");
}

TEST(DocxFields, FieldInsideAHyperlinkFieldResultIsShown) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
      R"(<w:r><w:instrText> HYPERLINK "https://x.org/" </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">v</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DOCPROPERTY v</w:instrText>)"
      R"(</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(</w:p>)"));
  const Paragraph& paragraph = FirstParagraph(document);
  EXPECT_EQ(paragraph.text, "v2");
  ASSERT_EQ(paragraph.links.size(), 1u);
  EXPECT_EQ(paragraph.links[0].text, "v2");
  EXPECT_EQ(paragraph.links[0].target, "https://x.org/");
}

TEST(DocxFields, SimpleFieldShowsItsResultAndHyperlinkTarget) {
  const Document document = Read(Docx(
      R"(<w:p><w:fldSimple w:instr=" DATE \@ &quot;d MMMM yyyy&quot; "><w:r><w:t>12 January 2021)"
      R"(</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">, </w:t></w:r>)"
      R"(<w:fldSimple w:instr=" HYPERLINK &quot;mailto:tsbsg20@itu.int&quot; "><w:r>)"
      R"(<w:t>tsbsg20@itu.int</w:t></w:r></w:fldSimple></w:p>)"));
  const Paragraph& paragraph = FirstParagraph(document);
  EXPECT_EQ(paragraph.text, "12 January 2021, tsbsg20@itu.int");
  ASSERT_EQ(paragraph.links.size(), 1u);
  EXPECT_EQ(paragraph.links[0].text, "tsbsg20@itu.int");
  EXPECT_EQ(paragraph.links[0].target, "mailto:tsbsg20@itu.int");
}

// ---------------------------------------------------------------------------
// Tracked changes and wrappers.

constexpr std::string_view kTrackedChanges =
    R"(<w:p><w:r><w:t xml:space="preserve">Meeting on </w:t></w:r>)"
    R"(<w:del w:id="1" w:author="A" w:date="2021-01-01T00:00:00Z"><w:r><w:delText>16</w:delText>)"
    R"(</w:r></w:del><w:ins w:id="2" w:author="A" w:date="2021-01-01T00:00:00Z"><w:r>)"
    R"(<w:t>17</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> May</w:t></w:r>)"
    R"(<w:moveFrom w:id="3" w:author="A"><w:r><w:delText xml:space="preserve"> (old)</w:delText>)"
    R"(</w:r></w:moveFrom><w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> (new))"
    R"(</w:t></w:r></w:moveTo></w:p>)";

TEST(DocxChanges, TrackedChangesAreAcceptedByDefault) {
  const Document document = Read(Docx(kTrackedChanges));
  EXPECT_EQ(FirstParagraph(document).text, "Meeting on 17 May (new)");
}

TEST(DocxChanges, RejectingChangesRestoresTheOriginal) {
  ExtractOptions options;
  options.accept_changes = false;
  const Document document = Read(Docx(kTrackedChanges), options);
  EXPECT_EQ(FirstParagraph(document).text, "Meeting on 16 May (old)");
}

TEST(DocxChanges, DeletedParagraphMarkJoinsTheParagraphs) {
  const std::string docx =
      Docx(R"(<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>)"
           R"(<w:r><w:t xml:space="preserve">first half </w:t></w:r></w:p>)" +
           P("second half") + P("next"));
  EXPECT_EQ(Texts(Read(docx).body), (std::vector<std::string>{"first half second half", "next"}));
  ExtractOptions reject;
  reject.accept_changes = false;
  EXPECT_EQ(Texts(Read(docx, reject).body),
            (std::vector<std::string>{"first half ", "second half", "next"}));
}

TEST(DocxChanges, RejectingRestoresParagraphPropertiesAFormattingChangeReplaced) {
  // The paragraph was made a list item as a tracked change (w:pPrChange holds
  // the old, unnumbered properties), and a heading was demoted to body text.
  const std::string styles = WordPart(
      "styles",
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
      R"(</w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
      R"(<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)");
  const std::string numbering = WordPart(
      "numbering", R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
                   R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
                   R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)");
  const std::string docx =
      Docx(R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)"
           R"(<w:pPrChange w:id="1" w:author="A"><w:pPr/></w:pPrChange></w:pPr>)"
           R"(<w:r><w:t>item</w:t></w:r></w:p>)"
           R"(<w:p><w:pPr><w:pPrChange w:id="2" w:author="A"><w:pPr><w:pStyle w:val="Heading1"/>)"
           R"(</w:pPr></w:pPrChange></w:pPr><w:r><w:t>title</w:t></w:r></w:p>)",
           {{"styles", "styles.xml", styles}, {"numbering", "numbering.xml", numbering}});
  const Document accepted = Read(docx);
  ASSERT_EQ(accepted.body.size(), 2u);
  EXPECT_EQ(accepted.body[0].paragraph.list_label, "1.");
  EXPECT_EQ(accepted.body[1].paragraph.heading_level, 0);
  ExtractOptions reject;
  reject.accept_changes = false;
  const Document rejected = Read(docx, reject);
  ASSERT_EQ(rejected.body.size(), 2u);
  EXPECT_EQ(rejected.body[0].paragraph.list_label, "");
  EXPECT_EQ(rejected.body[0].paragraph.list_level, -1);
  EXPECT_EQ(rejected.body[1].paragraph.style, "heading 1");
  EXPECT_EQ(rejected.body[1].paragraph.heading_level, 1);
}

TEST(DocxChanges, RejectedInsertedMarkJoinsIntoTheNextParagraphsOldProperties) {
  // Rejecting removes the inserted paragraph mark, so "joined" runs on into
  // the next paragraph, which takes back its old (numbered) properties.
  const std::string numbering = WordPart(
      "numbering", R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
                   R"(<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>)"
                   R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)");
  const std::string docx =
      Docx(R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr>)"
           R"(<w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>joined</w:t></w:r></w:p>)"
           R"(<w:p><w:pPr><w:pPrChange w:id="2" w:author="A"><w:pPr><w:numPr><w:numId w:val="1"/>)"
           R"(</w:numPr></w:pPr></w:pPrChange></w:pPr><w:ins w:id="3" w:author="A"><w:r>)"
           R"(<w:t xml:space="preserve"> added</w:t></w:r></w:ins></w:p>)",
           {{"numbering", "numbering.xml", numbering}});
  const Document accepted = Read(docx);
  ASSERT_EQ(Texts(accepted.body), (std::vector<std::string>{"joined", " added"}));
  EXPECT_EQ(accepted.body[0].paragraph.list_label, "-");
  EXPECT_EQ(accepted.body[1].paragraph.list_label, "");
  ExtractOptions reject;
  reject.accept_changes = false;
  const Document rejected = Read(docx, reject);
  ASSERT_EQ(Texts(rejected.body), std::vector<std::string>{"joined"});
  EXPECT_EQ(rejected.body[0].paragraph.list_label, "-");
}

TEST(DocxChanges, InsertedAndDeletedTableRowsFollowTheChoice) {
  const std::string docx = Docx(
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(<w:tr><w:trPr><w:ins w:id="1" w:author="A"/></w:trPr><w:tc><w:p><w:r><w:t>new</w:t>)"
      R"(</w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:del w:id="2" w:author="A"/></w:trPr><w:tc>)"
      R"(<w:p><w:del w:id="3" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del></w:p>)"
      R"(</w:tc></w:tr></w:tbl>)");
  const Document accepted = Read(docx);
  ASSERT_EQ(accepted.body.size(), 1u);
  EXPECT_EQ(Grid(accepted.body[0].table),
            (std::vector<std::vector<std::string>>{{"kept"}, {"new"}}));
  ExtractOptions reject;
  reject.accept_changes = false;
  const Document rejected = Read(docx, reject);
  ASSERT_EQ(rejected.body.size(), 1u);
  EXPECT_EQ(Grid(rejected.body[0].table),
            (std::vector<std::vector<std::string>>{{"kept"}, {"old"}}));
}

TEST(DocxWrappers, ContentControlsSmartTagsAndCustomXmlKeepTheirText) {
  const Document document = Read(Docx(
      R"(<w:sdt><w:sdtPr><w:alias w:val="Date"/><w:text/></w:sdtPr><w:sdtContent>)" +
      P("block control") + R"(</w:sdtContent></w:sdt><w:customXml w:element="letter">)" +
      P("custom block") +
      R"(</w:customXml><w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags")"
      R"( w:element="place"><w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr>)"
      R"(<w:r><w:t>Geneva</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve">, </w:t></w:r>)"
      R"(<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>12 January</w:t>)"
      R"(</w:r></w:sdtContent></w:sdt><w:customXml w:element="year"><w:r><w:t xml:space="preserve"> 2021)"
      R"(</w:t></w:r></w:customXml></w:p>)"));
  EXPECT_EQ(Texts(document.body),
            (std::vector<std::string>{"block control", "custom block", "Geneva, 12 January 2021"}));
}

TEST(DocxWrappers, AlternateContentIsReadOnce) {
  const Document document = Read(Docx(
      R"(<w:p><w:r><w:t xml:space="preserve">smile </w:t></w:r><mc:AlternateContent>)"
      R"(<mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="1F600"/>)"
      R"(</mc:Choice><mc:Fallback><w:r><w:t>:-)</w:t></w:r></mc:Fallback></mc:AlternateContent>)"
      R"(<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t xml:space="preserve"> new</w:t>)"
      R"(</w:r></mc:Choice><mc:Fallback><w:r><w:t xml:space="preserve"> old</w:t></w:r>)"
      R"(</mc:Fallback></mc:AlternateContent></w:p>)"));
  EXPECT_EQ(FirstParagraph(document).text, "smile :-) new");
}

// A text box as Word 2010+ writes it: DrawingML in mc:Choice, VML fallback.
constexpr std::string_view kTextBoxAnchor =
    R"(<w:p><w:r><w:t xml:space="preserve">anchor </w:t></w:r><w:r><mc:AlternateContent>)"
    R"(<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/>)"
    R"(<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">)"
    R"(<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>box one</w:t></w:r></w:p>)"
    R"(<w:p><w:r><w:t>box two</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>)"
    R"(</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>)"
    R"(<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>box one</w:t></w:r></w:p>)"
    R"(<w:p><w:r><w:t>box two</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>)"
    R"(</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>text</w:t></w:r></w:p>)";

TEST(DocxWrappers, TextBoxParagraphsFollowTheirAnchorOnce) {
  const Document document = Read(Docx(P("before") + std::string(kTextBoxAnchor) + P("after")));
  EXPECT_EQ(Texts(document.body),
            (std::vector<std::string>{"before", "anchor text", "box one", "box two", "after"}));
}

TEST(DocxWrappers, VmlTextBoxIsRead) {
  const Document document =
      Read(Docx(R"(<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>)" + P("vml box") +
                R"(</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>)"));
  EXPECT_EQ(Texts(document.body), (std::vector<std::string>{"", "vml box"}));
}

// ---------------------------------------------------------------------------
// Tables.

TEST(DocxTables, GridSpanSetsTheColumnSpan) {
  const Document document =
      Read(Docx(R"(<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>)"
                R"(<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>)" +
                P("wide") + R"(</w:tc><w:tc>)" + P("narrow") + R"(</w:tc></w:tr></w:tbl>)"));
  ASSERT_EQ(document.body.size(), 1u);
  ASSERT_EQ(document.body[0].kind, Block::Kind::kTable);
  const TableRow& row = document.body[0].table.rows.at(0);
  ASSERT_EQ(row.cells.size(), 2u);
  EXPECT_EQ(row.cells[0].column_span, 2);
  EXPECT_EQ(row.cells[1].column_span, 1);
  EXPECT_EQ(CellText(row.cells[0]), "wide");
}

TEST(DocxTables, VerticalMergeContinuationIsAnEmptyCell) {
  const Document document =
      Read(Docx(R"(<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>)" + P("To:") +
                R"(</w:tc><w:tc>)" + P("Administrations") +
                R"(</w:tc></w:tr><w:tr><w:tc><w:tcPr>)"
                R"(<w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>)" +
                P("Members") + R"(</w:tc></w:tr></w:tbl>)"));
  ASSERT_EQ(document.body.size(), 1u);
  const Table& table = document.body[0].table;
  EXPECT_EQ(Grid(table),
            (std::vector<std::vector<std::string>>{{"To:", "Administrations"}, {"", "Members"}}));
  EXPECT_TRUE(table.rows[1].cells[0].blocks.empty());
}

TEST(DocxTables, GridBeforeAndAfterAddEmptyCells) {
  const Document document = Read(Docx(
      R"(<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr><w:tc>)" +
      P("middle") + R"(</w:tc></w:tr></w:tbl>)"));
  ASSERT_EQ(document.body.size(), 1u);
  const TableRow& row = document.body[0].table.rows.at(0);
  ASSERT_EQ(row.cells.size(), 3u);
  EXPECT_TRUE(row.cells[0].blocks.empty());
  EXPECT_EQ(row.cells[0].column_span, 1);
  EXPECT_EQ(CellText(row.cells[1]), "middle");
  EXPECT_TRUE(row.cells[2].blocks.empty());
  EXPECT_EQ(row.cells[2].column_span, 2);
}

TEST(DocxTables, NestedTableIsABlockInsideItsCell) {
  const Document document =
      Read(Docx(R"(<w:tbl><w:tr><w:tc>)" + P("outer") + R"(<w:tbl><w:tr><w:tc>)" + P("inner") +
                R"(</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>)" + P("after")));
  ASSERT_EQ(document.body.size(), 2u);
  const TableCell& cell = document.body[0].table.rows.at(0).cells.at(0);
  ASSERT_EQ(cell.blocks.size(), 3u);
  EXPECT_EQ(cell.blocks[0].paragraph.text, "outer");
  ASSERT_EQ(cell.blocks[1].kind, Block::Kind::kTable);
  EXPECT_EQ(Grid(cell.blocks[1].table), (std::vector<std::vector<std::string>>{{"inner"}}));
  EXPECT_EQ(document.body[1].paragraph.text, "after");
}

TEST(DocxTables, EmptyCellsAndRowsInContentControlsAreKept) {
  const Document document =
      Read(Docx(R"(<w:tbl><w:tr><w:tc><w:p/></w:tc><w:sdt><w:sdtContent><w:tc>)" + P("in control") +
                R"(</w:tc></w:sdtContent></w:sdt></w:tr><w:sdt><w:sdtContent><w:tr><w:tc>)" +
                P("row") + R"(</w:tc><w:tc><w:p/></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>)"));
  ASSERT_EQ(document.body.size(), 1u);
  EXPECT_EQ(Grid(document.body[0].table),
            (std::vector<std::vector<std::string>>{{"", "in control"}, {"row", ""}}));
  EXPECT_EQ(document.body[0].table.rows[0].cells[0].blocks.size(), 1u);
}

// ---------------------------------------------------------------------------
// Styles.

const std::string kStyles = WordPart(
    "styles",
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
    R"(</w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
    R"(<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>)"
    R"(<w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="AnnexTitle"><w:name w:val="Annex title"/>)"
    R"(<w:basedOn w:val="Heading2"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/>)"
    R"(<w:basedOn w:val="Normal"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/>)"
    R"(<w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>)"
    R"(<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>)");

std::string StyledP(std::string_view style, std::string_view text,
                    std::string_view more_properties = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/>" +
         std::string(more_properties) + "</w:pPr><w:r><w:t>" + std::string(text) +
         "</w:t></w:r></w:p>";
}

TEST(DocxStyles, StyleIsTheDisplayNameAndDefaultsToNormal) {
  const Document document =
      Read(Docx(P("plain") + StyledP("Heading1", "Scope") + StyledP("Missing", "unknown id"),
                {{"styles", "styles.xml", kStyles}}));
  ASSERT_EQ(document.body.size(), 3u);
  EXPECT_EQ(document.body[0].paragraph.style, "Normal");
  EXPECT_EQ(document.body[1].paragraph.style, "heading 1");
  EXPECT_EQ(document.body[2].paragraph.style, "Normal");
}

TEST(DocxStyles, HeadingLevelFollowsTheBasedOnChain) {
  const Document document =
      Read(Docx(P("body") + StyledP("Heading1", "one") + StyledP("Heading2", "two") +
                    StyledP("AnnexTitle", "annex") + StyledP("Heading3", "three by name") +
                    StyledP("Body", "body text level"),
                {{"styles", "styles.xml", kStyles}}));
  std::vector<int> levels;
  for (const Block& block : document.body) levels.push_back(block.paragraph.heading_level);
  EXPECT_EQ(levels, (std::vector<int>{0, 1, 2, 2, 3, 0}));
}

TEST(DocxStyles, ParagraphOutlineLevelWins) {
  const Document document =
      Read(Docx(StyledP("Heading1", "demoted", R"(<w:outlineLvl w:val="9"/>)") +
                    P("x").insert(5, R"(<w:pPr><w:outlineLvl w:val="3"/></w:pPr>)"),
                {{"styles", "styles.xml", kStyles}}));
  ASSERT_EQ(document.body.size(), 2u);
  EXPECT_EQ(document.body[0].paragraph.heading_level, 0);
  EXPECT_EQ(document.body[1].paragraph.heading_level, 4);
}

TEST(DocxStyles, WithoutADeclaredDefaultUnstyledParagraphsAreNormal) {
  // LibreOffice writes "Normal" without w:default="1".
  const std::string styles = WordPart(
      "styles",
      R"(<w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
      R"(<w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)");
  const Document document =
      Read(Docx(P("plain") + StyledP("Heading1", "Scope"), {{"styles", "styles.xml", styles}}));
  ASSERT_EQ(document.body.size(), 2u);
  EXPECT_EQ(document.body[0].paragraph.style, "Normal");
  EXPECT_EQ(document.body[0].paragraph.heading_level, 0);
  EXPECT_EQ(document.body[1].paragraph.style, "heading 1");
}

// Word's latent styles are cut out before parsing: the styles around them
// still count, a DTD before them is still refused, and an error after them
// names the byte of the part as it is.
TEST(DocxStyles, LatentStylesAreSkippedAndTheRestStillRead) {
  const std::string latent = R"(<w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/>)"
                             R"(<w:lsdException w:name="Normal"/></w:latentStyles>)";
  const std::string styles = WordPart(
      "styles",
      latent +
          R"(<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:name w:val="Normal"/></w:style>)"
          R"(<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/>)"
          R"(<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)");
  const Document document =
      Read(Docx(P("plain") + StyledP("H", "Scope"), {{"styles", "styles.xml", styles}}));
  ASSERT_EQ(document.body.size(), 2u);
  EXPECT_EQ(document.body[1].paragraph.style, "heading 1");
  EXPECT_EQ(document.body[1].paragraph.heading_level, 1);

  const std::string with_dtd = std::string(kXmlDeclaration) + R"(<!DOCTYPE w:styles>)" +
                               styles.substr(kXmlDeclaration.size());
  Result<Document> refused = ExtractDocx(Docx(P("plain"), {{"styles", "styles.xml", with_dtd}}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(refused.error().message.find("DOCTYPE"), std::string::npos);

  std::string broken = styles;
  const std::size_t bad_at = broken.find("<w:style ");
  ASSERT_NE(bad_at, std::string::npos);
  broken.replace(bad_at, 1, "&");  // not well-formed: a bare '&' where a tag was
  // Where pugixml finds the fault in the part as it is.
  pugi::xml_document whole;
  const pugi::xml_parse_result expected = whole.load_buffer(broken.data(), broken.size());
  ASSERT_FALSE(expected);
  ASSERT_GT(static_cast<std::size_t>(expected.offset), latent.size());
  Result<Document> damaged = ExtractDocx(Docx(P("plain"), {{"styles", "styles.xml", broken}}));
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(damaged.error().message.find("word/styles.xml is not well-formed XML at byte " +
                                         std::to_string(expected.offset) + " "),
            std::string::npos)
      << damaged.error().message;
}

// ---------------------------------------------------------------------------
// Numbering.

// One abstractNum (id 1) with the given w:lvl elements, used by w:num 1.
std::string Numbering(std::string_view levels, std::string_view more = "") {
  return WordPart("numbering", R"(<w:abstractNum w:abstractNumId="1">)" + std::string(levels) +
                                   R"(</w:abstractNum>)" + std::string(more) +
                                   R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)");
}

std::string Level(int ilvl, int start, std::string_view format, std::string_view text,
                  std::string_view more = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + std::string(format) +
         "\"/><w:lvlText w:val=\"" + std::string(text) + "\"/>" + std::string(more) + "</w:lvl>";
}

std::string ListP(int num_id, int ilvl, std::string_view text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + std::string(text) +
         "</w:t></w:r></w:p>";
}

std::vector<std::string> Labels(const std::vector<Block>& blocks) {
  std::vector<std::string> labels;
  for (const Block& block : blocks) labels.push_back(block.paragraph.list_label);
  return labels;
}

TEST(DocxNumbering, MultilevelLabelShowsParentLevels) {
  const Document document =
      Read(Docx(ListP(1, 0, "Contributions") + ListP(1, 1, "to QAll/20") + ListP(1, 1, "other") +
                    ListP(1, 0, "Obsolete") + ListP(1, 1, "first again"),
                {{"numbering", "numbering.xml",
                  Numbering(Level(0, 7, "decimal", "%1") + Level(1, 1, "decimal", "%1.%2"))}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"7", "7.1", "7.2", "8", "8.1"}));
  const Paragraph& first = FirstParagraph(document);
  EXPECT_EQ(first.text, "Contributions");  // the label is not part of the text
  EXPECT_EQ(first.list_level, 0);
  EXPECT_EQ(document.body[1].paragraph.list_level, 1);
}

TEST(DocxNumbering, ChineseCountingLabels) {
  std::string body;
  for (int i = 0; i < 21; ++i) body += ListP(1, 0, "条款");
  const Document document = Read(Docx(
      body, {{"numbering", "numbering.xml", Numbering(Level(0, 1, "chineseCounting", "第%1条"))}}));
  const std::vector<std::string> labels = Labels(document.body);
  ASSERT_EQ(labels.size(), 21u);
  EXPECT_EQ(labels[0], "第一条");
  EXPECT_EQ(labels[9], "第十条");
  EXPECT_EQ(labels[10], "第十一条");
  EXPECT_EQ(labels[19], "第二十条");
  EXPECT_EQ(labels[20], "第二十一条");
}

TEST(DocxNumbering, LetterRomanAndOtherFormats) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"lowerLetter", {"(a)", "(b)", "(c)"}},
      {"upperLetter", {"(A)", "(B)", "(C)"}},
      {"lowerRoman", {"(i)", "(ii)", "(iii)"}},
      {"upperRoman", {"(I)", "(II)", "(III)"}},
      {"decimalZero", {"(01)", "(02)", "(03)"}},
      {"chineseCountingThousand", {"(一)", "(二)", "(三)"}},
      {"ideographTraditional", {"(甲)", "(乙)", "(丙)"}},
      {"decimalEnclosedCircle", {"(①)", "(②)", "(③)"}},
      {"taiwaneseCountingThousand", {"(一)", "(二)", "(三)"}},  // LibreOffice's 一, 二, 三
  };
  for (const auto& [format, expected] : cases) {
    const Document document =
        Read(Docx(ListP(1, 0, "a") + ListP(1, 0, "b") + ListP(1, 0, "c"),
                  {{"numbering", "numbering.xml", Numbering(Level(0, 1, format, "(%1)"))}}));
    EXPECT_EQ(Labels(document.body), expected) << format;
  }
}

TEST(DocxNumbering, LargeNumbersInEachFormat) {
  const Document deep =
      Read(Docx(ListP(1, 0, "a") + ListP(1, 1, "b") + ListP(1, 2, "c") + ListP(1, 3, "d"),
                {{"numbering", "numbering.xml",
                  Numbering(Level(0, 1949, "upperRoman", "%1") + Level(1, 28, "lowerLetter", "%2") +
                            Level(2, 105, "chineseCountingThousand", "%3") +
                            Level(3, 21, "decimalEnclosedCircle", "%4"))}}));
  EXPECT_EQ(Labels(deep.body), (std::vector<std::string>{"MCMXLIX", "bb", "一百零五", "21"}));
}

TEST(DocxNumbering, StartOverrideRestartsAndSharedListsContinue) {
  const std::string numbering =
      WordPart("numbering",
               R"(<w:abstractNum w:abstractNumId="1">)" + Level(0, 1, "decimal", "%1.") +
                   R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)"
                   R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
                   R"(<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">)"
                   R"(<w:startOverride w:val="1"/></w:lvlOverride></w:num>)");
  const Document document =
      Read(Docx(ListP(1, 0, "a") + ListP(1, 0, "b") + ListP(2, 0, "continues") +
                    ListP(3, 0, "restarts") + ListP(3, 0, "then counts"),
                {{"numbering", "numbering.xml", numbering}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"1.", "2.", "3.", "1.", "2."}));
}

TEST(DocxNumbering, LevelOverrideRedefinesTheLevelForThatListOnly) {
  const std::string numbering =
      WordPart("numbering",
               R"(<w:abstractNum w:abstractNumId="1">)" + Level(0, 1, "decimal", "%1.") +
                   R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)"
                   R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">)" +
                   Level(0, 3, "upperRoman", "Article %1") + R"(</w:lvlOverride></w:num>)");
  const Document document =
      Read(Docx(ListP(1, 0, "a") + ListP(2, 0, "b") + ListP(2, 0, "c") + ListP(1, 0, "d"),
                {{"numbering", "numbering.xml", numbering}}));
  EXPECT_EQ(Labels(document.body),
            (std::vector<std::string>{"1.", "Article III", "Article IV", "2."}));
}

TEST(DocxNumbering, DeeperLevelsRestartUnlessLvlRestartSaysOtherwise) {
  const Document document =
      Read(Docx(ListP(1, 0, "a") + ListP(1, 1, "a.1") + ListP(1, 2, "never restarts") +
                    ListP(1, 0, "b") + ListP(1, 1, "b.1") + ListP(1, 2, "continues"),
                {{"numbering", "numbering.xml",
                  Numbering(Level(0, 1, "decimal", "%1") + Level(1, 1, "lowerLetter", "%1%2") +
                            Level(2, 1, "lowerRoman", "%3", R"(<w:lvlRestart w:val="0"/>)"))}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"1", "1a", "i", "2", "2a", "ii"}));
}

TEST(DocxNumbering, NumberingComesFromTheParagraphStyle) {
  const std::string styles = WordPart(
      "styles",
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
      R"(</w:style><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>)"
      R"(<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>)"
      R"(</w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>)"
      R"(<w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>)"
      R"(<w:outlineLvl w:val="1"/></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/>)"
      R"(<w:basedOn w:val="H1"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)");
  const std::string numbering =
      Numbering(Level(0, 1, "decimal", "%1", R"(<w:pStyle w:val="H1"/>)") +
                Level(1, 1, "decimal", "%1.%2", R"(<w:pStyle w:val="H2"/>)") +
                Level(2, 1, "decimal", "%1.%2.%3", R"(<w:pStyle w:val="H3"/>)"));
  const Document document =
      Read(Docx(StyledP("H1", "Scope") + StyledP("H2", "Terms") + StyledP("H3", "Detail") +
                    StyledP("H1", "References", R"(<w:numPr><w:numId w:val="0"/></w:numPr>)") +
                    StyledP("H1", "Definitions"),
                {{"styles", "styles.xml", styles}, {"numbering", "numbering.xml", numbering}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"1", "1.1", "1.1.1", "", "2"}));
  EXPECT_EQ(document.body[3].paragraph.list_level, -1);
  EXPECT_EQ(document.body[1].paragraph.heading_level, 2);
}

TEST(DocxNumbering, NumStyleLinkUsesTheStyleDefinition) {
  const std::string styles =
      WordPart("styles",
               R"(<w:style w:type="numbering" w:styleId="LetterList"><w:name w:val="Letter List"/>)"
               R"(<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)");
  const std::string numbering = WordPart(
      "numbering", R"(<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="LetterList"/>)" +
                       Level(0, 1, "lowerLetter", "%1)") +
                       R"(</w:abstractNum><w:abstractNum w:abstractNumId="2">)"
                       R"(<w:numStyleLink w:val="LetterList"/></w:abstractNum>)"
                       R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>)"
                       R"(<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>)");
  const Document document =
      Read(Docx(ListP(2, 0, "x") + ListP(2, 0, "y"),
                {{"styles", "styles.xml", styles}, {"numbering", "numbering.xml", numbering}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"a)", "b)"}));
}

TEST(DocxNumbering, BulletLabelIsItsCharacter) {
  const Document document = Read(
      Docx(ListP(1, 0, "symbol") + ListP(1, 1, "plain") + ListP(1, 2, "none"),
           {{"numbering", "numbering.xml",
             Numbering(Level(0, 1, "bullet", "\xEF\x82\xB7",
                             R"(<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>)") +
                       Level(1, 1, "bullet", "–") + Level(2, 1, "none", ""))}}));
  EXPECT_EQ(Labels(document.body), (std::vector<std::string>{"•", "–", ""}));
  EXPECT_EQ(document.body[2].paragraph.list_level, 2);
}

// ---------------------------------------------------------------------------
// Notes, headers and properties.

TEST(DocxNotes, HeadersFootersNotesAndCommentsStayOutOfTheBody) {
  const std::string footnotes = WordPart(
      "footnotes",
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>)"
      R"(</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>)"
      R"(<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>)"
      R"(<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Resolution 1.</w:t></w:r>)"
      R"(</w:p></w:footnote>)");
  const std::string endnotes = WordPart(
      "endnotes", R"(<w:endnote w:id="1"><w:p><w:r><w:t>End note.</w:t></w:r></w:p></w:endnote>)");
  const std::string comments = WordPart(
      "comments",
      R"(<w:comment w:id="7" w:author="A"><w:p><w:r><w:t>Check the date.</w:t></w:r></w:p>)"
      R"(</w:comment>)");
  const Document document = Read(
      Docx(R"(<w:p><w:r><w:t>Body</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>)",
           {{"footer", "footer1.xml", WordPart("ftr", P("page footer"))},
            {"header", "header1.xml", WordPart("hdr", P("TSB Collective letter 11/20"))},
            {"footnotes", "footnotes.xml", footnotes},
            {"endnotes", "endnotes.xml", endnotes},
            {"comments", "comments.xml", comments}}));
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"Body"});
  ASSERT_EQ(document.notes.size(), 5u);
  EXPECT_EQ(document.notes[0].kind, Note::Kind::kFooter);
  EXPECT_EQ(document.notes[0].id, "word/footer1.xml");
  EXPECT_EQ(Texts(document.notes[0].blocks), std::vector<std::string>{"page footer"});
  EXPECT_EQ(document.notes[1].kind, Note::Kind::kHeader);
  EXPECT_EQ(document.notes[1].id, "word/header1.xml");
  EXPECT_EQ(document.notes[2].kind, Note::Kind::kFootnote);
  EXPECT_EQ(document.notes[2].id, "1");
  EXPECT_EQ(Texts(document.notes[2].blocks), std::vector<std::string>{" See Resolution 1."});
  EXPECT_EQ(document.notes[3].kind, Note::Kind::kEndnote);
  EXPECT_EQ(document.notes[4].kind, Note::Kind::kComment);
  EXPECT_EQ(document.notes[4].id, "7");
  EXPECT_EQ(Texts(document.notes[4].blocks), std::vector<std::string>{"Check the date."});
}

TEST(DocxNotes, HyperlinkInAHeaderUsesTheHeaderRelationships) {
  const std::string header = WordPart(
      "hdr", R"(<w:p><w:hyperlink r:id="rId1"><w:r><w:t>ITU</w:t></w:r></w:hyperlink></w:p>)");
  const Document document = Read(
      Docx(P("body"), {{"header", "header1.xml", header}},
           {{"word/_rels/header1.xml.rels",
             Relationships(Relationship("rId1", "hyperlink", "https://www.itu.int/", true))}}));
  ASSERT_EQ(document.notes.size(), 1u);
  ASSERT_EQ(document.notes[0].blocks.size(), 1u);
  const Paragraph& paragraph = document.notes[0].blocks[0].paragraph;
  ASSERT_EQ(paragraph.links.size(), 1u);
  EXPECT_EQ(paragraph.links[0].target, "https://www.itu.int/");
}

TEST(DocxProperties, CorePropertiesAreRead) {
  const std::string core =
      std::string(kXmlDeclaration) +
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties")"
      R"( xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/")"
      R"( xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Collective letter</dc:title>)"
      R"(<dc:subject></dc:subject><dc:creator>TSB</dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>)"
      R"(<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-12T09:00:00Z</dcterms:created>)"
      R"(<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-13T10:30:00Z</dcterms:modified>)"
      R"(</cp:coreProperties>)";
  const std::string docx = Zip({
      {"[Content_Types].xml", std::string(kContentTypes)},
      {"_rels/.rels",
       Relationships(
           Relationship("rId1", "officeDocument", "word/document.xml") +
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/"
           "2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")},
      {"word/document.xml", WordPart("document", "<w:body>" + P("x") + "</w:body>")},
      {"docProps/core.xml", core},
  });
  const Document document = Read(docx);
  EXPECT_EQ(document.properties.title, "Collective letter");
  EXPECT_EQ(document.properties.creator, "TSB");
  EXPECT_FALSE(document.properties.last_modified_by.has_value());
  EXPECT_EQ(document.properties.created, "2021-01-12T09:00:00Z");
  EXPECT_EQ(document.properties.modified, "2021-01-13T10:30:00Z");
}

// ---------------------------------------------------------------------------
// The package.

TEST(DocxPackage, MainPartIsFoundThroughRelationshipsWithRelativeTargets) {
  // The main part lives in content/, its styles in a sibling folder.
  const std::string docx = Zip({
      {"[Content_Types].xml", std::string(kContentTypes)},
      {"_rels/.rels",
       Relationships(Relationship("rId1", "officeDocument", "/content/../content/main.xml"))},
      {"content/main.xml",
       WordPart("document", "<w:body>" + StyledP("Heading1", "found") + "</w:body>")},
      {"content/_rels/main.xml.rels",
       Relationships(Relationship("rId1", "styles", "../shared/./styles.xml"))},
      {"shared/styles.xml", kStyles},
  });
  const Document document = Read(docx);
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"found"});
  EXPECT_EQ(FirstParagraph(document).style, "heading 1");
}

TEST(DocxPackage, MainPartIsFoundThroughContentTypesWhenThePackageHasNoRelationships) {
  // No _rels/.rels: [Content_Types].xml still declares the main part (here a
  // macro-enabled one under an absolute name); its own relationships are read.
  const std::string types =
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="xml" ContentType="application/xml"/>)"
      R"(<Override PartName="/doc/main.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>)"
      R"(</Types>)";
  const std::string docx = Zip({
      {"[Content_Types].xml", types},
      {"doc/main.xml",
       WordPart("document", "<w:body>" + StyledP("Heading1", "found") + "</w:body>")},
      {"doc/_rels/main.xml.rels", Relationships(Relationship("rId1", "styles", "styles.xml"))},
      {"doc/styles.xml", kStyles},
  });
  const Document document = Read(docx);
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"found"});
  EXPECT_EQ(FirstParagraph(document).heading_level, 1);

  // Content types that name no Word main part leave it not a Word document.
  const Result<Document> sheet = ExtractDocx(Zip({
      {"[Content_Types].xml",
       R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
       R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
      {"xl/workbook.xml", "<workbook/>"},
  }));
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().code, ErrorCode::kNotDocx);
}

TEST(DocxPackage, Utf16MainPartIsRead) {
  std::string utf8 = WordPart("document", "<w:body>" + P("日内瓦 Genève") + "</w:body>");
  utf8.replace(utf8.find("UTF-8"), 5, "UTF-16");
  std::string utf16 = "\xFF\xFE";
  // Widen the UTF-8 text: every character here is in the BMP.
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    char32_t code_point = lead;
    std::size_t length = 1;
    if (lead >= 0xE0) {
      code_point = lead & 0x0F;
      length = 3;
    } else if (lead >= 0xC0) {
      code_point = lead & 0x1F;
      length = 2;
    }
    for (std::size_t k = 1; k < length; ++k) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += length;
    utf16.push_back(static_cast<char>(code_point & 0xFF));
    utf16.push_back(static_cast<char>(code_point >> 8));
  }
  const std::string docx = Zip({
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "word/document.xml"))},
      {"word/document.xml", utf16},
  });
  const Document document = Read(docx);
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"日内瓦 Genève"});
}

TEST(DocxPackage, InvalidUtf8IsRepairedWithAWarning) {
  const Document document = Read(Docx(P("Gen\xE8ve")));
  EXPECT_EQ(FirstParagraph(document).text, "Gen\xEF\xBF\xBDve");
  ASSERT_EQ(document.warnings.size(), 1u);
  EXPECT_EQ(document.warnings[0].code, "invalid-utf8");
}

TEST(DocxPackage, DoctypeIsRefusedAndItsEntitiesNeverExpanded) {
  // OPC [M1.18]: a DTD in a package part is an error.
  const std::string document_xml =
      std::string(kXmlDeclaration) +
      R"(<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>)" +
      WordPart("document", "<w:body>" + P("x&b;y") + "</w:body>").substr(kXmlDeclaration.size());
  const std::string docx = Zip({
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "word/document.xml"))},
      {"word/document.xml", document_xml},
  });
  const Result<Document> result = ExtractDocx(docx);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(result.error().message.find("word/document.xml"), std::string::npos);
  EXPECT_NE(result.error().message.find("DOCTYPE"), std::string::npos);
}

TEST(DocxPackage, DeepNestingIsCutWithAWarningInsteadOfCrashing) {
  std::string body;
  for (int i = 0; i < 100000; ++i) body += "<w:sdt><w:sdtContent>";
  body += P("deep");
  for (int i = 0; i < 100000; ++i) body += "</w:sdtContent></w:sdt>";
  // max_xml_depth refuses this before parsing; raised, the reader still cuts.
  // (It compresses far beyond max_compression_ratio too.)
  ExtractOptions deep;
  deep.max_compression_ratio = 100000;
  const Result<Document> refused = ExtractDocx(Docx(P("top") + body), deep);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(refused.error().message.find("max_xml_depth"), std::string::npos);
  deep.max_xml_depth = 1000000;
  const Document document = Read(Docx(P("top") + body), deep);
  EXPECT_EQ(Texts(document.body), std::vector<std::string>{"top"});
  ASSERT_EQ(document.warnings.size(), 1u);
  EXPECT_EQ(document.warnings[0].code, "nesting-too-deep");

  std::string tables = P("cell");
  for (int i = 0; i < 20; ++i) tables = "<w:tbl><w:tr><w:tc>" + tables + "</w:tc></w:tr></w:tbl>";
  const Document nested = Read(Docx(tables));
  EXPECT_TRUE(nested.warnings.empty());
  const Block* block = &nested.body.at(0);
  for (int i = 0; i < 19; ++i) block = &block->table.rows.at(0).cells.at(0).blocks.at(0);
  EXPECT_EQ(Grid(block->table), (std::vector<std::vector<std::string>>{{"cell"}}));
}

// ---------------------------------------------------------------------------
// Errors.

TEST(DocxErrors, BytesThatAreNotAZipAreRejected) {
  const Result<Document> result = ExtractDocx("This is plain text, not a package.");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kNotAZip);
  EXPECT_EQ(ExtractDocx("").error().code, ErrorCode::kNotAZip);
}

TEST(DocxErrors, ADocxCutInHalfIsTruncated) {
  const std::string docx = ReadFile(kShared / "real-itu" / "td.2484.docx");
  ASSERT_GT(docx.size(), 1000u);
  const Result<Document> result = ExtractDocx(std::string_view(docx).substr(0, docx.size() / 2));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kTruncated);
  EXPECT_NE(result.error().message.find("cut short"), std::string::npos);
}

TEST(DocxErrors, CorruptCompressedDataIsTruncated) {
  std::string filler;
  for (int i = 0; i < 400; ++i) filler += P("paragraph " + std::to_string(i));
  std::string docx = Docx(filler);
  // Damage the middle of word/document.xml's deflated data, found through
  // its local file header (signature, 26 bytes of fields, then the name).
  std::size_t name = docx.find("word/document.xml");
  while (name != std::string::npos &&
         (name < 30 || docx.compare(name - 30, 4, "PK\x03\x04") != 0)) {
    name = docx.find("word/document.xml", name + 1);
  }
  ASSERT_NE(name, std::string::npos);
  for (std::size_t i = name + 200; i < name + 260; ++i) docx[i] = static_cast<char>(~docx[i]);
  const Result<Document> result = ExtractDocx(docx);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kTruncated) << result.error().message;
}

TEST(DocxErrors, ZipWithoutAMainPartIsNotDocx) {
  const Result<Document> no_rels = ExtractDocx(Zip({{"readme.txt", "hello"}}));
  ASSERT_FALSE(no_rels.ok());
  EXPECT_EQ(no_rels.error().code, ErrorCode::kNotDocx);
  EXPECT_NE(no_rels.error().message.find("not a Word document"), std::string::npos);

  // A spreadsheet has a main part too, but not a w:document.
  const Result<Document> workbook = ExtractDocx(Zip({
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "xl/workbook.xml"))},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>)"},
  }));
  ASSERT_FALSE(workbook.ok());
  EXPECT_EQ(workbook.error().code, ErrorCode::kNotDocx);

  const Result<Document> missing = ExtractDocx(Zip({
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "word/document.xml"))},
  }));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotDocx);
}

TEST(DocxErrors, MalformedXmlNamesThePartAndOffset) {
  const std::string docx = Zip({
      {"_rels/.rels", Relationships(Relationship("rId1", "officeDocument", "word/document.xml"))},
      {"word/document.xml", WordPart("document", "<w:body><w:p><w:r><w:t>x</w:r></w:p></w:body>")},
  });
  const Result<Document> result = ExtractDocx(docx);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(result.error().message.find("word/document.xml"), std::string::npos);
  EXPECT_NE(result.error().message.find("at byte "), std::string::npos);
}

TEST(DocxErrors, MalformedStylesPartIsReported) {
  const Result<Document> result =
      ExtractDocx(Docx(P("x"), {{"styles", "styles.xml", "<w:styles><oops></w:styles>"}}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(result.error().message.find("word/styles.xml"), std::string::npos);
}

TEST(DocxErrors, TooManyEntriesExceedTheLimit) {
  ExtractOptions options;
  options.max_zip_entries = 3;
  const Result<Document> result = ExtractDocx(Docx(P("x")), options);  // 4 entries
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(result.error().message.find("max_zip_entries"), std::string::npos);
  options.max_zip_entries = 4;
  EXPECT_TRUE(ExtractDocx(Docx(P("x")), options).ok());
}

TEST(DocxErrors, InflatingPastTheLimitStops) {
  // A highly compressible part, like a zip bomb in miniature.
  const std::string docx = Docx(P(std::string(200000, 'a')));
  ASSERT_LT(docx.size(), 10000u);
  ExtractOptions options;
  options.max_inflated_bytes = 100000;
  const Result<Document> result = ExtractDocx(docx, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(result.error().message.find("max_inflated_bytes"), std::string::npos);
  EXPECT_TRUE(ExtractDocx(docx).ok());
}

// ---------------------------------------------------------------------------
// The dispatcher and OLE2 files.

// A minimal OLE2 compound file: header, one FAT sector, one directory sector
// holding the root entry and streams with the given names.
std::string Ole2(const std::vector<std::string>& stream_names) {
  constexpr std::size_t kSector = 512;
  std::string bytes(kSector * 3, '\0');
  const auto put32 = [&](std::size_t offset, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>(value >> (8 * i));
  };
  const auto put16 = [&](std::size_t offset, std::uint16_t value) {
    bytes[offset] = static_cast<char>(value & 0xFF);
    bytes[offset + 1] = static_cast<char>(value >> 8);
  };
  bytes.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  put16(0x18, 0x3E);
  put16(0x1A, 3);
  put16(0x1C, 0xFFFE);
  put16(0x1E, 9);  // 512-byte sectors
  put16(0x20, 6);
  put32(0x2C, 1);  // one FAT sector
  put32(0x30, 1);  // directory starts at sector 1
  put32(0x38, 4096);
  put32(0x3C, 0xFFFFFFFE);
  put32(0x44, 0xFFFFFFFE);
  put32(0x4C, 0);  // the FAT is sector 0
  for (std::size_t i = 1; i < 109; ++i) put32(0x4C + 4 * i, 0xFFFFFFFF);
  const std::size_t fat = kSector;
  for (std::size_t i = 0; i < kSector / 4; ++i) put32(fat + 4 * i, 0xFFFFFFFF);
  put32(fat, 0xFFFFFFFD);      // sector 0: FAT
  put32(fat + 4, 0xFFFFFFFE);  // sector 1: directory, end of chain
  std::vector<std::string> names = {"Root Entry"};
  names.insert(names.end(), stream_names.begin(), stream_names.end());
  for (std::size_t i = 0; i < names.size() && i < 4; ++i) {
    const std::size_t entry = 2 * kSector + 128 * i;
    for (std::size_t k = 0; k < names[i].size(); ++k) bytes[entry + 2 * k] = names[i][k];
    put16(entry + 64, static_cast<std::uint16_t>((names[i].size() + 1) * 2));
    bytes[entry + 66] = i == 0 ? 5 : 2;  // root storage, then streams
  }
  return bytes;
}

TEST(ExtractDispatch, EncryptedPackageIsReported) {
  const Result<Document> result =
      Extract(Ole2({"EncryptionInfo", "EncryptedPackage"}), "letter.docx");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kEncrypted);
  EXPECT_NE(result.error().message.find("password"), std::string::npos);
}

TEST(ExtractDispatch, LegacyWordDocumentIsUnsupported) {
  const Result<Document> built = Extract(Ole2({"WordDocument", "1Table"}), "letter.doc");
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(built.error().message.find("Word 97-2003"), std::string::npos);

  int real_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kShared / "real-itu")) {
    if (entry.path().extension() != ".doc") continue;
    ++real_files;
    const Result<Document> result = Extract(ReadFile(entry.path()), entry.path().string());
    ASSERT_FALSE(result.ok()) << entry.path();
    EXPECT_EQ(result.error().code, ErrorCode::kUnsupportedFormat) << entry.path();
    EXPECT_NE(result.error().message.find("libreoffice --headless --convert-to docx"),
              std::string::npos);
  }
  EXPECT_EQ(real_files, 2);
}

TEST(ExtractDispatch, OtherOle2FilesAreUnsupported) {
  const Result<Document> result = Extract(Ole2({"Workbook"}), "budget.xls");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_EQ(result.error().message.find("Word 97-2003"), std::string::npos);
}

TEST(ExtractDispatch, BytesDecideBeforeTheName) {
  const std::string docx = Docx(P("from zip"));
  const Result<Document> zip_named_txt = Extract(docx, "odd.txt");
  ASSERT_TRUE(zip_named_txt.ok());
  EXPECT_EQ(zip_named_txt->format, SourceFormat::kDocx);

  const Result<Document> text = Extract("line\n", "letter.TXT");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->format, SourceFormat::kText);
  EXPECT_TRUE(Extract("line\n", "letter.text").ok());

  EXPECT_EQ(Extract("line\n", "letter.docx").error().code, ErrorCode::kNotAZip);
  EXPECT_EQ(Extract("", "letter.docx").error().code, ErrorCode::kNotAZip);
  EXPECT_EQ(Extract("line\n", "letter").error().code, ErrorCode::kNotAZip);
}

// ---------------------------------------------------------------------------
// Real documents.

int CountParagraphs(const std::vector<Block>& blocks) {
  int count = 0;
  for (const Block& block : blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      ++count;
      continue;
    }
    for (const TableRow& row : block.table.rows) {
      for (const TableCell& cell : row.cells) count += CountParagraphs(cell.blocks);
    }
  }
  return count;
}

TEST(RealDocuments, EveryRealDocxExtractsWithAFullBody) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kShared / "real-itu")) {
    if (entry.path().extension() != ".docx") continue;
    ++files;
    const Result<Document> result = Extract(ReadFile(entry.path()), entry.path().string());
    ASSERT_TRUE(result.ok()) << entry.path() << ": " << result.error().message;
    // The T.832 erratum is a one-page covering note; everything else is long.
    const bool erratum = entry.path().filename().string().find("T.832") != std::string::npos;
    EXPECT_GT(CountParagraphs(result->body), erratum ? 10 : 50) << entry.path();
    EXPECT_TRUE(result->warnings.empty()) << entry.path();
    EXPECT_TRUE(result->properties.modified.has_value()) << entry.path();
  }
  EXPECT_EQ(files, 10);
}

TEST(RealDocuments, TemporaryDocumentHasCommentsHeadingsAndLinks) {
  const Result<Document> result = Extract(ReadFile(kShared / "real-itu" / "td.2484.docx"), "td");
  ASSERT_TRUE(result.ok());
  int comments = 0;
  for (const Note& note : result->notes) comments += note.kind == Note::Kind::kComment;
  EXPECT_GT(comments, 0);
  bool numbered_heading = false;
  bool toc_link = false;
  for (const Block& block : result->body) {
    const Paragraph& paragraph = block.paragraph;
    if (paragraph.heading_level == 2 && paragraph.list_label == "2.1" &&
        paragraph.text == "General Description") {
      numbered_heading = true;
    }
    for (const Hyperlink& link : paragraph.links) toc_link |= link.target.rfind("#_Toc", 0) == 0;
  }
  EXPECT_TRUE(numbered_heading);
  EXPECT_TRUE(toc_link);
}

// ---------------------------------------------------------------------------
// Text exports.

class SeedLetter : public testing::Test {
 protected:
  void SetUp() override {
    const Result<Document> result = ExtractText(ReadFile(kShared / "seed-letter-zh.txt"));
    ASSERT_TRUE(result.ok());
    document_ = result.value();
  }

  std::vector<const Table*> Tables() const {
    std::vector<const Table*> tables;
    for (const Block& block : document_.body) {
      if (block.kind == Block::Kind::kTable) tables.push_back(&block.table);
    }
    return tables;
  }

  Document document_;
};

TEST_F(SeedLetter, HeaderBlockIsOneTable) {
  const std::vector<const Table*> tables = Tables();
  ASSERT_EQ(tables.size(), 3u);
  const Table& header = *tables[0];
  ASSERT_EQ(header.rows.size(), 6u);
  EXPECT_EQ(Grid(header)[0], (std::vector<std::string>{
                                 "文号：", "电信标准化局第11/20号集体函|SG20/CB",
                                 "致：|· 国际电联各成员国主管部门；|· ITU-T部门成员；|· "
                                 "参加第20研究组工作的|ITU-T部门准成员；|· 国际电联学术成员"}));
  EXPECT_EQ(Grid(header)[1], (std::vector<std::string>{"电话：", "+41 22 730 6301", "· "}));
  EXPECT_EQ(Grid(header)[2], (std::vector<std::string>{"传真：", "+41 22 730 5853", ""}));
  EXPECT_EQ(Grid(header)[4], (std::vector<std::string>{"网页：", "https://www.itu.int/go/tsg20"}));
  EXPECT_EQ(Grid(header)[5],
            (std::vector<std::string>{"事由：", "ITU-T第20研究组虚拟会议，2021年5月17-27日"}));
  EXPECT_TRUE(header.rows[2].cells[2].blocks.empty());
}

TEST_F(SeedLetter, DeadlinesAreTwoCellRows) {
  const Table& deadlines = *Tables().at(1);
  EXPECT_EQ(
      Grid(deadlines),
      (std::vector<std::vector<std::string>>{
          {"2021年3月17日", "–\t提交需要翻译的ITU-T成员文稿"},
          {"2021年4月16日", "–\t注册（通过研究组主页www.itu.int/go/tsg20提供的在线注册表进行）"},
          {"2021年5月4日", "–\t提交ITU-T成员文稿（通过文件直传系统）"}}));
}

TEST_F(SeedLetter, AnnexBAgendaIsAThreeColumnTable) {
  const Table& agenda = *Tables().at(2);
  ASSERT_EQ(agenda.rows.size(), 36u);
  const std::vector<std::vector<std::string>> grid = Grid(agenda);
  EXPECT_EQ(grid[0], (std::vector<std::string>{"编号", "项目", "文件"}));
  for (const std::vector<std::string>& row : grid) EXPECT_EQ(row.size(), 3u);
  EXPECT_EQ(grid[4],
            (std::vector<std::string>{
                "4", "批准第20研究组第八次会议（2020年12月16日，虚拟会议）的报告", "Report 15"}));
  EXPECT_EQ(grid[8][0], "7.1");
  int item_19_1 = -1;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (grid[i][0] == "19.1") item_19_1 = static_cast<int>(i);
  }
  ASSERT_GE(item_19_1, 0);
  const TableCell& title = agenda.rows[item_19_1].cells[1];
  EXPECT_EQ(Texts(title.blocks), (std::vector<std::string>{"1/20工作组：", "-批准新工作项目",
                                                           "-批准工作计划", "-批准课题报告"}));
  EXPECT_EQ(grid.back(), (std::vector<std::string>{"25", "会议闭幕", ""}));
}

TEST_F(SeedLetter, ParagraphsLoseBookmarksAndKeepInnerTabs) {
  EXPECT_EQ(document_.format, SourceFormat::kText);
  EXPECT_TRUE(document_.warnings.empty());
  std::vector<std::string> paragraphs;
  for (const Block& block : document_.body) {
    if (block.kind == Block::Kind::kParagraph) paragraphs.push_back(block.paragraph.text);
  }
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front(), " \t2021年1月12日，日内瓦");
  EXPECT_EQ(paragraphs[1], "尊敬的先生/女士：");
  EXPECT_EQ(paragraphs.back(), "_____________________");
  for (const std::string& text : paragraphs) {
    EXPECT_EQ(text.find("[bookmark:"), std::string::npos) << text;
    EXPECT_FALSE(text.empty());
  }
  const auto has = [&](std::string_view text) {
    return std::find(paragraphs.begin(), paragraphs.end(), text) != paragraphs.end();
  };
  EXPECT_TRUE(has("重要截止日期："));
  EXPECT_TRUE(has("附件B"));
  EXPECT_TRUE(has("注 – 议程的更新版本见第20研究组网页。"));
  for (const Block& block : document_.body) {
    EXPECT_EQ(block.paragraph.style, "");
    EXPECT_EQ(block.paragraph.heading_level, 0);
  }
}

TEST(TextExport, CrLfBomAndBookmarksAreRemoved) {
  const Result<Document> result =
      ExtractText("\xEF\xBB\xBF[bookmark: a]first[bookmark: b_2]\r\nsecond [bookmark: c]\r\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Texts(result->body), (std::vector<std::string>{"first", "second "}));
}

TEST(TextExport, InvalidUtf8IsRepairedWithAWarning) {
  const Result<Document> result = ExtractText("Gen\xE8ve\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Texts(result->body), std::vector<std::string>{"Gen\xEF\xBF\xBDve"});
  ASSERT_EQ(result->warnings.size(), 1u);
  EXPECT_EQ(result->warnings[0].code, "invalid-utf8");
}

TEST(TextExport, TableRowsAndTheirBoundaries) {
  const Result<Document> result = ExtractText(
      "\ta\n\tb\n\n\tc\n\td\n\n\n\te\n\tf\nparagraph\n\n\tg\n\th\n\n\tonly one cell line\n");
  ASSERT_TRUE(result.ok());
  const std::vector<Block>& body = result->body;
  ASSERT_EQ(Texts(body), (std::vector<std::string>{"<table>", "<table>", "only one cell line"}));
  EXPECT_EQ(Grid(body[0].table), (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(Grid(body[1].table),
            (std::vector<std::vector<std::string>>{{"e", "f|paragraph"}, {"g", "h"}}));
}

TEST(TextExport, ParagraphLineEndsTheTable) {
  const Result<Document> result = ExtractText("\ta\n\tb\n\nplain\n\tc\n\td\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Texts(result->body), (std::vector<std::string>{"<table>", "plain", "<table>"}));
}

}  // namespace
}  // namespace missive
