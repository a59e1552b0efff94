// The sample pages of ../shared/corpus/seeds, made into Articles from their reference answers
// (gold.json body lines as paragraphs, gold publication dates), run through analysis, copy
// detection, clustering and the story builder, and checked against the reference stories.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/story_clusterer.h"
#include "newsloom/dedup.h"
#include "testing/gold_article.h"
#include "story/story_builder.h"

namespace newsloom::story {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(NEWSLOOM_SHARED_DIR) / "corpus" / "seeds";

struct Sample {
  std::string file;
  AnalyzedArticle analyzed;
};

std::vector<std::string> Lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

class SamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path gold_path = kSeeds / "gold.json";
    ASSERT_TRUE(fs::exists(gold_path)) << "sample pages absent: expected " << gold_path
                                       << " (the shared data beside the checkout)";
    std::ifstream in(gold_path);
    gold_ = nlohmann::json::parse(in);
    for (const auto& doc : gold_["documents"]) {
      const std::string file = doc["file"];
      const std::vector<std::string> lines = Lines(kSeeds / file);
      Article a = testing::ArticleFromGoldLines(lines, doc, file.substr(0, file.find('.')));
      auto analyzed = analyze::Analyze(std::move(a));
      ASSERT_TRUE(analyzed.ok()) << analyzed.status().ToString();
      samples_.push_back(Sample{file, std::move(analyzed).value()});
    }
    ASSERT_EQ(samples_.size(), 5u);
  }

  nlohmann::json gold_;
  std::vector<Sample> samples_;
};

// Partition as sets of files, for comparison regardless of story ids.
std::set<std::set<std::string>> Partition(const std::map<std::string, std::set<std::string>>& m) {
  std::set<std::set<std::string>> out;
  for (const auto& [id, files] : m) out.insert(files);
  return out;
}

TEST_F(SamplesTest, ClustersAsTheReferenceStories) {
  cluster::StoryClusterer clusterer;
  std::map<std::string, std::set<std::string>> predicted;
  std::map<std::string, std::string> thread_of;
  for (const Sample& s : samples_) predicted[clusterer.Add(s.analyzed)].insert(s.file);
  for (const auto& a : clusterer.Assignments()) thread_of[a.story_id] = a.thread_id;

  std::map<std::string, std::set<std::string>> expected;
  for (const auto& story : gold_["stories"]) {
    for (const auto& f : story["docs"]) expected[story["id"]].insert(f.get<std::string>());
  }
  EXPECT_EQ(Partition(predicted), Partition(expected));
  // The September 2023 summit and the June 2024 visit are related: one thread.
  std::set<std::string> threads;
  for (const auto& [story, thread] : thread_of) threads.insert(thread);
  EXPECT_EQ(threads.size(), 1u);
}

// The rule that separates the stories is about dates, not arrival order: every rotation of the
// input gives the same partition.
TEST_F(SamplesTest, PartitionDoesNotDependOnArrivalOrder) {
  std::map<std::string, std::set<std::string>> expected;
  for (const auto& story : gold_["stories"]) {
    for (const auto& f : story["docs"]) expected[story["id"]].insert(f.get<std::string>());
  }
  for (size_t shift = 0; shift < samples_.size(); ++shift) {
    for (bool reverse : {false, true}) {
      std::vector<const Sample*> order;
      for (size_t i = 0; i < samples_.size(); ++i) {
        order.push_back(&samples_[(i + shift) % samples_.size()]);
      }
      if (reverse) std::reverse(order.begin(), order.end());
      cluster::StoryClusterer clusterer;
      std::map<std::string, std::set<std::string>> predicted;
      for (const Sample* s : order) predicted[clusterer.Add(s->analyzed)].insert(s->file);
      EXPECT_EQ(Partition(predicted), Partition(expected))
          << "rotation " << shift << (reverse ? " reversed" : "");
    }
  }
}

TEST_F(SamplesTest, StoryOfTheVisitHasFourSourcesAndATimeline) {
  dedup::CopyDetector copies;
  cluster::StoryClusterer clusterer;
  std::map<std::string, std::vector<const AnalyzedArticle*>> members;
  std::map<std::string, std::string> thread_of;
  for (const Sample& s : samples_) {
    copies.Add(s.analyzed);
    members[clusterer.Add(s.analyzed)].push_back(&s.analyzed);
  }
  for (const auto& a : clusterer.Assignments()) thread_of[a.story_id] = a.thread_id;
  const std::vector<CopyGroup> groups = copies.Groups();
  EXPECT_TRUE(groups.empty()) << "the sample pages are independent reports, not copies";

  const std::vector<const AnalyzedArticle*>* visit = nullptr;
  std::string visit_id;
  for (const auto& [id, articles] : members) {
    if (articles.size() == 4) {
      visit = &articles;
      visit_id = id;
    }
  }
  ASSERT_NE(visit, nullptr);
  const Story story = BuildStory(visit_id, thread_of[visit_id], *visit, groups);
  EXPECT_EQ(story.sources_independent, 4);
  EXPECT_EQ(story.articles.size(), 4u);
  ASSERT_TRUE(story.first_published.has_value());
  EXPECT_EQ(story.first_published->ToIso(), "2024-06-12");
  EXPECT_EQ(story.last_published->ToIso(), "2024-06-19");
  EXPECT_FALSE(story.title.empty());

  // The reference timeline's dates: the story's own days are not background, earlier ones are.
  std::map<std::string, const TimelineEntry*> timeline;
  for (const TimelineEntry& e : story.timeline) timeline[e.date] = &e;
  for (const auto& ref : gold_["timeline"]) {
    const std::string date = ref["date"];
    ASSERT_TRUE(timeline.count(date)) << "timeline lacks " << date;
    const bool background =
        ref["what"].get<std::string>().find("(background)") != std::string::npos;
    EXPECT_EQ(timeline[date]->background, background) << date;
    for (const Citation& c : timeline[date]->sources) {
      const Sample* sample = nullptr;
      for (const Sample& s : samples_) {
        if (s.analyzed.article.id == c.article_id) sample = &s;
      }
      ASSERT_NE(sample, nullptr);
      EXPECT_EQ(sample->analyzed.article.body.substr(c.span.begin, c.span.size()), c.text);
    }
  }
  EXPECT_GE(timeline["2024-06-19"]->independent_sources, 2);
}

}  // namespace
}  // namespace newsloom::story
