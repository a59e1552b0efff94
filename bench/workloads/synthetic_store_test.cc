#include "workloads/synthetic_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "newsloom/store.h"

namespace newsloom::bench {
namespace {

namespace fs = std::filesystem;

class SyntheticStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_synthetic_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    std::ofstream pages(dir_ / "pages.jsonl");
    const char* bodies[] = {
        "Heavy rain flooded the valley on Monday.\n\nMayor Ana Lindqvist said the dam held.\n\n"
        "Rescue teams from Oslo reached the village by boat.",
        "The council approved a new bridge over the river.\n\nWork starts in May, the council "
        "said.\n\nThe bridge will cost 40 million kroner.",
        "Storms closed the harbour for two days.\n\nFerries stayed in port.\n\nThe coast guard "
        "asked people to keep away from the sea wall."};
    for (int i = 0; i < 3; ++i) {
      pages << nlohmann::json{{"id", "p" + std::to_string(i)},
                              {"published", "2024-03-0" + std::to_string(i + 1)},
                              {"text", bodies[i]}}
                   .dump()
            << "\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(SyntheticStoreTest, ClonesKeepEverySpanOnItsText) {
  SyntheticStoreOptions options;
  options.db = (dir_ / "store.db").string();
  options.seed_inputs = {(dir_ / "pages.jsonl").string()};
  options.articles = 10;
  options.threads = 1;
  auto report = BuildSyntheticStore(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->seed_articles, 3);
  EXPECT_GE(report->articles, 10);
  EXPECT_FALSE(report->reused);

  auto store = Store::Open(options.db);
  ASSERT_TRUE(store.ok());
  int clones = 0;
  ASSERT_TRUE((*store)
                  ->ForEachArticle(LoadOptions{},
                                   [&](AnalyzedArticle&& a) {
                                     if (a.article.id.find("~r") != std::string::npos) ++clones;
                                     const std::string& body = a.article.body;
                                     for (const EntityMention& e : a.entities) {
                                       EXPECT_EQ(body.substr(e.span.begin, e.span.size()), e.text)
                                           << a.article.id;
                                     }
                                     for (const TemporalExpression& t : a.dates) {
                                       EXPECT_EQ(body.substr(t.span.begin, t.span.size()), t.text)
                                           << a.article.id;
                                     }
                                     for (const Paragraph& p : a.article.paragraphs) {
                                       EXPECT_EQ(body.substr(p.span.begin, p.span.size()), p.text)
                                           << a.article.id;
                                     }
                                     return Status::Ok();
                                   })
                  .ok());
  EXPECT_EQ(clones, report->articles - 3);
  // Stories are cloned with their articles, and their citations point at the same words.
  auto stories = (*store)->ListStories();
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(static_cast<int64_t>(stories->size()), report->stories);
  for (const StorySummary& s : *stories) {
    auto story = (*store)->GetStory(s.id);
    ASSERT_TRUE(story.ok());
    for (const StoryEntity& e : story->entities) {
      for (const Citation& c : e.mentions) {
        auto a = (*store)->GetArticle(c.article_id);
        ASSERT_TRUE(a.ok()) << c.article_id;
        EXPECT_EQ(a->article.body.substr(c.span.begin, c.span.size()), c.text);
      }
    }
  }

  // A second run finds the store big enough and leaves it alone.
  auto again = BuildSyntheticStore(options);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->reused);
  EXPECT_EQ(again->articles, report->articles);
}

}  // namespace
}  // namespace newsloom::bench
