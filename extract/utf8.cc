#include "extract/utf8.h"

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

bool RepairUtf8(std::string* text) {
  // Fast path: almost all text is well-formed, so only copy once a fault shows.
  std::size_t i = 0;
  std::size_t bad_length = 0;
  const char* const data = text->data();
  const std::size_t size = text->size();
  while (i < size) {
    // Eight ASCII bytes at a time: no byte of the word has its top bit set.
    if (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(data[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The common sequences inline: two bytes (Latin, Cyrillic, Arabic) and
    // three with a lead that allows any continuation bytes (E1..EC, EE..EF:
    // most of CJK). E0, ED and four-byte leads narrow the second byte and go
    // through SequenceLength.
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
    const std::size_t length = SequenceLength(*text, i, &bad_length);
    if (length == 0) break;
    i += length;
  }
  if (i == text->size()) return false;

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

}  // namespace missive::extract_internal
