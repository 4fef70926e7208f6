#include "cli/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

namespace missive::cli {
namespace {

namespace fs = std::filesystem;

std::string Join(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

struct Walker {
  const std::function<void(Input)>& found;
  const std::function<void(const std::string&)>& failed;
  std::set<std::pair<dev_t, ino_t>> entered;  // folders already walked

  void Walk(const std::string& folder, const std::string& relative) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) {
      failed("cannot read the folder " + folder + ": " + std::strerror(errno));
      return;
    }
    if (!entered.insert({info.st_dev, info.st_ino}).second) return;

    std::error_code ec;
    // Each name with its own type (not following links) as the folder
    // listing gives it: no stat per file unless the file system leaves the
    // type out or the entry is a link.
    struct Entry {
      std::string name;
      fs::file_type type;
      bool operator<(const Entry& other) const { return name < other.name; }
    };
    std::vector<Entry> entries;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      entries.push_back({it->path().filename().string(), it->symlink_status(type_ec).type()});
    }
    if (ec) {
      failed("cannot read the folder " + folder + ": " + ec.message());
      if (entries.empty()) return;  // otherwise convert what could be listed
    }
    std::sort(entries.begin(), entries.end());
    for (const Entry& entry : entries) {
      const std::string path = Join(folder, entry.name);
      const std::string child = Join(relative, entry.name);
      std::error_code type_ec;
      fs::file_type type = entry.type;
      if (type == fs::file_type::none || type == fs::file_type::unknown) {
        type = fs::symlink_status(path, type_ec).type();
      }
      if (type == fs::file_type::directory) {
        Walk(path, child);
      } else if (IsConvertible(entry.name)) {
        // Links to files are followed; links to folders are not.
        if (type == fs::file_type::regular ||
            (type == fs::file_type::symlink && fs::is_regular_file(fs::status(path, type_ec)))) {
          found({path, child});
        }
      }
    }
  }
};

}  // namespace

bool IsConvertible(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(file_name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".docx" || ext == ".docm" || ext == ".dotx" || ext == ".dotm" || ext == ".txt";
}

std::uint64_t Fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::optional<Shard> ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<std::uint64_t> {
    std::uint64_t value = 0;
    if (digits.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  const auto index = number(text.substr(0, slash));
  const auto count = number(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *index >= *count) return std::nullopt;
  return Shard{*index, *count};
}

std::string MirrorName(std::string_view path) {
  const fs::path normal = fs::path(path).lexically_normal();
  std::string name;
  for (const fs::path& part : normal.relative_path()) {
    const std::string text = part.string();
    if (text.empty() || text == "." || text == "..") continue;
    name = Join(name, text);
  }
  return name.empty() ? fs::path(path).filename().string() : name;
}

void WalkFolder(const std::string& root, const std::function<void(Input)>& found,
                const std::function<void(const std::string&)>& failed) {
  Walker walker{found, failed, {}};
  walker.Walk(root, "");
}

}  // namespace missive::cli
