#include "newsloom/pipeline.h"

#include <utility>

#include "ingest/reader.h"
#include "pipeline/ingest_run.h"
#include "pipeline/story_desk.h"
#include "text/hash.h"

namespace newsloom {

std::map<std::string, int64_t> IngestReport::SkippedByReason() const {
  std::map<std::string, int64_t> counts;
  for (const SkippedPage& s : skipped) ++counts[s.reason];
  return counts;
}

Pipeline::Pipeline(Store* store, std::unique_ptr<PageStages> stages)
    : store_(store), stages_(std::move(stages)) {}

Status Pipeline::SeedCorpus() {
  if (seeded_) return Status::Ok();
  seeded_ = true;
  // The evidence of earlier runs (which lines repeat across an outlet's pages) is recomputed
  // from the stored raw pages rather than kept as counts: the result is the same whatever the
  // history of runs, and the extraction stage keeps its own notion of a line.
  return store_->ForEachRawPage([this](const RawPage& page) {
    if (corpus_pages_.insert(text::Hash64(page.bytes)).second) stages_->AddToCorpus(page);
    return Status::Ok();
  });
}

PageSource FilePages(std::vector<std::string> paths, uint64_t max_page_bytes,
                     uint64_t max_line_bytes) {
  ingest::ReadOptions options;
  options.max_page_bytes = max_page_bytes;
  options.max_line_bytes = max_line_bytes;
  return [paths = std::move(paths), options](const PageSink& page, const SkipSink& skip) {
    return ingest::ReadInputs(paths, options, page, [&](ingest::Skipped&& s) {
      skip({std::move(s.source), std::move(s.reason)});
    });
  };
}

Result<IngestReport> Pipeline::Ingest(const std::vector<std::string>& paths,
                                      const IngestOptions& options,
                                      const ProgressCallback& progress) {
  return Ingest(FilePages(paths, options.max_page_bytes, options.max_line_bytes), options,
                progress);
}

Result<IngestReport> Pipeline::Ingest(std::vector<RawPage> pages, const IngestOptions& options,
                                      const ProgressCallback& progress) {
  const PageSource in_memory = [&](const PageSink& page, const SkipSink& skip) {
    for (RawPage& p : pages) {
      if (p.bytes.size() > options.max_page_bytes) {
        skip({p.source, "page too large"});
        continue;
      }
      page(std::move(p));
    }
    return Status::Ok();
  };
  return Ingest(in_memory, options, progress);
}

Result<IngestReport> Pipeline::Ingest(const PageSource& source, const IngestOptions& options,
                                      const ProgressCallback& progress) {
  NEWSLOOM_RETURN_IF_ERROR(SeedCorpus());
  return IngestRun(store_, stages_.get(), &corpus_pages_, options, progress).Run(source);
}

Result<int64_t> Pipeline::RebuildStories(const ProgressCallback&) {
  auto desk = StoryDesk::Fresh(store_);
  if (!desk.ok()) return desk.status();
  NEWSLOOM_RETURN_IF_ERROR((*desk)->CatchUp());
  auto commit = (*desk)->Commit();
  if (!commit.ok()) return commit.status();
  return commit->stories;
}

Result<int64_t> Pipeline::UpdateStories() {
  auto desk = StoryDesk::Open(store_);
  if (!desk.ok()) return desk.status();
  NEWSLOOM_RETURN_IF_ERROR((*desk)->CatchUp());
  auto commit = (*desk)->Commit();
  if (!commit.ok()) return commit.status();
  return commit->stories;
}

}  // namespace newsloom
