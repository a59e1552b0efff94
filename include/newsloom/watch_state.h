// What the watcher remembers between polls and across restarts: each source with its validators,
// last poll, status, counters and last error, and each URL met in a source with what fetching it
// gave. Plain structs behind an interface, so that any store can keep them; MemoryWatchState is
// the one for tests and one-off runs.
#ifndef NEWSLOOM_WATCH_STATE_H_
#define NEWSLOOM_WATCH_STATE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::fetch {

struct SourceState {
  std::string url;        // canonical URL: the key
  std::string fetch_url;  // as given or linked: what is requested
  std::string parent;     // the source that named it (index, OPML list, front page); "" if given
  std::string kind;       // KindName of the last document read; "" before the first
  std::string etag;       // validators of the last full response, sent on the next poll
  std::string last_modified;
  std::string last_poll;   // ISO 8601 UTC; "" when never polled
  std::string status;      // "ok", "not-modified" or "error"
  std::string last_error;  // the reason of the last failure; "" after a success
  // Sources it names, polled after it (also when it answers 304).
  std::vector<std::string> children;
  uint64_t polls = 0;
  uint64_t not_modified = 0;
  uint64_t errors = 0;
  uint64_t items_new = 0;         // items whose URL was new when listed
  uint64_t articles_fetched = 0;  // pages handed on from its items
};

enum class UrlState {
  kPending,  // listed, not fetched yet (also after a restart in the middle of a poll)
  kFetched,  // handed on as a page; never fetched again
  kRetry,    // failed in a way that may pass; tried again at a later poll
  kFailed,   // failed for good (4xx, too large, binary, disallowed, ...); never fetched again
};

struct SeenUrl {
  std::string url;         // canonical URL: the key
  std::string listed_url;  // as the source listed it: what is requested
  std::string source;      // canonical URL of the first source that listed it
  std::string first_seen;  // ISO 8601 UTC of the poll that first listed it
  uint64_t position = 0;   // its place among the URLs first listed in that poll
  // What the listing said about it, handed on with the page.
  std::string title;
  std::string published;
  std::string summary;

  UrlState state = UrlState::kPending;
  int attempts = 0;
  std::string last_attempt;  // ISO 8601 UTC; "" when never tried
  std::string retry_after;   // kRetry: not before this (ISO 8601 UTC)
  int http_status = 0;
  std::string fetched_url;  // where the last attempt ended, after redirects
  std::string error;        // why the last attempt failed; "" after a success
  // Set when this URL was never listed but turned out to be another's page (its final URL or its
  // rel=canonical): the canonical URL that was listed.
  std::string alias_of;
};

// Storage of the watcher's state. Every call returns a Status: a failing store is fatal to the
// poll, not skipped. Implementations need not be thread-safe (one watcher drives one state).
class WatchState {
 public:
  virtual ~WatchState() = default;

  virtual Result<std::optional<SourceState>> GetSource(const std::string& url) = 0;
  virtual Status PutSource(const SourceState& source) = 0;  // insert or replace by url
  virtual Result<std::vector<SourceState>> Sources() = 0;   // all, ordered by url

  virtual Result<std::optional<SeenUrl>> GetUrl(const std::string& url) = 0;
  virtual Status PutUrl(const SeenUrl& url) = 0;  // insert or replace by url
  // The URLs in state kPending or kRetry, ordered by url.
  virtual Result<std::vector<SeenUrl>> UrlsToFetch() = 0;

  // Runs `fn`, whose writes are kept all together or, when it fails (or the process dies), not
  // at all. Stores with transactions override it; the default just runs `fn`.
  virtual Status Atomically(const std::function<Status()>& fn) { return fn(); }
};

class MemoryWatchState : public WatchState {
 public:
  Result<std::optional<SourceState>> GetSource(const std::string& url) override;
  Status PutSource(const SourceState& source) override;
  Result<std::vector<SourceState>> Sources() override;
  Result<std::optional<SeenUrl>> GetUrl(const std::string& url) override;
  Status PutUrl(const SeenUrl& url) override;
  Result<std::vector<SeenUrl>> UrlsToFetch() override;

  size_t url_count() const { return urls_.size(); }

 private:
  std::map<std::string, SourceState> sources_;
  std::map<std::string, SeenUrl> urls_;
};

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_WATCH_STATE_H_
