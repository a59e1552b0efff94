// Temporal expressions in text, TimeML style: dates, times, durations and sets.
#ifndef NEWSLOOM_TIMEX_TIMEX_H_
#define NEWSLOOM_TIMEX_TIMEX_H_

#include <optional>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/date.h"

namespace newsloom::timex {

// Finds the temporal expressions of `text`, written in `language` (ISO 639-1: "en", "de", "fr",
// "es"), in order, with byte spans into `text`. The words of each language come from its table
// (languages/*.txt); a language without one, and "un" (unknown), get only the rules that need no
// words: ISO and numeric dates, years, clock times. An empty `language` (none given) is English.
// Relative expressions ("on Tuesday", "last September", "next week") resolve against `anchor`,
// the document creation time, with the tense of their clause deciding the direction. A history
// (a text whose years lie decades before its anchor) is read as a narrative instead: they resolve
// against the last date it named. Without an anchor their value keeps the unknown parts as TimeML
// does ("XXXX-06-12"). Never fails; text it cannot read yields fewer expressions. Thread-safe.
//
// Conventions (TempEval-3 / TimeBank):
// - Extents leave out prepositions ("on Tuesday" gives "Tuesday") and keep determiners and
//   modifiers TimeML keeps ("last September", "the past three years", "early 1991", "nearly
//   two years"); a range "June 19-20" is one DATE whose value is its start (2024-06-19).
// - Values: 2024-06-19, 2024-06, 2024, 2024-W25, 2024-W25-WE, 2024-Q1, 2024-H1, 2024-SU, 199
//   (decade), 19 (century), BC0490, 2024-06-19T15:57, 2024-06-19T15:57Z (UTC), 2024-06-19TMO,
//   P3Y, PT2H, PXY (vague), PRESENT_REF, PAST_REF, FUTURE_REF; sets P1W, XXXX-WXX-2.
// - `tense` is the clause's (-1 past, +1 future, 0 none found); `relative` marks values that
//   needed the anchor or an earlier date of the text ("the following year").
// - A weekday with a part of the day ("Friday night") keeps the plain date as its value.
// - Where another language's TimeBank annotates otherwise, its table says so (languages/README.md):
//   "mardi soir" is ...TEV, Spanish ages are durations, French ones are not.
std::vector<TemporalExpression> TagTemporalExpressions(std::string_view text,
                                                       std::optional<Date> anchor,
                                                       std::string_view language);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TIMEX_H_
