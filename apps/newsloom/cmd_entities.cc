// newsloom entities: the named entities of the stored stories, one row per entity across stories
// (an entity's id is the same in every story that names it the same way), with its variants,
// mention counts and stories.
#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "newsloom/store.h"
#include "store_flags.h"

namespace newsloom::cli {
namespace {

using nlohmann::json;

struct EntitiesFlags {
  std::string db = "newsloom.db";
  std::string story;
  std::string type;
  bool json = false;
  int limit = 0;
};

struct Row {
  std::string id, name, type;
  std::vector<std::string> variants;  // first-seen order
  std::vector<std::string> roles;
  std::map<std::string, int> variant_counts;
  std::vector<std::string> stories;  // store order
  std::set<std::string> articles;
  int mentions = 0;
};

int RunEntities(const EntitiesFlags& flags) {
  auto store = OpenExistingStore(flags.db, "entities");
  if (!store) return 1;
  std::vector<std::string> story_ids;
  if (!flags.story.empty()) {
    story_ids.push_back(flags.story);
  } else {
    auto list = store->ListStories();
    if (!list.ok()) {
      std::fprintf(stderr, "newsloom entities: %s\n", list.status().ToString().c_str());
      return 1;
    }
    for (const StorySummary& s : *list) story_ids.push_back(s.id);
  }
  std::vector<Row> rows;
  std::map<std::string, size_t> row_of;
  for (const std::string& id : story_ids) {
    auto story = store->GetStory(id);
    if (!story.ok()) {
      std::fprintf(stderr, "newsloom entities: %s\n", story.status().ToString().c_str());
      return story.status().code() == Status::Code::kNotFound ? 2 : 1;
    }
    for (const StoryEntity& e : story->entities) {
      if (!flags.type.empty() && e.type != flags.type) continue;
      auto [it, inserted] = row_of.emplace(e.id, rows.size());
      if (inserted) rows.push_back(Row{e.id, e.name, e.type, {}, {}, {}, {}, {}, 0});
      Row& r = rows[it->second];
      for (const std::string& v : e.variants) {
        if (std::find(r.variants.begin(), r.variants.end(), v) == r.variants.end()) {
          r.variants.push_back(v);
        }
      }
      for (const std::string& role : e.roles) {
        if (std::find(r.roles.begin(), r.roles.end(), role) == r.roles.end()) r.roles.push_back(role);
      }
      for (const Citation& c : e.mentions) {
        ++r.variant_counts[c.text];
        r.articles.insert(c.article_id);
      }
      r.mentions += static_cast<int>(e.mentions.size());
      r.stories.push_back(story->id);
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.type < b.type;
  });
  if (flags.limit > 0 && static_cast<int>(rows.size()) > flags.limit) rows.resize(flags.limit);

  if (flags.json) {
    json out = json::array();
    for (const Row& r : rows) {
      json variants = json::array();
      for (const std::string& v : r.variants) {
        variants.push_back({{"text", v}, {"count", r.variant_counts.count(v) ? r.variant_counts.at(v) : 0}});
      }
      out.push_back({{"id", r.id},
                     {"name", r.name},
                     {"type", r.type},
                     {"mentions", r.mentions},
                     {"articles", r.articles.size()},
                     {"variants", std::move(variants)},
                     {"roles", r.roles},
                     {"stories", r.stories}});
    }
    std::printf("%s\n", out.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return 0;
  }
  for (const Row& r : rows) {
    std::string variants;
    for (const std::string& v : r.variants) {
      if (v == r.name) continue;
      variants += (variants.empty() ? "" : ", ") + v;
    }
    std::printf("%5d  %-4s  %s%s%s%s  (%zu stor%s)\n", r.mentions, r.type.c_str(), r.name.c_str(),
                r.roles.empty() ? "" : (" [" + r.roles.front() + "]").c_str(),
                variants.empty() ? "" : "  also: ", variants.c_str(), r.stories.size(),
                r.stories.size() == 1 ? "y" : "ies");
  }
  if (rows.empty()) std::fprintf(stderr, "no entities\n");
  return 0;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("entities", "Named entities of the stored stories");
  static EntitiesFlags flags;
  cmd->add_option("--db", flags.db, "Store file")->capture_default_str();
  cmd->add_option("--story", flags.story, "Only this story");
  cmd->add_option("--type", flags.type, "Only this type (PER, ORG, LOC, MISC)");
  cmd->add_option("--limit", flags.limit, "At most this many rows (0: all)");
  cmd->add_flag("--json", flags.json, "JSON array of entities");
  cmd->callback([&run] { run = [] { return RunEntities(flags); }; });
}

}  // namespace newsloom::cli
