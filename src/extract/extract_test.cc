#include "extract/extract.h"

#include <gtest/gtest.h>

namespace newsloom::extract {
namespace {

RawPage TextPage(std::string bytes) {
  RawPage page;
  page.source = "page.txt";
  page.content_type = "text/plain";
  page.bytes = std::move(bytes);
  return page;
}

TEST(ExtractTest, HeadlineOnlyRecordIsAnArticle) {
  RawPage page = TextPage("");
  page.given_title = "Storm closes the harbour | Coast Daily";
  page.url = "https://www.coastdaily.example/news/storm";
  Result<Article> a = Extract(page, nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Storm closes the harbour");
  EXPECT_TRUE(a->body.empty());
  EXPECT_EQ(a->outlet, "coastdaily.example");
}

TEST(ExtractTest, TextPageOfOnlyAHeadlineIsAHeadlineOnlyArticle) {
  Result<Article> a = Extract(TextPage("The harbour reopens after the storm\n"), nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "The harbour reopens after the storm");
  EXPECT_TRUE(a->paragraphs.empty());
  EXPECT_FALSE(Extract(TextPage("\n\n"), nullptr).ok());
}

TEST(ExtractTest, LeadingAddressLineIsTheUrlNotTheTitle) {
  Result<Article> a = Extract(
      TextPage("http://www.harbour-news.example/2013/05/03/storm-closes-the-harbour\n"
               "Storm closes the harbour\n"
               "The harbour was closed on Friday as a storm brought winds of more than a hundred "
               "kilometres an hour to the coast, and the ferries stayed in port all day.\n"
               "Officials said the harbour would reopen once the winds had dropped below the "
               "limit set for the ferries, probably early next week.\n"),
      nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->url, "http://www.harbour-news.example/2013/05/03/storm-closes-the-harbour");
  EXPECT_EQ(a->title, "Storm closes the harbour");
  EXPECT_EQ(a->outlet, "harbour-news.example");
  EXPECT_EQ(a->published, (Date{2013, 5, 3}));
  EXPECT_EQ(a->published_source, DateSource::kUrl);
}

TEST(ExtractTest, DateLineBelowTheHeadlineDatesTheArticle) {
  const std::string body =
      "The harbour was closed as a storm brought winds of more than a hundred kilometres an "
      "hour to the coast, and the ferries stayed in port all day long.\n"
      "Officials said the harbour would reopen once the winds had dropped below the limit set "
      "for the ferries, probably early next week.\n";
  Result<Article> below =
      Extract(TextPage("Storm closes the harbour\nMay 3, 2013\n" + body), nullptr);
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(below->published, (Date{2013, 5, 3}));
  EXPECT_EQ(below->published_source, DateSource::kDateLine);
  // Above the headline it is the template's date of the day, no evidence on its own.
  Result<Article> above =
      Extract(TextPage("May 3, 2013\nStorm closes the harbour\n" + body), nullptr);
  ASSERT_TRUE(above.ok());
  EXPECT_FALSE(above->published.has_value());
  EXPECT_EQ(above->masthead_date, (Date{2013, 5, 3}));
}

TEST(ExtractTest, CrawlTimeBoundsTheDate) {
  RawPage page = TextPage(
      "Storm closes the harbour\n"
      "The harbour was closed on Friday as a storm brought winds of more than a hundred "
      "kilometres an hour to the coast, and the ferries stayed in port all day.\n");
  page.url = "https://news.example/2031/01/05/storm";
  page.fetched_at = "2030-12-01T00:00:00Z";
  Result<Article> a = Extract(page, nullptr);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->published.has_value());
}

}  // namespace
}  // namespace newsloom::extract
