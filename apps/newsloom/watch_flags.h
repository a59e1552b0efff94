// The flags of live sources, shared by `newsloom watch` and `newsloom serve --watch`.
#ifndef NEWSLOOM_APPS_WATCH_FLAGS_H_
#define NEWSLOOM_APPS_WATCH_FLAGS_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "newsloom/watch.h"

namespace newsloom::cli {

struct WatchFlags {
  double interval_seconds = 300;
  double host_delay_seconds = 1;
  double timeout_seconds = 60;
  std::string user_agent = fetch::DefaultUserAgent();
  uint64_t max_page_bytes = 16u << 20;
  std::vector<std::string> resolve;

  fetch::WatchOptions Options() const {
    fetch::WatchOptions options;
    options.interval = std::chrono::seconds(static_cast<int64_t>(interval_seconds));
    options.fetch.host_delay = Millis(host_delay_seconds);
    options.fetch.total_timeout = Millis(timeout_seconds);
    options.fetch.stall_timeout = std::min(options.fetch.stall_timeout, Millis(timeout_seconds));
    options.fetch.connect_timeout =
        std::min(options.fetch.connect_timeout, Millis(timeout_seconds));
    options.fetch.user_agent = user_agent;
    options.fetch.max_page_bytes = max_page_bytes;
    options.fetch.resolve = resolve;
    return options;
  }

  std::chrono::milliseconds Interval() const { return Millis(interval_seconds); }

 private:
  static std::chrono::milliseconds Millis(double seconds) {
    return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
  }
};

inline void AddWatchFlags(CLI::App* cmd, WatchFlags& flags) {
  cmd->add_option("--interval", flags.interval_seconds, "Seconds between polls of a source")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--host-delay", flags.host_delay_seconds,
                  "Seconds between two requests to one host (a longer robots.txt Crawl-delay wins)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--timeout", flags.timeout_seconds, "Seconds one request may take")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--user-agent", flags.user_agent, "User-Agent sent with every request")
      ->capture_default_str();
  cmd->add_option("--max-page-bytes", flags.max_page_bytes, "Larger responses are abandoned")
      ->capture_default_str();
  cmd->add_option("--resolve", flags.resolve,
                  "HOST:PORT:ADDRESS: reach HOST:PORT at ADDRESS without DNS (repeatable)");
}

// "SOURCE: URL: reason" lines on stderr for what a poll skipped.
inline void PrintProblems(const LivePollReport& report) {
  for (const fetch::PollProblem& p : report.poll.problems) {
    if (p.url == p.source) {
      std::fprintf(stderr, "%s: %s\n", p.source.c_str(), p.reason.c_str());
    } else {
      std::fprintf(stderr, "%s: %s: %s\n", p.source.c_str(), p.url.c_str(), p.reason.c_str());
    }
  }
  for (const LivePollReport::Skipped& s : report.skipped) {
    std::fprintf(stderr, "%s: %s: %s\n", s.source.c_str(), s.url.c_str(), s.reason.c_str());
  }
}

}  // namespace newsloom::cli

#endif  // NEWSLOOM_APPS_WATCH_FLAGS_H_
