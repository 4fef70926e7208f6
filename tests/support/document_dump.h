// Every field of a document model as text, to compare two models in a test
// and show where they differ.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace missive::test_support {

inline void DumpBlocks(const std::vector<Block>& blocks, const std::string& indent,
                       std::string* out);

inline void DumpParagraph(const Paragraph& paragraph, const std::string& indent, std::string* out) {
  *out += indent + "p style=[" + paragraph.style +
          "] heading=" + std::to_string(paragraph.heading_level) + " label=[" +
          paragraph.list_label + "] level=" + std::to_string(paragraph.list_level) + " text=[" +
          paragraph.text + "]\n";
  for (const Hyperlink& link : paragraph.links) {
    *out += indent + "  link [" + link.text + "] -> [" + link.target + "]\n";
  }
}

inline void DumpBlocks(const std::vector<Block>& blocks, const std::string& indent,
                       std::string* out) {
  for (const Block& block : blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      DumpParagraph(block.paragraph, indent, out);
      continue;
    }
    *out += indent + "table\n";
    for (const TableRow& row : block.table.rows) {
      *out += indent + "  row\n";
      for (const TableCell& cell : row.cells) {
        *out += indent + "    cell span=" + std::to_string(cell.column_span) + "\n";
        DumpBlocks(cell.blocks, indent + "      ", out);
      }
    }
  }
}

inline std::string DumpDocument(const Document& document) {
  std::string out = document.format == SourceFormat::kDocx ? "docx\n" : "text\n";
  DumpBlocks(document.body, "", &out);
  for (const Note& note : document.notes) {
    out += "note " + std::to_string(static_cast<int>(note.kind)) + " [" + note.id + "]\n";
    DumpBlocks(note.blocks, "  ", &out);
  }
  const auto property = [&](const char* name, const std::optional<std::string>& value) {
    out += std::string(name) + "=" + (value ? "[" + *value + "]" : "none") + "\n";
  };
  property("title", document.properties.title);
  property("creator", document.properties.creator);
  property("last_modified_by", document.properties.last_modified_by);
  property("created", document.properties.created);
  property("modified", document.properties.modified);
  for (const Warning& warning : document.warnings) {
    out += "warning " + warning.code + ": " + warning.message + "\n";
  }
  return out;
}

}  // namespace missive::test_support
