#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "newsloom/server.h"
#include "newsloom/source_list.h"
#include "newsloom/store.h"
#include "newsloom/watch.h"
#include "newsloom/watch_state_store.h"
#include "watch_flags.h"

namespace newsloom::cli {
namespace {

struct WatchInServer {
  std::string sources_file;  // empty: no watcher
  WatchFlags flags;
};

// The watcher of `serve --watch`, on a thread of its own with its own store connection, until
// `stop`. After each poll that rebuilt the stories the server reads the store again.
Status WatchWhileServing(const std::string& db, const std::vector<std::string>& sources,
                         const WatchFlags& flags, const std::atomic<bool>& stop,
                         server::Server& srv) {
  auto store = Store::Open(db);
  if (!store.ok()) return store.status();
  auto state = store::OpenWatchState(db);
  if (!state.ok()) return state.status();
  fetch::WatchOptions options = flags.Options();
  options.stop = [&stop] { return stop.load(); };
  LiveIngest watch(store->get(), state->get(), sources, options);
  return RunLiveIngest(
      watch, flags.Interval(), [&stop] { return stop.load(); },
      [&srv](const LivePollReport& report) {
        PrintProblems(report);
        if (report.stories) srv.Refresh();
      });
}

int RunServe(server::ServerOptions options, const WatchInServer& watch) {
  if (options.token.empty()) {
    if (const char* env = std::getenv("NEWSLOOM_TOKEN")) options.token = env;
  }
  fetch::SourceList sources;
  if (!watch.sources_file.empty()) {
    sources = fetch::ExpandSources({watch.sources_file});
    for (const std::string& problem : sources.problems) {
      std::fprintf(stderr, "newsloom serve: %s\n", problem.c_str());
    }
    if (sources.urls.empty()) {
      std::fprintf(stderr, "newsloom serve: no sources to watch in %s\n",
                   watch.sources_file.c_str());
      return 2;
    }
    // The watcher fills the store: it need not exist yet.
    if (auto store = Store::Open(options.db); !store.ok()) {
      std::fprintf(stderr, "newsloom serve: %s\n", store.status().ToString().c_str());
      return 1;
    }
  }
  auto created = server::Server::Create(options);
  if (!created.ok()) {
    std::fprintf(stderr, "newsloom serve: %s\n", created.status().ToString().c_str());
    return 1;
  }
  server::Server& srv = **created;
  if (Status bound = srv.Bind(); !bound.ok()) {
    std::fprintf(stderr, "newsloom serve: %s\n", bound.ToString().c_str());
    return 1;
  }
  // SIGINT and SIGTERM are taken by one thread that stops the server, rather than by a handler
  // interrupting whatever a worker is doing. Blocked before the workers start, so they inherit it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> stop{false};
  std::thread([&srv, &stop, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    stop.store(true);
    srv.Stop();
  }).detach();
  Status watched;
  std::atomic<bool> served{false};
  std::thread watcher;
  if (!sources.urls.empty()) {
    watcher = std::thread([&] {
      watched = WatchWhileServing(options.db, sources.urls, watch.flags, stop, srv);
      // A watcher that cannot write stops the whole process (asked until the server has started
      // and stopped: a stop before it listens would go unheard).
      while (!watched.ok() && !served.load()) {
        srv.Stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  std::printf("newsloom serving %s on http://%s:%d/%s\n", options.db.c_str(), options.bind.c_str(),
              srv.port(), options.token.empty() ? " (ingest off: no token)" : "");
  std::fflush(stdout);
  Status done = srv.Listen();
  served.store(true);
  if (watcher.joinable()) {
    stop.store(true);
    watcher.join();
  }
  if (!watched.ok()) {
    std::fprintf(stderr, "newsloom serve: watch: %s\n", watched.ToString().c_str());
    return 1;
  }
  if (!done.ok()) {
    std::fprintf(stderr, "newsloom serve: %s\n", done.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("serve", "HTTP API and web page over a store");
  static server::ServerOptions options;
  static WatchInServer watch;
  cmd->add_option("--db", options.db, "Store file")->capture_default_str();
  cmd->add_option("--port", options.port, "Port (0: any free one)")->capture_default_str();
  cmd->add_option("--bind", options.bind, "Address to listen on")->capture_default_str();
  cmd->add_option(
      "--token", options.token,
      "Token that POST /api/ingest requires (default: $NEWSLOOM_TOKEN; none: ingest off)");
  cmd->add_option("--threads", options.limits.threads, "HTTP workers (connections served at once)")
      ->capture_default_str();
  cmd->add_option("--max-body", options.limits.max_body_bytes, "Largest request body in bytes")
      ->capture_default_str();
  cmd->add_option("--watch", watch.sources_file,
                  "File of sources (one a line, or OPML) to watch into the store while serving");
  AddWatchFlags(cmd, watch.flags);
  cmd->callback([&run] { run = [] { return RunServe(options, watch); }; });
}

}  // namespace newsloom::cli
