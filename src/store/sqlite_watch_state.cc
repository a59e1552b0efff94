// The watch state in a SQLite store, on a connection of its own (WAL: the store's writer and the
// server's readers go on beside it).
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/sql_watch_state.h"
#include "store/sqlite_store.h"

namespace newsloom::store {

namespace {

class SqliteWatchState : public SqlWatchState {
 public:
  explicit SqliteWatchState(sqlite3* db) : db_(db) {}
  ~SqliteWatchState() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Status Init() {
    sqlite3_busy_timeout(db_, 10000);
    // Commits survive the process being killed; NORMAL as the store's own connection.
    return Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
  }

 protected:
  Status Exec(const char* sql) override { return ExecSqlite(db_, sql); }

  Result<std::vector<TextRow>> Query(const std::string& sql, const TextRow& params,
                                     int columns) override {
    auto prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    sqlite3_stmt* stmt = *prepared;
    for (size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_text64(stmt, static_cast<int>(i + 1), params[i].data(), params[i].size(),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    std::vector<TextRow> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      TextRow row(columns);
      for (int c = 0; c < columns; ++c) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        if (text != nullptr) row[c].assign(text, sqlite3_column_bytes(stmt, c));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) return Status::IoError(std::string("SQLite: ") + sqlite3_errmsg(db_));
    return rows;
  }

  std::string Placeholder(int i) const override { return "?" + std::to_string(i); }
  std::string Upsert(const char* table, const char* columns, int count) const override {
    return std::string("INSERT OR REPLACE INTO ") + table + " (" + columns + ") VALUES (" +
           Placeholders(count) + ")";
  }
  const char* BeginTransaction() const override { return "BEGIN IMMEDIATE"; }
  const char* ByteOrder() const override { return ""; }  // BINARY is SQLite's default

 private:
  Result<sqlite3_stmt*> Prepare(const std::string& sql) {
    auto cached = statements_.find(sql);
    if (cached != statements_.end()) return cached->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK) {
      return Status::Internal(std::string("SQLite prepare: ") + sqlite3_errmsg(db_));
    }
    statements_.emplace(sql, stmt);
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<StoredWatchState>> OpenSqliteWatchState(const std::string& path) {
  // The store itself, opened once, creates the file and applies the migrations.
  auto store = SqliteStore::Open(path);
  if (!store.ok()) return store.status();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string message = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return Status::IoError(std::move(message));
  }
  auto state = std::make_unique<SqliteWatchState>(db);
  NEWSLOOM_RETURN_IF_ERROR(state->Init());
  return std::unique_ptr<StoredWatchState>(std::move(state));
}

}  // namespace newsloom::store
