#include "normalize/scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "normalize/normalize.h"

namespace missive::internal {

CodePoint DecodeMultiByte(std::string_view text, std::size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(bytes, i, length, c);
  return {static_cast<char32_t>(c), static_cast<std::size_t>(i)};
}

char32_t DecodeBeforeMultiByte(std::string_view text, std::size_t pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV_OR_FFFD(bytes, 0, i, c);
  return static_cast<char32_t>(c);
}

bool IsWordLetterSlow(char32_t cp) {
  if (IsCjk(cp)) return false;
  if (u_isalpha(static_cast<UChar32>(cp))) return true;
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

int DigitValueSlow(char32_t cp) { return u_charDigitValue(static_cast<UChar32>(cp)); }

std::size_t SkipBlanks(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const CodePoint c = DecodeAt(text, pos);
    if (c.value == '\t' || c.value == '\n') break;
    if (c.value < 0x80 ? c.value != ' ' && (c.value < '\v' || c.value > '\r')
                       : !u_isUWhiteSpace(static_cast<UChar32>(c.value))) {
      break;
    }
    pos = c.end;
  }
  return pos;
}

namespace {

char32_t Fold(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;  // as ICU folds ASCII
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

// Fold(a) == Fold(b), asking ICU only where folding may join two characters.
bool SameFolded(char32_t a, char32_t b) {
  if (a == b) return true;
  if ((a < 0x80 && b < 0x80) || !(FoldsAlone(a) || FoldsAlone(b))) return Fold(a) == Fold(b);
  return false;
}

}  // namespace

std::size_t MatchLiteralFrom(std::string_view text, std::size_t pos, std::string_view literal,
                             LiteralOptions options) {
  constexpr auto kNo = std::string_view::npos;
  const char32_t first = DecodeAt(literal, 0).value;
  if (options.start_boundary && IsWordLetter(first)) {
    const char32_t before = DecodeBefore(text, pos);
    if (IsWordLetter(before) || DigitValue(before) >= 0) return kNo;
  }
  std::size_t t = pos;
  char32_t last = 0;
  for (std::size_t l = 0; l < literal.size();) {
    const CodePoint lc = DecodeAt(literal, l);
    l = lc.end;
    last = lc.value;
    if (lc.value == ' ') {
      const std::size_t after = SkipBlanks(text, t);
      if (after == t) return kNo;
      t = after;
      continue;
    }
    if (t >= text.size()) return kNo;
    const CodePoint tc = DecodeAt(text, t);
    const bool same = options.exact_case ? tc.value == lc.value : SameFolded(tc.value, lc.value);
    if (!same) return kNo;
    t = tc.end;
  }
  if (IsWordLetter(last) && t < text.size() && IsWordLetter(DecodeAt(text, t).value)) return kNo;
  return t;
}

namespace {

// Refuses digits that continue a word or another number: the 20 of "SG20",
// the 4471 of "Y.4471", the 41 of "+41", the 20 of "1/20", the 00 of "11:00".
// A hyphen does not: it also joins the ends of ranges ("17-27").
bool NumberMayStartAt(std::string_view text, std::size_t pos) {
  const char32_t before = DecodeBefore(text, pos);
  if (DigitValue(before) >= 0 || IsWordLetter(before) || before == '+') return false;
  if (before == '.' || before == ',' || before == ':' || before == '/') {
    const char32_t two_before = DecodeBefore(text, pos - 1);
    if (DigitValue(two_before) >= 0) return false;
    if (before == '.' && IsWordLetter(two_before)) return false;
  }
  return true;
}

}  // namespace

std::optional<Number> ScanNumber(std::string_view text, std::size_t pos, bool cjk_numerals,
                                 bool standalone) {
  // Longer runs are identifiers or phone numbers, never a date or a time.
  constexpr int kMaxDigits = 18;
  if (pos >= text.size()) return std::nullopt;
  CodePoint c = DecodeAt(text, pos);
  Number number;
  number.begin = pos;
  if (DigitValue(c.value) >= 0) {
    if (standalone && !NumberMayStartAt(text, pos)) return std::nullopt;
    number.ascii = true;
    std::size_t t = pos;
    while (t < text.size()) {
      c = DecodeAt(text, t);
      const int digit = DigitValue(c.value);
      if (digit < 0) break;
      if (++number.digits > kMaxDigits) return std::nullopt;
      number.value = number.value * 10 + digit;
      number.ascii = number.ascii && c.value < 0x80;
      t = c.end;
    }
    number.end = t;
    return number;
  }
  if (!cjk_numerals || !IsChineseNumeral(c.value)) return std::nullopt;
  if (standalone) {
    const char32_t before = DecodeBefore(text, pos);
    if (IsChineseNumeral(before) || DigitValue(before) >= 0) return std::nullopt;
  }
  // The longest prefix of the run that is one number: "十二月" is 十二 then 月.
  std::size_t run_end = pos;
  int run_length = 0;
  while (run_end < text.size() && run_length < kMaxDigits) {
    c = DecodeAt(text, run_end);
    if (!IsChineseNumeral(c.value)) break;
    run_end = c.end;
    ++run_length;
  }
  for (std::size_t end = run_end; end > pos; --end) {
    if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    if (auto value = ParseChineseNumber(text.substr(pos, end - pos))) {
      number.value = *value;
      number.cjk = true;
      number.end = end;
      for (std::size_t t = pos; t < end; t = DecodeAt(text, t).end) ++number.digits;
      return number;
    }
  }
  return std::nullopt;
}

}  // namespace missive::internal
