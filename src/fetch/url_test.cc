#include "fetch/url.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::fetch {
namespace {

struct CanonicalCase {
  std::string input;
  std::string expected;  // "" when the input is refused
};

TEST(CanonicalUrlTest, OneFormPerPage) {
  const CanonicalCase cases[] = {
      {"HTTP://Example.COM/News/Item", "http://example.com/News/Item"},
      {"https://example.com:443/a", "https://example.com/a"},
      {"http://example.com:80/a", "http://example.com/a"},
      {"http://example.com:8080/a", "http://example.com:8080/a"},
      {"https://example.com", "https://example.com/"},
      {"https://example.com/", "https://example.com/"},
      {"https://example.com/world/", "https://example.com/world"},
      {"https://example.com/world//", "https://example.com/world"},
      {"https://example.com/a/#comments", "https://example.com/a"},
      {"https://example.com/a/./b/../c", "https://example.com/a/c"},
      {"https://user:secret@example.com/a", "https://example.com/a"},
      {"https://example.com./a", "https://example.com/a"},
      {"https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"},
      {"https://example.com/a?id=7&fbclid=XYZ&gclid=1&mc_cid=2&mc_eid=3",
       "https://example.com/a?id=7"},
      {"https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"},
      {"https://example.com/a?&&x=1&", "https://example.com/a?x=1"},
      {"https://example.com/a?", "https://example.com/a"},
      {"https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"},
      {"https://example.com/a b", "https://example.com/a%20b"},
      {"  https://example.com/a\n", "https://example.com/a"},
      {"ftp://example.com/a", ""},
      {"mailto:someone@example.com", ""},
      {"/relative/path", ""},
      {"", ""},
  };
  for (const CanonicalCase& c : cases) {
    const Result<std::string> got = CanonicalUrl(c.input);
    if (c.expected.empty()) {
      EXPECT_FALSE(got.ok()) << c.input << " -> " << (got.ok() ? *got : "");
    } else {
      ASSERT_TRUE(got.ok()) << c.input << ": " << got.status().ToString();
      EXPECT_EQ(*got, c.expected) << c.input;
    }
  }
}

TEST(CanonicalUrlTest, SpellingsOfOneItemAgree) {
  const std::string a = *CanonicalUrl("https://www.example.org/2024/06/14/bridge-opens/");
  EXPECT_EQ(*CanonicalUrl("https://WWW.example.org/2024/06/14/bridge-opens?utm_campaign=x"), a);
  EXPECT_EQ(*CanonicalUrl("https://www.example.org:443/2024/06/14/bridge-opens#top"), a);
  EXPECT_NE(*CanonicalUrl("https://example.org/2024/06/14/bridge-opens"), a);  // another host
}

TEST(ResolveUrlTest, LinksAgainstTheirPage) {
  const std::string base = "https://example.com/news/index.html?page=2#top";
  EXPECT_EQ(*ResolveUrl(base, "story.html"), "https://example.com/news/story.html");
  EXPECT_EQ(*ResolveUrl(base, "/a/b"), "https://example.com/a/b");
  EXPECT_EQ(*ResolveUrl(base, "../up"), "https://example.com/up");
  EXPECT_EQ(*ResolveUrl(base, "//cdn.example.net/x"), "https://cdn.example.net/x");
  EXPECT_EQ(*ResolveUrl(base, "?page=3"), "https://example.com/news/index.html?page=3");
  EXPECT_EQ(*ResolveUrl(base, "http://other.org/p#frag"), "http://other.org/p");
  EXPECT_EQ(*ResolveUrl(base, "  /spaced\n/path "), "https://example.com/spaced/path");
  EXPECT_EQ(*ResolveUrl("", "https://example.com/only"), "https://example.com/only");
  EXPECT_FALSE(ResolveUrl(base, "javascript:void(0)").ok());
  EXPECT_FALSE(ResolveUrl(base, "mailto:a@example.com").ok());
  EXPECT_FALSE(ResolveUrl("", "/relative").ok());
  EXPECT_FALSE(ResolveUrl(base, "https:///../example.org").ok());  // the host would be ".."
  EXPECT_FALSE(ResolveUrl(base, "http://./a").ok());
}

TEST(UrlPartsTest, HostOriginAndPath) {
  EXPECT_EQ(HostOf("https://News.Example.com:8443/a"), "news.example.com");
  EXPECT_EQ(HostOf("not a url"), "");
  EXPECT_EQ(OriginOf("https://Example.com:443/a?b"), "https://example.com");
  EXPECT_EQ(OriginOf("http://example.com:8080/a"), "http://example.com:8080");
  EXPECT_EQ(PathAndQueryOf("https://example.com"), "/");
  EXPECT_EQ(PathAndQueryOf("https://example.com/a/b?c=d#e"), "/a/b?c=d");
}

TEST(UrlPartsTest, SameSiteByRegistrableDomain) {
  EXPECT_TRUE(SameSite("www.example.co.uk", "news.example.co.uk"));
  EXPECT_TRUE(SameSite("example.com", "www.example.com"));
  EXPECT_FALSE(SameSite("example.co.uk", "other.co.uk"));
  EXPECT_FALSE(SameSite("a.github.io", "b.github.io"));  // a public suffix of its own
  EXPECT_TRUE(SameSite("127.0.0.1", "127.0.0.1"));
  EXPECT_FALSE(SameSite("127.0.0.1", "127.0.0.2"));
  EXPECT_FALSE(SameSite("", ""));
}

TEST(UrlPartsTest, TrackingParameters) {
  for (const char* name : {"utm_source", "UTM_Medium", "fbclid", "gclid", "mc_cid", "mc_eid"}) {
    EXPECT_TRUE(IsTrackingParameter(name)) << name;
  }
  for (const char* name : {"id", "page", "q", "utm", "article"}) {
    EXPECT_FALSE(IsTrackingParameter(name)) << name;
  }
}

TEST(NormalizePercentEncodingTest, OneSpelling) {
  EXPECT_EQ(NormalizePercentEncoding("/a%2fb"), "/a%2Fb");
  EXPECT_EQ(NormalizePercentEncoding("/%41%42"), "/AB");
  EXPECT_EQ(NormalizePercentEncoding("/caf\xc3\xa9"), "/caf%C3%A9");
  EXPECT_EQ(NormalizePercentEncoding("/100%"), "/100%25");
}

}  // namespace
}  // namespace newsloom::fetch
