// The PostgreSQL backend of Store (see include/newsloom/store.h), opened from a postgresql:// URI,
// and of the WorkQueue that lets many worker processes share one store. The store is
// postgres_store.cc, the queue postgres_work_queue.cc, the connection postgres_connection.h; all
// the SQL is in postgres_sql.h.
#ifndef NEWSLOOM_STORE_POSTGRES_STORE_H_
#define NEWSLOOM_STORE_POSTGRES_STORE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/store.h"
#include "newsloom/work_queue.h"
#include "store/postgres_connection.h"

namespace newsloom::store {

class PostgresStore : public QueueStore {
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
  Result<std::string> GetStoryBrief(const std::string& id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;

  // WorkQueue.
  Result<std::unordered_map<std::string, uint64_t>> RawPageHashes(
      const std::vector<std::string>& ids) override;
  Result<int64_t> Enqueue(const std::vector<RawPage>& pages) override;
  Result<std::vector<QueuedPage>> Claim(const std::string& worker, int limit,
                                        double lease_seconds) override;
  Result<int64_t> CompleteBatch(
      const std::string& worker, const std::vector<PageOutcome>& outcomes,
      std::optional<std::chrono::steady_clock::time_point> started = std::nullopt,
      std::optional<double> db_seconds_at_start = std::nullopt) override;
  Result<int64_t> ForEachQueuedPage(int64_t after_seq,
                                    const std::function<void(const RawPage&)>& fn) override;
  Result<int64_t> FinishedPrefix() override;
  Status ForEachArticleIn(int64_t after_seq, int64_t upto_seq, const LoadOptions& options,
                          const std::function<Status(int64_t seq, AnalyzedArticle&&)>& fn) override;
  Result<int64_t> SeqOfArticleNumber(int64_t count) override;
  Result<int64_t> PendingPages() override;
  Result<bool> TryClusterLock() override;
  Result<QueueStatus> GetQueueStatus() override;
  Status Heartbeat(const std::string& worker) override;
  double DatabaseSeconds() const override { return conn_->Seconds(); }

 private:
  explicit PostgresStore(std::unique_ptr<PgConnection> conn);
  Status Migrate();
  Status Exec(const char* sql) { return conn_->Exec(sql); }
  Status PutRows(const std::vector<PageAndArticle>& items, const std::vector<int64_t>* seqs,
                 std::vector<bool>* stored);
  Status InsertStories(const std::vector<Story>& stories, const std::vector<CopyGroup>* groups);
  // The stored articles among `ids`, with their analysis, keyed by id.
  Result<std::unordered_map<std::string, AnalyzedArticle>> LoadArticles(
      const std::vector<std::string>& ids);
  // Loads full articles for `seqs` (rows of kSelectArticlesAfter already read).
  Status LoadDetails(std::vector<std::pair<int64_t, AnalyzedArticle>>* articles,
                     const LoadOptions& options);

  std::unique_ptr<PgConnection> conn_;
};

// A raw page from columns source, url, fetched_at, content_type, given, raw_zstd starting at `c`.
Result<RawPage> RawPageFromRow(const PgResult& q, int r, int c);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_POSTGRES_STORE_H_
