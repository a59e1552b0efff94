// A libpq connection for the PostgreSQL backend: statements prepared once per connection, text
// parameters, results freed on destruction, time spent waiting for the server counted, and the
// array literals that let one statement write a whole batch of rows through unnest().
#ifndef NEWSLOOM_STORE_POSTGRES_CONNECTION_H_
#define NEWSLOOM_STORE_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsloom/date.h"
#include "newsloom/status.h"

struct pg_conn;
struct pg_result;

namespace newsloom::store {

// A text parameter; nullopt is SQL NULL.
using PgParam = std::optional<std::string>;

// One statement's result, cleared on destruction.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* r) : result_(r) {}
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept {
    std::swap(result_, other.result_);
    return *this;
  }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult();

  int Rows() const;
  bool IsNull(int r, int c) const;
  std::string Text(int r, int c) const;
  int64_t Int(int r, int c) const;
  double Double(int r, int c) const;
  bool Bool(int r, int c) const;
  std::string Bytes(int r, int c) const;  // a bytea column, unescaped
  std::optional<Date> OptDate(int r, int c) const;

 private:
  pg_result* result_ = nullptr;
};

// One connection. Not thread-safe.
class PgConnection {
 public:
  // Connects (libpq accepts the URI as is); kIoError when the server cannot be reached.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& uri);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` (one or more statements, no parameters, no result wanted).
  Status Exec(const char* sql);
  // Runs `sql` with text parameters as a prepared statement, prepared once per connection and
  // named by the address of `sql` (so it must be a constant).
  Result<PgResult> Run(const char* sql, const std::vector<PgParam>& params);
  // Seconds spent waiting for the server since opening.
  double Seconds() const { return seconds_; }

 private:
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  Status Error(const char* what) const;

  pg_conn* conn_;
  std::unordered_map<const char*, std::string> prepared_;  // statement text -> prepared name
  double seconds_ = 0;
};

// Builds a PostgreSQL array literal ({"a","b",NULL}) for one unnest() parameter.
class ArrayParam {
 public:
  ArrayParam& Text(std::string_view v);
  ArrayParam& Null();
  ArrayParam& Date(const std::optional<newsloom::Date>& d) { return d ? Text(d->ToIso()) : Null(); }
  ArrayParam& Int(int64_t v);
  ArrayParam& Double(double v);
  ArrayParam& Bytes(std::string_view v);
  std::string Done() const { return out_ + "}"; }

 private:
  void Separate() {
    if (out_.size() > 1) out_ += ',';
  }
  std::string out_ = "{";
};

// A bigint array literal ({1,2,3}).
std::string IntArray(const std::vector<int64_t>& values);

}  // namespace newsloom::store

// Runs `sql` on `conn` (a PgConnection*) into a new PgResult `var`; returns the error from the
// enclosing function when it fails.
#define NEWSLOOM_PG_RUN(conn, var, sql, ...)      \
  ::newsloom::store::PgResult var;                \
  {                                               \
    auto var##_r = (conn)->Run(sql, __VA_ARGS__); \
    if (!var##_r.ok()) return var##_r.status();   \
    var = std::move(*var##_r);                    \
  }

#endif  // NEWSLOOM_STORE_POSTGRES_CONNECTION_H_
