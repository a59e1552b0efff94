// The JSON of the public structs as newsloom shows them to programs: the HTTP API and the
// command line's --json output. The stores keep their own encoding (store/story_json.h), so
// either can change without the other. Dates are ISO strings, and absent values are null.
// Functions of plain data: thread-safe.
#ifndef NEWSLOOM_JSON_H_
#define NEWSLOOM_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "newsloom/article.h"
#include "newsloom/date.h"
#include "newsloom/store.h"

namespace newsloom {

// "2024-06-19", or null.
nlohmann::json DateToJson(const std::optional<Date>& date);

// An extracted article, as `newsloom extract` prints it: exactly the keys source, title,
// subtitle, byline, outlet, published (ISO or null), published_confidence, published_source (the
// signal's name, or null), masthead_date (ISO or null), language, body, paragraphs
// ([{text, line}]), captions ([text]), removed ([{line, text, reason}]).
void to_json(nlohmann::json& out, const Article& article);

// {article_id, title, outlet, source, published, story_id (null when in no story), snippet,
// score}; nlohmann::json(hit) calls it.
void to_json(nlohmann::json& out, const SearchHit& hit);

}  // namespace newsloom

#endif  // NEWSLOOM_JSON_H_
