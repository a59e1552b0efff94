// Watching live sources: each poll fetches the sources that are due (feeds, sitemaps, sitemap
// indexes, OPML lists, front pages), follows the sources they name, and fetches every article URL
// not met before, handing each page on as a RawPage. What was met and what each fetch gave is kept
// in a WatchState, so that a restarted watcher goes on where it stopped without fetching anything
// twice.
#ifndef NEWSLOOM_FETCH_WATCHER_H_
#define NEWSLOOM_FETCH_WATCHER_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "fetch/feed.h"
#include "fetch/feed_date.h"
#include "fetch/http.h"
#include "fetch/watch_state.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"

namespace newsloom::fetch {

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

class Watcher {
 public:
  // `sources` are http(s) URLs of feeds, sitemaps, sitemap indexes, OPML lists or front pages
  // (ReadSourceList expands files of them). `state` must outlive the watcher.
  Watcher(std::vector<std::string> sources, WatchOptions options, WatchState* state);

  // Polls every due source and fetches every new allowed article, calling `sink` once per page in
  // a deterministic order: URLs left from earlier polls first, then the new ones in the order
  // their sources listed them (sources in the order given, named sources after). Each page has
  // `url` (its canonical URL, from rel=canonical when the page gives one on its own site),
  // `source` (the source that listed it), `fetched_at`, `content_type`, `bytes` as UTF-8, and the
  // item's title, date and summary in its given_* fields. Bad sources and pages are reported in
  // the PollReport and kept in the state with their reason; only a failing state (or libcurl that
  // cannot start) makes it return an error.
  // The sink may fail (a store that cannot write): the poll ends with that error, and the page it
  // was given stays to be fetched at the next poll.
  Result<PollReport> PollOnce(const std::function<Status(RawPage&&)>& sink);

 private:
  struct SourceTask;
  struct PollContext;

  Status PollSources(PollContext& poll);
  Status HandleSource(const SourceTask& task, FetchResult&& result, PollContext& poll,
                      std::vector<SourceTask>* next);
  Status ListItems(const SourceTask& task, const ParsedDocument& doc, SourceState* source,
                   PollContext& poll);
  Status FetchArticles(PollContext& poll, const std::function<Status(RawPage&&)>& sink);
  Status HandleArticle(SeenUrl url, FetchResult&& result, PollContext& poll,
                       const std::function<Status(RawPage&&)>& sink);
  bool Stopping() const { return options_.stop && options_.stop(); }
  TimePoint Now() const;

  std::vector<std::string> sources_;
  WatchOptions options_;
  WatchState* state_;
  Fetcher fetcher_;
};

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_WATCHER_H_
