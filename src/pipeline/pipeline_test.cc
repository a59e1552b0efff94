#include "newsloom/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "text/hash.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// Stand-in stages: the article is the page's text; "NO BODY" pages have no article text.
class FakeStages : public PageStages {
 public:
  void AddToCorpus(const RawPage&) override { ++corpus_pages; }
  Result<Article> Extract(const RawPage& page) const override {
    if (page.bytes.find("NO BODY") != std::string::npos) return Status::Corrupt("no body");
    Article a;
    a.id = page.given_id.value_or(text::HexId(text::Hash64(page.bytes)));
    a.source = page.source;
    a.title = page.bytes.substr(0, page.bytes.find('\n'));
    a.body = page.bytes;
    a.published = Date::FromIso("2024-06-19");
    a.paragraphs.push_back(Paragraph{a.body, 1, Span{0, static_cast<uint32_t>(a.body.size())}});
    return a;
  }
  Result<AnalyzedArticle> Analyze(Article article) const override {
    AnalyzedArticle a;
    a.article = std::move(article);
    a.sentences.push_back(Span{0, static_cast<uint32_t>(a.article.body.size())});
    a.body_hash = text::Hash64(a.article.body);
    a.minhash.assign(128, static_cast<uint32_t>(a.body_hash));
    a.terms.push_back(Term{"word", 1.0f});
    return a;
  }
  int corpus_pages = 0;
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_pipeline_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / "in" / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  std::unique_ptr<Store> OpenStore(const std::string& name) {
    auto store = Store::Open((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  fs::path dir_;
};

TEST_F(PipelineTest, StoresNewArticlesAndReportsSkippedPages) {
  Write("a.txt", "Storm hits coast\nA storm hit the coast.\n");
  Write("b.txt", "Markets calm\nMarkets were calm.\n");
  Write("c.txt", "Menu\nNO BODY\n");
  Write("d.txt", "");
  Write("e.jsonl", "{\"id\":\"x1\",\"text\":\"One\"}\n{\"id\":\"x1\",\"text\":\"Same id\"}\n");
  auto store = OpenStore("s.db");
  Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
  IngestOptions options;
  options.batch_pages = 2;
  options.threads = 3;
  std::vector<IngestProgress> progress;
  auto report = pipeline.Ingest({(dir_ / "in").string()}, options,
                                [&](const IngestProgress& p) { progress.push_back(p); });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->pages_read, 5);
  // The second x1 record is a different page: stored under a derived id, counted as a collision.
  EXPECT_EQ(report->articles_stored, 4);
  EXPECT_EQ(report->already_stored, 0);
  EXPECT_EQ(report->id_collisions, 1);
  EXPECT_THAT(
      report->skipped,
      UnorderedElementsAre(AllOf(Field(&SkippedPage::source, (dir_ / "in" / "c.txt").string()),
                                 Field(&SkippedPage::reason, "no article text")),
                           AllOf(Field(&SkippedPage::source, (dir_ / "in" / "d.txt").string()),
                                 Field(&SkippedPage::reason, "empty file"))));
  EXPECT_THAT(report->SkippedByReason(), Contains(Pair("empty file", 1)));
  EXPECT_FALSE(progress.empty());
  EXPECT_EQ(*store->ArticleCount(), 4);
  EXPECT_GE(report->stories, 1);
  auto stories = store->ListStories();
  ASSERT_TRUE(stories.ok());
  size_t members = 0;
  for (const Story& s : *stories) members += s.articles.size();
  EXPECT_EQ(members, 4u);
}

// Ids given by the input stay the article id; a different page reusing a stored id is kept under
// a derived id (reported), the same page again adds nothing, in the same run or a later one.
TEST_F(PipelineTest, DifferentPagesWithOneIdAreBothKept) {
  Write("a.jsonl",
        "{\"id\":\"7\",\"text\":\"Flood in the north\\nRivers rose.\"}\n"
        "{\"id\":\"7\",\"text\":\"Flood in the north\\nRivers rose.\"}\n");
  Write("b.jsonl", "{\"id\":\"7\",\"text\":\"Election called\\nVoters go to polls.\"}\n");
  auto store = OpenStore("s.db");
  for (int run = 0; run < 2; ++run) {
    SCOPED_TRACE(run);
    Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
    IngestOptions options;
    options.batch_pages = 1;
    auto report = pipeline.Ingest({(dir_ / "in").string()}, options);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->articles_stored, run == 0 ? 2 : 0);
    EXPECT_EQ(report->id_collisions, run == 0 ? 1 : 0);
    EXPECT_EQ(report->already_stored, run == 0 ? 1 : 3);
    EXPECT_TRUE(report->skipped.empty());
    EXPECT_EQ(*store->ArticleCount(), 2);
  }
  auto first = store->GetArticle("7");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->article.title, "Flood in the north");
  const std::string bytes = "Election called\nVoters go to polls.";
  const std::string derived = "7~" + text::HexId(text::Hash64(std::string("7") + '\0' + bytes));
  auto second = store->GetArticle(derived);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->article.title, "Election called");
  auto hash = store->RawPageHash(derived);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(*hash, std::optional<uint64_t>(text::Hash64(bytes)));
  EXPECT_EQ(*store->RawPageHash("8"), std::nullopt);
}

TEST_F(PipelineTest, ReingestingAddsNothing) {
  Write("a.txt", "Storm hits coast\nA storm hit the coast.\n");
  Write("b.txt", "Markets calm\nMarkets were calm.\n");
  auto store = OpenStore("s.db");
  {
    Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
    ASSERT_TRUE(pipeline.Ingest({(dir_ / "in").string()}, {}).ok());
  }
  auto stages = std::make_unique<FakeStages>();
  FakeStages* fake = stages.get();
  Pipeline again(store.get(), std::move(stages));
  auto report = again.Ingest({(dir_ / "in").string()}, {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->articles_stored, 0);
  EXPECT_EQ(report->already_stored, 2);
  EXPECT_EQ(*store->ArticleCount(), 2);
  // The corpus evidence of the first run came back from the store, without counting pages twice.
  EXPECT_EQ(fake->corpus_pages, 2);
}

TEST_F(PipelineTest, SameInputGivesSameStoriesWhateverTheThreadCount) {
  for (int i = 0; i < 40; ++i) {
    Write("p" + std::to_string(100 + i) + ".txt",
          "Title " + std::to_string(i % 7) + "\nBody about topic " + std::to_string(i % 5) + ".\n");
  }
  std::vector<std::string> listings;
  for (int threads : {1, 4}) {
    auto store = OpenStore("s" + std::to_string(threads) + ".db");
    Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
    IngestOptions options;
    options.threads = threads;
    options.batch_pages = 7;
    ASSERT_TRUE(pipeline.Ingest({(dir_ / "in").string()}, options).ok());
    std::string listing;
    auto stories = store->ListStories();
    ASSERT_TRUE(stories.ok());
    for (const Story& s : *stories) {
      listing += s.id + ":";
      for (const StoryArticle& a : s.articles) listing += a.id + ",";
      listing += "\n";
    }
    listings.push_back(listing);
  }
  EXPECT_EQ(listings[0], listings[1]);
  EXPECT_FALSE(listings[0].empty());
}

std::string StoryListing(Store& store) {
  std::string listing;
  auto stories = store.ListStories();
  EXPECT_TRUE(stories.ok());
  if (!stories.ok()) return listing;
  for (const Story& s : *stories) {
    listing += s.id + ":";
    for (const StoryArticle& a : s.articles) listing += a.id + ",";
    listing += "\n";
  }
  return listing;
}

TEST_F(PipelineTest, PagesInMemoryGiveTheSameStoreAsTheirFiles) {
  std::vector<RawPage> pages;
  for (int i = 0; i < 12; ++i) {
    RawPage page;
    page.bytes = "Title " + std::to_string(i % 3) + "\nBody about topic " + std::to_string(i % 2) +
                 ", report " + std::to_string(i) + ".\n";
    page.source = Write("p" + std::to_string(100 + i) + ".txt", page.bytes);
    page.content_type = "text/plain";
    pages.push_back(std::move(page));
  }
  IngestOptions options;
  options.batch_pages = 5;
  auto from_files = OpenStore("files.db");
  Pipeline files(from_files.get(), std::make_unique<FakeStages>());
  ASSERT_TRUE(files.Ingest({(dir_ / "in").string()}, options).ok());
  auto in_memory = OpenStore("memory.db");
  Pipeline memory(in_memory.get(), std::make_unique<FakeStages>());
  auto report = memory.Ingest(pages, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->pages_read, 12);
  EXPECT_EQ(report->articles_stored, 12);
  EXPECT_EQ(StoryListing(*in_memory), StoryListing(*from_files));
  EXPECT_FALSE(StoryListing(*in_memory).empty());
}

// A source that fails ends the run with its error; the batches stored before it stay, and what it
// reported as unreadable is in the report of a run that succeeds.
TEST_F(PipelineTest, PageSourceErrorsEndTheRunAndSkipsAreReported) {
  auto store = OpenStore("s.db");
  Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
  IngestOptions options;
  options.batch_pages = 2;
  auto page = [](int i) {
    RawPage p;
    p.source = "request#" + std::to_string(i);
    p.bytes = "Title\nBody " + std::to_string(i) + ".\n";
    return p;
  };
  const PageSource failing = [&](const PageSink& sink, const SkipSink&) {
    for (int i = 1; i <= 3; ++i) sink(page(i));
    return Status::IoError("connection lost");
  };
  EXPECT_EQ(pipeline.Ingest(failing, options).status().code(), Status::Code::kIoError);
  EXPECT_EQ(*store->ArticleCount(), 2);

  const PageSource skipping = [&](const PageSink& sink, const SkipSink& skip) {
    sink(page(4));
    skip({"request#5", "invalid JSON"});
    return Status::Ok();
  };
  auto report = pipeline.Ingest(skipping, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->articles_stored, 1);
  EXPECT_THAT(report->skipped,
              UnorderedElementsAre(AllOf(Field(&SkippedPage::source, "request#5"),
                                         Field(&SkippedPage::reason, "invalid JSON"))));
}

// Stories are built from the articles as they are stored, after a replay of the earlier runs'
// articles; a rebuild from the store alone must give the very same stories.
TEST_F(PipelineTest, StoriesOfIncrementalIngestEqualARebuildFromTheStore) {
  for (int i = 0; i < 30; ++i) {
    Write((i < 18 ? "a" : "b") + std::to_string(100 + i) + ".txt",
          "Title " + std::to_string(i % 4) + "\nBody about topic " + std::to_string(i % 3) +
              ", report " + std::to_string(i) + ".\n");
  }
  auto listing = [](Store* store) {
    std::string out;
    auto stories = store->ListStories();
    EXPECT_TRUE(stories.ok());
    if (!stories.ok()) return out;
    for (const Story& s : *stories) {
      out += s.id + ":";
      for (const StoryArticle& a : s.articles) out += a.id + ",";
      out += "\n";
    }
    return out;
  };
  auto store = OpenStore("s.db");
  Pipeline pipeline(store.get(), std::make_unique<FakeStages>());
  IngestOptions options;
  options.batch_pages = 4;
  std::vector<std::string> first, second;
  for (const auto& entry : fs::directory_iterator(dir_ / "in")) {
    (entry.path().filename().string()[0] == 'a' ? first : second).push_back(entry.path().string());
  }
  std::sort(first.begin(), first.end());
  std::sort(second.begin(), second.end());
  ASSERT_TRUE(pipeline.Ingest(first, options).ok());
  second.push_back(first.front());  // already stored: must not join a story twice
  auto report = pipeline.Ingest(second, options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->already_stored, 1);
  const std::string incremental = listing(store.get());

  Pipeline fresh(store.get(), std::make_unique<FakeStages>());
  auto rebuilt = fresh.RebuildStories();
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(*rebuilt, report->stories);
  EXPECT_EQ(listing(store.get()), incremental);
  EXPECT_FALSE(incremental.empty());
}

// Bad input through the real stages: reported with file and reason, what was read before is kept.
TEST_F(PipelineTest, BadInputIsSkippedAndTheRestIsStored) {
  const std::string good_text =
      "Storm hits the coast\n\nA strong storm hit the coast on Monday, officials said, and "
      "thousands of homes lost power as roads were closed across the region.\n\nRescue teams "
      "worked through the night to reach villages cut off by the flooding, the agency said.\n";
  const std::string no_body =
      Write("empty.html", "<html><head><title>Nothing</title></head></html>");
  const std::string binary = Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string latin1 = Write("latin1.txt", "Caf\xE9 prices rise\n\nPrices rose.\n");
  const std::string good = Write("good.txt", good_text);
  auto store = OpenStore("s.db");
  Pipeline pipeline(store.get(), DefaultPageStages());
  auto report = pipeline.Ingest({(dir_ / "in").string()}, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->articles_stored, 1);
  EXPECT_THAT(report->skipped,
              UnorderedElementsAre(AllOf(Field(&SkippedPage::source, no_body),
                                         Field(&SkippedPage::reason, "no article text")),
                                   AllOf(Field(&SkippedPage::source, binary),
                                         Field(&SkippedPage::reason, "binary content")),
                                   AllOf(Field(&SkippedPage::source, latin1),
                                         Field(&SkippedPage::reason, "invalid UTF-8"))));
  auto stories = store->ListStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ((*stories)[0].articles[0].source, good);
}

// The development articles of ECB+ and Timeline17 through the real stages.
TEST(PipelineDevDataTest, IngestsTheDevelopmentArticles) {
  const fs::path data = fs::path(NEWSLOOM_SHARED_DIR) / "data";
  std::vector<std::string> files = {(data / "clustering" / "ecbplus-dev.jsonl").string()};
  const fs::path t17 = data / "timeline" / "t17-dev";
  ASSERT_TRUE(fs::exists(files[0]) && fs::is_directory(t17))
      << "development data absent: expected " << files[0] << " and " << t17.string()
      << " (the shared data folder beside the checkout)";
  std::vector<std::string> topics;
  for (const auto& entry : fs::directory_iterator(t17)) {
    topics.push_back((entry.path() / "articles.jsonl").string());
  }
  std::sort(topics.begin(), topics.end());
  files.insert(files.end(), topics.begin(), topics.end());

  const fs::path dir = fs::temp_directory_path() /
                       ("newsloom_pipeline_dev_" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  auto store = Store::Open((dir / "dev.db").string());
  ASSERT_TRUE(store.ok());
  Pipeline pipeline(store->get(), DefaultPageStages());
  auto report = pipeline.Ingest(files, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();

  // Expected: one article per distinct (id, page) among the records that extraction kept; ids
  // reused by different pages (Timeline17 restarts its ids in every topic) are collisions.
  std::set<std::string> rejected;
  for (const SkippedPage& s : report->skipped) rejected.insert(s.source);
  std::set<std::string> ids;
  std::set<std::pair<std::string, std::string>> pages;
  int64_t records = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++records;
      const std::string source = file + "#" + std::to_string(++n);
      const auto record = nlohmann::json::parse(line);
      if (rejected.count(source) != 0) continue;
      const std::string id = record["id"].is_string() ? record["id"].get<std::string>()
                                                      : std::to_string(record["id"].get<int64_t>());
      ids.insert(id);
      pages.insert({id, record.value("text", "") + "\n" + record.value("html", "")});
    }
  }
  EXPECT_EQ(report->pages_read + static_cast<int64_t>(report->skipped.size()) -
                static_cast<int64_t>(report->SkippedByReason()["no article text"]),
            records);
  EXPECT_EQ(report->articles_stored, static_cast<int64_t>(pages.size()));
  EXPECT_EQ(report->id_collisions, static_cast<int64_t>(pages.size() - ids.size()));
  EXPECT_GT(report->id_collisions, 0);
  EXPECT_EQ(*(*store)->ArticleCount(), static_cast<int64_t>(pages.size()));
  EXPECT_GT(report->stories, 0);
  // Rejections are the exception.
  EXPECT_LT(report->skipped.size(), static_cast<size_t>(records / 20));
  store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newsloom
