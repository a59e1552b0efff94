// Main text of a plain-text page (one line per block of visible text, as crawls store pages):
// every line is classified as body, caption, metadata (title, subtitle, byline, outlet, dates) or
// boilerplate, jusText-style (length, function-word density, punctuation, capitalisation,
// position, neighbours), with lines that recur across the batch's pages as template evidence.
#ifndef NEWSLOOM_EXTRACT_PLAIN_TEXT_H_
#define NEWSLOOM_EXTRACT_PLAIN_TEXT_H_

#include <string>
#include <string_view>

#include "extract/extract.h"
#include "newsloom/article.h"

namespace newsloom::extract {

// The key under which LineStats counts a line: normalised, digits folded, so that "Views: 2"
// and "Views: 7" are one template line. Empty for blank lines.
std::string LineKey(std::string_view line);

// Fills title, subtitle, byline, outlet, published (+confidence), masthead_date, body,
// paragraphs, captions and removed from `text` (valid UTF-8). Leaves id, source, url and language
// alone. `corpus` may be null. Fails with kCorrupt when no body line is found.
Status ExtractPlainText(std::string_view text, const LineStats* corpus, Article* article);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_PLAIN_TEXT_H_
