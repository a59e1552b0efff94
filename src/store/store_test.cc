// One suite for every Store backend: each backend supplies a factory, the tests are shared.
#include "newsloom/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <random>

#include "newsloom/story_json.h"
#include "store/codec.h"
#include "testing/postgres_test_server.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A fresh SQLite file in its own temporary folder.
struct SqliteBackend {
  fs::path dir;
  SqliteBackend() {
    dir = fs::temp_directory_path() /
          ("newsloom_store_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
  }
  ~SqliteBackend() { fs::remove_all(dir); }
  std::string Target() const { return (dir / "test.db").string(); }
  std::string Error() const { return ""; }
  // Runs SQL on the file behind the store's back; "" or the error.
  std::string Exec(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string error;
    if (sqlite3_open(Target().c_str(), &db) != SQLITE_OK) error = sqlite3_errmsg(db);
    char* message = nullptr;
    if (error.empty() && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      error = message;
      sqlite3_free(message);
    }
    sqlite3_close(db);
    return error;
  }
};

// A fresh database on this program's throwaway PostgreSQL server.
struct PostgresBackend {
  std::string uri = testing::PostgresTestServer::Get().NewDatabase();
  std::string Target() const { return uri; }
  std::string Error() const { return testing::PostgresTestServer::Get().error(); }
  std::string Exec(const std::string& sql) const {
    PGconn* conn = PQconnectdb(uri.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    std::string error =
        status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    return error;
  }
};

RawPage MakePage(const std::string& id, const std::string& text) {
  RawPage page;
  page.source = "pages.jsonl#" + id;
  page.content_type = "text/plain";
  page.bytes = text;
  page.given_id = id;
  return page;
}

AnalyzedArticle MakeArticle(const std::string& id, const std::string& title,
                            const std::string& body, const std::string& published) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.source = "pages.jsonl#" + id;
  a.article.url = "https://example.org/" + id;
  a.article.title = title;
  a.article.outlet = "Example Times";
  a.article.published = Date::FromIso(published);
  a.article.published_confidence = 0.75;
  a.article.language = "en";
  a.article.body = body;
  a.article.paragraphs.push_back(Paragraph{body, 3, Span{0, static_cast<uint32_t>(body.size())}});
  a.article.captions.push_back(Paragraph{"A caption", 5, {}});
  a.article.removed.push_back(RemovedLine{1, "Menu", "navigation"});
  a.sentences.push_back(Span{0, static_cast<uint32_t>(body.size())});
  a.tokens.push_back(Token{Span{0, 4}, "the", true, true});
  a.tokens.push_back(Token{Span{5, 10}, "storm", true, false});
  a.dates.push_back(TemporalExpression{Span{0, 4}, "Body", "DATE", published, true, -1});
  a.entities.push_back(EntityMention{Span{5, 10}, "storm", "MISC"});
  a.body_hash = 0xfedcba9876543210ull;
  a.minhash = {1, 2, 0xffffffffu};
  a.terms = {{"storm", 0.5f}, {"the", 0.25f}};
  return a;
}

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(backend_.Error(), "");
    auto store = Store::Open(backend_.Target());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  Backend backend_;
  std::unique_ptr<Store> store_;
};

// Type names in test names: StoreTest/0 is SQLite, StoreTest/1 PostgreSQL.
using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
TYPED_TEST_SUITE(StoreTest, Backends);

TYPED_TEST(StoreTest, ArticleRoundTrip) {
  const AnalyzedArticle in =
      MakeArticle("a1", "Storm hits coast", "Body storm text.", "2024-06-19");
  auto put = this->store_->PutArticle(MakePage("a1", "raw bytes"), in);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_TRUE(*put);
  auto out = this->store_->GetArticle("a1");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const Article& a = out->article;
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.source, in.article.source);
  EXPECT_EQ(a.url, in.article.url);
  EXPECT_EQ(a.title, in.article.title);
  EXPECT_EQ(a.outlet, in.article.outlet);
  EXPECT_EQ(a.published, in.article.published);
  EXPECT_EQ(a.masthead_date, std::nullopt);
  EXPECT_DOUBLE_EQ(a.published_confidence, 0.75);
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.body, in.article.body);
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text, in.article.paragraphs[0].text);
  EXPECT_EQ(a.paragraphs[0].line, 3);
  EXPECT_EQ(a.paragraphs[0].span, in.article.paragraphs[0].span);
  ASSERT_EQ(a.captions.size(), 1u);
  EXPECT_EQ(a.captions[0].text, "A caption");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].reason, "navigation");
  EXPECT_EQ(out->sentences, in.sentences);
  ASSERT_EQ(out->tokens.size(), 2u);
  EXPECT_EQ(out->tokens[1].span, (Span{5, 10}));
  EXPECT_EQ(out->tokens[1].norm, "storm");
  EXPECT_TRUE(out->tokens[0].capitalized);
  EXPECT_FALSE(out->tokens[1].capitalized);
  ASSERT_EQ(out->dates.size(), 1u);
  EXPECT_EQ(out->dates[0].value, "2024-06-19");
  EXPECT_TRUE(out->dates[0].relative);
  EXPECT_EQ(out->dates[0].tense, -1);
  ASSERT_EQ(out->entities.size(), 1u);
  EXPECT_EQ(out->entities[0].type, "MISC");
  EXPECT_EQ(out->body_hash, in.body_hash);
  EXPECT_EQ(out->minhash, in.minhash);
  ASSERT_EQ(out->terms.size(), 2u);
  EXPECT_EQ(out->terms[0].term, "storm");
  EXPECT_FLOAT_EQ(out->terms[1].weight, 0.25f);

  auto raw = this->store_->GetRawPage("a1");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->bytes, "raw bytes");
  EXPECT_EQ(raw->given_id, "a1");
  EXPECT_EQ(raw->given_title, std::nullopt);
}

TYPED_TEST(StoreTest, SameIdIsStoredOnce) {
  const AnalyzedArticle a = MakeArticle("a1", "T", "Body", "2024-06-19");
  ASSERT_TRUE(*this->store_->PutArticle(MakePage("a1", "x"), a));
  auto again = this->store_->PutArticle(MakePage("a1", "x"), a);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(*this->store_->ArticleCount(), 1);
  EXPECT_TRUE(*this->store_->HasArticle("a1"));
  EXPECT_FALSE(*this->store_->HasArticle("a2"));
}

TYPED_TEST(StoreTest, PutArticlesWritesABatch) {
  const RawPage page = MakePage("p", "x");
  const AnalyzedArticle a = MakeArticle("a", "T", "Body a", "2024-06-19");
  const AnalyzedArticle b = MakeArticle("b", "T", "Body b", "2024-06-19");
  ASSERT_TRUE(*this->store_->PutArticle(page, a));
  auto stored = this->store_->PutArticles({{&page, &a}, {&page, &b}, {&page, &b}});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_THAT(*stored, ElementsAre(false, true, false));
  EXPECT_EQ(*this->store_->ArticleCount(), 2);
  EXPECT_THAT(*this->store_->PutArticles({}), IsEmpty());
}

TYPED_TEST(StoreTest, MissingArticleIsNotFound) {
  EXPECT_EQ(this->store_->GetArticle("nope").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(this->store_->GetStory("nope").status().code(), Status::Code::kNotFound);
}

TYPED_TEST(StoreTest, ForEachArticleKeepsIngestOrder) {
  for (const char* id : {"c", "a", "b"}) {
    ASSERT_TRUE(
        *this->store_->PutArticle(MakePage(id, id), MakeArticle(id, id, "x", "2024-01-01")));
  }
  std::vector<std::string> ids;
  std::vector<size_t> token_counts;
  ASSERT_TRUE(this->store_
                  ->ForEachArticle(LoadOptions{.tokens = false, .paragraphs = false},
                                   [&](AnalyzedArticle&& a) {
                                     ids.push_back(a.article.id);
                                     token_counts.push_back(a.tokens.size());
                                     return Status::Ok();
                                   })
                  .ok());
  EXPECT_THAT(ids, ElementsAre("c", "a", "b"));
  EXPECT_THAT(token_counts, ElementsAre(0, 0, 0));
  std::vector<std::string> raw;
  ASSERT_TRUE(this->store_
                  ->ForEachRawPage([&](const RawPage& page) {
                    raw.push_back(page.bytes);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_THAT(raw, ElementsAre("c", "a", "b"));
}

TYPED_TEST(StoreTest, StoriesAreReplacedAsAWhole) {
  for (const char* id : {"a", "b"}) {
    ASSERT_TRUE(
        *this->store_->PutArticle(MakePage(id, id), MakeArticle(id, id, "x", "2024-01-01")));
  }
  Story s1;
  s1.id = "s1";
  s1.title = "First";
  s1.first_published = Date::FromIso("2024-01-01");
  s1.last_published = Date::FromIso("2024-01-02");
  s1.articles.push_back(StoryArticle{"a", "", "", "", {}, CopyRole::kOriginal});
  s1.articles.push_back(StoryArticle{"b", "", "", "", {}, CopyRole::kCopy});
  TimelineEntry entry;
  entry.date = "2024-01-01";
  entry.sources.push_back(Citation{"a", Span{0, 1}, "x"});
  entry.independent_sources = 1;
  s1.timeline.push_back(entry);
  Story s2;
  s2.id = "s2";
  s2.title = "Second";
  s2.last_published = Date::FromIso("2024-03-01");
  CopyGroup group{"g", {"a", "b"}, "a", {CopyRole::kOriginal, CopyRole::kCopy}, {1.0, 0.9}};
  ASSERT_TRUE(this->store_->ReplaceStories({s1, s2}, {group}).ok());

  auto list = this->store_->ListStories();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, "s2");  // newest first
  EXPECT_EQ((*list)[1].id, "s1");
  ASSERT_EQ((*list)[1].articles.size(), 2u);
  EXPECT_EQ((*list)[1].articles[0].source, "pages.jsonl#a");
  EXPECT_EQ((*list)[1].articles[1].role, CopyRole::kCopy);
  EXPECT_EQ((*list)[1].articles[0].published, Date::FromIso("2024-01-01"));

  auto story = this->store_->GetStory("s1");
  ASSERT_TRUE(story.ok());
  ASSERT_EQ(story->timeline.size(), 1u);
  EXPECT_EQ(story->timeline[0].sources[0].article_id, "a");
  EXPECT_EQ(story->timeline[0].sources[0].span, (Span{0, 1}));

  ASSERT_TRUE(this->store_->ReplaceStories({s2}, {}).ok());
  list = this->store_->ListStories();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, "s2");
}

// Changed stories and copy groups replace their namesakes, removed ones go, the rest stays, and the
// state blobs come back byte for byte; a ReplaceStories drops the state it no longer matches.
TYPED_TEST(StoreTest, UpdateStoriesTouchesOnlyWhatChangedAndKeepsTheState) {
  for (const char* id : {"a", "b", "c"}) {
    ASSERT_TRUE(*this->store_->PutArticle(MakePage(id, id),
                                          MakeArticle(id, "Title", "Body.", "2024-01-01")));
  }
  auto story = [](const std::string& id, const std::string& title) {
    Story s;
    s.id = id;
    s.title = title;
    s.articles.push_back(StoryArticle{"a", "", "", "", {}, CopyRole::kOriginal});
    return s;
  };
  Store::StoryChanges first;
  first.stories = {story("s1", "One"), story("s2", "Two"), story("s3", "Three")};
  first.copy_groups = {
      CopyGroup{"g", {"a", "b"}, "a", {CopyRole::kOriginal, CopyRole::kCopy}, {1.0, 0.9}}};
  std::string blob("\0state\xff", 7);
  first.state = {{"desk", blob}};
  ASSERT_TRUE(this->store_->UpdateStories(first).ok());

  Store::StoryChanges second;
  second.stories = {story("s2", "Two again")};
  second.removed_stories = {"s3"};
  second.removed_copy_groups = {"g"};
  second.state = {{"desk", blob + "more"}};
  ASSERT_TRUE(this->store_->UpdateStories(second).ok());
  auto list = this->store_->ListStories();
  ASSERT_TRUE(list.ok());
  std::map<std::string, std::string> titles;
  for (const StorySummary& s : *list) titles[s.id] = s.title;
  EXPECT_EQ(titles, (std::map<std::string, std::string>{{"s1", "One"}, {"s2", "Two again"}}));
  auto state = this->store_->GetState("desk");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ(**state, blob + "more");
  EXPECT_FALSE(this->store_->GetState("other")->has_value());

  std::vector<std::string> after_one;
  ASSERT_TRUE(this->store_
                  ->ForEachArticleAfter(1, LoadOptions{},
                                        [&](AnalyzedArticle&& a) {
                                          after_one.push_back(a.article.id);
                                          return Status::Ok();
                                        })
                  .ok());
  EXPECT_THAT(after_one, ElementsAre("b", "c"));

  ASSERT_TRUE(this->store_->ReplaceStories({story("s9", "Nine")}, {}).ok());
  EXPECT_FALSE(this->store_->GetState("desk")->has_value());
}

TYPED_TEST(StoreTest, SearchFindsWordsWithSnippetsAndFilters) {
  ASSERT_TRUE(*this->store_->PutArticle(
      MakePage("a", "a"), MakeArticle("a", "Storm hits coast",
                                      "A strong storm hit the coast on Monday.", "2024-06-17")));
  ASSERT_TRUE(*this->store_->PutArticle(
      MakePage("b", "b"),
      MakeArticle("b", "Markets calm", "Markets were calm despite the storm warnings.",
                  "2024-06-20")));
  ASSERT_TRUE(*this->store_->PutArticle(
      MakePage("c", "c"), MakeArticle("c", "Other", "Nothing to see.", "2024-06-21")));

  SearchQuery query;
  query.text = "storm";
  auto hits = this->store_->Search(query);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].article_id, "a");  // in the title too
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[storm]"));

  query.from = Date::FromIso("2024-06-18");
  hits = this->store_->Search(query);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "b");

  query.from.reset();
  query.outlet = "Nobody";
  EXPECT_THAT(*this->store_->Search(query), IsEmpty());

  // FTS syntax in user text is taken literally rather than failing.
  query.outlet.clear();
  query.text = "storm AND \"coast* (";
  hits = this->store_->Search(query);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();

  // Every word is required, in title or body.
  query.text = "storm coast";
  hits = this->store_->Search(query);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "a");
  query.text = "calm storm warnings";
  hits = this->store_->Search(query);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "b");
  query.text = "storm nothing";
  EXPECT_THAT(*this->store_->Search(query), IsEmpty());

  query.text = "  ";
  EXPECT_EQ(this->store_->Search(query).status().code(), Status::Code::kInvalidArgument);
}

TYPED_TEST(StoreTest, SearchRanksTheNewestWindowOfMatchesAndPagesBack) {
  // The best match is stored first; a full window of weaker matches arrives after it.
  ASSERT_TRUE(*this->store_->PutArticle(
      MakePage("best", "best"),
      MakeArticle("best", "Storm storm", "Storm, storm and storm again.", "2024-06-01")));
  std::vector<RawPage> pages;
  std::vector<AnalyzedArticle> articles;
  for (int i = 0; i < kSearchWindow; ++i) {
    const std::string id = "later" + std::to_string(i);
    pages.push_back(MakePage(id, id));
    articles.push_back(MakeArticle(id, "Weather " + std::to_string(i),
                                   "Rain all week, a storm on Friday, then sun and wind.",
                                   "2024-06-02"));
  }
  std::vector<Store::PageAndArticle> items;
  for (int i = 0; i < kSearchWindow; ++i) items.push_back({&pages[i], &articles[i]});
  ASSERT_TRUE(this->store_->PutArticles(items).ok());

  SearchQuery query;
  query.text = "storm";
  auto hits = this->store_->Search(query);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 20u);
  for (const SearchHit& h : *hits) EXPECT_NE(h.article_id, "best");

  query.window = 1;
  hits = this->store_->Search(query);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "best");
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[Storm], [storm] and [storm]"));

  query.window = 2;
  EXPECT_THAT(*this->store_->Search(query), IsEmpty());
}

TYPED_TEST(StoreTest, ReopeningKeepsEverything) {
  ASSERT_TRUE(
      *this->store_->PutArticle(MakePage("a", "a"), MakeArticle("a", "T", "x", "2024-01-01")));
  this->store_.reset();
  auto reopened = Store::Open(this->backend_.Target());
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*(*reopened)->ArticleCount(), 1);
}

// A store of schema version 3 still held a SimHash per article: opening it drops the column and
// keeps the analysis that is read. (The later migrations' tables are dropped to make it one.)
TYPED_TEST(StoreTest, MigrationDropsTheSimHashColumn) {
  const AnalyzedArticle in = MakeArticle("a", "T", "the storm", "2024-01-01");
  ASSERT_TRUE(*this->store_->PutArticle(MakePage("a", "a"), in));
  this->store_.reset();
  ASSERT_EQ(
      this->backend_.Exec("ALTER TABLE analysis ADD COLUMN simhash BIGINT NOT NULL DEFAULT 7; "
                          "DROP TABLE watch_sources; DROP TABLE watch_urls; "
                          "DROP INDEX articles_source; DROP TABLE story_state; "
                          "DELETE FROM schema_migrations WHERE version > 3"),
      "");
  auto reopened = Store::Open(this->backend_.Target());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  auto out = (*reopened)->GetArticle("a");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->body_hash, in.body_hash);
  EXPECT_EQ(out->minhash, in.minhash);
  EXPECT_EQ(out->terms.size(), in.terms.size());
  EXPECT_EQ(out->tokens.size(), in.tokens.size());
  EXPECT_NE(this->backend_.Exec("SELECT simhash FROM analysis"), "");
}

TEST(StoreOpenTest, UnreachablePostgresIsAnIoError) {
  // Port 1 on loopback: nothing listens there.
  EXPECT_EQ(Store::Open("postgresql://postgres@127.0.0.1:1/news?connect_timeout=2").status().code(),
            Status::Code::kIoError);
}

TEST(StoreOpenTest, AFileThatIsNotAStoreIsReported) {
  const fs::path path = fs::temp_directory_path() /
                        ("newsloom_not_a_store_" + std::to_string(std::random_device{}()));
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs("this is not a database, just text long enough to fill a header page....", f);
    std::fclose(f);
  }
  auto store = Store::Open(path.string());
  EXPECT_FALSE(store.ok());
  fs::remove(path);
}

TEST(StoreOpenTest, UnwritablePathIsAnIoError) {
  auto store = Store::Open("/nonexistent-dir/x/y.db");
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
}

TEST(CodecTest, DamagedBlobsAreCorruptNotCrashes) {
  EXPECT_FALSE(store::DecodeTokens("garbage").ok());
  EXPECT_FALSE(store::DecodeTerms("").ok());
  EXPECT_FALSE(store::DecodeMinhash("abc").ok());
  const std::string good = store::EncodeTerms({{"a", 1.0f}});
  EXPECT_TRUE(store::DecodeTerms(good).ok());
  EXPECT_FALSE(store::DecodeTerms(good.substr(0, good.size() - 2)).ok());
}

TEST(StoryJsonTest, RoundTrip) {
  Story s;
  s.id = "s";
  s.thread = "t";
  s.title = "Title";
  s.first_published = Date::FromIso("2024-06-19");
  s.articles.push_back(
      StoryArticle{"a", "src", "T", "O", Date::FromIso("2024-06-19"), CopyRole::kRewrite});
  s.shared_sentences.push_back({Citation{"a", Span{1, 5}, "text"}});
  auto back = store::StoryFromJson(store::StoryToJson(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->title, "Title");
  EXPECT_EQ(back->last_published, std::nullopt);
  EXPECT_EQ(back->articles[0].role, CopyRole::kRewrite);
  EXPECT_EQ(back->shared_sentences[0][0].span, (Span{1, 5}));
  EXPECT_FALSE(store::StoryFromJson(nlohmann::json::array()).ok());
}

}  // namespace
}  // namespace newsloom
