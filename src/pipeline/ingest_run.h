// One call of Pipeline::Ingest. Pages are gathered into batches, and each batch goes through
// three steps: extraction and the choice of the new pages (this thread: it reads the store),
// analysis (workers), then the store writes and the stories (this thread). With more than one
// thread, a batch's analysis runs while the previous batch is written and added to the stories;
// the order of everything the store and the stories see is the same either way.
#ifndef NEWSLOOM_PIPELINE_INGEST_RUN_H_
#define NEWSLOOM_PIPELINE_INGEST_RUN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsloom/pipeline.h"
#include "newsloom/store.h"
#include "pipeline/story_desk.h"

namespace newsloom {

class IngestRun {
 public:
  // `corpus_pages` holds the hashes of the raw pages already in the extraction evidence; the run
  // adds its own.
  IngestRun(Store* store, PageStages* stages, std::unordered_set<uint64_t>* corpus_pages,
            const IngestOptions& options, const ProgressCallback& progress);
  ~IngestRun();

  Result<IngestReport> Run(const PageSource& source);

 private:
  struct InFlight;

  Result<std::unique_ptr<InFlight>> StartBatch();
  // Which pages are new, decided in input order (see Run).
  Status ChooseNewPages(InFlight* batch);
  Status FinishBatch(InFlight* batch);
  // Starts the batch read so far, then finishes the one before it (or this one, when the steps
  // do not overlap).
  Status ProcessBatch();
  // Waits for the batch in flight and stores it unless `failure` is set.
  Status Drain(Status failure);
  // The raw page hash of the page holding `id`, this run or stored; nullopt when the id is free.
  Result<std::optional<uint64_t>> IdHolder(const std::string& id);
  void ReportProgress(const char* phase) const;

  Store* store_;
  PageStages* stages_;
  std::unordered_set<uint64_t>* corpus_pages_;
  const IngestOptions& options_;
  const ProgressCallback& progress_;
  const int threads_;
  const size_t batch_pages_;
  const bool overlap_;

  IngestReport report_;
  std::vector<RawPage> batch_;                              // pages read, not yet started
  std::unique_ptr<InFlight> pending_;                       // started, not yet finished
  std::unordered_map<std::string, uint64_t> ids_this_run_;  // id -> raw page hash
  std::unique_ptr<StoryDesk> desk_;
};

}  // namespace newsloom

#endif  // NEWSLOOM_PIPELINE_INGEST_RUN_H_
