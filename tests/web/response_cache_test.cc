// The server's search answer cache: found by key, least recently used out
// first within its byte budget, emptied by a new commit.
#include "web/response_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace diar::web {
namespace {

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

}  // namespace
}  // namespace diar::web
