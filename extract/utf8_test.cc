// RepairUtf8 against a plain reading of Unicode Table 3-7 (well-formed byte
// sequences), with ill-formed bytes replaced by U+FFFD per maximal subpart.
// The repair has inline shortcuts for the common two- and three-byte
// sequences; these tests cover every lead byte next to them.
#include "extract/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace missive::extract_internal {
namespace {

struct Range {
  unsigned char low, high;
};

// The allowed ranges of the bytes after `lead` (Table 3-7); empty when the
// byte cannot start a multi-byte sequence.
std::vector<Range> Continuations(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {{0x80, 0xBF}};
  if (lead == 0xE0) return {{0xA0, 0xBF}, {0x80, 0xBF}};
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    return {{0x80, 0xBF}, {0x80, 0xBF}};
  }
  if (lead == 0xED) return {{0x80, 0x9F}, {0x80, 0xBF}};
  if (lead == 0xF0) return {{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}};
  if (lead >= 0xF1 && lead <= 0xF3) return {{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}};
  if (lead == 0xF4) return {{0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}};
  return {};
}

std::string Reference(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out.push_back(text[i++]);
      continue;
    }
    const std::vector<Range> rest = Continuations(lead);
    std::size_t matched = 0;  // continuation bytes in range
    while (matched < rest.size() && i + 1 + matched < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1 + matched]);
      if (next < rest[matched].low || next > rest[matched].high) break;
      ++matched;
    }
    if (!rest.empty() && matched == rest.size()) {
      out.append(text, i, 1 + matched);
    } else {
      out.append("\xEF\xBF\xBD");
    }
    i += 1 + matched;
  }
  return out;
}

void ExpectRepairedLikeReference(const std::string& text) {
  std::string repaired = text;
  const bool changed = RepairUtf8(&repaired);
  const std::string expected = Reference(text);
  EXPECT_EQ(repaired, expected) << "input bytes: " << ::testing::PrintToString(text);
  EXPECT_EQ(changed, expected != text) << ::testing::PrintToString(text);
}

TEST(RepairUtf8, EveryLeadWithEverySecondByteAndAContinuation) {
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      for (const char* tail : {"", "\x80", "\xBF\x80", "a", "\x80\x80\x80"}) {
        std::string bytes;
        bytes.push_back(static_cast<char>(lead));
        bytes.push_back(static_cast<char>(second));
        bytes += tail;
        ExpectRepairedLikeReference(bytes);
        // After an ASCII run long enough for the eight-byte skip, and
        // before more text, so the sequence sits at every alignment.
        ExpectRepairedLikeReference("abcdefghi" + bytes + "日本");
        ExpectRepairedLikeReference("ab" + bytes);
      }
    }
  }
}

TEST(RepairUtf8, SequencesCutShortAtTheEnd) {
  for (const std::string& whole :
       {std::string("日"), std::string("é"), std::string("\xF0\x9F\x98\x80"), std::string("Я")}) {
    for (std::size_t keep = 1; keep < whole.size(); ++keep) {
      ExpectRepairedLikeReference(whole.substr(0, keep));
      ExpectRepairedLikeReference("日内瓦" + whole.substr(0, keep));
    }
  }
}

TEST(RepairUtf8, RandomBytesFromLeadsAndContinuations) {
  // Bytes drawn mostly from where the shortcuts decide: leads C0..F5 and
  // continuation bytes, with some ASCII between.
  const unsigned char alphabet[] = {0x41, 0x20, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                    0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                                    0xF0, 0xF3, 0xF4, 0xF5, 0xFF, 0xE6, 0x97, 0xA5};
  std::mt19937 random(20261126);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 1);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  for (int round = 0; round < 200000; ++round) {
    std::string text(length(random), '\0');
    for (char& c : text) c = static_cast<char>(alphabet[pick(random)]);
    ExpectRepairedLikeReference(text);
  }
}

// Runs of three-byte characters are checked two at a time. Every three-byte
// lead with the edges of its second byte, and other sequences whole or cut,
// at every byte offset of CJK text (breaking its characters too) and with the
// text cut at every length, so that the pair check meets each at either half.
TEST(RepairUtf8, EveryPieceAtEveryOffsetOfThreeByteText) {
  std::vector<std::string> pieces = {"",         "a",
                                     " ",        "\x80",
                                     "\xBF",     "\xC3\xA9",
                                     "\xC3",     "\xF0\x9F\x98\x80",
                                     "\xF0\x9F", "\xF4\x90\x80\x80",
                                     "\xFF"};
  for (int lead = 0xE0; lead <= 0xEF; ++lead) {
    for (int second : {0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0}) {
      for (const char* third : {"\x80", "\xBF", "a", ""}) {
        std::string piece;
        piece.push_back(static_cast<char>(lead));
        piece.push_back(static_cast<char>(second));
        piece += third;
        pieces.push_back(piece);
      }
    }
  }
  const std::string cjk = "日内瓦会议电信标准化局第号集体函，。“”";
  for (const std::string& piece : pieces) {
    for (std::size_t at = 0; at <= cjk.size(); ++at) {
      const std::string text = cjk.substr(0, at) + piece + cjk.substr(at);
      ExpectRepairedLikeReference(text);
      ExpectRepairedLikeReference(cjk.substr(0, at) + piece);
      ExpectRepairedLikeReference("ab" + piece + cjk.substr(at));
    }
  }
}

// Well-formed and broken sequences drawn whole, so that long well-formed
// runs of mixed scripts meet the two-at-a-time check and the ASCII skip.
TEST(RepairUtf8, RandomMixedScriptsAgreeWithTheReference) {
  const std::string pieces[] = {"a",
                                "Genève ",
                                "ITU-T SG20",
                                " ",
                                "日",
                                "内瓦",
                                "，",
                                "。",
                                "“",
                                "Я",
                                "ج",
                                "—",
                                "\xF0\x9F\x98\x80",
                                "\xE0\xA0\x80",
                                "\xED\x9F\xBF",
                                "\xEE\x80\x80",
                                "\xEF\xBF\xBF",
                                "\xE4\xB8",
                                "\xE0\x80",
                                "\xED\xA0\x80",
                                "\x80",
                                "\xC0\xAF",
                                "\xFF"};
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(0, 16);
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    for (int n = count(random); n > 0; --n) text += pieces[pick(random)];
    ExpectRepairedLikeReference(text);
  }
}

TEST(RepairUtf8, WellFormedTextIsLeftAlone) {
  std::string text = "Genève 日内瓦 Женева جنيف \xF0\x9F\x98\x80 end";
  EXPECT_FALSE(RepairUtf8(&text));
  EXPECT_EQ(text, "Genève 日内瓦 Женева جنيف \xF0\x9F\x98\x80 end");
}

}  // namespace
}  // namespace missive::extract_internal
