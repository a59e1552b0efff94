#include "cluster/story_clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
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
  EXPECT_NE(ids[0], ids[3]);                           // outside the time window: a new story
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

// An article given only the terms listed, each once.
AnalyzedArticle WithTerms(const std::string& id, const std::vector<std::string>& terms) {
  AnalyzedArticle a;
  a.article.id = id;
  for (const std::string& t : terms) a.terms.push_back(Term{t, 1});
  std::sort(a.terms.begin(), a.terms.end(),
            [](const Term& x, const Term& y) { return x.term < y.term; });
  return a;
}

// An event's first report can land in a look-alike's story before its own exists; once its
// own has grown, it moves there, and Assignments says where it is now.
TEST(StoryClustererTest, MembersMoveToAStoryThatFitsThemBetter) {
  ClusterOptions options;
  options.join_threshold = 0.3;
  options.link_members = 2;
  options.move_margin = 0;
  StoryClusterer c(options);
  const std::string a = c.Add(WithTerms("a1", {"dam", "river", "flood", "levee"}));
  // Shares two words with a1: joins its story at arrival.
  EXPECT_EQ(c.Add(WithTerms("a2", {"flood", "levee", "storm", "coast"})), a);
  // Its own event's reports then come in, nearer to it than a1 is.
  const std::string b = c.Add(WithTerms("b1", {"storm", "coast", "ferry", "harbour"}));
  EXPECT_NE(b, a);
  EXPECT_EQ(c.Add(WithTerms("b2", {"storm", "coast", "ferry", "harbour", "pier"})), b);
  EXPECT_EQ(c.Add(WithTerms("b3", {"storm", "coast", "levee", "ferry"})), b);
  const std::vector<Assignment> now = c.Assignments();
  ASSERT_EQ(now.size(), 5u);
  EXPECT_EQ(now[0].story_id, a);
  EXPECT_EQ(now[1].story_id, b);  // moved
  EXPECT_EQ(now[4].story_id, b);
}

// The dates that open the texts tell two look-alike events apart: the same words on days that
// are too far apart do not share a story, nor a story told on another weekday.
TEST(StoryClustererTest, LeadDatesKeepLookAlikesApart) {
  auto dated = [](const std::string& id, std::optional<Date> day, const char* lead_value) {
    AnalyzedArticle a = WithTerms(id, {"summit", "leaders", "talks", "pact", "capital"});
    a.article.published = day;
    if (lead_value != nullptr) {
      TemporalExpression t;
      t.span = Span{10, 18};
      t.type = "DATE";
      t.value = lead_value;
      a.dates.push_back(t);
    }
    return a;
  };
  StoryClusterer c;
  const std::string first = c.Add(dated("s1", Date{2024, 6, 19}, "2024-06-19"));
  EXPECT_EQ(c.Add(dated("s2", Date{2024, 6, 20}, "2024-06-19")), first);
  // Four months later: outside the window.
  EXPECT_NE(c.Add(dated("s3", Date{2024, 10, 20}, "2024-10-19")), first);
  // Undated, and its lead's weekday (Saturday) is not the story's (Wednesday): a look-alike.
  EXPECT_NE(c.Add(dated("s4", std::nullopt, "XXXX-WXX-6")), first);
}

AnalyzedArticle MakeIn(const std::string& language, const std::string& id,
                       const std::string& body) {
  Article a;
  a.id = id;
  a.body = body;
  a.language = language;
  auto r = analyze::Analyze(std::move(a));
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

TEST(StoryClustererTest, OneEventJoinsAcrossLanguagesByItsNames) {
  const AnalyzedArticle en =
      MakeIn("en", "en",
             "Governor Maria Delacroix of Aldport said rescue teams from Síldavik were "
             "searching collapsed buildings after the earthquake.");
  const AnalyzedArticle de =
      MakeIn("de", "de",
             "Gouverneurin Maria Delacroix sagte, Rettungsteams aus Sildavik und "
             "Aldport suchten nach dem Erdbeben in eingestürzten Gebäuden.");
  const AnalyzedArticle other =
      MakeIn("de", "other",
             "Finanzminister Tomas Brenner verteidigte im Parlament von Veltria den "
             "Haushalt für Eisenbahnen und Schulen.");
  StoryClusterer c;
  const std::string en_story = c.Add(en);
  EXPECT_EQ(c.Add(de), en_story);
  EXPECT_NE(c.Add(other), en_story);
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
