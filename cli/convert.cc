#include "cli/convert.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "normalize/normalize.h"
#include "recognize/recognize.h"

namespace missive {
namespace {

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

}  // namespace

LetterRecord ConvertBytes(std::string_view bytes, const std::string& path,
                          const ConvertOptions& options) {
  Result<Document> document = Extract(bytes, path, options.extract);
  if (!document.ok()) {
    return ErrorRecord(document.error(), path, bytes, HasTextExtension(path) ? "text" : "docx");
  }
  Normalize(*document);
  LetterRecord record = Recognize(*document);
  record.id = Sha256Hex(bytes);
  record.source = {path, bytes.size(), record.id,
                   document->format == SourceFormat::kText ? "text" : "docx"};
  return record;
}

Result<std::string> ReadInputFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
  }
  if (!S_ISREG(info.st_mode)) {
    return Error{ErrorCode::kIo,
                 path + " is not a regular file (a directory or a device); give a file"};
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes;
  if (in) {
    bytes.resize(static_cast<std::size_t>(info.st_size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    return Error{ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno)};
  }
  return bytes;
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
