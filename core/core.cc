#include <openssl/evp.h>

#include <array>

#include "core/record.h"
#include "core/result.h"

namespace missive {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotAZip: return "not-a-zip";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kNotDocx: return "not-docx";
    case ErrorCode::kXmlMalformed: return "xml-malformed";
    case ErrorCode::kLimitExceeded: return "limit-exceeded";
    case ErrorCode::kUnsupportedFormat: return "unsupported-format";
    case ErrorCode::kIo: return "io";
  }
  return "io";
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

}  // namespace missive
