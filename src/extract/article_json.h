// The JSON form of an extracted article, as `newsloom extract` prints it.
#ifndef NEWSLOOM_EXTRACT_ARTICLE_JSON_H_
#define NEWSLOOM_EXTRACT_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>

#include "newsloom/article.h"

namespace newsloom::extract {

// Exactly the keys source, title, subtitle, byline, outlet, published (ISO or null),
// published_confidence, masthead_date (ISO or null), language, body, paragraphs ([{text, line}]),
// captions ([text]), removed ([{line, text, reason}]).
nlohmann::json ArticleToJson(const Article& article);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_ARTICLE_JSON_H_
