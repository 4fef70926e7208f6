// Small scanners over UTF-8 text used by the recognizer. No std::regex: each
// is a single forward pass over the bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normalize/normalize.h"

namespace missive::scan {

// DecodeAt past its ASCII test.
char32_t DecodeMultiByte(std::string_view text, std::size_t i, std::size_t* next);

// The code point starting at byte `i` < text.size() (U+FFFD for a broken
// sequence); `*next` receives the index after it. Inline for ASCII and for
// CJK (three bytes from U+1000 to U+FFFF but the surrogates: lead E1..EC,
// EE, EF): the scanners call it at every character.
inline char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* next) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    *next = i + 1;
    return byte;
  }
  if (byte >= 0xE1 && byte <= 0xEF && byte != 0xED && i + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *next = i + 3;
      return static_cast<char32_t>(((byte & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
    }
  }
  return DecodeMultiByte(text, i, next);
}
char32_t FirstCodePoint(std::string_view text);
char32_t LastCodePoint(std::string_view text);
std::size_t CodePointCount(std::string_view text);

// Trims ASCII spaces and tabs (the normalize stage already turned other white
// space into these). Inline: it runs for every line and segment.
inline std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Splits on one separator character, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view text, char separator);
// The pieces Split gives, handed to `visit` one by one without a vector.
template <typename Visit>
void ForEachPiece(std::string_view text, char separator, Visit visit) {
  for (;;) {
    const std::size_t end = text.find(separator);
    visit(text.substr(0, end));
    if (end == std::string_view::npos) return;
    text.remove_prefix(end + 1);
  }
}

// True when `text` starts with `prefix`, ignoring ASCII case.
bool StartsWithFold(std::string_view text, std::string_view prefix);

// Byte offset of `needle` in `text` ignoring ASCII case, or npos.
std::size_t FindFold(std::string_view text, std::string_view needle, std::size_t from = 0);

// text.find(needle, from), sixteen positions at a time (std::string_view::find
// compares at every byte).
std::size_t Find(std::string_view text, std::string_view needle, std::size_t from = 0);
bool Contains(std::string_view text, std::string_view needle);

// Arabic vowel marks (harakat, U+064B..U+0652; D9 8B..D9 92 in UTF-8),
// which a letter may write on any word and the tables write on none. Most
// text has none: HasArabicMarks only looks at the bytes after each D9.
bool HasArabicMarks(std::string_view text);
std::string WithoutArabicMarks(std::string_view text);
// The end of `needle` (written without marks) matched at byte `at` of
// `text`, skipping the marks in `text` and those right after the match, or
// npos.
std::size_t MatchSkippingArabicMarks(std::string_view text, std::size_t at,
                                     std::string_view needle);
// Find(text, needle, from) skipping the marks in `text`; `*end` receives
// the end of the match, its trailing marks included.
std::size_t FindSkippingArabicMarks(std::string_view text, std::string_view needle,
                                    std::size_t from, std::size_t* end);

// Words looked for together in many texts, such as a table's deadline
// markers in every paragraph: AnyIn tells whether any of them occurs, in one
// pass over the text for all of them. The words must outlive the set.
class WordSet {
 public:
  // Adds words matched as written (Find), or ignoring ASCII case (FindFold).
  void Add(std::span<const std::string_view> words, bool fold);
  // Whether Find (or FindFold, for a word added so) finds any word in `text`.
  bool AnyIn(std::string_view text) const;

 private:
  // Sixteen bytes compared at once (SSE2 on x86-64, NEON on ARM).
  using Block = unsigned char __attribute__((vector_size(16)));
  // A word's first and last bytes, each repeated over a block, with the bit
  // OR-ed into both sides to fold ASCII case (0x20, or 0).
  struct Word {
    std::string_view text;
    bool fold = false;
    Block first_bit, first, last_bit, last;
  };
  bool MatchesAt(const Word& word, std::string_view text, std::size_t at) const;
  std::vector<Word> words_;
  bool any_empty_ = false;   // an empty word occurs in every text
  std::size_t longest_ = 0;  // the longest word's size
};

// Whether `text` has at most `limit` code points, without counting them all
// when its byte length already tells.
bool AtMostCodePoints(std::string_view text, std::size_t limit);

// What CleanText has to do to a text, told in one pass without copying it.
// The normalize stage leaves most paragraphs clean, or needing only their
// layout (tabs, line breaks) turned into spaces.
enum class CleanWork {
  kNone,        // nothing: CleanText(text) == text
  kWhiteSpace,  // only ASCII white space to collapse: CollapseWhiteSpace does it
  kFull,        // characters to drop, fold or compose, or other white space
};
CleanWork CleanWorkFor(std::string_view text);

// The stopwords of several languages (at most kMaxLanguages, by index),
// each with the languages that list it. A word is packed into an integer
// (its bytes, at most kMaxLength), so looking one up at every word end
// costs no hashing of strings.
class StopwordIndex {
 public:
  static constexpr std::size_t kMaxLength = 8;
  static constexpr std::size_t kMaxLanguages = 32;

  // Adds `word` (lower case, ASCII, at most kMaxLength letters) for language
  // `language` < kMaxLanguages. An empty word is never read: it is left out.
  void Add(std::string_view word, std::size_t language);

  // The longest stopword's length: a longer word is none.
  std::size_t longest() const { return longest_; }

  static std::uint64_t Pack(std::string_view word) {
    std::uint64_t key = 0;
    for (char c : word) key = key << 8 | static_cast<unsigned char>(c);
    return key;
  }

  // Bit t is set when language t lists the word packed in `key`.
  std::uint32_t LanguagesOf(std::uint64_t key) const {
    for (std::size_t i = Hash(key);; i = (i + 1) % kSlots) {
      if (slots_[i].key == key) return slots_[i].languages;
      if (slots_[i].key == 0) return 0;
    }
  }

 private:
  struct Entry {
    std::uint64_t key = 0;  // 0: empty (no word packs to 0)
    std::uint32_t languages = 0;
  };
  static constexpr std::size_t kSlots = 256;  // far more than the words: probes stay short

  static std::size_t Hash(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 56);
  }

  std::array<Entry, kSlots> slots_{};
  std::size_t longest_ = 0;
};

// What the language guess counts in a letter's paragraphs: the letters of
// each script, and by language the stopwords among the words of ASCII
// letters (a word with another Latin letter is none).
struct LanguageCounts {
  std::size_t han = 0, latin = 0, cyrillic = 0, arabic = 0;
  std::array<std::size_t, StopwordIndex::kMaxLanguages> stopwords{};
};

// CleanWorkFor(text), adding what `text` holds to `counts` on the way:
// every paragraph needs both, and one pass reads its bytes once.
CleanWork CleanWorkAndCount(std::string_view text, const StopwordIndex& stopwords,
                            LanguageCounts& counts);

// CleanText(text) for a text whose CleanWork is not kFull: runs of ASCII
// white space become one space, or nothing between two CJK characters or
// at either end.
std::string CollapseWhiteSpace(std::string_view text);

// Appends `part` to `text`, both as CollapseWhiteSpace leaves text, as
// CollapseWhiteSpace joins the two sides of white space: with one space,
// or none when either is empty or both characters that meet are CJK.
void AppendCollapsed(std::string& text, std::string_view part);

// The code points CleanWorkFor accepts beside ASCII, for the test that
// checks every one against ICU and CleanText.
struct CodePointRange {
  char32_t first, last;  // inclusive
};
std::span<const CodePointRange> AlreadyCleanRanges();

// Whether `text` may hold a number that FindDates or FindTimes can read.
// Every date and time they read has one, written in digits (of any script)
// or in Chinese numerals; Latin, Greek and Cyrillic letters and general
// punctuation hold neither, so most of an English letter is told here
// without the date grammar.
bool MayHoldNumber(std::string_view text);

// date.Iso() ("YYYY-MM-DD"), written without snprintf, which costs more
// than finding a deadline: the same text for every date.
std::string IsoDate(const Date& date);

// How many ideographs of U+4E00..U+9FFF follow one another from byte `i`.
std::size_t HanRun(std::string_view text, std::size_t i);

// The ASCII letters among eight ASCII bytes (none above 0x7F), read from
// memory in little-endian order: bit k is set when byte k is a letter.
inline unsigned AsciiLetterMask(std::uint64_t bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  // Lower-cased, each byte is a letter when 'a' <= it <= 'z': bytes below
  // 0x80 added to 0x80 - 'a' (or 0x80 - 'z' - 1) carry nothing into the next.
  const std::uint64_t folded = bytes | (kOnes * 0x20);
  const std::uint64_t from_a = folded + kOnes * (0x80 - 'a');
  const std::uint64_t after_z = folded + kOnes * (0x80 - 'z' - 1);
  const std::uint64_t flags = (from_a & ~after_z & kHigh) >> 7;  // bit 0 of each byte
  // The multiplication gathers bit 0 of every byte into the top byte.
  return static_cast<unsigned>((flags * 0x0102040810204080ull) >> 56);
}

// The scripts the language guess counts. ScriptOf agrees with ICU's
// uscript_getScript and decides the common blocks without asking it.
enum class Script { kOther, kLatin, kHan, kCyrillic, kArabic };
Script ScriptOfSlow(char32_t c);
inline Script ScriptOf(char32_t c) {
  return c >= 0x4E00 && c <= 0x9FFF ? Script::kHan : ScriptOfSlow(c);  // unified ideographs
}

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
  std::vector<std::string_view> before;                                // "Recommendation " + id
  std::vector<std::string_view> after;                                 // id + "建议书"
};

// ITU Recommendation identifiers: "ITU-T Y.4471", "UIT-R M.2083", and an
// unqualified "Y.4471" named as a Recommendation by a word before or after
// it. Appends each once, as "ITU-T Y.4471" (the sector's English name).
void FindRecommendations(std::string_view text, const RecommendationWords& words,
                         std::vector<std::string>& out);

// "7", "7.1", "12.4.", "(3)": an agenda item number, without the trailing
// dot or brackets (a part of `text`); nullopt otherwise.
std::optional<std::string_view> ItemNumber(std::string_view text);

// "7.1\tTitle", "3 Title", "2、Title", "4）Title": an item number at the
// start of a line and the rest (parts of `text`); nullopt when the line
// does not start so.
std::optional<std::pair<std::string_view, std::string_view>> SplitItemNumber(std::string_view text);

// How agenda items are numbered besides "7", "7.1", "7)": the numerals a
// language writes besides digits and the marks and brackets around them
// (from the language tables).
struct ItemLabelRules {
  bool chinese_numerals = false;            // 一、 （一）
  bool roman_numerals = false;              // I. IV –
  std::span<const std::string_view> marks;  // after a numeral: "、", ".", "–"
  std::span<const std::pair<std::string_view, std::string_view>> brackets;  // "（" "）"
};

// The kind of label an item carries. Items of one kind are siblings; a kind
// first seen under another is a level below it ("二、" then "（一）").
enum class LabelStyle : std::uint8_t {
  kDecimal,           // 7, 7.1, 7., 7、, 7)
  kBracketedDecimal,  // (7), （7）
  kChinese,           // 七、
  kBracketedChinese,  // （七）, (七)
  kRoman,             // VII., VII –
  kBracketedRoman,    // (VII)
};

struct ItemLabel {
  std::string_view number;  // as a reader sees it, without marks or brackets
  LabelStyle style = LabelStyle::kDecimal;
};

// ItemNumber, with the numerals and brackets of `rules`: a whole number
// cell or list label ("一、", "（一）", "IV.", "(3)").
std::optional<ItemLabel> ParseItemLabel(std::string_view text, const ItemLabelRules& rules);

// SplitItemNumber, with the numerals, marks and brackets of `rules`: "一、议程
// 通过", "（二）文件", "IV – Reports", "(1) Opening" and the rest of the line.
std::optional<std::pair<ItemLabel, std::string_view>> SplitItemLabel(std::string_view text,
                                                                     const ItemLabelRules& rules);

// A document reference such as "Report 15", "TD 123", "C 45 (WP1/20)",
// "SG20-TD123", given the prefixes a language uses.
bool IsDocumentReference(std::string_view token, const std::vector<std::string_view>& prefixes);

}  // namespace missive::scan
