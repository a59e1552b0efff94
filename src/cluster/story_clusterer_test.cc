#include "cluster/story_clusterer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "text/hash.h"

namespace newsloom::cluster {
namespace {

AnalyzedArticle Make(const std::string& id, const std::string& body,
                     std::optional<Date> published = std::nullopt) {
  Article a;
  a.id = id;
  a.body = body;
  a.published = published;
  auto r = analyze::Analyze(std::move(a));
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

const char* kQuake =
    "A magnitude 6.1 earthquake struck near the coastal town of Aldport on Monday, damaging "
    "hundreds of homes. Rescue teams from Aldport searched collapsed buildings. Governor Maria "
    "Delacroix said 14 people died in the earthquake.";
const char* kQuake2 =
    "Rescue teams searched collapsed buildings in Aldport after the magnitude 6.1 earthquake. "
    "Governor Maria Delacroix said the death toll rose to 14 as homes lay damaged.";
const char* kBudget =
    "The parliament of Veltria passed a budget that raises spending on railways and schools. "
    "Finance minister Tomas Brenner defended the tax changes in a long debate.";

std::vector<AnalyzedArticle> Stream() {
  return {Make("q1", kQuake, Date{2024, 3, 4}), Make("b1", kBudget, Date{2024, 3, 4}),
          Make("q2", kQuake2, Date{2024, 3, 5}),
          Make("q3", kQuake2, Date{2024, 9, 20})};  // same words, months later
}

TEST(StoryClustererTest, JoinsSimilarSplitsUnrelatedAndRespectsTheWindow) {
  StoryClusterer c;
  const std::vector<AnalyzedArticle> stream = Stream();
  std::vector<std::string> ids;
  for (const auto& a : stream) ids.push_back(c.Add(a));
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_NE(ids[0], ids[3]);                           // outside the 7-day window: a new story
  EXPECT_EQ(ids[0], text::HexId(text::Hash64("q1")));  // named after its first article
  const auto assignments = c.Assignments();
  ASSERT_EQ(assignments.size(), 4u);
  EXPECT_EQ(assignments[3].article_id, "q3");
  // The later story about the same place and people joins the earlier one's thread.
  EXPECT_EQ(assignments[3].thread_id, assignments[0].thread_id);
  EXPECT_NE(assignments[1].thread_id, assignments[0].thread_id);
}

TEST(StoryClustererTest, UndatedArticlesClusterByText) {
  StoryClusterer c;
  const std::string a = c.Add(Make("u1", kQuake));
  const std::string b = c.Add(Make("u2", kBudget));
  const std::string d = c.Add(Make("u3", kQuake2));
  EXPECT_EQ(a, d);
  EXPECT_NE(a, b);
}

// With a join threshold nothing reaches, each article starts a story at arrival; the repair
// merge then folds the story of the second quake report into the first, which keeps its id.
TEST(StoryClustererTest, RepairMergesStoriesWhoseCentroidsConverge) {
  for (double merge : {0.3, 0.0}) {
    ClusterOptions options;
    options.join_threshold = 0.99;
    options.merge_threshold = merge;
    StoryClusterer c(options);
    const std::string q1 = c.Add(Make("q1", kQuake, Date{2024, 3, 4}));
    const std::string b1 = c.Add(Make("b1", kBudget, Date{2024, 3, 4}));
    const std::string q2 = c.Add(Make("q2", kQuake2, Date{2024, 3, 5}));
    EXPECT_NE(q1, q2);  // at arrival
    const auto final_assignments = c.Assignments();
    ASSERT_EQ(final_assignments.size(), 3u);
    EXPECT_EQ(final_assignments[0].story_id, q1);
    EXPECT_EQ(final_assignments[1].story_id, b1);
    if (merge > 0) {
      EXPECT_EQ(final_assignments[2].story_id, q1);
    } else {
      EXPECT_EQ(final_assignments[2].story_id, q2);
    }
  }
}

TEST(StoryClustererTest, IdleStoriesTakeNoNewArticles) {
  ClusterOptions options;
  options.max_idle_articles = 2;
  StoryClusterer c(options);
  const std::string first = c.Add(Make("q1", kQuake));
  c.Add(Make("b1", kBudget));
  c.Add(Make("b2", kBudget));
  c.Add(Make("b3", kBudget));
  EXPECT_NE(c.Add(Make("q2", kQuake2)), first);
}

TEST(StoryClustererTest, DeterministicAcrossRuns) {
  const std::vector<AnalyzedArticle> stream = Stream();
  auto run = [&] {
    StoryClusterer c;
    for (const auto& a : stream) c.Add(a);
    return c.Assignments();
  };
  const auto first = run();
  for (int i = 0; i < 3; ++i) {
    const auto again = run();
    ASSERT_EQ(again.size(), first.size());
    for (size_t k = 0; k < first.size(); ++k) {
      EXPECT_EQ(again[k].story_id, first[k].story_id);
      EXPECT_EQ(again[k].thread_id, first[k].thread_id);
    }
  }
}

TEST(StoryClustererTest, EmptyArticlesAndRepeatedIdsStartTheirOwnStories) {
  StoryClusterer c;
  const std::string a = c.Add(Make("e1", ""));
  const std::string b = c.Add(Make("e2", ""));
  EXPECT_NE(a, b);
  const std::string d = c.Add(Make("same", kQuake));
  const std::string e = c.Add(Make("same", kBudget));
  EXPECT_NE(d, e);
}

// Determinism on real text: the ECB+ development stream clustered twice gives the same ids.
TEST(StoryClustererTest, DeterministicOnDevelopmentSet) {
  const std::string path = std::string(NEWSLOOM_SHARED_DIR) + "/data/clustering/ecbplus-dev.jsonl";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "development set absent: " << path;
  std::vector<AnalyzedArticle> stream;
  std::string line;
  int n = 0;
  while (std::getline(in, line) && n < 120) {
    // {"id": "...", ..., "text": "..."}: the text is enough here, the ids are line numbers.
    const size_t at = line.find("\"text\": \"");
    if (at == std::string::npos) continue;
    stream.push_back(Make("line" + std::to_string(n++), line.substr(at + 9)));
  }
  ASSERT_EQ(n, 120);
  auto run = [&] {
    StoryClusterer c;
    for (const auto& a : stream) c.Add(a);
    return c.Assignments();
  };
  const auto a = run(), b = run();
  for (size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k].story_id, b[k].story_id);
}

}  // namespace
}  // namespace newsloom::cluster
