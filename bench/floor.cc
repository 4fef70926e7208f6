// missive_floor: the physical floor of a DOCX conversion. For each input it
// only reads the file, opens it with libzip, inflates word/document.xml and
// parses it with pugixml in place, with the parse flags missive uses. No
// other part, no document model, no output: whatever missive costs beyond
// this is missive's own.
//
//   missive_floor FILE|DIR... [--repeat N]
//
// Folders are walked like `missive convert` walks them (.docx/.docm/.dotx/
// .dotm, sorted). Prints one line of totals (files, bytes, seconds) to stdout.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/floor_core.h"

namespace fs = std::filesystem;

namespace {

bool IsDocx(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".docx" || ext == ".docm" || ext == ".dotx" || ext == ".dotm";
}

void AddInput(const std::string& arg, std::vector<std::string>& inputs) {
  std::error_code ec;
  if (!fs::is_directory(arg, ec)) {
    inputs.push_back(arg);
    return;
  }
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsDocx(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& path : found) inputs.push_back(path.string());
}

struct Totals {
  std::uint64_t files = 0, errors = 0, docx_bytes = 0, xml_bytes = 0;
};

// One file, read into a buffer reused across files like the XML one.
bool ReadOne(const std::string& path, std::string& bytes, std::string& xml, Totals& totals) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  totals.docx_bytes += bytes.size();
  const std::uint64_t parsed = missive_bench::FloorParse(bytes, xml);
  totals.xml_bytes += parsed;
  return parsed > 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "-h" || arg == "--help") {
      std::puts("usage: missive_floor FILE|DIR... [--repeat N]");
      return 0;
    } else {
      AddInput(std::string(arg), inputs);
    }
  }
  if (inputs.empty()) {
    std::fputs("missive_floor: no .docx inputs\n", stderr);
    return 2;
  }
  Totals totals;
  std::string bytes, xml;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& path : inputs) {
      ++totals.files;
      if (!ReadOne(path, bytes, xml, totals)) {
        ++totals.errors;
        std::fprintf(stderr, "missive_floor: %s: cannot read word/document.xml\n", path.c_str());
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("files=%llu errors=%llu docx_bytes=%llu xml_bytes=%llu seconds=%.6f\n",
              static_cast<unsigned long long>(totals.files),
              static_cast<unsigned long long>(totals.errors),
              static_cast<unsigned long long>(totals.docx_bytes),
              static_cast<unsigned long long>(totals.xml_bytes), seconds);
  return totals.errors == 0 ? 0 : 1;
}
