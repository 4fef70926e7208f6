#include <gtest/gtest.h>

#include <string>

#include "core/record.h"

namespace missive {
namespace {

// A record's id is the SHA-256 of the input's bytes: the published test
// vectors (FIPS 180-2), within one block, over two and over many.
TEST(Sha256Hex, GivesThePublishedDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Bytes are hashed as bytes: a NUL and bytes above 0x7F included.
TEST(Sha256Hex, HashesEveryByte) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256Hex(with_nul), Sha256Hex("ab"));
  EXPECT_NE(Sha256Hex("\xE4\xB8\x80"), Sha256Hex("\xE4\xB8\x81"));
  EXPECT_EQ(Sha256Hex(with_nul).size(), 64u);
}

}  // namespace
}  // namespace missive
