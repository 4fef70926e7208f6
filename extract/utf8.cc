#include "extract/utf8.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace missive::extract_internal {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the well-formed sequence starting at text[i], or 0 when the bytes
// there are ill-formed; *bad_length is then the maximal subpart to replace.
std::size_t SequenceLength(std::string_view text, std::size_t i, std::size_t* bad_length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    *bad_length = 1;
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) {
      *bad_length = k;
      return 0;
    }
    const unsigned char next = byte(i + k);
    const unsigned char min = k == 1 ? low : 0x80;
    const unsigned char max = k == 1 ? high : 0xBF;
    if (next < min || next > max) {
      *bad_length = k;
      return 0;
    }
  }
  return length;
}

}  // namespace

void AppendUtf8(char32_t code_point, std::string* out) {
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    out->append(kReplacement);
    return;
  }
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

char32_t DecodeUtf8(std::string_view text, std::size_t* i) {
  const auto lead = static_cast<unsigned char>(text[*i]);
  if (lead < 0x80) {
    ++*i;
    return lead;
  }
  std::size_t bad_length = 0;
  const std::size_t length = SequenceLength(text, *i, &bad_length);
  if (length == 0) {
    ++*i;
    return 0xFFFD;
  }
  char32_t code_point = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[*i + k]) & 0x3F);
  }
  *i += length;
  return code_point;
}

namespace {

// Eight bytes from `data`, the first in the lowest bits.
std::uint64_t Load8(const char* data) {
  unsigned char bytes[8];
  std::memcpy(bytes, data, 8);
  std::uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | bytes[i];
  return word;  // one load where the machine is little-endian
}

// Whether the low six bytes of `word` are two three-byte sequences whose
// leads allow any continuation bytes (E1..EC, EE, EF): a run of CJK text
// checked two characters a load.
bool TwoCommonThreeByte(std::uint64_t word) {
  constexpr std::uint64_t kShapeMask = 0xC0C0F0C0C0F0;  // lead nibble and continuation tags
  constexpr std::uint64_t kShape = 0x8080E08080E0;
  constexpr unsigned kCommonLeads = 0xDFFE;  // a bit per low lead nibble: all but E0 and ED
  return (word & kShapeMask) == kShape &&
         ((kCommonLeads >> (word & 0xF)) & (kCommonLeads >> ((word >> 24) & 0xF)) & 1) != 0;
}

// The length of the start of `text` made of ASCII and of the common two-
// and three-byte sequences: well-formed, and most text entirely. A leaf
// without calls, so that the many short texts cost little.
std::size_t CommonPrefixLength(const char* data, std::size_t size) {
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  std::size_t i = 0;
  while (i < size) {
    if (size >= 8) {
      // The eight bytes from i; near the end, the last eight shifted so that
      // the bytes from i come first and zeros (ASCII) follow them.
      const std::uint64_t word =
          i + 8 <= size ? Load8(data + i) : Load8(data + size - 8) >> (8 * (i + 8 - size));
      const std::uint64_t high = word & kHigh;
      if (high == 0) {  // up to eight ASCII bytes
        i = std::min(i + 8, size);
        continue;
      }
      if ((high & 0xFF) == 0) {  // ASCII up to the first non-ASCII byte
        i += static_cast<std::size_t>(std::countr_zero(high)) / 8;
        continue;
      }
      if (TwoCommonThreeByte(word)) {
        i += 6;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(data[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Two bytes (Latin, Cyrillic, Arabic) and three with a lead that allows
    // any continuation bytes (E1..EC, EE..EF: most of CJK). E0, ED and
    // four-byte leads narrow the second byte and are left to SequenceLength.
    if (lead >= 0xC2 && lead <= 0xDF && i + 2 <= size &&
        (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 3 <= size &&
        (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(data[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    break;
  }
  return i;
}

// RepairUtf8 from `i`, where a sequence that is not common starts. Out of
// line: almost no text gets here.
[[gnu::noinline]] bool RepairFrom(std::string* text, std::size_t i) {
  const char* const data = text->data();
  const std::size_t size = text->size();
  std::size_t bad_length = 0;
  while (true) {
    const std::size_t length = SequenceLength(*text, i, &bad_length);
    if (length == 0) break;
    i += length;
    i += CommonPrefixLength(data + i, size - i);
    if (i == size) return false;
  }

  std::string repaired(*text, 0, i);
  repaired.reserve(text->size() + 8);
  while (i < text->size()) {
    if (static_cast<unsigned char>((*text)[i]) < 0x80) {
      repaired.push_back((*text)[i++]);
      continue;
    }
    const std::size_t length = SequenceLength(*text, i, &bad_length);
    if (length == 0) {
      repaired.append(kReplacement);
      i += bad_length;
    } else {
      repaired.append(*text, i, length);
      i += length;
    }
  }
  *text = std::move(repaired);
  return true;
}

}  // namespace

bool RepairUtf8(std::string* text) {
  // Fast path: almost all text is well-formed, so only copy once a fault shows.
  const std::size_t common = CommonPrefixLength(text->data(), text->size());
  if (common == text->size()) return false;
  return RepairFrom(text, common);
}

}  // namespace missive::extract_internal
