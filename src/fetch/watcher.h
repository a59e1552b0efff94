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
#include "newsloom/fetch.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"
#include "newsloom/watch_state.h"

namespace newsloom::fetch {

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
