// Ingest spread over processes that share a PostgreSQL store: pages are queued, any number of
// workers extract and analyse them a leased batch at a time, and one clusterer assigns the stored
// articles to stories in ingest order. The stories equal those of a single-process run over the
// same pages (see docs/scale.md for the conditions).
#ifndef NEWSLOOM_PIPELINE_WORK_QUEUE_H_
#define NEWSLOOM_PIPELINE_WORK_QUEUE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsloom/pipeline.h"
#include "newsloom/work_queue.h"

namespace newsloom {

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

#endif  // NEWSLOOM_PIPELINE_WORK_QUEUE_H_
