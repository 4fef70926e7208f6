// The OPC layer of a .docx: the zip archive, its XML parts and their
// relationships. Private to extract/.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/extract.h"

namespace missive::extract_internal {

// The inflated bytes of one part. Not a std::string: a string zero-fills
// whatever it grows by, and a part is always overwritten whole, so for a
// 50 KB document.xml that was 50 KB of writes for nothing.
class PartBuffer {
 public:
  char* data() { return bytes_.get(); }
  const char* data() const { return bytes_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  std::string_view view() const { return {bytes_.get(), size_}; }

  void clear() { size_ = 0; }
  // Room for `capacity` bytes, keeping the contents.
  void reserve(std::size_t capacity);
  // Sets the size; bytes past the old size are left unwritten, for the
  // caller to fill.
  void resize(std::size_t size) {
    reserve(size);
    size_ = size;
  }
  void append(const char* bytes, std::size_t count);
  // Writes a NUL after the bytes (not counted in size()), for scans that
  // stop there instead of checking bounds.
  void terminate() {
    reserve(size_ + 1);
    bytes_[size_] = '\0';
  }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// A zip archive read from caller-owned bytes, which must outlive it. It
// inflates entries itself (libdeflate, or zlib streaming where the declared
// sizes are past a limit) so that every limit is checked while inflating:
// ExtractOptions::max_inflated_bytes over the whole file, max_compression_ratio per entry, and
// through Charge() the XML trees.
class ZipPackage {
 public:
  static Result<std::unique_ptr<ZipPackage>> Open(std::string_view bytes,
                                                  const ExtractOptions& options);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // Sets *index to the entry holding part `name` ("word/document.xml"),
  // matched without regard to ASCII case as OPC part names are, or to nullopt
  // when there is none. Two entries with that part name are an error
  // (kNotDocx): readers would disagree on which one is the part.
  std::optional<Error> Find(std::string_view name, std::optional<std::uint64_t>* index) const;

  // Inflates entry `index` (named `name` in messages) into *out.
  std::optional<Error> Read(std::uint64_t index, std::string_view name, PartBuffer* out);

  // Counts a parsed XML tree of `tree_bytes` against max_inflated_bytes.
  std::optional<Error> Charge(std::string_view name, std::uint64_t tree_bytes);

  // What max_inflated_bytes still allows, for a parse to allocate.
  std::uint64_t BytesLeft() const {
    return options_.max_inflated_bytes - std::min(used_bytes_, options_.max_inflated_bytes);
  }

  // The error for a parse of part `name` that outgrew BytesLeft().
  Error TreeTooLarge(std::string_view name) const;

  const ExtractOptions& options() const { return options_; }

 private:
  ZipPackage(zip_t* zip, std::string_view bytes, const ExtractOptions& options)
      : zip_(zip), bytes_(bytes), options_(options) {}

  std::optional<Error> BudgetExceeded(std::string_view name) const;

  // Read()'s fast path: a deflated entry whose declared sizes were checked
  // against the limits, inflated whole.
  std::optional<Error> ReadWhole(zip_file_t* file, const zip_stat_t& stat,
                                 const std::string& context, PartBuffer* out);

  zip_t* zip_;
  std::string_view bytes_;
  ExtractOptions options_;
  // Part names folded to ASCII lower case -> entry index, or kDuplicate when
  // two entries share one.
  static constexpr std::uint64_t kDuplicate = ~std::uint64_t{0};
  std::unordered_map<std::string, std::uint64_t> entries_;
  std::uint64_t used_bytes_ = 0;   // inflated plus parsed-tree bytes so far
  std::uint64_t tree_bytes_ = 0;   // the parsed-tree share of used_bytes_
  std::unique_ptr<char[]> input_;  // compressed bytes of the entry being read
  std::size_t input_capacity_ = 0;
};

// A parsed XML part. pugixml parses `bytes` in place, so the two live together.
// The byte buffers are recycled per thread: a worker reads the same few parts
// of file after file, and fresh memory for each would be faulted in again.
struct XmlPart {
  XmlPart();
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  std::string name;
  PartBuffer bytes;
  pugi::xml_document doc;
};

// Inflates and parses part `name`. *part stays null when the package has no
// such part. The parse may allocate only what max_inflated_bytes leaves (past
// a first page of each part: kLimitExceeded), and a part is refused for what
// pugixml would accept but we must not: a DTD (kXmlMalformed: OPC [M1.18]
// forbids them, and their entities are how billion-laughs attacks work;
// pugixml never expands them) and encodings other than UTF-8 and UTF-16 (OPC
// [M1.17]). A part that is not well-formed gives kXmlMalformed with its name
// and byte offset.
//
// `unread_element`, when given, is the local name of an element that nobody
// reads from this part ("latentStyles" of styles.xml, 40 % of it in Word's
// documents): it is cut out before parsing where CutElement can.
std::optional<Error> LoadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part,
                                 std::string_view unread_element = {});

// LoadXmlPart in two steps, for a part that may be read without its tree:
// ReadXmlPart inflates it (*part stays null when there is no such part),
// ParseXmlPart parses it as LoadXmlPart would, with the same errors.
std::optional<Error> ReadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part);
std::optional<Error> ParseXmlPart(ZipPackage* package, XmlPart* part,
                                  std::string_view unread_element = {});

// How deep XmlCursor follows a small part read without a tree (relationships,
// core properties); deeper ones are read as trees.
constexpr std::size_t kStreamedPartDepth = 64;

// What CutElement removed: `length` bytes from `offset`.
struct Cut {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// Removes the first element named `local_name` (with any prefix) from the
// UTF-8 XML in data[0, *size), moving what follows it down and shrinking
// *size, where that is plainly safe: no comment, CDATA section, DTD or
// processing instruction (an XML declaration first excepted) stands before
// the element's end, so every '<' up to there starts a tag, and nothing of
// its name nests in it. Anything else is left as it is for the parser to
// judge (length 0), a DTD above all, which LoadXmlPart must still see.
Cut CutElement(char* data, std::size_t* size, std::string_view local_name);

struct Relationship {
  std::string id;
  std::string type;    // the full relationship type URI
  std::string target;  // a resolved part name, or the target as written when external
  bool external = false;
};

// Reads the relationships of `source_part` ("" for the package itself) in
// document order; a missing relationships part gives an empty list. The
// part is read from its bytes where XmlCursor reads it, else as a tree.
std::optional<Error> LoadRelationships(ZipPackage* package, std::string_view source_part,
                                       std::vector<Relationship>* relationships);

// "word/document.xml" -> "word/_rels/document.xml.rels"; "" -> "_rels/.rels".
std::string RelationshipsPartName(std::string_view source_part);

// Resolves a relationship target against the folder of `source_part`:
// "media/a.png" from "word/document.xml" is "word/media/a.png", "../x.xml"
// climbs a folder, "/word/x.xml" is absolute.
std::string ResolveTarget(std::string_view source_part, std::string_view target);

inline bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace missive::extract_internal
