// The server in-process on a free loopback port, driven by httplib::Client: every route and every
// bad-request case answers with the right status and a JSON error, and nothing stalls it.
#include "newsloom/server.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "newsloom/store.h"
#include "newsloom/story_json.h"

namespace newsloom::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "s3cret-token";

AnalyzedArticle MakeArticle(const std::string& id, const std::string& title,
                            const std::string& outlet, const std::string& body,
                            const std::string& published) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.source = "pages.jsonl#" + id;
  a.article.title = title;
  a.article.outlet = outlet;
  a.article.published = Date::FromIso(published);
  a.article.language = "en";
  a.article.body = body;
  a.article.paragraphs.push_back(Paragraph{body, 1, Span{0, static_cast<uint32_t>(body.size())}});
  a.sentences.push_back(Span{0, static_cast<uint32_t>(body.size())});
  return a;
}

RawPage MakePage(const std::string& id, const std::string& text) {
  RawPage page;
  page.source = "pages.jsonl#" + id;
  page.content_type = "text/plain";
  page.bytes = text;
  page.given_id = id;
  return page;
}

// A small store: three articles, two stories, one entity named in both stories.
void FillStore(Store& store) {
  const std::string flood =
      "The river rose overnight. \"We have never seen water this high,\" Mayor Ana Lindqvist said "
      "on Monday.";
  AnalyzedArticle a1 =
      MakeArticle("a1", "River floods the old town", "Northern Post", flood, "2024-03-04");
  const auto at = [](const std::string& body, const std::string& text) {
    const uint32_t begin = static_cast<uint32_t>(body.find(text));
    return Span{begin, begin + static_cast<uint32_t>(text.size())};
  };
  a1.entities.push_back({at(flood, "Ana Lindqvist"), "Ana Lindqvist", "PER"});
  a1.dates.push_back({at(flood, "Monday"), "Monday", "DATE", "2024-03-04", true, -1});
  AnalyzedArticle a2 =
      MakeArticle("a2", "Old town under water", "Valley Courier",
                  "The river rose overnight and flooded the old town.", "2024-03-05");
  AnalyzedArticle a3 =
      MakeArticle("a3", "Council approves the new bridge", "Northern Post",
                  "The council approved the bridge. Ana Lindqvist voted for it.", "2024-02-01");
  a3.entities.push_back({at(a3.article.body, "Ana Lindqvist"), "Ana Lindqvist", "PER"});
  for (const AnalyzedArticle* a : {&a1, &a2, &a3}) {
    ASSERT_TRUE(store.PutArticle(MakePage(a->article.id, a->article.body), *a).ok());
  }
  StoryEntity mayor{"e-lindqvist", "Ana Lindqvist",
                    "PER",         {"Ana Lindqvist", "Lindqvist"},
                    {"Mayor"},     {{"a1", at(flood, "Ana Lindqvist"), "Ana Lindqvist"}}};
  Story flood_story;
  flood_story.id = "s-flood";
  flood_story.title = "River floods the old town";
  flood_story.first_published = Date::FromIso("2024-03-04");
  flood_story.last_published = Date::FromIso("2024-03-05");
  flood_story.articles = {{"a1", "pages.jsonl#a1", a1.article.title, "Northern Post",
                           a1.article.published, CopyRole::kOriginal},
                          {"a2", "pages.jsonl#a2", a2.article.title, "Valley Courier",
                           a2.article.published, CopyRole::kCopy}};
  flood_story.sources_independent = 1;
  flood_story.timeline = {
      {"2024-03-04", false, {{"a1", Span{0, 25}, "The river rose overnight."}}, 1}};
  flood_story.shared_sentences = {{{"a1", Span{0, 25}, "The river rose overnight."},
                                   {"a2", Span{0, 25}, "The river rose overnight."}}};
  flood_story.entities = {mayor};
  Story bridge_story;
  bridge_story.id = "s-bridge";
  bridge_story.title = "Council approves the new bridge";
  bridge_story.first_published = bridge_story.last_published = Date::FromIso("2024-02-01");
  bridge_story.articles = {{"a3", "pages.jsonl#a3", a3.article.title, "Northern Post",
                            a3.article.published, CopyRole::kOriginal}};
  bridge_story.sources_independent = 1;
  mayor.mentions = {{"a3", at(a3.article.body, "Ana Lindqvist"), "Ana Lindqvist"}};
  bridge_story.entities = {mayor};
  CopyGroup group{"g1", {"a1", "a2"}, "a1", {CopyRole::kOriginal, CopyRole::kCopy}, {1.0, 1.0}};
  ASSERT_TRUE(store.ReplaceStories({flood_story, bridge_story}, {group}).ok());
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_server_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    const std::string db = (dir_ / "store.db").string();
    {
      auto store = Store::Open(db);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      FillStore(**store);
    }
    ServerOptions options;
    options.db = db;
    options.port = 0;
    options.token = kToken;
    options.limits.max_body_bytes = 1 << 20;
    options.limits.read_timeout_seconds = 1;
    options.limits.write_timeout_seconds = 1;
    options.limits.threads = 8;
    options.limits.stores = 2;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { listen_status_ = server_->Listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(2);
    // One connection for every request, so the logger of one request has run before the next.
    client_->set_keep_alive(true);
    client_->set_read_timeout(20);
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(listen_status_.ok()) << listen_status_.ToString();
    server_.reset();
    fs::remove_all(dir_);
  }

  // GET `path`; fails the test when there is no response at all.
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    auto res = client_->Get(path.c_str(), headers);
    EXPECT_TRUE(res) << "no response to " << path << ": " << httplib::to_string(res.error());
    return res;
  }

  // Checks that `res` is a JSON error with status `status`; returns its message.
  static std::string ExpectJsonError(const httplib::Result& res, int status) {
    if (!res) return "";
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr("application/json"));
    const json body = json::parse(res->body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.contains("error")) << res->body;
    if (!body.is_object() || !body.contains("error")) return "";
    EXPECT_EQ(body["error"].value("status", 0), status);
    return body["error"].value("message", "");
  }

  fs::path dir_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status listen_status_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthzCountsTheStore) {
  auto res = Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json body = json::parse(res->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["articles"], 3);
  EXPECT_EQ(body["stories"], 2);
}

TEST_F(ServerTest, StoriesAreListedNewestFirstWithPaging) {
  auto res = Get("/api/stories");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Total-Count"), "2");
  const json all = json::parse(res->body);
  ASSERT_TRUE(all.is_array());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["id"], "s-flood");
  EXPECT_EQ(all[1]["id"], "s-bridge");
  EXPECT_EQ(all[0]["articles"].size(), 2u);
  EXPECT_EQ(all[0]["articles"][1]["role"], "copy");

  auto page = Get("/api/stories?offset=1&limit=1");
  ASSERT_TRUE(page);
  const json second = json::parse(page->body);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0]["id"], "s-bridge");
  auto past_end = Get("/api/stories?offset=10");
  ASSERT_TRUE(past_end);
  EXPECT_EQ(json::parse(past_end->body), json::array());
}

TEST_F(ServerTest, BadPagingIsRefused) {
  for (const char* path :
       {"/api/stories?limit=0", "/api/stories?limit=1000", "/api/stories?limit=abc",
        "/api/stories?offset=-1", "/api/stories?offset=1x"}) {
    SCOPED_TRACE(path);
    ExpectJsonError(Get(path), 400);
  }
}

TEST_F(ServerTest, OneStoryInFullAndUnknownIs404) {
  auto res = Get("/api/stories/s-flood");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json story = json::parse(res->body);
  EXPECT_EQ(story["title"], "River floods the old town");
  ASSERT_EQ(story["timeline"].size(), 1u);
  EXPECT_EQ(story["entities"][0]["id"], "e-lindqvist");
  // Served from the cache the second time: the same bytes.
  auto again = Get("/api/stories/s-flood");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, res->body);
  // The stored brief as it is, and what decoding it would give.
  auto store = Store::Open((dir_ / "store.db").string());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(res->body, *(*store)->GetStoryBrief("s-flood"));
  EXPECT_EQ(story, store::StoryToJson(*(*store)->GetStory("s-flood")));

  EXPECT_THAT(ExpectJsonError(Get("/api/stories/no-such-story"), 404), HasSubstr("no-such-story"));
}

TEST_F(ServerTest, ArticleHasBodySpansAndQuotes) {
  auto res = Get("/api/articles/a1");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json a = json::parse(res->body);
  EXPECT_EQ(a["story_id"], "s-flood");
  EXPECT_EQ(a["outlet"], "Northern Post");
  const std::string body = a["body"];
  ASSERT_EQ(a["entities"].size(), 1u);
  const json& e = a["entities"][0];
  EXPECT_EQ(
      body.substr(e["begin"].get<size_t>(), e["end"].get<size_t>() - e["begin"].get<size_t>()),
      "Ana Lindqvist");
  EXPECT_EQ(a["dates"][0]["value"], "2024-03-04");
  ASSERT_GE(a["quotes"].size(), 1u);
  EXPECT_THAT(a["quotes"][0]["text"].get<std::string>(), HasSubstr("never seen water this high"));
  EXPECT_THAT(a["quotes"][0]["speaker"].get<std::string>(), HasSubstr("Lindqvist"));

  ExpectJsonError(Get("/api/articles/nope"), 404);
}

TEST_F(ServerTest, SearchWithFilters) {
  auto res = Get("/api/search?q=river");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  json hits = json::parse(res->body);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0]["story_id"], "s-flood");

  // Asked again: the same answer (from the response cache).
  EXPECT_EQ(Get("/api/search?q=river")->body, res->body);
  hits = json::parse(Get("/api/search?q=river&outlet=Valley%20Courier")->body);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["article_id"], "a2");
  hits = json::parse(Get("/api/search?q=river&from=2024-03-05&to=2024-03-31")->body);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["article_id"], "a2");
  // An entity filter by id finds every article naming one of its variants.
  hits = json::parse(Get("/api/search?entity=e-lindqvist")->body);
  EXPECT_EQ(hits.size(), 2u);
  hits = json::parse(Get("/api/search?q=bridge&entity=Lindqvist")->body);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["article_id"], "a3");
  // Both matches are in the newest window; the next one further back holds none.
  EXPECT_EQ(json::parse(Get("/api/search?q=river&window=0")->body), json::parse(res->body));
  EXPECT_EQ(json::parse(Get("/api/search?q=river&window=1")->body), json::array());
}

TEST_F(ServerTest, BadSearchesAreRefused) {
  ExpectJsonError(Get("/api/search"), 400);
  ExpectJsonError(Get("/api/search?q=%20%20"), 400);
  ExpectJsonError(Get("/api/search?q=river&from=yesterday"), 400);
  ExpectJsonError(Get("/api/search?q=river&to=2024-13-01"), 400);
  ExpectJsonError(Get("/api/search?q=river&limit=0"), 400);
  ExpectJsonError(Get("/api/search?q=river&window=-1"), 400);
  ExpectJsonError(Get("/api/search?q=river&window=many"), 400);
  // Bytes that are not UTF-8 are no reason for a server error.
  for (const char* path : {"/api/search?q=%FF%FE", "/api/search?q=river&outlet=%C3",
                           "/api/search?q=%22%2A%28", "/api/search?q=NEAR%28a%20b%29%20OR%20%2D"}) {
    SCOPED_TRACE(path);
    auto res = Get(path);
    ASSERT_TRUE(res);
    EXPECT_LT(res->status, 500) << res->body;
    EXPECT_TRUE(json::parse(res->body, nullptr, false).is_structured()) << res->body;
  }
  EXPECT_THAT(ExpectJsonError(Get("/api/search?q=" + std::string(600, 'a')), 400),
              HasSubstr("'q'"));
}

TEST_F(ServerTest, OverlongTargetsAre414AndTheServerCarriesOn) {
  ExpectJsonError(Get("/api/search?q=a&x=" + std::string(5000, 'b')), 414);
  // Past httplib's own limit on the request line: refused too, never a crash.
  auto huge = client_->Get(("/api/search?q=" + std::string(200000, 'c')).c_str());
  if (huge) EXPECT_GE(huge->status, 400);
  auto res = Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, EntityAcrossStories) {
  auto res = Get("/api/entities/e-lindqvist");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json e = json::parse(res->body);
  EXPECT_EQ(e["name"], "Ana Lindqvist");
  EXPECT_EQ(e["type"], "PER");
  EXPECT_EQ(e["roles"], json({"Mayor"}));
  ASSERT_EQ(e["stories"].size(), 2u);
  EXPECT_EQ(e["stories"][0]["story_id"], "s-flood");
  ExpectJsonError(Get("/api/entities/e-nobody"), 404);
}

TEST_F(ServerTest, StaticFilesComeFromTheEmbeddedPageOnly) {
  auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_THAT(index->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(index->body, HasSubstr("/app.js"));
  EXPECT_THAT(index->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'self'"));
  auto js = Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_THAT(js->get_header_value("Content-Type"), HasSubstr("javascript"));
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
        "/web/index.html", "/index.html/..", "/CMakeLists.txt", "/nothing"}) {
    SCOPED_TRACE(path);
    auto res = Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_THAT(res->body, Not(HasSubstr("root:")));
  }
}

TEST_F(ServerTest, NoCorsHeaders) {
  auto res = Get("/api/stories", {{"Origin", "https://elsewhere.example"}});
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  auto preflight = client_->Options("/api/ingest");
  if (preflight) EXPECT_FALSE(preflight->has_header("Access-Control-Allow-Origin"));
}

TEST_F(ServerTest, IngestNeedsTheToken) {
  const std::string page = R"({"id": "p1", "text": "Some text."})";
  auto missing = client_->Post("/api/ingest", page, "application/x-ndjson");
  ASSERT_TRUE(missing);
  ExpectJsonError(missing, 401);
  auto wrong = client_->Post("/api/ingest", {{"Authorization", "Bearer nope"}}, page,
                             "application/x-ndjson");
  ExpectJsonError(wrong, 403);
  auto other_scheme =
      client_->Post("/api/ingest", {{"Authorization", std::string("Basic ") + kToken}}, page,
                    "application/x-ndjson");
  ExpectJsonError(other_scheme, 401);
  // GET on the ingest route does not run it.
  auto get = Get("/api/ingest");
  ASSERT_TRUE(get);
  EXPECT_GE(get->status, 400);
}

TEST_F(ServerTest, MalformedIngestBodiesAreRefusedBeforeAnythingIsStored) {
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  for (const std::string& body : {std::string("{\"id\": \"x\", \"text\": \"a\"}\n{not json"),
                                  std::string("[1, 2, 3]"), std::string("\n\n"), std::string("")}) {
    SCOPED_TRACE(body);
    ExpectJsonError(client_->Post("/api/ingest", auth, body, "application/x-ndjson"), 400);
  }
  ExpectJsonError(
      client_->Post("/api/ingest", auth, std::string(2 << 20, 'x'), "application/x-ndjson"), 413);
  EXPECT_EQ(json::parse(Get("/healthz")->body)["articles"], 3);
}

TEST_F(ServerTest, IngestStoresPagesAndTheListFollows) {
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  const json page = {
      {"id", "new-1"},
      {"title", "Storm closes the harbour"},
      {"published", "2024-03-06"},
      {"text",
       "Storm closes the harbour\n\nA storm closed the harbour on Wednesday morning, the port "
       "authority said. Ferries stayed in port and the coast guard warned people to keep away "
       "from the sea wall until the wind drops later in the week.\n\nThe harbour master said "
       "the closure would last at least two days while crews inspect the piers."}};
  auto res = client_->Post("/api/ingest", auth, page.dump() + "\n", "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json report = json::parse(res->body);
  EXPECT_EQ(report["pages_read"], 1);
  EXPECT_EQ(report["articles_stored"], 1) << res->body;
  EXPECT_EQ(json::parse(Get("/healthz")->body)["articles"], 4);
  auto article = Get("/api/articles/new-1");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  EXPECT_EQ(json::parse(article->body)["title"], "Storm closes the harbour");
  // The same page again adds nothing.
  auto again = client_->Post("/api/ingest", auth, page.dump(), "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["already_stored"], 1);
}

// The body is read in memory as one input named "request": a record that gives no page is
// reported by its number in it.
TEST_F(ServerTest, IngestNamesSkippedRecordsByTheirLine) {
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  const std::string body = R"({"id": "no-text-1"})"
                           "\n"
                           R"({"id": "no-text-2", "text": ""})"
                           "\n";
  auto res = client_->Post("/api/ingest", auth, body, "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json report = json::parse(res->body);
  EXPECT_EQ(report["articles_stored"], 0);
  ASSERT_EQ(report["skipped"].size(), 2u) << res->body;
  EXPECT_EQ(report["skipped"][0]["source"], "request#1");
  EXPECT_EQ(report["skipped"][1]["source"], "request#2");
}

TEST_F(ServerTest, MetricsCountRequestsByRouteAndStatus) {
  Get("/api/stories/s-flood");
  Get("/api/stories/unknown");
  auto res = Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr("text/plain"));
  EXPECT_THAT(
      res->body,
      HasSubstr("newsloom_http_requests_total{route=\"/api/stories/{id}\",status=\"200\"} 1"));
  EXPECT_THAT(
      res->body,
      HasSubstr("newsloom_http_requests_total{route=\"/api/stories/{id}\",status=\"404\"} 1"));
  EXPECT_THAT(res->body, HasSubstr("newsloom_http_request_duration_seconds_bucket{route=\"/api/"
                                   "stories/{id}\",le=\"+Inf\"} 2"));
  EXPECT_THAT(res->body, HasSubstr("newsloom_articles 3"));
  EXPECT_THAT(res->body, HasSubstr("newsloom_stories 2"));
}

// Opens a raw connection to the server.
int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

TEST_F(ServerTest, SlowClientsNeitherStallOthersNorHoldOnForever) {
  // Clients that send half a request and then nothing, more of them than a few.
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    const int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    const std::string partial = "GET /api/stories HTTP/1.1\r\nHost: x\r\n";
    ASSERT_EQ(send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
    slow.push_back(fd);
  }
  const auto start = std::chrono::steady_clock::now();
  auto res = Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
  // After the read timeout (1 s here) the server hangs up on them.
  for (int fd : slow) {
    pollfd p{fd, POLLIN, 0};
    ASSERT_EQ(poll(&p, 1, 5000), 1) << "the server kept a stalled connection open";
    char buffer[512];
    EXPECT_GE(recv(fd, buffer, sizeof(buffer), 0), 0);
    close(fd);
  }
}

TEST(ServerCreateTest, MissingStoreIsNotFound) {
  ServerOptions options;
  options.db = "/nonexistent/dir/store.db";
  auto server = Server::Create(options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace newsloom::server
