#include "recognize/scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "normalize/normalize.h"

namespace missive::scan {

char32_t DecodeMultiByte(std::string_view text, std::size_t i, std::size_t* next) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()),
          c);
  *next = static_cast<std::size_t>(offset);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t FirstCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t next = 0;
  return DecodeAt(text, 0, &next);
}

char32_t LastCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  int32_t offset = static_cast<int32_t>(text.size());
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, offset, c);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return pieces;
}

namespace {
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
}  // namespace

bool StartsWithFold(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

namespace {

// Sixteen bytes, compared all at once (SSE2 on x86-64, NEON on ARM).
using Block = unsigned char __attribute__((vector_size(16)));

Block LoadBlock(const char* bytes) {
  Block block;
  std::memcpy(&block, bytes, sizeof block);
  return block;
}

// What comparing two Blocks gives: a lane per byte, all bits set where the
// comparison holds.
using Lanes = signed char __attribute__((vector_size(16)));

bool AnyLane(const Lanes& lanes) {
  std::uint64_t halves[2];
  std::memcpy(halves, &lanes, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

// The first position from `from` where `needle` (not empty) matches, ASCII
// case ignored when `fold`. It tests sixteen positions at a time for the
// needle's first and last bytes, and compares the whole needle only where
// both match: in text, almost nowhere.
std::size_t Search(std::string_view text, std::string_view needle, std::size_t from, bool fold) {
  constexpr auto npos = std::string_view::npos;
  const std::size_t size = needle.size();
  if (from > text.size() || text.size() - from < size) return npos;
  const std::size_t last_start = text.size() - size;  // where the last possible match starts
  const char* bytes = text.data();
  auto matches_at = [&](std::size_t at) {
    return fold ? StartsWithFold(text.substr(at), needle)
                : std::memcmp(bytes + at, needle.data(), size) == 0;
  };
  // A letter is compared with bit 0x20 set on both sides, which folds ASCII
  // case and joins no other two bytes.
  const unsigned char first_bit = fold && IsAsciiLetter(needle.front()) ? 0x20 : 0;
  const unsigned char last_bit = fold && IsAsciiLetter(needle.back()) ? 0x20 : 0;
  const auto first = static_cast<unsigned char>(needle.front() | first_bit);
  const auto last = static_cast<unsigned char>(needle.back() | last_bit);
  const Block first_bits = Block{} + first_bit, firsts = Block{} + first;
  const Block last_bits = Block{} + last_bit, lasts = Block{} + last;
  // The sixteen positions from `start` of `source` where both bytes match,
  // as lanes that are not zero.
  auto candidates = [&](const char* source, std::size_t start) {
    return ((LoadBlock(source + start) | first_bits) == firsts) &
           ((LoadBlock(source + start + size - 1) | last_bits) == lasts);
  };
  std::size_t at = from;
  if (last_start - at + 1 < sizeof(Block)) {
    // Fewer than sixteen positions: a block of a copy, padded with zeros;
    // lanes beyond the last start are not looked at.
    char padded[3 * sizeof(Block)] = {};
    if (text.size() - at > sizeof padded - sizeof(Block)) {  // a needle too long for it
      for (; at <= last_start; ++at) {
        if ((static_cast<unsigned char>(bytes[at]) | first_bit) == first && matches_at(at)) {
          return at;
        }
      }
      return npos;
    }
    std::memcpy(padded, bytes + at, text.size() - at);
    const auto hits = candidates(padded, 0);
    if (!AnyLane(hits)) return npos;
    for (std::size_t k = 0; at + k <= last_start; ++k) {
      if (hits[k] && matches_at(at + k)) return at + k;
    }
    return npos;
  }
  // Sixteen positions at a time; the last block, ending at the last start,
  // overlaps the one before it, whose positions it skips.
  for (std::size_t block = at;;
       block = std::min(block + sizeof(Block), last_start + 1 - sizeof(Block))) {
    const auto hits = candidates(bytes, block);
    if (AnyLane(hits)) {
      for (std::size_t k = 0; k < sizeof(Block); ++k) {
        if (hits[k] && block + k >= at && matches_at(block + k)) return block + k;
      }
    }
    at = block + sizeof(Block);
    if (at > last_start) return npos;
  }
}

}  // namespace

std::size_t FindFold(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  return Search(text, needle, from, /*fold=*/true);
}

std::size_t Find(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  return Search(text, needle, from, /*fold=*/false);
}

void WordSet::Add(std::span<const std::string_view> words, bool fold) {
  for (std::string_view text : words) {
    if (text.empty()) {
      any_empty_ = true;
      continue;
    }
    Word word;
    word.text = text;
    word.fold = fold;
    const unsigned char first_bit = fold && IsAsciiLetter(text.front()) ? 0x20 : 0;
    const unsigned char last_bit = fold && IsAsciiLetter(text.back()) ? 0x20 : 0;
    word.first_bit = Block{} + first_bit;
    word.first = Block{} + static_cast<unsigned char>(text.front() | first_bit);
    word.last_bit = Block{} + last_bit;
    word.last = Block{} + static_cast<unsigned char>(text.back() | last_bit);
    words_.push_back(word);
  }
  // A word that holds another word of the set occurs only where that one
  // does: only the shorter is looked for. `longer` implies `shorter` when
  // it holds it: ignoring case when `shorter` is matched so; else as
  // written, and with no letter in `shorter` when `longer` ignores case.
  auto implies = [](const Word& longer, const Word& shorter) {
    if (shorter.fold) return FindFold(longer.text, shorter.text) != std::string_view::npos;
    if (longer.fold && std::any_of(shorter.text.begin(), shorter.text.end(), IsAsciiLetter)) {
      return false;
    }
    return Find(longer.text, shorter.text) != std::string_view::npos;
  };
  std::vector<Word> kept;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    bool redundant = false;
    for (std::size_t j = 0; j < words_.size() && !redundant; ++j) {
      // Of two words that imply each other, the first is kept.
      redundant =
          j != i && implies(words_[i], words_[j]) && (j < i || !implies(words_[j], words_[i]));
    }
    if (!redundant) kept.push_back(words_[i]);
  }
  words_ = std::move(kept);
  longest_ = 0;
  for (const Word& word : words_) longest_ = std::max(longest_, word.text.size());
}

bool WordSet::MatchesAt(const Word& word, std::string_view text, std::size_t at) const {
  if (text.size() - at < word.text.size()) return false;
  return word.fold ? StartsWithFold(text.substr(at), word.text)
                   : std::memcmp(text.data() + at, word.text.data(), word.text.size()) == 0;
}

bool WordSet::AnyIn(std::string_view text) const {
  if (any_empty_) return true;
  if (words_.empty()) return false;  // (the loops below need a word of one byte or more)
  // The lanes of the sixteen positions from `bytes` where `word`'s first and
  // last bytes match.
  auto hits_of = [](const Word& word, const char* bytes) {
    return ((LoadBlock(bytes) | word.first_bit) == word.first) &
           ((LoadBlock(bytes + word.text.size() - 1) | word.last_bit) == word.last);
  };
  // Whether `word` starts at one of the positions of `hits`, a block of
  // `text` from `block`, that is `from` or later.
  auto found = [&](const Word& word, const Lanes& hits, std::size_t block, std::size_t from) {
    if (!AnyLane(hits)) return false;
    for (std::size_t k = 0; k < sizeof(Block); ++k) {
      if (hits[k] && block + k >= from && block + k < text.size() &&
          MatchesAt(word, text, block + k)) {
        return true;
      }
    }
    return false;
  };
  const std::size_t size = text.size();
  // Blocks whose loads stay inside the text for every word; the candidates
  // of all words together first, as there are almost none.
  std::size_t at = 0;
  for (; at + sizeof(Block) + longest_ - 1 <= size; at += sizeof(Block)) {
    Lanes any_hits{};
    for (const Word& word : words_) any_hits |= hits_of(word, text.data() + at);
    if (!AnyLane(any_hits)) continue;
    for (const Word& word : words_) {
      if (found(word, hits_of(word, text.data() + at), at, at)) return true;
    }
  }
  // The positions left, fewer than a block and a word: in a copy padded
  // with zeros, so that every block's loads stay inside it, with the same
  // loop. A candidate is checked against the text itself, so no word is
  // found in the padding.
  const std::size_t rest = size - at;
  if (rest == 0) return false;
  constexpr std::size_t kPadded = 256;
  const std::size_t used = rest + sizeof(Block) + longest_;  // past every load
  if (used > kPadded) {  // a word too long for the copy: each is looked for alone
    for (const Word& word : words_) {
      if (Search(text, word.text, at, word.fold) != std::string_view::npos) return true;
    }
    return false;
  }
  char padded[kPadded];
  std::memcpy(padded, text.data() + at, rest);
  std::memset(padded + rest, 0, used - rest);
  for (std::size_t block = 0; block < rest; block += sizeof(Block)) {
    Lanes any_hits{};
    for (const Word& word : words_) any_hits |= hits_of(word, padded + block);
    if (!AnyLane(any_hits)) continue;
    for (const Word& word : words_) {
      if (found(word, hits_of(word, padded + block), at + block, at)) return true;
    }
  }
  return false;
}

bool Contains(std::string_view text, std::string_view needle) {
  return Find(text, needle) != std::string_view::npos;
}

namespace {
bool IsArabicMarkAt(std::string_view text, std::size_t i) {
  if (text[i] != '\xD9' || i + 1 >= text.size()) return false;
  const auto next = static_cast<unsigned char>(text[i + 1]);
  return next >= 0x8B && next <= 0x92;
}
}  // namespace

bool HasArabicMarks(std::string_view text) {
  for (std::size_t i = text.find('\xD9'); i != std::string_view::npos;
       i = text.find('\xD9', i + 1)) {
    if (IsArabicMarkAt(text, i)) return true;
  }
  return false;
}

std::string WithoutArabicMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsArabicMarkAt(text, i)) {
      ++i;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::size_t MatchSkippingArabicMarks(std::string_view text, std::size_t at,
                                     std::string_view needle) {
  if (at >= text.size() || IsArabicMarkAt(text, at)) return std::string_view::npos;
  std::size_t t = at, n = 0;
  while (n < needle.size()) {
    if (t >= text.size()) return std::string_view::npos;
    if (IsArabicMarkAt(text, t)) {
      t += 2;
      continue;
    }
    if (text[t] != needle[n]) return std::string_view::npos;
    ++t;
    ++n;
  }
  while (t < text.size() && IsArabicMarkAt(text, t)) t += 2;
  return t;
}

std::size_t FindSkippingArabicMarks(std::string_view text, std::string_view needle,
                                    std::size_t from, std::size_t* end) {
  if (from > text.size()) return std::string_view::npos;
  if (!HasArabicMarks(text.substr(from))) {
    const std::size_t at = Find(text, needle, from);
    if (at != std::string_view::npos) *end = at + needle.size();
    return at;
  }
  if (needle.empty()) {
    *end = from;
    return from;
  }
  for (std::size_t at = from; at < text.size(); ++at) {
    if (text[at] != needle.front()) continue;
    const std::size_t match_end = MatchSkippingArabicMarks(text, at, needle);
    if (match_end != std::string_view::npos) {
      *end = match_end;
      return at;
    }
  }
  return std::string_view::npos;
}

bool AtMostCodePoints(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return true;  // a code point takes at least one byte
  // Counted as CodePointCount does (the bytes that are not 10xxxxxx), eight
  // bytes at a time, until the count passes the limit.
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    // Bit 7 of each byte set when the byte is a continuation byte.
    const std::uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
    // Their number: the bits moved to bit 0 of their bytes, summed into the
    // top byte by the multiplication (std::popcount would be a library call
    // without the POPCNT instruction).
    count += 8 - static_cast<std::size_t>(((continuation >> 7) * 0x0101010101010101ull) >> 56);
    if (count > limit) return false;
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > limit) return false;
  }
  return true;
}

namespace {

// What CleanText keeps as it is, beside ASCII: characters that NFC never
// changes or joins with a neighbour (NFC_Quick_Check=Yes, combining class
// 0: any string of them is in NFC), that are not white space, and that the
// cleaning does not drop or fold (soft hyphen, bidi marks, fullwidth letters
// and digits). recognize_test checks every one. Most frequent first.
constexpr CodePointRange kCleanRanges[] = {
    {0x4E00, 0x9FFF},  // CJK unified ideographs
    {0x3001, 0x3029},  // CJK punctuation (U+3000 is a space; U+302A.. combine)
    {0x3030, 0x303F},  //
    {0xFF01, 0xFF0F},  // fullwidth punctuation, not the digits and letters
    {0xFF1A, 0xFF20},  //
    {0xFF3B, 0xFF40},  //
    {0xFF5B, 0xFFEE},  //
    {0x2010, 0x2027},  // dashes, quotes, bullets (U+2028.. are spaces and bidi controls)
    {0x2030, 0x205E},  //
    {0x00A1, 0x00AC},  // Latin-1 (U+00A0 is a space, U+00AD the soft hyphen)
    {0x00AE, 0x02FF},  // Latin-1 letters, Latin extensions
    {0x0400, 0x0482},  // Cyrillic, without its combining marks
    {0x048A, 0x052F},  //
    {0x060C, 0x060F},  // Arabic punctuation and letters, without the marks
    {0x061B, 0x061B},  // (U+061C is the Arabic letter mark)
    {0x061E, 0x064A},  //
    {0x0660, 0x066F},  //
    {0x0671, 0x06D5},  //
    {0x20A0, 0x20BF},  // currency signs
    {0x2190, 0x2328},  // arrows, mathematical operators
    {0x232B, 0x27BF},  // technical, box drawing, shapes, dingbats
    {0x3041, 0x3096},  // kana, without the combining sound marks
    {0x309B, 0x30FF},  //
    {0x3400, 0x4DBF},  // CJK extension A
    {0xAC00, 0xD7A3},  // Hangul syllables
};

bool IsCleanCodePoint(char32_t c) {
  for (const CodePointRange& range : kCleanRanges) {
    if (c >= range.first && c <= range.last) return true;
  }
  return false;
}

}  // namespace

std::span<const CodePointRange> AlreadyCleanRanges() { return kCleanRanges; }

namespace {

constexpr char32_t kIllFormed = 0xFFFFFFFF;

// The code point at `*i` when it is ASCII or a well-formed two- or
// three-byte sequence (the BMP), advancing `*i`; kIllFormed otherwise.
char32_t DecodeBmp(const unsigned char* bytes, std::size_t size, std::size_t* i) {
  const std::size_t at = *i;
  const char32_t lead = bytes[at];
  if (lead < 0x80) {
    *i = at + 1;
    return lead;
  }
  if (lead >= 0xC2 && lead <= 0xDF && at + 1 < size && (bytes[at + 1] & 0xC0) == 0x80) {
    *i = at + 2;
    return ((lead & 0x1F) << 6) | (bytes[at + 1] & 0x3F);
  }
  if (lead >= 0xE0 && lead <= 0xEF && at + 2 < size && (bytes[at + 1] & 0xC0) == 0x80 &&
      (bytes[at + 2] & 0xC0) == 0x80) {
    const char32_t c =
        ((lead & 0x0F) << 12) | ((bytes[at + 1] & 0x3F) << 6) | (bytes[at + 2] & 0x3F);
    if (c < 0x800) return kIllFormed;  // overlong
    *i = at + 3;
    return c;
  }
  return kIllFormed;
}

// The white space CleanText collapses that is ASCII: space, tab, line feed,
// vertical tab, form feed, carriage return.
bool IsAsciiWhiteSpace(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// '!' to DEL: ASCII that CleanText keeps as it is.
bool IsAsciiPrintable(unsigned char byte) { return byte > ' ' && byte < 0x80; }

// Whether the eight bytes at `bytes`, which follow a printable character,
// are printable ASCII and single spaces, the last not a space: text that
// CleanText keeps, whatever comes next.
bool IsPlainAscii(const unsigned char* bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  if (((word - kOnes * ' ') | word) & kHigh) return false;  // a byte below ' ', or not ASCII
  const std::uint64_t not_space = word ^ (kOnes * ' ');     // zero bytes where the spaces are
  const std::uint64_t spaces = ~(((not_space & ~kHigh) + ~kHigh) | not_space) & kHigh;
  return (spaces & (spaces << 8)) == 0 && bytes[7] != ' ';
}

// Whether an ideograph of U+4E00..U+9FFF (E4 B8 80 to E9 BF BF) starts at `i`.
bool IsHanAt(const unsigned char* bytes, std::size_t size, std::size_t i) {
  if (i + 3 > size) return false;
  const unsigned lead = bytes[i], second = bytes[i + 1], third = bytes[i + 2];
  return lead - 0xE4u <= 0xE9u - 0xE4u && ((second ^ 0x80u) | (third ^ 0x80u)) < 0x40u &&
         (lead != 0xE4 || second >= 0xB8);
}

// The index after the run of such ideographs from `i`. Inlined: the two
// hottest scans call it for every run of Chinese text.
[[gnu::always_inline]] inline std::size_t SkipHan(const unsigned char* bytes, std::size_t size,
                                                  std::size_t i) {
  if constexpr (std::endian::native == std::endian::little) {
    // With four bytes readable, one test a character: read big-endian, the
    // three bytes of a well-formed sequence order as their code points.
    for (; i + 4 <= size; i += 3) {
      std::uint32_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      const std::uint32_t sequence = __builtin_bswap32(word) >> 8;
      if ((sequence - 0xE4B880u > 0xE9BFBFu - 0xE4B880u) | ((sequence & 0xC0C0u) != 0x8080u)) {
        return i;
      }
    }
  }
  while (IsHanAt(bytes, size, i)) i += 3;
  return i;
}

}  // namespace

CleanWork CleanWorkFor(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  CleanWork work = CleanWork::kNone;
  char32_t previous = 0;      // the code point before the current one; 0 at the start
  char32_t last_content = 0;  // the last one that is not white space
  for (std::size_t i = 0; i < size;) {
    // Printable ASCII, and single spaces between such characters: most of
    // the text, with nothing to check.
    if (IsAsciiPrintable(bytes[i])) {
      for (++i; i < size; ++i) {
        while (i + 8 <= size && IsPlainAscii(bytes + i)) i += 8;
        if (i == size) break;
        if (IsAsciiPrintable(bytes[i])) continue;
        if (bytes[i] != ' ' || i + 1 == size || !IsAsciiPrintable(bytes[i + 1])) break;
      }
      previous = last_content = bytes[i - 1];
      continue;
    }
    const char32_t c = DecodeBmp(bytes, size, &i);
    if (c == kIllFormed) return CleanWork::kFull;  // beyond the BMP, or to be repaired
    if (IsAsciiWhiteSpace(c)) {
      // Layout, runs and leading white space go; a single space inside stays.
      if (c != ' ' || IsAsciiWhiteSpace(previous) || last_content == 0) {
        work = CleanWork::kWhiteSpace;
      }
      previous = c;
      continue;
    }
    if (c < 0x20 || (c >= 0x80 && !IsCleanCodePoint(c))) return CleanWork::kFull;
    // The space between two CJK characters is removed.
    if (IsAsciiWhiteSpace(previous) && c >= 0x80 && last_content >= 0x80 && IsCjk(last_content) &&
        IsCjk(c)) {
      work = CleanWork::kWhiteSpace;
    }
    previous = last_content = c;
    // Ideographs after an ideograph, most of Chinese text, have nothing to check.
    // (Only the last one's being CJK matters after it: `c` stands for it.)
    if (c >= 0x4E00 && c <= 0x9FFF) {
      i = SkipHan(bytes, size, i);
    }
  }
  if (IsAsciiWhiteSpace(previous)) work = CleanWork::kWhiteSpace;  // trailing
  return work;
}

namespace {

// What CleanWorkAndCount needs to know of a code point beyond ASCII, as
// bits: the script it counts for, whether CleanWorkFor passes it (white
// space is ASCII: none of these is) and whether it is CJK. Looked up in a
// table rather than found through range lists and ICU at every character.
enum CodePointClass : std::uint8_t {
  kHanClass = 1,
  kCyrillicClass = 2,
  kArabicClass = 4,
  kLatinClass = 8,
  kUncleanClass = 16,  // CleanWorkFor returns kFull for it
  kCjkClass = 32,
  // Below U+0800 (an overlong three-byte sequence) or a surrogate: what
  // CleanWorkAndCount's run of three-byte characters decodes but leaves.
  kNotThreeByteClass = 64,
  kKnownClass = 128,  // set in every class: 0 is a table entry not yet found
};

// What a run of three-byte characters leaves to the character loop: a
// Latin letter goes on a word; Cyrillic and Arabic, rare in three bytes,
// are not counted in the run; and a table entry not yet found.
constexpr unsigned kLeavesRun =
    kLatinClass | kCyrillicClass | kArabicClass | kNotThreeByteClass | kKnownClass;

std::uint8_t FindClass(char32_t c) {
  unsigned bits = kKnownClass;
  switch (ScriptOf(c)) {
    case Script::kHan:
      bits |= kHanClass;
      break;
    case Script::kCyrillic:
      bits |= kCyrillicClass;
      break;
    case Script::kArabic:
      bits |= kArabicClass;
      break;
    case Script::kLatin:
      bits |= kLatinClass;
      break;
    case Script::kOther:
      break;
  }
  if (!IsCleanCodePoint(c)) bits |= kUncleanClass;
  if (IsCjk(c)) bits |= kCjkClass;
  if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) bits |= kNotThreeByteClass;
  return static_cast<std::uint8_t>(bits);
}

// The classes of the BMP, each found the first time it is asked for (a
// letter uses a few thousand code points of the 65,536). Atomic, as the
// workers share it: relaxed, as every worker would store the same value.
constinit std::atomic<std::uint8_t> bmp_classes[0x10000] = {};

// The class of a code point of the BMP from 0x80, or 0 when not yet found.
std::uint8_t KnownClassOf(char32_t c) { return bmp_classes[c].load(std::memory_order_relaxed); }

// The class of `c` >= 0x80 (U+FFFD for a broken sequence).
std::uint8_t ClassOf(char32_t c) {
  if (c >= 0x10000) return FindClass(c);  // rare: not kept
  std::uint8_t bits = KnownClassOf(c);
  if (bits == 0) {
    bits = FindClass(c);
    bmp_classes[c].store(bits, std::memory_order_relaxed);
  }
  return bits;
}

}  // namespace

void StopwordIndex::Add(std::string_view word, std::size_t language) {
  if (word.empty()) return;  // a word read is never empty
  const std::uint64_t key = Pack(word);
  std::size_t i = Hash(key);
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) % kSlots;
  slots_[i].key = key;
  slots_[i].languages |= std::uint32_t{1} << language;
  longest_ = std::max(longest_, word.size());
}

namespace {

// CleanWorkFor's reading of a text, fed by CleanWorkAndCount one character
// (or eight ASCII bytes) at a time. Once the work is kWhiteSpace, only a
// character CleanText changes can raise it: the white space rules (and
// what they remember) no longer matter.
class CleanWorkReader {
 public:
  CleanWork work() const { return work_; }

  // A byte below 0x80.
  void Ascii(unsigned char byte) {
    if (IsAsciiPrintable(byte)) {
      previous_ = last_content_ = byte;
    } else if (IsAsciiWhiteSpace(byte)) {
      // Layout, runs and leading white space go; a single space inside stays.
      if (byte != ' ' || IsAsciiWhiteSpace(previous_) || last_content_ == 0) {
        work_ = CleanWork::kWhiteSpace;
      }
      previous_ = byte;
    } else {
      work_ = CleanWork::kFull;  // a control character
    }
  }

  // Eight bytes below 0x80, `word` as read from memory.
  void AsciiChunk(const unsigned char* bytes, std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
    if (((word - kOnes * ' ') & ~word & kHigh) != 0) {  // a byte below ' ': rare
      for (int k = 0; k < 8 && work_ != CleanWork::kFull; ++k) Ascii(bytes[k]);
      return;
    }
    if (work_ != CleanWork::kNone) return;  // printable and spaces raise nothing more
    // Printable bytes and spaces: work only for two spaces in a row, or a
    // space first in the text.
    const std::uint64_t not_space = word ^ (kOnes * ' ');  // zero bytes where the spaces are
    const std::uint64_t spaces = ~(((not_space & ~kHigh) + ~kHigh) | not_space) & kHigh;
    if ((spaces & (spaces << 8)) != 0 ||
        (bytes[0] == ' ' && (previous_ == ' ' || previous_ == 0))) {
      work_ = CleanWork::kWhiteSpace;
      return;
    }
    previous_ = bytes[7];
    last_content_ = bytes[7] != ' ' ? bytes[7] : bytes[6];  // no two spaces in a row
  }

  // A code point from 0x80 as DecodeAt reads it, and its class: U+FFFD for
  // a broken sequence, where CleanWorkFor finds work, as it does for U+FFFD
  // itself and for every code point beyond the BMP (none is clean).
  void Other(char32_t c, unsigned bits) {
    Run([bits] { return bits; }, c, bits);
  }

  // Characters from 0x80 one after another, none white space: what gives
  // the first one's class (asked only after white space), the last one,
  // and the classes of all OR-ed. Only the first can follow white space,
  // and only the last is read after them.
  template <typename FirstBits>
  void Run(FirstBits first_bits, char32_t last, unsigned all_bits) {
    if ((all_bits & kUncleanClass) != 0) {
      work_ = CleanWork::kFull;
      return;
    }
    // The space between two CJK characters is removed.
    if (IsAsciiWhiteSpace(previous_) && last_content_ >= 0x80 &&
        (ClassOf(last_content_) & kCjkClass) != 0 && (first_bits() & kCjkClass) != 0) {
      work_ = CleanWork::kWhiteSpace;
    }
    previous_ = last_content_ = last;
  }

  CleanWork Finish() const {
    if (work_ == CleanWork::kNone && IsAsciiWhiteSpace(previous_)) return CleanWork::kWhiteSpace;
    return work_;
  }

 private:
  CleanWork work_ = CleanWork::kNone;
  char32_t previous_ = 0;      // the code point before the current one; 0 at the start
  char32_t last_content_ = 0;  // the last one that is not white space
};

}  // namespace

CleanWork CleanWorkAndCount(std::string_view text, const StopwordIndex& stopwords,
                            LanguageCounts& counts) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  CleanWorkReader clean;
  // The word being read, lower-cased and packed (its last bytes, when it is
  // longer than any stopword: then it is not looked up).
  std::uint64_t word = 0;
  std::size_t word_length = 0;
  auto add_to_word = [&](unsigned char c) {
    word = word << 8 | c;
    ++word_length;
  };
  auto end_word = [&] {
    if (word_length == 0) return;
    if (word_length <= stopwords.longest()) {
      for (std::uint32_t tables = stopwords.LanguagesOf(word); tables != 0; tables &= tables - 1) {
        ++counts.stopwords[static_cast<std::size_t>(std::countr_zero(tables))];
      }
    }
    word = 0;
    word_length = 0;
  };
  // Eight ASCII bytes at once, as the byte loop below reads them: each run
  // of letters is added to the word whole, and a word ends where a run
  // stops before the eighth byte. Per byte, each word's first and last
  // letters are branches the processor guesses wrong.
  auto add_ascii_chunk = [&](std::uint64_t chunk) {
    unsigned letters = AsciiLetterMask(chunk);
    // std::popcount would be a library call without the POPCNT instruction.
    unsigned count = letters - ((letters >> 1) & 0x55u);
    count = (count & 0x33u) + ((count >> 2) & 0x33u);
    counts.latin += (count + (count >> 4)) & 0x0Fu;
    if ((letters & 1) == 0) end_word();
    const std::uint64_t folded = chunk | 0x2020202020202020ull;
    while (letters != 0) {
      const int start = std::countr_zero(letters);
      const int length = std::countr_one(letters >> start);
      // Only a word of up to eight letters is looked up: only then is its
      // packed value needed (the run's bytes, the first one highest).
      if (word_length + static_cast<std::size_t>(length) <= StopwordIndex::kMaxLength) {
        const std::uint64_t run = __builtin_bswap64(folded >> (8 * start)) >> (64 - 8 * length);
        word = (word_length == 0 ? 0 : word << (8 * length)) | run;
      }
      word_length += static_cast<std::size_t>(length);
      if (start + length < 8) end_word();
      letters &= ~(((1u << length) - 1) << start);
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = bytes[i];
    if (byte < 0x80) {
      // ASCII needs no script lookup; eight bytes of it at once when they
      // are (not looked for after other characters: Chinese text).
      if constexpr (std::endian::native == std::endian::little) {
        if (i + 8 <= text.size()) {
          std::uint64_t chunk;
          std::memcpy(&chunk, bytes + i, sizeof chunk);
          if ((chunk & 0x8080808080808080ull) == 0) {
            add_ascii_chunk(chunk);
            if (clean.work() != CleanWork::kFull) clean.AsciiChunk(bytes + i, chunk);
            i += 8;
            continue;
          }
        }
      }
      ++i;
      if (clean.work() != CleanWork::kFull) clean.Ascii(byte);
      const auto folded = static_cast<unsigned char>(byte | 0x20);
      if (folded >= 'a' && folded <= 'z') {
        ++counts.latin;
        add_to_word(folded);
      } else {
        end_word();
      }
      continue;
    }
    // A run of three-byte characters: Chinese text with its punctuation.
    // Ideographs are told from their bytes; the others are looked up in
    // the class table, which has the few the run leaves to the loop below.
    const std::size_t run = i;
    unsigned run_bits = 0;
    std::size_t han = 0;
    for (;;) {
      const std::size_t ideographs = i;
      i = SkipHan(bytes, text.size(), i);
      han += (i - ideographs) / 3;
      if (i + 3 > text.size()) break;
      const unsigned lead = bytes[i], second = bytes[i + 1], third = bytes[i + 2];
      // A lead byte E0..EF and two continuation bytes, tested at once: a
      // code point of the class table, whose classes of the overlong ones
      // and the surrogates make them leave the run.
      const unsigned off =
          ((lead & 0xF0u) ^ 0xE0u) | ((second & 0xC0u) ^ 0x80u) | ((third & 0xC0u) ^ 0x80u);
      if (off != 0) break;
      const unsigned bits =
          KnownClassOf(((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (third & 0x3F));
      if (((bits ^ kKnownClass) & kLeavesRun) != 0) break;
      han += bits & kHanClass;
      run_bits |= bits;
      i += 3;
    }
    if (i != run) {
      counts.han += han;
      end_word();
      if (clean.work() != CleanWork::kFull) {
        auto first_bits = [&] {
          std::size_t next = 0;
          return ClassOf(DecodeAt(text, run, &next));
        };
        std::size_t next = 0;
        clean.Run(first_bits, DecodeAt(text, i - 3, &next), run_bits);
      }
      continue;
    }
    // Any other character, one at a time.
    std::size_t next = 0;
    const char32_t c = DecodeAt(text, i, &next);
    i = next;
    const unsigned bits = ClassOf(c);
    if (clean.work() != CleanWork::kFull) clean.Other(c, bits);
    counts.han += bits & kHanClass;
    counts.cyrillic += (bits & kCyrillicClass) >> 1;
    counts.arabic += (bits & kArabicClass) >> 2;
    if ((bits & kLatinClass) != 0) {
      ++counts.latin;
      add_to_word('?');  // no stopword has an accented letter
    } else {
      end_word();
    }
  }
  end_word();
  return clean.Finish();
}

namespace {

// The bytes below '!' among eight (white space and control characters),
// read from memory in little-endian order: bit 7 of each such byte set.
// Exact: no byte borrows from the next.
std::uint64_t BelowBang(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  // With its top bit set, a byte minus '!' keeps it when the byte was '!'
  // or more; a byte from 0x80 up is never below.
  const std::uint64_t minus = (word | kHigh) - kOnes * '!';
  return ~minus & ~word & kHigh;
}

// The index of the first ASCII white space byte from `i`, or `size`. Eight
// bytes at a time, where the bytes below '!' are found at once: in text
// with a space every few words, a byte loop would test most bytes. A
// control character among them (never in a text CollapseWhiteSpace is for)
// is passed over as the byte loop would.
std::size_t FindWhiteSpace(const unsigned char* bytes, std::size_t size, std::size_t i) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      for (std::uint64_t below = BelowBang(word); below != 0; below &= below - 1) {
        const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(below)) / 8;
        if (IsAsciiWhiteSpace(bytes[at])) return at;
      }
    }
  }
  while (i < size && !IsAsciiWhiteSpace(bytes[i])) ++i;
  return i;
}

}  // namespace

std::string CollapseWhiteSpace(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::string out;
  out.reserve(size);
  // Runs of characters joined by one space, or none between two CJK ones.
  // A single space that stays is copied with the text around it: the text
  // goes out in spans, cut only where white space changes.
  std::size_t i = 0;
  while (i < size && IsAsciiWhiteSpace(bytes[i])) ++i;  // leading white space goes
  std::size_t span = i;                                 // where the text copied as it is starts
  while (i < size) {
    const std::size_t run = i;  // a run of characters
    i = FindWhiteSpace(bytes, size, i);
    const std::size_t run_end = i;
    while (i < size && IsAsciiWhiteSpace(bytes[i])) ++i;
    if (i == size) {  // trailing white space goes
      out.append(text, span, run_end - span);
      break;
    }
    // Two CJK characters meet (neither of them ASCII): no space between.
    bool cjk_join = false;
    if (bytes[run_end - 1] >= 0x80 && bytes[i] >= 0x80) {
      std::size_t last = run_end - 1;  // the lead byte of the run's last character
      while (last > run && (bytes[last] & 0xC0) == 0x80) --last;
      std::size_t next = 0;
      cjk_join = IsCjk(DecodeAt(text, last, &next)) && IsCjk(DecodeAt(text, i, &next));
    }
    if (!cjk_join && i - run_end == 1 && bytes[run_end] == ' ') continue;  // stays as it is
    out.append(text, span, run_end - span);
    if (!cjk_join) out.push_back(' ');
    span = i;
  }
  return out;
}

void AppendCollapsed(std::string& text, std::string_view part) {
  if (part.empty()) return;
  if (!text.empty()) {
    std::size_t next = 0;
    if (!(IsCjk(LastCodePoint(text)) && IsCjk(DecodeAt(part, 0, &next)))) text.push_back(' ');
  }
  text.append(part);
}

namespace {

// Whether the eight bytes of `word` are ASCII but no digit.
bool AsciiWithoutDigit(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  // With its top bit set, a byte minus c keeps it when the byte was c or more.
  const std::uint64_t from_0 = (word | kHigh) - kOnes * '0';
  const std::uint64_t after_9 = (word | kHigh) - kOnes * ('9' + 1);
  return ((from_0 & ~after_9 & kHigh) | (word & kHigh)) == 0;
}

}  // namespace

bool MayHoldNumber(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if constexpr (std::endian::native == std::endian::little) {
        if (i + 8 <= text.size()) {
          std::uint64_t word;
          std::memcpy(&word, text.data() + i, sizeof word);
          if (AsciiWithoutDigit(word)) {
            i += 8;
            continue;
          }
        }
      }
      if (byte >= '0' && byte <= '9') return true;
      ++i;
      continue;
    }
    std::size_t next = 0;
    const char32_t c = DecodeAt(text, i, &next);
    // No decimal digit below U+0660 (Arabic-Indic) but ASCII, none in general
    // punctuation; Chinese numerals start at U+25CB.
    if (c >= 0x0660 && !(c >= 0x2000 && c <= 0x206F)) return true;
    i = next;
  }
  return false;
}

std::size_t HanRun(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return (SkipHan(bytes, text.size(), i) - i) / 3;
}

std::string IsoDate(const Date& date) {
  // Four digits of year and two of month and day, as "%04d-%02d-%02d" writes
  // them; other values keep Iso's own formatting.
  const bool fits = date.year >= 0 && date.year <= 9999 && date.month >= 0 && date.month <= 99 &&
                    date.day >= 0 && date.day <= 99;
  if (!fits) return date.Iso();
  std::string iso = "0000-00-00";
  for (int value = date.year, at = 3; at >= 0; value /= 10, --at) {
    iso[at] = static_cast<char>('0' + value % 10);
  }
  iso[5] = static_cast<char>('0' + date.month / 10);
  iso[6] = static_cast<char>('0' + date.month % 10);
  iso[8] = static_cast<char>('0' + date.day / 10);
  iso[9] = static_cast<char>('0' + date.day % 10);
  return iso;
}

Script ScriptOfSlow(char32_t c) {
  if (c < 0x80) {
    return (c | 0x20) >= U'a' && (c | 0x20) <= U'z' ? Script::kLatin : Script::kOther;
  }
  if (c >= 0x0410 && c <= 0x044F) return Script::kCyrillic;  // А..я
  if (c >= 0x0621 && c <= 0x063F) return Script::kArabic;    // ء..ؿ (U+0640 is Common)
  if (c >= 0x0641 && c <= 0x064A) return Script::kArabic;
  // The punctuation of Chinese text and general punctuation are Common
  // (U+200C and U+200D Inherited): no ICU lookup for every comma. U+3005,
  // U+3007 and U+3021.. are Han, the fullwidth letters from U+FF21 Latin.
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) ||
      (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF20)) {
    return Script::kOther;
  }
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    default:
      return Script::kOther;
  }
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

namespace {

// U+F0B7 and U+F0A7 are Word's Symbol and Wingdings bullets as private-use
// characters, as they stand when the font mapping is not applied.
constexpr std::string_view kBullets[] = {"·", "•", "-", "–",      "—",      "▪", "■", "○",
                                         "●", "◦", "*", "\uF0B7", "\uF0A7", "‒", "・"};

// The bytes a bullet can start with: most text is told apart by its first.
constexpr std::array<bool, 256> kBulletFirstBytes = [] {
  std::array<bool, 256> first{};
  for (std::string_view bullet : kBullets) {
    if (!bullet.empty()) first[static_cast<unsigned char>(bullet.front())] = true;
  }
  return first;
}();

std::size_t BulletLength(std::string_view text) {
  if (text.empty() || !kBulletFirstBytes[static_cast<unsigned char>(text.front())]) return 0;
  for (std::string_view bullet : kBullets) {
    if (text.substr(0, bullet.size()) == bullet) return bullet.size();
  }
  return 0;
}

}  // namespace

bool IsBulletOnly(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return false;
  while (!text.empty()) {
    std::size_t length = BulletLength(text);
    if (length == 0) return false;
    text = Trim(text.substr(length));
  }
  return true;
}

std::string_view StripBullet(std::string_view text, bool* had_bullet) {
  text = Trim(text);
  std::size_t length = BulletLength(text);
  // "-批准新工作项目" is a bullet only when the dash is followed by a space or
  // tab; a dash glued to a word may be text ("-27日" never starts a line, but
  // "−5" might), so only a separated dash counts.
  bool separated = length > 0 && (length == text.size() || text[length] == ' ' ||
                                  text[length] == '\t' || text.substr(0, length) != "-");
  if (had_bullet) *had_bullet = separated;
  if (!separated) return text;
  return Trim(text.substr(length));
}

namespace {

// The list separators, of which no one ends another: at most one ends a text.
constexpr std::string_view kSeparators[] = {"；", ";", "，", ",", "؛", "،"};

// The length of the separator ending `text`, or 0.
std::size_t TrailingSeparatorLength(std::string_view text) {
  // Each ends in one of these bytes (";" "," and the last byte of "；" "؛",
  // of "，" "،"): most texts are told by their last byte.
  if (text.empty() || (text.back() != ';' && text.back() != ',' && text.back() != '\x9B' &&
                       text.back() != '\x8C')) {
    return 0;
  }
  for (std::string_view separator : kSeparators) {
    if (text.ends_with(separator)) return separator.size();
  }
  return 0;
}

}  // namespace

std::string_view StripTrailingSeparators(std::string_view text) {
  // White space and separators alternate at the end: one kind at a time,
  // never both, so the order they go in is fixed.
  for (;;) {
    text = Trim(text);
    const std::size_t length = TrailingSeparatorLength(text);
    if (length == 0) return text;
    text.remove_suffix(length);
  }
}

bool EndsWithSeparator(std::string_view text) { return TrailingSeparatorLength(Trim(text)) > 0; }

namespace {

// A full stop that ends an abbreviation inside a sentence rather than the
// sentence: the next word is a number or starts with a lower-case letter
// ("11 час. 00 мин. до 13 час.", "11 a.m. to 1 p.m."). A capital after
// the stop still ends one. Only '.'; "!" and "?" always end a sentence.
bool AbbreviationDot(std::string_view text, std::size_t dot) {
  if (text[dot] != '.') return false;
  std::size_t at = text.find_first_not_of(' ', dot + 1);
  if (at == std::string_view::npos) return false;
  std::size_t after = 0;
  const char32_t next = DecodeAt(text, at, &after);
  return IsAsciiDigit(next) || u_islower(static_cast<UChar32>(next));
}

}  // namespace

std::vector<Piece> Sentences(std::string_view text) {
  std::vector<Piece> pieces;
  std::size_t start = 0;
  // Byte by byte: every terminator starts with a byte that is never inside
  // another character's encoding, so no decoding is needed to find them.
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = 0;  // after a terminator starting at i
    switch (text[i]) {
      case '\n':
        end = i + 1;
        break;
      case '.':
      case '!':
      case '?':
        if (i + 1 == text.size() || (text[i + 1] == ' ' && !AbbreviationDot(text, i))) end = i + 1;
        break;
      case '\xE3':  // 。
      case '\xEF':  // ！ ？
        for (std::string_view mark :
             {std::string_view("。"), std::string_view("！"), std::string_view("？")}) {
          if (text.compare(i, mark.size(), mark) == 0) end = i + mark.size();
        }
        break;
      default:
        break;
    }
    if (end == 0) {
      ++i;
      continue;
    }
    pieces.push_back({start, end});
    start = i = end;
  }
  if (start < text.size()) pieces.push_back({start, text.size()});
  return pieces;
}

namespace {

bool EndsUrl(char32_t c) {
  return c <= U' ' || c == U'"' || c == U'<' || c == U'>' || c == U'“' || c == U'”' || c == U'‘' ||
         c == U'’' || c == U'「' || c == U'」' || c == U'\uFFFD' || IsCjk(c);
}

std::string_view TrimUrlTail(std::string_view url) {
  while (!url.empty()) {
    char last = url.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'') {
      url.remove_suffix(1);
    } else if (last == ')' && url.find('(') == std::string_view::npos) {
      url.remove_suffix(1);
    } else {
      break;
    }
  }
  return url;
}

}  // namespace

std::vector<UrlMatch> FindUrls(std::string_view text) {
  std::vector<UrlMatch> found;
  // Most paragraphs hold no URL: cheap looks before the byte-wise scan.
  // Every form has a ':' or a '.', which much text (Chinese above all) has not.
  if (text.find(':') == std::string_view::npos && text.find('.') == std::string_view::npos) {
    return found;
  }
  static const WordSet kUrlMarks = [] {
    WordSet marks;
    constexpr std::string_view kScheme[] = {"://"}, kWww[] = {"www."};
    marks.Add(kScheme, /*fold=*/false);
    marks.Add(kWww, /*fold=*/true);
    return marks;
  }();
  if (!kUrlMarks.AnyIn(text)) {
    return found;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    // Every form starts with an h or a w, in either case.
    const char folded = static_cast<char>(text[i] | 0x20);
    if (folded != 'h' && folded != 'w') {
      ++i;
      continue;
    }
    bool web =
        StartsWithFold(text.substr(i), "https://") || StartsWithFold(text.substr(i), "http://");
    // "主页www.itu.int": a CJK character may touch the URL; a Latin one
    // ("awww.") means it is the middle of a word.
    bool www = !web && StartsWithFold(text.substr(i), "www.") &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                            text[i - 1] == '.' || text[i - 1] == '/' || text[i - 1] == '@'));
    if (!web && !www) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t next = 0;
      if (EndsUrl(DecodeAt(text, end, &next))) break;
      end = next;
    }
    std::string_view url = TrimUrlTail(text.substr(i, end - i));
    if (url.size() > (www ? 4u : 8u)) {
      found.push_back({i, i + url.size(), (www ? "http://" : "") + std::string(url)});
    }
    i = std::max(end, i + 1);
  }
  return found;
}

std::optional<std::string> WebUrl(std::string_view target) {
  target = Trim(target);
  if (StartsWithFold(target, "http://") || StartsWithFold(target, "https://")) {
    return std::string(target);
  }
  if (StartsWithFold(target, "www.")) return "http://" + std::string(target);
  return std::nullopt;
}

namespace {

// "Y.4471", "M.2083-1", "X.509": a series letter, a dot, digits.
std::size_t RecommendationLength(std::string_view text) {
  if (text.size() < 3 || text[0] < 'A' || text[0] > 'Z' || text[1] != '.' ||
      !IsAsciiDigit(static_cast<unsigned char>(text[2]))) {
    return 0;
  }
  std::size_t i = 2;
  while (i < text.size() && (IsAsciiDigit(static_cast<unsigned char>(text[i])) ||
                             (text[i] == '.' && i + 1 < text.size() &&
                              IsAsciiDigit(static_cast<unsigned char>(text[i + 1]))))) {
    ++i;
  }
  // A letter straight after the digits ("Y.4471a") is still the same family
  // member; a following letter run like "Y.NDA" never got here.
  return i;
}

void AddOnce(std::vector<std::string>& out, std::string value) {
  for (const std::string& existing : out) {
    if (existing == value) return;
  }
  out.push_back(std::move(value));
}

}  // namespace

void FindRecommendations(std::string_view text, const RecommendationWords& words,
                         std::vector<std::string>& out) {
  // Every identifier has a dot before a digit ("Y.4471"); most text has none.
  bool dotted_digit = false;
  for (std::size_t dot = text.find('.'); dot != std::string_view::npos && !dotted_digit;
       dot = text.find('.', dot + 1)) {
    dotted_digit = dot + 1 < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[dot + 1]));
  }
  if (!dotted_digit) return;
  std::array<bool, 256> sector_start{};  // the first bytes of the sectors' names
  for (const auto& [sector, canonical] : words.sectors) {
    if (!sector.empty()) sector_start[static_cast<unsigned char>(sector.front())] = true;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Qualified: "ITU-T Y.4471", "UIT-T E.119", "МСЭ-Т E.108" (space optional),
    // written with the sector's English name whatever the language.
    bool qualified = false;
    const bool may_be_sector = sector_start[static_cast<unsigned char>(text[i])];
    for (const auto& [sector, canonical] : words.sectors) {
      if (!may_be_sector) break;
      if (text[i] != sector.front() || text.compare(i, sector.size(), sector) != 0) continue;
      if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) break;
      std::size_t at = i + sector.size();
      if (at < text.size() && text[at] == ' ') ++at;
      std::size_t length = RecommendationLength(text.substr(at));
      if (length > 0) {
        AddOnce(out, std::string(canonical) + " " + std::string(text.substr(at, length)));
        i = at + length - 1;
        qualified = true;
      }
      break;
    }
    if (qualified) continue;
    // Unqualified, but named as a Recommendation around it. "实施H.264建议书":
    // a CJK character may touch the identifier; a Latin letter, digit or
    // dash ("T-REC-H.264", "XH.264") may not.
    if (text[i] >= 'A' && text[i] <= 'Z' &&
        (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '-' ||
                     text[i - 1] == '.'))) {
      std::size_t length = RecommendationLength(text.substr(i));
      if (length == 0) continue;
      std::string_view after = Trim(text.substr(i + length));
      std::string_view before = text.substr(0, i);
      bool named = false;
      for (std::string_view word : words.after) {
        if (after.substr(0, word.size()) == word) named = true;
      }
      for (std::string_view word : words.before) {
        if (before.size() >= word.size() &&
            StartsWithFold(before.substr(before.size() - word.size()), word)) {
          named = true;
        }
      }
      if (named) AddOnce(out, "ITU-T " + std::string(text.substr(i, length)));
      i += length - 1;
    }
  }
}

std::optional<std::string_view> ItemNumber(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '(') text.remove_prefix(1);
  while (!text.empty() && (text.back() == '.' || text.back() == ')')) text.remove_suffix(1);
  if (text.empty() || !IsAsciiDigit(static_cast<unsigned char>(text.front()))) return std::nullopt;
  bool after_dot = false;
  for (char c : text) {
    if (IsAsciiDigit(static_cast<unsigned char>(c))) {
      after_dot = false;
    } else if (c == '.' && !after_dot) {
      after_dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (after_dot) return std::nullopt;
  return text;
}

std::optional<std::pair<std::string_view, std::string_view>> SplitItemNumber(
    std::string_view text) {
  text = Trim(text);
  std::size_t end = 0;
  while (end < text.size() &&
         (IsAsciiDigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) {
    ++end;
  }
  if (end == 0) return std::nullopt;
  std::optional<std::string_view> number = ItemNumber(text.substr(0, end));
  if (!number) return std::nullopt;
  std::string_view rest = text.substr(end);
  // The separator a writer puts after the number: white space, or the
  // enumeration marks of Chinese text.
  bool separated = false;
  for (std::string_view mark :
       {std::string_view("、"), std::string_view("．"), std::string_view("）"),
        std::string_view(")"), std::string_view("\t"), std::string_view(" ")}) {
    if (rest.substr(0, mark.size()) == mark) {
      rest.remove_prefix(mark.size());
      separated = true;
      break;
    }
  }
  // "2021年": a year is no item number; neither is "3.5%" glued to text.
  if (!separated && end < text.size() && text[end - 1] != '.') return std::nullopt;
  rest = Trim(rest);
  if (rest.empty()) return std::nullopt;
  return std::pair{*number, rest};
}

namespace {

// The value of a Roman numeral of I, V and X written the canonical way
// ("IV", never "IIII"), or 0: agendas do not run past XXXIX, and "C." or
// "L." at the start of a line is more often an initial than an item.
int RomanValue(std::string_view text) {
  if (text.empty() || text.size() > 6) return 0;
  int value = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto digit = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : 0; };
    const int d = digit(text[i]);
    if (d == 0) return 0;
    const int next = i + 1 < text.size() ? digit(text[i + 1]) : 0;
    value += next > d ? -d : d;
  }
  if (value <= 0 || value >= 40) return 0;
  // Written back canonically, it must read the same.
  static constexpr std::string_view kOnes[] = {"",  "I",  "II",  "III",  "IV",
                                               "V", "VI", "VII", "VIII", "IX"};
  std::string canonical(static_cast<std::size_t>(value / 10), 'X');
  canonical += kOnes[value % 10];
  return canonical == text ? value : 0;
}

// A Chinese numeral from 1 to 99 written with 一 ... 十 ("十二", "二十一"),
// the whole of `text`.
bool IsChineseItemNumeral(std::string_view text) {
  // Ideographs only: ParseChineseNumber reads ASCII digits too.
  if (text.empty() || static_cast<unsigned char>(text.front()) < 0x80) return false;
  std::optional<long long> value = ParseChineseNumber(text);
  return value && *value >= 1 && *value <= 99;
}

// The style of a numeral `inner` (no marks, no brackets), or nullopt.
std::optional<LabelStyle> NumeralStyle(std::string_view inner, const ItemLabelRules& rules) {
  if (inner.empty()) return std::nullopt;
  if (IsAsciiDigit(static_cast<unsigned char>(inner.front()))) {
    std::optional<std::string_view> number = ItemNumber(inner);
    if (number && number->size() == inner.size()) return LabelStyle::kDecimal;
    return std::nullopt;
  }
  if (rules.roman_numerals && RomanValue(inner) > 0) return LabelStyle::kRoman;
  if (rules.chinese_numerals && IsChineseItemNumeral(inner)) return LabelStyle::kChinese;
  return std::nullopt;
}

LabelStyle Bracketed(LabelStyle style) {
  switch (style) {
    case LabelStyle::kDecimal:
      return LabelStyle::kBracketedDecimal;
    case LabelStyle::kChinese:
      return LabelStyle::kBracketedChinese;
    case LabelStyle::kRoman:
      return LabelStyle::kBracketedRoman;
    default:
      return style;
  }
}

// "（一）" or "(IV)" at the start of `text`: the label and the byte after it.
std::optional<std::pair<ItemLabel, std::size_t>> BracketedLabelAt(std::string_view text,
                                                                  const ItemLabelRules& rules) {
  for (const auto& [open, close] : rules.brackets) {
    if (!text.starts_with(open)) continue;
    // A label is short: "（二十一）" is the longest.
    std::size_t end = text.find(close, open.size());
    if (end == std::string_view::npos || end - open.size() > 15) continue;
    std::string_view inner = text.substr(open.size(), end - open.size());
    std::optional<LabelStyle> style = NumeralStyle(inner, rules);
    // "(7.1)" is no label a writer brackets; "(2021)" is a year.
    if (!style || (*style == LabelStyle::kDecimal &&
                   (inner.size() > 3 || inner.find('.') != std::string_view::npos))) {
      continue;
    }
    return std::pair{ItemLabel{inner, Bracketed(*style)}, end + close.size()};
  }
  return std::nullopt;
}

// The mark of `rules` at `at` in `text`, or 0: its byte length.
std::size_t MarkAt(std::string_view text, std::size_t at, const ItemLabelRules& rules) {
  if (at < text.size() && text[at] == '\t') return 1;
  for (std::string_view mark : rules.marks) {
    if (text.substr(at, mark.size()) == mark) return mark.size();
  }
  return 0;
}

}  // namespace

std::optional<ItemLabel> ParseItemLabel(std::string_view text, const ItemLabelRules& rules) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (std::optional<std::string_view> number = ItemNumber(text)) {
    return ItemLabel{*number,
                     text.front() == '(' ? LabelStyle::kBracketedDecimal : LabelStyle::kDecimal};
  }
  if (auto bracketed = BracketedLabelAt(text, rules)) {
    std::string_view after = Trim(text.substr(bracketed->second));
    if (after.empty() || MarkAt(after, 0, rules) == after.size()) return bracketed->first;
    return std::nullopt;
  }
  // A sub-item's label that Word numbering renders from a numeral level
  // and decimal ones ("%1.%2." over 一, 二: "二.1."): the numeral, then
  // dotted digits, read as "7.1" is.
  if (const std::size_t dot = text.find('.'); dot != std::string_view::npos && dot > 0) {
    std::optional<std::string_view> tail = ItemNumber(text.substr(dot + 1));
    const std::string_view head = text.substr(0, dot);
    std::optional<LabelStyle> style = NumeralStyle(head, rules);
    if (tail && style && *style != LabelStyle::kDecimal) {
      return ItemLabel{text.substr(0, dot + 1 + tail->size()), *style};
    }
  }
  // A numeral alone or with its mark: "一", "一、", "IV.".
  std::string_view numeral = text;
  for (std::string_view mark : rules.marks) {
    if (numeral.size() > mark.size() && numeral.ends_with(mark)) {
      numeral = Trim(numeral.substr(0, numeral.size() - mark.size()));
      break;
    }
  }
  std::optional<LabelStyle> style = NumeralStyle(numeral, rules);
  if (!style || *style == LabelStyle::kDecimal) return std::nullopt;
  return ItemLabel{numeral, *style};
}

std::optional<std::pair<ItemLabel, std::string_view>> SplitItemLabel(std::string_view text,
                                                                     const ItemLabelRules& rules) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  const auto first = static_cast<unsigned char>(text.front());
  if (IsAsciiDigit(first)) {
    auto split = SplitItemNumber(text);
    if (!split) return std::nullopt;
    return std::pair{ItemLabel{split->first, LabelStyle::kDecimal}, split->second};
  }
  if (auto bracketed = BracketedLabelAt(text, rules)) {
    std::string_view rest = Trim(text.substr(bracketed->second));
    if (rest.empty()) return std::nullopt;
    return std::pair{bracketed->first, rest};
  }
  // "IV – Reports": I, V or X, then (after spaces) a mark, then a blank.
  if (rules.roman_numerals && (first == 'I' || first == 'V' || first == 'X')) {
    std::size_t end = 0;
    while (end < text.size() && (text[end] == 'I' || text[end] == 'V' || text[end] == 'X')) ++end;
    std::string_view numeral = text.substr(0, end);
    std::size_t at = end;
    while (at < text.size() && text[at] == ' ') ++at;
    std::size_t mark = MarkAt(text, at, rules);
    std::size_t after = at + mark;
    bool blank_after = after < text.size() && (text[after] == ' ' || text[after] == '\t');
    if (mark > 0 && (blank_after || text[at] == '\t') && RomanValue(numeral) > 0) {
      std::string_view rest = Trim(text.substr(after));
      if (!rest.empty()) return std::pair{ItemLabel{numeral, LabelStyle::kRoman}, rest};
    }
    return std::nullopt;
  }
  // "二十一、议程": up to three ideographs, then a mark. Chinese numerals are
  // three bytes long and start with E4 .. E9.
  if (rules.chinese_numerals && first >= 0xE4 && first <= 0xE9) {
    for (std::size_t end = 3; end <= 9 && end < text.size(); end += 3) {
      std::size_t mark = MarkAt(text, end, rules);
      if (mark == 0) continue;
      std::string_view numeral = text.substr(0, end);
      if (!IsChineseItemNumeral(numeral)) return std::nullopt;
      std::string_view rest = Trim(text.substr(end + mark));
      if (rest.empty()) return std::nullopt;
      return std::pair{ItemLabel{numeral, LabelStyle::kChinese}, rest};
    }
  }
  return std::nullopt;
}

bool IsDocumentReference(std::string_view token, const std::vector<std::string_view>& prefixes) {
  token = Trim(token);
  // "SG20-TD123": a study-group qualifier in front of the document kind.
  if (token.size() > 3 && token.substr(0, 2) == "SG") {
    std::size_t dash = token.find('-');
    if (dash != std::string_view::npos && dash < 6) token.remove_prefix(dash + 1);
  }
  for (std::string_view prefix : prefixes) {
    if (token.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = token.substr(prefix.size());
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) rest.remove_prefix(1);
    if (rest.empty() || !IsAsciiDigit(static_cast<unsigned char>(rest.front()))) continue;
    bool plain = true;
    for (char c : rest) {
      unsigned char u = static_cast<unsigned char>(c);
      if (!(std::isalnum(u) || c == ' ' || c == '/' || c == '-' || c == '.' || c == '(' ||
            c == ')')) {
        plain = false;
        break;
      }
    }
    if (plain) return true;
  }
  return false;
}

}  // namespace missive::scan
