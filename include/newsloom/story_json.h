// Stories as JSON: how the store keeps a story's brief and how the CLI and API print it.
// Keys are stable (other tools read them): id, thread, title, first_published, last_published,
// sources_independent, articles [{id, source, title, outlet, published, role}], timeline
// [{date, background, independent_sources, sources [{article_id, begin, end, text}]}],
// shared_sentences [[{article_id, begin, end, text}]], entities [{id, name, type, variants, roles,
// mentions [{article_id, begin, end, text}]}], entity_merges [{a, b, reason}], quotes [{text,
// speaker, speaker_entity, cue, kind, independent_sources, citations [{article_id, begin, end,
// text}]}], claims [{unit, thing, status, independent_sources, values [{text, value, value_high,
// approx, reference_date, citation {article_id, begin, end, text}}]}]. Dates are ISO strings or
// null.
#ifndef NEWSLOOM_STORY_JSON_H_
#define NEWSLOOM_STORY_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "newsloom/status.h"
#include "newsloom/story.h"

namespace newsloom::store {

// How the store writes a copy role: "original", "copy", "rewrite".
const char* StoredRoleName(CopyRole role);
// The inverse of StoredRoleName; unknown names are kOriginal.
CopyRole StoredRole(std::string_view name);

nlohmann::json CitationToJson(const Citation& citation);
nlohmann::json StoryToJson(const Story& story);
// kCorrupt when `json` does not have the shape above.
Result<Story> StoryFromJson(const nlohmann::json& json);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORY_JSON_H_
