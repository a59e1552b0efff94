// The PostgreSQL store: rows written a batch at a time through array parameters (a batch of
// articles is about ten round trips, whatever its size) on one PgConnection.
#include "store/postgres_store.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "newsloom/story_json.h"
#include "store/codec.h"
#include "store/postgres_sql.h"
#include "store/row_json.h"
#include "store/search_words.h"
#include "store/snippet.h"
#include "text/hash.h"

namespace newsloom::store {

namespace {

using nlohmann::json;
using Param = PgParam;

// A bytea parameter in text form (hex).
std::string ByteaParam(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + 2 * bytes.size());
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// tsquery text from user words: each word quoted (so operators are literal; a word the parser
// splits becomes a phrase), all required; the same words as the FTS5 query of the SQLite backend.
std::string TsQueryWords(std::string_view text) {
  std::string query;
  for (const std::string& word : SearchWords(text)) {
    if (!query.empty()) query += " & ";
    query += '\'' + word + '\'';
  }
  return query;
}

}  // namespace

#define NEWSLOOM_PG(var, sql, ...) NEWSLOOM_PG_RUN(conn_, var, sql, __VA_ARGS__)

PostgresStore::PostgresStore(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& uri) {
  auto conn = PgConnection::Open(uri);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(*conn)));
  NEWSLOOM_RETURN_IF_ERROR(
      store->Exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning; "
                  "SET synchronous_commit = on; "
                  // Plans made for the query's words: a word in most articles is best found
                  // newest first along the key, a rare one through the GIN index, and a plan
                  // made once for any words cannot tell which.
                  "SET plan_cache_mode = force_custom_plan"));
  NEWSLOOM_RETURN_IF_ERROR(store->Migrate());
  return store;
}

Status PostgresStore::Migrate() {
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN"));
  Status status = [&]() -> Status {
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kMigrationLock));
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kCreateMigrations));
    NEWSLOOM_PG(q, pgsql::kSchemaVersion, {});
    const int64_t version = q.Int(0, 0);
    if (version > static_cast<int64_t>(pgsql::kMigrations.size())) {
      return Status::Unsupported("store schema version " + std::to_string(version) +
                                 " is newer than this program");
    }
    for (size_t v = static_cast<size_t>(version); v < pgsql::kMigrations.size(); ++v) {
      NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kMigrations[v]));
      NEWSLOOM_PG(record, pgsql::kRecordMigration, {std::to_string(v + 1)});
    }
    return Status::Ok();
  }();
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

Result<bool> PostgresStore::HasArticle(const std::string& id) {
  NEWSLOOM_PG(q, pgsql::kHasArticle, {id});
  return q.Rows() > 0;
}

Result<std::optional<uint64_t>> PostgresStore::RawPageHash(const std::string& id) {
  NEWSLOOM_PG(q, pgsql::kRawPageHash, {id});
  if (q.Rows() == 0) return std::optional<uint64_t>();
  return std::optional<uint64_t>(static_cast<uint64_t>(q.Int(0, 0)));
}

Result<int64_t> PostgresStore::ArticleCount() {
  NEWSLOOM_PG(q, pgsql::kCountArticles, {});
  return q.Int(0, 0);
}

Result<bool> PostgresStore::PutArticle(const RawPage& page, const AnalyzedArticle& article) {
  auto stored = PutArticles({{&page, &article}});
  if (!stored.ok()) return stored.status();
  return static_cast<bool>((*stored)[0]);
}

Result<std::vector<bool>> PostgresStore::PutArticles(const std::vector<PageAndArticle>& items) {
  std::vector<bool> stored;
  if (items.empty()) return stored;
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN"));
  Status status = PutRows(items, nullptr, &stored);
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  NEWSLOOM_RETURN_IF_ERROR(Exec("COMMIT"));
  return stored;
}

Status PostgresStore::PutRows(const std::vector<PageAndArticle>& items,
                              const std::vector<int64_t>* seqs, std::vector<bool>* stored) {
  stored->assign(items.size(), false);
  // The first of several items with one id is the one written.
  std::unordered_map<std::string, size_t> first_with_id;
  std::vector<size_t> candidates;
  for (size_t i = 0; i < items.size(); ++i) {
    if (first_with_id.emplace(items[i].article->article.id, i).second) candidates.push_back(i);
  }
  if (candidates.empty()) return Status::Ok();
  std::array<ArrayParam, 23> columns;
  for (size_t i : candidates) {
    const RawPage& page = *items[i].page;
    const Article& a = items[i].article->article;
    if (seqs != nullptr) {
      columns[0].Int((*seqs)[i]);
    } else {
      columns[0].Null();
    }
    columns[1].Text(a.id);
    columns[2].Text(a.source);
    columns[3].Text(a.url);
    columns[4].Text(a.title);
    columns[5].Text(a.subtitle);
    columns[6].Text(a.byline);
    columns[7].Text(a.outlet);
    columns[8].Date(a.published);
    columns[9].Double(a.published_confidence);
    columns[10].Date(a.masthead_date);
    columns[11].Text(a.language);
    columns[12].Text(a.body);
    columns[13].Text(Dump(ParagraphsToJson(a.captions)));
    columns[14].Text(Dump(RemovedToJson(a.removed)));
    columns[15].Text(page.content_type);
    columns[16].Text(page.url);
    columns[17].Text(page.fetched_at);
    columns[18].Text(Dump(GivenToJson(page)));
    columns[19].Int(static_cast<int64_t>(text::Hash64(page.bytes)));
    columns[20].Int(static_cast<int64_t>(page.bytes.size()));
    columns[21].Bytes(Compress(page.bytes));
    columns[22].Text(DateSourceName(a.published_source));
  }
  std::vector<PgParam> params;
  for (const ArrayParam& c : columns) params.push_back(c.Done());
  NEWSLOOM_PG(inserted, pgsql::kInsertArticles, params);

  std::array<ArrayParam, 6> par;
  std::array<ArrayParam, 5> ana;
  std::array<ArrayParam, 4> sen;
  std::array<ArrayParam, 9> dat;
  std::array<ArrayParam, 6> ent;
  for (int r = 0; r < inserted.Rows(); ++r) {
    const size_t i = first_with_id.at(inserted.Text(r, 0));
    const int64_t seq = inserted.Int(r, 1);
    (*stored)[i] = true;
    const AnalyzedArticle& analyzed = *items[i].article;
    const Article& a = analyzed.article;
    for (size_t n = 0; n < a.paragraphs.size(); ++n) {
      const Paragraph& p = a.paragraphs[n];
      par[0].Int(seq);
      par[1].Int(static_cast<int64_t>(n));
      par[2].Int(p.line);
      par[3].Int(p.span.begin);
      par[4].Int(p.span.end);
      par[5].Text(p.text);
    }
    for (size_t n = 0; n < analyzed.sentences.size(); ++n) {
      sen[0].Int(seq);
      sen[1].Int(static_cast<int64_t>(n));
      sen[2].Int(analyzed.sentences[n].begin);
      sen[3].Int(analyzed.sentences[n].end);
    }
    for (size_t n = 0; n < analyzed.dates.size(); ++n) {
      const TemporalExpression& d = analyzed.dates[n];
      dat[0].Int(seq);
      dat[1].Int(static_cast<int64_t>(n));
      dat[2].Int(d.span.begin);
      dat[3].Int(d.span.end);
      dat[4].Text(d.text);
      dat[5].Text(d.type);
      dat[6].Text(d.value);
      dat[7].Int(d.relative ? 1 : 0);
      dat[8].Int(d.tense);
    }
    for (size_t n = 0; n < analyzed.entities.size(); ++n) {
      const EntityMention& e = analyzed.entities[n];
      ent[0].Int(seq);
      ent[1].Int(static_cast<int64_t>(n));
      ent[2].Int(e.span.begin);
      ent[3].Int(e.span.end);
      ent[4].Text(e.text);
      ent[5].Text(e.type);
    }
    ana[0].Int(seq);
    ana[1].Int(static_cast<int64_t>(analyzed.body_hash));
    ana[2].Bytes(EncodeMinhash(analyzed.minhash));
    ana[3].Bytes(EncodeTerms(analyzed.terms));
    ana[4].Bytes(EncodeTokens(analyzed.tokens));
  }
  if (inserted.Rows() == 0) return Status::Ok();
  auto run = [&](const char* sql, auto& arrays) -> Status {
    std::vector<PgParam> p;
    for (const ArrayParam& c : arrays) p.push_back(c.Done());
    NEWSLOOM_PG(q, sql, p);
    return Status::Ok();
  };
  NEWSLOOM_RETURN_IF_ERROR(run(pgsql::kInsertParagraphs, par));
  NEWSLOOM_RETURN_IF_ERROR(run(pgsql::kInsertSentences, sen));
  NEWSLOOM_RETURN_IF_ERROR(run(pgsql::kInsertDates, dat));
  NEWSLOOM_RETURN_IF_ERROR(run(pgsql::kInsertEntities, ent));
  return run(pgsql::kInsertAnalysis, ana);
}

namespace {

// Reads the columns of kSelectArticlesAfter at row `r`.
AnalyzedArticle ArticleFromRow(const PgResult& q, int r);

}  // namespace

Status PostgresStore::LoadDetails(std::vector<std::pair<int64_t, AnalyzedArticle>>* articles,
                                  const LoadOptions& options) {
  if (articles->empty()) return Status::Ok();
  std::unordered_map<int64_t, AnalyzedArticle*> by_seq;
  std::vector<int64_t> seqs;
  for (auto& [seq, a] : *articles) {
    by_seq[seq] = &a;
    seqs.push_back(seq);
  }
  const std::vector<PgParam> params = {IntArray(seqs)};
  if (options.paragraphs) {
    NEWSLOOM_PG(q, pgsql::kSelectParagraphs, params);
    for (int r = 0; r < q.Rows(); ++r) {
      Paragraph p;
      p.line = static_cast<int>(q.Int(r, 1));
      p.span = Span{static_cast<uint32_t>(q.Int(r, 2)), static_cast<uint32_t>(q.Int(r, 3))};
      p.text = q.Text(r, 4);
      by_seq.at(q.Int(r, 0))->article.paragraphs.push_back(std::move(p));
    }
  }
  {
    NEWSLOOM_PG(q, pgsql::kSelectSentences, params);
    for (int r = 0; r < q.Rows(); ++r) {
      by_seq.at(q.Int(r, 0))
          ->sentences.push_back(
              Span{static_cast<uint32_t>(q.Int(r, 1)), static_cast<uint32_t>(q.Int(r, 2))});
    }
  }
  {
    NEWSLOOM_PG(q, pgsql::kSelectDates, params);
    for (int r = 0; r < q.Rows(); ++r) {
      TemporalExpression d;
      d.span = Span{static_cast<uint32_t>(q.Int(r, 1)), static_cast<uint32_t>(q.Int(r, 2))};
      d.text = q.Text(r, 3);
      d.type = q.Text(r, 4);
      d.value = q.Text(r, 5);
      d.relative = q.Int(r, 6) != 0;
      d.tense = static_cast<int>(q.Int(r, 7));
      by_seq.at(q.Int(r, 0))->dates.push_back(std::move(d));
    }
  }
  {
    NEWSLOOM_PG(q, pgsql::kSelectEntities, params);
    for (int r = 0; r < q.Rows(); ++r) {
      EntityMention e;
      e.span = Span{static_cast<uint32_t>(q.Int(r, 1)), static_cast<uint32_t>(q.Int(r, 2))};
      e.text = q.Text(r, 3);
      e.type = q.Text(r, 4);
      by_seq.at(q.Int(r, 0))->entities.push_back(std::move(e));
    }
  }
  {
    NEWSLOOM_PG(q, pgsql::kSelectAnalysis, params);
    for (int r = 0; r < q.Rows(); ++r) {
      AnalyzedArticle* a = by_seq.at(q.Int(r, 0));
      a->body_hash = static_cast<uint64_t>(q.Int(r, 1));
      auto minhash = DecodeMinhash(q.Bytes(r, 2));
      if (!minhash.ok()) return minhash.status();
      a->minhash = std::move(*minhash);
      auto terms = DecodeTerms(q.Bytes(r, 3));
      if (!terms.ok()) return terms.status();
      a->terms = std::move(*terms);
      if (options.tokens) {
        auto tokens = DecodeTokens(q.Bytes(r, 4));
        if (!tokens.ok()) return tokens.status();
        a->tokens = std::move(*tokens);
      }
    }
  }
  if (!options.paragraphs) {
    for (auto& [seq, a] : *articles) {
      a.article.captions.clear();
      a.article.removed.clear();
    }
  }
  return Status::Ok();
}

namespace {

AnalyzedArticle ArticleFromRow(const PgResult& q, int r) {
  AnalyzedArticle analyzed;
  Article& a = analyzed.article;
  a.id = q.Text(r, 1);
  a.source = q.Text(r, 2);
  a.url = q.Text(r, 3);
  a.title = q.Text(r, 4);
  a.subtitle = q.Text(r, 5);
  a.byline = q.Text(r, 6);
  a.outlet = q.Text(r, 7);
  a.published = q.OptDate(r, 8);
  a.published_confidence = q.Double(r, 9);
  a.masthead_date = q.OptDate(r, 10);
  a.language = q.Text(r, 11);
  a.body = q.Text(r, 12);
  a.captions = ParagraphsFromJson(q.Text(r, 13));
  a.removed = RemovedFromJson(q.Text(r, 14));
  a.published_source = DateSourceFromName(q.Text(r, 15));
  return analyzed;
}

}  // namespace

Result<AnalyzedArticle> PostgresStore::GetArticle(const std::string& id) {
  NEWSLOOM_PG(seq, pgsql::kSelectArticleSeqById, {id});
  if (seq.Rows() == 0) return Status::NotFound("no article " + id);
  const int64_t s = seq.Int(0, 0);
  AnalyzedArticle out;
  Status status = ForEachArticleIn(s - 1, s, LoadOptions{}, [&](int64_t, AnalyzedArticle&& a) {
    out = std::move(a);
    return Status::Ok();
  });
  NEWSLOOM_RETURN_IF_ERROR(status);
  return out;
}

Status PostgresStore::ForEachArticleIn(
    int64_t after_seq, int64_t upto_seq, const LoadOptions& options,
    const std::function<Status(int64_t, AnalyzedArticle&&)>& fn) {
  // Pages of articles, each loaded with a handful of queries; the callback may use the store.
  constexpr int kPage = 200;
  int64_t cursor = after_seq;
  for (;;) {
    std::vector<std::pair<int64_t, AnalyzedArticle>> page;
    {
      NEWSLOOM_PG(q, pgsql::kSelectArticlesAfter,
                  {std::to_string(cursor), std::to_string(upto_seq), std::to_string(kPage)});
      for (int r = 0; r < q.Rows(); ++r) page.emplace_back(q.Int(r, 0), ArticleFromRow(q, r));
    }
    if (page.empty()) return Status::Ok();
    cursor = page.back().first;
    NEWSLOOM_RETURN_IF_ERROR(LoadDetails(&page, options));
    for (auto& [seq, a] : page) NEWSLOOM_RETURN_IF_ERROR(fn(seq, std::move(a)));
    if (static_cast<int>(page.size()) < kPage) return Status::Ok();
  }
}

Status PostgresStore::ForEachArticle(const LoadOptions& options,
                                     const std::function<Status(AnalyzedArticle&&)>& fn) {
  return ForEachArticleIn(0, INT64_MAX, options,
                          [&](int64_t, AnalyzedArticle&& a) { return fn(std::move(a)); });
}

// Columns: source, url, fetched_at, content_type, given, raw_zstd from `c`.
Result<RawPage> RawPageFromRow(const PgResult& q, int r, int c) {
  RawPage page;
  page.source = q.Text(r, c);
  page.url = q.Text(r, c + 1);
  page.fetched_at = q.Text(r, c + 2);
  page.content_type = q.Text(r, c + 3);
  GivenFromJson(q.Text(r, c + 4), &page);
  auto bytes = Decompress(q.Bytes(r, c + 5));
  if (!bytes.ok()) return bytes.status();
  page.bytes = std::move(*bytes);
  return page;
}

Result<RawPage> PostgresStore::GetRawPage(const std::string& article_id) {
  NEWSLOOM_PG(q, pgsql::kSelectRawPage, {article_id});
  if (q.Rows() == 0) return Status::NotFound("no article " + article_id);
  return RawPageFromRow(q, 0, 0);
}

Status PostgresStore::ForEachRawPage(const std::function<Status(const RawPage&)>& fn) {
  int64_t cursor = 0;
  for (;;) {
    std::vector<RawPage> pages;
    {
      NEWSLOOM_PG(q, pgsql::kSelectRawPagesAfter, {std::to_string(cursor), "500"});
      for (int r = 0; r < q.Rows(); ++r) {
        auto page = RawPageFromRow(q, r, 1);
        if (!page.ok()) return page.status();
        pages.push_back(std::move(*page));
        cursor = q.Int(r, 0);
      }
    }
    if (pages.empty()) return Status::Ok();
    for (const RawPage& page : pages) NEWSLOOM_RETURN_IF_ERROR(fn(page));
  }
}

Status PostgresStore::InsertStories(const std::vector<Story>& stories,
                                    const std::vector<CopyGroup>* groups) {
  std::array<ArrayParam, 8> st;
  std::array<ArrayParam, 4> sa;
  for (size_t i = 0; i < stories.size(); ++i) {
    const Story& s = stories[i];
    st[0].Text(s.id);
    st[1].Int(static_cast<int64_t>(i));
    st[2].Text(s.thread);
    st[3].Text(s.title);
    st[4].Date(s.first_published);
    st[5].Date(s.last_published);
    st[6].Int(s.sources_independent);
    st[7].Text(Dump(StoryToJson(s)));
    for (size_t j = 0; j < s.articles.size(); ++j) {
      sa[0].Text(s.id);
      sa[1].Int(static_cast<int64_t>(j));
      sa[2].Text(s.articles[j].id);
      sa[3].Text(StoredRoleName(s.articles[j].role));
    }
  }
  std::vector<PgParam> p;
  for (const ArrayParam& c : st) p.push_back(c.Done());
  { NEWSLOOM_PG(q, pgsql::kInsertStories, p); }
  p.clear();
  for (const ArrayParam& c : sa) p.push_back(c.Done());
  { NEWSLOOM_PG(q, pgsql::kInsertStoryArticles, p); }
  if (groups == nullptr) return Status::Ok();
  std::array<ArrayParam, 6> cg;
  for (const CopyGroup& g : *groups) {
    for (size_t j = 0; j < g.article_ids.size(); ++j) {
      cg[0].Text(g.id);
      cg[1].Int(static_cast<int64_t>(j));
      cg[2].Text(g.article_ids[j]);
      cg[3].Text(StoredRoleName(j < g.roles.size() ? g.roles[j] : CopyRole::kOriginal));
      cg[4].Double(j < g.similarity.size() ? g.similarity[j] : 0.0);
      cg[5].Text(g.first_publisher);
    }
  }
  p.clear();
  for (const ArrayParam& c : cg) p.push_back(c.Done());
  NEWSLOOM_PG(q, pgsql::kInsertCopyGroups, p);
  return Status::Ok();
}

Status PostgresStore::ReplaceStories(const std::vector<Story>& stories,
                                     const std::vector<CopyGroup>& copy_groups) {
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN"));
  Status status = [&]() -> Status {
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteStoryArticles));
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteStories));
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteCopyGroups));
    NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteStates));  // it made other stories
    return InsertStories(stories, &copy_groups);
  }();
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

Status PostgresStore::UpdateStories(const StoryChanges& changes) {
  ArrayParam story_ids, group_ids;
  for (const Story& s : changes.stories) story_ids.Text(s.id);
  for (const std::string& id : changes.removed_stories) story_ids.Text(id);
  for (const CopyGroup& g : changes.copy_groups) group_ids.Text(g.id);
  for (const std::string& id : changes.removed_copy_groups) group_ids.Text(id);
  const std::vector<PgParam> story_param = {story_ids.Done()};
  const std::vector<PgParam> group_param = {group_ids.Done()};
  NEWSLOOM_RETURN_IF_ERROR(Exec("BEGIN"));
  Status status = [&]() -> Status {
    if (changes.replace_all) {
      NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteStoryArticles));
      NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteStories));
      NEWSLOOM_RETURN_IF_ERROR(Exec(pgsql::kDeleteCopyGroups));
    }
    { NEWSLOOM_PG(q, pgsql::kDeleteStoryArticlesById, story_param); }
    { NEWSLOOM_PG(q, pgsql::kDeleteStoriesById, story_param); }
    { NEWSLOOM_PG(q, pgsql::kDeleteCopyGroupsById, group_param); }
    NEWSLOOM_RETURN_IF_ERROR(InsertStories(changes.stories, &changes.copy_groups));
    for (const auto& [name, blob] : changes.state) {
      NEWSLOOM_PG(q, pgsql::kPutState, {name, ByteaParam(blob)});
    }
    return Status::Ok();
  }();
  if (!status.ok()) {
    Exec("ROLLBACK");
    return status;
  }
  return Exec("COMMIT");
}

Result<std::optional<std::string>> PostgresStore::GetState(const std::string& name) {
  NEWSLOOM_PG(q, pgsql::kSelectState, {name});
  if (q.Rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(q.Bytes(0, 0));
}

Result<int64_t> PostgresStore::SeqOfArticleNumber(int64_t count) {
  NEWSLOOM_PG(q, pgsql::kSeqOfArticleNumber, {std::to_string(std::max<int64_t>(0, count))});
  return q.Int(0, 0);
}

Status PostgresStore::ForEachArticleAfter(int64_t skip, const LoadOptions& options,
                                          const std::function<Status(AnalyzedArticle&&)>& fn) {
  int64_t after_seq = 0;
  if (skip > 0) {
    auto next = SeqOfArticleNumber(skip);
    if (!next.ok()) return next.status();
    if (*next == 0) return Status::Ok();  // fewer articles than that
    after_seq = *next - 1;
  }
  return ForEachArticleIn(after_seq, INT64_MAX, options,
                          [&](int64_t, AnalyzedArticle&& a) { return fn(std::move(a)); });
}

Result<std::vector<AnalyzedArticle>> PostgresStore::GetArticles(
    const std::vector<std::string>& ids) {
  auto loaded = LoadArticles(ids);
  if (!loaded.ok()) return loaded.status();
  std::vector<AnalyzedArticle> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto it = loaded->find(id);
    if (it == loaded->end()) return Status::NotFound("no article " + id);
    out.push_back(it->second);
  }
  return out;
}

Result<std::vector<StorySummary>> PostgresStore::ListStories() {
  std::vector<StorySummary> stories;
  std::unordered_map<std::string, size_t> index;
  {
    NEWSLOOM_PG(q, pgsql::kSelectStories, {});
    for (int r = 0; r < q.Rows(); ++r) {
      StorySummary s;
      s.id = q.Text(r, 0);
      s.thread = q.Text(r, 1);
      s.title = q.Text(r, 2);
      s.first_published = q.OptDate(r, 3);
      s.last_published = q.OptDate(r, 4);
      s.sources_independent = static_cast<int>(q.Int(r, 5));
      index[s.id] = stories.size();
      stories.push_back(std::move(s));
    }
  }
  NEWSLOOM_PG(q, pgsql::kSelectAllStoryArticles, {});
  for (int r = 0; r < q.Rows(); ++r) {
    auto it = index.find(q.Text(r, 0));
    if (it == index.end()) continue;
    StoryArticle a;
    a.id = q.Text(r, 1);
    a.source = q.Text(r, 2);
    a.title = q.Text(r, 3);
    a.outlet = q.Text(r, 4);
    a.published = q.OptDate(r, 5);
    a.role = StoredRole(q.Text(r, 6));
    stories[it->second].articles.push_back(std::move(a));
  }
  return stories;
}

Result<std::string> PostgresStore::GetStoryBrief(const std::string& id) {
  NEWSLOOM_PG(q, pgsql::kSelectStoryBrief, {id});
  if (q.Rows() == 0) return Status::NotFound("no story " + id);
  return q.Text(0, 0);
}

Result<Story> PostgresStore::GetStory(const std::string& id) {
  auto text = GetStoryBrief(id);
  if (!text.ok()) return text.status();
  const json brief = json::parse(*text, nullptr, false);
  if (brief.is_discarded()) return Status::Corrupt("story " + id + ": damaged brief");
  return StoryFromJson(brief);
}

Result<std::vector<SearchHit>> PostgresStore::Search(const SearchQuery& query) {
  std::string match = TsQueryWords(query.text);
  if (match.empty()) {
    for (const std::string& name : query.entity_names) {
      const std::string words = TsQueryWords(name);
      if (!words.empty()) match += (match.empty() ? "(" : " | (") + words + ")";
    }
  }
  if (match.empty()) return Status::InvalidArgument("empty search query");
  const std::vector<std::string> words = SnippetWords(query);
  Param names;
  if (!query.entity_names.empty()) {
    ArrayParam a;
    for (const std::string& n : query.entity_names) a.Text(n);
    names = a.Done();
  }
  NEWSLOOM_PG(q, pgsql::kSearch,
              {match, query.from ? Param(query.from->ToIso()) : Param(),
               query.to ? Param(query.to->ToIso()) : Param(), query.outlet,
               std::to_string(query.limit), names, std::to_string(kSearchWindow),
               std::to_string(int64_t{kSearchWindow} * std::max(0, query.window))});
  std::vector<SearchHit> hits;
  for (int r = 0; r < q.Rows(); ++r) {
    SearchHit hit;
    hit.article_id = q.Text(r, 0);
    hit.title = q.Text(r, 1);
    hit.outlet = q.Text(r, 2);
    hit.source = q.Text(r, 3);
    hit.published = q.OptDate(r, 4);
    hit.snippet = Snippet(q.Text(r, 5), words);
    hit.score = q.Double(r, 6);
    hit.story_id = q.Text(r, 7);
    hits.push_back(std::move(hit));
  }
  return hits;
}

Result<std::unordered_map<std::string, uint64_t>> PostgresStore::RawPageHashes(
    const std::vector<std::string>& ids) {
  std::unordered_map<std::string, uint64_t> out;
  if (ids.empty()) return out;
  ArrayParam a;
  for (const std::string& id : ids) a.Text(id);
  NEWSLOOM_PG(q, pgsql::kRawPageHashes, {a.Done()});
  for (int r = 0; r < q.Rows(); ++r) out[q.Text(r, 0)] = static_cast<uint64_t>(q.Int(r, 1));
  return out;
}

Result<std::unordered_map<std::string, AnalyzedArticle>> PostgresStore::LoadArticles(
    const std::vector<std::string>& ids) {
  std::unordered_map<std::string, AnalyzedArticle> out;
  constexpr size_t kPage = 200;
  for (size_t start = 0; start < ids.size(); start += kPage) {
    ArrayParam a;
    for (size_t i = start; i < std::min(ids.size(), start + kPage); ++i) a.Text(ids[i]);
    std::vector<std::pair<int64_t, AnalyzedArticle>> page;
    {
      NEWSLOOM_PG(q, pgsql::kSelectArticlesByIds, {a.Done()});
      for (int r = 0; r < q.Rows(); ++r) page.emplace_back(q.Int(r, 0), ArticleFromRow(q, r));
    }
    NEWSLOOM_RETURN_IF_ERROR(LoadDetails(&page, LoadOptions{}));
    for (auto& [seq, article] : page) {
      std::string id = article.article.id;
      out.emplace(std::move(id), std::move(article));
    }
  }
  return out;
}

#undef NEWSLOOM_PG

}  // namespace newsloom::store
