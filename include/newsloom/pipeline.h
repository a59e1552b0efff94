// The stages wired together: read pages, extract and analyse them on all cores, store the new
// articles, then update the copy groups and stories they change (pipeline/story_desk.h).
#ifndef NEWSLOOM_PIPELINE_H_
#define NEWSLOOM_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"
#include "newsloom/store.h"

namespace newsloom {

struct IngestOptions {
  int threads = 0;                      // extraction and analysis workers; 0: one per core
  int batch_pages = 512;                // pages read before a batch is processed
  uint64_t max_page_bytes = 16u << 20;  // larger pages: "page too large"
  uint64_t max_line_bytes = 1u << 20;   // a longer line: "line too long"
  // Update the copy groups and stories the new articles change (and those of stored articles
  // that earlier runs left out) at the end.
  bool rebuild_stories = true;
};

// An input, record or page that did not become a stored article, and why.
struct SkippedPage {
  std::string source;  // path, plus "#N" for the Nth record of a container
  std::string reason;  // short and stable, so that reasons can be counted
};

struct IngestReport {
  int64_t pages_read = 0;       // pages handed over by the readers
  int64_t articles_stored = 0;  // new articles written
  // Pages already stored: same article id and same raw bytes as a page stored before (or earlier
  // in the run). Re-ingesting a page adds nothing.
  int64_t already_stored = 0;
  // Pages stored under a derived id because their article id (given by the input, or from the
  // URL) was taken by a page with different raw bytes: the derived id is "<id>~<16 hex digits>",
  // a hash of id and bytes, so the same page always gets the same one. Included in
  // articles_stored. A page whose derived id is taken too is skipped ("id collision").
  int64_t id_collisions = 0;
  // Inputs, records and pages skipped: what the readers reject as they find it, what extraction
  // rejects when its batch is processed (a deterministic order).
  std::vector<SkippedPage> skipped;
  int64_t stories = 0;          // stories after the update (0 when not updated)
  int64_t stories_written = 0;  // of them, new or changed, whose briefs were rebuilt

  // Wall-clock seconds per phase, for benchmarks: reading and corpus evidence, extraction,
  // analysis, writing articles, updating stories; and of the last, building the changed stories'
  // briefs, and saving the story state with them.
  struct Seconds {
    double read = 0, extract = 0, analyze = 0, store = 0, stories = 0;
    double briefs = 0, story_writes = 0;
  } seconds;

  std::map<std::string, int64_t> SkippedByReason() const;
};

struct IngestProgress {
  int64_t pages_read = 0;
  int64_t articles_stored = 0;
  int64_t already_stored = 0;
  int64_t skipped = 0;
  const char* phase = "";  // "reading", "stories"
};
using ProgressCallback = std::function<void(const IngestProgress&)>;

// Where the pages of one ingest run come from: calls `page` once per page and `skip` once per
// input or record that could not be read, in a deterministic order. An error ends the run (what
// was stored before stays); unreadable input is a skip, not an error.
using PageSink = std::function<void(RawPage&&)>;
using SkipSink = std::function<void(SkippedPage&&)>;
using PageSource = std::function<Status(const PageSink& page, const SkipSink& skip)>;

// The pages of files, folders (recursively) and "-" (stdin), in a deterministic order, as
// `Pipeline::Ingest(paths, ...)` reads them: plain text, HTML, JSONL, WARC, gzip around any of
// them. Unreadable inputs go to `skip` with their reason; the source fails only when nothing can
// be read at all.
PageSource FilePages(std::vector<std::string> paths, uint64_t max_page_bytes = 16u << 20,
                     uint64_t max_line_bytes = 1u << 20);

// The per-page stages, replaceable for tests.
class PageStages {
 public:
  virtual ~PageStages() = default;
  // Adds a page to the cross-page evidence (lines repeated across pages). Called from one thread,
  // for every page of a batch before any of them is extracted, possibly while the pages of an
  // earlier batch are analysed.
  virtual void AddToCorpus(const RawPage& page) = 0;
  // Thread-safe. kCorrupt when the page has no article text.
  virtual Result<Article> Extract(const RawPage& page) const = 0;
  // Thread-safe.
  virtual Result<AnalyzedArticle> Analyze(Article article) const = 0;
};

// The stages of src/extract and src/analyze, with empty cross-page evidence.
std::unique_ptr<PageStages> DefaultPageStages();

// Not thread-safe; uses its own worker threads inside Ingest. The store must outlive it.
class Pipeline {
 public:
  Pipeline(Store* store, std::unique_ptr<PageStages> stages);

  // Reads `paths` (files, folders, "-"), stores the new articles and, unless turned off, updates
  // the stories. Bad input is reported in the report, never an error; errors are for the store
  // failing (what was committed before stays). The same inputs give the same store.
  Result<IngestReport> Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                              const ProgressCallback& progress = nullptr);
  // The same over any source of pages; max_page_bytes and max_line_bytes are the source's to apply.
  Result<IngestReport> Ingest(const PageSource& source, const IngestOptions& options,
                              const ProgressCallback& progress = nullptr);
  // The same over pages already in memory (fetched live, or received by the server), in order;
  // a page over max_page_bytes is skipped and reported.
  Result<IngestReport> Ingest(std::vector<RawPage> pages, const IngestOptions& options,
                              const ProgressCallback& progress = nullptr);

  // Replays every stored article in ingest order through copy detection and story clustering,
  // builds each story's brief and replaces the stored stories and the saved story state in one
  // transaction. Returns the number of stories.
  Result<int64_t> RebuildStories(const ProgressCallback& progress = nullptr);
  // Brings the stored stories up to date with the stored articles: restores the saved story state,
  // adds the articles it lacks and rewrites the stories they change, with the state, in one
  // transaction. Returns the number of stories.
  Result<int64_t> UpdateStories();

 private:
  // Feeds the raw pages stored by earlier runs into the corpus evidence, once.
  Status SeedCorpus();

  Store* store_;
  std::unique_ptr<PageStages> stages_;
  bool seeded_ = false;
  std::unordered_set<uint64_t> corpus_pages_;  // hashes of the raw pages in the evidence
};

}  // namespace newsloom

#endif  // NEWSLOOM_PIPELINE_H_
