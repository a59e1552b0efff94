// The API's JSON of the public structs (include/newsloom/json.h); apart from the storage
// encoding in story_json.cc.
#include "newsloom/json.h"

namespace newsloom {

nlohmann::json DateToJson(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToIso()) : nlohmann::json(nullptr);
}

void to_json(nlohmann::json& out, const SearchHit& hit) {
  out = {
      {"article_id", hit.article_id},
      {"title", hit.title},
      {"outlet", hit.outlet},
      {"source", hit.source},
      {"published", DateToJson(hit.published)},
      {"story_id", hit.story_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.story_id)},
      {"snippet", hit.snippet},
      {"score", hit.score}};
}

}  // namespace newsloom
