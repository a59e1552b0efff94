// Page metadata of an HTML page: <title>, the first <h1>, <meta> tags, JSON-LD, <time> and
// itemprop="datePublished", and the title, subtitle, outlet, byline and publication date decided
// from them and from the URL.
#ifndef NEWSLOOM_EXTRACT_HTML_META_H_
#define NEWSLOOM_EXTRACT_HTML_META_H_

#include <libxml/tree.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"

namespace newsloom::extract {

struct HtmlMeta {
  std::string title_tag;
  std::string h1;
  std::map<std::string, std::string> meta;  // lower-case property/name/itemprop -> content
  std::string time_datetime;
  std::string ld_headline, ld_published, ld_author, ld_publisher;
};

// Reads the document's metadata and the JSON-LD scripts (their text as the page has it).
HtmlMeta CollectMeta(xmlDoc* doc, const std::vector<std::string>& json_ld);

// Fills title, subtitle, outlet, byline and the date the metadata states (published_source
// kMetadata).
void DecideMetadata(const HtmlMeta& meta, Article* article);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_META_H_
