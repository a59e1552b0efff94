#include "analyze/ner_word_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace newsloom::analyze {
namespace {

CachedWord Value(int v) {
  CachedWord w;
  w.info.norm_h = static_cast<uint64_t>(v);
  w.info.cluster = v;
  w.scores[0] = static_cast<float>(v);
  return w;
}

TEST(NerWordCacheTest, FindsWhatWasStoredByWordAndContext) {
  NerWordCache cache(16);
  std::vector<NerWordCache::Key> keys = {NerWordCache::MakeKey("Paris", 0),
                                         NerWordCache::MakeKey("Paris", 1),
                                         NerWordCache::MakeKey("paris", 0)};
  std::vector<CachedWord> values;
  std::vector<size_t> missing;
  cache.Lookup(keys, &values, &missing);
  EXPECT_EQ(missing, (std::vector<size_t>{0, 1, 2}));
  values = {Value(1), Value(2), Value(3)};
  cache.Insert(keys, {0, 2}, values);
  EXPECT_EQ(cache.size(), 2u);
  std::vector<CachedWord> found;
  cache.Lookup(keys, &found, &missing);
  EXPECT_EQ(missing, (std::vector<size_t>{1}));
  EXPECT_EQ(found[0].info.norm_h, 1u);
  EXPECT_EQ(found[2].info.norm_h, 3u);
  EXPECT_EQ(found[2].scores[0], 3.0f);
  // A key already present keeps its first value.
  cache.Insert(keys, {0}, {Value(9), Value(9), Value(9)});
  cache.Lookup(keys, &found, &missing);
  EXPECT_EQ(found[0].info.norm_h, 1u);
}

TEST(NerWordCacheTest, StaysWithinItsCapacity) {
  NerWordCache cache(10);
  for (int round = 0; round < 5; ++round) {
    std::vector<std::string> words;
    for (int i = 0; i < 7; ++i) words.push_back("w" + std::to_string(round * 7 + i));
    std::vector<NerWordCache::Key> keys;
    for (const std::string& w : words) keys.push_back(NerWordCache::MakeKey(w, 0));
    std::vector<CachedWord> values(keys.size(), Value(round));
    std::vector<size_t> all = {0, 1, 2, 3, 4, 5, 6};
    cache.Insert(keys, all, values);
    EXPECT_LE(cache.size(), 10u);
    std::vector<size_t> missing;
    cache.Lookup(keys, &values, &missing);
    // Words stored before the cache was emptied are gone; the last one stored is always there.
    EXPECT_TRUE(missing.empty() || missing.back() < 6);
  }
  NerWordCache none(0);
  none.Insert({NerWordCache::MakeKey("a", 0)}, {0}, {Value(1)});
  EXPECT_EQ(none.size(), 0u);
}

TEST(NerWordCacheTest, ThreadsShareOneCache) {
  NerWordCache cache(64);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int round = 0; round < 200; ++round) {
        std::vector<std::string> words;
        for (int i = 0; i < 20; ++i) words.push_back("w" + std::to_string((round + i + t) % 100));
        std::vector<NerWordCache::Key> keys;
        for (const std::string& w : words) keys.push_back(NerWordCache::MakeKey(w, 0));
        std::vector<CachedWord> values;
        std::vector<size_t> missing;
        cache.Lookup(keys, &values, &missing);
        for (size_t k = 0; k < keys.size(); ++k) {
          bool was_missing = std::find(missing.begin(), missing.end(), k) != missing.end();
          if (!was_missing) ASSERT_EQ(values[k].info.norm_h, std::hash<std::string>()(words[k]));
          values[k].info.norm_h = std::hash<std::string>()(words[k]);
        }
        cache.Insert(keys, missing, values);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(cache.size(), 64u);
}

}  // namespace
}  // namespace newsloom::analyze
