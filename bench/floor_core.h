// The floor's work on one package in memory, shared by missive_floor and the
// stage micro-benchmarks: open the zip with libzip, inflate
// word/document.xml and parse it in place with pugixml, with the parse flags
// missive uses (extract/package.cc). Nothing else.
#pragma once

#include <zip.h>

#include <cstdint>
#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace missive_bench {

// Returns the size of word/document.xml, or 0 when the package has none or
// it is not well-formed. `xml` is a scratch buffer the caller reuses, so the
// floor pays no allocation a careful converter could avoid.
inline std::uint64_t FloorParse(std::string_view bytes, std::string& xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return 0;
  }
  std::uint64_t parsed = 0;
  const zip_int64_t index = zip_name_locate(zip, "word/document.xml", ZIP_FL_ENC_RAW);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (index >= 0 && zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) != 0) {
    if (zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0)) {
      xml.resize(static_cast<std::size_t>(stat.size));
      const zip_int64_t n = zip_fread(file, xml.data(), xml.size());
      zip_fclose(file);
      if (n == static_cast<zip_int64_t>(xml.size())) {
        pugi::xml_document doc;
        const pugi::xml_parse_result result = doc.load_buffer_inplace(
            xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
        // Touch the tree so the parse cannot be thought dead.
        if (result && std::strlen(doc.document_element().name()) > 0) parsed = xml.size();
      }
    }
  }
  zip_discard(zip);  // also frees the source, which does not own the bytes
  return parsed;
}

}  // namespace missive_bench
