// The OPC layer of a .docx: the zip archive, its XML parts and their
// relationships. Private to extract/.
#pragma once

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/extract.h"

namespace missive::extract_internal {

// A zip archive read from caller-owned bytes, which must outlive it. Every
// inflated byte counts towards ExtractOptions::max_inflated_bytes.
class ZipPackage {
 public:
  static Result<std::unique_ptr<ZipPackage>> Open(std::string_view bytes,
                                                  const ExtractOptions& options);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // The entry holding part `name` ("word/document.xml"), matched without
  // regard to case as OPC part names are; nullopt when there is none.
  std::optional<std::uint64_t> Find(std::string_view name) const;

  // Inflates entry `index` (named `name` in messages) into *out.
  std::optional<Error> Read(std::uint64_t index, std::string_view name, std::string* out);

 private:
  ZipPackage(zip_t* zip, std::uint64_t max_inflated_bytes)
      : zip_(zip), max_inflated_bytes_(max_inflated_bytes) {}

  zip_t* zip_;
  std::uint64_t max_inflated_bytes_;
  std::uint64_t inflated_bytes_ = 0;
};

// A parsed XML part. pugixml parses `bytes` in place, so the two live together.
struct XmlPart {
  std::string name;
  std::string bytes;
  pugi::xml_document doc;
};

// Inflates and parses part `name`. *part stays null when the package has no
// such part; a part that is not well-formed gives kXmlMalformed.
std::optional<Error> LoadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part);

struct Relationship {
  std::string id;
  std::string type;    // the full relationship type URI
  std::string target;  // a resolved part name, or the target as written when external
  bool external = false;
};

// Reads the relationships of `source_part` ("" for the package itself) in
// document order; a missing relationships part gives an empty list.
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
