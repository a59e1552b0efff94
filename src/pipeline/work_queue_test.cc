// The work queue against a throwaway PostgreSQL server: workers that die mid-batch lose nothing and
// double nothing, and the stories equal those of a single-process SQLite ingest of the same pages.
#include "newsloom/work_queue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "newsloom/story_json.h"
#include "store/postgres_store.h"
#include "testing/postgres_test_server.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;

// Three events, reported by several outlets in differing words, plus a page with no text.
const char* const kPages[][2] = {
    {"a1.txt",
     "Flood closes river bridge\nHeavy rain flooded the Elm River on Monday and the city closed "
     "the old river bridge to traffic. \"The bridge will stay closed until the water level "
     "falls,\" the city engineer said.\n"},
    {"b1.txt",
     "Mayor signs transit budget\nThe mayor signed the transit budget on Tuesday, adding twelve "
     "new bus lines and longer night service across the city.\n"},
    {"a2.txt",
     "River bridge stays shut after flood\nThe old river bridge remained closed on Tuesday after "
     "the Elm River flooded. City engineers are checking the bridge for damage from the water.\n"},
    {"c1.txt",
     "Chess champion wins final\nThe national chess champion won the final game in Oslo on "
     "Sunday after a long endgame against the challenger.\n"},
    {"b2.txt",
     "Transit budget adds bus lines\nTwelve new bus lines and longer night service are part of "
     "the transit budget the mayor signed on Tuesday.\n"},
    {"empty.txt", ""},
    {"c2.txt",
     "Oslo final goes to the champion\nIn Oslo the national chess champion beat the challenger "
     "in the final game on Sunday after a long endgame.\n"},
    {"a3.txt",
     "Engineers inspect flooded bridge\nEngineers inspected the old river bridge on Wednesday "
     "after the Elm River flood; the bridge stays closed to traffic.\n"},
};

class WorkQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_work_queue_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_ / "in");
    for (const auto& [name, text] : kPages) std::ofstream(dir_ / "in" / name) << text;
    auto& server = testing::PostgresTestServer::Get();
    uri_ = server.NewDatabase();
    ASSERT_EQ(server.error(), "");
    auto store = store::PostgresStore::Open(uri_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // Story partition: sorted article ids of each story -> title.
  static std::map<std::set<std::string>, std::string> Partition(Store* store) {
    std::map<std::set<std::string>, std::string> out;
    auto stories = store->ListStories();
    EXPECT_TRUE(stories.ok());
    if (!stories.ok()) return out;
    for (const StorySummary& s : *stories) {
      std::set<std::string> ids;
      for (const StoryArticle& a : s.articles) ids.insert(a.id);
      out[ids] = s.title;
    }
    return out;
  }

  // Every story with its whole brief (timeline, quotes, claims, entities), by id.
  static std::map<std::string, std::string> Briefs(Store* store) {
    std::map<std::string, std::string> out;
    auto stories = store->ListStories();
    EXPECT_TRUE(stories.ok());
    if (!stories.ok()) return out;
    for (const StorySummary& s : *stories) {
      auto story = store->GetStory(s.id);
      EXPECT_TRUE(story.ok());
      if (story.ok()) out[s.id] = store::StoryToJson(*story).dump(1);
    }
    return out;
  }

  // The same pages ingested by a single process into a SQLite store.
  std::unique_ptr<Store> SqliteReference() {
    auto sqlite = Store::Open((dir_ / "reference.db").string());
    EXPECT_TRUE(sqlite.ok());
    if (!sqlite.ok()) return nullptr;
    Pipeline pipeline(sqlite->get(), DefaultPageStages());
    IngestOptions options;
    options.threads = 1;
    options.batch_pages = 1000;  // one batch: every page's evidence is the whole set
    auto report = pipeline.Ingest({(dir_ / "in").string()}, options);
    EXPECT_TRUE(report.ok());
    return std::move(*sqlite);
  }

  fs::path dir_;
  std::string uri_;
  std::unique_ptr<store::PostgresStore> store_;
};

TEST_F(WorkQueueTest, DeadWorkersLoseNothingAndStoriesEqualASingleProcessRun) {
  auto queued = EnqueueInputs(store_.get(), {(dir_ / "in").string()}, 3);
  ASSERT_TRUE(queued.ok()) << queued.status().ToString();
  EXPECT_EQ(queued->pages_queued, 7);
  EXPECT_EQ(queued->skipped.size(), 1u);  // the empty file
  // Queueing the same inputs again adds nothing.
  EXPECT_EQ(EnqueueInputs(store_.get(), {(dir_ / "in").string()}, 3)->pages_queued, 0);

  // A worker claims two pages and dies: no result, its lease runs out.
  auto dead = store_->Claim("dead", 2, 0.5);
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->size(), 2u);

  // Two workers share the rest, then take the dead worker's pages once its lease expired.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  auto stages = DefaultPageStages();
  WorkerOptions options;
  options.batch_pages = 2;
  options.poll_seconds = 0.1;
  options.name = "one";
  auto first = RunWorker(store_.get(), stages.get(), options, nullptr);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  options.name = "two";
  auto second = RunWorker(store_.get(), stages.get(), options, nullptr);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(first->pages + second->pages, 7);

  // The dead worker comes back and writes its stale batch: nothing changes.
  auto stale_stages = DefaultPageStages();
  std::vector<PageOutcome> outcomes;
  std::vector<AnalyzedArticle> articles;
  articles.reserve(dead->size());
  for (const QueuedPage& p : *dead) {
    auto a = stale_stages->Extract(p.page);
    if (!a.ok()) continue;
    articles.push_back(*stale_stages->Analyze(*a));
    outcomes.push_back({p.seq, &p.page, &articles.back(), "", ""});
  }
  auto held = store_->CompleteBatch("dead", outcomes);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  EXPECT_EQ(*held, 0);

  EXPECT_EQ(*store_->PendingPages(), 0);
  EXPECT_EQ(*store_->ArticleCount(), 7);
  auto status = store_->GetQueueStatus();
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(status->workers.size(), 3u);
  EXPECT_EQ(status->workers[0].name, "dead");
  EXPECT_EQ(status->workers[0].pages, 0);  // its late batch counted for nothing
  EXPECT_EQ(status->workers[1].pages + status->workers[2].pages, 7);

  auto clustered = RunClusterer(store_.get(), store_.get(), ClustererOptions{.poll_seconds = 0.1},
                                nullptr, nullptr);
  ASSERT_TRUE(clustered.ok()) << clustered.status().ToString();
  EXPECT_EQ(clustered->articles, 7);
  const auto partition = Partition(store_.get());
  auto reference = SqliteReference();
  ASSERT_NE(reference, nullptr);
  EXPECT_EQ(partition, Partition(reference.get()));
  EXPECT_GE(partition.size(), 2u);
  // The same briefs through either path.
  const auto briefs = Briefs(store_.get());
  EXPECT_EQ(briefs, Briefs(reference.get()));
  size_t quotes = 0;
  for (const auto& [id, brief] : briefs) quotes += nlohmann::json::parse(brief)["quotes"].size();
  EXPECT_GE(quotes, 1u);
}

TEST_F(WorkQueueTest, ClusteringWaitsForUnfinishedPagesAndOneProcessHoldsTheLock) {
  ASSERT_TRUE(EnqueueInputs(store_.get(), {(dir_ / "in").string()}, 8).ok());
  auto claimed = store_->Claim("w", 4, 60);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 4u);
  const int64_t first = (*claimed)[0].seq;
  // Nothing finished: the clusterer may take nothing yet.
  EXPECT_EQ(*store_->FinishedPrefix(), first - 1);
  std::vector<PageOutcome> skipped;
  for (const auto& p : *claimed) skipped.push_back({p.seq, &p.page, nullptr, "", "test"});
  EXPECT_EQ(*store_->CompleteBatch("w", skipped), 4);
  EXPECT_EQ(*store_->FinishedPrefix(), first + 3);
  auto stages = DefaultPageStages();
  auto worker = RunWorker(store_.get(), stages.get(), WorkerOptions{.name = "w"}, nullptr);
  ASSERT_TRUE(worker.ok()) << worker.status().ToString();
  EXPECT_EQ(worker->pages, 3);
  EXPECT_EQ(*store_->PendingPages(), 0);
  EXPECT_EQ(*store_->FinishedPrefix(), first + 6);

  auto other = store::PostgresStore::Open(uri_);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(*(*other)->TryClusterLock());
  EXPECT_FALSE(*store_->TryClusterLock());  // held by the other connection
  other->reset();                           // its holder goes away: the lock is free again
  bool taken = false;
  for (int i = 0; i < 50 && !taken; ++i) {
    taken = *store_->TryClusterLock();
    if (!taken) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(taken);
}

}  // namespace
}  // namespace newsloom
