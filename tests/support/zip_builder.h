// Builds zip packages in memory for tests: the parts a test names, in order,
// the way a writer would store them. Test code only.
#pragma once

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace missive::test_support {

struct ZipPart {
  std::string name;
  std::string content;
  bool stored = false;  // ZIP_CM_STORE instead of deflate
};

// Zips `parts` into an in-memory archive and returns its bytes.
inline std::string ZipParts(const std::vector<ZipPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const ZipPart& part : parts) {
    zip_source_t* source =
        zip_source_buffer_create(part.content.data(), part.content.size(), 0, &error);
    const zip_int64_t index = zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                             part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  zip_close(zip);
  std::string bytes;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

// The same for (name, content) pairs, all deflated.
inline std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::vector<ZipPart> zip_parts;
  for (const auto& [name, content] : parts) zip_parts.push_back({name, content});
  return ZipParts(zip_parts);
}

}  // namespace missive::test_support
