#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "newsloom/pipeline.h"
#include "newsloom/store.h"
#include "newsloom/work_queue.h"
#include "store_flags.h"

namespace newsloom::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> paths;
  std::string db = "newsloom.db";
  int threads = 0;
  int batch = 512;
  bool enqueue = false;
};

// --enqueue: only queue the raw pages for `newsloom worker` (PostgreSQL stores).
int RunEnqueue(const IngestFlags& flags) {
  auto store = QueueStore::Open(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom ingest: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto report = EnqueueInputs(store->get(), flags.paths, flags.batch);
  if (!report.ok()) {
    std::fprintf(stderr, "newsloom ingest: %s\n", report.status().ToString().c_str());
    return 1;
  }
  for (const SkippedPage& s : report->skipped) {
    std::fprintf(stderr, "skipped %s: %s\n", s.source.c_str(), s.reason.c_str());
  }
  std::printf(
      "pages read: %lld, pages queued: %lld, already queued: %lld, inputs skipped: %zu\n",
      static_cast<long long>(report->pages_read), static_cast<long long>(report->pages_queued),
      static_cast<long long>(report->pages_read - report->pages_queued), report->skipped.size());
  return report->skipped.empty() ? 0 : 3;
}

// One line, redrawn in place: counts rather than a percentage, since inputs are streamed.
void DrawProgress(const IngestProgress& p) {
  std::fprintf(
      stderr, "\r\x1b[K%s: %lld pages read, %lld stored, %lld already stored, %lld skipped",
      p.phase, static_cast<long long>(p.pages_read), static_cast<long long>(p.articles_stored),
      static_cast<long long>(p.already_stored), static_cast<long long>(p.skipped));
  std::fflush(stderr);
}

int RunIngest(const IngestFlags& flags) {
  if (flags.enqueue) {
    if (!IsPostgresTarget(flags.db)) {
      std::fprintf(stderr, "newsloom ingest: --enqueue needs a postgresql:// store\n");
      return 2;
    }
    return RunEnqueue(flags);
  }
  auto store = Store::Open(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom ingest: %s\n", store.status().ToString().c_str());
    return 1;
  }
  Pipeline pipeline(store->get(), DefaultPageStages());
  IngestOptions options;
  options.threads = flags.threads;
  options.batch_pages = flags.batch;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  ProgressCallback progress;
  if (terminal) progress = DrawProgress;
  auto report = pipeline.Ingest(flags.paths, options, progress);
  if (terminal) std::fprintf(stderr, "\r\x1b[K");
  if (!report.ok()) {
    std::fprintf(stderr, "newsloom ingest: %s\n", report.status().ToString().c_str());
    return 1;
  }
  for (const SkippedPage& s : report->skipped) {
    std::fprintf(stderr, "skipped %s: %s\n", s.source.c_str(), s.reason.c_str());
  }
  std::string reasons;
  for (const auto& [reason, count] : report->SkippedByReason()) {
    reasons += (reasons.empty() ? " (" : ", ") + reason + ": " + std::to_string(count);
  }
  if (!reasons.empty()) reasons += ")";
  std::printf(
      "pages read: %lld, articles stored: %lld, already stored: %lld, id collisions: %lld, "
      "stories: %lld, pages skipped: %zu%s\n",
      static_cast<long long>(report->pages_read), static_cast<long long>(report->articles_stored),
      static_cast<long long>(report->already_stored), static_cast<long long>(report->id_collisions),
      static_cast<long long>(report->stories), report->skipped.size(), reasons.c_str());
  return report->skipped.empty() ? 0 : 3;
}

}  // namespace

void AddIngestCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand(
      "ingest",
      "Read pages (files, folders, - for stdin) into the store and update the stories they change");
  static IngestFlags flags;
  cmd->add_option("paths", flags.paths, "Files, folders, or - for stdin")->required();
  cmd->add_option("--db", flags.db, "Store: a SQLite file or postgresql://...")
      ->capture_default_str();
  cmd->add_flag("--enqueue", flags.enqueue,
                "Only queue the raw pages for `newsloom worker` (PostgreSQL stores)");
  cmd->add_option("--threads", flags.threads, "Workers for extraction and analysis (0: all cores)")
      ->capture_default_str();
  cmd->add_option("--batch", flags.batch, "Pages per batch")->capture_default_str();
  cmd->callback([&run] { run = [] { return RunIngest(flags); }; });
}

}  // namespace newsloom::cli
