#include "story/story_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze.h"

namespace newsloom::story {
namespace {

AnalyzedArticle Make(const std::string& id, const std::string& title, const std::string& body,
                     std::optional<Date> published) {
  Article a;
  a.id = id;
  a.title = title;
  a.body = body;
  a.published = published;
  auto r = analyze::Analyze(std::move(a));
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

TEST(StoryBuilderTest, CopiesCountAsOneSource) {
  const std::string report =
      "The city council approved the harbour bridge budget on March 3, 2025 after a long debate.\n"
      "Engineers said construction of the harbour bridge would start in May 2025.";
  const auto a = Make("a", "Council approves bridge", report, Date{2025, 3, 3});
  const auto b = Make("b", "Council approves bridge (copy)", report, Date{2025, 3, 4});
  const auto c = Make("c", "Bridge vote",
                      "Councillors voted for the harbour bridge on March 3, 2025.\n"
                      "In 1998 a first bridge plan failed.",
                      Date{2025, 3, 4});
  CopyGroup g;
  g.id = "g1";
  g.article_ids = {"a", "b"};
  g.first_publisher = "a";
  g.roles = {CopyRole::kOriginal, CopyRole::kCopy};
  g.similarity = {1.0, 1.0};
  CopyGroup other;  // a group of another story: ignored
  other.id = "g2";
  other.article_ids = {"x", "y"};
  other.roles = {CopyRole::kOriginal, CopyRole::kCopy};

  const Story s = BuildStory("s1", "t1", {&a, &b, &c}, {g, other});
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(s.thread, "t1");
  EXPECT_EQ(s.sources_independent, 2);
  ASSERT_EQ(s.articles.size(), 3u);
  EXPECT_EQ(s.articles[0].role, CopyRole::kOriginal);
  EXPECT_EQ(s.articles[1].role, CopyRole::kCopy);
  EXPECT_EQ(s.articles[2].role, CopyRole::kOriginal);
  EXPECT_EQ(s.first_published, (Date{2025, 3, 3}));
  EXPECT_EQ(s.last_published, (Date{2025, 3, 4}));

  ASSERT_FALSE(s.timeline.empty());
  const TimelineEntry* day = nullptr;
  const TimelineEntry* may = nullptr;
  for (const TimelineEntry& e : s.timeline) {
    if (e.date == "2025-03-03") day = &e;
    if (e.date == "2025-05") may = &e;
  }
  ASSERT_NE(day, nullptr);
  EXPECT_EQ(day->sources.size(), 3u);      // one sentence from each article
  EXPECT_EQ(day->independent_sources, 2);  // a and its copy b count once
  EXPECT_FALSE(day->background);
  ASSERT_NE(may, nullptr);
  EXPECT_FALSE(may->background);  // after the story's days: not background
  for (size_t i = 1; i < s.timeline.size(); ++i) {
    EXPECT_LT(s.timeline[i - 1].date, s.timeline[i].date);
  }
  for (const Citation& cite : day->sources) {
    const AnalyzedArticle* art = cite.article_id == "a" ? &a : cite.article_id == "b" ? &b : &c;
    EXPECT_EQ(art->article.body.substr(cite.span.begin, cite.span.size()), cite.text);
  }

  // The copied sentences are shared by two articles but one independent source; still listed.
  ASSERT_FALSE(s.shared_sentences.empty());
  EXPECT_GE(s.shared_sentences[0].size(), 2u);
}

TEST(StoryBuilderTest, BackgroundDatesAndEmptyInput) {
  const auto a =
      Make("a", "T", "The summit took place in April 2019. Leaders met again on June 19, 2024.",
           Date{2024, 6, 19});
  const Story s = BuildStory("s", "t", {&a}, {});
  ASSERT_EQ(s.timeline.size(), 2u);
  EXPECT_EQ(s.timeline[0].date, "2019-04");
  EXPECT_TRUE(s.timeline[0].background);
  EXPECT_EQ(s.timeline[1].date, "2024-06-19");
  EXPECT_FALSE(s.timeline[1].background);
  EXPECT_EQ(s.title, "T");

  const Story empty = BuildStory("e", "e", {}, {});
  EXPECT_EQ(empty.id, "e");
  EXPECT_TRUE(empty.articles.empty());
  EXPECT_EQ(empty.sources_independent, 0);
}

}  // namespace
}  // namespace newsloom::story
