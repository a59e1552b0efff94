#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "newsloom/entity_index.h"
#include "newsloom/json.h"
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
  std::string entity;
  int limit = 20;
};

// Takes `entity:NAME` and `entity:"NAME WITH SPACES"` out of the query text.
std::vector<std::string> TakeEntityFilters(std::string& text) {
  std::vector<std::string> names;
  std::string rest;
  size_t i = 0;
  while (i < text.size()) {
    const bool at_word = i == 0 || text[i - 1] == ' ';
    if (at_word && text.compare(i, 7, "entity:") == 0) {
      i += 7;
      std::string name;
      if (i < text.size() && text[i] == '"') {
        const size_t close = text.find('"', i + 1);
        const size_t end = close == std::string::npos ? text.size() : close;
        name = text.substr(i + 1, end - i - 1);
        i = close == std::string::npos ? text.size() : close + 1;
      } else {
        const size_t end = std::min(text.find(' ', i), text.size());
        name = text.substr(i, end - i);
        i = end;
      }
      if (!name.empty()) names.push_back(name);
      continue;
    }
    rest += text[i++];
  }
  text = rest;
  return names;
}

// The names to look for: the entity (an id or a name) and every name and variant of the story
// entities it names (see EntityIndex::IdsNamed).
std::vector<std::string> ExpandEntity(Store& store, const std::string& entity) {
  EntityIndex index;
  auto stories = store.ListStories();
  if (!stories.ok()) return {entity};
  for (const StorySummary& summary : *stories) {
    auto story = store.GetStory(summary.id);
    if (story.ok()) index.Add(*story);
  }
  return index.SearchNames(entity);
}

int RunSearch(const SearchFlags& flags) {
  SearchQuery query;
  query.text = flags.query;
  std::vector<std::string> entity_filters = TakeEntityFilters(query.text);
  if (!flags.entity.empty()) entity_filters.push_back(flags.entity);
  query.outlet = flags.outlet;
  query.limit = flags.limit;
  for (auto [flag, value, target] :
       {std::tuple{"--from", &flags.from, &query.from}, std::tuple{"--to", &flags.to, &query.to}}) {
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
  if (entity_filters.size() > 1) {
    std::fprintf(stderr, "newsloom search: one entity filter at a time\n");
    return 2;
  }
  if (!entity_filters.empty()) query.entity_names = ExpandEntity(*store, entity_filters[0]);
  auto hits = store->Search(query);
  if (!hits.ok()) {
    std::fprintf(stderr, "newsloom search: %s\n", hits.status().ToString().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  if (flags.json) {
    const json out = *hits;
    PrintJson(out);
    return 0;
  }
  for (const SearchHit& h : *hits) {
    std::printf("%s  %s%s%s\n    %s\n    article %s%s%s  (%s)\n",
                h.published ? h.published->ToIso().c_str() : "????-??-??", h.outlet.c_str(),
                h.outlet.empty() ? "" : ": ", h.title.c_str(), h.snippet.c_str(),
                h.article_id.c_str(), h.story_id.empty() ? "" : ", story ", h.story_id.c_str(),
                h.source.c_str());
  }
  if (hits->empty()) std::fprintf(stderr, "no matches\n");
  return 0;
}

}  // namespace

void AddSearchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("search", "Full-text search over stored articles");
  static SearchFlags flags;
  cmd->add_option("query", flags.query, "Words to find (all must occur)");
  cmd->add_option("--db", flags.db, "Store file")->capture_default_str();
  cmd->add_flag("--json", flags.json, "JSON array of hits");
  cmd->add_option("--from", flags.from, "Published on or after (YYYY-MM-DD)");
  cmd->add_option("--to", flags.to, "Published on or before (YYYY-MM-DD)");
  cmd->add_option("--outlet", flags.outlet, "Only this outlet");
  cmd->add_option(
      "--entity", flags.entity,
      "Only articles mentioning this entity (any variant); also entity:NAME in the query");
  cmd->add_option("--limit", flags.limit, "At most this many hits")->capture_default_str();
  cmd->callback([&run] { run = [] { return RunSearch(flags); }; });
}

}  // namespace newsloom::cli
