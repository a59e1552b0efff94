#include "newsloom/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "ingest/reader.h"
#include "pipeline/page_rules.h"
#include "pipeline/story_desk.h"
#include "text/hash.h"

namespace newsloom {

namespace {

// Runs fn(0..n-1) on `threads` workers. Results go to slots indexed by i, so the output does not
// depend on which worker ran what.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  const size_t workers = std::min<size_t>(n, static_cast<size_t>(std::max(1, threads)));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

// Adds the seconds since construction to `*total` on destruction.
class PhaseTimer {
 public:
  explicit PhaseTimer(double* total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    *total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  double* total_;
  std::chrono::steady_clock::time_point start_;
};

IngestProgress ProgressOf(const IngestReport& report, const char* phase) {
  IngestProgress p;
  p.pages_read = report.pages_read;
  p.articles_stored = report.articles_stored;
  p.already_stored = report.already_stored;
  p.skipped = static_cast<int64_t>(report.skipped.size());
  p.phase = phase;
  return p;
}

int WorkerCount(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

}  // namespace

Result<std::optional<uint64_t>> Pipeline::IdHolder(
    const std::string& id, const std::unordered_map<std::string, uint64_t>* ids_this_run) {
  auto it = ids_this_run->find(id);
  if (it != ids_this_run->end()) return std::optional<uint64_t>(it->second);
  return store_->RawPageHash(id);
}

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

Result<IngestReport> Pipeline::Ingest(const std::vector<std::string>& paths,
                                      const IngestOptions& options,
                                      const ProgressCallback& progress) {
  ingest::ReadOptions read_options;
  read_options.max_page_bytes = options.max_page_bytes;
  read_options.max_line_bytes = options.max_line_bytes;
  const PageSource files = [&](const PageSink& page, const SkipSink& skip) {
    return ingest::ReadInputs(paths, read_options, page, [&](ingest::Skipped&& s) {
      skip({std::move(s.source), std::move(s.reason)});
    });
  };
  return Ingest(files, options, progress);
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
  const int threads = WorkerCount(options.threads);
  const size_t batch_pages = static_cast<size_t>(std::max(1, options.batch_pages));
  IngestReport report;
  Status failure;
  std::vector<RawPage> batch;
  batch.reserve(batch_pages);
  std::unordered_map<std::string, uint64_t> ids_this_run;  // id -> raw page hash

  // The stories as the last run left them, with any stored articles they lack; this run's
  // articles are added as they are stored, so that none has to be read back.
  std::unique_ptr<StoryDesk> desk;
  if (options.rebuild_stories) {
    PhaseTimer timer(&report.seconds.stories);
    auto opened = StoryDesk::Open(store_);
    if (!opened.ok()) return opened.status();
    desk = std::move(*opened);
    NEWSLOOM_RETURN_IF_ERROR(desk->CatchUp());
  }

  auto report_progress = [&](const char* phase) {
    if (progress) progress(ProgressOf(report, phase));
  };

  // A batch goes through three steps: extraction and the choice of the new pages (this thread:
  // it reads the store), analysis (workers), then the store writes and the stories (this thread).
  // With more than one thread, a batch's analysis runs while the previous batch is written and
  // added to the stories; the order of everything the store and the stories see is unchanged.
  struct InFlight {
    std::vector<RawPage> pages;
    std::vector<std::optional<Result<Article>>> extracted;
    std::vector<size_t> fresh;  // positions of the new pages
    std::vector<bool> moved;    // a new page stored under a derived id
    std::vector<std::optional<Result<AnalyzedArticle>>> analyzed;  // per fresh page
    std::future<void> analysis;
    double analyze_seconds = 0;
  };
  std::unique_ptr<InFlight> pending;
  const bool overlap = threads > 1;

  auto start_batch = [&]() -> Result<std::unique_ptr<InFlight>> {
    auto next = std::make_unique<InFlight>();
    next->pages = std::move(batch);
    batch.clear();
    batch.reserve(batch_pages);
    std::vector<RawPage>& pages = next->pages;
    next->extracted.resize(pages.size());
    {
      PhaseTimer timer(&report.seconds.extract);
      for (const RawPage& page : pages) {
        if (corpus_pages_.insert(text::Hash64(page.bytes)).second) stages_->AddToCorpus(page);
      }
      ParallelFor(pages.size(), threads,
                  [&](size_t i) { next->extracted[i].emplace(stages_->Extract(pages[i])); });
    }

    // Which pages are new: decided in input order, so the first page with an id keeps it. A page
    // whose id is taken by a different page (other raw bytes) moves to a derived id; the same
    // page again is already stored.
    next->moved.assign(pages.size(), false);
    for (size_t i = 0; i < pages.size(); ++i) {
      Result<Article>& article = *next->extracted[i];
      if (!article.ok()) {
        report.skipped.push_back({pages[i].source, StageReason("extract", article.status())});
        continue;
      }
      const uint64_t content = text::Hash64(pages[i].bytes);
      auto holder = IdHolder(article->id, &ids_this_run);
      if (!holder.ok()) return holder.status();
      if (*holder && **holder != content) {
        article->id = CollisionId(article->id, pages[i].bytes);
        holder = IdHolder(article->id, &ids_this_run);
        if (!holder.ok()) return holder.status();
        if (*holder && **holder != content) {
          report.skipped.push_back({pages[i].source, "id collision"});
          continue;
        }
        next->moved[i] = true;
      }
      if (*holder) {
        ++report.already_stored;
        continue;
      }
      ids_this_run.emplace(article->id, content);
      next->fresh.push_back(i);
    }

    next->analyzed.resize(next->fresh.size());
    InFlight* in_flight = next.get();
    auto analyze = [this, in_flight, threads] {
      PhaseTimer timer(&in_flight->analyze_seconds);
      ParallelFor(in_flight->fresh.size(), threads, [&](size_t k) {
        in_flight->analyzed[k].emplace(
            stages_->Analyze(std::move(in_flight->extracted[in_flight->fresh[k]]->value())));
      });
    };
    next->analysis = std::async(overlap ? std::launch::async : std::launch::deferred, analyze);
    return next;
  };

  auto finish_batch = [&](InFlight& done) -> Status {
    done.analysis.get();
    report.seconds.analyze += done.analyze_seconds;
    // One transaction per batch: a crash loses at most the batch being written, never what
    // earlier batches stored, and no article is ever half-written.
    std::vector<Store::PageAndArticle> items;
    items.reserve(done.fresh.size());
    std::vector<size_t> items_index;  // batch position of each item
    std::vector<bool> stored;
    {
      PhaseTimer timer(&report.seconds.store);
      for (size_t k = 0; k < done.fresh.size(); ++k) {
        const RawPage& page = done.pages[done.fresh[k]];
        Result<AnalyzedArticle>& a = *done.analyzed[k];
        if (!a.ok()) {
          report.skipped.push_back({page.source, StageReason("analyze", a.status())});
          continue;
        }
        items.push_back({&page, &a.value()});
        items_index.push_back(done.fresh[k]);
      }
      auto put = store_->PutArticles(items);
      if (!put.ok()) return put.status();
      stored = std::move(*put);
    }
    for (size_t k = 0; k < stored.size(); ++k) {
      if (stored[k]) {
        ++report.articles_stored;
        if (done.moved[items_index[k]]) ++report.id_collisions;
      } else {
        ++report.already_stored;
      }
    }
    if (desk) {
      // In the order PutArticles gave them their ingest sequence.
      PhaseTimer timer(&report.seconds.stories);
      for (size_t k = 0; k < stored.size(); ++k) {
        if (stored[k]) desk->Add(*items[k].article);
      }
    }
    report_progress("reading");
    return Status::Ok();
  };

  // Starts the batch read so far, then finishes the one before it (or this one, when the steps
  // do not overlap).
  auto process_batch = [&]() -> Status {
    if (!batch.empty()) {
      auto next = start_batch();
      if (!next.ok()) return next.status();
      if (pending) {
        Status status = finish_batch(*pending);
        pending.reset();
        if (!status.ok()) {
          (*next)->analysis.wait();
          return status;
        }
      }
      pending = std::move(*next);
    }
    if (pending && !overlap) {
      Status status = finish_batch(*pending);
      pending.reset();
      return status;
    }
    return Status::Ok();
  };

  const double stories_before_reading = report.seconds.stories;
  const auto start = std::chrono::steady_clock::now();
  Status read_status = source(
      [&](RawPage&& page) {
        if (!failure.ok()) return;  // the store failed: read on to the end, store nothing more
        ++report.pages_read;
        batch.push_back(std::move(page));
        if (batch.size() >= batch_pages) failure = process_batch();
      },
      [&](SkippedPage&& s) { report.skipped.push_back(std::move(s)); });
  if (failure.ok() && read_status.ok()) failure = process_batch();
  if (pending) {
    // The batch still in flight is stored unless the store failed.
    if (failure.ok()) {
      failure = finish_batch(*pending);
    } else {
      pending->analysis.wait();
    }
    pending.reset();
  }
  NEWSLOOM_RETURN_IF_ERROR(read_status);
  NEWSLOOM_RETURN_IF_ERROR(failure);
  const double stories_in_batches = report.seconds.stories - stories_before_reading;
  // Reading is what the batches did not account for (stories so far: adding this run's articles).
  // With overlapping steps the phases add up to more than the run: nothing is left for reading.
  report.seconds.read = std::max(
      0.0, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() -
               report.seconds.extract - report.seconds.analyze - report.seconds.store -
               stories_in_batches);

  if (desk) {
    report_progress("stories");
    PhaseTimer timer(&report.seconds.stories);
    auto commit = desk->Commit();
    if (!commit.ok()) return commit.status();
    report.stories = commit->stories;
    report.stories_written = commit->stories_written;
    report.seconds.briefs = commit->brief_seconds;
    report.seconds.story_writes = commit->write_seconds;
  }
  return report;
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
