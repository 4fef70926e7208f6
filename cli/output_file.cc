#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace missive::cli {
namespace {

std::string Temporary(const std::string& target) { return target + ".tmp"; }

std::string Describe(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

bool SameFile(int fd, const std::string& path) {
  struct stat held {
  }, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

// The temporary of `target`, created if needed, locked and empty; or -1 with
// `error` set.
int OpenTemporary(const std::string& target, std::string& error) {
  const std::string temporary = Temporary(target);
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(target).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  // A few tries: the previous holder may rename the file between our open
  // and our lock, and then the descriptor names its finished target.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      error = Describe("cannot create", temporary);
      return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
      ::close(fd);
      error = temporary + " is being written by another missive process";
      return -1;
    }  // other flock failures: a file system without locks; go on unlocked
    if (SameFile(fd, temporary)) {
      if (::ftruncate(fd, 0) != 0) {
        error = Describe("cannot truncate", temporary);
        ::close(fd);
        return -1;
      }
      return fd;
    }
    ::close(fd);
  }
  error = "cannot get hold of " + temporary + ": it keeps changing";
  return -1;
}

}  // namespace

std::optional<std::string> WriteFileAtomically(const std::string& target,
                                               std::string_view content) {
  std::string error;
  const int fd = OpenTemporary(target, error);
  if (fd < 0) return error;
  const std::string temporary = Temporary(target);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = Describe("cannot write", temporary);
      ::unlink(temporary.c_str());
      ::close(fd);
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  // Renamed while still locked, so no other process can be truncating it.
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    error = Describe("cannot rename " + temporary + " to", target);
    ::unlink(temporary.c_str());
    ::close(fd);
    return error;
  }
  ::close(fd);
  return std::nullopt;
}

void RemoveStaleTemporary(const std::string& target) {
  const std::string temporary = Temporary(target);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;  // the usual case: none
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && SameFile(fd, temporary)) {
    ::unlink(temporary.c_str());
  }
  ::close(fd);
}

StreamFile::~StreamFile() {
  if (file_ != nullptr) {
    ::unlink(Temporary(target_).c_str());
    std::fclose(file_);
  }
}

std::optional<std::string> StreamFile::Open(const std::string& target) {
  target_ = target;
  std::string error;
  const int fd = OpenTemporary(target, error);
  if (fd < 0) return error;
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    error = Describe("cannot open", Temporary(target));
    ::close(fd);
    return error;
  }
  return std::nullopt;
}

std::optional<std::string> StreamFile::Commit() {
  const std::string temporary = Temporary(target_);
  std::optional<std::string> error;
  if (std::fflush(file_) != 0 || std::ferror(file_)) {
    error = Describe("cannot write", temporary);
  } else if (::rename(temporary.c_str(), target_.c_str()) != 0) {
    error = Describe("cannot rename " + temporary + " to", target_);
  }
  if (error) ::unlink(temporary.c_str());
  std::fclose(file_);  // releases the lock
  file_ = nullptr;
  return error;
}

}  // namespace missive::cli
