#include "eval/ingested_corpus.h"

#include <stdlib.h>

#include <system_error>

namespace newsloom::eval {

Result<std::unique_ptr<IngestedCorpus>> IngestedCorpus::Ingest(
    const std::vector<std::string>& paths) {
  std::unique_ptr<IngestedCorpus> corpus(new IngestedCorpus());
  std::string pattern = (std::filesystem::temp_directory_path() / "newsloom-eval-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError("cannot create a temporary folder for the evaluation store");
  }
  corpus->dir_ = pattern;
  auto store = Store::Open((corpus->dir_ / "eval.db").string());
  if (!store.ok()) return store.status();
  corpus->store_ = std::move(store).value();
  Pipeline pipeline(corpus->store_.get(), DefaultPageStages());
  auto report = pipeline.Ingest(paths, IngestOptions{});
  if (!report.ok()) return report.status();
  corpus->report_ = std::move(report).value();
  return corpus;
}

IngestedCorpus::~IngestedCorpus() {
  store_.reset();  // closes the database before its files go
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

Result<std::unordered_map<std::string, std::string>> IngestedCorpus::StoryOfArticle() {
  auto stories = Stories();
  if (!stories.ok()) return stories.status();
  std::unordered_map<std::string, std::string> out;
  for (const StorySummary& s : *stories) {
    for (const StoryArticle& a : s.articles) out[a.id] = s.id;
  }
  return out;
}

}  // namespace newsloom::eval
