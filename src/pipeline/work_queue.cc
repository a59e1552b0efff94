#include "pipeline/work_queue.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cluster/story_clusterer.h"
#include "dedup/copy_detector.h"
#include "ingest/reader.h"
#include "pipeline/page_rules.h"
#include "story/story_builder.h"
#include "text/hash.h"

namespace newsloom {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Sleep(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

bool Stopped(const std::atomic<bool>* stop) { return stop != nullptr && stop->load(); }

}  // namespace

Result<EnqueueReport> EnqueueInputs(store::PostgresStore* store,
                                    const std::vector<std::string>& paths, int batch_pages) {
  EnqueueReport report;
  std::vector<RawPage> batch;
  Status failure;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    auto queued = store->Enqueue(batch);
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

Result<WorkerReport> RunWorker(store::PostgresStore* store, PageStages* stages,
                               const WorkerOptions& options, const std::atomic<bool>* stop) {
  WorkerReport report;
  const auto start = std::chrono::steady_clock::now();
  int64_t evidence_seq = 0;  // queued pages up to here are in the evidence
  std::unordered_set<uint64_t> evidence_pages;
  NEWSLOOM_RETURN_IF_ERROR(store->Heartbeat(options.name));
  while (!Stopped(stop)) {
    // Busy time: from the claim to the commit; time in libpq calls over the same span.
    const auto batch_start = std::chrono::steady_clock::now();
    const double db_at_start = store->DatabaseSeconds();
    auto claimed = store->Claim(options.name, options.batch_pages, options.lease_seconds);
    if (!claimed.ok()) return claimed.status();
    if (claimed->empty()) {
      if (!options.follow) {
        auto pending = store->PendingPages();
        if (!pending.ok()) return pending.status();
        if (*pending == 0) break;  // all finished; leased pages of a dead worker come back later
      }
      NEWSLOOM_RETURN_IF_ERROR(store->Heartbeat(options.name));
      Sleep(options.poll_seconds);
      continue;
    }
    // Evidence from every page queued so far, whichever worker processes it: with all pages
    // queued before the workers start, every worker extracts with the same evidence.
    auto last = store->ForEachQueuedPage(evidence_seq, [&](const RawPage& page) {
      if (evidence_pages.insert(text::Hash64(page.bytes)).second) stages->AddToCorpus(page);
    });
    if (!last.ok()) return last.status();
    evidence_seq = *last;

    const std::vector<store::QueuedPage>& pages = *claimed;
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
    auto holders = store->RawPageHashes(ids);
    if (!holders.ok()) return holders.status();
    std::vector<store::PageOutcome> outcomes(pages.size());
    std::vector<std::optional<Result<AnalyzedArticle>>> analyzed(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      store::PageOutcome& out = outcomes[i];
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
    auto held = store->CompleteBatch(options.name, outcomes, batch_start, db_at_start);
    if (!held.ok()) return held.status();
    ++report.batches;
    report.pages += *held;
    for (const store::PageOutcome& o : outcomes) {
      if (o.article != nullptr || !o.stored_id.empty()) {
        ++report.articles_stored;
      } else {
        ++report.skipped;
      }
    }
  }
  report.seconds = SecondsSince(start);
  report.database_seconds = store->DatabaseSeconds();
  return report;
}

namespace {

// A story's members and thread, to tell which stories a pass changed.
struct Membership {
  std::string thread;
  std::vector<std::string> article_ids;
  bool operator==(const Membership&) const = default;
};

std::string GroupKey(const CopyGroup& g) {
  std::string key = g.first_publisher;
  for (size_t i = 0; i < g.article_ids.size(); ++i) {
    key += '\n' + g.article_ids[i];
    key += ' ' + std::to_string(i < g.roles.size() ? static_cast<int>(g.roles[i]) : 0);
    key += ' ' + std::to_string(i < g.similarity.size() ? g.similarity[i] : 0.0);
  }
  return key;
}

}  // namespace

Result<ClustererReport> RunClusterer(store::PostgresStore* store, const ClustererOptions& options,
                                     const std::atomic<bool>* stop,
                                     const std::function<void(const std::string&)>& log) {
  ClustererReport report;
  const auto start = std::chrono::steady_clock::now();
  bool said_waiting = false;
  for (;;) {
    if (Stopped(stop)) return report;
    auto locked = store->TryClusterLock();
    if (!locked.ok()) return locked.status();
    if (*locked) break;
    if (!said_waiting && log) log("another clusterer holds the lock; waiting to take over");
    said_waiting = true;
    Sleep(options.poll_seconds);
  }
  if (log) log("holding the clustering lock");

  dedup::CopyDetector detector;
  auto cluster_options = cluster::DefaultClusterOptions();
  if (!cluster_options.ok()) return cluster_options.status();
  cluster::StoryClusterer clusterer(std::move(cluster_options).value());
  int64_t assigned_seq = 0;
  // What the stored stories are, as far as this process knows: unknown at first (a previous
  // clusterer wrote them), so the first pass rewrites every story.
  std::map<std::string, Membership> written;
  std::unordered_map<std::string, std::string> written_groups;  // group id -> key
  std::unordered_map<std::string, std::vector<std::string>> written_group_members;
  std::vector<std::string> stale;  // stories stored before this process started
  {
    auto stored = store->ListStories();
    if (!stored.ok()) return stored.status();
    for (const StorySummary& s : *stored) stale.push_back(s.id);
  }
  bool first_pass = true;

  while (!Stopped(stop)) {
    auto prefix = store->FinishedPrefix();
    if (!prefix.ok()) return prefix.status();
    int64_t added = 0;
    if (*prefix > assigned_seq) {
      Status replay = store->ForEachArticleIn(assigned_seq, *prefix, LoadOptions{},
                                              [&](int64_t seq, AnalyzedArticle&& a) {
                                                detector.Add(a);
                                                clusterer.Add(a);
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
      const std::vector<CopyGroup> groups = detector.Groups();
      std::vector<std::string> story_order;
      std::map<std::string, Membership> now;
      for (const cluster::Assignment& a : clusterer.Assignments()) {
        auto [it, inserted] = now.try_emplace(a.story_id);
        if (inserted) {
          story_order.push_back(a.story_id);
          it->second.thread = a.thread_id;
        }
        it->second.article_ids.push_back(a.article_id);
      }
      std::unordered_map<std::string, std::string> story_of;
      for (const auto& [id, m] : now) {
        for (const std::string& article : m.article_ids) story_of[article] = id;
      }
      // Changed: new or different members or thread, or an article in a copy group that changed
      // (the roles shown in the story).
      std::unordered_set<std::string> changed;
      for (const auto& [id, m] : now) {
        auto it = written.find(id);
        if (first_pass || it == written.end() || !(it->second == m)) changed.insert(id);
      }
      std::unordered_map<std::string, std::string> group_keys;
      for (const CopyGroup& g : groups) {
        std::string key = GroupKey(g);
        auto it = written_groups.find(g.id);
        if (it == written_groups.end() || it->second != key) {
          for (const std::string& article : g.article_ids) {
            auto s = story_of.find(article);
            if (s != story_of.end()) changed.insert(s->second);
          }
        }
        group_keys.emplace(g.id, std::move(key));
      }
      for (const auto& [id, members] : written_group_members) {
        if (group_keys.count(id)) continue;
        // A group that disappeared (merged into another): its articles' roles change too.
        for (const std::string& article : members) {
          auto s = story_of.find(article);
          if (s != story_of.end()) changed.insert(s->second);
        }
      }
      std::vector<std::string> removed;
      for (const auto& [id, m] : written) {
        if (!now.count(id)) removed.push_back(id);
      }
      for (const std::string& id : stale) {
        if (!now.count(id)) removed.push_back(id);
      }
      stale.clear();

      std::vector<std::string> needed;
      for (const std::string& id : story_order) {
        if (!changed.count(id)) continue;
        for (const std::string& a : now[id].article_ids) needed.push_back(a);
      }
      auto articles = store->LoadArticles(needed);
      if (!articles.ok()) return articles.status();
      std::vector<Story> stories;
      for (const std::string& id : story_order) {
        if (!changed.count(id)) continue;
        std::vector<const AnalyzedArticle*> pointers;
        for (const std::string& a : now[id].article_ids) {
          auto it = articles->find(a);
          if (it == articles->end()) return Status::Internal("article " + a + " vanished");
          pointers.push_back(&it->second);
        }
        stories.push_back(story::BuildStory(id, now[id].thread, pointers, groups));
      }
      NEWSLOOM_RETURN_IF_ERROR(store->UpdateStories(stories, removed, groups));
      report.stories_written += static_cast<int64_t>(stories.size());
      written = std::move(now);
      written_groups = std::move(group_keys);
      written_group_members.clear();
      for (const CopyGroup& g : groups) written_group_members[g.id] = g.article_ids;
      first_pass = false;
      if (log) {
        log("assigned " + std::to_string(report.articles) + " articles up to #" +
            std::to_string(assigned_seq) + "; rewrote " + std::to_string(stories.size()) +
            " stories");
      }
      continue;  // look again at once: more may be ready
    }
    if (!options.follow) {
      auto pending = store->PendingPages();
      if (!pending.ok()) return pending.status();
      if (*pending == 0) {
        auto final_prefix = store->FinishedPrefix();
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
