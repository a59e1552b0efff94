#include "newsloom/entity_index.h"

#include <algorithm>

#include "story/entity_resolution.h"

namespace newsloom {
namespace {

void AddOnce(std::vector<std::string>* list, const std::string& value) {
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(value);
}

}  // namespace

void EntityIndex::Add(const Story& story) {
  for (const StoryEntity& e : story.entities) {
    auto [it, inserted] = by_id_.emplace(e.id, entities_.size());
    if (inserted) {
      entities_.push_back(EntityAcrossStories{.id = e.id, .name = e.name, .type = e.type});
    }
    EntityAcrossStories& entity = entities_[it->second];
    std::set<std::string> story_articles;
    for (const Citation& c : e.mentions) {
      ++entity.variant_counts[c.text];
      entity.article_ids.insert(c.article_id);
      story_articles.insert(c.article_id);
    }
    const auto index_name = [&](const std::string& name) {
      const std::string key = story::EntityKey(name);
      AddOnce(&ids_by_key_[key], e.id);
      const size_t space = key.rfind(' ');
      if (e.type == "PER" && space != std::string::npos) {
        AddOnce(&ids_by_surname_[key.substr(space + 1)], e.id);
      }
    };
    index_name(e.name);
    for (const std::string& v : e.variants) {
      AddOnce(&entity.variants, v);
      index_name(v);
    }
    for (const std::string& role : e.roles) AddOnce(&entity.roles, role);
    entity.mentions += static_cast<int>(e.mentions.size());
    entity.stories.push_back(EntityInStory{story.id, story.title, e.name,
                                           static_cast<int>(e.mentions.size()),
                                           static_cast<int>(story_articles.size())});
  }
}

const EntityAcrossStories* EntityIndex::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<std::string> EntityIndex::IdsNamed(std::string_view name) const {
  const std::string key = story::EntityKey(name);
  std::vector<std::string> ids;
  for (const auto* map : {&ids_by_key_, &ids_by_surname_}) {
    auto it = map->find(key);
    if (it == map->end()) continue;
    for (const std::string& id : it->second) AddOnce(&ids, id);
  }
  return ids;
}

std::vector<std::string> EntityIndex::SearchNames(const std::string& query) const {
  std::vector<std::string> names;
  std::vector<std::string> ids;
  if (Find(query)) {
    ids.push_back(query);
  } else {
    names.push_back(query);
    ids = IdsNamed(query);
  }
  for (const std::string& id : ids) {
    const EntityAcrossStories& e = *Find(id);
    for (const EntityInStory& in_story : e.stories) AddOnce(&names, in_story.name);
    for (const std::string& v : e.variants) AddOnce(&names, v);
  }
  return names;
}

std::vector<const EntityAcrossStories*> EntityIndex::MostMentioned() const {
  std::vector<const EntityAcrossStories*> out;
  out.reserve(entities_.size());
  for (const EntityAcrossStories& e : entities_) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    if (a->mentions != b->mentions) return a->mentions > b->mentions;
    if (a->name != b->name) return a->name < b->name;
    return a->type < b->type;
  });
  return out;
}

}  // namespace newsloom
