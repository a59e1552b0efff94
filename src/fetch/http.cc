#include "fetch/http.h"

#include <curl/curl.h>

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "fetch/robots.h"
#include "fetch/url.h"

#ifndef NEWSLOOM_VERSION
#define NEWSLOOM_VERSION "0"
#endif

namespace newsloom::fetch {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

long Millis(milliseconds d) { return static_cast<long>(std::max<int64_t>(d.count(), 1)); }

std::string HeaderValue(CURL* easy, const char* name) {
  struct curl_header* header = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK) return "";
  return header->value != nullptr ? header->value : "";
}

// Seconds of a Retry-After header (delta seconds or an HTTP date); -1 when absent or unreadable.
long RetryAfterSeconds(CURL* easy) {
  const std::string value = HeaderValue(easy, "Retry-After");
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return value.size() > 9 ? -1 : std::stol(value);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  return std::max<long>(0, static_cast<long>(when - time(nullptr)));
}

bool IsRedirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool RetryableStatus(long status) { return status >= 500 || status == 429; }

}  // namespace

std::string DefaultUserAgent() { return std::string("newsloom/") + NEWSLOOM_VERSION; }

std::string_view OutcomeName(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::kOk:
      return "ok";
    case FetchOutcome::kNotModified:
      return "not-modified";
    case FetchOutcome::kHttpError:
      return "http-error";
    case FetchOutcome::kDisallowed:
      return "disallowed";
    case FetchOutcome::kRobotsUnavailable:
      return "robots-unavailable";
    case FetchOutcome::kTooLarge:
      return "too-large";
    case FetchOutcome::kTimeout:
      return "timeout";
    case FetchOutcome::kStalled:
      return "stalled";
    case FetchOutcome::kRedirectLoop:
      return "redirect-loop";
    case FetchOutcome::kTooManyRedirects:
      return "too-many-redirects";
    case FetchOutcome::kNetworkError:
      return "network-error";
    case FetchOutcome::kBadUrl:
      return "bad-url";
  }
  return "";
}

bool FetchResult::Transient() const {
  switch (outcome) {
    case FetchOutcome::kHttpError:
      return RetryableStatus(http_status);
    case FetchOutcome::kRobotsUnavailable:
    case FetchOutcome::kTimeout:
    case FetchOutcome::kStalled:
    case FetchOutcome::kNetworkError:
      return true;
    default:
      return false;
  }
}

struct Fetcher::Impl {
  // One URL to fetch, or the robots.txt of one origin, travelling through the queues of the hosts
  // its redirects lead to.
  struct Job {
    size_t index = 0;
    bool robots = false;
    std::string robots_origin;  // for robots jobs: whose rules these will be
    FetchRequest request;
    std::string url;                 // the current hop
    std::string origin;              // of the current hop
    std::vector<std::string> chain;  // the hops before it
    int attempts = 0;                // of the current hop
    Clock::time_point not_before{};
  };

  struct Host {
    std::deque<std::unique_ptr<Job>> queue;
    bool busy = false;
    Clock::time_point next_start{};
    milliseconds delay{0};
  };

  struct Robots {
    bool ready = false;
    RobotsRules rules;
    FetchOutcome refusal = FetchOutcome::kOk;  // kDisallowed or kRobotsUnavailable for all
    std::string reason;
    Clock::time_point expires{};
  };

  struct Transfer {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::unique_ptr<Job> job;
    std::string host;
    std::string body;
    uint64_t limit = 0;
    bool too_large = false;
    bool stalled = false;
    Clock::time_point last_progress{};
    char error[CURL_ERROR_SIZE] = {0};
  };

  explicit Impl(FetchOptions opts) : options(std::move(opts)) {}
  ~Impl() {
    for (auto& [easy, transfer] : active) {
      curl_multi_remove_handle(multi, easy);
      curl_easy_cleanup(easy);
      curl_slist_free_all(transfer->headers);
    }
    if (multi != nullptr) curl_multi_cleanup(multi);
    curl_slist_free_all(resolve);
  }

  Status Init() {
    if (multi != nullptr) return Status::Ok();
    GlobalInitOnce();
    multi = curl_multi_init();
    if (multi == nullptr) return Status::Internal("libcurl: cannot create a multi handle");
    // We never start two transfers to one host; libcurl is told so as well.
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS,
                      static_cast<long>(options.max_parallel_hosts * 2));
    for (const std::string& entry : options.resolve) {
      resolve = curl_slist_append(resolve, entry.c_str());
    }
    return Status::Ok();
  }

  Host& HostFor(const std::string& host) {
    auto [it, added] = hosts.try_emplace(host);
    if (added) it->second.delay = options.host_delay;
    return it->second;
  }

  void Enqueue(std::unique_ptr<Job> job, bool front) {
    Host& host = HostFor(HostOf(job->url));
    if (front) {
      host.queue.push_front(std::move(job));
    } else {
      host.queue.push_back(std::move(job));
    }
  }

  void Complete(std::unique_ptr<Job> job, FetchResult&& result) {
    if (job->robots) {
      SetRobots(job->robots_origin, result);
      return;
    }
    --pending;
    (*done)(job->index, std::move(result));
  }

  void CompleteWith(std::unique_ptr<Job> job, FetchOutcome outcome, std::string error) {
    FetchResult result;
    result.outcome = outcome;
    result.final_url = job->url;
    result.error = std::move(error);
    Complete(std::move(job), std::move(result));
  }

  // What robots.txt says about a job: nullptr when it may go, else the robots entry that refuses.
  // Starts the robots.txt fetch of the origin when its rules are unknown or stale (returns the
  // entry, not ready).
  Robots* RobotsVerdict(Job& job, Host& host, Clock::time_point now) {
    const std::string& origin = job.origin;
    Robots& entry = robots[origin];
    if (entry.ready && entry.expires <= now) entry = Robots();
    if (!entry.ready) {
      if (!fetching_robots.insert(origin).second) return &entry;
      auto fetch = std::make_unique<Job>();
      fetch->robots = true;
      fetch->robots_origin = origin;
      fetch->url = origin + "/robots.txt";
      fetch->origin = origin;
      fetch->not_before = now;
      host.queue.push_front(std::move(fetch));
      return &entry;
    }
    if (entry.refusal != FetchOutcome::kOk) return &entry;
    if (!entry.rules.Allowed(PathAndQueryOf(job.url))) return &entry;
    return nullptr;
  }

  // Starts the next job of an idle host when it may go; jobs that robots.txt refuses complete
  // on the spot.
  void StartNext(Host& host, const std::string& name, Clock::time_point now) {
    auto it = host.queue.begin();
    while (it != host.queue.end()) {
      Job& job = **it;
      if (job.not_before > now) {
        ++it;
        continue;
      }
      if (!job.robots) {
        const size_t queued = host.queue.size();
        Robots* verdict = RobotsVerdict(job, host, now);
        if (host.queue.size() != queued) {  // a robots.txt fetch went to the front
          it = host.queue.begin();
          continue;
        }
        if (verdict != nullptr && !verdict->ready) {
          ++it;
          continue;
        }
        if (verdict != nullptr) {
          std::unique_ptr<Job> refused = std::move(*it);
          it = host.queue.erase(it);
          const bool unavailable = verdict->refusal == FetchOutcome::kRobotsUnavailable;
          CompleteWith(std::move(refused),
                       unavailable ? FetchOutcome::kRobotsUnavailable : FetchOutcome::kDisallowed,
                       verdict->reason.empty() ? "disallowed by robots.txt" : verdict->reason);
          continue;
        }
      }
      if (now < host.next_start) return;
      std::unique_ptr<Job> ready = std::move(*it);
      host.queue.erase(it);
      host.busy = true;
      Start(std::move(ready), name, now);
      return;
    }
  }

  static size_t OnBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    t->last_progress = Clock::now();
    if (t->body.size() + bytes > t->limit) {
      t->body.append(data, t->limit - t->body.size());
      t->too_large = true;
      return 0;  // aborts the transfer
    }
    t->body.append(data, bytes);
    return bytes;
  }

  static size_t OnHeader(char*, size_t size, size_t count, void* user) {
    static_cast<Transfer*>(user)->last_progress = Clock::now();
    return size * count;
  }

  void Start(std::unique_ptr<Job> job, const std::string& host, Clock::time_point now) {
    auto t = std::make_unique<Transfer>();
    t->easy = curl_easy_init();
    if (t->easy == nullptr) {
      HostFor(host).busy = false;
      CompleteWith(std::move(job), FetchOutcome::kNetworkError, "libcurl: out of memory");
      return;
    }
    t->host = host;
    t->limit = job->robots ? kMaxRobotsBytes : options.max_page_bytes;
    t->last_progress = now;
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, job->url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // each hop is queued and checked by us
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, Millis(options.connect_timeout));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, Millis(options.total_timeout));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->limit));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    if (resolve != nullptr) curl_easy_setopt(e, CURLOPT_RESOLVE, resolve);
    if (!options.proxy_from_environment) curl_easy_setopt(e, CURLOPT_PROXY, "");
    if (!job->request.etag.empty()) {
      t->headers = curl_slist_append(t->headers, ("If-None-Match: " + job->request.etag).c_str());
    }
    if (!job->request.last_modified.empty()) {
      t->headers = curl_slist_append(t->headers,
                                     ("If-Modified-Since: " + job->request.last_modified).c_str());
    }
    if (t->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    t->job = std::move(job);
    curl_multi_add_handle(multi, e);
    active.emplace(e, std::move(t));
  }

  FetchResult ResultOf(Transfer& t, CURLcode code) {
    FetchResult r;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    r.http_status = static_cast<int>(status);
    r.final_url = t.job->url;
    r.attempts = t.job->attempts;
    const char* type = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &type);
    if (type != nullptr) r.content_type = type;
    r.etag = HeaderValue(t.easy, "ETag");
    r.last_modified = HeaderValue(t.easy, "Last-Modified");
    r.body = std::move(t.body);
    const uint64_t limit = t.limit;
    if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      r.outcome = FetchOutcome::kTooLarge;
      r.error = "larger than the limit of " + std::to_string(limit) + " bytes";
    } else if (t.stalled) {
      r.outcome = FetchOutcome::kStalled;
      r.error =
          "stalled: nothing received for " + std::to_string(options.stall_timeout.count()) + " ms";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      r.outcome = FetchOutcome::kTimeout;
      r.error = std::string("timed out: ") + (t.error[0] ? t.error : curl_easy_strerror(code));
    } else if (code != CURLE_OK) {
      r.outcome = FetchOutcome::kNetworkError;
      r.error = t.error[0] ? t.error : curl_easy_strerror(code);
    } else if (status == 304) {
      r.outcome = FetchOutcome::kNotModified;
    } else if (status >= 200 && status < 300) {
      r.outcome = FetchOutcome::kOk;
    } else {
      r.outcome = FetchOutcome::kHttpError;
      r.error = "HTTP " + std::to_string(status);
    }
    return r;
  }

  // Queues the next hop of a redirect; false (with `result` set to the failure) when the chain
  // has looped or grown too long.
  bool FollowRedirect(Transfer& t, FetchResult* result) {
    char* location = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_URL, &location);
    Job& job = *t.job;
    const Result<std::string> next =
        location != nullptr ? ResolveUrl(job.url, location) : Result<std::string>(Status());
    if (location == nullptr || !next.ok()) {
      result->outcome = FetchOutcome::kHttpError;
      result->error = "HTTP " + std::to_string(result->http_status) + " without a usable Location";
      return false;
    }
    job.chain.push_back(job.url);
    if (std::find(job.chain.begin(), job.chain.end(), *next) != job.chain.end()) {
      result->outcome = FetchOutcome::kRedirectLoop;
      result->error = "redirect loop:";
      for (const std::string& hop : job.chain) result->error += " " + hop + " ->";
      result->error += " " + *next;
      return false;
    }
    if (static_cast<int>(job.chain.size()) > options.max_redirects) {
      result->outcome = FetchOutcome::kTooManyRedirects;
      result->error = "more than " + std::to_string(options.max_redirects) + " redirects";
      return false;
    }
    job.url = *next;
    job.origin = OriginOf(job.url);
    job.attempts = 0;
    job.not_before = Clock::now();
    Enqueue(std::move(t.job), /*front=*/true);
    return true;
  }

  // When to try a failed hop again; nullopt when it should not be retried now.
  std::optional<Clock::time_point> RetryTime(Transfer& t, const FetchResult& r,
                                             Clock::time_point now) {
    const bool retryable =
        r.outcome == FetchOutcome::kTimeout || r.outcome == FetchOutcome::kStalled ||
        (r.outcome == FetchOutcome::kHttpError && RetryableStatus(r.http_status));
    if (!retryable || t.job->attempts > options.max_retries) return std::nullopt;
    milliseconds wait = options.retry_backoff * (1 << std::min(t.job->attempts - 1, 16));
    const long retry_after = RetryAfterSeconds(t.easy);
    if (retry_after >= 0) {
      const milliseconds asked{retry_after * 1000};
      if (asked > options.max_retry_after) return std::nullopt;
      wait = std::max(wait, asked);
    }
    return now + wait;
  }

  void Finish(CURL* easy, CURLcode code) {
    auto found = active.find(easy);
    if (found == active.end()) return;
    std::unique_ptr<Transfer> t = std::move(found->second);
    active.erase(found);
    curl_multi_remove_handle(multi, easy);
    const Clock::time_point now = Clock::now();
    Host& host = HostFor(t->host);
    host.busy = false;
    host.next_start = now + host.delay;
    ++t->job->attempts;

    FetchResult result = ResultOf(*t, code);
    bool handed_on = false;
    if (t->job->robots && result.outcome == FetchOutcome::kTooLarge && result.http_status < 300) {
      result.outcome = FetchOutcome::kOk;  // robots.txt: its first kMaxRobotsBytes are enough
    }
    if (result.outcome == FetchOutcome::kHttpError && IsRedirect(result.http_status)) {
      handed_on = FollowRedirect(*t, &result);
    } else if (auto retry = RetryTime(*t, result, now)) {
      t->job->not_before = *retry;
      Enqueue(std::move(t->job), /*front=*/false);
      handed_on = true;
    }
    if (!handed_on) Complete(std::move(t->job), std::move(result));
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
  }

  // Records what an origin's robots.txt fetch gave (RFC 9309, 2.3.1): rules from a 2xx, no rules
  // after a 4xx or a failed redirect chain, everything refused for a while when unreachable.
  void SetRobots(const std::string& origin, const FetchResult& r) {
    const Clock::time_point now = Clock::now();
    Robots entry;
    entry.ready = true;
    entry.expires = now + options.robots_ttl;
    const bool client_error = r.http_status >= 400 && r.http_status < 500 && r.http_status != 429;
    const bool redirects_failed =
        r.outcome == FetchOutcome::kRedirectLoop || r.outcome == FetchOutcome::kTooManyRedirects;
    if (r.ok()) {
      entry.rules = ParseRobots(r.body, options.robots_token);
    } else if (!client_error && !redirects_failed) {
      entry.refusal = FetchOutcome::kRobotsUnavailable;
      entry.reason = "robots.txt unreachable (" + r.error + ")";
      entry.expires = now + options.robots_error_ttl;
    }
    if (entry.rules.crawl_delay_seconds) {
      const milliseconds asked{
          static_cast<int64_t>(std::min(*entry.rules.crawl_delay_seconds, 1e9) * 1000)};
      if (asked > options.max_crawl_delay) {
        entry.refusal = FetchOutcome::kDisallowed;
        entry.reason = "robots.txt Crawl-delay of " + std::to_string(asked.count() / 1000) +
                       " s is over the limit of " +
                       std::to_string(options.max_crawl_delay.count() / 1000) + " s";
      } else {
        Host& host = HostFor(HostOf(origin));
        host.delay = std::max(host.delay, asked);
        host.next_start = std::max(host.next_start, now + host.delay);
      }
    }
    robots[origin] = std::move(entry);
    fetching_robots.erase(origin);
  }

  void AbandonStalled(Clock::time_point now) {
    std::vector<CURL*> stalled;
    for (auto& [easy, t] : active) {
      if (now - t->last_progress > options.stall_timeout) {
        t->stalled = true;
        stalled.push_back(easy);
      }
    }
    for (CURL* easy : stalled) Finish(easy, CURLE_OPERATION_TIMEDOUT);
  }

  // How long the loop may sleep before some host can start its next job.
  milliseconds Wait(Clock::time_point now) {
    milliseconds wait{100};
    if (active.size() >= options.max_parallel_hosts) return wait;  // woken by their sockets
    for (auto& [name, host] : hosts) {
      if (host.busy || host.queue.empty()) continue;
      Clock::time_point when = host.next_start;
      Clock::time_point earliest = Clock::time_point::max();
      for (const auto& job : host.queue) {
        // A job waiting for a robots.txt that is being fetched (after a redirect, on another
        // host) cannot start before that fetch ends, which wakes the loop anyway.
        if (!job->robots && fetching_robots.count(job->origin) > 0) continue;
        earliest = std::min(earliest, job->not_before);
      }
      if (earliest == Clock::time_point::max()) continue;
      when = std::max(when, earliest);
      const auto until = std::chrono::duration_cast<milliseconds>(when - now);
      wait = std::min(wait, std::max(until, milliseconds(0)));
    }
    return wait;
  }

  // Drops the requests not started yet. robots.txt fetches stay queued (others of their origin may
  // wait on them in a later batch); they are not counted as pending.
  void DropQueued() {
    for (auto& [name, host] : hosts) {
      std::deque<std::unique_ptr<Job>> kept;
      for (std::unique_ptr<Job>& job : host.queue) {
        if (job->robots) {
          kept.push_back(std::move(job));
        } else {
          --pending;
        }
      }
      host.queue = std::move(kept);
    }
  }

  Status Run() {
    while (pending > 0) {
      const bool cancelled = options.cancelled && options.cancelled();
      if (cancelled) {
        DropQueued();
        if (pending == 0) break;
      }
      Clock::time_point now = Clock::now();
      for (auto& [name, host] : hosts) {
        if (!cancelled && !host.busy && !host.queue.empty() &&
            active.size() < options.max_parallel_hosts) {
          StartNext(host, name, now);
        }
      }
      int running = 0;
      if (curl_multi_perform(multi, &running) != CURLM_OK) {
        return Status::Internal("libcurl multi interface failed");
      }
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* easy = msg->easy_handle;
        const CURLcode code = msg->data.result;
        Finish(easy, code);
      }
      AbandonStalled(Clock::now());
      if (pending == 0) break;
      const milliseconds wait = Wait(Clock::now());
      if (!active.empty() || wait.count() > 0) {
        curl_multi_poll(multi, nullptr, 0, static_cast<int>(std::max<int64_t>(wait.count(), 1)),
                        nullptr);
      }
    }
    return Status::Ok();
  }

  FetchOptions options;
  CURLM* multi = nullptr;
  curl_slist* resolve = nullptr;
  std::map<std::string, Host> hosts;     // by host name: politeness is per host
  std::map<std::string, Robots> robots;  // by origin
  std::set<std::string> fetching_robots;
  std::map<CURL*, std::unique_ptr<Transfer>> active;
  size_t pending = 0;
  const std::function<void(size_t, FetchResult&&)>* done = nullptr;
};

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Fetcher::~Fetcher() = default;

const FetchOptions& Fetcher::options() const { return impl_->options; }

Status Fetcher::FetchAll(const std::vector<FetchRequest>& requests,
                         const std::function<void(size_t, FetchResult&&)>& done) {
  NEWSLOOM_RETURN_IF_ERROR(impl_->Init());
  impl_->done = &done;
  impl_->pending = 0;
  for (size_t i = 0; i < requests.size(); ++i) {
    auto job = std::make_unique<Impl::Job>();
    job->index = i;
    job->request = requests[i];
    const Result<std::string> url = ResolveUrl("", requests[i].url);
    if (!url.ok()) {
      job->url = requests[i].url;
      ++impl_->pending;
      impl_->CompleteWith(std::move(job), FetchOutcome::kBadUrl, url.status().message());
      continue;
    }
    job->url = *url;
    job->origin = OriginOf(job->url);
    ++impl_->pending;
    impl_->Enqueue(std::move(job), /*front=*/false);
  }
  const Status status = impl_->Run();
  impl_->done = nullptr;
  return status;
}

}  // namespace newsloom::fetch
