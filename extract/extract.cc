// Extract: picks the reader from the bytes and the file name.
#include "extract/extract.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace missive {
namespace {

// The first bytes of a zip local file header and of an empty archive's
// end-of-central-directory record.
constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kEmptyZipMagic("PK\x05\x06", 4);
// [MS-CFB] 2.2: the OLE2 compound file signature.
constexpr std::string_view kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

constexpr std::size_t kOle2HeaderSize = 512;
constexpr std::size_t kOle2DirectoryEntrySize = 128;
constexpr std::uint32_t kOle2LastRegularSector = 0xFFFFFFF9;

std::uint32_t ReadLe32(std::string_view bytes, std::size_t offset) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + 3])) << 24;
}

std::uint16_t ReadLe16(std::string_view bytes, std::size_t offset) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[offset]) |
                                    static_cast<unsigned char>(bytes[offset + 1]) << 8);
}

// The stream names of an OLE2 file that tell us what it holds.
struct Ole2Streams {
  bool encrypted_package = false;  // an encrypted OOXML package (a .docx with a password)
  bool word_document = false;      // a Word 97-2003 binary document
};

// Whether the 128-byte directory entry at `offset` is named `name` (ASCII,
// stored as UTF-16LE with its terminator counted in the length field).
bool EntryNamed(std::string_view bytes, std::size_t offset, std::string_view name) {
  const std::uint16_t length = ReadLe16(bytes, offset + 64);
  if (length != (name.size() + 1) * 2) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (bytes[offset + 2 * i] != name[i] || bytes[offset + 2 * i + 1] != '\0') return false;
  }
  return true;
}

void CheckEntry(std::string_view bytes, std::size_t offset, Ole2Streams* streams) {
  streams->encrypted_package |= EntryNamed(bytes, offset, "EncryptedPackage");
  streams->word_document |= EntryNamed(bytes, offset, "WordDocument");
}

// Walks the directory sector chain through the FAT sectors the header lists.
// Returns false when the structure cannot be followed within the bytes.
bool WalkOle2Directory(std::string_view bytes, Ole2Streams* streams) {
  if (bytes.size() < kOle2HeaderSize) return false;
  const std::uint16_t sector_shift = ReadLe16(bytes, 0x1E);
  if (sector_shift != 9 && sector_shift != 12) return false;
  const std::size_t sector_size = std::size_t{1} << sector_shift;
  const std::size_t fat_entries_per_sector = sector_size / 4;
  const auto sector_offset = [&](std::uint32_t sector) -> std::size_t {
    return (static_cast<std::size_t>(sector) + 1) * sector_size;
  };
  const auto next_sector = [&](std::uint32_t sector, std::uint32_t* next) {
    // Only the 109 FAT sectors listed in the header: enough for files up to
    // several megabytes, and the byte scan covers the rest.
    const std::size_t fat_index = sector / fat_entries_per_sector;
    if (fat_index >= 109) return false;
    const std::uint32_t fat_sector = ReadLe32(bytes, 0x4C + 4 * fat_index);
    if (fat_sector > kOle2LastRegularSector) return false;
    const std::size_t offset = sector_offset(fat_sector) + 4 * (sector % fat_entries_per_sector);
    if (offset + 4 > bytes.size()) return false;
    *next = ReadLe32(bytes, offset);
    return true;
  };

  std::uint32_t sector = ReadLe32(bytes, 0x30);
  // A chain can be no longer than the file has sectors; this also stops cycles.
  const std::size_t max_sectors = bytes.size() / sector_size + 1;
  for (std::size_t visited = 0; sector <= kOle2LastRegularSector; ++visited) {
    if (visited > max_sectors) return false;
    const std::size_t offset = sector_offset(sector);
    if (offset + sector_size > bytes.size()) return false;
    for (std::size_t entry = 0; entry < sector_size; entry += kOle2DirectoryEntrySize) {
      CheckEntry(bytes, offset + entry, streams);
    }
    if (!next_sector(sector, &sector)) return false;
  }
  return true;
}

// Fallback for damaged or very large files: directory entries always sit at
// 128-byte boundaries, so look at each one.
void ScanOle2Entries(std::string_view bytes, Ole2Streams* streams) {
  for (std::size_t offset = kOle2HeaderSize; offset + kOle2DirectoryEntrySize <= bytes.size();
       offset += kOle2DirectoryEntrySize) {
    CheckEntry(bytes, offset, streams);
  }
}

Error InspectOle2(std::string_view bytes) {
  Ole2Streams streams;
  if (!WalkOle2Directory(bytes, &streams)) ScanOle2Entries(bytes, &streams);
  if (streams.encrypted_package) {
    return {ErrorCode::kEncrypted,
            "the document is password-protected: remove the password in Word and save again"};
  }
  if (streams.word_document) {
    return {ErrorCode::kUnsupportedFormat,
            "a legacy Word 97-2003 .doc file: save it as DOCX in Word, or convert it with "
            "`libreoffice --headless --convert-to docx FILE`"};
  }
  return {ErrorCode::kUnsupportedFormat,
          "an OLE2 compound file that is not a Word document (perhaps a legacy Excel or "
          "PowerPoint file): save the letter as DOCX"};
}

// A text export is not inflated, but the later stages hold it several times
// over all the same, so the limits on what a package inflates to apply.
std::optional<Error> CheckTextLimits(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.size() > options.max_inflated_bytes) {
    return Error{ErrorCode::kLimitExceeded, "the text export has " + std::to_string(bytes.size()) +
                                                " bytes, more than the limit max_inflated_bytes (" +
                                                std::to_string(options.max_inflated_bytes) +
                                                "); raise the limit only for a trusted file"};
  }
  // Each line is a paragraph, each tab may start a cell: an upper bound.
  std::uint64_t blocks = 1;
  for (const char c : bytes) blocks += static_cast<std::uint64_t>(c == '\n' || c == '\t');
  if (blocks > options.max_paragraphs) {
    return Error{ErrorCode::kLimitExceeded,
                 "the text export has more lines and tab-separated cells than the limit "
                 "max_paragraphs (" +
                     std::to_string(options.max_paragraphs) +
                     "); raise the limit only for a trusted file"};
  }
  return std::nullopt;
}

bool HasTextExtension(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return extension == "txt" || extension == "text";
}

}  // namespace

Result<Document> Extract(std::string_view bytes, std::string_view file_name,
                         const ExtractOptions& options) {
  const std::string_view magic = bytes.substr(0, 4);
  if (magic == kZipMagic || magic == kEmptyZipMagic) return ExtractDocx(bytes, options);
  if (bytes.substr(0, kOle2Magic.size()) == kOle2Magic) return InspectOle2(bytes);
  if (HasTextExtension(file_name)) {
    if (std::optional<Error> error = CheckTextLimits(bytes, options)) return *error;
    return ExtractText(bytes);
  }
  if (bytes.empty()) {
    return Error{ErrorCode::kNotAZip, "the file is empty, so it is not a .docx package"};
  }
  return Error{ErrorCode::kNotAZip,
               "the file is not a zip archive, so it is not a .docx package; check that it was "
               "saved from Word as .docx"};
}

}  // namespace missive
