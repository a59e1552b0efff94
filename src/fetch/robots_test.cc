#include "fetch/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::fetch {
namespace {

struct PathCase {
  std::string path;
  bool allowed;
};

void ExpectPaths(const RobotsRules& rules, std::initializer_list<PathCase> cases) {
  for (const PathCase& c : cases) EXPECT_EQ(rules.Allowed(c.path), c.allowed) << c.path;
}

TEST(RobotsTest, OurGroupReplacesTheStarGroup) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\n"
      "Disallow: /private/\n"
      "\n"
      "User-agent: Newsloom/0.1\n"
      "Disallow: /members/\n"
      "Allow: /members/free-\n",
      "newsloom");
  ExpectPaths(rules, {{"/private/a", true},  // only the * group says so
                      {"/members/x", false},
                      {"/members/free-story", true},
                      {"/", true}});
}

TEST(RobotsTest, StarGroupWhenNoneNamesUs) {
  const RobotsRules rules = ParseRobots(
      "User-agent: othercrawler\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp\n", "newsloom");
  ExpectPaths(rules, {{"/tmp", false}, {"/tmp/x", false}, {"/tmpfile", false}, {"/news", true}});
}

TEST(RobotsTest, GroupsNamingUsAreMerged) {
  // RFC 9309 2.2.1: several groups for one crawler are combined; consecutive user-agent lines
  // share the rules that follow.
  const RobotsRules rules = ParseRobots(
      "User-agent: a\nUser-agent: NEWSLOOM\nDisallow: /one\n\n"
      "User-agent: newsloom\nDisallow: /two\n",
      "newsloom");
  ExpectPaths(rules, {{"/one", false}, {"/two", false}, {"/three", true}});
}

TEST(RobotsTest, LongestMatchWinsAndAllowWinsTies) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\n"
      "Disallow: /a\n"
      "Allow: /a/b\n"
      "Disallow: /a/b/c\n"
      "Allow: /same\n"
      "Disallow: /same\n",
      "newsloom");
  ExpectPaths(
      rules, {{"/a", false}, {"/a/b", true}, {"/a/b/x", true}, {"/a/b/c", false}, {"/same", true}});
}

TEST(RobotsTest, WildcardsAndEndAnchors) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /search*q=\n"
      "Disallow: /exact$\n"
      "Allow: /*/public/*\n"
      "Disallow: /docs/\n",
      "newsloom");
  ExpectPaths(rules, {{"/files/report.pdf", false},
                      {"/files/report.pdf?x=1", true},
                      {"/search?q=news", false},
                      {"/search/advanced?lang=en&q=x", false},
                      {"/search", true},
                      {"/exact", false},
                      {"/exact/more", true},
                      {"/docs/public/a", true},  // longer pattern than /docs/
                      {"/docs/private", false}});
}

TEST(RobotsTest, PercentEncodingComparedNormalised) {
  const RobotsRules rules =
      ParseRobots("User-agent: *\nDisallow: /caf\xc3\xa9\nDisallow: /%7Euser\n", "newsloom");
  ExpectPaths(rules, {{"/caf%C3%A9/menu", false}, {"/caf%c3%a9", false}, {"/~user/x", false}});
}

TEST(RobotsTest, OddLinesAndEmptyRules) {
  const RobotsRules rules = ParseRobots(
      "\xef\xbb\xbf# comment line\r\n"
      "Disallow: /before-any-group\r\n"
      "user-agent : * # trailing comment\r\n"
      "Disallow:\r\n"           // empty: matches nothing
      "Disallow /no-colon\r\n"  // not a rule
      "Unknown-key: value\r\n"
      "Disallow: /x\r\n",
      "newsloom");
  ExpectPaths(rules,
              {{"/before-any-group", true}, {"/no-colon", true}, {"/x", false}, {"/", true}});
}

TEST(RobotsTest, RobotsTxtItselfIsAlwaysAllowed) {
  EXPECT_TRUE(RobotsRules::DisallowAll().Allowed("/robots.txt"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/"));
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/anything"));
}

TEST(RobotsTest, CrawlDelayAndSitemaps) {
  const RobotsRules rules = ParseRobots(
      "Sitemap: https://example.com/news-sitemap.xml\n"
      "User-agent: *\nCrawl-delay: 10\n\n"
      "User-agent: newsloom\nCrawl-delay: 2.5\nDisallow: /x\n"
      "Sitemap: https://example.com/sitemap-index.xml\n",
      "newsloom");
  ASSERT_TRUE(rules.crawl_delay_seconds.has_value());
  EXPECT_DOUBLE_EQ(*rules.crawl_delay_seconds, 2.5);  // our group's, not the * group's
  EXPECT_EQ(rules.sitemaps.size(), 2u);
  const RobotsRules bad = ParseRobots("User-agent: *\nCrawl-delay: soon\n", "newsloom");
  EXPECT_FALSE(bad.crawl_delay_seconds.has_value());
}

TEST(RobotsTest, OnlyTheFirst500KiBAreRead) {
  std::string body = "User-agent: *\nDisallow: /early\n";
  body += std::string(kMaxRobotsBytes, '#') + "\nDisallow: /late\n";
  const RobotsRules rules = ParseRobots(body, "newsloom");
  ExpectPaths(rules, {{"/early", false}, {"/late", true}});
}

TEST(RobotsPatternTest, BacktracksOverStars) {
  EXPECT_TRUE(RobotsPatternMatches("/a*b*c$", "/axxbyyc"));
  EXPECT_FALSE(RobotsPatternMatches("/a*b*c$", "/axxbyycd"));
  EXPECT_TRUE(RobotsPatternMatches("*", ""));
  EXPECT_TRUE(RobotsPatternMatches("/$", "/"));
  EXPECT_FALSE(RobotsPatternMatches("/$", "/a"));
  // Many stars over a long path stay fast (pattern length times path length at worst).
  const std::string path = "/" + std::string(20000, 'a');
  EXPECT_FALSE(RobotsPatternMatches("/*a*a*a*a*a*a*a*a*b", path));
}

}  // namespace
}  // namespace newsloom::fetch
