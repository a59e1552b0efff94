// What a user gets from `newsloom ingest PATHS` followed by `newsloom stories`, run into a new
// store in a temporary folder. The evaluations that score stories or their timelines score this,
// never a path around ingest, so that their figures are the ones users meet.
#ifndef NEWSLOOM_EVAL_INGESTED_CORPUS_H_
#define NEWSLOOM_EVAL_INGESTED_CORPUS_H_

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/pipeline.h"
#include "newsloom/status.h"
#include "newsloom/store.h"

namespace newsloom::eval {

class IngestedCorpus {
 public:
  // Ingests `paths` exactly as `newsloom ingest` does (default stages and options) into a new
  // SQLite store in a fresh temporary folder, which is removed on destruction.
  static Result<std::unique_ptr<IngestedCorpus>> Ingest(const std::vector<std::string>& paths);
  ~IngestedCorpus();

  const IngestReport& report() const { return report_; }
  Store& store() { return *store_; }

  // The stories as `newsloom stories` lists them.
  Result<std::vector<StorySummary>> Stories() { return store_->ListStories(); }
  // Article id -> id of the story listing it.
  Result<std::unordered_map<std::string, std::string>> StoryOfArticle();

 private:
  IngestedCorpus() = default;
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  IngestReport report_;
};

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_INGESTED_CORPUS_H_
