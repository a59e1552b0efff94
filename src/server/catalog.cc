#include "server/catalog.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "newsloom/story_json.h"
#include "text/chars.h"

namespace newsloom::server {

namespace {

// A cached story JSON costs a few kB; past this many the cache starts over.
constexpr size_t kMaxCachedStories = 20000;
constexpr size_t kMaxCachedResponses = 20000;

std::string Dump(const nlohmann::json& j) {
  // Stored text may hold ill-formed UTF-8: replace it rather than fail the request.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& target, int size) {
  auto pool = std::make_unique<StorePool>();
  for (int i = 0; i < std::max(1, size); ++i) {
    auto store = Store::Open(target);
    if (!store.ok()) return store.status();
    pool->idle_.push_back(std::move(*store));
  }
  return pool;
}

StorePool::Lease StorePool::Borrow() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Store> store = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(store));
}

StorePool::Lease::~Lease() {
  if (!store_) return;  // moved from
  {
    std::lock_guard<std::mutex> lock(pool_->mu_);
    pool_->idle_.push_back(std::move(store_));
  }
  pool_->cv_.notify_one();
}

void Catalog::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  stale_ = true;
}

Result<std::shared_ptr<const Snapshot>> Catalog::Current() {
  std::shared_ptr<const Snapshot> seen;
  bool stale;
  {
    std::lock_guard<std::mutex> lock(mu_);
    seen = current_;
    stale = stale_;
    const auto now = std::chrono::steady_clock::now();
    if (!stale && seen && now - checked_at_ < std::chrono::seconds(1)) return seen;
    checked_at_ = now;
  }
  if (seen && !stale) {
    auto count = pool_->Borrow()->ArticleCount();
    if (!count.ok()) return count.status();
    if (*count == seen->article_count) return seen;
  }
  // One rebuild at a time; whoever waited behind one takes its result.
  std::lock_guard<std::mutex> build_lock(build_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_ && current_ != seen && !stale_) return current_;
  }
  auto built = Build();
  if (!built.ok()) return built.status();
  std::lock_guard<std::mutex> lock(mu_);
  current_ = *built;
  checked_at_ = std::chrono::steady_clock::now();
  return current_;
}

Result<std::shared_ptr<const Snapshot>> Catalog::Build() {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->generation = ++generation_;  // under build_mu_
  auto store = pool_->Borrow();
  // Clear the stale mark before reading, so that a change made while reading marks it again.
  {
    std::lock_guard<std::mutex> lock(mu_);
    stale_ = false;
  }
  auto count = store->ArticleCount();
  if (!count.ok()) return count.status();
  snapshot->article_count = *count;
  auto stories = store->ListStories();
  if (!stories.ok()) return stories.status();
  snapshot->story_ids.reserve(stories->size());
  snapshot->list_items.reserve(stories->size());
  for (const StorySummary& s : *stories) {
    snapshot->story_index.emplace(s.id, snapshot->story_ids.size());
    snapshot->story_ids.push_back(s.id);
    snapshot->list_items.push_back(Dump(store::StoryToJson(s)));
    for (const StoryArticle& a : s.articles) snapshot->article_story.emplace(a.id, s.id);
  }
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

Result<const EntityIndex*> Catalog::Entities(const Snapshot& snapshot) {
  std::call_once(snapshot.entities_once, [&] {
    auto index = std::make_unique<EntityIndex>();
    auto store = pool_->Borrow();
    for (const std::string& id : snapshot.story_ids) {
      auto story = store->GetStory(id);
      if (!story.ok()) {
        // A story replaced since the snapshot was taken: the next snapshot will have it right.
        if (story.status().code() == Status::Code::kNotFound) continue;
        snapshot.entities_status = story.status();
        return;
      }
      index->Add(*story);
    }
    snapshot.entities = std::move(index);
  });
  if (!snapshot.entities_status.ok()) return snapshot.entities_status;
  return snapshot.entities.get();
}

Result<std::shared_ptr<const std::string>> Catalog::StoryJson(const Snapshot& snapshot,
                                                              const std::string& id) {
  if (!snapshot.story_index.count(id)) return Status::NotFound("no story " + id);
  {
    std::lock_guard<std::mutex> lock(story_mu_);
    if (story_cache_generation_ == snapshot.generation) {
      auto it = story_cache_.find(id);
      if (it != story_cache_.end()) return it->second;
    }
  }
  // The stored brief is the story's JSON already: served as it is, never decoded and rebuilt.
  auto brief = pool_->Borrow()->GetStoryBrief(id);
  if (!brief.ok()) return brief.status();
  auto json = std::make_shared<const std::string>(std::move(*brief));
  std::lock_guard<std::mutex> lock(story_mu_);
  if (story_cache_generation_ != snapshot.generation || story_cache_.size() >= kMaxCachedStories) {
    story_cache_.clear();
    story_cache_generation_ = snapshot.generation;
  }
  story_cache_.emplace(id, json);
  return json;
}

std::shared_ptr<const std::string> Catalog::CachedResponse(const Snapshot& snapshot,
                                                           const std::string& key) {
  std::lock_guard<std::mutex> lock(response_mu_);
  if (response_cache_generation_ != snapshot.generation) return nullptr;
  auto it = response_cache_.find(key);
  return it == response_cache_.end() ? nullptr : it->second;
}

void Catalog::CacheResponse(const Snapshot& snapshot, const std::string& key,
                            std::shared_ptr<const std::string> body) {
  std::lock_guard<std::mutex> lock(response_mu_);
  if (response_cache_generation_ != snapshot.generation ||
      response_cache_.size() >= kMaxCachedResponses) {
    response_cache_.clear();
    response_cache_generation_ = snapshot.generation;
  }
  response_cache_.emplace(key, std::move(body));
}

}  // namespace newsloom::server
