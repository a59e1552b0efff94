// The sample pages of ../shared/corpus/seeds, made into Articles from their reference answers
// (gold.json body lines as paragraphs, gold publication dates), run through analysis, copy
// detection and the story builder with the reference stories' members, and checked against the
// reference story.
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
#include "newsloom/dedup.h"
#include "story/story_builder.h"
#include "testing/gold_article.h"

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

// The story of the reference partition (gold.json "stories"; clustering the pages is checked by
// `newsloom eval seeds`) built from its four articles.
TEST_F(SamplesTest, StoryOfTheVisitHasFourSourcesAndATimeline) {
  dedup::CopyDetector copies;
  for (const Sample& s : samples_) copies.Add(s.analyzed);
  const std::vector<CopyGroup> groups = copies.Groups();
  EXPECT_TRUE(groups.empty()) << "the sample pages are independent reports, not copies";

  const std::vector<const AnalyzedArticle*>* visit = nullptr;
  std::map<std::string, std::vector<const AnalyzedArticle*>> members;
  for (const auto& story : gold_["stories"]) {
    for (const auto& f : story["docs"]) {
      for (const Sample& s : samples_) {
        if (s.file == f.get<std::string>()) members[story["id"]].push_back(&s.analyzed);
      }
    }
  }
  std::string visit_id;
  for (const auto& [id, articles] : members) {
    if (articles.size() == 4) {
      visit = &articles;
      visit_id = id;
    }
  }
  ASSERT_NE(visit, nullptr);
  const Story story = BuildStory(visit_id, visit_id, *visit, groups);
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
