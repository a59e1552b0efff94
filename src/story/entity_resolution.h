// Entity resolution within a story: the tagged mentions of its articles grouped into entities, one
// name per person, organisation or place.
//
// Each mention is cleaned first: honorifics ("Mr.", "Dr.") are dropped, a title inside or just
// before a person's name becomes a role ("Defense Minister Andrei Belousov" -> "Andrei Belousov",
// role "Defense Minister"), a trailing possessive is dropped, and names compare after case folding,
// with hyphens as spaces and dots removed ("Kim Jong-un" = "Kim Jong Un", "U.S." = "US"). A person
// name ending in a place-type word ("... Square", "... Airport") is taken as a place.
//
// Names then merge, each merge logged with its reason:
//   - "same name": equal after cleaning (types may differ; the most frequent type wins);
//   - "acronym": an all-capital word equal to the initials of a longer name of the same type
//     ("DPRK" ~ "Democratic People's Republic of Korea", "US" ~ "United States");
//   - "abbreviation": equal after expanding known abbreviations ("UN Security Council" ~
//     "United Nations Security Council");
//   - "country name": a state-form name built on the adjective of a place name ("Russian
//     Federation" ~ "Russia");
//   - "spelling variant, same role" / "spelling variant, shared context": two names of the same
//     type and word count, at least 10 letters, whose words are equal, synonymous place-type words
//     ("spaceport" ~ "cosmodrome") or within a small edit distance, with at least one word equal or
//     synonymous, and only when the roles agree or the articles mentioning them share other names;
//   - "short form": a one-word person name equal to the first word (given name, or an East Asian
//     family name) or the last word (surname) of a full person name; when several full names fit,
//     the most mentioned one (ties: the first mentioned).
// Two full names that disagree never merge by these rules ("Kim Il Sung" stays apart from
// "Kim Jong Un"), and places stay apart from people.
#ifndef NEWSLOOM_STORY_ENTITY_RESOLUTION_H_
#define NEWSLOOM_STORY_ENTITY_RESOLUTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/story.h"

namespace newsloom::story {

struct ResolvedEntities {
  std::vector<StoryEntity> entities;  // most mentions first; ties by first mention
  std::vector<EntityMerge> merges;    // in the order they were made
};

// Groups the entity mentions of `articles` (any order; output depends only on the articles in the
// given order). Mentions with spans outside their body or empty text are skipped. Never fails.
ResolvedEntities ResolveEntities(const std::vector<const AnalyzedArticle*>& articles);

// The comparison key of a name: honorifics dropped, case folded, hyphens as spaces, dots and
// possessives removed, white space collapsed ("Mr. Kim Jong-un's" -> "kim jong un").
std::string EntityKey(std::string_view name);

// The stable id of an entity with that canonical name and type (hex of a hash of type and key).
std::string EntityId(std::string_view type, std::string_view name);

// Levenshtein distance over bytes.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_ENTITY_RESOLUTION_H_
