#include "fetch/html_links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace newsloom::fetch {
namespace {

using ::testing::ElementsAre;

constexpr char kPage[] = "https://www.example.com/";

TEST(LooksLikeArticleUrlTest, Table) {
  const struct {
    const char* url;
    bool article;
  } cases[] = {
      {"https://www.example.com/2024/06/14/bridge", true},        // dated path
      {"https://www.example.com/world/2024-06-14-bridge", true},  // dated slug
      {"https://www.example.com/news/world-europe-68912345", true},
      {"https://www.example.com/politics/new-bridge-opens-after-two-years", true},
      {"https://www.example.com/politics/new-bridge-opens.html", false},  // three short words
      {"https://news.example.com/2024/06/14/bridge", true},               // same registrable domain
      {"https://www.example.com/", false},
      {"https://www.example.com/world", false},
      {"https://www.example.com/sport/football", false},
      {"https://www.example.com/tag/new-bridge-opens-after-two-years", false},
      {"https://www.example.com/author/jane-doe-writes-about-bridges", false},
      {"https://www.example.com/2024/06/14/photo.jpg", false},
      {"https://www.example.com/files/report-2024-06-14.pdf", false},
      {"https://www.example.com/search?q=new-bridge-opens-after-two-years", false},
      {"https://www.example.com/subscribe/offer-123456", false},
      {"https://other.org/2024/06/14/bridge", false},
      {"ftp://www.example.com/2024/06/14/bridge", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikeArticleUrl(c.url, kPage), c.article) << c.url;
}

TEST(ReadFrontPageTest, FeedsLinksAndCanonical) {
  const FrontPage page = ReadFrontPage(R"html(<html><head>
  <base href="https://www.example.com/section/">
  <link rel="canonical" href="https://www.example.com/">
  <link rel="alternate feed" type="application/feed+json" href="feed.json">
  <link rel="alternate" type="application/rss+xml" href="https://www.example.com/rss">
  <link rel="alternate" type="application/rss+xml" href="https://www.example.com/rss">
  </head><body>
  <a href="2024/06/14/first-story">First
     story</a>
  <a href="/section/2024/06/14/first-story#comments">First story, comments</a>
  <a href="javascript:void(0)">Menu</a>
  <a>no href</a>
  <a href="/2024/06/15/second-story">Second</a><a href="/2024/06/16/third">Third</a>
  </body></html>)html",
                                       kPage, 2);
  EXPECT_EQ(page.canonical, "https://www.example.com/");
  EXPECT_THAT(page.feeds, ElementsAre("https://www.example.com/section/feed.json",
                                      "https://www.example.com/rss"));
  ASSERT_EQ(page.article_links.size(), 2u);  // max_links
  EXPECT_EQ(page.article_links[0].url, "https://www.example.com/section/2024/06/14/first-story");
  EXPECT_EQ(page.article_links[0].text, "First story");
  EXPECT_EQ(page.article_links[1].url, "https://www.example.com/2024/06/15/second-story");
}

TEST(CanonicalLinkOfTest, FromThePageHead) {
  EXPECT_EQ(CanonicalLinkOf("<html><head><link rel=\"Canonical\" href=\"/a/b\"></head></html>",
                            "https://example.com/a/b?utm_source=x"),
            "https://example.com/a/b");
  EXPECT_EQ(CanonicalLinkOf("<html><head><title>x</title></head></html>", "https://example.com/"),
            "");
  EXPECT_EQ(
      CanonicalLinkOf("<link rel=canonical href=\"mailto:x@example.com\">", "https://example.com/"),
      "");
  EXPECT_EQ(CanonicalLinkOf("", "https://example.com/"), "");
}

}  // namespace
}  // namespace newsloom::fetch
