#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "newsloom/watch_state_store.h"

namespace newsloom::cli {
namespace {

using nlohmann::json;

struct Flags {
  std::string db = "newsloom.db";
  bool json = false;
};

// Each watched source with what became of it, and the URLs it listed whose fetch failed.
Result<json> SourcesJson(store::StoredWatchState& state) {
  auto sources = state.Sources();
  if (!sources.ok()) return sources.status();
  auto articles = state.ArticlesPerSource();
  if (!articles.ok()) return articles.status();
  auto failed = state.FailedUrls();
  if (!failed.ok()) return failed.status();
  std::map<std::string, json> failures;
  for (const fetch::SeenUrl& url : *failed) {
    json& list = failures[url.source];
    if (list.is_null()) list = json::array();
    list.push_back({{"url", url.listed_url},
                    {"state", store::UrlStateName(url.state)},
                    {"attempts", url.attempts},
                    {"http_status", url.http_status},
                    {"error", url.error},
                    {"last_attempt", url.last_attempt}});
  }
  json out = json::array();
  for (const fetch::SourceState& s : *sources) {
    auto stored = articles->find(s.url);
    auto failures_of = failures.find(s.url);
    out.push_back(
        {{"url", s.url},
         {"fetch_url", s.fetch_url},
         {"parent", s.parent},
         {"kind", s.kind},
         {"last_poll", s.last_poll},
         {"status", s.status},
         {"last_error", s.last_error},
         {"polls", s.polls},
         {"not_modified", s.not_modified},
         {"errors", s.errors},
         {"items_seen", s.items_new},
         {"pages_fetched", s.articles_fetched},
         {"articles_stored", stored == articles->end() ? 0 : stored->second},
         {"failed_urls", failures_of == failures.end() ? json::array() : failures_of->second}});
  }
  return out;
}

void PrintText(const json& sources) {
  for (const json& s : sources) {
    const std::string kind = s["kind"].get<std::string>();
    std::printf("%s\n  %s%s, last poll %s, %llu polls, %llu items seen, %lld articles stored\n",
                s["url"].get<std::string>().c_str(), s["status"].get<std::string>().c_str(),
                kind.empty() ? "" : (" (" + kind + ")").c_str(),
                s["last_poll"].get<std::string>().c_str(),
                static_cast<unsigned long long>(s["polls"].get<uint64_t>()),
                static_cast<unsigned long long>(s["items_seen"].get<uint64_t>()),
                static_cast<long long>(s["articles_stored"].get<int64_t>()));
    if (!s["last_error"].get<std::string>().empty()) {
      std::printf("  error: %s\n", s["last_error"].get<std::string>().c_str());
    }
    for (const json& f : s["failed_urls"]) {
      std::printf("  %s %s: %s\n", f["state"].get<std::string>().c_str(),
                  f["url"].get<std::string>().c_str(), f["error"].get<std::string>().c_str());
    }
  }
}

int RunSources(const Flags& flags) {
  if (flags.db.find("://") == std::string::npos && !std::filesystem::exists(flags.db)) {
    std::fprintf(stderr, "newsloom sources: no store at %s (run newsloom watch first)\n",
                 flags.db.c_str());
    return 1;
  }
  auto state = store::OpenWatchState(flags.db);
  if (!state.ok()) {
    std::fprintf(stderr, "newsloom sources: %s\n", state.status().ToString().c_str());
    return 1;
  }
  auto sources = SourcesJson(**state);
  if (!sources.ok()) {
    std::fprintf(stderr, "newsloom sources: %s\n", sources.status().ToString().c_str());
    return 1;
  }
  if (flags.json) {
    PrintJson(*sources);
  } else {
    PrintText(*sources);
  }
  return 0;
}

}  // namespace

void AddSourcesCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand(
      "sources", "The watched sources: last poll, status, items seen, articles stored, errors");
  static Flags flags;
  cmd->add_option("--db", flags.db, "Store: a SQLite file or postgresql://...")
      ->capture_default_str();
  cmd->add_flag("--json", flags.json, "One JSON array");
  cmd->callback([&run] { run = [] { return RunSources(flags); }; });
}

}  // namespace newsloom::cli
