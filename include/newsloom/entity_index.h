// The named entities of many stories, one entry per entity: a story entity's id is the same in
// every story that names it the same way. What `newsloom entities` lists and the API's
// /api/entities/ID serves.
#ifndef NEWSLOOM_ENTITY_INDEX_H_
#define NEWSLOOM_ENTITY_INDEX_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsloom/story.h"

namespace newsloom {

// One entity as one story names it.
struct EntityInStory {
  std::string story_id;
  std::string story_title;
  std::string name;
  int mentions = 0;
  int articles = 0;  // distinct articles that mention it
};

struct EntityAcrossStories {
  std::string id;
  std::string name;  // name and type as the first story added gives them
  std::string type;
  std::vector<std::string> variants;          // surface forms, first-seen order
  std::map<std::string, int> variant_counts;  // mentions per surface text
  std::vector<std::string> roles;             // first-seen order
  std::vector<EntityInStory> stories;         // in the order the stories were added
  std::set<std::string> article_ids;
  int mentions = 0;
};

class EntityIndex {
 public:
  // Stories in the order they should be listed under each entity.
  void Add(const Story& story);

  // nullptr when no story names an entity with this id.
  const EntityAcrossStories* Find(const std::string& id) const;
  // Ids of the entities that `name` names: by their name or a variant, compared as names are
  // (case, honorifics, hyphens and possessives aside), or a person by the surname alone.
  std::vector<std::string> IdsNamed(std::string_view name) const;
  // What a search for the entity `query` (an entity id, or a name) looks for: every name and
  // variant of the entities it names, after the query itself when it is a name.
  std::vector<std::string> SearchNames(const std::string& query) const;
  // Every entity, the most mentioned first (ties by name, then type).
  std::vector<const EntityAcrossStories*> MostMentioned() const;

 private:
  std::vector<EntityAcrossStories> entities_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, std::vector<std::string>> ids_by_key_;      // EntityKey
  std::unordered_map<std::string, std::vector<std::string>> ids_by_surname_;  // people only
};

}  // namespace newsloom

#endif  // NEWSLOOM_ENTITY_INDEX_H_
