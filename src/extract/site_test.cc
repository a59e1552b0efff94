#include "extract/site.h"

#include <gtest/gtest.h>

namespace newsloom::extract {
namespace {

TEST(RegistrableDomainTest, PublicSuffixes) {
  EXPECT_EQ(RegistrableDomain("https://www.example.co.uk/news/a"), "example.co.uk");
  EXPECT_EQ(RegistrableDomain("https://uk.news.example.com/a?b=c"), "example.com");
  EXPECT_EQ(RegistrableDomain("http://News.Example.ORG:8080/x"), "example.org");
  EXPECT_EQ(RegistrableDomain("https://user@blog.example.net/"), "example.net");
  EXPECT_EQ(RegistrableDomain("not a url"), "");
  EXPECT_EQ(RegistrableDomain(""), "");
}

TEST(LeadingUrlTest, OnlyAFirstLineThatIsAnAddress) {
  EXPECT_EQ(LeadingUrl("\nhttp://example.org/2013/a-story\nHeadline\nBody."),
            "http://example.org/2013/a-story");
  EXPECT_EQ(LeadingUrl("Headline\nhttp://example.org/a\n"), "");
  EXPECT_EQ(LeadingUrl("http://example.org/a is where it was said\n"), "");
  EXPECT_EQ(LeadingUrl(""), "");
}

TEST(CleanTitleTest, SiteNamesAndReadMore) {
  struct Row {
    const char* title;
    const char* outlet;
    const char* domain;
    const char* expected;
  } rows[] = {
      {"Storm hits the coast | Coast Herald", "", "", "Storm hits the coast"},
      {"Storm hits the coast - Coast Herald", "Coast Herald", "", "Storm hits the coast"},
      {"Storm hits the coast - coastherald.com", "", "coastherald.com", "Storm hits the coast"},
      {"Coast Herald: Storm hits the coast", "", "coastherald.com", "Storm hits the coast"},
      {"The Daily Star - Storm hits the coast", "", "thedailystar.net", "Storm hits the coast"},
      {"Storm hits the coast ... Read more", "", "", "Storm hits the coast"},
      {"Storm hits the coast Read More \xc2\xbb", "", "", "Storm hits the coast"},
      // A dash inside the headline is no site name.
      {"Harris - Trump debate: five takeaways", "", "example.com",
       "Harris - Trump debate: five takeaways"},
      {"Breaking: Storm hits the coast", "", "example.com", "Breaking: Storm hits the coast"},
      {"Read more", "", "", "Read more"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(CleanTitle(row.title, row.outlet, row.domain), row.expected) << row.title;
  }
}

}  // namespace
}  // namespace newsloom::extract
