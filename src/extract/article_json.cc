#include "extract/article_json.h"

namespace newsloom::extract {

nlohmann::json ArticleToJson(const Article& a) {
  nlohmann::json j;
  j["source"] = a.source;
  j["title"] = a.title;
  j["subtitle"] = a.subtitle;
  j["byline"] = a.byline;
  j["outlet"] = a.outlet;
  j["published"] = a.published ? nlohmann::json(a.published->ToIso()) : nlohmann::json(nullptr);
  j["published_confidence"] = a.published_confidence;
  j["published_source"] = a.published_source == DateSource::kNone
                              ? nlohmann::json(nullptr)
                              : nlohmann::json(DateSourceName(a.published_source));
  j["masthead_date"] =
      a.masthead_date ? nlohmann::json(a.masthead_date->ToIso()) : nlohmann::json(nullptr);
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
  return j;
}

}  // namespace newsloom::extract
