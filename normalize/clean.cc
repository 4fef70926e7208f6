// Text cleaning. ICU does the character work (NFC, white space and script
// properties); the rules of what to drop, fold and collapse are ours.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string>

#include "normalize/normalize.h"
#include "normalize/scan.h"

namespace missive {
namespace {

// Invisible characters that only steer rendering or line breaking: they
// split words for search and never carry content.
bool IsIgnorable(char32_t cp) {
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
char32_t FoldFullwidth(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + U'0';
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + U'A';
  if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + U'a';
  return cp;
}

// White space other than ASCII sits in U+0085..U+3000; the ideographs and
// Hangul syllables that make up most CJK text are decided without ICU.
bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');  // ICU's White_Space in ASCII
  if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF)) return false;
  const auto c = static_cast<UChar32>(cp);
  return u_isUWhiteSpace(c) || u_charType(c) == U_SPACE_SEPARATOR;
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

// Code points that NFC leaves alone whatever surrounds them: starters that
// have no decomposition and compose with nothing that follows them. A text
// of only these (and ASCII) is NFC without asking ICU: Latin-1 and the
// Latin extensions, CJK punctuation without its combining tone marks, the
// unified ideographs, fullwidth forms.
bool NfcInert(char32_t cp) {
  return cp < 0x300 || (cp >= 0x3000 && cp < 0x302A) || (cp >= 0x3030 && cp < 0x3040) ||
         (cp >= 0x3400 && cp < 0xA000) || (cp >= 0xFF00 && cp < 0xFFF0);
}

// What the first pass changes in a non-ASCII code point. U+FFFD may stand
// for an ill-formed sequence, which must be written out anew.
bool Changes(char32_t cp) { return IsIgnorable(cp) || FoldFullwidth(cp) != cp || cp == 0xFFFD; }

// Drops ignorables and folds fullwidth forms, then composes to NFC. Dropping
// first lets a combining mark that followed a zero-width character compose.
// Most text needs none of it: the result is then `text` itself, uncopied;
// otherwise it lives in one of the two buffers.
std::string_view DropFoldCompose(std::string_view text, std::string& folded,
                                 std::string& composed) {
  std::size_t pos = 0;
  bool composes = false;  // a code point that NFC may change is present
  for (; pos < text.size(); ++pos) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) continue;
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    if (Changes(c.value)) break;
    composes = composes || !NfcInert(c.value);
    pos = c.end - 1;
  }
  if (pos == text.size() && !composes) return text;  // nothing to drop, fold or compose
  std::string_view result = text;
  if (pos < text.size()) {
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
    result = folded;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return result;  // no NFC data: clean the rest regardless
  const icu::StringPiece piece(result.data(), static_cast<int32_t>(result.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return result;
  status = U_ZERO_ERROR;
  composed.clear();
  icu::StringByteSink<std::string> sink(&composed, static_cast<int32_t>(result.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? std::string_view(composed) : result;
}

// Collapses white space runs to one space, or to nothing between two CJK
// characters, and trims each segment. With `keep_layout`, '\t' and '\n'
// separate segments and are kept; otherwise they are white space too.
// `text` is valid UTF-8 here, so kept characters are copied as bytes.
std::string CollapseSpaces(std::string_view text, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  char32_t last = 0;  // the last character kept in this segment; 0 at its start
  bool pending = false;
  bool any_content = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    const internal::CodePoint c =
        byte < 0x80 ? internal::CodePoint{byte, pos + 1} : internal::DecodeAt(text, pos);
    const std::size_t begin = pos;
    pos = c.end;
    if (keep_layout && (c.value == '\t' || c.value == '\n')) {
      out.push_back(static_cast<char>(c.value));
      last = 0;
      pending = false;
      continue;
    }
    if (IsSpace(c.value)) {
      pending = last != 0;
      continue;
    }
    if (pending && !(IsCjk(last) && IsCjk(c.value))) out.push_back(' ');
    pending = false;
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else {
      out.append(text.substr(begin, c.end - begin));
    }
    last = c.value;
    any_content = true;
  }
  if (!any_content) return {};  // only layout left: an empty paragraph
  return out;
}

std::string Clean(std::string_view text, bool keep_layout) {
  std::string folded, composed;
  return CollapseSpaces(DropFoldCompose(text, folded, composed), keep_layout);
}

void NormalizeBlocks(std::vector<Block>& blocks) {
  for (Block& block : blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      block.paragraph.text = Clean(block.paragraph.text, /*keep_layout=*/true);
      for (Hyperlink& link : block.paragraph.links) {
        link.text = Clean(link.text, /*keep_layout=*/true);
      }
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

std::string CleanText(std::string_view text) { return Clean(text, /*keep_layout=*/false); }

std::string JoinWrapped(std::string_view left, std::string_view right) {
  if (left.empty()) return std::string(right);
  if (right.empty()) return std::string(left);
  const char32_t last = internal::DecodeBefore(left, left.size());
  const char32_t first = internal::DecodeAt(right, 0).value;
  std::string out(left);
  if (!IsCjk(last) && !IsCjk(first)) out.push_back(' ');
  out.append(right);
  return out;
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
