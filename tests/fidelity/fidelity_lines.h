// Shared by the fidelity suites: files, and a document as the lines a reader
// sees, normalised the way reference/README.md describes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace missive::fidelity {

inline const std::filesystem::path kShared = MISSIVE_SHARED_DIR;
inline const std::filesystem::path kFidelity = MISSIVE_FIDELITY_DIR;

// The bytes of `path`, or "" when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

// NFC; U+2011 (non-breaking hyphen) as '-'; U+00AD (soft hyphen) and U+FEFF
// dropped; each run of Unicode White_Space as one space; trimmed.
std::string NormalizeLine(std::string_view line);

// One line of a paragraph as missive shows it: the list label (first line
// only) and the text, normalised; `body` is the same without the label.
struct Line {
  std::string text;
  std::string body;
  std::string label;
  int level = -1;
};

// The body blocks as lines in reading order: a paragraph's "label text",
// split at its line breaks; a table cell by cell, row by row, nested tables
// in place. Empty lines are dropped.
std::vector<Line> DocumentLines(const std::vector<Block>& blocks);

// The lines of a text export (a BOM and CRs removed), normalised, empty ones
// dropped.
std::vector<std::string> TextLines(std::string_view text);

}  // namespace missive::fidelity
