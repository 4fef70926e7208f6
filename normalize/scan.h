// Private to the normalize stage: code-point scanning over UTF-8 text, shared
// by the date, time and zone grammars. Offsets are always byte offsets into
// the text scanned, so matches can be reported against the caller's string.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace missive::internal {

struct CodePoint {
  char32_t value = 0;
  std::size_t end = 0;  // the byte after it
};

// The code point at `pos` when it is not ASCII (DecodeAt's slow path).
CodePoint DecodeMultiByte(std::string_view text, std::size_t pos);

// The code point at `pos`; an ill-formed sequence reads as U+FFFD, the end
// of the text as 0. Inline for ASCII: the scanners call it at every position.
inline CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {0, pos};
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, pos + 1};
  // Three bytes from U+1000 to U+FFFF but the surrogates (lead E1..EC, EE,
  // EF): CJK text. Overlong and surrogate forms take the checked path.
  if (byte >= 0xE1 && byte != 0xED && byte <= 0xEF && pos + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    const auto b2 = static_cast<unsigned char>(text[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      return {static_cast<char32_t>(((byte & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)),
              pos + 3};
    }
  }
  return DecodeMultiByte(text, pos);
}

// The code point that ends at `pos` when its last byte is a trail byte
// (DecodeBefore's slow path).
char32_t DecodeBeforeMultiByte(std::string_view text, std::size_t pos);

// The code point that ends at `pos`, or 0 at the start of the text; read as
// ICU's U8_PREV_OR_FFFD reads it. Inline for ASCII and CJK, as DecodeAt.
inline char32_t DecodeBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  const auto last = static_cast<unsigned char>(text[pos - 1]);
  if (last < 0x80) return last;
  if ((last & 0xC0) == 0x80 && pos >= 3) {
    const auto lead = static_cast<unsigned char>(text[pos - 3]);
    const auto middle = static_cast<unsigned char>(text[pos - 2]);
    if (lead >= 0xE1 && lead != 0xED && lead <= 0xEF && (middle & 0xC0) == 0x80) {
      return static_cast<char32_t>(((lead & 0x0F) << 12) | ((middle & 0x3F) << 6) | (last & 0x3F));
    }
  }
  return DecodeBeforeMultiByte(text, pos);
}

bool IsWordLetterSlow(char32_t cp);

// A letter of a script written with spaces between words (Latin, Cyrillic,
// Arabic ...): alphabetic or a combining mark, and not CJK.
inline bool IsWordLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';  // ICU agrees in ASCII
  // General punctuation and CJK hold none (scan_test checks this against ICU).
  if ((cp >= 0x2000 && cp < 0x2070) || (cp >= 0x3000 && cp < 0xA000)) return false;
  return IsWordLetterSlow(cp);
}

int DigitValueSlow(char32_t cp);

// A decimal digit of any script (ASCII, fullwidth, Arabic-Indic ...); -1
// when not a digit. Inline for ASCII and CJK: the scanners ask at every position.
inline int DigitValue(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  if (cp >= 0x3000 && cp < 0xA000)
    return -1;  // CJK: no decimal digits here (〇 is a letter number)
  return DigitValueSlow(cp);
}

// 〇 零 一 … 九 两 十 百 千 万 and their 大写 forms, told by the switches of
// numbers.cc.
bool IsChineseNumeralPlain(char32_t cp);

// The same from a bitmap of U+2500..U+97FF, which holds them all (the lowest
// is ○ U+25CB, the highest 陸 U+9678): the scanners ask at every position.
inline constexpr char32_t kChineseNumeralFirst = 0x2500;
inline constexpr std::size_t kChineseNumeralWords = (0x9800 - 0x2500) / 64;
extern const std::array<std::uint64_t, kChineseNumeralWords> kChineseNumeralBits;
inline bool IsChineseNumeral(char32_t cp) {
  const char32_t offset = cp - kChineseNumeralFirst;  // wraps below the first
  if (offset >= 64 * kChineseNumeralWords) return false;
  return (kChineseNumeralBits[offset / 64] >> (offset % 64)) & 1;
}

// White space other than '\t' and '\n': the parts of one date or time never
// straddle a tab or a line break.
std::size_t SkipBlanks(std::string_view text, std::size_t pos);

struct LiteralOptions {
  bool start_boundary = true;  // refuse a word that starts inside another word
  bool exact_case = false;     // compare as written ("CET", not French "cet")
};

// Code points that are their own simple case folding and the folding of no
// other (Arabic, general punctuation, CJK, Hangul): matching one ignoring case
// is comparing it as it is. scan_test checks this against ICU.
inline bool FoldsAlone(char32_t cp) {
  return (cp >= 0x600 && cp < 0x800) || (cp >= 0x2000 && cp < 0x2126) ||
         (cp >= 0x3000 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xFF21);
}

// UTF-8 lead bytes of FoldsAlone code points only: U+0600..U+07FF,
// U+3000..U+9FFF, U+B000..U+EFFF. A table: the scanners ask at every position.
inline constexpr std::array<bool, 256> kFoldsAloneLead = [] {
  std::array<bool, 256> alone{};
  for (int lead = 0xD8; lead <= 0xDF; ++lead) alone[lead] = true;
  for (int lead = 0xE3; lead <= 0xE9; ++lead) alone[lead] = true;
  for (int lead = 0xEB; lead <= 0xEE; ++lead) alone[lead] = true;
  return alone;
}();

inline constexpr bool FoldsAloneLead(unsigned char lead) { return kFoldsAloneLead[lead]; }

// MatchLiteral's first test, inline so that candidate lists (month names,
// range words) are run through without a call for each: false when the
// first character cannot match.
inline bool FirstByteMayMatch(std::string_view text, std::size_t pos, std::string_view literal,
                              bool exact_case) {
  if (literal.empty() || pos >= text.size()) return false;
  const auto first = static_cast<unsigned char>(literal[0]);
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (first >= 0x80 && byte >= 0x80) {
    // A character that folds alone (CJK, Arabic) matches only itself, byte
    // for byte. The tables' literals are well-formed and never U+FFFD, which
    // is what ill-formed text reads as.
    if (first != byte) return !FoldsAloneLead(first) && !FoldsAloneLead(byte);
    return !FoldsAloneLead(first) || (pos + 1 < text.size() && text[pos + 1] == literal[1]);
  }
  if (first == byte) return true;
  // ASCII never folds to or from non-ASCII in our tables.
  return (first | byte) < 0x80 && !exact_case && (first | 0x20) == (byte | 0x20);
}

// The bytes at which one of a set of literals may begin to match, a superset
// of what FirstByteMayMatch lets through: a scan that tries every literal at
// every position of a text passes over the other positions at once.
class FirstBytes {
 public:
  constexpr void Add(std::string_view literal) {
    if (literal.empty()) return;
    const auto first = static_cast<unsigned char>(literal[0]);
    Set(first);
    if (first < 0x80) {
      Set(first ^ 0x20);  // FirstByteMayMatch compares ASCII with bit 0x20 set
      return;
    }
    if (FoldsAloneLead(first)) {
      // Such a character matches only itself: its second byte is known too.
      seconds_[first & 0x0F] |= std::uint64_t{1} << (static_cast<unsigned char>(literal[1]) & 0x3F);
      return;
    }
    for (int byte = 0x80; byte <= 0xFF; ++byte) {
      if (!FoldsAloneLead(static_cast<unsigned char>(byte))) Set(static_cast<unsigned char>(byte));
    }
  }
  constexpr bool MayStart(unsigned char byte) const {
    return (bits_[byte >> 6] >> (byte & 63)) & 1;
  }
  // The same at `pos` < text.size(), telling most characters that fold
  // alone by their second byte as well: every Chinese character has one of
  // few lead bytes, so the first byte of a Chinese word matches most others.
  constexpr bool MayStart(std::string_view text, std::size_t pos) const {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (!MayStart(byte)) return false;
    if (!FoldsAloneLead(byte)) return true;
    return pos + 1 < text.size() &&
           ((seconds_[byte & 0x0F] >> (static_cast<unsigned char>(text[pos + 1]) & 0x3F)) & 1);
  }

 private:
  constexpr void Set(unsigned char byte) { bits_[byte >> 6] |= std::uint64_t{1} << (byte & 63); }
  std::array<std::uint64_t, 4> bits_{};  // a bit per byte value
  // For the lead bytes that fold alone, by their low four bits (leads that
  // share them share a set): the low six bits of the second bytes.
  std::array<std::uint64_t, 16> seconds_{};
};

// MatchLiteral past its first test.
std::size_t MatchLiteralFrom(std::string_view text, std::size_t pos, std::string_view literal,
                             LiteralOptions options);

// Matches `literal` at `pos`: case-insensitive (simple case folding), a space
// in the literal matching any run of blanks. A literal ending in a letter
// must not run on into another letter. Returns the end, or npos.
inline std::size_t MatchLiteral(std::string_view text, std::size_t pos, std::string_view literal,
                                LiteralOptions options = {}) {
  // Most calls fail on the first byte: decide that before any call.
  if (!FirstByteMayMatch(text, pos, literal, options.exact_case)) return std::string_view::npos;
  return MatchLiteralFrom(text, pos, literal, options);
}

struct LiteralHit {
  std::size_t index = 0;  // into the candidates
  std::size_t end = 0;
};

// The longest of `candidates` that matches at `pos`.
template <typename T, typename Key>
std::optional<LiteralHit> MatchLongest(std::string_view text, std::size_t pos,
                                       std::span<const T> candidates, Key key,
                                       LiteralOptions options = {}) {
  std::optional<LiteralHit> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t end = MatchLiteral(text, pos, key(candidates[i]), options);
    if (end != std::string_view::npos && (!best || end > best->end)) best = LiteralHit{i, end};
  }
  return best;
}

inline std::optional<LiteralHit> MatchLongest(std::string_view text, std::size_t pos,
                                              std::span<const std::string_view> candidates,
                                              LiteralOptions options = {}) {
  return MatchLongest(
      text, pos, candidates, [](std::string_view s) { return s; }, options);
}

struct Number {
  long long value = 0;
  int digits = 0;      // characters read
  bool cjk = false;    // written in Chinese numerals
  bool ascii = false;  // only ASCII digits
  std::size_t begin = 0, end = 0;
};

// Reads a run of decimal digits, or with `cjk_numerals` a run of Chinese
// numerals, at `pos`. With `standalone`, refuses a number glued to a word or
// continuing another number ("SG20", "Y.4471", "+41", the 20 of "1/20").
std::optional<Number> ScanNumber(std::string_view text, std::size_t pos, bool cjk_numerals,
                                 bool standalone);

}  // namespace missive::internal
