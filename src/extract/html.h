// Main content of an HTML page (libxml2): the DOM cut into text blocks, blocks scored by text and
// link density and by tag/class/id hints, the best contiguous region around the densest text
// kept; title, outlet, byline and publication date from meta tags, JSON-LD, <time> and the URL.
#ifndef NEWSLOOM_EXTRACT_HTML_H_
#define NEWSLOOM_EXTRACT_HTML_H_

#include <string_view>

#include "newsloom/article.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// Fills title, subtitle, byline, outlet, published (+confidence), body, paragraphs, captions and
// removed from `html` (valid UTF-8); `url` (may be empty) is read for a date. Paragraph lines
// are 0; removed lines carry the block number. Fails with kCorrupt when no main text is found.
Status ExtractHtml(std::string_view html, std::string_view url, Article* article);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_H_
