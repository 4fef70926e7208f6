#include "extract/wordml.h"

#include <array>
#include <utility>

namespace missive::extract_internal {
namespace {

struct KnownNamespace {
  std::string_view uri;
  std::string Prefixes::*prefix;
};

constexpr std::array<KnownNamespace, 8> kKnown = {{
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", &Prefixes::w},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", &Prefixes::w},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", &Prefixes::r},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", &Prefixes::r},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", &Prefixes::mc},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", &Prefixes::m},
    {"http://purl.oclc.org/ooxml/officeDocument/math", &Prefixes::m},
    {"", nullptr},
}};

constexpr std::array<std::string_view, 3> kUnderstoodNamespaces = {
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",  // wps
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",  // wpg
    "http://schemas.microsoft.com/office/word/2010/wordml",               // w14
};

struct SymbolEntry {
  unsigned char code;
  char32_t plain;
};

// The Symbol font's characters that have one obvious Unicode equivalent.
constexpr SymbolEntry kSymbolFont[] = {
    {0x22, U'\u2200'}, {0x24, U'\u2203'}, {0x27, U'\u220B'}, {0x2A, U'\u2217'}, {0x2D, U'\u2212'},
    {0x40, U'\u2245'}, {0x41, U'\u0391'}, {0x42, U'\u0392'}, {0x43, U'\u03A7'}, {0x44, U'\u0394'},
    {0x45, U'\u0395'}, {0x46, U'\u03A6'}, {0x47, U'\u0393'}, {0x48, U'\u0397'}, {0x49, U'\u0399'},
    {0x4B, U'\u039A'}, {0x4C, U'\u039B'}, {0x4D, U'\u039C'}, {0x4E, U'\u039D'}, {0x4F, U'\u039F'},
    {0x50, U'\u03A0'}, {0x51, U'\u0398'}, {0x52, U'\u03A1'}, {0x53, U'\u03A3'}, {0x54, U'\u03A4'},
    {0x55, U'\u03A5'}, {0x57, U'\u03A9'}, {0x58, U'\u039E'}, {0x59, U'\u03A8'}, {0x5A, U'\u0396'},
    {0x5C, U'\u2234'}, {0x5E, U'\u22A5'}, {0x61, U'\u03B1'}, {0x62, U'\u03B2'}, {0x63, U'\u03C7'},
    {0x64, U'\u03B4'}, {0x65, U'\u03B5'}, {0x66, U'\u03C6'}, {0x67, U'\u03B3'}, {0x68, U'\u03B7'},
    {0x69, U'\u03B9'}, {0x6B, U'\u03BA'}, {0x6C, U'\u03BB'}, {0x6D, U'\u03BC'}, {0x6E, U'\u03BD'},
    {0x6F, U'\u03BF'}, {0x70, U'\u03C0'}, {0x71, U'\u03B8'}, {0x72, U'\u03C1'}, {0x73, U'\u03C3'},
    {0x74, U'\u03C4'}, {0x75, U'\u03C5'}, {0x77, U'\u03C9'}, {0x78, U'\u03BE'}, {0x79, U'\u03C8'},
    {0x7A, U'\u03B6'}, {0x7E, U'\u223C'}, {0xA3, U'\u2264'}, {0xA5, U'\u221E'}, {0xAB, U'\u2194'},
    {0xAC, U'\u2190'}, {0xAD, U'\u2191'}, {0xAE, U'\u2192'}, {0xAF, U'\u2193'}, {0xB0, U'\u00B0'},
    {0xB1, U'\u00B1'}, {0xB3, U'\u2265'}, {0xB4, U'\u00D7'}, {0xB5, U'\u221D'}, {0xB6, U'\u2202'},
    {0xB7, U'\u2022'}, {0xB8, U'\u00F7'}, {0xB9, U'\u2260'}, {0xBA, U'\u2261'}, {0xBB, U'\u2248'},
    {0xBC, U'\u2026'}, {0xC5, U'\u2295'}, {0xC6, U'\u2205'}, {0xC7, U'\u2229'}, {0xC8, U'\u222A'},
    {0xD2, U'\u00AE'}, {0xD3, U'\u00A9'}, {0xD4, U'\u2122'}, {0xE2, U'\u00AE'}, {0xE3, U'\u00A9'},
    {0xE4, U'\u2122'}, {0xA2, U'\u2032'}, {0xB2, U'\u2033'}, {0xCE, U'\u2208'}, {0xCF, U'\u2209'},
    {0xD0, U'\u2220'}, {0xD6, U'\u221A'}, {0xD7, U'\u22C5'}, {0xD8, U'\u00AC'}, {0xD9, U'\u2227'},
    {0xDA, U'\u2228'}, {0xDB, U'\u21D4'}, {0xDE, U'\u21D2'}, {0xE0, U'\u25CA'}, {0xE5, U'\u2211'},
    {0xF2, U'\u222B'},
};

// Wingdings characters commonly used as bullets and check marks.
constexpr SymbolEntry kWingdingsFont[] = {
    {0x9F, U'\u2022'}, {0xA7, U'\u25AA'}, {0xA8, U'\u25FB'}, {0x6C, U'\u25CF'},
    {0x6E, U'\u25A0'}, {0x71, U'\u2751'}, {0x75, U'\u25C6'}, {0x76, U'\u2756'},
    {0xD8, U'\u27A2'}, {0xE0, U'\u2192'}, {0xE8, U'\u2794'}, {0xF0, U'\u21E8'},
    {0xFB, U'\u2717'}, {0xFC, U'\u2713'}, {0xFD, U'\u2612'}, {0xFE, U'\u2611'},
};

// Fonts whose glyphs are pictures, not letters: their codes have no Latin-1 reading.
bool IsSymbolFont(std::string_view font) {
  constexpr std::string_view kSymbolFonts[] = {
      "Symbol", "Wingdings", "Webdings", "MT Extra", "ZapfDingbats", "Marlett", "Bookshelf Symbol"};
  for (const std::string_view symbol_font : kSymbolFonts) {
    if (font.size() >= symbol_font.size() &&
        EqualsIgnoreCase(font.substr(0, symbol_font.size()), symbol_font)) {
      return true;
    }
  }
  return false;
}

template <std::size_t N>
char32_t Lookup(const SymbolEntry (&table)[N], unsigned char code, char32_t fallback) {
  for (const SymbolEntry& entry : table) {
    if (entry.code == code) return entry.plain;
  }
  return fallback;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

void NotePrefix(std::string_view attribute_name, std::string_view uri, Prefixes* prefixes) {
  std::string prefix;
  if (attribute_name == "xmlns") {
    prefix = "";
  } else if (attribute_name.substr(0, 6) == "xmlns:") {
    prefix.assign(attribute_name.substr(6)).push_back(':');
  } else {
    return;
  }
  for (const KnownNamespace& known : kKnown) {
    if (known.prefix != nullptr && known.uri == uri) (*prefixes).*known.prefix = prefix;
  }
}

Prefixes DetectPrefixes(pugi::xml_node root) {
  Prefixes prefixes;
  for (pugi::xml_attribute attribute : root.attributes()) {
    NotePrefix(attribute.name(), attribute.value(), &prefixes);
  }
  return prefixes;
}

bool IsOn(pugi::xml_node property, std::string_view prefix) {
  if (!property) return false;
  const pugi::xml_attribute value = Attr(property, prefix, "val");
  if (!value) return true;
  const std::string_view text = value.value();
  return !(text == "0" || text == "false" || text == "off");
}

std::string_view NamespaceOf(pugi::xml_node node, std::string_view prefix) {
  const std::string name = "xmlns:" + std::string(prefix);
  for (; node; node = node.parent()) {
    if (const pugi::xml_attribute declaration = node.attribute(name.c_str())) {
      return declaration.value();
    }
  }
  return {};
}

bool UnderstandsPrefix(std::string_view prefix, std::string_view uri) {
  // An undeclared prefix: trust the conventional names.
  if (uri.empty()) return prefix == "wps" || prefix == "wpg" || prefix == "w14";
  for (const std::string_view known : kUnderstoodNamespaces) {
    if (uri == known) return true;
  }
  return false;
}

bool UnderstandsRequires(pugi::xml_node choice, std::string_view requires_value) {
  return UnderstandsEachPrefix(
             requires_value,
             [&](std::string_view prefix) {
               return std::optional<std::string_view>(NamespaceOf(choice, prefix));
             })
      .value_or(false);
}

pugi::xml_node ChooseAlternate(pugi::xml_node alternate, std::string_view mc_prefix) {
  for (pugi::xml_node branch : alternate.children()) {
    const std::string_view local = Local(branch, mc_prefix);
    if (local == "Choice") {
      if (UnderstandsRequires(branch, branch.attribute("Requires").value())) return branch;
    } else if (local == "Fallback") {
      return branch;
    }
  }
  return {};
}

char32_t MapSymbolChar(char32_t code_point, std::string_view font) {
  // Symbol fonts are addressed either through U+F0xx or directly by byte.
  const bool private_use = code_point >= 0xF020 && code_point <= 0xF0FF;
  if (!private_use && code_point > 0xFF) return code_point;
  const auto code = static_cast<unsigned char>(code_point & 0xFF);
  if (EqualsIgnoreCase(font, "Symbol")) return Lookup(kSymbolFont, code, code_point);
  if (EqualsIgnoreCase(font, "Wingdings")) return Lookup(kWingdingsFont, code, code_point);
  if (private_use && !font.empty() && !IsSymbolFont(font)) {
    // A text font addressed through the symbol range: the low byte is Latin-1.
    return code;
  }
  return code_point;
}

}  // namespace missive::extract_internal
