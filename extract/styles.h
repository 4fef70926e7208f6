// styles.xml and numbering.xml: paragraph style names, heading levels and
// automatic list labels. Private to extract/.
//
// All string_views point into the parsed parts, which must outlive these.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/package.h"

namespace missive::extract_internal {

// A w:numPr: which list (w:numId) and level (w:ilvl) a paragraph is in.
struct NumberingReference {
  std::optional<std::string_view> num_id;
  std::optional<int> level;
};

struct ParagraphStyle {
  std::string_view id;
  std::string_view name;      // w:name, the name Word shows ("heading 1")
  std::string_view based_on;  // w:basedOn style id, "" when none
  int outline_level = -1;     // w:outlineLvl (0-based; 9 is body text), -1 when unset
  NumberingReference numbering;
};

class StyleSheet {
 public:
  // Reads the paragraph and numbering styles of `part`, which may be null.
  void Load(const XmlPart* part);

  // The style with id `id`, or nullptr.
  const ParagraphStyle* Find(std::string_view id) const;
  // The style Word applies to a paragraph without w:pStyle (w:default, else
  // the style named "Normal"), or nullptr.
  const ParagraphStyle* default_paragraph() const { return default_paragraph_; }

  // Heading level 1..9 from the first style along the w:basedOn chain that
  // sets w:outlineLvl or has a built-in "heading N" name; 0 for body text.
  int HeadingLevel(const ParagraphStyle* style) const;
  // The w:numId and w:ilvl nearest along the w:basedOn chain.
  NumberingReference Numbering(const ParagraphStyle* style) const;

 private:
  std::unordered_map<std::string_view, ParagraphStyle> styles_;
  const ParagraphStyle* default_paragraph_ = nullptr;
};

// One list level of numbering.xml (w:lvl).
struct ListLevel {
  int start = 0;                        // w:start; ECMA-376 says 0 when absent
  std::string_view format = "decimal";  // w:numFmt
  std::string_view text;                // w:lvlText ("%1.%2", "•")
  int restart = -1;                     // w:lvlRestart, -1 when absent
  bool legal = false;                   // w:isLgl: show every level as decimal
  std::string_view font;                // w:rPr/w:rFonts, for symbol bullets
  std::string_view style;               // w:pStyle tying a paragraph style to the level
  int zero_pad = 0;                     // width of a w14 "custom" format such as "001, 002, ..."
};

// Running counters of one list, as Word keeps them while laying out a story.
struct ListCounters {
  std::array<int, 9> value{};
  std::array<bool, 9> started{};
};

// Counter state for one story (the body, a header, the notes).
struct NumberingState {
  std::unordered_map<std::string_view, ListCounters> by_abstract;
  std::unordered_map<std::string_view, ListCounters> by_num;
};

class Numbering {
 public:
  // Reads `part` (may be null); `styles` resolves w:numStyleLink.
  void Load(const XmlPart* part, const StyleSheet& styles);

  // The level of list `num_id` that the paragraph style `style_id` is tied
  // to through w:lvl/w:pStyle, or nullopt.
  std::optional<int> LevelForStyle(std::string_view num_id, std::string_view style_id) const;

  // Advances the counters for a paragraph at `level` of list `num_id` and
  // returns its rendered label; nullopt when the list does not exist.
  std::optional<std::string> Next(std::string_view num_id, int level, NumberingState* state) const;

 private:
  struct Abstract {
    std::string_view id;
    std::array<ListLevel, 9> levels;
    std::string_view style_link;      // w:styleLink: this list defines a numbering style
    std::string_view num_style_link;  // w:numStyleLink: this list uses one
  };
  struct Num {
    std::string_view id;
    std::string_view abstract_id;
    std::array<std::optional<int>, 9> start_override;
    std::array<std::optional<ListLevel>, 9> level_override;
    bool restarts = false;               // any w:lvlOverride: Word numbers this list on its own
    const Abstract* abstract = nullptr;  // resolved once w:numStyleLink is followed
  };

  const Abstract* ResolveAbstract(const Num& num) const;

  const StyleSheet* styles_ = nullptr;
  std::unordered_map<std::string_view, Abstract> abstracts_;
  std::unordered_map<std::string_view, Num> nums_;
};

// `value` written in the w:numFmt `format` ("lowerRoman" 4 -> "iv"). Formats
// without a rendering here fall back to decimal.
std::string FormatListNumber(int value, std::string_view format, int zero_pad = 0);

}  // namespace missive::extract_internal
