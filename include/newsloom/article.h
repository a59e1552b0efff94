// What extraction returns: the article's main text and metadata, and what was removed and why.
#ifndef NEWSLOOM_ARTICLE_H_
#define NEWSLOOM_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/date.h"

namespace newsloom {

// A byte range [begin, end) into Article::body.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  auto operator<=>(const Span&) const = default;
};

struct Paragraph {
  std::string text;
  int line = 0;  // 1-based line of the input for plain-text pages; 0 for HTML
  Span span;     // where the paragraph sits in Article::body (captions: unset)
};

struct RemovedLine {
  int line = 0;  // 1-based input line (plain text) or block number (HTML)
  std::string text;
  std::string
      reason;  // short, stable words: "navigation", "repeated-across-pages", "comment-form", ...
};

// Where a publication date came from, in order of trust: a date the container gave with the page
// (a JSONL `published`, a feed item's date), the page's metadata (JSON-LD, meta tags, a "Published"
// line), the URL's path, a date line or dateline at the top of the text, and last an estimate from
// the dates the text mentions.
enum class DateSource { kNone, kGiven, kMetadata, kUrl, kDateLine, kTextMentions };

// "given", "metadata", "url", "date-line", "text-mentions"; "" for kNone.
const char* DateSourceName(DateSource source);
// The inverse of DateSourceName; kNone for any other string.
DateSource DateSourceFromName(std::string_view name);

struct Article {
  std::string id;      // stable: given id, else hash of the URL, else hash of the content
  std::string source;  // RawPage::source
  std::string url;
  std::string title;
  std::string subtitle;
  std::string byline;
  std::string outlet;
  std::optional<Date> published;    // null when the page does not allow a confident answer
  double published_confidence = 0;  // 0..1
  DateSource published_source = DateSource::kNone;
  std::optional<Date> masthead_date;  // a date printed by the page template, which may be "today"
  std::string language;               // ISO 639-1 code, or "un" when unknown
  std::string body;                   // paragraphs joined by '\n'
  std::vector<Paragraph> paragraphs;
  std::vector<Paragraph> captions;
  std::vector<RemovedLine> removed;
};

}  // namespace newsloom

#endif  // NEWSLOOM_ARTICLE_H_
