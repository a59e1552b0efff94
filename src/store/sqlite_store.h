// The SQLite backend of Store (see include/newsloom/store.h). All its SQL is in sqlite_sql.h.
#ifndef NEWSLOOM_STORE_SQLITE_STORE_H_
#define NEWSLOOM_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "newsloom/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsloom::store {

// Runs `sql` (one or more statements) on `db`; kIoError with SQLite's message.
Status ExecSqlite(sqlite3* db, const char* sql);

class SqliteStore : public Store {
 public:
  // Opens or creates the file and applies missing migrations.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~SqliteStore() override;

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
  Result<std::vector<StorySummary>> ListStories() override;
  Result<Story> GetStory(const std::string& id) override;
  Result<std::string> GetStoryBrief(const std::string& id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;

 private:
  struct Statements;
  explicit SqliteStore(sqlite3* db);
  Status Exec(const char* sql);
  // A cached prepared statement for `sql` (a constant of sqlite_sql.h, cached by address).
  Result<sqlite3_stmt*> Prepare(const char* sql);
  Status Migrate();
  Result<bool> PutArticleInTransaction(const RawPage& page, const AnalyzedArticle& article);
  Status ReplaceStoriesInTransaction(const std::vector<Story>& stories,
                                     const std::vector<CopyGroup>& copy_groups);
  Status UpdateStoriesInTransaction(const StoryChanges& changes);
  Status InsertStory(const Story& story, int64_t n);
  Status InsertCopyGroup(const CopyGroup& group);
  // Reads the article at the current row of a kSelectArticle* statement.
  Result<AnalyzedArticle> ReadArticle(sqlite3_stmt* row, const LoadOptions& options);

  sqlite3* db_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SQLITE_STORE_H_
