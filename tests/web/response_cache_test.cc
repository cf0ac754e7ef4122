// The server's search answer cache: found by key, least recently used out
// first within its byte budget, emptied by a new commit.
#include "web/response_cache.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <cstddef>
#include <memory>
#include <string>

// tcmalloc's, when the test is linked with it as diar is (weak: absent in
// the sanitizer builds, which leave tcmalloc out).
extern "C" int MallocExtension_GetNumericProperty(const char* property, std::size_t* value) __attribute__((weak));
#if defined(__SANITIZE_ADDRESS__)
// ASan's, declared here: gcc 12 on Debian ships libasan without the
// <sanitizer/allocator_interface.h> header that declares it.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace diar::web {
namespace {

// Bytes the allocator has handed out and not had back, in its own size
// classes: tcmalloc's count (what `diar serve` runs on), ASan's under the
// sanitizers, otherwise glibc's.
std::size_t HeapInUse() {
#if defined(__SANITIZE_ADDRESS__)
  return __sanitizer_get_current_allocated_bytes();
#else
  std::size_t bytes = 0;
  if (MallocExtension_GetNumericProperty != nullptr &&
      MallocExtension_GetNumericProperty("generic.current_allocated_bytes", &bytes) != 0) {
    return bytes;
  }
  return mallinfo2().uordblks;
#endif
}

std::shared_ptr<const std::string> Answer(std::size_t bytes, char fill = 'x') {
  return std::make_shared<const std::string>(bytes, fill);
}

TEST(ResponseCache, AnAnswerIsFoundUnderItsKeyOnly) {
  ResponseCache cache(1 << 20);
  cache.Insert("q=kultur", Answer(100, 'k'), cache.generation());
  ASSERT_NE(cache.Find("q=kultur"), nullptr);
  EXPECT_EQ(*cache.Find("q=kultur"), std::string(100, 'k'));
  EXPECT_EQ(cache.Find("q=idrott"), nullptr);
}

TEST(ResponseCache, TheLeastRecentlyUsedAnswerGoesFirstWhenTheBudgetIsFull) {
  // Room for two answers of 1,000 bytes, not three.
  ResponseCache cache(2500);
  cache.Insert("a", Answer(1000), cache.generation());
  cache.Insert("b", Answer(1000), cache.generation());
  ASSERT_NE(cache.Find("a"), nullptr);  // a is now more recent than b
  cache.Insert("c", Answer(1000), cache.generation());
  EXPECT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("c"), nullptr);
  EXPECT_EQ(cache.entries(), 2u);
  EXPECT_LE(cache.bytes(), 2500u);
}

TEST(ResponseCache, AnAnswerLargerThanTheBudgetIsNotKept) {
  ResponseCache cache(500);
  cache.Insert("big", Answer(1000), cache.generation());
  EXPECT_EQ(cache.Find("big"), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCache, ABudgetOfZeroKeepsNothing) {
  ResponseCache cache(0);
  cache.Insert("q", Answer(1), cache.generation());
  EXPECT_EQ(cache.Find("q"), nullptr);
}

TEST(ResponseCache, InvalidateDropsEveryAnswer) {
  ResponseCache cache(1 << 20);
  cache.Insert("a", Answer(10), cache.generation());
  cache.Insert("b", Answer(10), cache.generation());
  cache.Invalidate();
  EXPECT_EQ(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCache, AnAnswerComputedBeforeACommitIsNotKeptAfterIt) {
  ResponseCache cache(1 << 20);
  const std::uint64_t before = cache.generation();  // a search starts on the old revision
  cache.Invalidate();                               // meanwhile, a commit is noticed
  cache.Insert("q", Answer(10), before);
  EXPECT_EQ(cache.Find("q"), nullptr);
  cache.Insert("q", Answer(10), cache.generation());
  EXPECT_NE(cache.Find("q"), nullptr);
}

TEST(ResponseCache, TheSameKeyInsertedTwiceIsOneEntry) {
  ResponseCache cache(1 << 20);
  cache.Insert("q", Answer(10, 'a'), cache.generation());
  cache.Insert("q", Answer(20, 'b'), cache.generation());
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(*cache.Find("q"), std::string(20, 'b'));
}

TEST(ResponseCache, ItsBytesAreWhatItsEntriesTakeFromTheHeap) {
  // Answers of the sizes a search answer has (20-70 KB, many size classes),
  // under keys longer than a short string holds.
  ResponseCache cache(std::size_t{1} << 30);
  const std::size_t before = HeapInUse();
  for (int i = 0; i < 500; ++i) {
    cache.Insert("q=" + std::string(40, 'k') + std::to_string(i),
                 std::make_shared<const std::string>(20000 + 97 * i, 'x'), cache.generation());
  }
  const double taken = static_cast<double>(HeapInUse() - before);
  ASSERT_EQ(cache.entries(), 500u);
  EXPECT_GE(static_cast<double>(cache.bytes()), 0.98 * taken) << "the heap holds more than the cache counts";
  EXPECT_LE(static_cast<double>(cache.bytes()), 1.02 * taken) << "the cache counts more than the heap holds";
}

}  // namespace
}  // namespace diar::web
