// The emit stage: the letter record as JSON, in the key order of the
// contract (../shared/letter-record.md).
#pragma once

#include <string>
#include <string_view>

#include "core/record.h"

namespace missive {

enum class JsonStyle {
  kPretty,  // indented, one record per file
  kLine,    // compact on one line, for JSON Lines
};

// The record as JSON text (UTF-8, no trailing newline). Invalid UTF-8 that
// slipped through is replaced by U+FFFD rather than failing.
[[nodiscard]] std::string EmitJson(const LetterRecord& record,
                                   JsonStyle style = JsonStyle::kPretty);

// The JSON Schema (draft 2020-12) the records follow.
std::string_view SchemaText();

}  // namespace missive
