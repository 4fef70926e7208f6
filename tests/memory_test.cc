// A failed allocation gives the file an "io" error record, never an
// exception out of ConvertBytes (which would end a whole batch), and leaves
// nothing behind that changes the next conversion.
//
// This test program replaces the global operator new so that the Nth
// allocation from a chosen point throws std::bad_alloc, and makes every
// allocation of a whole conversion fail in turn. Libraries that call malloc
// themselves (libzip, libdeflate, ICU, pugixml through extract's allocator)
// are not reached by it. Under the sanitizers (scripts/ci.d/20-sanitize.sh)
// the leak check also covers every failure path: it found a zip handle
// dropped when the package holding it could not be allocated.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <new>
#include <string>

#include "cli/convert.h"
#include "emit/emit.h"

namespace {

long allocations_until_failure = 0;  // 0: no failure armed
long allocations_counted = 0;

void* Allocate(std::size_t size) {
  ++allocations_counted;
  if (allocations_until_failure > 0 && --allocations_until_failure == 0) throw std::bad_alloc();
  void* memory = std::malloc(size == 0 ? 1 : size);
  if (memory == nullptr) throw std::bad_alloc();
  return memory;
}

}  // namespace

void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }

namespace missive {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(MISSIVE_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Fails allocation 1, 2, 3, ... of the conversion of `name` (every one while
// there are few, then spread evenly), and checks each outcome.
void FailEachAllocation(const std::string& name) {
  const std::string bytes = ReadSample(name);
  ASSERT_GT(bytes.size(), 1000u) << name;
  const std::string path = "samples/" + name;
  const std::string expected = EmitJson(ConvertBytes(bytes, path));
  ASSERT_NE(expected.find("\"status\": \"ok\""), std::string::npos) << expected.substr(0, 400);

  allocations_counted = 0;
  (void)ConvertBytes(bytes, path);
  const long total = allocations_counted;
  ASSERT_GT(total, 100) << "the conversion should allocate: is operator new replaced?";

  const long step = total <= 3000 ? 1 : total / 3000;
  int failed = 0;
  for (long n = 1; n <= total; n += n < 300 ? 1 : step) {
    allocations_until_failure = n;
    LetterRecord record;
    try {
      record = ConvertBytes(bytes, path);
    } catch (...) {
      allocations_until_failure = 0;
      FAIL() << "allocation " << n << " of " << total << " failing threw out of ConvertBytes";
    }
    const bool armed = allocations_until_failure > 0;
    allocations_until_failure = 0;
    if (armed) continue;  // the failure point was after the record was made
    ++failed;
    ASSERT_TRUE(record.error.has_value()) << "allocation " << n << " failed but the record is ok";
    EXPECT_EQ(record.error->code, ErrorCode::kIo) << "allocation " << n;
    EXPECT_NE(record.error->message.find("out of memory"), std::string::npos)
        << record.error->message;
    EXPECT_EQ(record.source.path, path);
    EXPECT_EQ(record.source.size, bytes.size());
    EXPECT_EQ(record.id.size(), 64u);
    // Nothing left half-done: the next conversion is the same as ever.
    if (n % 7 == 0 || n < 50) {
      ASSERT_EQ(EmitJson(ConvertBytes(bytes, path)), expected) << "after allocation " << n;
    }
  }
  EXPECT_GT(failed, 250);
}

TEST(OutOfMemory, EveryFailedAllocationOfADocxGivesAnIoRecord) {
  FailEachAllocation("seed-letter-zh.docx");
}

TEST(OutOfMemory, EveryFailedAllocationOfATextExportGivesAnIoRecord) {
  FailEachAllocation("seed-letter-zh.txt");
}

}  // namespace
}  // namespace missive
