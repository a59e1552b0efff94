// The PostgreSQL backend of Store (see include/newsloom/store.h), opened from a postgresql:// URI,
// and the work queue that lets many worker processes share one store. All its SQL is in
// postgres_sql.h.
#ifndef NEWSLOOM_STORE_POSTGRES_STORE_H_
#define NEWSLOOM_STORE_POSTGRES_STORE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/store.h"

struct pg_conn;

namespace newsloom::store {

// A raw page taken from the queue; `seq` becomes its article's ingest_seq.
struct QueuedPage {
  int64_t seq = 0;
  RawPage page;
};

// What became of one claimed page, written with the batch.
struct PageOutcome {
  int64_t seq = 0;
  const RawPage* page = nullptr;
  const AnalyzedArticle* article = nullptr;  // the article to store, or null
  std::string stored_id;    // no article: the id of the same page's article, stored before
  std::string skip_reason;  // no article and no stored_id: why the page was skipped
};

struct QueueStatus {
  struct Depth {
    std::string state;  // queued / leased / done / skipped
    int64_t pages = 0;
  };
  std::vector<Depth> depth;
  struct Worker {
    std::string name;
    std::string started_at, last_heartbeat;
    double seconds_since_heartbeat = 0;
    int64_t batches = 0, pages = 0;
    double busy_seconds = 0, db_seconds = 0;
  };
  std::vector<Worker> workers;
  int64_t articles = 0;
  int64_t stories = 0;
};

class PostgresStore : public Store {
 public:
  // Connects (libpq accepts the URI as is) and applies missing migrations.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& uri);
  ~PostgresStore() override;

  Result<bool> HasArticle(const std::string& id) override;
  Result<std::optional<uint64_t>> RawPageHash(const std::string& id) override;
  Result<bool> PutArticle(const RawPage& page, const AnalyzedArticle& article) override;
  Result<std::vector<bool>> PutArticles(const std::vector<PageAndArticle>& items) override;
  Result<int64_t> ArticleCount() override;
  Result<AnalyzedArticle> GetArticle(const std::string& id) override;
  Result<RawPage> GetRawPage(const std::string& article_id) override;
  Status ForEachArticle(const LoadOptions& options,
                        const std::function<Status(AnalyzedArticle&&)>& fn) override;
  Status ForEachRawPage(const std::function<Status(const RawPage&)>& fn) override;
  Status ReplaceStories(const std::vector<Story>& stories,
                        const std::vector<CopyGroup>& copy_groups) override;
  Status UpdateStories(const StoryChanges& changes) override;
  Result<std::optional<std::string>> GetState(const std::string& name) override;
  Status ForEachArticleAfter(int64_t skip, const LoadOptions& options,
                             const std::function<Status(AnalyzedArticle&&)>& fn) override;
  Result<std::vector<AnalyzedArticle>> GetArticles(const std::vector<std::string>& ids) override;
  Result<std::vector<StorySummary>> ListStories() override;
  Result<Story> GetStory(const std::string& id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;

  // The raw page hashes of the stored articles among `ids` (absent ids are left out).
  Result<std::unordered_map<std::string, uint64_t>> RawPageHashes(
      const std::vector<std::string>& ids);
  // The stored articles among `ids`, with their analysis, keyed by id.
  Result<std::unordered_map<std::string, AnalyzedArticle>> LoadArticles(
      const std::vector<std::string>& ids);

  // --- Work queue ---
  // Queues raw pages in order; a page queued before (same source and bytes) is not queued again.
  // Returns how many were new.
  Result<int64_t> Enqueue(const std::vector<RawPage>& pages);
  // Claims up to `limit` waiting pages, lowest numbers first, for `lease_seconds`.
  Result<std::vector<QueuedPage>> Claim(const std::string& worker, int limit, double lease_seconds);
  // In one transaction: stores the articles of the pages `worker` still holds (explicit
  // ingest_seq = page number; an article id stored before is left as it is) and marks those pages
  // finished; adds to the worker's counters the batch's wall-clock time since `started` and its
  // time in libpq calls since DatabaseSeconds() was `db_seconds_at_start` (default: this call
  // only). Returns how many pages it still held.
  Result<int64_t> CompleteBatch(
      const std::string& worker, const std::vector<PageOutcome>& outcomes,
      std::optional<std::chrono::steady_clock::time_point> started = std::nullopt,
      std::optional<double> db_seconds_at_start = std::nullopt);
  // Calls `fn` with queued raw pages numbered after `after_seq`, in order; returns the last number.
  Result<int64_t> ForEachQueuedPage(int64_t after_seq,
                                    const std::function<void(const RawPage&)>& fn);
  // The highest number up to which every queued page is finished (the articles below it will not
  // change).
  Result<int64_t> FinishedPrefix();
  // Articles with ingest_seq in (after_seq, upto_seq], in order.
  Status ForEachArticleIn(int64_t after_seq, int64_t upto_seq, const LoadOptions& options,
                          const std::function<Status(int64_t seq, AnalyzedArticle&&)>& fn);
  // The ingest_seq of the article after the first `count` in ingest order; 0 when there is none.
  Result<int64_t> SeqOfArticleNumber(int64_t count);
  // Pages waiting or leased, not finished.
  Result<int64_t> PendingPages();
  // The session-level lock that makes one process the clusterer; false when another holds it.
  Result<bool> TryClusterLock();
  Result<QueueStatus> GetQueueStatus();

  // Marks `worker` alive (status shows the time of its last heartbeat).
  Status Heartbeat(const std::string& worker);

  // Seconds spent waiting for the server (libpq calls) since opening.
  double DatabaseSeconds() const { return db_seconds_; }

  struct Query;  // one statement's result (internal)

 private:
  explicit PostgresStore(pg_conn* conn);
  Status Migrate();
  Status Exec(const char* sql);
  Status PutRows(const std::vector<PageAndArticle>& items, const std::vector<int64_t>* seqs,
                 std::vector<bool>* stored);
  Status InsertStories(const std::vector<Story>& stories, const std::vector<CopyGroup>* groups);
  // Loads full articles for `seqs` (rows of kSelectArticlesAfter already read).
  Status LoadDetails(std::vector<std::pair<int64_t, AnalyzedArticle>>* articles,
                     const LoadOptions& options);

  pg_conn* conn_;
  std::unordered_map<const char*, std::string> prepared_;  // statement text -> prepared name
  double db_seconds_ = 0;
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_POSTGRES_STORE_H_
