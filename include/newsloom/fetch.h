// Live sources as the fetch library reads them: how pages are fetched (politely: robots.txt, one
// connection per host, a delay between requests) and feeds parsed, how often sources are polled,
// and what each poll reports. `newsloom/watch.h` stores what a poll brings.
#ifndef NEWSLOOM_FETCH_H_
#define NEWSLOOM_FETCH_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace newsloom::fetch {

using TimePoint = std::chrono::system_clock::time_point;

// "newsloom/VERSION".
std::string DefaultUserAgent();

struct FetchOptions {
  std::string user_agent = DefaultUserAgent();
  // The product token looked up in robots.txt user-agent lines.
  std::string robots_token = "newsloom";
  // Between the end of one request to a host and the start of the next. A longer robots.txt
  // Crawl-delay wins.
  std::chrono::milliseconds host_delay{1000};
  // A host whose robots.txt asks for a longer Crawl-delay is not fetched at all ("disallowed").
  std::chrono::milliseconds max_crawl_delay{60'000};
  // Larger responses are abandoned while they arrive (the limit applies to the decoded body).
  uint64_t max_page_bytes = 16u << 20;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};  // one request, from start to last byte
  std::chrono::milliseconds stall_timeout{15'000};  // no byte received for this long: abandoned
  int max_redirects = 5;
  // 5xx answers, 429, timeouts and stalls are tried again this many times, after retry_backoff,
  // then twice that, and so on (or the server's Retry-After when longer, up to max_retry_after).
  int max_retries = 2;
  std::chrono::milliseconds retry_backoff{2000};
  std::chrono::milliseconds max_retry_after{60'000};  // a longer Retry-After: no retry now
  std::chrono::milliseconds robots_ttl{std::chrono::hours(24)};  // RFC 9309: at most a day
  // How long an unreachable robots.txt (5xx, no connection) keeps its origin disallowed.
  std::chrono::milliseconds robots_error_ttl{std::chrono::minutes(10)};
  size_t max_parallel_hosts = 8;
  // libcurl CURLOPT_RESOLVE entries, "host:port:address": names resolved without DNS.
  std::vector<std::string> resolve;
  // Honour http_proxy, https_proxy and no_proxy from the environment.
  bool proxy_from_environment = true;
  // Asked between transfers; once true, FetchAll starts nothing more: the transfers under way
  // finish and the requests not started are dropped without a call to `done`.
  std::function<bool()> cancelled;
};

struct ParseOptions {
  uint64_t max_bytes = 32u << 20;  // larger documents (after gunzip) are refused
  size_t max_items = 1000;         // items kept, in document order; the rest only counted
  size_t max_children = 50;        // sources kept of an index, an OPML list or a front page
  size_t max_summary_bytes = 2000;
};

struct WatchOptions {
  // A source is polled again this long after its last poll. The sources a source names are
  // polled with it.
  std::chrono::seconds interval{300};
  FetchOptions fetch;
  ParseOptions parse;
  // How far sources named by sources are followed: a front page (0) -> its feed (1); an OPML
  // list (0) -> a sitemap index (1) -> its sitemaps (2).
  int max_depth = 2;
  // An article that failed in a way that may pass is tried again at later polls, no sooner than
  // retry_delay after the last attempt, until it has had this many attempts in all.
  int max_article_attempts = 3;
  std::chrono::seconds retry_delay{std::chrono::hours(1)};
  // The wall clock; the system clock when empty (tests set their own).
  std::function<TimePoint()> clock;
  // Asked while fetching; once true, the poll starts no more requests and ends after the ones
  // under way: what was not fetched stays in the state for the next poll.
  std::function<bool()> stop;
};

// Something skipped or failed, against the source that listed it.
struct PollProblem {
  std::string source;  // canonical URL of the source
  std::string url;     // the URL concerned (the source itself, or one of its items)
  std::string reason;
};

struct PollReport {
  size_t sources_polled = 0;
  size_t sources_not_modified = 0;
  size_t sources_failed = 0;
  size_t items = 0;           // items read from the sources that answered with a document
  size_t new_urls = 0;        // of them, URLs not met before
  size_t pages = 0;           // pages handed on
  size_t fetch_failures = 0;  // article fetches that failed (disallowed ones included)
  // In the order met: sources in poll order, then articles in the order they are handed on. A
  // source or an article that keeps failing for the same reason is reported at its first failure
  // only (an article's attempts end with a final failure, or after max_article_attempts).
  std::vector<PollProblem> problems;
};

class Watcher;  // fetch/watcher.h

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_H_
