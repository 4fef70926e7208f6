#include "cli/convert.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>

#include "normalize/normalize.h"
#include "recognize/recognize.h"

namespace missive {
namespace {

constexpr const char* kOutOfMemory =
    "out of memory while converting: the document needs more memory than the machine had "
    "free; convert it alone, with fewer workers (-j)";

bool HasTextExtension(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      char c = path[path.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  return ends_with(".txt") || ends_with(".text");
}

LetterRecord ErrorRecord(Error error, const std::string& path, std::string_view bytes,
                         std::string format) {
  LetterRecord record;
  record.id = Sha256Hex(bytes);
  record.source = {path, bytes.size(), record.id, std::move(format)};
  record.error = std::move(error);
  return record;
}

Result<std::string_view> ReadInputFileUnguarded(const std::string& path, std::string* buffer) {
  // Opened without blocking (a FIFO would wait for a writer) and checked on
  // the descriptor itself, so what is read is what was checked.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    return Error{ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno)};
  }
  if (!S_ISREG(info.st_mode)) {
    return Error{ErrorCode::kIo,
                 path + " is not a regular file (a directory, a device or a FIFO); give a file"};
  }
  // Word itself saves nothing larger; a bigger file would only fill memory.
  constexpr std::uint64_t kMaxFileBytes = 512ull << 20;
  if (static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes) {
    return Error{ErrorCode::kLimitExceeded,
                 path + " is " + std::to_string(info.st_size) +
                     " bytes, more than the 512 MiB a Word document can be (the file-size "
                     "limit); it is not read"};
  }
  // One byte more than the size, so that the read which finds the end of the
  // file needs no new room. The buffer only grows: what it already holds is
  // overwritten, and only new room is zero-filled.
  std::string& bytes = *buffer;
  if (bytes.size() < static_cast<std::size_t>(info.st_size) + 1) {
    bytes.resize(static_cast<std::size_t>(info.st_size) + 1);
  }
  std::size_t used = 0;
  // Until end of file, one byte past the limit at most: a file may grow or
  // shrink while it is read.
  while (true) {
    if (used == bytes.size()) {
      if (used > kMaxFileBytes) {
        return Error{ErrorCode::kLimitExceeded,
                     path + " grew past 512 MiB while it was read (the file-size limit)"};
      }
      bytes.resize(used + 64 * 1024);
    }
    const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno)};
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  return std::string_view(bytes.data(), used);
}

}  // namespace

LetterRecord ConvertBytes(std::string_view bytes, const std::string& path,
                          const ConvertOptions& options, std::string sha256) {
  // A failed allocation (a document too large for the memory the machine
  // has left) is this file's error, not the end of the batch. By the time
  // the handler runs, what the conversion held has been freed.
  try {
    Result<Document> document = Extract(bytes, path, options.extract);
    if (!document.ok()) {
      return ErrorRecord(document.error(), path, bytes, HasTextExtension(path) ? "text" : "docx");
    }
    Normalize(*document);
    LetterRecord record = Recognize(*document);
    record.id = sha256.empty() ? Sha256Hex(bytes) : std::move(sha256);
    record.source = {path, bytes.size(), record.id,
                     document->format == SourceFormat::kText ? "text" : "docx"};
    return record;
  } catch (const std::bad_alloc&) {
    return ErrorRecord(Error{ErrorCode::kIo, kOutOfMemory}, path, bytes,
                       HasTextExtension(path) ? "text" : "docx");
  }
}

Result<std::string_view> ReadInputFile(const std::string& path, std::string* buffer) {
  try {
    return ReadInputFileUnguarded(path, buffer);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kIo, "out of memory while reading " + path +
                                     ": there was no room for the file's bytes"};
  }
}

Result<std::string> ReadInputFile(const std::string& path) {
  std::string buffer;
  Result<std::string_view> bytes = ReadInputFile(path, &buffer);
  if (!bytes.ok()) return bytes.error();
  buffer.resize(bytes->size());
  return buffer;
}

LetterRecord ReadErrorRecord(Error error, const std::string& path) {
  return ErrorRecord(std::move(error), path, {}, HasTextExtension(path) ? "text" : "docx");
}

LetterRecord ConvertFile(const std::string& path, const ConvertOptions& options) {
  Result<std::string> bytes = ReadInputFile(path);
  if (!bytes.ok()) return ReadErrorRecord(bytes.error(), path);
  return ConvertBytes(*bytes, path, options);
}

}  // namespace missive
