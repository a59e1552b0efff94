// Incremental stories against one run: the development articles ingested in many small runs, each
// restoring the saved story state, give the same stories (ids, members, briefs) as one run, on
// both backends; a saved state that cannot be used is rebuilt from the stored articles.
#include "pipeline/story_desk.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "newsloom/pipeline.h"
#include "newsloom/story_json.h"
#include "testing/postgres_test_server.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;

constexpr int kRecordsPerRun = 30;

class StoryDeskTest : public ::testing::TestWithParam<bool> {  // true: PostgreSQL
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_story_desk_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    const fs::path data = fs::path(NEWSLOOM_SHARED_DIR) / "data" / "clustering" / "news-dev.jsonl";
    std::ifstream in(data);
    ASSERT_TRUE(in) << "development data absent: expected " << data.string()
                    << " (the shared data folder beside the checkout)";
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    ASSERT_GT(lines.size(), static_cast<size_t>(5 * kRecordsPerRun));
    for (size_t i = 0; i < lines.size(); i += kRecordsPerRun) {
      const fs::path part = dir_ / ("part-" + std::to_string(100 + parts_.size()) + ".jsonl");
      std::ofstream out(part);
      for (size_t j = i; j < std::min(lines.size(), i + kRecordsPerRun); ++j)
        out << lines[j] << "\n";
      parts_.push_back(part.string());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open(const std::string& name) {
    std::string target = (dir_ / (name + ".db")).string();
    if (GetParam()) {
      auto& server = testing::PostgresTestServer::Get();
      target = server.NewDatabase();
      EXPECT_EQ(server.error(), "");
    }
    auto store = Store::Open(target);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Every story in listing order with its whole brief.
  static std::string Stories(Store* store) {
    std::string out;
    auto stories = store->ListStories();
    EXPECT_TRUE(stories.ok());
    if (!stories.ok()) return out;
    for (const StorySummary& s : *stories) {
      auto story = store->GetStory(s.id);
      EXPECT_TRUE(story.ok());
      if (story.ok()) out += store::StoryToJson(*story).dump() + "\n";
    }
    return out;
  }

  static IngestOptions Options(int threads) {
    IngestOptions options;
    options.threads = threads;
    // Extraction's cross-page evidence grows batch by batch: the same batches as the runs.
    options.batch_pages = kRecordsPerRun;
    return options;
  }

  // One run over every part.
  std::string OneRun() {
    auto store = Open("one");
    Pipeline pipeline(store.get(), DefaultPageStages());
    auto report = pipeline.Ingest(parts_, Options(1));
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->stories_written, report->stories);
    return Stories(store.get());
  }

  fs::path dir_;
  std::vector<std::string> parts_;
};

TEST_P(StoryDeskTest, ManySmallRunsGiveTheStoriesOfOneRun) {
  const std::string one = OneRun();
  ASSERT_FALSE(one.empty());
  // The briefs are whole: quotes among them.
  EXPECT_NE(one.find("\"quotes\":[{"), std::string::npos);

  auto store = Open("runs");
  int64_t written = 0, listed = 0;
  for (size_t i = 0; i < parts_.size(); ++i) {
    // A new pipeline per part, as a new process would be; thread counts vary.
    Pipeline pipeline(store.get(), DefaultPageStages());
    auto report = pipeline.Ingest({parts_[i]}, Options(1 + static_cast<int>(i % 3)));
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    if (i > 0) EXPECT_LT(report->stories_written, report->stories) << "run " << i;
    written += report->stories_written;
    listed += report->stories;
  }
  EXPECT_EQ(Stories(store.get()), one);
  // Only changed stories are rewritten, not every story on every run.
  EXPECT_LT(written, listed * 3 / 4);
}

TEST_P(StoryDeskTest, AnUnusableOrLaggingStateIsRebuiltFromTheStoredArticles) {
  const std::string one = OneRun();
  auto store = Open("damaged");
  const size_t half = parts_.size() / 2;
  {
    Pipeline pipeline(store.get(), DefaultPageStages());
    for (size_t i = 0; i < half; ++i) ASSERT_TRUE(pipeline.Ingest({parts_[i]}, Options(2)).ok());
  }
  // The clusterer's blob damaged: the next run starts over from the stored articles.
  auto blob = store->GetState("story_clusterer");
  ASSERT_TRUE(blob.ok() && blob->has_value());
  std::string damaged = **blob;
  damaged[damaged.size() / 2] ^= 0x5a;
  Store::StoryChanges changes;
  changes.state = {{"story_clusterer", damaged}};
  ASSERT_TRUE(store->UpdateStories(changes).ok());
  {
    Pipeline pipeline(store.get(), DefaultPageStages());
    auto report = pipeline.Ingest({parts_[half]}, Options(2));
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->stories_written, report->stories);  // everything rewritten
  }
  // A run that builds no stories leaves the state behind; the next one catches up.
  IngestOptions no_stories = Options(2);
  no_stories.rebuild_stories = false;
  Pipeline pipeline(store.get(), DefaultPageStages());
  ASSERT_TRUE(pipeline.Ingest({parts_[half + 1]}, no_stories).ok());
  for (size_t i = half + 2; i < parts_.size(); ++i) {
    ASSERT_TRUE(pipeline.Ingest({parts_[i]}, Options(2)).ok());
  }
  EXPECT_EQ(Stories(store.get()), one);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoryDeskTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "PostgreSQL" : "SQLite";
                         });

}  // namespace
}  // namespace newsloom
