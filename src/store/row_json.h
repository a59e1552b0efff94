// The parts of an article row that both backends keep as JSON text: captions, removed lines and
// what the container said about a raw page.
#ifndef NEWSLOOM_STORE_ROW_JSON_H_
#define NEWSLOOM_STORE_ROW_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/raw_page.h"

namespace newsloom::store {

nlohmann::json ParagraphsToJson(const std::vector<Paragraph>& paragraphs);
// Damaged text gives an empty list.
std::vector<Paragraph> ParagraphsFromJson(const std::string& text);

nlohmann::json RemovedToJson(const std::vector<RemovedLine>& removed);
std::vector<RemovedLine> RemovedFromJson(const std::string& text);

// {id, title, published} as given by the container, each only when given.
nlohmann::json GivenToJson(const RawPage& page);
void GivenFromJson(const std::string& text, RawPage* page);

// Dumps JSON for storage; invalid UTF-8 is replaced rather than failing the write.
std::string Dump(const nlohmann::json& j);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_ROW_JSON_H_
