#include "store/watch_state_rows.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

#include "newsloom/watch_state_store.h"

namespace newsloom::store {

namespace {

uint64_t Number(std::string_view text) {
  uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

fetch::UrlState UrlStateNamed(std::string_view name) {
  if (name == "fetched") return fetch::UrlState::kFetched;
  if (name == "retry") return fetch::UrlState::kRetry;
  if (name == "failed") return fetch::UrlState::kFailed;
  return fetch::UrlState::kPending;
}

}  // namespace

const char* const kSourceColumns =
    "url, fetch_url, parent, kind, etag, last_modified, last_poll, status, last_error, children, "
    "polls, not_modified, errors, items_new, articles_fetched";

const char* const kUrlColumns =
    "url, listed_url, source, first_seen, position, title, published, summary, state, attempts, "
    "last_attempt, retry_after, http_status, fetched_url, error, alias_of";

const char* UrlStateName(fetch::UrlState state) {
  switch (state) {
    case fetch::UrlState::kPending:
      return "pending";
    case fetch::UrlState::kFetched:
      return "fetched";
    case fetch::UrlState::kRetry:
      return "retry";
    case fetch::UrlState::kFailed:
      return "failed";
  }
  return "pending";
}

TextRow SourceToRow(const fetch::SourceState& s) {
  return {s.url,
          s.fetch_url,
          s.parent,
          s.kind,
          s.etag,
          s.last_modified,
          s.last_poll,
          s.status,
          s.last_error,
          nlohmann::json(s.children).dump(),
          std::to_string(s.polls),
          std::to_string(s.not_modified),
          std::to_string(s.errors),
          std::to_string(s.items_new),
          std::to_string(s.articles_fetched)};
}

fetch::SourceState SourceFromRow(const TextRow& row) {
  fetch::SourceState s;
  if (row.size() != kSourceColumnCount) return s;
  s.url = row[0];
  s.fetch_url = row[1];
  s.parent = row[2];
  s.kind = row[3];
  s.etag = row[4];
  s.last_modified = row[5];
  s.last_poll = row[6];
  s.status = row[7];
  s.last_error = row[8];
  const nlohmann::json children = nlohmann::json::parse(row[9], nullptr, false);
  if (children.is_array()) {
    for (const nlohmann::json& child : children) {
      if (child.is_string()) s.children.push_back(child.get<std::string>());
    }
  }
  s.polls = Number(row[10]);
  s.not_modified = Number(row[11]);
  s.errors = Number(row[12]);
  s.items_new = Number(row[13]);
  s.articles_fetched = Number(row[14]);
  return s;
}

TextRow UrlToRow(const fetch::SeenUrl& u) {
  return {u.url,
          u.listed_url,
          u.source,
          u.first_seen,
          std::to_string(u.position),
          u.title,
          u.published,
          u.summary,
          UrlStateName(u.state),
          std::to_string(u.attempts),
          u.last_attempt,
          u.retry_after,
          std::to_string(u.http_status),
          u.fetched_url,
          u.error,
          u.alias_of};
}

fetch::SeenUrl UrlFromRow(const TextRow& row) {
  fetch::SeenUrl u;
  if (row.size() != kUrlColumnCount) return u;
  u.url = row[0];
  u.listed_url = row[1];
  u.source = row[2];
  u.first_seen = row[3];
  u.position = Number(row[4]);
  u.title = row[5];
  u.published = row[6];
  u.summary = row[7];
  u.state = UrlStateNamed(row[8]);
  u.attempts = static_cast<int>(Number(row[9]));
  u.last_attempt = row[10];
  u.retry_after = row[11];
  u.http_status = static_cast<int>(Number(row[12]));
  u.fetched_url = row[13];
  u.error = row[14];
  u.alias_of = row[15];
  return u;
}

}  // namespace newsloom::store
