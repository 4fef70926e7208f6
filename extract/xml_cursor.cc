#include "extract/xml_cursor.h"

#include <cstring>

#include "extract/utf8.h"
#include "extract/wordml.h"

namespace missive::extract_internal {
namespace {

using xml_cursor_internal::Is;
using xml_cursor_internal::kName;
using xml_cursor_internal::kNameStart;
using xml_cursor_internal::kSpace;
using xml_cursor_internal::kTextStop;
using xml_cursor_internal::kValueStop;

bool StartsWith(const char* p, const char* end, std::string_view prefix) {
  return static_cast<std::size_t>(end - p) >= prefix.size() &&
         std::memcmp(p, prefix.data(), prefix.size()) == 0;
}

// Decodes the character reference or predefined entity at raw[*i] ('&')
// onto *out, as pugixml's strconv_escape does; false for anything it would
// leave as written, or a code point that is no character.
bool DecodeReference(std::string_view raw, std::size_t* i, std::string* out) {
  const std::string_view rest = raw.substr(*i + 1);
  static constexpr struct {
    std::string_view name;
    char value;
  } kPredefined[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
  for (const auto& entity : kPredefined) {
    if (rest.substr(0, entity.name.size()) == entity.name) {
      out->push_back(entity.value);
      *i += 1 + entity.name.size();
      return true;
    }
  }
  if (rest.empty() || rest[0] != '#') return false;
  const bool hex = rest.size() > 1 && rest[1] == 'x';
  std::size_t k = hex ? 2 : 1;
  std::uint32_t code_point = 0;
  std::size_t digits = 0;
  for (; k < rest.size() && rest[k] != ';'; ++k, ++digits) {
    const char c = rest[k];
    int digit = -1;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (hex && (c | ' ') >= 'a' && (c | ' ') <= 'f') {
      digit = (c | ' ') - 'a' + 10;
    }
    if (digit < 0 || digits >= 7) return false;
    code_point = code_point * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (k >= rest.size() || digits == 0) return false;
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return false;
  }
  AppendUtf8(static_cast<char32_t>(code_point), out);
  *i += 1 + k + 1;
  return true;
}

}  // namespace

XmlCursor::XmlCursor(std::string_view xml, std::size_t max_depth)
    : p_(xml.data()), end_(xml.data() + xml.size()), max_depth_(max_depth) {
  open_.reserve(32);
  // The scans rely on the NUL after the part.
  if (*end_ != '\0') failed_ = true;
}

XmlCursor::Event XmlCursor::Begin() {
  if (failed_) return Event::kFail;
  if (StartsWith(p_, end_, "\xEF\xBB\xBF")) p_ += 3;
  if (StartsWith(p_, end_, "<?xml") && end_ - p_ > 5 && Is(p_[5], kSpace)) {
    const char* const close =
        static_cast<const char*>(memmem(p_, static_cast<std::size_t>(end_ - p_), "?>", 2));
    // pugixml's own scan for "?>" stops at a NUL.
    if (close == nullptr ||
        std::memchr(p_, '\0', static_cast<std::size_t>(close - p_)) != nullptr) {
      return Fail();
    }
    // pugixml takes the encoding from the declaration: only UTF-8 is read here.
    const std::string_view declaration(p_, static_cast<std::size_t>(close - p_));
    const std::size_t at = declaration.find("encoding");
    if (at != std::string_view::npos) {
      std::size_t k = at + 8;
      while (k < declaration.size() && Is(declaration[k], kSpace)) ++k;
      if (k >= declaration.size() || declaration[k] != '=') return Fail();
      ++k;
      while (k < declaration.size() && Is(declaration[k], kSpace)) ++k;
      if (k >= declaration.size() || (declaration[k] != '"' && declaration[k] != '\'')) {
        return Fail();
      }
      const std::size_t value_end = declaration.find(declaration[k], k + 1);
      if (value_end == std::string_view::npos ||
          !EqualsIgnoreCase(declaration.substr(k + 1, value_end - k - 1), "utf-8")) {
        return Fail();
      }
    }
    p_ = close + 2;
  }
  while (p_ < end_ && Is(*p_, kSpace)) ++p_;
  if (p_ >= end_ || *p_ != '<') return Fail();
  return ReadTag();
}

XmlCursor::Event XmlCursor::Next() {
  if (failed_) return Event::kFail;
  if (pending_end_) {
    pending_end_ = false;
    empty_ = false;
    return Event::kEnd;
  }
  if (done_) return Event::kDone;
  if (p_ >= end_) return Fail();  // the root is still open
  if (*p_ == '<') return ReadTag();
  const char* const begin = p_;
  while (!Is(*p_, kTextStop)) ++p_;  // the NUL after the part stops it
  if (*p_ != '<') return Fail();     // a NUL, or the end inside the root
  text_ = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
  return Event::kText;
}

XmlCursor::Event XmlCursor::ReadTag() {
  // At '<'; p_[1] is at worst the NUL after the part.
  if (p_[1] == '/') return ReadEndTag();
  return ReadStartTag();
}

XmlCursor::Event XmlCursor::ReadStartTag() {
  const char* p = p_ + 1;
  if (!Is(*p, kNameStart)) return Fail();  // '!', '?' and anything else pugixml reads otherwise
  const char* const name_begin = p;
  while (Is(*p, kName)) ++p;
  name_ = std::string_view(name_begin, static_cast<std::size_t>(p - name_begin));
  attributes_begin_ = p;
  p_ = p;
  if (!ReadAttributes()) return Fail();
  // ReadAttributes leaves p_ at '>' or "/>".
  attributes_end_ = p_;
  if (*p_ == '/') {
    empty_ = true;
    pending_end_ = true;
    p_ += 2;
  } else {
    empty_ = false;
    ++p_;
  }
  if (open_.size() >= max_depth_) return Fail();
  depth_ = open_.size() + 1;
  if (!empty_) open_.push_back(OpenElement{name_, attributes_begin_, attributes_end_});
  return Event::kStart;
}

bool XmlCursor::ReadAttributes() {
  // Every scan stops at the NUL after the part, which no class but the stops holds.
  const char* p = p_;
  for (;;) {
    if (*p == '>') break;
    if (*p == '/') {
      if (p[1] != '>') return false;
      break;
    }
    // An attribute needs white space before it (pugixml refuses a name
    // straight after a value too).
    if (!Is(*p, kSpace)) return false;
    do {
      ++p;
    } while (Is(*p, kSpace));
    if (*p == '>' || *p == '/') continue;
    if (!Is(*p, kNameStart)) return false;
    do {
      ++p;
    } while (Is(*p, kName));
    if (*p != '=') {
      while (Is(*p, kSpace)) ++p;
      if (*p != '=') return false;
    }
    ++p;
    if (*p != '"' && *p != '\'') {
      while (Is(*p, kSpace)) ++p;
      if (*p != '"' && *p != '\'') return false;
    }
    const char quote = *p++;
    for (;;) {
      while (!Is(*p, kValueStop)) ++p;
      if (*p == quote) break;
      // The other quote, '&' and white space are read by Attribute(); a '<'
      // or NUL (the end of the part) is left to pugixml.
      if (*p == '<' || *p == '\0') return false;
      ++p;
    }
    ++p;
  }
  if (p >= end_) return false;
  p_ = p;
  return true;
}

XmlCursor::Event XmlCursor::ReadEndTag() {
  if (open_.empty()) return Fail();
  // The name must be the open element's: compared byte by byte (the NUL
  // after the part ends a mismatch), then it must end there.
  const std::string_view name = open_.back().name;
  const char* p = p_ + 2;
  for (const char c : name) {
    if (*p != c) return Fail();
    ++p;
  }
  if (Is(*p, kName)) return Fail();
  while (Is(*p, kSpace)) ++p;
  if (*p != '>') return Fail();
  p_ = p + 1;
  name_ = name;
  depth_ = open_.size();
  open_.pop_back();
  empty_ = false;
  if (open_.empty()) {
    // Only white space may follow the root.
    while (p_ < end_ && Is(*p_, kSpace)) ++p_;
    if (p_ != end_) return Fail();
    done_ = true;
  }
  return Event::kEnd;
}

bool XmlCursor::FindNamespace(std::string_view prefix, std::string_view* uri) const {
  bool found = false;
  const auto look = [&](const char* begin, const char* end) {
    ForEachRawAttributeIn(begin, end, [&](std::string_view name, std::string_view value) {
      if (found || name.size() != 6 + prefix.size() || name.substr(0, 6) != "xmlns:" ||
          name.substr(6) != prefix) {
        return;
      }
      found = true;
      *uri = value;
    });
  };
  look(attributes_begin_, attributes_end_);
  for (auto open = open_.rbegin(); !found && open != open_.rend(); ++open) {
    look(open->attributes_begin, open->attributes_end);
  }
  return found;
}

bool XmlCursor::Attribute(std::string_view qualified_name, std::string* scratch,
                          std::string_view* value, bool* found) {
  *found = false;
  bool ok = true;
  bool matched = false;
  ForEachRawAttribute([&](std::string_view name, std::string_view raw) {
    if (matched || !SameName(name, qualified_name)) return;
    matched = true;
    *found = true;
    // Most values need no decoding: the view into the part is the value.
    bool plain = true;
    for (const char c : raw) {
      if (Is(c, kValueStop)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      *value = raw;
      return;
    }
    scratch->clear();
    ok = Decode(raw, /*attribute=*/true, scratch);
    *value = *scratch;
  });
  if (!ok) Fail();
  return ok;
}

bool XmlCursor::AppendAttributeValue(std::string_view raw, std::string* out) {
  if (Decode(raw, /*attribute=*/true, out)) return true;
  Fail();
  return false;
}

bool XmlCursor::AppendText(std::string_view raw, std::string* out) {
  if (Decode(raw, /*attribute=*/false, out)) return true;
  Fail();
  return false;
}

bool XmlCursor::Decode(std::string_view raw, bool attribute, std::string* out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t plain = i;
    while (plain < raw.size() && raw[plain] != '&' && raw[plain] != '\r' &&
           !(attribute && (raw[plain] == '\t' || raw[plain] == '\n'))) {
      ++plain;
    }
    out->append(raw.data() + i, plain - i);
    i = plain;
    if (i >= raw.size()) break;
    const char c = raw[i];
    if (c == '&') {
      if (!DecodeReference(raw, &i, out)) return false;
    } else if (c == '\r') {
      // parse_eol: "\r\n" and "\r" are one line end; parse_wconv_attribute
      // makes it a space in an attribute.
      out->push_back(attribute ? ' ' : '\n');
      i += (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
    } else {
      out->push_back(' ');  // tab or line feed in an attribute
      ++i;
    }
  }
  return true;
}

bool XmlCursor::SkipElement() {
  if (pending_end_) {
    pending_end_ = false;
    empty_ = false;
    return true;
  }
  const std::size_t depth = open_.size();
  // Inside the element: read tags until it closes. Text is passed over as a
  // run up to the next '<' (a NUL there is left to pugixml).
  for (;;) {
    const Event event = Next();
    if (event == Event::kFail) return false;
    if (event == Event::kEnd && open_.size() < depth) return true;
    if (event == Event::kDone) return true;
  }
}

}  // namespace missive::extract_internal
