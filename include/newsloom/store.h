// Where articles, their analysis and the stories live. One interface, opened by target:
// a file path is a SQLite file (the default); "postgresql://..." (or "postgres://...") is a
// PostgreSQL database shared by many processes.
// Every statement of a stored story can be traced back to a stored article and a byte span of it.
#ifndef NEWSLOOM_STORE_H_
#define NEWSLOOM_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"
#include "newsloom/story.h"

namespace newsloom {

// What ForEachArticle loads with each article.
struct LoadOptions {
  bool tokens = true;      // the token list (the largest part of an analysis)
  bool paragraphs = true;  // paragraphs, captions and removed lines
};

// Search ranks a bounded window of matches, the newest kSearchWindow matching articles in the
// order they were stored, so that a word found in every article costs no more than a rare one.
// Older matches are reached window by window (SearchQuery::window).
inline constexpr int kSearchWindow = 1000;

struct SearchQuery {
  std::string text;          // words; all must occur (title or body)
  std::optional<Date> from;  // published on or after
  std::optional<Date> to;    // published on or before
  std::string outlet;        // exact outlet name, empty for any
  // When non-empty: only articles with an entity mention whose text is one of these (ignoring
  // case). With no words in `text`, these names themselves are the words searched for.
  std::vector<std::string> entity_names;
  int limit = 20;
  int window = 0;  // 0: the newest kSearchWindow matches; n: the n-th window further back
};

struct SearchHit {
  std::string article_id;
  std::string title;
  std::string outlet;
  std::string source;
  std::optional<Date> published;
  std::string story_id;  // empty when the article is in no story yet
  std::string snippet;   // body text around the matches, matches in [brackets]
  double score = 0;      // higher is better
};

// A story as listed: its header and its articles, without the brief's timeline.
using StorySummary = Story;

// Not thread-safe: one Store per thread (SQLite: several processes may read one file).
class Store {
 public:
  // "path/to/file.db" opens or creates a SQLite store, "postgresql://..." connects to a PostgreSQL
  // database; either way the schema is brought up to date. kIoError when the file cannot be
  // opened or the server not reached, kCorrupt when the file is not a store.
  static Result<std::unique_ptr<Store>> Open(const std::string& target);

  virtual ~Store() = default;

  // Whether an article with this id is stored.
  virtual Result<bool> HasArticle(const std::string& id) = 0;

  // The 64-bit xxHash (text::Hash64) of the raw page stored with article `id`, or nullopt when no
  // such article is stored. Tells a re-ingested page from a different page reusing the id.
  virtual Result<std::optional<uint64_t>> RawPageHash(const std::string& id) = 0;

  // Writes one article, its analysis and the raw page it came from, in one transaction. Returns
  // false (and writes nothing) when an article with the same id is already stored. Articles keep
  // the order in which they were first put (their ingest sequence).
  virtual Result<bool> PutArticle(const RawPage& page, const AnalyzedArticle& article) = 0;

  // Writes several articles in one transaction: all of them or, on error, none. Element i of the
  // result says whether article i was new (false: its id was stored before, or earlier in the
  // list). Much faster than one transaction per article (index and full-text pages are written
  // once per transaction).
  struct PageAndArticle {
    const RawPage* page;
    const AnalyzedArticle* article;
  };
  virtual Result<std::vector<bool>> PutArticles(const std::vector<PageAndArticle>& items) = 0;

  virtual Result<int64_t> ArticleCount() = 0;

  // The stored article with its analysis; kNotFound when there is none.
  virtual Result<AnalyzedArticle> GetArticle(const std::string& id) = 0;

  // The raw page an article came from, as read (bytes, content type, url, fetched_at, given_*).
  virtual Result<RawPage> GetRawPage(const std::string& article_id) = 0;

  // Calls `fn` for every stored article in ingest order, stopping at the first error it returns.
  virtual Status ForEachArticle(const LoadOptions& options,
                                const std::function<Status(AnalyzedArticle&&)>& fn) = 0;

  // Calls `fn` with every stored raw page in ingest order (for cross-page evidence).
  virtual Status ForEachRawPage(const std::function<Status(const RawPage&)>& fn) = 0;

  // Replaces all stories and copy groups in one transaction, and drops the saved story state
  // (UpdateStories), which no longer matches them.
  virtual Status ReplaceStories(const std::vector<Story>& stories,
                                const std::vector<CopyGroup>& copy_groups) = 0;

  // What adding articles changed in the stories, written in one transaction together with the
  // state that produced it, so that the stored stories always match the saved state.
  struct StoryChanges {
    bool replace_all = false;    // drop every stored story and copy group first
    std::vector<Story> stories;  // new or changed: each replaces any of its id
    std::vector<std::string> removed_stories;
    std::vector<CopyGroup> copy_groups;  // new or changed: each replaces any of its id
    std::vector<std::string> removed_copy_groups;
    std::vector<std::pair<std::string, std::string>> state;  // (name, blob), replacing any
  };
  virtual Status UpdateStories(const StoryChanges& changes) = 0;

  // The state blob saved under `name` by UpdateStories; nullopt when there is none.
  virtual Result<std::optional<std::string>> GetState(const std::string& name) = 0;

  // Like ForEachArticle, without the first `skip` articles in ingest order.
  virtual Status ForEachArticleAfter(int64_t skip, const LoadOptions& options,
                                     const std::function<Status(AnalyzedArticle&&)>& fn) = 0;

  // The stored articles `ids`, in that order; kNotFound when one is missing.
  virtual Result<std::vector<AnalyzedArticle>> GetArticles(const std::vector<std::string>& ids);

  // Stories, newest last-published first (ties by id), each with its articles but no timeline.
  virtual Result<std::vector<StorySummary>> ListStories() = 0;

  // One story in full; kNotFound when there is none.
  virtual Result<Story> GetStory(const std::string& id) = 0;
  // The same story as its stored brief, the JSON text of store::StoryToJson written with it, for
  // serving without decoding. kNotFound when there is none.
  virtual Result<std::string> GetStoryBrief(const std::string& id) = 0;

  // Full-text search over titles and bodies: the best `limit` of the query's window of matches,
  // best first. kInvalidArgument for an empty query.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
};

}  // namespace newsloom

#endif  // NEWSLOOM_STORE_H_
