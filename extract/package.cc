#include "extract/package.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace missive::extract_internal {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;
// Even untouched, a reservation must be granted; past this, grow as data comes.
constexpr std::uint64_t kMaxReserve = 256 * 1024 * 1024;
// Small parts compress very well legitimately, so the ratio is only judged
// once an entry has inflated this much.
constexpr std::uint64_t kRatioGrace = 1024 * 1024;
// What pugixml (1.13, 64-bit) allocates per node and per attribute; text is
// parsed in place and costs nothing more.
constexpr std::uint64_t kTreeBytesPerNode = 64;
constexpr std::uint64_t kTreeBytesPerAttribute = 40;

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

Error Damaged(std::string_view context, std::string_view what) {
  return {ErrorCode::kTruncated, std::string(context) + " is damaged or cut short (" +
                                     std::string(what) +
                                     "): copy the file again from its source or re-save it in "
                                     "Word"};
}

std::string Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string FoldCase(std::string_view name) {
  std::string folded(name);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

// Releases zlib's state however Read leaves.
class Inflater {
 public:
  Inflater() = default;
  ~Inflater() {
    if (live_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool Init() {
    live_ = inflateInit2(&stream_, -MAX_WBITS) == Z_OK;  // raw deflate, as zip stores it
    return live_;
  }
  z_stream* stream() { return &stream_; }

 private:
  z_stream stream_{};
  bool live_ = false;
};

// ---------------------------------------------------------------------------
// The pre-scan of an XML part: one pass over its code units that counts what
// the parsed tree will hold and stops at the first thing we refuse.

enum class XmlEncoding { kBytes, kUtf16Le, kUtf16Be, kUnsupported };

// pugixml's own guess (guess_buffer_encoding), so that the scan and the parse
// read the same units. Byte encodings (UTF-8, Latin-1) share '<' and '>'.
XmlEncoding DetectEncoding(std::string_view bytes) {
  const auto at = [&](std::size_t i) {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100u;
  };
  const unsigned d0 = at(0), d1 = at(1), d2 = at(2), d3 = at(3);
  if (bytes.size() >= 4) {
    if ((d0 == 0 && d1 == 0 && d2 == 0xFE && d3 == 0xFF) ||
        (d0 == 0xFF && d1 == 0xFE && d2 == 0 && d3 == 0) ||
        (d0 == 0 && d1 == 0 && d2 == 0 && d3 == 0x3C) ||
        (d0 == 0x3C && d1 == 0 && d2 == 0 && d3 == 0)) {
      return XmlEncoding::kUnsupported;  // UTF-32
    }
  }
  if (bytes.size() >= 2) {
    if ((d0 == 0xFE && d1 == 0xFF) || (d0 == 0 && d1 == 0x3C)) return XmlEncoding::kUtf16Be;
    if ((d0 == 0xFF && d1 == 0xFE) || (d0 == 0x3C && d1 == 0)) return XmlEncoding::kUtf16Le;
  }
  return XmlEncoding::kBytes;
}

struct ByteUnits {
  static constexpr std::size_t kUnitBytes = 1;
  std::string_view bytes;

  std::size_t size() const { return bytes.size(); }
  unsigned operator[](std::size_t i) const { return static_cast<unsigned char>(bytes[i]); }
  std::size_t Find(std::string_view needle, std::size_t from) const {
    return bytes.find(needle, from);
  }
};

template <bool kBigEndian>
struct Utf16Units {
  static constexpr std::size_t kUnitBytes = 2;
  std::string_view bytes;

  std::size_t size() const { return bytes.size() / 2; }
  unsigned operator[](std::size_t i) const {
    const unsigned first = static_cast<unsigned char>(bytes[2 * i]);
    const unsigned second = static_cast<unsigned char>(bytes[2 * i + 1]);
    return kBigEndian ? first << 8 | second : second << 8 | first;
  }
  // `needle` is ASCII.
  std::size_t Find(std::string_view needle, std::size_t from) const {
    const std::size_t n = size();
    if (needle.size() > n) return std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= n; ++i) {
      std::size_t k = 0;
      while (k < needle.size() && (*this)[i + k] == static_cast<unsigned char>(needle[k])) ++k;
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  }
};

struct XmlCounts {
  std::uint64_t nodes = 0;       // elements, text and CDATA: what pugixml allocates nodes for
  std::uint64_t attributes = 0;  // every '=' inside a start tag, outside quotes
  std::uint64_t paragraphs = 0;  // start tags named p or tc, whatever their prefix
};

struct ScanStop {
  enum class Why { kTooDeep, kDoctype } why;
  std::size_t offset;  // in bytes
};

// Whether `literal` (ASCII) starts at unit `at`.
template <typename Units>
bool StartsAt(const Units& units, std::size_t at, std::string_view literal) {
  if (at + literal.size() > units.size()) return false;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    if (units[at + k] != static_cast<unsigned char>(literal[k])) return false;
  }
  return true;
}

bool IsXmlSpace(unsigned c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Linear in the size of the part whatever it holds: every search starts
// where the last one ended. Malformed markup only makes the counts rough;
// pugixml reports it afterwards.
template <typename Units>
std::optional<ScanStop> ScanXml(const Units& units, std::uint32_t max_depth, XmlCounts* counts) {
  const std::size_t n = units.size();
  std::size_t i = 0;
  std::uint64_t depth = 0;
  while (i < n) {
    const std::size_t open = units.Find("<", i);
    if (open == std::string_view::npos) break;
    if (open > i && depth > 0) ++counts->nodes;  // text between tags
    if (open + 1 >= n) break;
    const unsigned kind = units[open + 1];
    std::size_t close;
    if (kind == '?') {
      close = units.Find("?>", open + 2);
      if (close != std::string_view::npos) close += 1;
    } else if (kind == '!') {
      if (StartsAt(units, open, "<!--")) {
        close = units.Find("-->", open + 4);
        if (close != std::string_view::npos) close += 2;
      } else if (StartsAt(units, open, "<![CDATA[")) {
        ++counts->nodes;
        close = units.Find("]]>", open + 9);
        if (close != std::string_view::npos) close += 2;
      } else {
        // <!DOCTYPE, or <!ENTITY and friends outside one.
        return ScanStop{ScanStop::Why::kDoctype, open * Units::kUnitBytes};
      }
    } else if (kind == '/') {
      if (depth > 0) --depth;
      close = units.Find(">", open + 2);
    } else {
      if (++depth > max_depth) return ScanStop{ScanStop::Why::kTooDeep, open * Units::kUnitBytes};
      ++counts->nodes;
      std::size_t k = open + 1;
      std::size_t local = k;
      while (k < n && !IsXmlSpace(units[k]) && units[k] != '/' && units[k] != '>') {
        if (units[k] == ':') local = k + 1;
        ++k;
      }
      const std::size_t local_size = k - local;
      if ((local_size == 1 && units[local] == 'p') ||
          (local_size == 2 && units[local] == 't' && units[local + 1] == 'c')) {
        ++counts->paragraphs;
      }
      unsigned quote = 0;
      for (; k < n; ++k) {
        const unsigned c = units[k];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '=') {
          ++counts->attributes;
        } else if (c == '>') {
          break;
        }
      }
      if (k >= n) break;
      if (units[k - 1] == '/') --depth;  // <empty/>
      close = k;
    }
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
  return std::nullopt;
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
  std::unique_ptr<ZipPackage> package(new ZipPackage(zip, bytes, options));

  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > options.max_zip_entries) {
    return Error{ErrorCode::kLimitExceeded,
                 "the zip archive has " + std::to_string(entries) +
                     " entries, more than the limit max_zip_entries (" +
                     std::to_string(options.max_zip_entries) +
                     "); a Word document has far fewer, so the file is refused as unsafe"};
  }
  package->entries_.reserve(static_cast<std::size_t>(entries));
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    const auto [it, inserted] =
        package->entries_.emplace(FoldCase(name), static_cast<std::uint64_t>(i));
    if (!inserted) it->second = kDuplicate;
  }
  return package;
}

ZipPackage::~ZipPackage() {
  // zip_discard also frees the source, which does not own the bytes.
  zip_discard(zip_);
}

std::optional<Error> ZipPackage::Find(std::string_view name,
                                      std::optional<std::uint64_t>* index) const {
  index->reset();
  const auto it = entries_.find(FoldCase(name));
  if (it == entries_.end()) return std::nullopt;
  if (it->second == kDuplicate) {
    return Error{ErrorCode::kNotDocx,
                 "the zip archive holds part " + std::string(name) +
                     " more than once, which a Word package never does (OPC forbids equivalent "
                     "part names); the file was altered or damaged, so re-save it in Word"};
  }
  *index = it->second;
  return std::nullopt;
}

std::optional<Error> ZipPackage::BudgetExceeded(std::string_view name) const {
  return Error{ErrorCode::kLimitExceeded,
               "the package needs more than the limit max_inflated_bytes (" +
                   std::to_string(options_.max_inflated_bytes) + " bytes) by part " +
                   std::string(name) + ": " + std::to_string(used_bytes_ - tree_bytes_) +
                   " bytes inflated and " + std::to_string(tree_bytes_) +
                   " for parsed XML; it may be a zip bomb, so raise the limit only for a "
                   "trusted file"};
}

std::optional<Error> ZipPackage::Read(std::uint64_t index, std::string_view name,
                                      std::string* out) {
  out->clear();
  const std::string context = "part " + std::string(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, index, 0, &stat) != 0) {
    return ZipError(zip_error_code_zip(zip_get_error(zip_)), {}, context);
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
    return ZipError(ZIP_ER_NOPASSWD, {}, context);
  }
  const bool deflated =
      (stat.valid & ZIP_STAT_COMP_METHOD) != 0 && stat.comp_method == ZIP_CM_DEFLATE;
  if (!deflated && ((stat.valid & ZIP_STAT_COMP_METHOD) == 0 || stat.comp_method != ZIP_CM_STORE)) {
    return ZipError(ZIP_ER_COMPNOTSUPP, {}, context);
  }
  // Declared sizes and checksums come from the central directory. They are
  // checked, never trusted: a size caps the entry (a lie stops us at once)
  // and says how much to reserve. Reserving touches no page, so even a lying
  // size costs no memory until data arrives.
  const bool has_size = (stat.valid & ZIP_STAT_SIZE) != 0;
  const bool has_crc = (stat.valid & ZIP_STAT_CRC) != 0;
  if (has_size) {
    const std::uint64_t left =
        options_.max_inflated_bytes - std::min(used_bytes_, options_.max_inflated_bytes);
    out->reserve(static_cast<std::size_t>(std::min({stat.size, left, kMaxReserve}) + kReadChunk));
  }

  // Raw reads: we inflate ourselves, so that we know how many compressed
  // bytes each output chunk took (the ratio) and stop between any two chunks.
  zip_file_t* file = zip_fopen_index(zip_, index, ZIP_FL_COMPRESSED);
  if (file == nullptr) return ZipError(zip_error_code_zip(zip_get_error(zip_)), {}, context);
  const auto close = [&](std::optional<Error> error) {
    zip_fclose(file);
    return error;
  };
  Inflater inflater;
  if (deflated && !inflater.Init()) {
    return close(Error{ErrorCode::kIo, "out of memory while reading the zip archive"});
  }
  z_stream* stream = inflater.stream();
  std::string input(kReadChunk, '\0');
  std::uint64_t consumed = 0;
  bool input_done = false;
  uLong crc = crc32(0, nullptr, 0);
  while (true) {
    if (stream->avail_in == 0 && !input_done) {
      const zip_int64_t n = zip_fread(file, input.data(), input.size());
      if (n < 0) return close(ZipError(zip_error_code_zip(zip_file_get_error(file)), {}, context));
      input_done = n == 0;
      stream->next_in = reinterpret_cast<Bytef*>(input.data());
      stream->avail_in = static_cast<uInt>(n);
    }
    const std::size_t used = out->size();
    std::size_t produced;
    bool stream_end = false;
    if (deflated) {
      out->resize(used + kReadChunk);
      stream->next_out = reinterpret_cast<Bytef*>(out->data() + used);
      stream->avail_out = static_cast<uInt>(kReadChunk);
      const uInt before = stream->avail_in;
      const int status = inflate(stream, Z_NO_FLUSH);
      produced = kReadChunk - stream->avail_out;
      consumed += before - stream->avail_in;
      out->resize(used + produced);
      if (status == Z_STREAM_END) {
        stream_end = true;
      } else if (status == Z_BUF_ERROR && input_done && stream->avail_in == 0) {
        return close(Damaged(context, "its compressed data ends early"));
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        return close(Damaged(context, "its compressed data is invalid"));
      }
    } else {
      produced = stream->avail_in;
      out->append(reinterpret_cast<const char*>(stream->next_in), produced);
      stream->avail_in = 0;
      stream_end = input_done;
    }
    crc =
        crc32(crc, reinterpret_cast<const Bytef*>(out->data() + used), static_cast<uInt>(produced));
    const std::uint64_t entry_bytes = out->size();
    used_bytes_ += produced;
    if (used_bytes_ > options_.max_inflated_bytes) return close(BudgetExceeded(name));
    if (has_size && entry_bytes > stat.size) {
      return close(Damaged(context, "it holds more data than the zip directory says"));
    }
    if (deflated && entry_bytes > kRatioGrace &&
        entry_bytes / std::max<std::uint64_t>(consumed, 1) > options_.max_compression_ratio) {
      return close(Error{ErrorCode::kLimitExceeded,
                         context + " inflates more than " +
                             std::to_string(options_.max_compression_ratio) +
                             " times its compressed size (" + std::to_string(entry_bytes) +
                             " bytes from " + std::to_string(consumed) +
                             "), above the limit max_compression_ratio; it may be a "
                             "zip bomb, so raise the limit only for a trusted file"});
    }
    if (stream_end) break;
  }
  if (has_size && out->size() != stat.size) {
    return close(Damaged(context, "it holds less data than the zip directory says"));
  }
  if (has_crc && crc != stat.crc) return close(Damaged(context, "its checksum does not match"));
  return close(std::nullopt);
}

std::optional<Error> ZipPackage::Charge(std::string_view name, std::uint64_t tree_bytes,
                                        std::uint64_t paragraphs) {
  used_bytes_ += tree_bytes;
  tree_bytes_ += tree_bytes;
  if (used_bytes_ > options_.max_inflated_bytes) return BudgetExceeded(name);
  paragraphs_ += paragraphs;
  if (paragraphs_ > options_.max_paragraphs) {
    return Error{ErrorCode::kLimitExceeded,
                 "the document has more than the limit max_paragraphs (" +
                     std::to_string(options_.max_paragraphs) +
                     " paragraphs and table cells) by part " + std::string(name) +
                     "; raise the limit only for a trusted file"};
  }
  return std::nullopt;
}

std::optional<Error> LoadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part) {
  part->reset();
  std::optional<std::uint64_t> index;
  if (std::optional<Error> error = package->Find(name, &index)) return error;
  if (!index) return std::nullopt;
  auto loaded = std::make_unique<XmlPart>();
  loaded->name = std::string(name);
  if (std::optional<Error> error = package->Read(*index, name, &loaded->bytes)) return error;
  const std::string_view bytes = loaded->bytes;
  const std::string prefix = "part " + std::string(name);

  const XmlEncoding encoding = DetectEncoding(bytes);
  const std::uint32_t max_depth = package->options().max_xml_depth;
  XmlCounts counts;
  std::optional<ScanStop> stop;
  pugi::xml_encoding parse_encoding = pugi::encoding_auto;
  switch (encoding) {
    case XmlEncoding::kBytes:
      stop = ScanXml(ByteUnits{bytes}, max_depth, &counts);
      break;
    case XmlEncoding::kUtf16Le:
      stop = ScanXml(Utf16Units<false>{bytes}, max_depth, &counts);
      parse_encoding = pugi::encoding_utf16_le;
      break;
    case XmlEncoding::kUtf16Be:
      stop = ScanXml(Utf16Units<true>{bytes}, max_depth, &counts);
      parse_encoding = pugi::encoding_utf16_be;
      break;
    case XmlEncoding::kUnsupported:
      return Error{ErrorCode::kXmlMalformed,
                   prefix +
                       " is encoded in UTF-32, but a Word package uses only UTF-8 or "
                       "UTF-16; re-save the document in Word"};
  }
  if (stop && stop->why == ScanStop::Why::kTooDeep) {
    return Error{ErrorCode::kLimitExceeded,
                 prefix + " nests elements more than the limit max_xml_depth (" +
                     std::to_string(max_depth) + ") deep at byte " + std::to_string(stop->offset) +
                     "; Word documents nest a few dozen levels, so the file is refused as unsafe"};
  }
  if (stop) {
    return Error{ErrorCode::kXmlMalformed,
                 prefix + " has a document type declaration (<!DOCTYPE) at byte " +
                     std::to_string(stop->offset) +
                     ", which Word packages must not have; its entities are never expanded and "
                     "the file is refused as unsafe: re-save the document in Word"};
  }
  // pugixml converts UTF-16 into a new UTF-8 buffer of up to 3 bytes a unit.
  const std::uint64_t converted = encoding == XmlEncoding::kBytes ? 0 : bytes.size() / 2 * 3;
  const std::uint64_t tree_bytes =
      counts.nodes * kTreeBytesPerNode + counts.attributes * kTreeBytesPerAttribute + converted;
  if (std::optional<Error> error = package->Charge(name, tree_bytes, counts.paragraphs)) {
    return error;
  }

  // parse_ws_pcdata keeps whitespace-only w:t text (" " between words).
  // No parse_doctype, although the scan refused any DTD already.
  const pugi::xml_parse_result result =
      loaded->doc.load_buffer_inplace(loaded->bytes.data(), loaded->bytes.size(),
                                      pugi::parse_default | pugi::parse_ws_pcdata, parse_encoding);
  if (!result) {
    return Error{ErrorCode::kXmlMalformed,
                 prefix + " is not well-formed XML at byte " + std::to_string(result.offset) +
                     " (" + result.description() +
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
