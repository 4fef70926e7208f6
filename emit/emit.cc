#include "emit/emit.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <vector>

#include "emit/emit_internal.h"

namespace missive {

extern const char* const kSchemaText;

namespace {

// A member's key as it is written after an earlier member: a comma, the key
// in quotes, the colon and the space that pretty output puts after it,
// zero-padded so that kCopy bytes from the comma or the quote can be copied
// in one fixed-size move. Made at compile time from the key literal, which
// is plain ASCII and needs no escaping.
struct KeyText {
  static constexpr std::size_t kCopy = 24;
  template <std::size_t kSize>
  consteval KeyText(const char (&key)[kSize]) {  // NOLINT: implicit from literals on purpose
    static_assert(kSize + 4 <= kCopy, "key too long for KeyText");
    bytes[0] = ',';
    bytes[1] = '"';
    for (std::size_t i = 0; i + 1 < kSize; ++i) bytes[i + 2] = key[i];
    bytes[kSize + 1] = '"';
    bytes[kSize + 2] = ':';
    bytes[kSize + 3] = ' ';
    size = kSize + 3;
  }
  std::array<char, kCopy + 1> bytes{};
  // Up to the colon from the comma; up to the space from the quote.
  std::size_t size = 0;
};

// The output's bytes, written straight into the capacity of the string that
// EmitJson returns. std::string::resize() would first fill that room with
// zeros, as many instructions again as writing the JSON (C++20 has no
// resize_and_overwrite); the put area of a std::stringbuf is the unfilled
// capacity of its string, and str() && hands that string over.
class OutputBuffer : private std::stringbuf {
 public:
  explicit OutputBuffer(std::size_t capacity) : std::stringbuf(std::ios_base::out) {
    Reserve(capacity, 0);
  }
  char* data() { return pbase(); }
  std::size_t capacity() const { return static_cast<std::size_t>(epptr() - pbase()); }
  // Makes room for `capacity` bytes, keeping the first `size` written.
  void Reserve(std::size_t capacity, std::size_t size) {
    std::string text = Take(size);
    text.reserve(capacity);
    str(std::move(text));
    if (this->capacity() < capacity) {
      // A library whose put area ends at the string's size: fill it after all.
      text = Take(size);
      text.resize(capacity);
      str(std::move(text));
    }
  }
  // The first `size` bytes written, as a string; the buffer is left empty.
  std::string Take(std::size_t size) {
    // str() && ends the string at the put position; pbump() moves it by an int.
    for (std::size_t left = size; left > 0;) {
      const auto step = static_cast<int>(std::min<std::size_t>(left, INT_MAX));
      pbump(step);
      left -= static_cast<std::size_t>(step);
    }
    std::string text = std::move(*this).str();
    text.resize(size);
    return text;
  }
};

// Writes JSON text directly, byte for byte as nlohmann::ordered_json's
// dump(2 or -1, ' ', false, error_handler_t::replace) writes the same tree
// (emit_test.cc checks it) at a tenth of the cost of building that tree.
// Keys are written in call order, which is the contract's key order.
class JsonWriter {
 public:
  // Writes into an output of `size_hint` bytes at first, grown as needed.
  JsonWriter(bool pretty, std::size_t size_hint)
      : pretty_(pretty), buffer_(size_hint), data_(buffer_.data()), capacity_(buffer_.capacity()) {}
  // The text written.
  std::string Finish() { return buffer_.Take(size_); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Starts a member. Inlined: the key's bytes and size are then constants.
  template <KeyText kKey>
  [[gnu::always_inline]] void Key() {
    WriteKey(kKey);
  }
  // Starts an array element.
  void Element() { size_ = Offset(Separate(0)); }

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
    constexpr std::size_t kMaxDigits = 24;  // 20 digits of a 64-bit integer and its sign
    char* const out = Room(kMaxDigits);
    size_ = Offset(std::to_chars(out, out + kMaxDigits, value).ptr);
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
  // Containers nest five deep at most (record, blocks, block, rows, row);
  // a line break and the deepest indentation then fit in 16 bytes, copied
  // whole whatever the depth.
  static constexpr int kMaxDepth = 7;
  static constexpr char kLineBreak[] = "\n               ";  // '\n' and 15 spaces
  static constexpr std::size_t kLineBreakCopy = 16;
  static_assert(sizeof kLineBreak > kLineBreakCopy && 1 + 2 * kMaxDepth <= kLineBreakCopy);
  static constexpr std::size_t kMaxSeparator = 1 + kLineBreakCopy;  // ',' and a line break

  // The text written is the first size_ bytes of the buffer, which is kept
  // longer: writing a few bytes is then a store or two, not an append.
  void Put(char c) {
    if (size_ == capacity_) [[unlikely]] {
      Grow(1);
    }
    data_[size_++] = c;
  }
  void Put(std::string_view bytes) {
    if (bytes.empty()) return;
    std::memcpy(Room(bytes.size()), bytes.data(), bytes.size());
    size_ += bytes.size();
  }
  // Where `count` more bytes go, once there is room for them.
  char* Room(std::size_t count) {
    if (capacity_ - size_ < count) [[unlikely]] {
      Grow(count);
    }
    return data_ + size_;
  }
  std::size_t Offset(const char* out) const { return static_cast<std::size_t>(out - data_); }
  // Out of line: rare, and inlined it would keep Put and Room from being inlined.
  [[gnu::noinline]] void Grow(std::size_t more) {
    buffer_.Reserve(std::max(2 * capacity_, size_ + more), size_);
    data_ = buffer_.data();
    capacity_ = buffer_.capacity();
  }

  void Open(char bracket) {
    Put(bracket);
    // The record's shape fixes the depth; a deeper one needs a longer kLineBreak.
    assert(depth_ < kMaxDepth);
    ++depth_;
    first_ = true;
  }
  void Close(char bracket) {
    const bool empty = first_;
    --depth_;
    first_ = false;  // the container closed was a value in the one around it
    // nlohmann writes empty containers as "{}" and "[]" in both styles.
    if (!empty && pretty_) NewLine();
    Put(bracket);
  }
  void NewLine() {
    std::memcpy(Room(kLineBreakCopy), kLineBreak, kLineBreakCopy);
    size_ += 1 + 2 * static_cast<std::size_t>(depth_);
  }
  // Writes what goes before a member or element: a comma unless it is the
  // first, and when pretty a line break and indentation. Returns where the
  // member goes, with room for `more` bytes there. Fixed-size stores and no
  // branch on the depth: this runs once per value.
  char* Separate(std::size_t more) {
    char* out = Room(kMaxSeparator + more);
    *out = ',';
    out += first_ ? 0 : 1;
    first_ = false;
    if (pretty_) {
      std::memcpy(out, kLineBreak, kLineBreakCopy);
      out += 1 + 2 * depth_;
    }
    return out;
  }
  [[gnu::always_inline]] void WriteKey(const KeyText& key) {
    if (pretty_) {
      char* out = Separate(KeyText::kCopy);
      std::memcpy(out, key.bytes.data() + 1, KeyText::kCopy);
      size_ = Offset(out) + key.size;
    } else {
      // The comma is the key's own: one copy, from the quote for the first.
      const std::size_t skip = first_ ? 1 : 0;
      first_ = false;
      std::memcpy(Room(KeyText::kCopy), key.bytes.data() + skip, KeyText::kCopy);
      size_ += key.size - skip;
    }
  }
  // The escape or replacement of the byte or broken sequence at `in`, or a
  // well-formed sequence of an uncommon kind; the slow path of String().
  const unsigned char* Special(const unsigned char* in, const unsigned char* end);

  const bool pretty_;
  OutputBuffer buffer_;
  char* data_;  // buffer_'s, kept here: they change only when it grows
  std::size_t capacity_;
  std::size_t size_ = 0;
  // Nothing written yet in the innermost open container.
  bool first_ = false;
  int depth_ = 0;
};

// The length of the well-formed UTF-8 sequence at in[0], whose first byte
// is >= 0x80, or 0 when it is not one; *valid_prefix is then how many of its
// bytes could start a well-formed sequence. The byte ranges are those of
// Unicode Table 3-7, which nlohmann's DFA decoder accepts.
std::size_t Utf8SequenceLength(const unsigned char* in, const unsigned char* end,
                               std::size_t* valid_prefix) {
  const unsigned char lead = in[0];
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
    if (k >= static_cast<std::size_t>(end - in)) return 0;
    const unsigned char c = in[k];
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

// Nonzero when one of the eight bytes in `chunk` is not kPlain; the lowest
// set bit is then the high bit of the first such byte. Each test sets a
// byte's high bit: below 0x20 by subtracting 0x20, '"' and '\\' by
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

// How many bytes of a chunk from Load64() come before the first that is not
// plain; `not_plain` is NotAllPlain(chunk), nonzero.
std::size_t PlainPrefix(std::uint64_t not_plain) {
  return static_cast<std::size_t>(std::countr_zero(not_plain)) / 8;
}

// The eight bytes at `in`, the first in the lowest bits whatever the byte
// order: borrows in NotAllPlain then run towards later bytes only.
std::uint64_t Load64(const unsigned char* in) {
  static_assert(std::endian::native == std::endian::little ||
                std::endian::native == std::endian::big);
  std::uint64_t chunk;
  std::memcpy(&chunk, in, sizeof chunk);
  if constexpr (std::endian::native == std::endian::big) chunk = __builtin_bswap64(chunk);
  return chunk;
}
std::uint32_t Load32(const unsigned char* in) {
  std::uint32_t half;
  std::memcpy(&half, in, sizeof half);
  return half;
}

// Lead bytes E1..EC, EE and EF: three-byte sequences (CJK, most of the BMP)
// whose second byte has no limit beyond the usual one.
constexpr std::array<bool, 256> kCommonThreeByteLead = [] {
  std::array<bool, 256> common{};
  for (int c = 0xE1; c <= 0xEF; ++c) common[c] = c != 0xED;
  return common;
}();

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// A well-formed three-byte sequence with a common lead byte at in[0].
bool IsCommonThreeByte(const unsigned char* in, const unsigned char* end) {
  return end - in >= 3 && kCommonThreeByteLead[in[0]] && IsContinuation(in[1]) &&
         IsContinuation(in[2]);
}

// Two well-formed three-byte sequences with common lead bytes at in[0],
// given Load64(in): the four continuation bytes tested at once.
bool AreTwoCommonThreeBytes(const unsigned char* in, std::uint64_t chunk) {
  constexpr std::uint64_t kMask = 0x0000C0C000C0C000;  // bytes 1, 2, 4 and 5
  constexpr std::uint64_t kContinuations = 0x0000808000808000;
  return (chunk & kMask) == kContinuations && kCommonThreeByteLead[in[0]] &&
         kCommonThreeByteLead[in[3]];
}

// A well-formed two-byte sequence at in[0] (Latin, Greek, Cyrillic, Arabic).
bool IsTwoByte(const unsigned char* in, const unsigned char* end) {
  return end - in >= 2 && in[0] >= 0xC2 && in[0] <= 0xDF && IsContinuation(in[1]);
}

// The JSON escape of each byte that needs one, and its length.
struct Escape {
  std::array<char, 6> text{};
  std::size_t size = 0;
};
constexpr std::array<Escape, 0x80> kEscapes = [] {
  constexpr char kHex[] = "0123456789abcdef";
  std::array<Escape, 0x80> escapes{};
  for (int c = 0; c < 0x20; ++c) {
    escapes[c] = {{'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]}, 6};
  }
  escapes['"'] = {{'\\', '"'}, 2};
  escapes['\\'] = {{'\\', '\\'}, 2};
  escapes['\b'] = {{'\\', 'b'}, 2};
  escapes['\f'] = {{'\\', 'f'}, 2};
  escapes['\n'] = {{'\\', 'n'}, 2};
  escapes['\r'] = {{'\\', 'r'}, 2};
  escapes['\t'] = {{'\\', 't'}, 2};
  return escapes;
}();

// Copies plain ASCII and well-formed UTF-8 of the common kinds as it is, in
// eight-byte chunks where it can; the rest goes to Special(). The output
// has room for the bytes of the rest of the input and the closing quote,
// kept up by Special() after each escape or replacement: a copy, even of a
// whole chunk of which only a part is taken, needs no check.
void JsonWriter::String(std::string_view text) {
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = in + text.size();
  char* out = Room(text.size() + 2);
  *out++ = '"';
  while (in != end) {
    // Plain ASCII.
    if (end - in >= 8) {
      const std::uint64_t not_plain = NotAllPlain(Load64(in));
      std::memcpy(out, in, 8);
      if (not_plain == 0) {
        in += 8;
        out += 8;
        continue;
      }
      const std::size_t plain = PlainPrefix(not_plain);
      in += plain;
      out += plain;
    } else if (kPlain[*in]) {
      // The last four to seven bytes, often all of a short string: two
      // overlapping four-byte halves tested together.
      const std::size_t left = static_cast<std::size_t>(end - in);
      if (left >= 4) {
        const std::uint32_t head = Load32(in);
        const std::uint32_t tail = Load32(end - 4);
        if (NotAllPlain(std::uint64_t{head} << 32 | tail) == 0) {
          std::memcpy(out, in, 4);
          std::memcpy(out + left - 4, end - 4, 4);
          in = end;
          out += left;
          continue;
        }
      }
      *out++ = static_cast<char>(*in++);
      continue;
    }
    // Runs of the common multi-byte sequences.
    while (true) {
      if (end - in >= 8) {
        if (AreTwoCommonThreeBytes(in, Load64(in))) {
          std::memcpy(out, in, 8);
          in += 6;
          out += 6;
          continue;
        }
      }
      if (IsCommonThreeByte(in, end)) {
        std::memcpy(out, in, 3);
        in += 3;
        out += 3;
      } else if (IsTwoByte(in, end)) {
        std::memcpy(out, in, 2);
        in += 2;
        out += 2;
      } else {
        break;
      }
    }
    if (in == end || kPlain[*in]) continue;
    size_ = Offset(out);
    in = Special(in, end);
    out = data_ + size_;
  }
  *out++ = '"';
  size_ = Offset(out);
}

const unsigned char* JsonWriter::Special(const unsigned char* in, const unsigned char* end) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const unsigned char c = *in;
  // Room for the longest escape (six bytes for one) and then, as String()
  // expects, for the rest of the input and the closing quote.
  char* const out = Room(static_cast<std::size_t>(end - in) + 6);
  if (c < 0x80) {
    const Escape& escape = kEscapes[c];
    std::memcpy(out, escape.text.data(), escape.text.size());
    size_ += escape.size;
    return in + 1;
  }
  std::size_t valid_prefix = 0;
  const std::size_t length = Utf8SequenceLength(in, end, &valid_prefix);
  if (length != 0) {
    std::memcpy(out, in, length);
    size_ += length;
    return in + length;
  }
  // Like error_handler_t::replace: one U+FFFD for an invalid lead byte or
  // for the longest valid start of a broken sequence; the byte that broke
  // it is read again.
  std::memcpy(out, kReplacement.data(), kReplacement.size());
  size_ += kReplacement.size();
  return in + std::max<std::size_t>(valid_prefix, 1);
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
  j.Key<"code">();
  j.String(warning.code);
  j.Key<"message">();
  j.String(warning.message);
  j.EndObject();
}

void Write(JsonWriter& j, const Properties& p) {
  j.BeginObject();
  j.Key<"title">();
  j.OptString(p.title);
  j.Key<"creator">();
  j.OptString(p.creator);
  j.Key<"last_modified_by">();
  j.OptString(p.last_modified_by);
  j.Key<"created">();
  j.OptString(p.created);
  j.Key<"modified">();
  j.OptString(p.modified);
  j.EndObject();
}

void Write(JsonWriter& j, const Reference& r) {
  j.BeginObject();
  j.Key<"text">();
  j.String(r.text);
  j.Key<"issuer">();
  j.OptString(r.issuer);
  j.Key<"kind">();
  j.OptString(r.kind);
  j.Key<"number">();
  j.OptString(r.number);
  j.Key<"file">();
  j.OptString(r.file);
  j.Key<"key">();
  j.OptString(r.key);
  j.EndObject();
}

void Write(JsonWriter& j, const Contact& c) {
  j.BeginObject();
  j.Key<"name">();
  j.OptString(c.name);
  j.Key<"tel">();
  j.OptString(c.tel);
  j.Key<"fax">();
  j.OptString(c.fax);
  j.Key<"email">();
  j.OptString(c.email);
  j.Key<"web">();
  j.OptString(c.web);
  j.EndObject();
}

void Write(JsonWriter& j, const Signature& s) {
  j.BeginObject();
  j.Key<"name">();
  j.String(s.name);
  j.Key<"title">();
  j.OptString(s.title);
  j.EndObject();
}

void Write(JsonWriter& j, const LetterFields& l) {
  j.BeginObject();
  j.Key<"place">();
  j.OptString(l.place);
  j.Key<"date">();
  j.OptString(l.date);
  j.Key<"reference">();
  WriteOrNull(j, l.reference);
  j.Key<"addressees">();
  j.Strings(l.addressees);
  j.Key<"copies">();
  j.Strings(l.copies);
  j.Key<"contact">();
  WriteOrNull(j, l.contact);
  j.Key<"subject">();
  j.OptString(l.subject);
  j.Key<"salutation">();
  j.OptString(l.salutation);
  j.Key<"closing">();
  j.OptString(l.closing);
  j.Key<"signature">();
  WriteOrNull(j, l.signature);
  j.EndObject();
}

void Write(JsonWriter& j, const Meeting& m) {
  j.BeginObject();
  j.Key<"body">();
  j.String(m.body);
  j.Key<"body_key">();
  j.OptString(m.body_key);
  j.Key<"start">();
  j.OptString(m.start);
  j.Key<"end">();
  j.OptString(m.end);
  j.Key<"mode">();
  j.OptString(m.mode);
  j.Key<"location">();
  j.OptString(m.location);
  j.Key<"opening">();
  j.OptString(m.opening);
  j.Key<"timezone">();
  j.OptString(m.timezone);
  j.EndObject();
}

void Write(JsonWriter& j, const Deadline& d) {
  j.BeginObject();
  j.Key<"date">();
  j.String(d.date);
  j.Key<"text">();
  j.String(d.text);
  j.EndObject();
}

void Write(JsonWriter& j, const Event& e) {
  j.BeginObject();
  j.Key<"title">();
  j.String(e.title);
  j.Key<"date">();
  j.OptString(e.date);
  j.Key<"start">();
  j.OptString(e.start);
  j.Key<"end">();
  j.OptString(e.end);
  j.Key<"timezone">();
  j.OptString(e.timezone);
  j.Key<"url">();
  j.OptString(e.url);
  j.Key<"text">();
  j.String(e.text);
  j.EndObject();
}

void Write(JsonWriter& j, const AgendaItem& item) {
  j.BeginObject();
  j.Key<"number">();
  j.String(item.number);
  j.Key<"level">();
  j.Number(item.level);
  j.Key<"parent">();
  j.OptString(item.parent);
  j.Key<"title">();
  j.String(item.title);
  j.Key<"documents">();
  j.Strings(item.documents);
  j.Key<"notes">();
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
  j.Key<"title">();
  j.OptString(a.title);
  j.Key<"annex">();
  j.OptString(a.annex);
  j.Key<"items">();
  Array(j, a.items);
  j.EndObject();
}

void Write(JsonWriter& j, const Annex& a) {
  j.BeginObject();
  j.Key<"label">();
  j.String(a.label);
  j.Key<"title">();
  j.OptString(a.title);
  j.EndObject();
}

void Write(JsonWriter& j, const OutputBlock& b) {
  j.BeginObject();
  j.Key<"type">();
  j.String(b.type);
  if (b.type == "table") {
    j.Key<"rows">();
    j.BeginArray();
    for (const auto& row : b.rows) {
      j.Element();
      j.Strings(row);
    }
    j.EndArray();
  } else if (b.type == "heading") {
    j.Key<"level">();
    j.Number(b.level);
    j.Key<"text">();
    j.String(b.text);
  } else {
    j.Key<"text">();
    j.String(b.text);
    j.Key<"style">();
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
  j.Key<"kind">();
  j.String(n.kind);
  j.Key<"id">();
  j.String(n.id);
  j.Key<"text">();
  j.String(n.text);
  j.EndObject();
}

// A guess at the output size, a little over it as a rule, so that the output
// is seldom grown: the strings of the record, each with its quotes, and a
// fixed cost per member or element (key, punctuation and, when pretty,
// the line break and indentation). Escapes are what the slack is for.
std::size_t EstimateSize(const LetterRecord& r, bool pretty) {
  const std::size_t member = pretty ? 24 : 14;
  const std::size_t element = pretty ? 12 : 3;
  // The members written for every record: 63 of them, hashes and names.
  std::size_t size = 64 * member + 256 + r.source.path.size();
  const auto add = [&size](const std::string& text) { size += text.size() + 2; };
  const auto add_opt = [&add](const OptString& text) {
    if (text) add(*text);
  };
  const auto add_all = [&](const std::vector<std::string>& texts) {
    for (const std::string& text : texts) {
      size += element;
      add(text);
    }
  };
  if (r.error) add(r.error->message);
  for (const Warning& w : r.warnings) size += 2 * member + w.code.size() + w.message.size();
  if (r.letter) {
    const LetterFields& l = *r.letter;
    add_opt(l.place);
    add_opt(l.subject);
    add_opt(l.salutation);
    add_opt(l.closing);
    add_all(l.addressees);
    add_all(l.copies);
    if (l.reference) add(l.reference->text);
  }
  if (r.meeting) add(r.meeting->body);
  for (const Deadline& d : r.deadlines) size += 2 * member + d.date.size() + d.text.size();
  for (const Event& e : r.events) size += 7 * member + 64 + e.title.size() + e.text.size();
  if (r.agenda) {
    for (const AgendaItem& item : r.agenda->items) {
      size += 6 * member + item.number.size() + item.title.size();
      if (item.parent) size += item.parent->size();
      add_opt(item.notes);
      add_all(item.documents);
    }
  }
  for (const Annex& a : r.annexes) {
    size += 2 * member + a.label.size();
    add_opt(a.title);
  }
  add_all(r.recommendations);
  add_all(r.urls);
  for (const OutputBlock& b : r.blocks) {
    size += 3 * member + b.type.size() + b.text.size() + b.style.size();
    for (const auto& row : b.rows) {
      size += element;
      add_all(row);
    }
  }
  add_opt(r.text);
  for (const OutputNote& n : r.notes)
    size += 3 * member + n.kind.size() + n.id.size() + n.text.size();
  return size + size / 16;
}

}  // namespace

std::string EmitJson(const LetterRecord& r, JsonStyle style) {
  return emit_internal::EmitJsonWithSizeHint(r, style,
                                             EstimateSize(r, style == JsonStyle::kPretty));
}

std::string emit_internal::EmitJsonWithSizeHint(const LetterRecord& r, JsonStyle style,
                                                std::size_t size_hint) {
  JsonWriter j(style == JsonStyle::kPretty, size_hint);
  j.BeginObject();
  j.Key<"schema_version">();
  j.String(kSchemaVersion);
  j.Key<"id">();
  j.String(r.id);
  j.Key<"source">();
  j.BeginObject();
  j.Key<"path">();
  j.String(r.source.path);
  j.Key<"size">();
  j.Number(r.source.size);
  j.Key<"sha256">();
  j.String(r.source.sha256);
  j.Key<"format">();
  j.String(r.source.format);
  j.EndObject();
  j.Key<"status">();
  j.String(r.ok() ? "ok" : "error");
  j.Key<"error">();
  if (r.error) {
    j.BeginObject();
    j.Key<"code">();
    j.String(ErrorCodeName(r.error->code));
    j.Key<"message">();
    j.String(r.error->message);
    j.EndObject();
  } else {
    j.Null();
  }
  j.Key<"warnings">();
  Array(j, r.warnings);
  j.Key<"language">();
  j.OptString(r.language);
  j.Key<"properties">();
  WriteOrNull(j, r.properties);
  j.Key<"letter">();
  WriteOrNull(j, r.letter);
  j.Key<"meeting">();
  WriteOrNull(j, r.meeting);
  j.Key<"deadlines">();
  Array(j, r.deadlines);
  j.Key<"events">();
  Array(j, r.events);
  j.Key<"agenda">();
  WriteOrNull(j, r.agenda);
  j.Key<"annexes">();
  Array(j, r.annexes);
  j.Key<"recommendations">();
  j.Strings(r.recommendations);
  j.Key<"urls">();
  j.Strings(r.urls);
  j.Key<"blocks">();
  Array(j, r.blocks);
  j.Key<"text">();
  j.OptString(r.text);
  j.Key<"notes">();
  Array(j, r.notes);
  j.EndObject();
  return j.Finish();
}

std::string_view SchemaText() { return kSchemaText; }

}  // namespace missive
