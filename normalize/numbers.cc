// Chinese numerals, in both styles letters use: digit by digit for years
// (二〇二一) and positional with units for everything else (二十二, 一百零五).
// A small hand grammar rather than ICU's RBNF parser: RBNF parsing is lenient
// (it accepts a prefix and ignores the rest) and far slower on the hot path.

#include <array>
#include <cstdint>
#include <vector>

#include "normalize/normalize.h"
#include "normalize/scan.h"

namespace missive {
namespace {

// The value of a Chinese digit (小写, 大写 and traditional forms), or -1.
constexpr int ChineseDigit(char32_t cp) {
  switch (cp) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;  // ○ U+25CB is common in typed years
    case U'一':
    case U'壹':
    case U'弌':
      return 1;
    case U'二':
    case U'贰':
    case U'貳':
    case U'两':
    case U'兩':
    case U'弍':
      return 2;
    case U'三':
    case U'叁':
    case U'參':
    case U'弎':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

// The value of a unit character, or 0.
constexpr long long ChineseUnit(char32_t cp) {
  switch (cp) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    case U'万':
    case U'萬':
      return 10'000;
    case U'亿':
    case U'億':
      return 100'000'000;
    default:
      return 0;
  }
}

constexpr long long kLimit = 1'000'000'000'000'000LL;  // far beyond any date; no overflow

std::optional<long long> DigitByDigit(const std::vector<char32_t>& cps) {
  if (cps.size() > 18) return std::nullopt;
  long long value = 0;
  for (char32_t cp : cps) {
    int digit = internal::DigitValue(cp);
    if (digit < 0) digit = ChineseDigit(cp);
    if (digit < 0) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

// Positional numerals: digits multiplied by 十/百/千 within a section, sections
// multiplied by 万/亿. A 零 marks a skipped position ("一百零五"); a digit right
// after a unit without 零 counts one position lower ("一百五" = 150, "二十二" = 22).
std::optional<long long> Positional(const std::vector<char32_t>& cps) {
  long long total = 0;
  long long section = 0;
  int digit = -1;
  long long last_small = 10'000;  // units in a section must descend
  long long last_big = 0;         // 万 may not follow 万; 亿 resets
  long long unit_before_digit = 0;
  bool zero = false;
  bool zero_gap = false;
  for (char32_t cp : cps) {
    const int d = ChineseDigit(cp);
    if (d == 0) {
      if (digit >= 0) return std::nullopt;
      zero = true;
      continue;
    }
    if (d > 0) {
      if (digit >= 0) return std::nullopt;
      digit = d;
      zero_gap = zero;
      zero = false;
      continue;
    }
    const long long unit = ChineseUnit(cp);
    if (unit == 0) return std::nullopt;
    if (unit < 10'000) {
      if (digit < 0) {
        if (unit != 10) return std::nullopt;
        digit = 1;  // 十一 is 11 and 一百十 is 110: a bare 十 counts one ten
      }
      zero = false;
      if (unit >= last_small) return std::nullopt;
      section += digit * unit;
      last_small = unit;
    } else {
      if (zero) return std::nullopt;
      if (digit >= 0) section += digit;
      if (section == 0) return std::nullopt;
      if (total + section > kLimit / unit) return std::nullopt;
      if (unit == 100'000'000) {
        total = (total + section) * unit;
      } else {
        if (last_big == 10'000) return std::nullopt;
        total += section * unit;
      }
      last_big = unit;
      section = 0;
      last_small = 10'000;
    }
    digit = -1;
    unit_before_digit = unit;
  }
  if (zero) return std::nullopt;
  if (digit >= 0) {
    const bool abbreviated = unit_before_digit > 0 && !zero_gap;
    section += abbreviated ? digit * (unit_before_digit / 10) : digit;
  }
  return total + section;
}

}  // namespace

namespace internal {

bool IsChineseNumeralPlain(char32_t cp) {
  return ChineseDigit(cp) >= 0 || ChineseUnit(cp) > 0 || cp == U'廿' || cp == U'卅' || cp == U'卌';
}

// Every character IsChineseNumeralPlain accepts, to build its bitmap from:
// testing each code point of the range at compile time runs past clang's
// constexpr step limit. scan_test checks the two agree on every code point.
constexpr char32_t kChineseNumeralChars[] = {
    U'〇', U'○',  U'零', U'一', U'壹', U'弌', U'二', U'贰', U'貳', U'两', U'兩',
    U'弍', U'三', U'叁', U'參', U'弎', U'四', U'肆', U'五', U'伍', U'六', U'陆',
    U'陸', U'七', U'柒', U'八', U'捌', U'九', U'玖', U'十', U'拾', U'百', U'佰',
    U'千', U'仟', U'万', U'萬', U'亿', U'億', U'廿', U'卅', U'卌'};

// IsChineseNumeralPlain as bits, for the inline IsChineseNumeral.
constinit const std::array<std::uint64_t, kChineseNumeralWords> kChineseNumeralBits = [] {
  std::array<std::uint64_t, kChineseNumeralWords> bits{};
  for (const char32_t cp : kChineseNumeralChars) {
    const char32_t offset = cp - kChineseNumeralFirst;  // out of range fails to compile
    bits.at(offset / 64) |= std::uint64_t{1} << (offset % 64);
  }
  return bits;
}();

}  // namespace internal

bool IsChineseNumeralCharacter(char32_t code_point) {
  return internal::IsChineseNumeral(code_point);
}

std::optional<long long> ParseChineseNumber(std::string_view text) {
  if (text.empty() || text.size() > 96) return std::nullopt;
  std::vector<char32_t> cps;
  bool has_unit = false;
  bool has_ascii_style = false;
  bool has_chinese = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const internal::CodePoint c = internal::DecodeAt(text, pos);
    pos = c.end;
    // 廿 卅 卌 are contractions of 二十 三十 四十, still seen in dates.
    if (c.value == U'廿' || c.value == U'卅' || c.value == U'卌') {
      cps.push_back(c.value == U'廿' ? U'二' : c.value == U'卅' ? U'三' : U'四');
      cps.push_back(U'十');
      has_unit = has_chinese = true;
      continue;
    }
    if (internal::DigitValue(c.value) >= 0) {
      has_ascii_style = true;
    } else if (ChineseDigit(c.value) >= 0) {
      has_chinese = true;
    } else if (ChineseUnit(c.value) > 0) {
      has_chinese = has_unit = true;
    } else {
      return std::nullopt;
    }
    cps.push_back(c.value);
  }
  if (has_ascii_style && has_chinese) return std::nullopt;
  return has_unit ? Positional(cps) : DigitByDigit(cps);
}

}  // namespace missive
