// The parsers of live sources on generated documents: an RSS feed and a news sitemap of 1,000
// items, a front page of 300 links, robots.txt matching and canonical URLs. Bytes/s and items/s.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "fetch/feed.h"
#include "fetch/robots.h"
#include "fetch/url.h"

namespace {

using namespace newsloom::fetch;

constexpr int kItems = 1000;

std::string ItemPath(int i) {
  return "/2024/06/" + std::to_string(10 + i % 20) + "/story-number-" + std::to_string(i) +
         "-about-something-that-happened";
}

std::string RssFeed() {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
      "<title>Generated news</title>";
  for (int i = 0; i < kItems; ++i) {
    xml += "<item><title>Story number " + std::to_string(i) +
           " about something that happened</title><link>https://news.example.com" + ItemPath(i) +
           "?utm_source=rss</link><pubDate>Fri, 14 Jun 2024 09:30:00 +0200</pubDate>"
           "<description>&lt;p&gt;A summary of story " +
           std::to_string(i) +
           " with &lt;b&gt;some&lt;/b&gt; markup and a few more words to read.&lt;/p&gt;"
           "</description></item>";
  }
  return xml + "</channel></rss>";
}

std::string NewsSitemap() {
  std::string xml =
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
  for (int i = 0; i < kItems; ++i) {
    xml += "<url><loc>https://news.example.com" + ItemPath(i) +
           "</loc><news:news><news:publication_date>2024-06-14T09:30:00+02:00"
           "</news:publication_date><news:title>Story number " +
           std::to_string(i) + "</news:title></news:news></url>";
  }
  return xml + "</urlset>";
}

std::string FrontPage() {
  std::string html = "<!DOCTYPE html><html><head><title>Front</title></head><body>";
  for (int i = 0; i < 300; ++i) {
    html += "<div class=\"teaser\"><a href=\"" +
            (i % 3 == 0 ? "/section/" + std::to_string(i) : ItemPath(i)) + "\">Story " +
            std::to_string(i) + "</a><p>Teaser text of the story.</p></div>";
  }
  return html + "</body></html>";
}

void ParseBench(benchmark::State& state, const std::string& body, const char* content_type) {
  ParseOptions options;
  options.max_items = kItems;
  size_t items = 0;
  for (auto _ : state) {
    auto doc = ParseDocument(body, content_type, "https://news.example.com/feed", options);
    if (!doc.ok()) state.SkipWithError(doc.status().message().c_str());
    items += doc.ok() ? doc->items.size() : 0;
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
  state.SetItemsProcessed(static_cast<int64_t>(items));
}

void BM_ParseRss(benchmark::State& state) { ParseBench(state, RssFeed(), "application/rss+xml"); }
BENCHMARK(BM_ParseRss)->Unit(benchmark::kMillisecond);

void BM_ParseNewsSitemap(benchmark::State& state) {
  ParseBench(state, NewsSitemap(), "application/xml");
}
BENCHMARK(BM_ParseNewsSitemap)->Unit(benchmark::kMillisecond);

void BM_ParseFrontPage(benchmark::State& state) { ParseBench(state, FrontPage(), "text/html"); }
BENCHMARK(BM_ParseFrontPage)->Unit(benchmark::kMillisecond);

void BM_RobotsAllowed(benchmark::State& state) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\nDisallow: /search\nDisallow: /*.pdf$\nDisallow: /private/\n"
      "Allow: /private/free-*\nDisallow: /*?print=\nDisallow: /account/\nDisallow: /tag/*/feed\n",
      "newsloom");
  std::vector<std::string> paths;
  for (int i = 0; i < kItems; ++i) paths.push_back(ItemPath(i) + "?page=" + std::to_string(i));
  for (auto _ : state) {
    for (const std::string& path : paths) benchmark::DoNotOptimize(rules.Allowed(path));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * paths.size()));
}
BENCHMARK(BM_RobotsAllowed);

void BM_CanonicalUrl(benchmark::State& state) {
  std::vector<std::string> urls;
  for (int i = 0; i < kItems; ++i) {
    urls.push_back("https://News.Example.com:443" + ItemPath(i) +
                   "/?utm_source=rss&id=" + std::to_string(i) + "#comments");
  }
  for (auto _ : state) {
    for (const std::string& url : urls) benchmark::DoNotOptimize(CanonicalUrl(url));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * urls.size()));
}
BENCHMARK(BM_CanonicalUrl);

}  // namespace
