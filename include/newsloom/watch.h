// `newsloom watch`: live sources polled by the fetch library's Watcher, each new page stored as
// an article the moment it arrives, and the stories updated after each poll that stored any (the
// saved story state restored, the new articles added, the stories they change rewritten).
//
// Crash safety comes from the order of the writes: a page's article is committed before its URL
// is marked fetched, and a source's state is committed with the URLs it listed. A process killed
// at any point fetches again, at its next poll, at most the pages whose URLs were not marked yet;
// those whose article was committed are recognised as already stored (same id, same bytes), so
// nothing is lost or doubled, and the articles keep the order of an uninterrupted run. The
// stories and their saved state are written together, and updated at the first poll of every
// process, so stored articles that an update cut short left out are added then.
#ifndef NEWSLOOM_WATCH_H_
#define NEWSLOOM_WATCH_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsloom/fetch.h"
#include "newsloom/pipeline.h"
#include "newsloom/status.h"
#include "newsloom/store.h"
#include "newsloom/watch_state.h"

namespace newsloom {

struct LivePollReport {
  fetch::PollReport poll;
  int64_t articles_stored = 0;
  int64_t already_stored = 0;  // pages fetched again after a restart, stored before
  // Fetched pages that did not become articles, with the page's URL and why. Their source is the
  // canonical URL of the source that listed them.
  struct Skipped {
    std::string source;
    std::string url;
    std::string reason;
  };
  std::vector<Skipped> skipped;
  std::optional<int64_t> stories;  // the number of stories, when they were updated
};

// One watched set of sources over one store. Not thread-safe; the store and state must outlive it
// (and are used on the calling thread only).
class LiveIngest {
 public:
  LiveIngest(Store* store, fetch::WatchState* state, std::vector<std::string> sources,
             fetch::WatchOptions options);
  ~LiveIngest();

  // Polls the due sources and stores every new article. Only the store or the state failing is an
  // error; bad sources and pages are in the report.
  Result<LivePollReport> PollOnce();

 private:
  Pipeline pipeline_;
  std::unique_ptr<fetch::Watcher> watcher_;
  bool stories_current_ = false;  // updated by this process at least once
};

// Polls `watch` every `interval` (measured from the start of one poll to the start of the next)
// until `stop` returns true, which is asked during the polls and every 100 ms between them; a poll
// in hand when stop is asked ends after the transfers under way and stores what they brought.
// `on_poll` sees each report. Returns the first error of a poll.
Status RunLiveIngest(LiveIngest& watch, std::chrono::milliseconds interval,
                     const std::function<bool()>& stop,
                     const std::function<void(const LivePollReport&)>& on_poll);

}  // namespace newsloom

#endif  // NEWSLOOM_WATCH_H_
