// Every SQL statement of the PostgreSQL backend: the schema as ordered migrations (the same tables
// and columns as sqlite_sql.h, plus the work queue), then the queries. Rows are written a batch at
// a time through unnest() of array parameters, so a batch costs a few round trips, not one per row.
#ifndef NEWSLOOM_STORE_POSTGRES_SQL_H_
#define NEWSLOOM_STORE_POSTGRES_SQL_H_

#include <array>

namespace newsloom::store::pgsql {

// Migration i brings the schema from version i to i + 1. Append only; never edit a shipped one.
inline constexpr std::array<const char*, 6> kMigrations = {
    // 1: the store (as SQLite migrations 1 and 2), full text as a weighted tsvector with GIN.
    R"sql(
-- One counter for articles and queued pages: a queued page keeps its number as its article's
-- ingest_seq, so articles are replayed in the order their pages were queued.
CREATE SEQUENCE ingest_seq_counter;
CREATE TABLE articles (
  ingest_seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL,
  byline TEXT NOT NULL,
  outlet TEXT NOT NULL,
  published TEXT,
  published_confidence DOUBLE PRECISION NOT NULL,
  masthead_date TEXT,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  captions TEXT NOT NULL,
  removed TEXT NOT NULL,
  raw_content_type TEXT NOT NULL,
  raw_url TEXT NOT NULL,
  raw_fetched_at TEXT NOT NULL,
  raw_given TEXT NOT NULL,
  raw_hash BIGINT NOT NULL,
  raw_size BIGINT NOT NULL,
  raw_zstd BYTEA NOT NULL,
  -- Title words weigh A, body words B (FTS5 bm25 weights 2:1 in the SQLite backend).
  fts TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A') ||
    setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_fts ON articles USING GIN (fts);

CREATE TABLE paragraphs (
  article_seq BIGINT NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  line INTEGER NOT NULL,
  begin_byte BIGINT NOT NULL,
  end_byte BIGINT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_seq, n)
);
CREATE TABLE sentences (
  article_seq BIGINT NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte BIGINT NOT NULL,
  end_byte BIGINT NOT NULL,
  PRIMARY KEY (article_seq, n)
);
CREATE TABLE dates (
  article_seq BIGINT NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte BIGINT NOT NULL,
  end_byte BIGINT NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  relative INTEGER NOT NULL,
  tense INTEGER NOT NULL,
  PRIMARY KEY (article_seq, n)
);
CREATE INDEX dates_value ON dates(value);
CREATE TABLE entities (
  article_seq BIGINT NOT NULL REFERENCES articles(ingest_seq),
  n INTEGER NOT NULL,
  begin_byte BIGINT NOT NULL,
  end_byte BIGINT NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (article_seq, n)
);
CREATE INDEX entities_text ON entities(lower(text));
CREATE TABLE analysis (
  article_seq BIGINT PRIMARY KEY REFERENCES articles(ingest_seq),
  body_hash BIGINT NOT NULL,
  simhash BIGINT NOT NULL,
  minhash BYTEA NOT NULL,
  terms BYTEA NOT NULL,
  tokens BYTEA NOT NULL
);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  n INTEGER NOT NULL,
  thread TEXT NOT NULL,
  title TEXT NOT NULL,
  first_published TEXT,
  last_published TEXT,
  sources_independent INTEGER NOT NULL,
  brief TEXT NOT NULL
);
CREATE TABLE story_articles (
  story_id TEXT NOT NULL REFERENCES stories(id),
  n INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (story_id, n)
);
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE TABLE copy_groups (
  group_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  role TEXT NOT NULL,
  similarity DOUBLE PRECISION NOT NULL,
  first_publisher TEXT NOT NULL,
  PRIMARY KEY (group_id, n)
);
)sql",
    // 2: the work queue: raw pages waiting for a worker, the workers, the clustering position.
    R"sql(
CREATE TABLE page_queue (
  seq BIGINT PRIMARY KEY DEFAULT nextval('ingest_seq_counter'),
  source TEXT NOT NULL,
  content_type TEXT NOT NULL,
  url TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  given TEXT NOT NULL,
  raw_hash BIGINT NOT NULL,
  raw_size BIGINT NOT NULL,
  raw_zstd BYTEA NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',   -- queued / done / skipped
  lease_owner TEXT,
  lease_until TIMESTAMPTZ,
  attempts INTEGER NOT NULL DEFAULT 0,
  article_id TEXT,                        -- done: the article it became (new or already stored)
  reason TEXT,                            -- skipped: why
  UNIQUE (source, raw_hash)               -- queueing the same input twice adds nothing
);
CREATE INDEX page_queue_waiting ON page_queue(seq) WHERE state = 'queued';
CREATE TABLE workers (
  name TEXT PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_heartbeat TIMESTAMPTZ NOT NULL DEFAULT now(),
  batches BIGINT NOT NULL DEFAULT 0,
  pages BIGINT NOT NULL DEFAULT 0,
  busy_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
  db_seconds DOUBLE PRECISION NOT NULL DEFAULT 0
);
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
  blob BYTEA NOT NULL
);
)sql",
};

inline constexpr const char* kCreateMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
    "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
// Serialises concurrent openers while they migrate (any constant; the cluster lock uses another).
inline constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7310001)";
inline constexpr const char* kSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
inline constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations(version) VALUES ($1)";

inline constexpr const char* kHasArticle = "SELECT 1 FROM articles WHERE id = $1";
inline constexpr const char* kRawPageHash = "SELECT raw_hash FROM articles WHERE id = $1";
inline constexpr const char* kCountArticles = "SELECT COUNT(*) FROM articles";

// $1 ingest_seq (NULL: the next number) .. $22 raw_zstd, $23 published_source, one array element
// per article.
inline constexpr const char* kInsertArticles = R"sql(
INSERT INTO articles (ingest_seq, id, source, url, title, subtitle, byline, outlet, published,
  published_confidence, masthead_date, language, body, captions, removed, raw_content_type,
  raw_url, raw_fetched_at, raw_given, raw_hash, raw_size, raw_zstd, published_source)
SELECT COALESCE(u.seq, nextval('ingest_seq_counter')), u.id, u.source, u.url, u.title, u.subtitle,
  u.byline, u.outlet, u.published, u.published_confidence, u.masthead_date, u.language, u.body,
  u.captions, u.removed, u.raw_content_type, u.raw_url, u.raw_fetched_at, u.raw_given, u.raw_hash,
  u.raw_size, u.raw_zstd, u.published_source
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::text[], $10::float8[], $11::text[], $12::text[], $13::text[], $14::text[],
  $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::bigint[], $21::bigint[],
  $22::bytea[], $23::text[]) WITH ORDINALITY AS u(seq, id, source, url, title, subtitle, byline,
  outlet, published, published_confidence, masthead_date, language, body, captions, removed,
  raw_content_type, raw_url, raw_fetched_at, raw_given, raw_hash, raw_size, raw_zstd,
  published_source, ord)
ORDER BY u.ord
ON CONFLICT DO NOTHING
RETURNING id, ingest_seq)sql";
inline constexpr const char* kInsertParagraphs =
    "INSERT INTO paragraphs SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], "
    "$4::bigint[], $5::bigint[], $6::text[])";
inline constexpr const char* kInsertSentences =
    "INSERT INTO sentences SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], "
    "$4::bigint[])";
inline constexpr const char* kInsertDates =
    "INSERT INTO dates SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], "
    "$5::text[], $6::text[], $7::text[], $8::int[], $9::int[])";
inline constexpr const char* kInsertEntities =
    "INSERT INTO entities SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], "
    "$4::bigint[], $5::text[], $6::text[])";
inline constexpr const char* kInsertAnalysis =
    "INSERT INTO analysis SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], "
    "$4::bytea[], $5::bytea[])";

// Columns 0..15 of an article row, as read back.
#define NEWSLOOM_PG_ARTICLE_COLUMNS                                           \
  "ingest_seq, id, source, url, title, subtitle, byline, outlet, published, " \
  "published_confidence, masthead_date, language, body, captions, removed, "  \
  "published_source"
inline constexpr const char* kRawPageHashes =
    "SELECT id, raw_hash FROM articles WHERE id = ANY($1::text[])";
inline constexpr const char* kSelectArticlesByIds =
    "SELECT " NEWSLOOM_PG_ARTICLE_COLUMNS " FROM articles WHERE id = ANY($1::text[])";
inline constexpr const char* kSelectArticleSeqById =
    "SELECT ingest_seq FROM articles WHERE id = $1";
// Articles with ingest_seq in ($1, $2], in order, at most $3.
inline constexpr const char* kSelectArticlesAfter =
    "SELECT " NEWSLOOM_PG_ARTICLE_COLUMNS
    " FROM articles WHERE ingest_seq > $1 AND ingest_seq <= $2 ORDER BY ingest_seq LIMIT $3";
#undef NEWSLOOM_PG_ARTICLE_COLUMNS
inline constexpr const char* kSelectParagraphs =
    "SELECT article_seq, line, begin_byte, end_byte, text FROM paragraphs "
    "WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, n";
inline constexpr const char* kSelectSentences =
    "SELECT article_seq, begin_byte, end_byte FROM sentences "
    "WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, n";
inline constexpr const char* kSelectDates =
    "SELECT article_seq, begin_byte, end_byte, text, type, value, relative, tense FROM dates "
    "WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, n";
inline constexpr const char* kSelectEntities =
    "SELECT article_seq, begin_byte, end_byte, text, type FROM entities "
    "WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, n";
inline constexpr const char* kSelectAnalysis =
    "SELECT article_seq, body_hash, minhash, terms, tokens FROM analysis "
    "WHERE article_seq = ANY($1::bigint[])";
inline constexpr const char* kSelectRawPage =
    "SELECT source, raw_url, raw_fetched_at, raw_content_type, raw_given, raw_zstd "
    "FROM articles WHERE id = $1";
inline constexpr const char* kSelectRawPagesAfter =
    "SELECT ingest_seq, source, raw_url, raw_fetched_at, raw_content_type, raw_given, raw_zstd "
    "FROM articles WHERE ingest_seq > $1 ORDER BY ingest_seq LIMIT $2";

inline constexpr const char* kDeleteStories = "DELETE FROM stories";
inline constexpr const char* kDeleteStoryArticles = "DELETE FROM story_articles";
inline constexpr const char* kDeleteCopyGroups = "DELETE FROM copy_groups";
inline constexpr const char* kDeleteCopyGroupsById =
    "DELETE FROM copy_groups WHERE group_id = ANY($1::text[])";
inline constexpr const char* kDeleteStates = "DELETE FROM story_state";
inline constexpr const char* kSelectState = "SELECT blob FROM story_state WHERE name = $1";
inline constexpr const char* kPutState =
    "INSERT INTO story_state VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET blob = excluded.blob";
// The ingest sequence of the article after the first $1 (0 when there is none).
inline constexpr const char* kSeqOfArticleNumber =
    "SELECT COALESCE((SELECT ingest_seq FROM articles ORDER BY ingest_seq OFFSET $1 LIMIT 1), 0)";
inline constexpr const char* kDeleteStoriesById = "DELETE FROM stories WHERE id = ANY($1::text[])";
inline constexpr const char* kDeleteStoryArticlesById =
    "DELETE FROM story_articles WHERE story_id = ANY($1::text[])";
inline constexpr const char* kInsertStories =
    "INSERT INTO stories SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], "
    "$5::text[], $6::text[], $7::int[], $8::text[])";
inline constexpr const char* kInsertStoryArticles =
    "INSERT INTO story_articles SELECT * FROM unnest($1::text[], $2::int[], $3::text[], "
    "$4::text[])";
inline constexpr const char* kInsertCopyGroups =
    "INSERT INTO copy_groups SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], "
    "$5::float8[], $6::text[])";
// Ids compare bytewise (COLLATE "C"), as in SQLite.
inline constexpr const char* kSelectStories =
    "SELECT id, thread, title, first_published, last_published, sources_independent FROM stories "
    "ORDER BY last_published IS NULL, last_published COLLATE \"C\" DESC, id COLLATE \"C\"";
inline constexpr const char* kSelectAllStoryArticles = R"sql(
SELECT s.story_id, s.article_id, a.source, a.title, a.outlet, a.published, s.role
FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id
ORDER BY s.story_id, s.n)sql";
inline constexpr const char* kSelectStoryBrief = "SELECT brief FROM stories WHERE id = $1";

// $1 tsquery text, $2 from, $3 to, $4 outlet ('' any), $5 limit, $6 entity names (NULL any).
// As the SQLite search: the newest $7 matches (skipping the $8 newer ones) are ranked by ts_rank
// with title (A) twice body (B), ties by ingest order, and the best $5 of them returned with
// their bodies' first 16,384 characters (for store/snippet.h; of a compressed body, only that
// slice is decompressed).
inline constexpr const char* kSearch = R"sql(
WITH q AS (SELECT to_tsquery('simple'::regconfig, $1) AS q),
recent AS (
  -- The words inline, not from q: the planner sees them and how many articles hold them.
  SELECT a.ingest_seq, a.fts
  FROM articles a
  WHERE a.fts @@ to_tsquery('simple'::regconfig, $1)
    AND ($2::text IS NULL OR a.published >= $2::text)
    AND ($3::text IS NULL OR a.published <= $3::text)
    AND ($4::text = '' OR a.outlet = $4::text)
    AND ($6::text[] IS NULL OR a.ingest_seq IN (
          SELECT article_seq FROM entities
          WHERE lower(text) IN (SELECT lower(n) FROM unnest($6::text[]) AS n)))
  ORDER BY a.ingest_seq DESC
  LIMIT $7 OFFSET $8),
hits AS (
  SELECT r.ingest_seq, ts_rank('{0, 0, 0.5, 1.0}', r.fts, q.q) AS rank
  FROM recent r, q
  ORDER BY rank DESC, r.ingest_seq
  LIMIT $5)
SELECT a.id, a.title, a.outlet, a.source, a.published, substr(a.body, 1, 16384), h.rank,
  (SELECT s.story_id FROM story_articles s WHERE s.article_id = a.id
   ORDER BY s.story_id COLLATE "C" LIMIT 1)
FROM hits h JOIN articles a ON a.ingest_seq = h.ingest_seq
ORDER BY h.rank DESC, h.ingest_seq)sql";

// --- The work queue -----------------------------------------------------------------------------

// $1 source .. $8 raw_zstd, one element per page; pages queued before (same source and bytes) are
// left as they are. Returns the new pages' numbers.
inline constexpr const char* kEnqueuePages = R"sql(
INSERT INTO page_queue (source, content_type, url, fetched_at, given, raw_hash, raw_size, raw_zstd)
SELECT u.source, u.content_type, u.url, u.fetched_at, u.given, u.raw_hash, u.raw_size, u.raw_zstd
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
  $7::bigint[], $8::bytea[]) WITH ORDINALITY AS u(source, content_type, url, fetched_at, given,
  raw_hash, raw_size, raw_zstd, ord)
ORDER BY u.ord
ON CONFLICT DO NOTHING
RETURNING seq)sql";

// Claims up to $2 waiting pages (lowest numbers first) for worker $1 for $3 seconds. A page whose
// lease ran out (its worker died) is waiting again.
inline constexpr const char* kClaimPages = R"sql(
UPDATE page_queue SET lease_owner = $1, lease_until = now() + make_interval(secs => $3),
  attempts = attempts + 1
WHERE seq IN (
  SELECT seq FROM page_queue
  WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < now())
  ORDER BY seq LIMIT $2
  FOR UPDATE SKIP LOCKED)
RETURNING seq, source, content_type, url, fetched_at, given, raw_zstd)sql";

// Inside the batch's transaction: locks the pages of $2 that worker $1 still holds. A page whose
// lease ran out and that another worker claimed is left to that worker.
inline constexpr const char* kLockOwnPages = R"sql(
SELECT seq FROM page_queue
WHERE seq = ANY($2::bigint[]) AND lease_owner = $1 AND state = 'queued'
FOR UPDATE)sql";
inline constexpr const char* kFinishPages = R"sql(
UPDATE page_queue q SET state = u.state, article_id = u.article_id, reason = u.reason,
  lease_owner = NULL, lease_until = NULL
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(seq, state, article_id, reason)
WHERE q.seq = u.seq)sql";
inline constexpr const char* kWorkerHeartbeat = R"sql(
INSERT INTO workers (name, batches, pages, busy_seconds, db_seconds)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (name) DO UPDATE SET last_heartbeat = now(),
  batches = workers.batches + EXCLUDED.batches, pages = workers.pages + EXCLUDED.pages,
  busy_seconds = workers.busy_seconds + EXCLUDED.busy_seconds,
  db_seconds = workers.db_seconds + EXCLUDED.db_seconds)sql";
// Queued raw pages numbered after $1, in order, at most $2 (the cross-page evidence).
inline constexpr const char* kSelectQueuedPagesAfter =
    "SELECT seq, source, url, fetched_at, content_type, given, raw_zstd FROM page_queue "
    "WHERE seq > $1 ORDER BY seq LIMIT $2";
// The highest page number below which every queued page is finished.
inline constexpr const char* kFinishedPrefix =
    "SELECT COALESCE((SELECT MIN(seq) - 1 FROM page_queue WHERE state = 'queued'), "
    "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ingest_seq_counter))";
inline constexpr const char* kPendingPages =
    "SELECT COUNT(*) FROM page_queue WHERE state = 'queued'";
inline constexpr const char* kQueueDepth =
    "SELECT state, (lease_until > now()) AS leased, COUNT(*) FROM page_queue "
    "GROUP BY 1, 2 ORDER BY 1, 2";
inline constexpr const char* kSelectWorkers =
    "SELECT name, started_at, last_heartbeat, EXTRACT(EPOCH FROM now() - last_heartbeat), batches, "
    "pages, busy_seconds, db_seconds FROM workers ORDER BY name";
inline constexpr const char* kTryClusterLock = "SELECT pg_try_advisory_lock(7310002)";

}  // namespace newsloom::store::pgsql

#endif  // NEWSLOOM_STORE_POSTGRES_SQL_H_
