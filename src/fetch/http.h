// Polite HTTP with libcurl's multi interface: one request at a time per host with a delay between
// them (the larger of ours and the host's robots.txt Crawl-delay), hosts in parallel, robots.txt
// fetched and obeyed per origin, redirects followed hop by hop (each hop obeying the rules of its
// own host), retries with exponential backoff, conditional requests, and limits on size and time.
#ifndef NEWSLOOM_FETCH_HTTP_H_
#define NEWSLOOM_FETCH_HTTP_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::fetch {

// "newsloom/<version>".
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

enum class FetchOutcome {
  kOk,                 // 2xx: the body is in the result
  kNotModified,        // 304 to a conditional request
  kHttpError,          // any other final status (4xx without retry, 5xx after the retries)
  kDisallowed,         // robots.txt forbids it (or asks for a Crawl-delay over the limit)
  kRobotsUnavailable,  // robots.txt is unreachable: nothing of that origin is fetched for a while
  kTooLarge,           // the body passed max_page_bytes
  kTimeout,            // connect or total timeout
  kStalled,            // nothing received for stall_timeout
  kRedirectLoop,
  kTooManyRedirects,
  kNetworkError,  // refused connection, unknown host, TLS failure, broken transfer, ...
  kBadUrl,        // not an absolute http(s) URL
};

// "ok", "not-modified", "http-error", "disallowed", ...
std::string_view OutcomeName(FetchOutcome outcome);

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
};

struct FetchResult {
  FetchOutcome outcome = FetchOutcome::kNetworkError;
  int http_status = 0;    // of the last response, 0 when none arrived
  std::string final_url;  // the URL of the last hop
  std::string content_type;
  std::string etag;  // validators of the response, "" when it sent none
  std::string last_modified;
  std::string body;   // for kOk; otherwise whatever arrived, which may be cut short
  std::string error;  // for failures: what happened, e.g. "HTTP 404", "redirect loop: ..."
  int attempts = 0;   // requests made for the last hop

  bool ok() const { return outcome == FetchOutcome::kOk; }
  // Failures that may pass by themselves (server errors, timeouts, stalls, network errors, an
  // unreachable robots.txt): worth another try at a later poll. The others are final.
  bool Transient() const;
};

// Fetches batches of URLs politely. Keeps, across batches, when each host may next be asked and
// the robots.txt rules of each origin. Not thread-safe: one thread drives it.
class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches every request and calls `done(i, result)` once for request i when it has finished,
  // on the calling thread, in order of completion (`done` must not call FetchAll). Requests to
  // one host are sent one at a time in the order given (robots.txt first), host_delay apart;
  // different hosts are fetched in parallel. Returns once all are done (or, after
  // options().cancelled, once the transfers under way are); fails only when libcurl cannot be set
  // up.
  Status FetchAll(const std::vector<FetchRequest>& requests,
                  const std::function<void(size_t, FetchResult&&)>& done);

  const FetchOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_HTTP_H_
