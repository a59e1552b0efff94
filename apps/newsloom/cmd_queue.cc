// The commands of ingest spread over processes on a PostgreSQL store: worker, cluster, status.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>

#include "commands.h"
#include "newsloom/pipeline.h"
#include "newsloom/work_queue.h"
#include "store_flags.h"

namespace newsloom::cli {
namespace {

std::atomic<bool> stop_requested{false};

// SIGINT / SIGTERM: finish the batch or pass at hand, then stop.
void RequestStop(int) { stop_requested = true; }

void InstallStopHandlers() {
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);
}

std::unique_ptr<QueueStore> OpenPostgres(const std::string& db, const char* command) {
  if (!IsPostgresTarget(db)) {
    std::fprintf(stderr, "newsloom %s: needs a postgresql:// store, not %s\n", command, db.c_str());
    return nullptr;
  }
  auto store = QueueStore::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom %s: %s\n", command, store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(*store);
}

std::string DefaultWorkerName() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

struct WorkerFlags {
  std::string db;
  WorkerOptions options;
};

int RunWorkerCommand(WorkerFlags flags) {
  auto store = OpenPostgres(flags.db, "worker");
  if (!store) return 1;
  if (flags.options.name.empty()) flags.options.name = DefaultWorkerName();
  InstallStopHandlers();
  auto stages = DefaultPageStages();
  auto report = RunWorker(store.get(), stages.get(), flags.options, &stop_requested);
  if (!report.ok()) {
    std::fprintf(stderr, "newsloom worker: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "worker %s: batches: %lld, pages: %lld, articles: %lld, skipped: %lld, seconds: %.1f, "
      "in PostgreSQL: %.1f\n",
      flags.options.name.c_str(), static_cast<long long>(report->batches),
      static_cast<long long>(report->pages), static_cast<long long>(report->articles_stored),
      static_cast<long long>(report->skipped), report->seconds, report->database_seconds);
  return 0;
}

struct ClusterFlags {
  std::string db;
  ClustererOptions options;
};

int RunClusterCommand(const ClusterFlags& flags) {
  auto store = OpenPostgres(flags.db, "cluster");
  if (!store) return 1;
  InstallStopHandlers();
  const bool terminal = isatty(STDERR_FILENO) != 0;
  auto report = RunClusterer(store.get(), store.get(), flags.options, &stop_requested,
                             [terminal](const std::string& line) {
                               if (terminal) std::fprintf(stderr, "%s\n", line.c_str());
                             });
  if (!report.ok()) {
    std::fprintf(stderr, "newsloom cluster: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf("articles assigned: %lld, passes: %lld, stories written: %lld, seconds: %.1f\n",
              static_cast<long long>(report->articles), static_cast<long long>(report->passes),
              static_cast<long long>(report->stories_written), report->seconds);
  return 0;
}

int RunStatusCommand(const std::string& db) {
  auto store = OpenPostgres(db, "status");
  if (!store) return 1;
  auto status = store->GetQueueStatus();
  if (!status.ok()) {
    std::fprintf(stderr, "newsloom status: %s\n", status.status().ToString().c_str());
    return 1;
  }
  std::printf("queue:");
  if (status->depth.empty()) std::printf(" empty");
  for (const auto& d : status->depth) {
    std::printf(" %s %lld", d.state.c_str(), static_cast<long long>(d.pages));
  }
  std::printf("\narticles: %lld, stories: %lld\n", static_cast<long long>(status->articles),
              static_cast<long long>(status->stories));
  std::printf("%-28s %-12s %8s %8s %10s %8s\n", "worker", "heartbeat", "batches", "pages",
              "pages/s", "db share");
  for (const auto& w : status->workers) {
    const double rate = w.busy_seconds > 0 ? w.pages / w.busy_seconds : 0;
    const double share = w.busy_seconds > 0 ? w.db_seconds / w.busy_seconds : 0;
    std::printf("%-28s %9.0fs ago %8lld %8lld %10.1f %7.0f%%\n", w.name.c_str(),
                w.seconds_since_heartbeat, static_cast<long long>(w.batches),
                static_cast<long long>(w.pages), rate, 100 * share);
  }
  return 0;
}

}  // namespace

void AddQueueCommands(CLI::App& app, Runner& run) {
  {
    auto* cmd = app.add_subcommand(
        "worker", "Extract and analyse queued pages (ingest --enqueue) in leased batches");
    static WorkerFlags flags;
    cmd->add_option("--db", flags.db, "postgresql://... store")->required();
    cmd->add_option("--batch", flags.options.batch_pages, "Pages claimed at a time")
        ->capture_default_str();
    cmd->add_option("--lease", flags.options.lease_seconds,
                    "Seconds a claimed batch stays this worker's")
        ->capture_default_str();
    cmd->add_option("--name", flags.options.name, "Worker name (default host:pid)");
    cmd->add_flag("--follow", flags.options.follow,
                  "Keep waiting for new pages instead of stopping when the queue is drained");
    cmd->callback([&run] { run = [] { return RunWorkerCommand(flags); }; });
  }
  {
    auto* cmd = app.add_subcommand(
        "cluster", "Assign stored articles to stories incrementally (one process per store)");
    static ClusterFlags flags;
    cmd->add_option("--db", flags.db, "postgresql://... store")->required();
    cmd->add_flag("--follow", flags.options.follow,
                  "Keep assigning as articles arrive instead of stopping when the queue is done");
    cmd->add_option("--poll", flags.options.poll_seconds, "Seconds between passes")
        ->capture_default_str();
    cmd->callback([&run] { run = [] { return RunClusterCommand(flags); }; });
  }
  {
    auto* cmd = app.add_subcommand("status", "Queue depth, workers and their throughput");
    static std::string db;
    cmd->add_option("--db", db, "postgresql://... store")->required();
    cmd->callback([&run] { run = [] { return RunStatusCommand(db); }; });
  }
}

}  // namespace newsloom::cli
