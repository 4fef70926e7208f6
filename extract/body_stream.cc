#include "extract/body_stream.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "extract/wordml.h"
#include "extract/xml_cursor.h"

namespace missive::extract_internal {
namespace {

using Event = XmlCursor::Event;

// Each Read* function is called just after the kStart of its element and
// returns after that element's kEnd, or false when the reading is given up
// (the cursor failed, or something is left to the tree reader). The rules
// are those of StoryReader in docx_reader.cc, which reads the same elements
// from a tree; where the tree reader could look ahead (a w:pPr after the
// runs, a w:trPr after the cells), this reader gives up instead.
class BodyReader : private StoryBuilder {
 public:
  BodyReader(std::string_view xml, const PackageContext& context,
             const std::vector<Relationship>& relationships)
      : StoryBuilder(context, relationships),
        // One level short of the tree reader's own depth check: a text
        // node one level below an element counts there too.
        cursor_(xml, std::max<std::size_t>(
                         std::min<std::size_t>(context.options->max_xml_depth, kMaxNesting), 1) -
                         1),
        paragraphs_(*context.paragraphs),
        xml_size_(xml.size()) {}

  bool Read(std::vector<Block>* body) {
    if (cursor_.Begin() != Event::kStart || !ReadPrefixes()) return false;
    if (!IsWordElement("document")) return false;
    bool body_read = false;
    for (;;) {
      const Event event = cursor_.Next();
      if (event == Event::kEnd) break;
      if (event == Event::kText) continue;
      if (event != Event::kStart) return false;
      if (!body_read && IsWordElement("body")) {
        body_read = true;
        // About a block per 500 bytes in letters: growing the vector block
        // by block moved every block several times. Capped for huge parts.
        body->reserve(std::min<std::size_t>(xml_size_ / 512, 4096));
        if (!ReadBlocks(body)) return false;
      } else if (!cursor_.SkipElement()) {
        return false;
      }
    }
    // The root has closed: only white space may follow.
    if (cursor_.Next() != Event::kDone) return false;
    *context_.paragraphs = paragraphs_;
    return true;
  }

 private:
  // The namespace prefixes declared on the root, as DetectPrefixes reads
  // them. Only the usual shape is read here: prefixed w, r, mc and m, and
  // namespace names without entities.
  bool ReadPrefixes() {
    Prefixes prefixes;
    bool plain = true;
    cursor_.ForEachRawAttribute([&](std::string_view name, std::string_view value) {
      if (name.substr(0, 5) != "xmlns") return;
      for (const char c : value) {
        if (c == '&' || c == '\t' || c == '\r' || c == '\n') plain = false;
      }
      NotePrefix(name, value, &prefixes);
    });
    if (!plain || prefixes.w.empty() || prefixes.r.empty() || prefixes.mc.empty() ||
        prefixes.m.empty()) {
      return false;
    }
    w_ = prefixes.w;
    mc_ = prefixes.mc;
    m_ = prefixes.m;
    val_ = w_ + "val";
    fld_char_type_ = w_ + "fldCharType";
    char_ = w_ + "char";
    font_ = w_ + "font";
    instr_ = w_ + "instr";
    anchor_ = w_ + "anchor";
    relationship_id_ = prefixes.r + "id";
    return true;
  }

  bool IsWord(std::string_view name) const {
    return name.size() > w_.size() && SameName(name.substr(0, w_.size()), w_);
  }
  // The local name of a w: element (call after IsWord).
  std::string_view Local(std::string_view name) const { return name.substr(w_.size()); }
  bool IsWordElement(std::string_view local) const {
    return IsWord(cursor_.name()) && SameName(Local(cursor_.name()), local);
  }
  bool IsIn(std::string_view prefix, std::string_view local) const {
    const std::string_view name = cursor_.name();
    return name.size() == prefix.size() + local.size() &&
           SameName(name.substr(0, prefix.size()), prefix) &&
           SameName(name.substr(prefix.size()), local);
  }

  // Calls read() for each child element of the element just started,
  // until it ends; text between them is passed over.
  template <typename ReadChild>
  bool ForChildren(ReadChild&& read) {
    for (;;) {
      const Event event = cursor_.Next();
      if (event == Event::kStart) {
        if (!read()) return false;
      } else if (event == Event::kEnd) {
        return true;
      } else if (event != Event::kText) {
        return false;
      }
    }
  }

  // The value of attribute `name` of the element just started into *value
  // ("" when it has none): false only when the cursor gave up.
  bool AttributeValue(const std::string& name, std::string* value, bool* found = nullptr) {
    std::string_view view;
    bool has = false;
    if (!cursor_.Attribute(name, &scratch_, &view, &has)) return false;
    value->assign(view);
    if (found != nullptr) *found = has;
    return true;
  }

  // The text content of a w:t-like element just started, as pugixml's
  // child_value(): decoded into *text. An element inside it is left to
  // the tree reader.
  bool ReadTextContent(std::string* text) {
    text->clear();
    bool first = true;
    for (;;) {
      const Event event = cursor_.Next();
      if (event == Event::kEnd) return true;
      if (event != Event::kText || !first) return false;
      first = false;
      if (!cursor_.AppendText(cursor_.raw_text(), text)) return false;
    }
  }

  // ---- blocks ----

  bool ReadBlocks(std::vector<Block>* out) {
    std::optional<Paragraph> carry;
    if (!ForChildren([&] { return ReadBlock(out, &carry); })) return false;
    FlushCarry(out, &carry);
    return true;
  }

  bool ReadBlock(std::vector<Block>* out, std::optional<Paragraph>* carry) {
    const std::string_view name = cursor_.name();
    if (!IsWord(name)) {
      if (IsIn(mc_, "AlternateContent")) {
        return ReadAlternate([&] { return ReadBlock(out, carry); });
      }
      return cursor_.SkipElement();
    }
    const std::string_view local = Local(name);
    if (SameName(local, "p")) {
      if (!CountParagraph()) return false;
      return ReadParagraph(out, carry);
    }
    if (SameName(local, "tbl")) {
      FlushCarry(out, carry);
      return ReadTable(out);
    }
    if (SameName(local, "sdt")) {
      return ReadFirstContent([&] { return ReadBlock(out, carry); });
    }
    if (SameName(local, "customXml") || (SameName(local, "ins") && accept()) ||
        (SameName(local, "moveTo") && accept()) || (SameName(local, "del") && !accept()) ||
        (SameName(local, "moveFrom") && !accept())) {
      return ForChildren([&] { return ReadBlock(out, carry); });
    }
    return cursor_.SkipElement();
  }

  // The children of the first w:sdtContent of the w:sdt just started, each
  // read by read(); the rest of the w:sdt is passed over.
  template <typename ReadChild>
  bool ReadFirstContent(ReadChild&& read) {
    bool content_read = false;
    return ForChildren([&] {
      if (!content_read && IsWordElement("sdtContent")) {
        content_read = true;
        return ForChildren(read);
      }
      return cursor_.SkipElement();
    });
  }

  bool CountParagraph() { return ++paragraphs_ <= context_.options->max_paragraphs; }

  // ---- paragraphs ----

  bool ReadParagraph(std::vector<Block>* out, std::optional<Paragraph>* carry) {
    Paragraph paragraph;
    bool started = false;
    bool has_properties = false;
    bool removed = false;
    std::vector<Block> text_boxes;
    std::vector<Block>* const outer_boxes = text_boxes_;
    text_boxes_ = &text_boxes;
    const auto start = [&](const ParagraphMark& mark) {
      StartParagraph(mark, carry, &paragraph);
      removed = mark.removed;
      paragraph_ = &paragraph;
      ++paragraph_serial_;
      started = true;
    };
    const bool read = ForChildren([&] {
      if (IsWordElement("pPr")) {
        // The tree reader takes the first w:pPr wherever it stands.
        if (has_properties) return cursor_.SkipElement();
        if (started) return false;
        has_properties = true;
        ParagraphMark mark;
        if (!ReadParagraphProperties(&mark)) return false;
        start(mark);
        return true;
      }
      if (!started) start(ParagraphMark{});
      return ReadInline();
    });
    paragraph_ = nullptr;
    text_boxes_ = outer_boxes;
    if (!read) return false;
    if (!started) {
      start(ParagraphMark{});
      paragraph_ = nullptr;
    }
    if (removed) {
      *carry = std::move(paragraph);
    } else {
      out->emplace_back().paragraph = std::move(paragraph);
    }
    for (Block& box : text_boxes) out->push_back(std::move(box));
    return true;
  }

  // w:pStyle, w:numPr and w:outlineLvl as one w:pPr (or its w:pPrChange) has them.
  struct ListProperties {
    bool has_style = false, has_num_pr = false, has_outline = false;
    std::string style, outline;
    bool has_num_id = false, has_level = false;
    std::string num_id, level;
  };

  bool ReadParagraphProperties(ParagraphMark* mark) {
    ListProperties shown;
    ListProperties old;
    bool has_mark = false, has_change = false, removed = false;
    const bool ok = ForChildren([&] {
      if (!IsWord(cursor_.name())) return cursor_.SkipElement();
      const std::string_view local = Local(cursor_.name());
      if (SameName(local, "rPr") && !has_mark) {
        has_mark = true;
        bool seen_removal = false, seen_move = false;
        return ForChildren([&] {
          if (!seen_removal && IsWordElement(accept() ? "del" : "ins")) {
            seen_removal = removed = true;
          } else if (!seen_move && IsWordElement(accept() ? "moveFrom" : "moveTo")) {
            seen_move = removed = true;
          }
          return cursor_.SkipElement();
        });
      }
      if (SameName(local, "pPrChange") && !has_change) {
        has_change = true;
        bool seen_properties = false;
        return ForChildren([&] {
          if (seen_properties || !IsWordElement("pPr")) return cursor_.SkipElement();
          seen_properties = true;
          return ForChildren([&] { return ReadListProperty(&old); });
        });
      }
      return ReadListProperty(&shown);
    });
    if (!ok) return false;
    // Rejecting changes restores the properties a tracked formatting change replaced.
    if (!accept() && has_change) shown = std::move(old);
    style_id_ = std::move(shown.style);
    mark->style_id = style_id_;
    if (shown.has_num_pr) {
      if (shown.has_num_id) {
        num_id_ = std::move(shown.num_id);
        mark->numbering.num_id = num_id_;
      }
      if (shown.has_level) mark->numbering.level = ParseInt(shown.level);
    }
    if (shown.has_outline) mark->outline = ParseInt(shown.outline);
    mark->removed = removed;
    return true;
  }

  // One child of a w:pPr: the first w:pStyle, w:numPr and w:outlineLvl count.
  bool ReadListProperty(ListProperties* properties) {
    if (!IsWord(cursor_.name())) return cursor_.SkipElement();
    const std::string_view local = Local(cursor_.name());
    if (SameName(local, "pStyle") && !properties->has_style) {
      properties->has_style = true;
      return AttributeValue(val_, &properties->style) && cursor_.SkipElement();
    }
    if (SameName(local, "outlineLvl") && !properties->has_outline) {
      properties->has_outline = true;
      return AttributeValue(val_, &properties->outline) && cursor_.SkipElement();
    }
    if (SameName(local, "numPr") && !properties->has_num_pr) {
      properties->has_num_pr = true;
      return ForChildren([&] {
        if (!properties->has_num_id && IsWordElement("numId")) {
          properties->has_num_id = true;
          return AttributeValue(val_, &properties->num_id) && cursor_.SkipElement();
        }
        if (!properties->has_level && IsWordElement("ilvl")) {
          properties->has_level = true;
          return AttributeValue(val_, &properties->level) && cursor_.SkipElement();
        }
        return cursor_.SkipElement();
      });
    }
    return cursor_.SkipElement();
  }

  // ---- paragraph content ----

  bool ReadInlineChildren() {
    return ForChildren([&] { return ReadInline(); });
  }

  bool ReadInline() {
    const std::string_view name = cursor_.name();
    if (!IsWord(name)) {
      if (IsIn(mc_, "AlternateContent")) return ReadAlternate([&] { return ReadInline(); });
      if (IsIn(m_, "oMath") || IsIn(m_, "oMathPara")) return false;
      return cursor_.SkipElement();
    }
    const std::string_view local = Local(name);
    switch (local[0]) {
      case 'b':
        if (SameName(local, "br")) return Append("\n");
        if (SameName(local, "bdo")) return ReadInlineChildren();
        break;
      case 'c':
        if (SameName(local, "cr")) return Append("\n");
        if (SameName(local, "customXml")) return ReadInlineChildren();
        break;
      case 'd':
        if (SameName(local, "del")) return accept() ? cursor_.SkipElement() : ReadInlineChildren();
        if (SameName(local, "delText")) return accept() ? cursor_.SkipElement() : ReadText();
        if (SameName(local, "delInstrText")) return ReadFieldCode();
        if (SameName(local, "dir")) return ReadInlineChildren();
        if (SameName(local, "drawing")) return ReadDrawing();
        break;
      case 'f':
        if (SameName(local, "fldChar")) {
          std::string type;
          if (!AttributeValue(fld_char_type_, &type)) return false;
          FieldChar(type);
          return cursor_.SkipElement();
        }
        if (SameName(local, "fldSimple")) return ReadSimpleField();
        break;
      case 'h':
        if (SameName(local, "hyperlink")) return ReadHyperlink();
        break;
      case 'i':
        if (SameName(local, "ins")) return accept() ? ReadInlineChildren() : cursor_.SkipElement();
        if (SameName(local, "instrText")) return ReadFieldCode();
        break;
      case 'm':
        if (SameName(local, "moveTo"))
          return accept() ? ReadInlineChildren() : cursor_.SkipElement();
        if (SameName(local, "moveFrom"))
          return accept() ? cursor_.SkipElement() : ReadInlineChildren();
        break;
      case 'n':
        if (SameName(local, "noBreakHyphen")) return Append("-");
        break;
      case 'o':
        if (SameName(local, "object")) return ReadDrawing();
        break;
      case 'p':
        if (SameName(local, "ptab")) return Append("\t");
        if (SameName(local, "pict")) return ReadDrawing();
        break;
      case 'r':
        if (SameName(local, "r")) return ReadRun();
        if (SameName(local, "ruby")) {
          // The base text is what the line reads; w:rt is the annotation.
          bool base_read = false;
          return ForChildren([&] {
            if (base_read || !IsWordElement("rubyBase")) return cursor_.SkipElement();
            base_read = true;
            return ReadInlineChildren();
          });
        }
        break;
      case 's':
        if (SameName(local, "sym")) {
          std::string hex, font;
          if (!AttributeValue(char_, &hex) || !AttributeValue(font_, &font)) return false;
          AppendSymbol(hex, font);
          return cursor_.SkipElement();
        }
        if (SameName(local, "sdt")) return ReadFirstContent([&] { return ReadInline(); });
        if (SameName(local, "smartTag")) return ReadInlineChildren();
        break;
      case 't':
        if (SameName(local, "t")) return ReadText();
        if (SameName(local, "tab")) return Append("\t");
        break;
      default:
        break;
    }
    // Everything else carries no visible text.
    return cursor_.SkipElement();
  }

  bool Append(std::string_view text) {
    AppendText(text);
    return cursor_.SkipElement();
  }

  bool ReadText() {
    if (!ReadTextContent(&text_)) return false;
    AppendText(text_);
    return true;
  }

  bool ReadFieldCode() {
    if (!ReadTextContent(&text_)) return false;
    AppendFieldCode(text_);
    return true;
  }

  bool ReadRun() {
    const bool outer_hidden = hidden_run_;
    bool first = true;
    bool has_properties = false;
    const bool read = ForChildren([&] {
      const bool is_first = first;
      first = false;
      if (IsWordElement("rPr")) {
        // The tree reader takes the first w:rPr wherever it stands.
        if (has_properties) return cursor_.SkipElement();
        if (!is_first) return false;
        has_properties = true;
        bool vanish = false;
        bool seen_vanish = false;
        const bool ok = ForChildren([&] {
          if (seen_vanish || !IsWordElement("vanish")) return cursor_.SkipElement();
          seen_vanish = true;
          std::string value;
          bool found = false;
          if (!AttributeValue(val_, &value, &found)) return false;
          vanish = IsOnValue(found, value);
          return cursor_.SkipElement();
        });
        if (!ok) return false;
        hidden_run_ = outer_hidden || vanish;
        return true;
      }
      return ReadInline();
    });
    hidden_run_ = outer_hidden;
    return read;
  }

  bool ReadSimpleField() {
    std::string instr;
    if (!AttributeValue(instr_, &instr)) return false;
    std::string target = HyperlinkFieldTarget(instr);
    const std::size_t start = TextSize();
    if (!ReadInlineChildren()) return false;
    if (!target.empty()) AddLink(start, std::move(target));
    return true;
  }

  bool ReadHyperlink() {
    std::string id, anchor;
    if (!AttributeValue(relationship_id_, &id) || !AttributeValue(anchor_, &anchor)) return false;
    std::string target = HyperlinkTarget(id, anchor);
    const std::size_t start = TextSize();
    if (!ReadInlineChildren()) return false;
    if (!target.empty()) AddLink(start, std::move(target));
    return true;
  }

  // ---- drawings, text boxes, alternate content ----

  // A w:drawing, w:pict or w:object: only its text boxes are read, and
  // only where its run is shown.
  bool ReadDrawing() {
    if (hidden_run_ || code_depth_ > 0) return cursor_.SkipElement();
    return ForChildren([&] { return ReadTextBoxesIn(); });
  }

  // An element inside a drawing: a text box, a choice of branches, or
  // markup to look into.
  bool ReadTextBoxesIn() {
    if (IsWordElement("txbxContent")) return ReadTextBox();
    if (IsIn(mc_, "AlternateContent")) return ReadAlternate([&] { return ReadTextBoxesIn(); });
    return ForChildren([&] { return ReadTextBoxesIn(); });
  }

  // A text box is a story of its own, read in the middle of its anchor
  // paragraph; its blocks go after that paragraph (as in the tree reader,
  // outside a paragraph there is nowhere for them to go).
  bool ReadTextBox() {
    if (text_boxes_ == nullptr) return cursor_.SkipElement();
    std::vector<Block>* const boxes = text_boxes_;
    const TextBoxScope scope(this);
    return ReadBlocks(boxes);
  }

  // An mc:AlternateContent: the children of its first branch this reader
  // shows (a w:Choice whose Requires it understands, else mc:Fallback),
  // each read by read(), as ChooseAlternate picks it from the tree.
  template <typename ReadChild>
  bool ReadAlternate(ReadChild&& read) {
    bool chosen = false;
    return ForChildren([&] {
      if (chosen) return cursor_.SkipElement();
      if (IsIn(mc_, "Choice")) {
        std::string requires_value;
        bool understood = false;
        if (!AttributeValue("Requires", &requires_value) ||
            !UnderstandsRequires(requires_value, &understood)) {
          return false;
        }
        if (!understood) return cursor_.SkipElement();
      } else if (!IsIn(mc_, "Fallback")) {
        return cursor_.SkipElement();
      }
      chosen = true;
      return ForChildren(read);
    });
  }

  // Whether every prefix in the Requires of the mc:Choice just started
  // names a namespace this reader reads, as UnderstandsRequires (wordml.h)
  // judges it from the tree; false when a declaration needs decoding.
  bool UnderstandsRequires(std::string_view requires_value, bool* understood) {
    const std::optional<bool> answer =
        UnderstandsEachPrefix(requires_value, [&](std::string_view prefix) {
          std::string_view uri;
          if (cursor_.FindNamespace(prefix, &uri)) {
            for (const char c : uri) {
              if (c == '&' || c == '\t' || c == '\r' || c == '\n') {
                return std::optional<std::string_view>();
              }
            }
          }
          return std::optional<std::string_view>(uri);
        });
    if (!answer) return false;
    *understood = *answer;
    return true;
  }

  // ---- tables ----

  bool ReadTable(std::vector<Block>* out) {
    Block block;
    block.kind = Block::Kind::kTable;
    if (!ForChildren([&] { return ReadRowsChild(&block.table); })) return false;
    out->push_back(std::move(block));
    return true;
  }

  bool ReadRowsChild(Table* table) {
    if (!IsWord(cursor_.name())) {
      if (IsIn(mc_, "AlternateContent")) {
        return ReadAlternate([&] { return ReadRowsChild(table); });
      }
      return cursor_.SkipElement();
    }
    const std::string_view local = Local(cursor_.name());
    if (SameName(local, "tr")) return ReadRow(table);
    if (SameName(local, "sdt")) return ReadFirstContent([&] { return ReadRowsChild(table); });
    if (SameName(local, "customXml")) return ForChildren([&] { return ReadRowsChild(table); });
    return cursor_.SkipElement();
  }

  bool ReadRow(Table* table) {
    TableRow row;
    int grid_before = 0;
    int grid_after = 0;
    bool has_properties = false;
    bool cells_started = false;
    bool removed = false;
    const auto start_cells = [&] {
      if (cells_started) return;
      cells_started = true;
      // Skipped grid columns become one empty cell spanning them.
      if (grid_before > 0) row.cells.push_back(TableCell{{}, grid_before});
    };
    const bool read = ForChildren([&] {
      // A row inserted or deleted as a tracked change: its cells are not read.
      if (removed) return cursor_.SkipElement();
      if (IsWordElement("trPr")) {
        // The tree reader takes the first w:trPr wherever it stands.
        if (has_properties) return cursor_.SkipElement();
        if (cells_started) return false;
        has_properties = true;
        bool seen_change = false, seen_before = false, seen_after = false;
        std::string before, after;
        const bool ok = ForChildren([&] {
          if (!seen_change && IsWordElement(accept() ? "del" : "ins")) {
            seen_change = removed = true;
          } else if (!seen_before && IsWordElement("gridBefore")) {
            seen_before = true;
            if (!AttributeValue(val_, &before)) return false;
          } else if (!seen_after && IsWordElement("gridAfter")) {
            seen_after = true;
            if (!AttributeValue(val_, &after)) return false;
          }
          return cursor_.SkipElement();
        });
        if (!ok) return false;
        grid_before = ParseInt(before).value_or(0);
        grid_after = ParseInt(after).value_or(0);
        return true;
      }
      // Anything that may hold cells comes after the grid-before cell, as
      // the tree reader puts that cell first.
      if (IsWord(cursor_.name())) {
        const std::string_view local = Local(cursor_.name());
        if (SameName(local, "tc") || SameName(local, "sdt") || SameName(local, "customXml")) {
          start_cells();
        }
      } else if (IsIn(mc_, "AlternateContent")) {
        start_cells();
      }
      return ReadCellsChild(&row);
    });
    if (!read) return false;
    if (removed) return true;
    start_cells();
    if (grid_after > 0) row.cells.push_back(TableCell{{}, grid_after});
    table->rows.push_back(std::move(row));
    return true;
  }

  bool ReadCellsChild(TableRow* row) {
    if (!IsWord(cursor_.name())) {
      if (IsIn(mc_, "AlternateContent")) {
        return ReadAlternate([&] { return ReadCellsChild(row); });
      }
      return cursor_.SkipElement();
    }
    const std::string_view local = Local(cursor_.name());
    if (SameName(local, "tc")) return ReadCell(row);
    if (SameName(local, "sdt")) return ReadFirstContent([&] { return ReadCellsChild(row); });
    if (SameName(local, "customXml")) return ForChildren([&] { return ReadCellsChild(row); });
    return cursor_.SkipElement();
  }

  bool ReadCell(TableRow* row) {
    if (!CountParagraph()) return false;
    TableCell cell;
    std::optional<Paragraph> carry;
    bool first = true;
    bool has_properties = false;
    bool continuation = false;
    const bool read = ForChildren([&] {
      const bool is_first = first;
      first = false;
      if (continuation) return cursor_.SkipElement();
      if (IsWordElement("tcPr")) {
        // The tree reader takes the first w:tcPr wherever it stands.
        if (has_properties) return cursor_.SkipElement();
        if (!is_first) return false;
        has_properties = true;
        bool seen_span = false, seen_merge = false;
        std::string span, merge;
        const bool ok = ForChildren([&] {
          if (!seen_span && IsWordElement("gridSpan")) {
            seen_span = true;
            if (!AttributeValue(val_, &span)) return false;
          } else if (!seen_merge && IsWordElement("vMerge")) {
            seen_merge = true;
            if (!AttributeValue(val_, &merge)) return false;
          }
          return cursor_.SkipElement();
        });
        if (!ok) return false;
        const int columns = ParseInt(span).value_or(1);
        if (columns > 1) cell.column_span = columns;
        // A vertically merged continuation shows nothing of its own: the
        // text belongs to the cell that starts the merge.
        continuation = seen_merge && !SameName(merge, "restart");
        return true;
      }
      return ReadBlock(&cell.blocks, &carry);
    });
    if (!read) return false;
    FlushCarry(&cell.blocks, &carry);
    row->cells.push_back(std::move(cell));
    return true;
  }

  XmlCursor cursor_;
  std::uint64_t paragraphs_;
  std::size_t xml_size_;
  std::string w_, mc_, m_;
  // Qualified attribute names in this part's prefixes.
  std::string val_, fld_char_type_, char_, font_, instr_, anchor_, relationship_id_;
  std::string scratch_;   // decoded attribute values
  std::string text_;      // decoded text of one element
  std::string style_id_;  // the values a ParagraphMark points to
  std::string num_id_;
};

}  // namespace

bool StreamBody(std::string_view xml, const PackageContext& context,
                const std::vector<Relationship>& relationships, std::vector<Block>* body) {
  std::vector<Block> blocks;
  const std::uint64_t paragraphs = *context.paragraphs;
  BodyReader reader(xml, context, relationships);
  if (!reader.Read(&blocks)) {
    *context.paragraphs = paragraphs;
    return false;
  }
  *body = std::move(blocks);
  return true;
}

}  // namespace missive::extract_internal
