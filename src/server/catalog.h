// What the server keeps in memory over the store: a pool of read connections and a snapshot of
// the story list (and, built on first use, the entity index), reloaded when the store changes.
#ifndef NEWSLOOM_SERVER_CATALOG_H_
#define NEWSLOOM_SERVER_CATALOG_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/entity_index.h"
#include "newsloom/status.h"
#include "newsloom/store.h"

namespace newsloom::server {

// A fixed number of Store connections to one target, lent out one caller at a time (Store is not
// thread-safe). Thread-safe.
class StorePool {
 public:
  // Opens `size` connections to `target`.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& target, int size);

  // A connection, returned to the pool when the lease is destroyed. Blocks while all are lent.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };
  Lease Borrow();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Store>> idle_;
};

// An immutable view of the stored stories at one moment.
struct Snapshot {
  uint64_t generation = 0;  // increases with every rebuild
  int64_t article_count = 0;
  std::vector<std::string> story_ids;   // newest first, as ListStories returns them
  std::vector<std::string> list_items;  // parallel: each story's list JSON (serialised)
  std::unordered_map<std::string, size_t> story_index;         // story id -> position
  std::unordered_map<std::string, std::string> article_story;  // article id -> story id

  // The entities of every story, built on first use (it reads every story in full).
  mutable std::once_flag entities_once;
  mutable std::unique_ptr<EntityIndex> entities;
  mutable Status entities_status;
};

// Thread-safe.
class Catalog {
 public:
  explicit Catalog(StorePool* pool) : pool_(pool) {}

  // The current snapshot. The store's article count is checked at most once per second (so that
  // a `newsloom ingest` by another process shows up) and the snapshot rebuilt when it changed or
  // after Invalidate(). Readers keep using the old snapshot while a new one is built.
  Result<std::shared_ptr<const Snapshot>> Current();
  void Invalidate();

  // The entity index of `snapshot`, built on first call.
  Result<const EntityIndex*> Entities(const Snapshot& snapshot);

  // The story's full JSON (store::StoryToJson), its stored brief; cached per snapshot. kNotFound
  // for an unknown id.
  Result<std::shared_ptr<const std::string>> StoryJson(const Snapshot& snapshot,
                                                       const std::string& id);

  // Serialised responses (search results) keyed by the normalised request, valid for one
  // snapshot: a repeated search costs a lookup instead of a full-text query. Bounded: past
  // kMaxCachedResponses entries the cache starts over. Null when not cached.
  std::shared_ptr<const std::string> CachedResponse(const Snapshot& snapshot,
                                                    const std::string& key);
  void CacheResponse(const Snapshot& snapshot, const std::string& key,
                     std::shared_ptr<const std::string> body);

 private:
  Result<std::shared_ptr<const Snapshot>> Build();

  StorePool* pool_;
  std::mutex mu_;        // guards current_, checked_at_, stale_
  std::mutex build_mu_;  // one rebuild at a time
  std::shared_ptr<const Snapshot> current_;
  std::chrono::steady_clock::time_point checked_at_;
  bool stale_ = true;

  std::mutex story_mu_;  // guards the story cache
  uint64_t generation_ = 0;
  uint64_t story_cache_generation_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> story_cache_;

  std::mutex response_mu_;  // guards the response cache
  uint64_t response_cache_generation_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> response_cache_;
};

}  // namespace newsloom::server

#endif  // NEWSLOOM_SERVER_CATALOG_H_
