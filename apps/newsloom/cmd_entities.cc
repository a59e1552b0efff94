// newsloom entities: the named entities of the stored stories, one row per entity across stories
// (an entity's id is the same in every story that names it the same way), with its variants,
// mention counts and stories.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "newsloom/entity_index.h"
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
  EntityIndex index;
  for (const std::string& id : story_ids) {
    auto story = store->GetStory(id);
    if (!story.ok()) {
      std::fprintf(stderr, "newsloom entities: %s\n", story.status().ToString().c_str());
      return story.status().code() == Status::Code::kNotFound ? 2 : 1;
    }
    index.Add(*story);
  }
  std::vector<const EntityAcrossStories*> rows = index.MostMentioned();
  if (!flags.type.empty()) {
    std::erase_if(rows, [&](const EntityAcrossStories* e) { return e->type != flags.type; });
  }
  if (flags.limit > 0 && static_cast<int>(rows.size()) > flags.limit) rows.resize(flags.limit);

  if (flags.json) {
    json out = json::array();
    for (const EntityAcrossStories* e : rows) {
      json variants = json::array();
      for (const std::string& v : e->variants) {
        const auto count = e->variant_counts.find(v);
        variants.push_back(
            {{"text", v}, {"count", count == e->variant_counts.end() ? 0 : count->second}});
      }
      json stories = json::array();
      for (const EntityInStory& in_story : e->stories) stories.push_back(in_story.story_id);
      out.push_back({{"id", e->id},
                     {"name", e->name},
                     {"type", e->type},
                     {"mentions", e->mentions},
                     {"articles", e->article_ids.size()},
                     {"variants", std::move(variants)},
                     {"roles", e->roles},
                     {"stories", std::move(stories)}});
    }
    PrintJson(out);
    return 0;
  }
  for (const EntityAcrossStories* e : rows) {
    std::string variants;
    for (const std::string& v : e->variants) {
      if (v == e->name) continue;
      variants += (variants.empty() ? "" : ", ") + v;
    }
    std::printf("%5d  %-4s  %s%s%s%s  (%zu stor%s)\n", e->mentions, e->type.c_str(),
                e->name.c_str(), e->roles.empty() ? "" : (" [" + e->roles.front() + "]").c_str(),
                variants.empty() ? "" : "  also: ", variants.c_str(), e->stories.size(),
                e->stories.size() == 1 ? "y" : "ies");
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
