// Temporal expressions in English text, TimeML style: dates, times, durations and sets.
#ifndef NEWSLOOM_TEXT_TIMEX_H_
#define NEWSLOOM_TEXT_TIMEX_H_

#include <optional>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/date.h"

namespace newsloom::text {

// Finds the temporal expressions of `text`, in order, with byte spans into `text`.
// Relative expressions ("on Tuesday", "last September", "next week") resolve against `anchor`,
// the document creation time, with the tense of their clause deciding the direction. Without an
// anchor their value keeps the unknown parts as TimeML does ("XXXX-06-12"). Never fails; text it
// cannot read yields fewer expressions. Thread-safe.
std::vector<TemporalExpression> TagTemporalExpressions(std::string_view text,
                                                       std::optional<Date> anchor);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_TIMEX_H_
