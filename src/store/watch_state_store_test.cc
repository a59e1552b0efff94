// The watch state in both store backends: what is written is read back, across reopening, and a
// failed Atomically() leaves nothing behind.
#include "newsloom/watch_state_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "newsloom/store.h"
#include "testing/postgres_test_server.h"

namespace newsloom::store {
namespace {

namespace fs = std::filesystem;
using fetch::SeenUrl;
using fetch::SourceState;
using fetch::UrlState;

struct SqliteTarget {
  fs::path dir = fs::temp_directory_path() /
                 ("newsloom_watch_state_test_" + std::to_string(std::random_device{}()));
  SqliteTarget() { fs::create_directories(dir); }
  ~SqliteTarget() { fs::remove_all(dir); }
  std::string Target() const { return (dir / "watch.db").string(); }
  std::string Error() const { return ""; }
};

struct PostgresTarget {
  std::string uri = testing::PostgresTestServer::Get().NewDatabase();
  std::string Target() const { return uri; }
  std::string Error() const { return testing::PostgresTestServer::Get().error(); }
};

SourceState MakeSource() {
  SourceState s;
  s.url = "https://news.example/feed.xml";
  s.fetch_url = "https://News.Example/feed.xml";
  s.kind = "rss";
  s.etag = "\"v1\"";
  s.last_modified = "Wed, 19 Jun 2024 10:00:00 GMT";
  s.last_poll = "2024-06-19T10:00:05Z";
  s.status = "ok";
  s.children = {"https://news.example/a.xml", "https://news.example/b.xml"};
  s.polls = 3;
  s.not_modified = 1;
  s.errors = 1;
  s.items_new = 40;
  s.articles_fetched = 38;
  return s;
}

SeenUrl MakeUrl(const std::string& url, UrlState state) {
  SeenUrl u;
  u.url = url;
  u.listed_url = url + "?utm_source=rss";
  u.source = "https://news.example/feed.xml";
  u.first_seen = "2024-06-19T10:00:05Z";
  u.position = 7;
  u.title = "Floods \xe2\x80\x94 the river rises";
  u.published = "2024-06-19T09:30:00Z";
  u.summary = "Water 'everywhere'.";
  u.state = state;
  u.attempts = 2;
  u.last_attempt = "2024-06-19T10:00:06Z";
  u.retry_after = "2024-06-19T11:00:06Z";
  u.http_status = 503;
  u.fetched_url = url;
  u.error = "HTTP 503";
  return u;
}

template <typename Target>
class WatchStateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(target_.Error(), "");
    auto state = OpenWatchState(target_.Target());
    ASSERT_TRUE(state.ok()) << state.status().ToString();
    state_ = std::move(*state);
  }

  Target target_;
  std::unique_ptr<StoredWatchState> state_;
};

using Targets = ::testing::Types<SqliteTarget, PostgresTarget>;
TYPED_TEST_SUITE(WatchStateStoreTest, Targets);

TYPED_TEST(WatchStateStoreTest, SourcesRoundTripAcrossReopening) {
  const SourceState in = MakeSource();
  ASSERT_TRUE(this->state_->PutSource(in).ok());
  this->state_.reset();
  auto reopened = OpenWatchState(this->target_.Target());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  auto out = (*reopened)->GetSource(in.url);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(out->has_value());
  const SourceState& s = **out;
  EXPECT_EQ(s.fetch_url, in.fetch_url);
  EXPECT_EQ(s.kind, "rss");
  EXPECT_EQ(s.etag, in.etag);
  EXPECT_EQ(s.last_modified, in.last_modified);
  EXPECT_EQ(s.last_poll, in.last_poll);
  EXPECT_EQ(s.status, "ok");
  EXPECT_EQ(s.children, in.children);
  EXPECT_EQ(s.polls, 3u);
  EXPECT_EQ(s.not_modified, 1u);
  EXPECT_EQ(s.errors, 1u);
  EXPECT_EQ(s.items_new, 40u);
  EXPECT_EQ(s.articles_fetched, 38u);
  auto missing = (*reopened)->GetSource("https://news.example/other.xml");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TYPED_TEST(WatchStateStoreTest, PutReplacesAndSourcesAreOrderedByUrl) {
  SourceState b = MakeSource();
  b.url = "https://b.example/feed";
  SourceState a = MakeSource();
  a.url = "https://a.example/feed";
  ASSERT_TRUE(this->state_->PutSource(b).ok());
  ASSERT_TRUE(this->state_->PutSource(a).ok());
  b.status = "error";
  b.last_error = "HTTP 500";
  ASSERT_TRUE(this->state_->PutSource(b).ok());
  auto all = this->state_->Sources();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].url, "https://a.example/feed");
  EXPECT_EQ((*all)[1].url, "https://b.example/feed");
  EXPECT_EQ((*all)[1].last_error, "HTTP 500");
}

TYPED_TEST(WatchStateStoreTest, UrlsRoundTripAndOnlyPendingOrRetryAreToFetch) {
  const SeenUrl retry = MakeUrl("https://news.example/c", UrlState::kRetry);
  ASSERT_TRUE(this->state_->PutUrl(MakeUrl("https://news.example/b", UrlState::kFetched)).ok());
  ASSERT_TRUE(this->state_->PutUrl(retry).ok());
  ASSERT_TRUE(this->state_->PutUrl(MakeUrl("https://news.example/a", UrlState::kPending)).ok());
  ASSERT_TRUE(this->state_->PutUrl(MakeUrl("https://news.example/d", UrlState::kFailed)).ok());
  auto todo = this->state_->UrlsToFetch();
  ASSERT_TRUE(todo.ok()) << todo.status().ToString();
  ASSERT_EQ(todo->size(), 2u);
  EXPECT_EQ((*todo)[0].url, "https://news.example/a");
  EXPECT_EQ((*todo)[0].state, UrlState::kPending);
  const SeenUrl& out = (*todo)[1];
  EXPECT_EQ(out.url, retry.url);
  EXPECT_EQ(out.listed_url, retry.listed_url);
  EXPECT_EQ(out.source, retry.source);
  EXPECT_EQ(out.position, 7u);
  EXPECT_EQ(out.title, retry.title);
  EXPECT_EQ(out.published, retry.published);
  EXPECT_EQ(out.summary, retry.summary);
  EXPECT_EQ(out.state, UrlState::kRetry);
  EXPECT_EQ(out.attempts, 2);
  EXPECT_EQ(out.retry_after, retry.retry_after);
  EXPECT_EQ(out.http_status, 503);
  EXPECT_EQ(out.error, "HTTP 503");
  auto failed = this->state_->FailedUrls();
  ASSERT_TRUE(failed.ok()) << failed.status().ToString();
  EXPECT_EQ(failed->size(), 4u);  // every one of them carries an error here
}

TYPED_TEST(WatchStateStoreTest, FailedAtomicallyWritesNothing) {
  Status status = this->state_->Atomically([&] {
    Status put = this->state_->PutSource(MakeSource());
    if (!put.ok()) return put;
    put = this->state_->PutUrl(MakeUrl("https://news.example/a", UrlState::kPending));
    if (!put.ok()) return put;
    return Status::Internal("the poll failed half way");
  });
  EXPECT_EQ(status.code(), Status::Code::kInternal);
  auto sources = this->state_->Sources();
  ASSERT_TRUE(sources.ok());
  EXPECT_TRUE(sources->empty());
  auto url = this->state_->GetUrl("https://news.example/a");
  ASSERT_TRUE(url.ok());
  EXPECT_FALSE(url->has_value());

  ASSERT_TRUE(this->state_->Atomically([&] { return this->state_->PutSource(MakeSource()); }).ok());
  sources = this->state_->Sources();
  ASSERT_TRUE(sources.ok());
  EXPECT_EQ(sources->size(), 1u);
}

TYPED_TEST(WatchStateStoreTest, ArticlesAreCountedPerSource) {
  auto counts = this->state_->ArticlesPerSource();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_TRUE(counts->empty());
  auto store = Store::Open(this->target_.Target());
  ASSERT_TRUE(store.ok());
  for (const std::string id : {"a", "b", "c"}) {
    RawPage page;
    page.source = id == "c" ? "https://other.example/rss" : "https://news.example/feed.xml";
    page.url = "https://news.example/" + id;
    page.content_type = "text/plain";
    page.bytes = "Story " + id;
    page.given_summary = "Summary of " + id;
    AnalyzedArticle article;
    article.article.id = id;
    article.article.source = page.source;
    article.article.url = page.url;
    article.article.title = "Story " + id;
    article.article.body = "Story " + id;
    ASSERT_TRUE((*store)->PutArticle(page, article).ok());
  }
  counts = this->state_->ArticlesPerSource();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["https://news.example/feed.xml"], 2);
  EXPECT_EQ((*counts)["https://other.example/rss"], 1);
  // The feed item's summary is kept with the raw page.
  auto raw = (*store)->GetRawPage("b");
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(raw->given_summary.value_or(""), "Summary of b");
}

}  // namespace
}  // namespace newsloom::store
