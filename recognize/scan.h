// Small scanners over UTF-8 text used by the recognizer. No std::regex: each
// is a single forward pass over the bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace missive::scan {

// The code point starting at byte `i` (U+FFFD for a broken sequence); `*next`
// receives the index after it.
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* next);
char32_t FirstCodePoint(std::string_view text);
char32_t LastCodePoint(std::string_view text);
std::size_t CodePointCount(std::string_view text);

// Trims ASCII spaces and tabs (the normalize stage already turned other white
// space into these).
std::string_view Trim(std::string_view text);

// Splits on one separator character, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view text, char separator);

// True when `text` starts with `prefix`, ignoring ASCII case.
bool StartsWithFold(std::string_view text, std::string_view prefix);

// Byte offset of `needle` in `text` ignoring ASCII case, or npos.
std::size_t FindFold(std::string_view text, std::string_view needle, std::size_t from = 0);

bool IsAsciiDigit(char32_t c);
bool IsLetter(char32_t c);  // any script

// Layout bullets at the start of a list line ("·", "•", "-", "–", "▪" ...).
bool IsBulletOnly(std::string_view text);
// Removes a leading bullet and the space or tab after it; `*had_bullet` tells.
std::string_view StripBullet(std::string_view text, bool* had_bullet = nullptr);
// Removes trailing list separators "；" ";" "，" "," and the Arabic "؛" "،".
std::string_view StripTrailingSeparators(std::string_view text);
bool EndsWithSeparator(std::string_view text);

// Sentences of a paragraph: split after 。！？ and after ". " / "! " / "? ".
// Each piece keeps its terminator. Offsets are into `text`.
struct Piece {
  std::size_t begin, end;
};
std::vector<Piece> Sentences(std::string_view text);

// URLs written in text: "http://", "https://" and "www." forms. A "www." URL
// is returned with "http://" in front, as Word's autoformat links it. A URL
// ends at white space, a CJK character or a quote; trailing punctuation is
// not part of it.
struct UrlMatch {
  std::size_t begin, end;
  std::string url;
};
std::vector<UrlMatch> FindUrls(std::string_view text);
// The same normalisation for a hyperlink target; nullopt for targets that are
// not web URLs (mailto:, internal anchors).
std::optional<std::string> WebUrl(std::string_view target);

// How the languages name Recommendations (from the language tables).
struct RecommendationWords {
  std::vector<std::pair<std::string_view, std::string_view>> sectors;  // "UIT-T" -> "ITU-T"
  std::vector<std::string_view> before;  // "Recommendation " + id
  std::vector<std::string_view> after;   // id + "建议书"
};

// ITU Recommendation identifiers: "ITU-T Y.4471", "UIT-R M.2083", and an
// unqualified "Y.4471" named as a Recommendation by a word before or after
// it. Appends each once, as "ITU-T Y.4471" (the sector's English name).
void FindRecommendations(std::string_view text, const RecommendationWords& words,
                         std::vector<std::string>& out);

// "7", "7.1", "12.4.", "(3)": an agenda item number, without the trailing
// dot or brackets; nullopt otherwise.
std::optional<std::string> ItemNumber(std::string_view text);

// "7.1\tTitle", "3 Title", "2、Title", "4）Title": an item number at the
// start of a line and the rest; nullopt when the line does not start so.
std::optional<std::pair<std::string, std::string>> SplitItemNumber(std::string_view text);

// A document reference such as "Report 15", "TD 123", "C 45 (WP1/20)",
// "SG20-TD123", given the prefixes a language uses.
bool IsDocumentReference(std::string_view token, const std::vector<std::string_view>& prefixes);

}  // namespace missive::scan
