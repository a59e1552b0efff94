// The watcher's state (fetch/watch_state.h) kept in the store, beside the articles it brought:
// SQLite or PostgreSQL, opened by the same target as Store::Open. Each write of the watcher is
// committed when it returns; Atomically() is one transaction.
#ifndef NEWSLOOM_WATCH_STATE_STORE_H_
#define NEWSLOOM_WATCH_STATE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "newsloom/status.h"
#include "newsloom/watch_state.h"

namespace newsloom::store {

class StoredWatchState : public fetch::WatchState {
 public:
  // Articles stored per source (the canonical source URL a watched page carries as its source).
  virtual Result<std::map<std::string, int64_t>> ArticlesPerSource() = 0;
  // The URLs whose last fetch failed, ordered by source, then when and where they were listed.
  virtual Result<std::vector<fetch::SeenUrl>> FailedUrls() = 0;
};

// "pending", "fetched", "retry", "failed".
const char* UrlStateName(fetch::UrlState state);

// Opens the watch state of the store at `target` (a SQLite file or postgresql://...) on a
// connection of its own, creating the store and bringing its schema up to date as Store::Open
// does.
Result<std::unique_ptr<StoredWatchState>> OpenWatchState(const std::string& target);

}  // namespace newsloom::store

#endif  // NEWSLOOM_WATCH_STATE_STORE_H_
