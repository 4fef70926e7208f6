// Every test letter of the family (tests/letters/*.docx) against its
// hand-written partial record (*.expected.json, see README.md there): each
// key present in the expected file must match the record, recursively.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/convert.h"
#include "emit/emit.h"

namespace missive {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kLetters = MISSIVE_LETTERS_DIR;

std::vector<std::string> LetterNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kLetters)) {
    if (entry.path().extension() == ".docx") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Matches `expected` against `actual`: objects on the keys `expected` holds,
// arrays element by element with equal length, everything else by equality.
// Each mismatch is reported with its JSON path.
void ExpectMatches(const Json& expected, const Json& actual, const std::string& path) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      ADD_FAILURE() << path << ": expected an object, got " << actual.dump();
      return;
    }
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        ADD_FAILURE() << path << "/" << key << ": missing from the record";
        continue;
      }
      ExpectMatches(value, actual[key], path + "/" + key);
    }
    return;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      ADD_FAILURE() << path << ": expected " << expected.dump() << "\n   got " << actual.dump();
      return;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      ExpectMatches(expected[i], actual[i], path + "/" + std::to_string(i));
    }
    return;
  }
  if (expected != actual) {
    ADD_FAILURE() << path << ": expected " << expected.dump() << "\n   got " << actual.dump();
  }
}

class FamilyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FamilyTest, RecordMatchesTheHandWrittenExpectation) {
  const fs::path docx = kLetters / (GetParam() + ".docx");
  std::ifstream in(kLetters / (GetParam() + ".expected.json"));
  ASSERT_TRUE(in) << "no expected file for " << GetParam();
  const Json expected = Json::parse(in);
  const Json actual = Json::parse(EmitJson(ConvertFile(docx.string())));
  ExpectMatches(expected, actual, "");
}

TEST_P(FamilyTest, TextHoldsNoParagraphTwice) {
  // Text boxes with a VML fallback must be read once: no line of a letter's
  // text is written twice in a row.
  const Json actual =
      Json::parse(EmitJson(ConvertFile((kLetters / (GetParam() + ".docx")).string())));
  ASSERT_TRUE(actual["text"].is_string());
  std::string text = actual["text"];
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].size() > 4) {
      EXPECT_NE(lines[i], lines[i - 1]) << "line " << i << " repeated";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Letters, FamilyTest, ::testing::ValuesIn(LetterNames()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace missive
