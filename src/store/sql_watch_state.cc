#include "store/sql_watch_state.h"

namespace newsloom::store {

Result<std::unique_ptr<StoredWatchState>> OpenWatchState(const std::string& target) {
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) {
    return OpenPostgresWatchState(target);
  }
  return OpenSqliteWatchState(target);
}

std::string SqlWatchState::Placeholders(int count) const {
  std::string out;
  for (int i = 1; i <= count; ++i) out += (i > 1 ? ", " : "") + Placeholder(i);
  return out;
}

Result<std::optional<fetch::SourceState>> SqlWatchState::GetSource(const std::string& url) {
  auto rows = Query(
      std::string("SELECT ") + kSourceColumns + " FROM watch_sources WHERE url = " + Placeholder(1),
      {url}, kSourceColumnCount);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<fetch::SourceState>();
  return std::optional<fetch::SourceState>(SourceFromRow(rows->front()));
}

Status SqlWatchState::PutSource(const fetch::SourceState& source) {
  if (source.url.empty()) return Status::InvalidArgument("source without a URL");
  return Query(Upsert("watch_sources", kSourceColumns, kSourceColumnCount), SourceToRow(source), 0)
      .status();
}

Result<std::vector<fetch::SourceState>> SqlWatchState::Sources() {
  auto rows = Query(
      std::string("SELECT ") + kSourceColumns + " FROM watch_sources ORDER BY url" + ByteOrder(),
      {}, kSourceColumnCount);
  if (!rows.ok()) return rows.status();
  std::vector<fetch::SourceState> out;
  for (const TextRow& row : *rows) out.push_back(SourceFromRow(row));
  return out;
}

Result<std::optional<fetch::SeenUrl>> SqlWatchState::GetUrl(const std::string& url) {
  auto rows =
      Query(std::string("SELECT ") + kUrlColumns + " FROM watch_urls WHERE url = " + Placeholder(1),
            {url}, kUrlColumnCount);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<fetch::SeenUrl>();
  return std::optional<fetch::SeenUrl>(UrlFromRow(rows->front()));
}

Status SqlWatchState::PutUrl(const fetch::SeenUrl& url) {
  if (url.url.empty()) return Status::InvalidArgument("seen URL without a URL");
  return Query(Upsert("watch_urls", kUrlColumns, kUrlColumnCount), UrlToRow(url), 0).status();
}

Result<std::vector<fetch::SeenUrl>> SqlWatchState::UrlsToFetch() {
  return Urls(std::string("WHERE state IN ('pending', 'retry') ORDER BY url") + ByteOrder());
}

Result<std::vector<fetch::SeenUrl>> SqlWatchState::FailedUrls() {
  const std::string bytes = ByteOrder();
  return Urls("WHERE error <> '' ORDER BY source" + bytes + ", first_seen, position, url" + bytes);
}

Result<std::vector<fetch::SeenUrl>> SqlWatchState::Urls(const std::string& where_and_order) {
  auto rows = Query(std::string("SELECT ") + kUrlColumns + " FROM watch_urls " + where_and_order,
                    {}, kUrlColumnCount);
  if (!rows.ok()) return rows.status();
  std::vector<fetch::SeenUrl> out;
  out.reserve(rows->size());
  for (const TextRow& row : *rows) out.push_back(UrlFromRow(row));
  return out;
}

Result<std::map<std::string, int64_t>> SqlWatchState::ArticlesPerSource() {
  auto rows = Query("SELECT source, COUNT(*) FROM articles GROUP BY source", {}, 2);
  if (!rows.ok()) return rows.status();
  std::map<std::string, int64_t> out;
  for (const TextRow& row : *rows) out[row[0]] = std::stoll(row[1]);
  return out;
}

Status SqlWatchState::Atomically(const std::function<Status()>& fn) {
  if (in_transaction_) return fn();
  NEWSLOOM_RETURN_IF_ERROR(Exec(BeginTransaction()));
  in_transaction_ = true;
  Status status = fn();
  in_transaction_ = false;
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

}  // namespace newsloom::store
