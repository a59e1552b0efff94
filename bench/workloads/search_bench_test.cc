#include "workloads/search_bench.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "newsloom/store.h"

namespace newsloom::bench {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::Not;

// Word k made of letters only: "qw" then k in base 26.
std::string MadeUpWord(int k) {
  std::string w = "qw";
  do {
    w += static_cast<char>('a' + k % 26);
    k /= 26;
  } while (k);
  return w;
}

class SearchBenchTest : public ::testing::Test {
 protected:
  static constexpr int kArticles = 40;
  static constexpr int kWords = 300;

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_search_bench_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    // Word k is in every (k+1)-th article: word 0 in all of them, the last ones in one.
    std::vector<RawPage> pages(kArticles);
    std::vector<AnalyzedArticle> articles(kArticles);
    for (int j = 0; j < kArticles; ++j) {
      std::string body = "the";
      for (int k = 0; k < kWords; ++k) {
        if (j % (k + 1) == 0) body += " " + MadeUpWord(k);
      }
      Article& a = articles[j].article;
      a.id = "a" + std::to_string(j);
      a.source = pages[j].source = "pages.jsonl#" + a.id;
      pages[j].given_id = a.id;
      pages[j].bytes = body;
      a.title = std::to_string(j);  // digits: never a query word
      a.body = body;
      a.language = "en";
    }
    std::vector<Store::PageAndArticle> items;
    for (int j = 0; j < kArticles; ++j) items.push_back({&pages[j], &articles[j]});
    ASSERT_TRUE((*store)->PutArticles(items).ok());
    std::vector<Story> stories(10);
    for (int i = 0; i < 10; ++i) {
      stories[i].id = "s" + std::to_string(i);
      stories[i].title = "The " + MadeUpWord(i) + " and " + MadeUpWord(i + 1) + ", " +
                         MadeUpWord(i + 2) + " again " + MadeUpWord(i + 3);
    }
    ASSERT_TRUE((*store)->ReplaceStories(stories, {}).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(SearchBenchTest, FiftyQueriesByTheRule) {
  auto queries = PickBenchmarkQueries(db_);
  ASSERT_TRUE(queries.ok()) << queries.status().ToString();
  ASSERT_EQ(queries->size(), 50u);
  std::map<std::string, int> kinds;
  std::set<std::string> texts;
  for (const BenchmarkQuery& q : *queries) {
    ++kinds[q.kind];
    texts.insert(q.text);
  }
  EXPECT_EQ(kinds["common"], 20);
  EXPECT_EQ(kinds["words"], 10);
  EXPECT_EQ(kinds["rare"], 20);
  EXPECT_EQ(texts.size(), 50u);  // no query twice
  // The most common words first, in order of how many articles hold them; no function words.
  EXPECT_EQ((*queries)[0].text, MadeUpWord(0));
  EXPECT_EQ((*queries)[1].text, MadeUpWord(1));
  EXPECT_THAT(texts, Not(Contains("the")));
  EXPECT_EQ((*queries)[20].text, MadeUpWord(0) + " " + MadeUpWord(1));
  // Title queries: three words of a title, in title order.
  EXPECT_EQ((*queries)[25].text, MadeUpWord(0) + " " + MadeUpWord(1) + " " + MadeUpWord(2));
  // Rare words: from the words in the fewest articles (here: in one only, k >= 20).
  for (size_t i = 30; i < 50; ++i) {
    EXPECT_EQ((*queries)[i].kind, "rare");
    EXPECT_THAT((*queries)[i].text, Not(Contains(' ')));
  }
  // The same store gives the same list.
  auto again = PickBenchmarkQueries(db_);
  ASSERT_TRUE(again.ok());
  for (size_t i = 0; i < 50; ++i) EXPECT_EQ((*again)[i].text, (*queries)[i].text);
}

TEST_F(SearchBenchTest, TimesEveryQuery) {
  auto queries = PickBenchmarkQueries(db_);
  ASSERT_TRUE(queries.ok());
  auto timings = TimeQueries(db_, *queries, 1);
  ASSERT_TRUE(timings.ok()) << timings.status().ToString();
  ASSERT_EQ(timings->size(), 50u);
  EXPECT_EQ((*timings)[0].hits, 20);  // in every article: a full page
  for (const QueryTiming& t : *timings) {
    EXPECT_GE(t.hits, 1) << t.query.text;
    EXPECT_GT(t.median_ms, 0) << t.query.text;
  }
}

TEST(SearchBenchStoreTest, AnEmptyStoreIsRefused) {
  const fs::path db =
      fs::temp_directory_path() / ("newsloom_empty_" + std::to_string(std::random_device{}()));
  ASSERT_TRUE(Store::Open(db.string()).ok());
  EXPECT_EQ(PickBenchmarkQueries(db.string()).status().code(), Status::Code::kInvalidArgument);
  fs::remove(db);
}

}  // namespace
}  // namespace newsloom::bench
