// The watch state over any SQL connection: the queries are the same for both backends but for
// placeholders, upserts and how a transaction begins, which the backend supplies with the
// connection.
#ifndef NEWSLOOM_STORE_SQL_WATCH_STATE_H_
#define NEWSLOOM_STORE_SQL_WATCH_STATE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "newsloom/watch_state_store.h"
#include "store/watch_state_rows.h"

namespace newsloom::store {

class SqlWatchState : public StoredWatchState {
 public:
  Result<std::optional<fetch::SourceState>> GetSource(const std::string& url) override;
  Status PutSource(const fetch::SourceState& source) override;
  Result<std::vector<fetch::SourceState>> Sources() override;
  Result<std::optional<fetch::SeenUrl>> GetUrl(const std::string& url) override;
  Status PutUrl(const fetch::SeenUrl& url) override;
  Result<std::vector<fetch::SeenUrl>> UrlsToFetch() override;
  Result<std::vector<fetch::SeenUrl>> FailedUrls() override;
  Result<std::map<std::string, int64_t>> ArticlesPerSource() override;
  Status Atomically(const std::function<Status()>& fn) override;

 protected:
  // Runs `sql` with `params` bound as text; the rows it gives, `columns` values each as text.
  virtual Result<std::vector<TextRow>> Query(const std::string& sql, const TextRow& params,
                                             int columns) = 0;
  virtual Status Exec(const char* sql) = 0;
  // The placeholder of parameter i (from 1): "?1" or "$1".
  virtual std::string Placeholder(int i) const = 0;
  // Inserts the row or replaces the one with the same key (the first column).
  virtual std::string Upsert(const char* table, const char* columns, int count) const = 0;
  virtual const char* BeginTransaction() const = 0;
  // What makes an ORDER BY compare bytes, as std::string does.
  virtual const char* ByteOrder() const = 0;

  std::string Placeholders(int count) const;

 private:
  Result<std::vector<fetch::SeenUrl>> Urls(const std::string& where_and_order);

  bool in_transaction_ = false;
};

// The backends; `target` as for OpenWatchState.
Result<std::unique_ptr<StoredWatchState>> OpenSqliteWatchState(const std::string& path);
Result<std::unique_ptr<StoredWatchState>> OpenPostgresWatchState(const std::string& uri);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SQL_WATCH_STATE_H_
