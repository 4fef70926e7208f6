#include "extract/package.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "extract/xml_cursor.h"

namespace missive::extract_internal {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;  // compressed bytes copied out at a time
// Inflated bytes produced at a time, between two checks of the limits. Most
// parts fit one call, which spares zlib its copy into the sliding window.
constexpr std::uint64_t kInflateChunk = 1024 * 1024;
// Even untouched, a reservation must be granted; past this, grow as data comes.
constexpr std::uint64_t kMaxReserve = 256 * 1024 * 1024;
// Small parts compress very well legitimately, so the ratio is only judged
// once an entry has inflated this much.
constexpr std::uint64_t kRatioGrace = 1024 * 1024;

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

// One zlib state per thread, reset for every entry: inflateInit allocates
// several kilobytes, which every part of every file would otherwise repeat.
class Inflater {
 public:
  Inflater() = default;
  ~Inflater() {
    if (live_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // A stream ready for a new raw deflate entry (as zip stores them), or
  // null when zlib has no memory for one.
  static z_stream* ForNextEntry() {
    thread_local Inflater inflater;
    z_stream* stream = &inflater.stream_;
    if (!inflater.live_) {
      inflater.live_ = inflateInit2(stream, -MAX_WBITS) == Z_OK;
      if (!inflater.live_) return nullptr;
    } else if (inflateReset(stream) != Z_OK) {
      return nullptr;
    }
    stream->next_in = nullptr;
    stream->avail_in = 0;
    return stream;
  }

 private:
  z_stream stream_{};
  bool live_ = false;
};

// libdeflate's whole-buffer decompressor, one per thread.
libdeflate_decompressor* WholeBufferInflater() {
  struct Owner {
    libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
    ~Owner() {
      if (decompressor != nullptr) libdeflate_free_decompressor(decompressor);
    }
  };
  thread_local Owner owner;
  return owner.decompressor;
}

// Compressed bytes of the entry being read, kept per thread across files.
thread_local std::unique_ptr<char[]> compressed_buffer;
thread_local std::size_t compressed_capacity = 0;
constexpr std::size_t kLargestKeptCompressed = 4 * 1024 * 1024;

char* CompressedBuffer(std::size_t size) {
  if (compressed_capacity < size) {
    compressed_buffer = std::make_unique_for_overwrite<char[]>(size);
    compressed_capacity = size;
  }
  return compressed_buffer.get();
}

// ---------------------------------------------------------------------------
// Checks on a parsed XML part. pugixml parses without recursion and never
// expands entities, so a part can be parsed first and judged after: its tree
// memory is capped while it is built (ParseBudget) and a DTD is looked for
// among its top-level nodes. Nesting depth and paragraph counts are limited
// where the document model is built (docx_reader.cc), the only recursive
// reader of the tree.

enum class XmlEncoding { kBytes, kUtf16Le, kUtf16Be, kUnsupported };

// pugixml's own guess (guess_buffer_encoding), so that we refuse UTF-32
// before pugixml would convert it.
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

// What one parse may allocate. pugixml takes its memory from one global pair
// of functions; they consult the budget of the parse running on their thread
// and refuse once it is spent, which pugixml reports as out of memory.
struct ParseBudget {
  std::uint64_t left;
  std::uint64_t allocated = 0;
  bool exceeded = false;
};

thread_local ParseBudget* active_budget = nullptr;

void* AllocateForPugixml(std::size_t size) {
  if (ParseBudget* budget = active_budget) {
    if (size > budget->left) {
      budget->exceeded = true;
      return nullptr;
    }
    budget->left -= size;
    budget->allocated += size;
  }
  return std::malloc(size);
}

void FreeForPugixml(void* pointer) { std::free(pointer); }

void InstallPugixmlAllocator() {
  static const bool installed = [] {
    pugi::set_memory_management_functions(AllocateForPugixml, FreeForPugixml);
    return true;
  }();
  (void)installed;
}

// Every parse gets its first page free: pugixml allocates whole pages of
// 32 KiB however small the part, and only a few parts are alive at once.
constexpr std::uint64_t kFreeTreeBytes = 64 * 1024;

// Sets the budget of the parses on this thread for as long as it lives.
class BudgetScope {
 public:
  explicit BudgetScope(ParseBudget* budget) : previous_(active_budget) { active_budget = budget; }
  ~BudgetScope() { active_budget = previous_; }
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;

 private:
  ParseBudget* previous_;
};

// Spare part buffers of this thread, with their capacity. Bounded in count
// and size, so a worker keeps at most a few MiB between files.
constexpr std::size_t kSpareBuffers = 8;
constexpr std::size_t kLargestSpareBuffer = 2 * 1024 * 1024;
thread_local std::vector<PartBuffer> spare_buffers;

}  // namespace

void PartBuffer::reserve(std::size_t capacity) {
  if (capacity <= capacity_) return;
  // At least doubled, so that appending chunk by chunk stays linear.
  const std::size_t grown = std::max(capacity, 2 * capacity_);
  std::unique_ptr<char[]> bytes = std::make_unique_for_overwrite<char[]>(grown);
  if (size_ > 0) std::memcpy(bytes.get(), bytes_.get(), size_);
  bytes_ = std::move(bytes);
  capacity_ = grown;
}

void PartBuffer::append(const char* bytes, std::size_t count) {
  reserve(size_ + count);
  if (count > 0) std::memcpy(bytes_.get() + size_, bytes, count);
  size_ += count;
}

XmlPart::XmlPart() {
  if (!spare_buffers.empty()) {
    // Read() overwrites it.
    bytes = std::move(spare_buffers.back());
    spare_buffers.pop_back();
  }
}

// The tree is destroyed after this body runs; it never reads the buffer again.
XmlPart::~XmlPart() {
  if (spare_buffers.size() < kSpareBuffers && bytes.capacity() <= kLargestSpareBuffer) {
    spare_buffers.push_back(std::move(bytes));
  }
}

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
  // Held here until the package owns it, as making the package may fail.
  std::unique_ptr<zip_t, void (*)(zip_t*)> held_zip(zip, zip_discard);
  std::unique_ptr<ZipPackage> package(new ZipPackage(zip, bytes, options));
  held_zip.release();

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

std::optional<Error> ZipPackage::ReadWhole(zip_file_t* file, const zip_stat_t& stat,
                                           const std::string& context, PartBuffer* out) {
  libdeflate_decompressor* const decompressor = WholeBufferInflater();
  if (decompressor == nullptr) {
    return Error{ErrorCode::kIo, "out of memory while reading the zip archive"};
  }
  const std::size_t compressed_size = static_cast<std::size_t>(stat.comp_size);
  char* const compressed = CompressedBuffer(std::max<std::size_t>(compressed_size, 1));
  std::size_t have = 0;
  while (have < compressed_size) {
    const zip_int64_t n = zip_fread(file, compressed + have, compressed_size - have);
    if (n < 0) return ZipError(zip_error_code_zip(zip_file_get_error(file)), {}, context);
    if (n == 0) return Damaged(context, "its compressed data ends early");
    have += static_cast<std::size_t>(n);
  }
  // One byte more, for the NUL ReadXmlPart writes after a part.
  out->reserve(static_cast<std::size_t>(stat.size) + 1);
  out->resize(static_cast<std::size_t>(stat.size));
  std::size_t produced = 0;
  const libdeflate_result result = libdeflate_deflate_decompress(
      decompressor, compressed, compressed_size, out->data(), out->size(), &produced);
  if (compressed_capacity > kLargestKeptCompressed) {
    compressed_buffer.reset();
    compressed_capacity = 0;
  }
  if (result == LIBDEFLATE_INSUFFICIENT_SPACE) {
    return Damaged(context, "it holds more data than the zip directory says");
  }
  if (result != LIBDEFLATE_SUCCESS) return Damaged(context, "its compressed data is invalid");
  if (produced != out->size()) {
    return Damaged(context, "it holds less data than the zip directory says");
  }
  used_bytes_ += produced;
  if ((stat.valid & ZIP_STAT_CRC) != 0 && libdeflate_crc32(0, out->data(), produced) != stat.crc) {
    return Damaged(context, "its checksum does not match");
  }
  return std::nullopt;
}

Error ZipPackage::TreeTooLarge(std::string_view name) const {
  return Error{ErrorCode::kLimitExceeded,
               "the package needs more than the limit max_inflated_bytes (" +
                   std::to_string(options_.max_inflated_bytes) + " bytes) by part " +
                   std::string(name) + ": its parsed XML alone would take more than the " +
                   std::to_string(BytesLeft()) + " bytes left after " +
                   std::to_string(used_bytes_) +
                   " inflated and parsed so far; it may be an XML bomb, so raise the limit "
                   "only for a trusted file"};
}

std::optional<Error> ZipPackage::Read(std::uint64_t index, std::string_view name, PartBuffer* out) {
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
  out->clear();  // a recycled buffer: its old bytes need no copying on growth
  if (has_size) {
    const std::uint64_t left =
        options_.max_inflated_bytes - std::min(used_bytes_, options_.max_inflated_bytes);
    const auto wanted = static_cast<std::size_t>(std::min({stat.size, left, kMaxReserve}) + 1);
    // Parts come in all sizes and the spare buffers in any order: trade for
    // the smallest spare that is large enough rather than allocate again.
    if (out->capacity() < wanted) {
      PartBuffer* best = nullptr;
      for (PartBuffer& spare : spare_buffers) {
        if (spare.capacity() >= wanted &&
            (best == nullptr || spare.capacity() < best->capacity())) {
          best = &spare;
        }
      }
      if (best != nullptr) std::swap(*out, *best);
    }
    out->reserve(wanted);
  }

  // Raw reads: we inflate ourselves, so that we know how many compressed
  // bytes each output chunk took (the ratio) and stop between any two chunks.
  zip_file_t* file = zip_fopen_index(zip_, index, ZIP_FL_COMPRESSED);
  if (file == nullptr) return ZipError(zip_error_code_zip(zip_get_error(zip_)), {}, context);
  const auto close = [&](std::optional<Error> error) {
    zip_fclose(file);
    return error;
  };

  // The common case in one step: an entry whose declared size is within the
  // budget and the ratio limit is inflated whole by libdeflate (two to three
  // times faster than zlib) into a buffer of that size. A lie in the
  // directory then shows as too little or too much room. Any other entry
  // goes through zlib below, which checks the limits as data arrives.
  const std::uint64_t budget_left =
      options_.max_inflated_bytes - std::min(used_bytes_, options_.max_inflated_bytes);
  const bool has_comp_size = (stat.valid & ZIP_STAT_COMP_SIZE) != 0;
  if (deflated && has_size && has_comp_size && stat.size <= budget_left &&
      stat.comp_size <= kMaxReserve &&
      (stat.size <= kRatioGrace ||
       stat.size / std::max<std::uint64_t>(stat.comp_size, 1) <= options_.max_compression_ratio)) {
    return close(ReadWhole(file, stat, context, out));
  }
  out->clear();
  z_stream* const stream = Inflater::ForNextEntry();
  if (stream == nullptr) {
    return close(Error{ErrorCode::kIo, "out of memory while reading the zip archive"});
  }
  // Compressed bytes are copied out in chunks; most parts fit one.
  const std::size_t input_size =
      (stat.valid & ZIP_STAT_COMP_SIZE) != 0
          ? static_cast<std::size_t>(std::clamp<std::uint64_t>(stat.comp_size, 1, kReadChunk))
          : kReadChunk;
  if (input_capacity_ < input_size) {
    input_ = std::make_unique_for_overwrite<char[]>(input_size);
    input_capacity_ = input_size;
  }
  char* const input = input_.get();
  std::uint64_t consumed = 0;
  bool input_done = false;
  uLong crc = crc32(0, nullptr, 0);
  while (true) {
    if (stream->avail_in == 0 && !input_done) {
      const zip_int64_t n = zip_fread(file, input, input_size);
      if (n < 0) return close(ZipError(zip_error_code_zip(zip_file_get_error(file)), {}, context));
      input_done = n == 0;
      stream->next_in = reinterpret_cast<Bytef*>(input);
      stream->avail_in = static_cast<uInt>(n);
    }
    const std::size_t used = out->size();
    std::size_t produced;
    bool stream_end = false;
    if (deflated) {
      // Room for what the directory declares and one byte more, which
      // catches an entry that holds more, and never more than one byte past
      // the budget.
      const std::uint64_t left_now =
          options_.max_inflated_bytes - std::min(used_bytes_, options_.max_inflated_bytes);
      std::uint64_t room64 = std::min(kInflateChunk, left_now + 1);
      if (has_size && stat.size >= used)
        room64 = std::min<std::uint64_t>(room64, stat.size - used + 1);
      const std::size_t room = static_cast<std::size_t>(room64);
      out->resize(used + room);
      stream->next_out = reinterpret_cast<Bytef*>(out->data() + used);
      stream->avail_out = static_cast<uInt>(room);
      const uInt before = stream->avail_in;
      // Z_FINISH: an entry inflated in one call (the output has room for
      // all of it) then skips zlib's copy into its sliding window. A call
      // that cannot finish returns Z_BUF_ERROR and the next one goes on.
      const int status = inflate(stream, Z_FINISH);
      produced = room - stream->avail_out;
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

std::optional<Error> ZipPackage::Charge(std::string_view name, std::uint64_t tree_bytes) {
  used_bytes_ += tree_bytes;
  tree_bytes_ += tree_bytes;
  if (used_bytes_ > options_.max_inflated_bytes) return BudgetExceeded(name);
  return std::nullopt;
}

namespace {

bool IsXmlNameByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || c >= 0x80;
}

// The qualified name of the tag whose '<' is at `at` (after "</" for an
// end tag).
std::string_view TagName(const char* at, const char* end) {
  const char* name_end = at;
  while (name_end < end && IsXmlNameByte(static_cast<unsigned char>(*name_end))) ++name_end;
  return {at, static_cast<std::size_t>(name_end - at)};
}

std::string_view LocalName(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

}  // namespace

Cut CutElement(char* data, std::size_t* size, std::string_view local_name) {
  const char* const end = data + *size;
  const auto next_tag = [end](const char* from) {
    return static_cast<const char*>(std::memchr(from, '<', static_cast<std::size_t>(end - from)));
  };
  // The element's start tag: every '<' before it must start a tag.
  const char* start = nullptr;
  std::string_view name;
  for (const char* at = next_tag(data); at != nullptr; at = next_tag(at + 1)) {
    if (at + 1 == end || at[1] == '!') return {};
    if (at[1] == '?') {
      if (at != data &&
          std::string_view(data, static_cast<std::size_t>(at - data)) != "\xEF\xBB\xBF") {
        return {};  // a processing instruction, not the declaration
      }
      continue;
    }
    if (at[1] == '/') continue;
    name = TagName(at + 1, end);
    if (LocalName(name) == local_name) {
      start = at;
      break;
    }
  }
  if (start == nullptr) return {};
  // The end of the start tag: the first '>' outside quotes ('>' may stand
  // in an attribute value; '<' may not).
  const char* tag_end = start + 1 + name.size();
  for (char quote = 0; tag_end < end; ++tag_end) {
    if (quote != 0) {
      if (*tag_end == quote) quote = 0;
    } else if (*tag_end == '"' || *tag_end == '\'') {
      quote = *tag_end;
    } else if (*tag_end == '>' || *tag_end == '<') {
      break;
    }
  }
  if (tag_end == end || *tag_end != '>') return {};
  const char* element_end = nullptr;
  if (tag_end[-1] == '/') {
    element_end = tag_end + 1;
  } else {
    // Its end tag: the first of its name, with only tags before it. Only the
    // same qualified name could nest or close it; the names are compared in
    // place, as there are hundreds of tags inside.
    const auto named_at = [&](const char* at) {
      return static_cast<std::size_t>(end - at) > name.size() &&
             std::memcmp(at, name.data(), name.size()) == 0 &&
             !IsXmlNameByte(static_cast<unsigned char>(at[name.size()]));
    };
    for (const char* at = next_tag(tag_end); at != nullptr; at = next_tag(at + 1)) {
      if (at + 1 == end || at[1] == '!' || at[1] == '?') return {};
      if (at[1] != '/') {
        if (named_at(at + 1)) return {};  // nested
        continue;
      }
      if (!named_at(at + 2)) continue;
      const char* close = at + 2 + name.size();
      while (close < end && (*close == ' ' || *close == '\t' || *close == '\r' || *close == '\n')) {
        ++close;
      }
      if (close == end || *close != '>') return {};
      element_end = close + 1;
      break;
    }
    if (element_end == nullptr) return {};
  }
  const Cut cut{static_cast<std::size_t>(start - data),
                static_cast<std::size_t>(element_end - start)};
  std::memmove(data + cut.offset, element_end, static_cast<std::size_t>(end - element_end));
  *size -= cut.length;
  return cut;
}

std::optional<Error> ReadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part) {
  part->reset();
  std::optional<std::uint64_t> index;
  if (std::optional<Error> error = package->Find(name, &index)) return error;
  if (!index) return std::nullopt;
  auto loaded = std::make_unique<XmlPart>();
  loaded->name = std::string(name);
  if (std::optional<Error> error = package->Read(*index, name, &loaded->bytes)) return error;
  loaded->bytes.terminate();
  *part = std::move(loaded);
  return std::nullopt;
}

std::optional<Error> LoadXmlPart(ZipPackage* package, std::string_view name,
                                 std::unique_ptr<XmlPart>* part, std::string_view unread_element) {
  std::unique_ptr<XmlPart> loaded;
  if (std::optional<Error> error = ReadXmlPart(package, name, &loaded)) return error;
  if (loaded == nullptr) {
    part->reset();
    return std::nullopt;
  }
  if (std::optional<Error> error = ParseXmlPart(package, loaded.get(), unread_element)) {
    return error;
  }
  *part = std::move(loaded);
  return std::nullopt;
}

std::optional<Error> ParseXmlPart(ZipPackage* package, XmlPart* loaded,
                                  std::string_view unread_element) {
  const std::string_view name = loaded->name;
  const std::string_view bytes = loaded->bytes.view();
  const std::string prefix = "part " + std::string(name);

  pugi::xml_encoding parse_encoding = pugi::encoding_auto;
  switch (DetectEncoding(bytes)) {
    case XmlEncoding::kBytes:
      break;
    case XmlEncoding::kUtf16Le:
      parse_encoding = pugi::encoding_utf16_le;
      break;
    case XmlEncoding::kUtf16Be:
      parse_encoding = pugi::encoding_utf16_be;
      break;
    case XmlEncoding::kUnsupported:
      return Error{ErrorCode::kXmlMalformed,
                   prefix +
                       " is encoded in UTF-32, but a Word package uses only UTF-8 or "
                       "UTF-16; re-save the document in Word"};
  }

  Cut cut;
  if (!unread_element.empty() && parse_encoding == pugi::encoding_auto) {
    std::size_t size = loaded->bytes.size();
    cut = CutElement(loaded->bytes.data(), &size, unread_element);
    loaded->bytes.resize(size);
  }

  // parse_ws_pcdata keeps whitespace-only w:t text (" " between words).
  // parse_doctype keeps a DTD as a node, so that the check below sees it;
  // pugixml never expands its entities either way.
  InstallPugixmlAllocator();
  ParseBudget budget{package->BytesLeft() + kFreeTreeBytes};
  pugi::xml_parse_result result;
  {
    BudgetScope scope(&budget);
    result = loaded->doc.load_buffer_inplace(
        loaded->bytes.data(), loaded->bytes.size(),
        pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype, parse_encoding);
  }
  const std::uint64_t tree_bytes =
      budget.allocated > kFreeTreeBytes ? budget.allocated - kFreeTreeBytes : 0;
  if (budget.exceeded) {
    return package->TreeTooLarge(name);
  }
  if (!result) {
    if (result.status == pugi::status_out_of_memory) {
      return Error{ErrorCode::kIo, "out of memory while parsing " + prefix};
    }
    // The byte as the part has it, before any cut.
    const auto offset = static_cast<std::size_t>(result.offset);
    const std::size_t part_offset = offset >= cut.offset ? offset + cut.length : offset;
    return Error{ErrorCode::kXmlMalformed,
                 prefix + " is not well-formed XML at byte " + std::to_string(part_offset) + " (" +
                     result.description() +
                     "); the document is damaged: open and repair it in Word, then save again"};
  }

  // A DTD can only stand before the root element; pugixml keeps it as a
  // node there (parse_doctype) and fails on one anywhere else.
  for (const pugi::xml_node node : loaded->doc.children()) {
    if (node.type() != pugi::node_doctype) continue;
    const std::ptrdiff_t offset = node.offset_debug();
    return Error{ErrorCode::kXmlMalformed,
                 prefix + " has a document type declaration (<!DOCTYPE)" +
                     (offset < 0 ? std::string() : " at byte " + std::to_string(offset)) +
                     ", which Word packages must not have; its entities are never expanded and "
                     "the file is refused as unsafe: re-save the document in Word"};
  }
  return package->Charge(name, tree_bytes);
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

namespace {

// Reads the relationships in `xml` (a relationships part, with the NUL
// ReadXmlPart writes after it) without a tree, as LoadRelationships reads
// the tree: false when the cursor gives up, for pugixml to read the part.
bool StreamRelationships(std::string_view xml, std::string_view source_part,
                         std::vector<Relationship>* relationships) {
  XmlCursor cursor(xml, kStreamedPartDepth);
  if (cursor.Begin() != XmlCursor::Event::kStart) return false;
  for (;;) {
    const XmlCursor::Event event = cursor.Next();
    if (event == XmlCursor::Event::kText) continue;
    if (event == XmlCursor::Event::kEnd) break;  // the root's: its children are read whole
    if (event != XmlCursor::Event::kStart) return false;
    const std::string_view name = cursor.name();
    const std::size_t colon = name.find(':');
    if (name.substr(colon == std::string_view::npos ? 0 : colon + 1) == "Relationship") {
      // One pass over the attributes; the first of each name counts.
      std::string id, type, target, mode;
      bool seen[4] = {};
      bool decoded = true;
      cursor.ForEachRawAttribute([&](std::string_view attribute, std::string_view raw) {
        const int which = attribute == "Id"           ? 0
                          : attribute == "Type"       ? 1
                          : attribute == "Target"     ? 2
                          : attribute == "TargetMode" ? 3
                                                      : -1;
        if (which < 0 || seen[which]) return;
        seen[which] = true;
        std::string* const out[] = {&id, &type, &target, &mode};
        decoded = decoded && cursor.AppendAttributeValue(raw, out[which]);
      });
      if (!decoded) return false;
      Relationship relationship;
      relationship.id = std::move(id);
      relationship.type = Trim(type);
      relationship.external = mode == "External";
      relationship.target =
          relationship.external ? Trim(target) : ResolveTarget(source_part, target);
      relationships->push_back(std::move(relationship));
    }
    if (!cursor.SkipElement()) return false;
  }
  return cursor.Next() == XmlCursor::Event::kDone;
}

}  // namespace

std::optional<Error> LoadRelationships(ZipPackage* package, std::string_view source_part,
                                       std::vector<Relationship>* relationships) {
  relationships->clear();
  std::unique_ptr<XmlPart> part;
  if (std::optional<Error> error =
          ReadXmlPart(package, RelationshipsPartName(source_part), &part)) {
    return error;
  }
  if (part == nullptr) return std::nullopt;
  if (!package->options().tree_reader_only &&
      StreamRelationships(part->bytes.view(), source_part, relationships)) {
    return std::nullopt;
  }
  relationships->clear();
  if (std::optional<Error> error = ParseXmlPart(package, part.get())) return error;
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
