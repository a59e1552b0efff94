#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "newsloom/source_list.h"
#include "newsloom/store.h"
#include "newsloom/watch.h"
#include "newsloom/watch_state_store.h"
#include "watch_flags.h"

namespace newsloom::cli {
namespace {

struct Flags {
  std::vector<std::string> sources;
  std::string db = "newsloom.db";
  bool once = false;
  WatchFlags watch;
};

// SIGINT and SIGTERM set `stop` (taken by one thread rather than a handler, so that nothing is
// interrupted half way); the poll in hand finishes what is under way.
void StopOnSignals(std::atomic<bool>* stop) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([stop, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::fprintf(stderr, "newsloom watch: stopping after the transfers under way\n");
    stop->store(true);
  }).detach();
}

void PrintPoll(const LivePollReport& r) {
  const fetch::PollReport& p = r.poll;
  std::printf(
      "sources polled: %zu, not modified: %zu, failed: %zu, items: %zu, new: %zu, pages: %zu, "
      "fetches failed: %zu, articles stored: %lld, already stored: %lld, pages skipped: %zu",
      p.sources_polled, p.sources_not_modified, p.sources_failed, p.items, p.new_urls, p.pages,
      p.fetch_failures, static_cast<long long>(r.articles_stored),
      static_cast<long long>(r.already_stored), r.skipped.size());
  if (r.stories) std::printf(", stories: %lld", static_cast<long long>(*r.stories));
  std::printf("\n");
  std::fflush(stdout);
}

int RunWatch(const Flags& flags) {
  fetch::SourceList sources = fetch::ExpandSources(flags.sources);
  for (const std::string& problem : sources.problems) {
    std::fprintf(stderr, "newsloom watch: %s\n", problem.c_str());
  }
  if (sources.urls.empty()) {
    std::fprintf(stderr, "newsloom watch: no sources to watch\n");
    return 2;
  }
  auto store = Store::Open(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom watch: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto state = store::OpenWatchState(flags.db);
  if (!state.ok()) {
    std::fprintf(stderr, "newsloom watch: %s\n", state.status().ToString().c_str());
    return 1;
  }
  std::atomic<bool> stop{false};
  StopOnSignals(&stop);
  fetch::WatchOptions options = flags.watch.Options();
  if (flags.once) options.interval = std::chrono::seconds(0);  // every source, however recent
  options.stop = [&stop] { return stop.load(); };
  LiveIngest watch(store->get(), state->get(), sources.urls, options);
  auto on_poll = [](const LivePollReport& report) {
    PrintProblems(report);
    PrintPoll(report);
  };
  Status status;
  if (flags.once) {
    auto report = watch.PollOnce();
    if (report.ok()) on_poll(*report);
    status = report.status();
  } else {
    status = RunLiveIngest(
        watch, flags.watch.Interval(), [&stop] { return stop.load(); }, on_poll);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsloom watch: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddWatchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand(
      "watch",
      "Poll live sources (feeds, sitemaps, front pages, files or OPML lists of them) into the "
      "store until SIGINT or SIGTERM");
  static Flags flags;
  cmd->add_option("sources", flags.sources,
                  "Feed, sitemap or front page URLs, or files listing them (one a line, or OPML)")
      ->required();
  cmd->add_option("--db", flags.db, "Store: a SQLite file or postgresql://...")
      ->capture_default_str();
  cmd->add_flag("--once", flags.once, "Poll every source once, store what is new, and exit");
  AddWatchFlags(cmd, flags.watch);
  cmd->callback([&run] { run = [] { return RunWatch(flags); }; });
}

}  // namespace newsloom::cli
