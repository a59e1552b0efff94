// Live sources into a store, end to end against a local news site (127.0.0.1 only; the outlets'
// host names reach it through libcurl's resolve option): every allowed article once, validators,
// new items joining their stories, faults reported once, politeness seen from the server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "newsloom/watch.h"
#include "newsloom/watch_state_store.h"
#include "testing/news_site.h"
#include "testing/postgres_test_server.h"
#include "testing/test_site.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using ::testing::HasSubstr;
using testing::NewsSite;
using testing::Report;
using testing::Response;
using testing::TestSite;
using ::testing::UnorderedElementsAre;

constexpr milliseconds kHostDelay{150};

class LiveIngestTest : public ::testing::Test {
 protected:
  LiveIngestTest()
      : dir_(fs::temp_directory_path() /
             ("newsloom_live_ingest_test_" + std::to_string(std::random_device{}()))),
        news_(&site_) {
    fs::create_directories(dir_);
    options_.interval = std::chrono::seconds(0);
    options_.fetch.host_delay = kHostDelay;
    options_.fetch.retry_backoff = milliseconds(20);
    options_.fetch.total_timeout = milliseconds(1500);
    options_.fetch.stall_timeout = milliseconds(1500);
    options_.fetch.max_retries = 1;
    options_.fetch.max_page_bytes = 100'000;
    options_.fetch.proxy_from_environment = false;
    options_.fetch.resolve = news_.ResolveEntries();
  }
  ~LiveIngestTest() override { fs::remove_all(dir_); }

  // A store at `db`: a SQLite file of the test's folder when empty.
  void Open(std::vector<std::string> sources, std::string db = "") {
    if (db.empty()) db = (dir_ / "watch.db").string();
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto state = store::OpenWatchState(db);
    ASSERT_TRUE(state.ok()) << state.status().ToString();
    state_ = std::move(*state);
    watch_ = std::make_unique<LiveIngest>(store_.get(), state_.get(), std::move(sources), options_);
  }

  std::vector<std::string> Feeds() const {
    return {news_.FeedUrl(NewsSite::kHosts[0]), news_.FeedUrl(NewsSite::kHosts[1])};
  }

  LivePollReport Poll() {
    auto report = watch_->PollOnce();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? std::move(*report) : LivePollReport{};
  }

  // Stories as sets of article titles.
  std::set<std::set<std::string>> StoryTitles() {
    auto stories = store_->ListStories();
    EXPECT_TRUE(stories.ok());
    std::set<std::set<std::string>> out;
    if (!stories.ok()) return out;
    for (const Story& story : *stories) {
      std::set<std::string> titles;
      for (const StoryArticle& a : story.articles) {
        auto article = store_->GetArticle(a.id);
        EXPECT_TRUE(article.ok());
        if (article.ok()) titles.insert(article->article.title);
      }
      out.insert(titles);
    }
    return out;
  }

  static std::set<std::string> TitlesOf(const std::vector<Report>& reports,
                                        const std::string& event) {
    std::set<std::string> out;
    for (const Report& r : reports) {
      if (r.event == event) out.insert(r.title);
    }
    return out;
  }

  fs::path dir_;
  TestSite site_;
  NewsSite news_;
  fetch::WatchOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<store::StoredWatchState> state_;
  std::unique_ptr<LiveIngest> watch_;
};

TEST_F(LiveIngestTest, StoresEveryAllowedArticleOnceAndNothingDisallowed) {
  const std::vector<Report> reports = NewsSite::Reports(0);
  for (const Report& r : reports) news_.Publish(r);
  Report secret = reports[0];
  secret.path = "/private/embargoed-flood-report";
  secret.title = "Embargoed flood report";
  news_.Publish(secret);
  Open(Feeds());

  const LivePollReport report = Poll();
  EXPECT_EQ(report.articles_stored, 4);
  EXPECT_EQ(report.already_stored, 0);
  EXPECT_EQ(report.poll.fetch_failures, 1u);  // the disallowed one
  ASSERT_TRUE(report.stories.has_value());
  EXPECT_EQ(*report.stories, 2);
  auto count = store_->ArticleCount();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 4);
  EXPECT_EQ(site_.Count(NewsSite::kHosts[0], secret.path), 0u);
  for (const Report& r : reports) EXPECT_EQ(site_.Count(r.host, r.path), 1u) << r.path;
  EXPECT_EQ(StoryTitles(), (std::set<std::set<std::string>>{TitlesOf(reports, "flood"),
                                                            TitlesOf(reports, "rates")}));
  // The feed's title, date and summary are stored with the page.
  auto stored = store_->GetArticle(store_->ListStories()->front().articles.front().id);
  ASSERT_TRUE(stored.ok());
  auto raw = store_->GetRawPage(stored->article.id);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->given_title.value_or(""), stored->article.title);
  EXPECT_EQ(raw->source, news_.FeedUrl(raw->url.find(NewsSite::kHosts[0]) != std::string::npos
                                           ? NewsSite::kHosts[0]
                                           : NewsSite::kHosts[1]));
}

TEST_F(LiveIngestTest, SecondPollIsNotModifiedAndRefetchesNoArticle) {
  const std::vector<Report> reports = NewsSite::Reports(0);
  for (const Report& r : reports) news_.Publish(r);
  Open(Feeds());
  ASSERT_EQ(Poll().articles_stored, 4);
  const size_t requests_before = site_.Log().size();

  const LivePollReport second = Poll();
  EXPECT_EQ(second.poll.sources_polled, 2u);
  EXPECT_EQ(second.poll.sources_not_modified, 2u);
  EXPECT_EQ(second.articles_stored, 0);
  EXPECT_FALSE(second.stories.has_value());  // nothing changed: not rebuilt
  const std::vector<testing::LoggedRequest> log = site_.Log();
  ASSERT_EQ(log.size(), requests_before + 2);  // the two feeds, nothing else
  for (size_t i = requests_before; i < log.size(); ++i) {
    EXPECT_EQ(log[i].target, "/feed.xml");
    EXPECT_EQ(log[i].status, 304);
    EXPECT_FALSE(log[i].if_none_match.empty());
  }
}

TEST_F(LiveIngestTest, NewItemsArePickedUpAndJoinTheirStories) {
  const std::vector<Report> first = NewsSite::Reports(0);
  for (const Report& r : first) news_.Publish(r);
  Open(Feeds());
  ASSERT_EQ(Poll().articles_stored, 4);
  ASSERT_EQ(Poll().articles_stored, 0);

  const std::vector<Report> later = NewsSite::Reports(1);
  for (const Report& r : later) news_.Publish(r);
  const LivePollReport third = Poll();
  EXPECT_EQ(third.articles_stored, 2);
  ASSERT_TRUE(third.stories.has_value());
  EXPECT_EQ(*third.stories, 2);
  std::vector<Report> all = first;
  all.insert(all.end(), later.begin(), later.end());
  EXPECT_EQ(StoryTitles(),
            (std::set<std::set<std::string>>{TitlesOf(all, "flood"), TitlesOf(all, "rates")}));
  for (const Report& r : all) EXPECT_EQ(site_.Count(r.host, r.path), 1u) << r.path;
}

TEST_F(LiveIngestTest, RestartedWatchResumesWithoutRefetching) {
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  Open(Feeds());
  ASSERT_EQ(Poll().articles_stored, 4);
  watch_.reset();
  state_.reset();
  store_.reset();
  const size_t requests_before = site_.Log().size();

  Open(Feeds());
  const LivePollReport again = Poll();
  EXPECT_EQ(again.poll.sources_not_modified, 2u);
  EXPECT_EQ(again.articles_stored, 0);
  ASSERT_TRUE(again.stories.has_value());  // a new process makes sure of its stories
  EXPECT_EQ(*again.stories, 2);
  // The two feeds (robots.txt is fetched again by the new process).
  size_t feeds = 0;
  const std::vector<testing::LoggedRequest> log = site_.Log();
  for (size_t i = requests_before; i < log.size(); ++i) {
    EXPECT_THAT(log[i].target, ::testing::AnyOf("/feed.xml", "/robots.txt"));
    feeds += log[i].target == "/feed.xml";
  }
  EXPECT_EQ(feeds, 2u);
}

TEST_F(LiveIngestTest, PostgresStoreKeepsTheStateAcrossProcessesToo) {
  newsloom::testing::PostgresTestServer& server = newsloom::testing::PostgresTestServer::Get();
  const std::string uri = server.NewDatabase();
  ASSERT_EQ(server.error(), "");
  const std::vector<Report> first = NewsSite::Reports(0);
  for (const Report& r : first) news_.Publish(r);
  Open(Feeds(), uri);
  ASSERT_EQ(Poll().articles_stored, 4);
  watch_.reset();
  state_.reset();
  store_.reset();

  for (const Report& r : NewsSite::Reports(1)) news_.Publish(r);
  Open(Feeds(), uri);
  const LivePollReport again = Poll();
  EXPECT_EQ(again.articles_stored, 2);
  ASSERT_TRUE(again.stories.has_value());
  EXPECT_EQ(*again.stories, 2);
  for (const Report& r : first) EXPECT_EQ(site_.Count(r.host, r.path), 1u) << r.path;
  auto sources = state_->Sources();
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 2u);
  for (const fetch::SourceState& s : *sources) EXPECT_EQ(s.status, "ok");
  auto counts = state_->ArticlesPerSource();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)[news_.FeedUrl(NewsSite::kHosts[0])], 3);
  EXPECT_EQ((*counts)[news_.FeedUrl(NewsSite::kHosts[1])], 3);
}

TEST_F(LiveIngestTest, FaultsAreReportedOnceAgainstTheirSourceAndSkipped) {
  const char* host = NewsSite::kHosts[0];
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  Response server_error;
  server_error.status = 500;
  Response ok_after;
  ok_after.body =
      "<html><head><title>Flood defences hold in Bewdley</title></head><body><p>"
      "Temporary flood barriers held back the river Severn in Bewdley on Friday, "
      "the Environment Agency said, as the water peaked below the quay.</p></body>"
      "</html>";
  news_.PublishFault(host, "/news/bewdley-barriers", "Flood defences hold in Bewdley", {});
  site_.SetSequence(host, "/news/bewdley-barriers", {server_error, ok_after});
  Response missing;
  missing.status = 404;
  news_.PublishFault(host, "/news/removed", "Removed", missing);
  Response slow;
  slow.delay = milliseconds(3000);
  slow.body = "<html><body><p>Too late.</p></body></html>";
  news_.PublishFault(host, "/news/slow", "Slow", slow);
  Response loop;
  loop.status = 302;
  loop.headers = {{"Location", "/news/loop"}};
  news_.PublishFault(host, "/news/loop", "Loop", loop);
  Response huge;
  huge.body = "<html><body><p>" + std::string(200'000, 'x') + "</p></body></html>";
  news_.PublishFault(host, "/news/huge", "Huge", huge);
  Response binary;
  binary.content_type = "application/octet-stream";
  binary.body = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  news_.PublishFault(host, "/news/picture", "Picture", binary);
  Response malformed;
  malformed.content_type = "application/rss+xml";
  malformed.body = "<?xml version=\"1.0\"?>\n<!-- <rss><channel><item><title>Cut short";
  malformed.etag = "\"broken\"";
  site_.Set(host, "/broken.xml", malformed);
  Response html;
  html.body = "<html><body><p>Not a feed</p></body></html>";
  site_.Set(host, "/rss/html.xml", html);
  std::vector<std::string> sources = Feeds();
  sources.push_back(news_.Url(host, "/broken.xml"));
  sources.push_back(news_.Url(host, "/rss/html.xml"));
  Open(sources);

  const LivePollReport first = Poll();
  EXPECT_EQ(first.articles_stored, 5);  // the four reports and the one that failed once
  std::map<std::string, int> problems;
  for (const fetch::PollProblem& p : first.poll.problems) ++problems[p.url];
  const std::vector<std::string> faulty = {"/news/removed", "/news/slow",    "/news/loop",
                                           "/news/huge",    "/news/picture", "/broken.xml",
                                           "/rss/html.xml"};
  for (const std::string& path : faulty) {
    EXPECT_EQ(problems[news_.Url(host, path)], 1) << path;
  }
  EXPECT_EQ(problems.size(), faulty.size());

  // Nothing is reported again while nothing changes: the failed pages are not fetched again (the
  // slow one only after its retry delay), the broken feeds keep their errors.
  const LivePollReport second = Poll();
  EXPECT_TRUE(second.poll.problems.empty());
  EXPECT_EQ(site_.Count(host, "/news/removed"), 1u);

  auto failed = state_->FailedUrls();
  ASSERT_TRUE(failed.ok());
  std::map<std::string, std::string> errors;
  for (const fetch::SeenUrl& url : *failed) errors[url.listed_url] = url.error;
  EXPECT_EQ(errors.size(), 5u);
  EXPECT_THAT(errors[news_.Url(host, "/news/removed")], HasSubstr("404"));
  EXPECT_THAT(errors[news_.Url(host, "/news/loop")], HasSubstr("redirect"));
  auto broken = state_->GetSource(news_.Url(host, "/broken.xml"));
  ASSERT_TRUE(broken.ok() && broken->has_value());
  EXPECT_EQ((*broken)->status, "error");
  EXPECT_FALSE((*broken)->last_error.empty());
}

TEST_F(LiveIngestTest, OneConnectionPerHostAndTheHostDelayBetweenRequests) {
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  for (const Report& r : NewsSite::Reports(1)) news_.Publish(r);
  Open(Feeds());
  ASSERT_EQ(Poll().articles_stored, 6);
  const std::vector<testing::LoggedRequest> log = site_.Log();
  for (const char* host : NewsSite::kHosts) {
    EXPECT_EQ(site_.MaxConcurrent(host), 1) << host;
    const testing::LoggedRequest* previous = nullptr;
    int requests = 0;
    for (const testing::LoggedRequest& r : log) {
      if (r.host != host) continue;
      ++requests;
      if (previous != nullptr) {
        EXPECT_GE(r.start - previous->answered, kHostDelay - milliseconds(5)) << r.target;
      }
      previous = &r;
    }
    EXPECT_EQ(requests, 5) << host;  // robots.txt, the feed, three articles
  }
}

}  // namespace
}  // namespace newsloom
