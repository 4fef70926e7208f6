// libFuzzer over the whole path from bytes to record: Extract (zip, OLE2 and
// text), Normalize, Recognize and EmitJson, with the default limits. Run it
// with fuzz/run.sh; every input it finds that crashes, hangs or runs out of
// memory becomes a case in tests/bad/make_bad.py or an extract test.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/convert.h"
#include "emit/emit.h"
#include "extract/extract.h"
#include "tests/support/document_dump.h"

namespace {

void Convert(std::string_view bytes, const std::string& path) {
  const missive::LetterRecord record = missive::ConvertBytes(bytes, path);
  const std::string json = missive::EmitJson(record, missive::JsonStyle::kLine);
  // Every input gives a record, and an error record only with an error.
  if (json.empty() || json.front() != '{' || json.back() != '}') __builtin_trap();
  if (record.error.has_value() && record.letter.has_value()) __builtin_trap();
}

// The streaming body reader and the tree reader agree on every package:
// the same document, or the same error.
void CompareBodyReaders(std::string_view bytes) {
  missive::ExtractOptions tree_only;
  tree_only.tree_reader_only = true;
  const missive::Result<missive::Document> streamed = missive::ExtractDocx(bytes);
  const missive::Result<missive::Document> tree = missive::ExtractDocx(bytes, tree_only);
  if (streamed.ok() != tree.ok()) {
    // Only the memory of parsed trees can tell them apart: a part read from
    // its bytes builds none, so a tree bomb there converts.
    const auto& failed = streamed.ok() ? tree : streamed;
    if (failed.error().code != missive::ErrorCode::kLimitExceeded) __builtin_trap();
    return;
  }
  if (streamed.ok()) {
    if (missive::test_support::DumpDocument(streamed.value()) !=
        missive::test_support::DumpDocument(tree.value())) {
      __builtin_trap();
    }
  } else if (streamed.error().message != tree.error().message) {
    // The tree's own size counts against max_inflated_bytes only where one is built.
    if (streamed.error().code != missive::ErrorCode::kLimitExceeded &&
        tree.error().code != missive::ErrorCode::kLimitExceeded) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Convert(bytes, "fuzz.docx");
  if (bytes.substr(0, 2) == "PK") CompareBodyReaders(bytes);
  // The bytes choose the reader before the name does, except for text: read
  // what is neither zip nor OLE2 as a text export too.
  const std::string_view magic = bytes.substr(0, 2);
  if (magic != "PK" && magic != "\xD0\xCF") Convert(bytes, "fuzz.txt");
  return 0;
}
