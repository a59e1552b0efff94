// The fetcher against a local test site (127.0.0.1 only; host names are mapped to it by libcurl's
// resolve option, so no DNS or other address is ever asked).
#include "fetch/http.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "testing/test_site.h"

namespace newsloom::fetch {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using testing::LoggedRequest;
using testing::Response;
using testing::TestSite;

constexpr char kNews[] = "news.test";
constexpr char kOther[] = "other.test";

// A loopback port with nothing listening on it.
int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

Response Page(std::string body, std::string type = "text/html; charset=utf-8") {
  Response r;
  r.body = std::move(body);
  r.content_type = std::move(type);
  return r;
}

Response WithStatus(int status) {
  Response r = Page("status " + std::to_string(status), "text/plain");
  r.status = status;
  return r;
}

Response Redirect(int status, std::string location) {
  Response r = WithStatus(status);
  r.headers = {{"Location", std::move(location)}};
  return r;
}

class FetcherTest : public ::testing::Test {
 protected:
  FetchOptions Options() const {
    FetchOptions options;
    options.host_delay = milliseconds(20);
    options.retry_backoff = milliseconds(20);
    options.connect_timeout = milliseconds(2000);
    options.total_timeout = milliseconds(3000);
    options.stall_timeout = milliseconds(1500);
    options.proxy_from_environment = false;
    for (const char* host : {kNews, kOther}) options.resolve.push_back(site_.ResolveEntry(host));
    return options;
  }

  std::vector<FetchResult> Fetch(Fetcher& fetcher, const std::vector<FetchRequest>& requests) {
    std::vector<FetchResult> results(requests.size());
    std::vector<int> calls(requests.size(), 0);
    const Status status = fetcher.FetchAll(requests, [&](size_t i, FetchResult&& r) {
      results[i] = std::move(r);
      ++calls[i];
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << "request " << i;
    return results;
  }

  FetchResult FetchOne(const FetchOptions& options, const std::string& url) {
    Fetcher fetcher(options);
    return Fetch(fetcher, {{url, "", ""}})[0];
  }

  std::vector<LoggedRequest> LogOf(const std::string& host) const {
    std::vector<LoggedRequest> out;
    for (const LoggedRequest& r : site_.Log()) {
      if (r.host == host) out.push_back(r);
    }
    return out;
  }

  TestSite site_;
};

TEST_F(FetcherTest, FetchesWithOurHeadersAndDecodesGzip) {
  const std::string body = "<html><body>" + std::string(5000, 'x') + "</body></html>";
  Response page = Page(body);
  page.etag = "\"v1\"";
  page.last_modified = "Fri, 14 Jun 2024 09:00:00 GMT";
  site_.Set(kNews, "/a", page);
  const FetchResult r = FetchOne(Options(), site_.Url(kNews, "/a"));
  ASSERT_EQ(r.outcome, FetchOutcome::kOk) << r.error;
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.body, body);
  EXPECT_EQ(r.etag, "\"v1\"");
  EXPECT_EQ(r.last_modified, "Fri, 14 Jun 2024 09:00:00 GMT");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  const std::vector<LoggedRequest> log = LogOf(kNews);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].target, "/robots.txt");  // 404 here: everything allowed
  EXPECT_EQ(log[1].target, "/a");
  EXPECT_EQ(log[1].user_agent, DefaultUserAgent());
  EXPECT_THAT(log[1].user_agent, HasSubstr("newsloom/"));
  EXPECT_THAT(log[1].accept_encoding, HasSubstr("gzip"));
  EXPECT_EQ(log[1].content_encoding, "gzip");  // it came compressed and was decoded
}

TEST_F(FetcherTest, ConditionalRequestsGetNotModified) {
  Response page = Page("feed");
  page.etag = "\"abc\"";
  page.last_modified = "Fri, 14 Jun 2024 09:00:00 GMT";
  site_.Set(kNews, "/feed", page);
  Fetcher fetcher(Options());
  const std::string url = site_.Url(kNews, "/feed");
  const std::vector<FetchResult> r =
      Fetch(fetcher, {{url, "\"abc\"", ""}, {url, "", page.last_modified}, {url, "\"old\"", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kNotModified);
  EXPECT_EQ(r[1].outcome, FetchOutcome::kNotModified);
  EXPECT_EQ(r[2].outcome, FetchOutcome::kOk);
  const std::vector<LoggedRequest> log = LogOf(kNews);
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[1].if_none_match, "\"abc\"");
  EXPECT_EQ(log[2].if_modified_since, page.last_modified);
}

TEST_F(FetcherTest, ServerErrorsAreRetriedWithBackoff) {
  site_.SetSequence(kNews, "/flaky", {WithStatus(500), WithStatus(503), Page("finally")});
  site_.Set(kNews, "/down", WithStatus(502));
  Fetcher fetcher(Options());
  const std::vector<FetchResult> r =
      Fetch(fetcher, {{site_.Url(kNews, "/flaky"), "", ""}, {site_.Url(kNews, "/down"), "", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kOk);
  EXPECT_EQ(r[0].body, "finally");
  EXPECT_EQ(r[0].attempts, 3);
  EXPECT_EQ(r[1].outcome, FetchOutcome::kHttpError);
  EXPECT_EQ(r[1].error, "HTTP 502");
  EXPECT_EQ(r[1].attempts, 3);  // one try and max_retries retries
  EXPECT_TRUE(r[1].Transient());
  EXPECT_EQ(site_.Count(kNews, "/flaky"), 3u);
  EXPECT_EQ(site_.Count(kNews, "/down"), 3u);
  // The waits between tries grow: 20 ms, then 40 ms at least (after the host delay).
  std::vector<LoggedRequest> tries;
  for (const LoggedRequest& l : LogOf(kNews)) {
    if (l.target == "/down") tries.push_back(l);
  }
  ASSERT_EQ(tries.size(), 3u);
  EXPECT_GE(tries[2].start - tries[1].answered, milliseconds(40));
}

TEST_F(FetcherTest, ClientErrorsAreNotRetried) {
  const FetchResult r = FetchOne(Options(), site_.Url(kNews, "/missing"));
  EXPECT_EQ(r.outcome, FetchOutcome::kHttpError);
  EXPECT_EQ(r.http_status, 404);
  EXPECT_FALSE(r.Transient());
  EXPECT_EQ(site_.Count(kNews, "/missing"), 1u);
}

TEST_F(FetcherTest, FollowsRedirectsAndStopsLoops) {
  site_.Set(kNews, "/old", Redirect(301, "/older"));
  site_.Set(kNews, "/older", Redirect(302, site_.Url(kOther, "/new")));
  site_.Set(kOther, "/new", Page("moved here"));
  site_.Set(kNews, "/loop-a", Redirect(302, "/loop-b"));
  site_.Set(kNews, "/loop-b", Redirect(307, "/loop-a"));
  for (int i = 0; i < 8; ++i) {
    site_.Set(kNews, "/hop" + std::to_string(i), Redirect(308, "/hop" + std::to_string(i + 1)));
  }
  site_.Set(kNews, "/nowhere", WithStatus(302));  // no Location
  Fetcher fetcher(Options());
  const std::vector<FetchResult> r = Fetch(fetcher, {{site_.Url(kNews, "/old"), "", ""},
                                                     {site_.Url(kNews, "/loop-a"), "", ""},
                                                     {site_.Url(kNews, "/hop0"), "", ""},
                                                     {site_.Url(kNews, "/nowhere"), "", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kOk);
  EXPECT_EQ(r[0].body, "moved here");
  EXPECT_EQ(r[0].final_url, site_.Url(kOther, "/new"));
  EXPECT_EQ(r[1].outcome, FetchOutcome::kRedirectLoop);
  EXPECT_THAT(r[1].error, HasSubstr("/loop-b"));
  EXPECT_EQ(r[2].outcome, FetchOutcome::kTooManyRedirects);
  EXPECT_EQ(site_.Count(kNews, "/hop5"), 1u);
  EXPECT_EQ(site_.Count(kNews, "/hop6"), 0u);  // five redirects followed, no more
  EXPECT_EQ(r[3].outcome, FetchOutcome::kHttpError);
  EXPECT_EQ(site_.Count(kNews, "/loop-a"), 1u);
  EXPECT_EQ(site_.Count(kNews, "/loop-b"), 1u);
  // The other host's robots.txt was asked before its page.
  const std::vector<LoggedRequest> other = LogOf(kOther);
  ASSERT_EQ(other.size(), 2u);
  EXPECT_EQ(other[0].target, "/robots.txt");
}

TEST_F(FetcherTest, RedirectIntoADisallowedPathIsNotFollowed) {
  site_.Set(kOther, "/robots.txt", Page("User-agent: *\nDisallow: /private/\n", "text/plain"));
  site_.Set(kNews, "/go", Redirect(302, site_.Url(kOther, "/private/page")));
  site_.Set(kOther, "/private/page", Page("secret"));
  const FetchResult r = FetchOne(Options(), site_.Url(kNews, "/go"));
  EXPECT_EQ(r.outcome, FetchOutcome::kDisallowed);
  EXPECT_EQ(site_.Count(kOther, "/private/page"), 0u);
}

TEST_F(FetcherTest, SizeLimitHoldsWhileReceiving) {
  FetchOptions options = Options();
  options.max_page_bytes = 100'000;
  // Compresses to far below the limit, so only the decoded size can tell.
  site_.Set(kNews, "/big-text", Page(std::string(1'000'000, 'a')));
  // Not compressible by type: refused from its Content-Length.
  site_.Set(kNews, "/big-binary", Page(std::string(1'000'000, '\x01'), "application/octet-stream"));
  site_.Set(kNews, "/small", Page(std::string(100'000, 'b')));
  Fetcher fetcher(options);
  const std::vector<FetchResult> r = Fetch(fetcher, {{site_.Url(kNews, "/big-text"), "", ""},
                                                     {site_.Url(kNews, "/big-binary"), "", ""},
                                                     {site_.Url(kNews, "/small"), "", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kTooLarge);
  EXPECT_LE(r[0].body.size(), 100'000u);
  EXPECT_EQ(r[1].outcome, FetchOutcome::kTooLarge);
  EXPECT_EQ(r[2].outcome, FetchOutcome::kOk);
  EXPECT_FALSE(r[0].Transient());
  EXPECT_EQ(site_.Count(kNews, "/big-text"), 1u);  // not retried
}

TEST_F(FetcherTest, SlowServersTimeOut) {
  FetchOptions options = Options();
  options.total_timeout = milliseconds(300);
  options.max_retries = 1;
  Response slow = Page("late");
  slow.delay = milliseconds(1500);
  site_.Set(kNews, "/slow", slow);
  const auto start = std::chrono::steady_clock::now();
  const FetchResult r = FetchOne(options, site_.Url(kNews, "/slow"));
  EXPECT_EQ(r.outcome, FetchOutcome::kTimeout);
  EXPECT_THAT(r.error, HasSubstr("timed out"));
  EXPECT_TRUE(r.Transient());
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(site_.Count(kNews, "/slow"), 2u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST_F(FetcherTest, StalledTransfersAreAbandoned) {
  FetchOptions options = Options();
  options.stall_timeout = milliseconds(200);
  options.max_retries = 0;
  Response stalled = Page(std::string(200'000, 'z'));
  stalled.stall = milliseconds(2000);
  site_.Set(kOther, "/stalled", stalled);
  const auto start = std::chrono::steady_clock::now();
  const FetchResult r = FetchOne(options, site_.Url(kOther, "/stalled"));
  EXPECT_EQ(r.outcome, FetchOutcome::kStalled);
  EXPECT_THAT(r.error, HasSubstr("stalled"));
  EXPECT_TRUE(r.Transient());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
}

TEST_F(FetcherTest, ConnectionRefused) {
  FetchOptions options = Options();
  const int port = ClosedPort();
  options.resolve.push_back("down.test:" + std::to_string(port) + ":127.0.0.1");
  const FetchResult r = FetchOne(options, "http://down.test:" + std::to_string(port) + "/a");
  // robots.txt is unreachable first, which keeps the whole origin closed for a while.
  EXPECT_EQ(r.outcome, FetchOutcome::kRobotsUnavailable);
  EXPECT_THAT(r.error, HasSubstr("robots.txt unreachable"));
  EXPECT_TRUE(r.Transient());
}

TEST_F(FetcherTest, BadUrls) {
  Fetcher fetcher(Options());
  const std::vector<FetchResult> r =
      Fetch(fetcher, {{"ftp://news.test/a", "", ""}, {"not a url", "", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kBadUrl);
  EXPECT_EQ(r[1].outcome, FetchOutcome::kBadUrl);
  EXPECT_TRUE(site_.Log().empty());
}

TEST_F(FetcherTest, RobotsRulesAndTheirCache) {
  site_.Set(kNews, "/robots.txt",
            Page("User-agent: *\nDisallow: /\n\nUser-agent: newsloom\nDisallow: /private/\n",
                 "text/plain"));
  site_.Set(kNews, "/public/a", Page("a"));
  site_.Set(kNews, "/private/b", Page("b"));
  Fetcher fetcher(Options());
  for (int batch = 0; batch < 2; ++batch) {
    const std::vector<FetchResult> r = Fetch(fetcher, {{site_.Url(kNews, "/public/a"), "", ""},
                                                       {site_.Url(kNews, "/private/b"), "", ""}});
    EXPECT_EQ(r[0].outcome, FetchOutcome::kOk);
    EXPECT_EQ(r[1].outcome, FetchOutcome::kDisallowed);
    EXPECT_FALSE(r[1].Transient());
  }
  EXPECT_EQ(site_.Count(kNews, "/private/b"), 0u);
  EXPECT_EQ(site_.Count(kNews, "/robots.txt"), 1u);  // cached per origin across batches
}

TEST_F(FetcherTest, RobotsTxtRedirectsAreFollowed) {
  site_.Set(kNews, "/robots.txt", Redirect(301, site_.Url(kOther, "/shared-robots.txt")));
  site_.Set(kOther, "/shared-robots.txt",
            Page("User-agent: *\nDisallow: /blocked\n", "text/plain"));
  site_.Set(kNews, "/blocked", Page("no"));
  site_.Set(kNews, "/open", Page("yes"));
  Fetcher fetcher(Options());
  const std::vector<FetchResult> r =
      Fetch(fetcher, {{site_.Url(kNews, "/blocked"), "", ""}, {site_.Url(kNews, "/open"), "", ""}});
  EXPECT_EQ(r[0].outcome, FetchOutcome::kDisallowed);
  EXPECT_EQ(r[1].outcome, FetchOutcome::kOk);
  EXPECT_EQ(site_.Count(kNews, "/blocked"), 0u);
  EXPECT_EQ(site_.Count(kOther, "/shared-robots.txt"), 1u);
}

TEST_F(FetcherTest, UnreachableRobotsDisallowsEverything) {
  site_.Set(kNews, "/robots.txt", WithStatus(503));
  site_.Set(kNews, "/a", Page("a"));
  site_.SetSequence(kOther, "/robots.txt", {WithStatus(500), Page("User-agent: *\nAllow: /\n")});
  site_.Set(kOther, "/b", Page("b"));
  const std::vector<FetchResult> r = [&] {
    Fetcher fetcher(Options());
    return Fetch(fetcher, {{site_.Url(kNews, "/a"), "", ""}, {site_.Url(kOther, "/b"), "", ""}});
  }();
  EXPECT_EQ(r[0].outcome, FetchOutcome::kRobotsUnavailable);
  EXPECT_EQ(site_.Count(kNews, "/a"), 0u);
  EXPECT_EQ(site_.Count(kNews, "/robots.txt"), 3u);  // retried like any 5xx
  EXPECT_EQ(r[1].outcome, FetchOutcome::kOk);        // a passing 500 is retried
}

TEST_F(FetcherTest, OneConnectionPerHostWithTheDelayBetween) {
  FetchOptions options = Options();
  options.host_delay = milliseconds(120);
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 5; ++i) {
    for (const char* host : {kNews, kOther}) {
      const std::string path = "/p" + std::to_string(i);
      site_.Set(host, path, Page("page " + std::to_string(i)));
      requests.push_back({site_.Url(host, path), "", ""});
    }
  }
  Fetcher fetcher(options);
  for (const FetchResult& r : Fetch(fetcher, requests)) EXPECT_TRUE(r.ok()) << r.error;
  for (const char* host : {kNews, kOther}) {
    const std::vector<LoggedRequest> log = LogOf(host);
    ASSERT_EQ(log.size(), 6u) << host;
    EXPECT_EQ(log[0].target, "/robots.txt");
    for (size_t i = 1; i < log.size(); ++i) {
      EXPECT_EQ(log[i].target, "/p" + std::to_string(i - 1)) << "in the order given";
      // A full delay after the previous response, which was written before this request came.
      EXPECT_GE(log[i].start - log[i - 1].answered, options.host_delay) << host << " request " << i;
      EXPECT_GE(log[i].start, log[i - 1].end);
    }
    EXPECT_EQ(site_.MaxConcurrent(host), 1) << host;
  }
  // The hosts were served side by side, not one after the other.
  EXPECT_LT(LogOf(kOther)[1].start, LogOf(kNews)[5].start);
  EXPECT_LT(LogOf(kNews)[1].start, LogOf(kOther)[5].start);
}

TEST_F(FetcherTest, LargerCrawlDelayWinsAndTooLargeOneRefuses) {
  FetchOptions options = Options();
  options.max_crawl_delay = milliseconds(1000);
  site_.Set(kNews, "/robots.txt", Page("User-agent: *\nCrawl-delay: 0.25\n", "text/plain"));
  site_.Set(kOther, "/robots.txt", Page("User-agent: *\nCrawl-delay: 30\n", "text/plain"));
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 3; ++i) {
    site_.Set(kNews, "/c" + std::to_string(i), Page("c"));
    requests.push_back({site_.Url(kNews, "/c" + std::to_string(i)), "", ""});
  }
  requests.push_back({site_.Url(kOther, "/x"), "", ""});
  Fetcher fetcher(options);
  const std::vector<FetchResult> r = Fetch(fetcher, requests);
  EXPECT_EQ(r[3].outcome, FetchOutcome::kDisallowed);
  EXPECT_THAT(r[3].error, HasSubstr("Crawl-delay"));
  EXPECT_EQ(site_.Count(kOther, "/x"), 0u);
  const std::vector<LoggedRequest> log = LogOf(kNews);
  ASSERT_EQ(log.size(), 4u);
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_GE(log[i].start - log[i - 1].answered, milliseconds(250));
  }
}

}  // namespace
}  // namespace newsloom::fetch
