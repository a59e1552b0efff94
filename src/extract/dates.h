// Dates written in page text and metadata, and the estimate of a page's publication date from
// the dates its text refers to.
#ifndef NEWSLOOM_EXTRACT_DATES_H_
#define NEWSLOOM_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/date.h"

namespace newsloom::extract {

// One date reference in text. Unwritten parts are 0 (weekday -1).
struct DateMention {
  size_t begin = 0;  // byte span in the scanned text
  size_t end = 0;
  int year = 0;
  int month = 0;     // 1..12
  int day = 0;       // 1..31
  int weekday = -1;  // 0 = Monday .. 6 = Sunday, for a weekday written alone ("on Tuesday")
  int tense = 0;     // +1 when its clause speaks of the future ("will visit on ..."), else -1
};

// The dates of `text`, in order, read from the temporal expressions of the TimeML tagger for
// `language` (timex::TagTemporalExpressions, without an anchor): full dates, yearless dates
// ("June 12" has year 0), months of a year and lone weekdays, with the tense of their clause.
std::vector<DateMention> FindDateMentions(std::string_view text, std::string_view language = "en");

// Reads one date from a metadata value or a short date line: ISO timestamps, "June 19, 2024",
// "Monday, June 17, 2024", "2024/06/19", "19.06.2024". nullopt when the string
// holds no complete date.
std::optional<Date> ParseDate(std::string_view s);

// A line that is essentially a date (a masthead "today" line): its date, when the date is written
// in at most kMaxDateLineWords words and the words that are not part of it are few (at most
// `max_other_words`). `line_words`, when known (>= 0), is text::Words(line).size(): longer lines
// are then rejected without tagging.
inline constexpr int kMaxDateLineWords = 12;
std::optional<Date> DateLine(std::string_view line, int max_other_words = 3, int line_words = -1);

struct PublicationEstimate {
  std::optional<Date> published;  // null when the evidence does not allow a confident answer
  double confidence = 0;          // 0..1
  std::string basis;              // short words saying what decided it, for debugging output
};

// Estimates when a text was written from the dates it mentions. `masthead` is a date printed by
// the page template, which may be the day of the crawl rather than of the article: it supplies
// the year of yearless dates and is accepted only when the text supports it. `anchor`, a day the
// writing is known to be near (the URL's month, the crawl), supplies that year when there is no
// masthead.
PublicationEstimate EstimatePublication(const std::vector<DateMention>& mentions,
                                        std::optional<Date> masthead,
                                        std::optional<Date> anchor = std::nullopt);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_DATES_H_
