#include "newsloom/work_queue.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "ingest/reader.h"
#include "pipeline/page_rules.h"
#include "pipeline/story_desk.h"
#include "text/hash.h"

namespace newsloom {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Sleep(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

bool Stopped(const std::atomic<bool>* stop) { return stop != nullptr && stop->load(); }

}  // namespace

Result<EnqueueReport> EnqueueInputs(WorkQueue* queue, const std::vector<std::string>& paths,
                                    int batch_pages) {
  EnqueueReport report;
  std::vector<RawPage> batch;
  Status failure;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    auto queued = queue->Enqueue(batch);
    batch.clear();
    if (!queued.ok()) return queued.status();
    report.pages_queued += *queued;
    return Status::Ok();
  };
  Status read = ingest::ReadInputs(
      paths, ingest::ReadOptions{},
      [&](RawPage&& page) {
        if (!failure.ok()) return;
        ++report.pages_read;
        batch.push_back(std::move(page));
        if (static_cast<int>(batch.size()) >= std::max(1, batch_pages)) failure = flush();
      },
      [&](ingest::Skipped&& s) {
        report.skipped.push_back({std::move(s.source), std::move(s.reason)});
      });
  NEWSLOOM_RETURN_IF_ERROR(read);
  NEWSLOOM_RETURN_IF_ERROR(failure);
  NEWSLOOM_RETURN_IF_ERROR(flush());
  return report;
}

Result<WorkerReport> RunWorker(WorkQueue* queue, PageStages* stages, const WorkerOptions& options,
                               const std::atomic<bool>* stop) {
  WorkerReport report;
  const auto start = std::chrono::steady_clock::now();
  int64_t evidence_seq = 0;  // queued pages up to here are in the evidence
  std::unordered_set<uint64_t> evidence_pages;
  NEWSLOOM_RETURN_IF_ERROR(queue->Heartbeat(options.name));
  while (!Stopped(stop)) {
    // Busy time: from the claim to the commit; time in libpq calls over the same span.
    const auto batch_start = std::chrono::steady_clock::now();
    const double db_at_start = queue->DatabaseSeconds();
    auto claimed = queue->Claim(options.name, options.batch_pages, options.lease_seconds);
    if (!claimed.ok()) return claimed.status();
    if (claimed->empty()) {
      if (!options.follow) {
        auto pending = queue->PendingPages();
        if (!pending.ok()) return pending.status();
        if (*pending == 0) break;  // all finished; leased pages of a dead worker come back later
      }
      NEWSLOOM_RETURN_IF_ERROR(queue->Heartbeat(options.name));
      Sleep(options.poll_seconds);
      continue;
    }
    // Evidence from every page queued so far, whichever worker processes it: with all pages
    // queued before the workers start, every worker extracts with the same evidence.
    auto last = queue->ForEachQueuedPage(evidence_seq, [&](const RawPage& page) {
      if (evidence_pages.insert(text::Hash64(page.bytes)).second) stages->AddToCorpus(page);
    });
    if (!last.ok()) return last.status();
    evidence_seq = *last;

    const std::vector<QueuedPage>& pages = *claimed;
    std::vector<std::optional<Result<Article>>> extracted(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) extracted[i].emplace(stages->Extract(pages[i].page));

    // Ids: as in Pipeline::Ingest, the first page with an id keeps it; another page (other raw
    // bytes) moves to the derived id; the same page again is already stored.
    std::vector<std::string> ids;
    for (auto& e : extracted) {
      if (e->ok()) {
        ids.push_back((*e)->id);
        ids.push_back(CollisionId((*e)->id, pages[&e - extracted.data()].page.bytes));
      }
    }
    auto holders = queue->RawPageHashes(ids);
    if (!holders.ok()) return holders.status();
    std::vector<PageOutcome> outcomes(pages.size());
    std::vector<std::optional<Result<AnalyzedArticle>>> analyzed(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      PageOutcome& out = outcomes[i];
      out.seq = pages[i].seq;
      out.page = &pages[i].page;
      Result<Article>& article = *extracted[i];
      if (!article.ok()) {
        out.skip_reason = StageReason("extract", article.status());
        continue;
      }
      const uint64_t content = text::Hash64(pages[i].page.bytes);
      auto holder = [&](const std::string& id) -> std::optional<uint64_t> {
        auto it = holders->find(id);
        if (it == holders->end()) return std::nullopt;
        return it->second;
      };
      std::optional<uint64_t> held = holder(article->id);
      if (held && *held != content) {
        article->id = CollisionId(article->id, pages[i].page.bytes);
        held = holder(article->id);
        if (held && *held != content) {
          out.skip_reason = "id collision";
          continue;
        }
      }
      if (held) {
        out.stored_id = article->id;
        continue;
      }
      (*holders)[article->id] = content;  // later pages of this batch see it taken
      analyzed[i].emplace(stages->Analyze(std::move(article.value())));
      if (!analyzed[i]->ok()) {
        out.skip_reason = StageReason("analyze", analyzed[i]->status());
        continue;
      }
      out.article = &analyzed[i]->value();
    }
    auto held = queue->CompleteBatch(options.name, outcomes, batch_start, db_at_start);
    if (!held.ok()) return held.status();
    ++report.batches;
    report.pages += *held;
    for (const PageOutcome& o : outcomes) {
      if (o.article != nullptr || !o.stored_id.empty()) {
        ++report.articles_stored;
      } else {
        ++report.skipped;
      }
    }
  }
  report.seconds = SecondsSince(start);
  report.database_seconds = queue->DatabaseSeconds();
  return report;
}

Result<ClustererReport> RunClusterer(Store* store, WorkQueue* queue,
                                     const ClustererOptions& options, const std::atomic<bool>* stop,
                                     const std::function<void(const std::string&)>& log) {
  ClustererReport report;
  const auto start = std::chrono::steady_clock::now();
  bool said_waiting = false;
  for (;;) {
    if (Stopped(stop)) return report;
    auto locked = queue->TryClusterLock();
    if (!locked.ok()) return locked.status();
    if (*locked) break;
    if (!said_waiting && log) log("another clusterer holds the lock; waiting to take over");
    said_waiting = true;
    Sleep(options.poll_seconds);
  }
  if (log) log("holding the clustering lock");

  // The stories as the last clusterer (or ingest) left them; it took the stored articles up to
  // the ArticlesTaken()-th, which were all below the finished prefix.
  auto desk = StoryDesk::Open(store);
  if (!desk.ok()) return desk.status();
  int64_t assigned_seq = 0;
  if ((*desk)->ArticlesTaken() > 0) {
    auto seq = queue->SeqOfArticleNumber((*desk)->ArticlesTaken() - 1);
    if (!seq.ok()) return seq.status();
    assigned_seq = *seq;
  }
  bool first_pass = true;

  while (!Stopped(stop)) {
    auto prefix = queue->FinishedPrefix();
    if (!prefix.ok()) return prefix.status();
    int64_t added = 0;
    if (*prefix > assigned_seq) {
      Status replay = queue->ForEachArticleIn(assigned_seq, *prefix, LoadOptions{},
                                              [&](int64_t seq, AnalyzedArticle&& a) {
                                                (*desk)->Add(a);
                                                assigned_seq = seq;
                                                ++added;
                                                return Status::Ok();
                                              });
      NEWSLOOM_RETURN_IF_ERROR(replay);
      assigned_seq = std::max(assigned_seq, *prefix);
    }
    if (added > 0 || first_pass) {
      ++report.passes;
      report.articles += added;
      auto commit = (*desk)->Commit();
      if (!commit.ok()) return commit.status();
      report.stories_written += commit->stories_written;
      first_pass = false;
      if (log) {
        log("assigned " + std::to_string(report.articles) + " articles up to #" +
            std::to_string(assigned_seq) + "; rewrote " + std::to_string(commit->stories_written) +
            " stories");
      }
      continue;  // look again at once: more may be ready
    }
    if (!options.follow) {
      auto pending = queue->PendingPages();
      if (!pending.ok()) return pending.status();
      if (*pending == 0) {
        auto final_prefix = queue->FinishedPrefix();
        if (!final_prefix.ok()) return final_prefix.status();
        if (*final_prefix <= assigned_seq) break;
        continue;
      }
    }
    Sleep(options.poll_seconds);
  }
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace newsloom
