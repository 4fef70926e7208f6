// A forward-only reader of the plain XML that Word writes, for reading the
// body of document.xml without building a tree. Private to extract/.
//
// It accepts a strict subset of what pugixml accepts: an optional UTF-8 BOM
// and XML declaration (UTF-8 only), one root element, elements, attributes
// and text. Anything else (a comment, CDATA section, processing
// instruction, DTD, malformed markup, a NUL byte, nesting past a depth, an
// entity other than the five predefined ones and character references, in
// text that is decoded) makes it fail, and the caller reads the part with
// pugixml instead, which either reads it or names the error. So for every
// input it reads to the end, it agrees with pugixml (parse_default |
// parse_ws_pcdata) on the elements, attributes and text there are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace missive::extract_internal {

class XmlCursor {
 public:
  enum class Event { kStart, kEnd, kText, kDone, kFail };

  // `xml` must outlive the cursor and be followed by a NUL byte (which
  // ends every scan without a bounds check; a cursor without it fails).
  // Elements nested deeper than `max_depth` (the root is depth 1) make it fail.
  XmlCursor(std::string_view xml, std::size_t max_depth);

  // Reads the BOM, the declaration and up to the root's start tag: kStart on
  // success. Call once, first.
  Event Begin();

  // The next event. After kStart of an empty element (<a/>), the next event
  // is its kEnd. kDone once the root has closed and only white space
  // follows; kFail is final.
  Event Next();

  // The qualified name of the element of the last kStart or kEnd.
  std::string_view name() const { return name_; }
  // Whether the last kStart was an empty element (<a/>).
  bool empty_element() const { return empty_; }
  // The depth of the element of the last kStart or kEnd (root: 1).
  std::size_t depth() const { return depth_; }
  // The raw text of the last kText, entities not yet decoded.
  std::string_view raw_text() const { return text_; }

  // The value of attribute `qualified_name` of the last kStart's element, as
  // pugixml gives it (entities decoded, tab and line ends as spaces): found
  // is false when the element has no such attribute. Decoding may use
  // *scratch; the view lives until the next call. False for a value with an
  // entity pugixml would leave undecoded (the cursor then fails).
  bool Attribute(std::string_view qualified_name, std::string* scratch, std::string_view* value,
                 bool* found);

  // Appends raw attribute value `raw` (from ForEachRawAttribute) to *out as
  // Attribute() decodes it; false (and the cursor fails) as Attribute().
  bool AppendAttributeValue(std::string_view raw, std::string* out);

  // Every attribute of the last kStart's element, raw (undecoded), in order.
  template <typename Visit>
  void ForEachRawAttribute(Visit&& visit) const {
    ForEachRawAttributeIn(attributes_begin_, attributes_end_, visit);
  }

  // The namespace bound to `prefix` (no colon) where the last kStart's
  // element stands, as pugixml's NamespaceOf finds it: the nearest
  // xmlns:prefix on that element or an open one, raw. False when none is.
  bool FindNamespace(std::string_view prefix, std::string_view* uri) const;

  // Skips what is left of the element of the last kStart, through its kEnd.
  // False when the cursor fails on the way.
  bool SkipElement();

  // Appends the raw text of a kText to *out as pugixml decodes text
  // (entities, "\r\n" and "\r" as "\n"). False (and the cursor fails) for an
  // entity pugixml would leave as written.
  bool AppendText(std::string_view raw, std::string* out);

  // Makes the cursor fail: the caller met something it leaves to pugixml.
  Event Fail() {
    failed_ = true;
    return Event::kFail;
  }
  bool failed() const { return failed_; }

 private:
  Event ReadTag();
  Event ReadStartTag();
  Event ReadEndTag();
  bool ReadAttributes();
  bool Decode(std::string_view raw, bool attribute, std::string* out);

  // The attributes in [begin, end), a region ReadAttributes checked.
  template <typename Visit>
  static void ForEachRawAttributeIn(const char* begin, const char* end, Visit&& visit);

  struct OpenElement {
    std::string_view name;
    const char* attributes_begin;
    const char* attributes_end;
  };

  const char* p_;
  const char* const end_;
  const std::size_t max_depth_;
  std::vector<OpenElement> open_;
  std::string_view name_;
  std::string_view text_;
  const char* attributes_begin_ = nullptr;
  const char* attributes_end_ = nullptr;
  std::size_t depth_ = 0;
  bool empty_ = false;
  bool pending_end_ = false;  // the kEnd of an empty element is due
  bool failed_ = false;
  bool done_ = false;
};

namespace xml_cursor_internal {

// Character classes of the cursor's scans.
enum : std::uint8_t {
  kNameStart = 1,  // may start a name: letters, '_', ':', bytes >= 0x80 (pugixml's own rule)
  kName = 2,       // may continue a name: also digits, '-', '.'
  kSpace = 4,      // ' ', '\t', '\r', '\n'
  kValueStop = 8,  // ends a plain run of attribute value: quotes, '&', '<', NUL, '\t', '\r', '\n'
  kTextStop = 16,  // ends a run of text: '<', NUL
};

struct Classes {
  std::uint8_t of[256];
  constexpr Classes() : of{} {
    for (int c = 0; c < 256; ++c) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool start = letter || c == '_' || c == ':' || c >= 0x80;
      std::uint8_t bits = 0;
      if (start) bits |= kNameStart | kName;
      if ((c >= '0' && c <= '9') || c == '-' || c == '.') bits |= kName;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') bits |= kSpace;
      if (c == '"' || c == '\'' || c == '&' || c == '<' || c == 0 || c == '\t' || c == '\r' ||
          c == '\n') {
        bits |= kValueStop;
      }
      if (c == '<' || c == 0) bits |= kTextStop;
      of[c] = bits;
    }
  }
};

inline constexpr Classes kClasses;

inline bool Is(char c, std::uint8_t bits) {
  return (kClasses.of[static_cast<unsigned char>(c)] & bits) != 0;
}

}  // namespace xml_cursor_internal

// Whether two names are equal: names are short, and a call to memcmp for
// each cost more than the comparison.
inline bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

namespace xml_cursor_internal {}  // namespace xml_cursor_internal

template <typename Visit>
void XmlCursor::ForEachRawAttributeIn(const char* begin, const char* end, Visit&& visit) {
  using xml_cursor_internal::Is;
  using xml_cursor_internal::kName;
  using xml_cursor_internal::kSpace;
  // The region was checked when the tag was read: name = quote value quote.
  const char* p = begin;
  while (p < end) {
    while (p < end && Is(*p, kSpace)) ++p;
    if (p >= end) break;
    const char* const name_begin = p;
    while (Is(*p, kName)) ++p;
    const std::string_view name(name_begin, static_cast<std::size_t>(p - name_begin));
    while (*p != '"' && *p != '\'') ++p;
    const char quote = *p++;
    const char* const value_begin = p;
    while (*p != quote) ++p;
    visit(name, std::string_view(value_begin, static_cast<std::size_t>(p - value_begin)));
    ++p;
  }
}

}  // namespace missive::extract_internal
