// The extract stage: bytes of a .docx package or of a plain-text export into
// the neutral document model (core/document.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/document.h"
#include "core/result.h"

namespace missive {

struct ExtractOptions {
  // Tracked changes: the accepted view (insertions kept, deletions dropped)
  // when true, the original text (insertions dropped, deletions kept) when
  // false. Default: true.
  bool accept_changes = true;
  // Safety limits, enforced while inflating/parsing. Exceeding one gives
  // ErrorCode::kLimitExceeded naming the limit. The defaults keep any file
  // within a few hundred MiB and seconds; README "Limits and error codes".
  //
  // Per file: bytes inflated from the zip plus the memory of their parsed
  // XML trees (counted as pugixml allocates it, past 64 KiB a part; parts
  // read from their bytes without a tree count only their bytes). The later
  // stages hold several times the XML, hence well below the 256 MiB one
  // might expect. Default 64 MiB.
  std::uint64_t max_inflated_bytes = 64ull << 20;
  std::uint64_t max_zip_entries = 10000;  // default 10,000
  // Per entry, inflated/compressed, checked once an entry has inflated more
  // than 1 MiB (small parts compress very well legitimately). Default 100.
  std::uint64_t max_compression_ratio = 100;
  std::uint32_t max_xml_depth = 256;      // element nesting in the stories read; default 256
  std::uint64_t max_paragraphs = 200000;  // paragraphs plus table cells; default 200,000
  // Reads every part through pugixml's tree, even the body of document.xml,
  // the relationships and the core properties, which are otherwise read
  // from their bytes where they can be (slower; the records are the same).
  // For checking the readers against each other. Default: false.
  bool tree_reader_only = false;
};

// Reads a WordprocessingML package (.docx/.docm/.dotx/.dotm): the main
// document part found through _rels/.rels, with its styles, numbering,
// relationships, headers, footers, notes, comments and docProps/core.xml.
[[nodiscard]] Result<Document> ExtractDocx(std::string_view docx_bytes,
                                           const ExtractOptions& options = {});

// Reads a plain-text export (UTF-8, optional BOM): one paragraph per line,
// "[bookmark: NAME]" markers dropped, tab-led line groups read as table rows.
// Invalid UTF-8 is repaired with U+FFFD and a warning.
[[nodiscard]] Result<Document> ExtractText(std::string_view text_bytes);

// Chooses the reader from the bytes (zip, OLE2 container, text) and the file
// name extension. OLE2 containers give kEncrypted (EncryptedPackage) or
// kUnsupportedFormat (legacy .doc); a .docx name on non-zip bytes gives kNotAZip.
[[nodiscard]] Result<Document> Extract(std::string_view bytes, std::string_view file_name,
                                       const ExtractOptions& options = {});

}  // namespace missive
