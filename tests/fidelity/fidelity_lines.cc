#include "tests/fidelity/fidelity_lines.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <iterator>

namespace missive::fidelity {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string NormalizeLine(std::string_view line) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(line);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  const icu::UnicodeString composed = nfc->normalize(source, status);
  if (U_FAILURE(status)) return std::string(line);
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < composed.length();) {
    UChar32 c = composed.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x00AD || c == 0xFEFF) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (c == 0x2011) c = '-';
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

namespace {

void AppendLines(const std::vector<Block>& blocks, std::vector<Line>* lines) {
  for (const Block& block : blocks) {
    if (block.kind == Block::Kind::kTable) {
      for (const TableRow& row : block.table.rows) {
        for (const TableCell& cell : row.cells) AppendLines(cell.blocks, lines);
      }
      continue;
    }
    const Paragraph& paragraph = block.paragraph;
    std::string_view rest = paragraph.text;
    bool first = true;
    while (true) {
      const std::size_t end = rest.find('\n');
      const std::string_view piece = rest.substr(0, end);
      Line line;
      line.body = NormalizeLine(piece);
      if (first && !paragraph.list_label.empty()) {
        line.label = paragraph.list_label;
        line.level = paragraph.list_level;
        line.text = NormalizeLine(paragraph.list_label + " " + std::string(piece));
      } else {
        line.text = line.body;
      }
      if (!line.text.empty()) lines->push_back(std::move(line));
      first = false;
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
}

}  // namespace

std::vector<Line> DocumentLines(const std::vector<Block>& blocks) {
  std::vector<Line> lines;
  AppendLines(blocks, &lines);
  return lines;
}

std::vector<std::string> TextLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string line = NormalizeLine(text.substr(0, end));
    if (!line.empty()) lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace missive::fidelity
