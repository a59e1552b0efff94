// The work queue of the PostgreSQL backend: pages numbered as queued, claimed under a lease
// (FOR UPDATE SKIP LOCKED), finished in the transaction that writes their articles.
#include <algorithm>
#include <array>
#include <chrono>
#include <unordered_map>

#include "store/codec.h"
#include "store/postgres_sql.h"
#include "store/postgres_store.h"
#include "store/row_json.h"
#include "text/hash.h"

namespace newsloom::store {

#define NEWSLOOM_PG(var, sql, ...) NEWSLOOM_PG_RUN(conn_, var, sql, __VA_ARGS__)

Result<int64_t> PostgresStore::Enqueue(const std::vector<RawPage>& pages) {
  if (pages.empty()) return 0;
  std::array<ArrayParam, 8> columns;
  for (const RawPage& page : pages) {
    columns[0].Text(page.source);
    columns[1].Text(page.content_type);
    columns[2].Text(page.url);
    columns[3].Text(page.fetched_at);
    columns[4].Text(Dump(GivenToJson(page)));
    columns[5].Int(static_cast<int64_t>(text::Hash64(page.bytes)));
    columns[6].Int(static_cast<int64_t>(page.bytes.size()));
    columns[7].Bytes(Compress(page.bytes));
  }
  std::vector<PgParam> params;
  for (const ArrayParam& c : columns) params.push_back(c.Done());
  NEWSLOOM_PG(q, pgsql::kEnqueuePages, params);
  return static_cast<int64_t>(q.Rows());
}

Result<std::vector<QueuedPage>> PostgresStore::Claim(const std::string& worker, int limit,
                                                     double lease_seconds) {
  NEWSLOOM_PG(q, pgsql::kClaimPages,
              {worker, std::to_string(limit), std::to_string(lease_seconds)});
  std::vector<QueuedPage> pages;
  for (int r = 0; r < q.Rows(); ++r) {
    QueuedPage p;
    p.seq = q.Int(r, 0);
    p.page.source = q.Text(r, 1);
    p.page.content_type = q.Text(r, 2);
    p.page.url = q.Text(r, 3);
    p.page.fetched_at = q.Text(r, 4);
    GivenFromJson(q.Text(r, 5), &p.page);
    auto bytes = Decompress(q.Bytes(r, 6));
    if (!bytes.ok()) return bytes.status();
    p.page.bytes = std::move(*bytes);
    pages.push_back(std::move(p));
  }
  // UPDATE ... RETURNING gives no order.
  std::sort(pages.begin(), pages.end(),
            [](const QueuedPage& a, const QueuedPage& b) { return a.seq < b.seq; });
  return pages;
}

Result<int64_t> PostgresStore::CompleteBatch(
    const std::string& worker, const std::vector<PageOutcome>& outcomes,
    std::optional<std::chrono::steady_clock::time_point> started,
    std::optional<double> db_seconds_at_start) {
  if (!started) started = std::chrono::steady_clock::now();
  const double db_before = db_seconds_at_start.value_or(conn_->Seconds());
  std::vector<int64_t> seqs;
  for (const PageOutcome& o : outcomes) seqs.push_back(o.seq);
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN"));
  int64_t held = 0;
  Status status = [&]() -> Status {
    NEWSLOOM_PG(own, pgsql::kLockOwnPages, {worker, IntArray(seqs)});
    std::unordered_map<int64_t, bool> still_held;
    for (int r = 0; r < own.Rows(); ++r) still_held[own.Int(r, 0)] = true;
    held = own.Rows();
    std::vector<PageAndArticle> items;
    std::vector<int64_t> item_seqs;
    std::array<ArrayParam, 4> finish;
    for (const PageOutcome& o : outcomes) {
      if (!still_held.count(o.seq)) continue;
      finish[0].Int(o.seq);
      if (o.article != nullptr) {
        items.push_back({o.page, o.article});
        item_seqs.push_back(o.seq);
        finish[1].Text("done");
        finish[2].Text(o.article->article.id);
        finish[3].Null();
      } else if (!o.stored_id.empty()) {
        finish[1].Text("done");
        finish[2].Text(o.stored_id);
        finish[3].Null();
      } else {
        finish[1].Text("skipped");
        finish[2].Null();
        finish[3].Text(o.skip_reason);
      }
    }
    std::vector<bool> stored;
    NEWSLOOM_RETURN_IF_ERROR(PutRows(items, &item_seqs, &stored));
    std::vector<PgParam> p;
    for (const ArrayParam& c : finish) p.push_back(c.Done());
    { NEWSLOOM_PG(q, pgsql::kFinishPages, p); }
    const double busy_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - *started).count();
    NEWSLOOM_PG(beat, pgsql::kWorkerHeartbeat,
                {worker, "1", std::to_string(held), std::to_string(busy_seconds),
                 std::to_string(conn_->Seconds() - db_before)});
    return Status::Ok();
  }();
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  NEWSLOOM_RETURN_IF_ERROR(Exec("COMMIT"));
  return held;
}

Result<int64_t> PostgresStore::ForEachQueuedPage(int64_t after_seq,
                                                 const std::function<void(const RawPage&)>& fn) {
  int64_t cursor = after_seq;
  for (;;) {
    std::vector<RawPage> pages;
    {
      NEWSLOOM_PG(q, pgsql::kSelectQueuedPagesAfter, {std::to_string(cursor), "500"});
      for (int r = 0; r < q.Rows(); ++r) {
        auto page = RawPageFromRow(q, r, 1);
        if (!page.ok()) return page.status();
        pages.push_back(std::move(*page));
        cursor = q.Int(r, 0);
      }
    }
    if (pages.empty()) return cursor;
    for (const RawPage& page : pages) fn(page);
  }
}

Result<int64_t> PostgresStore::PendingPages() {
  NEWSLOOM_PG(q, pgsql::kPendingPages, {});
  return q.Int(0, 0);
}

Result<int64_t> PostgresStore::FinishedPrefix() {
  NEWSLOOM_PG(q, pgsql::kFinishedPrefix, {});
  return q.IsNull(0, 0) ? 0 : q.Int(0, 0);
}

Status PostgresStore::Heartbeat(const std::string& worker) {
  NEWSLOOM_PG(q, pgsql::kWorkerHeartbeat, {worker, "0", "0", "0", "0"});
  return Status::Ok();
}

Result<bool> PostgresStore::TryClusterLock() {
  NEWSLOOM_PG(q, pgsql::kTryClusterLock, {});
  return q.Bool(0, 0);
}

Result<QueueStatus> PostgresStore::GetQueueStatus() {
  QueueStatus status;
  {
    NEWSLOOM_PG(q, pgsql::kQueueDepth, {});
    for (int r = 0; r < q.Rows(); ++r) {
      std::string state = q.Text(r, 0);
      if (state == "queued" && !q.IsNull(r, 1) && q.Bool(r, 1)) state = "leased";
      if (!status.depth.empty() && status.depth.back().state == state) {
        status.depth.back().pages += q.Int(r, 2);
      } else {
        status.depth.push_back({state, q.Int(r, 2)});
      }
    }
  }
  {
    NEWSLOOM_PG(q, pgsql::kSelectWorkers, {});
    for (int r = 0; r < q.Rows(); ++r) {
      QueueStatus::Worker w;
      w.name = q.Text(r, 0);
      w.started_at = q.Text(r, 1);
      w.last_heartbeat = q.Text(r, 2);
      w.seconds_since_heartbeat = q.Double(r, 3);
      w.batches = q.Int(r, 4);
      w.pages = q.Int(r, 5);
      w.busy_seconds = q.Double(r, 6);
      w.db_seconds = q.Double(r, 7);
      status.workers.push_back(std::move(w));
    }
  }
  auto articles = ArticleCount();
  if (!articles.ok()) return articles.status();
  status.articles = *articles;
  NEWSLOOM_PG(q, "SELECT COUNT(*) FROM stories", {});
  status.stories = q.Int(0, 0);
  return status;
}

#undef NEWSLOOM_PG

}  // namespace newsloom::store
