// The publication date of a page from every signal a crawl carries, in order of trust: a date
// the container gave with the page, the page's metadata, the URL's path, a date line or dateline
// at the top of the text, and last the dates the text mentions. The crawl time bounds them all
// from above, and supplies the year of dates written without one.
#ifndef NEWSLOOM_EXTRACT_PUBLICATION_H_
#define NEWSLOOM_EXTRACT_PUBLICATION_H_

#include <optional>
#include <string_view>

#include "newsloom/article.h"
#include "newsloom/date.h"

namespace newsloom::extract {

// A date in a URL, at the precision the URL gives it.
struct UrlDate {
  Date date;            // day 1 when the URL names only a year and month
  bool has_day = true;  // false for "/2024/09/slug"
};

// The date of a URL's path: "/2024/07/14/", "/2024-10-10-", "-20241010.", "/2024/jul/14/", and at
// month precision "/2024/09/". The host and the query are not read.
std::optional<UrlDate> DateInUrl(std::string_view url);

// What the page and its container say about when it was written, as extraction found it.
struct DateSignals {
  std::optional<Date> given;     // the container's date (JSONL `published`, a feed item's date)
  std::optional<Date> metadata;  // JSON-LD, meta tags, <time>
  double metadata_confidence = 0;
  std::optional<UrlDate> url;
  std::optional<Date> date_line;  // "Published June 19, 2024", a crawl's leading "date 2024-06-19"
  double date_line_confidence = 0.9;
  std::optional<Date>
      crawl_month;               // a crawl's leading "date 2024-06" line: the first of that month
  std::optional<Date> masthead;  // a template's date line, which may be the day of the crawl
  std::optional<Date> crawled;   // when the page was fetched: it cannot be newer
};

// The signals of a page that are not in the extracted article itself: the container's date and
// crawl time, the URL, and a leading "date YYYY-MM-DD" line of crawl-style text.
DateSignals PageDateSignals(std::optional<std::string_view> given_published,
                            std::string_view fetched_at, std::string_view url,
                            std::string_view text);

// Sets article->published, published_confidence and published_source from the signals; the
// dates mentioned in `text` (the body) are read only when no stronger signal decides. A page with
// no signal stays undated.
void ResolvePublication(const DateSignals& signals, std::string_view text, Article* article);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_PUBLICATION_H_
