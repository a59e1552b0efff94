// The API's JSON of the public structs (include/newsloom/json.h); apart from the storage
// encoding in story_json.cc.
#include "newsloom/json.h"

namespace newsloom {

nlohmann::json DateToJson(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToIso()) : nlohmann::json(nullptr);
}

void to_json(nlohmann::json& j, const Article& a) {
  j = nlohmann::json::object();
  j["source"] = a.source;
  j["title"] = a.title;
  j["subtitle"] = a.subtitle;
  j["byline"] = a.byline;
  j["outlet"] = a.outlet;
  j["published"] = DateToJson(a.published);
  j["published_confidence"] = a.published_confidence;
  j["published_source"] = a.published_source == DateSource::kNone
                              ? nlohmann::json(nullptr)
                              : nlohmann::json(DateSourceName(a.published_source));
  j["masthead_date"] = DateToJson(a.masthead_date);
  j["language"] = a.language;
  j["body"] = a.body;
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const Paragraph& p : a.paragraphs)
    paragraphs.push_back({{"text", p.text}, {"line", p.line}});
  j["paragraphs"] = std::move(paragraphs);
  nlohmann::json captions = nlohmann::json::array();
  for (const Paragraph& c : a.captions) captions.push_back(c.text);
  j["captions"] = std::move(captions);
  nlohmann::json removed = nlohmann::json::array();
  for (const RemovedLine& r : a.removed) {
    removed.push_back({{"line", r.line}, {"text", r.text}, {"reason", r.reason}});
  }
  j["removed"] = std::move(removed);
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
