#include "extract/package.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace missive::extract_internal {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
// The most a declared entry size may make us allocate before any data shows.
constexpr std::uint64_t kMaxFirstRead = 8 * 1024 * 1024;

// What to tell the user when libzip could not read the archive or an entry.
Error ZipError(int zip_code, std::string_view bytes, std::string_view context) {
  zip_error_t error;
  zip_error_init_with_code(&error, zip_code);
  const std::string detail = zip_error_strerror(&error);
  zip_error_fini(&error);
  switch (zip_code) {
    case ZIP_ER_NOZIP:
      // libzip finds no end-of-central-directory record. If the bytes begin
      // like a zip, the end of the file was lost.
      if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        return {ErrorCode::kTruncated,
                "the zip archive is cut short: it starts like a .docx but its central "
                "directory is missing; copy the file again from its source"};
      }
      return {ErrorCode::kNotAZip,
              "the file is not a zip archive, so it is not a .docx package; check that it "
              "was saved from Word as .docx"};
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return {ErrorCode::kEncrypted, std::string(context) +
                                         " is encrypted inside the zip archive: remove the "
                                         "password and save the document again"};
    case ZIP_ER_COMPNOTSUPP:
      return {ErrorCode::kUnsupportedFormat,
              std::string(context) + " uses a zip compression method that is not supported (" +
                  detail + "): re-save the document in Word"};
    case ZIP_ER_MEMORY:
      return {ErrorCode::kIo, "out of memory while reading the zip archive"};
    default:
      return {ErrorCode::kTruncated, std::string(context) + " is damaged or cut short (" + detail +
                                         "): copy the file again from its source or re-save "
                                         "it in Word"};
  }
}

std::string Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

Result<std::unique_ptr<ZipPackage>> ZipPackage::Open(std::string_view bytes,
                                                     const ExtractOptions& options) {
  if (bytes.empty()) {
    return Error{ErrorCode::kNotAZip, "the file is empty, so it is not a .docx package"};
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    return ZipError(code, bytes, "the zip archive");
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return ZipError(code, bytes, "the zip archive");
  }
  zip_error_fini(&error);
  std::unique_ptr<ZipPackage> package(new ZipPackage(zip, options.max_inflated_bytes));

  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > options.max_zip_entries) {
    return Error{ErrorCode::kLimitExceeded,
                 "the zip archive has " + std::to_string(entries) +
                     " entries, more than the limit max_zip_entries (" +
                     std::to_string(options.max_zip_entries) +
                     "); a Word document has far fewer, so the file is refused as unsafe"};
  }
  return package;
}

ZipPackage::~ZipPackage() {
  // zip_discard also frees the source, which does not own the bytes.
  zip_discard(zip_);
}

std::optional<std::uint64_t> ZipPackage::Find(std::string_view name) const {
  const std::string key(name);
  zip_int64_t index = zip_name_locate(zip_, key.c_str(), ZIP_FL_ENC_RAW);
  if (index < 0) index = zip_name_locate(zip_, key.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_RAW);
  if (index < 0) return std::nullopt;
  return static_cast<std::uint64_t>(index);
}

std::optional<Error> ZipPackage::Read(std::uint64_t index, std::string_view name,
                                      std::string* out) {
  out->clear();
  const std::string context = "part " + std::string(name);
  zip_file_t* file = zip_fopen_index(zip_, index, 0);
  if (file == nullptr) {
    return ZipError(zip_error_code_zip(zip_get_error(zip_)), {}, context);
  }
  // The declared size lets one read take the whole entry, but it is only a
  // hint: a lying header must not make us allocate much, so cap it and keep
  // reading in chunks.
  std::size_t chunk = kReadChunk;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0) {
    const std::uint64_t remaining = max_inflated_bytes_ - inflated_bytes_;
    chunk = static_cast<std::size_t>(std::min({stat.size, remaining, kMaxFirstRead}) + 1);
  }
  std::optional<Error> failure;
  while (true) {
    const std::size_t used = out->size();
    out->resize(used + chunk);
    const zip_int64_t n = zip_fread(file, out->data() + used, chunk);
    if (n < 0) {
      failure = ZipError(zip_error_code_zip(zip_file_get_error(file)), {}, context);
      out->resize(used);
      break;
    }
    out->resize(used + static_cast<std::size_t>(n));
    inflated_bytes_ += static_cast<std::uint64_t>(n);
    if (inflated_bytes_ > max_inflated_bytes_) {
      failure = Error{ErrorCode::kLimitExceeded,
                      "the package inflates to more than the limit max_inflated_bytes (" +
                          std::to_string(max_inflated_bytes_) + " bytes) while reading " +
                          std::string(name) +
                          "; it may be a zip bomb, so raise the limit only for a trusted file"};
      break;
    }
    if (n == 0) break;
    chunk = kReadChunk;
  }
  zip_fclose(file);
  if (out->capacity() - out->size() > kReadChunk) out->shrink_to_fit();
  return failure;
}

std::optional<Error> LoadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part) {
  part->reset();
  const std::optional<std::uint64_t> index = package->Find(name);
  if (!index) return std::nullopt;
  auto loaded = std::make_unique<XmlPart>();
  loaded->name = std::string(name);
  if (std::optional<Error> error = package->Read(*index, name, &loaded->bytes)) return error;
  // parse_ws_pcdata keeps whitespace-only w:t text (" " between words).
  // No parse_doctype: DTDs are skipped and their entities never expanded.
  const pugi::xml_parse_result result = loaded->doc.load_buffer_inplace(
      loaded->bytes.data(), loaded->bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!result) {
    return Error{ErrorCode::kXmlMalformed,
                 "part " + std::string(name) + " is not well-formed XML at byte " +
                     std::to_string(result.offset) + " (" + result.description() +
                     "); the document is damaged: open and repair it in Word, then save again"};
  }
  *part = std::move(loaded);
  return std::nullopt;
}

std::string RelationshipsPartName(std::string_view source_part) {
  const std::size_t slash = source_part.rfind('/');
  if (slash == std::string_view::npos) {
    return "_rels/" + std::string(source_part) + ".rels";
  }
  return std::string(source_part.substr(0, slash + 1)) + "_rels/" +
         std::string(source_part.substr(slash + 1)) + ".rels";
}

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  // A fragment or query never names a part.
  target = target.substr(0, std::min(target.find('#'), target.find('?')));
  std::vector<std::string_view> segments;
  if (!target.empty() && target.front() == '/') {
    target.remove_prefix(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    std::string_view folder =
        slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash);
    while (!folder.empty()) {
      const std::size_t next = folder.find('/');
      segments.push_back(folder.substr(0, next));
      folder = next == std::string_view::npos ? std::string_view() : folder.substr(next + 1);
    }
  }
  while (!target.empty()) {
    const std::size_t next = target.find('/');
    const std::string_view segment = target.substr(0, next);
    target = next == std::string_view::npos ? std::string_view() : target.substr(next + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string resolved;
  for (const std::string_view segment : segments) {
    if (!resolved.empty()) resolved.push_back('/');
    resolved.append(segment);
  }
  return resolved;
}

std::optional<Error> LoadRelationships(ZipPackage* package, std::string_view source_part,
                                       std::vector<Relationship>* relationships) {
  relationships->clear();
  std::unique_ptr<XmlPart> part;
  if (std::optional<Error> error =
          LoadXmlPart(package, RelationshipsPartName(source_part), &part)) {
    return error;
  }
  if (part == nullptr) return std::nullopt;
  // The relationships namespace has no prefix in practice, but match the
  // local name so a prefixed form reads the same.
  const auto local = [](const char* name) {
    const char* colon = std::strchr(name, ':');
    return std::string_view(colon == nullptr ? name : colon + 1);
  };
  for (const pugi::xml_node node : part->doc.document_element().children()) {
    if (local(node.name()) != "Relationship") continue;
    Relationship relationship;
    relationship.id = node.attribute("Id").value();
    relationship.type = Trim(node.attribute("Type").value());
    const std::string_view target = node.attribute("Target").value();
    relationship.external = std::string_view(node.attribute("TargetMode").value()) == "External";
    relationship.target = relationship.external ? Trim(target) : ResolveTarget(source_part, target);
    relationships->push_back(std::move(relationship));
  }
  return std::nullopt;
}

}  // namespace missive::extract_internal
