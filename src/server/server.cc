#include "newsloom/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "ingest/reader.h"
#include "newsloom/json.h"
#include "newsloom/pipeline.h"
#include "newsloom/quotes.h"
#include "server/assets.h"
#include "server/catalog.h"
#include "server/metrics.h"
#include "text/chars.h"

namespace newsloom::server {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// How far back `window` pages search results: 100 windows of kSearchWindow matches.
constexpr int kMaxSearchWindows = 100;

// When the request being served on this thread was read (set before routing, read by the logger).
thread_local Clock::time_point request_start;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 401:
      return "authentication required";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request timeout";
    case 413:
      return "request body too large";
    case 414:
      return "request target too long";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    case 500:
      return "internal error";
    case 503:
      return "unavailable";
  }
  return status >= 500 ? "server error" : "client error";
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Dump({{"error", {{"status", status}, {"message", message}}}}),
                  "application/json");
}

void SendJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), "application/json");
}

// The route pattern a path belongs to: a bounded set of metric labels.
std::string RouteOf(const std::string& method, const std::string& path) {
  static const std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"/api/stories/", "/api/stories/{id}"},
      {"/api/articles/", "/api/articles/{id}"},
      {"/api/entities/", "/api/entities/{id}"},
  };
  for (const auto& [prefix, route] : kPrefixes) {
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
      return std::string(route);
    }
  }
  static const std::set<std::string, std::less<>> kExact = {"/api/stories", "/api/search",
                                                            "/api/ingest", "/healthz", "/metrics"};
  if (kExact.count(path)) return path;
  if (method == "GET" && (path == "/" || FindAsset(path))) return "static";
  return "other";
}

json SpanFields(const Span& span) { return {{"begin", span.begin}, {"end", span.end}}; }

json ArticleToJson(const AnalyzedArticle& a, const std::string& story_id) {
  const Article& art = a.article;
  json paragraphs = json::array();
  for (const Paragraph& p : art.paragraphs) paragraphs.push_back(SpanFields(p.span));
  json sentences = json::array();
  for (const Span& s : a.sentences) sentences.push_back(SpanFields(s));
  json entities = json::array();
  for (const EntityMention& e : a.entities) {
    json j = SpanFields(e.span);
    j["text"] = e.text;
    j["type"] = e.type;
    entities.push_back(std::move(j));
  }
  json dates = json::array();
  for (const TemporalExpression& t : a.dates) {
    json j = SpanFields(t.span);
    j["text"] = t.text;
    j["type"] = t.type;
    j["value"] = t.value;
    dates.push_back(std::move(j));
  }
  // The store does not keep quotes: find them now (cheap next to reading the article).
  const std::vector<Quote> found = a.quotes.empty() ? analyze::FindQuotes(art.body) : a.quotes;
  json quotes = json::array();
  for (const Quote& q : found) {
    json j = SpanFields(q.span);
    j["text"] = q.text;
    j["kind"] = q.kind;
    j["speaker"] = q.speaker;
    j["speaker_span"] = SpanFields(q.speaker_span);
    j["cue"] = q.cue;
    j["cue_span"] = SpanFields(q.cue_span);
    quotes.push_back(std::move(j));
  }
  return {{"id", art.id},
          {"story_id", story_id.empty() ? json(nullptr) : json(story_id)},
          {"source", art.source},
          {"url", art.url},
          {"title", art.title},
          {"subtitle", art.subtitle},
          {"byline", art.byline},
          {"outlet", art.outlet},
          {"published", DateToJson(art.published)},
          {"language", art.language},
          {"body", art.body},
          {"paragraphs", std::move(paragraphs)},
          {"sentences", std::move(sentences)},
          {"entities", std::move(entities)},
          {"dates", std::move(dates)},
          {"quotes", std::move(quotes)}};
}

// A whole non-negative number in [min, max], or nullopt.
std::optional<int> ParseInt(const std::string& s, int min, int max) {
  int value = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (s.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

// Constant-time comparison, so that response timing says nothing about the token.
bool SameToken(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i];
  return diff == 0;
}

json ReportToJson(const IngestReport& r) {
  json skipped = json::array();
  for (const SkippedPage& s : r.skipped) {
    skipped.push_back({{"source", s.source}, {"reason", s.reason}});
  }
  json by_reason = json::object();
  for (const auto& [reason, count] : r.SkippedByReason()) by_reason[reason] = count;
  return {{"pages_read", r.pages_read},
          {"articles_stored", r.articles_stored},
          {"already_stored", r.already_stored},
          {"id_collisions", r.id_collisions},
          {"stories", r.stories},
          {"skipped", std::move(skipped)},
          {"skipped_by_reason", std::move(by_reason)},
          {"seconds",
           {{"read", r.seconds.read},
            {"extract", r.seconds.extract},
            {"analyze", r.seconds.analyze},
            {"store", r.seconds.store},
            {"stories", r.seconds.stories}}}};
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, std::unique_ptr<StorePool> pool,
       std::unique_ptr<StorePool> search_pool)
      : options_(std::move(options)),
        pool_(std::move(pool)),
        search_pool_(std::move(search_pool)),
        catalog_(pool_.get()) {}

  void Setup();
  Status Bind();
  int port() const { return port_; }
  Status Listen();
  void Stop() { http_.stop(); }
  void Refresh() { catalog_.Invalidate(); }

 private:
  // Route handlers.
  void ListStories(const httplib::Request& req, httplib::Response& res);
  void GetStory(const httplib::Request& req, httplib::Response& res);
  void GetArticle(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void GetEntity(const httplib::Request& req, httplib::Response& res);
  void Ingest(const httplib::Request& req, httplib::Response& res);
  void Health(httplib::Response& res);
  void MetricsText(httplib::Response& res);
  void Static(const httplib::Request& req, httplib::Response& res);

  // The current snapshot, or null after sending a 500.
  std::shared_ptr<const Snapshot> SnapshotOr500(httplib::Response& res);
  // The request's `limit` into *limit (kept when absent); false after answering 400.
  bool ReadLimit(const httplib::Request& req, httplib::Response& res, int* limit);
  // Every name to search for when filtering by `entity` (an entity id, a name or a variant).
  std::vector<std::string> EntityNames(const Snapshot& snapshot, const std::string& entity);

  ServerOptions options_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<StorePool> search_pool_;
  std::atomic<int> searches_in_flight_{0};  // running or waiting for a search connection
  Catalog catalog_;
  Metrics metrics_;
  httplib::Server http_;
  int port_ = 0;

  // Ingests run one at a time, on their own store connection and pipeline (kept between runs:
  // it holds the cross-page evidence).
  std::mutex ingest_mu_;
  std::unique_ptr<Store> ingest_store_;
  std::unique_ptr<Pipeline> pipeline_;
};

void Server::Impl::Setup() {
  const ServerLimits& limits = options_.limits;
  const int threads = std::max(1, limits.threads);
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(limits.max_body_bytes);
  http_.set_read_timeout(limits.read_timeout_seconds, 0);
  http_.set_write_timeout(limits.write_timeout_seconds, 0);
  http_.set_keep_alive_timeout(limits.read_timeout_seconds);
  http_.set_keep_alive_max_count(1000);
  // No CORS headers: the page and the API share one origin.
  http_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                             {"Referrer-Policy", "no-referrer"},
                             {"X-Frame-Options", "DENY"}});

  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    if (req.target.size() > options_.limits.max_target_bytes) {
      SendError(res, 414,
                "request target longer than " + std::to_string(options_.limits.max_target_bytes) +
                    " bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    for (const auto& [key, value] : req.params) {
      if (value.size() > options_.limits.max_query_bytes) {
        SendError(res, 400,
                  "query parameter '" + key + "' longer than " +
                      std::to_string(options_.limits.max_query_bytes) + " bytes");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors raised inside httplib (bad request line, body too large, no route) come out as JSON too.
  http_.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        SendError(res, res.status, ReasonPhrase(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = std::string("internal error: ") + e.what();
        } catch (...) {
        }
        SendError(res, 500, what);
      });
  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    const double seconds =
        request_start == Clock::time_point()
            ? 0
            : std::chrono::duration<double>(Clock::now() - request_start).count();
    request_start = Clock::time_point();
    metrics_.Record(RouteOf(req.method, req.path), res.status, seconds);
  });

  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http_.Get("/api/stories", [this](Req req, Res res) { ListStories(req, res); });
  http_.Get(R"(/api/stories/([^/]+))", [this](Req req, Res res) { GetStory(req, res); });
  http_.Get(R"(/api/articles/([^/]+))", [this](Req req, Res res) { GetArticle(req, res); });
  http_.Get("/api/search", [this](Req req, Res res) { Search(req, res); });
  http_.Get(R"(/api/entities/([^/]+))", [this](Req req, Res res) { GetEntity(req, res); });
  http_.Post("/api/ingest", [this](Req req, Res res) { Ingest(req, res); });
  http_.Get("/healthz", [this](Req, Res res) { Health(res); });
  http_.Get("/metrics", [this](Req, Res res) { MetricsText(res); });
  http_.Get(R"(/.*)", [this](Req req, Res res) { Static(req, res); });
}

Status Server::Impl::Bind() {
  if (options_.port == 0) {
    port_ = http_.bind_to_any_port(options_.bind);
    if (port_ <= 0) return Status::IoError("cannot bind to " + options_.bind);
    return Status::Ok();
  }
  if (!http_.bind_to_port(options_.bind, options_.port)) {
    return Status::IoError("cannot bind to " + options_.bind + ":" + std::to_string(options_.port));
  }
  port_ = options_.port;
  return Status::Ok();
}

Status Server::Impl::Listen() {
  if (!http_.listen_after_bind()) {
    return Status::IoError("server on " + options_.bind + " stopped with an error");
  }
  return Status::Ok();
}

std::shared_ptr<const Snapshot> Server::Impl::SnapshotOr500(httplib::Response& res) {
  auto snapshot = catalog_.Current();
  if (!snapshot.ok()) {
    SendError(res, 500, "store: " + snapshot.status().ToString());
    return nullptr;
  }
  return *snapshot;
}

bool Server::Impl::ReadLimit(const httplib::Request& req, httplib::Response& res, int* limit) {
  if (!req.has_param("limit")) return true;
  auto v = ParseInt(req.get_param_value("limit"), 1, options_.limits.max_page_size);
  if (!v) {
    SendError(
        res, 400,
        "limit must be a whole number from 1 to " + std::to_string(options_.limits.max_page_size));
    return false;
  }
  *limit = *v;
  return true;
}

void Server::Impl::ListStories(const httplib::Request& req, httplib::Response& res) {
  int offset = 0;
  int limit = 20;
  if (req.has_param("offset")) {
    auto v = ParseInt(req.get_param_value("offset"), 0, 1 << 30);
    if (!v) return SendError(res, 400, "offset must be a whole number of 0 or more");
    offset = *v;
  }
  if (!ReadLimit(req, res, &limit)) return;
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  const size_t total = snapshot->list_items.size();
  const size_t begin = std::min<size_t>(offset, total);
  const size_t end = std::min<size_t>(begin + limit, total);
  std::string body = "[";
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) body += ',';
    body += snapshot->list_items[i];
  }
  body += ']';
  res.set_header("X-Total-Count", std::to_string(total));
  SendJson(res, std::move(body));
}

void Server::Impl::GetStory(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  auto story = catalog_.StoryJson(*snapshot, id);
  if (!story.ok()) {
    if (story.status().code() == Status::Code::kNotFound) {
      return SendError(res, 404, "no story with id '" + id + "'");
    }
    return SendError(res, 500, "store: " + story.status().ToString());
  }
  SendJson(res, **story);
}

void Server::Impl::GetArticle(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  Result<AnalyzedArticle> article = Status::Internal("unset");
  {
    auto store = pool_->Borrow();
    article = store->GetArticle(id);
  }
  if (!article.ok()) {
    if (article.status().code() == Status::Code::kNotFound) {
      return SendError(res, 404, "no article with id '" + id + "'");
    }
    return SendError(res, 500, "store: " + article.status().ToString());
  }
  auto it = snapshot->article_story.find(id);
  SendJson(res,
           Dump(ArticleToJson(*article, it == snapshot->article_story.end() ? "" : it->second)));
}

std::vector<std::string> Server::Impl::EntityNames(const Snapshot& snapshot,
                                                   const std::string& entity) {
  auto index = catalog_.Entities(snapshot);
  if (!index.ok()) return {entity};
  return (*index)->SearchNames(entity);
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  SearchQuery query;
  query.text = req.get_param_value("q");
  query.outlet = req.get_param_value("outlet");
  const std::string entity = req.get_param_value("entity");
  for (const char* key : {"from", "to"}) {
    const std::string value = req.get_param_value(key);
    if (value.empty()) continue;
    auto date = Date::FromIso(value);
    if (!date || value.size() != 10) {
      return SendError(res, 400,
                       std::string(key) + " must be a date like 2024-06-19, not '" + value + "'");
    }
    (std::string_view(key) == "from" ? query.from : query.to) = date;
  }
  if (!ReadLimit(req, res, &query.limit)) return;
  if (req.has_param("window")) {
    // Each window skips kSearchWindow more matches: a bound keeps that skip cheap.
    auto v = ParseInt(req.get_param_value("window"), 0, kMaxSearchWindows - 1);
    if (!v) {
      return SendError(
          res, 400,
          "window must be a whole number from 0 to " + std::to_string(kMaxSearchWindows - 1));
    }
    query.window = *v;
  }
  const bool no_words = std::all_of(query.text.begin(), query.text.end(),
                                    [](unsigned char c) { return std::isspace(c); });
  if (no_words && entity.empty()) return SendError(res, 400, "give words to search for in q");
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  // The same request on the same snapshot gives the same bytes: answer it from the cache.
  std::string key;
  for (const std::string& part :
       {query.text, query.outlet, entity, query.from ? query.from->ToIso() : "",
        query.to ? query.to->ToIso() : "", std::to_string(query.limit),
        std::to_string(query.window)}) {
    key += std::to_string(part.size()) + ':' + part;  // length-prefixed: no two requests collide
  }
  if (auto cached = catalog_.CachedResponse(*snapshot, key)) return SendJson(res, *cached);
  if (!entity.empty()) query.entity_names = EntityNames(*snapshot, entity);
  Result<std::vector<SearchHit>> hits = Status::Internal("unset");
  {
    ++searches_in_flight_;
    auto store = search_pool_->Borrow();
    hits = store->Search(query);
    --searches_in_flight_;
  }
  if (!hits.ok()) {
    if (hits.status().code() == Status::Code::kInvalidArgument) {
      return SendError(res, 400, hits.status().message());
    }
    return SendError(res, 500, "store: " + hits.status().ToString());
  }
  auto body = std::make_shared<const std::string>(Dump(json(*hits)));
  catalog_.CacheResponse(*snapshot, key, body);
  SendJson(res, *body);
}

void Server::Impl::GetEntity(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  auto index = catalog_.Entities(*snapshot);
  if (!index.ok()) return SendError(res, 500, "store: " + index.status().ToString());
  const EntityAcrossStories* entity = (*index)->Find(id);
  if (!entity) return SendError(res, 404, "no entity with id '" + id + "'");
  json stories = json::array();
  for (const EntityInStory& in_story : entity->stories) {
    stories.push_back({{"story_id", in_story.story_id},
                       {"title", in_story.story_title},
                       {"name", in_story.name},
                       {"mentions", in_story.mentions},
                       {"articles", in_story.articles}});
  }
  SendJson(res, Dump({{"id", id},
                      {"name", entity->name},
                      {"type", entity->type},
                      {"variants", entity->variants},
                      {"roles", entity->roles},
                      {"mentions", entity->mentions},
                      {"stories", std::move(stories)}}));
}

void Server::Impl::Ingest(const httplib::Request& req, httplib::Response& res) {
  if (options_.token.empty()) {
    return SendError(res, 403, "ingest is turned off: start the server with --token");
  }
  std::string given;
  const std::string auth = req.get_header_value("Authorization");
  if (auth.compare(0, 7, "Bearer ") == 0) given = auth.substr(7);
  if (given.empty()) given = req.get_header_value("X-Newsloom-Token");
  if (given.empty()) {
    res.set_header("WWW-Authenticate", "Bearer");
    return SendError(res, 401, "send the token as 'Authorization: Bearer TOKEN'");
  }
  if (!SameToken(given, options_.token)) return SendError(res, 403, "wrong token");
  if (req.body.empty()) return SendError(res, 400, "empty body: send pages as JSON lines");
  // Every line must be a JSON object: a malformed request is refused as a whole, before anything
  // is stored.
  size_t line_no = 0, pages = 0, pos = 0;
  while (pos < req.body.size()) {
    size_t end = req.body.find('\n', pos);
    if (end == std::string::npos) end = req.body.size();
    std::string_view line(req.body.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      return SendError(res, 400, "line " + std::to_string(line_no) + " is not a JSON object");
    }
    ++pages;
  }
  if (pages == 0) return SendError(res, 400, "no pages in the body");

  std::lock_guard<std::mutex> lock(ingest_mu_);
  if (!pipeline_) {
    auto store = Store::Open(options_.db);
    if (!store.ok()) return SendError(res, 500, "store: " + store.status().ToString());
    ingest_store_ = std::move(*store);
    pipeline_ = std::make_unique<Pipeline>(ingest_store_.get(), DefaultPageStages());
  }
  IngestOptions ingest_options;
  ingest_options.threads = 2;
  ingest::ReadOptions read_options;
  read_options.max_page_bytes = ingest_options.max_page_bytes;
  read_options.max_line_bytes = ingest_options.max_line_bytes;
  // The body is read as one JSONL input named "request": its records are "request#N".
  const PageSource body = [&](const PageSink& page, const SkipSink& skip) {
    return ingest::ReadBytes("request", req.body, read_options, page, [&](ingest::Skipped&& s) {
      skip({std::move(s.source), std::move(s.reason)});
    });
  };
  auto report = pipeline_->Ingest(body, ingest_options);
  catalog_.Invalidate();
  if (!report.ok()) return SendError(res, 500, "ingest: " + report.status().ToString());
  SendJson(res, Dump(ReportToJson(*report)));
}

void Server::Impl::Health(httplib::Response& res) {
  auto snapshot = SnapshotOr500(res);
  if (!snapshot) return;
  SendJson(res, Dump({{"status", "ok"},
                      {"articles", snapshot->article_count},
                      {"stories", snapshot->story_ids.size()}}));
}

void Server::Impl::MetricsText(httplib::Response& res) {
  auto snapshot = catalog_.Current();
  if (snapshot.ok()) {
    metrics_.SetGauge("articles", static_cast<double>((*snapshot)->article_count));
    metrics_.SetGauge("stories", static_cast<double>((*snapshot)->story_ids.size()));
  }
  metrics_.SetGauge("searches_in_flight", searches_in_flight_.load());
  res.set_content(metrics_.Render(), "text/plain; version=0.0.4; charset=utf-8");
}

void Server::Impl::Static(const httplib::Request& req, httplib::Response& res) {
  const Asset* asset = FindAsset(req.path == "/" ? "/index.html" : req.path);
  if (!asset) return SendError(res, 404, "no such page");
  res.set_header("Cache-Control", "no-cache");
  if (asset->content_type.rfind("text/html", 0) == 0) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                   "frame-ancestors 'none'; base-uri 'none'");
  }
  res.set_content(std::string(asset->bytes), std::string(asset->content_type));
}

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (options.db.find("://") == std::string::npos && !std::filesystem::exists(options.db)) {
    return Status::NotFound("no store at " + options.db + " (run newsloom ingest first)");
  }
  auto pool = StorePool::Open(options.db, options.limits.stores);
  if (!pool.ok()) return pool.status();
  auto search_pool = StorePool::Open(options.db, options.limits.search_stores);
  if (!search_pool.ok()) return search_pool.status();
  auto impl = std::make_unique<Impl>(options, std::move(*pool), std::move(*search_pool));
  impl->Setup();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;
Status Server::Bind() { return impl_->Bind(); }
int Server::port() const { return impl_->port(); }
Status Server::Listen() { return impl_->Listen(); }
void Server::Stop() { impl_->Stop(); }
void Server::Refresh() { impl_->Refresh(); }

}  // namespace newsloom::server
