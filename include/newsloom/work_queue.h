// The queue that spreads ingest over processes sharing one store: a producer queues raw pages,
// workers claim leased batches of them and write their articles, and one clusterer assigns the
// stored articles to stories in ingest order (pipeline/work_queue.h runs them). The PostgreSQL
// store implements it; pages are numbered as queued, and a page's number becomes its article's
// ingest sequence.
//
// Errors are the backend's (kIoError when the server is unreachable, kInternal for a failed
// statement); a failed call changes nothing. One WorkQueue is one connection: not thread-safe,
// use one per thread or process.
#ifndef NEWSLOOM_WORK_QUEUE_H_
#define NEWSLOOM_WORK_QUEUE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/pipeline.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"
#include "newsloom/store.h"
#include "newsloom/story.h"

namespace newsloom {

// A raw page taken from the queue; `seq` becomes its article's ingest sequence.
struct QueuedPage {
  int64_t seq = 0;
  RawPage page;
};

// What became of one claimed page, written with the batch. The pointers are borrowed for the
// call.
struct PageOutcome {
  int64_t seq = 0;
  const RawPage* page = nullptr;
  const AnalyzedArticle* article = nullptr;  // the article to store, or null
  std::string stored_id;    // no article: the id of the same page's article, stored before
  std::string skip_reason;  // no article and no stored_id: why the page was skipped
};

struct QueueStatus {
  struct Depth {
    std::string state;  // queued / leased / done / skipped
    int64_t pages = 0;
  };
  std::vector<Depth> depth;
  struct Worker {
    std::string name;
    std::string started_at, last_heartbeat;
    double seconds_since_heartbeat = 0;
    int64_t batches = 0, pages = 0;
    double busy_seconds = 0, db_seconds = 0;
  };
  std::vector<Worker> workers;
  int64_t articles = 0;
  int64_t stories = 0;
};

class WorkQueue {
 public:
  virtual ~WorkQueue() = default;

  // --- Producer ---
  // Queues raw pages in order; a page queued before (same source and bytes) is not queued again.
  // Returns how many were new.
  virtual Result<int64_t> Enqueue(const std::vector<RawPage>& pages) = 0;

  // --- Workers ---
  // Marks `worker` alive (the status shows the time of its last heartbeat).
  virtual Status Heartbeat(const std::string& worker) = 0;
  // Claims up to `limit` waiting pages, lowest numbers first, for `lease_seconds`.
  virtual Result<std::vector<QueuedPage>> Claim(const std::string& worker, int limit,
                                                double lease_seconds) = 0;
  // Calls `fn` with queued raw pages numbered after `after_seq`, in order; returns the last number.
  virtual Result<int64_t> ForEachQueuedPage(int64_t after_seq,
                                            const std::function<void(const RawPage&)>& fn) = 0;
  // The raw page hashes of the stored articles among `ids` (absent ids are left out).
  virtual Result<std::unordered_map<std::string, uint64_t>> RawPageHashes(
      const std::vector<std::string>& ids) = 0;
  // In one transaction: stores the articles of the pages `worker` still holds (ingest sequence =
  // page number; an article id stored before is left as it is) and marks those pages finished;
  // adds to the worker's counters the batch's wall-clock time since `started` and its time
  // waiting for the backend since DatabaseSeconds() was `db_seconds_at_start` (default: this
  // call only). Returns how many pages it still held: a page whose lease ran out is not written.
  virtual Result<int64_t> CompleteBatch(
      const std::string& worker, const std::vector<PageOutcome>& outcomes,
      std::optional<std::chrono::steady_clock::time_point> started = std::nullopt,
      std::optional<double> db_seconds_at_start = std::nullopt) = 0;
  // Seconds spent waiting for the backend since opening.
  virtual double DatabaseSeconds() const = 0;

  // --- The clusterer ---
  // The lock that makes one process the clusterer, held until the connection closes; false when
  // another process holds it.
  virtual Result<bool> TryClusterLock() = 0;
  // The highest number up to which every queued page is finished (the articles below it will not
  // change).
  virtual Result<int64_t> FinishedPrefix() = 0;
  // Articles with ingest sequence in (after_seq, upto_seq], in order.
  virtual Status ForEachArticleIn(
      int64_t after_seq, int64_t upto_seq, const LoadOptions& options,
      const std::function<Status(int64_t seq, AnalyzedArticle&&)>& fn) = 0;
  // The ingest sequence of the article after the first `count` in ingest order; 0 when there is
  // none. (The clusterer resumes after the articles the saved stories hold; Store::UpdateStories
  // writes the stories.)
  virtual Result<int64_t> SeqOfArticleNumber(int64_t count) = 0;

  // --- Everyone ---
  // Pages waiting or leased, not finished.
  virtual Result<int64_t> PendingPages() = 0;
  virtual Result<QueueStatus> GetQueueStatus() = 0;
};

// A store whose pages can also be queued: the PostgreSQL backend. Each worker and the clusterer
// open their own.
class QueueStore : public Store, public WorkQueue {
 public:
  // A postgresql:// (or postgres://) target, connected and brought up to date as Store::Open does;
  // kInvalidArgument for any other target (a SQLite file belongs to one process).
  static Result<std::unique_ptr<QueueStore>> Open(const std::string& target);
};

// Ingest spread over processes that share a PostgreSQL store: pages are queued, any number of
// workers extract and analyse them a leased batch at a time, and one clusterer assigns the stored
// articles to stories in ingest order. The stories equal those of a single-process run over the
// same pages (see docs/scale.md for the conditions).

struct EnqueueReport {
  int64_t pages_read = 0;
  int64_t pages_queued = 0;  // new to the queue (a page queued before is not queued again)
  std::vector<SkippedPage> skipped;
};

// Reads `paths` and queues the raw pages in input order, `batch_pages` per statement.
Result<EnqueueReport> EnqueueInputs(WorkQueue* queue, const std::vector<std::string>& paths,
                                    int batch_pages);

struct WorkerOptions {
  std::string name;           // unique per worker process (status lists workers by it)
  int batch_pages = 64;       // pages claimed at a time
  double lease_seconds = 60;  // a claimed batch returns to the queue if not finished by then
  bool follow = false;        // keep waiting for pages; else stop once nothing is pending
  double poll_seconds = 0.5;  // wait between claims when nothing is free
};

struct WorkerReport {
  int64_t batches = 0;
  int64_t pages = 0;            // pages finished by this worker
  int64_t articles_stored = 0;  // pages that became a new article (or were already stored)
  int64_t skipped = 0;
  double seconds = 0, database_seconds = 0;
};

// Claims batches until the queue is drained (or `stop` is set): for each, the cross-page evidence
// of every queued page, extraction, analysis, then the articles written and the pages marked
// finished in one transaction. A batch whose lease ran out is written only for the pages still
// held; articles are keyed by id, so a page done twice is stored once.
Result<WorkerReport> RunWorker(WorkQueue* queue, PageStages* stages, const WorkerOptions& options,
                               const std::atomic<bool>* stop);

struct ClustererOptions {
  bool follow = false;  // keep assigning as articles arrive; else stop once nothing is pending
  double poll_seconds = 1.0;  // between passes, and between tries for the lock
};

struct ClustererReport {
  int64_t articles = 0;  // articles assigned by this process
  int64_t passes = 0;
  int64_t stories_written = 0;  // story rows rewritten (changed stories only)
  double seconds = 0;
};

// Waits for the clustering lock (one clusterer per store), restores the saved story state
// (StoryDesk), then assigns new articles pass by pass in ingest order, only up to the first page
// still in the queue, so the order never depends on which worker finished first. Each pass
// rewrites only the stories it changed, with the same briefs as a single-process ingest. The
// stories and their state are read and written through `store`, the articles' order through
// `queue` (the PostgreSQL store is both).
Result<ClustererReport> RunClusterer(Store* store, WorkQueue* queue,
                                     const ClustererOptions& options, const std::atomic<bool>* stop,
                                     const std::function<void(const std::string&)>& log);

}  // namespace newsloom

#endif  // NEWSLOOM_WORK_QUEUE_H_
