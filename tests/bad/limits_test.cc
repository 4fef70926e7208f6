// The safety limits one by one, at their edges, through the extract API and
// ConvertFile. check_bad.py covers the same ground end to end with the real
// binary and the default limits; here each limit is set small to show it
// counts what it says and lets through what is just within it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/convert.h"
#include "extract/extract.h"
#include "tests/support/zip_builder.h"

namespace missive {
namespace {

using Part = test_support::ZipPart;

std::string Zip(const std::vector<Part>& parts) { return test_support::ZipParts(parts); }

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kRelationshipType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Rels(const std::vector<std::pair<std::string, std::string>>& type_and_target) {
  std::string xml =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  int id = 0;
  for (const auto& [type, target] : type_and_target) {
    xml += "<Relationship Id=\"rId" + std::to_string(++id) + "\" Type=\"" +
           std::string(kRelationshipType) + type + "\" Target=\"" + target + "\"/>";
  }
  return xml + "</Relationships>";
}

std::string DocumentXml(std::string_view body) {
  return "<w:document xmlns:w=\"" + std::string(kW) + "\"><w:body>" + std::string(body) +
         "</w:body></w:document>";
}

std::string P(std::string_view text) {
  return "<w:p><w:r><w:t>" + std::string(text) + "</w:t></w:r></w:p>";
}

// A package with `body` in word/document.xml (the whole part when `whole`).
std::string Docx(std::string_view body, bool stored = false, std::vector<Part> extra = {},
                 bool whole = false) {
  std::vector<Part> parts = {
      {"_rels/.rels", Rels({{"officeDocument", "word/document.xml"}})},
      {"word/document.xml", whole ? std::string(body) : DocumentXml(body), stored}};
  for (Part& part : extra) parts.push_back(std::move(part));
  return Zip(parts);
}

std::string Repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

std::string Nested(int depth) {
  // document and body are two levels; w:p/w:r/w:t three more.
  return Repeat("<w:sdt><w:sdtContent>", static_cast<std::size_t>(depth)) + P("deep") +
         Repeat("</w:sdtContent></w:sdt>", static_cast<std::size_t>(depth));
}

void ExpectLimit(const Result<Document>& result, std::string_view limit) {
  ASSERT_FALSE(result.ok()) << "expected " << limit;
  EXPECT_EQ(result.error().code, ErrorCode::kLimitExceeded) << result.error().message;
  EXPECT_NE(result.error().message.find(limit), std::string::npos) << result.error().message;
}

// ---------------------------------------------------------------------------

TEST(CompressionRatio, IsJudgedOnlyAfterTheFirstMebibyte) {
  // 'a' repeated deflates about 1000:1.
  const std::string small = Docx(P(std::string(900 * 1024, 'a')));
  EXPECT_TRUE(ExtractDocx(small).ok());
  const std::string large = Docx(P(std::string(3 * 1024 * 1024, 'a')));
  ExpectLimit(ExtractDocx(large), "max_compression_ratio");
  ExtractOptions trusted;
  trusted.max_compression_ratio = 5000;
  EXPECT_TRUE(ExtractDocx(large, trusted).ok());
}

TEST(CompressionRatio, StoredEntriesAreRead) {
  const Result<Document> result = ExtractDocx(Docx(P("stored text"), /*stored=*/true));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->body.at(0).paragraph.text, "stored text");
}

TEST(InflatedBytes, CountAcrossEveryPartRead) {
  // Three headers of 40 KB each: each fits the limit, together they do not.
  const std::string header =
      "<w:hdr xmlns:w=\"" + std::string(kW) + "\">" + P(std::string(40000, 'h')) + "</w:hdr>";
  std::vector<Part> extra = {
      {"word/_rels/document.xml.rels",
       Rels({{"header", "header1.xml"}, {"header", "header2.xml"}, {"header", "header3.xml"}})},
      {"word/header1.xml", header},
      {"word/header2.xml", header},
      {"word/header3.xml", header}};
  const std::string docx = Docx(P("body"), false, extra);
  ExtractOptions options;
  options.max_inflated_bytes = 100000;
  const Result<Document> result = ExtractDocx(docx, options);
  ExpectLimit(result, "max_inflated_bytes");
  EXPECT_NE(result.error().message.find("header3.xml"), std::string::npos)
      << result.error().message;
  options.max_inflated_bytes = 200000;
  EXPECT_TRUE(ExtractDocx(docx, options).ok());
}

TEST(InflatedBytes, TheParsedTreeCountsBeforeItIsBuilt) {
  // 20,000 empty elements in a header: 120 KB of XML, over a MiB as a pugixml tree.
  const std::string header = "<w:hdr xmlns:w=\"" + std::string(kW) + "\"><w:p>" +
                             Repeat("<w:r/>", 20000) + "</w:p></w:hdr>";
  const std::string docx =
      Docx(P("body"), false,
           {{"word/_rels/document.xml.rels", Rels({{"header", "header1.xml"}})},
            {"word/header1.xml", header}});
  ExtractOptions options;
  options.max_inflated_bytes = 512 * 1024;
  const Result<Document> result = ExtractDocx(docx, options);
  ExpectLimit(result, "max_inflated_bytes");
  EXPECT_NE(result.error().message.find("parsed XML"), std::string::npos);
  options.max_inflated_bytes = 2 * 1024 * 1024;
  EXPECT_TRUE(ExtractDocx(docx, options).ok());
}

TEST(InflatedBytes, AStreamedBodyBuildsNoTree) {
  // The same elements in the body: it is read from its bytes, so only they count.
  const std::string docx = Docx("<w:p>" + Repeat("<w:r/>", 20000) + "</w:p>" + P("after"));
  ExtractOptions options;
  options.max_inflated_bytes = 512 * 1024;
  const Result<Document> result = ExtractDocx(docx, options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->body.at(1).paragraph.text, "after");
  // Read through the tree, it counts as before.
  options.tree_reader_only = true;
  ExpectLimit(ExtractDocx(docx, options), "max_inflated_bytes");
}

TEST(XmlDepth, TheLimitItselfIsAllowedOneMoreIsNot) {
  // document, body, two per sdt pair, then p, r, t: 2 + 34 + 3 = 39 deep.
  const std::string docx = Docx(Nested(17));
  ExtractOptions options;
  options.max_xml_depth = 39;
  EXPECT_TRUE(ExtractDocx(docx, options).ok());
  options.max_xml_depth = 38;
  ExpectLimit(ExtractDocx(docx, options), "max_xml_depth");
}

TEST(XmlDepth, EmptyElementsCommentsCdataAndQuotedBracketsDoNotNest) {
  ExtractOptions options;
  options.max_xml_depth = 8;
  const std::string body =
      Repeat("<w:p/>", 50) + "<!-- <w:p><w:p><w:p><w:p><w:p><w:p><w:p><w:p> -->" +
      "<?pi <w:p><w:p><w:p><w:p><w:p><w:p> ?>" +
      "<w:p w:rsidR=\"a>b\" w:x='/>'><w:r><w:t><![CDATA[<a><b><c><d><e><f><g>]]></w:t></w:r></w:p>";
  const Result<Document> result = ExtractDocx(Docx(body), options);
  ASSERT_TRUE(result.ok()) << result.error().message;
}

TEST(XmlDepth, Utf16PartsAreScannedToo) {
  for (const bool big_endian : {false, true}) {
    const std::string xml = DocumentXml(Nested(200));
    std::string utf16 = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char c : xml) {  // ASCII
      if (big_endian) utf16.push_back('\0');
      utf16.push_back(c);
      if (!big_endian) utf16.push_back('\0');
    }
    ExpectLimit(ExtractDocx(Docx(utf16, false, {}, /*whole=*/true)), "max_xml_depth");
  }
}

TEST(Paragraphs, ParagraphsAndCellsCountInEveryPart) {
  ExtractOptions options;
  options.max_paragraphs = 10;
  EXPECT_TRUE(ExtractDocx(Docx(Repeat(P("x"), 10)), options).ok());
  ExpectLimit(ExtractDocx(Docx(Repeat(P("x"), 11)), options), "max_paragraphs");
  // 3 cells with a paragraph each, and 5 paragraphs: 11.
  const std::string table =
      "<w:tbl><w:tr>" + Repeat("<w:tc>" + P("c") + "</w:tc>", 3) + "</w:tr></w:tbl>";
  ExpectLimit(ExtractDocx(Docx(table + Repeat(P("x"), 5)), options), "max_paragraphs");
  // A header's paragraphs count with the body's.
  const std::string header =
      "<w:hdr xmlns:w=\"" + std::string(kW) + "\">" + Repeat(P("h"), 6) + "</w:hdr>";
  const std::string with_header =
      Docx(Repeat(P("x"), 6), false,
           {{"word/_rels/document.xml.rels", Rels({{"header", "header1.xml"}})},
            {"word/header1.xml", header}});
  ExpectLimit(ExtractDocx(with_header, options), "max_paragraphs");
}

TEST(TextExports, FollowTheSameLimits) {
  ExtractOptions options;
  options.max_paragraphs = 5;
  EXPECT_TRUE(Extract("1\n2\n3\t4\n", "letter.txt", options).ok());  // 3 lines, 1 tab
  ExpectLimit(Extract("1\n2\n3\n4\n5\n6\n", "letter.txt", options), "max_paragraphs");
  options = {};
  options.max_inflated_bytes = 100;
  EXPECT_TRUE(Extract(std::string(100, 'x'), "letter.txt", options).ok());
  ExpectLimit(Extract(std::string(101, 'x'), "letter.txt", options), "max_inflated_bytes");
}

TEST(Doctype, IsRefusedWhereverItStandsAndOnlyThere) {
  const std::string laughs =
      R"(<?xml version="1.0"?><!-- a comment first --><!DOCTYPE x [<!ENTITY a "aaaa">]>)" +
      DocumentXml(P("&a;"));
  const Result<Document> result = ExtractDocx(Docx(laughs, false, {}, true));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kXmlMalformed);
  EXPECT_NE(result.error().message.find("DOCTYPE"), std::string::npos);
  // The same characters as text, in a comment or CDATA, are no DTD.
  const Result<Document> text =
      ExtractDocx(Docx(P("&lt;!DOCTYPE x&gt;") + "<!-- <!DOCTYPE y> -->" +
                       "<w:p><w:r><w:t><![CDATA[<!DOCTYPE z>]]></w:t></w:r></w:p>"));
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text->body.at(0).paragraph.text, "<!DOCTYPE x>");
  EXPECT_EQ(text->body.at(1).paragraph.text, "<!DOCTYPE z>");
}

TEST(PartNames, MatchWithoutCaseButNeverTwice) {
  const std::string one = Zip({{"_rels/.rels", Rels({{"officeDocument", "word/document.xml"}})},
                               {"Word/Document.XML", DocumentXml(P("found"))}});
  const Result<Document> found = ExtractDocx(one);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->body.at(0).paragraph.text, "found");

  const std::string two = Zip({{"_rels/.rels", Rels({{"officeDocument", "word/document.xml"}})},
                               {"word/document.xml", DocumentXml(P("one"))},
                               {"word/Document.xml", DocumentXml(P("two"))}});
  const Result<Document> twice = ExtractDocx(two);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kNotDocx);
  EXPECT_NE(twice.error().message.find("more than once"), std::string::npos);
}

// ---------------------------------------------------------------------------
// ConvertFile on what is not a regular file answers at once, without reading.

class NotAFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("missive-limits-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  static LetterRecord ConvertQuickly(const std::string& path) {
    const auto start = std::chrono::steady_clock::now();
    LetterRecord record = ConvertFile(path);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << path;
    return record;
  }

  std::filesystem::path folder_;
};

TEST_F(NotAFile, ADirectoryIsAnIoError) {
  const std::filesystem::path folder = folder_ / "letter.docx";
  std::filesystem::create_directory(folder);
  const LetterRecord record = ConvertQuickly(folder.string());
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->code, ErrorCode::kIo);
}

TEST_F(NotAFile, DevZeroIsAnIoErrorNotAnEndlessRead) {
  const LetterRecord record = ConvertQuickly("/dev/zero");
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->code, ErrorCode::kIo);
}

TEST_F(NotAFile, AFifoIsAnIoErrorWithoutWaitingForAWriter) {
  const std::filesystem::path fifo = folder_ / "pipe.docx";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const LetterRecord record = ConvertQuickly(fifo.string());
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->code, ErrorCode::kIo);
}

TEST_F(NotAFile, AMissingFileIsAnIoError) {
  const LetterRecord record = ConvertQuickly((folder_ / "missing.docx").string());
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->code, ErrorCode::kIo);
}

}  // namespace
}  // namespace missive
