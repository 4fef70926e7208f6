#include "extract/story.h"

#include <utility>

#include "extract/utf8.h"
#include "extract/wordml.h"

namespace missive::extract_internal {

std::string HyperlinkFieldTarget(std::string_view code) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < code.size()) {
    const char c = code[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? code.size() : close;
      tokens.push_back(code.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      const std::size_t end = code.find_first_of(" \t\r\n\"", i);
      tokens.push_back(code.substr(i, end == std::string_view::npos ? end : end - i));
      i = end == std::string_view::npos ? code.size() : end;
    }
  }
  if (tokens.empty()) return {};
  std::string keyword(tokens[0]);
  for (char& c : keyword) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  if (keyword != "HYPERLINK") return {};
  std::string_view url;
  std::string_view anchor;
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    const std::string_view token = tokens[k];
    if (token.size() == 2 && token[0] == '\\') {
      // \l, \o and \t take an argument; \m and \n do not.
      const char option = token[1];
      if ((option == 'l' || option == 'o' || option == 't') && k + 1 < tokens.size()) {
        if (option == 'l') anchor = tokens[k + 1];
        ++k;
      }
    } else if (url.empty()) {
      url = token;
    }
  }
  std::string target(url);
  if (!anchor.empty()) target.append("#").append(anchor);
  return target;
}

StoryBuilder::StoryBuilder(const PackageContext& context,
                           const std::vector<Relationship>& relationships)
    : context_(context) {
  for (const Relationship& relationship : relationships) {
    relationships_.emplace(relationship.id, &relationship);
  }
}

void StoryBuilder::StartParagraph(const ParagraphMark& mark, std::optional<Paragraph>* carry,
                                  Paragraph* paragraph) {
  if (carry->has_value()) {
    *paragraph = std::move(**carry);
    carry->reset();
  }
  const StyleSheet& styles = *context_.styles;
  const ParagraphStyle* style = mark.style_id.empty() ? nullptr : styles.Find(mark.style_id);
  if (style == nullptr) style = styles.default_paragraph();
  // A joined paragraph takes the properties of the mark that survives.
  if (style == nullptr) {
    paragraph->style.clear();
  } else {
    paragraph->style.assign(style->name.empty() ? style->id : style->name);
  }
  paragraph->heading_level = mark.outline
                                 ? (*mark.outline >= 0 && *mark.outline < 9 ? *mark.outline + 1 : 0)
                                 : styles.HeadingLevel(style);
  // A removed mark takes its list number with it.
  if (!mark.removed) ReadNumbering(style, mark.numbering, paragraph);
}

// Paragraph numbering: its own w:numPr wins over the style chain's, and a
// paragraph style tied to a list level supplies the level when no w:ilvl does.
void StoryBuilder::ReadNumbering(const ParagraphStyle* style, const NumberingReference& own,
                                 Paragraph* paragraph) {
  const NumberingReference inherited = context_.styles->Numbering(style);
  const std::optional<std::string_view> num_id = own.num_id ? own.num_id : inherited.num_id;
  if (!num_id || num_id->empty() || *num_id == "0") return;
  std::optional<int> level = own.level ? own.level : inherited.level;
  if (!level && style != nullptr) level = context_.numbering->LevelForStyle(*num_id, style->id);
  const int ilvl = level && *level >= 0 && *level < 9 ? *level : 0;
  std::optional<std::string> label = context_.numbering->Next(*num_id, ilvl, &numbering_state_);
  if (!label) return;
  paragraph->list_label = std::move(*label);
  paragraph->list_level = ilvl;
}

void StoryBuilder::FieldChar(std::string_view type) {
  if (type == "begin") {
    fields_.emplace_back();
    ++code_depth_;
  } else if (type == "separate") {
    if (fields_.empty() || fields_.back().in_result) return;
    OpenField& field = fields_.back();
    field.in_result = true;
    --code_depth_;
    field.link_target = HyperlinkFieldTarget(field.code);
    if (paragraph_ != nullptr) field.result_start = paragraph_->text.size();
    field.result_paragraph = paragraph_serial_;
  } else if (type == "end") {
    if (fields_.empty()) return;
    OpenField& field = fields_.back();
    if (!field.in_result) {
      --code_depth_;
    } else if (!field.link_target.empty() && paragraph_ != nullptr) {
      // A result that began in an earlier paragraph contributes only the
      // part in this one.
      const std::size_t start =
          field.result_paragraph == paragraph_serial_ ? field.result_start : 0;
      AddLink(start, std::move(field.link_target));
    }
    fields_.pop_back();
  }
}

std::string StoryBuilder::HyperlinkTarget(std::string_view relationship_id,
                                          std::string_view anchor) const {
  std::string target;
  if (!relationship_id.empty()) {
    const auto it = relationships_.find(relationship_id);
    if (it != relationships_.end()) target = it->second->target;
  }
  if (!anchor.empty()) target.append("#").append(anchor);
  return target;
}

void StoryBuilder::AppendSymbol(std::string_view hex, std::string_view font) {
  char32_t code_point = 0;
  for (const char c : hex) {
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0 || code_point > 0x10FFFF) return;
    code_point = code_point * 16 + static_cast<char32_t>(digit);
  }
  if (code_point == 0) return;
  std::string text;
  AppendUtf8(MapSymbolChar(code_point, font), &text);
  AppendText(text);
}

}  // namespace missive::extract_internal
