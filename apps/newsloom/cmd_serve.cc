#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "commands.h"
#include "server/server.h"

namespace newsloom::cli {
namespace {

int RunServe(server::ServerOptions options) {
  if (options.token.empty()) {
    if (const char* env = std::getenv("NEWSLOOM_TOKEN")) options.token = env;
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
  std::thread([&srv, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    srv.Stop();
  }).detach();
  std::printf("newsloom serving %s on http://%s:%d/%s\n", options.db.c_str(), options.bind.c_str(),
              srv.port(), options.token.empty() ? " (ingest off: no token)" : "");
  std::fflush(stdout);
  Status done = srv.Listen();
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
  cmd->callback([&run] { run = [] { return RunServe(options); }; });
}

}  // namespace newsloom::cli
