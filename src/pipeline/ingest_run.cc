#include "pipeline/ingest_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <utility>

#include "pipeline/page_rules.h"
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

int WorkerCount(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

}  // namespace

struct IngestRun::InFlight {
  std::vector<RawPage> pages;
  std::vector<std::optional<Result<Article>>> extracted;
  std::vector<size_t> fresh;  // positions of the new pages
  std::vector<bool> moved;    // a new page stored under a derived id
  std::vector<std::optional<Result<AnalyzedArticle>>> analyzed;  // per fresh page
  std::future<void> analysis;
  double analyze_seconds = 0;
};

IngestRun::IngestRun(Store* store, PageStages* stages, std::unordered_set<uint64_t>* corpus_pages,
                     const IngestOptions& options, const ProgressCallback& progress)
    : store_(store),
      stages_(stages),
      corpus_pages_(corpus_pages),
      options_(options),
      progress_(progress),
      threads_(WorkerCount(options.threads)),
      batch_pages_(static_cast<size_t>(std::max(1, options.batch_pages))),
      overlap_(threads_ > 1) {
  batch_.reserve(batch_pages_);
}

IngestRun::~IngestRun() {
  if (pending_ && pending_->analysis.valid()) pending_->analysis.wait();
}

Result<IngestReport> IngestRun::Run(const PageSource& source) {
  // The stories as the last run left them, with any stored articles they lack; this run's
  // articles are added as they are stored, so that none has to be read back.
  if (options_.rebuild_stories) {
    PhaseTimer timer(&report_.seconds.stories);
    auto opened = StoryDesk::Open(store_);
    if (!opened.ok()) return opened.status();
    desk_ = std::move(*opened);
    NEWSLOOM_RETURN_IF_ERROR(desk_->CatchUp());
  }

  const double stories_before_reading = report_.seconds.stories;
  const auto start = std::chrono::steady_clock::now();
  Status failure;
  Status read_status = source(
      [&](RawPage&& page) {
        if (!failure.ok()) return;  // the store failed: read on to the end, store nothing more
        ++report_.pages_read;
        batch_.push_back(std::move(page));
        if (batch_.size() >= batch_pages_) failure = ProcessBatch();
      },
      [&](SkippedPage&& s) { report_.skipped.push_back(std::move(s)); });
  if (failure.ok() && read_status.ok()) failure = ProcessBatch();
  failure = Drain(std::move(failure));
  NEWSLOOM_RETURN_IF_ERROR(read_status);
  NEWSLOOM_RETURN_IF_ERROR(failure);
  const double stories_in_batches = report_.seconds.stories - stories_before_reading;
  // Reading is what the batches did not account for (stories so far: adding this run's articles).
  // With overlapping steps the phases add up to more than the run: nothing is left for reading.
  report_.seconds.read = std::max(
      0.0, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() -
               report_.seconds.extract - report_.seconds.analyze - report_.seconds.store -
               stories_in_batches);

  if (desk_) {
    ReportProgress("stories");
    PhaseTimer timer(&report_.seconds.stories);
    auto commit = desk_->Commit();
    if (!commit.ok()) return commit.status();
    report_.stories = commit->stories;
    report_.stories_written = commit->stories_written;
    report_.seconds.briefs = commit->brief_seconds;
    report_.seconds.story_writes = commit->write_seconds;
  }
  return std::move(report_);
}

Result<std::unique_ptr<IngestRun::InFlight>> IngestRun::StartBatch() {
  auto next = std::make_unique<InFlight>();
  next->pages = std::move(batch_);
  batch_.clear();
  batch_.reserve(batch_pages_);
  std::vector<RawPage>& pages = next->pages;
  next->extracted.resize(pages.size());
  {
    PhaseTimer timer(&report_.seconds.extract);
    for (const RawPage& page : pages) {
      if (corpus_pages_->insert(text::Hash64(page.bytes)).second) stages_->AddToCorpus(page);
    }
    ParallelFor(pages.size(), threads_,
                [&](size_t i) { next->extracted[i].emplace(stages_->Extract(pages[i])); });
  }
  NEWSLOOM_RETURN_IF_ERROR(ChooseNewPages(next.get()));

  next->analyzed.resize(next->fresh.size());
  InFlight* in_flight = next.get();
  auto analyze = [this, in_flight] {
    PhaseTimer timer(&in_flight->analyze_seconds);
    ParallelFor(in_flight->fresh.size(), threads_, [&](size_t k) {
      in_flight->analyzed[k].emplace(
          stages_->Analyze(std::move(in_flight->extracted[in_flight->fresh[k]]->value())));
    });
  };
  next->analysis = std::async(overlap_ ? std::launch::async : std::launch::deferred, analyze);
  return next;
}

Status IngestRun::ChooseNewPages(InFlight* batch) {
  // In input order, so the first page with an id keeps it. A page whose id is taken by a
  // different page (other raw bytes) moves to a derived id; the same page again is already stored.
  const std::vector<RawPage>& pages = batch->pages;
  batch->moved.assign(pages.size(), false);
  for (size_t i = 0; i < pages.size(); ++i) {
    Result<Article>& article = *batch->extracted[i];
    if (!article.ok()) {
      report_.skipped.push_back({pages[i].source, StageReason("extract", article.status())});
      continue;
    }
    const uint64_t content = text::Hash64(pages[i].bytes);
    auto holder = IdHolder(article->id);
    if (!holder.ok()) return holder.status();
    if (*holder && **holder != content) {
      article->id = CollisionId(article->id, pages[i].bytes);
      holder = IdHolder(article->id);
      if (!holder.ok()) return holder.status();
      if (*holder && **holder != content) {
        report_.skipped.push_back({pages[i].source, "id collision"});
        continue;
      }
      batch->moved[i] = true;
    }
    if (*holder) {
      ++report_.already_stored;
      continue;
    }
    ids_this_run_.emplace(article->id, content);
    batch->fresh.push_back(i);
  }
  return Status::Ok();
}

Status IngestRun::FinishBatch(InFlight* done) {
  done->analysis.get();
  report_.seconds.analyze += done->analyze_seconds;
  // One transaction per batch: a crash loses at most the batch being written, never what
  // earlier batches stored, and no article is ever half-written.
  std::vector<Store::PageAndArticle> items;
  items.reserve(done->fresh.size());
  std::vector<size_t> items_index;  // batch position of each item
  std::vector<bool> stored;
  {
    PhaseTimer timer(&report_.seconds.store);
    for (size_t k = 0; k < done->fresh.size(); ++k) {
      const RawPage& page = done->pages[done->fresh[k]];
      Result<AnalyzedArticle>& a = *done->analyzed[k];
      if (!a.ok()) {
        report_.skipped.push_back({page.source, StageReason("analyze", a.status())});
        continue;
      }
      items.push_back({&page, &a.value()});
      items_index.push_back(done->fresh[k]);
    }
    auto put = store_->PutArticles(items);
    if (!put.ok()) return put.status();
    stored = std::move(*put);
  }
  for (size_t k = 0; k < stored.size(); ++k) {
    if (stored[k]) {
      ++report_.articles_stored;
      if (done->moved[items_index[k]]) ++report_.id_collisions;
    } else {
      ++report_.already_stored;
    }
  }
  if (desk_) {
    // In the order PutArticles gave them their ingest sequence.
    PhaseTimer timer(&report_.seconds.stories);
    for (size_t k = 0; k < stored.size(); ++k) {
      if (stored[k]) desk_->Add(*items[k].article);
    }
  }
  ReportProgress("reading");
  return Status::Ok();
}

Status IngestRun::ProcessBatch() {
  if (!batch_.empty()) {
    auto next = StartBatch();
    if (!next.ok()) return next.status();
    if (pending_) {
      Status status = FinishBatch(pending_.get());
      pending_.reset();
      if (!status.ok()) {
        (*next)->analysis.wait();
        return status;
      }
    }
    pending_ = std::move(*next);
  }
  if (pending_ && !overlap_) {
    Status status = FinishBatch(pending_.get());
    pending_.reset();
    return status;
  }
  return Status::Ok();
}

Status IngestRun::Drain(Status failure) {
  if (!pending_) return failure;
  if (failure.ok()) {
    failure = FinishBatch(pending_.get());
  } else {
    pending_->analysis.wait();
  }
  pending_.reset();
  return failure;
}

Result<std::optional<uint64_t>> IngestRun::IdHolder(const std::string& id) {
  auto it = ids_this_run_.find(id);
  if (it != ids_this_run_.end()) return std::optional<uint64_t>(it->second);
  return store_->RawPageHash(id);
}

void IngestRun::ReportProgress(const char* phase) const {
  if (!progress_) return;
  IngestProgress p;
  p.pages_read = report_.pages_read;
  p.articles_stored = report_.articles_stored;
  p.already_stored = report_.already_stored;
  p.skipped = static_cast<int64_t>(report_.skipped.size());
  p.phase = phase;
  progress_(p);
}

}  // namespace newsloom
