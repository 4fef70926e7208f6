// Output files that are never seen half-written: content goes to
// "<target>.tmp" and is renamed over the target once complete. The temporary
// name is fixed per target, so a rerun after a kill reuses (and so removes)
// what the killed run left; an exclusive flock on it keeps two live processes
// from writing the same target at once.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace missive::cli {

// Writes `content` to `target` (creating its folders) through the temporary.
// nullopt on success, else what went wrong.
std::optional<std::string> WriteFileAtomically(const std::string& target, std::string_view content);

// Removes the temporary of `target` a killed run left behind, unless a live
// process holds it.
void RemoveStaleTemporary(const std::string& target);

// A stream (JSON Lines, _bulk body, iCalendar) written to "<target>.tmp" and
// renamed over `target` by Commit.
class StreamFile {
 public:
  StreamFile() = default;
  StreamFile(const StreamFile&) = delete;
  StreamFile& operator=(const StreamFile&) = delete;
  ~StreamFile();  // without Commit, removes the temporary

  // nullopt on success, else what went wrong.
  std::optional<std::string> Open(const std::string& target);
  std::FILE* file() const { return file_; }
  std::optional<std::string> Commit();

 private:
  std::string target_;
  std::FILE* file_ = nullptr;
};

}  // namespace missive::cli
