// Names and small lookups for WordprocessingML elements. Private to extract/.
//
// Elements are matched by name, not by namespace-aware lookup: pugixml keeps
// names as written, so each part's prefixes are read once from its root and
// then compared as plain strings on the hot path.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace missive::extract_internal {

// The prefixes (with their colon, e.g. "w:") that one part uses for the
// namespaces the reader understands; "" for a default namespace.
struct Prefixes {
  std::string w = "w:";
  std::string r = "r:";
  std::string mc = "mc:";
  std::string m = "m:";
};

// Reads the prefixes declared on `root`, keeping the conventional ones for
// namespaces it does not declare. Transitional and Strict URIs both count.
Prefixes DetectPrefixes(pugi::xml_node root);

// DetectPrefixes for one attribute of the root: a namespace declaration
// ("xmlns", "xmlns:w") of a known URI sets that namespace's prefix.
void NotePrefix(std::string_view attribute_name, std::string_view uri, Prefixes* prefixes);

// Whether NUL-terminated `name` starts with `prefix`. Prefixes are a few
// bytes ("w:"): an inline loop beats a call to strncmp. A shorter `name`
// fails at its NUL, which no prefix holds.
inline bool HasPrefix(const char* name, std::string_view prefix) {
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (name[i] != prefix[i]) return false;
  }
  return true;
}

// Whether NUL-terminated `local` is exactly `candidate`, without measuring it.
inline bool IsLocalName(const char* local, std::string_view candidate) {
  return HasPrefix(local, candidate) && local[candidate.size()] == '\0';
}

// The local part of `name` when it is written with `prefix`, else "".
inline std::string_view LocalName(const char* name, std::string_view prefix) {
  if (prefix.empty()) return std::strchr(name, ':') == nullptr ? name : std::string_view();
  if (!HasPrefix(name, prefix)) return {};
  return name + prefix.size();
}

// Whether LocalName(name, prefix) == local, without measuring `name`: the
// hot path of the walk, where strlen cost more than the comparison.
inline bool NameIs(const char* name, std::string_view prefix, std::string_view local) {
  // A local name never holds ':', so a match with an empty prefix has none either.
  if (local.empty() || local.find(':') != std::string_view::npos) {
    return LocalName(name, prefix) == local;
  }
  if (!HasPrefix(name, prefix)) return false;
  name += prefix.size();
  return HasPrefix(name, local) && name[local.size()] == '\0';
}

inline std::string_view Local(pugi::xml_node node, std::string_view prefix) {
  return LocalName(node.name(), prefix);
}

// Attribute `prefix``local` of `node`, or an empty attribute.
inline pugi::xml_attribute Attr(pugi::xml_node node, std::string_view prefix,
                                std::string_view local) {
  for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    if (NameIs(attribute.name(), prefix, local)) return attribute;
  }
  return {};
}

// The first child element `prefix``local` of `node`, or an empty node.
inline pugi::xml_node Child(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (NameIs(child.name(), prefix, local)) return child;
  }
  return {};
}

// Child(node, prefix, locals[i]) for every i, in one pass over the children
// (properties such as w:pPr are read several children at a time).
template <std::size_t N>
std::array<pugi::xml_node, N> Children(pugi::xml_node node, std::string_view prefix,
                                       const std::string_view (&locals)[N]) {
  std::array<pugi::xml_node, N> found{};
  std::array<bool, N> seen{};  // a plain flag: testing a node calls into pugixml
  std::size_t missing = N;
  for (pugi::xml_node child = node.first_child(); child && missing > 0;
       child = child.next_sibling()) {
    // The local name is compared in place: measuring it first cost more.
    const char* local = child.name();
    if (prefix.empty()) {
      if (std::strchr(local, ':') != nullptr) continue;
    } else {
      if (!HasPrefix(local, prefix)) continue;
      local += prefix.size();
    }
    for (std::size_t i = 0; i < N; ++i) {
      // The first letter rules out most names at once (locals are never empty).
      if (local[0] != locals[i][0] || seen[i]) continue;
      if (IsLocalName(local, locals[i])) {
        seen[i] = true;
        found[i] = child;
        --missing;
        break;
      }
    }
  }
  return found;
}

// Whether `a` and `b` are equal but for the case of ASCII letters.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// A decimal attribute value; nullopt when it is not a number that fits.
inline std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// An ST_OnOff property such as <w:vanish/>: on unless w:val says otherwise.
bool IsOn(pugi::xml_node property, std::string_view prefix);

// The namespace URI bound to `prefix` (without colon) where `node` sits, or "".
std::string_view NamespaceOf(pugi::xml_node node, std::string_view prefix);

// Whether the reader can show an mc:Choice whose Requires lists these
// prefixes: text boxes (wps, wpg) and Word 2010 markup (w14) are read, any
// other requirement falls back.
bool UnderstandsRequires(pugi::xml_node choice, std::string_view requires_value);

// One prefix of a Requires list, bound to namespace `uri` ("" when
// undeclared): whether the reader can show what needs it.
bool UnderstandsPrefix(std::string_view prefix, std::string_view uri);

// Whether every prefix of a Requires list (prefixes separated by spaces)
// passes UnderstandsPrefix; namespace_of(prefix) gives the URI bound to the
// prefix ("" when none), or nullopt when it cannot tell, which is returned.
template <typename NamespaceOfPrefix>
std::optional<bool> UnderstandsEachPrefix(std::string_view requires_value,
                                          NamespaceOfPrefix&& namespace_of) {
  while (!requires_value.empty()) {
    const std::size_t space = requires_value.find(' ');
    const std::string_view prefix = requires_value.substr(0, space);
    requires_value =
        space == std::string_view::npos ? std::string_view() : requires_value.substr(space + 1);
    if (prefix.empty()) continue;
    const std::optional<std::string_view> uri = namespace_of(prefix);
    if (!uri) return std::nullopt;
    if (!UnderstandsPrefix(prefix, *uri)) return false;
  }
  return true;
}

// The branch of an mc:AlternateContent to read: the first understood
// mc:Choice, else mc:Fallback, else an empty node.
pugi::xml_node ChooseAlternate(pugi::xml_node alternate, std::string_view mc_prefix);

// Maps a w:sym or bullet character from a symbol font (Symbol, Wingdings:
// private-use U+F0xx) to the plain character when the mapping is clear, and
// a U+F0xx character in a text font to its Latin-1 code; else returns it.
char32_t MapSymbolChar(char32_t code_point, std::string_view font);

}  // namespace missive::extract_internal
