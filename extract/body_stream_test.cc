// The streaming body reader against the tree reader: they must agree on
// every document, and the streaming one must give up (for the tree reader
// to read the part) on whatever it does not know.
#include "extract/body_stream.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/styles.h"
#include "extract/xml_cursor.h"
#include "tests/support/document_dump.h"
#include "tests/support/word_namespaces.h"
#include "tests/support/zip_builder.h"

namespace missive::extract_internal {
namespace {

const std::filesystem::path kSource = MISSIVE_SOURCE_DIR;
const std::filesystem::path kShared = MISSIVE_SHARED_DIR;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Part `name` of the package `docx`, or "" when it has none.
std::string PartOf(const std::string& docx, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return {};
  }
  std::string bytes;
  zip_stat_t stat;
  if (zip_stat(zip, name, 0, &stat) == 0) {
    if (zip_file_t* file = zip_fopen(zip, name, 0)) {
      bytes.resize(stat.size);
      if (zip_fread(file, bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) {
        bytes.clear();
      }
      zip_fclose(file);
    }
  }
  zip_discard(zip);
  return bytes;
}

constexpr std::string_view kNamespaces = test_support::kWordNamespaces;

std::string DocumentXml(std::string_view body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "<w:document" +
         std::string(kNamespaces) + "><w:body>" + std::string(body) + "</w:body></w:document>";
}

// A package whose main part is `document_xml`, with a hyperlink target rId7.
std::string Package(const std::string& document_xml) {
  const std::string relationships =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  return test_support::Zip({
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels",
       relationships +
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
      {"word/document.xml", document_xml},
      {"word/_rels/document.xml.rels",
       relationships +
           R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/x" TargetMode="External"/></Relationships>)"},
  });
}

// What ExtractDocx gives, as text: the document, or the error.
std::string Outcome(const std::string& docx, bool tree_only, bool accept_changes = true) {
  ExtractOptions options;
  options.tree_reader_only = tree_only;
  options.accept_changes = accept_changes;
  const Result<Document> result = ExtractDocx(docx, options);
  if (!result.ok()) {
    return "error " + std::to_string(static_cast<int>(result.error().code)) + ": " +
           result.error().message;
  }
  return test_support::DumpDocument(result.value());
}

void ExpectReadersAgree(const std::string& docx, const std::string& what) {
  for (const bool accept : {true, false}) {
    EXPECT_EQ(Outcome(docx, false, accept), Outcome(docx, true, accept))
        << what << (accept ? " (changes accepted)" : " (changes rejected)");
  }
}

// Whether StreamBody reads `document_xml` itself (no styles, no numbering).
bool Streams(const std::string& document_xml) {
  StyleSheet styles;
  styles.Load(nullptr);
  Numbering numbering;
  numbering.Load(nullptr, styles);
  const ExtractOptions options;
  bool too_deep = false;
  std::uint64_t paragraphs = 0;
  std::optional<Error> limit;
  const PackageContext context{&options, &styles, &numbering, &too_deep, &paragraphs, &limit};
  std::vector<Block> body;
  return StreamBody(document_xml, context, {}, &body);
}

std::vector<std::filesystem::path> WordFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& folder : {kSource / "samples", kSource / "tests", kShared / "real-itu"}) {
    if (!std::filesystem::exists(folder)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
      if (entry.is_regular_file() && entry.path().extension() == ".docx") {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

TEST(BodyStream, AgreesWithTheTreeReaderOnEveryWordFileAtHand) {
  const std::vector<std::filesystem::path> files = WordFiles();
  ASSERT_GE(files.size(), 25u);
  for (const auto& path : files) ExpectReadersAgree(ReadFile(path), path.string());
}

TEST(BodyStream, ReadsTheLettersItself) {
  // Letters must not fall back to the tree: that is its purpose. Two of
  // them hold text boxes.
  int letters = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "tests" / "letters")) {
    if (entry.path().extension() != ".docx") continue;
    ++letters;
    EXPECT_TRUE(Streams(PartOf(ReadFile(entry.path()), "word/document.xml"))) << entry.path();
  }
  EXPECT_GE(letters, 14);
  EXPECT_TRUE(
      Streams(PartOf(ReadFile(kSource / "samples" / "seed-letter-zh.docx"), "word/document.xml")));
}

TEST(BodyStream, ReadsWhatWordWritesInABody) {
  const std::string body =
      // properties first, a tracked property change, a list
      R"(<w:p w:rsidR="00A1"><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/>)"
      R"(<w:numId w:val="3"/></w:numPr><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Title"/>)"
      R"(</w:pPr></w:pPrChange></w:pPr><w:r><w:t>One &amp; two &#x4E00;&#20108;</w:t></w:r></w:p>)"
      // hidden run, tabs, breaks, symbols, hyphen, fields with a hyperlink result
      R"(<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:rPr>)"
      R"(<w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> shown </w:t><w:tab/><w:br/>)"
      R"(<w:cr/><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="F061"/></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> )"
      R"(HYPERLINK "https://a.example/?a=1&amp;b=2" \l "top" </w:instrText></w:r><w:r>)"
      R"(<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>link</w:t></w:r><w:r>)"
      R"(<w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:fldSimple w:instr=" HYPERLINK&#9;&quot;https://b.example&quot; "><w:r><w:t>simple</w:t>)"
      R"(</w:r></w:fldSimple><w:hyperlink r:id="rId7" w:anchor="x"><w:r><w:t>by id</w:t></w:r>)"
      R"(</w:hyperlink></w:p>)"
      // tracked changes, moves, a deleted paragraph mark, content controls, smart tags
      R"(<w:p><w:pPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr><w:ins w:id="3"><w:r><w:t>in</w:t>)"
      R"(</w:r></w:ins><w:del w:id="4"><w:r><w:delText>out</w:delText></w:r></w:del>)"
      R"(<w:moveFrom><w:r><w:t>from</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>to</w:t></w:r>)"
      R"(</w:moveTo></w:p><w:p><w:sdt><w:sdtPr><w:alias w:val="a"/></w:sdtPr><w:sdtContent>)"
      R"(<w:r><w:t>control</w:t></w:r></w:sdtContent></w:sdt><w:smartTag><w:r><w:t>tag</w:t>)"
      R"(</w:r></w:smartTag><w:customXml><w:r><w:t>custom</w:t></w:r></w:customXml>)"
      R"(<w:ruby><w:rubyPr/><w:rt><w:r><w:t>ann</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>base</w:t>)"
      R"(</w:r></w:rubyBase></w:ruby><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0")"
      R"( w:name="b"/><w:bookmarkEnd w:id="0"/></w:p>)"
      // a drawing without a text box, and an inert mc:AlternateContent
      R"(<w:p><w:r><w:drawing><wp:inline><a:graphic/></wp:inline>)"
      R"(</w:drawing><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp/>)"
      R"(</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape/></w:pict>)"
      R"(</mc:Fallback></mc:AlternateContent><w:t>after drawing</w:t></w:r></w:p>)"
      // block-level content controls and changes
      R"(<w:sdt><w:sdtContent><w:p><w:r><w:t>block control</w:t></w:r></w:p></w:sdtContent>)"
      R"(</w:sdt><w:ins><w:p><w:r><w:t>inserted paragraph</w:t></w:r></w:p></w:ins>)"
      R"(<w:del><w:p><w:r><w:t>deleted paragraph</w:t></w:r></w:p></w:del>)"
      // a table: grid before and after, spans, merges, a removed row, a nested table
      R"(<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tblPrEx/><w:trPr>)"
      R"(<w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr><w:tc><w:tcPr>)"
      R"(<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r>)"
      R"(</w:p></w:tc><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc>)"
      R"(</w:sdtContent></w:sdt></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r>)"
      R"(<w:t>merged away</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r>)"
      R"(<w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr><w:tr><w:trPr>)"
      R"(<w:ins w:id="9"/></w:trPr><w:tc><w:p><w:r><w:t>inserted row</w:t></w:r></w:p></w:tc>)"
      R"(</w:tr><w:tr><w:trPr><w:del w:id="9"/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t>)"
      R"(</w:r></w:p></w:tc></w:tr></w:tbl>)"
      "\r\n  <w:p><w:r><w:t>line\r\nend\rx</w:t></w:r></w:p>\n"
      R"(<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>)";
  const std::string xml = DocumentXml(body);
  EXPECT_TRUE(Streams(xml));
  const std::string docx = Package(xml);
  ExpectReadersAgree(docx, "Word's body");
  // Spot checks that the agreement is about the right text.
  const std::string read = Outcome(docx, false);
  EXPECT_NE(read.find("text=[One & two \xE4\xB8\x80\xE4\xBA\x8C]"), std::string::npos) << read;
  EXPECT_NE(read.find("link [link] -> [https://a.example/?a=1&b=2#top]"), std::string::npos)
      << read;
  EXPECT_NE(read.find("link [by id] -> [https://www.itu.int/x#x]"), std::string::npos) << read;
  EXPECT_NE(read.find("text=[line\nend\nx]"), std::string::npos) << read;
  EXPECT_EQ(read.find("merged away"), std::string::npos) << read;
  EXPECT_EQ(read.find("deleted row"), std::string::npos) << read;
}

TEST(BodyStream, LeavesToTheTreeWhatItDoesNotRead) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"equation", R"(<w:p><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>)"},
      {"a namespace name with an entity, where a choice needs it",
       R"(<w:p><mc:AlternateContent xmlns:x14="urn:&amp;x"><mc:Choice Requires="x14"><w:r>)"
       R"(<w:t>new</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>old</w:t></w:r></mc:Fallback>)"
       R"(</mc:AlternateContent></w:p>)"},
      {"properties after the runs",
       R"(<w:p><w:r><w:t>a</w:t></w:r><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:p>)"},
      {"run properties after the text",
       R"(<w:p><w:r><w:t>a</w:t><w:rPr><w:vanish/></w:rPr></w:r></w:p>)"},
      {"row properties after a cell",
       R"(<w:tbl><w:tr><w:tc><w:p/></w:tc><w:trPr><w:gridBefore w:val="1"/></w:trPr></w:tr></w:tbl>)"},
      {"cell properties after a paragraph",
       R"(<w:tbl><w:tr><w:tc><w:p/><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>)"},
      {"element in text", R"(<w:p><w:r><w:t>a<w:b/>b</w:t></w:r></w:p>)"},
      {"comment", R"(<w:p><w:r><w:t>a</w:t><!-- c --></w:r></w:p>)"},
      {"CDATA", R"(<w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>)"},
      {"processing instruction", R"(<w:p><?pi x?></w:p>)"},
      {"unknown entity", R"(<w:p><w:r><w:t>a &nbsp; b</w:t></w:r></w:p>)"},
      {"character reference to NUL", R"(<w:p><w:r><w:t>a &#0; b</w:t></w:r></w:p>)"},
      {"surrogate reference", R"(<w:p><w:r><w:t>a &#xD800; b</w:t></w:r></w:p>)"},
      {"entity in a skipped attribute is fine but a '<' is not", R"(<w:p w:x="a<b"/>)"},
      {"mismatched end tag", R"(<w:p><w:r><w:t>a</w:t></w:p></w:r>)"},
      {"missing quote", R"(<w:p w:rsidR=00A1><w:r><w:t>a</w:t></w:r></w:p>)"},
      {"attributes run together", R"(<w:p w:a="1"w:b="2"/>)"},
      {"space after '<'", R"(< w:p/>)"},
      {"NUL in text", std::string("<w:p><w:r><w:t>a\0b</w:t></w:r></w:p>", 36)},
  };
  for (const auto& [what, body] : cases) {
    const std::string xml = DocumentXml(body);
    EXPECT_FALSE(Streams(xml)) << what;
    ExpectReadersAgree(Package(xml), what);
  }
  EXPECT_FALSE(Streams(DocumentXml("<w:p/>") + "<trailing/>"));
  EXPECT_FALSE(Streams(DocumentXml("<w:p/>").substr(0, 200)));
  EXPECT_FALSE(Streams(std::string(R"(<?xml version="1.0" encoding="ISO-8859-1"?>)") +
                       DocumentXml("<w:p/>").substr(55)));
  EXPECT_FALSE(Streams(R"(<!DOCTYPE d [<!ENTITY e "x">]>)" + DocumentXml("<w:p/>").substr(55)));
  // pugixml's scan for the declaration's end stops at a NUL.
  EXPECT_FALSE(
      Streams(std::string("<?xml version=\"1.0\"\0?>", 22) + DocumentXml("<w:p/>").substr(55)));
  // A default namespace for WordprocessingML is read by the tree reader.
  const std::string default_namespace =
      R"(<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<body><p><r><t>plain</t></r></p></body></document>)";
  EXPECT_FALSE(Streams(default_namespace));
  ExpectReadersAgree(Package(default_namespace), "default namespace");
  // Entities and references the tree reader would decode the same way are read.
  EXPECT_TRUE(
      Streams(DocumentXml(R"(<w:p><w:r><w:t>&lt;&gt;&apos;&quot;&#65;&#x42;</w:t></w:r></w:p>)")));
}

TEST(BodyStream, ReadsTextBoxesAndAlternateContent) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"DrawingML text box with a VML fallback",
       R"(<w:p><w:r><w:t xml:space="preserve">anchor </w:t></w:r><w:r><mc:AlternateContent>)"
       R"(<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>)"
       R"(<wps:txbx><w:txbxContent><w:p><w:r><w:t>box one</w:t></w:r></w:p><w:p><w:r>)"
       R"(<w:t>box two</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>)"
       R"(</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>)"
       R"(<v:textbox><w:txbxContent><w:p><w:r><w:t>fallback box</w:t></w:r></w:p>)"
       R"(</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>)"
       R"(</w:r><w:r><w:t>text</w:t></w:r></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>)"},
      {"VML text box",
       R"(<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>)"
       R"(<w:t>boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>)"},
      {"a text box in a text box, in a hidden run, in a field code, after a removed mark",
       R"(<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:pict><v:shape><v:textbox>)"
       R"(<w:txbxContent><w:p><w:r><w:t>outer</w:t><w:pict><v:textbox><w:txbxContent><w:p>)"
       R"(<w:r><w:t>inner</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></w:r></w:p>)"
       R"(</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:rPr><w:vanish/></w:rPr>)"
       R"(<w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>hidden</w:t></w:r></w:p>)"
       R"(</w:txbxContent></v:textbox></w:pict></w:r><w:r><w:fldChar w:fldCharType="begin"/>)"
       R"(</w:r><w:r><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>in code</w:t></w:r></w:p>)"
       R"(</w:txbxContent></v:textbox></w:pict></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
       R"(</w:p><w:p><w:r><w:t>joined</w:t></w:r></w:p>)"},
      {"runs chosen by Requires",
       R"(<w:p><mc:AlternateContent><mc:Choice Requires="w16se"><w16se:symEx w16se:char="1F600"/>)"
       R"(</mc:Choice><mc:Fallback><w:r><w:t>:-)</w:t></w:r></mc:Fallback></mc:AlternateContent>)"
       R"(<mc:AlternateContent><mc:Choice Requires="w14 wps"><w:r><w:t xml:space="preserve"> new</w:t>)"
       R"(</w:r></mc:Choice><mc:Fallback><w:r><w:t xml:space="preserve"> old</w:t></w:r>)"
       R"(</mc:Fallback></mc:AlternateContent><mc:AlternateContent><mc:Fallback><w:r><w:t> first</w:t>)"
       R"(</w:r></mc:Fallback><mc:Choice Requires="w14"><w:r><w:t> later</w:t></w:r></mc:Choice>)"
       R"(</mc:AlternateContent><mc:AlternateContent><mc:Choice Requires="zz"><w:r><w:t>none</w:t>)"
       R"(</w:r></mc:Choice></mc:AlternateContent></w:p>)"},
      {"namespaces declared below the root, the nearest counting",
       R"(<w:p xmlns:x1="http://schemas.microsoft.com/office/word/2010/wordml"><w:r>)"
       R"(<mc:AlternateContent xmlns:x2="urn:other"><mc:Choice Requires="x2"><w:t>no</w:t>)"
       R"(</mc:Choice><mc:Choice Requires="x1"><w:t>x1</w:t></mc:Choice></mc:AlternateContent>)"
       R"(<mc:AlternateContent><mc:Choice xmlns:x1="urn:other" Requires="x1"><w:t>no</w:t>)"
       R"(</mc:Choice><mc:Fallback><w:t xml:space="preserve"> fallback</w:t></mc:Fallback>)"
       R"(</mc:AlternateContent></w:r></w:p>)"},
      {"blocks, rows and cells in alternate content",
       R"(<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>new block</w:t></w:r>)"
       R"(</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>old block</w:t></w:r></w:p></mc:Fallback>)"
       R"(</mc:AlternateContent><w:tbl><mc:AlternateContent><mc:Fallback><w:tr><w:tc><w:p><w:r>)"
       R"(<w:t>row</w:t></w:r></w:p></w:tc><mc:AlternateContent><mc:Choice Requires="wpg"><w:tc>)"
       R"(<w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></mc:Choice></mc:AlternateContent></w:tr>)"
       R"(</mc:Fallback></mc:AlternateContent></w:tbl>)"
       // a skipped grid column before cells in alternate content
       R"(<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><mc:AlternateContent>)"
       R"(<mc:Fallback><w:tc><w:p><w:r><w:t>after the gap</w:t></w:r></w:p></w:tc></mc:Fallback>)"
       R"(</mc:AlternateContent></w:tr></w:tbl>)"},
  };
  for (const auto& [what, body] : cases) {
    const std::string xml = DocumentXml(body);
    EXPECT_TRUE(Streams(xml)) << what;
    ExpectReadersAgree(Package(xml), what);
  }
  const std::string read = Outcome(Package(DocumentXml(cases[0].second)), false);
  EXPECT_NE(read.find("text=[anchor text]\np style=[] heading=0 label=[] level=-1 text=[box one]\n"
                      "p style=[] heading=0 label=[] level=-1 text=[box two]\n"),
            std::string::npos)
      << read;
  EXPECT_EQ(read.find("fallback box"), std::string::npos) << read;
  const std::string runs = Outcome(Package(DocumentXml(cases[3].second)), false);
  EXPECT_NE(runs.find("text=[:-) new first]"), std::string::npos) << runs;
  const std::string nearest = Outcome(Package(DocumentXml(cases[4].second)), false);
  EXPECT_NE(nearest.find("text=[x1 fallback]"), std::string::npos) << nearest;
}

TEST(BodyStream, NestingPastTheLimitsIsLeftToTheTree) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<w:sdt><w:sdtContent>";
  deep += "<w:p><w:r><w:t>deep</w:t></w:r></w:p>";
  for (int i = 0; i < 300; ++i) deep += "</w:sdtContent></w:sdt>";
  const std::string xml = DocumentXml(deep);
  EXPECT_FALSE(Streams(xml));
  ExpectReadersAgree(Package(xml), "deep nesting");
}

// Random damage to a real letter's document.xml: whatever the bytes, the
// two readers give the same document or the same error.
TEST(BodyStream, AgreesOnDamagedLetters) {
  const std::string xml =
      PartOf(ReadFile(kSource / "samples" / "seed-letter-zh.docx"), "word/document.xml");
  ASSERT_GT(xml.size(), 10000u);
  std::mt19937 random(20261207);
  constexpr std::string_view kPieces[] = {"<",
                                          ">",
                                          "/",
                                          "\"",
                                          "'",
                                          "&",
                                          "=",
                                          " ",
                                          "\r",
                                          ";",
                                          "&amp;",
                                          "&#",
                                          "<w:p>",
                                          "</w:r>",
                                          "<w:t>",
                                          "<!--",
                                          "]]>",
                                          "\xEF\xBB\xBF",
                                          std::string_view("\0", 1)};
  int streamed = 0;
  for (int round = 0; round < 600; ++round) {
    std::string damaged = xml;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int edit = 0; edit < edits; ++edit) {
      const std::size_t at = random() % damaged.size();
      switch (random() % 3) {
        case 0:
          damaged.erase(at, 1 + random() % 8);
          break;
        case 1:
          damaged.insert(at, kPieces[random() % std::size(kPieces)]);
          break;
        default:
          damaged[at] = kPieces[random() % std::size(kPieces)][0];
          break;
      }
    }
    streamed += Streams(damaged) ? 1 : 0;
    const std::string docx = Package(damaged);
    ASSERT_EQ(Outcome(docx, false), Outcome(docx, true)) << "round " << round;
  }
  // Some damage leaves well-formed XML the streaming reader reads.
  EXPECT_GT(streamed, 0);
}

// The relationships and the core properties are read from their bytes
// too; damaged, they (and the styles beside them) must still read as their
// trees do.
TEST(SmallParts, AgreeWithTheTreeReaderWhenDamaged) {
  const std::string document = DocumentXml(
      R"(<w:p><w:hyperlink r:id="rId7"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>)"
      R"(<w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>styled</w:t></w:r></w:p>)");
  const std::string styles =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:docDefaults/><w:latentStyles w:count="1"><w:lsdException w:name="x"/></w:latentStyles>)"
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
      R"(</w:style><w:style w:type="paragraph" w:styleId="Top"><w:name w:val="Top &amp; tail"/>)"
      R"(<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/><w:numPr><w:ilvl w:val="2"/>)"
      R"(</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Sub">)"
      R"(<w:name w:val="Sub"/><w:basedOn w:val="Top"/></w:style>)"
      R"(<w:style w:type="character" w:styleId="Em"><w:name w:val="Emphasis"/></w:style>)"
      R"(</w:styles>)";
  const std::string package_rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
      R"(<Relationship Id="rId1" Type=" http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument " Target="word/document.xml"/>)"
      R"(</Relationships>)";
  const std::string document_rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/a?b=1&amp;c=2" TargetMode="External"/>)"
      R"(<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
      R"(</Relationships>)";
  const std::string core =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">)"
      R"(<dc:title> Collective letter &amp; annex </dc:title><dc:creator>TSB</dc:creator>)"
      R"(<cp:lastModifiedBy/><dcterms:created>2021-03-22T09:00:00Z</dcterms:created>)"
      R"(</cp:coreProperties>)";
  const auto package = [&](const std::string& a, const std::string& b, const std::string& c,
                           const std::string& d) {
    return test_support::Zip({{"_rels/.rels", a},
                              {"word/document.xml", document},
                              {"word/_rels/document.xml.rels", b},
                              {"docProps/core.xml", c},
                              {"word/styles.xml", d}});
  };
  const std::string intact = package(package_rels, document_rels, core, styles);
  const std::string read = Outcome(intact, false);
  EXPECT_NE(read.find("link [link] -> [https://www.itu.int/a?b=1&c=2]"), std::string::npos) << read;
  EXPECT_NE(read.find("title=[Collective letter & annex]"), std::string::npos) << read;
  // The style's outline level inherited along w:basedOn.
  EXPECT_NE(read.find("p style=[Sub] heading=2"), std::string::npos) << read;
  ExpectReadersAgree(intact, "intact small parts");

  std::mt19937 random(7);
  constexpr std::string_view kPieces[] = {"<",   ">",    "/",    "\"",
                                          "&",   "=",    " ",    "<!-- -->",
                                          "<x>", "</x>", "&#0;", std::string_view("\0", 1)};
  const auto damage = [&](std::string text) {
    const std::size_t at = random() % text.size();
    if (random() % 2 == 0) {
      text.erase(at, 1 + random() % 6);
    } else {
      text.insert(at, kPieces[random() % std::size(kPieces)]);
    }
    return text;
  };
  for (int round = 0; round < 400; ++round) {
    const std::string docx =
        package(round % 4 == 0 ? damage(package_rels) : package_rels,
                round % 4 == 1 ? damage(document_rels) : document_rels,
                round % 4 == 2 ? damage(core) : core, round % 4 == 3 ? damage(styles) : styles);
    ASSERT_EQ(Outcome(docx, false), Outcome(docx, true)) << "round " << round;
  }
}

TEST(XmlCursor, DecodesTextAndAttributesAsPugixmlDoes) {
  const std::string xml = "<a x=\"1&amp;2\t3\r\n4&#x41;\" y='\"'>t&lt;\r\nu\rv&#20013;</a>";
  XmlCursor cursor(xml, 10);
  ASSERT_EQ(cursor.Begin(), XmlCursor::Event::kStart);
  std::string scratch;
  std::string_view value;
  bool found = false;
  ASSERT_TRUE(cursor.Attribute("x", &scratch, &value, &found));
  EXPECT_TRUE(found);
  EXPECT_EQ(value, "1&2 3 4A");
  std::string other;
  ASSERT_TRUE(cursor.Attribute("y", &other, &value, &found));
  EXPECT_EQ(value, "\"");
  ASSERT_TRUE(cursor.Attribute("z", &other, &value, &found));
  EXPECT_FALSE(found);
  ASSERT_EQ(cursor.Next(), XmlCursor::Event::kText);
  std::string text;
  ASSERT_TRUE(cursor.AppendText(cursor.raw_text(), &text));
  EXPECT_EQ(text, "t<\nu\nv\xE4\xB8\xAD");
  EXPECT_EQ(cursor.Next(), XmlCursor::Event::kEnd);
  EXPECT_EQ(cursor.Next(), XmlCursor::Event::kDone);
}

TEST(XmlCursor, EmptyElementsEndAtOnce) {
  const std::string xml = "<a><b/><c></c></a>";
  XmlCursor cursor(xml, 10);
  ASSERT_EQ(cursor.Begin(), XmlCursor::Event::kStart);
  ASSERT_EQ(cursor.Next(), XmlCursor::Event::kStart);
  EXPECT_EQ(cursor.name(), "b");
  EXPECT_TRUE(cursor.empty_element());
  EXPECT_EQ(cursor.depth(), 2u);
  ASSERT_EQ(cursor.Next(), XmlCursor::Event::kEnd);
  ASSERT_EQ(cursor.Next(), XmlCursor::Event::kStart);
  EXPECT_FALSE(cursor.empty_element());
  EXPECT_TRUE(cursor.SkipElement());
  EXPECT_EQ(cursor.Next(), XmlCursor::Event::kEnd);
  EXPECT_EQ(cursor.name(), "a");
  EXPECT_EQ(cursor.Next(), XmlCursor::Event::kDone);
}

TEST(XmlCursor, FailsWithoutTheNulAfterThePart) {
  const std::string xml = "<a/>x";
  XmlCursor cursor(std::string_view(xml).substr(0, 4), 10);
  EXPECT_EQ(cursor.Begin(), XmlCursor::Event::kFail);
}

}  // namespace
}  // namespace missive::extract_internal
