// The watcher end to end against a small local news site (127.0.0.1 only; the host names are
// mapped to it by libcurl's resolve option): feeds of every kind, robots.txt, validators, and
// fault routes.
#include "fetch/watcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "testing/test_site.h"

namespace newsloom::fetch {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::LoggedRequest;
using testing::Response;
using testing::TestSite;
using ::testing::UnorderedElementsAreArray;

constexpr char kNews[] = "news.test";
constexpr char kOther[] = "other.test";

struct Item {
  std::string path;
  std::string title;
};

Response Doc(std::string body, std::string type, std::string etag = "") {
  Response r;
  r.body = std::move(body);
  r.content_type = std::move(type);
  r.etag = std::move(etag);
  return r;
}

Response Article(const std::string& title, const std::string& head = "") {
  return Doc("<html><head><title>" + title + "</title>" + head + "</head><body><p>" + title +
                 " happened today, and this is the story of it.</p></body></html>",
             "text/html; charset=utf-8");
}

class WatcherTest : public ::testing::Test {
 protected:
  WatcherTest() {
    options_.interval = std::chrono::seconds(0);
    options_.fetch.host_delay = milliseconds(50);
    options_.fetch.retry_backoff = milliseconds(20);
    options_.fetch.total_timeout = milliseconds(500);
    options_.fetch.stall_timeout = milliseconds(2000);
    options_.fetch.max_retries = 1;
    options_.fetch.max_page_bytes = 60'000;
    options_.fetch.proxy_from_environment = false;
    for (const char* host : {kNews, kOther}) {
      options_.fetch.resolve.push_back(site_.ResolveEntry(host));
    }
    options_.clock = [this] { return now_; };
    now_ = *ParseTimestamp("2024-06-14T12:00:00Z");
    site_.Set(kNews, "/robots.txt",
              Doc("User-agent: *\nDisallow: /\n\nUser-agent: newsloom\nDisallow: /private/\n",
                  "text/plain"));
  }

  std::string Url(const char* host, const std::string& path) const { return site_.Url(host, path); }

  std::string Rss(const std::vector<Item>& items) const {
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>";
    for (const Item& item : items) {
      xml += "<item><title>" + item.title + "</title><link>" + Url(kNews, item.path) +
             "</link><pubDate>Fri, 14 Jun 2024 09:30:00 GMT</pubDate>"
             "<description>About " +
             item.title + "</description></item>";
    }
    return xml + "</channel></rss>";
  }

  std::string Atom(const std::vector<Item>& items) const {
    std::string xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title>";
    for (const Item& item : items) {
      xml += "<entry><title>" + item.title + "</title><link href=\"" + Url(kNews, item.path) +
             "\"/><updated>2024-06-14T10:00:00Z</updated></entry>";
    }
    return xml + "</feed>";
  }

  std::string NewsSitemap(const std::vector<Item>& items) const {
    std::string xml =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">";
    for (const Item& item : items) {
      xml += "<url><loc>" + Url(kNews, item.path) +
             "</loc><news:news><news:publication_date>2024-06-14T11:00:00+02:00"
             "</news:publication_date><news:title>" +
             item.title + "</news:title></news:news></url>";
    }
    return xml + "</urlset>";
  }

  void ServeArticles(const std::vector<Item>& items) {
    for (const Item& item : items) site_.Set(kNews, item.path, Article(item.title));
  }

  // RSS, Atom and a news sitemap on one host; the items overlap between them.
  std::vector<std::string> StandardSite() {
    const std::vector<Item> rss = {{"/2024/06/14/a-story", "A"},
                                   {"/2024/06/14/b-story", "B"},
                                   {"/private/secret-story", "Secret"},
                                   {"/2024/06/14/a-story?utm_source=rss", "A again"}};
    const std::vector<Item> atom = {{"/2024/06/14/a-story", "A"}, {"/2024/06/14/c-story", "C"}};
    const std::vector<Item> sitemap = {{"/2024/06/14/d-story", "D"}, {"/2024/06/14/b-story", "B"}};
    site_.Set(kNews, "/rss.xml", Doc(Rss(rss), "application/rss+xml", "\"rss-1\""));
    Response atom_doc = Doc(Atom(atom), "application/atom+xml");
    atom_doc.last_modified = "Fri, 14 Jun 2024 10:00:00 GMT";
    site_.Set(kNews, "/atom.xml", atom_doc);
    site_.Set(kNews, "/news-sitemap.xml", Doc(NewsSitemap(sitemap), "application/xml", "\"s-1\""));
    ServeArticles({{"/2024/06/14/a-story", "A"},
                   {"/2024/06/14/c-story", "C"},
                   {"/2024/06/14/d-story", "D"},
                   {"/private/secret-story", "Secret"}});
    site_.Set(kNews, "/2024/06/14/b-story",
              Article("B", "<link rel=\"canonical\" href=\"/2024/06/14/b-story-canonical\">"));
    return {Url(kNews, "/rss.xml"), Url(kNews, "/atom.xml"), Url(kNews, "/news-sitemap.xml")};
  }

  PollReport Poll(Watcher& watcher) {
    Result<PollReport> report = watcher.PollOnce([this](RawPage&& page) {
      pages_.push_back(std::move(page));
      return Status::Ok();
    });
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : PollReport{};
  }

  std::vector<std::string> PageUrls() const {
    std::vector<std::string> urls;
    for (const RawPage& page : pages_) urls.push_back(page.url);
    return urls;
  }

  // Requests to `host` whose target starts with `prefix`.
  size_t Requests(const char* host, const std::string& prefix) const {
    size_t n = 0;
    for (const LoggedRequest& r : site_.Log())
      n += r.host == host && r.target.rfind(prefix, 0) == 0;
    return n;
  }

  TestSite site_;
  WatchOptions options_;
  TimePoint now_;
  MemoryWatchState state_;
  std::vector<RawPage> pages_;
};

TEST_F(WatcherTest, FetchesEveryAllowedArticleOnceWithItsMetadata) {
  Watcher watcher(StandardSite(), options_, &state_);
  const PollReport report = Poll(watcher);
  const std::string canonical_b = Url(kNews, "/2024/06/14/b-story-canonical");
  // Sources in the order given, items in feed order, each URL once.
  EXPECT_THAT(PageUrls(),
              ElementsAre(Url(kNews, "/2024/06/14/a-story"), canonical_b,
                          Url(kNews, "/2024/06/14/c-story"), Url(kNews, "/2024/06/14/d-story")));
  for (const char* path : {"/2024/06/14/a-story", "/2024/06/14/b-story", "/2024/06/14/c-story",
                           "/2024/06/14/d-story"}) {
    EXPECT_EQ(site_.Count(kNews, path), 1u) << path;
  }
  EXPECT_EQ(Requests(kNews, "/private/"), 0u);  // Disallow for newsloom
  EXPECT_EQ(site_.Count(kNews, "/robots.txt"), 1u);
  // Sources and articles alike: one request at a time, the host delay between them.
  const std::vector<LoggedRequest> log = site_.Log();
  ASSERT_EQ(log.size(), 8u);  // robots.txt, 3 sources, 4 articles
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_GE(log[i].start - log[i - 1].answered, options_.fetch.host_delay) << log[i].target;
  }
  EXPECT_EQ(site_.MaxConcurrent(kNews), 1);
  EXPECT_EQ(report.sources_polled, 3u);
  EXPECT_EQ(report.items, 8u);
  EXPECT_EQ(report.new_urls, 5u);
  EXPECT_EQ(report.pages, 4u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].reason, "disallowed by robots.txt");

  const RawPage& a = pages_[0];
  EXPECT_EQ(a.source, Url(kNews, "/rss.xml"));
  EXPECT_EQ(a.content_type, "text/html");
  EXPECT_EQ(a.fetched_at, "2024-06-14T12:00:00Z");
  EXPECT_EQ(a.given_title, "A");
  EXPECT_EQ(a.given_published, "2024-06-14T09:30:00Z");
  EXPECT_EQ(a.given_summary, "About A");
  EXPECT_THAT(a.bytes, HasSubstr("A happened today"));
  const RawPage& d = pages_[3];
  EXPECT_EQ(d.source, Url(kNews, "/news-sitemap.xml"));
  EXPECT_EQ(d.given_title, "D");
  EXPECT_EQ(d.given_published, "2024-06-14T11:00:00+02:00");
  EXPECT_FALSE(d.given_summary.has_value());

  Result<std::optional<SourceState>> rss = state_.GetSource(Url(kNews, "/rss.xml"));
  ASSERT_TRUE(rss.ok() && rss->has_value());
  EXPECT_EQ((*rss)->kind, "rss");
  EXPECT_EQ((*rss)->etag, "\"rss-1\"");
  EXPECT_EQ((*rss)->status, "ok");
  EXPECT_EQ((*rss)->articles_fetched, 2u);
}

TEST_F(WatcherTest, SecondPollGetsNotModifiedAndFetchesNoArticle) {
  Watcher watcher(StandardSite(), options_, &state_);
  Poll(watcher);
  const size_t pages = pages_.size();
  const size_t requests = site_.Log().size();
  now_ += std::chrono::minutes(5);
  const PollReport report = Poll(watcher);
  EXPECT_EQ(pages_.size(), pages);
  EXPECT_EQ(report.sources_polled, 3u);
  EXPECT_EQ(report.sources_not_modified, 3u);
  EXPECT_EQ(report.pages, 0u);
  EXPECT_THAT(report.problems, IsEmpty());
  const std::vector<LoggedRequest> log = site_.Log();
  ASSERT_EQ(log.size(), requests + 3);  // the three sources, nothing else
  std::vector<std::string> targets;
  for (size_t i = requests; i < log.size(); ++i) {
    targets.push_back(log[i].target);
    EXPECT_TRUE(!log[i].if_none_match.empty() || !log[i].if_modified_since.empty());
  }
  EXPECT_THAT(targets, ElementsAre("/rss.xml", "/atom.xml", "/news-sitemap.xml"));
}

TEST_F(WatcherTest, ItemsAddedBetweenPollsArePickedUp) {
  std::vector<std::string> sources = StandardSite();
  Watcher watcher(sources, options_, &state_);
  Poll(watcher);
  pages_.clear();
  site_.Set(kNews, "/rss.xml",
            Doc(Rss({{"/2024/06/14/e-story", "E"},
                     {"/2024/06/14/a-story", "A"},
                     {"/2024/06/14/b-story-canonical", "B by its canonical URL"}}),
                "application/rss+xml", "\"rss-2\""));
  ServeArticles({{"/2024/06/14/e-story", "E"}});
  now_ += std::chrono::minutes(5);
  const PollReport report = Poll(watcher);
  EXPECT_THAT(PageUrls(), ElementsAre(Url(kNews, "/2024/06/14/e-story")));
  EXPECT_EQ(report.new_urls, 1u);
  EXPECT_EQ(site_.Count(kNews, "/2024/06/14/a-story"), 1u);
  EXPECT_EQ(site_.Count(kNews, "/2024/06/14/b-story-canonical"), 0u);  // known as b's canonical
  EXPECT_EQ(pages_[0].given_title, "E");
}

TEST_F(WatcherTest, FaultsAreReportedOnceAndNeverStopThePoll) {
  const std::vector<Item> items = {{"/faults/500-then-200", "Flaky"},  {"/faults/404", "Gone"},
                                   {"/faults/slow", "Slow"},           {"/faults/loop", "Loop"},
                                   {"/faults/oversize", "Big"},        {"/faults/binary", "Binary"},
                                   {"/2024/06/14/fine-story", "Fine"}, {"/faults/image", "Image"}};
  site_.Set(kNews, "/faults.xml", Doc(Rss(items), "application/rss+xml", "\"f-1\""));
  Response error = Article("x");
  error.status = 500;
  site_.SetSequence(kNews, "/faults/500-then-200", {error, Article("Flaky")});
  Response slow = Article("Slow");
  slow.delay = milliseconds(1500);
  site_.Set(kNews, "/faults/slow", slow);
  Response loop = Article("loop");
  loop.status = 302;
  loop.headers = {{"Location", "/faults/loop"}};
  site_.Set(kNews, "/faults/loop", loop);
  site_.Set(kNews, "/faults/oversize", Article(std::string(100'000, 'o')));
  site_.Set(kNews, "/faults/binary",
            Doc(std::string("\x7f"
                            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                            16) +
                    std::string(500, '\0'),
                "text/html"));
  site_.Set(kNews, "/faults/image", Doc("GIF89a....", "image/gif"));
  ServeArticles({{"/2024/06/14/fine-story", "Fine"}});
  // Sources that fail: broken XML, an HTML page where a feed belongs, a redirect loop, a refused
  // connection.
  site_.Set(kOther, "/broken.xml", Doc("<<<not xml at all>>>", "application/rss+xml"));
  site_.Set(kOther, "/feed/html", Doc("<html><body>Sorry, moved</body></html>", "text/html"));
  Response source_loop = Doc("", "text/plain");
  source_loop.status = 301;
  source_loop.headers = {{"Location", "/rss/loop.xml"}};
  site_.Set(kOther, "/rss/loop.xml", source_loop);

  Watcher watcher({Url(kNews, "/faults.xml"), Url(kOther, "/broken.xml"), Url(kOther, "/feed/html"),
                   Url(kOther, "/rss/loop.xml"), "http://127.0.0.1:1/refused.xml"},
                  options_, &state_);
  std::vector<PollProblem> problems = Poll(watcher).problems;
  now_ += std::chrono::minutes(5);
  const PollReport second = Poll(watcher);
  problems.insert(problems.end(), second.problems.begin(), second.problems.end());

  std::map<std::string, std::string> reason_of;
  std::map<std::string, int> times;
  for (const PollProblem& p : problems) {
    reason_of[p.url] = p.reason;
    ++times[p.url];
  }
  const std::map<std::string, std::string> expected = {
      {Url(kNews, "/faults/404"), "HTTP 404"},
      {Url(kNews, "/faults/slow"), "timed out"},
      {Url(kNews, "/faults/loop"), "redirect loop"},
      {Url(kNews, "/faults/oversize"), "larger than the limit"},
      {Url(kNews, "/faults/binary"), "binary body"},
      {Url(kNews, "/faults/image"), "not a web page"},
      {Url(kOther, "/broken.xml"), "XML"},
      {Url(kOther, "/feed/html"), "an HTML page where a feed was expected"},
      {Url(kOther, "/rss/loop.xml"), "redirect loop"},
      {"http://127.0.0.1:1/refused.xml", "robots.txt unreachable"},
  };
  for (const auto& [url, reason] : expected) {
    EXPECT_EQ(times[url], 1) << url;
    EXPECT_THAT(reason_of[url], HasSubstr(reason)) << url;
  }
  EXPECT_EQ(times.size(), expected.size());
  EXPECT_THAT(PageUrls(), ElementsAre(Url(kNews, "/faults/500-then-200"),
                                      Url(kNews, "/2024/06/14/fine-story")));
  // Failed for good, or to be tried again only after the retry delay.
  Result<std::optional<SeenUrl>> gone = state_.GetUrl(Url(kNews, "/faults/404"));
  ASSERT_TRUE(gone.ok() && gone->has_value());
  EXPECT_EQ((*gone)->state, UrlState::kFailed);
  EXPECT_EQ((*gone)->http_status, 404);
  Result<std::optional<SeenUrl>> slow_state = state_.GetUrl(Url(kNews, "/faults/slow"));
  ASSERT_TRUE(slow_state.ok() && slow_state->has_value());
  EXPECT_EQ((*slow_state)->state, UrlState::kRetry);
  Result<std::optional<SourceState>> broken = state_.GetSource(Url(kOther, "/broken.xml"));
  ASSERT_TRUE(broken.ok() && broken->has_value());
  EXPECT_EQ((*broken)->status, "error");
  EXPECT_THAT((*broken)->last_error, HasSubstr("XML"));
  EXPECT_EQ((*broken)->errors, 2u);  // no validators: fetched and found broken again
}

TEST_F(WatcherTest, TransientFailuresAreRetriedAfterTheDelay) {
  site_.Set(kNews, "/rss.xml",
            Doc(Rss({{"/2024/06/14/later", "Later"}}), "application/rss+xml", "\"r\""));
  Response down = Article("x");
  down.status = 503;
  site_.Set(kNews, "/2024/06/14/later", down);
  options_.retry_delay = std::chrono::minutes(30);
  Watcher watcher({Url(kNews, "/rss.xml")}, options_, &state_);
  EXPECT_EQ(Poll(watcher).fetch_failures, 1u);
  now_ += std::chrono::minutes(31);
  const PollReport again = Poll(watcher);  // down again, for the same reason: not reported again
  EXPECT_EQ(again.fetch_failures, 1u);
  EXPECT_THAT(again.problems, IsEmpty());
  site_.Set(kNews, "/2024/06/14/later", Article("Later"));
  now_ += std::chrono::minutes(10);
  EXPECT_EQ(Poll(watcher).pages, 0u);  // too soon
  now_ += std::chrono::minutes(30);
  const PollReport report = Poll(watcher);  // the feed answers 304; the URL is still due
  EXPECT_EQ(report.sources_not_modified, 1u);
  EXPECT_EQ(report.pages, 1u);
  ASSERT_EQ(pages_.size(), 1u);
  EXPECT_EQ(pages_[0].given_title, "Later");
}

TEST_F(WatcherTest, IntervalDecidesWhenASourceIsDue) {
  options_.interval = std::chrono::seconds(300);
  Watcher watcher(StandardSite(), options_, &state_);
  Poll(watcher);
  const size_t requests = site_.Log().size();
  now_ += std::chrono::seconds(299);
  EXPECT_EQ(Poll(watcher).sources_polled, 0u);
  EXPECT_EQ(site_.Log().size(), requests);
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(Poll(watcher).sources_polled, 3u);
}

TEST_F(WatcherTest, RestartedWatcherResumesWithoutRefetching) {
  const std::vector<std::string> sources = StandardSite();
  {
    Watcher first(sources, options_, &state_);
    Poll(first);
  }
  const size_t pages = pages_.size();
  // A URL listed just before the last run stopped, not fetched yet.
  SeenUrl pending;
  pending.url = Url(kNews, "/2024/06/14/left-over");
  pending.listed_url = pending.url;
  pending.source = Url(kNews, "/rss.xml");
  pending.first_seen = "2024-06-14T11:59:00Z";
  pending.title = "Left over";
  ASSERT_TRUE(state_.PutUrl(pending).ok());
  ServeArticles({{"/2024/06/14/left-over", "Left over"}});
  now_ += std::chrono::minutes(5);
  Watcher second(sources, options_, &state_);
  const PollReport report = Poll(second);
  EXPECT_EQ(report.sources_not_modified, 3u);
  ASSERT_EQ(pages_.size(), pages + 1);
  EXPECT_EQ(pages_.back().url, pending.url);
  EXPECT_EQ(pages_.back().given_title, "Left over");
  for (const char* path : {"/2024/06/14/a-story", "/2024/06/14/b-story", "/2024/06/14/c-story",
                           "/2024/06/14/d-story"}) {
    EXPECT_EQ(site_.Count(kNews, path), 1u) << path;
  }
}

TEST_F(WatcherTest, StoppedPollLeavesTheRestForTheNextOne) {
  const std::vector<std::string> sources = StandardSite();
  options_.stop = [this] { return !pages_.empty(); };
  {
    Watcher stopped(sources, options_, &state_);
    const PollReport report = Poll(stopped);
    EXPECT_EQ(report.pages, 1u);  // one host: nothing else was under way
  }
  EXPECT_EQ(pages_.size(), 1u);
  Result<std::vector<SeenUrl>> left = state_.UrlsToFetch();
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->size(), 4u);  // b, the disallowed one (not tried yet), c and d

  options_.stop = nullptr;
  Watcher resumed(sources, options_, &state_);
  Poll(resumed);
  EXPECT_THAT(
      PageUrls(),
      ElementsAre(Url(kNews, "/2024/06/14/a-story"), Url(kNews, "/2024/06/14/b-story-canonical"),
                  Url(kNews, "/2024/06/14/c-story"), Url(kNews, "/2024/06/14/d-story")));
  for (const char* path : {"/2024/06/14/a-story", "/2024/06/14/b-story", "/2024/06/14/c-story",
                           "/2024/06/14/d-story"}) {
    EXPECT_EQ(site_.Count(kNews, path), 1u) << path;
  }
}

TEST_F(WatcherTest, SameInputSameOutput) {
  std::vector<std::string> runs[2];
  for (auto& run : runs) {
    MemoryWatchState state;
    pages_.clear();
    Watcher watcher(StandardSite(), options_, &state);
    Poll(watcher);
    for (const RawPage& page : pages_) run.push_back(page.url + " " + page.bytes);
  }
  EXPECT_EQ(runs[0], runs[1]);
  EXPECT_EQ(runs[0].size(), 4u);
}

TEST_F(WatcherTest, FrontPagesDiscoverFeedsOrGiveTheirLinks) {
  site_.Set(kOther, "/",
            Doc("<html><head><link rel=\"alternate\" type=\"application/feed+json\" "
                "href=\"/feed.json\"></head><body><a href=\"/2024/06/14/ignored-link-story\">x</a>"
                "</body></html>",
                "text/html"));
  site_.Set(kOther, "/feed.json",
            Doc("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\","
                "\"url\":\"/2024/06/14/json-story\",\"title\":\"From JSON\"}]}",
                "application/feed+json"));
  site_.Set(kOther, "/2024/06/14/json-story", Article("From JSON"));
  site_.Set(kOther, "/plain/",
            Doc("<html><body><a href=\"/plain/2024/06/14/linked-story\">Linked story</a>"
                "<a href=\"/about\">About</a><a href=\"http://elsewhere.test/2024/06/14/x\">x</a>"
                "</body></html>",
                "text/html"));
  site_.Set(kOther, "/plain/2024/06/14/linked-story", Article("Linked"));
  Watcher watcher({Url(kOther, "/"), Url(kOther, "/plain/")}, options_, &state_);
  const PollReport report = Poll(watcher);
  EXPECT_THAT(report.problems, IsEmpty());
  EXPECT_THAT(PageUrls(), ElementsAre(Url(kOther, "/plain/2024/06/14/linked-story"),
                                      Url(kOther, "/2024/06/14/json-story")));
  EXPECT_EQ(site_.Count(kOther, "/2024/06/14/ignored-link-story"), 0u);
  EXPECT_EQ(pages_[0].given_title, "Linked story");  // the anchor text
  EXPECT_EQ(pages_[1].given_title, "From JSON");
  Result<std::optional<SourceState>> json = state_.GetSource(Url(kOther, "/feed.json"));
  ASSERT_TRUE(json.ok() && json->has_value());
  EXPECT_EQ((*json)->parent, Url(kOther, "/"));
  EXPECT_EQ((*json)->kind, "json-feed");
}

TEST_F(WatcherTest, SitemapIndexesAndOpmlListsNameMoreSources) {
  site_.Set(kNews, "/sitemap-index.xml",
            Doc("<sitemapindex><sitemap><loc>" + Url(kNews, "/news-sitemap.xml") +
                    "</loc></sitemap></sitemapindex>",
                "application/xml"));
  site_.Set(kNews, "/news-sitemap.xml",
            Doc(NewsSitemap({{"/2024/06/14/from-sitemap", "S"}}), "application/xml"));
  site_.Set(kOther, "/list.opml",
            Doc("<opml><body><outline xmlUrl=\"" + Url(kNews, "/atom.xml") + "\"/></body></opml>",
                "text/x-opml"));
  site_.Set(kNews, "/atom.xml",
            Doc(Atom({{"/2024/06/14/from-atom", "T"}}), "application/atom+xml"));
  ServeArticles({{"/2024/06/14/from-sitemap", "S"}, {"/2024/06/14/from-atom", "T"}});
  Watcher watcher({Url(kNews, "/sitemap-index.xml"), Url(kOther, "/list.opml")}, options_, &state_);
  Poll(watcher);
  EXPECT_THAT(PageUrls(), ElementsAre(Url(kNews, "/2024/06/14/from-sitemap"),
                                      Url(kNews, "/2024/06/14/from-atom")));
}

TEST_F(WatcherTest, HugeFeedIsReadUpToTheLimit) {
  std::string xml = "<rss><channel>";
  for (int i = 0; i < 100000; ++i) {
    xml += "<item><link>/n/" + std::to_string(100000 + i) + "</link></item>";
  }
  xml += "</channel></rss>";
  site_.Set(kNews, "/huge.xml", Doc(xml, "application/rss+xml"));
  for (int i = 0; i < 3; ++i) {
    site_.Set(kNews, "/n/" + std::to_string(100000 + i), Article("N" + std::to_string(i)));
  }
  options_.fetch.max_page_bytes = 8u << 20;
  options_.parse.max_items = 3;
  Watcher watcher({Url(kNews, "/huge.xml")}, options_, &state_);
  const PollReport report = Poll(watcher);
  EXPECT_EQ(report.pages, 3u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].reason, "100000 items; only the first 3 were read");
}

TEST_F(WatcherTest, BadSourceUrlsAreReported) {
  Watcher watcher({"not a url", "ftp://news.test/feed"}, options_, &state_);
  const PollReport report = Poll(watcher);
  EXPECT_EQ(report.problems.size(), 2u);
  EXPECT_TRUE(site_.Log().empty());
}

}  // namespace
}  // namespace newsloom::fetch
