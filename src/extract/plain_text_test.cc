#include "extract/plain_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace newsloom::extract {
namespace {

using ::testing::ElementsAre;

TEST(LineKeyTest, FoldsCaseSpaceAndDigits) {
  EXPECT_EQ(LineKey("  Views:   2 "), LineKey("views: 7"));
  EXPECT_EQ(LineKey("“Quoted”"), LineKey("\"quoted\""));
  EXPECT_EQ(LineKey("   "), "");
}

const char* kPage =
    "Monday, March 4, 2030\n"
    "HomeLocal NewsCouncil approves the new bridge over...\n"
    "\n"
    "Council approves the new bridge over the river\n"
    "\n"
    "The city council approved the construction of a new bridge over the river on Friday, after a "
    "debate that lasted for more than six hours and drew a large crowd of residents.\n"
    "\n"
    "Residents of the eastern districts have waited for a second crossing for many years, and the "
    "mayor said that the work would begin in the spring if the funding is confirmed.\n"
    "\n"
    "Mayor Opens Annual Flower Show With Record Number Of Visitors Expected\n"
    "\n"
    "The bridge will cost about forty million and is expected to open to traffic in two years, "
    "according to the plans that the council published at the end of the meeting.\n"
    "\n"
    "Related Articles\n"
    "Leave a Comment\n"
    "This is a reader comment that is long enough to look like running text, and it should not be "
    "part of the article because it comes after the comment form.\n";

TEST(ExtractPlainTextTest, SeparatesBodyFromFurniture) {
  Article a;
  ASSERT_TRUE(ExtractPlainText(kPage, nullptr, &a).ok());
  EXPECT_EQ(a.title, "Council approves the new bridge over the river");
  std::vector<int> lines;
  for (const Paragraph& p : a.paragraphs) lines.push_back(p.line);
  EXPECT_THAT(lines, ElementsAre(6, 8, 12));
  ASSERT_TRUE(a.masthead_date.has_value());
  EXPECT_EQ(*a.masthead_date, (Date{2030, 3, 4}));
  std::map<int, std::string> reasons;
  for (const RemovedLine& r : a.removed) reasons[r.line] = r.reason;
  EXPECT_EQ(reasons[2], "breadcrumb");
  EXPECT_EQ(reasons[10], "other-headline");
  EXPECT_EQ(reasons[14], "related-links");
  EXPECT_EQ(reasons[15], "comment-form");
  EXPECT_EQ(reasons[16], "after-comments");
}

TEST(ExtractPlainTextTest, ParagraphSpansLocateTheirText) {
  Article a;
  ASSERT_TRUE(ExtractPlainText(kPage, nullptr, &a).ok());
  ASSERT_FALSE(a.paragraphs.empty());
  for (const Paragraph& p : a.paragraphs) {
    EXPECT_EQ(a.body.substr(p.span.begin, p.span.size()), p.text);
  }
}

TEST(ExtractPlainTextTest, EveryDroppedLineIsAccounted) {
  Article a;
  ASSERT_TRUE(ExtractPlainText(kPage, nullptr, &a).ok());
  std::set<int> seen;
  for (const Paragraph& p : a.paragraphs) seen.insert(p.line);
  for (const RemovedLine& r : a.removed) seen.insert(r.line);
  // Every non-empty line but the title is in the body or in `removed`.
  int non_empty = 0;
  std::string_view page = kPage;
  for (size_t pos = 0; pos < page.size();) {
    size_t eol = page.find('\n', pos);
    if (eol == std::string_view::npos) eol = page.size();
    if (eol > pos) ++non_empty;
    pos = eol + 1;
  }
  EXPECT_EQ(static_cast<int>(seen.size()), non_empty - 1);
}

TEST(ExtractPlainTextTest, CaptionsPrintedTwice) {
  const char* page =
      "A headline about the talks between the two leaders\n"
      "The two leaders met in the capital for talks that lasted more than two hours, officials "
      "said on Wednesday, and they signed an agreement on trade.\n"
      "The president, left, and the prime minister shake hands before their talks in the capital.\n"
      "The president, left, and the prime minister shake hands before their talks in the capital. "
      "Jane Roe/Agency\n"
      "The agreement replaces treaties that were signed decades ago, and it is expected to take "
      "effect next year, the foreign ministry said in a statement.\n";
  Article a;
  ASSERT_TRUE(ExtractPlainText(page, nullptr, &a).ok());
  ASSERT_EQ(a.captions.size(), 2u);
  EXPECT_EQ(a.captions[0].line, 3);
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(ExtractPlainTextTest, SubtitleGluedToByline) {
  const char* page =
      "Council approves the new bridge\n"
      "A second crossing for the eastern districts after years of waitingBy Jane Roe\n"
      "Published : March 1, 2030 - 10:00\n"
      "The city council approved the construction of a new bridge over the river on Friday, after "
      "a debate that lasted for more than six hours.\n";
  Article a;
  ASSERT_TRUE(ExtractPlainText(page, nullptr, &a).ok());
  EXPECT_EQ(a.title, "Council approves the new bridge");
  EXPECT_EQ(a.subtitle, "A second crossing for the eastern districts after years of waiting");
  EXPECT_EQ(a.byline, "Jane Roe");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (Date{2030, 3, 1}));
  EXPECT_GE(a.published_confidence, 0.9);
}

TEST(ExtractPlainTextTest, EmptyAndFurnitureOnlyPagesAreCorrupt) {
  Article a;
  EXPECT_EQ(ExtractPlainText("", nullptr, &a).code(), Status::Code::kCorrupt);
  Article b;
  EXPECT_EQ(ExtractPlainText("Home\nMenu\nLatest Articles\n", nullptr, &b).code(),
            Status::Code::kCorrupt);
}

TEST(LineStatsTest, RepeatedShortLinesAreTemplate) {
  LineStats stats;
  auto page = [](std::string body) {
    RawPage p;
    p.content_type = "text/plain";
    p.bytes = std::move(body);
    return p;
  };
  const std::string furniture = "The weekly digest from our editors\n";
  const std::string shared =
      "A long shared sentence from a wire story that several outlets print in exactly the same "
      "words, and that must not be removed as template.\n";
  stats.AddPage(page(furniture + shared +
                     "First page text that is long enough to be running text "
                     "in an article, with several function words in it.\n"));
  stats.AddPage(page(furniture + shared));
  stats.AddPage(page("Another page entirely, with text of its own that is long enough.\n"));
  EXPECT_EQ(stats.pages(), 3);
  EXPECT_EQ(stats.PagesWithLine("the weekly  digest from our EDITORS"), 2);
  Article a;
  ASSERT_TRUE(
      ExtractPlainText(furniture + "Bridge talks resume in the capital\n" + shared, &stats, &a)
          .ok());
  EXPECT_EQ(a.title, "Bridge talks resume in the capital");
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].line, 3);
  ASSERT_FALSE(a.removed.empty());
  EXPECT_EQ(a.removed[0].reason, "repeated-across-pages");
}

TEST(LineStatsTest, LinesMostPagesOfASiteCarryAreTheSites) {
  // A site's self-description is a sentence, and it is on every page of the site: template.
  // The same sentence on pages of different sites would be a shared wire story.
  const std::string about =
      "The Example Courier has reported on the city and its region since the year it was "
      "founded, and it is read by many of the residents.\n";
  const std::vector<std::string> stories = {
      "The city council approved a new bridge over the river on Friday, after a debate that "
      "lasted for more than six hours.\n",
      "The museum reopened on Saturday after two years of work on its roof and its galleries, "
      "and the queue went round the block.\n",
      "The harbour reopened on Monday after a week of repairs to the northern quay, and the "
      "ferries were back on their timetable.\n",
  };
  auto page = [](const std::string& url, std::string body) {
    RawPage p;
    p.url = url;
    p.content_type = "text/plain";
    p.bytes = std::move(body);
    return p;
  };
  LineStats same_site;
  for (size_t i = 0; i < stories.size(); ++i) {
    same_site.AddPage(page("https://www.courier.example/" + std::to_string(i), stories[i] + about));
  }
  EXPECT_EQ(LineStats::SiteOf("https://www.courier.example/2030/a", ""), "courier.example");
  EXPECT_EQ(LineStats::SiteOf("", "crawl/courier/page1.txt"), "crawl/courier");
  EXPECT_EQ(same_site.SitePages("courier.example"), 3);
  EXPECT_EQ(same_site.SitePagesWithLine("courier.example", about), 3);
  Article a;
  a.url = "https://courier.example/0";
  ASSERT_TRUE(ExtractPlainText(stories[0] + about, &same_site, &a).ok());
  EXPECT_THAT(a.body, ::testing::HasSubstr("new bridge"));
  EXPECT_THAT(a.body, ::testing::Not(::testing::HasSubstr("Example Courier")));

  LineStats other_sites;
  for (size_t i = 0; i < stories.size(); ++i) {
    other_sites.AddPage(
        page("https://site" + std::to_string(i) + ".example/a", stories[i] + about));
  }
  Article b;
  b.url = "https://site0.example/a";
  ASSERT_TRUE(ExtractPlainText(stories[0] + about, &other_sites, &b).ok());
  EXPECT_THAT(b.body, ::testing::HasSubstr("Example Courier"));
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractPlainTextTest, CrawlDateIsNeverBody) {
  const char* glued =
      "Chiefs win the final in overtime\n"
      "\n"
      " date 2030-02-12 The quarterback conjured one more drive in overtime on Sunday, and the "
      "champions won the final for the second year in a row.\n"
      "\n"
      "The coach said after the game that the team had never doubted it could come back.\n";
  Article a;
  ASSERT_TRUE(ExtractPlainText(glued, nullptr, &a).ok());
  EXPECT_EQ(a.body.rfind("The quarterback conjured", 0), 0u) << a.body;
  EXPECT_THAT(a.body, ::testing::Not(::testing::HasSubstr("2030-02-12")));
  ASSERT_FALSE(a.removed.empty());
  EXPECT_EQ(a.removed[0].line, 3);
  EXPECT_EQ(a.removed[0].text, "date 2030-02-12");
  EXPECT_EQ(a.removed[0].reason, "date line");

  // A line holding the marker alone goes whole.
  const char* alone =
      "date 2030-02-12T08:30:00Z\n"
      "The quarterback conjured one more drive in overtime on Sunday, and the champions won.\n";
  Article b;
  ASSERT_TRUE(ExtractPlainText(alone, nullptr, &b).ok());
  std::map<int, std::string> reasons;
  for (const RemovedLine& r : b.removed) reasons[r.line] = r.reason;
  EXPECT_EQ(reasons[1], "date line");
  EXPECT_THAT(b.body, ::testing::Not(::testing::HasSubstr("T08:30")));
  EXPECT_EQ(b.masthead_date, (Date{2030, 2, 12}));
}

}  // namespace
}  // namespace newsloom::extract
