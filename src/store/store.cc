// Store::Open: picks the backend from the target; what the backends share.
#include "newsloom/store.h"

#include "newsloom/work_queue.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace newsloom {

Result<std::unique_ptr<Store>> Store::Open(const std::string& target) {
  if (target.empty()) return Status::InvalidArgument("empty store target");
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) {
    auto store = store::PostgresStore::Open(target);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(*store));
  }
  return store::SqliteStore::Open(target);
}

Result<std::unique_ptr<QueueStore>> QueueStore::Open(const std::string& target) {
  if (target.rfind("postgresql://", 0) != 0 && target.rfind("postgres://", 0) != 0) {
    return Status::InvalidArgument("a work queue needs a postgresql:// store, not " + target);
  }
  auto store = store::PostgresStore::Open(target);
  if (!store.ok()) return store.status();
  return std::unique_ptr<QueueStore>(std::move(*store));
}

Result<std::vector<AnalyzedArticle>> Store::GetArticles(const std::vector<std::string>& ids) {
  std::vector<AnalyzedArticle> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto a = GetArticle(id);
    if (!a.ok()) return a.status();
    out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace newsloom
