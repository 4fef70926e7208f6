// ExtractText: a plain-text export of a letter into the document model.
//
// The export writes one paragraph per line and a table row as a group of
// lines, each cell starting with a tab; rows of one table are separated by
// one blank line, and two blank lines or a plain paragraph end the table.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/utf8.h"

namespace missive {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kBookmarkOpen = "[bookmark: ";

// Drops every "[bookmark: NAME]" marker; NAME never holds ']'.
std::string RemoveBookmarks(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  while (true) {
    const std::size_t open = line.find(kBookmarkOpen);
    if (open == std::string_view::npos) break;
    const std::size_t close = line.find(']', open + kBookmarkOpen.size());
    if (close == std::string_view::npos) break;
    out.append(line.substr(0, open));
    line.remove_prefix(close + 1);
  }
  out.append(line);
  return out;
}

// Blank lines separate groups. A line holding only a tab is not blank: it is
// an empty table cell.
bool IsBlank(std::string_view line) {
  if (!line.empty() && line.front() == '\t') return false;
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

Block MakeParagraph(std::string text) {
  Block block;
  block.paragraph.text = std::move(text);
  return block;
}

// A table cell as read: its lines, kept until the row is complete.
struct PendingCell {
  std::vector<std::string> lines;
};

class TextReader {
 public:
  explicit TextReader(std::vector<Block>* body) : body_(body) {}

  void Line(std::string line) {
    if (IsBlank(line)) {
      FinishRow();
      if (++blank_lines_ >= 2) CloseTable();
      return;
    }
    const bool cell_start = line.front() == '\t';
    if (in_row_) {
      if (cell_start) {
        row_.emplace_back().lines.push_back(line.substr(1));
      } else {
        row_.back().lines.push_back(std::move(line));
      }
    } else if (cell_start) {
      // Only a row right after one blank line continues the open table.
      if (blank_lines_ != 1) CloseTable();
      in_row_ = true;
      row_.emplace_back().lines.push_back(line.substr(1));
    } else {
      CloseTable();
      body_->push_back(MakeParagraph(std::move(line)));
    }
    blank_lines_ = 0;
  }

  void Finish() {
    FinishRow();
    CloseTable();
  }

 private:
  void FinishRow() {
    if (!in_row_) return;
    in_row_ = false;
    std::vector<PendingCell> cells = std::move(row_);
    row_.clear();
    if (cells.size() == 1 && cells[0].lines.size() == 1) {
      // One tab-led line alone is an indented paragraph, not a table.
      CloseTable();
      if (!cells[0].lines[0].empty()) body_->push_back(MakeParagraph(std::move(cells[0].lines[0])));
      return;
    }
    if (!table_) table_.emplace();
    TableRow& row = table_->rows.emplace_back();
    for (PendingCell& pending : cells) {
      TableCell& cell = row.cells.emplace_back();
      for (std::string& line : pending.lines) {
        if (!line.empty()) cell.blocks.push_back(MakeParagraph(std::move(line)));
      }
    }
  }

  void CloseTable() {
    if (!table_) return;
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = std::move(*table_);
    body_->push_back(std::move(block));
    table_.reset();
  }

  std::vector<Block>* body_;
  std::optional<Table> table_;
  std::vector<PendingCell> row_;
  bool in_row_ = false;
  int blank_lines_ = 0;
};

}  // namespace

Result<Document> ExtractText(std::string_view text_bytes) {
  Document document;
  document.format = SourceFormat::kText;
  if (text_bytes.substr(0, kBom.size()) == kBom) text_bytes.remove_prefix(kBom.size());
  std::string text(text_bytes);
  if (extract_internal::RepairUtf8(&text)) {
    document.warnings.push_back(Warning{
        "invalid-utf8", "the text is not valid UTF-8; the bad bytes were replaced with U+FFFD"});
  }

  TextReader reader(&document.body);
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    reader.Line(RemoveBookmarks(line));
  }
  reader.Finish();
  return document;
}

}  // namespace missive
