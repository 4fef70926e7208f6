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

namespace {

void Convert(std::string_view bytes, const std::string& path) {
  const missive::LetterRecord record = missive::ConvertBytes(bytes, path);
  const std::string json = missive::EmitJson(record, missive::JsonStyle::kLine);
  // Every input gives a record, and an error record only with an error.
  if (json.empty() || json.front() != '{' || json.back() != '}') __builtin_trap();
  if (record.error.has_value() && record.letter.has_value()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Convert(bytes, "fuzz.docx");
  // The bytes choose the reader before the name does, except for text: read
  // what is neither zip nor OLE2 as a text export too.
  const std::string_view magic = bytes.substr(0, 2);
  if (magic != "PK" && magic != "\xD0\xCF") Convert(bytes, "fuzz.txt");
  return 0;
}
