#include "store/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdlib>

#include "text/utf8.h"

namespace newsloom::store {

namespace {

std::string TrimNewlines(std::string message) {
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return message;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

PgResult::~PgResult() { PQclear(result_); }
int PgResult::Rows() const { return PQntuples(result_); }
bool PgResult::IsNull(int r, int c) const { return PQgetisnull(result_, r, c) != 0; }
std::string PgResult::Text(int r, int c) const {
  return std::string(PQgetvalue(result_, r, c), PQgetlength(result_, r, c));
}
int64_t PgResult::Int(int r, int c) const {
  return std::strtoll(PQgetvalue(result_, r, c), nullptr, 10);
}
double PgResult::Double(int r, int c) const {
  return std::strtod(PQgetvalue(result_, r, c), nullptr);
}
bool PgResult::Bool(int r, int c) const { return PQgetvalue(result_, r, c)[0] == 't'; }
std::string PgResult::Bytes(int r, int c) const {
  size_t length = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, r, c)), &length);
  if (bytes == nullptr) return std::string();
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}
std::optional<Date> PgResult::OptDate(int r, int c) const {
  if (IsNull(r, c)) return std::nullopt;
  return Date::FromIso(Text(r, c));
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& uri) {
  pg_conn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string message =
        TrimNewlines(uri + ": " + (conn ? PQerrorMessage(conn) : "out of memory"));
    PQfinish(conn);
    return Status::IoError(std::move(message));
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::Error(const char* what) const {
  return Status::IoError(
      TrimNewlines(std::string("PostgreSQL ") + what + ": " + PQerrorMessage(conn_)));
}

Status PgConnection::Exec(const char* sql) {
  const auto start = std::chrono::steady_clock::now();
  PGresult* r = PQexec(conn_, sql);
  seconds_ += SecondsSince(start);
  const ExecStatusType status = PQresultStatus(r);
  Status out;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    out = Status::IoError(TrimNewlines(std::string("PostgreSQL: ") + PQresultErrorMessage(r)));
  }
  PQclear(r);
  return out;
}

Result<PgResult> PgConnection::Run(const char* sql, const std::vector<PgParam>& params) {
  const auto start = std::chrono::steady_clock::now();
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size());
    PGresult* r = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return Error("prepare");
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                               values.data(), nullptr, nullptr, 0);
  seconds_ += SecondsSince(start);
  const ExecStatusType status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string message = TrimNewlines(std::string("PostgreSQL: ") + PQresultErrorMessage(r));
    PQclear(r);
    return Status::IoError(std::move(message));
  }
  return PgResult(r);
}

ArrayParam& ArrayParam::Text(std::string_view v) {
  Separate();
  out_ += '"';
  // PostgreSQL text holds neither NUL bytes nor ill-formed UTF-8.
  std::string repaired;
  if (text::FirstInvalidUtf8(v) != std::string_view::npos) {
    repaired = text::RepairUtf8(v);
    v = repaired;
  }
  for (char c : v) {
    if (c == '\0') continue;
    if (c == '"' || c == '\\') out_ += '\\';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

ArrayParam& ArrayParam::Null() {
  Separate();
  out_ += "NULL";
  return *this;
}

ArrayParam& ArrayParam::Int(int64_t v) {
  Separate();
  out_ += std::to_string(v);
  return *this;
}

ArrayParam& ArrayParam::Double(double v) {
  Separate();
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  out_.append(buffer, ec == std::errc() ? end : buffer);
  return *this;
}

ArrayParam& ArrayParam::Bytes(std::string_view v) {
  static constexpr char kHex[] = "0123456789abcdef";
  Separate();
  out_ += "\"\\\\x";
  for (unsigned char c : v) {
    out_ += kHex[c >> 4];
    out_ += kHex[c & 15];
  }
  out_ += '"';
  return *this;
}

std::string IntArray(const std::vector<int64_t>& values) {
  ArrayParam a;
  for (int64_t v : values) a.Int(v);
  return a.Done();
}

}  // namespace newsloom::store
