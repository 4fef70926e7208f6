// What the two readers of a story share: the tree reader (docx_reader.cc,
// over pugixml) and the streaming reader of the body (body_stream.cc). Both
// walk the same WordprocessingML and build the same paragraphs, so what
// they do with what they find (text, fields, links, symbols, a paragraph's
// style and list number) lives here once. Private to extract/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "extract/extract.h"
#include "extract/package.h"
#include "extract/styles.h"

namespace missive::extract_internal {

// What every story of one package reads from, and what reading them counts.
struct PackageContext {
  const ExtractOptions* options;
  const StyleSheet* styles;
  const Numbering* numbering;
  bool* too_deep;               // set when content was skipped for nesting too deep
  std::uint64_t* paragraphs;    // paragraphs and table cells read so far, in every story
  std::optional<Error>* limit;  // set when a limit stops the reading
};

// The walk is recursive, so a crafted document could exhaust the stack.
// Real documents nest a few dozen elements deep at most. Past this depth
// content is skipped (with a warning) when max_xml_depth allows more.
constexpr int kMaxNesting = 256;

// The target of a HYPERLINK field code (` HYPERLINK "https://x" \l "top" `),
// or "" when `code` is some other field.
std::string HyperlinkFieldTarget(std::string_view code);

// A complex field (w:fldChar begin, separate, end) still open.
struct OpenField {
  std::string code;         // w:instrText gathered before "separate"
  bool in_result = false;   // past "separate": the result is shown
  std::string link_target;  // set for a HYPERLINK field once its result starts
  std::size_t result_start = 0;
  std::uint64_t result_paragraph = 0;
};

// What a paragraph's w:pPr says about its style and list, as read.
struct ParagraphMark {
  std::string_view style_id;
  NumberingReference numbering;
  std::optional<int> outline;
  bool removed = false;  // a deleted mark: the paragraph runs on into the next
};

// The paragraphs being built from one story, whichever reader walks it.
class StoryBuilder {
 protected:
  // `relationships` must outlive the builder.
  StoryBuilder(const PackageContext& context, const std::vector<Relationship>& relationships);

  bool accept() const { return context_.options->accept_changes; }

  // Starts *paragraph (taking over *carry, if any) with the style, heading
  // level and list label `mark` gives it.
  void StartParagraph(const ParagraphMark& mark, std::optional<Paragraph>* carry,
                      Paragraph* paragraph);

  // A paragraph whose mark was removed by a tracked change runs on into the
  // next one; `carry` holds it until then, and goes into `out` as it is when
  // no paragraph follows in the same container.
  static void FlushCarry(std::vector<Block>* out, std::optional<Paragraph>* carry) {
    if (!carry->has_value()) return;
    Block block;
    block.paragraph = std::move(**carry);
    out->push_back(std::move(block));
    carry->reset();
  }

  void AppendText(std::string_view text) {
    if (paragraph_ == nullptr || code_depth_ > 0 || hidden_run_) return;
    paragraph_->text.append(text);
  }

  // w:instrText: the code of the innermost open field, until its result.
  void AppendFieldCode(std::string_view code) {
    if (!fields_.empty() && !fields_.back().in_result) fields_.back().code.append(code);
  }

  // w:fldChar of type `type` ("begin", "separate", "end").
  void FieldChar(std::string_view type);

  // Records the text appended since `start` as a link; a link nobody can
  // see is not recorded.
  void AddLink(std::size_t start, std::string target) {
    if (paragraph_ == nullptr || code_depth_ > 0 || start >= paragraph_->text.size()) return;
    paragraph_->links.push_back(Hyperlink{paragraph_->text.substr(start), std::move(target)});
  }

  // Where the text read next starts in the paragraph, for a link around it.
  std::size_t TextSize() const { return paragraph_ == nullptr ? 0 : paragraph_->text.size(); }

  // The target of a w:hyperlink: its relationship's target (by r:id) and
  // its w:anchor after '#'.
  std::string HyperlinkTarget(std::string_view relationship_id, std::string_view anchor) const;

  // w:sym: the character in w:char (hex) of font w:font.
  void AppendSymbol(std::string_view hex, std::string_view font);

  // An ST_OnOff property's w:val: on unless it says otherwise.
  static bool IsOnValue(bool has_value, std::string_view value) {
    return !has_value || !(value == "0" || value == "false" || value == "off");
  }

  // While a text box is read: a story of its own in the middle of its
  // anchor paragraph, with no paragraph, field or hidden run open. The
  // reader's state comes back when the scope ends.
  class TextBoxScope {
   public:
    explicit TextBoxScope(StoryBuilder* builder)
        : builder_(builder),
          paragraph_(builder->paragraph_),
          text_boxes_(builder->text_boxes_),
          fields_(std::move(builder->fields_)),
          code_depth_(builder->code_depth_),
          hidden_run_(builder->hidden_run_),
          paragraph_serial_(builder->paragraph_serial_) {
      builder->fields_.clear();
      builder->code_depth_ = 0;
      builder->hidden_run_ = false;
      builder->paragraph_ = nullptr;
      builder->text_boxes_ = nullptr;
    }
    ~TextBoxScope() {
      builder_->paragraph_ = paragraph_;
      builder_->text_boxes_ = text_boxes_;
      builder_->fields_ = std::move(fields_);
      builder_->code_depth_ = code_depth_;
      builder_->hidden_run_ = hidden_run_;
      builder_->paragraph_serial_ = paragraph_serial_;
    }
    TextBoxScope(const TextBoxScope&) = delete;
    TextBoxScope& operator=(const TextBoxScope&) = delete;

   private:
    StoryBuilder* builder_;
    Paragraph* paragraph_;
    std::vector<Block>* text_boxes_;
    std::vector<OpenField> fields_;
    int code_depth_;
    bool hidden_run_;
    std::uint64_t paragraph_serial_;
  };

  const PackageContext& context_;
  std::unordered_map<std::string_view, const Relationship*> relationships_;
  NumberingState numbering_state_;

  Paragraph* paragraph_ = nullptr;            // the paragraph being read
  std::vector<Block>* text_boxes_ = nullptr;  // where its text boxes go
  std::uint64_t paragraph_serial_ = 0;
  std::vector<OpenField> fields_;
  int code_depth_ = 0;  // open fields still in their code: text there is hidden
  bool hidden_run_ = false;

 private:
  void ReadNumbering(const ParagraphStyle* style, const NumberingReference& own,
                     Paragraph* paragraph);
};

}  // namespace missive::extract_internal
