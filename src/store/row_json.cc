#include "store/row_json.h"

namespace newsloom::store {

using nlohmann::json;

json ParagraphsToJson(const std::vector<Paragraph>& paragraphs) {
  json out = json::array();
  for (const Paragraph& p : paragraphs) {
    out.push_back(
        {{"text", p.text}, {"line", p.line}, {"begin", p.span.begin}, {"end", p.span.end}});
  }
  return out;
}

std::vector<Paragraph> ParagraphsFromJson(const std::string& text) {
  std::vector<Paragraph> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& p : j) {
    Paragraph paragraph;
    paragraph.text = p.value("text", "");
    paragraph.line = p.value("line", 0);
    paragraph.span.begin = p.value("begin", 0u);
    paragraph.span.end = p.value("end", 0u);
    out.push_back(std::move(paragraph));
  }
  return out;
}

json RemovedToJson(const std::vector<RemovedLine>& removed) {
  json out = json::array();
  for (const RemovedLine& r : removed) {
    out.push_back({{"line", r.line}, {"text", r.text}, {"reason", r.reason}});
  }
  return out;
}

std::vector<RemovedLine> RemovedFromJson(const std::string& text) {
  std::vector<RemovedLine> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& r : j) {
    out.push_back(RemovedLine{r.value("line", 0), r.value("text", ""), r.value("reason", "")});
  }
  return out;
}

json GivenToJson(const RawPage& page) {
  json given = json::object();
  if (page.given_id) given["id"] = *page.given_id;
  if (page.given_title) given["title"] = *page.given_title;
  if (page.given_published) given["published"] = *page.given_published;
  if (page.given_summary) given["summary"] = *page.given_summary;
  return given;
}

// Dumps JSON for storage; invalid UTF-8 is replaced rather than failing the write.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void GivenFromJson(const std::string& text, RawPage* page) {
  const json given = json::parse(text, nullptr, false);
  if (!given.is_object()) return;
  if (given.contains("id")) page->given_id = given["id"].get<std::string>();
  if (given.contains("title")) page->given_title = given["title"].get<std::string>();
  if (given.contains("published")) page->given_published = given["published"].get<std::string>();
  if (given.contains("summary")) page->given_summary = given["summary"].get<std::string>();
}

}  // namespace newsloom::store
