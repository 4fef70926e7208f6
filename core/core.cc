#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>

#include "core/record.h"
#include "core/result.h"

namespace missive {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotAZip:
      return "not-a-zip";
    case ErrorCode::kTruncated:
      return "truncated";
    case ErrorCode::kEncrypted:
      return "encrypted";
    case ErrorCode::kNotDocx:
      return "not-docx";
    case ErrorCode::kXmlMalformed:
      return "xml-malformed";
    case ErrorCode::kLimitExceeded:
      return "limit-exceeded";
    case ErrorCode::kUnsupportedFormat:
      return "unsupported-format";
    case ErrorCode::kIo:
      return "io";
  }
  return "io";
}

namespace {

// SHA-256 fetched from OpenSSL's provider once. EVP_sha256() would make every
// EVP_DigestInit_ex fetch it again, which cost about 48,000 instructions per
// call, more than hashing a small letter.
// The system's openssl.cnf is not read: parsing it was a tenth of the start-up
// of `missive convert FILE`, and a file's id needs only the default provider.
const EVP_MD* Sha256() {
  static EVP_MD* const md = [] {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
    return EVP_MD_fetch(nullptr, "SHA256", nullptr);
  }();
  return md != nullptr ? md : EVP_sha256();
}

// One digest context per thread, reset for each input.
struct DigestContext {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(context); }
};

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  thread_local DigestContext digest_context;
  EVP_MD_CTX* const context = digest_context.context;
  if (context == nullptr || EVP_DigestInit_ex(context, Sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context, bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context, digest.data(), &length) != 1) {
    // Out of memory inside OpenSSL: the one-shot call, as before.
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  }
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
