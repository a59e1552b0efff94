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

#include "newsloom/fetch.h"
#include "newsloom/status.h"

namespace newsloom::fetch {

// "newsloom/<version>".

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
