// Points of the fidelity checklist seen from the record and the command line:
// HYPERLINK field targets reach "urls", `--changes reject` reads the original
// text, and .docm/.dotx/.dotm files are converted from a folder.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/convert.h"
#include "tests/fidelity/fidelity_lines.h"
#include "tests/support/zip_builder.h"

namespace missive::fidelity {
namespace {

namespace fs = std::filesystem;

using test_support::Zip;

// A package as Word lays it out, with `body` as the content of w:body.
std::string WordPackage(const std::string& body) {
  const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
  return Zip({
      {"[Content_Types].xml",
       declaration +
           R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
           R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
           R"(<Default Extension="xml" ContentType="application/xml"/>)"
           R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
           R"(</Types>)"},
      {"_rels/.rels",
       declaration +
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
           R"(</Relationships>)"},
      {"word/document.xml",
       declaration +
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
           body + "</w:body></w:document>"},
  });
}

std::string TextRun(const std::string& text) {
  return R"(<w:r><w:t xml:space="preserve">)" + text + "</w:t></w:r>";
}

std::string Field(const std::string& code, const std::string& result) {
  return R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">)" +
         code + R"(</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>)" + result +
         R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)";
}

TEST(RecordUrls, HyperlinkFieldTargetsAreCollectedAndCodesNeverShow) {
  const std::string url =
      "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285";
  const std::string body =
      // A HYPERLINK field whose result holds a nested field.
      "<w:p>" + TextRun("请通过") +
      Field(" HYPERLINK \"" + url + "\" \\o \"registration\" ",
            TextRun("注册页面") + Field(" DOCPROPERTY Meeting ", TextRun("（SG20）"))) +
      TextRun("注册。") + "</w:p>" +
      // A simple field, and a field whose code names a URL that is no link.
      R"(<w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://www.itu.int/go/tsg20&quot; ">)" +
      TextRun("研究组主页") + "</w:fldSimple>" +
      Field(" INCLUDEPICTURE \"http://picture.example.invalid/logo.png\" \\* MERGEFORMATINET ",
            "") +
      "</w:p>" +
      // A link to a bookmark is not a URL.
      "<w:p>" + Field(" HYPERLINK \\l \"_Annex_B\" ", TextRun("附件B")) + "</w:p>";
  const LetterRecord record = ConvertBytes(WordPackage(body), "fields.docx");
  ASSERT_TRUE(record.ok()) << record.error->message;
  EXPECT_EQ(record.urls, (std::vector<std::string>{url, "https://www.itu.int/go/tsg20"}));
  ASSERT_TRUE(record.text.has_value());
  EXPECT_NE(record.text->find("请通过注册页面（SG20）注册。"), std::string::npos) << *record.text;
  EXPECT_NE(record.text->find("研究组主页"), std::string::npos);
  EXPECT_NE(record.text->find("附件B"), std::string::npos);
  for (const char* code : {"HYPERLINK", "DOCPROPERTY", "INCLUDEPICTURE", "example.invalid"}) {
    EXPECT_EQ(record.text->find(code), std::string::npos) << code;
  }
}

// ---------------------------------------------------------------------------
// The command line.

struct Output {
  int exit_code = -1;
  std::string out;
};

Output Missive(const std::string& args) {
  const std::string command = std::string(MISSIVE_BINARY) + " " + args + " 2>/dev/null";
  Output run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

std::string RecordText(const std::string& args) {
  const Output run = Missive(args);
  EXPECT_EQ(run.exit_code, 0) << args;
  const nlohmann::json record = nlohmann::json::parse(run.out, nullptr, false);
  if (record.is_discarded() || !record["text"].is_string()) {
    ADD_FAILURE() << "no record from: " << args;
    return {};
  }
  return record["text"].get<std::string>();
}

TEST(CommandLine, ChangesRejectReadsTheOriginalText) {
  const std::string letter = Quote(kFidelity / "writers" / "libreoffice-letter.docx");
  const std::string accepted = RecordText("convert " + letter);
  const std::string rejected = RecordText("convert --changes reject " + letter);
  EXPECT_NE(accepted.find("2021年5月17日在日内瓦举行"), std::string::npos);
  EXPECT_EQ(accepted.find("5月16日"), std::string::npos);
  EXPECT_NE(rejected.find("2021年5月16日在日内瓦举行"), std::string::npos);
  EXPECT_EQ(rejected.find("5月17日"), std::string::npos);

  // Word's tracked changes in the study-group TD: one sentence, both views.
  const std::string td = Quote(kShared / "real-itu" / "td.2484.docx");
  const std::string td_accepted = RecordText("convert --changes accept " + td);
  const std::string td_rejected = RecordText("convert --changes reject " + td);
  EXPECT_NE(td_accepted.find("Delivers as soon as possible a report to make sure that any other "
                             "question in need can make the changes in its agenda"),
            std::string::npos);
  EXPECT_NE(td_rejected.find("Delivers immediately a report to make sure that each question in "
                             "need and specifically the question carrying the incubation "
                             "mechanism can make the changes in its agenda"),
            std::string::npos);
}

TEST(CommandLine, FolderWalkConvertsMacroEnabledAndTemplatePackages) {
  const fs::path dir = fs::temp_directory_path() / ("missive_fidelity_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path writers = kFidelity / "writers";
  fs::copy_file(writers / "libreoffice-letter.docm", dir / "a.docm");
  fs::copy_file(writers / "libreoffice-letter.dotx", dir / "b.dotx");
  // LibreOffice writes no macro-enabled template: its template bytes under
  // that name.
  fs::copy_file(writers / "libreoffice-letter.dotx", dir / "c.dotm");
  std::ofstream(dir / "ignored.odt") << "not a Word file";

  const Output run = Missive("convert --format jsonl " + Quote(dir));
  fs::remove_all(dir);
  EXPECT_EQ(run.exit_code, 0);
  std::vector<std::string> paths;
  std::size_t start = 0;
  while (start < run.out.size()) {
    const std::size_t end = run.out.find('\n', start);
    const nlohmann::json record = nlohmann::json::parse(run.out.substr(start, end - start));
    EXPECT_EQ(record["status"], "ok");
    EXPECT_EQ(record["source"]["format"], "docx");
    paths.push_back(fs::path(record["source"]["path"].get<std::string>()).filename().string());
    if (end == std::string::npos) break;
    start = end + 1;
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"a.docm", "b.dotx", "c.dotm"}));
}

}  // namespace
}  // namespace missive::fidelity
