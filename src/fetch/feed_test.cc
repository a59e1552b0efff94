#include "fetch/feed.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace newsloom::fetch {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kBase[] = "https://news.example.com/feeds/main.xml";

ParsedDocument Parse(const std::string& body, const std::string& content_type = "",
                     ParseOptions options = {}) {
  Result<ParsedDocument> doc = ParseDocument(body, content_type, kBase, options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : ParsedDocument{};
}

std::string ParseError(const std::string& body, const std::string& content_type = "") {
  Result<ParsedDocument> doc = ParseDocument(body, content_type, kBase, {});
  EXPECT_FALSE(doc.ok());
  return doc.ok() ? "" : doc.status().message();
}

TEST(FeedTest, Rss2) {
  const ParsedDocument doc = Parse(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://news.example.com/</link>
<item><title>Bridge opens &amp; traffic flows</title>
  <link>https://news.example.com/2024/06/14/bridge-opens</link>
  <pubDate>Fri, 14 Jun 2024 09:30:00 +0200</pubDate>
  <description>&lt;p&gt;The new &lt;b&gt;bridge&lt;/b&gt; opened.&lt;/p&gt;</description></item>
<item><title>Only a title</title><link>/2024/06/14/relative-link</link></item>
<item><guid isPermaLink="true">https://news.example.com/p/12345</guid><dc:date>2024-06-13</dc:date>
  <content:encoded><![CDATA[<p>From <i>content</i></p>]]></content:encoded></item>
<item><title>Guid is not a link</title><guid isPermaLink="false">abc-123</guid></item>
</channel></rss>)");
  EXPECT_EQ(doc.kind, DocumentKind::kRss);
  EXPECT_EQ(doc.title, "Example News");
  ASSERT_EQ(doc.items.size(), 4u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/2024/06/14/bridge-opens");
  EXPECT_EQ(doc.items[0].title, "Bridge opens & traffic flows");
  EXPECT_EQ(doc.items[0].published, "2024-06-14T09:30:00+02:00");
  EXPECT_EQ(doc.items[0].summary, "The new bridge opened.");
  EXPECT_EQ(doc.items[1].url, "https://news.example.com/2024/06/14/relative-link");
  EXPECT_EQ(doc.items[1].title, "Only a title");
  EXPECT_EQ(doc.items[1].published, "");
  EXPECT_EQ(doc.items[2].url, "https://news.example.com/p/12345");
  EXPECT_EQ(doc.items[2].published, "2024-06-13");
  EXPECT_EQ(doc.items[2].summary, "From content");
  EXPECT_EQ(doc.items[3].url, "");  // still an item, with nothing to fetch
  EXPECT_EQ(doc.items[3].title, "Guid is not a link");
}

TEST(FeedTest, Rss1Rdf) {
  const ParsedDocument doc = Parse(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://news.example.com/"><title>RDF News</title></channel>
 <item rdf:about="https://news.example.com/a/1">
  <title>First</title><link>https://news.example.com/a/1</link><dc:date>2024-06-14T08:00:00Z</dc:date>
  <description>One</description></item>
 <item rdf:about="https://news.example.com/a/2"><title>Second</title></item>
</rdf:RDF>)");
  EXPECT_EQ(doc.kind, DocumentKind::kRdf);
  EXPECT_EQ(doc.title, "RDF News");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].published, "2024-06-14T08:00:00Z");
  EXPECT_EQ(doc.items[0].summary, "One");
  EXPECT_EQ(doc.items[1].url, "https://news.example.com/a/2");  // from rdf:about
}

TEST(FeedTest, Atom) {
  const ParsedDocument doc = Parse(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.com/world/">
 <title type="text">Atom News</title>
 <link rel="self" href="https://news.example.com/feeds/main.xml"/>
 <entry><title type="html">Quake &lt;em&gt;strikes&lt;/em&gt;</title>
  <link rel="alternate" type="application/pdf" href="quake.pdf"/>
  <link rel="alternate" type="text/html" href="quake-strikes-coast"/>
  <link rel="enclosure" href="photo.jpg"/>
  <id>tag:news.example.com,2024:1</id>
  <updated>2024-06-14T10:00:00Z</updated><published>2024-06-14T09:00:00Z</published>
  <summary>Short summary</summary><content type="html">&lt;p&gt;Long&lt;/p&gt;</content></entry>
 <entry xml:base="https://other.example.net/"><title>No rel</title><link href="b/2"/>
  <updated>2024-06-14T11:00:00+01:00</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>xhtml</b></p></div></content></entry>
 <entry><title>Id only</title><id>https://news.example.com/id/3</id></entry>
</feed>)");
  EXPECT_EQ(doc.kind, DocumentKind::kAtom);
  EXPECT_EQ(doc.title, "Atom News");
  ASSERT_EQ(doc.items.size(), 3u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/world/quake-strikes-coast");
  EXPECT_EQ(doc.items[0].title, "Quake strikes");
  EXPECT_EQ(doc.items[0].published, "2024-06-14T09:00:00Z");
  EXPECT_EQ(doc.items[0].summary, "Short summary");
  EXPECT_EQ(doc.items[1].url, "https://other.example.net/b/2");
  EXPECT_EQ(doc.items[1].published, "2024-06-14T11:00:00+01:00");
  EXPECT_EQ(doc.items[1].summary, "Inline xhtml");
  EXPECT_EQ(doc.items[2].url, "https://news.example.com/id/3");
}

TEST(FeedTest, JsonFeed) {
  const ParsedDocument doc = Parse(R"({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON News",
    "items": [
      {"id": "1", "url": "https://news.example.com/j/1", "title": "One",
       "date_published": "2024-06-14T09:00:00-04:00", "content_html": "<p>Hello <b>world</b></p>"},
      {"id": "https://news.example.com/j/2", "content_text": "Only text", "summary": "Sum"},
      {"id": "3", "external_url": "/j/3", "title": 7},
      "not an object"
    ]})",
                                   "application/feed+json");
  EXPECT_EQ(doc.kind, DocumentKind::kJsonFeed);
  EXPECT_EQ(doc.title, "JSON News");
  ASSERT_EQ(doc.items.size(), 3u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/j/1");
  EXPECT_EQ(doc.items[0].published, "2024-06-14T09:00:00-04:00");
  EXPECT_EQ(doc.items[0].summary, "Hello world");
  EXPECT_EQ(doc.items[1].url, "https://news.example.com/j/2");
  EXPECT_EQ(doc.items[1].summary, "Sum");
  EXPECT_EQ(doc.items[2].url, "https://news.example.com/j/3");
  EXPECT_EQ(doc.items[2].title, "");  // a number is no title
  EXPECT_THAT(ParseError(R"({"version": "x", "items": 5})"), HasSubstr("not a JSON Feed"));
  EXPECT_THAT(ParseError(R"({"items": [)"), HasSubstr("unreadable JSON"));
}

TEST(FeedTest, AnItemIdThatNamesNoHostIsNoUrl) {
  const ParsedDocument doc = Parse(R"({"version": "https://jsonfeed.org/version/1", "items": [
      {"id": "https:///../example.org", "summary": "S"}]})",
                                   "application/feed+json");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].url, "");
  EXPECT_EQ(doc.items[0].summary, "S");
}

TEST(FeedTest, NewsSitemapAndIndex) {
  const ParsedDocument sitemap = Parse(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
 <url><loc>https://news.example.com/2024/06/14/summit-ends</loc>
  <image:image><image:loc>https://news.example.com/i.jpg</image:loc><image:title>Photo</image:title></image:image>
  <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
   <news:publication_date>2024-06-14T18:00:00+02:00</news:publication_date>
   <news:title>Summit ends without deal</news:title></news:news></url>
 <url><loc>https://news.example.com/about-our-team</loc><lastmod>2024-06-01</lastmod></url>
</urlset>)");
  EXPECT_EQ(sitemap.kind, DocumentKind::kSitemap);
  ASSERT_EQ(sitemap.items.size(), 2u);
  EXPECT_EQ(sitemap.items[0].url, "https://news.example.com/2024/06/14/summit-ends");
  EXPECT_EQ(sitemap.items[0].title, "Summit ends without deal");
  EXPECT_EQ(sitemap.items[0].published, "2024-06-14T18:00:00+02:00");
  EXPECT_EQ(sitemap.items[1].published, "2024-06-01");

  const ParsedDocument index = Parse(R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc>https://news.example.com/sitemap-news.xml</loc><lastmod>2024-06-14</lastmod></sitemap>
 <sitemap><loc>https://news.example.com/sitemap-2024-06.xml.gz</loc></sitemap>
 <sitemap><loc>https://news.example.com/sitemap-news.xml</loc></sitemap>
</sitemapindex>)");
  EXPECT_EQ(index.kind, DocumentKind::kSitemapIndex);
  EXPECT_TRUE(index.items.empty());
  EXPECT_THAT(index.children, ElementsAre("https://news.example.com/sitemap-news.xml",
                                          "https://news.example.com/sitemap-2024-06.xml.gz"));
}

std::string Gzip(const std::string& bytes) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(FeedTest, GzipSitemap) {
  const std::string xml =
      "<urlset><url><loc>https://news.example.com/a/123456</loc></url></urlset>";
  const ParsedDocument doc = Parse(Gzip(xml), "application/x-gzip");
  ASSERT_EQ(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/a/123456");
  EXPECT_THAT(ParseError(Gzip(xml).substr(0, 20)), HasSubstr("gzip"));
  ParseOptions small;
  small.max_bytes = 40;
  EXPECT_FALSE(ParseDocument(Gzip(xml), "", kBase, small).ok());
}

TEST(FeedTest, Opml) {
  const ParsedDocument doc = Parse(R"(<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
 <outline text="World"><outline text="A" type="rss" xmlUrl="https://a.example.org/rss"/>
  <outline text="B" xmlurl="https://b.example.org/atom.xml"/></outline>
 <outline text="No feed" htmlUrl="https://c.example.org/"/>
</body></opml>)");
  EXPECT_EQ(doc.kind, DocumentKind::kOpml);
  EXPECT_EQ(doc.title, "My feeds");
  EXPECT_THAT(doc.children,
              ElementsAre("https://a.example.org/rss", "https://b.example.org/atom.xml"));
}

TEST(FeedTest, FrontPageAnnouncingFeeds) {
  const ParsedDocument doc = Parse(R"(<!DOCTYPE html><html><head>
<link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">
<link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/comments/feed">
<link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
<link rel="alternate" hreflang="de" href="/de/">
</head><body><a href="/2024/06/14/some-story">Some story</a></body></html>)",
                                   "text/html");
  EXPECT_EQ(doc.kind, DocumentKind::kHtml);
  EXPECT_THAT(doc.children,
              ElementsAre("https://news.example.com/rss.xml", "https://news.example.com/atom.xml"));
  EXPECT_TRUE(doc.items.empty());  // the feeds list the articles
}

TEST(FeedTest, FrontPageWithoutFeedsListsArticleLinks) {
  const ParsedDocument doc = Parse(R"(<html><body>
<a href="/">Home</a><a href="/world">World</a><a href="/tag/politics">Politics</a>
<a href="/2024/06/14/bridge-opens-after-two-years">Bridge <b>opens</b></a>
<a href="https://news.example.com/2024/06/14/bridge-opens-after-two-years?utm_source=home">again</a>
<a href="/logo.png">logo</a><a href="https://elsewhere.org/2024/06/14/other-story">elsewhere</a>
<a href="/news/article-123456">numbered</a>
</body></html>)",
                                   "text/html; charset=utf-8");
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/2024/06/14/bridge-opens-after-two-years");
  EXPECT_EQ(doc.items[0].title, "Bridge opens");
  EXPECT_EQ(doc.items[1].url, "https://news.example.com/news/article-123456");
}

TEST(FeedTest, Charsets) {
  // Declared in the XML declaration, or by HTTP, which wins.
  const ParsedDocument latin1 = Parse(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>"
      "<title>Caf\xe9</title><link>https://news.example.com/a/12345</link></item></channel></rss>");
  ASSERT_EQ(latin1.items.size(), 1u);
  EXPECT_EQ(latin1.items[0].title, "Caf\xc3\xa9");
  const ParsedDocument by_http =
      Parse("<rss><channel><item><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></item></channel></rss>",
            "application/rss+xml; charset=windows-1251");
  ASSERT_EQ(by_http.items.size(), 1u);
  EXPECT_EQ(by_http.items[0].title, "Привет");
  // UTF-16 with a byte-order mark.
  const std::string utf8 = "<rss><channel><item><title>Hi</title></item></channel></rss>";
  std::string utf16 = "\xff\xfe";
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  const ParsedDocument wide = Parse(utf16);
  ASSERT_EQ(wide.items.size(), 1u);
  EXPECT_EQ(wide.items[0].title, "Hi");
}

TEST(FeedTest, BrokenFeedsFromTheWild) {
  // Unescaped ampersand, an undeclared HTML entity, a missing end tag, junk before the root.
  const ParsedDocument doc = Parse(
      "\n\n  <?xml version=\"1.0\"?><rss><channel><title>Q&A</title>"
      "<item><title>Fish&nbsp;&amp; chips</title><link>https://news.example.com/a/11111</link>"
      "<item><title>Second</title><link>https://news.example.com/a/22222</link></item>"
      "</channel>");
  EXPECT_EQ(doc.kind, DocumentKind::kRss);
  ASSERT_GE(doc.items.size(), 1u);
  EXPECT_EQ(doc.items[0].url, "https://news.example.com/a/11111");
  EXPECT_EQ(doc.items[0].title, "Fish\xc2\xa0& chips");
  // Invalid UTF-8 in a feed that says UTF-8 is repaired, not fatal.
  const ParsedDocument repaired = Parse(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>Bad \xff byte</title>"
      "</item></channel></rss>");
  ASSERT_EQ(repaired.items.size(), 1u);
  EXPECT_EQ(repaired.items[0].title, "Bad \xef\xbf\xbd byte");
}

TEST(FeedTest, WhatIsNoFeedIsAnError) {
  EXPECT_THAT(ParseError(""), HasSubstr("empty"));
  EXPECT_THAT(ParseError("   \n "), HasSubstr("empty"));
  EXPECT_THAT(ParseError(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), HasSubstr("binary"));
  EXPECT_THAT(ParseError("<?xml version=\"1.0\"?><svg><g/></svg>"),
              HasSubstr("root element <svg>"));
  EXPECT_THAT(ParseError("just some words"), HasSubstr("neither markup nor JSON"));
  EXPECT_THAT(ParseError("<<<>>>"), HasSubstr("XML"));
}

TEST(FeedTest, EntitiesAreNeverExpanded) {
  // The billion laughs: declared entities stay unexpanded, nothing blows up.
  std::string doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  char prev = 'a';
  for (char name = 'b'; name <= 'k'; ++name) {
    doc += std::string("<!ENTITY ") + name + " \"";
    for (int i = 0; i < 10; ++i) doc += std::string("&") + prev + ";";
    doc += "\">";
    prev = name;
  }
  doc +=
      "]><rss><channel><item><title>T &k;</title>"
      "<link>https://news.example.com/a/12345</link></item></channel></rss>";
  Result<ParsedDocument> parsed = ParseDocument(doc, "", kBase, {});
  if (parsed.ok()) {
    for (const FeedItem& item : parsed->items) EXPECT_LT(item.title.size(), 100u);
  }
  // And no external entity or DTD is fetched or read.
  const ParsedDocument external = Parse(
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><item><title>&x;</title></item></channel></rss>");
  ASSERT_EQ(external.items.size(), 1u);
  EXPECT_EQ(external.items[0].title, "");
}

TEST(FeedTest, HugeFeedIsCountedAndCut) {
  std::string body = "<rss><channel>";
  for (int i = 0; i < 100000; ++i) {
    body +=
        "<item><link>https://news.example.com/a/" + std::to_string(100000 + i) + "</link></item>";
  }
  body += "</channel></rss>";
  ParseOptions options;
  options.max_items = 250;
  const ParsedDocument doc = Parse(body, "", options);
  EXPECT_EQ(doc.total_items, 100000u);
  ASSERT_EQ(doc.items.size(), 250u);
  EXPECT_EQ(doc.items.back().url, "https://news.example.com/a/100249");
  options.max_bytes = body.size() - 1;
  EXPECT_FALSE(ParseDocument(body, "", kBase, options).ok());
}

TEST(FeedTest, DeepNestingDoesNotExhaustTheStack) {
  std::string body = "<html><body>";
  for (int i = 0; i < 100000; ++i) body += "<div>";
  body += "<a href=\"/2024/06/14/deep-in-the-page-story\">deep</a></body></html>";
  Result<ParsedDocument> doc = ParseDocument(body, "text/html", kBase, {});
  EXPECT_TRUE(doc.ok());
}

TEST(FeedTest, CharsetOfContentType) {
  EXPECT_EQ(CharsetOf("text/html; charset=ISO-8859-1"), "iso-8859-1");
  EXPECT_EQ(CharsetOf("text/xml;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetOf("application/rss+xml"), "");
}

}  // namespace
}  // namespace newsloom::fetch
