// `newsloom watch`, `sources` and `serve --watch` run as a user runs them: the built binary in a
// child process, against a local news site on 127.0.0.1 (the outlets' names reach it through
// --resolve). Includes the crash test: a watch killed with SIGKILL in the middle of its batch and
// run again ends with the same store as an uninterrupted run.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "newsloom/store.h"
#include "newsloom/story_json.h"
#include "testing/news_site.h"
#include "testing/test_site.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using std::chrono::milliseconds;
using ::testing::HasSubstr;
using testing::NewsSite;
using testing::Report;
using testing::Response;
using testing::TestSite;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child process running the binary, its output going to files.
class Cli {
 public:
  Cli(const std::vector<std::string>& args, const fs::path& out, const fs::path& err)
      : out_(out), err_(err) {
    pid_ = fork();
    if (pid_ == 0) {
      const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out_fd, STDOUT_FILENO);
      dup2(err_fd, STDERR_FILENO);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(NEWSLOOM_BINARY));
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(NEWSLOOM_BINARY, argv.data());
      _exit(127);
    }
  }
  ~Cli() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }

  // The exit code, or 128 + the signal that ended it.
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  void Signal(int signal) const { kill(pid_, signal); }
  std::string Out() const { return ReadFile(out_); }
  std::string Err() const { return ReadFile(err_); }

 private:
  pid_t pid_ = -1;
  bool waited_ = false;
  fs::path out_, err_;
};

class WatchCliTest : public ::testing::Test {
 protected:
  WatchCliTest()
      : dir_(fs::temp_directory_path() /
             ("newsloom_watch_cli_test_" + std::to_string(std::random_device{}()))),
        news_(&site_) {
    fs::create_directories(dir_);
    std::ofstream list(dir_ / "sources.txt");
    list << "# the outlets' feeds\n";
    for (const char* host : NewsSite::kHosts) list << news_.FeedUrl(host) << "\n";
  }
  ~WatchCliTest() override { fs::remove_all(dir_); }

  std::string Db(const std::string& name) const { return (dir_ / name).string(); }

  // The flags of every watch: fast politeness, short timeouts, the outlets on 127.0.0.1.
  std::vector<std::string> WatchFlags(double host_delay = 0.1) const {
    std::vector<std::string> flags = {
        "--host-delay", std::to_string(host_delay), "--timeout", "1", "--max-page-bytes", "100000"};
    for (const std::string& entry : news_.ResolveEntries()) {
      flags.push_back("--resolve");
      flags.push_back(entry);
    }
    return flags;
  }

  std::unique_ptr<Cli> Start(std::vector<std::string> args) {
    ++runs_;
    return std::make_unique<Cli>(args, dir_ / ("out" + std::to_string(runs_)),
                                 dir_ / ("err" + std::to_string(runs_)));
  }

  // `newsloom watch --once` over the sources file; its stdout.
  std::string WatchOnce(const std::string& db, double host_delay = 0.1) {
    std::vector<std::string> args = {"watch", (dir_ / "sources.txt").string(), "--db", db,
                                     "--once"};
    for (const std::string& f : WatchFlags(host_delay)) args.push_back(f);
    auto cli = Start(args);
    EXPECT_EQ(cli->Wait(), 0) << cli->Err();
    return cli->Out();
  }

  json SourcesJson(const std::string& db) {
    auto cli = Start({"sources", "--db", db, "--json"});
    EXPECT_EQ(cli->Wait(), 0) << cli->Err();
    return json::parse(cli->Out(), nullptr, false);
  }

  static int64_t Articles(const std::string& db) {
    auto store = Store::Open(db);
    if (!store.ok()) return -1;
    auto count = (*store)->ArticleCount();
    return count.ok() ? *count : -1;
  }

  // The articles in ingest order and the stories with their members: what two runs must share.
  static std::vector<std::string> Contents(const std::string& db) {
    std::vector<std::string> out;
    auto store = Store::Open(db);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return out;
    LoadOptions light;
    light.tokens = light.paragraphs = false;
    EXPECT_TRUE((*store)
                    ->ForEachArticle(light,
                                     [&](AnalyzedArticle&& a) {
                                       out.push_back("article " + a.article.id + " " +
                                                     a.article.title);
                                       return Status::Ok();
                                     })
                    .ok());
    auto stories = (*store)->ListStories();
    EXPECT_TRUE(stories.ok());
    if (!stories.ok()) return out;
    for (const Story& s : *stories) {
      std::string line = "story " + s.id + " " + s.title + ":";
      for (const StoryArticle& a : s.articles)
        line += " " + a.id + "/" + store::StoredRoleName(a.role);
      out.push_back(line);
    }
    return out;
  }

  fs::path dir_;
  TestSite site_;
  NewsSite news_;
  int runs_ = 0;
};

TEST_F(WatchCliTest, OnceStoresEveryArticleAndSourcesReportsEachFaultOnce) {
  const char* host = NewsSite::kHosts[1];
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  Response missing;
  missing.status = 404;
  news_.PublishFault(host, "/uk/withdrawn", "Withdrawn", missing);
  Response slow;
  slow.delay = milliseconds(2500);
  slow.body = "<html><body><p>Too late.</p></body></html>";
  news_.PublishFault(host, "/uk/slow", "Slow", slow);
  Response loop;
  loop.status = 301;
  loop.headers = {{"Location", "/uk/loop"}};
  news_.PublishFault(host, "/uk/loop", "Loop", loop);
  Response huge;
  huge.body = "<html><body><p>" + std::string(150'000, 'y') + "</p></body></html>";
  news_.PublishFault(host, "/uk/huge", "Huge", huge);
  news_.PublishFault(host, "/private/draft", "Draft", {});
  Response malformed;
  malformed.content_type = "application/rss+xml";
  malformed.body = "<?xml version=\"1.0\"?>\n<!-- <rss><channel><item><title>Cut";
  site_.Set(host, "/broken.xml", malformed);
  {
    std::ofstream list(dir_ / "sources.txt", std::ios::app);
    list << news_.Url(host, "/broken.xml") << "\n";
    list << "http://127.0.0.1:1/refused.xml\n";  // nothing listens on port 1
  }

  const std::string db = Db("watch.db");
  const std::string out = WatchOnce(db);
  EXPECT_THAT(out, HasSubstr("articles stored: 4,"));
  EXPECT_THAT(out, HasSubstr("stories: 2"));
  EXPECT_EQ(site_.Count(host, "/private/draft"), 0u);
  for (const Report& r : NewsSite::Reports(0)) EXPECT_EQ(site_.Count(r.host, r.path), 1u);

  const json sources = SourcesJson(db);
  ASSERT_TRUE(sources.is_array()) << sources;
  ASSERT_EQ(sources.size(), 4u);
  std::map<std::string, int> reported;
  int64_t stored = 0;
  for (const json& s : sources) {
    stored += s["articles_stored"].get<int64_t>();
    if (!s["last_error"].get<std::string>().empty()) ++reported[s["url"].get<std::string>()];
    for (const json& f : s["failed_urls"]) ++reported[f["url"].get<std::string>()];
  }
  EXPECT_EQ(stored, 4);
  const std::vector<std::string> faulty = {"/uk/withdrawn", "/uk/slow",       "/uk/loop",
                                           "/uk/huge",      "/private/draft", "/broken.xml"};
  for (const std::string& path : faulty) EXPECT_EQ(reported[news_.Url(host, path)], 1) << path;
  EXPECT_EQ(reported["http://127.0.0.1:1/refused.xml"], 1);
  EXPECT_EQ(reported.size(), faulty.size() + 1);

  auto text = Start({"sources", "--db", db});
  EXPECT_EQ(text->Wait(), 0);
  EXPECT_THAT(text->Out(), HasSubstr("HTTP 404"));
}

TEST_F(WatchCliTest, LaterRunsAreNotModifiedThenPickUpNewItemsIntoTheirStories) {
  const std::vector<Report> first = NewsSite::Reports(0);
  for (const Report& r : first) news_.Publish(r);
  const std::string db = Db("watch.db");
  EXPECT_THAT(WatchOnce(db), HasSubstr("articles stored: 4,"));

  const std::string second = WatchOnce(db);
  EXPECT_THAT(second, HasSubstr("not modified: 2,"));
  EXPECT_THAT(second, HasSubstr("articles stored: 0,"));
  for (const Report& r : first) EXPECT_EQ(site_.Count(r.host, r.path), 1u) << r.path;

  const std::vector<Report> later = NewsSite::Reports(1);
  for (const Report& r : later) news_.Publish(r);
  EXPECT_THAT(WatchOnce(db), HasSubstr("articles stored: 2,"));
  auto stories = Start({"stories", "--db", db, "--json"});
  ASSERT_EQ(stories->Wait(), 0) << stories->Err();
  const json listed = json::parse(stories->Out(), nullptr, false);
  ASSERT_TRUE(listed.is_array()) << stories->Out();
  std::set<std::set<std::string>> titles;
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  for (const json& s : listed) {
    std::set<std::string> members;
    for (const json& a : s["articles"]) {
      auto article = (*store)->GetArticle(a["id"].get<std::string>());
      ASSERT_TRUE(article.ok());
      members.insert(article->article.title);
    }
    titles.insert(members);
  }
  std::set<std::string> flood, rates;
  for (const std::vector<Report>& round : {first, later}) {
    for (const Report& r : round) (r.event == "flood" ? flood : rates).insert(r.title);
  }
  EXPECT_EQ(titles, (std::set<std::set<std::string>>{flood, rates}));
}

TEST_F(WatchCliTest, KilledMidBatchAndRestartedEndsLikeAnUninterruptedRun) {
  for (int round : {0, 1}) {
    for (const Report& r : NewsSite::Reports(round)) news_.Publish(r);
  }
  const std::string reference = Db("reference.db");
  EXPECT_THAT(WatchOnce(reference), HasSubstr("articles stored: 6,"));

  // Slow enough politeness that the batch is caught half way: 3 articles a host, 0.4 s apart.
  const std::string crashed = Db("crashed.db");
  std::vector<std::string> args = {"watch", (dir_ / "sources.txt").string(), "--db", crashed,
                                   "--once"};
  for (const std::string& f : WatchFlags(0.4)) args.push_back(f);
  auto cli = Start(args);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  int64_t stored = 0;
  while (std::chrono::steady_clock::now() < deadline &&
         (stored = fs::exists(crashed) ? Articles(crashed) : 0) < 2) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  cli->Signal(SIGKILL);
  ASSERT_EQ(cli->Wait(), 128 + SIGKILL) << "the watch ended before it could be killed";
  stored = Articles(crashed);
  ASSERT_GE(stored, 2);
  ASSERT_LT(stored, 6) << "the batch was over before the kill";

  EXPECT_THAT(WatchOnce(crashed), HasSubstr("stories: 2"));
  EXPECT_EQ(Contents(crashed), Contents(reference));
  EXPECT_EQ(Articles(crashed), 6);
}

TEST_F(WatchCliTest, SigtermEndsTheWatchCleanly) {
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  const std::string db = Db("watch.db");
  std::vector<std::string> args = {
      "watch", (dir_ / "sources.txt").string(), "--db", db, "--interval", "1"};
  for (const std::string& f : WatchFlags()) args.push_back(f);
  auto cli = Start(args);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline &&
         site_.Count(NewsSite::kHosts[0], "/feed.xml") < 2) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  EXPECT_GE(site_.Count(NewsSite::kHosts[0], "/feed.xml"), 2u);  // polled again after 1 s
  cli->Signal(SIGTERM);
  EXPECT_EQ(cli->Wait(), 0) << cli->Err();
  EXPECT_EQ(Articles(db), 4);
}

TEST_F(WatchCliTest, ServeWatchShowsNewStoriesWithoutARestart) {
  for (const Report& r : NewsSite::Reports(0)) news_.Publish(r);
  const std::string db = Db("served.db");
  std::vector<std::string> args = {
      "serve",      "--db", db, "--port", "0", "--watch", (dir_ / "sources.txt").string(),
      "--interval", "1"};
  for (const std::string& f : WatchFlags()) args.push_back(f);
  auto cli = Start(args);
  int port = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (port == 0 && std::chrono::steady_clock::now() < deadline) {
    const std::string out = cli->Out();
    const size_t at = out.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(out.c_str() + at + 17);
    std::this_thread::sleep_for(milliseconds(20));
  }
  ASSERT_GT(port, 0) << cli->Err();
  httplib::Client client("127.0.0.1", port);
  // The number of articles in the listed stories, once it reaches `want`.
  auto wait_for_articles = [&](size_t want) {
    size_t seen = 0;
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (seen != want && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(100));
      auto res = client.Get("/api/stories");
      if (!res || res->status != 200) continue;
      const json body = json::parse(res->body, nullptr, false);
      const json& stories = body.is_object() && body.contains("stories") ? body["stories"] : body;
      if (!stories.is_array()) continue;
      seen = 0;
      for (const json& s : stories) seen += s["articles"].size();
    }
    return seen;
  };
  EXPECT_EQ(wait_for_articles(4), 4u);
  for (const Report& r : NewsSite::Reports(1)) news_.Publish(r);
  EXPECT_EQ(wait_for_articles(6), 6u);
  cli->Signal(SIGTERM);
  EXPECT_EQ(cli->Wait(), 0) << cli->Err();
}

}  // namespace
}  // namespace newsloom
