// One input file through the whole pipeline: read -> Extract -> Normalize ->
// Recognize. Shared by the command line, the tests and the benchmarks.
#pragma once

#include <string>
#include <string_view>

#include "core/record.h"
#include "core/result.h"
#include "extract/extract.h"

namespace missive {

struct ConvertOptions {
  ExtractOptions extract;  // tracked-change view and safety limits
};

// The record for bytes already in memory; `path` is reported as source.path
// and its extension helps choose the reader. Never throws; a file that cannot
// be read gives a record with status "error", and so does a failed allocation
// ("io", out of memory).
// `sha256`, when the caller hashed the bytes already, is used as the id.
[[nodiscard]] LetterRecord ConvertBytes(std::string_view bytes, const std::string& path,
                                        const ConvertOptions& options = {},
                                        std::string sha256 = {});

// Reads `path` and converts it. I/O failures (missing file, a directory, a
// device) give an "io" error record.
[[nodiscard]] LetterRecord ConvertFile(const std::string& path, const ConvertOptions& options = {});

// The whole of `path`; an "io" Error when it is missing, not a regular file
// (a folder, a device, a FIFO) or unreadable. ConvertFile = ReadInputFile +
// ConvertBytes; batches call them apart to compare hashes before converting.
[[nodiscard]] Result<std::string> ReadInputFile(const std::string& path);

// The same into `*buffer`, which is reused from file to file: it only grows,
// so a batch does not zero-fill and fault in fresh memory for every input.
// The result views the file's bytes inside it.
[[nodiscard]] Result<std::string_view> ReadInputFile(const std::string& path, std::string* buffer);

// The "error" record for `path` when its bytes could not be read.
[[nodiscard]] LetterRecord ReadErrorRecord(Error error, const std::string& path);

}  // namespace missive
