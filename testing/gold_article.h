// Test helper: an Article made from a sample page's gold body lines (gold.json), so that story
// tests do not depend on the extraction stage.
#ifndef NEWSLOOM_TESTING_GOLD_ARTICLE_H_
#define NEWSLOOM_TESTING_GOLD_ARTICLE_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsloom/article.h"

namespace newsloom::testing {

// `lines` are the page's lines; `doc` its entry in gold.json's "documents". A body line number
// outside the page is reported as a test failure and skipped.
inline Article ArticleFromGoldLines(const std::vector<std::string>& lines,
                                    const nlohmann::json& doc, std::string id) {
  Article a;
  a.id = std::move(id);
  a.source = doc["file"];
  a.title = doc.value("title", "");
  if (doc["published"].is_string())
    a.published = Date::FromIso(doc["published"].get<std::string>());
  for (int n : doc["body_lines"]) {
    if (n < 1 || n > static_cast<int>(lines.size())) {
      ADD_FAILURE() << a.source << ": gold body line " << n << " is not on the page";
      continue;
    }
    Paragraph p;
    p.text = lines[n - 1];
    p.line = n;
    if (!a.body.empty()) a.body += '\n';
    p.span = Span{static_cast<uint32_t>(a.body.size()),
                  static_cast<uint32_t>(a.body.size() + p.text.size())};
    a.body += p.text;
    a.paragraphs.push_back(std::move(p));
  }
  return a;
}

}  // namespace newsloom::testing

#endif  // NEWSLOOM_TESTING_GOLD_ARTICLE_H_
