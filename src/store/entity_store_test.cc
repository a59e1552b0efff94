// Entities in the store: story entities and merges survive the round trip, and search filters by
// entity mention text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "newsloom/store.h"
#include "testing/postgres_test_server.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;

enum class Backend { kSqlite, kPostgres };

// Runs on both backends: a SQLite file, and a fresh database on a throwaway PostgreSQL server.
class EntityStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_entity_store_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    std::string target = (dir_ / "e.db").string();
    if (GetParam() == Backend::kPostgres) {
      auto& server = testing::PostgresTestServer::Get();
      target = server.NewDatabase();
      ASSERT_EQ(server.error(), "");
    }
    auto store = Store::Open(target);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  void Put(const std::string& id, const std::string& body,
           const std::vector<std::pair<std::string, std::string>>& entities) {
    RawPage page;
    page.source = id;
    page.content_type = "text/plain";
    page.bytes = body;
    AnalyzedArticle a;
    a.article.id = id;
    a.article.source = id;
    a.article.title = id;
    a.article.language = "en";
    a.article.body = body;
    for (const auto& [text, type] : entities) {
      const auto begin = static_cast<uint32_t>(body.find(text));
      a.entities.push_back(
          EntityMention{Span{begin, static_cast<uint32_t>(begin + text.size())}, text, type});
    }
    auto put = store_->PutArticle(page, a);
    ASSERT_TRUE(put.ok() && *put) << id;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(EntityStoreTest, StoryEntitiesRoundTrip) {
  Put("a", "Maria Lopez met the press.", {{"Maria Lopez", "PER"}});
  Story s;
  s.id = "s1";
  s.title = "t";
  s.articles.push_back(StoryArticle{"a", "a", "a", "", std::nullopt, CopyRole::kOriginal});
  s.entities.push_back(StoryEntity{"e1",
                                   "Maria Lopez",
                                   "PER",
                                   {"Maria Lopez", "Lopez"},
                                   {"Foreign Minister"},
                                   {Citation{"a", Span{0, 11}, "Maria Lopez"}}});
  s.entity_merges.push_back(EntityMerge{"Maria Lopez", "Lopez", "short form"});
  ASSERT_TRUE(store_->ReplaceStories({s}, {}).ok());
  auto got = store_->GetStory("s1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->entities.size(), 1u);
  const StoryEntity& e = got->entities[0];
  EXPECT_EQ(e.id, "e1");
  EXPECT_EQ(e.name, "Maria Lopez");
  EXPECT_EQ(e.type, "PER");
  EXPECT_THAT(e.variants, ::testing::ElementsAre("Maria Lopez", "Lopez"));
  EXPECT_THAT(e.roles, ::testing::ElementsAre("Foreign Minister"));
  ASSERT_EQ(e.mentions.size(), 1u);
  EXPECT_EQ(e.mentions[0].span.end, 11u);
  ASSERT_EQ(got->entity_merges.size(), 1u);
  EXPECT_EQ(got->entity_merges[0].reason, "short form");
}

TEST_P(EntityStoreTest, SearchFiltersByEntityMention) {
  Put("a", "The storm reached Arland on Monday.", {{"Arland", "LOC"}});
  Put("b", "The storm spared Borland.", {{"Borland", "LOC"}});
  Put("c", "Arland and the storm, again.", {});  // the word, but no tagged mention
  SearchQuery q;
  q.text = "storm";
  auto all = store_->Search(q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 3u);

  q.entity_names = {"arland"};  // case does not matter
  auto hits = store_->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "a");

  // Entity filter alone: the names are the words searched for.
  SearchQuery only;
  only.entity_names = {"Borland", "Arland"};
  auto by_entity = store_->Search(only);
  ASSERT_TRUE(by_entity.ok()) << by_entity.status().ToString();
  ASSERT_EQ(by_entity->size(), 2u);

  SearchQuery empty;
  EXPECT_FALSE(store_->Search(empty).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, EntityStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace newsloom
