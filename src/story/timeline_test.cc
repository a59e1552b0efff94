#include "story/timeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "story/story_builder.h"
#include "testing/gold_article.h"

namespace newsloom::story {
namespace {

namespace fs = std::filesystem;

AnalyzedArticle Make(const std::string& id, const std::string& body,
                     std::optional<Date> published) {
  Article a;
  a.id = id;
  a.body = body;
  a.published = published;
  auto r = analyze::Analyze(std::move(a));
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

TEST(DayOrMonthOfTest, KeepsDaysAndMonthsOnly) {
  struct Row {
    std::string type, value;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {"DATE", "2024-06-19", "2024-06-19"},    {"TIME", "2024-06-19T15:57", "2024-06-19"},
      {"TIME", "2024-06-19TMO", "2024-06-19"}, {"DATE", "2024-06", "2024-06"},
      {"DATE", "2024", std::nullopt},          {"DATE", "2024-W25", std::nullopt},
      {"DATE", "2024-SU", std::nullopt},       {"DATE", "XXXX-06-19", std::nullopt},
      {"DATE", "PRESENT_REF", std::nullopt},   {"DURATION", "P3D", std::nullopt},
      {"DATE", "2024-13", std::nullopt},       {"DATE", "2024-02-30", std::nullopt},
  };
  for (const Row& r : rows) {
    TemporalExpression t;
    t.type = r.type;
    t.value = r.value;
    EXPECT_EQ(DayOrMonthOf(t), r.expected) << r.type << " " << r.value;
  }
}

TEST(BuildTimelineTest, GroupsByDateCountsOriginsOnceAndSetsBackgroundApart) {
  const auto a = Make("a",
                      "The ministers met on June 19, 2024 in the capital.\n"
                      "They had first met in April 2019.",
                      Date{2024, 6, 19});
  const auto b = Make("b", "The ministers met on June 19, 2024 in the capital.", Date{2024, 6, 19});
  const auto c = Make("c", "A treaty was signed on June 19, 2024.\nTalks resume on June 25, 2024.",
                      Date{2024, 6, 20});
  // a and b are one copy group: one source.
  const auto timeline = BuildTimeline({&a, &b, &c}, {"g1", "g1", "c"}, Date{2024, 6, 19});
  std::map<std::string, const TimelineEntry*> by_date;
  for (const TimelineEntry& e : timeline) by_date[e.date] = &e;
  ASSERT_EQ(by_date.size(), 3u);
  ASSERT_TRUE(by_date.count("2024-06-19"));
  EXPECT_EQ(by_date["2024-06-19"]->sources.size(), 3u);
  EXPECT_EQ(by_date["2024-06-19"]->independent_sources, 2);
  EXPECT_FALSE(by_date["2024-06-19"]->background);
  ASSERT_TRUE(by_date.count("2019-04"));
  EXPECT_TRUE(by_date["2019-04"]->background);
  EXPECT_EQ(by_date["2019-04"]->sources[0].text, "They had first met in April 2019.");
  ASSERT_TRUE(by_date.count("2024-06-25"));
  EXPECT_FALSE(by_date["2024-06-25"]->background);
  // Date order by default.
  for (size_t i = 1; i < timeline.size(); ++i) EXPECT_LT(timeline[i - 1].date, timeline[i].date);
  // Every citation is the sentence at its span.
  for (const TimelineEntry& e : timeline) {
    for (const Citation& cite : e.sources) {
      const AnalyzedArticle* art = cite.article_id == "a" ? &a : cite.article_id == "b" ? &b : &c;
      EXPECT_EQ(art->article.body.substr(cite.span.begin, cite.span.size()), cite.text);
    }
  }

  // Ranked by support: the story's own days by independent sources, background last.
  TimelineOptions ranked;
  ranked.by_support = true;
  const auto by_support = BuildTimeline({&a, &b, &c}, {"g1", "g1", "c"}, Date{2024, 6, 19}, ranked);
  ASSERT_EQ(by_support.size(), 3u);
  EXPECT_EQ(by_support[0].date, "2024-06-19");
  EXPECT_EQ(by_support[1].date, "2024-06-25");
  EXPECT_EQ(by_support[2].date, "2019-04");
}

TEST(BuildTimelineTest, LeadSentencesInheritThePublicationDayWhenPast) {
  const auto a = Make("a",
                      "Rescuers pulled three survivors from the rubble.\n"
                      "More rain will fall.\n"
                      "The first quake struck in May 2020.",
                      Date{2024, 6, 19});
  TimelineOptions none;
  none.lead_sentences = 0;
  EXPECT_EQ(BuildTimeline({&a}, {"a"}, Date{2024, 6, 19}, none).size(), 1u);  // only 2020-05
  TimelineOptions lead;
  lead.lead_sentences = 3;
  const auto timeline = BuildTimeline({&a}, {"a"}, Date{2024, 6, 19}, lead);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].date, "2024-06-19");
  ASSERT_EQ(timeline[1].sources.size(), 1u);  // not the sentence about the future
  EXPECT_EQ(timeline[1].sources[0].text, "Rescuers pulled three survivors from the rubble.");
}

TEST(BuildTimelineTest, NoArticlesNoDatesNoCrash) {
  EXPECT_TRUE(BuildTimeline({}, {}, std::nullopt).empty());
  const auto a = Make("a", "", std::nullopt);
  const auto b = Make("b", "Nothing dated here at all.", std::nullopt);
  EXPECT_TRUE(BuildTimeline({&a, &b}, {}, std::nullopt).empty());
  EXPECT_TRUE(SummarizeTimeline({&a, &b}, SummaryOptions{}).empty());
}

TEST(SummarizeTimelineTest, PicksTheBestSupportedDaysAndCentralSentences) {
  std::vector<AnalyzedArticle> articles;
  // Day one is mentioned by three articles, day two by two, day three by one.
  articles.push_back(Make("1",
                          "The dam burst on March 3, 2021, flooding the valley villages.\n"
                          "Officials said the dam burst on March 3, 2021 after heavy rain.\n"
                          "Repairs began on March 10, 2021 with army engineers.",
                          Date{2021, 3, 12}));
  articles.push_back(Make("2",
                          "When the dam burst on March 3, 2021 the valley villages flooded.\n"
                          "Repairs began on March 10, 2021 and will take months.",
                          Date{2021, 3, 11}));
  articles.push_back(Make("3",
                          "Residents recalled how the dam burst on March 3, 2021 at night.\n"
                          "A memorial was held on March 20, 2021 for the victims of the flood.",
                          Date{2021, 3, 21}));
  std::vector<const AnalyzedArticle*> input;
  for (const auto& a : articles) input.push_back(&a);

  SummaryOptions o;
  o.max_dates = 2;
  o.sentences_per_date = 1;
  o.publication_weight = 0;
  const auto summary = SummarizeTimeline(input, o);
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].date, (Date{2021, 3, 3}));
  EXPECT_EQ(summary[1].date, (Date{2021, 3, 10}));
  for (const DatedSummary& d : summary) {
    ASSERT_EQ(d.sentences.size(), 1u);
    EXPECT_NE(d.sentences[0].text.find(d.date.day == 3 ? "dam burst" : "Repairs began"),
              std::string::npos)
        << d.sentences[0].text;
  }

  // Bounds leave out days outside them; more sentences per day when asked.
  o.start = Date{2021, 3, 5};
  o.sentences_per_date = 2;
  const auto bounded = SummarizeTimeline(input, o);
  ASSERT_EQ(bounded.size(), 2u);
  EXPECT_EQ(bounded[0].date, (Date{2021, 3, 10}));
  EXPECT_EQ(bounded[0].sentences.size(), 2u);
  EXPECT_EQ(bounded[1].date, (Date{2021, 3, 20}));

  // Same input, same output.
  const auto again = SummarizeTimeline(input, o);
  ASSERT_EQ(again.size(), bounded.size());
  for (size_t i = 0; i < again.size(); ++i) {
    ASSERT_EQ(again[i].sentences.size(), bounded[i].sentences.size());
    for (size_t k = 0; k < again[i].sentences.size(); ++k) {
      EXPECT_EQ(again[i].sentences[k].text, bounded[i].sentences[k].text);
    }
  }
}

// The June 2024 story of the sample pages (gold body lines and publication dates): the reference
// timeline's days with at least the sources it lists, and the earlier months as background.
TEST(SampleTimelineTest, JuneStoryHasTheReferenceDaysAndBackground) {
  const fs::path seeds = fs::path(NEWSLOOM_SHARED_DIR) / "corpus" / "seeds";
  const fs::path gold_path = seeds / "gold.json";
  ASSERT_TRUE(fs::exists(gold_path))
      << "sample pages absent: expected " << gold_path << " (the shared data beside the checkout)";
  std::ifstream in(gold_path);
  const nlohmann::json gold = nlohmann::json::parse(in);

  std::set<std::string> story_files;
  std::string story_id;
  for (const auto& s : gold["stories"]) {
    if (s["docs"].size() == 4) {
      story_id = s["id"];
      for (const auto& f : s["docs"]) story_files.insert(f);
    }
  }
  ASSERT_EQ(story_files.size(), 4u) << "gold.json no longer has the four-article story";

  std::vector<AnalyzedArticle> analyzed;
  for (const auto& doc : gold["documents"]) {
    const std::string file = doc["file"];
    if (!story_files.count(file)) continue;
    std::ifstream page(seeds / file);
    ASSERT_TRUE(page) << "cannot read " << (seeds / file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(page, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    Article a = testing::ArticleFromGoldLines(lines, doc, file);
    auto r = analyze::Analyze(std::move(a));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    analyzed.push_back(std::move(r).value());
  }
  std::vector<const AnalyzedArticle*> input;
  for (const auto& a : analyzed) input.push_back(&a);
  const Story story = BuildStory("s", "t", input, {});

  std::map<std::string, const TimelineEntry*> timeline;
  for (const TimelineEntry& e : story.timeline) timeline[e.date] = &e;
  int checked = 0;
  for (const auto& ref : gold["timeline"]) {
    if (ref["story"] != story_id) continue;
    ++checked;
    const std::string date = ref["date"];
    ASSERT_TRUE(timeline.count(date)) << "timeline lacks " << date;
    const TimelineEntry& e = *timeline[date];
    const bool background =
        ref["what"].get<std::string>().find("(background)") != std::string::npos;
    EXPECT_EQ(e.background, background) << date;
    std::set<std::string> cited;
    for (const Citation& c : e.sources) cited.insert(c.article_id);
    for (const auto& f : ref["sources"]) {
      EXPECT_TRUE(cited.count(f.get<std::string>())) << date << " does not cite " << f;
    }
    EXPECT_EQ(e.independent_sources, static_cast<int>(cited.size())) << date;
  }
  EXPECT_EQ(checked, 7);
}

}  // namespace
}  // namespace newsloom::story
