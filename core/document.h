// The neutral document model: what the extract stage reads out of a DOCX
// package or a text export, and what every later stage works from.
//
// Only what a reader sees reaches the model: bookmarks, proofing marks,
// field codes and deleted text never do.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace missive {

struct Hyperlink {
  std::string text;    // the visible text of the link
  std::string target;  // an external URL, or "#name" for an internal anchor
};

struct Paragraph {
  // The visible text. A tab is '\t' and a line break inside the paragraph is
  // '\n'; both are layout the recognizer reads (label\tvalue, wrapped lines).
  std::string text;
  std::string style;       // style name as shown in Word ("Normal", "heading 1"); "" when none
  int heading_level = 0;   // 1..9 from the style chain or outline level; 0 for body text
  std::string list_label;  // rendered automatic number ("7.1", "(a)", "•"); "" when not listed
  int list_level = -1;     // 0-based numbering level; -1 when not in a list
  std::vector<Hyperlink> links;
};

struct Block;

struct TableCell {
  std::vector<Block> blocks;  // paragraphs and nested tables, in order
  int column_span = 1;        // w:gridSpan
};

struct TableRow {
  std::vector<TableCell> cells;
};

struct Table {
  std::vector<TableRow> rows;
};

struct Block {
  enum class Kind { kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  Paragraph paragraph;  // set when kind == kParagraph
  Table table;          // set when kind == kTable
};

// Text kept apart from the body: headers, footers, notes and comments.
struct Note {
  enum class Kind { kHeader, kFooter, kFootnote, kEndnote, kComment };
  Kind kind = Kind::kFootnote;
  std::string id;  // the part name for headers/footers, w:id for notes and comments
  std::vector<Block> blocks;
};

// docProps/core.xml. Dates are ISO 8601 as written there.
struct Properties {
  std::optional<std::string> title;
  std::optional<std::string> creator;
  std::optional<std::string> last_modified_by;
  std::optional<std::string> created;
  std::optional<std::string> modified;
};

enum class SourceFormat { kDocx, kText };

struct Document {
  SourceFormat format = SourceFormat::kDocx;
  std::vector<Block> body;
  std::vector<Note> notes;
  Properties properties;
  std::vector<Warning> warnings;  // what reading had to repair (e.g. invalid UTF-8)
};

}  // namespace missive
