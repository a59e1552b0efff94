// The SQLite backend: one file in WAL mode, one transaction per article, schema by migrations.
#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "newsloom/story_json.h"
#include "store/codec.h"
#include "store/row_json.h"
#include "store/search_words.h"
#include "store/snippet.h"
#include "store/sqlite_sql.h"
#include "text/hash.h"

namespace newsloom::store {

namespace {

using nlohmann::json;

// A prepared statement, reset for reuse when it goes out of scope.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
  }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<Date>& v) {
    if (v) return Bind(i, v->ToIso());
    sqlite3_bind_null(stmt_, i);
    return *this;
  }

  // SQLITE_ROW: a row is ready; SQLITE_DONE: no more; else an error.
  Result<bool> Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::IoError(std::string("SQLite: ") + sqlite3_errmsg(db_));
  }
  Status Run() {
    auto r = Step();
    return r.ok() ? Status::Ok() : r.status();
  }

  int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const { return sqlite3_column_double(stmt_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  std::string Text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(stmt_, c));
  }
  std::string_view Blob(int c) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, c));
    return p == nullptr ? std::string_view() : std::string_view(p, sqlite3_column_bytes(stmt_, c));
  }
  std::optional<Date> OptDate(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Date::FromIso(Text(c));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// FTS5 query from user words: each word quoted (so punctuation and operators are literal), all
// required.
std::string FtsQuery(std::string_view text) {
  std::string query;
  for (const std::string& word : SearchWords(text)) {
    if (!query.empty()) query += ' ';
    query += '"' + word + '"';
  }
  return query;
}

}  // namespace

struct SqliteStore::Statements {
  std::unordered_map<const char*, sqlite3_stmt*> cache;
};

SqliteStore::SqliteStore(sqlite3* db) : db_(db), statements_(std::make_unique<Statements>()) {}

SqliteStore::~SqliteStore() {
  for (auto& [sql, stmt] : statements_->cache) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<std::unique_ptr<Store>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::IoError(std::move(message));
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db));
  sqlite3_busy_timeout(db, 10000);
  // WAL: readers (search, stories) do not block the writer; NORMAL sync is safe with WAL (a power
  // cut may lose the last commits, never corrupt the file).
  Status status = store->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
      "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768");
  if (!status.ok()) {
    return status.code() == Status::Code::kIoError
               ? Status::Corrupt(path + ": not a newsloom store (" + status.message() + ")")
               : status;
  }
  status = store->Migrate();
  if (!status.ok()) return Status(Status::Corrupt(path + ": " + status.message()));
  return std::unique_ptr<Store>(std::move(store));
}

Status ExecSqlite(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = std::string("SQLite: ") + (error ? error : "unknown error");
    sqlite3_free(error);
    return Status::IoError(std::move(message));
  }
  return Status::Ok();
}

Status SqliteStore::Exec(const char* sql) { return ExecSqlite(db_, sql); }

Result<sqlite3_stmt*> SqliteStore::Prepare(const char* sql) {
  auto it = statements_->cache.find(sql);
  if (it != statements_->cache.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
  }
  statements_->cache.emplace(sql, stmt);
  return stmt;
}

#define NEWSLOOM_PREPARE(var, sql)                          \
  auto var##_prepared = Prepare(sql);                       \
  if (!var##_prepared.ok()) return var##_prepared.status(); \
  Stmt var(db_, *var##_prepared)

Status SqliteStore::Migrate() {
  NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kCreateMigrations));
  int64_t version = 0;
  {
    NEWSLOOM_PREPARE(q, sql::kSchemaVersion);
    auto row = q.Step();
    if (!row.ok()) return row.status();
    version = q.Int(0);
  }
  if (version > static_cast<int64_t>(sql::kMigrations.size())) {
    return Status::Unsupported("store schema version " + std::to_string(version) +
                               " is newer than this program");
  }
  for (size_t v = static_cast<size_t>(version); v < sql::kMigrations.size(); ++v) {
    NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status status = Exec(sql::kMigrations[v]);
    if (status.ok()) {
      NEWSLOOM_PREPARE(record, sql::kRecordMigration);
      status = record.Bind(1, static_cast<int64_t>(v + 1)).Run();
    }
    if (!status.ok()) {
      Exec("ROLLBACK");
      return status;
    }
    NEWSLOOM_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

Result<bool> SqliteStore::HasArticle(const std::string& id) {
  NEWSLOOM_PREPARE(q, sql::kHasArticle);
  return q.Bind(1, id).Step();
}

Result<std::optional<uint64_t>> SqliteStore::RawPageHash(const std::string& id) {
  NEWSLOOM_PREPARE(q, sql::kRawPageHash);
  auto row = q.Bind(1, id).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<uint64_t>();
  return std::optional<uint64_t>(static_cast<uint64_t>(q.Int(0)));
}

Result<int64_t> SqliteStore::ArticleCount() {
  NEWSLOOM_PREPARE(q, sql::kCountArticles);
  auto row = q.Step();
  if (!row.ok()) return row.status();
  return q.Int(0);
}

Result<bool> SqliteStore::PutArticle(const RawPage& page, const AnalyzedArticle& analyzed) {
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto result = PutArticleInTransaction(page, analyzed);
  if (!result.ok() || !*result) {
    Exec("ROLLBACK");
    return result;
  }
  NEWSLOOM_RETURN_IF_ERROR(Exec("COMMIT"));
  return true;
}

Result<std::vector<bool>> SqliteStore::PutArticles(const std::vector<PageAndArticle>& items) {
  std::vector<bool> stored;
  stored.reserve(items.size());
  if (items.empty()) return stored;
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  for (const PageAndArticle& item : items) {
    auto result = PutArticleInTransaction(*item.page, *item.article);
    if (!result.ok()) {
      Exec("ROLLBACK");
      return result.status();
    }
    stored.push_back(*result);
  }
  NEWSLOOM_RETURN_IF_ERROR(Exec("COMMIT"));
  return stored;
}

Result<bool> SqliteStore::PutArticleInTransaction(const RawPage& page,
                                                  const AnalyzedArticle& analyzed) {
  const Article& a = analyzed.article;
  {
    auto exists = HasArticle(a.id);
    if (!exists.ok()) return exists.status();
    if (*exists) return false;
  }
  int64_t seq = 0;
  {
    NEWSLOOM_PREPARE(q, sql::kInsertArticle);
    q.Bind(1, a.id).Bind(2, a.source).Bind(3, a.url).Bind(4, a.title).Bind(5, a.subtitle);
    q.Bind(6, a.byline).Bind(7, a.outlet).Bind(8, a.published).Bind(9, a.published_confidence);
    q.Bind(10, a.masthead_date).Bind(11, a.language).Bind(12, a.body);
    q.Bind(13, Dump(ParagraphsToJson(a.captions))).Bind(14, Dump(RemovedToJson(a.removed)));
    q.Bind(15, page.content_type).Bind(16, page.url).Bind(17, page.fetched_at);
    q.Bind(18, Dump(GivenToJson(page)));
    q.Bind(19, static_cast<int64_t>(text::Hash64(page.bytes)));
    q.Bind(20, static_cast<int64_t>(page.bytes.size())).BindBlob(21, Compress(page.bytes));
    q.Bind(22, std::string(DateSourceName(a.published_source)));
    NEWSLOOM_RETURN_IF_ERROR(q.Run());
    seq = sqlite3_last_insert_rowid(db_);
  }
  {
    NEWSLOOM_PREPARE(q, sql::kInsertFts);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(1, seq).Bind(2, a.title).Bind(3, a.body).Run());
  }
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    const Paragraph& p = a.paragraphs[i];
    NEWSLOOM_PREPARE(q, sql::kInsertParagraph);
    q.Bind(1, seq).Bind(2, static_cast<int64_t>(i)).Bind(3, p.line).Bind(4, p.span.begin);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(5, p.span.end).Bind(6, p.text).Run());
  }
  for (size_t i = 0; i < analyzed.sentences.size(); ++i) {
    const Span& s = analyzed.sentences[i];
    NEWSLOOM_PREPARE(q, sql::kInsertSentence);
    NEWSLOOM_RETURN_IF_ERROR(
        q.Bind(1, seq).Bind(2, static_cast<int64_t>(i)).Bind(3, s.begin).Bind(4, s.end).Run());
  }
  for (size_t i = 0; i < analyzed.dates.size(); ++i) {
    const TemporalExpression& d = analyzed.dates[i];
    NEWSLOOM_PREPARE(q, sql::kInsertDate);
    q.Bind(1, seq).Bind(2, static_cast<int64_t>(i)).Bind(3, d.span.begin).Bind(4, d.span.end);
    q.Bind(5, d.text).Bind(6, d.type).Bind(7, d.value).Bind(8, d.relative ? 1 : 0);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(9, d.tense).Run());
  }
  for (size_t i = 0; i < analyzed.entities.size(); ++i) {
    const EntityMention& e = analyzed.entities[i];
    NEWSLOOM_PREPARE(q, sql::kInsertEntity);
    q.Bind(1, seq).Bind(2, static_cast<int64_t>(i)).Bind(3, e.span.begin).Bind(4, e.span.end);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(5, e.text).Bind(6, e.type).Run());
  }
  {
    NEWSLOOM_PREPARE(q, sql::kInsertAnalysis);
    q.Bind(1, seq).Bind(2, static_cast<int64_t>(analyzed.body_hash));
    q.BindBlob(3, EncodeMinhash(analyzed.minhash)).BindBlob(4, EncodeTerms(analyzed.terms));
    q.BindBlob(5, EncodeTokens(analyzed.tokens));
    NEWSLOOM_RETURN_IF_ERROR(q.Run());
  }
  return true;
}

Result<AnalyzedArticle> SqliteStore::ReadArticle(sqlite3_stmt* row, const LoadOptions& options) {
  // `row` is the caller's cursor: read it with the plain API so that it is not reset.
  AnalyzedArticle analyzed;
  Article& a = analyzed.article;
  const int64_t seq = sqlite3_column_int64(row, 0);
  auto text = [row](int c) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(row, c));
    return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(row, c));
  };
  auto date = [&](int c) -> std::optional<Date> {
    if (sqlite3_column_type(row, c) == SQLITE_NULL) return std::nullopt;
    return Date::FromIso(text(c));
  };
  a.id = text(1);
  a.source = text(2);
  a.url = text(3);
  a.title = text(4);
  a.subtitle = text(5);
  a.byline = text(6);
  a.outlet = text(7);
  a.published = date(8);
  a.published_confidence = sqlite3_column_double(row, 9);
  a.masthead_date = date(10);
  a.language = text(11);
  a.body = text(12);
  a.published_source = DateSourceFromName(text(15));
  if (options.paragraphs) {
    a.captions = ParagraphsFromJson(text(13));
    a.removed = RemovedFromJson(text(14));
    NEWSLOOM_PREPARE(q, sql::kSelectParagraphs);
    q.Bind(1, seq);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      Paragraph p;
      p.line = static_cast<int>(q.Int(0));
      p.span = Span{static_cast<uint32_t>(q.Int(1)), static_cast<uint32_t>(q.Int(2))};
      p.text = q.Text(3);
      a.paragraphs.push_back(std::move(p));
    }
  }
  {
    NEWSLOOM_PREPARE(q, sql::kSelectSentences);
    q.Bind(1, seq);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      analyzed.sentences.push_back(
          Span{static_cast<uint32_t>(q.Int(0)), static_cast<uint32_t>(q.Int(1))});
    }
  }
  {
    NEWSLOOM_PREPARE(q, sql::kSelectDates);
    q.Bind(1, seq);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      TemporalExpression d;
      d.span = Span{static_cast<uint32_t>(q.Int(0)), static_cast<uint32_t>(q.Int(1))};
      d.text = q.Text(2);
      d.type = q.Text(3);
      d.value = q.Text(4);
      d.relative = q.Int(5) != 0;
      d.tense = static_cast<int>(q.Int(6));
      analyzed.dates.push_back(std::move(d));
    }
  }
  {
    NEWSLOOM_PREPARE(q, sql::kSelectEntities);
    q.Bind(1, seq);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      EntityMention e;
      e.span = Span{static_cast<uint32_t>(q.Int(0)), static_cast<uint32_t>(q.Int(1))};
      e.text = q.Text(2);
      e.type = q.Text(3);
      analyzed.entities.push_back(std::move(e));
    }
  }
  {
    NEWSLOOM_PREPARE(q, sql::kSelectAnalysis);
    auto has = q.Bind(1, seq).Step();
    if (!has.ok()) return has.status();
    if (*has) {
      analyzed.body_hash = static_cast<uint64_t>(q.Int(0));
      auto minhash = DecodeMinhash(q.Blob(1));
      if (!minhash.ok()) return minhash.status();
      analyzed.minhash = std::move(*minhash);
      auto terms = DecodeTerms(q.Blob(2));
      if (!terms.ok()) return terms.status();
      analyzed.terms = std::move(*terms);
      if (options.tokens) {
        auto tokens = DecodeTokens(q.Blob(3));
        if (!tokens.ok()) return tokens.status();
        analyzed.tokens = std::move(*tokens);
      }
    }
  }
  return analyzed;
}

Result<AnalyzedArticle> SqliteStore::GetArticle(const std::string& id) {
  NEWSLOOM_PREPARE(q, sql::kSelectArticleById);
  auto has = q.Bind(1, id).Step();
  if (!has.ok()) return has.status();
  if (!*has) return Status::NotFound("no article " + id);
  return ReadArticle(*q_prepared, LoadOptions{});
}

namespace {

Result<RawPage> ReadRawPage(Stmt& q) {
  RawPage page;
  page.source = q.Text(0);
  page.url = q.Text(1);
  page.fetched_at = q.Text(2);
  page.content_type = q.Text(3);
  GivenFromJson(q.Text(4), &page);
  auto bytes = Decompress(q.Blob(5));
  if (!bytes.ok()) return bytes.status();
  page.bytes = std::move(*bytes);
  return page;
}

}  // namespace

Result<RawPage> SqliteStore::GetRawPage(const std::string& article_id) {
  NEWSLOOM_PREPARE(q, sql::kSelectRawPage);
  auto has = q.Bind(1, article_id).Step();
  if (!has.ok()) return has.status();
  if (!*has) return Status::NotFound("no article " + article_id);
  return ReadRawPage(q);
}

Status SqliteStore::ForEachArticle(const LoadOptions& options,
                                   const std::function<Status(AnalyzedArticle&&)>& fn) {
  return ForEachArticleAfter(0, options, fn);
}

Status SqliteStore::ForEachArticleAfter(int64_t skip, const LoadOptions& options,
                                        const std::function<Status(AnalyzedArticle&&)>& fn) {
  // A statement of its own (not the cache): the callback may call GetArticle meanwhile.
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, sql::kSelectArticlesInOrderFrom, -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
  }
  sqlite3_bind_int64(raw, 1, std::max<int64_t>(0, skip));
  Status status;
  for (;;) {
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      status = Status::IoError(std::string("SQLite: ") + sqlite3_errmsg(db_));
      break;
    }
    auto article = ReadArticle(raw, options);
    if (!article.ok()) {
      status = article.status();
      break;
    }
    status = fn(std::move(*article));
    if (!status.ok()) break;
  }
  sqlite3_finalize(raw);
  return status;
}

Status SqliteStore::ForEachRawPage(const std::function<Status(const RawPage&)>& fn) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, sql::kSelectRawPagesInOrder, -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
  }
  Status status;
  {
    Stmt q(db_, raw);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) {
        status = has.status();
        break;
      }
      if (!*has) break;
      auto page = ReadRawPage(q);
      if (!page.ok()) {
        status = page.status();
        break;
      }
      status = fn(*page);
      if (!status.ok()) break;
    }
  }
  sqlite3_finalize(raw);
  return status;
}

Status SqliteStore::ReplaceStories(const std::vector<Story>& stories,
                                   const std::vector<CopyGroup>& copy_groups) {
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status status = ReplaceStoriesInTransaction(stories, copy_groups);
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

Status SqliteStore::ReplaceStoriesInTransaction(const std::vector<Story>& stories,
                                                const std::vector<CopyGroup>& copy_groups) {
  NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteStoryArticles));
  NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteStories));
  NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteCopyGroups));
  NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteStates));  // it made other stories
  for (size_t i = 0; i < stories.size(); ++i) {
    NEWSLOOM_RETURN_IF_ERROR(InsertStory(stories[i], static_cast<int64_t>(i)));
  }
  for (const CopyGroup& g : copy_groups) NEWSLOOM_RETURN_IF_ERROR(InsertCopyGroup(g));
  return Status::Ok();
}

Status SqliteStore::InsertStory(const Story& s, int64_t n) {
  {
    NEWSLOOM_PREPARE(q, sql::kInsertStory);
    q.Bind(1, s.id).Bind(2, n).Bind(3, s.thread).Bind(4, s.title);
    q.Bind(5, s.first_published).Bind(6, s.last_published).Bind(7, s.sources_independent);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(8, Dump(StoryToJson(s))).Run());
  }
  for (size_t j = 0; j < s.articles.size(); ++j) {
    NEWSLOOM_PREPARE(q, sql::kInsertStoryArticle);
    q.Bind(1, s.id).Bind(2, static_cast<int64_t>(j)).Bind(3, s.articles[j].id);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(4, StoredRoleName(s.articles[j].role)).Run());
  }
  return Status::Ok();
}

Status SqliteStore::InsertCopyGroup(const CopyGroup& g) {
  for (size_t j = 0; j < g.article_ids.size(); ++j) {
    NEWSLOOM_PREPARE(q, sql::kInsertCopyGroup);
    q.Bind(1, g.id).Bind(2, static_cast<int64_t>(j)).Bind(3, g.article_ids[j]);
    q.Bind(4, StoredRoleName(j < g.roles.size() ? g.roles[j] : CopyRole::kOriginal));
    q.Bind(5, j < g.similarity.size() ? g.similarity[j] : 0.0);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(6, g.first_publisher).Run());
  }
  return Status::Ok();
}

Status SqliteStore::UpdateStories(const StoryChanges& changes) {
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status status = UpdateStoriesInTransaction(changes);
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

Status SqliteStore::UpdateStoriesInTransaction(const StoryChanges& changes) {
  if (changes.replace_all) {
    NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteStoryArticles));
    NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteStories));
    NEWSLOOM_RETURN_IF_ERROR(Exec(sql::kDeleteCopyGroups));
  }
  auto remove_story = [&](const std::string& id) -> Status {
    {
      NEWSLOOM_PREPARE(q, sql::kDeleteStoryArticlesById);
      NEWSLOOM_RETURN_IF_ERROR(q.Bind(1, id).Run());
    }
    NEWSLOOM_PREPARE(q, sql::kDeleteStoryById);
    return q.Bind(1, id).Run();
  };
  auto remove_group = [&](const std::string& id) -> Status {
    NEWSLOOM_PREPARE(q, sql::kDeleteCopyGroupById);
    return q.Bind(1, id).Run();
  };
  for (const std::string& id : changes.removed_stories) NEWSLOOM_RETURN_IF_ERROR(remove_story(id));
  for (size_t i = 0; i < changes.stories.size(); ++i) {
    NEWSLOOM_RETURN_IF_ERROR(remove_story(changes.stories[i].id));
    NEWSLOOM_RETURN_IF_ERROR(InsertStory(changes.stories[i], static_cast<int64_t>(i)));
  }
  for (const std::string& id : changes.removed_copy_groups) {
    NEWSLOOM_RETURN_IF_ERROR(remove_group(id));
  }
  for (const CopyGroup& g : changes.copy_groups) {
    NEWSLOOM_RETURN_IF_ERROR(remove_group(g.id));
    NEWSLOOM_RETURN_IF_ERROR(InsertCopyGroup(g));
  }
  for (const auto& [name, blob] : changes.state) {
    NEWSLOOM_PREPARE(q, sql::kPutState);
    NEWSLOOM_RETURN_IF_ERROR(q.Bind(1, name).BindBlob(2, blob).Run());
  }
  return Status::Ok();
}

Result<std::optional<std::string>> SqliteStore::GetState(const std::string& name) {
  NEWSLOOM_PREPARE(q, sql::kSelectState);
  q.Bind(1, name);
  auto has = q.Step();
  if (!has.ok()) return has.status();
  if (!*has) return std::optional<std::string>();
  return std::optional<std::string>(std::string(q.Blob(0)));
}

Result<std::vector<StorySummary>> SqliteStore::ListStories() {
  std::vector<StorySummary> stories;
  {
    NEWSLOOM_PREPARE(q, sql::kSelectStories);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      StorySummary s;
      s.id = q.Text(0);
      s.thread = q.Text(1);
      s.title = q.Text(2);
      s.first_published = q.OptDate(3);
      s.last_published = q.OptDate(4);
      s.sources_independent = static_cast<int>(q.Int(5));
      stories.push_back(std::move(s));
    }
  }
  for (StorySummary& s : stories) {
    NEWSLOOM_PREPARE(q, sql::kSelectStoryArticles);
    q.Bind(1, s.id);
    for (;;) {
      auto has = q.Step();
      if (!has.ok()) return has.status();
      if (!*has) break;
      StoryArticle a;
      a.id = q.Text(0);
      a.source = q.Text(1);
      a.title = q.Text(2);
      a.outlet = q.Text(3);
      a.published = q.OptDate(4);
      a.role = StoredRole(q.Text(5));
      s.articles.push_back(std::move(a));
    }
  }
  return stories;
}

Result<std::string> SqliteStore::GetStoryBrief(const std::string& id) {
  NEWSLOOM_PREPARE(q, sql::kSelectStoryBrief);
  auto has = q.Bind(1, id).Step();
  if (!has.ok()) return has.status();
  if (!*has) return Status::NotFound("no story " + id);
  return q.Text(0);
}

Result<Story> SqliteStore::GetStory(const std::string& id) {
  auto text = GetStoryBrief(id);
  if (!text.ok()) return text.status();
  const json brief = json::parse(*text, nullptr, false);
  if (brief.is_discarded()) return Status::Corrupt("story " + id + ": damaged brief");
  return StoryFromJson(brief);
}

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  std::string match = FtsQuery(query.text);
  // Entity filter only: search for any of the names' words (each name's words all required).
  if (match.empty()) {
    for (const std::string& name : query.entity_names) {
      const std::string words = FtsQuery(name);
      if (!words.empty()) match += (match.empty() ? "(" : " OR (") + words + ")";
    }
  }
  if (match.empty()) return Status::InvalidArgument("empty search query");
  const std::vector<std::string> words = SnippetWords(query);
  const bool filtered =
      query.from || query.to || !query.outlet.empty() || !query.entity_names.empty();
  NEWSLOOM_PREPARE(q, filtered ? sql::kSearchFiltered : sql::kSearch);
  q.Bind(1, match).Bind(2, query.from).Bind(3, query.to).Bind(4, query.outlet);
  q.Bind(5, static_cast<int64_t>(query.limit));
  q.Bind(6, query.entity_names.empty() ? std::string() : nlohmann::json(query.entity_names).dump());
  q.Bind(7, static_cast<int64_t>(kSearchWindow));
  q.Bind(8, static_cast<int64_t>(kSearchWindow) * std::max(0, query.window));
  std::vector<SearchHit> hits;
  for (;;) {
    auto has = q.Step();
    if (!has.ok()) return has.status();
    if (!*has) break;
    SearchHit hit;
    hit.article_id = q.Text(0);
    hit.title = q.Text(1);
    hit.outlet = q.Text(2);
    hit.source = q.Text(3);
    hit.published = q.OptDate(4);
    hit.snippet = Snippet(q.Text(5), words);
    hit.score = -q.Double(6);  // bm25 is lower for better matches
    hit.story_id = q.Text(7);
    hits.push_back(std::move(hit));
  }
  return hits;
}

#undef NEWSLOOM_PREPARE

}  // namespace newsloom::store
