// Result<T> and Error: how every stage reports failure, as a value.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace missive {

// Stable error codes of the letter record ("error.code"). Never renumber or
// rename: archivists script against the strings ErrorCodeName returns.
enum class ErrorCode {
  kNotAZip,            // "not-a-zip": the bytes are not a zip archive
  kTruncated,          // "truncated": a zip archive cut short
  kEncrypted,          // "encrypted": a password-protected (OLE2 EncryptedPackage) document
  kNotDocx,            // "not-docx": a zip without a WordprocessingML main part
  kXmlMalformed,       // "xml-malformed": a part that is not well-formed XML
  kLimitExceeded,      // "limit-exceeded": a safety limit was hit while reading
  kUnsupportedFormat,  // "unsupported-format": e.g. a legacy binary .doc
  kIo,                 // "io": the file could not be read
};

// The contract string for `code`, e.g. "not-a-zip".
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // says what happened and, where possible, what to do
};

// Something a stage noticed and worked around, or looked for and did not find.
struct Warning {
  std::string code;  // stable, kebab-case, e.g. "signature-not-found"
  std::string message;
};

// A value or an Error. Accessing the wrong alternative is a programming error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace missive
