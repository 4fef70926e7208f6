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
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

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
  std::uint64_t files = 0, errors = 0, docx_bytes = 0, xml_bytes = 0, checksum = 0;
};

// One file. The buffers are reused across files, so the floor pays no
// allocation that a careful converter could avoid.
bool ReadOne(const std::string& path, std::string& bytes, std::string& xml, Totals& totals) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  totals.docx_bytes += bytes.size();

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return false;
  }
  bool ok = false;
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
        totals.xml_bytes += xml.size();
        pugi::xml_document doc;
        const pugi::xml_parse_result result = doc.load_buffer_inplace(
            xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
        // Touch the tree so the parse cannot be thought dead.
        totals.checksum += std::strlen(doc.document_element().name());
        ok = static_cast<bool>(result);
      }
    }
  }
  zip_discard(zip);  // also frees the source, which does not own the bytes
  return ok;
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
  std::printf("files=%llu errors=%llu docx_bytes=%llu xml_bytes=%llu seconds=%.6f checksum=%llu\n",
              static_cast<unsigned long long>(totals.files),
              static_cast<unsigned long long>(totals.errors),
              static_cast<unsigned long long>(totals.docx_bytes),
              static_cast<unsigned long long>(totals.xml_bytes), seconds,
              static_cast<unsigned long long>(totals.checksum));
  return totals.errors == 0 ? 0 : 1;
}
