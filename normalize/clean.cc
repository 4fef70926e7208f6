// Text cleaning. ICU does the character work (NFC, script properties); the
// rules of what to drop, fold and collapse are ours.
//
// Cleaning is two passes: drop, fold and compose (DropFoldCompose), then
// collapse white space (SpaceCollapser). Most text needs nothing of the first
// pass, and text cleaned before needs nothing of either, so the collapse runs
// first on the text as it is, checking on the way that the first pass has
// nothing to do; only when it has do both passes run, one after the other.
// Before either, a scan without state (PlainlyClean) vouches for most text,
// which then costs no more than that read.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "normalize/normalize.h"
#include "normalize/scan.h"

namespace missive {
namespace {

// Invisible characters that only steer rendering or line breaking: they
// split words for search and never carry content.
constexpr bool IsIgnorable(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) ||  // zero-width space, non-joiner, joiner
         cp == 0x2060 || cp == 0xFEFF ||    // word joiner, BOM / zero-width no-break space
         cp == 0x00AD ||                    // soft hyphen
         cp == 0x200E || cp == 0x200F ||    // LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||  // embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069) ||  // isolates
         cp == 0x061C;                      // Arabic letter mark
}

// Fullwidth digits and Latin letters to ASCII. Fullwidth punctuation
// (，。：（）＆) is how CJK text is written and stays.
constexpr char32_t FoldFullwidth(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + U'0';
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + U'A';
  if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + U'a';
  return cp;
}

// ICU's White_Space, which holds every space separator (Zs) too, spelled
// out: it is asked for every character of every text. clean_test checks it
// against ICU for every code point.
constexpr bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp < 0x2000) return cp == 0x85 || cp == 0xA0 || cp == 0x1680;
  if (cp <= 0x200A) return true;  // en quad .. hair space
  return cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

void AppendUtf8(std::string& out, char32_t cp) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, static_cast<UChar32>(cp),
            error);
  if (error) return;
  out.append(buffer, static_cast<std::size_t>(length));
}

// Code points that pass NFC's quick check (NFC_Quick_Check=Yes) with
// combining class 0: a text of only these is NFC without asking ICU.
// Latin-1 and the Latin extensions, general punctuation (dashes, quotes)
// but the two quads, CJK punctuation without its combining tone marks, the
// unified ideographs, fullwidth forms. clean_test checks them against ICU.
constexpr bool NfcInert(char32_t cp) {
  return cp < 0x300 || (cp >= 0x2002 && cp < 0x2070) || (cp >= 0x3000 && cp < 0x302A) ||
         (cp >= 0x3030 && cp < 0x3040) || (cp >= 0x3400 && cp < 0xA000) ||
         (cp >= 0xFF00 && cp < 0xFFF0);
}

// What the first pass changes in a non-ASCII code point. U+FFFD may stand
// for an ill-formed sequence, which must be written out anew.
constexpr bool Changes(char32_t cp) {
  return IsIgnorable(cp) || FoldFullwidth(cp) != cp || cp == 0xFFFD;
}

// Three-byte characters that neither pass changes and that are NFC inert
// and not white space: the ideographs, CJK and fullwidth punctuation, dashes
// and quotes, most of CJK text. A bit per code point below U+10000 (lead
// bytes E0..EF), none set below U+1000 or among the surrogates, so that the
// bits alone tell well-formed, non-overlong sequences.
constexpr bool IsPlainThreeByte(char32_t cp) {
  return cp >= 0x1000 && (cp < 0xD800 || cp > 0xDFFF) && NfcInert(cp) && !IsSpace(cp) &&
         !Changes(cp);
}

constexpr std::array<std::uint64_t, 0x10000 / 64> kPlainThreeByte = [] {
  std::array<std::uint64_t, 0x10000 / 64> bits{};
  for (char32_t cp = 0x1000; cp < 0x10000; ++cp) {
    if (IsPlainThreeByte(cp)) bits[cp / 64] |= std::uint64_t{1} << (cp % 64);
  }
  return bits;
}();

// The code point of the plain three-byte character at `pos` (pos + 2 <
// text.size()), or 0: a test of the three bytes and one bit, without the
// general decoding, for the tight loop over a run of CJK text.
inline char32_t PlainThreeByteAt(std::string_view text, std::size_t pos) {
  const unsigned lead = static_cast<unsigned char>(text[pos]) - 0xE0u;
  const unsigned second = static_cast<unsigned char>(text[pos + 1]) ^ 0x80u;
  const unsigned third = static_cast<unsigned char>(text[pos + 2]) ^ 0x80u;
  if (lead >= 16 || (second | third) >= 0x40) return 0;  // not a lead, or not continuations
  const char32_t cp = (lead << 12) | (second << 6) | third;
  return (kPlainThreeByte[cp / 64] >> (cp % 64)) & 1 ? cp : 0;
}

// The code point of the two-byte character at `pos` when it is one that
// neither pass changes and not white space, or 0: Latin-1 and Latin
// Extended (up to U+02FF, all NFC inert) but NEL, no-break space and the
// soft hyphen.
inline char32_t PlainTwoByteAt(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size()) return 0;
  const unsigned lead = static_cast<unsigned char>(text[pos]) - 0xC2u;
  const unsigned second = static_cast<unsigned char>(text[pos + 1]) ^ 0x80u;
  if (lead > 0xCB - 0xC2 || second >= 0x40) return 0;
  const char32_t cp = ((lead + 2) << 6) | second;
  return cp == 0x85 || cp == 0xA0 || cp == 0xAD ? 0 : cp;
}

// `text` composed to NFC: `text` itself when it is NFC already (or when ICU
// has no NFC data), otherwise `composed`.
std::string_view ComposeNfc(std::string_view text, std::string& composed) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;  // no NFC data: clean the rest regardless
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  composed.clear();
  icu::StringByteSink<std::string> sink(&composed, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? std::string_view(composed) : text;
}

// The first pass: drops ignorables and folds fullwidth forms, then composes
// to NFC. Dropping first lets a combining mark that followed a zero-width
// character compose. The result is `text` itself when nothing changed,
// otherwise it lives in one of the two buffers.
std::string_view DropFoldCompose(std::string_view text, std::string& folded,
                                 std::string& composed) {
  std::size_t pos = 0;
  for (; pos < text.size(); ++pos) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) continue;
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    if (Changes(c.value)) break;
    pos = c.end - 1;
  }
  if (pos == text.size()) return ComposeNfc(text, composed);
  folded.reserve(text.size());
  folded.assign(text.substr(0, pos));
  while (pos < text.size()) {
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    if (c.value < 0x80 || !Changes(c.value)) {
      folded.append(text.substr(pos, c.end - pos));
    } else if (!IsIgnorable(c.value)) {
      AppendUtf8(folded, FoldFullwidth(c.value));
    }
    pos = c.end;
  }
  return ComposeNfc(folded, composed);
}

// Whether the low six bytes of `word` are two characters from U+4000 to
// U+9FFF (leads E4..E9): the common ideographs, all plain three-byte
// characters. One test for two characters of a run of Chinese text.
constexpr bool TwoIdeographs(std::uint64_t word) {
  constexpr std::uint64_t kShapeMask = 0xC0C0F0C0C0F0;  // lead nibble and continuation tags
  constexpr std::uint64_t kShape = 0x8080E08080E0;
  constexpr std::uint64_t kLeadNibbles = 0x0F00000F;
  constexpr std::uint64_t kNibbleCarries = 0x10000010;
  // Both lead nibbles from 4 to 9: adding 12 carries out of the nibble,
  // adding 6 does not.
  const std::uint64_t nibbles = word & kLeadNibbles;
  const std::uint64_t in_range = (nibbles + 0x0C00000C) & ~(nibbles + 0x06000006) & kNibbleCarries;
  return (word & kShapeMask) == kShape && in_range == kNibbleCarries;
}

// ASCII bytes that the collapse keeps as they are: all but the white space.
constexpr std::array<bool, 256> kAsciiKept = [] {
  std::array<bool, 256> kept{};
  for (int c = 0; c < 0x80; ++c) kept[c] = c != ' ' && (c < '\t' || c > '\r');
  return kept;
}();

// The bytes of `word` (eight bytes, the first lowest) at which a run of
// ASCII words ends, as the high bit of each: non-ASCII, white space, and a
// space not followed by a kept byte (a space in the last byte counts: what
// follows it is not in the word).
constexpr std::uint64_t AsciiRunBreaks(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x80 * kOnes;
  constexpr std::uint64_t kLow = 0x7F * kOnes;
  const std::uint64_t high = word & kHigh;
  const std::uint64_t low = word & kLow;  // seven bits a byte: no carry between bytes
  const std::uint64_t layout = (low + 0x77 * kOnes) & ~(low + 0x72 * kOnes) & kHigh;  // 09..0D
  const std::uint64_t space = ~((low ^ 0x20 * kOnes) + kLow) & kHigh;
  const std::uint64_t not_kept = high | layout | space;
  return high | layout | (space & ((not_kept >> 8) | (std::uint64_t{0x80} << 56)));
}

// Eight bytes of the text from `pos`, the first in the lowest bits.
std::uint64_t Load8(std::string_view text, std::size_t pos) {
  std::array<unsigned char, 8> bytes;
  std::memcpy(bytes.data(), text.data() + pos, 8);
  std::uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | bytes[static_cast<std::size_t>(i)];
  return word;  // one load where the machine is little-endian
}

// The bytes of the text from `pos` (pos < size, size >= 8), eight or up to
// the end, the first in the lowest bits; zeros past the end.
std::uint64_t Load8Upto(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
  if (pos + 8 <= size) return Load8(text, pos);
  return Load8(text, size - 8) >> (8 * (pos + 8 - size));
}

// The end of the run of kept ASCII bytes from `pos`, a single space
// between two of them included. Eight bytes at a time where it can: a
// branch per byte would be mispredicted at about every space.
[[gnu::always_inline]] inline std::size_t EndOfAsciiWords(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
  while (pos < size) {
    if (pos + 8 <= size) {
      const std::uint64_t breaks = AsciiRunBreaks(Load8(text, pos));
      if (breaks == 0) {
        pos += 8;
        continue;
      }
      pos += static_cast<std::size_t>(std::countr_zero(breaks)) / 8;
    }
    if (kAsciiKept[static_cast<unsigned char>(text[pos])]) {
      ++pos;
      continue;
    }
    if (text[pos] != ' ' || pos + 1 == size ||
        !kAsciiKept[static_cast<unsigned char>(text[pos + 1])]) {
      break;
    }
    pos += 2;
  }
  return pos;
}

// The end of the run of plain three-byte characters from `pos`. Two
// ideographs a load where it can: they are most of the run. Both scans are
// inlined: called once per run of short texts, a call costs what they save.
[[gnu::always_inline]] inline std::size_t EndOfPlainThreeByte(std::string_view text,
                                                              std::size_t pos) {
  const std::size_t size = text.size();
  while (pos + 2 < size) {
    if (size >= 8 && TwoIdeographs(Load8Upto(text, pos))) {
      pos += 6;
      continue;
    }
    if (PlainThreeByteAt(text, pos) == 0) break;
    pos += 3;
  }
  return pos;
}

// The code point of the well-formed three-byte character that ends at `pos`.
char32_t ThreeByteBefore(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  return static_cast<char32_t>(((byte(pos - 3) & 0x0F) << 12) | ((byte(pos - 2) & 0x3F) << 6) |
                               (byte(pos - 1) & 0x3F));
}

struct Collapsed {
  std::optional<std::string> text;  // nullopt: the text needs no change
  bool first_pass_needed = false;   // stopped at a character the first pass changes
  bool may_compose = false;         // met a character NFC may change
};

// The second pass: collapses white space runs to one space, or to nothing
// between two CJK characters, and trims each segment. With `keep_layout`,
// '\t' and '\n' separate segments and are kept; otherwise they are white
// space too.
//
// The output is the input copied in runs between the changes, and none is
// written before the first change: a clean text is only read.
class SpaceCollapser {
 public:
  SpaceCollapser(std::string_view text, bool keep_layout)
      : text_(text), keep_layout_(keep_layout) {}

  // With `check_first_pass`, `text` has not been through DropFoldCompose:
  // the collapse gives up at the first character that pass would change, and
  // notes any character that NFC may change.
  Collapsed Run(bool check_first_pass) {
    Collapsed result;
    const std::size_t size = text_.size();
    std::size_t pos = 0;
    while (pos < size) {
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (kAsciiKept[byte]) {
        // A run of ASCII words kept as they are: the bulk of most text.
        Keep(pos, byte);
        pos = EndOfAsciiWords(text_, pos + 1);
        last_ = static_cast<unsigned char>(text_[pos - 1]);
        continue;
      }
      if (byte < 0x80) {
        if (keep_layout_ && (byte == '\t' || byte == '\n')) {
          EndSegment(pos);
        } else {
          Space(pos);
        }
        ++pos;
        continue;
      }
      if (pos + 2 < size) {
        if (char32_t cp = PlainThreeByteAt(text_, pos)) {
          // A run of plain CJK characters and punctuation: the bulk of CJK
          // text. Only the first can follow white space.
          Keep(pos, cp);
          pos = EndOfPlainThreeByte(text_, pos + 3);
          last_ = ThreeByteBefore(text_, pos);
          continue;
        }
      }
      const internal::CodePoint c = internal::DecodeAt(text_, pos);
      if (check_first_pass) {
        if (Changes(c.value)) {
          result.first_pass_needed = true;
          return result;
        }
        result.may_compose = result.may_compose || !NfcInert(c.value);
      }
      if (IsSpace(c.value)) {
        Space(pos);
        pos = c.end;
        continue;
      }
      Keep(pos, c.value);
      last_ = c.value;
      pos = c.end;
    }
    EndSegment(size);
    if (!any_content_ && !text_.empty()) {
      result.text.emplace();  // only layout left: an empty paragraph
    } else if (changed_) {
      out_.append(text_.substr(copied_));
      result.text = std::move(out_);
    }
    return result;
  }

 private:
  static constexpr std::size_t kNone = std::string_view::npos;

  // White space at `pos`: it joins the run that is decided at its end.
  void Space(std::size_t pos) {
    if (spaces_ == kNone) spaces_ = pos;
  }

  // A character kept at `pos`, `cp`: the white space before it becomes one
  // space between two words, nothing at the start of a segment or between
  // two CJK characters.
  void Keep(std::size_t pos, char32_t cp) {
    any_content_ = true;
    if (spaces_ == kNone) return;
    if (last_ == 0 || (IsCjk(last_) && IsCjk(cp))) {
      Replace(spaces_, pos, "");
    } else if (pos - spaces_ != 1 || text_[spaces_] != ' ') {
      Replace(spaces_, pos, " ");
    }
    spaces_ = kNone;
  }

  // A layout character at `pos`, or the end: white space before it goes.
  void EndSegment(std::size_t pos) {
    if (spaces_ != kNone) Replace(spaces_, pos, "");
    spaces_ = kNone;
    last_ = 0;
  }

  // Out of line: only text that changes gets here, and inlined it would keep
  // Keep from being inlined.
  [[gnu::noinline]] void Replace(std::size_t begin, std::size_t end, std::string_view with) {
    if (!changed_) {
      out_.reserve(text_.size());  // the collapse never lengthens
      changed_ = true;
    }
    out_.append(text_.substr(copied_, begin - copied_));
    out_.append(with);
    copied_ = end;
  }

  const std::string_view text_;
  const bool keep_layout_;
  char32_t last_ = 0;           // the last character kept in this segment; 0 at its start
  std::size_t spaces_ = kNone;  // where the white space run before the position began
  bool any_content_ = false;
  bool changed_ = false;
  std::string out_;
  std::size_t copied_ = 0;  // once changed: the input before this is accounted for in out_
};

// Whether `text` certainly needs no cleaning: kept ASCII, Latin-1 and
// Latin Extended letters, plain three-byte characters, single spaces between
// two of these that the collapse keeps, and with `keep_layout` tabs and line
// breaks. Most text is such, and this scan is the collapse without its state:
// text it cannot vouch for goes the full way.
bool PlainlyClean(std::string_view text, bool keep_layout) {
  const std::size_t size = text.size();
  std::size_t pos = 0;
  char32_t last = 0;  // the last character kept in this segment; 0 at its start
  bool any_content = false;
  while (pos < size) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (kAsciiKept[byte]) {
      pos = EndOfAsciiWords(text, pos + 1);
      last = static_cast<unsigned char>(text[pos - 1]);
      any_content = true;
    } else if (pos + 2 < size && PlainThreeByteAt(text, pos) != 0) {
      pos = EndOfPlainThreeByte(text, pos + 3);
      last = ThreeByteBefore(text, pos);
      any_content = true;
    } else if (char32_t cp = PlainTwoByteAt(text, pos)) {
      pos += 2;
      last = cp;
      any_content = true;
    } else if (byte == ' ') {
      // Kept as it is between two kept characters, unless both are CJK.
      if (last == 0 || pos + 1 == size) return false;
      const auto next = static_cast<unsigned char>(text[pos + 1]);
      if (!kAsciiKept[next]) {
        const char32_t cp = pos + 3 < size ? PlainThreeByteAt(text, pos + 1) : 0;
        if (cp == 0) {
          if (PlainTwoByteAt(text, pos + 1) == 0) return false;
        } else if (IsCjk(last) && IsCjk(cp)) {
          return false;
        }
      }
      ++pos;
    } else if (keep_layout && (byte == '\t' || byte == '\n')) {
      ++pos;
      last = 0;  // a space after it would be trimmed
    } else {
      return false;
    }
  }
  return any_content || size == 0;
}

// Clean past a direct collapse that met a character the first pass may change.
std::optional<std::string> CleanWithFirstPass(std::string_view text, bool keep_layout,
                                              Collapsed direct) {
  std::string folded, composed;
  std::string_view prepared;
  if (direct.first_pass_needed) {
    prepared = DropFoldCompose(text, folded, composed);
  } else {
    prepared = ComposeNfc(text, composed);
    if (prepared.data() == text.data()) return std::move(direct.text);  // NFC already
  }
  Collapsed collapsed = SpaceCollapser(prepared, keep_layout).Run(/*check_first_pass=*/false);
  if (collapsed.text) return std::move(collapsed.text);
  return std::string(prepared);
}

// Clean for text that PlainlyClean could not vouch for. Out of line, so
// that Clean is inlined and text that is clean costs no call and no frame.
[[gnu::noinline]] std::optional<std::string> CleanFully(std::string_view text, bool keep_layout) {
  Collapsed direct = SpaceCollapser(text, keep_layout).Run(/*check_first_pass=*/true);
  if (!direct.first_pass_needed && !direct.may_compose) return std::move(direct.text);
  return CleanWithFirstPass(text, keep_layout, std::move(direct));
}

// The cleaned text, or nullopt when that is `text` itself.
std::optional<std::string> Clean(std::string_view text, bool keep_layout) {
  if (PlainlyClean(text, keep_layout)) return std::nullopt;
  return CleanFully(text, keep_layout);
}

void CleanInPlace(std::string& text) {
  if (std::optional<std::string> cleaned = Clean(text, /*keep_layout=*/true)) {
    text = std::move(*cleaned);
  }
}

void NormalizeBlocks(std::vector<Block>& blocks) {
  for (Block& block : blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      CleanInPlace(block.paragraph.text);
      for (Hyperlink& link : block.paragraph.links) CleanInPlace(link.text);
      continue;
    }
    for (TableRow& row : block.table.rows) {
      for (TableCell& cell : row.cells) NormalizeBlocks(cell.blocks);
    }
  }
}

}  // namespace

void Normalize(Document& doc) {
  NormalizeBlocks(doc.body);
  for (Note& note : doc.notes) NormalizeBlocks(note.blocks);
}

std::string CleanText(std::string_view text) {
  std::optional<std::string> cleaned = Clean(text, /*keep_layout=*/false);
  return cleaned ? std::move(*cleaned) : std::string(text);
}

std::string JoinWrapped(std::string_view left, std::string_view right) {
  std::string out(left);
  AppendWrapped(out, right);
  return out;
}

void AppendWrapped(std::string& text, std::string_view part) {
  if (part.empty()) return;
  if (!text.empty()) {
    const char32_t last = internal::DecodeBefore(text, text.size());
    const char32_t first = internal::DecodeAt(part, 0).value;
    if (!IsCjk(last) && !IsCjk(first)) text.push_back(' ');
  }
  text.append(part);
}

bool IsCjk(char32_t code_point) {
  const char32_t cp = code_point;
  if (cp < 0x1100) return false;         // fast path: nothing CJK below Hangul Jamo
  if ((cp >= 0x4E00 && cp <= 0x9FFF) ||  // unified ideographs: the common case first
      (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
      (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
      (cp >= 0x2E80 && cp <= 0x2FFF) ||  // radicals, Kangxi, ideographic description
      (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
      (cp >= 0x31C0 && cp <= 0x31EF) ||  // strokes
      (cp >= 0x3200 && cp <= 0x33FF) ||  // enclosed CJK, CJK compatibility
      (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
      (cp >= 0xFE30 && cp <= 0xFE4F) ||  // compatibility forms (vertical punctuation)
      (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) {
    return true;
  }
  // Between Hangul Jamo and the radicals (general punctuation, dashes and
  // quotes among them) no character is used by these scripts: skip ICU.
  // clean_test checks this against ICU for every code point.
  if (cp >= 0x1200 && cp < 0x2E80) return false;
  // Script extensions, so that the prolonged sound mark ー (Common script,
  // used by Hiragana and Katakana) counts too.
  const auto c = static_cast<UChar32>(cp);
  for (UScriptCode script :
       {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_HANGUL, USCRIPT_BOPOMOFO}) {
    if (uscript_hasScript(c, script)) return true;
  }
  return false;
}

}  // namespace missive
