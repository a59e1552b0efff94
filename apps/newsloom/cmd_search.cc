#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "newsloom/store.h"
#include "store_flags.h"

namespace newsloom::cli {
namespace {

using nlohmann::json;

struct SearchFlags {
  std::string query;
  std::string db = "newsloom.db";
  bool json = false;
  std::string from;
  std::string to;
  std::string outlet;
  int limit = 20;
};

int RunSearch(const SearchFlags& flags) {
  SearchQuery query;
  query.text = flags.query;
  query.outlet = flags.outlet;
  query.limit = flags.limit;
  for (auto [flag, value, target] : {std::tuple{"--from", &flags.from, &query.from},
                                     std::tuple{"--to", &flags.to, &query.to}}) {
    if (value->empty()) continue;
    *target = Date::FromIso(*value);
    if (!*target) {
      std::fprintf(stderr, "newsloom search: %s wants a date like 2024-06-19, not '%s'\n", flag,
                   value->c_str());
      return 2;
    }
  }
  auto store = OpenExistingStore(flags.db, "search");
  if (!store) return 1;
  auto hits = store->Search(query);
  if (!hits.ok()) {
    std::fprintf(stderr, "newsloom search: %s\n", hits.status().ToString().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  if (flags.json) {
    json out = json::array();
    for (const SearchHit& h : *hits) {
      out.push_back({{"article_id", h.article_id},
                     {"title", h.title},
                     {"outlet", h.outlet},
                     {"source", h.source},
                     {"published", h.published ? json(h.published->ToIso()) : json(nullptr)},
                     {"story_id", h.story_id},
                     {"snippet", h.snippet},
                     {"score", h.score}});
    }
    std::printf("%s\n", out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return 0;
  }
  for (const SearchHit& h : *hits) {
    std::printf("%s  %s%s%s\n    %s\n    article %s%s%s  (%s)\n",
                h.published ? h.published->ToIso().c_str() : "????-??-??", h.outlet.c_str(),
                h.outlet.empty() ? "" : ": ", h.title.c_str(), h.snippet.c_str(),
                h.article_id.c_str(), h.story_id.empty() ? "" : ", story ",
                h.story_id.c_str(), h.source.c_str());
  }
  if (hits->empty()) std::fprintf(stderr, "no matches\n");
  return 0;
}

}  // namespace

void AddSearchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("search", "Full-text search over stored articles");
  static SearchFlags flags;
  cmd->add_option("query", flags.query, "Words to find (all must occur)")->required();
  cmd->add_option("--db", flags.db, "Store file")->capture_default_str();
  cmd->add_flag("--json", flags.json, "JSON array of hits");
  cmd->add_option("--from", flags.from, "Published on or after (YYYY-MM-DD)");
  cmd->add_option("--to", flags.to, "Published on or before (YYYY-MM-DD)");
  cmd->add_option("--outlet", flags.outlet, "Only this outlet");
  cmd->add_option("--limit", flags.limit, "At most this many hits")->capture_default_str();
  cmd->callback([&run] { run = [] { return RunSearch(flags); }; });
}

}  // namespace newsloom::cli
