// The watch state in a PostgreSQL store, on a connection of its own.
#include <libpq-fe.h>

#include <string>

#include "store/postgres_store.h"
#include "store/sql_watch_state.h"

namespace newsloom::store {

namespace {

std::string ErrorOf(const char* what, const char* message) {
  std::string out = std::string(what) + message;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class PostgresWatchState : public SqlWatchState {
 public:
  explicit PostgresWatchState(PGconn* conn) : conn_(conn) {}
  ~PostgresWatchState() override { PQfinish(conn_); }

  Status Init() {
    return Exec(
        "SET client_encoding = 'UTF8'; SET client_min_messages = warning; "
        "SET synchronous_commit = on");
  }

 protected:
  Status Exec(const char* sql) override {
    PGresult* r = PQexec(conn_, sql);
    const ExecStatusType status = PQresultStatus(r);
    Status out;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      out = Status::IoError(ErrorOf("PostgreSQL: ", PQresultErrorMessage(r)));
    }
    PQclear(r);
    return out;
  }

  Result<std::vector<TextRow>> Query(const std::string& sql, const TextRow& params,
                                     int columns) override {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      Status error = Status::IoError(ErrorOf("PostgreSQL: ", PQresultErrorMessage(r)));
      PQclear(r);
      return error;
    }
    std::vector<TextRow> rows(PQntuples(r), TextRow(columns));
    for (int i = 0; i < PQntuples(r); ++i) {
      for (int c = 0; c < columns && c < PQnfields(r); ++c) {
        rows[i][c].assign(PQgetvalue(r, i, c), PQgetlength(r, i, c));
      }
    }
    PQclear(r);
    return rows;
  }

  std::string Placeholder(int i) const override { return "$" + std::to_string(i); }
  std::string Upsert(const char* table, const char* columns, int count) const override {
    std::string sql = std::string("INSERT INTO ") + table + " (" + columns + ") VALUES (" +
                      Placeholders(count) + ") ON CONFLICT (url) DO UPDATE SET ";
    // Every column but the key (the first) takes the new value.
    std::string_view rest(columns);
    rest.remove_prefix(rest.find(", ") + 2);
    bool first = true;
    while (!rest.empty()) {
      const size_t comma = rest.find(", ");
      const std::string_view column = rest.substr(0, comma);
      sql += (first ? "" : ", ") + std::string(column) + " = EXCLUDED." + std::string(column);
      first = false;
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    return sql;
  }
  const char* BeginTransaction() const override { return "BEGIN"; }
  const char* ByteOrder() const override { return " COLLATE \"C\""; }

 private:
  PGconn* conn_;
};

}  // namespace

Result<std::unique_ptr<StoredWatchState>> OpenPostgresWatchState(const std::string& uri) {
  // The store itself, opened once, applies the migrations.
  auto store = PostgresStore::Open(uri);
  if (!store.ok()) return store.status();
  PGconn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string message = ErrorOf((uri + ": ").c_str(), conn ? PQerrorMessage(conn) : "no memory");
    PQfinish(conn);
    return Status::IoError(std::move(message));
  }
  auto state = std::make_unique<PostgresWatchState>(conn);
  NEWSLOOM_RETURN_IF_ERROR(state->Init());
  return std::unique_ptr<StoredWatchState>(std::move(state));
}

}  // namespace newsloom::store
