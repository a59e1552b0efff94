// Figures: the numbers an article reports, each with what it counts and the date it refers to.
//
// A figure is a number in digits ("7,000", "1.5") or words ("two", "twenty-five", "a dozen"),
// with an optional scale word ("3 million"), range ("5 to 10", "5-10", "between 5 and 10"),
// qualifier ("about", "more than", "at least"), currency ("$", "€", "£", "dollars") or percent
// sign, and the noun it counts: the first plural noun among the next three words ("300 French
// workers"), else the next word. A hyphenated measure ("three-day strike") counts the unit
// after the hyphen and names the thing it qualifies. Numbers that are part of a date or time
// (tagged by the temporal-expression tagger), bare years, numbers with no unit, percent or
// currency, and spelled-out numbers after a determiner ("the two countries") are not figures.
#ifndef NEWSLOOM_ANALYZE_FIGURES_H_
#define NEWSLOOM_ANALYZE_FIGURES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/date.h"

namespace newsloom::analyze {

// The figures of `body` in text order, byte offsets into `body`, read from its tokens (Analyze's,
// text::Segment) with hyphenated compounds joined (text::JoinHyphenated: "three-day", "5-10").
// `sentences` (sorted, as Analyze makes them) give each figure its sentence; `dates` (sorted,
// TagTemporalExpressions) give its reference date: the first DATE of its sentence with a calendar
// value, else `published`. Numbers are read in the notation of `language`
// ("3.000,5" in German, "3,000.5" in English). Never fails; deterministic; ill-formed UTF-8 is
// passed over.
std::vector<Figure> FindFigures(std::string_view body, const std::vector<Token>& tokens,
                                const std::vector<Span>& sentences,
                                const std::vector<TemporalExpression>& dates,
                                const std::optional<Date>& published,
                                std::string_view language = "en");

// The number a word names ("two" -> 2, "twenty" -> 20, "dozen" -> 12), or -1.
double NumberWordValue(std::string_view lower_word);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_FIGURES_H_
