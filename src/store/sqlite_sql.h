// Every SQL statement of the SQLite backend, in one place: the schema as ordered migrations, then
// the queries. A PostgreSQL backend gets its own file of the same shape.
#ifndef NEWSLOOM_STORE_SQLITE_SQL_H_
#define NEWSLOOM_STORE_SQLITE_SQL_H_

#include <array>

namespace newsloom::store::sql {

// Migration i brings the schema from version i to i + 1. Append only; never edit a shipped one.
inline constexpr std::array<const char*, 6> kMigrations = {
    // 1: articles with their raw pages, spans, analysis; stories; full-text index.
    R"sql(
CREATE TABLE articles (
  ingest_seq INTEGER PRIMARY KEY,        -- order of arrival; the replay order for clustering
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL,
  byline TEXT NOT NULL,
  outlet TEXT NOT NULL,
  published TEXT,                        -- ISO date or NULL
  published_confidence REAL NOT NULL,
  masthead_date TEXT,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  captions TEXT NOT NULL,                -- JSON [{text, line}]
  removed TEXT NOT NULL,                 -- JSON [{line, text, reason}]
  raw_content_type TEXT NOT NULL,
  raw_url TEXT NOT NULL,
  raw_fetched_at TEXT NOT NULL,
  raw_given TEXT NOT NULL,               -- JSON {id, title, published} as given by the container
  raw_hash INTEGER NOT NULL,             -- xxHash of the raw bytes
  raw_size INTEGER NOT NULL,
  raw_zstd BLOB NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE paragraphs (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  line INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_seq, n)
) WITHOUT ROWID;

CREATE TABLE sentences (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  PRIMARY KEY (article_seq, n)
) WITHOUT ROWID;

CREATE TABLE dates (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  relative INTEGER NOT NULL,
  tense INTEGER NOT NULL,
  PRIMARY KEY (article_seq, n)
) WITHOUT ROWID;
CREATE INDEX dates_value ON dates(value);

CREATE TABLE entities (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (article_seq, n)
) WITHOUT ROWID;

-- What clustering and dedup need, so that stories can be rebuilt without analysing again.
CREATE TABLE analysis (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(ingest_seq),
  body_hash INTEGER NOT NULL,
  simhash INTEGER NOT NULL,
  minhash BLOB NOT NULL,                 -- uint32 little-endian
  terms BLOB NOT NULL,                   -- zstd, varint-framed (term, float weight)
  tokens BLOB NOT NULL                   -- zstd, varint-framed (span delta, size, flags, norm)
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  n INTEGER NOT NULL,                    -- order in which the rebuild produced them
  thread TEXT NOT NULL,
  title TEXT NOT NULL,
  first_published TEXT,
  last_published TEXT,
  sources_independent INTEGER NOT NULL,
  brief TEXT NOT NULL                    -- the whole Story as JSON, timeline included
);

CREATE TABLE story_articles (
  story_id TEXT NOT NULL REFERENCES stories(id),
  n INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  role TEXT NOT NULL,                    -- original / copy / rewrite
  PRIMARY KEY (story_id, n)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article_id);

CREATE TABLE copy_groups (
  group_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  role TEXT NOT NULL,
  similarity REAL NOT NULL,
  first_publisher TEXT NOT NULL,
  PRIMARY KEY (group_id, n)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='ingest_seq',
  tokenize='unicode61 remove_diacritics 2');
)sql",
    // 2: entity mentions found by their text (search filters `entity:NAME`).
    R"sql(
CREATE INDEX entities_text ON entities(text COLLATE NOCASE);
)sql",
    // 3: which signal gave each publication date (DateSourceName).
    R"sql(
ALTER TABLE articles ADD COLUMN published_source TEXT NOT NULL DEFAULT '';
)sql",
    // 4: no SimHash: nothing read it.
    R"sql(
ALTER TABLE analysis DROP COLUMN simhash;
)sql",
    // 5: live sources being watched and the URLs they listed (src/fetch/watch_state.h); articles
    // by source, for the per-source counts.
    R"sql(
CREATE TABLE watch_sources (
  url TEXT PRIMARY KEY,                  -- canonical URL
  fetch_url TEXT NOT NULL,
  parent TEXT NOT NULL,
  kind TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  last_poll TEXT NOT NULL,
  status TEXT NOT NULL,
  last_error TEXT NOT NULL,
  children TEXT NOT NULL,                -- JSON array of URLs
  polls BIGINT NOT NULL,
  not_modified BIGINT NOT NULL,
  errors BIGINT NOT NULL,
  items_new BIGINT NOT NULL,
  articles_fetched BIGINT NOT NULL
);
CREATE TABLE watch_urls (
  url TEXT PRIMARY KEY,                  -- canonical URL
  listed_url TEXT NOT NULL,
  source TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  published TEXT NOT NULL,
  summary TEXT NOT NULL,
  state TEXT NOT NULL,                   -- pending / fetched / retry / failed
  attempts BIGINT NOT NULL,
  last_attempt TEXT NOT NULL,
  retry_after TEXT NOT NULL,
  http_status BIGINT NOT NULL,
  fetched_url TEXT NOT NULL,
  error TEXT NOT NULL,
  alias_of TEXT NOT NULL
);
CREATE INDEX watch_urls_to_fetch ON watch_urls(state) WHERE state IN ('pending', 'retry');
CREATE INDEX watch_urls_failed ON watch_urls(source) WHERE error <> '';
CREATE INDEX articles_source ON articles(source);
)sql",
    // 6: the saved state of incremental story building (versioned blobs, by name).
    R"sql(
CREATE TABLE story_state (
  name TEXT PRIMARY KEY,
  blob BLOB NOT NULL
);
)sql",
};

inline constexpr const char* kCreateMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
    "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
inline constexpr const char* kSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
inline constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations(version) VALUES (?1)";

inline constexpr const char* kHasArticle = "SELECT 1 FROM articles WHERE id = ?1";
inline constexpr const char* kRawPageHash = "SELECT raw_hash FROM articles WHERE id = ?1";
inline constexpr const char* kCountArticles = "SELECT COUNT(*) FROM articles";
inline constexpr const char* kInsertArticle = R"sql(
INSERT INTO articles (id, source, url, title, subtitle, byline, outlet, published,
  published_confidence, masthead_date, language, body, captions, removed, raw_content_type,
  raw_url, raw_fetched_at, raw_given, raw_hash, raw_size, raw_zstd, published_source)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22))sql";
inline constexpr const char* kInsertFts =
    "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)";
inline constexpr const char* kInsertParagraph =
    "INSERT INTO paragraphs VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kInsertSentence = "INSERT INTO sentences VALUES (?1, ?2, ?3, ?4)";
inline constexpr const char* kInsertDate =
    "INSERT INTO dates VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
inline constexpr const char* kInsertEntity = "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kInsertAnalysis = "INSERT INTO analysis VALUES (?1, ?2, ?3, ?4, ?5)";

// Columns 0..15 of an article row, as read back.
#define NEWSLOOM_ARTICLE_COLUMNS                                              \
  "ingest_seq, id, source, url, title, subtitle, byline, outlet, published, " \
  "published_confidence, masthead_date, language, body, captions, removed, published_source"
inline constexpr const char* kSelectArticleById =
    "SELECT " NEWSLOOM_ARTICLE_COLUMNS " FROM articles WHERE id = ?1";
inline constexpr const char* kSelectArticlesInOrderFrom =
    "SELECT " NEWSLOOM_ARTICLE_COLUMNS " FROM articles ORDER BY ingest_seq LIMIT -1 OFFSET ?1";
#undef NEWSLOOM_ARTICLE_COLUMNS
inline constexpr const char* kSelectParagraphs =
    "SELECT line, begin_byte, end_byte, text FROM paragraphs WHERE article_seq = ?1 ORDER BY n";
inline constexpr const char* kSelectSentences =
    "SELECT begin_byte, end_byte FROM sentences WHERE article_seq = ?1 ORDER BY n";
inline constexpr const char* kSelectDates =
    "SELECT begin_byte, end_byte, text, type, value, relative, tense FROM dates "
    "WHERE article_seq = ?1 ORDER BY n";
inline constexpr const char* kSelectEntities =
    "SELECT begin_byte, end_byte, text, type FROM entities WHERE article_seq = ?1 ORDER BY n";
inline constexpr const char* kSelectAnalysis =
    "SELECT body_hash, minhash, terms, tokens FROM analysis WHERE article_seq = ?1";
inline constexpr const char* kSelectRawPage =
    "SELECT source, raw_url, raw_fetched_at, raw_content_type, raw_given, raw_zstd "
    "FROM articles WHERE id = ?1";
inline constexpr const char* kSelectRawPagesInOrder =
    "SELECT source, raw_url, raw_fetched_at, raw_content_type, raw_given, raw_zstd "
    "FROM articles ORDER BY ingest_seq";

inline constexpr const char* kDeleteStories = "DELETE FROM stories";
inline constexpr const char* kDeleteStoryArticles = "DELETE FROM story_articles";
inline constexpr const char* kDeleteCopyGroups = "DELETE FROM copy_groups";
inline constexpr const char* kDeleteStoryById = "DELETE FROM stories WHERE id = ?1";
inline constexpr const char* kDeleteStoryArticlesById =
    "DELETE FROM story_articles WHERE story_id = ?1";
inline constexpr const char* kDeleteCopyGroupById = "DELETE FROM copy_groups WHERE group_id = ?1";
inline constexpr const char* kDeleteStates = "DELETE FROM story_state";
inline constexpr const char* kSelectState = "SELECT blob FROM story_state WHERE name = ?1";
inline constexpr const char* kPutState =
    "INSERT INTO story_state VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob";
inline constexpr const char* kInsertStory =
    "INSERT INTO stories VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr const char* kInsertStoryArticle =
    "INSERT INTO story_articles VALUES (?1, ?2, ?3, ?4)";
inline constexpr const char* kInsertCopyGroup =
    "INSERT INTO copy_groups VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr const char* kSelectStories =
    "SELECT id, thread, title, first_published, last_published, sources_independent FROM stories "
    "ORDER BY last_published IS NULL, last_published DESC, id";
inline constexpr const char* kSelectStoryArticles = R"sql(
SELECT s.article_id, a.source, a.title, a.outlet, a.published, s.role
FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id
WHERE s.story_id = ?1 ORDER BY s.n)sql";
inline constexpr const char* kSelectStoryBrief = "SELECT brief FROM stories WHERE id = ?1";

// Ranks a bounded window: the newest ?7 matches (by arrival, skipping the ?8 newer ones) are
// ranked by bm25 and the best ?5 of them returned, so a word in every article costs no more than
// a rare one. FTS5 walks the matches newest first and stops at the window's end; the bodies' first
// 16,384 characters (for the snippet, store/snippet.h) and stories are read for the returned rows
// only. Without filters the window needs no article row at all (kSearch); with them, each match
// is checked on its row (kSearchFiltered, ?2 to ?4 and ?6).
#define NEWSLOOM_SEARCH(WINDOW)                                                       \
  "WITH ranked AS (SELECT seq, rank FROM (" WINDOW                                    \
  ") ORDER BY rank, seq LIMIT ?5) "                                                   \
  "SELECT a.id, a.title, a.outlet, a.source, a.published, substr(a.body, 1, 16384), " \
  "r.rank, (SELECT s.story_id FROM story_articles s WHERE s.article_id = a.id "       \
  "ORDER BY s.story_id LIMIT 1) "                                                     \
  "FROM ranked r JOIN articles a ON a.ingest_seq = r.seq ORDER BY r.rank, r.seq"
inline constexpr const char* kSearch = NEWSLOOM_SEARCH(R"sql(
    SELECT rowid AS seq, bm25(articles_fts, 2.0, 1.0) AS rank
    FROM articles_fts
    WHERE articles_fts MATCH ?1
    ORDER BY rowid DESC
    LIMIT ?7 OFFSET ?8)sql");
inline constexpr const char* kSearchFiltered = NEWSLOOM_SEARCH(R"sql(
    SELECT articles_fts.rowid AS seq, bm25(articles_fts, 2.0, 1.0) AS rank
    FROM articles_fts JOIN articles a ON a.ingest_seq = articles_fts.rowid
    WHERE articles_fts MATCH ?1
      AND (?2 IS NULL OR a.published >= ?2)
      AND (?3 IS NULL OR a.published <= ?3)
      AND (?4 = '' OR a.outlet = ?4)
      AND (?6 = '' OR a.ingest_seq IN (SELECT article_seq FROM entities
                                       WHERE text COLLATE NOCASE IN (SELECT value FROM json_each(?6))))
    ORDER BY articles_fts.rowid DESC
    LIMIT ?7 OFFSET ?8)sql");
#undef NEWSLOOM_SEARCH

}  // namespace newsloom::store::sql

#endif  // NEWSLOOM_STORE_SQLITE_SQL_H_
