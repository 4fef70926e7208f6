// ExtractDocx: a WordprocessingML package into the document model.
//
// Supported, in the manner of pandoc's checklist:
//   [x] main part through _rels/.rels, else [Content_Types].xml (.docx, .docm, .dotx, .dotm)
//   [x] paragraphs: w:t, tabs, breaks, symbols, hyphens; hidden (w:vanish) runs dropped
//   [x] hyperlinks (w:hyperlink by r:id or w:anchor, HYPERLINK fields)
//   [x] complex and simple fields: codes hidden, results shown, nesting
//   [x] tracked changes accepted or rejected, including deleted paragraph marks and rows;
//       rejecting restores paragraph properties changed with w:pPrChange
//   [x] content controls, smart tags, custom XML, mc:AlternateContent (one branch)
//   [x] text boxes (DrawingML and VML), placed after their anchor paragraph
//   [x] style names, heading levels, automatic numbering labels
//   [x] tables: gridSpan, vMerge, gridBefore/After, nesting
//   [x] headers, footers, footnotes, endnotes, comments as notes
//   [x] docProps/core.xml
//   [x] the body, the relationships and docProps/core.xml read straight from their
//       bytes (body_stream.h, xml_cursor.h) where they hold nothing the
//       streaming readers leave to the tree (equations, unusual XML); as
//       pugixml trees otherwise
//   [-] math: the text of m:t only, no layout
//   [-] no SmartArt/chart text, no w:altChunk imports, no hidden text from styles
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/body_stream.h"
#include "extract/extract.h"
#include "extract/package.h"
#include "extract/story.h"
#include "extract/styles.h"
#include "extract/utf8.h"
#include "extract/wordml.h"
#include "extract/xml_cursor.h"

namespace missive {
namespace {

using extract_internal::Attr;
using extract_internal::Child;
using extract_internal::ChooseAlternate;
using extract_internal::DetectPrefixes;
using extract_internal::EndsWith;
using extract_internal::HyperlinkFieldTarget;
using extract_internal::IsOn;
using extract_internal::kMaxNesting;
using extract_internal::LoadRelationships;
using extract_internal::LoadXmlPart;
using extract_internal::Local;
using extract_internal::NumberingReference;
using extract_internal::NumberingState;
using extract_internal::OpenField;
using extract_internal::PackageContext;
using extract_internal::ParagraphMark;
using extract_internal::ParagraphStyle;
using extract_internal::ParseInt;
using extract_internal::Prefixes;
using extract_internal::Relationship;
using extract_internal::StoryBuilder;
using extract_internal::StyleSheet;
using extract_internal::XmlPart;
using extract_internal::ZipPackage;

// At most this many blocks are reserved for a story ahead of reading it.
constexpr std::size_t kReservedBlocks = 4096;

// The depth of `node` as an element: 1 for the root element.
int ElementDepth(pugi::xml_node node) {
  int depth = 0;
  for (; node && node.type() == pugi::node_element; node = node.parent()) ++depth;
  return depth;
}

// " at byte N" where `node` starts in its part, for messages; pugixml knows
// it only for nodes whose name or value lies in the parsed buffer.
std::string AtByte(pugi::xml_node node) {
  const std::ptrdiff_t offset = node.offset_debug();
  return offset < 0 ? std::string() : " at byte " + std::to_string(offset);
}

// Counts one level of element nesting for the lifetime of a scope.
class NestingGuard {
 public:
  explicit NestingGuard(int* depth) : depth_(depth) { ++*depth_; }
  ~NestingGuard() { --*depth_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

 private:
  int* depth_;
};

// Names written with one part's w: prefix ("w:rPr"), for pugixml's own
// child() and attribute(): one call each, where Child() and Attr() cost a
// call into pugixml per child. The hot look-ups of the walk use them.
struct WordNames {
  explicit WordNames(const std::string& w)
      : pPr(w + "pPr"),
        rPr(w + "rPr"),
        vanish(w + "vanish"),
        val(w + "val"),
        sdt_content(w + "sdtContent"),
        tr_pr(w + "trPr"),
        tc_pr(w + "tcPr") {}
  std::string pPr, rPr, vanish, val, sdt_content, tr_pr, tc_pr;
};

// Reads one story (the body, a header, the notes) of a part into blocks.
class StoryReader : private StoryBuilder {
 public:
  // `relationships` are those of `part`; both must outlive the reader.
  StoryReader(const PackageContext& context, const XmlPart& part,
              const std::vector<Relationship>& relationships)
      : StoryBuilder(context, relationships),
        part_name_(part.name),
        prefixes_(DetectPrefixes(part.doc.document_element())),
        names_(prefixes_.w) {}

  // Reads the block-level children of `container`. Fields never cross from
  // one story into the next.
  void ReadStory(pugi::xml_node container, std::vector<Block>* out) {
    fields_.clear();
    code_depth_ = 0;
    depth_ = ElementDepth(container);
    // About one block per child: growing the vector block by block moved
    // every block several times. Capped, since a hostile file may hold
    // millions of children that are no blocks at all.
    std::size_t children = 0;
    for (pugi::xml_node child = container.first_child(); child && children < kReservedBlocks;
         child = child.next_sibling()) {
      ++children;
    }
    out->reserve(out->size() + children);
    ReadBlocks(container, out);
    fields_.clear();
    code_depth_ = 0;
  }

 private:
  std::string_view W(pugi::xml_node node) const { return Local(node, prefixes_.w); }

  // The local name of `node` when it is in the w: namespace, else nullptr;
  // compared in place, without measuring it (the hot path of the walk).
  const char* WordLocal(pugi::xml_node node) const {
    const char* const name = node.name();
    const std::string_view w = prefixes_.w;
    if (w.empty()) return std::strchr(name, ':') == nullptr ? name : nullptr;
    return extract_internal::HasPrefix(name, w) ? name + w.size() : nullptr;
  }

  // Whether to stop descending: a limit stopped the reading, or `depth_`
  // (the element depth of the node being read, kept by NestingGuard) is
  // past max_xml_depth, or past what the recursion may take.
  bool TooDeep(pugi::xml_node node) const {
    // Called for every element: the usual answer first, inline.
    if (static_cast<std::uint32_t>(depth_) <= shallow_ && !context_.limit->has_value()) {
      return false;
    }
    return TooDeepSlow(node);
  }

  bool TooDeepSlow(pugi::xml_node node) const {
    if (context_.limit->has_value()) return true;
    const std::uint32_t max_depth = context_.options->max_xml_depth;
    if (static_cast<std::uint32_t>(depth_) > max_depth) {
      *context_.limit =
          Error{ErrorCode::kLimitExceeded,
                "part " + part_name_ + " nests elements more than the limit max_xml_depth (" +
                    std::to_string(max_depth) + ") deep" + AtByte(node) +
                    "; Word documents nest a few dozen levels, so the file is refused as unsafe"};
      return true;
    }
    if (depth_ <= kMaxNesting) return false;
    *context_.too_deep = true;
    return true;
  }

  // Counts a paragraph or table cell against max_paragraphs before it is
  // read; false when that is one too many.
  bool CountParagraph() {
    if (++*context_.paragraphs <= context_.options->max_paragraphs) return true;
    if (!context_.limit->has_value()) {
      *context_.limit = Error{ErrorCode::kLimitExceeded,
                              "the document has more than the limit max_paragraphs (" +
                                  std::to_string(context_.options->max_paragraphs) +
                                  " paragraphs and table cells) by part " + part_name_ +
                                  "; raise the limit only for a trusted file"};
    }
    return false;
  }
  // A paragraph whose mark was removed by a tracked change runs on into the
  // next one; `carry` holds it until then.
  void ReadBlocks(pugi::xml_node container, std::vector<Block>* out) {
    std::optional<Paragraph> carry;
    for (pugi::xml_node child = container.first_child(); child; child = child.next_sibling()) {
      ReadBlock(child, out, &carry);
    }
    FlushCarry(out, &carry);
  }

  void ReadBlock(pugi::xml_node node, std::vector<Block>* out, std::optional<Paragraph>* carry) {
    const NestingGuard guard(&depth_);
    if (TooDeep(node)) return;
    const char* const local = WordLocal(node);
    const auto is = [local](std::string_view candidate) {
      return local != nullptr && extract_internal::IsLocalName(local, candidate);
    };
    if (is("p")) {
      if (CountParagraph()) ReadParagraph(node, out, carry);
    } else if (is("tbl")) {
      FlushCarry(out, carry);
      ReadTable(node, out);
    } else if (is("sdt")) {
      const pugi::xml_node content = node.child(names_.sdt_content.c_str());
      const NestingGuard content_level(&depth_);
      if (TooDeep(content)) return;
      for (pugi::xml_node child : content.children()) ReadBlock(child, out, carry);
    } else if (is("customXml") || (is("ins") && accept()) || (is("moveTo") && accept()) ||
               (is("del") && !accept()) || (is("moveFrom") && !accept())) {
      for (pugi::xml_node child : node.children()) ReadBlock(child, out, carry);
    } else if ((local == nullptr || *local == '\0') &&
               Local(node, prefixes_.mc) == "AlternateContent") {
      const pugi::xml_node branch = ChooseAlternate(node, prefixes_.mc);
      const NestingGuard branch_level(&depth_);
      if (TooDeep(branch)) return;
      for (pugi::xml_node child : branch.children()) ReadBlock(child, out, carry);
    }
  }

  void ReadParagraph(pugi::xml_node p, std::vector<Block>* out, std::optional<Paragraph>* carry) {
    const std::string_view w = prefixes_.w;
    const pugi::xml_node properties = p.child(names_.pPr.c_str());
    std::string_view style_id;
    NumberingReference own_numbering;
    std::optional<int> own_outline;
    bool mark_removed = false;
    if (properties) {
      // One pass over w:pPr for everything read from it.
      const auto [p_style, num_pr_node, outline_node, mark, change] = extract_internal::Children(
          properties, w, {"pStyle", "numPr", "outlineLvl", "rPr", "pPrChange"});
      pugi::xml_node shown_style = p_style;
      pugi::xml_node num_pr = num_pr_node;
      pugi::xml_node outline = outline_node;
      // Rejecting changes restores the properties a tracked formatting change
      // replaced (w:pPrChange keeps the old w:pPr: style, list, outline level).
      if (!accept() && change) {
        const auto [old_style, old_num_pr, old_outline] = extract_internal::Children(
            Child(change, w, "pPr"), w, {"pStyle", "numPr", "outlineLvl"});
        shown_style = old_style;
        num_pr = old_num_pr;
        outline = old_outline;
      }
      style_id = shown_style.attribute(names_.val.c_str()).value();
      if (num_pr) {
        const auto [num_id, ilvl] = extract_internal::Children(num_pr, w, {"numId", "ilvl"});
        if (num_id) own_numbering.num_id = num_id.attribute(names_.val.c_str()).value();
        if (ilvl) own_numbering.level = ParseInt(ilvl.attribute(names_.val.c_str()).value());
      }
      if (outline) own_outline = ParseInt(outline.attribute(names_.val.c_str()).value());
      // A deleted paragraph mark (or, when rejecting, an inserted one) joins
      // this paragraph to the next.
      if (mark) {
        const auto [removed, moved] = extract_internal::Children(
            mark, w, {accept() ? "del" : "ins", accept() ? "moveFrom" : "moveTo"});
        mark_removed = removed || moved;
      }
    }

    Paragraph paragraph;
    StartParagraph(ParagraphMark{style_id, own_numbering, own_outline, mark_removed}, carry,
                   &paragraph);

    std::vector<Block> text_boxes;
    Paragraph* const outer_paragraph = paragraph_;
    std::vector<Block>* const outer_boxes = text_boxes_;
    paragraph_ = &paragraph;
    text_boxes_ = &text_boxes;
    ++paragraph_serial_;
    ReadInlineChildren(p);
    paragraph_ = outer_paragraph;
    text_boxes_ = outer_boxes;

    if (mark_removed) {
      *carry = std::move(paragraph);
    } else {
      out->emplace_back().paragraph = std::move(paragraph);
    }
    for (Block& box : text_boxes) out->push_back(std::move(box));
  }

  void ReadTable(pugi::xml_node tbl, std::vector<Block>* out) {
    Block block;
    block.kind = Block::Kind::kTable;
    ReadRows(tbl, &block.table);
    out->push_back(std::move(block));
  }

  // The rows among the children of `container`, whose depth is depth_.
  void ReadRows(pugi::xml_node container, Table* table) {
    const NestingGuard guard(&depth_);  // the children's level
    if (TooDeep(container.first_child())) return;
    for (pugi::xml_node child : container.children()) {
      const char* const local = WordLocal(child);
      const auto is = [local](std::string_view candidate) {
        return local != nullptr && extract_internal::IsLocalName(local, candidate);
      };
      if (is("tr")) {
        ReadRow(child, table);
      } else if (is("sdt")) {
        const pugi::xml_node content = child.child(names_.sdt_content.c_str());
        const NestingGuard content_level(&depth_);
        ReadRows(content, table);
      } else if (is("customXml")) {
        ReadRows(child, table);
      } else if ((local == nullptr || *local == '\0') &&
                 Local(child, prefixes_.mc) == "AlternateContent") {
        const NestingGuard branch_level(&depth_);
        ReadRows(ChooseAlternate(child, prefixes_.mc), table);
      }
    }
  }

  void ReadRow(pugi::xml_node tr, Table* table) {
    const std::string_view w = prefixes_.w;
    int grid_before = 0;
    int grid_after = 0;
    if (const pugi::xml_node properties = tr.child(names_.tr_pr.c_str())) {
      const auto [changed, before, after] = extract_internal::Children(
          properties, w, {accept() ? "del" : "ins", "gridBefore", "gridAfter"});
      // A row inserted or deleted as a tracked change.
      if (changed) return;
      grid_before = ParseInt(before.attribute(names_.val.c_str()).value()).value_or(0);
      grid_after = ParseInt(after.attribute(names_.val.c_str()).value()).value_or(0);
    }
    TableRow row;
    // Skipped grid columns become one empty cell spanning them.
    if (grid_before > 0) row.cells.push_back(TableCell{{}, grid_before});
    ReadCells(tr, &row);
    if (grid_after > 0) row.cells.push_back(TableCell{{}, grid_after});
    table->rows.push_back(std::move(row));
  }

  // The cells among the children of `container`, whose depth is depth_.
  void ReadCells(pugi::xml_node container, TableRow* row) {
    const NestingGuard guard(&depth_);  // the children's level
    if (TooDeep(container.first_child())) return;
    const std::string_view w = prefixes_.w;
    for (pugi::xml_node child : container.children()) {
      const char* const local = WordLocal(child);
      const auto is = [local](std::string_view candidate) {
        return local != nullptr && extract_internal::IsLocalName(local, candidate);
      };
      if (is("tc")) {
        if (!CountParagraph()) return;
        TableCell cell;
        bool continuation = false;
        if (const pugi::xml_node properties = child.child(names_.tc_pr.c_str())) {
          const auto [grid_span, merge] =
              extract_internal::Children(properties, w, {"gridSpan", "vMerge"});
          const int span = ParseInt(grid_span.attribute(names_.val.c_str()).value()).value_or(1);
          if (span > 1) cell.column_span = span;
          if (merge) {
            continuation =
                std::string_view(merge.attribute(names_.val.c_str()).value()) != "restart";
          }
        }
        // A vertically merged continuation shows nothing of its own: the
        // text belongs to the cell that starts the merge.
        if (!continuation) ReadBlocks(child, &cell.blocks);
        row->cells.push_back(std::move(cell));
      } else if (is("sdt")) {
        const pugi::xml_node content = child.child(names_.sdt_content.c_str());
        const NestingGuard content_level(&depth_);
        ReadCells(content, row);
      } else if (is("customXml")) {
        ReadCells(child, row);
      } else if ((local == nullptr || *local == '\0') &&
                 Local(child, prefixes_.mc) == "AlternateContent") {
        const NestingGuard branch_level(&depth_);
        ReadCells(ChooseAlternate(child, prefixes_.mc), row);
      }
    }
  }

  // Paragraph content and run content share one reader: containers such as
  // w:ins, w:sdt or w:smartTag may wrap either.
  void ReadInline(pugi::xml_node node) {
    const NestingGuard guard(&depth_);
    if (TooDeep(node)) return;
    const std::string_view w = prefixes_.w;
    const char* const name = node.name();
    if (!extract_internal::HasPrefix(name, w) || (w.empty() && std::strchr(name, ':') != nullptr)) {
      if (Local(node, prefixes_.mc) == "AlternateContent") {
        ReadInlineGrandchildren(ChooseAlternate(node, prefixes_.mc));
      } else {
        const std::string_view math = Local(node, prefixes_.m);
        if (math == "oMath" || math == "oMathPara") ReadMath(node);
      }
      return;
    }
    // Dispatch on the first letter of the local name: most elements here
    // (w:rPr, w:pPr, w:bookmarkStart, w:proofErr...) carry no text and are
    // passed over after a comparison or two.
    const char* const local = name + w.size();
    const auto is = [local](std::string_view candidate) {
      return extract_internal::IsLocalName(local, candidate);
    };
    switch (local[0]) {
      case 'b':
        if (is("br")) {
          AppendText("\n");
        } else if (is("bdo")) {
          ReadInlineChildren(node);
        }
        return;
      case 'c':
        if (is("cr")) {
          AppendText("\n");
        } else if (is("customXml")) {
          ReadInlineChildren(node);
        }
        return;
      case 'd':
        if (is("del")) {
          if (!accept()) ReadInlineChildren(node);
        } else if (is("delText")) {
          // Deleted text is only reached inside w:del when changes are rejected.
          if (!accept()) AppendText(node.child_value());
        } else if (is("delInstrText")) {
          AppendFieldCode(node.child_value());
        } else if (is("dir")) {
          ReadInlineChildren(node);
        } else if (is("drawing")) {
          ReadDrawing(node);
        }
        return;
      case 'f':
        if (is("fldChar")) {
          ReadFieldChar(node);
        } else if (is("fldSimple")) {
          ReadSimpleField(node);
        }
        return;
      case 'h':
        if (is("hyperlink")) ReadHyperlink(node);
        return;
      case 'i':
        if (is("ins")) {
          if (accept()) ReadInlineChildren(node);
        } else if (is("instrText")) {
          AppendFieldCode(node.child_value());
        }
        return;
      case 'm':
        if (is("moveTo")) {
          if (accept()) ReadInlineChildren(node);
        } else if (is("moveFrom")) {
          if (!accept()) ReadInlineChildren(node);
        }
        return;
      case 'n':
        if (is("noBreakHyphen")) AppendText("-");
        return;
      case 'o':
        if (is("object")) ReadDrawing(node);
        return;
      case 'p':
        if (is("ptab")) {
          AppendText("\t");
        } else if (is("pict")) {
          ReadDrawing(node);
        }
        return;
      case 'r':
        if (is("r")) {
          ReadRun(node);
        } else if (is("ruby")) {
          // The base text is what the line reads; w:rt is the annotation.
          ReadInlineGrandchildren(Child(node, w, "rubyBase"));
        }
        return;
      case 's':
        if (is("sym")) {
          ReadSymbol(node);
        } else if (is("sdt")) {
          ReadInlineGrandchildren(node.child(names_.sdt_content.c_str()));
        } else if (is("smartTag")) {
          ReadInlineChildren(node);
        }
        return;
      case 't':
        if (is("t")) {
          AppendText(node.child_value());
        } else if (is("tab")) {
          AppendText("\t");
        }
        return;
      default:
        // Everything else (w:softHyphen, w:lastRenderedPageBreak, comment
        // and permission marks, note references) carries no visible text.
        return;
    }
  }

  // w:drawing, w:pict, w:object: only their text boxes are read.
  void ReadDrawing(pugi::xml_node node) {
    if (!hidden_run_ && code_depth_ == 0) ReadTextBoxes(node);
  }

  void ReadInlineChildren(pugi::xml_node node) {
    // first_child/next_sibling: fewer calls into pugixml than children().
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      ReadInline(child);
    }
  }

  // The children of `wrapper`, a child of the node being read (the content
  // of a w:sdt, the branch of an mc:AlternateContent): one level deeper.
  void ReadInlineGrandchildren(pugi::xml_node wrapper) {
    const NestingGuard wrapper_level(&depth_);
    if (TooDeep(wrapper)) return;
    ReadInlineChildren(wrapper);
  }

  void ReadRun(pugi::xml_node r) {
    // w:rPr comes first in a run (the schema's order, and Word's): then it
    // is found without a search and not dispatched again as a child.
    pugi::xml_node first = r.first_child();
    pugi::xml_node properties;
    if (first && extract_internal::IsLocalName(first.name(), names_.rPr)) {
      properties = first;
      {
        // Its depth is checked as if it were dispatched.
        const NestingGuard guard(&depth_);
        TooDeep(first);
      }
      first = first.next_sibling();
    } else {
      properties = r.child(names_.rPr.c_str());
    }
    const bool outer_hidden = hidden_run_;
    hidden_run_ = outer_hidden || IsOn(properties.child(names_.vanish.c_str()));
    for (pugi::xml_node child = first; child; child = child.next_sibling()) ReadInline(child);
    hidden_run_ = outer_hidden;
  }

  // An ST_OnOff property such as <w:vanish/>: on unless w:val says otherwise.
  bool IsOn(pugi::xml_node property) const {
    if (!property) return false;
    const pugi::xml_attribute value = property.attribute(names_.val.c_str());
    return IsOnValue(static_cast<bool>(value), value.value());
  }

  void ReadSymbol(pugi::xml_node sym) {
    AppendSymbol(Attr(sym, prefixes_.w, "char").value(), Attr(sym, prefixes_.w, "font").value());
  }

  void ReadFieldChar(pugi::xml_node fld_char) {
    FieldChar(Attr(fld_char, prefixes_.w, "fldCharType").value());
  }

  void ReadSimpleField(pugi::xml_node field) {
    std::string target = HyperlinkFieldTarget(Attr(field, prefixes_.w, "instr").value());
    const std::size_t start = TextSize();
    ReadInlineChildren(field);
    if (!target.empty()) AddLink(start, std::move(target));
  }

  void ReadHyperlink(pugi::xml_node hyperlink) {
    std::string target = HyperlinkTarget(Attr(hyperlink, prefixes_.r, "id").value(),
                                         Attr(hyperlink, prefixes_.w, "anchor").value());
    const std::size_t start = TextSize();
    ReadInlineChildren(hyperlink);
    if (!target.empty()) AddLink(start, std::move(target));
  }

  // The text of an equation, without its layout.
  void ReadMath(pugi::xml_node node) {
    const NestingGuard guard(&depth_);  // the children's level
    if (TooDeep(node.first_child())) return;
    for (pugi::xml_node child : node.children()) {
      if (Local(child, prefixes_.m) == "t") {
        AppendText(child.child_value());
      } else if (child.type() == pugi::node_element) {
        ReadMath(child);
      }
    }
  }

  // Finds the w:txbxContent of text boxes inside a drawing (DrawingML or
  // VML), reading one branch of any mc:AlternateContent on the way.
  void ReadTextBoxes(pugi::xml_node node) {
    const NestingGuard guard(&depth_);  // the children's level
    if (TooDeep(node.first_child())) return;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (W(child) == "txbxContent") {
        ReadTextBox(child);
      } else if (Local(child, prefixes_.mc) == "AlternateContent") {
        const NestingGuard branch_level(&depth_);
        ReadTextBoxes(ChooseAlternate(child, prefixes_.mc));
      } else {
        ReadTextBoxes(child);
      }
    }
  }

  // A text box is a story of its own, read in the middle of its anchor
  // paragraph; its blocks go after that paragraph.
  void ReadTextBox(pugi::xml_node content) {
    if (text_boxes_ == nullptr) return;
    std::vector<Block>* const boxes = text_boxes_;
    const TextBoxScope scope(this);
    ReadBlocks(content, boxes);
  }

  const std::string part_name_;
  const Prefixes prefixes_;
  const WordNames names_;

  int depth_ = 0;
  // Depths up to this are within both max_xml_depth and kMaxNesting.
  const std::uint32_t shallow_ =
      std::min(context_.options->max_xml_depth, static_cast<std::uint32_t>(kMaxNesting));
};

std::optional<std::string> CoreProperty(pugi::xml_node node) {
  std::string_view text = node.child_value();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// ReadCoreProperties from the part's bytes, without a tree: false (and
// *properties as it was) when the cursor gives up, for pugixml to read them.
bool StreamCoreProperties(std::string_view xml, Properties* properties) {
  extract_internal::XmlCursor cursor(xml, extract_internal::kStreamedPartDepth);
  using Event = extract_internal::XmlCursor::Event;
  if (cursor.Begin() != Event::kStart) return false;
  Properties read = *properties;
  std::string text;
  for (;;) {
    const Event event = cursor.Next();
    if (event == Event::kText) continue;
    if (event == Event::kEnd) break;  // the root's: its children are read whole
    if (event != Event::kStart) return false;
    const std::string_view name = cursor.name();
    const std::size_t colon = name.find(':');
    const std::string_view local = name.substr(colon == std::string_view::npos ? 0 : colon + 1);
    std::optional<std::string>* property = local == "title"            ? &read.title
                                           : local == "creator"        ? &read.creator
                                           : local == "lastModifiedBy" ? &read.last_modified_by
                                           : local == "created"        ? &read.created
                                           : local == "modified"       ? &read.modified
                                                                       : nullptr;
    if (property == nullptr) {
      if (!cursor.SkipElement()) return false;
      continue;
    }
    // Its text, as child_value() gives it; an element inside is left to pugixml.
    text.clear();
    for (bool ended = false; !ended;) {
      const Event inner = cursor.Next();
      if (inner == Event::kEnd) {
        ended = true;
      } else if (inner != Event::kText || !text.empty() ||
                 !cursor.AppendText(cursor.raw_text(), &text)) {
        return false;
      }
    }
    std::string_view value = text;
    const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (!value.empty() && space(value.front())) value.remove_prefix(1);
    while (!value.empty() && space(value.back())) value.remove_suffix(1);
    *property = value.empty() ? std::nullopt : std::optional<std::string>(value);
  }
  if (cursor.Next() != Event::kDone) return false;
  *properties = std::move(read);
  return true;
}

void ReadCoreProperties(const XmlPart& part, Properties* properties) {
  for (pugi::xml_node node : part.doc.document_element().children()) {
    // Dublin Core prefixes vary between writers; local names do not.
    const char* name = node.name();
    const char* colon = std::strchr(name, ':');
    const std::string_view local = colon == nullptr ? name : colon + 1;
    if (local == "title") {
      properties->title = CoreProperty(node);
    } else if (local == "creator") {
      properties->creator = CoreProperty(node);
    } else if (local == "lastModifiedBy") {
      properties->last_modified_by = CoreProperty(node);
    } else if (local == "created") {
      properties->created = CoreProperty(node);
    } else if (local == "modified") {
      properties->modified = CoreProperty(node);
    }
  }
}

// Most styles and list labels are empty: no call for them.
bool RepairText(std::string* text) { return !text->empty() && extract_internal::RepairUtf8(text); }

bool RepairBlocks(std::vector<Block>* blocks) {
  bool repaired = false;
  for (Block& block : *blocks) {
    Paragraph& paragraph = block.paragraph;
    repaired |= RepairText(&paragraph.text);
    repaired |= RepairText(&paragraph.style);
    repaired |= RepairText(&paragraph.list_label);
    for (Hyperlink& link : paragraph.links) {
      repaired |= RepairText(&link.text);
      repaired |= RepairText(&link.target);
    }
    for (TableRow& row : block.table.rows) {
      for (TableCell& cell : row.cells) repaired |= RepairBlocks(&cell.blocks);
    }
  }
  return repaired;
}

bool RepairDocument(Document* document) {
  bool repaired = RepairBlocks(&document->body);
  for (Note& note : document->notes) {
    repaired |= RepairText(&note.id);
    repaired |= RepairBlocks(&note.blocks);
  }
  for (std::optional<std::string>* value :
       {&document->properties.title, &document->properties.creator,
        &document->properties.last_modified_by, &document->properties.created,
        &document->properties.modified}) {
    if (value->has_value()) repaired |= RepairText(&**value);
  }
  return repaired;
}

const Relationship* FindRelationship(const std::vector<Relationship>& relationships,
                                     std::string_view type_suffix) {
  for (const Relationship& relationship : relationships) {
    if (!relationship.external && EndsWith(relationship.type, type_suffix)) return &relationship;
  }
  return nullptr;
}

// The main part declared in [Content_Types].xml, for packages whose
// _rels/.rels is missing or names none (some converters write such files).
// Leaves *name empty when there is none.
std::optional<Error> MainPartFromContentTypes(ZipPackage* package, std::string* name) {
  constexpr std::string_view kMainTypes[] = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
      "application/vnd.ms-word.document.macroEnabled.main+xml",
      "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"};
  std::unique_ptr<XmlPart> types;
  if (auto error = LoadXmlPart(package, "[Content_Types].xml", &types)) return error;
  if (types == nullptr) return std::nullopt;
  for (pugi::xml_node node : types->doc.document_element().children()) {
    const char* colon = std::strchr(node.name(), ':');
    if (std::string_view(colon == nullptr ? node.name() : colon + 1) != "Override") continue;
    const std::string_view type = node.attribute("ContentType").value();
    for (const std::string_view main_type : kMainTypes) {
      if (type == main_type) {
        *name = extract_internal::ResolveTarget("", node.attribute("PartName").value());
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

Error NotDocx(std::string_view why) {
  return Error{ErrorCode::kNotDocx,
               "a zip package but not a Word document: " + std::string(why) +
                   "; open it in the program that made it, or save it from Word as .docx"};
}

class DocxReader {
 public:
  DocxReader(ZipPackage* package, const ExtractOptions& options)
      : package_(package), options_(options) {}

  Result<Document> Read() {
    Document document;
    document.format = SourceFormat::kDocx;

    std::vector<Relationship> package_relationships;
    if (auto error = LoadRelationships(package_, "", &package_relationships)) return *error;
    const Relationship* main = FindRelationship(package_relationships, "/officeDocument");
    std::string main_name;
    if (main != nullptr) {
      main_name = main->target;
    } else if (auto error = MainPartFromContentTypes(package_, &main_name)) {
      return *error;
    }
    if (main_name.empty()) {
      return NotDocx("neither _rels/.rels nor [Content_Types].xml names a main document part");
    }
    std::unique_ptr<XmlPart> main_part;
    if (auto error = extract_internal::ReadXmlPart(package_, main_name, &main_part)) {
      return *error;
    }
    if (main_part == nullptr) return NotDocx("the main part " + main_name + " is missing");
    // The body is read from the bytes where the streaming reader can; the
    // tree is parsed only where it cannot. Errors come in the order they did
    // when the tree was always parsed first: the main part's own before
    // those of the parts it names.
    bool main_parsed = false;
    pugi::xml_node root;
    Prefixes prefixes;
    const auto parse_main = [&]() -> std::optional<Error> {
      if (main_parsed) return std::nullopt;
      main_parsed = true;
      if (auto error = extract_internal::ParseXmlPart(package_, main_part.get())) return error;
      root = main_part->doc.document_element();
      prefixes = DetectPrefixes(root);
      if (Local(root, prefixes.w) != "document") {
        return NotDocx("the main part " + main_name + " is <" + std::string(root.name()) +
                       ">, not a WordprocessingML <w:document>");
      }
      return std::nullopt;
    };
    // An error of a named part, unless the main part's own comes first.
    const auto after_main = [&](Error error) -> Error {
      if (auto main_error = parse_main()) return *main_error;
      return error;
    };
    if (options_.tree_reader_only) {
      if (auto error = parse_main()) return *error;
    }

    std::vector<Relationship> relationships;
    if (auto error = LoadRelationships(package_, main_name, &relationships)) {
      return after_main(*error);
    }
    std::unique_ptr<XmlPart> styles_part;
    std::unique_ptr<XmlPart> numbering_part;
    if (const Relationship* styles = FindRelationship(relationships, "/styles")) {
      // Word's latent styles (hundreds of them) say how its UI lists styles.
      if (auto error = LoadXmlPart(package_, styles->target, &styles_part, "latentStyles")) {
        return after_main(*error);
      }
    }
    if (const Relationship* numbering = FindRelationship(relationships, "/numbering")) {
      if (auto error = LoadXmlPart(package_, numbering->target, &numbering_part)) {
        return after_main(*error);
      }
    }
    styles_.Load(styles_part.get());
    numbering_.Load(numbering_part.get(), styles_);
    context_ = PackageContext{&options_, &styles_, &numbering_, &too_deep_, &paragraphs_, &limit_};

    if (main_parsed || !extract_internal::StreamBody(main_part->bytes.view(), context_,
                                                     relationships, &document.body)) {
      if (auto error = parse_main()) return *error;
      StoryReader body(context_, *main_part, relationships);
      body.ReadStory(Child(root, prefixes.w, "body"), &document.body);
      if (limit_) return *limit_;
    }

    if (auto error = ReadNotes(relationships, &document.notes)) return *error;
    if (limit_) return *limit_;

    if (const Relationship* core = FindRelationship(package_relationships, "/core-properties")) {
      std::unique_ptr<XmlPart> core_part;
      if (auto error = extract_internal::ReadXmlPart(package_, core->target, &core_part)) {
        return *error;
      }
      if (core_part != nullptr &&
          (options_.tree_reader_only ||
           !StreamCoreProperties(core_part->bytes.view(), &document.properties))) {
        if (auto error = extract_internal::ParseXmlPart(package_, core_part.get())) return *error;
        ReadCoreProperties(*core_part, &document.properties);
      }
    }

    if (too_deep_) {
      document.warnings.push_back(
          Warning{"nesting-too-deep", "the document nests its content more than " +
                                          std::to_string(kMaxNesting) +
                                          " levels deep; the deepest content was skipped"});
    }
    if (RepairDocument(&document)) {
      document.warnings.push_back(
          Warning{"invalid-utf8",
                  "the document contains bytes that are not valid UTF-8; they were replaced "
                  "with U+FFFD"});
    }
    return document;
  }

 private:
  // Headers and footers in relationship order, then footnotes, endnotes and
  // comments, each part read once.
  std::optional<Error> ReadNotes(const std::vector<Relationship>& relationships,
                                 std::vector<Note>* notes) {
    std::unordered_set<std::string> seen;
    for (const Relationship& relationship : relationships) {
      if (relationship.external) continue;
      const bool header = EndsWith(relationship.type, "/header");
      if (!header && !EndsWith(relationship.type, "/footer")) continue;
      if (!seen.insert(relationship.target).second) continue;
      const Note::Kind kind = header ? Note::Kind::kHeader : Note::Kind::kFooter;
      if (auto error = ReadNotePart(relationship.target, kind, notes)) return error;
    }
    constexpr struct {
      std::string_view type_suffix;
      Note::Kind kind;
    } kNoteParts[] = {{"/footnotes", Note::Kind::kFootnote},
                      {"/endnotes", Note::Kind::kEndnote},
                      {"/comments", Note::Kind::kComment}};
    for (const auto& note_part : kNoteParts) {
      const Relationship* relationship = FindRelationship(relationships, note_part.type_suffix);
      if (relationship == nullptr || !seen.insert(relationship->target).second) continue;
      if (auto error = ReadNotePart(relationship->target, note_part.kind, notes)) return error;
    }
    return std::nullopt;
  }

  std::optional<Error> ReadNotePart(const std::string& name, Note::Kind kind,
                                    std::vector<Note>* notes) {
    std::unique_ptr<XmlPart> part;
    if (auto error = LoadXmlPart(package_, name, &part)) return error;
    if (part == nullptr) return std::nullopt;
    std::vector<Relationship> relationships;
    if (auto error = LoadRelationships(package_, name, &relationships)) return error;
    StoryReader reader(context_, *part, relationships);
    const pugi::xml_node root = part->doc.document_element();
    if (kind == Note::Kind::kHeader || kind == Note::Kind::kFooter) {
      Note note;
      note.kind = kind;
      note.id = name;
      reader.ReadStory(root, &note.blocks);
      notes->push_back(std::move(note));
      return limit_;
    }
    const Prefixes prefixes = DetectPrefixes(root);
    const std::string_view w = prefixes.w;
    for (pugi::xml_node child : root.children()) {
      const std::string_view local = Local(child, w);
      if (local != "footnote" && local != "endnote" && local != "comment") continue;
      const std::string_view type = Attr(child, w, "type").value();
      // Separators are the rule lines Word draws above notes, not notes.
      if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
        continue;
      }
      Note note;
      note.kind = kind;
      note.id = Attr(child, w, "id").value();
      reader.ReadStory(child, &note.blocks);
      notes->push_back(std::move(note));
      if (limit_) return limit_;
    }
    return std::nullopt;
  }

  ZipPackage* package_;
  const ExtractOptions& options_;
  StyleSheet styles_;
  extract_internal::Numbering numbering_;
  PackageContext context_{};
  bool too_deep_ = false;
  std::uint64_t paragraphs_ = 0;
  std::optional<Error> limit_;
};

}  // namespace

Result<Document> ExtractDocx(std::string_view docx_bytes, const ExtractOptions& options) {
  Result<std::unique_ptr<ZipPackage>> package = ZipPackage::Open(docx_bytes, options);
  if (!package.ok()) return package.error();
  DocxReader reader(package->get(), options);
  return reader.Read();
}

}  // namespace missive
