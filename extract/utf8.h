// UTF-8 helpers shared by the DOCX and text readers. Private to extract/.
#pragma once

#include <string>
#include <string_view>

namespace missive::extract_internal {

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and
// values past U+10FFFF) to `out`.
void AppendUtf8(char32_t code_point, std::string* out);

// Decodes the code point at text[*i] and advances *i past it; an ill-formed
// byte gives U+FFFD and advances by one.
char32_t DecodeUtf8(std::string_view text, std::size_t* i);

// Replaces every maximal ill-formed subsequence of `text` with U+FFFD, the way
// the Unicode standard recommends. Returns true when anything was replaced.
bool RepairUtf8(std::string* text);

}  // namespace missive::extract_internal
