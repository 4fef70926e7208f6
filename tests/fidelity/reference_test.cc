// The real ITU documents (../shared/real-itu/) against LibreOffice's text
// exports of them (reference/, made once; see reference/README.md): body
// paragraphs as Word shows them, paragraph for paragraph, in both views of
// tracked changes; each file's record status and language; legacy .doc files.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/convert.h"
#include "extract/extract.h"
#include "tests/fidelity/fidelity_lines.h"

namespace missive::fidelity {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Text boxes, found independently of missive: LibreOffice's text export
// leaves them out, so the comparison sets them aside (reference/README.md).

std::string ZipEntry(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  std::string content;
  if (archive != nullptr) {
    zip_stat_t stat;
    if (zip_stat(archive, name, 0, &stat) == 0) {
      if (zip_file_t* file = zip_fopen(archive, name, 0)) {
        content.resize(static_cast<std::size_t>(stat.size));
        const zip_int64_t read = zip_fread(file, content.data(), content.size());
        content.resize(read < 0 ? 0 : static_cast<std::size_t>(read));
        zip_fclose(file);
      }
    }
    zip_close(archive);
  } else if (source != nullptr) {
    zip_source_free(source);
  }
  zip_error_fini(&error);
  return content;
}

void CollectText(pugi::xml_node node, std::string* text) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "w:t") {
      text->append(child.child_value());
    } else if (name == "w:tab") {
      text->push_back('\t');
    } else if (name == "w:br" || name == "w:cr") {
      text->push_back('\n');
    } else if (name != "w:txbxContent" && name != "mc:Fallback") {
      CollectText(child, text);
    }
  }
}

void CollectTextBoxes(pugi::xml_node node, bool in_text_box, std::vector<std::string>* lines) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "mc:Fallback") continue;  // the same boxes again, for older readers
    if (name == "w:txbxContent") {
      CollectTextBoxes(child, true, lines);
    } else if (name == "w:p" && in_text_box) {
      std::string text;
      CollectText(child, &text);
      for (std::string& line : TextLines(text)) lines->push_back(std::move(line));
      CollectTextBoxes(child, false, lines);  // a text box anchored inside this one
    } else {
      CollectTextBoxes(child, in_text_box, lines);
    }
  }
}

std::vector<std::string> TextBoxLines(const std::string& docx_bytes) {
  pugi::xml_document document;
  const std::string xml = ZipEntry(docx_bytes, "word/document.xml");
  std::vector<std::string> lines;
  // A run of spaces alone in a w:t is text too.
  if (document.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    CollectTextBoxes(document, false, &lines);
  }
  return lines;
}

// ---------------------------------------------------------------------------
// The comparison.

// LibreOffice's text filter writes every bullet as the default bullet of its
// level, whatever character the document uses.
std::string LibreOfficeBullet(int level) {
  constexpr std::string_view kBullets[] = {"\u2022", "\u25E6", "\u25AA"};
  return std::string(kBullets[(level < 0 ? 0 : level) % 3]);
}

std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

// A label of one character that is not a digit: a bullet ("•", "-", "o").
bool IsBulletLike(std::string_view label) {
  const std::u32string decoded = Decode(label);
  return decoded.size() == 1 && !u_isdigit(static_cast<UChar32>(decoded[0]));
}

// LibreOffice writes a w:sym character of a symbol font as its private-use
// code (U+F0E3 for the Symbol font's ©) where Word shows the glyph.
bool EqualWithSymbolWildcards(std::string_view reference, std::string_view emitted) {
  const std::u32string a = Decode(reference);
  const std::u32string b = Decode(emitted);
  if (a.size() != b.size()) return false;
  bool wildcard = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] < 0xF020 || a[i] > 0xF0FF) return false;
    wildcard = true;
  }
  return wildcard;
}

struct Score {
  std::size_t reference = 0;
  std::size_t emitted = 0;  // text-box lines not counted
  std::size_t exact = 0;
  std::size_t bullets = 0;  // matched through LibreOffice's bullet characters
  std::size_t symbols = 0;  // matched through private-use symbol codes
  std::size_t text_boxes = 0;
  std::vector<std::string> missing;           // reference lines missive lacks
  std::vector<std::string> extra;             // missive lines the reference lacks
  std::vector<std::string> twice;             // missive lines shown more often than Word does
  std::vector<std::string> text_box_missing;  // text-box lines missive lacks

  std::size_t matched() const { return exact + bullets + symbols; }
  double recall() const { return reference == 0 ? 0 : double(matched()) / double(reference); }
  double precision() const { return emitted == 0 ? 0 : double(matched()) / double(emitted); }
};

Score Compare(const std::vector<std::string>& reference, const std::vector<Line>& emitted,
              const std::vector<std::string>& text_boxes) {
  Score score;
  score.reference = reference.size();
  std::vector<bool> used(emitted.size(), false);  // matched or set aside

  // Text boxes: each must be shown once for every time it is in the document.
  for (const std::string& box_line : text_boxes) {
    bool found = false;
    for (std::size_t i = 0; i < emitted.size() && !found; ++i) {
      if (!used[i] && emitted[i].text == box_line) used[i] = found = true;
    }
    if (found) {
      ++score.text_boxes;
    } else {
      score.text_box_missing.push_back(box_line);
    }
  }
  score.emitted = emitted.size() - score.text_boxes;

  std::map<std::string, std::size_t> available;  // reference lines not yet matched
  for (const std::string& line : reference) ++available[line];
  const auto take = [&](const std::string& line) {
    const auto it = available.find(line);
    if (it == available.end() || it->second == 0) return false;
    --it->second;
    return true;
  };
  std::vector<bool> matched(emitted.size(), false);
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    if (!used[i] && take(emitted[i].text)) {
      matched[i] = used[i] = true;
      ++score.exact;
    }
  }
  // Only what the exact pass left over is paired through LibreOffice's habits.
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    if (used[i]) continue;
    const Line& line = emitted[i];
    if (IsBulletLike(line.label) && line.level >= 0 &&
        take(NormalizeLine(LibreOfficeBullet(line.level) + " " + line.body))) {
      matched[i] = used[i] = true;
      ++score.bullets;
      continue;
    }
    for (auto& [candidate, count] : available) {
      if (count > 0 && EqualWithSymbolWildcards(candidate, line.text)) {
        --count;
        matched[i] = used[i] = true;
        ++score.symbols;
        break;
      }
    }
  }
  for (const auto& [line, count] : available) {
    for (std::size_t k = 0; k < count; ++k) score.missing.push_back(line);
  }
  std::map<std::string, std::pair<int, int>> seen;  // text -> (shown, matched)
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    if (!used[i]) score.extra.push_back(emitted[i].text);
    auto& [shown, hits] = seen[emitted[i].text];
    ++shown;
    hits += used[i];
  }
  // A paragraph shown more than once must be in the reference that often.
  for (const auto& [text, counts] : seen) {
    if (counts.first > 1 && counts.second < counts.first) score.twice.push_back(text);
  }
  return score;
}

std::string Sample(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) out << "\n    " << lines[i];
  if (lines.size() > 10) out << "\n    ... " << lines.size() - 10 << " more";
  return out.str();
}

struct ReferenceCase {
  std::string docx;       // in ../shared/real-itu/
  std::string reference;  // in reference/
  bool accept_changes;
};

void PrintTo(const ReferenceCase& param, std::ostream* out) {
  *out << param.docx << (param.accept_changes ? " (changes accepted)" : " (changes rejected)");
}

std::string CaseName(const testing::TestParamInfo<ReferenceCase>& info) {
  std::string name = info.param.reference;
  for (char& c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
  }
  return name;
}

// Where the real documents are; tests fail with this message when it is
// missing, rather than the whole suite failing to list its tests.
const fs::path kRealItu = kShared / "real-itu";
constexpr const char* kNoRealItu =
    "../shared/real-itu/ (the real ITU documents) is not beside the repository";

std::vector<ReferenceCase> Cases() {
  std::vector<ReferenceCase> cases;
  std::error_code error;
  if (!fs::is_directory(kRealItu, error)) return cases;
  for (const auto& entry : fs::directory_iterator(kRealItu)) {
    if (entry.path().extension() != ".docx") continue;
    const std::string stem = entry.path().stem().string();
    cases.push_back({entry.path().filename().string(), stem + ".txt", true});
    // Documents with tracked changes are compared in both views.
    if (fs::exists(kFidelity / "reference" / (stem + ".reject.txt"))) {
      cases.push_back({entry.path().filename().string(), stem + ".reject.txt", false});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const ReferenceCase& a, const ReferenceCase& b) {
    return a.reference < b.reference;
  });
  return cases;
}

class ReferenceTest : public testing::TestWithParam<ReferenceCase> {};

TEST_P(ReferenceTest, BodyParagraphsMatchWhatWordShows) {
  const ReferenceCase& param = GetParam();
  const fs::path reference_path = kFidelity / "reference" / param.reference;
  ASSERT_TRUE(fs::exists(reference_path)) << "no reference text " << reference_path;
  const std::string bytes = ReadFile(kShared / "real-itu" / param.docx);
  ExtractOptions options;
  options.accept_changes = param.accept_changes;
  const Result<Document> document = Extract(bytes, param.docx, options);
  ASSERT_TRUE(document.ok()) << document.error().message;

  const std::vector<std::string> reference = TextLines(ReadFile(reference_path));
  ASSERT_GE(reference.size(), 8u) << "the reference text is nearly empty";
  const Score score = Compare(reference, DocumentLines(document->body), TextBoxLines(bytes));

  std::cout << "[ fidelity ] " << param.reference << ": " << score.reference << " reference, "
            << score.emitted << " emitted (+" << score.text_boxes << " text-box) lines; exact "
            << score.exact << ", bullets " << score.bullets << ", symbols " << score.symbols
            << "; recall " << score.recall() << ", precision " << score.precision() << "\n";
  RecordProperty("recall", std::to_string(score.recall()));
  RecordProperty("precision", std::to_string(score.precision()));
  EXPECT_GE(score.recall(), 0.99) << "reference lines missive does not show:"
                                  << Sample(score.missing);
  EXPECT_GE(score.precision(), 0.99)
      << "lines missive shows that Word does not:" << Sample(score.extra);
  EXPECT_TRUE(score.twice.empty())
      << "shown more often than in the document:" << Sample(score.twice);
  EXPECT_TRUE(score.text_box_missing.empty())
      << "text-box lines missing:" << Sample(score.text_box_missing);
}

INSTANTIATE_TEST_SUITE_P(RealItu, ReferenceTest, testing::ValuesIn(Cases()), CaseName);
// With no documents there are no cases; DocumentsArePresent says why.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReferenceTest);

TEST(RealItu, DocumentsArePresent) {
  EXPECT_TRUE(fs::is_directory(kRealItu)) << kNoRealItu;
  EXPECT_FALSE(Cases().empty()) << kNoRealItu;
}

TEST(ReferenceComparison, ToleratesOnlyLibreOfficeHabits) {
  const auto line = [](std::string text, std::string label = "", int level = -1) {
    Line out;
    out.body = NormalizeLine(text);
    out.label = label;
    out.level = level;
    out.text = NormalizeLine(label.empty() ? text : label + " " + text);
    return out;
  };
  // A bullet at level 1 is "◦" in LibreOffice's export, whatever Word shows.
  Score score =
      Compare({"\u25E6 item", "\uF0E3 ITU 2017", "1. Scope"},
              {line("item", "o", 1), line("\u00A9 ITU 2017"), line("Scope", "1.", 0)}, {});
  EXPECT_EQ(score.exact, 1u);
  EXPECT_EQ(score.bullets, 1u);
  EXPECT_EQ(score.symbols, 1u);
  EXPECT_DOUBLE_EQ(score.recall(), 1.0);

  // A number is never taken for a bullet, nor a bullet from the wrong level,
  // nor an ordinary character for a symbol.
  score = Compare({"\u2022 Scope", "\u2022 item", "\u00A9 ITU"},
                  {line("Scope", "1", 0), line("item", "-", 1), line("\u00AE ITU")}, {});
  EXPECT_EQ(score.matched(), 0u);
  EXPECT_EQ(score.missing.size(), 3u);
  EXPECT_EQ(score.extra.size(), 3u);

  // Twice what the document has is reported, and text boxes are set aside
  // only as often as they occur.
  score = Compare({"a", "b"}, {line("a"), line("a"), line("box"), line("b"), line("box")}, {"box"});
  EXPECT_EQ(score.text_boxes, 1u);
  EXPECT_EQ(score.twice, (std::vector<std::string>{"a", "box"}));
  EXPECT_DOUBLE_EQ(score.precision(), 2.0 / 4.0);
}

TEST(ReferenceComparison, TheOtherViewOfTrackedChangesFails) {
  // The comparison has teeth on real text: td.2484 read with its changes
  // accepted does not pass against the rejected view, nor the reverse.
  const std::string bytes = ReadFile(kShared / "real-itu" / "td.2484.docx");
  for (const bool accept : {true, false}) {
    ExtractOptions options;
    options.accept_changes = accept;
    const Result<Document> document = Extract(bytes, "td.2484.docx", options);
    ASSERT_TRUE(document.ok());
    const std::string other = accept ? "td.2484.reject.txt" : "td.2484.txt";
    const Score score = Compare(TextLines(ReadFile(kFidelity / "reference" / other)),
                                DocumentLines(document->body), {});
    EXPECT_LT(std::min(score.recall(), score.precision()), 0.99) << other;
  }
}

TEST(ReferenceComparison, NormalisesBothSidesAlike) {
  EXPECT_EQ(NormalizeLine(" 1\tScope\u00A0 of\u3000this "), "1 Scope of this");
  EXPECT_EQ(NormalizeLine("ITU\u2011T tele\u00ADcom"), "ITU-T telecom");
  EXPECT_EQ(NormalizeLine("e\u0301"), "\u00E9");
  EXPECT_EQ(TextLines("\xEF\xBB\xBF"
                      "a\r\n\r\n  \nb"),
            (std::vector<std::string>{"a", "b"}));
}

// ---------------------------------------------------------------------------
// Records.

TEST(RealItuRecords, EachConvertsWithItsLanguage) {
  // E.119 is published in five languages; the -A/-F/-R/-S suffix names it.
  const std::map<std::string, std::string> expected = {
      {"ITUT-Recs-Skelet.docx", "en"},
      {"T-REC-A.12-201611-I!!MSW-E.docx", "en"},
      {"T-REC-E.119-201704-I!!MSW-A.docx", "ar"},
      {"T-REC-E.119-201704-I!!MSW-E.docx", "en"},
      {"T-REC-E.119-201704-I!!MSW-F.docx", "fr"},
      {"T-REC-E.119-201704-I!!MSW-R.docx", "ru"},
      {"T-REC-E.119-201704-I!!MSW-S.docx", "es"},
      {"T-REC-Q.850-201810-I!!MSW-E.docx", "en"},
      {"T-REC-T.832-201703-I!Err1!MSW-E.docx", "en"},
      {"td.2484.docx", "en"},
  };
  std::set<std::string> found;
  ASSERT_TRUE(fs::is_directory(kRealItu)) << kNoRealItu;
  for (const auto& entry : fs::directory_iterator(kRealItu)) {
    if (entry.path().extension() == ".docx") found.insert(entry.path().filename().string());
  }
  std::set<std::string> listed;
  for (const auto& [name, language] : expected) listed.insert(name);
  EXPECT_EQ(found, listed) << "a real document was added or removed: list its language here";

  for (const auto& [name, language] : expected) {
    const LetterRecord record = ConvertFile((kShared / "real-itu" / name).string());
    EXPECT_TRUE(record.ok()) << name << ": " << (record.ok() ? "" : record.error->message);
    EXPECT_EQ(record.source.format, "docx") << name;
    EXPECT_EQ(record.language.value_or("null"), language) << name;
    EXPECT_FALSE(record.blocks.empty()) << name;
  }
}

TEST(RealItuRecords, LegacyWordFilesAreUnsupportedFormat) {
  int legacy = 0;
  ASSERT_TRUE(fs::is_directory(kRealItu)) << kNoRealItu;
  for (const auto& entry : fs::directory_iterator(kRealItu)) {
    if (entry.path().extension() != ".doc") continue;
    ++legacy;
    const LetterRecord record = ConvertFile(entry.path().string());
    ASSERT_FALSE(record.ok()) << entry.path();
    EXPECT_EQ(ErrorCodeName(record.error->code), "unsupported-format") << entry.path();
    EXPECT_FALSE(record.language.has_value()) << entry.path();
    EXPECT_TRUE(record.blocks.empty()) << entry.path();
  }
  EXPECT_EQ(legacy, 2);
}

}  // namespace
}  // namespace missive::fidelity
