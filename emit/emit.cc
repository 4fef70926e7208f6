#include "emit/emit.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <vector>

namespace missive {

extern const char* const kSchemaText;

namespace {

// Writes JSON text directly, byte for byte as nlohmann::ordered_json's
// dump(2 or -1, ' ', false, error_handler_t::replace) writes the same tree
// (emit_test.cc checks it) at a tenth of the cost of building that tree.
// Keys are written in call order, which is the contract's key order.
class JsonWriter {
 public:
  // Writes into `*out`, made `size_hint` long at first and grown as needed;
  // Finish() cuts it to what was written.
  JsonWriter(bool pretty, std::string* out, std::size_t size_hint) : pretty_(pretty), out_(*out) {
    out_.resize(size_hint);
  }
  void Finish() { out_.resize(size_); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Starts a member; `key` is a plain ASCII literal and needs no escaping.
  void Key(std::string_view key) {
    Separate();
    // '"', the key, '":' and a space when pretty: room for all at once.
    char* out = Room(key.size() + 4);
    *out++ = '"';
    std::memcpy(out, key.data(), key.size());
    out += key.size();
    *out++ = '"';
    *out++ = ':';
    if (pretty_) *out++ = ' ';
    size_ = static_cast<std::size_t>(out - out_.data());
  }
  // Starts an array element.
  void Element() { Separate(); }

  void Null() { Put("null"); }
  void String(std::string_view text);
  void OptString(const missive::OptString& value) {
    if (value) {
      String(*value);
    } else {
      Null();
    }
  }
  template <typename Integer>
  void Number(Integer value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    Put(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
  }
  void Strings(const std::vector<std::string>& values) {
    BeginArray();
    for (const std::string& value : values) {
      Element();
      String(value);
    }
    EndArray();
  }

 private:
  // The text written is the first size_ bytes of out_, which is kept longer:
  // writing a few bytes is then a store or two, not a std::string append.
  void Put(char c) {
    if (size_ == out_.size()) [[unlikely]] {
      Grow(1);
    }
    out_.data()[size_++] = c;
  }
  void Put(std::string_view bytes) {
    if (bytes.empty()) return;
    std::memcpy(Room(bytes.size()), bytes.data(), bytes.size());
    size_ += bytes.size();
  }
  // Where `count` more bytes go, once there is room for them.
  char* Room(std::size_t count) {
    if (out_.size() - size_ < count) [[unlikely]] {
      Grow(count);
    }
    return out_.data() + size_;
  }
  // Out of line: rare, and inlined it would keep Put and Room from being inlined.
  [[gnu::noinline]] void Grow(std::size_t more) {
    out_.resize(std::max(2 * out_.size(), size_ + more));
  }

  void Open(char bracket) {
    Put(bracket);
    empty_[++depth_] = true;
  }
  void Close(char bracket) {
    const bool empty = empty_[depth_--];
    // nlohmann writes empty containers as "{}" and "[]" in both styles.
    if (!empty && pretty_) NewLine();
    Put(bracket);
  }
  void Separate() {
    if (!empty_[depth_]) Put(',');
    empty_[depth_] = false;
    if (pretty_) NewLine();
  }
  void NewLine() {
    Put('\n');
    for (int i = 0; i < depth_; ++i) Put("  ");
  }

  const bool pretty_;
  std::string& out_;
  std::size_t size_ = 0;
  // Per open container (1-based): nothing written in it yet. The record
  // nests five deep at most (record, blocks, block, rows, row).
  std::array<bool, 8> empty_{};
  int depth_ = 0;
};

// The length of the well-formed UTF-8 sequence at text[i], whose first byte
// is >= 0x80, or 0 when it is not one; *valid_prefix is then how many of its
// bytes could start a well-formed sequence. The byte ranges are those of
// Unicode Table 3-7, which nlohmann's DFA decoder accepts.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i, std::size_t* valid_prefix) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  }
  *valid_prefix = length == 0 ? 0 : 1;
  if (length == 0) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return 0;
    const unsigned char c = byte(i + k);
    if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return 0;
    ++*valid_prefix;
  }
  return length;
}

// Bytes written as they are without a look at their neighbours: printable
// ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Nonzero when one of the eight bytes in `chunk` is not kPlain. Each test
// sets a byte's high bit: below 0x20 by subtracting 0x20, '"' and '\\' by
// subtracting one from their XOR, and bytes from 0x80 have it already. A
// borrow only ever carries into the bytes after one that is not plain.
std::uint64_t NotAllPlain(std::uint64_t chunk) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  const std::uint64_t control = chunk - kOnes * 0x20;
  const std::uint64_t quote = (chunk ^ (kOnes * '"')) - kOnes;
  const std::uint64_t backslash = (chunk ^ (kOnes * '\\')) - kOnes;
  return (((control | quote | backslash) & ~chunk) | chunk) & kHighBits;
}

// Lead bytes E1..EC, EE and EF: three-byte sequences (CJK, most of the BMP)
// whose second byte has no limit beyond the usual one.
constexpr std::array<bool, 256> kCommonThreeByteLead = [] {
  std::array<bool, 256> common{};
  for (int c = 0xE1; c <= 0xEF; ++c) common[c] = c != 0xED;
  return common;
}();

// A well-formed three-byte sequence at data[i] with a common lead byte.
inline bool IsCommonThreeByte(const unsigned char* data, std::size_t i, std::size_t size) {
  if (!kCommonThreeByteLead[data[i]] || i + 2 >= size) return false;
  std::uint16_t continuations;  // both at once: 10xxxxxx 10xxxxxx
  std::memcpy(&continuations, data + i + 1, sizeof continuations);
  return (continuations & 0xC0C0) == 0x8080;
}

// The end of the bytes from `i` that are copied as they are: runs of plain
// ASCII (eight bytes at a time through long ones), of common three-byte
// sequences and of two-byte ones (Latin, Cyrillic, Arabic).
std::size_t SkipVerbatim(const unsigned char* data, std::size_t i, std::size_t size) {
  while (i < size) {
    const unsigned char c = data[i];
    if (kPlain[c]) {
      std::uint64_t chunk;
      for (++i; i + sizeof chunk <= size; i += sizeof chunk) {
        std::memcpy(&chunk, data + i, sizeof chunk);
        if (NotAllPlain(chunk) != 0) break;
      }
      while (i < size && kPlain[data[i]]) ++i;
      continue;
    }
    if (IsCommonThreeByte(data, i, size)) {
      do {
        i += 3;
      } while (i < size && IsCommonThreeByte(data, i, size));
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < size && IsContinuation(data[i + 1])) {
      i += 2;
      continue;
    }
    break;
  }
  return i;
}

void JsonWriter::String(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  Put('"');
  const std::size_t size = text.size();
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  const auto flush = [&] { Put(text.substr(run, i - run)); };
  while (true) {
    i = SkipVerbatim(data, i, size);
    if (i == size) break;
    const unsigned char c = data[i];
    if (c >= 0x80) {
      std::size_t valid_prefix = 0;
      const std::size_t length = Utf8SequenceLength(text, i, &valid_prefix);
      if (length != 0) {
        i += length;
        continue;
      }
      // Like error_handler_t::replace: one U+FFFD for an invalid lead byte
      // or for the longest valid start of a broken sequence; the byte that
      // broke it is read again.
      flush();
      Put(kReplacement);
      i += valid_prefix == 0 ? 1 : valid_prefix;
      run = i;
      continue;
    }
    flush();
    switch (c) {
      case '"':
        Put("\\\"");
        break;
      case '\\':
        Put("\\\\");
        break;
      case '\b':
        Put("\\b");
        break;
      case '\f':
        Put("\\f");
        break;
      case '\n':
        Put("\\n");
        break;
      case '\r':
        Put("\\r");
        break;
      case '\t':
        Put("\\t");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        Put(std::string_view(escape, sizeof escape));
      }
    }
    ++i;
    run = i;
  }
  flush();
  Put('"');
}

// An optional object of the record: the object, or null (the contract keeps
// every key). Write's overloads below are found at instantiation.
template <typename T>
void WriteOrNull(JsonWriter& j, const std::optional<T>& value) {
  if (value) {
    Write(j, *value);
  } else {
    j.Null();
  }
}

void Write(JsonWriter& j, const Warning& warning) {
  j.BeginObject();
  j.Key("code");
  j.String(warning.code);
  j.Key("message");
  j.String(warning.message);
  j.EndObject();
}

void Write(JsonWriter& j, const Properties& p) {
  j.BeginObject();
  j.Key("title");
  j.OptString(p.title);
  j.Key("creator");
  j.OptString(p.creator);
  j.Key("last_modified_by");
  j.OptString(p.last_modified_by);
  j.Key("created");
  j.OptString(p.created);
  j.Key("modified");
  j.OptString(p.modified);
  j.EndObject();
}

void Write(JsonWriter& j, const Reference& r) {
  j.BeginObject();
  j.Key("text");
  j.String(r.text);
  j.Key("issuer");
  j.OptString(r.issuer);
  j.Key("kind");
  j.OptString(r.kind);
  j.Key("number");
  j.OptString(r.number);
  j.Key("file");
  j.OptString(r.file);
  j.Key("key");
  j.OptString(r.key);
  j.EndObject();
}

void Write(JsonWriter& j, const Contact& c) {
  j.BeginObject();
  j.Key("name");
  j.OptString(c.name);
  j.Key("tel");
  j.OptString(c.tel);
  j.Key("fax");
  j.OptString(c.fax);
  j.Key("email");
  j.OptString(c.email);
  j.Key("web");
  j.OptString(c.web);
  j.EndObject();
}

void Write(JsonWriter& j, const Signature& s) {
  j.BeginObject();
  j.Key("name");
  j.String(s.name);
  j.Key("title");
  j.OptString(s.title);
  j.EndObject();
}

void Write(JsonWriter& j, const LetterFields& l) {
  j.BeginObject();
  j.Key("place");
  j.OptString(l.place);
  j.Key("date");
  j.OptString(l.date);
  j.Key("reference");
  WriteOrNull(j, l.reference);
  j.Key("addressees");
  j.Strings(l.addressees);
  j.Key("copies");
  j.Strings(l.copies);
  j.Key("contact");
  WriteOrNull(j, l.contact);
  j.Key("subject");
  j.OptString(l.subject);
  j.Key("salutation");
  j.OptString(l.salutation);
  j.Key("closing");
  j.OptString(l.closing);
  j.Key("signature");
  WriteOrNull(j, l.signature);
  j.EndObject();
}

void Write(JsonWriter& j, const Meeting& m) {
  j.BeginObject();
  j.Key("body");
  j.String(m.body);
  j.Key("body_key");
  j.OptString(m.body_key);
  j.Key("start");
  j.OptString(m.start);
  j.Key("end");
  j.OptString(m.end);
  j.Key("mode");
  j.OptString(m.mode);
  j.Key("location");
  j.OptString(m.location);
  j.Key("opening");
  j.OptString(m.opening);
  j.Key("timezone");
  j.OptString(m.timezone);
  j.EndObject();
}

void Write(JsonWriter& j, const Deadline& d) {
  j.BeginObject();
  j.Key("date");
  j.String(d.date);
  j.Key("text");
  j.String(d.text);
  j.EndObject();
}

void Write(JsonWriter& j, const Event& e) {
  j.BeginObject();
  j.Key("title");
  j.String(e.title);
  j.Key("date");
  j.OptString(e.date);
  j.Key("start");
  j.OptString(e.start);
  j.Key("end");
  j.OptString(e.end);
  j.Key("timezone");
  j.OptString(e.timezone);
  j.Key("url");
  j.OptString(e.url);
  j.Key("text");
  j.String(e.text);
  j.EndObject();
}

void Write(JsonWriter& j, const AgendaItem& item) {
  j.BeginObject();
  j.Key("number");
  j.String(item.number);
  j.Key("level");
  j.Number(item.level);
  j.Key("parent");
  j.OptString(item.parent);
  j.Key("title");
  j.String(item.title);
  j.Key("documents");
  j.Strings(item.documents);
  j.Key("notes");
  j.OptString(item.notes);
  j.EndObject();
}

template <typename T>
void Array(JsonWriter& j, const std::vector<T>& values) {
  j.BeginArray();
  for (const T& value : values) {
    j.Element();
    Write(j, value);
  }
  j.EndArray();
}

void Write(JsonWriter& j, const Agenda& a) {
  j.BeginObject();
  j.Key("title");
  j.OptString(a.title);
  j.Key("annex");
  j.OptString(a.annex);
  j.Key("items");
  Array(j, a.items);
  j.EndObject();
}

void Write(JsonWriter& j, const Annex& a) {
  j.BeginObject();
  j.Key("label");
  j.String(a.label);
  j.Key("title");
  j.OptString(a.title);
  j.EndObject();
}

void Write(JsonWriter& j, const OutputBlock& b) {
  j.BeginObject();
  j.Key("type");
  j.String(b.type);
  if (b.type == "table") {
    j.Key("rows");
    j.BeginArray();
    for (const auto& row : b.rows) {
      j.Element();
      j.Strings(row);
    }
    j.EndArray();
  } else if (b.type == "heading") {
    j.Key("level");
    j.Number(b.level);
    j.Key("text");
    j.String(b.text);
  } else {
    j.Key("text");
    j.String(b.text);
    j.Key("style");
    if (b.style.empty()) {
      j.Null();
    } else {
      j.String(b.style);
    }
  }
  j.EndObject();
}

void Write(JsonWriter& j, const OutputNote& n) {
  j.BeginObject();
  j.Key("kind");
  j.String(n.kind);
  j.Key("id");
  j.String(n.id);
  j.Key("text");
  j.String(n.text);
  j.EndObject();
}

// A first guess at the output size, so that appending rarely reallocates.
std::size_t EstimateSize(const LetterRecord& r) {
  std::size_t size = 2048;
  if (r.text) size += r.text->size();
  for (const OutputBlock& b : r.blocks) {
    size += b.text.size() + 64;
    for (const auto& row : b.rows) {
      for (const std::string& cell : row) size += cell.size() + 16;
    }
  }
  return size + size / 8;
}

}  // namespace

std::string EmitJson(const LetterRecord& r, JsonStyle style) {
  std::string out;
  JsonWriter j(style == JsonStyle::kPretty, &out, EstimateSize(r));
  j.BeginObject();
  j.Key("schema_version");
  j.String(kSchemaVersion);
  j.Key("id");
  j.String(r.id);
  j.Key("source");
  j.BeginObject();
  j.Key("path");
  j.String(r.source.path);
  j.Key("size");
  j.Number(r.source.size);
  j.Key("sha256");
  j.String(r.source.sha256);
  j.Key("format");
  j.String(r.source.format);
  j.EndObject();
  j.Key("status");
  j.String(r.ok() ? "ok" : "error");
  j.Key("error");
  if (r.error) {
    j.BeginObject();
    j.Key("code");
    j.String(ErrorCodeName(r.error->code));
    j.Key("message");
    j.String(r.error->message);
    j.EndObject();
  } else {
    j.Null();
  }
  j.Key("warnings");
  Array(j, r.warnings);
  j.Key("language");
  j.OptString(r.language);
  j.Key("properties");
  WriteOrNull(j, r.properties);
  j.Key("letter");
  WriteOrNull(j, r.letter);
  j.Key("meeting");
  WriteOrNull(j, r.meeting);
  j.Key("deadlines");
  Array(j, r.deadlines);
  j.Key("events");
  Array(j, r.events);
  j.Key("agenda");
  WriteOrNull(j, r.agenda);
  j.Key("annexes");
  Array(j, r.annexes);
  j.Key("recommendations");
  j.Strings(r.recommendations);
  j.Key("urls");
  j.Strings(r.urls);
  j.Key("blocks");
  Array(j, r.blocks);
  j.Key("text");
  j.OptString(r.text);
  j.Key("notes");
  Array(j, r.notes);
  j.EndObject();
  j.Finish();
  return out;
}

std::string_view SchemaText() { return kSchemaText; }

}  // namespace missive
