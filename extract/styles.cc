#include "extract/styles.h"

#include <algorithm>
#include <climits>

#include "extract/utf8.h"
#include "extract/wordml.h"

namespace missive::extract_internal {
namespace {

// Guards every w:basedOn and w:numStyleLink walk against cycles.
constexpr int kMaxChain = 32;

std::string_view Val(pugi::xml_node node, std::string_view w) {
  return Attr(node, w, "val").value();
}

NumberingReference ReadNumPr(pugi::xml_node num_pr, std::string_view w) {
  NumberingReference reference;
  if (!num_pr) return reference;
  if (const pugi::xml_node num_id = Child(num_pr, w, "numId")) reference.num_id = Val(num_id, w);
  if (const pugi::xml_node ilvl = Child(num_pr, w, "ilvl"))
    reference.level = ParseInt(Val(ilvl, w));
  return reference;
}

// "heading 3" (any case) -> 3; Word's built-in heading names.
int BuiltInHeadingLevel(std::string_view name) {
  constexpr std::string_view kHeading = "heading ";
  if (name.size() != kHeading.size() + 1) return 0;
  for (std::size_t i = 0; i < kHeading.size(); ++i) {
    const char c = name[i];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != kHeading[i]) return 0;
  }
  const char digit = name.back();
  return digit >= '1' && digit <= '9' ? digit - '0' : 0;
}

ListLevel ReadLevel(pugi::xml_node lvl, const Prefixes& prefixes) {
  const std::string_view w = prefixes.w;
  ListLevel level;
  for (pugi::xml_node child : lvl.children()) {
    std::string_view local = Local(child, w);
    if (Local(child, prefixes.mc) == "AlternateContent") {
      // Word 2010 writes custom formats as a choice with a plain fallback.
      child = Child(ChooseAlternate(child, prefixes.mc), w, "numFmt");
      local = child ? "numFmt" : "";
    }
    if (local == "start") {
      level.start = ParseInt(Val(child, w)).value_or(0);
    } else if (local == "numFmt") {
      level.format = Val(child, w);
      if (level.format == "custom") {
        // "001, 002, 003, ..." -> zero-padded decimal of that width.
        const std::string_view custom = Attr(child, w, "format").value();
        const std::size_t width = std::min(custom.find_first_not_of("0123456789"), custom.size());
        if (width > 1 && width < 10 && custom.front() == '0') {
          level.zero_pad = static_cast<int>(width);
        }
        level.format = "decimal";
      }
    } else if (local == "lvlText") {
      level.text = Val(child, w);
    } else if (local == "lvlRestart") {
      level.restart = ParseInt(Val(child, w)).value_or(-1);
    } else if (local == "isLgl") {
      level.legal = IsOn(child, w);
    } else if (local == "pStyle") {
      level.style = Val(child, w);
    } else if (local == "rPr") {
      if (const pugi::xml_node fonts = Child(child, w, "rFonts")) {
        level.font = Attr(fonts, w, "ascii").value();
        if (level.font.empty()) level.font = Attr(fonts, w, "hAnsi").value();
      }
    }
  }
  return level;
}

void AppendRoman(int value, bool upper, std::string* out) {
  constexpr struct {
    int value;
    const char* lower;
    const char* upper;
  } kNumerals[] = {{1000, "m", "M"}, {900, "cm", "CM"}, {500, "d", "D"}, {400, "cd", "CD"},
                   {100, "c", "C"},  {90, "xc", "XC"},  {50, "l", "L"},  {40, "xl", "XL"},
                   {10, "x", "X"},   {9, "ix", "IX"},   {5, "v", "V"},   {4, "iv", "IV"},
                   {1, "i", "I"}};
  for (const auto& numeral : kNumerals) {
    while (value >= numeral.value) {
      out->append(upper ? numeral.upper : numeral.lower);
      value -= numeral.value;
    }
  }
}

// Word's letter numbering repeats the letter: 27 -> "aa", 28 -> "bb".
void AppendLetters(int value, bool upper, std::string* out) {
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  out->append(static_cast<std::size_t>((value - 1) / 26 + 1), letter);
}

// Chinese reading of 1..9999 with 十百千 and 零 for gaps: 105 -> 一百零五.
// `digits` holds 零 and 一..九, `units` 十百千, each as UTF-8 strings.
void AppendChineseBelow10000(int value, const std::array<std::string_view, 10>& digits,
                             const std::array<std::string_view, 3>& units, bool short_ten,
                             std::string* out) {
  const int places[4] = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
  bool started = false;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    const int digit = places[i];
    if (digit == 0) {
      pending_zero = started;
      continue;
    }
    if (pending_zero) out->append(digits[0]);
    pending_zero = false;
    // 十一 rather than 一十一 when the number starts with the tens.
    if (!(short_ten && !started && i == 2 && digit == 1)) out->append(digits[digit]);
    if (i < 3) out->append(units[2 - i]);
    started = true;
  }
}

void AppendChinese(int value, const std::array<std::string_view, 10>& digits,
                   const std::array<std::string_view, 3>& units, std::string_view ten_thousand,
                   std::string* out) {
  if (value == 0) {
    out->append(digits[0]);
    return;
  }
  if (value >= 10000) {
    AppendChineseBelow10000(value / 10000 % 10000, digits, units, true, out);
    out->append(ten_thousand);
    const int rest = value % 10000;
    if (rest == 0) return;
    if (rest < 1000) out->append(digits[0]);
    AppendChineseBelow10000(rest, digits, units, false, out);
    return;
  }
  AppendChineseBelow10000(value, digits, units, true, out);
}

void AppendFromTable(int value, char32_t first, int count, std::string* out) {
  if (value >= 1 && value <= count) {
    AppendUtf8(first + static_cast<char32_t>(value - 1), out);
  } else {
    out->append(std::to_string(value));
  }
}

constexpr std::array<std::string_view, 10> kChineseDigits = {"〇", "一", "二", "三", "四",
                                                             "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kChineseDigitsZero = {"零", "一", "二", "三", "四",
                                                                 "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 3> kChineseUnits = {"十", "百", "千"};
constexpr std::array<std::string_view, 10> kChineseLegalDigits = {"零", "壹", "贰", "叁", "肆",
                                                                  "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 3> kChineseLegalUnits = {"拾", "佰", "仟"};
constexpr std::array<std::string_view, 10> kHeavenlyStems = {"甲", "乙", "丙", "丁", "戊",
                                                             "己", "庚", "辛", "壬", "癸"};
constexpr std::array<std::string_view, 12> kEarthlyBranches = {"子", "丑", "寅", "卯", "辰", "巳",
                                                               "午", "未", "申", "酉", "戌", "亥"};

}  // namespace

void StyleSheet::Load(const XmlPart* part) {
  styles_.clear();
  default_paragraph_ = nullptr;
  if (part == nullptr) return;
  const pugi::xml_node root = part->doc.document_element();
  const Prefixes prefixes = DetectPrefixes(root);
  const std::string_view w = prefixes.w;
  std::string_view default_id;
  std::string_view fallback_id;
  for (pugi::xml_node node : root.children()) {
    if (Local(node, w) != "style") continue;
    const std::string_view type = Attr(node, w, "type").value();
    if (type != "paragraph" && type != "numbering") continue;
    ParagraphStyle style;
    style.id = Attr(node, w, "styleId").value();
    for (pugi::xml_node child : node.children()) {
      const std::string_view local = Local(child, w);
      if (local == "name") {
        style.name = Val(child, w);
      } else if (local == "basedOn") {
        style.based_on = Val(child, w);
      } else if (local == "pPr") {
        if (const pugi::xml_node outline = Child(child, w, "outlineLvl")) {
          style.outline_level = ParseInt(Val(outline, w)).value_or(-1);
        }
        style.numbering = ReadNumPr(Child(child, w, "numPr"), w);
      }
    }
    const std::string_view is_default = Attr(node, w, "default").value();
    if (type == "paragraph" && (is_default == "1" || is_default == "true") && default_id.empty()) {
      default_id = style.id;
    }
    // LibreOffice marks no style w:default; Word then still applies its
    // built-in "Normal" to paragraphs without w:pStyle.
    if (type == "paragraph" && style.name == "Normal" && fallback_id.empty()) {
      fallback_id = style.id;
    }
    styles_.emplace(style.id, style);
  }
  if (default_id.empty()) default_id = fallback_id;
  if (!default_id.empty()) default_paragraph_ = Find(default_id);
}

const ParagraphStyle* StyleSheet::Find(std::string_view id) const {
  const auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int StyleSheet::HeadingLevel(const ParagraphStyle* style) const {
  for (int depth = 0; style != nullptr && depth < kMaxChain; ++depth) {
    if (style->outline_level >= 0) {
      return style->outline_level < 9 ? style->outline_level + 1 : 0;
    }
    if (const int level = BuiltInHeadingLevel(style->name)) return level;
    if (style->based_on.empty()) break;
    style = Find(style->based_on);
  }
  return 0;
}

NumberingReference StyleSheet::Numbering(const ParagraphStyle* style) const {
  // w:numId and w:ilvl inherit separately: a style may set only the level.
  NumberingReference merged;
  for (int depth = 0; style != nullptr && depth < kMaxChain; ++depth) {
    if (!merged.num_id) merged.num_id = style->numbering.num_id;
    if (!merged.level) merged.level = style->numbering.level;
    if ((merged.num_id && merged.level) || style->based_on.empty()) break;
    style = Find(style->based_on);
  }
  return merged;
}

void Numbering::Load(const XmlPart* part, const StyleSheet& styles) {
  styles_ = &styles;
  abstracts_.clear();
  nums_.clear();
  if (part == nullptr) return;
  const pugi::xml_node root = part->doc.document_element();
  const Prefixes prefixes = DetectPrefixes(root);
  const std::string_view w = prefixes.w;
  for (pugi::xml_node node : root.children()) {
    const std::string_view local = Local(node, w);
    if (local == "abstractNum") {
      Abstract abstract;
      abstract.id = Attr(node, w, "abstractNumId").value();
      for (pugi::xml_node child : node.children()) {
        const std::string_view child_local = Local(child, w);
        if (child_local == "lvl") {
          const std::optional<int> ilvl = ParseInt(Attr(child, w, "ilvl").value());
          if (ilvl && *ilvl >= 0 && *ilvl < 9) abstract.levels[*ilvl] = ReadLevel(child, prefixes);
        } else if (child_local == "styleLink") {
          abstract.style_link = Val(child, w);
        } else if (child_local == "numStyleLink") {
          abstract.num_style_link = Val(child, w);
        }
      }
      abstracts_.emplace(abstract.id, abstract);
    } else if (local == "num") {
      Num num;
      num.id = Attr(node, w, "numId").value();
      for (pugi::xml_node child : node.children()) {
        const std::string_view child_local = Local(child, w);
        if (child_local == "abstractNumId") {
          num.abstract_id = Val(child, w);
        } else if (child_local == "lvlOverride") {
          const std::optional<int> ilvl = ParseInt(Attr(child, w, "ilvl").value());
          if (!ilvl || *ilvl < 0 || *ilvl >= 9) continue;
          if (const pugi::xml_node start = Child(child, w, "startOverride")) {
            num.start_override[*ilvl] = ParseInt(Val(start, w));
            num.restarts = true;
          }
          if (const pugi::xml_node lvl = Child(child, w, "lvl")) {
            num.level_override[*ilvl] = ReadLevel(lvl, prefixes);
            num.restarts = true;
          }
        }
      }
      nums_.emplace(num.id, num);
    }
  }
  for (auto& [id, num] : nums_) num.abstract = ResolveAbstract(num);
}

const Numbering::Abstract* Numbering::ResolveAbstract(const Num& num) const {
  auto it = abstracts_.find(num.abstract_id);
  if (it == abstracts_.end()) return nullptr;
  const Abstract* abstract = &it->second;
  // A list that uses a numbering style takes its levels from the list that
  // defines the style: the abstractNum with the matching w:styleLink, or the
  // one the style's own w:numPr points at.
  for (int depth = 0; !abstract->num_style_link.empty() && depth < kMaxChain; ++depth) {
    const std::string_view link = abstract->num_style_link;
    const Abstract* next = nullptr;
    for (const auto& [other_id, other] : abstracts_) {
      if (other.style_link == link) next = &other;
    }
    if (next == nullptr && styles_ != nullptr) {
      const ParagraphStyle* style = styles_->Find(link);
      if (style != nullptr && style->numbering.num_id) {
        const auto linked_num = nums_.find(*style->numbering.num_id);
        if (linked_num != nums_.end()) {
          const auto linked = abstracts_.find(linked_num->second.abstract_id);
          if (linked != abstracts_.end() && &linked->second != abstract) next = &linked->second;
        }
      }
    }
    if (next == nullptr) break;
    abstract = next;
  }
  return abstract;
}

std::optional<int> Numbering::LevelForStyle(std::string_view num_id,
                                            std::string_view style_id) const {
  const auto it = nums_.find(num_id);
  if (it == nums_.end() || it->second.abstract == nullptr) return std::nullopt;
  for (int i = 0; i < 9; ++i) {
    const ListLevel& level = it->second.level_override[i] ? *it->second.level_override[i]
                                                          : it->second.abstract->levels[i];
    if (!level.style.empty() && level.style == style_id) return i;
  }
  return std::nullopt;
}

std::optional<std::string> Numbering::Next(std::string_view num_id, int level,
                                           NumberingState* state) const {
  const auto it = nums_.find(num_id);
  if (it == nums_.end() || it->second.abstract == nullptr) return std::nullopt;
  const Num& num = it->second;
  if (level < 0 || level > 8) level = 0;
  const auto definition = [&](int i) -> const ListLevel& {
    return num.level_override[i] ? *num.level_override[i] : num.abstract->levels[i];
  };
  const auto start = [&](int i) {
    return num.start_override[i] ? *num.start_override[i] : definition(i).start;
  };

  // Lists sharing an abstractNum continue each other's numbering; a list
  // with overrides ("restart numbering" in Word) counts on its own.
  ListCounters& counters =
      num.restarts ? state->by_num[num.id] : state->by_abstract[num.abstract->id];
  if (counters.started[level]) {
    if (counters.value[level] < INT_MAX) ++counters.value[level];
  } else {
    counters.value[level] = start(level);
    counters.started[level] = true;
  }
  for (int deeper = level + 1; deeper < 9; ++deeper) {
    // w:lvlRestart N: restart only after levels 1..N (1-based); 0: never.
    const int restart = definition(deeper).restart;
    if (restart < 0 || (restart > 0 && level < restart)) counters.started[deeper] = false;
  }

  const ListLevel& current = definition(level);
  std::string label;
  if (current.format == "bullet") {
    // Bullets are characters, usually from a symbol font.
    for (std::size_t i = 0; i < current.text.size();) {
      AppendUtf8(MapSymbolChar(DecodeUtf8(current.text, &i), current.font), &label);
    }
    return label;
  }
  const std::string_view text = current.text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int shown = text[i + 1] - '1';
      ++i;
      const ListLevel& shown_definition = definition(shown);
      const int value = counters.started[shown] ? counters.value[shown] : start(shown);
      if (shown_definition.format == "none") continue;
      const std::string_view format = current.legal ? "decimal" : shown_definition.format;
      label.append(FormatListNumber(value, format, shown_definition.zero_pad));
      continue;
    }
    label.push_back(text[i]);
  }
  return label;
}

std::string FormatListNumber(int value, std::string_view format, int zero_pad) {
  std::string out;
  if (format == "none" || format == "bullet") return out;
  if (value < 0) return std::to_string(value);
  if (format == "decimalZero") zero_pad = 2;
  // Past these bounds the letter and Roman forms grow without limit; Word
  // itself stops well before, so show such numbers in decimal.
  constexpr int kMaxRoman = 3999;
  constexpr int kMaxLetters = 780;
  constexpr int kMaxChinese = 99999999;
  if (format == "lowerRoman" || format == "upperRoman") {
    if (value == 0 || value > kMaxRoman) return std::to_string(value);
    AppendRoman(value, format == "upperRoman", &out);
  } else if (format == "lowerLetter" || format == "upperLetter") {
    if (value == 0 || value > kMaxLetters) return std::to_string(value);
    AppendLetters(value, format == "upperLetter", &out);
  } else if (format == "chineseCounting" || format == "chineseCountingThousand" ||
             format == "japaneseCounting" || format == "taiwaneseCounting" ||
             format == "taiwaneseCountingThousand" || format == "koreanCounting") {
    // LibreOffice writes its "一, 二, 三, ..." lists as taiwaneseCountingThousand.
    if (value > kMaxChinese) return std::to_string(value);
    AppendChinese(value, format == "chineseCounting" ? kChineseDigits : kChineseDigitsZero,
                  kChineseUnits, "万", &out);
  } else if (format == "chineseLegalSimplified") {
    if (value > kMaxChinese) return std::to_string(value);
    AppendChinese(value, kChineseLegalDigits, kChineseLegalUnits, "万", &out);
  } else if (format == "ideographDigital" || format == "taiwaneseDigital" ||
             format == "japaneseDigitalTenThousand") {
    for (const char digit : std::to_string(value)) out.append(kChineseDigits[digit - '0']);
  } else if (format == "ideographTraditional") {
    if (value == 0) return "0";
    out.append(kHeavenlyStems[(value - 1) % 10]);
  } else if (format == "ideographZodiac") {
    if (value == 0) return "0";
    out.append(kEarthlyBranches[(value - 1) % 12]);
  } else if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") {
    AppendFromTable(value, U'\u2460', 20, &out);  // ①..⑳
  } else if (format == "ideographEnclosedCircle") {
    AppendFromTable(value, U'\u3280', 10, &out);  // ㊀..㊉
  } else if (format == "decimalEnclosedParen") {
    AppendFromTable(value, U'\u2474', 20, &out);  // ⑴..⒇
  } else if (format == "decimalEnclosedFullstop") {
    AppendFromTable(value, U'\u2488', 20, &out);  // ⒈..⒛
  } else if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    for (const char digit : std::to_string(value)) AppendUtf8(U'\uFF10' + (digit - '0'), &out);
  } else if (format == "ordinal") {
    const int tens = value % 100;
    const int ones = value % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : ones == 1                ? "st"
                         : ones == 2                ? "nd"
                         : ones == 3                ? "rd"
                                                    : "th";
    out = std::to_string(value) + suffix;
  } else {
    out = std::to_string(value);
    if (static_cast<int>(out.size()) < zero_pad) {
      out.insert(0, static_cast<std::size_t>(zero_pad) - out.size(), '0');
    }
  }
  return out;
}

}  // namespace missive::extract_internal
